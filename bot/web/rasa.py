"""The gateway's client for Rasa's REST channel, over one Rasa server or several.

With several (``WEB_RASA_URL`` lists them), each conversation has a home server, chosen from
its id by a stable hash, so its turns go to one process while that process is up. When the
home server refuses the connection (stopped, or restarting), the message goes to the next
server in the list: the tracker store is shared, so any server can carry the conversation on;
the Redis lock store (``REDIS_URL``) keeps its turns in order across servers.
"""

from __future__ import annotations

import asyncio
import logging
import zlib
from collections.abc import Sequence
from typing import Any

import aiohttp

from bot.records.transcripts import normalise_buttons

logger = logging.getLogger(__name__)

#: Pause before the one retry: long enough for a restarting server to start listening.
RETRY_DELAY = 0.5


class RasaUnavailable(Exception):
    """Rasa could not be reached, was too slow, or gave no usable answer."""


class RasaClient:
    """Posts a mother's message to ``{rasa}/webhooks/rest/webhook`` and returns the replies.

    A connection error (nothing was delivered, or a kept-alive connection was closed under us)
    is retried once on the conversation's home server, then on each other server in turn. A
    timeout is not retried: Rasa may still be working on the message, and sending it again
    would make her say it twice.
    """

    def __init__(self, base_urls: Sequence[str], timeout: float) -> None:
        if not base_urls:
            raise ValueError("at least one Rasa server is needed")
        self.urls = [f"{url.rstrip('/')}/webhooks/rest/webhook" for url in base_urls]
        self.timeout = timeout
        self._session: aiohttp.ClientSession | None = None

    def route(self, sender: str) -> list[str]:
        """The servers to try for this conversation: its home server first, then the rest."""
        home = zlib.crc32(sender.encode()) % len(self.urls)
        return self.urls[home:] + self.urls[:home]

    async def start(self) -> None:
        self._session = aiohttp.ClientSession(
            timeout=aiohttp.ClientTimeout(total=self.timeout),
            connector=aiohttp.TCPConnector(limit=100))

    async def close(self) -> None:
        if self._session is not None:
            await self._session.close()

    async def send(self, sender: str, message: str, site: str) -> list[dict[str, Any]]:
        """The bot's messages, each ``{"text": ..., "buttons": [{"title", "payload"}]}``.

        Raises :class:`RasaUnavailable`, including when Rasa answers with no message at all
        (what it does when the action server is down)."""
        assert self._session is not None, "RasaClient.start() was not awaited"
        body = {"sender": sender, "message": message, "metadata": {"site": site}}
        tries = [url for server in self.route(sender) for url in (server, server)]
        for attempt, url in enumerate(tries, start=1):
            try:
                async with self._session.post(url, json=body) as response:
                    if response.status != 200:
                        raise RasaUnavailable(f"Rasa answered HTTP {response.status}")
                    replies = _normalise(await response.json(content_type=None))
                    if not replies:
                        raise RasaUnavailable("Rasa sent no reply (is the action server up?)")
                    return replies
            except (aiohttp.ClientConnectorError, aiohttp.ServerDisconnectedError) as exc:
                if attempt == len(tries):
                    raise RasaUnavailable(f"cannot connect to Rasa ({type(exc).__name__})") from exc
                logger.info("connection to a Rasa server failed (%s); trying again",
                            type(exc).__name__)
                if attempt % 2:  # the same server again after a pause; the next one at once
                    await asyncio.sleep(RETRY_DELAY)
            except asyncio.TimeoutError as exc:
                raise RasaUnavailable(f"Rasa did not answer within {self.timeout:g} s") from exc
            except (aiohttp.ClientError, ValueError) as exc:
                raise RasaUnavailable(f"bad answer from Rasa ({type(exc).__name__})") from exc
        raise AssertionError("unreachable")


def _normalise(data: Any) -> list[dict[str, Any]]:
    """Only text and buttons, as strings: nothing else of Rasa's reaches the browser."""
    if not isinstance(data, list):
        raise ValueError("expected a list of messages")
    messages = []
    for item in data:
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            continue
        messages.append({"text": item["text"], "buttons": normalise_buttons(item.get("buttons"))})
    return messages
