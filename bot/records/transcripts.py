"""Reading a conversation's transcript from Rasa's tracker store (the ``events`` table).

The one reader of Rasa's table for messages: the web chat's reload (bot/web/history.py) and the
staff conversation page both use :func:`transcript`. Why Rasa's table and not a copy of our own
is in docs/web.md. The table's layout (``sender_id``, ``type_name``, ``timestamp``, ``data`` as
JSON) has been the same throughout Rasa 3.x; :data:`events_table` names the only columns used.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

logger = logging.getLogger(__name__)

#: The payload the widget sends to open a conversation; not shown as something she said.
START_PAYLOAD = "/greet"
#: Messages read at most: enough for any intake conversation, bounded for a long one.
TRANSCRIPT_LIMIT = 400

_tracker_metadata = sa.MetaData()
events_table = sa.Table(
    "events",
    _tracker_metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("sender_id", sa.String(255)),
    sa.Column("type_name", sa.String(255)),
    sa.Column("timestamp", sa.Float),
    sa.Column("data", sa.Text),
)


def normalise_buttons(buttons: Any) -> list[dict[str, str]]:
    """Only well-formed buttons, as ``{"title", "payload"}``."""
    if not isinstance(buttons, list):
        return []
    return [
        {"title": b["title"], "payload": b["payload"]}
        for b in buttons
        if isinstance(b, dict) and isinstance(b.get("title"), str)
        and isinstance(b.get("payload"), str)
    ]


def _latest_messages(engine: Engine, sender: str, limit: int) -> list[Any]:
    """Her and the assistant's latest ``limit`` events, newest first: (type, timestamp, data).

    Empty when Rasa has not created its table yet (SQLite and PostgreSQL say so differently)."""
    query = (
        sa.select(events_table.c.type_name, events_table.c.timestamp, events_table.c.data)
        .where(events_table.c.sender_id == sender,
               events_table.c.type_name.in_(("user", "bot")))
        .order_by(events_table.c.id.desc())
        .limit(limit)
    )
    try:
        with engine.connect() as connection:
            return list(connection.execute(query))
    except (sa.exc.OperationalError, sa.exc.ProgrammingError):
        logger.warning("tracker store table 'events' is not readable yet")
        return []


def transcript(engine: Engine, sender: str,
               limit: int = TRANSCRIPT_LIMIT) -> list[dict[str, Any]]:
    """Her messages and the assistant's, oldest first:
    ``{"from": "me"|"bot", "text", "buttons", "at": datetime | None}``.

    A button she pressed is stored by Rasa as its payload; it is shown as the button's title,
    as it was when she pressed it. The opening ``/greet`` is left out."""
    rows = _latest_messages(engine, sender, limit)
    messages: list[dict[str, Any]] = []
    offered: dict[str, str] = {}  # payload -> title, of the bot's buttons since her last message
    for type_name, timestamp, raw in reversed(rows):
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            continue
        text = data.get("text")
        at = datetime.fromtimestamp(timestamp, timezone.utc) if timestamp else None
        if type_name == "bot":
            buttons = normalise_buttons((data.get("data") or {}).get("buttons"))
            offered.update((b["payload"], b["title"]) for b in buttons)
            if isinstance(text, str):
                messages.append({"from": "bot", "text": text, "buttons": buttons, "at": at})
        elif isinstance(text, str) and text != START_PAYLOAD:
            messages.append({"from": "me", "text": offered.get(text, text), "buttons": [],
                             "at": at})
            offered = {}
    return messages


def offered_payloads(engine: Engine, sender: str) -> frozenset[str]:
    """The button payloads the assistant offered in its latest turn (since her last message).

    What the gateway accepts as a button press: a payload is a command to Rasa, so only one
    the assistant itself sent, read back from Rasa's own record of what it sent. Until the
    assistant has said anything the only one is the opening ``/greet``."""
    rows = _latest_messages(engine, sender, TRANSCRIPT_LIMIT)
    if not any(type_name == "bot" for type_name, _, _ in rows):
        return frozenset((START_PAYLOAD,))
    payloads: set[str] = set()
    for type_name, _, raw in rows:
        if type_name == "user":
            break
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            continue
        buttons = normalise_buttons((data.get("data") or {}).get("buttons"))
        payloads.update(b["payload"] for b in buttons)
    return frozenset(payloads)


def delete_transcript(conn: Connection, sender: str) -> int:
    """Remove every tracker event of a conversation (in the caller's transaction)."""
    if not sa.inspect(conn).has_table("events"):
        return 0
    return conn.execute(sa.delete(events_table).where(events_table.c.sender_id == sender)
                        ).rowcount
