"""The risk queue and the call-back queue, most urgent first, and what staff do with them.

Each change writes its audit row and its note in the same transaction, and keeps the record's
staff fields (``risk_acknowledged``, ``callback_done``) consistent with the queues.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.records.database import contact_details, intake_records, risk_events, staff_users
from bot.records.intake_record import utcnow
from bot.staff.accounts import StaffUser
from bot.staff.audit import AuditLog
from bot.staff.notes import add_note

#: Most urgent first: a physical emergency of the baby or the mother, an overdose already
#: taken, then thoughts of suicide, and so on (the safety net's CATEGORY_PRIORITY).
CATEGORY_URGENCY = ("baby_emergency", "maternal_emergency", "overdose", "suicide", "harm_baby",
                    "psychosis", "danger_at_home", "self_harm", "other_risk")
#: What each category is called on the staff pages.
CATEGORY_LABELS = {"baby_emergency": "Baby emergency", "maternal_emergency": "Maternal emergency",
                   "overdose": "Overdose", "suicide": "Suicide", "harm_baby": "Harm to baby",
                   "psychosis": "Possible psychosis", "danger_at_home": "Danger at home",
                   "other_risk": "Other risk to mother or baby", "self_harm": "Self-harm"}
ACTION_MAX = 2000


class QueueError(ValueError):
    """A queue change that cannot be made; the message is for the person asking."""


def _site_filter(column: sa.Column, sites: tuple[str, ...] | None) -> Any:
    return sa.true() if sites is None else column.in_(sites)


def _urgency() -> Any:
    return sa.case({c: i for i, c in enumerate(CATEGORY_URGENCY)},
                   value=risk_events.c.category, else_=len(CATEGORY_URGENCY))


def risk_queue(engine: Engine, sites: tuple[str, ...] | None) -> list[dict[str, Any]]:
    """Risk events nobody has acknowledged: the gravest category first, then the oldest."""
    assignee = staff_users.alias("assignee")
    query = (sa.select(risk_events.c.id, risk_events.c.conversation_id, risk_events.c.site,
                       risk_events.c.category, risk_events.c.layer, risk_events.c.rule,
                       risk_events.c.score, risk_events.c.check_in, risk_events.c.created_at,
                       assignee.c.email.label("assigned_to"))
             .select_from(risk_events.outerjoin(
                 assignee, assignee.c.id == risk_events.c.assigned_to))
             .where(risk_events.c.acknowledged_at.is_(None),
                    _site_filter(risk_events.c.site, sites))
             .order_by(_urgency(), risk_events.c.created_at, risk_events.c.id))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def risk_event(engine: Engine, event_id: int) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(sa.select(risk_events).where(risk_events.c.id == event_id)
                           ).mappings().first()
    return dict(row) if row else None


def conversation_risks(engine: Engine, conversation_id: str) -> list[dict[str, Any]]:
    acknowledger = staff_users.alias("acknowledger")
    query = (sa.select(risk_events, acknowledger.c.email.label("acknowledged_by_email"))
             .select_from(risk_events.outerjoin(
                 acknowledger, acknowledger.c.id == risk_events.c.acknowledged_by))
             .where(risk_events.c.conversation_id == conversation_id)
             .order_by(risk_events.c.created_at, risk_events.c.id))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def acknowledge(engine: Engine, user: StaffUser, event: dict[str, Any], action: str) -> None:
    """Mark a risk event seen and dealt with, saying what was done.

    The record's ``risk_acknowledged`` becomes true, in the same transaction, once none of the
    conversation's risk events is left unacknowledged."""
    action = action.strip()
    if not action:
        raise QueueError("Please say what was done (for example, who rang her and when).")
    if len(action) > ACTION_MAX:
        raise QueueError(f"Please keep this under {ACTION_MAX:,} characters.")
    cid = event["conversation_id"]
    with engine.begin() as conn:
        done = conn.execute(sa.update(risk_events).where(
            risk_events.c.id == event["id"], risk_events.c.acknowledged_at.is_(None)).values(
            acknowledged_at=utcnow(), acknowledged_by=user.id, action_taken=action,
            reviewed=True)).rowcount
        if not done:
            raise QueueError("A colleague has already acknowledged this risk.")
        open_risks = conn.execute(sa.select(sa.func.count()).select_from(risk_events).where(
            risk_events.c.conversation_id == cid,
            risk_events.c.acknowledged_at.is_(None))).scalar()
        if not open_risks:
            conn.execute(sa.update(intake_records).where(
                intake_records.c.conversation_id == cid).values(risk_acknowledged=True))
        add_note(conn, user, cid, event["site"],
                 f"Risk ({event['category']}) acknowledged. What was done: {action}", "risk")
        _audit(conn, engine, user, "risk_acknowledged", cid, event["site"],
               risk_event=event["id"], category=event["category"])


def assign(engine: Engine, user: StaffUser, event: dict[str, Any],
           colleague: StaffUser) -> None:
    """Give a risk event to a colleague who works for its site."""
    if not colleague.can_see(event["site"]) or colleague.role == "evaluator":
        raise QueueError("That colleague does not work for this site.")
    with engine.begin() as conn:
        conn.execute(sa.update(risk_events).where(risk_events.c.id == event["id"]).values(
            assigned_to=colleague.id))
        _audit(conn, engine, user, "risk_assigned", event["conversation_id"], event["site"],
               risk_event=event["id"], assigned_to=colleague.email)


def callback_queue(engine: Engine, sites: tuple[str, ...] | None) -> list[dict[str, Any]]:
    """Conversations where she asked to be contacted and nobody has yet: oldest first.

    No contact details here: they are shown, and audited, only on the conversation page."""
    query = (sa.select(intake_records.c.conversation_id, intake_records.c.site,
                       intake_records.c.started_at, intake_records.c.preferred_contact,
                       intake_records.c.time_preferences, intake_records.c.risk_flag,
                       intake_records.c.language, intake_records.c.callback_language)
             .select_from(intake_records.join(
                 contact_details,
                 contact_details.c.conversation_id == intake_records.c.conversation_id))
             .where(intake_records.c.contact_requested.is_(True),
                    intake_records.c.callback_done.is_(False),
                    _site_filter(intake_records.c.site, sites))
             .order_by(intake_records.c.risk_flag.desc(), intake_records.c.started_at))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(query).mappings()]


def complete_callback(engine: Engine, user: StaffUser, conversation_id: str, site: str,
                      result: str) -> None:
    """Mark the call-back done, with its result kept as a note."""
    result = result.strip()
    if not result:
        raise QueueError("Please say how the call-back went.")
    with engine.begin() as conn:
        done = conn.execute(sa.update(intake_records).where(
            intake_records.c.conversation_id == conversation_id,
            intake_records.c.callback_done.is_(False)).values(callback_done=True)).rowcount
        if not done:
            raise QueueError("This call-back has already been marked done.")
        add_note(conn, user, conversation_id, site, f"Call-back done: {result}", "callback")
        _audit(conn, engine, user, "callback_done", conversation_id, site)


def _audit(conn: Connection, engine: Engine, user: StaffUser, action: str,
           conversation_id: str, site: str, **detail: Any) -> None:
    AuditLog(engine).write(user.email, action, conversation_id, site, conn=conn, **detail)
