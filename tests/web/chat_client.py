"""Talking to the gateway as the widget does: a cookie jar, typed text, button presses."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import aiohttp

from bot.records.transcripts import START_PAYLOAD

COOKIE = "intake_chat"


@asynccontextmanager
async def browser_like(base_url: str, cookie_jar: aiohttp.CookieJar | None = None,
                       ) -> AsyncIterator[aiohttp.ClientSession]:
    """A client that keeps cookies, as a browser would (unsafe=True: the host is an IP);
    ``cookie_jar`` carries another client's cookies over (the same browser, new connections).
    """
    jar = cookie_jar or aiohttp.CookieJar(unsafe=True)
    async with aiohttp.ClientSession(base_url=base_url, cookie_jar=jar) as session:
        yield session


async def say(client: aiohttp.ClientSession, message: str, site: str | None = None,
              expect: int = 200, payload: str | None = None) -> dict:
    """Send what she typed (or, with ``payload``, a button press with ``message`` its title)."""
    body: dict = {"message": message}
    if payload is not None:
        body["payload"] = payload
    if site:
        body["site"] = site
    async with client.post("/api/chat", json=body) as response:
        data = await response.json()
        assert response.status == expect, data
        return data


async def start(client: aiohttp.ClientSession, site: str | None = None,
                expect: int = 200) -> dict:
    """Open the conversation as the widget does: the welcome."""
    return await say(client, "", site, expect=expect, payload=START_PAYLOAD)


async def press(client: aiohttp.ClientSession, reply: dict, payload: str,
                site: str | None = None, expect: int = 200) -> dict:
    """Press the button with ``payload`` among those of ``reply`` (it must be there)."""
    buttons = [b for m in reply["messages"] for b in m["buttons"]]
    title = next(b["title"] for b in buttons if b["payload"] == payload)
    return await say(client, title, site, expect=expect, payload=payload)


async def history(client: aiohttp.ClientSession, site: str | None = None) -> list[dict]:
    async with client.get("/api/chat", params={"site": site} if site else None) as response:
        assert response.status == 200
        return (await response.json())["messages"]


def cookie_value(client: aiohttp.ClientSession) -> str:
    return next(c.value for c in client.cookie_jar if c.key == COOKIE)
