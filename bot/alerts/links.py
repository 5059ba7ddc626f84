"""Addresses of staff pages for links sent outside the app (setup links, alert emails).

``STAFF_BASE_URL`` is the address staff reach the web app at (default
``http://127.0.0.1:8080``, what `make run` serves). A link names a page and a record number or
random conversation id only: never anything about her.
"""

from __future__ import annotations

import os
from urllib.parse import quote

DEFAULT_BASE_URL = "http://127.0.0.1:8080"


def base_url() -> str:
    return (os.environ.get("STAFF_BASE_URL", "").strip() or DEFAULT_BASE_URL).rstrip("/")


def setup_link(token: str) -> str:
    return f"{base_url()}/staff/setup/{quote(token, safe='')}"


def risk_link(risk_event_id: int | None) -> str:
    """The risk queue, at this risk's card when the event was stored."""
    anchor = f"#risk-{risk_event_id}" if risk_event_id is not None else ""
    return f"{base_url()}/staff/risks{anchor}"
