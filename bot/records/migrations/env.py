"""Alembic's environment for the intake tables (run by bot.records.schema.upgrade).

Only our own tables are managed: Rasa's tracker store (``events``) lives in the same database
and is left alone, by the ``include_object`` filter when autogenerating a revision.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import context

from bot.records.database import database_url, metadata
from bot.records.schema import include_object


def run() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:  # the alembic command line, on DATABASE_URL
        engine = sa.create_engine(database_url(), future=True)
        with engine.connect() as connection:
            _migrate(connection)
        engine.dispose()
    else:
        _migrate(connection)


def _migrate(connection: sa.engine.Connection) -> None:
    context.configure(connection=connection, target_metadata=metadata,
                      include_object=include_object, render_as_batch=True,
                      compare_type=True)
    with context.begin_transaction():
        context.run_migrations()


run()
