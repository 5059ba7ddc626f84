"""The ``bot`` command as staff and evaluators run it: a subprocess against a real database
whose contents the test wrote, so each figure printed can be checked against what is there.

Staff alerts go to a real local webhook (tests/safety/receivers.py); staff accounts are
checked in the database the command wrote to."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from cryptography.fernet import Fernet

from bot.alerts import staff_alerts as alerts
from bot.records.database import (
    REPO_ROOT,
    alert_outbox,
    contact_details,
    deletion_requests,
    intake_records,
    make_engine,
    risk_events,
    staff_audit,
    staff_users,
)
from bot.records.intake_record import IntakeRepository, utcnow
from bot.records.risk_events import RiskRepository
from bot.records.transcripts import events_table
from bot.sites.config import registry
from bot.staff.accounts import Accounts
from tests.safety.receivers import WebhookReceiver, spare_port

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
    # The console script imports the package the virtualenv was installed from; PYTHONPATH
    # makes it run this checkout's code (a git worktree shares its main checkout's .venv).
    path = os.pathsep.join(p for p in (str(REPO_ROOT), os.environ.get("PYTHONPATH")) if p)
    env = {name: value for name, value in os.environ.items() if not name.startswith("ALERT_")}
    env.update(DATABASE_URL=url, STAFF_DATA_KEY=key, PYTHONPATH=path,
               STAFF_BASE_URL="https://intake.example.org")
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


# ------------------------------------------------------------------------------ purge ----


def test_purge_removes_a_deleted_conversations_alerts_once_they_are_sent(
        database: tuple[str, dict[str, str]], webhook: WebhookReceiver) -> None:
    """Her alert that staff already had goes with the deletion; one not yet sent is kept until
    it is, so asking for deletion never silences a risk she raised."""
    url, env = database
    engine = make_engine(url)
    [told, waiting] = risk_alerts(engine, [("nb-new", "suicide"), ("nb-new", "self_harm")])
    [other] = risk_alerts(engine, [("ev-new", "psychosis")])
    outbox = alerts.AlertOutbox(engine)
    for row in outbox.rows():
        if row["alert_id"] in (told.alert_id, other.alert_id):
            outbox.mark_sent(row["id"])
    IntakeRepository(engine).delete_conversation("nb-new")

    first = bot(env, "purge")

    assert first.returncode == 0, first.stderr
    assert "Removed 1 sent staff alert(s)" in first.stdout
    assert "Kept 1 staff alert(s) of deleted conversations until they are sent" in first.stderr
    assert alert_ids(engine) == {waiting.alert_id, other.alert_id}

    sent = bot({**env, "ALERT_WEBHOOK_URL": webhook.url}, "alerts", "--retry")
    assert sent.returncode == 0, sent.stderr
    assert [r.json["alert_id"] for r in webhook.received] == [waiting.alert_id]

    second = bot(env, "purge")

    assert "Removed 1 sent staff alert(s)" in second.stdout and "Kept" not in second.stderr
    assert alert_ids(engine) == {other.alert_id}  # not deleted: pruned after 30 days
    with engine.connect() as conn:  # the safeguarding record stays until retention ends
        kept = conn.execute(sa.select(risk_events.c.category).where(
            risk_events.c.conversation_id == "nb-new")).scalars().all()
    assert sorted(kept) == ["self_harm", "suicide"]
    engine.dispose()


# ----------------------------------------------------------------------------- alerts ----

WEBHOOK_SECRET = "cli-test"
HER_WORDS = "what she wrote, which no alert carries"


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


def risk_alerts(engine: sa.engine.Engine, risks: list[tuple[str, str]],
                channels: tuple[str, ...] = ("webhook",)) -> list[alerts.Alert]:
    """Risks stored as the action server stores them (risk event and outbox rows in one
    transaction), whose sending failed: each row released for the next sweep."""
    made = []
    for conversation_id, category in risks:
        site = "eastvale" if conversation_id.startswith("ev") else "northbrook"
        alert, _ = alerts.record_risk(engine, alerts.Alert(
            conversation_id=conversation_id, site=site, category=category, layer="pattern",
            created_at=utcnow()), HER_WORDS, channels, repeat_window=timedelta(0))
        made.append(alert)
    with engine.begin() as conn:
        conn.execute(sa.update(alert_outbox).values(
            lease_until=None, attempts=5, last_error="RuntimeError: webhook answered HTTP 503",
            next_attempt_at=utcnow() + timedelta(minutes=5)))
    return made


def alert_ids(engine: sa.engine.Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(sa.select(alert_outbox.c.alert_id)).scalars())


def test_alerts_without_a_channel_says_staff_are_not_alerted(
        database: tuple[str, dict[str, str]]) -> None:
    _, env = database
    done = bot(env, "alerts")
    assert done.returncode == 0, done.stderr
    assert done.stdout == ("no alert channel configured: staff are NOT alerted "
                           "(see docs/safety.md)\n")
    assert "0 alert(s) not yet sent" in done.stderr


def test_alerts_lists_the_channels_and_each_unsent_alert_and_exits_1(
        database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    engine = make_engine(url)
    made = risk_alerts(engine, [("nb-new", "self_harm"), ("ev-new", "psychosis")])
    engine.dispose()
    port = spare_port()
    env = {**env, "ALERT_WEBHOOK_URL": f"http://127.0.0.1:{port}/hooks/T0KEN-IN-PATH",
           "ALERT_WEBHOOK_SECRET": WEBHOOK_SECRET, "ALERT_SMTP_HOST": "mail.example.org",
           "ALERT_SMTP_PORT": "25", "ALERT_EMAIL_FROM": "intake@example.org",
           "ALERT_EMAIL_TO": "a@example.org, b@example.org"}

    done = bot(env, "alerts")

    assert done.returncode == 1, done.stderr  # a cron job hears of the unsent alerts
    lines = done.stdout.splitlines()
    assert lines[:2] == [
        "email: mail.example.org:25 (no TLS), from intake@example.org to a@example.org, "
        "b@example.org",
        f"webhook: http://127.0.0.1:{port}/... (signed)"]
    rows = lines[2:]
    assert len(rows) == 2 and "2 alert(s) not yet sent" in done.stderr
    for row, alert in zip(rows, made, strict=True):
        assert row.split()[1:4] == [alert.site, alert.category, "webhook"]
        assert "tries 5 " in row and alert.conversation_id in row
        assert row.endswith("RuntimeError: webhook answered HTTP 503")
    assert "T0KEN-IN-PATH" not in done.stdout + done.stderr
    assert WEBHOOK_SECRET not in done.stdout + done.stderr
    assert HER_WORDS not in done.stdout + done.stderr


def test_alerts_retry_sends_every_unsent_alert_and_empties_the_outbox(
        database: tuple[str, dict[str, str]], webhook: WebhookReceiver) -> None:
    url, env = database
    engine = make_engine(url)
    made = risk_alerts(engine, [("nb-new", "self_harm"), ("ev-new", "psychosis")])
    env = {**env, "ALERT_WEBHOOK_URL": webhook.url, "ALERT_WEBHOOK_SECRET": WEBHOOK_SECRET}

    # not due for five minutes: --retry sends them anyway
    done = bot(env, "alerts", "--retry")

    assert done.returncode == 0, done.stderr
    assert "retried: 2 sent, 0 still failing" in done.stdout
    assert "0 alert(s) not yet sent" in done.stderr
    got = {r.json["alert_id"]: r for r in webhook.received}
    assert set(got) == {a.alert_id for a in made} and len(webhook.received) == 2
    for alert in made:
        received = got[alert.alert_id]
        assert (received.json["conversation_id"], received.json["category"],
                received.json["risk_event_id"]) == (alert.conversation_id, alert.category,
                                                    alert.risk_event_id)
        assert received.headers[alerts.SIGNATURE_HEADER] == alerts.signature(
            WEBHOOK_SECRET, received.body)
        assert HER_WORDS not in received.body.decode()
    outbox = alerts.AlertOutbox(engine)
    assert outbox.rows() == []
    assert [(r["attempts"], r["last_error"]) for r in outbox.rows(unsent_only=False)] == [
        (6, None), (6, None)]
    engine.dispose()


def test_alerts_retry_that_fails_again_keeps_every_alert_and_exits_1(
        database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    engine = make_engine(url)
    refusing = WebhookReceiver(fail_first=1000).start()
    try:
        risk_alerts(engine, [("nb-new", "self_harm")])
        risk_alerts(engine, [("ev-new", "psychosis")], channels=("email",))  # not set up now
        done = bot({**env, "ALERT_WEBHOOK_URL": refusing.url}, "alerts", "--retry")
    finally:
        refusing.stop()

    assert done.returncode == 1
    assert "retried: 0 sent, 2 still failing" in done.stdout
    assert refusing.calls == 1 and refusing.received == []
    assert "2 alert(s) not yet sent" in done.stderr
    rows = {r["channel"]: r for r in alerts.AlertOutbox(engine).rows()}
    assert rows["webhook"]["last_error"] == "RuntimeError: webhook answered HTTP 503"
    assert rows["email"]["last_error"] == "email is not configured"
    assert all(r["attempts"] == 6 and r["sent_at"] is None for r in rows.values())
    engine.dispose()


def test_alerts_test_sends_a_labelled_test_alert_and_stores_nothing(
        database: tuple[str, dict[str, str]], webhook: WebhookReceiver) -> None:
    url, env = database
    done = bot({**env, "ALERT_WEBHOOK_URL": webhook.url}, "alerts", "--test")
    assert done.returncode == 0, done.stderr
    assert "test alert via webhook: sent" in done.stdout
    [received] = webhook.received
    assert (received.json["type"], received.json["category"]) == ("test_alert", "test")
    assert received.json["site"] == registry().get(None).id
    assert "TEST" in received.json["text"]
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(alert_outbox)).scalar() == 0
        assert conn.execute(sa.select(sa.func.count()).select_from(risk_events)).scalar() == 2
    engine.dispose()


def test_alerts_test_exits_1_when_a_channel_refuses_or_none_is_set(
        database: tuple[str, dict[str, str]]) -> None:
    _, env = database
    nobody = f"http://127.0.0.1:{spare_port()}/alerts"  # nothing listens there
    failed = bot({**env, "ALERT_WEBHOOK_URL": nobody}, "alerts", "--test")
    assert failed.returncode == 1
    assert "test alert via webhook: FAILED" in failed.stdout
    unset = bot(env, "alerts", "--test")
    assert unset.returncode == 1 and "staff are NOT alerted" in unset.stdout


@pytest.mark.parametrize(("settings", "message"), [
    ({"ALERT_SMTP_HOST": "mail.example.org"}, "error: email alerts need ALERT_EMAIL_FROM"),
    ({"ALERT_SMTP_PORT": "twenty-five"}, "error: ALERT_SMTP_PORT is not a number"),
    ({"ALERT_WEBHOOK_URL": "ftp://example.org/x"}, "error: ALERT_WEBHOOK_URL must start"),
], ids=["half-set-email", "port", "webhook-scheme"])
@pytest.mark.parametrize("form", [(), ("--retry",), ("--test",)], ids=["list", "retry", "test"])
def test_alerts_settings_it_cannot_use_are_one_clean_error(
        database: tuple[str, dict[str, str]], settings: dict[str, str], message: str,
        form: tuple[str, ...]) -> None:
    _, env = database
    done = bot({**env, **settings}, "alerts", *form)
    assert done.returncode == 2
    assert done.stderr.startswith(message) and len(done.stderr.splitlines()) == 1
    assert done.stdout == ""


def test_alerts_test_reports_a_broken_site_file(database: tuple[str, dict[str, str]],
                                                tmp_path: Path,
                                                webhook: WebhookReceiver) -> None:
    _, env = database
    broken = tmp_path / "sites"
    broken.mkdir()
    (broken / "bad.yml").write_text("id: bad\nname: [not, a, name\n", encoding="utf-8")
    done = bot({**env, "SITES_DIR": str(broken), "ALERT_WEBHOOK_URL": webhook.url},
               "alerts", "--test")
    assert done.returncode == 2
    assert done.stderr.startswith("error:") and "Traceback" not in done.stderr
    assert webhook.received == []


# ------------------------------------------------------------------------------ staff ----


def accounts_in(url: str) -> dict[str, dict]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = {row["email"]: dict(row) for row in conn.execute(
            sa.select(staff_users)).mappings()}
    engine.dispose()
    return rows


def audit_actions(url: str) -> list[tuple[str, str]]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = [(row.actor, row.action) for row in conn.execute(
            sa.select(staff_audit).order_by(staff_audit.c.id))]
    engine.dispose()
    return rows


def setup_token(done: subprocess.CompletedProcess[str]) -> str:
    [line] = [line for line in done.stdout.splitlines() if "/staff/setup/" in line]
    assert line.strip().startswith("https://intake.example.org/staff/setup/")
    return line.split("/staff/setup/")[1].strip()


def test_staff_add_creates_the_account_and_prints_its_setup_link(
        database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    done = bot(env, "staff", "add", "Sam@Example.org", "--site", "northbrook",
               "--site", "eastvale")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Account created for sam@example.org (staff).")
    token = setup_token(done)
    admin = bot(env, "staff", "add", "boss@example.org", "--role", "admin",
                "--site", "northbrook")
    assert admin.returncode == 0, admin.stderr

    rows = accounts_in(url)
    assert set(rows) == {"sam@example.org", "boss@example.org"}
    sam = rows["sam@example.org"]
    assert (sam["role"], sam["sites"], sam["disabled"], sam["password_hash"]) == (
        "staff", ["eastvale", "northbrook"], False, None)
    assert token not in str(sam)  # only its hash is stored
    assert rows["boss@example.org"]["sites"] == []  # an admin sees every site
    engine = make_engine(url)
    assert Accounts(engine).setup_account(token).email == "sam@example.org"
    engine.dispose()
    assert audit_actions(url) == [("(command line)", "account_added")] * 2


@pytest.mark.parametrize(("args", "message"), [
    (["nobody"], "'nobody' is not an email address"),
    (["kim@example.org", "--site", "nowhere"], "unknown site(s): nowhere (configured: "),
    (["kim@example.org"], "a staff needs at least one --site"),
    (["kim@example.org", "--role", "lead", "--site", "northbrook", "--site", "eastvale"],
     "a lead leads one site"),
], ids=["email", "site", "no-site", "lead-of-two"])
def test_staff_add_refuses_with_one_clean_error_and_writes_nothing(
        database: tuple[str, dict[str, str]], args: list[str], message: str) -> None:
    url, env = database
    done = bot(env, "staff", "add", *args)
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {message}") and len(done.stderr.splitlines()) == 1
    assert done.stdout == ""
    assert accounts_in(url) == {} and audit_actions(url) == []


def test_staff_add_twice_is_refused_and_keeps_the_first(
        database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    first = bot(env, "staff", "add", "sam@example.org", "--site", "northbrook")
    again = bot(env, "staff", "add", "SAM@example.org", "--role", "lead", "--site", "eastvale")
    assert again.returncode == 2
    assert again.stderr == "error: there is already an account for sam@example.org\n"
    assert accounts_in(url)["sam@example.org"]["role"] == "staff"
    engine = make_engine(url)
    assert Accounts(engine).setup_account(setup_token(first)) is not None
    engine.dispose()
    assert len(audit_actions(url)) == 1


def test_staff_list_shows_each_account_and_its_state_without_secrets(
        database: tuple[str, dict[str, str]]) -> None:
    from tests.staff.helpers import make_user

    url, env = database
    engine = make_engine(url)
    make_user(engine, "active@example.org", "lead", ["eastvale"])
    waiting = Accounts(engine).add("new@example.org", "evaluator", ["northbrook"])
    Accounts(engine).add("gone@example.org", "admin", [])
    Accounts(engine).disable("gone@example.org")
    engine.dispose()

    done = bot(env, "staff", "list")

    assert done.returncode == 0, done.stderr
    assert [line.split() for line in done.stdout.splitlines()] == [
        ["active@example.org", "lead", "eastvale", "active"],
        ["gone@example.org", "admin", "(all)", "disabled"],
        ["new@example.org", "evaluator", "northbrook", "waiting", "for", "setup"]]
    assert done.stderr == "3 account(s)\n"
    hashes = [row["password_hash"] for row in accounts_in(url).values()]
    for secret in (waiting, *filter(None, hashes)):
        assert secret not in done.stdout


def test_staff_disable_and_reset_change_the_account_and_are_audited(
        database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    engine = make_engine(url)
    first = setup_token(bot(env, "staff", "add", "sam@example.org", "--site", "northbrook"))

    disabled = bot(env, "staff", "disable", "Sam@Example.org")

    assert disabled.returncode == 0, disabled.stderr
    assert "sam@example.org can no longer sign in" in disabled.stdout
    sam = accounts_in(url)["sam@example.org"]
    assert sam["disabled"] is True and sam["setup_token_hash"] is None
    assert Accounts(engine).setup_account(first) is None  # the link no longer works

    reset = bot(env, "staff", "reset", "sam@example.org")

    assert reset.returncode == 0, reset.stderr
    assert "Password and second factor of sam@example.org forgotten." in reset.stdout
    second = setup_token(reset)
    sam = accounts_in(url)["sam@example.org"]
    assert sam["disabled"] is False and sam["password_hash"] is None
    assert sam["totp_secret"] is None and sam["recovery_codes"] == []
    assert second != first and Accounts(engine).setup_account(second).email == sam["email"]
    assert [action for _, action in audit_actions(url)] == [
        "account_added", "account_disabled", "account_reset"]
    engine.dispose()


@pytest.mark.parametrize("command", ["disable", "reset"])
def test_staff_disable_or_reset_of_nobody_is_one_clean_error(
        database: tuple[str, dict[str, str]], command: str) -> None:
    url, env = database
    done = bot(env, "staff", command, "Nobody@Example.org")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == "error: there is no account for nobody@example.org\n"
    assert audit_actions(url) == []


def test_staff_audit_prints_the_trail_and_exits_1_once_it_is_tampered_with(
        database: tuple[str, dict[str, str]]) -> None:
    url, env = database
    bot(env, "staff", "add", "sam@example.org", "--site", "northbrook")
    bot(env, "staff", "disable", "sam@example.org")

    done = bot(env, "staff", "audit")

    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert [line.split()[5] for line in lines] == ["account_added", "account_disabled"]
    assert all("(command line)" in line for line in lines)
    assert done.stderr == "Audit chain intact: 2 entries.\n"
    last = bot(env, "staff", "audit", "--last", "1")
    assert [line.split()[5] for line in last.stdout.splitlines()] == ["account_disabled"]

    engine = make_engine(url)
    with engine.begin() as conn:  # someone edits the trail outside the app
        conn.execute(sa.update(staff_audit).where(staff_audit.c.id == 1).values(
            action="account_reset"))
    engine.dispose()
    broken = bot(env, "staff", "audit")
    assert broken.returncode == 1
    assert broken.stderr.startswith("AUDIT CHAIN BROKEN at entry 1:")


@pytest.mark.parametrize("args", [["list"], ["add", "sam@example.org", "--site", "northbrook"],
                                  ["disable", "sam@example.org"], ["reset", "sam@example.org"]],
                         ids=["list", "add", "disable", "reset"])
def test_staff_commands_report_a_broken_site_file_as_one_clean_error(
        database: tuple[str, dict[str, str]], tmp_path: Path, args: list[str]) -> None:
    url, env = database
    broken = tmp_path / "sites"
    broken.mkdir()
    (broken / "bad.yml").write_text("id: bad\nname: [not, a, name\n", encoding="utf-8")
    done = bot({**env, "SITES_DIR": str(broken)}, "staff", *args)
    assert done.returncode == 2
    assert done.stderr.startswith("error:") and "bad.yml" in done.stderr
    assert "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
    assert accounts_in(url) == {} and audit_actions(url) == []


@pytest.mark.parametrize("command", [("staff", "list"), ("alerts",), ("risks",),
                                     ("export", "--format", "csv"), ("purge",)])
def test_a_database_it_cannot_reach_is_one_error_line(database: tuple[str, dict[str, str]],
                                                       command: tuple[str, ...]) -> None:
    _, env = database
    done = bot({**env, "DATABASE_URL": "postgresql://intake@127.0.0.1:1/records"}, *command)
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.startswith("error: the database cannot be reached"), done.stderr
    assert "Traceback" not in done.stderr
