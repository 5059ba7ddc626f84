"""Bringing a database's intake tables to the newest revision, with Alembic.

The migrations are in ``bot/records/migrations``. A database made before them (tables created
with ``create_all``, no ``alembic_version`` table) is recognised by its ``intake_records`` table,
stamped at the baseline and then upgraded, so no record is lost. Rasa's own tables are never
touched.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.engine import Engine

from bot.records.database import metadata

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
BASELINE = "0001"


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    """Alembic's filter: only tables this application defines, never Rasa's (``events``...)."""
    if type_ == "table":
        return name in metadata.tables
    return True


def alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_current_head() or BASELINE


def upgrade(engine: Engine) -> None:
    """Migrate to the newest revision (a no-op when the database is already there)."""
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        context = MigrationContext.configure(connection)
        if context.get_current_revision() == head_revision():
            return
        if (context.get_current_revision() is None
                and sa.inspect(connection).has_table("intake_records")):
            command.stamp(config, BASELINE)  # made by the release before migrations
        command.upgrade(config, "head")
