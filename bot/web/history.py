"""A conversation's history for the widget, read from Rasa's tracker store.

The reading itself is bot.records.transcripts (shared with the staff pages); why Rasa's
``events`` table and not a transcript of our own is in docs/web.md.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import deletion_requests
from bot.records.transcripts import events_table, transcript

__all__ = ["deletion_requested", "events_table", "load_history"]


def load_history(engine: Engine, sender: str) -> list[dict[str, Any]]:
    """Her messages and the bot's, oldest first: ``{"from": "me"|"bot", "text", "buttons"}``."""
    return [{key: message[key] for key in ("from", "text", "buttons")}
            for message in transcript(engine, sender)]


def deletion_requested(engine: Engine, sender: str) -> bool:
    """She asked for this conversation to be deleted: it must not be shown back to her."""
    query = sa.select(deletion_requests.c.conversation_id).where(
        deletion_requests.c.conversation_id == sender)
    with engine.connect() as connection:
        return connection.execute(query).first() is not None
