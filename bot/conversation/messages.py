"""Everything the assistant says, loaded from bot/conversation/content/messages.yml and filled in.

Messages are sent by custom actions rather than kept as Rasa responses because nearly every one
depends on her site (what it offers, its contacts) or on her answers.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

MESSAGES_FILE = Path(__file__).with_name("content") / "messages.yml"


class _Blank(dict):
    """A missing placeholder becomes empty rather than showing "{braces}" to a mother."""

    def __missing__(self, key: str) -> str:
        return ""


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Any]]:
    with MESSAGES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def render(name: str, values: Mapping[str, Any] | None = None,
           buttons: Sequence[Mapping[str, str]] | None = None) -> dict[str, Any]:
    """The message ``name`` with its placeholders filled: ``{"text": ..., "buttons": [...]}``.

    ``buttons``, when given, replace the message's own.
    """
    entry = catalogue()[name]
    text = string.Formatter().vformat(entry["text"], (), _Blank(values or {}))
    message: dict[str, Any] = {"text": text}
    chosen = buttons if buttons is not None else entry.get("buttons")
    if chosen:
        message["buttons"] = [dict(b) for b in chosen]
    return message
