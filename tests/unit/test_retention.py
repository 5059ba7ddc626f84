"""`bot purge`: records past their site's retention go with everything tied to them, and a
deleted conversation's staff alerts once they are sent."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import sqlalchemy as sa

from bot.alerts.staff_alerts import AlertOutbox
from bot.records.database import (
    alert_outbox,
    contact_details,
    intake_records,
    make_engine,
    risk_events,
)
from bot.records.intake_record import IntakeRepository, utcnow
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


def _alert(conn: sa.engine.Connection, conversation_id: str, channel: str,
           sent_at: object) -> None:
    now = utcnow()
    conn.execute(sa.insert(alert_outbox).values(
        alert_id=f"alert-{conversation_id}", conversation_id=conversation_id, site="northbrook",
        category="suicide", layer="pattern", risk_at=now, channel=channel, attempts=1,
        next_attempt_at=now, sent_at=sent_at))


def _outbox(engine: sa.engine.Engine) -> list[tuple[str, str, bool]]:
    with engine.connect() as conn:
        return sorted((row.conversation_id, row.channel, row.sent_at is not None)
                      for row in conn.execute(sa.select(alert_outbox)))


def test_a_deleted_conversations_sent_alerts_go_and_an_unsent_one_waits_until_sent(
        tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'retention.db'}")
    now = utcnow()
    with engine.begin() as conn:
        _alert(conn, "hers", "webhook", sent_at=now)  # staff were told by webhook...
        _alert(conn, "hers", "email", sent_at=None)  # ...the email has not gone yet
        _alert(conn, "other", "webhook", sent_at=now)  # not deleted: the sweeper prunes it
    IntakeRepository(engine).delete_conversation("hers")

    report = purge(engine, now=now)

    assert (report.alerts, report.alerts_unsent) == (1, 1)
    assert _outbox(engine) == [("hers", "email", False), ("other", "webhook", True)]
    # the kept one is still there for the sender to claim: staff must hear of her risk
    [(row_id, channel, alert)] = AlertOutbox(engine).claim(force=True)
    assert (channel, alert.conversation_id) == ("email", "hers")

    AlertOutbox(engine).mark_sent(row_id)
    again = purge(engine, now=now)

    assert (again.alerts, again.alerts_unsent) == (1, 0)
    assert _outbox(engine) == [("other", "webhook", True)]


def test_an_approved_erasure_takes_the_sent_alerts_with_it_at_the_next_purge(
        tmp_path: Path) -> None:
    from bot.staff import erasure
    from tests.staff.helpers import make_conversation, make_user

    engine = make_engine(f"sqlite:///{tmp_path / 'retention.db'}")
    sam, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    lead, _ = make_user(engine, "lead@example.org", "lead", ["northbrook"])
    cid = make_conversation(engine)
    with engine.begin() as conn:
        _alert(conn, cid, "webhook", sent_at=utcnow())
        _alert(conn, cid, "email", sent_at=None)
    erasure.request_erasure(engine, sam, cid, "northbrook")
    erasure.approve(engine, lead, cid)

    report = purge(engine)

    assert (report.alerts, report.alerts_unsent) == (1, 1)
    assert _outbox(engine) == [(cid, "email", False)]
