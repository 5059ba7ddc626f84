"""bot/runtime/tracker_store.py reads and writes exactly what Rasa's own SQL store does, on
SQLite and the machine's real PostgreSQL: each writes, the other reads, the same events."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (
    ActionExecuted,
    BotUttered,
    SessionStarted,
    SlotSet,
    UserUttered,
)
from rasa.shared.core.trackers import DialogueStateTracker

from bot.runtime.tracker_store import ResilientSQLTrackerStore

DOMAIN = Domain.load(str(Path(__file__).resolve().parents[2] / "domain.yml"))


def stores(db_url: str) -> tuple[SQLTrackerStore, SQLTrackerStore]:
    url = sa.engine.make_url(db_url)
    if url.get_backend_name() == "sqlite":
        kwargs = {"dialect": "sqlite", "db": url.database}
    else:
        kwargs = {"dialect": "postgresql", "host": url.host, "port": url.port,
                  "db": url.database, "username": url.username or ""}
    return (ResilientSQLTrackerStore(DOMAIN, **kwargs), SQLTrackerStore(DOMAIN, **kwargs))


def session(start: float, text: str) -> list:
    return [
        ActionExecuted("action_session_start", timestamp=start), SessionStarted(timestamp=start),
        ActionExecuted("action_listen", timestamp=start + 1),
        UserUttered(text, {"name": "greet", "confidence": 0.9}, timestamp=start + 2),
        SlotSet("consent", "given", timestamp=start + 3),
        ActionExecuted("action_ask_consent", policy="RulePolicy", confidence=1.0,
                       timestamp=start + 4),
        BotUttered("Can I keep your answers?", timestamp=start + 5),
        ActionExecuted("action_listen", timestamp=start + 6),
    ]


async def test_each_store_reads_what_the_other_wrote(db_url: str) -> None:
    ours, rasas = stores(db_url)
    tracker = DialogueStateTracker.from_events("her-conversation", session(1000.0, "hi"),
                                               DOMAIN.slots)
    await ours.save(tracker)
    back = await rasas.retrieve("her-conversation")
    assert back is not None and back.events == tracker.events

    for event in session(2000.0, "hello again"):  # a second session, written by Rasa's store
        back.update(event)
    await rasas.save(back)
    again = await ours.retrieve("her-conversation")  # the latest session, as Rasa reads it
    await ours.save(again)  # nothing new: nothing written twice
    for reader in (ours, rasas):
        latest = await reader.retrieve("her-conversation")
        full = await reader.retrieve_full_tracker("her-conversation")
        assert latest is not None and full is not None
        assert [e.as_dict() for e in latest.events] == [
            e.as_dict() for e in session(2000.0, "hello again")]
        assert full.events == back.events
    with ours.engine.connect() as conn:
        rows = conn.execute(sa.text(
            "SELECT type_name, intent_name, action_name FROM events ORDER BY id")).all()
    assert len(rows) == 16
    assert rows[3] == ("user", "greet", None) and rows[5] == ("action", None, "action_ask_consent")
    assert await ours.retrieve("nobody") is None
    ours.engine.dispose()
    rasas.engine.dispose()
