"""The codebook's schema_version 5 columns of ``intake_records`` (issue 19): ``language``, the
language she wrote in, and ``callback_language``, the language of the call-back she asked for
(ISO 639-1 codes). Records made before have nulls: languages were not recorded then.

Revision ID: 0006
Revises: 0005
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

COLUMNS = (
    ("language", sa.String(8)),
    ("callback_language", sa.String(8)),
)


def upgrade() -> None:
    existing = {c["name"] for c in sa.inspect(op.get_bind()).get_columns("intake_records")}
    with op.batch_alter_table("intake_records") as batch:
        for name, type_ in COLUMNS:
            if name not in existing:
                batch.add_column(sa.Column(name, type_))


def downgrade() -> None:
    with op.batch_alter_table("intake_records") as batch:
        for name, _type in reversed(COLUMNS):
            batch.drop_column(name)
