"""'Delete my data', end to end: she asks in the chat, is asked to confirm and says yes, the
purge runs once the conversation has gone quiet, and nothing of hers is left: tracker store,
record, contact details, the staff alert (sent to the stack's webhook); the widget shows her no
history. The risk event stays for safeguarding until the site's retention ends. An alert not yet
sent when she asks is kept until it is: tests/unit/test_retention.py and
tests/cli/test_bot_command.py. Anything but a yes to the confirmation keeps everything and the
intake goes on."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import aiohttp
import pytest
import sqlalchemy as sa

from bot.records.database import (
    alert_outbox,
    contact_details,
    deletion_requests,
    intake_records,
    make_engine,
    risk_events,
)
from bot.records.intake_record import IntakeRepository, utcnow
from bot.records.retention import QUIET_PERIOD, purge
from bot.records.transcripts import events_table
from bot.runtime.stack import Stack
from tests.safety.receivers import WebhookReceiver, wait_for
from tests.web.conftest import conversation_id

pytestmark = pytest.mark.integration
COOKIE = "intake_chat"


async def say(client: aiohttp.ClientSession, message: str) -> str:
    async with client.post("/api/chat", json={"message": message}) as response:
        data = await response.json()
        assert response.status == 200, data
    return "\n".join(m.get("text") or "" for m in data["messages"])


def rows_of(engine: sa.engine.Engine, cid: str) -> dict[str, int]:
    """How many rows each place that can hold her data has for this conversation."""
    with engine.connect() as conn:
        counts = {table.name: conn.execute(
            sa.select(sa.func.count()).select_from(table).where(
                table.c.conversation_id == cid)).scalar_one()
            for table in (intake_records, contact_details, risk_events, alert_outbox)}
        counts["events"] = conn.execute(sa.select(sa.func.count()).select_from(
            events_table).where(events_table.c.sender_id == cid)).scalar_one()
    return counts


def alert_sent(engine: sa.engine.Engine, cid: str) -> bool:
    with engine.connect() as conn:
        return conn.execute(sa.select(alert_outbox.c.sent_at).where(
            alert_outbox.c.conversation_id == cid)).scalar() is not None


async def test_she_asks_for_deletion_and_nothing_of_hers_remains(
        stack: Stack, staff_webhook: WebhookReceiver) -> None:
    engine = make_engine(stack.db_url)
    async with aiohttp.ClientSession(base_url=stack.web_url,
                                     cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        await say(client, "hi")
        await say(client, "yes that's fine")
        await say(client, "one to one please")
        assert "116 123" in await say(client, "i keep thinking everyone would be better off "
                                              "without me")
        cid = conversation_id(stack, next(c.value for c in client.cookie_jar
                                          if c.key == COOKIE))
        # her number, stored as the call-back question stores it
        IntakeRepository(engine).save_contact(cid, "phone", "+447700900123")
        before = rows_of(engine, cid)
        assert before["intake_records"] == 1 and before["contact_details"] == 1
        assert before["risk_events"] == 1 and before["alert_outbox"] == 1  # one channel
        assert before["events"] > 0
        # staff are told (the action server's background sender), and the row marked sent
        assert await asyncio.to_thread(wait_for, lambda: alert_sent(engine, cid), 30)
        assert any(r.json["conversation_id"] == cid for r in staff_webhook.received)

        asked = await say(client, "please delete everything i've told you")
        assert "would you like me to delete everything you've told me?" in asked
        assert rows_of(engine, cid)["intake_records"] == 1  # nothing goes before her yes
        assert "I've deleted the answers" in await say(client, "yes")

        # at once: the record goes and the widget shows her nothing of it
        now = rows_of(engine, cid)
        assert now["intake_records"] == 0 and now["contact_details"] == 0
        async with client.get("/api/chat") as response:
            assert (await response.json())["messages"] == []

        # the transcript waits until the conversation has gone quiet, then goes
        assert purge(engine).transcripts == 0
        report = purge(engine, now=utcnow() + QUIET_PERIOD + timedelta(minutes=1))
        assert report.transcripts >= 1  # hers, and any other test's on the shared stack
    after = rows_of(engine, cid)
    assert after["events"] == 0 and after["intake_records"] == 0
    assert after["contact_details"] == 0 and after["alert_outbox"] == 0
    # the safeguarding record stays until the site's retention ends (docs/data-protection.md)
    assert after["risk_events"] == 1
    with engine.connect() as conn:
        purged = conn.execute(sa.select(deletion_requests.c.transcript_purged_at).where(
            deletion_requests.c.conversation_id == cid)).scalar_one()
    assert purged is not None
    engine.dispose()


async def test_no_to_the_confirmation_keeps_her_record_and_the_intake_goes_on(
        stack: Stack) -> None:
    engine = make_engine(stack.db_url)
    async with aiohttp.ClientSession(base_url=stack.web_url,
                                     cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        await say(client, "hi")
        await say(client, "yes that's fine")
        question = (await say(client, "one to one please")).splitlines()[-1]
        cid = conversation_id(stack, next(c.value for c in client.cookie_jar
                                          if c.key == COOKIE))
        IntakeRepository(engine).save_contact(cid, "phone", "+447700900123")
        asked = await say(client, "please delete everything i've told you")
        assert "would you like me to delete everything you've told me?" in asked

        kept = await say(client, "no")

        assert "That's fine, nothing has been deleted." in kept
        assert kept.splitlines()[-1] == question  # the question she was at, again
        rows = rows_of(engine, cid)
        assert rows["intake_records"] == 1 and rows["contact_details"] == 1
        assert IntakeRepository(engine).get(cid)["format_preference"] == "one_to_one"
        async with client.get("/api/chat") as response:
            assert (await response.json())["messages"] != []
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(deletion_requests).where(
            deletion_requests.c.conversation_id == cid)).scalar_one() == 0
    engine.dispose()
