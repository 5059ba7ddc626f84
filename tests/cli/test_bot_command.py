"""The ``bot`` command as staff and evaluators run it: a subprocess against a real database
whose contents the test wrote, so each figure printed can be checked against what is there."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from bot.records.database import (
    alert_outbox,
    contact_details,
    deletion_requests,
    intake_records,
    make_engine,
    risk_events,
)
from bot.records.intake_record import IntakeRepository
from bot.records.risk_events import RiskRepository
from bot.records.transcripts import events_table
from bot.sites.config import registry

BOT = str(Path(sys.executable).with_name("bot"))
NOW = datetime.now(timezone.utc)
#: Three conversations on known days: two at northbrook, one at eastvale.
STARTS = {
    "nb-old": NOW - timedelta(days=20),
    "nb-new": NOW - timedelta(days=2),
    "ev-new": NOW - timedelta(days=1),
}


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, dict[str, str]]:
    """A SQLite database with known records, contact details and risk events, and the
    environment a ``bot`` subprocess needs to read it."""
    url = f"sqlite:///{tmp_path / 'records.db'}"
    key = Fernet.generate_key().decode()
    monkeypatch.setenv("STAFF_DATA_KEY", key)
    engine = make_engine(url)
    repo = IntakeRepository(engine)
    for conversation_id, started in STARTS.items():
        site = "eastvale" if conversation_id.startswith("ev") else "northbrook"
        repo.upsert(conversation_id, {"site": site, "consent": "given",
                                      "format_preference": "group"}, now=started)
    repo.save_contact("nb-new", "phone", "+447700900123")
    risks = RiskRepository(engine)
    risks.add("nb-old", "northbrook", "suicide", "pattern", "she wrote this")
    risks.add("ev-new", "eastvale", "danger_at_home", "model", "and this")
    with engine.begin() as conn:
        conn.execute(sa.update(risk_events).where(risk_events.c.conversation_id == "nb-old")
                     .values(reviewed=True, created_at=STARTS["nb-old"]))
    engine.dispose()
    env = {**os.environ, "DATABASE_URL": url, "STAFF_DATA_KEY": key}
    return url, env


def bot(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([BOT, *args], env=env, capture_output=True, text=True, timeout=120)


def test_export_by_site_and_dates_to_a_file(database: tuple[str, dict[str, str]],
                                            tmp_path: Path) -> None:
    _, env = database
    out = tmp_path / "export.csv"
    since = (NOW - timedelta(days=5)).date().isoformat()
    done = bot(env, "export", "--format", "csv", "--site", "northbrook", "--since", since,
               "--output", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""  # the records went to the file, not the terminal
    assert "Wrote 1 records" in done.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [r["conversation_id"] for r in rows] == ["nb-new"]
    assert "+447700900123" not in out.read_text(encoding="utf-8")  # contact details stay out


def test_export_until_includes_the_whole_day(database: tuple[str, dict[str, str]]) -> None:
    _, env = database
    until = STARTS["nb-new"].date().isoformat()
    done = bot(env, "export", "--format", "jsonl", "--until", until)
    assert done.returncode == 0, done.stderr
    ids = [json.loads(line)["conversation_id"] for line in done.stdout.splitlines()]
    assert ids == ["nb-old", "nb-new"]


def test_export_rejects_a_date_it_cannot_read(database: tuple[str, dict[str, str]]) -> None:
    _, env = database
    done = bot(env, "export", "--format", "csv", "--since", "last tuesday")
    assert done.returncode == 2
    assert "is not a date" in done.stderr
    assert "Traceback" not in done.stderr


def test_risks_lists_every_event_without_her_words(database: tuple[str, dict[str, str]]) -> None:
    _, env = database
    done = bot(env, "risks")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 2 and "2 risk event(s)" in done.stderr
    assert "suicide" in lines[0] and "reviewed" in lines[0] and "nb-old" in lines[0]
    assert "danger_at_home" in lines[1] and "UNREVIEWED" in lines[1]
    assert "she wrote this" not in done.stdout and "and this" not in done.stdout


def test_risks_counts_each_category_apart(database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    engine = make_engine(url)
    risks = RiskRepository(engine)
    for category in ("baby_emergency", "maternal_emergency", "baby_emergency", "other_risk"):
        risks.add("nb-new", "northbrook", category, "pattern", "her words")
    engine.dispose()
    done = bot(env, "risks")
    assert done.returncode == 0, done.stderr
    counts = dict(line.split() for line in done.stderr.splitlines() if line.startswith("  "))
    assert counts == {"baby_emergency": "2", "maternal_emergency": "1", "other_risk": "1",
                      "suicide": "1", "danger_at_home": "1"}
    assert "6 risk event(s)" in done.stderr and "her words" not in done.stdout + done.stderr


def test_risks_filters_and_shows_messages_only_when_asked(
        database: tuple[str, dict[str, str]]) -> None:
    _, env = database
    unreviewed = bot(env, "risks", "--unreviewed", "--show-messages")
    assert unreviewed.returncode == 0, unreviewed.stderr
    assert "ev-new" in unreviewed.stdout and "nb-old" not in unreviewed.stdout
    assert "'and this'" in unreviewed.stdout
    recent = bot(env, "risks", "--since", (NOW - timedelta(days=3)).date().isoformat())
    assert "1 risk event(s)" in recent.stderr and "ev-new" in recent.stdout


def test_sites_lists_and_checks_each_site(database: tuple[str, dict[str, str]]) -> None:
    _, env = database
    done = bot(env, "sites")
    assert done.returncode == 0, done.stderr
    ids = [line.split(":")[0].removesuffix(" (default)") for line in done.stdout.splitlines()]
    assert sorted(ids) == sorted(site.id for site in registry())
    assert "northbrook (default)" in done.stdout


def test_sites_reports_a_broken_site_file(database: tuple[str, dict[str, str]],
                                          tmp_path: Path) -> None:
    _, env = database
    broken = tmp_path / "sites"
    broken.mkdir()
    (broken / "bad.yml").write_text("id: bad\nname: [not, a, name\n", encoding="utf-8")
    done = bot({**env, "SITES_DIR": str(broken)}, "sites")
    assert done.returncode == 2
    assert done.stderr.startswith("error:") and "Traceback" not in done.stderr


def test_purge_removes_requested_transcripts_and_expired_records(
        database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    engine = make_engine(url)
    site = registry().get("northbrook")
    expired_at = NOW - timedelta(days=site.retention_days + 1)
    quiet = (NOW - timedelta(hours=2)).timestamp()
    with engine.begin() as conn:
        events_table.create(conn, checkfirst=True)
        for sender in ("nb-new", "ev-new"):
            conn.execute(sa.insert(events_table).values(
                sender_id=sender, type_name="user", timestamp=quiet,
                data=json.dumps({"event": "user", "text": "hello"})))
        conn.execute(sa.update(intake_records).where(
            intake_records.c.conversation_id == "nb-old").values(last_activity_at=expired_at))
        conn.execute(sa.insert(alert_outbox).values(
            alert_id="a-1", conversation_id="nb-old", site="northbrook", category="suicide",
            layer="pattern", risk_at=expired_at, channel="webhook", attempts=1,
            next_attempt_at=expired_at))
    IntakeRepository(engine).delete_conversation("nb-new")

    done = bot(env, "purge")

    assert done.returncode == 0, done.stderr
    assert "Removed 1 transcript(s)" in done.stdout and "and 1 record(s)" in done.stdout
    with engine.connect() as conn:
        senders = set(conn.execute(sa.select(events_table.c.sender_id)).scalars())
        assert senders == {"ev-new"}  # the deleted one's transcript is gone, the other kept
        for table in (intake_records, contact_details, risk_events, alert_outbox):
            left = set(conn.execute(sa.select(table.c.conversation_id)).scalars())
            assert "nb-old" not in left and "nb-new" not in left, table.name
        purged = conn.execute(sa.select(deletion_requests.c.transcript_purged_at)).scalar()
        assert purged is not None
    again = bot(env, "purge")
    assert "Removed 0 transcript(s)" in again.stdout and "and 0 record(s)" in again.stdout
    engine.dispose()
