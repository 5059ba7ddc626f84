"""Her language over the conversation (issue 19): each message's language comes from the NLU
(bot.language, noted by the SafetyNet component); this says what the conversation's is, and
which language to answer her in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from bot.language import ENGLISH, has_english_words

#: The intent of "Carry on in English" (language_next's button), and of any "let's carry on".
CONTINUE = "continue"


@dataclass(frozen=True)
class Said:
    """One of her messages as the NLU read it (``language`` None where it noted none)."""

    text: str
    intent: str | None
    language: str | None


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


def chooses_english(message: Said) -> bool:
    """Whether a message is her choice to go on in English: "Carry on in English" pressed (or
    "let's carry on" typed), or words of English written. Her phone number, her email address
    or another button ("/affirm") says nothing of the language she reads."""
    if message.language not in (None, ENGLISH):
        return False
    return message.intent == CONTINUE or has_english_words(message.text)


def reply_language(said: Iterable[Said]) -> str | None:
    """The language to answer her in besides English (None: English): the last other language
    she wrote in, until she chooses English after it (``chooses_english``). Unlike
    ``conversation_language`` (what the record keeps), her choice counts here: she is asked in
    English once she has carried on in it, and in her language again if she goes back to it."""
    language = None
    for message in said:
        if message.language and message.language != ENGLISH:
            language = message.language
        elif chooses_english(message):
            language = None
    return language
