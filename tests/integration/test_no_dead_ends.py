"""No dead ends (issue 11, item 1): whatever she writes, at any point, the assistant replies.

For every state a conversation can be in (each question of the intake form, and the states
outside it: her very first message, consent declined, the safety check-in, the safety
question, after the intake is complete, after she said stop, asked to confirm a deletion),
every message of a bank of off-script answers is sent, in a conversation of its own, to the
RUNNING assistant over Rasa's REST webhook; each must get at least one message with text, not
the "something went wrong" message, and the assistant must end its turn (Rasa's tracker back at
``action_listen``): when its circuit breaker stops a loop of actions instead, every later
message in that conversation gets an empty reply. Each (state, message) pair is a test of its own.

Each state is reached from a fresh conversation by its path (button payloads and a few plain
answers), and checked: the last turn says that question's text from the message catalogue, and
for the form's questions the tracker's ``requested_slot`` is that question.

Cost. A turn takes half a second to a second on two busy cores, and more conversations at once
barely help (Rasa is CPU-bound), so replaying each state's whole path for each of the 286 cases
(about 2,300 turns) would take over 15 minutes. Instead each state is driven once, and each
case gets a copy of that conversation under a new sender id: a *fork*, made by copying the
conversation's rows in the database it lives in (Rasa's tracker events, and our tables keyed by
the conversation, such as the intake record). A state's path is likewise a fork of the state
before it plus its own steps. The reply under test still comes from the real stack, from a
tracker read from its tracker store as for any turn. ``INTAKE_NO_DEAD_ENDS_REPLAY=1`` replays
each case's whole path over HTTP instead, without any copying, to check that forks change
nothing (slow: see above).
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import string
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field

import aiohttp
import pytest
import sqlalchemy as sa

from bench.safety import is_safety_response
from bot.conversation.messages import catalogue
from bot.records.intake_record import IntakeRepository
from bot.runtime.stack import Stack

pytestmark = pytest.mark.integration

#: Conversations in flight at once (two cores, shared with the servers under test).
CONCURRENCY = 3
REPLAY = os.environ.get("INTAKE_NO_DEAD_ENDS_REPLAY", "") not in ("", "0")


# ---------------------------------------------------------------------------- the bank ----

#: Off-script answers, as mothers on a phone type them. None of them is a risk message.
BANK: dict[str, str] = {
    "no": "no",
    "not_sure": "not sure",
    "skip": "skip",
    "why_ask": "why do you need to know that?",
    "emojis": "😩😩",
    "one_word": "tired",
    "paragraph": (
        "Honestly this week has been a lot. The baby was up every two hours on Monday and "
        "Tuesday, my partner was away with work until Thursday and my mum could only come round "
        "on Wednesday afternoon. I got us to the clinic for her jabs but forgot the red book and "
        "had to go back for it. The washing is piling up, the dog needs walking, and I keep "
        "meaning to ring my friend back and then suddenly it's ten at night. Anyway, sorry for "
        "the essay, here I am."
    ),
    "polish": "Nie wiem, czy to dla mnie. Jestem bardzo zmęczona.",
    "urdu": "مجھے نہیں معلوم کہ یہ میرے لیے ہے یا نہیں",
    "nonsense": "asdfgh",
    "rather_not_say": "rather not say",
    "idk": "idk",
    "question_mark": "?",
}


# -------------------------------------------------------------------------- the states ----


@dataclass(frozen=True)
class State:
    """A point in the conversation, reached from ``parent`` by sending ``steps``."""

    name: str
    parent: str | None
    steps: tuple[str, ...]
    #: Catalogue messages the last turn of the path must include (None: no conversation yet).
    says: tuple[str, ...] = ()
    #: The form question pending in the tracker, for the form's own questions.
    requested_slot: str | None = None
    #: Fields the intake record must hold once the state is reached.
    record: dict = field(default_factory=dict)


STATES: dict[str, State] = {state.name: state for state in (
    # Outside the form: nothing said yet, so her off-script message is the opening.
    State("first_message", None, ()),
    # The intake form's questions (bot/conversation/intake_flow.py required_slots), in order.
    State("consent", None, ("hi",), ("ask_consent",), "consent"),
    State("explanation_ack", "consent", ("/affirm",), ("explain_short",), "explanation_ack"),
    State("format_preference", "explanation_ack", ("/continue",), ("ask_format_preference",),
          "format_preference"),
    State("mode_preferences", "format_preference", ('/inform{"format":"group"}',),
          ("ask_mode_preferences_single",), "mode_preferences"),
    State("time_preferences", "mode_preferences", ('/inform{"mode":"face_to_face"}',),
          ("ask_time_preferences",), "time_preferences"),
    State("referral_source", "time_preferences", ('/inform{"time":"morning"}',),
          ("ask_referral_source",), "referral_source"),
    State("perinatal_stage", "referral_source", ('/inform{"referral_source":"midwife"}',),
          ("ask_perinatal_stage",), "perinatal_stage"),
    State("concerns_done", "perinatal_stage", ('/inform{"perinatal_stage":"pregnant"}',),
          ("ask_concerns_done",), "concerns_done"),
    State("concerns_done_anything_else", "concerns_done", ("/concern_fear_of_judgement",),
          ("concern_fear_of_judgement", "ask_concerns_more"), "concerns_done"),
    State("take_up_intent", "concerns_done_anything_else", ("/deny",),
          ("ask_take_up_intent",), "take_up_intent"),
    State("decline_reason", "take_up_intent", ("/deny",), ("intent_no", "ask_decline_reason"),
          "decline_reason", {"take_up_intent": "no"}),
    State("contact_requested", "take_up_intent", ("/affirm",), ("ask_contact_requested",),
          "contact_requested", {"take_up_intent": "yes"}),
    State("preferred_contact", "contact_requested", ("/affirm",), ("ask_preferred_contact",),
          "preferred_contact"),
    State("contact_detail", "preferred_contact", ('/inform{"contact_method":"phone"}',),
          ("ask_contact_detail_phone",), "contact_detail"),
    # Outside the form.
    State("consent_declined", "consent", ("/deny",), ("consent_declined", "explain_short"),
          "explanation_ack", {"consent": "declined"}),
    # Scored between the safety classifier's check-in and crisis thresholds by the model
    # trained here (tests/integration/test_safety.py asserts the same of this message).
    State("safety_check_in", "consent", ("i get these thoughts that scare me",),
          ("safety_check_in",)),
    State("safety_are_you_safe", "consent", ("honestly I don't want to be here anymore",),
          ("safety_routes", "safety_ask_safe"), record={"risk_flag": True}),
    State("safety_safe_carry_on_or_stop", "safety_are_you_safe", ("/affirm",),
          ("safety_safe",)),
    State("intake_complete", "contact_detail", ("07700 900123",), ("contact_confirmed", "close"),
          record={"completed": True, "contact_requested": True}),
    State("stopped", "format_preference", ("/stop",), ("stop",)),
    # Asked to confirm a deletion: anything but a yes keeps everything and goes on.
    State("confirm_deletion", "format_preference", ("/delete_data",), ("delete_confirm",)),
)}


def full_path(state: State) -> list[str]:
    """Everything she sends, from a fresh conversation, to reach ``state``."""
    before = full_path(STATES[state.parent]) if state.parent else []
    return before + list(state.steps)


def pattern(message: str) -> re.Pattern[str]:
    """The catalogue message's text as a pattern: its {placeholders} match anything."""
    parts = []
    for literal, name, _spec, _conversion in string.Formatter().parse(
            catalogue()[message]["text"]):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".*?")
    return re.compile("".join(parts), re.S)


# -------------------------------------------------------------------- talking and forking ----


@dataclass
class Outcome:
    """One case: the state's path as it went, and the replies to her off-script message."""

    path_problem: str | None = None
    status: int | None = None
    replies: list[dict] = field(default_factory=list)
    error: str | None = None
    #: Whether the assistant finished its turn and waits for her next message.
    listening: bool | None = None
    seconds: float = 0.0


class Conversations:
    """Sends her messages to Rasa's REST webhook and forks conversations in its database."""

    def __init__(self, stack: Stack, repo: IntakeRepository,
                 session: aiohttp.ClientSession) -> None:
        self.url = f"{stack.rasa_url}/webhooks/rest/webhook"
        self.repo = repo
        self.engine = engine = repo.engine
        self.session = session
        self.slots = asyncio.Semaphore(CONCURRENCY)
        metadata = sa.MetaData()
        metadata.reflect(engine)
        self.events = metadata.tables["events"]  # Rasa's SQL tracker store
        #: Our per-conversation tables: those keyed by the conversation id alone.
        self.keyed = [t for t in metadata.sorted_tables
                      if [c.name for c in t.primary_key.columns] == ["conversation_id"]]

    async def send(self, sender: str, text: str) -> tuple[int, list[dict]]:
        async with self.slots, self.session.post(
                self.url, json={"sender": sender, "message": text}) as response:
            body = await response.text()
            try:
                replies = json.loads(body)
            except ValueError:
                replies = [{"unparsed": body[:300]}]
            return response.status, replies

    def fork(self, source: str | None) -> str:
        """A new conversation id holding a copy of ``source`` as it stands now."""
        sender = uuid.uuid4().hex
        if source is None:
            return sender
        with self.engine.begin() as connection:
            rows = connection.execute(sa.select(self.events).where(
                self.events.c.sender_id == source).order_by(self.events.c.id)).mappings().all()
            if rows:
                connection.execute(self.events.insert(), [
                    {**{k: v for k, v in row.items() if k != "id"}, "sender_id": sender}
                    for row in rows])
            for table in self.keyed:
                copies = [{**row, "conversation_id": sender} for row in connection.execute(
                    sa.select(table).where(table.c.conversation_id == source)).mappings()]
                if copies:
                    connection.execute(table.insert(), copies)
        return sender

    def requested_slot(self, sender: str) -> str | None:
        with self.engine.connect() as connection:
            data = connection.execute(
                sa.select(self.events.c.data)
                .where(self.events.c.sender_id == sender, self.events.c.type_name == "slot",
                       self.events.c.action_name == "requested_slot")
                .order_by(self.events.c.id.desc()).limit(1)).scalar()
        return json.loads(data).get("value") if data else None

    def listening(self, sender: str) -> bool:
        """Whether the conversation's last action is ``action_listen``: the assistant ended its
        turn. Not so when Rasa's circuit breaker stopped a loop of actions (ten predictions in
        one turn); her next message then gets no reply at all."""
        with self.engine.connect() as connection:
            last = connection.execute(
                sa.select(self.events.c.action_name)
                .where(self.events.c.sender_id == sender, self.events.c.type_name == "action")
                .order_by(self.events.c.id.desc()).limit(1)).scalar()
        return last == "action_listen"

    async def drive(self, state: State, sender: str, steps: Iterable[str]) -> str | None:
        """Send ``steps`` in conversation ``sender``, then check that ``state`` was reached:
        None if so, else what went wrong, with the turns."""
        turns: list[tuple[str, list]] = []
        for text in steps:
            status, replies = await self.send(sender, text)
            turns.append((text, replies))
            if status != 200:
                return f"HTTP {status} to {text!r}; turns: {turns}"
        if not state.says:
            return None
        if not self.listening(sender):
            return f"the assistant did not end its turn (circuit breaker); turns: {turns}"
        said = [reply.get("text") or "" for reply in turns[-1][1]]
        missing = [name for name in state.says
                   if not any(pattern(name).fullmatch(text) for text in said)]
        if missing:
            return f"the last turn did not say {missing}; turns: {turns}"
        if state.requested_slot and self.requested_slot(sender) != state.requested_slot:
            return (f"requested_slot is {self.requested_slot(sender)!r}, not "
                    f"{state.requested_slot!r}; turns: {turns}")
        record = self.repo.get(sender) or {}
        wrong = {k: (v, record.get(k)) for k, v in state.record.items() if record.get(k) != v}
        if wrong:
            return f"the record's (wanted, found) {wrong}; turns: {turns}"
        return None


async def run_cases(stack: Stack, repo: IntakeRepository, cases: list[tuple[str, str]]) -> dict:
    """Each case's :class:`Outcome`, keyed by (state name, bank key)."""
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        chats = Conversations(stack, repo, session)
        reached: dict[str, asyncio.Task] = {}

        async def reach(name: str) -> tuple[str | None, str | None]:
            """(the conversation that is at state ``name``, or the problem getting there)."""
            state = STATES[name]
            source, problem = (await ensure(state.parent)) if state.parent else (None, None)
            if problem:
                return None, f"(its parent {state.parent}) {problem}"
            sender = chats.fork(source)
            problem = await chats.drive(state, sender, state.steps)
            return sender, problem

        def ensure(name: str) -> asyncio.Task:
            if name not in reached:
                reached[name] = asyncio.ensure_future(reach(name))
            return reached[name]

        async def case(name: str, key: str) -> Outcome:
            state, outcome = STATES[name], Outcome()
            if REPLAY:
                sender = uuid.uuid4().hex
                outcome.path_problem = await chats.drive(state, sender, full_path(state))
            else:
                source, outcome.path_problem = await ensure(name)
                sender = chats.fork(source) if not outcome.path_problem else ""
            if outcome.path_problem:
                return outcome
            started = time.monotonic()
            try:
                outcome.status, outcome.replies = await chats.send(sender, BANK[key])
                outcome.listening = chats.listening(sender)
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                outcome.error = f"{type(exc).__name__}: {exc}"
            outcome.seconds = time.monotonic() - started
            return outcome

        outcomes = await asyncio.gather(*(case(name, key) for name, key in cases))
    return dict(zip(cases, outcomes, strict=True))


# ------------------------------------------------------------------------------ the test ----


@pytest.fixture(scope="module")
def outcomes(stack: Stack, repo: IntakeRepository, request: pytest.FixtureRequest) -> dict:
    """Every selected case of this module, run together (so conversations overlap)."""
    cases = [(item.callspec.params["state"], item.callspec.params["message"])
             for item in request.session.items
             if item.module is request.module and hasattr(item, "callspec")]
    started = time.monotonic()
    results = asyncio.run(run_cases(stack, repo, cases))
    elapsed = time.monotonic() - started
    alarms = [case for case, o in results.items() if is_safety_response(o.replies)]
    print(f"\nno dead ends: {len(cases)} cases in {elapsed:.0f} s "
          f"({'whole paths replayed' if REPLAY else 'forked from each state'}); "
          f"bank messages answered with the safety response: {alarms or 'none'}")
    return results


@pytest.mark.parametrize("message", list(BANK))
@pytest.mark.parametrize("state", list(STATES))
def test_every_message_gets_a_reply(outcomes: dict, state: str, message: str) -> None:
    outcome: Outcome = outcomes[(state, message)]
    assert outcome.path_problem is None, f"state {state} not reached: {outcome.path_problem}"
    said = f"{state}: {BANK[message]!r} -> HTTP {outcome.status} {outcome.replies}"
    assert outcome.error is None, f"{said}: {outcome.error}"
    assert outcome.status == 200, said
    assert isinstance(outcome.replies, list), said
    texts = [(reply.get("text") or "").strip() for reply in outcome.replies]
    assert any(texts), f"no reply: {said}"
    assert not any(pattern("default").fullmatch(text) for text in texts), f"an error: {said}"
    assert outcome.listening, (
        f"the assistant never ended its turn ({len(outcome.replies)} messages; Rasa's circuit "
        f"breaker stopped it, and her next message gets no reply): {said}")
