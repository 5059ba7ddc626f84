"""Shared fixtures. ``stack`` starts the real servers (Rasa, action server, web app) once per
test session, on their own ports with a fresh SQLite database in a temporary folder, so a
running `make run` is not disturbed; its staff alerts go to a local webhook (``staff_webhook``)."""

from __future__ import annotations

import json
import os
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.records.database import make_engine
from bot.records.intake_record import IntakeRepository
from bot.runtime.stack import Stack
from tests.safety.receivers import WebhookReceiver

pytest_plugins = ("tests.databases",)


class Chat:
    """One mother's conversation over the REST webhook."""

    def __init__(self, stack: Stack, site: str | None = None) -> None:
        self.url = f"{stack.rasa_url}/webhooks/rest/webhook"
        self.sender = uuid.uuid4().hex
        self.site = site
        self.transcript: list[tuple[str, list[dict]]] = []

    def send(self, text: str) -> list[dict]:
        body: dict = {"sender": self.sender, "message": text}
        if self.site:
            body["metadata"] = {"site": self.site}
        request = urllib.request.Request(self.url, data=json.dumps(body).encode(),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=60) as response:
            replies = json.load(response)
        self.transcript.append((text, replies))
        return replies

    def say(self, text: str) -> str:
        """Send and return all reply texts joined, for assertions."""
        return "\n".join(r.get("text", "") for r in self.send(text))

    def buttons(self) -> list[dict]:
        return [b for r in self.transcript[-1][1] for b in r.get("buttons") or []]


@pytest.fixture(scope="session")
def staff_webhook() -> Iterator[WebhookReceiver]:
    """Where the session stack's action server sends staff alerts: a real local webhook, so a
    risk raised in a test is alerted (and its outbox row sent) as in production."""
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory,
          staff_webhook: WebhookReceiver) -> Iterator[Stack]:
    folder: Path = tmp_path_factory.mktemp("stack")
    # Two test runs on one machine at once need their own ports: INTAKE_TEST_PORT_OFFSET=1000.
    offset = int(os.environ.get("INTAKE_TEST_PORT_OFFSET") or 0)
    stack = Stack(rasa_port=15005 + offset, action_port=15055 + offset, web_port=18080 + offset,
                  web_host="127.0.0.1", db_url=f"sqlite:///{folder / 'intake.db'}",
                  redis_url=None, var_dir=folder,
                  # The suite runs under coverage on two cores, beside other stacks: a slow turn
                  # is not what these tests are about. The 10 s default has a test of its own.
                  web_settings={"WEB_RASA_TIMEOUT": "60"})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("ALERT_WEBHOOK_URL", staff_webhook.url)
        stack.start()
    yield stack
    stack.stop()


@pytest.fixture(scope="session")
def repo(stack: Stack) -> IntakeRepository:
    return IntakeRepository(make_engine(stack.db_url))


@pytest.fixture
def chat(stack: Stack) -> Chat:
    return Chat(stack)
