"""Which language she writes in (bot/language/detect.py): a small domain package below the
conversation and the safety net, which both use it.

The public API is importable from here.
"""

from bot.language.detect import (
    ENGLISH,
    SUPPORTED,
    Detection,
    detect,
    has_english_words,
    language_of,
)

__all__ = ["ENGLISH", "SUPPORTED", "Detection", "detect", "has_english_words", "language_of"]
