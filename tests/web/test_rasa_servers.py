"""The gateway over several Rasa servers (bot/web/rasa.py): each conversation has a home
server, and a message her home server cannot take goes to the next one. Real HTTP servers on
loopback stand in for Rasa; no model is needed."""

from __future__ import annotations

import uuid

import pytest

from bot.web.config import WebConfig, WebConfigError
from bot.web.rasa import RasaClient, RasaUnavailable
from tests.web.conftest import FakeRasa, closed_port_url

REPLY = [{"text": "Thank you.", "buttons": []}]


def test_a_conversation_always_has_the_same_home_server() -> None:
    client = RasaClient(["http://a:1", "http://b:2", "http://c:3"], timeout=5)
    homes = {sender: client.route(sender)[0] for sender in (uuid.uuid4().hex for _ in range(300))}
    assert all(client.route(sender)[0] == home for sender, home in homes.items())
    # spread over every server, and each route tries every server once
    assert set(homes.values()) == set(client.urls)
    assert all(sorted(client.route(sender)) == sorted(client.urls) for sender in homes)


def test_one_server_is_every_conversations_home() -> None:
    client = RasaClient(["http://127.0.0.1:5005/"], timeout=5)
    assert client.route("anyone") == ["http://127.0.0.1:5005/webhooks/rest/webhook"]
    with pytest.raises(ValueError):
        RasaClient([], timeout=5)


async def test_a_message_her_home_server_cannot_take_goes_to_the_next() -> None:
    with FakeRasa(REPLY) as up:
        client = RasaClient([closed_port_url(), up.url], timeout=5)
        await client.start()
        try:
            for _ in range(10):  # whichever is her home server, the one that is up answers
                assert await client.send(uuid.uuid4().hex, "hello", "northbrook") == REPLY
        finally:
            await client.close()


async def test_when_no_server_is_up_she_gets_the_kind_message() -> None:
    client = RasaClient([closed_port_url(), closed_port_url()], timeout=5)
    await client.start()
    try:
        with pytest.raises(RasaUnavailable, match="cannot connect"):
            await client.send("someone", "hello", "northbrook")
    finally:
        await client.close()


def test_the_servers_are_listed_in_one_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WEB_SECRET_KEY", WebConfig().secret_key)
    monkeypatch.setenv("WEB_RASA_URL", "http://127.0.0.1:5005/, http://127.0.0.1:5006")
    assert WebConfig.from_env().rasa_urls == ("http://127.0.0.1:5005", "http://127.0.0.1:5006")
    monkeypatch.delenv("WEB_RASA_URL")
    assert WebConfig.from_env().rasa_urls == ("http://127.0.0.1:5005",)
    monkeypatch.setenv("WEB_RASA_URL", "http://127.0.0.1:5005 127.0.0.1:5006")
    with pytest.raises(WebConfigError, match="WEB_RASA_URL: '127.0.0.1:5006'"):
        WebConfig.from_env()
