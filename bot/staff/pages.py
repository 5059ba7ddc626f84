"""The staff pages under ``/staff/``: registration with the web app, sign-in and account setup.

:func:`setup` is the one hook the web app calls. Every page except those in
:data:`PUBLIC_ROUTES` is wrapped in :func:`bot.staff.access.require`; the route test in
tests/staff enumerates the app's routes to prove it. Every POST under ``/staff/`` must carry the
session's CSRF token (:func:`csrf_middleware`).
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path

import segno
from aiohttp import web
from aiohttp_session import get_session
from markupsafe import Markup

from bot.records.database import make_engine
from bot.staff import conversation_pages, queue_pages
from bot.staff.access import (
    CONTEXT,
    SIGN_IN,
    WORKERS,
    StaffContext,
    require,
    sign_in,
    sign_out,
    signed_in_user,
)
from bot.staff.accounts import AccountError, new_totp_secret, totp_uri
from bot.staff.render import render, setup_templates
from bot.staff.security import CSRF_FIELD, csrf_valid

STATIC = Path(__file__).resolve().parent / "static"
SETUP_KEY = "staff_setup"  # session: the TOTP secret being enrolled, per setup link
FAILED = ("Those details did not work. Please check your email address, password and the "
          "code from your authenticator app, and try again.")
THROTTLED = ("There have been too many attempts to sign in. Please wait 15 minutes and try "
             "again, or ask an administrator for help.")
#: The only /staff/ routes open to someone not signed in (the route test checks this list).
PUBLIC_ROUTES = frozenset({
    ("GET", "/staff/signin"), ("POST", "/staff/signin"), ("POST", "/staff/signout"),
    ("GET", "/staff/setup/{token}"), ("POST", "/staff/setup/{token}"),
    ("GET", "/staff/staff.css"),
})


def setup(app: web.Application, db_url: str) -> None:
    """Add the staff pages to the web app (called by bot.web.app.make_app)."""
    app[CONTEXT] = StaffContext(engine=make_engine(db_url))
    app.cleanup_ctx.append(_dispose)
    setup_templates(app)
    app.middlewares.append(error_pages)
    app.middlewares.append(csrf_middleware)
    app.on_response_prepare.append(_no_store)
    app.add_routes([
        web.get("/staff/staff.css", stylesheet),
        web.get("/staff/signin", signin_page),
        web.post("/staff/signin", signin),
        web.post("/staff/signout", signout),
        web.get("/staff/setup/{token}", setup_page),
        web.post("/staff/setup/{token}", complete_setup),
        web.get("/staff/", home),
        *queue_pages.routes(),
        *conversation_pages.routes(),
    ])


async def _dispose(app: web.Application) -> AsyncIterator[None]:
    yield
    app[CONTEXT].engine.dispose()


@web.middleware
async def error_pages(request: web.Request, handler):  # type: ignore[no-untyped-def]
    """Refusals and missing pages under /staff/ as a page with the staff navigation."""
    if not request.path.startswith("/staff/"):
        return await handler(request)
    try:
        return await handler(request)
    except (web.HTTPForbidden, web.HTTPNotFound) as exc:
        message = exc.text if exc.text and not exc.text.startswith(str(exc.status)) else (
            "You do not have access to this page." if exc.status == 403 else
            "There is no such page.")
        return await render(request, "problem.html", {"message": message},
                            status=exc.status)


@web.middleware
async def csrf_middleware(request: web.Request, handler):  # type: ignore[no-untyped-def]
    """A staff form is accepted only with this session's CSRF token."""
    if request.method == "POST" and request.path.startswith("/staff/"):
        form = await request.post()
        if not csrf_valid(await get_session(request), form.get(CSRF_FIELD)):
            raise web.HTTPForbidden(text="This form has expired. Please go back, reload the "
                                         "page and try again.")
    return await handler(request)


async def _no_store(request: web.Request, response: web.StreamResponse) -> None:
    if request.path.startswith("/staff/") and request.path != "/staff/staff.css":
        response.headers["Cache-Control"] = "no-store"


async def stylesheet(_request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC / "staff.css", headers={"Cache-Control": "no-cache"})


@require(*WORKERS)
async def home(_request: web.Request) -> web.Response:
    raise web.HTTPSeeOther("/staff/risks")


def safe_next(value: object) -> str:
    """Where to go after signing in: only a path of this app, never another site."""
    if (isinstance(value, str) and value.startswith("/") and not value.startswith("//")
            and "\\" not in value and not any(c.isspace() or ord(c) < 32 for c in value)):
        return value
    return "/staff/"


async def signin_page(request: web.Request) -> web.Response:
    """The sign-in form; when already signed in, who you are, where to go, and sign out."""
    if await signed_in_user(request):
        return await render(request, "signed_in.html", {})
    return await render(request, "signin.html", {
        "error": None, "email": "", "next": safe_next(request.query.get("next"))})


async def signin(request: web.Request) -> web.Response:
    context = request.app[CONTEXT]
    form = await request.post()
    email = str(form.get("email", ""))[:320].strip().lower()
    address = request.remote or "unknown"
    target = safe_next(form.get("next"))
    if context.by_email.blocked(email) or context.by_address.blocked(address):
        return await render(request, "signin.html", {
            "error": THROTTLED, "email": email, "next": target}, status=429)
    # Argon2 takes ~150 ms of CPU on purpose: off the event loop that serves the chat.
    user = await asyncio.to_thread(context.accounts.authenticate, email,
                                   str(form.get("password", "")), str(form.get("code", "")))
    if user is None:
        context.by_email.failed(email)
        context.by_address.failed(address)
        actor = email if context.accounts.exists(email) else "(no such account)"
        context.audit.write(actor, "sign_in_failed")
        return await render(request, "signin.html", {
            "error": FAILED, "email": email, "next": target}, status=401)
    context.by_email.succeeded(email)
    await sign_in(request, user)
    context.audit.write(user.email, "sign_in", role=user.role)
    if user.role == "evaluator" and target == "/staff/":
        target = "/evaluate/"
    raise web.HTTPSeeOther(target)


async def signout(request: web.Request) -> web.Response:
    user = await signed_in_user(request)
    if user is not None:
        request.app[CONTEXT].audit.write(user.email, "sign_out")
    await sign_out(request)
    raise web.HTTPSeeOther(f"{SIGN_IN}?signed_out=1")


def _token_key(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()[:32]


async def _pending_secret(request: web.Request, token: str) -> str:
    """The TOTP secret being enrolled through this link, kept in the session until done."""
    session = await get_session(request)
    pending = session.get(SETUP_KEY)
    if not isinstance(pending, dict) or pending.get("link") != _token_key(token):
        pending = {"link": _token_key(token), "secret": new_totp_secret()}
        session[SETUP_KEY] = pending
    return pending["secret"]


async def _setup_form(request: web.Request, token: str, error: str | None,
                      status: int = 200) -> web.Response:
    user = request.app[CONTEXT].accounts.setup_account(token)
    if user is None:
        return await render(request, "setup_expired.html", {}, status=404)
    secret = await _pending_secret(request, token)
    uri = totp_uri(secret, user.email)
    qr = Markup(segno.make(uri, error="m").svg_inline(  # noqa: S704 - segno's own SVG
        scale=5, dark="#000", light="#fff", omitsize=True,
        title="QR code for your authenticator app"))
    return await render(request, "setup.html", {
        "account": user, "secret": secret, "qr": qr, "error": error}, status=status)


async def setup_page(request: web.Request) -> web.Response:
    return await _setup_form(request, request.match_info["token"], None)


async def complete_setup(request: web.Request) -> web.Response:
    token = request.match_info["token"]
    context = request.app[CONTEXT]
    form = await request.post()
    password = str(form.get("password", ""))
    if password != str(form.get("password_again", "")):
        return await _setup_form(request, token, "The two passwords are not the same.", 400)
    secret = await _pending_secret(request, token)
    user = context.accounts.setup_account(token)
    try:
        codes = await asyncio.to_thread(context.accounts.complete_setup, token, password,
                                        secret, str(form.get("code", "")))
    except AccountError as exc:
        return await _setup_form(request, token, str(exc), 400)
    (await get_session(request)).pop(SETUP_KEY, None)
    context.audit.write(user.email if user else "(unknown)", "account_set_up")
    return await render(request, "setup_done.html", {"codes": codes})
