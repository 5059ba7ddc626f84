"""Append-only notes on a conversation: written, never edited or deleted by the app."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from bot.records.database import staff_notes
from bot.records.intake_record import utcnow
from bot.staff.accounts import StaffUser

KINDS = ("note", "risk", "callback", "review", "outcome")
NOTE_MAX = 5000


class NoteError(ValueError):
    """A note that cannot be kept; the message is for the person writing it."""


def add_note(conn: Connection, user: StaffUser, conversation_id: str, site: str, text: str,
             kind: str = "note") -> None:
    """Write a note in the caller's transaction (with the change it explains, if any)."""
    text = text.strip()
    if not text:
        raise NoteError("Please write something in the note.")
    if len(text) > NOTE_MAX:
        raise NoteError(f"Please keep a note under {NOTE_MAX:,} characters.")
    if kind not in KINDS:
        raise ValueError(f"unknown note kind {kind!r}")
    conn.execute(sa.insert(staff_notes).values(
        conversation_id=conversation_id, site=site, author=user.email, at=utcnow(), kind=kind,
        text=text))


def notes(engine: Engine, conversation_id: str) -> list[dict[str, Any]]:
    """A conversation's notes, oldest first."""
    with engine.connect() as conn:
        return [dict(row) for row in conn.execute(
            sa.select(staff_notes).where(staff_notes.c.conversation_id == conversation_id)
            .order_by(staff_notes.c.at, staff_notes.c.id)).mappings()]
