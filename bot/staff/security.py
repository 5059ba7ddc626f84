"""Session lifetimes, CSRF tokens and the sign-in throttle: pure logic with an injectable clock.

A staff session lives inside the app's encrypted, signed session cookie (aiohttp-session's
``EncryptedCookieStorage``) under the key ``staff``: the user id, a random session id, and when
it was signed in and last used. It ends after 15 idle minutes or 8 hours, whichever is first.
"""

from __future__ import annotations

import secrets
import time
from collections import deque
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, field
from typing import Any

IDLE_TIMEOUT = 15 * 60
ABSOLUTE_TIMEOUT = 8 * 3600
SESSION_KEY = "staff"
CSRF_KEY = "staff_csrf"
CSRF_FIELD = "csrf_token"

Clock = Callable[[], float]


def new_staff_session(user_id: int, now: float) -> dict[str, Any]:
    """What is kept in the cookie for a newly signed-in user (a fresh random id each time)."""
    return {"uid": user_id, "sid": secrets.token_urlsafe(16), "at": now, "seen": now}


def session_alive(data: Any, now: float) -> bool:
    """Whether a staff session is still valid at ``now`` (idle and absolute limits)."""
    if not isinstance(data, dict):
        return False
    try:
        started, seen = float(data["at"]), float(data["seen"])
        int(data["uid"])
    except (KeyError, TypeError, ValueError):
        return False
    return now - seen <= IDLE_TIMEOUT and now - started <= ABSOLUTE_TIMEOUT and seen <= now + 60


def csrf_token(session: MutableMapping[str, Any]) -> str:
    """The session's CSRF token, made on first use."""
    token = session.get(CSRF_KEY)
    if not isinstance(token, str) or len(token) < 32:
        token = secrets.token_urlsafe(32)
        session[CSRF_KEY] = token
    return token


def csrf_valid(session: MutableMapping[str, Any], submitted: Any) -> bool:
    expected = session.get(CSRF_KEY)
    return (isinstance(expected, str) and isinstance(submitted, str)
            and secrets.compare_digest(expected.encode(), submitted.encode()))


@dataclass
class Throttle:
    """At most ``limit`` failed sign-ins per key (an email, an address) in ``window`` seconds.

    Kept in the web process's memory: with several web processes the limit is per process."""

    limit: int
    window: float
    clock: Clock = time.time
    _failures: dict[str, deque[float]] = field(default_factory=dict)

    def blocked(self, key: str) -> bool:
        return len(self._recent(key)) >= self.limit

    def failed(self, key: str) -> None:
        self._recent(key).append(self.clock())

    def succeeded(self, key: str) -> None:
        self._failures.pop(key, None)

    def _recent(self, key: str) -> deque[float]:
        times = self._failures.setdefault(key, deque())
        while times and times[0] <= self.clock() - self.window:
            times.popleft()
        if not times and len(self._failures) > 10_000:  # forget idle keys; bounded memory
            self._failures.pop(key, None)
            times = self._failures.setdefault(key, deque())
        return times
