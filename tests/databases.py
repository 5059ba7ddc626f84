"""Database fixtures for storage and domain tests (staff workspace, alert outbox, records):
each runs on SQLite and on the real PostgreSQL of the machine, in a database of its own for
this test session. Registered for every test by ``pytest_plugins`` in tests/conftest.py."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import make_engine
from tests.environment import unavailable

PG_SERVER = os.environ.get("TEST_POSTGRES_URL", "postgresql://postgres@localhost:5432/postgres")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[sa.engine.URL]:
    """A PostgreSQL database for this test session, dropped at the end."""
    admin = sa.create_engine(PG_SERVER, future=True, isolation_level="AUTOCOMMIT")
    name = f"staff_test_{uuid.uuid4().hex[:12]}"
    try:
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        admin.dispose()
        unavailable(f"PostgreSQL is not reachable at {PG_SERVER}: {exc.orig}")
    yield sa.engine.make_url(PG_SERVER).set(database=name)
    with admin.connect() as conn:
        conn.execute(sa.text(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :name"
        ), {"name": name})
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}"'))
    admin.dispose()


def _empty_pg(url: sa.engine.URL) -> str:
    """Drop every table in the session's PostgreSQL database, so each test starts clean."""
    engine = sa.create_engine(url, future=True)
    with engine.begin() as conn:
        conn.execute(sa.text("DROP SCHEMA public CASCADE"))
        conn.execute(sa.text("CREATE SCHEMA public"))
    engine.dispose()
    return url.render_as_string(hide_password=False)


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database URL, SQLite then PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'staff.db'}"
    return _empty_pg(request.getfixturevalue("pg_server"))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """The database migrated to the newest revision."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
