"""Erasing a conversation takes two people: a staff member asks, a lead of its site approves.

On approval, in one transaction: the transcript (Rasa's ``events``), the intake record, the
contact details and the staff notes go; the risk events keep only their category, layer and
time (her words are replaced), since the safeguarding record must stay until retention ends.
A ``deletion_requests`` row is added as well, so the chat never shows the conversation again
and `bot purge` removes anything Rasa saves for it later, and its staff alerts once sent. The
audit keeps that it happened, by whom and when, with no personal data.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import (
    contact_details,
    deletion_requests,
    erasure_requests,
    intake_records,
    risk_events,
    staff_notes,
)
from bot.records.intake_record import utcnow
from bot.records.transcripts import delete_transcript
from bot.staff.accounts import StaffUser
from bot.staff.audit import AuditLog

ERASED = "[erased]"


class ErasureError(ValueError):
    """An erasure step that cannot be taken; the message is for the person asking."""


def request_erasure(engine: Engine, user: StaffUser, conversation_id: str, site: str) -> None:
    with engine.begin() as conn:
        if conn.execute(sa.select(erasure_requests.c.conversation_id).where(
                erasure_requests.c.conversation_id == conversation_id)).first():
            raise ErasureError("Erasure of this conversation has already been asked for.")
        conn.execute(sa.insert(erasure_requests).values(
            conversation_id=conversation_id, site=site, requested_by=user.email,
            requested_at=utcnow()))
        AuditLog(engine).write(user.email, "erasure_requested", conversation_id, site,
                               conn=conn)


def pending(engine: Engine, sites: tuple[str, ...] | None) -> list[dict[str, Any]]:
    query = sa.select(erasure_requests).where(erasure_requests.c.approved_at.is_(None))
    if sites is not None:
        query = query.where(erasure_requests.c.site.in_(sites))
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(
            query.order_by(erasure_requests.c.requested_at)).mappings()]


def approve(engine: Engine, user: StaffUser, conversation_id: str) -> None:
    """Erase, if ``user`` is a lead of the conversation's site and not the one who asked."""
    with engine.begin() as conn:
        request = conn.execute(sa.select(erasure_requests).where(
            erasure_requests.c.conversation_id == conversation_id,
            erasure_requests.c.approved_at.is_(None))).mappings().first()
        if request is None:
            raise ErasureError("There is no erasure waiting for approval here.")
        if user.role != "lead" or not user.can_see(request["site"]):
            raise ErasureError("Only a lead of this site can approve an erasure.")
        if request["requested_by"] == user.email:
            raise ErasureError("A second person must approve: you asked for this erasure.")
        events = delete_transcript(conn, conversation_id)
        for table in (intake_records, contact_details, staff_notes):
            conn.execute(sa.delete(table).where(table.c.conversation_id == conversation_id))
        conn.execute(sa.update(risk_events).where(
            risk_events.c.conversation_id == conversation_id).values(
            message=ERASED, action_taken=None))
        if not conn.execute(sa.select(deletion_requests.c.conversation_id).where(
                deletion_requests.c.conversation_id == conversation_id)).first():
            conn.execute(sa.insert(deletion_requests).values(
                conversation_id=conversation_id, requested_at=utcnow()))
        conn.execute(sa.update(erasure_requests).where(
            erasure_requests.c.conversation_id == conversation_id).values(
            approved_by=user.email, approved_at=utcnow()))
        AuditLog(engine).write(user.email, "erasure_approved", conversation_id,
                               request["site"], conn=conn, requested_by=request["requested_by"],
                               transcript_events=events)
