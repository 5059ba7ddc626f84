"""Staff workspace: the codebook's schema_version 2 columns and the staff tables.

The v2 columns of ``intake_records`` may already exist in a database made by the release that
added them with ``create_all``; only the missing ones are added. Contact details kept in plain
text by earlier releases are encrypted with the data key (bot.records.keys).

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from bot.records.keys import is_sealed, seal

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

V2_COLUMNS = (
    ("outcome_at", sa.Date, {}),
    ("outcome_reason", sa.String(32), {}),
    ("concerns_reviewed", sa.JSON, {}),
    ("risk_acknowledged", sa.Boolean, {"nullable": False, "server_default": sa.false()}),
    ("callback_done", sa.Boolean, {"nullable": False, "server_default": sa.false()}),
)


def upgrade() -> None:
    existing = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("intake_records")}
    with op.batch_alter_table("intake_records") as batch:
        for name, type_, options in V2_COLUMNS:
            if name not in existing:
                batch.add_column(sa.Column(name, type_, **options))
    _encrypt_contact_details()
    with op.batch_alter_table("risk_events") as batch:
        batch.add_column(sa.Column("acknowledged_at", sa.DateTime(timezone=True)))
        batch.add_column(sa.Column("acknowledged_by", sa.Integer))
        batch.add_column(sa.Column("action_taken", sa.Text))
        batch.add_column(sa.Column("assigned_to", sa.Integer))
    op.create_table(
        "staff_users",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("email", sa.String(320), nullable=False, unique=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("sites", sa.JSON, nullable=False),
        sa.Column("password_hash", sa.String(200)),
        sa.Column("totp_secret", sa.Text),
        sa.Column("totp_last_step", sa.Integer),
        sa.Column("recovery_codes", sa.JSON, nullable=False),
        sa.Column("setup_token_hash", sa.String(64), unique=True),
        sa.Column("setup_expires_at", sa.DateTime(timezone=True)),
        sa.Column("disabled", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "staff_audit",
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
    op.create_table(
        "staff_notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("conversation_id", sa.String(255), nullable=False),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("author", sa.String(320), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("ix_staff_notes_conversation_id", "staff_notes", ["conversation_id"])
    op.create_table(
        "erasure_requests",
        sa.Column("conversation_id", sa.String(255), primary_key=True),
        sa.Column("site", sa.String(64), nullable=False),
        sa.Column("requested_by", sa.String(320), nullable=False),
        sa.Column("requested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("approved_by", sa.String(320)),
        sa.Column("approved_at", sa.DateTime(timezone=True)),
    )


def _encrypt_contact_details() -> None:
    with op.batch_alter_table("contact_details") as batch:
        batch.alter_column("value", type_=sa.Text, existing_type=sa.String(320),
                           existing_nullable=False)
    contact = sa.table("contact_details", sa.column("conversation_id"), sa.column("value"))
    bind = op.get_bind()
    for conversation_id, value in bind.execute(sa.select(contact.c.conversation_id,
                                                         contact.c.value)).all():
        if not is_sealed(value):
            bind.execute(sa.update(contact).where(contact.c.conversation_id == conversation_id)
                         .values(value=seal(value)))


def downgrade() -> None:
    op.drop_table("erasure_requests")
    op.drop_table("staff_notes")
    op.drop_table("staff_audit")
    op.drop_table("staff_users")
    with op.batch_alter_table("risk_events") as batch:
        for name in ("assigned_to", "action_taken", "acknowledged_by", "acknowledged_at"):
            batch.drop_column(name)
    with op.batch_alter_table("intake_records") as batch:
        for name, _type, _options in reversed(V2_COLUMNS):
            batch.drop_column(name)
