"""Everything the assistant says, loaded from bot/conversation/content/messages.yml and filled in.

Messages are sent by custom actions rather than kept as Rasa responses because nearly every one
depends on her site (what it offers, its contacts) or on her answers.

A mother who writes in another language is answered from that language's short catalogue,
content/messages.<code>.yml (issue 19): the same names in every file, never generated at run
time. A message that catalogue lacks is said in English.
"""

from __future__ import annotations

import functools
import string
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).with_name("content")
MESSAGES_FILE = CONTENT_DIR / "messages.yml"


class _Blank(dict):
    """A missing placeholder becomes empty rather than showing "{braces}" to a mother."""

    def __missing__(self, key: str) -> str:
        return ""


@functools.lru_cache(maxsize=1)
def catalogue() -> dict[str, dict[str, Any]]:
    with MESSAGES_FILE.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def language_file(language: str) -> Path:
    return CONTENT_DIR / f"messages.{language}.yml"


@functools.cache
def language_catalogue(language: str) -> dict[str, dict[str, Any]]:
    """The messages in another language (ISO 639-1 code), e.g. ``messages.pl.yml``."""
    with language_file(language).open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@functools.cache
def catalogue_languages() -> frozenset[str]:
    """The languages with a catalogue of their own (``messages.<code>.yml``), found once."""
    return frozenset(path.name.split(".")[1] for path in CONTENT_DIR.glob("messages.*.yml"))


def has_language(language: str | None) -> bool:
    """Whether there are messages in ``language`` (never for English: messages.yml is it). Asked
    on every turn, so the folder is read once (``catalogue_languages``)."""
    return language in catalogue_languages()


def entry_in(name: str, language: str | None = None) -> dict[str, Any]:
    """The message ``name`` as the catalogue holds it: in ``language``'s when that has it, else
    in English (a language's catalogue holds only what has been drafted in it)."""
    own = language_catalogue(language) if language else {}
    return own.get(name) or catalogue()[name]


def render(name: str, values: Mapping[str, Any] | None = None,
           buttons: Sequence[Mapping[str, str]] | None = None,
           language: str | None = None) -> dict[str, Any]:
    """The message ``name`` with its placeholders filled: ``{"text": ..., "buttons": [...]}``.

    ``buttons``, when given, replace the message's own. ``language`` picks another language's
    catalogue, falling back to English for a message it lacks (``entry_in``).
    """
    entry = entry_in(name, language)
    text = string.Formatter().vformat(entry["text"], (), _Blank(values or {}))
    message: dict[str, Any] = {"text": text}
    chosen = buttons if buttons is not None else entry.get("buttons")
    if chosen:
        message["buttons"] = [dict(b) for b in chosen]
    return message
