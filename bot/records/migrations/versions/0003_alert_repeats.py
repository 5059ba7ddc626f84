"""Alert repeats: further risk messages of one category in one conversation are counted on its
first alert instead of alerting staff again (bot.alerts.staff_alerts, ALERT_REPEAT_WINDOW).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("alert_outbox") as batch:
        batch.add_column(sa.Column("repeats", sa.Integer, nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_repeat_at", sa.DateTime(timezone=True)))
        batch.create_index("ix_alert_outbox_conversation_category",
                           ["conversation_id", "category"])


def downgrade() -> None:
    with op.batch_alter_table("alert_outbox") as batch:
        batch.drop_index("ix_alert_outbox_conversation_category")
        batch.drop_column("last_repeat_at")
        batch.drop_column("repeats")
