"""Rasa's SQL tracker store, made to survive a database that goes away for a while, and cheaper.

Rasa's own store keeps pooled connections without checking them, and Rasa wraps every tracker
store so that a failed read returns "no such conversation". After a database restart or a dropped
network, the first read on a dead pooled connection therefore failed, and the mother who was
half-way through was greeted as a stranger. Checking a connection before use (SQLAlchemy's
``pool_pre_ping``) replaces dead ones transparently. Named in the endpoints Rasa is started
with (bot.runtime.stack.endpoints_config).

Every turn reads her conversation back and writes the new events. Rasa's store built an ORM
object per stored event only to take its JSON, and wrote new events one INSERT at a time (a
dozen round trips a turn on PostgreSQL); here the same query reads only the JSON column and the
same rows are written in one statement (bench/turn_costs.py, docs/deployment.md).
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs
from rasa.shared.core.trackers import DialogueStateTracker
from rasa.shared.nlu.constants import INTENT_NAME_KEY


class ResilientSQLTrackerStore(SQLTrackerStore):
    """:class:`SQLTrackerStore` whose pooled connections are checked before each use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)

    async def _retrieve(self, sender_id: str,
                        fetch_events_from_all_sessions: bool) -> DialogueStateTracker | None:
        """Rasa's query (same filter and order), reading only each event's JSON."""
        with self.session_scope() as session:
            query = self._event_query(session, sender_id, fetch_events_from_all_sessions)
            events = [json.loads(data) for (data,) in query.with_entities(self.SQLEvent.data)]
        if self.domain and events:
            return DialogueStateTracker.from_dict(sender_id, events, self.domain.slots)
        return None

    async def save(self, tracker: DialogueStateTracker) -> None:
        """The events not yet stored, as Rasa stores them, in one INSERT."""
        await self.stream_events(tracker)
        with self.session_scope() as session:
            rows = []
            for event in self._additional_events(session, tracker):
                data = event.as_dict()
                rows.append({
                    "sender_id": tracker.sender_id, "type_name": event.type_name,
                    "timestamp": data.get("timestamp"),
                    "intent_name": data.get("parse_data", {}).get("intent", {}).get(
                        INTENT_NAME_KEY),
                    "action_name": data.get("name"), "data": json.dumps(data),
                })
            if rows:
                session.execute(sa.insert(self.SQLEvent.__table__), rows)
            session.commit()
