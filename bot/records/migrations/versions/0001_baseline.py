"""Baseline: the intake tables exactly as the release before the staff workspace made them.

A database created by that release (with ``metadata.create_all``, no ``alembic_version``) is
recognised by bot.records.schema, stamped at this revision, and then upgraded.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "intake_records",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("schema_version", sa.Integer, nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_activity_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("consent", sa.String(16), nullable=False),
        sa.Column("explained", sa.Boolean, nullable=False),
        sa.Column("referral_source", sa.String(32)),
        sa.Column("perinatal_stage", sa.String(16)),
        sa.Column("format_preference", sa.String(16)),
        sa.Column("mode_preferences", sa.JSON, nullable=False),
        sa.Column("time_preferences", sa.JSON, nullable=False),
        sa.Column("concerns", sa.JSON, nullable=False),
        sa.Column("motivators", sa.JSON, nullable=False),
        sa.Column("take_up_intent", sa.String(8)),
        sa.Column("decline_reason", sa.String(32)),
        sa.Column("contact_requested", sa.Boolean, nullable=False),
        sa.Column("preferred_contact", sa.String(8)),
        sa.Column("risk_flag", sa.Boolean, nullable=False),
        sa.Column("completed", sa.Boolean, nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
    )
    op.create_index("ix_intake_records_site", "intake_records", ["site"])
    op.create_index("ix_intake_records_started_at", "intake_records", ["started_at"])
    op.create_table(
        "contact_details",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("method", sa.String(8), nullable=False),
        sa.Column("value", sa.String(320), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "risk_events",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("layer", sa.String(16), nullable=False),
        sa.Column("message", sa.Text, nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed", sa.Boolean, nullable=False),
    )
    op.create_index("ix_risk_events_conversation_id", "risk_events", ["conversation_id"])
    op.create_index("ix_risk_events_created_at", "risk_events", ["created_at"])
    op.create_table(
        "alert_outbox",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("alert_id", sa.String(36), nullable=False),
        sa.Column("risk_event_id", sa.Integer),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("category", sa.String(32), nullable=False),
        sa.Column("layer", sa.String(16), nullable=False),
        sa.Column("risk_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer, nullable=False),
        sa.Column("last_error", sa.String(300)),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("lease_until", sa.DateTime(timezone=True)),
        sa.Column("sent_at", sa.DateTime(timezone=True)),
    )
    for column in ("alert_id", "risk_event_id", "next_attempt_at", "sent_at"):
        op.create_index(f"ix_alert_outbox_{column}", "alert_outbox", [column])
    op.create_table(
        "deletion_requests",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("transcript_purged_at", sa.DateTime(timezone=True)),
    )


def downgrade() -> None:
    for table in ("deletion_requests", "alert_outbox", "risk_events", "contact_details",
                  "intake_records"):
        op.drop_table(table)
