"""The staff pages over HTTP, in the real web app (in process), on SQLite and PostgreSQL.

Every /staff/ route of the app is enumerated, so a new page cannot be added without the access
checks: each refuses an anonymous request, a signed-in user of another site and an evaluator.
"""

from __future__ import annotations

import re
import time
from collections.abc import AsyncIterator

import aiohttp
import pyotp
import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from cryptography.fernet import Fernet

from bot.staff.access import CONTEXT
from bot.staff.audit import AuditLog
from bot.staff.pages import FAILED, PUBLIC_ROUTES
from bot.staff.queues import risk_queue
from bot.web.app import make_app
from bot.web.config import WebConfig
from tests.staff.helpers import PASSWORD, make_conversation, make_user

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
async def client(db_url: str) -> AsyncIterator[TestClient]:
    app = make_app(WebConfig(db_url=db_url, secret_key=Fernet.generate_key().decode()))
    async with TestClient(TestServer(app), cookie_jar=aiohttp.CookieJar(unsafe=True)) as c:
        yield c


async def another(client: TestClient) -> TestClient:
    """A second browser on the same app (its own cookies)."""
    other = TestClient(client.server, cookie_jar=aiohttp.CookieJar(unsafe=True))
    await other.start_server()
    return other


async def csrf_of(client: TestClient, path: str = "/staff/signin") -> str:
    response = await client.get(path)
    return CSRF.search(await response.text()).group(1)


async def sign_in(client: TestClient, email: str, secret: str) -> aiohttp.ClientResponse:
    token = await csrf_of(client)
    return await client.post("/staff/signin", allow_redirects=False, data={
        "csrf_token": token, "email": email, "password": PASSWORD,
        "code": pyotp.TOTP(secret).now(), "next": "/staff/"})


def engine_of(client: TestClient):  # type: ignore[no-untyped-def]
    return client.server.app[CONTEXT].engine


def staff_routes(app: web.Application) -> list[tuple[str, str, web.AbstractRoute]]:
    return [(route.method, route.resource.canonical, route)
            for resource in app.router.resources() for route in resource
            if resource.canonical.startswith("/staff") and route.method != "HEAD"]


# ------------------------------------------------------------------------- every route


async def test_every_staff_route_refuses_strangers_other_sites_and_evaluators(
        client: TestClient) -> None:
    engine = engine_of(client)
    _, east_secret = make_user(engine, "east@example.org", "staff", ["eastvale"])
    _, eval_secret = make_user(engine, "eval@example.org", "evaluator", ["northbrook"])
    cid = make_conversation(engine)  # a Northbrook conversation with a risk event
    [event_id] = [row["id"] for row in risk_queue(engine, None)]
    routes = staff_routes(client.server.app)
    public = {(method, path) for method, path, _ in routes if (method, path) in PUBLIC_ROUTES}
    assert public == PUBLIC_ROUTES  # a new public route has to be listed on purpose
    guarded = [(m, p, r) for m, p, r in routes if (m, p) not in PUBLIC_ROUTES]
    assert len(guarded) >= 15
    for _method, path, route in guarded:  # each is behind require(), with its roles
        assert getattr(route.handler, "staff_roles", None), path
        assert "evaluator" not in route.handler.staff_roles, path

    async def request(browser: TestClient, method: str, path: str) -> aiohttp.ClientResponse:
        token = await csrf_of(browser)  # a valid token: the refusal is the access check's
        url = path.replace("{cid}", cid).replace("{id}", str(event_id))
        return await browser.request(method, url, allow_redirects=False, data={
            "csrf_token": token, "text": "x", "action": "x", "result": "x", "colleague": "1",
            "outcome": "took_up", "outcome_at": "2026-12-01", "concern": "practical_time"})

    anonymous, east, evaluator = [await another(client) for _ in range(3)]
    try:
        for method, path, _ in guarded:
            response = await request(anonymous, method, path)
            assert response.status == 303, (method, path)
            assert response.headers["Location"].startswith("/staff/signin"), (method, path)

        assert (await sign_in(east, "east@example.org", east_secret)).status == 303
        for method, path, _ in guarded:
            response = await request(east, method, path)
            if "{" in path:  # one record of the other site: refused outright
                assert response.status == 403, (method, path)
            else:  # a list: allowed, with nothing of the other site in it
                assert response.status in (200, 303, 403), (method, path)
                assert cid not in await response.text(), (method, path)

        response = await sign_in(evaluator, "eval@example.org", eval_secret)
        assert response.headers["Location"] == "/evaluate/"
        for method, path, _ in guarded:
            assert (await request(evaluator, method, path)).status == 403, (method, path)
    finally:
        for browser in (anonymous, east, evaluator):
            await browser.session.close()  # the server is the fixture's to close
    # and none of them changed or saw anything
    assert {r["action"] for r in AuditLog(engine).rows()} == {"sign_in"}


# ---------------------------------------------------------------------------- sign-in


async def test_sign_in_with_password_and_totp_rotates_the_session(client: TestClient) -> None:
    _, secret = make_user(engine_of(client), "sam@example.org", "staff", ["northbrook"])
    await csrf_of(client)
    before = {c.key: c.value for c in client.session.cookie_jar}
    response = await sign_in(client, "sam@example.org", secret)
    assert response.status == 303 and response.headers["Location"] == "/staff/"
    after = {c.key: c.value for c in client.session.cookie_jar}
    assert after["intake_chat"] != before["intake_chat"]
    page = await client.get("/staff/risks")
    assert page.status == 200 and "sam@example.org" in await page.text()
    assert page.headers["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in page.headers["Content-Security-Policy"]
    assert [r["action"] for r in AuditLog(engine_of(client)).rows()] == ["sign_in"]


async def test_failed_sign_ins_look_alike_and_are_throttled(client: TestClient) -> None:
    _, secret = make_user(engine_of(client), "sam@example.org", "staff", ["northbrook"])
    answers = []
    for email, password in (("nobody@example.org", PASSWORD), ("sam@example.org", "wrong!")):
        token = await csrf_of(client)
        response = await client.post("/staff/signin", data={
            "csrf_token": token, "email": email, "password": password,
            "code": pyotp.TOTP(secret).now()})
        answers.append((response.status, FAILED in await response.text()))
    assert answers == [(401, True), (401, True)]
    assert [r["actor"] for r in AuditLog(engine_of(client)).rows()] == [
        "(no such account)", "sam@example.org"]
    for _ in range(4):
        token = await csrf_of(client)
        await client.post("/staff/signin", data={"csrf_token": token,
                                                 "email": "sam@example.org", "password": "x",
                                                 "code": "123456"})
    response = await sign_in(client, "sam@example.org", secret)  # right, but too many tries
    assert response.status == 429


async def test_idle_and_absolute_timeouts_sign_out(client: TestClient) -> None:
    _, secret = make_user(engine_of(client), "sam@example.org", "staff", ["northbrook"])
    context = client.server.app[CONTEXT]
    start = time.time()
    context.clock = lambda: start
    await sign_in(client, "sam@example.org", secret)
    context.clock = lambda: start + 14 * 60
    assert (await client.get("/staff/risks", allow_redirects=False)).status == 200
    context.clock = lambda: start + 14 * 60 + 16 * 60  # 16 idle minutes
    response = await client.get("/staff/risks", allow_redirects=False)
    assert response.status == 303 and "/staff/signin" in response.headers["Location"]


async def test_forms_without_the_csrf_token_are_refused(client: TestClient) -> None:
    engine = engine_of(client)
    _, secret = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    await sign_in(client, "sam@example.org", secret)
    path = f"/staff/conversations/{cid}/notes"
    for data in ({"text": "no token"}, {"text": "forged", "csrf_token": "x" * 43}):
        response = await client.post(path, data=data, allow_redirects=False)
        assert response.status == 403
    token = await csrf_of(client, f"/staff/conversations/{cid}")
    response = await client.post(path, data={"text": "Rang her.", "csrf_token": token},
                                 allow_redirects=False)
    assert response.status == 303
    notes_page = await (await client.get(f"/staff/conversations/{cid}")).text()
    assert "Rang her." in notes_page and "no token" not in notes_page


async def test_viewing_a_transcript_or_contact_is_audited_and_escaped(
        client: TestClient) -> None:
    engine = engine_of(client)
    _, secret = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    await sign_in(client, "sam@example.org", secret)
    token = await csrf_of(client, f"/staff/conversations/{cid}")
    await client.post(f"/staff/conversations/{cid}/notes",
                      data={"text": "<script>alert(1)</script>", "csrf_token": token})
    page = await (await client.get(f"/staff/conversations/{cid}")).text()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    contact = await (await client.get(f"/staff/conversations/{cid}/contact")).text()
    assert "+447700900123" in contact
    actions = [(r["action"], r["conversation_id"]) for r in AuditLog(engine).rows()]
    assert ("transcript_viewed", cid) in actions and ("contact_viewed", cid) in actions
    assert AuditLog(engine).verify().intact


async def test_the_admin_audit_page_shows_the_chain(client: TestClient) -> None:
    engine = engine_of(client)
    _, secret = make_user(engine, "admin@example.org", "admin", [])
    await sign_in(client, "admin@example.org", secret)
    page = await (await client.get("/staff/audit")).text()
    assert "is intact" in page and "sign in" in page


async def test_erasure_through_the_pages_takes_two_people(client: TestClient) -> None:
    engine = engine_of(client)
    _, sam_secret = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    _, lead_secret = make_user(engine, "lead@example.org", "lead", ["northbrook"])
    cid = make_conversation(engine)
    page = f"/staff/conversations/{cid}"
    await sign_in(client, "sam@example.org", sam_secret)
    response = await client.post(f"{page}/erasure", allow_redirects=False,
                                 data={"csrf_token": await csrf_of(client, page)})
    assert response.status == 303
    text = await (await client.get(page)).text()
    assert "asked for this conversation to be erased" in text and "Approve" not in text
    response = await client.post(f"{page}/erasure/approve",
                                 data={"csrf_token": await csrf_of(client, page)})
    assert response.status == 400  # staff cannot approve

    lead = await another(client)
    try:
        await sign_in(lead, "lead@example.org", lead_secret)
        response = await lead.post(f"{page}/erasure/approve", allow_redirects=False,
                                   data={"csrf_token": await csrf_of(lead, page)})
        assert response.status == 303
        assert (await lead.get(page)).status == 404
    finally:
        await lead.session.close()
    assert [r["action"] for r in AuditLog(engine).rows()][-2:] == [
        "transcript_viewed", "erasure_approved"]


async def test_an_outcome_without_a_reason_is_explained_not_saved(client: TestClient) -> None:
    engine = engine_of(client)
    _, secret = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    page = f"/staff/conversations/{cid}"
    await sign_in(client, "sam@example.org", secret)
    response = await client.post(f"{page}/outcome", data={
        "csrf_token": await csrf_of(client, page), "outcome": "did_not_take_up",
        "outcome_at": "2026-12-01", "reason": ""})
    assert response.status == 400 and "choose a reason" in await response.text()
    assert (await client.get(page)).status == 200


async def test_the_risk_queue_and_conversation_show_which_layer_fired(
        client: TestClient) -> None:
    """Rule name, classifier score and check-in answer (issue 12), escaped like the rest."""
    from bot.records.risk_events import insert_risk_event

    engine = engine_of(client)
    _, secret = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    with engine.begin() as conn:
        insert_risk_event(conn, cid, "northbrook", "harm_baby", "check_in", "her words",
                          score=0.72, check_in="not_sure")
        insert_risk_event(conn, cid, "northbrook", "self_harm", "classifier", "her words",
                          score=0.97)
        insert_risk_event(conn, cid, "northbrook", "suicide", "pattern", "her words",
                          rule="suicide.<want_to_die>")
    await sign_in(client, "sam@example.org", secret)
    queue = await (await client.get("/staff/risks")).text()
    conversation = await (await client.get(f"/staff/conversations/{cid}")).text()
    for page in (queue, conversation):
        assert "check-in: not sure (classifier score 0.72)" in page
        assert "classifier (score 0.97)" in page
        assert "pattern (suicide.&lt;want_to_die&gt;)" in page


async def test_staff_see_her_language_and_the_call_back_language(client: TestClient) -> None:
    """Issue 19: the call-back queue and the conversation page say which language; a record
    made before languages were recorded says so."""
    from bot.records.intake_record import IntakeRepository

    engine = engine_of(client)
    _, secret = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    polish = make_conversation(engine, risk=False)
    IntakeRepository(engine).upsert(polish, {"site": "northbrook", "consent": "given",
                                             "language": "pl", "callback_language": "pl"})
    older = make_conversation(engine, risk=False)
    await sign_in(client, "sam@example.org", secret)
    queue = await (await client.get("/staff/callbacks")).text()
    assert "call back in Polish" in queue and "not recorded" in queue
    page = await (await client.get(f"/staff/conversations/{polish}")).text()
    assert "Language she wrote in" in page and "call-back in Polish" in page
    assert "not recorded" in await (await client.get(f"/staff/conversations/{older}")).text()
