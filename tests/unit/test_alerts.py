"""Staff alerts (bot/alerts/staff_alerts.py) against a real local SMTP server (aiosmtpd, STARTTLS
and login)
and a real local HTTP receiver (aiohttp): what they carry, retries, the outbox, and that the
safety reply never waits for them."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import hmac
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.alerts import staff_alerts as alerts
from bot.alerts.staff_alerts import Alert, AlertConfig, AlertConfigError, AlertOutbox, RetryPolicy
from bot.cli import main as cli
from bot.records.database import alert_outbox, make_engine, risk_events, shared_engine
from bot.records.intake_record import utcnow
from bot.records.risk_events import RiskRepository
from tests.safety.receivers import SmtpReceiver, WebhookReceiver, spare_port, wait_for

SECRET = "s3cret-for-signing"
HER_WORDS = "i keep thinking everyone would be better off without me"
FAST = RetryPolicy(attempts=3, first_delay=0.01, factor=2, max_delay=0.05)


@pytest.fixture
def engine(tmp_path: Path) -> sa.engine.Engine:
    return make_engine(f"sqlite:///{tmp_path / 'alerts.db'}")


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def smtp(tmp_path: Path) -> Iterator[SmtpReceiver]:
    receiver = SmtpReceiver(tmp_path).start()
    yield receiver
    receiver.stop()


def an_alert(**changes: object) -> Alert:
    values: dict = {"conversation_id": "conv-123", "site": "northbrook",
                    "site_name": "Northbrook Mums Together", "category": "suicide",
                    "layer": "pattern", "created_at": utcnow(), "risk_event_id": 7}
    values.update(changes)
    return Alert(**values)


def webhook_config(receiver: WebhookReceiver, secret: str = SECRET) -> AlertConfig:
    return AlertConfig.from_env({"ALERT_WEBHOOK_URL": receiver.url,
                                 "ALERT_WEBHOOK_SECRET": secret})


# ------------------------------------------------------------------------- configuration ----


def test_configuration_from_the_environment(smtp: SmtpReceiver) -> None:
    env = {**smtp.env("a@example.org, b@example.org"),
           "ALERT_WEBHOOK_URL": "https://x.test/services/T0/B0/token-in-the-path",
           "ALERT_WEBHOOK_SECRET": SECRET}
    config = AlertConfig.from_env(env)
    assert config.channels == ("email", "webhook")
    assert config.email_to == ("a@example.org", "b@example.org")
    assert config.smtp_starttls is True
    described = "\n".join(config.describe()) + repr(config)
    assert "STARTTLS" in described and "signed" in described
    assert SECRET not in described and env["ALERT_SMTP_PASSWORD"] not in described
    # A chat tool's webhook carries its token in the path: only the host is ever shown.
    assert "token-in-the-path" not in described
    assert "https://x.test/..." in described


def test_nothing_configured_says_so() -> None:
    config = AlertConfig.from_env({})
    assert config.channels == ()
    assert "NOT alerted" in config.describe()[0]
    assert alerts.send_in_background(an_alert(), config.channels, config) is None


@pytest.mark.parametrize(
    "env",
    [
        {"ALERT_SMTP_HOST": "mail.example.org"},  # nobody to send to
        {"ALERT_SMTP_HOST": "m", "ALERT_EMAIL_FROM": "f@x", "ALERT_EMAIL_TO": "t@x",
         "ALERT_SMTP_USER": "u"},  # a login without a password
        {"ALERT_SMTP_HOST": "m", "ALERT_EMAIL_FROM": "f@x", "ALERT_EMAIL_TO": "t@x",
         "ALERT_SMTP_USER": "u", "ALERT_SMTP_PASSWORD": "p", "ALERT_SMTP_STARTTLS": "no"},
        {"ALERT_SMTP_PORT": "five"},
        {"ALERT_WEBHOOK_URL": "ftp://example.org"},
    ],
)
def test_half_set_configuration_is_refused(env: dict[str, str]) -> None:
    with pytest.raises(AlertConfigError):
        AlertConfig.from_env(env)


def test_a_broken_configuration_turns_alerts_off_not_the_assistant(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALERT_SMTP_HOST", "mail.example.org")
    alerts.alert_config.cache_clear()
    try:
        assert alerts.alert_config().channels == ()
    finally:
        alerts.alert_config.cache_clear()


# --------------------------------------------------------------------------- the content ----


def test_an_alert_carries_what_staff_need_and_never_her_words() -> None:
    alert = an_alert()
    payload = alert.payload()
    for key, value in {"type": "risk_alert", "site": "northbrook", "category": "suicide",
                       "layer": "pattern", "conversation_id": "conv-123",
                       "risk_event_id": 7}.items():
        assert payload[key] == value
    assert payload["time"].endswith("Z") and payload["alert_id"] == alert.alert_id
    assert "bot risks --show-messages" in payload["read_with"]
    assert "Northbrook Mums Together" in payload["text"]
    assert "message" not in Alert.__dataclass_fields__


@pytest.mark.parametrize("category", ["baby_emergency", "maternal_emergency", "other_risk"])
def test_each_new_category_is_named_in_its_alert(category: str) -> None:
    payload = an_alert(category=category).payload()
    assert payload["category"] == category
    assert payload["category_description"] == alerts.CATEGORY_WORDS[category]


# ------------------------------------------------------------------------------ channels ----


async def test_webhook_alert_is_signed(webhook: WebhookReceiver) -> None:
    alert = an_alert(category="overdose", layer="both")
    assert await alerts.deliver(alert, "webhook", webhook_config(webhook), None, None, FAST)
    [received] = webhook.received
    assert received.json["category"] == "overdose" and received.json["layer"] == "both"
    expected = "sha256=" + hmac.new(SECRET.encode(), received.body, hashlib.sha256).hexdigest()
    assert received.headers["X-Alert-Signature"] == expected
    assert received.headers["X-Alert-Id"] == alert.alert_id


async def test_email_alert_over_starttls_with_login(smtp: SmtpReceiver) -> None:
    config = AlertConfig.from_env(smtp.env())
    alert = an_alert(category="harm_baby", conversation_id="conv-email")
    assert await alerts.deliver(alert, "email", config, None, None, FAST)
    [message] = smtp.messages
    assert "harm_baby" in message["Subject"] and "Northbrook" in message["Subject"]
    assert message["To"] == "staff@example.org"
    body = message.get_content()
    for fact in ("conv-email", "#7", "Northbrook Mums Together", "northbrook", "harm_baby",
                 "the safety patterns", "bot risks --show-messages"):
        assert fact in body, fact


async def test_email_refuses_a_server_it_cannot_trust(smtp: SmtpReceiver) -> None:
    config = AlertConfig.from_env({**smtp.env(), "ALERT_SMTP_CAFILE": ""})
    assert not await alerts.deliver(an_alert(), "email", config, None, None, FAST)
    assert smtp.messages == []


# --------------------------------------------------------------------- retries and outbox ----


def queued(engine: sa.engine.Engine, channels: tuple[str, ...]) -> tuple[Alert, dict[str, int]]:
    return alerts.record_risk(engine, an_alert(risk_event_id=None), HER_WORDS, channels)


def test_risk_event_and_outbox_are_written_together(engine: sa.engine.Engine) -> None:
    alert, row_ids = queued(engine, ("email", "webhook"))
    [event] = list(RiskRepository(engine).events())
    assert event["id"] == alert.risk_event_id and event["message"] == HER_WORDS
    rows = AlertOutbox(engine).rows()
    assert {r["channel"] for r in rows} == {"email", "webhook"} == set(row_ids)
    assert all(r["risk_event_id"] == alert.risk_event_id for r in rows)
    assert HER_WORDS not in repr(rows)


async def test_a_failed_alert_is_retried_with_backoff(engine: sa.engine.Engine) -> None:
    receiver = WebhookReceiver(fail_first=2).start()
    try:
        alert, row_ids = queued(engine, ("webhook",))
        outbox = AlertOutbox(engine)
        assert await alerts.deliver(alert, "webhook", webhook_config(receiver), outbox,
                                    row_ids["webhook"], FAST)
        assert receiver.calls == 3 and len(receiver.received) == 1
        [row] = outbox.rows(unsent_only=False)
        assert row["sent_at"] is not None and row["attempts"] == 3 and row["last_error"] is None
    finally:
        receiver.stop()


async def test_an_alert_that_cannot_be_sent_waits_in_the_outbox(
    engine: sa.engine.Engine,
) -> None:
    config = AlertConfig.from_env({"ALERT_WEBHOOK_URL": f"http://127.0.0.1:{spare_port()}/x"})
    alert, row_ids = queued(engine, ("webhook",))
    started = time.monotonic()
    assert not await alerts.deliver(alert, "webhook", config, AlertOutbox(engine),
                                    row_ids["webhook"], FAST)
    assert time.monotonic() - started < 5, "retries are bounded"
    [row] = AlertOutbox(engine).rows()
    assert row["attempts"] == FAST.attempts and row["sent_at"] is None
    assert "ClientConnectorError" in row["last_error"]
    assert row["lease_until"] is None, "released for the sweeper"
    wait = row["next_attempt_at"].replace(tzinfo=None) - utcnow().replace(tzinfo=None)
    assert timedelta(minutes=4) < wait <= timedelta(minutes=5)


def test_backoff_is_bounded() -> None:
    policy = RetryPolicy()
    assert [policy.delay(n) for n in range(1, 5)] == [2, 6, 18, 54]
    assert policy.delay(10) == 60
    assert alerts._retry_wait(policy.attempts) == timedelta(minutes=5)
    assert alerts._retry_wait(policy.attempts + 1) == timedelta(minutes=10)
    assert alerts._retry_wait(1000) == timedelta(hours=1)


def test_a_held_row_is_not_claimed_twice(engine: sa.engine.Engine) -> None:
    queued(engine, ("webhook",))
    outbox = AlertOutbox(engine)
    assert outbox.claim(force=True) == [], "the background sender holds it for a while"
    with engine.begin() as conn:
        conn.execute(sa.update(alert_outbox).values(lease_until=None))
    [(row_id, channel, alert)] = outbox.claim(force=True)
    assert channel == "webhook" and alert.category == "suicide" and alert.site_name
    assert outbox.claim(force=True) == []


async def test_retry_sends_what_is_waiting(engine: sa.engine.Engine,
                                           webhook: WebhookReceiver) -> None:
    alert, _ = queued(engine, ("webhook", "email"))
    with engine.begin() as conn:
        conn.execute(sa.update(alert_outbox).values(lease_until=None))
    report = await alerts.retry_unsent(engine, webhook_config(webhook), force=True)
    assert (report.sent, report.failed) == (1, 1), "email is not configured here"
    [received] = webhook.received
    assert received.json["alert_id"] == alert.alert_id
    assert [r["channel"] for r in AlertOutbox(engine).rows()] == ["email"]


async def test_the_sweeper_sends_everything_unsent_when_it_starts(
    engine: sa.engine.Engine, webhook: WebhookReceiver,
) -> None:
    queued(engine, ("webhook",))
    with engine.begin() as conn:  # as if the last process died mid-send, long ago
        conn.execute(sa.update(alert_outbox).values(
            lease_until=None, next_attempt_at=utcnow() + timedelta(hours=1)))
    task = alerts.start_sweeper(engine, webhook_config(webhook))
    try:
        for _ in range(100):
            if webhook.received:
                break
            await asyncio.sleep(0.05)
        assert len(webhook.received) == 1
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


# ---------------------------------------------------------------------------- the action ----


def risk_tracker(sender: str, text: str = HER_WORDS) -> Tracker:
    latest = {"text": text, "intent": {"name": "risk_suicide", "confidence": 1.0},
              "safety": {"category": "suicide", "layer": "pattern",
                         "pattern": "suicide.better_off_without_me"},
              "metadata": {"site": "eastvale"}}
    return Tracker(sender, {"risk_categories": []}, latest, [], False, None, {},
                   "action_listen")


@pytest.fixture
def action_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    url = f"sqlite:///{tmp_path / 'action.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    shared_engine.cache_clear()
    alerts.alert_config.cache_clear()
    yield url
    shared_engine.cache_clear()
    alerts.alert_config.cache_clear()


async def run_safety_action(sender: str) -> tuple[CollectingDispatcher, float, set]:
    """Run the action; also returns the background alert tasks it started."""
    from actions.safety import SafetyResponse

    dispatcher = CollectingDispatcher()
    before = set(alerts._BACKGROUND)
    started = time.monotonic()
    await SafetyResponse().run(dispatcher, risk_tracker(sender), {})
    return dispatcher, time.monotonic() - started, set(alerts._BACKGROUND) - before


async def test_the_reply_never_waits_for_a_slow_alert(
    action_env: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    slow = WebhookReceiver(delay=3).start()
    try:
        monkeypatch.setenv("ALERT_WEBHOOK_URL", slow.url)
        dispatcher, elapsed, sending = await run_safety_action("conv-slow")
        assert elapsed < 1.0, elapsed
        text = " ".join(m.get("text") or "" for m in dispatcher.messages)
        assert "116 123" in text and "Eastvale Crisis Team" in text
        assert slow.received == [] and sending
        await asyncio.gather(*sending)
        [received] = slow.received
        assert received.json["conversation_id"] == "conv-slow"
        assert received.json["site"] == "eastvale" and HER_WORDS not in received.body.decode()
        [event] = RiskRepository(make_engine(action_env)).events()
        assert event["message"] == HER_WORDS and received.json["risk_event_id"] == event["id"]
    finally:
        slow.stop()


async def test_the_reply_goes_out_when_the_database_is_down(
    action_env: str, webhook: WebhookReceiver, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALERT_WEBHOOK_URL", webhook.url)

    def no_database() -> None:
        raise sa.exc.OperationalError("INSERT", {}, Exception("disk I/O error"))

    monkeypatch.setattr("actions.safety.shared_engine", no_database)
    monkeypatch.setattr("actions.common.shared_engine", no_database)
    dispatcher, _, sending = await run_safety_action("conv-nodb")
    assert any("116 123" in (m.get("text") or "") for m in dispatcher.messages)
    await asyncio.gather(*sending)
    [received] = webhook.received
    assert received.json["conversation_id"] == "conv-nodb"
    assert received.json["risk_event_id"] is None


async def test_the_reply_goes_out_when_nothing_listens(
    action_env: str, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ALERT_WEBHOOK_URL", f"http://127.0.0.1:{spare_port()}/x")
    dispatcher, elapsed, sending = await run_safety_action("conv-down")
    assert elapsed < 1.0 and dispatcher.messages
    [row] = AlertOutbox(make_engine(action_env)).rows()
    assert row["conversation_id"] == "conv-down" and row["sent_at"] is None
    for task in sending:
        task.cancel()
    await asyncio.gather(*sending, return_exceptions=True)


# ---------------------------------------------------------------------------- bot alerts ----


def test_bot_alerts_lists_and_retries(action_env: str, webhook: WebhookReceiver,
                                      monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    engine = make_engine(action_env)
    queued(engine, ("webhook",))
    with engine.begin() as conn:
        conn.execute(sa.update(alert_outbox).values(lease_until=None))
    monkeypatch.setenv("ALERT_WEBHOOK_URL", f"http://127.0.0.1:{spare_port()}/x")
    assert cli.main(["alerts"]) == 1
    listed = capsys.readouterr().out
    assert "webhook" in listed and "conv-123" in listed and HER_WORDS not in listed
    alerts.alert_config.cache_clear()
    monkeypatch.setenv("ALERT_WEBHOOK_URL", webhook.url)
    assert cli.main(["alerts", "--retry"]) == 0
    assert len(webhook.received) == 1
    assert AlertOutbox(engine).rows() == []
    assert cli.main(["alerts"]) == 0


def test_bot_alerts_test_sends_a_test_alert(action_env: str, webhook: WebhookReceiver,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ALERT_WEBHOOK_URL", webhook.url)
    assert cli.main(["alerts", "--test"]) == 0
    assert wait_for(lambda: webhook.received)
    assert webhook.received[0].json["type"] == "test_alert"
    with make_engine(action_env).connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(risk_events)).scalar() == 0
