"""Who is asking: the signed-in staff user, and the checks every staff or evaluator page makes.

The API other page packages use (e.g. the evaluator pages under ``/evaluate/``)::

    from bot.staff.access import EVALUATORS, require, signed_in_user

    @require(*EVALUATORS)               # anonymous: redirected to sign in; wrong role: 403
    async def summary(request):
        user = request[USER]            # a StaffUser; user.sites is None for an admin
        ...

``signed_in_user(request)`` returns the user or None (and never raises for a stale or forged
session). ``check_site(user, site)`` raises 403 unless the user may see that site's records.
Evaluators may only be let into aggregate pages: never a transcript or contact detail.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import quote

from aiohttp import web
from aiohttp_session import get_session, new_session
from sqlalchemy.engine import Engine

from bot.staff.accounts import Accounts, StaffUser
from bot.staff.audit import AuditLog
from bot.staff.security import SESSION_KEY, Clock, Throttle, new_staff_session, session_alive

#: Roles that work with conversations (queues, transcripts, notes, outcomes).
WORKERS = ("staff", "lead", "admin")
#: Roles allowed into aggregate evaluation pages.
EVALUATORS = ("evaluator", "lead", "admin")
SIGN_IN = "/staff/signin"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@dataclass
class StaffContext:
    """What the staff pages share, kept on the app under :data:`CONTEXT`."""

    engine: Engine
    clock: Clock = time.time
    #: Failed sign-ins: 5 per email and 20 per address in 15 minutes.
    by_email: Throttle = field(default_factory=lambda: Throttle(5, 900))
    by_address: Throttle = field(default_factory=lambda: Throttle(20, 900))

    @property
    def accounts(self) -> Accounts:
        return Accounts(self.engine)

    @property
    def audit(self) -> AuditLog:
        return AuditLog(self.engine)


CONTEXT = web.AppKey("staff_context", StaffContext)
USER = "staff_user"  # request key: the StaffUser of a page behind require()


async def signed_in_user(request: web.Request) -> StaffUser | None:
    """The signed-in, enabled user of this request, or None. Each call counts as activity."""
    if USER in request:
        return request[USER]
    context = request.app[CONTEXT]
    session = await get_session(request)
    data = session.get(SESSION_KEY)
    now = context.clock()
    if data is None:
        return None
    user = context.accounts.get(int(data["uid"])) if session_alive(data, now) else None
    if user is None:  # expired, disabled or forged: forget it
        session.pop(SESSION_KEY, None)
        return None
    data["seen"] = now
    session.changed()
    request[USER] = user
    return user


async def sign_in(request: web.Request, user: StaffUser) -> None:
    """Start a new session for ``user``: the old cookie's contents are dropped (rotation)."""
    session = await new_session(request)
    session[SESSION_KEY] = new_staff_session(user.id, request.app[CONTEXT].clock())


async def sign_out(request: web.Request) -> None:
    session = await get_session(request)
    session.invalidate()


def require(*roles: str) -> Callable[[Handler], Handler]:
    """Only signed-in users with one of ``roles``: others are sent to sign in (anonymous) or
    refused with 403 (wrong role). The user is then ``request[USER]``."""

    def decorate(handler: Handler) -> Handler:
        @functools.wraps(handler)
        async def guarded(request: web.Request) -> web.StreamResponse:
            user = await signed_in_user(request)
            if user is None:
                target = request.path_qs if request.method == "GET" else "/staff/"
                raise web.HTTPSeeOther(f"{SIGN_IN}?next={quote(target, safe='')}")
            if user.role not in roles:
                raise web.HTTPForbidden(text="You do not have access to this page.")
            return await handler(request)

        guarded.staff_roles = roles  # type: ignore[attr-defined]
        return guarded

    return decorate


def check_site(user: StaffUser, site: str) -> None:
    """Refuse (403) a record of a site the user does not work for."""
    if not user.can_see(site):
        raise web.HTTPForbidden(text="This conversation belongs to another site.")


ScopedHandler = Callable[[web.Request, "list[str] | None"], Awaitable[web.StreamResponse]]


def evaluator_guard(handler: ScopedHandler) -> Handler:
    """The guard of the evaluator pages (bot.evaluate.pages.setup): signed in as an evaluator,
    lead or admin; the handler is given the sites this person may see (None: every site).
    Each use is audited, as every export is."""

    @require(*EVALUATORS)
    @functools.wraps(handler)
    async def guarded(request: web.Request) -> web.StreamResponse:
        user: StaffUser = request[USER]
        request.app[CONTEXT].audit.write(user.email, "report_viewed", path=request.path)
        return await handler(request, None if user.sites is None else list(user.sites))

    return guarded
