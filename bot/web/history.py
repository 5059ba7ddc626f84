"""A conversation's history for the widget, read from Rasa's tracker store.

Why Rasa's ``events`` table and not a transcript of our own: it already holds every message, in
the same database (DATABASE_URL), and `bot purge` already deletes it on request and after each
site's retention period. A second copy would double the personal data to protect and purge. The
cost is reading Rasa's table layout (``sender_id``, ``type_name``, ``data`` as JSON), which has
been the same throughout Rasa 3.x; :func:`events_table` names the only columns used.
"""

from __future__ import annotations

import json
import logging
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import deletion_requests
from bot.web.rasa import normalise_buttons

logger = logging.getLogger(__name__)

#: The payload the widget sends to open a conversation; not shown as something she said.
START_PAYLOAD = "/greet"
#: Messages returned on reload: enough for any intake conversation, bounded for a long one.
HISTORY_LIMIT = 400

_tracker_metadata = sa.MetaData()
events_table = sa.Table(
    "events",
    _tracker_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("data", sa.Text),
)


def load_history(engine: Engine, sender: str) -> list[dict[str, Any]]:
    """Her messages and the bot's, oldest first: ``{"from": "me"|"bot", "text", "buttons"}``.

    A button she pressed is stored by Rasa as its payload; it is shown as the button's title,
    as it was when she pressed it."""
    query = (
        sa.select(events_table.c.type_name, events_table.c.data)
        .where(events_table.c.sender_id == sender,
               events_table.c.type_name.in_(("user", "bot")))
        .order_by(events_table.c.id.desc())
        .limit(HISTORY_LIMIT)
    )
    try:
        with engine.connect() as connection:
            rows = list(connection.execute(query))
    except sa.exc.OperationalError:  # Rasa has not created its table yet: no history
        logger.warning("tracker store table 'events' is not readable yet")
        return []
    messages: list[dict[str, Any]] = []
    offered: dict[str, str] = {}  # payload -> title, of the bot's buttons since her last message
    for type_name, raw in reversed(rows):
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            continue
        text = data.get("text")
        if type_name == "bot":
            buttons = normalise_buttons((data.get("data") or {}).get("buttons"))
            offered.update((b["payload"], b["title"]) for b in buttons)
            if isinstance(text, str):
                messages.append({"from": "bot", "text": text, "buttons": buttons})
        elif isinstance(text, str) and text != START_PAYLOAD:
            messages.append({"from": "me", "text": offered.get(text, text), "buttons": []})
            offered = {}
    return messages


def deletion_requested(engine: Engine, sender: str) -> bool:
    """She asked for this conversation to be deleted: it must not be shown back to her."""
    query = sa.select(deletion_requests.c.conversation_id).where(
        deletion_requests.c.conversation_id == sender)
    with engine.connect() as connection:
        return connection.execute(query).first() is not None
