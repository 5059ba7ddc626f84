"""The chat gateway: ``/api/chat``, between the widget and Rasa's REST channel.

The conversation id lives only inside the session cookie, encrypted and signed by the server
(aiohttp-session's EncryptedCookieStorage), so the browser can neither read it nor choose one:
anything the page sends as a sender id is ignored. Each conversation belongs to one site; the
site comes from the widget's configuration and is checked against the configured sites.

Nothing here logs what a mother wrote, her cookie or her conversation id.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from typing import Any

from aiohttp import web
from aiohttp_session import Session, get_session
from sqlalchemy.engine import Engine

from bot.records.database import reachable
from bot.records.transcripts import START_PAYLOAD, offered_payloads
from bot.sites.config import Site, registry
from bot.web import texts
from bot.web.config import WebConfig
from bot.web.history import deletion_requested, load_history
from bot.web.limits import Limiter
from bot.web.plain_text import neutralise
from bot.web.rasa import RasaClient, RasaUnavailable

logger = logging.getLogger(__name__)

CONFIG = web.AppKey("config", WebConfig)
RASA = web.AppKey("rasa", RasaClient)
ENGINE = web.AppKey("engine", Engine)
CONVERSATION_LIMITS = web.AppKey("conversation_limits", Limiter)
ADDRESS_LIMITS = web.AppKey("address_limits", Limiter)


def error(status: int, code: str, message: str, *, retry: bool = False,
          headers: dict[str, str] | None = None) -> web.Response:
    """The one shape of every gateway error; the widget shows ``message`` as it is."""
    return web.json_response({"error": code, "message": message, "retry": retry},
                             status=status, headers=headers)


def public_site(site: Site) -> dict[str, Any]:
    """What the widget needs to know about her site (for its header, footer and offline note)."""
    return {
        "id": site.id, "name": site.name, "contact": site.describe_contact(),
        "phone": site.contact.phone, "privacy_url": site.privacy_url,
    }


def conversation_of(session: Session, site: Site) -> str | None:
    """The session's conversation, if it belongs to this site (a conversation has one site)."""
    cid = session.get("cid")
    return cid if isinstance(cid, str) and session.get("site") == site.id else None


def client_address(request: web.Request, config: WebConfig) -> str:
    if config.trust_forwarded:
        forwarded = request.headers.get("X-Forwarded-For", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.remote or "unknown"


async def get_chat(request: web.Request) -> web.Response:
    """Her site's details and this conversation's history (empty when there is none).

    Reading never creates a session: opening the page sets no cookie."""
    app = request.app
    site = registry().get(request.query.get("site"))
    session = await get_session(request)
    cid = conversation_of(session, site)
    messages: list[dict[str, Any]] = []
    if cid is not None:
        if await asyncio.to_thread(deletion_requested, app[ENGINE], cid):
            session.invalidate()  # she asked for it to be deleted: the next chat starts afresh
        else:
            messages = await asyncio.to_thread(load_history, app[ENGINE], cid)
    return web.json_response({
        "site": public_site(site),
        "messages": messages,
        "max_chars": app[CONFIG].max_message_chars,
    })


async def post_chat(request: web.Request) -> web.Response:
    """Pass one message to Rasa and return the bot's messages: ``{"messages": [...]}``.

    The body is ``{"message": what she typed}``, or for a button ``{"payload": ...,
    "message": its title}``. What she typed is only text (bot/web/plain_text.py); a payload
    goes to Rasa only if the assistant offered it in its latest turn, else its title is sent
    as text."""
    app = request.app
    config = app[CONFIG]
    body = await _json_body(request)
    if isinstance(body, web.Response):
        return body
    message, payload = body.get("message", ""), body.get("payload")
    if not isinstance(message, str) or not isinstance(payload, (str, type(None))):
        return error(400, "bad_request", texts.BAD_REQUEST)
    if len(message.strip()) > config.max_message_chars:
        return error(413, "too_long", texts.too_long(config.max_message_chars))
    typed = neutralise(message)
    if not typed and payload is None:
        return error(400, "empty", texts.EMPTY)
    site_id = body.get("site")
    site = registry().get(site_id if isinstance(site_id, str) else None)

    wait = await app[ADDRESS_LIMITS].hit(client_address(request, config))
    if wait is not None:
        logger.info("rate limit reached for a client address")
        return _rate_limited("address_rate", texts.ADDRESS_RATE, wait)
    if not await asyncio.to_thread(reachable, app[ENGINE]):
        logger.warning("message not delivered: the database is unreachable")
        return error(503, "unavailable", texts.unavailable(site), retry=True)
    session = await get_session(request)
    cid = conversation_of(session, site)
    text = typed
    if payload is not None:
        offered = (frozenset((START_PAYLOAD,)) if cid is None else
                   await asyncio.to_thread(offered_payloads, app[ENGINE], cid))
        if payload in offered:
            text = payload
        else:
            logger.info("a button payload that was not offered was sent as text")
    if not text:
        return error(400, "empty", texts.EMPTY)
    if cid is None:
        cid = uuid.uuid4().hex
        session["cid"], session["site"] = cid, site.id
    wait = await app[CONVERSATION_LIMITS].hit(cid)
    if wait is not None:
        logger.info("rate limit reached for a conversation")
        return _rate_limited("conversation_rate", texts.CONVERSATION_RATE, wait)
    session.changed()  # re-sent with a fresh expiry: the cookie lasts from her last message

    try:
        replies = await app[RASA].send(cid, text, site.id)
    except RasaUnavailable as exc:
        logger.warning("message not delivered: %s", exc)
        return error(503, "unavailable", texts.unavailable(site), retry=True)
    return web.json_response({"messages": replies})


async def post_exit(request: web.Request) -> web.Response:
    """Quick exit: this browser forgets the conversation (the cookie is deleted).

    The conversation itself stays on the server for the programme, as any other would."""
    session = await get_session(request)
    session.invalidate()
    return web.Response(status=204)


async def _json_body(request: web.Request) -> dict[str, Any] | web.Response:
    if request.content_type != "application/json":
        return error(415, "bad_request", texts.BAD_REQUEST)
    try:
        raw = await request.read()
    except web.HTTPRequestEntityTooLarge:
        return error(413, "oversize", texts.OVERSIZE)
    try:
        body = json.loads(raw)
    except ValueError:
        return error(400, "bad_request", texts.BAD_REQUEST)
    if not isinstance(body, dict):
        return error(400, "bad_request", texts.BAD_REQUEST)
    return body


def _rate_limited(code: str, template: str, wait: float) -> web.Response:
    return error(429, code, template.format(wait=texts.wait_phrase(wait)), retry=True,
                 headers={"Retry-After": str(int(wait + 0.999))})
