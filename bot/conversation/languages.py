"""Her language over the conversation (issue 19): each message's language comes from the NLU
(bot.language, noted by the SafetyNet component); this says what the conversation's is."""

from __future__ import annotations

from collections.abc import Iterable

from bot.language import ENGLISH


def conversation_language(seen: Iterable[str | None]) -> str:
    """The language she writes in: the last other language any of her messages was in, else
    English. Once she has written in Polish the conversation stays Polish for the record and
    the staff, even when she carries on in English: it is the language she may want to be
    called back in."""
    language = ENGLISH
    for code in seen:
        if code and code != ENGLISH:
            language = code
    return language
