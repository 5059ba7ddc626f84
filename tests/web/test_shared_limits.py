"""Rate limits shared through the machine's real Redis (bot/web/limits.py): two web processes
count together, and a Redis that is away never refuses a mother."""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import AsyncIterator

import pytest
from redis import asyncio as redis
from redis.exceptions import RedisError

from bot.web.limits import SharedRateLimiter
from tests.environment import unavailable
from tests.web.conftest import free_port

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def clients() -> AsyncIterator[tuple[redis.Redis, redis.Redis]]:
    """Two clients, as two web processes would have."""
    first, second = redis.from_url(REDIS_URL), redis.from_url(REDIS_URL)
    try:
        await first.ping()
    except (RedisError, OSError) as exc:
        await first.close()
        await second.close()
        unavailable(f"Redis is not reachable at {REDIS_URL}: {exc}")
    yield first, second
    await first.close()
    await second.close()


async def test_two_web_processes_count_against_one_limit(clients: tuple) -> None:
    clock, name = Clock(), f"test-{uuid.uuid4().hex}"
    one, other = (SharedRateLimiter(client, name, 3, window=60, clock=clock)
                  for client in clients)
    assert await one.hit("203.0.113.9") is None
    assert await other.hit("203.0.113.9") is None
    assert await one.hit("203.0.113.9") is None
    assert await other.hit("203.0.113.9") == pytest.approx(60)  # the fourth, in either process
    assert await one.hit("198.51.100.7") is None  # another client is counted apart
    clock.now += 30
    assert await one.hit("203.0.113.9") == pytest.approx(30)
    clock.now += 30.5  # the first three have left the window
    assert await other.hit("203.0.113.9") is None


async def test_what_is_stored_is_a_hash_that_expires(clients: tuple) -> None:
    client = clients[0]
    limiter = SharedRateLimiter(client, f"test-{uuid.uuid4().hex}", 5, window=60)
    await limiter.hit("203.0.113.9")
    keys = [key.decode() for key in await client.keys(f"intake:rate:{limiter.name}:*")]
    assert keys == [limiter.redis_key("203.0.113.9")] and "203.0.113" not in keys[0]
    assert 0 < await client.ttl(keys[0]) <= 60


async def test_without_redis_the_limit_is_counted_here(caplog: pytest.LogCaptureFixture) -> None:
    away = redis.from_url(f"redis://127.0.0.1:{free_port()}/0", socket_connect_timeout=1)
    limiter = SharedRateLimiter(away, "test", 2, window=60)
    with caplog.at_level(logging.WARNING):
        assert await limiter.hit("203.0.113.9") is None
        assert await limiter.hit("203.0.113.9") is None
        assert await limiter.hit("203.0.113.9") == pytest.approx(60, abs=1)
    await away.close()
    assert "Redis unavailable" in caplog.text and "203.0.113" not in caplog.text
