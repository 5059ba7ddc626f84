"""Reading the coded fields the report needs, counted by distinct combination.

100,000 records share far fewer distinct combinations of the coded answers, so the rows are
counted as they arrive and every later step works once per combination, not once per record.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection
from datetime import datetime, timezone
from functools import lru_cache
from typing import NamedTuple

from sqlalchemy.engine import Engine

from bot.records.coded_fields import coded_rows

#: The codebook fields read; never free text, contact details or identifiers.
FIELDS = ("site", "started_at", "consent", "format_preference", "mode_preferences",
          "time_preferences", "concerns", "take_up_intent", "outcome", "concerns_reviewed",
          "completed", "dropped_at", "language")


class Coded(NamedTuple):
    """One distinct pattern of coded answers (many records may share it)."""

    consent: str
    format_preference: str | None
    mode_preferences: tuple[str, ...]
    time_preferences: tuple[str, ...]
    concerns: tuple[str, ...]
    take_up_intent: str | None
    outcome: str
    concerns_reviewed: tuple[str, ...] | None
    completed: bool = False
    dropped_at: str | None = None
    language: str | None = None


#: (site, month "YYYY-MM", answers) -> number of records.
Counts = Counter[tuple[str, str, Coded]]


@lru_cache(maxsize=4096)
def _codes(text: str | None) -> tuple[str, ...] | None:
    if text is None:
        return None
    value = json.loads(text)
    return None if value is None else tuple(value)


def _month(started_at: datetime | str) -> str:
    if isinstance(started_at, str):  # some drivers hand back text
        started_at = datetime.fromisoformat(started_at)
    if started_at.tzinfo is not None:
        started_at = started_at.astimezone(timezone.utc)
    return f"{started_at.year:04d}-{started_at.month:02d}"


def load(engine: Engine, sites: Collection[str] | None = None, since: datetime | None = None,
         until: datetime | None = None) -> Counts:
    """Each distinct (site, month, answers) in the window, with how many records have it."""
    raw: Counter[tuple] = Counter()
    for row in coded_rows(engine, FIELDS, sites=sites, since=since, until=until):
        raw[(row.site, _month(row.started_at), row[2:])] += 1
    patterns: dict[tuple, Coded] = {}
    counts: Counts = Counter()
    for (site, month, answers), n in raw.items():
        coded = patterns.get(answers)
        if coded is None:
            (consent, fmt, modes, times, concerns, intent, outcome, reviewed, completed,
             dropped_at, language) = answers
            coded = patterns[answers] = Coded(
                consent, fmt, _codes(modes) or (), _codes(times) or (), _codes(concerns) or (),
                intent, outcome or "pending", _codes(reviewed), bool(completed), dropped_at,
                language)
        counts[(site, month, coded)] += n
    return counts
