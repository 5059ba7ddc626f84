"""Sliding-window rate limits: in this process's memory, or shared through Redis.

Without ``REDIS_URL`` each web process counts on its own: with several processes behind a load
balancer the limits are per process (so looser overall). That is acceptable for what they are
for, keeping one runaway client from flooding Rasa. With ``REDIS_URL`` set every web process
counts in the same Redis (:class:`SharedRateLimiter`), so a limit means what it says however
many processes there are. If Redis cannot be reached a message is counted in this process
instead (logged, without the key): a mother is never refused because a counter is away.
"""

from __future__ import annotations

import hashlib
import logging
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import Protocol

from redis import asyncio as redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

#: Forget idle keys after this many calls, so memory stays bounded by active clients.
_SWEEP_EVERY = 1000


class Limiter(Protocol):
    async def hit(self, key: str) -> float | None:
        """Count a hit for ``key``; ``None`` if allowed, else seconds until one would be."""


class RateLimiter:
    """At most ``limit`` hits per ``window`` seconds for each key, counted in this process."""

    def __init__(self, limit: int, window: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._calls = 0

    async def hit(self, key: str) -> float | None:
        """Count a hit for ``key``; ``None`` if allowed, else seconds until one would be."""
        return self.hit_now(key)

    def hit_now(self, key: str) -> float | None:
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


#: One round trip, atomic: drop hits older than the window, refuse (with the wait) at the
#: limit, else count this one. A sorted set per key, scored by time, expiring with the window.
_HIT = """
local now, window, limit = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) >= limit then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tostring(tonumber(oldest[2]) + window - now)
end
redis.call('ZADD', KEYS[1], now, ARGV[4])
redis.call('EXPIRE', KEYS[1], math.ceil(window))
return false
"""


class SharedRateLimiter:
    """:class:`RateLimiter`'s limits, counted in Redis so that every web process shares them.

    Keys are stored hashed (a client address is personal data), under ``intake:rate:<name>:``.
    """

    def __init__(self, client: redis.Redis, name: str, limit: int, window: float = 60.0,
                 clock: Callable[[], float] = time.time) -> None:
        self.name = name
        self.limit = limit
        self.window = window
        self._clock = clock
        self._script = client.register_script(_HIT)
        self._fallback = RateLimiter(limit, window)

    def redis_key(self, key: str) -> str:
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        return f"intake:rate:{self.name}:{digest}"

    async def hit(self, key: str) -> float | None:
        """Count a hit for ``key``; ``None`` if allowed, else seconds until one would be."""
        try:
            wait = await self._script(keys=[self.redis_key(key)], args=[
                self._clock(), self.window, self.limit, uuid.uuid4().hex])
        except (RedisError, OSError) as exc:
            logger.warning("rate limit counted in this process: Redis unavailable (%s)",
                           type(exc).__name__)
            return self._fallback.hit_now(key)
        return None if wait is None else max(1.0, float(wait))


def limiter(shared: redis.Redis | None, name: str, limit: int) -> Limiter:
    """Counted in ``shared`` Redis when there is one (every web process then shares the
    limit), else in this process."""
    return RateLimiter(limit) if shared is None else SharedRateLimiter(shared, name, limit)
