"""The database helpers the gateway and Rasa's tracker store rely on when a database goes away."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from bot.records.database import make_engine, reachable
from bot.runtime.stack import endpoints_config
from tests.web.conftest import free_port


def test_a_working_database_is_reachable(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'intake.db'}")
    assert reachable(engine)


def test_a_database_that_refuses_connections_is_not() -> None:
    engine = sa.create_engine(f"postgresql://postgres@127.0.0.1:{free_port()}/test",
                              future=True, connect_args={"connect_timeout": 2})
    assert not reachable(engine)


def test_rasa_is_given_the_tracker_store_that_checks_its_connections() -> None:
    for url in ("sqlite:////tmp/intake.db", "postgresql://postgres@db.example:5433/intake"):
        store = endpoints_config(url, None, 5055)["tracker_store"]
        assert store["type"] == "bot.runtime.tracker_store.ResilientSQLTrackerStore"
    assert store["url"] == "db.example" and store["port"] == 5433 and store["db"] == "intake"
