"""Risk events: every safety response, kept for staff review."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.records.database import risk_events
from bot.records.intake_record import iso_utc, utcnow

#: How a risk was caught: the pattern net, the model's intent, or both; the safety classifier's
#: score; or her answer (yes, not sure) to the check-in question the classifier asked.
LAYERS = ("pattern", "model", "both", "classifier", "check_in")
CHECK_IN_ANSWERS = ("yes", "not_sure")
#: The longest message text kept with a risk event.
MESSAGE_MAX = 2000
RULE_MAX = 80


def insert_risk_event(conn: Connection, conversation_id: str, site: str, category: str,
                      layer: str, message: str, created_at: datetime | None = None, *,
                      rule: str | None = None, score: float | None = None,
                      check_in: str | None = None) -> int:
    """Store one risk event in the caller's transaction (its staff alert goes in the same one).

    ``rule`` is the name of the rule that fired, ``score`` the classifier's risk score for the
    message, ``check_in`` her answer to the check-in question when that raised it."""
    result = conn.execute(sa.insert(risk_events).values(
        conversation_id=conversation_id, site=site, category=category,
        layer=layer if layer in LAYERS else "model",
        message=(message or "")[:MESSAGE_MAX], created_at=created_at or utcnow(),
        reviewed=False, rule=(rule or None) and rule[:RULE_MAX],
        score=None if score is None else float(score),
        check_in=check_in if check_in in CHECK_IN_ANSWERS else None))
    return int(result.inserted_primary_key[0])


def describe_layer(event: Mapping[str, Any]) -> str:
    """How a risk event was caught, for staff: "pattern (suicide.want_to_die)",
    "classifier (score 0.91)", "check-in: yes (classifier score 0.55)"."""
    layer = event.get("layer") or "?"
    score = event.get("score")
    if layer == "check_in":
        answer = (event.get("check_in") or "?").replace("_", " ")
        text = f"check-in: {answer}"
        return f"{text} (classifier score {score:.2f})" if score is not None else text
    details = []
    if event.get("rule"):
        details.append(str(event["rule"]))
    if layer == "classifier" and score is not None:
        details.append(f"score {score:.2f}")
    return f"{layer} ({', '.join(details)})" if details else layer


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
