"""The database shared by Rasa's tracker store and the intake tables.

One setting, ``DATABASE_URL``, chooses it: a SQLite file under ``var/`` by default, PostgreSQL
in production. SQLAlchemy 1.4 is used in its 2.0 style (``future=True``).
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Engine

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATABASE_PATH = REPO_ROOT / "var" / "intake.db"

metadata = sa.MetaData()

intake_records = sa.Table(
    "intake_records",
    metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column("schema_version", sa.Integer, nullable=False),
    sa.Column("site", sa.String(64), nullable=False, index=True),
    sa.Column("started_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("consent", sa.String(16), nullable=False),
    sa.Column("explained", sa.Boolean, nullable=False, default=False),
    sa.Column("referral_source", sa.String(32)),
    sa.Column("perinatal_stage", sa.String(16)),
    sa.Column("format_preference", sa.String(16)),
    sa.Column("mode_preferences", sa.JSON, nullable=False, default=list),
    sa.Column("time_preferences", sa.JSON, nullable=False, default=list),
    sa.Column("concerns", sa.JSON, nullable=False, default=list),
    sa.Column("motivators", sa.JSON, nullable=False, default=list),
    sa.Column("take_up_intent", sa.String(8)),
    sa.Column("decline_reason", sa.String(32)),
    sa.Column("contact_requested", sa.Boolean, nullable=False, default=False),
    sa.Column("preferred_contact", sa.String(8)),
    sa.Column("risk_flag", sa.Boolean, nullable=False, default=False),
    sa.Column("completed", sa.Boolean, nullable=False, default=False),
    sa.Column("outcome", sa.String(16), nullable=False, default="pending"),
    # schema_version 2: set by staff, never by the conversation
    sa.Column("outcome_at", sa.Date),
    sa.Column("outcome_reason", sa.String(32)),
    sa.Column("concerns_reviewed", sa.JSON),
    sa.Column("risk_acknowledged", sa.Boolean, nullable=False, default=False,
              server_default=sa.false()),
    sa.Column("callback_done", sa.Boolean, nullable=False, default=False,
              server_default=sa.false()),
    # schema_version 4 (migration 0005): the question she stopped at, and the questions she
    # declined or was not understood on (question codes, never her words)
    sa.Column("dropped_at", sa.String(32)),
    sa.Column("questions_skipped", sa.JSON, nullable=False, default=list, server_default="[]"),
    sa.Column("questions_not_understood", sa.JSON, nullable=False, default=list,
              server_default="[]"),
    # schema_version 5 (migration 0006): the language she wrote in, and the language of the
    # call-back she asked for (ISO 639-1 codes)
    sa.Column("language", sa.String(8)),
    sa.Column("callback_language", sa.String(8)),
)

# Kept apart from the intake record: never exported, deleted on request. ``value`` is encrypted
# with the data key (bot.records.keys); only IntakeRepository reads and writes it.
contact_details = sa.Table(
    "contact_details",
    metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column("method", sa.String(8), nullable=False),
    sa.Column("value", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

risk_events = sa.Table(
    "risk_events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("site", sa.String(64), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("layer", sa.String(16), nullable=False),
    sa.Column("message", sa.Text, nullable=False),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("reviewed", sa.Boolean, nullable=False, default=False),
    # staff workspace: who acknowledged it, when, what they did; who is looking after it
    sa.Column("acknowledged_at", sa.DateTime(timezone=True)),
    sa.Column("acknowledged_by", sa.Integer),
    sa.Column("action_taken", sa.Text),
    sa.Column("assigned_to", sa.Integer),
    # which layer fired (migration 0004): the rule's name, the classifier's score, and her
    # answer to the check-in question when the classifier asked one
    sa.Column("rule", sa.String(80)),
    sa.Column("score", sa.Float),
    sa.Column("check_in", sa.String(16)),
)

# Staff alerts waiting to go out (bot/alerts/staff_alerts.py): one row per risk event and
# channel, written in the risk event's own transaction, so an alert that could not be sent is
# retried and never lost. Holds no message text. ``sent_at`` is NULL until the channel accepted
# the alert.
alert_outbox = sa.Table(
    "alert_outbox",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("alert_id", sa.String(36), nullable=False, index=True),
    sa.Column("risk_event_id", sa.Integer, index=True),
    sa.Column("conversation_id", sa.String(255), nullable=False),
    sa.Column("site", sa.String(64), nullable=False),
    sa.Column("category", sa.String(32), nullable=False),
    sa.Column("layer", sa.String(16), nullable=False),
    sa.Column("risk_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, default=0),
    sa.Column("last_error", sa.String(300)),
    sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False, index=True),
    sa.Column("lease_until", sa.DateTime(timezone=True)),
    sa.Column("sent_at", sa.DateTime(timezone=True), index=True),
    # Further risk messages of this category in this conversation within ALERT_REPEAT_WINDOW
    # of this alert: counted here rather than alerting staff again (migration 0003).
    sa.Column("repeats", sa.Integer, nullable=False, default=0, server_default="0"),
    sa.Column("last_repeat_at", sa.DateTime(timezone=True)),
    sa.Index("ix_alert_outbox_conversation_category", "conversation_id", "category"),
)

# A mother asked for her conversation to be deleted: the intake record and contact details
# go at once; the transcript in Rasa's tracker store is removed by `bot purge`.
deletion_requests = sa.Table(
    "deletion_requests",
    metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("transcript_purged_at", sa.DateTime(timezone=True)),
)


# Staff accounts (bot/staff/accounts.py). Secrets are stored only as hashes, the TOTP secret
# encrypted with the data key.
staff_users = sa.Table(
    "staff_users",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("email", sa.String(320), nullable=False, unique=True),
    sa.Column("role", sa.String(16), nullable=False),
    sa.Column("sites", sa.JSON, nullable=False, default=list),
    sa.Column("password_hash", sa.String(200)),
    sa.Column("totp_secret", sa.Text),
    sa.Column("totp_last_step", sa.Integer),
    sa.Column("recovery_codes", sa.JSON, nullable=False, default=list),
    sa.Column("setup_token_hash", sa.String(64), unique=True),
    sa.Column("setup_expires_at", sa.DateTime(timezone=True)),
    sa.Column("disabled", sa.Boolean, nullable=False, default=False, server_default=sa.false()),
    sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
)

# The audit trail (bot/staff/audit.py): append-only, each row's hash covers the one before.
# ``detail`` is canonical JSON without personal data.
staff_audit = sa.Table(
    "staff_audit",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("actor", sa.String(320), nullable=False),
    sa.Column("action", sa.String(40), nullable=False),
    sa.Column("conversation_id", sa.String(255)),
    sa.Column("site", sa.String(64)),
    sa.Column("detail", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("hash", sa.String(64), nullable=False, unique=True),
)


# Staff notes on a conversation (bot/staff/notes.py): append-only; a correction is a new note.
# ``kind`` says what wrote it: a note, an acknowledged risk, a call-back, a review, an outcome.
staff_notes = sa.Table(
    "staff_notes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("conversation_id", sa.String(255), nullable=False, index=True),
    sa.Column("site", sa.String(64), nullable=False),
    sa.Column("author", sa.String(320), nullable=False),
    sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("text", sa.Text, nullable=False),
)

# Erasure needs two people (bot/staff/erasure.py): a request, then a lead's approval. The row
# outlives the erasure and holds no personal data.
erasure_requests = sa.Table(
    "erasure_requests",
    metadata,
    sa.Column("conversation_id", sa.String(255), primary_key=True),
    sa.Column("site", sa.String(64), nullable=False),
    sa.Column("requested_by", sa.String(320), nullable=False),
    sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
    sa.Column("approved_by", sa.String(320)),
    sa.Column("approved_at", sa.DateTime(timezone=True)),
)


def database_url() -> str:
    """``DATABASE_URL`` from the environment, else the SQLite file under var/."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if url:
        # Heroku-style URLs say postgres://, which SQLAlchemy 1.4 no longer accepts.
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        return url
    return f"sqlite:///{DEFAULT_DATABASE_PATH}"


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (default: :func:`database_url`), its tables migrated to the newest
    revision (bot.records.schema)."""
    url = url or database_url()
    kwargs: dict = {"future": True, "pool_pre_ping": True}
    if url.startswith("sqlite"):
        path = sa.engine.make_url(url).database
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # Rasa writes the same file from another process: wait for its locks.
        kwargs["connect_args"] = {"timeout": 30, "check_same_thread": False}
    elif url.startswith("postgresql"):
        # A database that has gone away should fail a connection in seconds, not hang a turn.
        kwargs["connect_args"] = {"connect_timeout": 5}
    engine = sa.create_engine(url, **kwargs)
    if url.startswith("sqlite"):
        sa.event.listen(engine, "connect", _sqlite_pragmas)
    from bot.records.schema import upgrade  # the migrations import this module's metadata

    upgrade(engine)
    return engine


def reachable(engine: Engine) -> bool:
    """Whether the database answers now.

    The gateway asks before passing a message on, because Rasa does not fail when its tracker
    store is unreachable: it falls back to an in-memory tracker and greets her as a stranger,
    and the records, risk events and alerts of that turn cannot be written.
    """
    try:
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    except sa.exc.SQLAlchemyError:
        return False
    return True


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets the web app read while the action server writes.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


@functools.cache
def shared_engine() -> Engine:
    """The process-wide engine for the configured database."""
    return make_engine()
