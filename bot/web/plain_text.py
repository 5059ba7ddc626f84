"""A mother's text is only text: nothing she types reaches Rasa as a command.

Rasa reads a message that starts with ``/`` as an intent given directly, skipping the NLU:
``/affirm`` answers yes, ``/risk_suicide`` raises a risk event, ``/inform{"format": "group"}``
fills a slot, ``/deny@0.9`` sets a confidence, ``/restart`` and ``/session_start`` reset the
conversation. The gateway therefore takes a leading slash off what she typed, with what could
hide it in front (spaces, invisible characters) and the characters that look like a slash.
Rasa strips spaces itself before it looks for the slash; the invisible characters and
look-alikes are taken off too so that no normalisation further on (NFKC turns U+FF0F into
``/``) can bring a command back.

Buttons are the one way to send a command, and only the ones the assistant offered
(bot/web/gateway.py checks that against Rasa's tracker store, not against the browser).
"""

from __future__ import annotations

import unicodedata

#: Characters drawn as a slash: solidus, division slash, fraction slash, fullwidth solidus,
#: big solidus, box-drawing diagonal, mathematical rising diagonal, combining long solidus.
SLASHES = frozenset("/\u2215\u2044\uff0f\u29f8\u2571\u27cb\u0338\u2cc6\u3033")


def _is_hiding(char: str) -> bool:
    """White space, or a character that shows nothing (zero-width space, joiners, BOM...)."""
    return char.isspace() or unicodedata.category(char) in ("Cf", "Cc", "Mn", "Zs")


def _is_slash(char: str) -> bool:
    return char in SLASHES or unicodedata.normalize("NFKC", char) == "/"


def neutralise(text: str) -> str:
    """Her words, stripped, without any slash (or look-alike) they start with.

    ``"  /risk_suicide"`` becomes ``"risk_suicide"``; ``"\\u200b\\uff0frestart"`` becomes
    ``"restart"``; ``"a/b"`` and ``"yes / no"`` are left alone. Empty when nothing but slashes
    and spaces was sent."""
    start = 0
    while start < len(text) and (_is_hiding(text[start]) or _is_slash(text[start])):
        start += 1
    return text[start:].strip()
