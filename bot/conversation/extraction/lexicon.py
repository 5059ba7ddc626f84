"""Compiling the lexicon tables: whole-token patterns, longest match wins."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# ============================================================================================
# Compilation
# ============================================================================================


def bounded(pattern: str) -> re.Pattern[str]:
    """Compile a table pattern so that it matches whole tokens only (a trailing 's may follow:
    "phone's fine")."""
    return re.compile(rf"(?<![\w'])(?:{pattern})(?!\w|'(?!s\b))")


def any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    return bounded("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class Entry:
    regex: re.Pattern[str]
    codes: tuple[str, ...]  # empty: ignore entry
    asked_only: bool


@dataclass(frozen=True)
class Lexicon:
    entries: tuple[Entry, ...]


def compile_lexicon(
    terms: Mapping[str, str | tuple[str, ...]],
    asked_only: Mapping[str, str | tuple[str, ...]] | None = None,
    ignore: Iterable[str] = (),
) -> Lexicon:
    def codes(value: str | tuple[str, ...]) -> tuple[str, ...]:
        return (value,) if isinstance(value, str) else tuple(value)

    entries = [Entry(bounded(p), codes(c), False) for p, c in terms.items()]
    entries += [Entry(bounded(p), codes(c), True) for p, c in (asked_only or {}).items()]
    entries += [Entry(bounded(p), (), False) for p in ignore]
    return Lexicon(tuple(entries))

