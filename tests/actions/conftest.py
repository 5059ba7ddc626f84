"""Custom actions run in memory, the way RasaHQ's financial-demo tests its actions.

Each test builds a rasa_sdk ``Tracker`` from slots, her latest message and events, runs the
action with a ``CollectingDispatcher`` and the real domain (loaded from domain.yml), and checks
the events returned and the messages sent. Actions that write records use a fresh SQLite
database per test, through ``DATABASE_URL``. No model, no Rasa server, no action server.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from rasa.shared.core.domain import Domain
from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict
from sqlalchemy.engine import Engine

import actions
from bot.records.database import make_engine, shared_engine
from bot.records.intake_record import IntakeRepository

REPO_ROOT = Path(__file__).resolve().parents[2]
SENDER = "conversation-under-test"


def action_classes() -> dict[str, type[Action]]:
    """Every custom action the action server would register, by its name."""
    found: dict[str, type[Action]] = {}
    for module_info in pkgutil.iter_modules(actions.__path__, "actions."):
        module = importlib.import_module(module_info.name)
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if (issubclass(cls, Action) and cls.__module__ == module.__name__
                    and not inspect.isabstract(cls)):
                found[cls().name()] = cls
    return found


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


def tracker(domain: DomainDict, *, text: str = "", intent: str | None = None,
            entities: Iterable[dict] = (), slots: dict[str, Any] | None = None,
            site: str | None = None, events: list[dict] | None = None,
            active_loop: str | None = None,
            latest_action_name: str = "action_listen") -> Tracker:
    """A tracker as Rasa would send it: every domain slot (unset unless given), her latest
    message (with the page's ``metadata.site``), and by default the events of that one turn."""
    values = {name: spec.get("initial_value") for name, spec in domain["slots"].items()}
    values.update(slots or {})
    metadata = {"site": site} if site else {}
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0} if intent else {},
              "entities": list(entities), "metadata": metadata}
    if events is None:
        events = [{"event": "action", "name": "action_listen"},
                  {"event": "user", "text": text, "parse_data": latest, "metadata": metadata}]
    return Tracker(sender_id=SENDER, slots=values, latest_message=latest, events=events,
                   paused=False, followup_action=None,
                   active_loop={"name": active_loop} if active_loop else {},
                   latest_action_name=latest_action_name)


@dataclass
class Outcome:
    """What one action did: the events it returned and the messages it sent."""

    events: list[dict[str, Any]]
    messages: list[dict[str, Any]]

    @property
    def text(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.messages)

    @property
    def slots(self) -> dict[str, Any]:
        return {e["name"]: e["value"] for e in self.events if e.get("event") == "slot"}

    @property
    def buttons(self) -> list[str]:
        return [b["payload"] for m in self.messages for b in m.get("buttons") or []]


async def run_action(name: str, tracker: Tracker, domain: DomainDict) -> Outcome:
    """Run the custom action called ``name`` as the action server would."""
    dispatcher = CollectingDispatcher()
    events = await action_classes()[name]().run(dispatcher, tracker, domain)
    return Outcome(list(events), dispatcher.messages)
