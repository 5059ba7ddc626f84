"""Queue pages: the risk queue, the call-back queue, erasures awaiting approval, and the
admin's audit page."""

from __future__ import annotations

from aiohttp import web

from bot.staff import erasure, queues
from bot.staff.access import CONTEXT, USER, WORKERS, check_site, require
from bot.staff.audit import AuditLog
from bot.staff.render import render

AUDIT_PAGE = 100


def routes() -> list[web.RouteDef]:
    return [
        web.get("/staff/risks", risk_queue),
        web.post("/staff/risks/{id:\\d+}/acknowledge", acknowledge),
        web.post("/staff/risks/{id:\\d+}/assign", assign),
        web.get("/staff/callbacks", callback_queue),
        web.get("/staff/erasures", erasures),
        web.get("/staff/audit", audit_page),
    ]


async def _risk_page(request: web.Request, error: str | None = None,
                     status: int = 200) -> web.Response:
    context, user = request.app[CONTEXT], request[USER]
    items = queues.risk_queue(context.engine, user.sites)
    colleagues = {site: context.accounts.colleagues(site) for site in {i["site"] for i in items}}
    return await render(request, "risks.html", {
        "items": items, "colleagues": colleagues, "error": error,
        "done": request.query.get("done")}, status=status)


@require(*WORKERS)
async def risk_queue(request: web.Request) -> web.Response:
    return await _risk_page(request)


def _event(request: web.Request) -> dict:
    event = queues.risk_event(request.app[CONTEXT].engine, int(request.match_info["id"]))
    if event is None:
        raise web.HTTPNotFound(text="There is no such risk event.")
    check_site(request[USER], event["site"])
    return event


@require(*WORKERS)
async def acknowledge(request: web.Request) -> web.Response:
    event = _event(request)
    form = await request.post()
    try:
        queues.acknowledge(request.app[CONTEXT].engine, request[USER], event,
                           str(form.get("action", "")))
    except queues.QueueError as exc:
        return await _risk_page(request, str(exc), 400)
    raise web.HTTPSeeOther("/staff/risks?done=acknowledged")


@require(*WORKERS)
async def assign(request: web.Request) -> web.Response:
    event = _event(request)
    context = request.app[CONTEXT]
    form = await request.post()
    try:
        colleague = context.accounts.get(int(str(form.get("colleague", ""))))
    except ValueError:
        colleague = None
    try:
        if colleague is None:
            raise queues.QueueError("Please choose a colleague.")
        queues.assign(context.engine, request[USER], event, colleague)
    except queues.QueueError as exc:
        return await _risk_page(request, str(exc), 400)
    raise web.HTTPSeeOther("/staff/risks?done=assigned")


@require(*WORKERS)
async def callback_queue(request: web.Request) -> web.Response:
    items = queues.callback_queue(request.app[CONTEXT].engine, request[USER].sites)
    return await render(request, "callbacks.html", {"items": items})


@require(*WORKERS)
async def erasures(request: web.Request) -> web.Response:
    items = erasure.pending(request.app[CONTEXT].engine, request[USER].sites)
    return await render(request, "erasures.html", {"items": items})


@require("admin")
async def audit_page(request: web.Request) -> web.Response:
    log = AuditLog(request.app[CONTEXT].engine)
    try:
        page = max(1, int(request.query.get("page", "1")))
    except ValueError:
        page = 1
    rows = list(log.rows(limit=AUDIT_PAGE, offset=(page - 1) * AUDIT_PAGE, newest_first=True))
    total = log.count()
    return await render(request, "audit.html", {
        "rows": rows, "check": log.verify(), "page": page,
        "more": page * AUDIT_PAGE < total, "total": total})
