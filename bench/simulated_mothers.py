"""Simulated mothers (issue 11): blind personas played through the running assistant.

Each persona in ``bench/personas/*.yml`` was written by someone who had not read ``data/`` or the
rules: the truth of what she would say (``truth``), how she words each answer (``answers``) and
things she says off-script. This script starts its own stack (throw-away SQLite, spare ports),
plays every persona over Rasa's REST webhook, and compares the record the assistant kept with her
truth. It prints, per field and overall: fields right, conversations completed, empty replies and
questions asked three times running; ``--misses`` lists each wrong field and each stuck question.

How a persona plays, so the figures can be read:

- she answers the question the assistant is asking (the form's ``requested_slot``, read from the
  tracker store) in her own words, from ``answers``;
- the first time she is told what peer support is, she says what she would hope to get from it
  (her ``motivators`` answer); after that, "ok carry on";
- to "anything worrying you?" she gives her ``worries`` answer, and ``anything_else`` after that;
- her three off-script lines are sent at points fixed by her number, before an answer;
- when the same question comes straight back after her answer (not understood), she tries again
  once in the same words; if the question now offers buttons she presses the one that says what
  she means (or "skip" when she has no answer), as a mother would;
- asked the safety check-in ("are you having thoughts of hurting yourself...?"), she says no
  (none of these personas is at risk: every check-in is counted as a false one);
- she stops after 40 messages, or when the intake is over (the form has ended and her record
  says completed), or after three replies in a row that ask her nothing she can answer.

A question is "asked three times running" when it is asked again twice straight after her own
attempts to answer it (an off-script line that is answered before the question comes back does
not count). Asserts nothing; figures only.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import tempfile
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp
import sqlalchemy as sa
import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.records.database import make_engine  # noqa: E402
from bot.records.intake_record import IntakeRepository  # noqa: E402

PERSONAS = sorted((ROOT / "bench" / "personas").glob("*.yml"))
CHECK_IN = "are you having thoughts of hurting yourself"
MAX_MESSAGES = 40

#: The form's question (slot) and the persona's answer to it.
ANSWER_FOR = {
    "consent": "consent", "format_preference": "format", "mode_preferences": "mode",
    "time_preferences": "times", "referral_source": "referral", "perinatal_stage": "stage",
    "take_up_intent": "intent", "decline_reason": "decline_reason",
    "contact_requested": "contact_wanted", "preferred_contact": "contact_method",
    "contact_detail": "contact_value",
}
#: Record fields compared with her truth; with consent declined only ``consent`` is.
FIELDS = ("consent", "format_preference", "mode_preferences", "time_preferences",
          "referral_source", "perinatal_stage", "concerns", "motivators", "take_up_intent",
          "decline_reason", "contact_requested", "preferred_contact")
#: For a button press: the truth field a question's buttons stand for.
BUTTON_TRUTH = {
    "consent": "consent", "time_preferences": "time_preferences",
    "referral_source": "referral_source", "perinatal_stage": "perinatal_stage",
    "take_up_intent": "take_up_intent", "decline_reason": "decline_reason",
    "contact_requested": "contact_requested", "preferred_contact": "preferred_contact",
    "format_preference": "format_preference", "mode_preferences": "mode_preferences",
}
#: What yes / maybe / no buttons mean for the questions that have them.
YES_NO_MEANING = {
    "consent": {"/affirm": "given", "/deny": "declined"},
    "take_up_intent": {"/affirm": "yes", "/maybe": "maybe", "/deny": "no"},
    "contact_requested": {"/affirm": True, "/deny": False},
}


@dataclass
class Played:
    """What happened to one persona."""

    persona: str
    sender: str
    messages: int = 0
    empty_replies: int = 0
    stuck: list[str] = field(default_factory=list)  # questions asked three times running
    check_ins: int = 0
    finished: bool = False
    transcript: list[tuple[str, str]] = field(default_factory=list)


def load_personas(paths: list[Path]) -> list[dict[str, Any]]:
    personas: list[dict[str, Any]] = []
    for path in paths:
        personas.extend(yaml.safe_load(path.read_text()))
    return personas


def form_state(engine: sa.engine.Engine, sender: str) -> tuple[str | None, bool]:
    """The question being asked (``requested_slot``) and whether the intake form is running."""
    events = sa.table("events", sa.column("sender_id"), sa.column("type_name"),
                      sa.column("data"), sa.column("id"))
    with engine.connect() as conn:
        rows = conn.execute(sa.select(events.c.type_name, events.c.data)
                            .where(events.c.sender_id == sender)
                            .where(events.c.type_name.in_(("slot", "active_loop")))
                            .order_by(events.c.id)).all()
    requested, active = None, False
    for type_name, data in rows:
        event = json.loads(data)
        if type_name == "active_loop":
            active = bool(event.get("name"))
            if not active:
                requested = None
        elif event.get("name") == "requested_slot":
            requested = event.get("value")
    return requested, active


def press_button(slot: str, buttons: list[dict[str, str]], truth: dict[str, Any]) -> str | None:
    """The payload of the button that says what she means, or skip when she has no answer."""
    meaning = YES_NO_MEANING.get(slot)
    wanted = truth.get(BUTTON_TRUTH.get(slot, ""))
    for button in buttons:
        payload = button.get("payload", "")
        if meaning is not None and payload in meaning and meaning[payload] == wanted:
            return payload
        values = wanted if isinstance(wanted, list) else [wanted]
        for value in values:
            if isinstance(value, str) and (f'"{value}"' in payload
                                           or payload == f"/concern_{value}"):
                return payload
    if wanted in (None, []):
        for button in buttons:
            if button.get("payload") == "/skip":
                return "/skip"
    return None


async def send(session: aiohttp.ClientSession, url: str, sender: str,
               text: str) -> list[dict[str, Any]]:
    async with session.post(url, json={"sender": sender, "message": text}) as response:
        response.raise_for_status()
        return await response.json()


async def play(session: aiohttp.ClientSession, url: str, engine: sa.engine.Engine,
               persona: dict[str, Any], number: int) -> Played:
    played = Played(persona["id"], f"sim-{persona['id']}-{uuid.uuid4().hex[:8]}")
    answers, truth = persona["answers"], persona["truth"]
    off_script = list(persona.get("off_script") or [])
    # Off-script lines go before the answer to these questions (counted from 1).
    off_script_at = {2 + number % 3 + 3 * index: line for index, line in enumerate(off_script)}
    asked: Counter[str] = Counter()
    last_question: str | None = None
    attempts = 0  # her answers in a row to the same question that brought it straight back
    last_buttons: list[dict[str, str]] = []
    pending: list[tuple[str, bool]] = [(persona["opener"], False)]
    questions_seen = 0
    form_started = False
    idle = 0  # her messages in a row that were not answers to a question

    while pending and played.messages < MAX_MESSAGES:
        text, is_answer = pending.pop(0)
        replies = await send(session, url, played.sender, text)
        played.messages += 1
        said = " | ".join(r.get("text") or "[buttons]" for r in replies if r.get("text")
                          or r.get("buttons"))
        played.transcript.append((text, said))
        if not said:
            played.empty_replies += 1
        last_buttons = [b for r in replies for b in (r.get("buttons") or [])]
        question, active = form_state(engine, played.sender)
        form_started = form_started or active
        if question is None:
            idle += 1
            if CHECK_IN in said:
                played.check_ins += 1
                pending.append(("no, nothing like that", False))
            elif (form_started and not active) and completed(engine, played.sender) \
                    or idle >= 3:
                break
            elif not pending:
                pending.append(("ok", False))
            continue
        idle = 0
        if question == last_question and is_answer:
            attempts += 1
            if attempts == 2:
                played.stuck.append(question)
        elif question != last_question:
            attempts = 0
        last_question = question
        questions_seen += 1
        asked[question] += 1
        if pending:
            continue
        if questions_seen in off_script_at:
            pending.append((off_script_at.pop(questions_seen), False))
        pending.append((answer(question, asked[question], attempts, answers, truth,
                               last_buttons), True))
    played.finished = completed(engine, played.sender)
    return played


def completed(engine: sa.engine.Engine, sender: str) -> bool:
    record = IntakeRepository(engine).get(sender)
    return bool(record and record.get("completed"))


def answer(question: str, times_asked: int, attempts: int, answers: dict[str, Any],
           truth: dict[str, Any], buttons: list[dict[str, str]]) -> str:
    """Her reply to the question, as the module docstring describes."""
    if attempts >= 1 and buttons:
        pressed = press_button(question, buttons, truth)
        if pressed:
            return pressed
    if question == "explanation_ack":
        return answers.get("motivators") or "ok" if times_asked == 1 else "ok carry on"
    if question == "concerns_done":
        return (answers.get("worries") if times_asked == 1 else answers.get("anything_else")) \
            or "no"
    key = ANSWER_FOR.get(question)
    return (answers.get(key) if key else None) or "don't know"


def _normal(value: Any) -> Any:
    if isinstance(value, list):
        return sorted(value)
    if value == []:
        return None
    return value


def compare(record: dict[str, Any] | None, truth: dict[str, Any]) -> dict[str, tuple[Any, Any]]:
    """Fields where the record differs from her truth: {field: (truth, recorded)}."""
    record = record or {}
    fields = ("consent",) if truth.get("consent") == "declined" else FIELDS
    wrong: dict[str, tuple[Any, Any]] = {}
    for name in fields:
        expected = truth.get(name)
        if name == "contact_requested":
            expected = bool(expected)
        if name == "decline_reason" and truth.get("take_up_intent") != "no":
            continue  # not asked when she wants to take it up
        got = record.get(name)
        if _normal(expected) != _normal(got) and not (expected in (None, []) and not got):
            wrong[name] = (expected, got)
    return wrong


def contact_right(repo: IntakeRepository, sender: str, truth: dict[str, Any]) -> bool | None:
    if truth.get("consent") == "declined" or not truth.get("contact_requested"):
        return None
    kept = repo.contact(sender)
    if kept is None:
        return False
    digits = re.sub(r"\D", "", str(truth.get("contact_value") or ""))
    value = kept[1]
    return value.lower() == str(truth.get("contact_value")).lower() or (
        bool(digits) and re.sub(r"\D", "", value).endswith(digits[-9:]))


async def play_all(url: str, db_url: str, personas: list[dict[str, Any]],
                   concurrency: int) -> list[Played]:
    engine = make_engine(db_url)
    gate = asyncio.Semaphore(concurrency)
    timeout = aiohttp.ClientTimeout(total=120)
    webhook = f"{url.rstrip('/')}/webhooks/rest/webhook"
    async with aiohttp.ClientSession(timeout=timeout) as session:
        async def one(number: int, persona: dict[str, Any]) -> Played:
            async with gate:
                return await play(session, webhook, engine, persona, number)
        return await asyncio.gather(*(one(n, p) for n, p in enumerate(personas)))


def report(personas: list[dict[str, Any]], played: list[Played], db_url: str,
           misses: bool, files: list[Path], transcripts: bool = False) -> str:
    repo = IntakeRepository(make_engine(db_url))
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    lines: list[str] = []
    contacts = [0, 0]
    for persona, run in zip(personas, played, strict=True):
        truth = persona["truth"]
        record = repo.get(run.sender)
        wrong = compare(record, truth)
        compared = ("consent",) if truth.get("consent") == "declined" else FIELDS
        for name in compared:
            if name == "decline_reason" and truth.get("take_up_intent") != "no":
                continue
            total[name] += 1
            right[name] += name not in wrong
        contact = contact_right(repo, run.sender, truth)
        if contact is not None:
            contacts[0] += contact
            contacts[1] += 1
        if misses and (wrong or run.stuck or run.empty_replies or not run.finished
                       or run.messages < 8 or contact is False):
            lines.append(f"\n{run.persona} ({run.messages} messages"
                         f"{', finished' if run.finished else ', NOT finished'})")
            for name, (expected, got) in wrong.items():
                lines.append(f"  {name}: said {expected!r}, recorded {got!r}")
            if contact is False:
                lines.append("  contact detail not kept as given")
            for question in run.stuck:
                lines.append(f"  asked three times running: {question}")
            if transcripts:
                for text, said in run.transcript:
                    lines.append(f"    > {text}\n      < {said}")
            elif run.stuck or not run.finished or run.empty_replies or run.messages < 8:
                for text, said in run.transcript[-8:]:
                    lines.append(f"    > {text}\n      < {said[:160]}")
    all_right, all_total = sum(right.values()), sum(total.values())
    out = [f"Simulated mothers: {len(played)} personas from "
           f"{', '.join(path.name for path in files)}", ""]
    out.append(f"{'field':<20} right")
    for name in FIELDS:
        if total[name]:
            out.append(f"{name:<20} {right[name]}/{total[name]} = {right[name] / total[name]:.1%}")
    if contacts[1]:
        out.append(f"{'contact detail':<20} {contacts[0]}/{contacts[1]}")
    out += [
        "",
        f"fields right: {all_right}/{all_total} = {all_right / all_total:.3f}",
        f"conversations completed: {sum(r.finished for r in played)}/{len(played)}",
        f"empty replies: {sum(r.empty_replies for r in played)}",
        f"safety check-ins (all false): {sum(r.check_ins for r in played)} "
        f"(in {sum(bool(r.check_ins) for r in played)} conversations)",
        f"questions asked three times running: {sum(len(r.stuck) for r in played)} "
        f"(in {sum(bool(r.stuck) for r in played)} conversations)",
        f"messages sent: {sum(r.messages for r in played)}",
    ]
    return "\n".join(out + lines)


def _spare_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--personas", type=Path, action="append",
                        help="a persona file (repeatable; default: every file in bench/personas)")
    parser.add_argument("--only", action="append", help="play only this persona id")
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--misses", action="store_true", help="list wrong fields and stuck turns")
    parser.add_argument("--transcripts", action="store_true",
                        help="with --misses, each missed conversation's whole transcript")
    args = parser.parse_args(argv)
    files = args.personas or PERSONAS
    personas = load_personas(files)
    if args.only:
        personas = [p for p in personas if p["id"] in args.only]

    from bot.runtime.stack import Stack

    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'simulated.db'}"
        stack = Stack(rasa_port=_spare_port(), action_port=_spare_port(),
                      web_port=_spare_port(), web_host="127.0.0.1", db_url=db_url,
                      redis_url=None, var_dir=Path(folder))
        print("Starting a stack for the simulated mothers...", flush=True)
        stack.start()
        try:
            played = asyncio.run(play_all(stack.rasa_url, db_url, personas, args.concurrency))
        finally:
            stack.stop()
        print(report(personas, played, db_url, args.misses, files, args.transcripts))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
