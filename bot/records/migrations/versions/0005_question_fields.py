"""The codebook's schema_version 4 columns of ``intake_records``: the question she stopped at
(``dropped_at``) and the questions she declined or was not understood on. Question codes only,
never her words. Records made before have null and empty lists: these were not recorded then.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

COLUMNS = (
    ("dropped_at", sa.String(32), {}),
    ("questions_skipped", sa.JSON, {"nullable": False, "server_default": "[]"}),
    ("questions_not_understood", sa.JSON, {"nullable": False, "server_default": "[]"}),
)


def upgrade() -> None:
    existing = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("intake_records")}
    with op.batch_alter_table("intake_records") as batch:
        for name, type_, options in COLUMNS:
            if name not in existing:
                batch.add_column(sa.Column(name, type_, **options))


def downgrade() -> None:
    with op.batch_alter_table("intake_records") as batch:
        for name, _type, _options in reversed(COLUMNS):
            batch.drop_column(name)
