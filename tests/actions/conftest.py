"""Custom actions run in memory, the way RasaHQ's financial-demo tests its actions.

Each test builds a rasa_sdk ``Tracker`` from slots, her latest message and events, runs the
action with a ``CollectingDispatcher`` and the real domain (loaded from domain.yml), and checks
the events returned and the messages sent. Actions that write records use a fresh SQLite
database per test, through ``DATABASE_URL``. No model, no Rasa server, no action server.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk.types import DomainDict
from sqlalchemy.engine import Engine

from bot.records.database import make_engine, shared_engine
from bot.records.intake_record import IntakeRepository
from tests.actions.harness import REPO_ROOT


@pytest.fixture(scope="session")
def domain() -> DomainDict:
    with warnings.catch_warnings():
        # Rasa 3.6 warns about slot auto-fill on every load; every slot here maps "custom".
        warnings.simplefilter("ignore", UserWarning)
        return Domain.load(str(REPO_ROOT / "domain.yml")).as_dict()


@pytest.fixture(autouse=True)
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """A fresh SQLite database for the actions, and no staff alert channel configured."""
    url = f"sqlite:///{tmp_path / 'intake.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    for name in ("ALERT_WEBHOOK_URL", "ALERT_SMTP_HOST", "ALERT_EMAIL_TO"):
        monkeypatch.delenv(name, raising=False)
    shared_engine.cache_clear()
    engine = make_engine(url)
    yield engine
    shared_engine.cache_clear()
    engine.dispose()


@pytest.fixture
def records(database: Engine) -> IntakeRepository:
    return IntakeRepository(database)


