"""A lean read of chosen coded fields of intake records, for aggregate reports.

``IntakeRepository.records`` builds a full codebook dict per record; for 100,000 records an
aggregate report only needs a few coded columns, read here as plain tuples under their codebook
names. Free text and contact details are not in the intake table, and this never joins them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine, Row

from bot import codebook
from bot.records.database import intake_records


def coded_rows(engine: Engine, fields: Sequence[str], sites: Collection[str] | None = None,
               since: datetime | None = None, until: datetime | None = None) -> Iterator[Row]:
    """Rows holding ``fields`` (codebook names), for ``sites`` (None: all) and a time window
    on ``started_at``. List fields come back as their stored JSON text, to be decoded once per
    distinct value by the caller."""
    unknown = [f for f in fields if f not in codebook.FIELDS or f == "mechanisms"]
    if unknown:
        raise ValueError(f"not stored codebook fields: {', '.join(unknown)}")
    columns = [
        sa.cast(intake_records.c[f], sa.Text).label(f)
        if isinstance(intake_records.c[f].type, sa.JSON) else intake_records.c[f]
        for f in fields
    ]
    query = sa.select(*columns)
    if sites is not None:
        query = query.where(intake_records.c.site.in_(list(sites)))
    if since:
        query = query.where(intake_records.c.started_at >= since)
    if until:
        query = query.where(intake_records.c.started_at < until)
    with engine.connect() as conn:
        yield from conn.execute(query)


def recorded_sites(engine: Engine) -> list[str]:
    """The sites that have any records, in alphabetical order."""
    with engine.connect() as conn:
        return list(conn.execute(
            sa.select(intake_records.c.site).distinct().order_by(intake_records.c.site)
        ).scalars())
