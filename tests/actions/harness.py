"""Running custom actions in memory: a tracker as Rasa would send it, and what an action did.

See conftest.py for the fixtures (the real domain, a fresh database per test).
"""

from __future__ import annotations

import functools
import importlib
import inspect
import pkgutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

import actions

REPO_ROOT = Path(__file__).resolve().parents[2]
SENDER = "conversation-under-test"


@functools.cache
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


def tracker(domain: DomainDict, *, text: str = "", intent: str | None = None,
            entities: Iterable[dict] = (), slots: dict[str, Any] | None = None,
            site: str | None = None, events: list[dict] | None = None,
            active_loop: str | None = None,
            latest_action_name: str = "action_listen",
            language: str | None = None) -> Tracker:
    """A tracker as Rasa would send it: every domain slot (unset unless given), her latest
    message (with the page's ``metadata.site``, and the ``language`` the NLU noted, if given),
    and by default the events of that one turn."""
    values = {name: spec.get("initial_value") for name, spec in domain["slots"].items()}
    values.update(slots or {})
    metadata = {"site": site} if site else {}
    latest = {"text": text, "intent": {"name": intent, "confidence": 1.0} if intent else {},
              "entities": list(entities), "metadata": metadata}
    if language:
        latest["language"] = language
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
