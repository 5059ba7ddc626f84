"""The production profile, shared by the integration modules that need it (faults, concurrency,
production profile): the whole stack with two Rasa processes on the machine's real PostgreSQL
(tracker store and records) and real Redis (lock store and rate limits), started once per test
session, not once per module.

Every database connection goes through a switch the fault tests can cut, and staff alerts go
to a real local webhook."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import sqlalchemy as sa

from bot.runtime.stack import Stack
from tests.environment import unavailable
from tests.safety.receivers import WebhookReceiver
from tests.tcp_switch import TcpSwitch
from tests.web.conftest import free_port


@pytest.fixture(scope="session")
def switch() -> Iterator[TcpSwitch]:
    with TcpSwitch(("127.0.0.1", 5432)) as switch:
        yield switch


@pytest.fixture(scope="session")
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


REDIS_SERVER = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379")


@pytest.fixture(scope="session")
def redis_url() -> str:
    """A Redis database for this test session (one of 1-15, so another run's counters on this
    machine are unlikely to be shared); skipped with the reason where Redis is not running."""
    url = f"{REDIS_SERVER.rstrip('/')}/{random.randint(1, 15)}"
    client = redis.Redis.from_url(url, socket_connect_timeout=2)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        unavailable(f"Redis is not reachable at {url}: {exc}")
    finally:
        client.close()
    return url


@pytest.fixture(scope="session")
def pg_stack(pg_server: sa.engine.URL, switch: TcpSwitch, webhook: WebhookReceiver,
             redis_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """Two Rasa processes on PostgreSQL and Redis, every database connection through the
    switch, alerts to the webhook."""
    folder: Path = tmp_path_factory.mktemp("pg_stack")
    url = pg_server.set(host="127.0.0.1", port=switch.port)
    stack = Stack(rasa_port=free_port(), action_port=free_port(), web_port=free_port(),
                  web_host="127.0.0.1", db_url=url.render_as_string(hide_password=False),
                  redis_url=redis_url, var_dir=folder, rasa_processes=2,
                  # every test message comes from 127.0.0.1: that limit is tested elsewhere
                  web_settings={"WEB_ADDRESS_RATE": "100000"})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ALERT_WEBHOOK_URL", webhook.url)
        patch.setenv("ALERT_WEBHOOK_SECRET", "faults")
        stack.start()
    yield stack
    stack.stop()
