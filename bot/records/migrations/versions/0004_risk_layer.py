"""Which layer raised each risk event: the rule's name, the classifier's score, and her answer
to the check-in question (issue 12). Columns only; no message text.

Revision ID: 0004
Revises: 0002 (the lead re-chains it after 0003 when the branches meet)
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

COLUMNS = (
    ("rule", sa.String(80)),
    ("score", sa.Float),
    ("check_in", sa.String(16)),
)


def upgrade() -> None:
    existing = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("risk_events")}
    with op.batch_alter_table("risk_events") as batch:
        for name, type_ in COLUMNS:
            if name not in existing:
                batch.add_column(sa.Column(name, type_))


def downgrade() -> None:
    with op.batch_alter_table("risk_events") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
