"""The report under ``/evaluate/`` for signed-in evaluators, leads and admins.

Who may see what is decided by the staff workspace's sign-in, passed in as ``guard``: a
function that takes a *scoped handler* ``(request, scope) -> response`` and returns an aiohttp
handler that checks the session and role, works out the sites the person may see (``scope``:
a list of site ids, or None for all) and only then calls it (or answers 401/403 itself).
The handlers here then check the site asked for against that scope, server-side.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date

from aiohttp import web
from sqlalchemy.engine import Engine

from bot.evaluate import FORMATS, html
from bot.evaluate.generate import OutOfScope, Output, build_report, render
from bot.records.coded_fields import recorded_sites

Scope = Collection[str] | None
ScopedHandler = Callable[[web.Request, Scope], Awaitable[web.StreamResponse]]
Guard = Callable[[ScopedHandler], Callable[[web.Request], Awaitable[web.StreamResponse]]]

#: The page has no script at all; inline styles are needed for the report's own CSS and for
#: matplotlib's SVG, which styles every shape with a style attribute.
CONTENT_SECURITY_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                           "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


class BadQuery(ValueError):
    """The query string asked for something that is not a date or a site."""


@dataclass(frozen=True)
class Query:
    site: str | None
    start: date | None
    end: date | None

    @classmethod
    def parse(cls, query: Mapping[str, str]) -> Query:
        def day(name: str) -> date | None:
            value = (query.get(name) or "").strip()
            if not value:
                return None
            try:
                return date.fromisoformat(value)
            except ValueError as exc:
                raise BadQuery(f"{name} must be a date like 2026-11-30") from exc

        start, end = day("from"), day("to")
        if start and end and start > end:
            raise BadQuery("the start date is after the end date")
        return cls((query.get("site") or "").strip() or None, start, end)


def report_output(engine: Engine, scope: Scope, query: Mapping[str, str], fmt: str) -> Output:
    """The report for an already-authorised ``scope`` and the page's query (site, from, to).

    Raises :class:`OutOfScope` for a site outside the scope, :class:`BadQuery` for a bad date.
    """
    wanted = Query.parse(query)
    report = build_report(engine, scope, wanted.site, wanted.start, wanted.end)
    if fmt == "page":
        sites = sorted(scope) if scope is not None else recorded_sites(engine)
        return Output(html.render(report, page=html.PageLinks(sites, dict(query))),
                      "text/html", "")
    return render(report, fmt)


def dictionary_output() -> Output:
    """The data dictionary, generated from the codebook."""
    return Output(html.render_dictionary(), "text/html", "")


def _response(output: Output, download: bool) -> web.Response:
    response = web.Response(text=output.body, content_type=output.content_type,
                            charset="utf-8")
    if download:
        response.headers["Content-Disposition"] = f'attachment; filename="{output.filename}"'
    response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    response.headers["Cache-Control"] = "no-store"
    return response


def _report_handler(fmt: str, engine_key: web.AppKey[Engine]) -> ScopedHandler:
    async def handler(request: web.Request, scope: Scope) -> web.StreamResponse:
        try:
            output = await asyncio.to_thread(report_output, request.app[engine_key], scope,
                                             request.query, fmt)
        except OutOfScope:
            raise web.HTTPForbidden(
                text="You do not have access to that site's figures.") from None
        except BadQuery as exc:
            raise web.HTTPBadRequest(text=f"Sorry, {exc}.") from None
        return _response(output, download=fmt != "page")
    return handler


async def _dictionary(request: web.Request, scope: Scope) -> web.StreamResponse:
    return _response(dictionary_output(), download=False)


def setup(app: web.Application, guard: Guard, engine_key: web.AppKey[Engine]) -> None:
    """Register the /evaluate/ routes, each behind ``guard``; the database engine is read
    from ``app[engine_key]`` when a request comes (the web app creates it at start-up)."""
    app.router.add_get("/evaluate/", guard(_report_handler("page", engine_key)))
    for fmt in FORMATS:
        app.router.add_get(f"/evaluate/report.{fmt}", guard(_report_handler(fmt, engine_key)))
    app.router.add_get("/evaluate/dictionary", guard(_dictionary))
