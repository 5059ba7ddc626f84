"""Rendering the staff pages from their autoescaped templates, with the CSRF token and user."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from aiohttp_session import get_session

from bot import codebook
from bot.records.risk_events import describe_layer
from bot.staff.access import USER
from bot.staff.queues import CATEGORY_LABELS
from bot.staff.security import CSRF_FIELD, csrf_token

HERE = Path(__file__).resolve().parent
TEMPLATES = web.AppKey("staff_templates", jinja2.Environment)


def setup_templates(app: web.Application) -> None:
    env = aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(HERE / "templates"),
                               autoescape=True, app_key=TEMPLATES)
    env.undefined = jinja2.StrictUndefined
    env.filters["when"] = when
    env.filters["age"] = age
    env.filters["category"] = lambda code: CATEGORY_LABELS.get(code, code)
    env.filters["layer"] = describe_layer
    env.filters["language"] = language_name


def language_name(code: str | None) -> str:
    """A record's language code as staff read it: "Polish"; "not recorded" for records made
    before schema_version 5."""
    if not code:
        return "not recorded"
    return codebook.LANGUAGES.get(code, code)


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value


def when(value: datetime | None) -> str:
    """``5 Dec 2026, 15:09`` (UTC), or a dash."""
    if value is None:
        return "\u2014"
    return _utc(value).astimezone(timezone.utc).strftime("%-d %b %Y, %H:%M")


def age(value: datetime | None, now: datetime | None = None) -> str:
    """How long ago, in words: ``4 min``, ``3 h 10 min``, ``2 days``."""
    if value is None:
        return "\u2014"
    minutes = int(((now or datetime.now(timezone.utc)) - _utc(value)).total_seconds() // 60)
    if minutes < 1:
        return "under a minute"
    if minutes < 60:
        return f"{minutes} min"
    if minutes < 48 * 60:
        return f"{minutes // 60} h {minutes % 60} min"
    return f"{minutes // (24 * 60)} days"


async def render(request: web.Request, name: str, context: dict[str, Any],
                 status: int = 200) -> web.Response:
    session = await get_session(request)
    context = {"user": request.get(USER), "csrf_field": CSRF_FIELD,
               "csrf": csrf_token(session), "path": request.path, **context}
    return aiohttp_jinja2.render_template(name, request, context, status=status,
                                          app_key=TEMPLATES)
