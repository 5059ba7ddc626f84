"""The evaluation report end to end: known records in a database, `bot report` run as a new
process in all three formats, and the /evaluate/ pages served over real HTTP behind a guard,
all showing the same numbers; then the page in headless Chromium with an axe scan.

The staff sign-in is built on another branch; here a test guard stands in for it, reading the
sites a request may see from a header (and refusing a request without one), so the scope
checks of the pages themselves are what is tested.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from aiohttp import web
from playwright.sync_api import expect
from sqlalchemy.engine import Engine

from bot.evaluate import pages
from bot.records.database import REPO_ROOT, make_engine
from tests.evaluate_records import EXPECTED, populate
from tests.web.test_widget import serious_violations

ENGINE = web.AppKey("engine", Engine)
PORT = 18095 + int(os.environ.get("INTAKE_TEST_PORT_OFFSET") or 0)
SCOPE_HEADER = "X-Test-Sites"


def test_guard(handler: pages.ScopedHandler):  # type: ignore[no-untyped-def]
    """Stands in for the staff sign-in: the header names the sites ("*" for all)."""
    async def guarded(request: web.Request) -> web.StreamResponse:
        sites = request.headers.get(SCOPE_HEADER)
        if not sites:
            raise web.HTTPUnauthorized(text="sign in first")
        return await handler(request, None if sites == "*" else sites.split(","))
    return guarded


test_guard.__test__ = False  # type: ignore[attr-defined]  # not a test, despite its name


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url = f"sqlite:///{tmp_path_factory.mktemp('evaluate') / 'known.db'}"
    engine = make_engine(url)
    populate(engine)
    engine.dispose()
    yield url


@pytest.fixture(scope="module")
def server(database: str) -> Iterator[str]:
    """The /evaluate/ routes on a real aiohttp server, in a thread (and event loop) of its
    own, so Playwright's loop in the main thread is left alone."""
    loop = asyncio.new_event_loop()
    app = web.Application()
    app[ENGINE] = make_engine(database)
    pages.setup(app, test_guard, ENGINE)
    runner = web.AppRunner(app)
    ready = threading.Event()

    def serve() -> None:
        asyncio.set_event_loop(loop)
        loop.run_until_complete(runner.setup())
        loop.run_until_complete(web.TCPSite(runner, "127.0.0.1", PORT).start())
        ready.set()
        loop.run_forever()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    assert ready.wait(30), "the test server did not start"
    yield f"http://127.0.0.1:{PORT}"
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


def fetch(url: str, sites: str | None = "*") -> tuple[int, dict[str, str], str]:
    request = urllib.request.Request(url, headers={SCOPE_HEADER: sites} if sites else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def bot_report(database: str, fmt: str, tmp_path: Path, *extra: str) -> str:
    out = tmp_path / f"report.{fmt}"
    subprocess.run([sys.executable, "-m", "bot.cli.main", "report", "--format", fmt,
                    "--output", str(out), *extra], cwd=REPO_ROOT, check=True, timeout=120,
                   env={**os.environ, "DATABASE_URL": database})
    return out.read_text(encoding="utf-8")


def test_cli_and_page_show_the_same_numbers(database: str, server: str,
                                            tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(bot_report(database, "csv", tmp_path))))
    document = json.loads(bot_report(database, "json", tmp_path))
    report_html = bot_report(database, "html", tmp_path)
    status, _, page = fetch(f"{server}/evaluate/")
    assert status == 200

    def from_csv(measure: str, category: str) -> tuple[str, str]:
        row = next(r for r in rows if (r["site"], r["month"], r["measure"], r["category"])
                   == ("all", "", measure, category))
        return row["count"], row["denominator"]

    def from_json(measure: str, category: str) -> tuple[int, int | None]:
        row = next(r for r in document["rows"] if (r["site"], r["month"], r["measure"],
                                                   r["category"]) == ("all", "", measure,
                                                                      category))
        return row["count"], row["denominator"]

    for cell in ("started", "consent_given", "intent_given", "outcome_recorded"):
        assert from_csv("flow", cell) == (str(EXPECTED[cell]), "")
        assert from_json("flow", cell) == (EXPECTED[cell], None)
    assert from_csv("outcome", "took_up") == ("11", "15")
    assert from_json("outcome", "took_up") == (11, 15)
    assert from_csv("take_up_intent", "yes") == ("14", "19")
    for html_text in (report_html, page):
        assert "11 / 15" in html_text and "14 / 19" in html_text and "73%" in html_text
        assert "<strong>24</strong>" in html_text  # conversations started, in the flow
    # the same hidden cell is hidden everywhere
    hidden = next(r for r in rows if (r["site"], r["category"]) == ("northbrook", "intent_yes"))
    assert hidden["suppressed"] == "true" and hidden["count"] == ""


def test_downloads_have_their_types_and_file_names(server: str) -> None:
    for fmt, kind in (("csv", "text/csv"), ("json", "application/json"),
                      ("html", "text/html")):
        status, headers, body = fetch(f"{server}/evaluate/report.{fmt}?site=eastvale")
        assert status == 200
        assert headers["Content-Type"].startswith(kind)
        assert headers["Content-Disposition"] == \
            f'attachment; filename="take-up-report-eastvale.{fmt}"'
        assert "northbrook" not in body.replace("Northbrook", "")


def test_the_guard_and_the_scope_are_checked(server: str) -> None:
    assert fetch(f"{server}/evaluate/", sites=None)[0] == 401
    assert fetch(f"{server}/evaluate/report.csv", sites=None)[0] == 401
    assert fetch(f"{server}/evaluate/?site=northbrook", sites="eastvale")[0] == 403
    status, _, body = fetch(f"{server}/evaluate/report.csv", sites="eastvale")
    assert status == 200
    assert {r["site"] for r in csv.DictReader(io.StringIO(body))} == {"all", "eastvale"}
    assert fetch(f"{server}/evaluate/?from=yesterday")[0] == 400


def test_the_dictionary_page(server: str) -> None:
    status, headers, body = fetch(f"{server}/evaluate/dictionary")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "concerns_reviewed" in body and "psychological_safety" in body


def test_the_page_in_a_browser_is_accessible(browser, server: str,  # type: ignore[no-untyped-def]
                                             screenshots: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900},
                                  extra_http_headers={SCOPE_HEADER: "*"})
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{server}/evaluate/")
    expect(page.get_by_role("heading", level=1)).to_contain_text("evaluation report")
    expect(page.get_by_role("img", name="Chart: funnel plot of take-up by site")).to_be_visible()
    assert serious_violations(page) == []
    page.screenshot(path=screenshots / "evaluate-report-desktop.png", full_page=True)
    page.get_by_role("combobox", name="Site").select_option("eastvale")
    page.get_by_role("button", name="Show").click()
    expect(page.locator("p.lead")).to_contain_text("eastvale")
    assert serious_violations(page) == []
    page.set_viewport_size({"width": 390, "height": 800})
    page.screenshot(path=screenshots / "evaluate-report-phone.png", full_page=True)
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.emulate_media(media="print")
    page.screenshot(path=screenshots / "evaluate-report-print.png", full_page=True)
    page.goto(f"{server}/evaluate/dictionary")
    assert serious_violations(page) == []
    assert all(u.startswith(server) for u in requested), requested  # nothing from elsewhere
    context.close()
