"""Sliding-window rate limits, kept in this process's memory.

Each web process counts on its own: with several processes behind a load balancer the limits
are per process (so looser overall). That is acceptable for what they are for, keeping one
runaway client from flooding Rasa, and keeps the gateway free of another shared service.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

#: Forget idle keys after this many calls, so memory stays bounded by active clients.
_SWEEP_EVERY = 1000


class RateLimiter:
    """At most ``limit`` hits per ``window`` seconds for each key."""

    def __init__(self, limit: int, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._calls = 0

    def hit(self, key: str) -> float | None:
        """Count a hit for ``key``; ``None`` if allowed, else seconds until one would be."""
        now = self._clock()
        self._calls += 1
        if self._calls % _SWEEP_EVERY == 0:
            self._sweep(now)
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - self.window:
            hits.popleft()
        if len(hits) >= self.limit:
            return max(1.0, hits[0] + self.window - now)
        hits.append(now)
        return None

    def _sweep(self, now: float) -> None:
        stale = [k for k, hits in self._hits.items() if not hits or hits[-1] <= now - self.window]
        for key in stale:
            del self._hits[key]
