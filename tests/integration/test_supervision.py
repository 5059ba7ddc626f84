"""`make run` keeps going when a process dies: the real runner (``python -m bot.runtime``) on
spare ports with its own SQLite database, each of its three processes killed in the middle of
a conversation through the gateway, and the conversation carrying on with nothing lost.

The restart rules themselves (pauses, giving up) are unit tests: tests/unit/test_supervisor.py.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest

from bot.records.database import REPO_ROOT, make_engine
from bot.records.intake_record import IntakeRepository
from bot.runtime.stack import Stack
from tests.web.chat_client import browser_like, cookie_value, history, press, say, start
from tests.web.conftest import conversation_id, free_port

pytestmark = pytest.mark.integration

#: The issue's bar for the action server (and the web app): the conversation carries on
#: within this long of the kill.
CARRIES_ON_WITHIN = 30.0
#: Rasa loads its model again when restarted: a minute or so on two busy cores.
RASA_BACK_WITHIN = 240.0
#: While a process is down she is answered at once, not left waiting.
ANSWERED_AT_ONCE = 5.0


@dataclass
class Runner:
    process: subprocess.Popen
    output: Path
    folder: Path
    web_url: str
    db_url: str

    def child(self, marker: str) -> int:
        """The pid of the runner's child process whose command line contains ``marker``."""
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            except (OSError, IndexError, ValueError):
                continue
            if ppid == self.process.pid and marker in command:
                return int(entry.name)
        raise AssertionError(f"no child process running {marker!r}")

    def kill(self, marker: str) -> int:
        """Kill the child (its whole process group) as a crash would: SIGKILL, no clean-up."""
        pid = self.child(marker)
        os.killpg(pid, signal.SIGKILL)
        return pid

    def log(self) -> str:
        return self.output.read_text(errors="replace")


@pytest.fixture(scope="module")
def runner(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Runner]:
    folder = tmp_path_factory.mktemp("supervised")
    web_port = free_port()
    db_url = f"sqlite:///{folder / 'intake.db'}"
    env = {**os.environ, "RASA_PORT": str(free_port()), "ACTION_SERVER_PORT": str(free_port()),
           "WEB_PORT": str(web_port), "WEB_HOST": "127.0.0.1", "DATABASE_URL": db_url,
           "INTAKE_VAR_DIR": str(folder), "REDIS_URL": "", "SUPERVISE_BACKOFF_INITIAL": "0.5",
           # the test asks again every two seconds, faster than a mother would
           "WEB_CONVERSATION_RATE": "600"}
    output = folder / "runner.out"
    with output.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "bot.runtime"], cwd=REPO_ROOT,
                                   env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    running = Runner(process, output, folder, f"http://127.0.0.1:{web_port}", db_url)
    try:
        deadline = time.monotonic() + 300
        while "is running" not in running.log():
            assert process.poll() is None, running.log()
            assert time.monotonic() < deadline, running.log()
            time.sleep(1)
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def web_is_up(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/healthz", timeout=2):
            return True
    except (urllib.error.URLError, OSError):
        return False


async def post(client: aiohttp.ClientSession, body: dict) -> tuple[int, dict, float]:
    started = time.monotonic()
    async with client.post("/api/chat", json=body) as response:
        return response.status, await response.json(), time.monotonic() - started


async def carry_on(client: aiohttp.ClientSession, since: float, within: float) -> float:
    """Answer the assistant's latest question with its first button until a reply comes;
    how long after ``since`` it came. Every failure on the way is the polite message, fast."""
    while True:
        latest = [m for m in await history(client, "eastvale") if m["from"] == "bot"][-1]
        body: dict = {"message": "yes", "site": "eastvale"}
        if latest["buttons"]:
            button = latest["buttons"][0]
            body.update(payload=button["payload"], message=button["title"])
        status, data, took = await post(client, body)
        if status == 200 and data["messages"]:
            return time.monotonic() - since
        assert status == 503 and "999" in data["message"], (status, data)
        assert took < ANSWERED_AT_ONCE + 1, took
        assert time.monotonic() - since < within, "the conversation did not carry on in time"
        time.sleep(2)


async def test_each_process_killed_mid_conversation_is_restarted_and_nothing_is_lost(
    runner: Runner,
) -> None:
    marker = f"a private word {uuid.uuid4().hex}"
    records = IntakeRepository(make_engine(runner.db_url))
    timings = {}
    async with browser_like(runner.web_url) as client:
        welcome = await start(client, "eastvale")
        await press(client, welcome, "/affirm", "eastvale")  # consent: her record is kept
        await say(client, marker, "eastvale")
        cookie = cookie_value(client)

        # -- the action server
        before = await history(client, "eastvale")
        runner.kill("actions.server")
        killed = time.monotonic()
        timings["action server"] = await carry_on(client, killed, CARRIES_ON_WITHIN)
        assert (await history(client, "eastvale"))[:len(before)] == before

        # -- the Rasa server: while it is down she is answered at once
        before = await history(client, "eastvale")
        runner.kill("bot.runtime.rasa_server run")
        killed = time.monotonic()
        status, data, took = await post(client, {"message": "are you there", "site": "eastvale"})
        assert status == 503 and took < ANSWERED_AT_ONCE and "07700 900456" in data["message"]
        timings["Rasa server"] = await carry_on(client, killed, RASA_BACK_WITHIN)
        assert (await history(client, "eastvale"))[:len(before)] == before

        # -- the web app
        before = await history(client, "eastvale")
        runner.kill("bot.web")
        killed = time.monotonic()
        while not web_is_up(runner.web_url):
            assert time.monotonic() - killed < CARRIES_ON_WITHIN
            time.sleep(0.5)
        # the browser's kept-alive connections died with the app: new ones, the same cookie
        async with browser_like(runner.web_url, client.cookie_jar) as again:
            timings["web app"] = await carry_on(again, killed, CARRIES_ON_WITHIN)
            # the cookie still opens the same conversation: the session key was kept
            assert (await history(again, "eastvale"))[:len(before)] == before

    print("conversation carried on after a kill, seconds: "
          + ", ".join(f"{name} {seconds:.1f}" for name, seconds in timings.items()))
    keys = Stack(var_dir=runner.folder, db_url=runner.db_url)  # where its session key is
    record = records.get(conversation_id(keys, cookie))
    assert record is not None and record["consent"] == "given"
    assert runner.process.poll() is None, "the runner is still running"
    log = runner.log()
    for name in ("action server", "Rasa server", "web app"):
        assert f"The {name} stopped" in log and f"The {name} was started again" in log
    assert marker not in log  # nothing she wrote in the runner's output
    for each in (runner.folder / "logs").iterdir():
        assert marker not in each.read_text(errors="replace"), each.name

    # Ctrl-C (SIGTERM) still stops everything cleanly
    runner.process.send_signal(signal.SIGTERM)
    assert runner.process.wait(60) == 0
    assert not web_is_up(runner.web_url)
