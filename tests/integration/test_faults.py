"""Faults under the real processes: the whole stack (real Rasa, action server, web app) on the
machine's real PostgreSQL, reached through a switch the test can cut, as a database restart or a
dropped network would. While it is away the mother gets the kind message with a person to call;
when it is back the conversation carries on where it was, and nothing is lost or duplicated."""

from __future__ import annotations

import time

import aiohttp
import pytest
import sqlalchemy as sa

from bot.records.database import make_engine, risk_events
from bot.records.intake_record import IntakeRepository
from bot.runtime.stack import Stack
from tests.safety.receivers import WebhookReceiver, wait_for
from tests.tcp_switch import TcpSwitch
from tests.web.conftest import conversation_id

pytestmark = pytest.mark.integration
COOKIE = "intake_chat"
UNAVAILABLE = "Sorry, I can't reply just now"


async def say(client: aiohttp.ClientSession, message: str) -> str:
    """Send through the public gateway: every message gets a non-empty answer, either the
    assistant's (200) or the kind message the widget shows when it cannot reply (503)."""
    async with client.post("/api/chat", json={"message": message},
                           timeout=aiohttp.ClientTimeout(total=90)) as response:
        data = await response.json()
        if response.status == 503:
            assert data["error"] == "unavailable" and data["retry"] is True
            return data["message"]
        assert response.status == 200, data
    text = "\n".join(m.get("text") or "" for m in data["messages"])
    assert text.strip(), f"no reply to {message!r}"
    return text


async def say_until_answered(client: aiohttp.ClientSession, message: str,
                             within: float = 60.0) -> str:
    """She sends it again, as the kind message asks, until the assistant answers it."""
    deadline = time.monotonic() + within
    while True:
        text = await say(client, message)
        if UNAVAILABLE not in text or time.monotonic() > deadline:
            return text
        time.sleep(2)


def risk_events_of(engine: sa.engine.Engine, cid: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(risk_events).where(
            risk_events.c.conversation_id == cid)).scalar_one()


async def test_database_away_and_back(pg_stack: Stack, switch: TcpSwitch,
                                      webhook: WebhookReceiver) -> None:
    async with aiohttp.ClientSession(base_url=pg_stack.web_url,
                                     cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        await say(client, "hi")
        await say(client, "yes that's fine")
        await say(client, "ok carry on")
        await say(client, "one to one i think")
        cid = conversation_id(pg_stack, next(c.value for c in client.cookie_jar
                                             if c.key == COOKIE))
        engine = make_engine(pg_stack.db_url)
        before = IntakeRepository(engine).get(cid)
        assert before is not None and before["format_preference"] == "one_to_one"
        engine.dispose()

        switch.cut()
        try:
            # Every message still gets an answer, at once, with a person to call.
            away = await say(client, "phone would be best")
            assert UNAVAILABLE in away and "999" in away
            assert UNAVAILABLE in await say(client, "i keep thinking they'd be better off "
                                                    "without me")
        finally:
            switch.restore()

        # Back: she sends it again and the conversation carries on from where it was.
        after = await say_until_answered(client, "phone would be best")
        assert UNAVAILABLE not in after
        await say(client, "evenings")
        risk = await say_until_answered(client, "i keep thinking they'd be better off "
                                                "without me")
        assert "116 123" in risk

    engine = make_engine(pg_stack.db_url)
    record = IntakeRepository(engine).get(cid)
    assert record is not None
    assert record["format_preference"] == "one_to_one"  # said before the outage: kept
    assert "phone" in record["mode_preferences"]  # ...and what she said after it is recorded
    assert record["time_preferences"]
    # The risk she raised once the database was back: one event, one alert, not duplicated.
    assert risk_events_of(engine, cid) == 1

    def alerts_for_her() -> list[dict]:
        return [r.json for r in webhook.received if r.json["conversation_id"] == cid]

    assert wait_for(alerts_for_her, 15)
    time.sleep(2)  # a duplicate would arrive about now
    assert len(alerts_for_her()) == 1
    engine.dispose()
