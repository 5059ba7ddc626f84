"""A programme's brand colour, made safe to read: WCAG 2.2 contrast decides the text on it.

A programme sets one accent colour (``data-colour`` on the script tag). Text on the accent is
white or near-black, whichever contrasts more (one of them always reaches 4.5:1), and outlines
on white use the accent only where it reaches 3:1 (non-text contrast), else near-black.
"""

from __future__ import annotations

import re

DEFAULT_ACCENT = "#5b2a86"
WHITE = "#ffffff"
INK = "#0b0c0c"
_HEX = re.compile(r"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")


def parse(value: str | None) -> str | None:
    """``#rrggbb`` (lower case) for "#abc", "abc", "#aabbcc" or "aabbcc"; else ``None``."""
    match = _HEX.match((value or "").strip())
    if not match:
        return None
    digits = match.group(1).lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return f"#{digits}"


def luminance(colour: str) -> float:
    """Relative luminance as WCAG defines it."""
    def channel(hex_pair: str) -> float:
        c = int(hex_pair, 16) / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(colour[i:i + 2]) for i in (1, 3, 5))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def theme(accent: str | None) -> dict[str, str]:
    """CSS custom properties for an accent colour (the default one when invalid or missing)."""
    accent = parse(accent) or DEFAULT_ACCENT
    on_accent = WHITE if contrast(accent, WHITE) >= contrast(accent, INK) else INK
    line = accent if contrast(accent, WHITE) >= 3 else INK
    return {"--accent": accent, "--on-accent": on_accent, "--accent-line": line}


def theme_css(accent: str | None) -> str:
    declarations = " ".join(f"{k}: {v};" for k, v in theme(accent).items())
    return f":root, :host {{ {declarations} }}\n"
