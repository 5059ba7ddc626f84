"""The production profile, whole: two Rasa processes behind the public gateway, the tracker
store and the records on the machine's real PostgreSQL, the lock store and the rate limits on
its real Redis (the ``pg_stack`` of tests/integration/conftest.py).

- whole conversations spread over both Rasa processes finish, their tracker and records are in
  PostgreSQL, and the staff pages and the evaluator report (over HTTP, signed in) read them;
- a Rasa process that stops mid-conversation: her next message is answered by the other one,
  where she was, and nothing is lost or stored twice;
- two messages of one conversation sent at once to the two processes are taken one after the
  other (the Redis lock store), each followed by its own reply.
"""

from __future__ import annotations

import asyncio
import os
import re
import signal
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import aiohttp
import pyotp
import pytest
from sqlalchemy.engine import Engine

from bot.records.database import make_engine
from bot.records.intake_record import IntakeRepository
from bot.records.transcripts import START_PAYLOAD
from bot.runtime.stack import Stack
from bot.web.rasa import RasaClient
from tests.integration.test_concurrency import client_for, opened, say, turns
from tests.staff.helpers import PASSWORD, make_user

pytestmark = pytest.mark.integration
INTAKE = ("yes that's fine", "ok carry on", "one to one i think", "phone", "evenings",
          "my health visitor", "im 30 weeks pregnant", "no that's all",
          "yes I'd like to try it", "yes please", "text me", "07700 900123")
MODE_QUESTION = "one-to-one support is by phone. Would that suit you?"  # northbrook's
TIME_QUESTION = "What times usually suit you?"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture(scope="module")
def engine(pg_stack: Stack) -> Iterator[Engine]:
    engine = make_engine(pg_stack.db_url)
    yield engine
    engine.dispose()


def home_of(stack: Stack, cid: str) -> str:
    """The name of the Rasa process the gateway sends this conversation to first."""
    names = {f"{url}/webhooks/rest/webhook": name for name, url in stack.rasa_servers.items()}
    return names[RasaClient(list(stack.rasa_servers.values()), 5).route(cid)[0]]


def stored_messages(engine: Engine, cid: str) -> list[str]:
    return [text for kind, text in turns(engine, cid) if kind == "user"]


async def signed_in(stack: Stack, engine: Engine, email: str, role: str) -> aiohttp.ClientSession:
    _user, secret = make_user(engine, email, role, ["northbrook"])
    client = aiohttp.ClientSession(base_url=stack.web_url,
                                   cookie_jar=aiohttp.CookieJar(unsafe=True))
    async with client.get("/staff/signin") as response:
        token = CSRF.search(await response.text()).group(1)
    async with client.post("/staff/signin", allow_redirects=False, data={
            "csrf_token": token, "email": email, "password": PASSWORD,
            "code": pyotp.TOTP(secret).now(), "next": "/staff/"}) as response:
        assert response.status == 303 and "signin" not in response.headers["Location"]
    return client


async def test_conversations_over_both_processes_are_kept_in_postgresql(
        pg_stack: Stack, engine: Engine) -> None:
    clients: list[aiohttp.ClientSession] = []
    cids: list[str] = []
    try:
        # Mothers arrive until each Rasa process is some conversation's home.
        while len({home_of(pg_stack, cid) for cid in cids}) < 2 or len(cids) < 3:
            clients.append(client_for(pg_stack))
            cids.append(await opened(clients[-1], pg_stack))
            assert len(cids) < 30

        async def intake(client: aiohttp.ClientSession) -> str:
            for message in INTAKE:
                last = await say(client, message)
            return last

        endings = await asyncio.gather(*(intake(client) for client in clients))
    finally:
        for client in clients:
            await client.close()

    records = IntakeRepository(engine)
    for cid, ending in zip(cids, endings, strict=True):
        assert "07700 900123" not in ending  # her number is confirmed masked, never echoed
        assert stored_messages(engine, cid)[-len(INTAKE):] == list(INTAKE)
        record = records.get(cid)
        assert record is not None and record["site"] == "northbrook"
        assert (record["format_preference"], record["perinatal_stage"],
                record["take_up_intent"], record["preferred_contact"]) == (
            "one_to_one", "pregnant", "yes", "text"), record

    # The staff pages and the evaluator report read the same PostgreSQL.
    staff = await signed_in(pg_stack, engine, "kim@northbrook.example.org", "staff")
    evaluator = await signed_in(pg_stack, engine, "eve@northbrook.example.org", "evaluator")
    try:
        async with staff.get(f"/staff/conversations/{cids[0]}") as response:
            page = await response.text()
            assert response.status == 200
        assert "im 30 weeks pregnant" in page and "my health visitor" in page
        async with evaluator.get("/evaluate/report.csv") as response:
            report = await response.text()
            assert response.status == 200, report[:500]
        assert "northbrook" in report
    finally:
        await staff.close()
        await evaluator.close()


def wait_until_up(url: str, within: float = 240.0) -> None:
    deadline = time.monotonic() + within
    while True:
        try:
            with urllib.request.urlopen(f"{url}/", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            assert time.monotonic() < deadline, f"{url} did not come back"
            time.sleep(1)


async def test_a_rasa_process_that_stops_mid_conversation(pg_stack: Stack,
                                                          engine: Engine) -> None:
    async with client_for(pg_stack) as client:
        cid = await opened(client, pg_stack)
        await say(client, "yes that's fine")
        await say(client, "ok carry on")
        home = home_of(pg_stack, cid)
        os.killpg(pg_stack.processes[home].pid, signal.SIGKILL)
        pg_stack.processes[home].wait(15)
        try:
            started = time.monotonic()
            assert MODE_QUESTION in await say(client, "one to one i think")
            assert time.monotonic() - started < 30  # the other process, not a restart
            assert TIME_QUESTION in await say(client, "phone")
        finally:
            pg_stack.restart(home)
            wait_until_up(pg_stack.rasa_servers[home])
        await say(client, "evenings")  # and on again, whichever process takes it

    assert stored_messages(engine, cid) == [
        START_PAYLOAD, "yes that's fine", "ok carry on", "one to one i think", "phone",
        "evenings"]
    record = IntakeRepository(engine).get(cid)
    assert record is not None
    assert (record["format_preference"], record["mode_preferences"]) == ("one_to_one", ["phone"])


async def test_one_conversation_at_both_processes_at_once_is_taken_in_turn(
        pg_stack: Stack, engine: Engine) -> None:
    """Straight to each process's REST channel, the same conversation at the same moment:
    without a shared lock both would read the same tracker and write over each other."""
    first, second = (f"{url}/webhooks/rest/webhook" for url in pg_stack.rasa_servers.values())
    sender = f"lock-{time.time_ns()}"

    async def post(client: aiohttp.ClientSession, url: str, message: str) -> list:
        async with client.post(url, json={"sender": sender, "message": message,
                                          "metadata": {"site": "northbrook"}},
                               timeout=aiohttp.ClientTimeout(total=90)) as response:
            assert response.status == 200
            return await response.json()

    async with aiohttp.ClientSession() as client:
        assert await post(client, first, "hi")
        replies = await asyncio.gather(post(client, first, "yes that's fine"),
                                       post(client, second, "what is peer support?"))
    assert all(replies), replies
    stored = turns(engine, sender)
    users = [i for i, (kind, _) in enumerate(stored) if kind == "user"]
    assert sorted(stored[i][1] for i in users) == sorted(
        ["hi", "yes that's fine", "what is peer support?"]), stored
    for here, following in zip(users, [*users[1:], len(stored)], strict=True):
        assert any(kind == "bot" for kind, _ in stored[here + 1:following]), stored
