"""The web app's pure parts, without servers: limits, colours, wording, session key, history."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.web import colours, texts
from bot.web.config import WebConfigError, load_secret_key
from bot.web.history import events_table, load_history
from bot.web.limits import RateLimiter


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_limiter_window_slides() -> None:
    clock = Clock()
    limiter = RateLimiter(2, window=60, clock=clock)
    assert limiter.hit_now("a") is None and limiter.hit_now("a") is None
    assert limiter.hit_now("a") == pytest.approx(60)
    assert limiter.hit_now("b") is None  # keys are counted apart
    clock.now += 30
    assert limiter.hit_now("a") == pytest.approx(30)
    clock.now += 30.5
    assert limiter.hit_now("a") is None


def test_rate_limiter_forgets_idle_clients() -> None:
    clock = Clock()
    limiter = RateLimiter(5, window=60, clock=clock)
    for i in range(999):
        limiter.hit_now(f"client-{i}")
    clock.now += 61
    limiter.hit_now("late")  # the 1000th call sweeps
    assert len(limiter._hits) == 1


@pytest.mark.parametrize("accent, on_accent, line", [
    ("#5b2a86", colours.WHITE, "#5b2a86"),   # deep purple: white text, purple outlines
    ("FFEB3B", colours.INK, colours.INK),    # pale yellow: dark text, dark outlines
    ("#0a0", colours.INK, "#00aa00"),         # mid green: dark text reads better on it
])
def test_theme_keeps_text_and_outlines_legible(accent: str, on_accent: str, line: str) -> None:
    theme = colours.theme(accent)
    assert theme["--on-accent"] == on_accent and theme["--accent-line"] == line
    assert colours.contrast(theme["--accent"], theme["--on-accent"]) >= 4.5
    assert colours.contrast(theme["--accent-line"], colours.WHITE) >= 3


def test_contrast_matches_wcag_reference_values() -> None:
    assert colours.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert colours.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("value", [None, "", "red", "#12345", "#1234567", "fff;}", "#ggg"])
def test_invalid_colours_fall_back(value: str | None) -> None:
    assert colours.parse(value) is None
    assert colours.theme(value)["--accent"] == colours.DEFAULT_ACCENT


def test_wait_phrase_is_kind_not_precise() -> None:
    assert texts.wait_phrase(2.2) == "a few seconds"
    assert texts.wait_phrase(17.1) == "about 20 seconds"
    assert texts.wait_phrase(59) == "about a minute"


def test_secret_key_is_made_once_private_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "var" / "web-secret.key"
    key = load_secret_key(None, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert load_secret_key(None, path) == key  # a restart keeps mothers' sessions
    assert load_secret_key(key, tmp_path / "unused") == key
    with pytest.raises(WebConfigError, match="WEB_SECRET_KEY"):
        load_secret_key("too-short", path)


def test_history_maps_payloads_to_titles_and_hides_the_opening(tmp_path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'events.db'}", future=True)
    events_table.create(engine)
    buttons = [{"title": "Yes, that's fine", "payload": "/affirm"}]
    rows = [
        ("her", "user", {"text": "/greet"}),
        ("her", "bot", {"text": "Hello", "data": {"buttons": buttons}}),
        ("other", "user", {"text": "someone else's words"}),
        ("her", "user", {"text": "/affirm"}),
        ("her", "bot", {"text": "Thank you", "data": {"buttons": None}}),
        ("her", "user", {"text": "/affirm"}),  # typed, no button offered: shown as typed
        ("her", "action", {"name": "action_listen"}),
    ]
    with engine.begin() as connection:
        for sender, type_name, data in rows:
            connection.execute(events_table.insert().values(
                sender_id=sender, type_name=type_name, data=json.dumps(data)))
    assert load_history(engine, "her") == [
        {"from": "bot", "text": "Hello", "buttons": buttons},
        {"from": "me", "text": "Yes, that's fine", "buttons": []},
        {"from": "bot", "text": "Thank you", "buttons": []},
        {"from": "me", "text": "/affirm", "buttons": []},
    ]
    assert load_history(engine, "nobody") == []
