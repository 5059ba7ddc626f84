"""The web app: demo page, embeddable widget, chat gateway; the only public process.

Rasa and the action server stay on 127.0.0.1; a browser only ever talks to this app.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import session_middleware
from aiohttp_session.cookie_storage import EncryptedCookieStorage
from redis import asyncio as redis

from bot.evaluate import pages as evaluate_pages
from bot.records.database import make_engine
from bot.sites.config import registry
from bot.staff import pages as staff_pages
from bot.staff.access import evaluator_guard
from bot.web import colours, gateway, texts
from bot.web.config import WebConfig
from bot.web.limits import limiter
from bot.web.rasa import RasaClient

logger = logging.getLogger(__name__)

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
STATIC_FILES = ("widget.js", "widget.css", "chat.js", "chat.css", "demo.css")
COOKIE_NAME = "intake_chat"
#: No client address, user agent or referrer: those are personal data, and not needed here.
ACCESS_LOG_FORMAT = '%t "%r" %s %b %Tf'
#: Our pages load nothing from elsewhere, and the browser enforces it (no CDN, no inline script).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; "
    "form-action 'self'"
)

REDIS = web.AppKey("redis", redis.Redis)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def make_app(config: WebConfig) -> web.Application:
    registry()  # a broken site file stops start-up here
    storage = EncryptedCookieStorage(
        config.secret_key, cookie_name=COOKIE_NAME, max_age=config.session_max_age,
        httponly=True, samesite=config.cookie_samesite, secure=config.cookie_secure)
    app = web.Application(
        client_max_size=config.max_body_bytes,
        middlewares=[api_errors, origin_check, session_middleware(storage)])
    app[gateway.CONFIG] = config
    app[gateway.RASA] = RasaClient(config.rasa_urls, config.rasa_timeout)
    # The rate limits are counted in Redis when REDIS_URL is set, so every web process shares them.
    shared = (redis.from_url(config.redis_url, socket_timeout=2, socket_connect_timeout=2)
              if config.redis_url else None)
    if shared is not None:
        app[REDIS] = shared
    app[gateway.CONVERSATION_LIMITS] = limiter(shared, "conversation", config.conversation_rate)
    app[gateway.ADDRESS_LIMITS] = limiter(shared, "address", config.address_rate)
    app.cleanup_ctx.append(_resources)
    app.on_response_prepare.append(_headers)
    aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(HERE / "templates"),
                         autoescape=True)
    app.add_routes([
        web.get("/", demo_page),
        web.get("/healthz", health),
        web.get("/chat", chat_page),
        web.get("/theme.css", theme),
        *(web.get(f"/{name}", _file(name)) for name in STATIC_FILES),
        web.get("/api/chat", gateway.get_chat),
        web.post("/api/chat", gateway.post_chat),
        web.post("/api/chat/exit", gateway.post_exit),
    ])
    staff_pages.setup(app, config.db_url)
    evaluate_pages.setup(app, evaluator_guard, gateway.ENGINE)
    return app


async def _resources(app: web.Application) -> AsyncIterator[None]:
    config = app[gateway.CONFIG]
    app[gateway.ENGINE] = make_engine(config.db_url)
    await app[gateway.RASA].start()
    yield
    await app[gateway.RASA].close()
    if REDIS in app:
        await app[REDIS].close()
    app[gateway.ENGINE].dispose()


@aiohttp_jinja2.template("index.html")
async def demo_page(request: web.Request) -> dict:
    """A plausible programme page with the widget on it, as a programme would embed it."""
    return {"site": registry().get(request.query.get("site"))}


@aiohttp_jinja2.template("chat.html")
async def chat_page(request: web.Request) -> dict:
    """The chat itself: inside the widget's frame, or on its own as a full page.

    ``?site=`` and ``?colour=`` come from the programme's script tag; both are checked."""
    colour = colours.parse(request.query.get("colour"))
    return {
        "site": registry().get(request.query.get("site")),
        "colour": (colour or colours.DEFAULT_ACCENT)[1:],
        "embedded": request.query.get("embed") == "1",
        "max_chars": request.app[gateway.CONFIG].max_message_chars,
    }


async def theme(request: web.Request) -> web.Response:
    """``:root`` colour variables for ``?colour=`` (a programme's brand colour), made legible."""
    return web.Response(text=colours.theme_css(request.query.get("colour")),
                        content_type="text/css",
                        headers={"Cache-Control": "public, max-age=86400"})


async def health(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


def _file(name: str) -> Handler:
    path = STATIC / name

    async def handler(_request: web.Request) -> web.StreamResponse:
        # no-cache: browsers revalidate (ETag), so programmes' pages get a fix at once.
        return web.FileResponse(path, headers={"Cache-Control": "no-cache"})

    return handler


# --------------------------------------------------------------------------- middlewares


def _is_api(request: web.Request) -> bool:
    return request.path.startswith("/api/")


@web.middleware
async def api_errors(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Under /api/ every failure is JSON in the gateway's error shape, never an HTML page."""
    if not _is_api(request):
        return await handler(request)
    try:
        return await handler(request)
    except web.HTTPRequestEntityTooLarge:
        return gateway.error(413, "oversize", texts.OVERSIZE)
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        message = texts.NOT_FOUND if exc.status in (404, 405) else texts.BAD_REQUEST
        return gateway.error(exc.status, "bad_request", message)


@web.middleware
async def origin_check(request: web.Request, handler: Handler) -> web.StreamResponse:
    """A browser's POST must come from this app's own pages (the chat runs in our iframe).

    With the SameSite cookie and the JSON-only body this closes cross-site request forgery.
    Clients that send no Origin (the tests, the benchmark, curl) have no cookie to abuse."""
    origin = request.headers.get("Origin")
    if (request.method == "POST" and _is_api(request) and origin is not None
            and urlsplit(origin).netloc != request.host):
        return gateway.error(403, "forbidden", texts.FORBIDDEN)
    return await handler(request)


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    headers = response.headers
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "no-referrer")
    # Only the chat page may be framed, and only by this app and the programmes' own sites.
    ancestors = " ".join(("'self'", *request.app[gateway.CONFIG].embed_origins))
    framing = ancestors if request.path == "/chat" else "'none'"
    headers.setdefault("Content-Security-Policy",
                       f"{CONTENT_SECURITY_POLICY}; frame-ancestors {framing}")
    if _is_api(request):
        headers["Cache-Control"] = "no-store"  # her conversation must not sit in a cache


def run(config: WebConfig) -> None:
    """Serve until SIGINT or SIGTERM (aiohttp stops gracefully on both)."""
    logger.info("web app listening on %s:%s, Rasa at %s", config.host, config.port,
                ", ".join(config.rasa_urls))
    web.run_app(make_app(config), host=config.host, port=config.port, print=None,
                access_log_format=ACCESS_LOG_FORMAT, shutdown_timeout=5)
