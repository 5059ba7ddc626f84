"""The chat gateway over real HTTP: the web app of the session stack in front of the real Rasa,
and extra instances of it where a test needs other settings."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator

import pytest
from yarl import URL

from bot.runtime.stack import Stack
from tests.web.chat_client import (
    COOKIE,
    browser_like,
    cookie_value,
    history,
    press,
    say,
    start,
)
from tests.web.conftest import (
    FakeRasa,
    closed_port_url,
    conversation_id,
    silent_rasa,
    web_app,
)

pytestmark = pytest.mark.integration


# --------------------------------------------------------------------------- cookie


async def test_opening_the_page_sets_no_cookie(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        async with client.get("/api/chat", params={"site": "eastvale"}) as response:
            data = await response.json()
            assert "Set-Cookie" not in response.headers
            assert response.headers["Cache-Control"] == "no-store"
        assert data["messages"] == []
        assert data["site"]["id"] == "eastvale"
        assert data["site"]["phone"] == "07700 900456"
        assert data["max_chars"] == 2000


async def test_first_message_sets_an_opaque_protected_cookie(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        async with client.post("/api/chat", json={"payload": "/greet"}) as response:
            assert response.status == 200
            replies = (await response.json())["messages"]
            set_cookie = response.headers["Set-Cookie"]
        assert "automated" in replies[0]["text"]
        assert set(replies[0]) == {"text", "buttons"}  # nothing else of Rasa's gets through
        attributes = {a.strip().split("=")[0].lower() for a in set_cookie.split(";")}
        assert {"httponly", "samesite", "path", "max-age"} <= attributes
        assert "SameSite=Strict" in set_cookie
        cid = conversation_id(stack, cookie_value(client))
        assert len(cid) == 32
        assert cid not in set_cookie  # encrypted: the page cannot read its own conversation id


async def test_history_comes_back_with_button_titles(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        first = await start(client, "eastvale")
        second = await press(client, first, "/affirm", "eastvale")
        third = await say(client, "hello <b>there</b>", "eastvale")
        messages = await history(client, "eastvale")
    bot_texts = [m["text"] for m in first["messages"] + second["messages"] + third["messages"]]
    assert [m["text"] for m in messages if m["from"] == "bot"] == bot_texts
    mine = [m["text"] for m in messages if m["from"] == "me"]
    # the opening /greet is not hers to see; the button shows its title, text stays as typed
    assert mine == ["Yes, that's fine", "hello <b>there</b>"]
    consent_question = next(m for m in messages if m["buttons"])
    assert consent_question["buttons"][0] == {"title": "Yes, that's fine", "payload": "/affirm"}


async def test_a_conversation_belongs_to_one_site(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        await start(client, "northbrook")
        assert await history(client, "northbrook")
        assert await history(client, "eastvale") == []  # another programme's page: not shown


# --------------------------------------------------------------------------- isolation


async def test_one_conversation_cannot_read_or_write_another(stack: Stack) -> None:
    marker = f"only for A {uuid.uuid4().hex}"
    async with browser_like(stack.web_url) as a, browser_like(stack.web_url) as b:
        await start(a)
        await say(a, marker)
        a_id = conversation_id(stack, cookie_value(a))
        # B names A's conversation every way it could; the gateway ignores all of them
        async with b.post("/api/chat", json={"message": "intruder", "sender": a_id,
                                             "conversation_id": a_id, "cid": a_id}) as response:
            assert response.status == 200
        async with b.get("/api/chat", params={"sender": a_id, "cid": a_id}) as response:
            b_history = (await response.json())["messages"]
        assert conversation_id(stack, cookie_value(b)) != a_id
        assert all(marker not in m["text"] for m in b_history)
        a_history = await history(a)
        assert any(m["text"] == marker for m in a_history)
        assert all(m["text"] != "intruder" for m in a_history)


async def test_forged_or_foreign_cookies_get_a_new_conversation(stack: Stack) -> None:
    async with browser_like(stack.web_url) as a:
        await start(a)
        a_id = conversation_id(stack, cookie_value(a))
        stolen_by_another_app = cookie_value(a)
    # a cookie the page made up, even holding a real conversation id, is not accepted
    for forged in (f'{{"session": {{"cid": "{a_id}", "site": "northbrook"}}}}',
                   "gAAAAABnot-a-real-token", stolen_by_another_app[:-4] + "AAAA"):
        async with browser_like(stack.web_url) as mallory:
            mallory.cookie_jar.update_cookies({COOKIE: forged}, URL(stack.web_url))
            assert await history(mallory) == []
            await start(mallory)
            assert conversation_id(stack, cookie_value(mallory)) != a_id
    # a cookie made with another instance's key is not accepted either
    with web_app(stack) as other:
        async with browser_like(other) as client:
            client.cookie_jar.update_cookies({COOKIE: stolen_by_another_app}, URL(other))
            assert await history(client) == []


async def test_quick_exit_forgets_the_conversation(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        await start(client)
        async with client.post("/api/chat/exit", json={}) as response:
            assert response.status == 204
            assert "Max-Age=0" in response.headers["Set-Cookie"]
        assert not [c for c in client.cookie_jar if c.key == COOKIE]
        assert await history(client) == []


# --------------------------------------------------------------------------- limits and bad input


async def test_message_length_limit(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        refused = await say(client, "a" * 2001, expect=413)
        assert refused["error"] == "too_long" and "2,000" in refused["message"]
        assert refused["retry"] is False
        assert (await say(client, "I " + "really " * 284 + "think so"))["messages"]  # 2,000


async def test_empty_malformed_and_oversize_requests(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        assert (await say(client, "   ", expect=400))["error"] == "empty"
        cases = [
            ("{not json", "application/json", 400),
            ("[1, 2]", "application/json", 400),
            ('{"message": 42}', "application/json", 400),
            ('{"message": "hi"}', "text/plain", 415),
            ('{"message": "' + "x" * 100_000 + '"}', "application/json", 413),
        ]
        for body, content_type, status in cases:
            async with client.post("/api/chat", data=body.encode(),
                                   headers={"Content-Type": content_type}) as response:
                data = await response.json()
                assert response.status == status, (body[:20], data)
                assert data["message"] and data["error"]

        async def chunks() -> AsyncIterator[bytes]:  # no Content-Length: read until too big
            yield b'{"message": "'
            for _ in range(64):
                yield b"y" * 1024
            yield b'"}'

        async with client.post("/api/chat", data=chunks(),
                               headers={"Content-Type": "application/json"}) as response:
            assert response.status == 413
            assert (await response.json())["error"] == "oversize"
        async with client.get("/api/nothing-here") as response:
            assert response.status == 404
            assert (await response.json())["error"] == "bad_request"
        # a page on another site cannot post into her conversation
        async with client.post("/api/chat", json={"message": "hi"},
                               headers={"Origin": "https://evil.example"}) as response:
            assert response.status == 403
        assert not [c for c in client.cookie_jar if c.key == COOKIE]  # none of it started one


async def test_rate_limits_per_conversation_and_per_address(stack: Stack) -> None:
    with web_app(stack, conversation_rate="3", address_rate="5") as url:
        async with browser_like(url) as first, browser_like(url) as second:
            await start(first)
            for _ in range(2):
                await say(first, "hello")
            async with first.post("/api/chat", json={"message": "hello"}) as response:
                refused = await response.json()
                assert response.status == 429
                assert 1 <= int(response.headers["Retry-After"]) <= 60
            assert refused["error"] == "conversation_rate" and refused["retry"] is True
            assert "faster than I can keep up" in refused["message"]
            # every request from the address counts, refused ones too: 4 so far, 1 left
            await start(second)
            refused = await start(second, expect=429)
            assert refused["error"] == "address_rate"
            assert "your network" in refused["message"] and "wait" in refused["message"]


# --------------------------------------------------------------------------- Rasa in trouble


async def test_rasa_down_gives_a_kind_message_with_contacts(stack: Stack) -> None:
    with web_app(stack, rasa_url=closed_port_url()) as url:
        async with browser_like(url) as client:
            started = time.monotonic()
            refused = await say(client, "hello", "eastvale", expect=503)
            assert time.monotonic() - started < 5  # one quick retry, then the answer
            assert await history(client, "eastvale") == []  # the page itself still works
    assert refused["error"] == "unavailable" and refused["retry"] is True
    assert "07700 900456" in refused["message"]  # Eastvale's own phone line
    assert "999" in refused["message"] and "hasn't been lost" in refused["message"]


async def test_rasa_too_slow_gives_the_same_kind_message(stack: Stack) -> None:
    with silent_rasa() as rasa_url, web_app(stack, rasa_url=rasa_url, rasa_timeout="1") as url:
        async with browser_like(url) as client:
            started = time.monotonic()
            refused = await say(client, "hello", expect=503)
            assert time.monotonic() - started < 5
    assert "01632 960123" in refused["message"] and "999" in refused["message"]


async def test_by_default_she_waits_at_most_ten_seconds(stack: Stack) -> None:
    """A hung action server kept her waiting about 31 s; now the limit is WEB_RASA_TIMEOUT."""
    with silent_rasa() as rasa_url, web_app(stack, rasa_url=rasa_url) as url:
        async with browser_like(url) as client:
            started = time.monotonic()
            refused = await say(client, "hello", "eastvale", expect=503)
            waited = time.monotonic() - started
    assert 9 <= waited < 12, waited
    assert refused["error"] == "unavailable" and "07700 900456" in refused["message"]


@pytest.mark.parametrize("replies, status", [([], 200), ({"oops": True}, 200), ([], 500)],
                         ids=["no reply (action server down)", "not a list", "server error"])
async def test_rasa_answering_nothing_useful(stack: Stack, replies: object, status: int) -> None:
    with FakeRasa(replies, status) as rasa, web_app(stack, rasa_url=rasa.url) as url:
        async with browser_like(url) as client:
            refused = await say(client, "hello", expect=503)
    assert refused["error"] == "unavailable" and "999" in refused["message"]


# --------------------------------------------------------------------------- site, logs, pages


async def test_unknown_site_uses_the_default_and_logs_only_the_id(stack: Stack) -> None:
    site, words = f"nowhere-{uuid.uuid4().hex[:8]}", f"private words {uuid.uuid4().hex}"
    async with browser_like(stack.web_url) as client:
        welcome = await start(client, site)
        await say(client, words, site)
        cookie = cookie_value(client)
    assert "Northbrook Mums Together" in welcome["messages"][0]["text"]
    log = (stack.var_dir / "logs" / f"web-{stack.web_port}.log").read_text()
    assert site in log
    assert words not in log and cookie not in log
    assert conversation_id(stack, cookie) not in log


async def test_pages_are_escaped_and_load_nothing_from_elsewhere(stack: Stack) -> None:
    async with browser_like(stack.web_url) as client:
        async with client.get("/", params={"site": "<script>alert(1)</script>"}) as response:
            page = await response.text()
            policy = response.headers["Content-Security-Policy"]
        assert "<script>alert" not in page and "Northbrook Mums Together" in page
        assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        async with client.get("/chat", params={"colour": '"><script>x</script>'}) as response:
            chat = await response.text()
            assert "frame-ancestors 'self'" in response.headers["Content-Security-Policy"]
        assert "<script>x" not in chat and "/theme.css?colour=5b2a86" in chat
        async with client.get("/theme.css", params={"colour": "fff;}body{display:none"}) as r:
            assert "--accent: #5b2a86;" in await r.text()
        async with client.get("/theme.css", params={"colour": "ffeb3b"}) as r:
            theme = await r.text()  # a pale yellow: dark text on it, dark outlines on white
        assert "--on-accent: #0b0c0c;" in theme and "--accent-line: #0b0c0c;" in theme
        for asset in ("/widget.js", "/chat.js", "/chat.css", "/widget.css", "/demo.css"):
            async with client.head(asset) as response:
                assert response.status == 200, asset
                assert response.headers["Cache-Control"] == "no-cache"
