"""All conversations for staff: filtered lists, one conversation with everything staff need,
and the staff's own coding beside the assistant's (never overwriting it).

Viewing a transcript or contact details writes an audit row before anything is returned.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot import codebook
from bot.records.database import erasure_requests, intake_records, risk_events
from bot.records.intake_record import IntakeRepository, export_row
from bot.records.transcripts import transcript
from bot.staff.accounts import StaffUser
from bot.staff.audit import AuditLog
from bot.staff.notes import add_note

PAGE_SIZE = 25
STATUSES = {
    "risk_open": "risk not yet acknowledged",
    "callback_open": "call-back waiting",
    "pending": "outcome not yet known",
    "took_up": "took up support",
    "did_not_take_up": "did not take it up",
}


class ReviewError(ValueError):
    """A review or outcome that cannot be recorded; the message is for the person asking."""


@dataclass(frozen=True)
class Filters:
    site: str | None = None
    since: date | None = None
    until: date | None = None
    intent: str | None = None
    concern: str | None = None
    status: str | None = None
    search: str | None = None
    page: int = 1


def _day(value: date, end: bool = False) -> datetime:
    moment = datetime.combine(value, time.min, tzinfo=timezone.utc)
    return moment + timedelta(days=1) if end else moment


def _conditions(user: StaffUser, filters: Filters) -> list[Any]:
    r = intake_records.c
    found: list[Any] = [] if user.sites is None else [r.site.in_(user.sites)]
    if filters.site:
        found.append(r.site == filters.site)
    if filters.since:
        found.append(r.started_at >= _day(filters.since))
    if filters.until:
        found.append(r.started_at < _day(filters.until, end=True))
    if filters.intent in codebook.TAKE_UP_INTENTS:
        found.append(r.take_up_intent == filters.intent)
    if filters.search:
        found.append(r.conversation_id.startswith(filters.search.strip(), autoescape=True))
    status = filters.status
    if status == "risk_open":
        found.append(r.conversation_id.in_(sa.select(risk_events.c.conversation_id).where(
            risk_events.c.acknowledged_at.is_(None))))
    elif status == "callback_open":
        found += [r.contact_requested.is_(True), r.callback_done.is_(False)]
    elif status in codebook.OUTCOMES:
        found.append(r.outcome == status)
    return found


def conversations(engine: Engine, user: StaffUser,
                  filters: Filters) -> tuple[list[dict[str, Any]], int]:
    """One page of records the user may see, newest first, and how many match in all.

    The concern filter is applied in Python (the codes are a JSON list, read the same way on
    SQLite and PostgreSQL), so it counts over the matching rows."""
    query = sa.select(intake_records).where(*_conditions(user, filters)).order_by(
        intake_records.c.started_at.desc(), intake_records.c.conversation_id)
    with engine.connect() as conn:
        rows = [export_row(row) for row in conn.execute(query).mappings()]
    if filters.concern in codebook.CONCERNS:
        rows = [row for row in rows if filters.concern in row["concerns"]
                or filters.concern in (row["concerns_reviewed"] or [])]
    start = (max(filters.page, 1) - 1) * PAGE_SIZE
    return rows[start:start + PAGE_SIZE], len(rows)


def record(engine: Engine, conversation_id: str) -> dict[str, Any] | None:
    return IntakeRepository(engine).get(conversation_id)


def read_transcript(engine: Engine, user: StaffUser, rec: dict[str, Any]) -> list[dict]:
    """Her words and the assistant's, with times; the viewing is audited first."""
    AuditLog(engine).write(user.email, "transcript_viewed", rec["conversation_id"], rec["site"])
    return transcript(engine, rec["conversation_id"])


def read_contact(engine: Engine, user: StaffUser,
                 rec: dict[str, Any]) -> tuple[str, str] | None:
    """How to reach her, decrypted only now; the viewing is audited first."""
    AuditLog(engine).write(user.email, "contact_viewed", rec["conversation_id"], rec["site"])
    return IntakeRepository(engine).contact(rec["conversation_id"])


def review_concerns(engine: Engine, user: StaffUser, rec: dict[str, Any],
                    concerns: list[str], comment: str) -> None:
    """Staff's confirmed or corrected concern codes, kept beside the assistant's."""
    codes = codebook.ordered_subset(concerns, codebook.CONCERNS)
    if set(concerns) - set(codes):
        raise ReviewError("Some of those concern codes are not in the codebook.")
    cid, site = rec["conversation_id"], rec["site"]
    with engine.begin() as conn:
        conn.execute(sa.update(intake_records).where(
            intake_records.c.conversation_id == cid).values(concerns_reviewed=codes))
        text = "Concerns reviewed: " + (", ".join(codes) or "none")
        add_note(conn, user, cid, site, f"{text}. {comment.strip()}".strip(), "review")
        AuditLog(engine).write(user.email, "concerns_reviewed", cid, site, conn=conn,
                               concerns=codes)


def record_outcome(engine: Engine, user: StaffUser, rec: dict[str, Any], outcome: str,
                   on: date | None, reason: str | None, comment: str) -> None:
    """Whether she took up support, when, and (if not) the codebook's reason."""
    if outcome not in ("took_up", "did_not_take_up"):
        raise ReviewError("Please choose whether she took up support.")
    if on is None or on > date.today() + timedelta(days=1):
        raise ReviewError("Please give the date, no later than today.")
    if outcome == "did_not_take_up" and reason not in codebook.OUTCOME_REASONS:
        raise ReviewError("Please choose a reason from the list.")
    reason = reason if outcome == "did_not_take_up" else None
    cid, site = rec["conversation_id"], rec["site"]
    with engine.begin() as conn:
        conn.execute(sa.update(intake_records).where(
            intake_records.c.conversation_id == cid).values(
            outcome=outcome, outcome_at=on, outcome_reason=reason))
        text = f"Outcome: {outcome} on {on.isoformat()}" + (f" ({reason})" if reason else "")
        add_note(conn, user, cid, site, f"{text}. {comment.strip()}".strip(), "outcome")
        AuditLog(engine).write(user.email, "outcome_recorded", cid, site, conn=conn,
                               outcome=outcome, reason=reason, date=on.isoformat())


def erasure(engine: Engine, conversation_id: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(erasure_requests).where(
            erasure_requests.c.conversation_id == conversation_id)).mappings().first()
    return dict(row) if row else None
