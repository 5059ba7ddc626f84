"""One report for a scope, a site and a period, in a chosen format: what the CLI and the pages
both call, so they cannot differ."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy.engine import Engine

from bot.evaluate import FORMATS, data, model, tidy

CONTENT_TYPES = {"html": "text/html", "csv": "text/csv", "json": "application/json"}


class OutOfScope(Exception):
    """The site asked for is not one the person may see."""


@dataclass(frozen=True)
class Output:
    body: str
    content_type: str
    filename: str


def _period(start: date | None, end: date | None) -> str:
    if start and end:
        return f"from {start.isoformat()} to {end.isoformat()}"
    if start:
        return f"from {start.isoformat()}"
    if end:
        return f"up to {end.isoformat()}"
    return "at any time"


def build_report(engine: Engine, scope: Collection[str] | None, site: str | None = None,
                 start: date | None = None, end: date | None = None,
                 now: datetime | None = None) -> model.Report:
    """The report for ``site`` (or every site in ``scope``; None means all sites), for
    conversations started from ``start`` to ``end`` inclusive (dates, UTC)."""
    if site and scope is not None and site not in scope:
        raise OutOfScope(site)
    sites = [site] if site else (sorted(scope) if scope is not None else None)
    since = datetime.combine(start, datetime.min.time(), timezone.utc) if start else None
    until = (datetime.combine(end + timedelta(days=1), datetime.min.time(), timezone.utc)
             if end else None)
    combos = data.load(engine, sites=sites, since=since, until=until)
    filters = {
        "site": site, "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "sites_label": site or (", ".join(sites) if sites else "all sites"),
        "period_label": _period(start, end),
    }
    return model.build(combos, filters, now or datetime.now(timezone.utc))


def render(report: model.Report, fmt: str) -> Output:
    """The report as a downloadable file in ``fmt``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown report format {fmt!r}; use one of {', '.join(FORMATS)}")
    if fmt == "html":
        # matplotlib takes a second to import: only the HTML report draws charts.
        from bot.evaluate import html

        body = html.render(report)
    else:
        body = tidy.to_csv(report) if fmt == "csv" else tidy.to_json(report)
    stem = "take-up-report"
    if report.filters.get("site"):  # a site id, but it came from a query: keep it tame
        stem += "-" + re.sub(r"[^A-Za-z0-9_-]", "_", report.filters["site"])[:64]
    return Output(body, CONTENT_TYPES[fmt], f"{stem}.{fmt}")
