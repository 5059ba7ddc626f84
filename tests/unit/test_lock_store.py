"""bot/runtime/lock_store.py against the machine's real Redis: tickets for one conversation
taken at the same moment by several stores (as by several Rasa processes) are all different,
and the lock goes when its last ticket is served."""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Iterator

import pytest
import redis
from rasa.utils.endpoints import EndpointConfig

from bot.runtime.lock_store import AtomicRedisLockStore
from tests.environment import unavailable

REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")


def store() -> AtomicRedisLockStore:
    url = redis.connection.parse_url(f"{REDIS.rstrip('/')}/0")
    return AtomicRedisLockStore(EndpointConfig(
        url=url.get("host", "127.0.0.1"), port=url.get("port", 6379), db=0, key_prefix="test"))


@pytest.fixture
def stores() -> Iterator[list[AtomicRedisLockStore]]:
    made = [store() for _ in range(4)]
    try:
        made[0].red.ping()
    except (redis.RedisError, OSError) as exc:
        unavailable(f"Redis is not reachable at {REDIS}: {exc}")
    yield made
    for each in made:
        each.red.close()


def test_tickets_taken_at_once_by_several_processes_are_all_different(
        stores: list[AtomicRedisLockStore]) -> None:
    conversation = uuid.uuid4().hex
    tickets: list[int] = []
    start = threading.Barrier(len(stores))

    def take(each: AtomicRedisLockStore) -> None:
        start.wait()
        for _ in range(25):
            tickets.append(each.issue_ticket(conversation))

    threads = [threading.Thread(target=take, args=(each,)) for each in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(tickets) == list(range(100))
    lock = stores[0].get_lock(conversation)
    assert lock is not None and len(lock.tickets) == 100 and lock.now_serving == 0


def test_the_lock_is_served_in_turn_and_removed_with_its_last_ticket(
        stores: list[AtomicRedisLockStore]) -> None:
    conversation = uuid.uuid4().hex
    first, second = stores[0].issue_ticket(conversation), stores[1].issue_ticket(conversation)
    lock = stores[2].get_lock(conversation)
    assert not lock.is_locked(first) and lock.is_locked(second)
    stores[0].cleanup(conversation, first)
    lock = stores[2].get_lock(conversation)
    assert lock is not None and not lock.is_locked(second)  # kept: the second is waiting
    stores[3].update_lock(conversation)
    stores[1].cleanup(conversation, second)
    assert stores[2].get_lock(conversation) is None
    stores[1].finish_serving(conversation, second)  # nothing to do, and no error
    stores[1].update_lock(conversation)
    assert stores[2].get_lock(conversation) is None
