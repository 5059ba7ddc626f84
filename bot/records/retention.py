"""Removing what should no longer be kept: requested deletions and records past retention.

Transcripts live in Rasa's tracker store (the ``events`` table). Rasa re-saves a conversation it
is still holding, so a transcript is removed only once its conversation has gone quiet.

A deleted conversation's staff alerts (``alert_outbox``) go once they have been sent. One not yet
sent is kept, and sent as usual by the sweeper or ``bot alerts --retry``: she may have said she
is at risk just before asking for deletion, and staff must still hear of it. The first purge
after it is sent removes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import (
    alert_outbox,
    contact_details,
    deletion_requests,
    intake_records,
    risk_events,
    staff_notes,
)
from bot.records.intake_record import utcnow
from bot.sites.config import registry

#: How long a conversation must be quiet before its transcript can be removed.
QUIET_PERIOD = timedelta(minutes=30)


@dataclass
class PurgeReport:
    transcripts: int = 0
    expired: int = 0
    #: Sent staff alerts of deleted conversations removed by this purge.
    alerts: int = 0
    #: Staff alerts of deleted conversations kept because they are not sent yet.
    alerts_unsent: int = 0


def _events_table(engine: Engine) -> sa.Table | None:
    if not sa.inspect(engine).has_table("events"):
        return None
    return sa.Table("events", sa.MetaData(), autoload_with=engine)


def _last_event_time(conn: sa.engine.Connection, events: sa.Table, sender: str) -> float | None:
    return conn.execute(sa.select(sa.func.max(events.c.timestamp)).where(
        events.c.sender_id == sender)).scalar()


def purge(engine: Engine, now: datetime | None = None) -> PurgeReport:
    now = now or utcnow()
    report = PurgeReport()
    events = _events_table(engine)
    with engine.begin() as conn:
        pending = conn.execute(sa.select(deletion_requests.c.conversation_id).where(
            deletion_requests.c.transcript_purged_at.is_(None))).scalars().all()
        for sender in pending:
            if events is not None:
                last = _last_event_time(conn, events, sender)
                if last and now.timestamp() - last < QUIET_PERIOD.total_seconds():
                    continue
                conn.execute(sa.delete(events).where(events.c.sender_id == sender))
            conn.execute(sa.update(deletion_requests).where(
                deletion_requests.c.conversation_id == sender).values(transcript_purged_at=now))
            report.transcripts += 1

        # Every deletion request, not only those still pending: an alert sent since the last
        # purge goes now.
        deleted = sa.select(deletion_requests.c.conversation_id)
        hers = alert_outbox.c.conversation_id.in_(deleted)
        report.alerts = conn.execute(sa.delete(alert_outbox).where(
            hers, alert_outbox.c.sent_at.is_not(None))).rowcount
        report.alerts_unsent = conn.execute(sa.select(sa.func.count()).select_from(
            alert_outbox).where(hers, alert_outbox.c.sent_at.is_(None))).scalar_one()

        for site in registry():
            cutoff = now - timedelta(days=site.retention_days)
            expired = conn.execute(sa.select(intake_records.c.conversation_id).where(
                intake_records.c.site == site.id,
                intake_records.c.last_activity_at < cutoff)).scalars().all()
            for sender in expired:
                for table in (contact_details, intake_records, risk_events, alert_outbox,
                              staff_notes):
                    conn.execute(sa.delete(table).where(table.c.conversation_id == sender))
                if events is not None:
                    conn.execute(sa.delete(events).where(events.c.sender_id == sender))
                report.expired += 1
    return report
