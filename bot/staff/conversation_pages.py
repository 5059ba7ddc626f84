"""Conversation pages: the filtered list, one conversation (transcript, coded record, risk
events, notes, review, outcome), contact details on request, and erasure."""

from __future__ import annotations

from datetime import date
from typing import Any

from aiohttp import web

from bot import codebook
from bot.sites.config import registry
from bot.staff import conversations, erasure, queues
from bot.staff.access import CONTEXT, USER, WORKERS, check_site, require
from bot.staff.notes import NoteError, add_note, notes
from bot.staff.render import render

CID = "/staff/conversations/{cid}"


def routes() -> list[web.RouteDef]:
    return [
        web.get("/staff/conversations", conversation_list),
        web.get(CID, conversation_page),
        web.get(CID + "/contact", contact_page),
        web.post(CID + "/notes", post_note),
        web.post(CID + "/review", post_review),
        web.post(CID + "/outcome", post_outcome),
        web.post(CID + "/callback", post_callback),
        web.post(CID + "/erasure", post_erasure_request),
        web.post(CID + "/erasure/approve", post_erasure_approval),
    ]


def _date(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _filters(query: Any) -> conversations.Filters:
    try:
        page = max(1, int(query.get("page", "1")))
    except ValueError:
        page = 1
    return conversations.Filters(
        site=query.get("site") or None, since=_date(query.get("since")),
        until=_date(query.get("until")), intent=query.get("intent") or None,
        concern=query.get("concern") or None, status=query.get("status") or None,
        search=(query.get("q") or "").strip()[:255] or None, page=page)


@require(*WORKERS)
async def conversation_list(request: web.Request) -> web.Response:
    user = request[USER]
    filters = _filters(request.query)
    rows, total = conversations.conversations(request.app[CONTEXT].engine, user, filters)
    sites = [s for s in registry() if user.can_see(s.id)]
    pages = max(1, -(-total // conversations.PAGE_SIZE))
    query = {k: v for k, v in request.query.items() if k != "page" and v}
    return await render(request, "conversations.html", {
        "rows": rows, "total": total, "filters": filters, "sites": sites, "pages": pages,
        "query": query, "intents": codebook.TAKE_UP_INTENTS, "concerns": codebook.CONCERNS,
        "statuses": conversations.STATUSES})


def _record(request: web.Request) -> dict[str, Any]:
    """The conversation's record, if this user may see its site (404 when there is none)."""
    rec = conversations.record(request.app[CONTEXT].engine, request.match_info["cid"])
    if rec is None:
        raise web.HTTPNotFound(text="There is no such conversation (it may have been erased).")
    check_site(request[USER], rec["site"])
    return rec


async def _conversation(request: web.Request, rec: dict[str, Any], error: str | None = None,
                        status: int = 200) -> web.Response:
    engine, user = request.app[CONTEXT].engine, request[USER]
    return await render(request, "conversation.html", {
        "rec": rec, "messages": conversations.read_transcript(engine, user, rec),
        "risks": queues.conversation_risks(engine, rec["conversation_id"]),
        "notes": notes(engine, rec["conversation_id"]), "error": error,
        "erasure": conversations.erasure(engine, rec["conversation_id"]),
        "concerns": codebook.CONCERNS, "reasons": codebook.OUTCOME_REASONS,
        "today": date.today().isoformat(), "done": request.query.get("done")}, status=status)


@require(*WORKERS)
async def conversation_page(request: web.Request) -> web.Response:
    return await _conversation(request, _record(request))


@require(*WORKERS)
async def contact_page(request: web.Request) -> web.Response:
    rec = _record(request)
    contact = conversations.read_contact(request.app[CONTEXT].engine, request[USER], rec)
    return await render(request, "contact.html", {"rec": rec, "contact": contact})


def _back(rec: dict[str, Any], done: str) -> web.HTTPSeeOther:
    return web.HTTPSeeOther(f"/staff/conversations/{rec['conversation_id']}?done={done}")


@require(*WORKERS)
async def post_note(request: web.Request) -> web.Response:
    rec = _record(request)
    form = await request.post()
    engine, user = request.app[CONTEXT].engine, request[USER]
    try:
        with engine.begin() as conn:
            add_note(conn, user, rec["conversation_id"], rec["site"], str(form.get("text", "")))
            request.app[CONTEXT].audit.write(user.email, "note_added", rec["conversation_id"],
                                             rec["site"], conn=conn)
    except NoteError as exc:
        return await _conversation(request, rec, str(exc), 400)
    raise _back(rec, "note")


@require(*WORKERS)
async def post_review(request: web.Request) -> web.Response:
    rec = _record(request)
    form = await request.post()
    try:
        conversations.review_concerns(request.app[CONTEXT].engine, request[USER], rec,
                                      [str(c) for c in form.getall("concern", [])],
                                      str(form.get("comment", "")))
    except conversations.ReviewError as exc:
        return await _conversation(request, rec, str(exc), 400)
    raise _back(rec, "review")


@require(*WORKERS)
async def post_outcome(request: web.Request) -> web.Response:
    rec = _record(request)
    form = await request.post()
    try:
        conversations.record_outcome(
            request.app[CONTEXT].engine, request[USER], rec, str(form.get("outcome", "")),
            _date(form.get("outcome_at")), str(form.get("reason", "")) or None,
            str(form.get("comment", "")))
    except conversations.ReviewError as exc:
        return await _conversation(request, rec, str(exc), 400)
    raise _back(rec, "outcome")


@require(*WORKERS)
async def post_callback(request: web.Request) -> web.Response:
    rec = _record(request)
    form = await request.post()
    try:
        queues.complete_callback(request.app[CONTEXT].engine, request[USER],
                                 rec["conversation_id"], rec["site"],
                                 str(form.get("result", "")))
    except queues.QueueError as exc:
        return await _conversation(request, rec, str(exc), 400)
    raise _back(rec, "callback")


@require(*WORKERS)
async def post_erasure_request(request: web.Request) -> web.Response:
    rec = _record(request)
    try:
        erasure.request_erasure(request.app[CONTEXT].engine, request[USER],
                                rec["conversation_id"], rec["site"])
    except erasure.ErasureError as exc:
        return await _conversation(request, rec, str(exc), 400)
    raise _back(rec, "erasure")


@require(*WORKERS)
async def post_erasure_approval(request: web.Request) -> web.Response:
    rec = _record(request)
    try:
        erasure.approve(request.app[CONTEXT].engine, request[USER], rec["conversation_id"])
    except erasure.ErasureError as exc:
        return await _conversation(request, rec, str(exc), 400)
    raise web.HTTPSeeOther("/staff/erasures?done=erased")
