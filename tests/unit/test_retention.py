"""`bot purge`: records past their site's retention go with everything tied to them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from bot.records.database import (
    alert_outbox,
    contact_details,
    intake_records,
    make_engine,
    risk_events,
)
from bot.records.intake_record import utcnow
from bot.records.retention import purge
from bot.sites.config import registry


def _conversation(conn: sa.engine.Connection, conversation_id: str, site: str,
                  last_activity: object) -> None:
    conn.execute(sa.insert(intake_records).values(
        conversation_id=conversation_id, schema_version=1, site=site, started_at=last_activity,
        last_activity_at=last_activity, consent="given", explained=True, mode_preferences=[],
        time_preferences=[], concerns=[], motivators=[], contact_requested=True,
        risk_flag=True, completed=True, outcome="intends"))
    conn.execute(sa.insert(contact_details).values(
        conversation_id=conversation_id, method="phone", value="07700900123",
        created_at=last_activity))
    conn.execute(sa.insert(risk_events).values(
        conversation_id=conversation_id, site=site, category="suicide", layer="pattern",
        message="...", created_at=last_activity))
    conn.execute(sa.insert(alert_outbox).values(
        alert_id=f"alert-{conversation_id}", conversation_id=conversation_id, site=site,
        category="suicide", layer="pattern", risk_at=last_activity, channel="webhook",
        attempts=1, next_attempt_at=last_activity, sent_at=last_activity))


def test_expired_conversation_is_removed_everywhere_and_recent_one_kept(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'retention.db'}")
    site = next(iter(registry()))
    now = utcnow()
    with engine.begin() as conn:
        _conversation(conn, "old", site.id, now - timedelta(days=site.retention_days + 1))
        _conversation(conn, "recent", site.id, now - timedelta(days=1))

    report = purge(engine, now=now)

    assert report.expired == 1
    with engine.connect() as conn:
        for table in (intake_records, contact_details, risk_events, alert_outbox):
            left = conn.execute(sa.select(table.c.conversation_id)).scalars().all()
            assert left == ["recent"], table.name
