"""The whole stack on the machine's real PostgreSQL, shared by the integration modules that need
PostgreSQL (faults, concurrency): started once per test session, not once per module.

Every connection (tracker store, records) goes through a switch the fault tests can cut, and
staff alerts go to a real local webhook."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from bot.runtime.stack import Stack
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


@pytest.fixture(scope="session")
def pg_stack(pg_server: sa.engine.URL, switch: TcpSwitch, webhook: WebhookReceiver,
             tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """The stack on PostgreSQL, every connection through the switch, alerts to the webhook."""
    folder: Path = tmp_path_factory.mktemp("pg_stack")
    url = pg_server.set(host="127.0.0.1", port=switch.port)
    stack = Stack(rasa_port=free_port(), action_port=free_port(), web_port=free_port(),
                  web_host="127.0.0.1", db_url=url.render_as_string(hide_password=False),
                  redis_url=None, var_dir=folder)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ALERT_WEBHOOK_URL", webhook.url)
        patch.setenv("ALERT_WEBHOOK_SECRET", "faults")
        stack.start()
    yield stack
    stack.stop()
