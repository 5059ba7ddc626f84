"""Two messages of one conversation at once, through the whole stack: the public gateway, the
real Rasa server and the real action server, with the tracker store and the records on the
machine's real PostgreSQL (the ``pg_stack`` the fault tests use).

A mother can send two messages at once: the widget sends hers one at a time, but the same chat
open in two tabs shares one conversation (one cookie), and a message she sends again after the
"can't reply just now" note may meet the first still being answered. Each pair is sent at the
same moment (asyncio.gather over two connections) at a point of the intake where each message
means something, and each case is repeated so that a race has a chance to show:

- both requests get a non-empty reply from the assistant (never a 5xx, never silence);
- the conversation has exactly one intake record, and neither answer is lost;
- Rasa's tracker holds both messages, in the order they were taken, each followed by a reply;
- a risk message paired with an ordinary answer makes one risk event and one staff alert.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator

import aiohttp
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import alert_outbox, intake_records, make_engine, risk_events
from bot.records.transcripts import START_PAYLOAD, events_table
from bot.runtime.stack import Stack
from tests.safety.receivers import WebhookReceiver, wait_for
from tests.web.conftest import conversation_id

pytestmark = pytest.mark.integration
COOKIE = "intake_chat"
#: How each pair is sent (see at_once), each a case of its own: at the same moment, twice, and
#: each message a moment ahead of the other, so that both orders are always exercised.
ATTEMPTS = ("together", "together-again", "first", "second")
#: More than the gateway takes to pass a message on (a few ms: the rate limits in Redis, the
#: database check), under what a turn through it takes (40 ms or more on this machine's two
#: cores). At 5 ms the later message overtook the first in the gateway under CI's load.
HEAD_START = 0.02

FORMAT_ANSWER = "one to one i think"
MODE_ANSWER = "phone would be best"
RISK = "i keep thinking they'd be better off without me"
# What the assistant says, as far as the tests need to tell its replies apart.
CONSENT_QUESTION = "Can I keep your answers?"
FORMAT_QUESTION = "Would you prefer to meet other mums in a group, or talk one-to-one"
MODE_QUESTION = "one-to-one support is by phone. Would that suit you?"  # northbrook's
TIME_QUESTION = "What times usually suit you?"
SAFE_QUESTION = "Are you safe right now?"
NOTHING_TO_CHANGE = "I'm not sure what you'd like to change."


@pytest.fixture(scope="module")
def engine(pg_stack: Stack) -> Iterator[Engine]:
    engine = make_engine(pg_stack.db_url)
    yield engine
    engine.dispose()


async def send(client: aiohttp.ClientSession, body: dict) -> str:
    """One message through the public gateway; the assistant must answer it, with words."""
    async with client.post("/api/chat", json=body,
                           timeout=aiohttp.ClientTimeout(total=90)) as response:
        data = await response.json()
        assert response.status == 200, (body, response.status, data)
    text = "\n".join(m.get("text") or "" for m in data["messages"])
    assert text.strip(), f"no reply to {body!r}"
    return text


async def say(client: aiohttp.ClientSession, message: str) -> str:
    return await send(client, {"message": message})


async def at_once(client: aiohttp.ClientSession, pair: tuple[str, str],
                  how: str) -> dict[str, str]:
    """Both messages in flight at once, each on its own connection, as from two tabs; her reply
    to each, by message.

    ``together``: sent at the same moment, Rasa takes them in whichever order they reach it.
    ``first`` / ``second``: that one leaves a moment ahead, so each order is certain to be
    tested; the other still leaves while the first is being answered (checked)."""
    ordered = pair if how != "second" else pair[::-1]
    head_start = HEAD_START if how in ("first", "second") else 0.0
    times: dict[str, tuple[float, float]] = {}

    async def send_after(delay: float, message: str) -> str:
        await asyncio.sleep(delay)
        sent = time.monotonic()
        reply = await say(client, message)
        times[message] = (sent, time.monotonic())
        return reply

    replies = await asyncio.gather(send_after(0.0, ordered[0]),
                                   send_after(head_start, ordered[1]))
    (sent_a, answered_a), (sent_b, answered_b) = times[ordered[0]], times[ordered[1]]
    assert sent_b < answered_a and sent_a < answered_b, "the two were in flight together"
    return dict(zip(ordered, replies, strict=True))


async def opened(client: aiohttp.ClientSession, stack: Stack) -> str:
    """She presses "Chat with us" (the widget's opening payload); her conversation's id."""
    welcome = await send(client, {"payload": START_PAYLOAD, "message": ""})
    assert "999" in welcome
    return conversation_id(stack, next(c.value for c in client.cookie_jar if c.key == COOKIE))


async def at_the_format_question(client: aiohttp.ClientSession) -> None:
    await say(client, "yes that's fine")
    question = await say(client, "ok carry on")
    assert "one-to-one" in question.lower(), question


def turns(engine: Engine, cid: str) -> list[tuple[str, str]]:
    """Her messages and the assistant's, oldest first, as Rasa stored them: (type, text)."""
    query = (sa.select(events_table.c.type_name, events_table.c.data)
             .where(events_table.c.sender_id == cid,
                    events_table.c.type_name.in_(("user", "bot")))
             .order_by(events_table.c.id))
    with engine.connect() as conn:
        return [(kind, json.loads(data).get("text") or "") for kind, data in conn.execute(query)]


def taken_in_order(engine: Engine, cid: str, replies: dict[str, str]) -> list[str]:
    """The pair in the order Rasa took them, checked against its tracker: each message stored
    once, after everything before it, and followed by the reply that request got back (the two
    requests' replies were not crossed or merged)."""
    stored = turns(engine, cid)
    users = [i for i, (kind, _) in enumerate(stored) if kind == "user"]
    taken = [stored[i][1] for i in users[-2:]]
    assert sorted(taken) == sorted(replies), stored
    said = [stored[i][1] for i in users]
    assert said.count(taken[0]) == said.count(taken[1]) == 1, stored
    for here, following in zip(users[-2:], [users[-1], len(stored)], strict=True):
        message = stored[here][1]
        answer = "\n".join(text for _, text in stored[here + 1:following])
        assert answer.strip(), f"no reply stored after {message!r}: {stored}"
        assert answer == replies[message], (message, answer, replies[message])
    print(f"taken in this order: {taken}")
    return taken


def assert_sent_order(taken: list[str], pair: tuple[str, str], how: str) -> None:
    """A message sent ahead is taken first (the pair's two orders are both tested)."""
    if how in ("first", "second"):
        assert taken == list(pair if how == "first" else pair[::-1]), taken


def record_of(engine: Engine, cid: str) -> dict:
    """The conversation's one intake record."""
    records = records_of(engine, cid)
    assert len(records) == 1, records
    return records[0]


def records_of(engine: Engine, cid: str) -> list[dict]:
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(sa.select(intake_records).where(
            intake_records.c.conversation_id == cid)).mappings()]


def count(engine: Engine, table: sa.Table, cid: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table).where(
            table.c.conversation_id == cid)).scalar_one()


def client_for(stack: Stack) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(base_url=stack.web_url,
                                 cookie_jar=aiohttp.CookieJar(unsafe=True))


@pytest.mark.parametrize("attempt", ATTEMPTS)
async def test_two_answers_at_once_at_the_start(pg_stack: Stack, engine: Engine,
                                                attempt: str) -> None:
    """Her first two messages after the welcome: yes to keeping her answers, and (volunteered)
    who told her about the programme. Both are kept, whichever Rasa takes first."""
    consent, referral = pair = ("yes that's fine", "my health visitor told me about it")
    async with client_for(pg_stack) as client:
        cid = await opened(client, pg_stack)
        replies = await at_once(client, pair, attempt)
    order = taken_in_order(engine, cid, replies)
    assert_sent_order(order, pair, attempt)
    assert replies[consent].startswith("Thank you.")
    if order[0] == referral:
        # Taken while the consent question was still open: noted, and the question asked again.
        assert CONSENT_QUESTION in replies[referral], replies
    record = record_of(engine, cid)
    assert record["consent"] == "given"
    assert record["referral_source"] == "health_visitor"


@pytest.mark.parametrize("attempt", ATTEMPTS)
async def test_two_answers_at_once_in_the_middle(pg_stack: Stack, engine: Engine,
                                                 attempt: str) -> None:
    """At the format question she answers it and, at once, how she would like to talk. Both are
    kept: the mode taken first is noted and the format question asked again; the format taken
    first is followed by the mode question, which the other message answers."""
    pair = (FORMAT_ANSWER, MODE_ANSWER)
    async with client_for(pg_stack) as client:
        cid = await opened(client, pg_stack)
        await at_the_format_question(client)
        replies = await at_once(client, pair, attempt)
    first, second = taken_in_order(engine, cid, replies)
    assert_sent_order([first, second], pair, attempt)
    assert (FORMAT_QUESTION if first == MODE_ANSWER else MODE_QUESTION) in replies[first]
    assert TIME_QUESTION in replies[second]  # neither is asked again
    record = record_of(engine, cid)
    assert record["format_preference"] == "one_to_one"
    assert record["mode_preferences"] == ["phone"]


@pytest.mark.parametrize("attempt", ATTEMPTS)
async def test_a_risk_and_an_answer_at_once(pg_stack: Stack, engine: Engine,
                                            webhook: WebhookReceiver, attempt: str) -> None:
    """A risk message with an ordinary answer: the safety response, one risk event, one staff
    alert. The answer is kept: taken before the risk it is recorded at once; taken after the
    safety response, it is not read as an answer (the form has stopped for her safety), "are
    you safe?" is asked again, and the format question once she carries on."""
    pair = (FORMAT_ANSWER, RISK)
    async with client_for(pg_stack) as client:
        cid = await opened(client, pg_stack)
        await at_the_format_question(client)
        replies = await at_once(client, pair, attempt)
        first, second = taken_in_order(engine, cid, replies)
        assert_sent_order([first, second], pair, attempt)
        for route in ("999", "111", "116 123", "85258", SAFE_QUESTION):
            assert route in replies[RISK], route
        if first == FORMAT_ANSWER:
            assert MODE_QUESTION in replies[FORMAT_ANSWER]
            assert SAFE_QUESTION not in replies[FORMAT_ANSWER]
            assert record_of(engine, cid)["format_preference"] == "one_to_one"
        else:
            # Taken after the safety response, with the form stopped: not read as the format
            # answer; and "are you safe?" is asked again, so her "yes" next means just that.
            assert replies[FORMAT_ANSWER].startswith(NOTHING_TO_CHANGE), replies
            assert replies[FORMAT_ANSWER].endswith(SAFE_QUESTION + " I'm here."), replies
            assert record_of(engine, cid)["format_preference"] is None
        assert (await say(client, "yes")).startswith("I'm glad you're safe.")
        resumed = await say(client, "carry on")
        if first == FORMAT_ANSWER:
            assert MODE_QUESTION in resumed
        else:
            assert FORMAT_QUESTION in resumed  # asked again: her answer is not lost
            await say(client, FORMAT_ANSWER)

    record = record_of(engine, cid)
    assert record["format_preference"] == "one_to_one"
    assert record["risk_flag"] is True
    assert count(engine, risk_events, cid) == 1
    assert count(engine, alert_outbox, cid) == 1  # one channel (the webhook), one row

    def alerts_for_her() -> list[dict]:
        return [r.json for r in webhook.received if r.json["conversation_id"] == cid]

    assert wait_for(alerts_for_her, 15)
    time.sleep(2)  # a duplicate would arrive about now
    assert len(alerts_for_her()) == 1


@pytest.mark.parametrize("attempt", range(2))
async def test_two_first_messages_without_a_cookie(pg_stack: Stack, engine: Engine,
                                                   attempt: int) -> None:
    """Before the first reply there is no cookie, so nothing ties two first messages together
    (two tabs opened at once): each starts a conversation of its own, welcomed, with one record;
    the browser keeps one of them and carries on in it."""
    async with client_for(pg_stack) as client:

        async def first() -> tuple[str, str]:
            async with client.post("/api/chat", json={"payload": START_PAYLOAD, "message": ""},
                                   timeout=aiohttp.ClientTimeout(total=90)) as response:
                data = await response.json()
                assert response.status == 200, data
                return (conversation_id(pg_stack, response.cookies[COOKIE].value),
                        "\n".join(m["text"] for m in data["messages"]))

        opened_at_once = await asyncio.gather(first(), first())
        kept = conversation_id(pg_stack, next(c.value for c in client.cookie_jar
                                              if c.key == COOKIE))
        await say(client, "yes that's fine")
    cids = {cid for cid, _ in opened_at_once}
    assert len(cids) == 2 and kept in cids
    for cid, welcome in opened_at_once:
        assert "999" in welcome and CONSENT_QUESTION in welcome
        record = record_of(engine, cid)
        assert record["consent"] == ("given" if cid == kept else "not_asked")
