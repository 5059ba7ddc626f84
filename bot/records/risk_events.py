"""Risk events: every safety response, kept for staff review."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.records.database import risk_events
from bot.records.intake_record import iso_utc, utcnow

#: How a risk was caught: the pattern net, the model's intent, or both.
LAYERS = ("pattern", "model", "both")
#: The longest message text kept with a risk event.
MESSAGE_MAX = 2000


def insert_risk_event(conn: Connection, conversation_id: str, site: str, category: str,
                      layer: str, message: str, created_at: datetime | None = None) -> int:
    """Store one risk event in the caller's transaction (its staff alert goes in the same one)."""
    result = conn.execute(sa.insert(risk_events).values(
        conversation_id=conversation_id, site=site, category=category,
        layer=layer if layer in LAYERS else "model",
        message=(message or "")[:MESSAGE_MAX], created_at=created_at or utcnow(),
        reviewed=False))
    return int(result.inserted_primary_key[0])


class RiskRepository:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, conversation_id: str, site: str, category: str, layer: str,
            message: str) -> int:
        with self.engine.begin() as conn:
            return insert_risk_event(conn, conversation_id, site, category, layer, message)

    def events(self, since: datetime | None = None,
               unreviewed: bool = False) -> Iterator[dict[str, Any]]:
        query = sa.select(risk_events).order_by(risk_events.c.created_at, risk_events.c.id)
        if since:
            query = query.where(risk_events.c.created_at >= since)
        if unreviewed:
            query = query.where(risk_events.c.reviewed.is_(False))
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                event = dict(row)
                event["created_at"] = iso_utc(row["created_at"])
                yield event
