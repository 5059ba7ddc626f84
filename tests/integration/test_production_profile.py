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
from tests.integration.test_concurrency import turns
from tests.staff.helpers import PASSWORD, make_user
from tests.web.conftest import conversation_id

pytestmark = pytest.mark.integration
COOKIE = "intake_chat"
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


class Mother:
    """One mother in her own browser session, chatting through the public gateway."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self.client = aiohttp.ClientSession(base_url=stack.web_url,
                                            cookie_jar=aiohttp.CookieJar(unsafe=True))
        self.cid = ""

    async def send(self, body: dict) -> str:
        async with self.client.post("/api/chat", json={"site": "northbrook", **body},
                                    timeout=aiohttp.ClientTimeout(total=90)) as response:
            data = await response.json()
            assert response.status == 200, (body, response.status, data)
        text = "\n".join(m.get("text") or "" for m in data["messages"])
        assert text.strip(), f"no reply to {body!r}"
        return text

    async def opens(self) -> None:
        await self.send({"payload": START_PAYLOAD, "message": ""})
        self.cid = conversation_id(
            self.stack, next(c.value for c in self.client.cookie_jar if c.key == COOKIE))

    async def says(self, message: str) -> str:
        return await self.send({"message": message})

    async def close(self) -> None:
        await self.client.close()


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
    mothers: list[Mother] = []
    try:
        # Mothers arrive until each Rasa process is some conversation's home.
        while len({home_of(pg_stack, m.cid) for m in mothers}) < 2 or len(mothers) < 3:
            mother = Mother(pg_stack)
            await mother.opens()
            mothers.append(mother)
            assert len(mothers) < 30

        async def intake(mother: Mother) -> str:
            for message in INTAKE:
                last = await mother.says(message)
            return last

        endings = await asyncio.gather(*(intake(m) for m in mothers))
    finally:
        for mother in mothers:
            await mother.close()

    records = IntakeRepository(engine)
    for mother, ending in zip(mothers, endings, strict=True):
        assert "07700 900123" not in ending  # her number is confirmed masked, never echoed
        assert stored_messages(engine, mother.cid)[-len(INTAKE):] == list(INTAKE)
        record = records.get(mother.cid)
        assert record is not None and record["site"] == "northbrook"
        assert (record["format_preference"], record["perinatal_stage"],
                record["take_up_intent"], record["preferred_contact"]) == (
            "one_to_one", "pregnant", "yes", "text"), record

    # The staff pages and the evaluator report read the same PostgreSQL.
    staff = await signed_in(pg_stack, engine, "kim@northbrook.example.org", "staff")
    evaluator = await signed_in(pg_stack, engine, "eve@northbrook.example.org", "evaluator")
    try:
        async with staff.get(f"/staff/conversations/{mothers[0].cid}") as response:
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
    mother = Mother(pg_stack)
    try:
        await mother.opens()
        await mother.says("yes that's fine")
        await mother.says("ok carry on")
        home = home_of(pg_stack, mother.cid)
        os.killpg(pg_stack.processes[home].pid, signal.SIGKILL)
        pg_stack.processes[home].wait(15)
        try:
            started = time.monotonic()
            assert MODE_QUESTION in await mother.says("one to one i think")
            assert time.monotonic() - started < 30  # the other process, not a restart
            assert TIME_QUESTION in await mother.says("phone")
        finally:
            pg_stack.restart(home)
            wait_until_up(pg_stack.rasa_servers[home])
        await mother.says("evenings")  # and on again, whichever process takes it
    finally:
        await mother.close()

    assert stored_messages(engine, mother.cid) == [
        START_PAYLOAD, "yes that's fine", "ok carry on", "one to one i think", "phone",
        "evenings"]
    record = IntakeRepository(engine).get(mother.cid)
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
