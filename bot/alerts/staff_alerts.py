"""Staff alerts: tell the programme's staff at once that a mother may be at risk.

An alert says which site, what kind of risk, when, how it was caught (pattern net, model or
both) and which conversation (with the risk event's number), and NEVER what she wrote: email
and chat webhooks are not safe places for it. Staff read her words with
``bot risks --show-messages`` or on the staff pages; each alert links to the risk queue
(``STAFF_BASE_URL``, bot.alerts.links), and the link carries nothing about her.

Channels, from the environment (either or both; see docs/safety.md):

* email over SMTP: ``ALERT_SMTP_HOST``, ``ALERT_SMTP_PORT`` (587), ``ALERT_SMTP_USER``,
  ``ALERT_SMTP_PASSWORD``, ``ALERT_SMTP_STARTTLS`` (on unless the port is 25),
  ``ALERT_SMTP_CAFILE`` (a private CA for an internal relay), ``ALERT_EMAIL_FROM``,
  ``ALERT_EMAIL_TO`` (comma-separated);
* an HTTP webhook: ``ALERT_WEBHOOK_URL``, and ``ALERT_WEBHOOK_SECRET`` to sign each body
  (``X-Alert-Signature: sha256=<hex HMAC-SHA256 of the body>``). The JSON carries a ``text``
  summary too, so Slack, Teams or Google Chat incoming webhooks show it as it is.

Sending never stands in the way of the reply to her:

1. the safety action stores the risk event and one outbox row per channel in one quick local
   transaction (:func:`record_risk`);
2. a background task sends each alert, retrying with backoff a bounded number of times
   (:func:`send_in_background`);
3. whatever is still unsent stays in the outbox: the action server retries it at start-up and
   then every few minutes (:func:`sweep_forever`), and ``bot alerts --retry`` does it by hand.
   Each alert carries an ``alert_id`` so a receiver can drop the rare duplicate.

One alert per conversation per category within ``ALERT_REPEAT_WINDOW`` seconds (an hour by
default): a further risk message of the same category in the same conversation is stored as a
risk event as always, and counted on the first alert (``repeats``) instead of alerting staff
again. The first alert of a conversation is never held back, and conversations are never
merged, so a flood of messages (one mother in distress, or someone typing risks on purpose)
cannot bury another mother's alert. An unsent alert goes out with its count so far.
"""

from __future__ import annotations

import asyncio
import functools
import hashlib
import hmac
import json
import logging
import os
import smtplib
import ssl
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import make_msgid
from urllib.parse import urlsplit

import aiohttp
import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.alerts.links import risk_link
from bot.records.database import alert_outbox
from bot.records.intake_record import iso_utc, utcnow
from bot.records.risk_events import insert_risk_event
from bot.sites.config import registry

logger = logging.getLogger(__name__)

EMAIL = "email"
WEBHOOK = "webhook"
SIGNATURE_HEADER = "X-Alert-Signature"
READ_WITH = "bot risks --show-messages --unreviewed"

#: What each category means, for the person reading the alert.
CATEGORY_WORDS = {
    "suicide": "thoughts of suicide or of not wanting to be here",
    "self_harm": "self-harm",
    "harm_baby": "thoughts of harming her baby (these may be unwanted, intrusive thoughts)",
    "psychosis": "possible signs of postpartum psychosis",
    "danger_at_home": "danger from someone at home",
    "overdose": "she may have taken an overdose",
    "baby_emergency": "a possible medical emergency of her baby (she was told to call 999 now)",
    "maternal_emergency": "a possible medical emergency of her own in pregnancy or after birth "
                          "(she was told to call 999 or her maternity unit now)",
    "other_risk": "a risk to her or her baby's physical safety (drink or drugs while caring "
                  "alone, a baby not fed, or restricting or purging with physical danger)",
    "test": "a TEST alert: nobody is at risk",
}
LAYER_WORDS = {"pattern": "the safety patterns", "model": "the language model",
               "both": "the safety patterns and the language model",
               "classifier": "the safety classifier",
               "check_in": "her answer to the check-in question"}

#: Further risk messages of a category in a conversation within this long of its alert are
#: counted on that alert, not alerted again (ALERT_REPEAT_WINDOW, seconds).
DEFAULT_REPEAT_WINDOW = timedelta(hours=1)
#: How long a sender may hold an outbox row before someone else may retry it.
LEASE = timedelta(minutes=2)
#: How often the action server looks for unsent alerts, and the longest wait between tries.
SWEEP_INTERVAL = timedelta(minutes=5)
MAX_RETRY_WAIT = timedelta(hours=1)
#: Sent rows are kept this long (the risk event itself is the lasting record).
KEEP_SENT = timedelta(days=30)


class AlertConfigError(ValueError):
    """The alert settings are incomplete or contradictory."""


def _flag(value: str | None, default: bool) -> bool:
    if value is None or not value.strip():
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


@dataclass(frozen=True)
class AlertConfig:
    """Where alerts go. Empty fields mean the channel is not configured."""

    smtp_host: str = ""
    smtp_port: int = 587
    smtp_user: str = ""
    smtp_password: str = field(default="", repr=False)
    smtp_starttls: bool = True
    smtp_cafile: str = ""
    email_from: str = ""
    email_to: tuple[str, ...] = ()
    webhook_url: str = field(default="", repr=False)  # chat tools put a token in its path
    webhook_secret: str = field(default="", repr=False)
    timeout: float = 10.0
    repeat_window: timedelta = DEFAULT_REPEAT_WINDOW

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> AlertConfig:
        """Read the ``ALERT_*`` settings; raises :class:`AlertConfigError` when half set."""
        env = os.environ if env is None else env
        port_text = env.get("ALERT_SMTP_PORT", "").strip() or "587"
        try:
            port = int(port_text)
        except ValueError as exc:
            raise AlertConfigError(f"ALERT_SMTP_PORT is not a number: {port_text!r}") from exc
        window_text = env.get("ALERT_REPEAT_WINDOW", "").strip()
        try:
            window = (timedelta(seconds=float(window_text)) if window_text
                      else DEFAULT_REPEAT_WINDOW)
        except (ValueError, OverflowError) as exc:
            raise AlertConfigError("ALERT_REPEAT_WINDOW is not a number of seconds: "
                                   f"{window_text!r}") from exc
        if window < timedelta(0):
            raise AlertConfigError("ALERT_REPEAT_WINDOW cannot be negative")
        config = cls(
            smtp_host=env.get("ALERT_SMTP_HOST", "").strip(),
            smtp_port=port,
            smtp_user=env.get("ALERT_SMTP_USER", "").strip(),
            smtp_password=env.get("ALERT_SMTP_PASSWORD", ""),
            smtp_starttls=_flag(env.get("ALERT_SMTP_STARTTLS"), default=port != 25),
            smtp_cafile=env.get("ALERT_SMTP_CAFILE", "").strip(),
            email_from=env.get("ALERT_EMAIL_FROM", "").strip(),
            email_to=tuple(a.strip() for a in env.get("ALERT_EMAIL_TO", "").split(",")
                           if a.strip()),
            webhook_url=env.get("ALERT_WEBHOOK_URL", "").strip(),
            webhook_secret=env.get("ALERT_WEBHOOK_SECRET", ""),
            repeat_window=window,
        )
        config.check()
        return config

    def check(self) -> None:
        email_fields = {"ALERT_SMTP_HOST": self.smtp_host, "ALERT_EMAIL_FROM": self.email_from,
                        "ALERT_EMAIL_TO": ",".join(self.email_to)}
        given = [name for name, value in email_fields.items() if value]
        if given and len(given) < len(email_fields):
            missing = sorted(set(email_fields) - set(given))
            raise AlertConfigError(f"email alerts need {', '.join(missing)} as well")
        if bool(self.smtp_user) != bool(self.smtp_password):
            raise AlertConfigError("ALERT_SMTP_USER and ALERT_SMTP_PASSWORD go together")
        if self.smtp_user and not self.smtp_starttls:
            raise AlertConfigError("refusing to send the SMTP password without STARTTLS")
        if self.webhook_url and not self.webhook_url.startswith(("https://", "http://")):
            raise AlertConfigError("ALERT_WEBHOOK_URL must start with https:// or http://")

    @property
    def channels(self) -> tuple[str, ...]:
        return tuple(name for name, on in ((EMAIL, bool(self.smtp_host)),
                                           (WEBHOOK, bool(self.webhook_url))) if on)

    def describe(self) -> list[str]:
        """The settings in words, without the password or the secret."""
        lines = []
        if self.smtp_host:
            security = "STARTTLS" if self.smtp_starttls else "no TLS"
            login = f", login {self.smtp_user}" if self.smtp_user else ""
            lines.append(f"email: {self.smtp_host}:{self.smtp_port} ({security}{login}), "
                         f"from {self.email_from} to {', '.join(self.email_to)}")
        if self.webhook_url:
            signed = "signed" if self.webhook_secret else "NOT signed"
            # Only the host: chat tools put the webhook's secret token in its path.
            where = urlsplit(self.webhook_url)
            lines.append(f"webhook: {where.scheme}://{where.netloc}/... ({signed})")
        return lines or ["no alert channel configured: staff are NOT alerted (see docs/safety.md)"]


@functools.cache
def alert_config() -> AlertConfig:
    """This process's settings. A broken setting is logged and disables alerting, but never
    the safety response; risk events are still stored for `bot risks`."""
    try:
        return AlertConfig.from_env()
    except AlertConfigError as exc:
        logger.error("staff alerts are OFF: %s", exc)
        return AlertConfig()


@dataclass(frozen=True)
class Alert:
    """One staff alert. Deliberately has no field for what she wrote."""

    conversation_id: str
    site: str
    category: str
    layer: str
    created_at: datetime
    site_name: str = ""
    risk_event_id: int | None = None
    alert_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    #: Further risk messages of this category in this conversation since, not alerted again.
    repeats: int = 0
    #: How it was caught, beyond the layer: the rule's name, the classifier's score, her
    #: answer to the check-in question. Kept with the risk event, not in the outbox.
    rule: str | None = None
    score: float | None = None
    check_in: str | None = None

    @property
    def is_test(self) -> bool:
        return self.category == "test"

    def summary(self) -> str:
        what = CATEGORY_WORDS.get(self.category, self.category)
        where = self.site_name or self.site
        if self.is_test:
            return f"TEST alert from the intake assistant for {where}: nobody is at risk."
        more = (f" {self.repeats} more message(s) of this kind followed in this conversation."
                if self.repeats else "")
        return (f"Safety alert, {where}: a mother chatting with the intake assistant may be at "
                f"risk ({what}). Conversation {self.conversation_id}, risk event "
                f"#{self.risk_event_id}, {iso_utc(self.created_at)}.{more}")

    def payload(self) -> dict:
        return {
            "type": "test_alert" if self.is_test else "risk_alert",
            "alert_id": self.alert_id,
            "risk_event_id": self.risk_event_id,
            "conversation_id": self.conversation_id,
            "site": self.site,
            "site_name": self.site_name,
            "category": self.category,
            "category_description": CATEGORY_WORDS.get(self.category, self.category),
            "layer": self.layer,
            "time": iso_utc(self.created_at),
            "repeats": self.repeats,
            "read_with": READ_WITH,
            "link": risk_link(self.risk_event_id),
            "text": self.summary(),
        }

    def email(self, config: AlertConfig) -> EmailMessage:
        message = EmailMessage()
        where = self.site_name or self.site
        message["Subject"] = ("TEST alert: intake assistant" if self.is_test else
                              f"Safety alert: possible risk ({self.category}) - {where}")
        message["From"] = config.email_from
        message["To"] = ", ".join(config.email_to)
        message["Message-ID"] = make_msgid(domain="intake-alerts")
        message["X-Alert-Id"] = self.alert_id
        message.set_content("\n".join([
            self.summary(),
            "",
            "Please follow your safety procedure now." if not self.is_test else "",
            "",
            f"Site:          {where} ({self.site})",
            f"Category:      {self.category}: {CATEGORY_WORDS.get(self.category, '')}",
            f"Time (UTC):    {iso_utc(self.created_at)}",
            f"Caught by:     {LAYER_WORDS.get(self.layer, self.layer)}",
            f"Conversation:  {self.conversation_id}",
            f"Risk event:    #{self.risk_event_id}",
            f"Alert id:      {self.alert_id}",
            "",
            f"Open it in the staff pages: {risk_link(self.risk_event_id)}",
            "",
            "Her words are not in this email on purpose. Read them on the staff pages, or with",
            f"    {READ_WITH}",
            "on the server. The assistant has already given her the crisis routes",
            "(999 or A&E, NHS 111 option 2, Samaritans 116 123, Shout 85258, her midwife, health",
            "visitor, GP or perinatal team, and your local contacts) and asked if she is safe.",
        ]))
        return message


def signature(secret: str, body: bytes) -> str:
    """The ``X-Alert-Signature`` value a receiver recomputes to trust the body."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# ------------------------------------------------------------------------------ sending ----


def _send_email_now(alert: Alert, config: AlertConfig) -> None:
    context = ssl.create_default_context(cafile=config.smtp_cafile or None)
    with smtplib.SMTP(config.smtp_host, config.smtp_port, timeout=config.timeout) as smtp:
        if config.smtp_starttls:
            smtp.starttls(context=context)
        if config.smtp_user:
            smtp.login(config.smtp_user, config.smtp_password)
        smtp.send_message(alert.email(config))


async def _send_webhook(alert: Alert, config: AlertConfig) -> None:
    body = json.dumps(alert.payload()).encode()
    headers = {"Content-Type": "application/json", "X-Alert-Id": alert.alert_id}
    if config.webhook_secret:
        headers[SIGNATURE_HEADER] = signature(config.webhook_secret, body)
    timeout = aiohttp.ClientTimeout(total=config.timeout)
    async with aiohttp.ClientSession(timeout=timeout) as session, session.post(
        config.webhook_url, data=body, headers=headers
    ) as response:
        if response.status >= 300:
            raise RuntimeError(f"webhook answered HTTP {response.status}")


async def send(alert: Alert, channel: str, config: AlertConfig) -> None:
    """Send one alert through one channel once; raises if it was not accepted."""
    if channel == EMAIL:
        # smtplib blocks: keep it off the event loop that serves the chat.
        await asyncio.to_thread(_send_email_now, alert, config)
    elif channel == WEBHOOK:
        await _send_webhook(alert, config)
    else:
        raise ValueError(f"unknown alert channel {channel!r}")


def _error_text(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


@dataclass(frozen=True)
class RetryPolicy:
    """Bounded retries with exponential backoff: 2, 6, 18 and 54 s by default."""

    attempts: int = 5
    first_delay: float = 2.0
    factor: float = 3.0
    max_delay: float = 60.0

    def delay(self, attempt: int) -> float:
        """Seconds to wait after failed attempt number ``attempt`` (1-based)."""
        return min(self.first_delay * self.factor ** (attempt - 1), self.max_delay)


#: The background sender's retries, about 80 seconds in all.
BACKGROUND_POLICY = RetryPolicy()
#: One try per sweep or `bot alerts --retry`: the outbox's own backoff spaces the sweeps.
SWEEP_POLICY = RetryPolicy(attempts=1)


# ------------------------------------------------------------------------------- outbox ----


class AlertOutbox:
    """The durable queue of alerts, in the same database as the risk events."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @staticmethod
    def enqueue(conn: Connection, alert: Alert, channels: Iterable[str]) -> dict[str, int]:
        """One row per channel, held by the caller's sender for :data:`LEASE`."""
        now = utcnow()
        ids = {}
        for channel in channels:
            result = conn.execute(sa.insert(alert_outbox).values(
                alert_id=alert.alert_id, risk_event_id=alert.risk_event_id,
                conversation_id=alert.conversation_id, site=alert.site,
                category=alert.category, layer=alert.layer, risk_at=alert.created_at,
                channel=channel, attempts=0, next_attempt_at=now, lease_until=now + LEASE))
            ids[channel] = int(result.inserted_primary_key[0])
        return ids

    def claim(self, force: bool = False, limit: int = 100) -> list[tuple[int, str, Alert]]:
        """Unsent rows nobody holds (and that are due, unless ``force``), now held by us."""
        now = utcnow()
        free = sa.or_(alert_outbox.c.lease_until.is_(None), alert_outbox.c.lease_until < now)
        query = sa.select(alert_outbox).where(alert_outbox.c.sent_at.is_(None), free)
        if not force:
            query = query.where(alert_outbox.c.next_attempt_at <= now)
        claimed = []
        with self.engine.begin() as conn:
            # Read every candidate before writing: on SQLite, a write while the read is still
            # open fails with "database is locked" when another sweeper wrote in between.
            rows = conn.execute(query.order_by(alert_outbox.c.id).limit(limit)).mappings().all()
            for row in rows:
                taken = conn.execute(sa.update(alert_outbox).where(
                    alert_outbox.c.id == row["id"], free).values(lease_until=now + LEASE))
                if taken.rowcount == 1:
                    claimed.append((row["id"], row["channel"], _alert_from_row(row)))
        return claimed

    def mark_sent(self, row_id: int) -> None:
        with self.engine.begin() as conn:
            conn.execute(sa.update(alert_outbox).where(alert_outbox.c.id == row_id).values(
                sent_at=utcnow(), lease_until=None, attempts=alert_outbox.c.attempts + 1,
                last_error=None))

    def mark_failed(self, row_id: int, error: str, retry_in: timedelta | None = None) -> None:
        """Count a failed attempt; with ``retry_in`` also release the row until then."""
        values: dict = {"attempts": alert_outbox.c.attempts + 1, "last_error": error[:300]}
        if retry_in is not None:
            values.update(lease_until=None, next_attempt_at=utcnow() + retry_in)
        with self.engine.begin() as conn:
            conn.execute(sa.update(alert_outbox).where(alert_outbox.c.id == row_id)
                         .values(**values))

    def attempts(self, row_id: int) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(alert_outbox.c.attempts).where(
                alert_outbox.c.id == row_id)).scalar() or 0)

    def rows(self, unsent_only: bool = True) -> list[dict]:
        query = sa.select(alert_outbox).order_by(alert_outbox.c.id)
        if unsent_only:
            query = query.where(alert_outbox.c.sent_at.is_(None))
        with self.engine.connect() as conn:
            return [dict(row) for row in conn.execute(query).mappings()]

    def prune(self) -> int:
        """Forget rows sent more than :data:`KEEP_SENT` ago."""
        with self.engine.begin() as conn:
            return conn.execute(sa.delete(alert_outbox).where(
                alert_outbox.c.sent_at < utcnow() - KEEP_SENT)).rowcount


def _alert_from_row(row: Mapping) -> Alert:
    try:
        site_name = registry().get(row["site"]).name
    except Exception:  # noqa: BLE001 - a site file problem must not stop an alert
        site_name = ""
    return Alert(conversation_id=row["conversation_id"], site=row["site"],
                 category=row["category"], layer=row["layer"], created_at=row["risk_at"],
                 site_name=site_name, risk_event_id=row["risk_event_id"],
                 alert_id=row["alert_id"], repeats=row["repeats"] or 0)


def record_risk(engine: Engine, alert: Alert, message: str, channels: Iterable[str],
                repeat_window: timedelta = DEFAULT_REPEAT_WINDOW,
                ) -> tuple[Alert, dict[str, int]]:
    """Store the risk event and its outbox rows in one transaction.

    Returns the alert with its risk event number, and the outbox row per channel: none when
    this conversation already has an alert of this category within ``repeat_window``, which
    is then counted as repeated instead.
    """
    with engine.begin() as conn:
        event_id = insert_risk_event(conn, alert.conversation_id, alert.site, alert.category,
                                     alert.layer, message, alert.created_at, rule=alert.rule,
                                     score=alert.score, check_in=alert.check_in)
        alert = replace(alert, risk_event_id=event_id)
        if repeat_window > timedelta(0) and _count_repeat(conn, alert, repeat_window):
            return alert, {}
        return alert, AlertOutbox.enqueue(conn, alert, channels)


def _count_repeat(conn: Connection, alert: Alert, window: timedelta) -> bool:
    """Count ``alert`` on this conversation's alert of its category within ``window``, if
    there is one (all its channels' rows). Whether there was."""
    first = conn.execute(
        sa.select(alert_outbox.c.alert_id)
        .where(alert_outbox.c.conversation_id == alert.conversation_id,
               alert_outbox.c.category == alert.category,
               alert_outbox.c.risk_at >= alert.created_at - window)
        .order_by(alert_outbox.c.risk_at, alert_outbox.c.id).limit(1)).scalar()
    if first is None:
        return False
    conn.execute(sa.update(alert_outbox).where(alert_outbox.c.alert_id == first).values(
        repeats=alert_outbox.c.repeats + 1, last_repeat_at=alert.created_at))
    logger.info("staff alert %s: a further %s risk in its conversation, counted on it",
                first, alert.category)
    return True


# ------------------------------------------------------------------------------ delivery ----


def _retry_wait(failed_attempts: int) -> timedelta:
    """How long an unsent alert waits for the next sweep: 5 minutes after the background
    sender gave up, doubling with each failed sweep, at most an hour."""
    rounds = max(0, failed_attempts - BACKGROUND_POLICY.attempts)
    return min(SWEEP_INTERVAL * 2 ** min(rounds, 8), MAX_RETRY_WAIT)


async def deliver(alert: Alert, channel: str, config: AlertConfig, outbox: AlertOutbox | None,
                  row_id: int | None, policy: RetryPolicy = BACKGROUND_POLICY) -> bool:
    """Try one channel up to ``policy.attempts`` times with backoff; never raises.

    Each failure is written to the outbox row (when there is one); after the last, the row is
    released for the sweeper. Returns whether the alert was accepted.
    """
    for attempt in range(1, policy.attempts + 1):
        try:
            await send(alert, channel, config)
        except Exception as exc:  # noqa: BLE001 - any failure is retried, none escapes
            error = _error_text(exc)
            last = attempt == policy.attempts
            logger.warning("staff alert %s via %s failed (attempt %d/%d): %s",
                           alert.alert_id, channel, attempt, policy.attempts, error)
            if outbox is not None and row_id is not None:
                retry_in = (_retry_wait(await asyncio.to_thread(outbox.attempts, row_id) + 1)
                            if last else None)
                await _quietly(outbox.mark_failed, row_id, error, retry_in)
            if not last:
                await asyncio.sleep(policy.delay(attempt))
            continue
        if outbox is not None and row_id is not None:
            await _quietly(outbox.mark_sent, row_id)
        logger.info("staff alert %s sent via %s", alert.alert_id, channel)
        return True
    logger.error("staff alert %s via %s NOT sent%s", alert.alert_id, channel,
                 "; it stays in the outbox for retry" if outbox is not None else "")
    return False


async def _quietly(function, *args) -> None:  # type: ignore[no-untyped-def]
    """Run a blocking outbox update in a thread; a database problem is only logged."""
    try:
        await asyncio.to_thread(function, *args)
    except Exception:  # noqa: BLE001 - the alert itself matters more than its bookkeeping
        logger.exception("could not update the alert outbox")


_BACKGROUND: set[asyncio.Task] = set()


def _keep(task: asyncio.Task) -> asyncio.Task:
    """Hold a reference until the task is done (the loop only keeps weak ones)."""
    _BACKGROUND.add(task)
    task.add_done_callback(_BACKGROUND.discard)
    return task


def send_in_background(alert: Alert, channels: Iterable[str], config: AlertConfig,
                       outbox: AlertOutbox | None = None,
                       row_ids: Mapping[str, int] | None = None,
                       policy: RetryPolicy = BACKGROUND_POLICY) -> asyncio.Task | None:
    """Start sending on the running loop and return at once (None when there is nothing
    to send or no loop)."""
    channels = tuple(channels)
    if not channels:
        return None
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        logger.error("no event loop to send staff alert %s; it waits in the outbox",
                     alert.alert_id)
        return None
    row_ids = row_ids or {}

    async def run() -> None:
        await asyncio.gather(*(deliver(alert, channel, config, outbox, row_ids.get(channel),
                                       policy) for channel in channels))

    return _keep(loop.create_task(run(), name=f"staff-alert-{alert.alert_id}"))


def raise_alert(engine_factory: Callable[[], Engine], alert: Alert, message: str) -> None:
    """Keep the risk event and alert staff through this process's channels. Returns at once
    and never raises: the alert is sent in the background, and if the risk event cannot be
    stored the alert is still sent, from memory."""
    config = alert_config()
    outbox, row_ids, channels = None, {}, config.channels
    try:
        engine = engine_factory()
        alert, row_ids = record_risk(engine, alert, message, config.channels,
                                     config.repeat_window)
        outbox, channels = AlertOutbox(engine), tuple(row_ids)  # none: a counted repeat
    except Exception as exc:  # noqa: BLE001 - never block the safety reply
        # Only the error's type: database errors quote the values (her words) they failed on.
        logger.error("could not store a risk event (category %s): %s; alerting staff anyway",
                     alert.category, type(exc).__name__)
    send_in_background(alert, channels, config, outbox, row_ids)


@dataclass
class RetryReport:
    sent: int = 0
    failed: int = 0


async def retry_unsent(engine: Engine, config: AlertConfig, force: bool = False,
                       policy: RetryPolicy = SWEEP_POLICY) -> RetryReport:
    """Send what the outbox still holds (what is due, or everything with ``force``).

    A row whose channel is no longer configured is left for when it is again.
    """
    outbox = AlertOutbox(engine)
    claimed = await asyncio.to_thread(outbox.claim, force)
    report = RetryReport()
    for row_id, channel, alert in claimed:
        if channel not in config.channels:
            await _quietly(outbox.mark_failed, row_id, f"{channel} is not configured",
                           SWEEP_INTERVAL)
            report.failed += 1
        elif await deliver(alert, channel, config, outbox, row_id, policy):
            report.sent += 1
        else:
            report.failed += 1
    return report


async def sweep_forever(engine: Engine, config: AlertConfig,
                        interval: timedelta = SWEEP_INTERVAL) -> None:
    """The action server's sweeper: everything unsent at start-up, then what falls due."""
    force = True
    while True:
        try:
            report = await retry_unsent(engine, config, force=force)
            if report.sent or report.failed:
                logger.info("alert outbox: %d sent, %d still failing", report.sent,
                            report.failed)
            await asyncio.to_thread(AlertOutbox(engine).prune)
        except Exception:  # noqa: BLE001 - the sweeper must outlive a database hiccup
            logger.exception("alert outbox sweep failed; trying again later")
        force = False
        await asyncio.sleep(interval.total_seconds())


def start_sweeper(engine: Engine, config: AlertConfig) -> asyncio.Task:
    """Run :func:`sweep_forever` in the background on the running loop."""
    for line in config.describe():
        (logger.info if config.channels else logger.warning)("staff alerts: %s", line)
    return _keep(asyncio.get_running_loop().create_task(sweep_forever(engine, config),
                                                        name="alert-outbox-sweeper"))
