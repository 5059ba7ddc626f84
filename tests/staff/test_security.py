"""Session lifetimes, CSRF tokens, the sign-in throttle and links: pure logic, injected clocks."""

from __future__ import annotations

from bot.alerts.staff_alerts import Alert
from bot.records.intake_record import utcnow
from bot.staff.security import (
    ABSOLUTE_TIMEOUT,
    IDLE_TIMEOUT,
    Throttle,
    csrf_token,
    csrf_valid,
    new_staff_session,
    session_alive,
)


def test_sessions_end_after_idle_and_absolute_limits() -> None:
    session = new_staff_session(7, now=1000.0)
    assert session_alive(session, 1000.0 + IDLE_TIMEOUT)
    assert not session_alive(session, 1000.0 + IDLE_TIMEOUT + 1)
    # kept busy, it still ends 8 hours after signing in
    now = 1000.0
    while now < 1000.0 + ABSOLUTE_TIMEOUT:
        assert session_alive(session, now)
        session["seen"] = now
        now += IDLE_TIMEOUT - 1
    assert not session_alive(session, now)
    assert not session_alive({"uid": "x", "at": 1, "seen": 1}, 2)
    assert not session_alive("forged", 2)
    assert new_staff_session(7, 0)["sid"] != new_staff_session(7, 0)["sid"]  # rotated


def test_csrf_tokens() -> None:
    session: dict = {}
    token = csrf_token(session)
    assert len(token) >= 32 and csrf_token(session) == token
    assert csrf_valid(session, token)
    assert not csrf_valid(session, token[:-1] + ("A" if token[-1] != "A" else "B"))
    assert not csrf_valid(session, None) and not csrf_valid({}, token)


def test_the_throttle_counts_failures_in_a_window() -> None:
    now = [0.0]
    throttle = Throttle(limit=3, window=60, clock=lambda: now[0])
    for _ in range(3):
        assert not throttle.blocked("sam@example.org")
        throttle.failed("sam@example.org")
    assert throttle.blocked("sam@example.org") and not throttle.blocked("kim@example.org")
    now[0] = 61
    assert not throttle.blocked("sam@example.org")
    throttle.failed("sam@example.org")
    throttle.succeeded("sam@example.org")
    assert not throttle.blocked("sam@example.org")


def test_an_alert_links_to_the_risk_queue_without_anything_about_her(monkeypatch) -> None:
    monkeypatch.setenv("STAFF_BASE_URL", "https://intake.example.org/")
    alert = Alert(conversation_id="conv-1", site="northbrook", category="suicide",
                  layer="pattern", created_at=utcnow(), risk_event_id=7)
    assert alert.payload()["link"] == "https://intake.example.org/staff/risks#risk-7"
    from bot.alerts.staff_alerts import AlertConfig

    body = alert.email(AlertConfig(email_from="a@example.org", email_to=("b@example.org",)))
    assert "https://intake.example.org/staff/risks#risk-7" in body.get_content()


def test_after_sign_in_only_a_path_of_this_app() -> None:
    from bot.staff.pages import safe_next

    assert safe_next("/staff/conversations/abc?x=1") == "/staff/conversations/abc?x=1"
    for outside in ("https://evil.example", "//evil.example", "/\\evil.example",
                    "/\tevil", None, ""):
        assert safe_next(outside) == "/staff/"
