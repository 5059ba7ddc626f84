"""The intake record: built from the conversation's state and upserted as the conversation goes.

The custom actions hand over the conversation's slots; this module turns them into the codebook's
fields (dropping anything that is not a valid code) and writes one row per conversation. A
conversation that stops half-way still leaves a record of what was said up to then.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot import codebook
from bot.records.database import contact_details, deletion_requests, intake_records, risk_events
from bot.records.keys import seal, unseal

#: Fields the conversation writes; ``outcome`` and the other staff fields are never overwritten.
CONVERSATION_FIELDS = tuple(
    f for f in codebook.FIELDS
    if f not in ("schema_version", "conversation_id", "started_at", "last_activity_at",
                 "mechanisms", "risk_categories", "outcome", *codebook.STAFF_FIELDS)
)


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def _code(value: Any, allowed: tuple[str, ...]) -> str | None:
    return value if isinstance(value, str) and value in allowed else None


def _codes_in_order_raised(values: Any, allowed: tuple[str, ...]) -> list[str]:
    result: list[str] = []
    for value in values or ():
        if value in allowed and value not in result:
            result.append(value)
    return result


def _questions_marked(slots: Mapping[str, Any], marker: str) -> list[str]:
    """The questions whose slot holds ``marker`` (or ``[marker]``), in the codebook's order."""
    return [q for q in codebook.QUESTIONS if slots.get(q) in (marker, [marker])]


def record_fields(slots: Mapping[str, Any], site: str,
                  language: str = codebook.ENGLISH) -> dict[str, Any]:
    """The codebook fields (those the conversation owns) for the given slot values.

    Her answers are kept only once she has given consent; until then, and when she declines,
    only the minimal fields are. ``dropped_at`` is one of them: the question she is at (the
    ``stage`` slot) while the conversation has not reached its close; ``language`` (the
    language she wrote in) is another. ``callback_language`` is her language when she wrote in
    another one and asked to be contacted: she was offered a call-back in it.
    """
    consent = _code(slots.get("consent"), codebook.CONSENT_VALUES) or "not_asked"
    completed = bool(slots.get("completed"))
    fields: dict[str, Any] = {
        "site": site,
        "consent": consent,
        "explained": False,
        "referral_source": None,
        "perinatal_stage": None,
        "format_preference": None,
        "mode_preferences": [],
        "time_preferences": [],
        "concerns": [],
        "motivators": [],
        "take_up_intent": None,
        "decline_reason": None,
        "contact_requested": False,
        "preferred_contact": None,
        "risk_flag": bool(slots.get("risk_flag")),
        "completed": completed,
        "dropped_at": None if completed else _code(slots.get("stage"), codebook.QUESTIONS),
        "questions_skipped": [],
        "questions_not_understood": [],
        "language": language if language in codebook.LANGUAGES else codebook.ENGLISH,
        "callback_language": None,
    }
    if not codebook.has_consented(slots):
        return fields
    # Only a real yes: a skipped or not-understood answer ("skipped" is truthy) is not a request.
    contact_requested = slots.get("contact_requested") is True
    fields.update(
        explained=bool(slots.get("explained")),
        referral_source=_code(slots.get("referral_source"), codebook.REFERRAL_SOURCES),
        perinatal_stage=_code(slots.get("perinatal_stage"), codebook.PERINATAL_STAGES),
        format_preference=_code(slots.get("format_preference"), codebook.FORMATS),
        mode_preferences=codebook.ordered_subset(slots.get("mode_preferences"), codebook.MODES),
        time_preferences=codebook.ordered_subset(slots.get("time_preferences"), codebook.TIMES),
        concerns=_codes_in_order_raised(slots.get("concerns"), codebook.CONCERNS),
        motivators=_codes_in_order_raised(slots.get("motivators"), codebook.MOTIVATORS),
        take_up_intent=_code(slots.get("take_up_intent"), codebook.TAKE_UP_INTENTS),
        decline_reason=_code(slots.get("decline_reason"), codebook.DECLINE_REASONS),
        contact_requested=contact_requested,
        preferred_contact=(
            _code(slots.get("preferred_contact"), codebook.CONTACT_METHODS)
            if contact_requested else None
        ),
        questions_skipped=_questions_marked(slots, codebook.SKIPPED),
        questions_not_understood=_questions_marked(slots, codebook.NOT_UNDERSTOOD),
        callback_language=(fields["language"]
                           if contact_requested and fields["language"] != codebook.ENGLISH
                           else None),
    )
    return fields


class IntakeRepository:
    """Reads and writes intake records, contact details and deletion requests."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def upsert(self, conversation_id: str, fields: Mapping[str, Any],
               now: datetime | None = None) -> None:
        """Create the conversation's record, or update it with ``fields``."""
        now = now or utcnow()
        values = {k: fields[k] for k in CONVERSATION_FIELDS if k in fields}
        values["last_activity_at"] = now
        with self.engine.begin() as conn:
            updated = conn.execute(
                sa.update(intake_records)
                .where(intake_records.c.conversation_id == conversation_id)
                .values(**values)
            ).rowcount
        if updated:
            return
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(intake_records).values(
                    conversation_id=conversation_id,
                    schema_version=codebook.SCHEMA_VERSION,
                    started_at=now,
                    outcome="pending",
                    **values,
                ))
        except IntegrityError:  # another process inserted it first: update instead
            with self.engine.begin() as conn:
                conn.execute(
                    sa.update(intake_records)
                    .where(intake_records.c.conversation_id == conversation_id)
                    .values(**values)
                )

    def get(self, conversation_id: str) -> dict[str, Any] | None:
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(intake_records).where(
                    intake_records.c.conversation_id == conversation_id)
            ).mappings().first()
            categories = _risk_categories(conn, conversation_id) if row else {}
        return export_row(row, categories.get(conversation_id, ())) if row else None

    def records(self, site: str | None = None, since: datetime | None = None,
                until: datetime | None = None) -> Iterator[dict[str, Any]]:
        """Records ordered by ``started_at``, optionally for one site and a time window."""
        query = sa.select(intake_records).order_by(
            intake_records.c.started_at, intake_records.c.conversation_id)
        if site:
            query = query.where(intake_records.c.site == site)
        if since:
            query = query.where(intake_records.c.started_at >= since)
        if until:
            query = query.where(intake_records.c.started_at < until)
        with self.engine.connect() as conn:
            categories = _risk_categories(conn)
            for row in conn.execute(query).mappings():
                yield export_row(row, categories.get(row["conversation_id"], ()))

    def save_contact(self, conversation_id: str, method: str, value: str) -> None:
        """Store (or replace) how to reach her, apart from the intake record, encrypted with
        the data key (bot.records.keys)."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(contact_details).where(
                contact_details.c.conversation_id == conversation_id))
            conn.execute(sa.insert(contact_details).values(
                conversation_id=conversation_id, method=method, value=seal(value),
                created_at=utcnow()))

    def contact(self, conversation_id: str) -> tuple[str, str] | None:
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(contact_details.c.method, contact_details.c.value).where(
                contact_details.c.conversation_id == conversation_id)).first()
        return (row.method, unseal(row.value)) if row else None

    def delete_conversation(self, conversation_id: str) -> None:
        """Honour a deletion request: the record and contact details go now, the transcript
        is queued for ``bot purge``."""
        with self.engine.begin() as conn:
            conn.execute(sa.delete(intake_records).where(
                intake_records.c.conversation_id == conversation_id))
            conn.execute(sa.delete(contact_details).where(
                contact_details.c.conversation_id == conversation_id))
            exists = conn.execute(sa.select(deletion_requests.c.conversation_id).where(
                deletion_requests.c.conversation_id == conversation_id)).first()
            if not exists:
                conn.execute(sa.insert(deletion_requests).values(
                    conversation_id=conversation_id, requested_at=utcnow()))


def _as_utc(value: datetime | None) -> datetime | None:
    if value is None:
        return None
    # SQLite hands datetimes back without a zone; they were written as UTC.
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value.astimezone(
        timezone.utc)


def iso_utc(value: datetime | None) -> str | None:
    value = _as_utc(value)
    return value.isoformat(timespec="seconds").replace("+00:00", "Z") if value else None


def _risk_categories(conn: sa.engine.Connection,
                     conversation_id: str | None = None) -> dict[str, list[str]]:
    """Conversation id -> the categories of its risk events, in the order raised, each once."""
    query = sa.select(risk_events.c.conversation_id, risk_events.c.category).order_by(
        risk_events.c.created_at, risk_events.c.id)
    if conversation_id is not None:
        query = query.where(risk_events.c.conversation_id == conversation_id)
    found: dict[str, list[str]] = {}
    for event in conn.execute(query):
        raised = found.setdefault(event.conversation_id, [])
        if event.category in codebook.RISK_CATEGORIES and event.category not in raised:
            raised.append(event.category)
    return found


def export_row(row: Mapping[str, Any], risk_categories: Iterable[str] = ()) -> dict[str, Any]:
    """A stored row as the codebook's record (field order, mechanisms derived, ISO times).

    ``risk_categories`` come from the conversation's risk events (kept apart from the record);
    like her other answers they are exported only with her consent."""
    record = {field: row.get(field) for field in codebook.FIELDS
              if field not in ("mechanisms", "risk_categories")}
    record["schema_version"] = codebook.SCHEMA_VERSION
    for field in ("mode_preferences", "time_preferences", "concerns", "motivators",
                  "questions_skipped", "questions_not_understood"):
        record[field] = list(record[field] or [])
    record["mechanisms"] = codebook.mechanisms_for(record["concerns"], record["motivators"])
    record["risk_categories"] = (list(risk_categories) if record["consent"] == "given" else [])
    record["started_at"] = iso_utc(row.get("started_at"))
    record["last_activity_at"] = iso_utc(row.get("last_activity_at"))
    for flag in ("explained", "contact_requested", "risk_flag", "completed",
                 "risk_acknowledged", "callback_done"):
        record[flag] = bool(record[flag])
    outcome_at = row.get("outcome_at")
    record["outcome_at"] = outcome_at.isoformat() if outcome_at else None
    if record["concerns_reviewed"] is not None:
        record["concerns_reviewed"] = list(record["concerns_reviewed"])
    return {field: record[field] for field in codebook.FIELDS}
