"""The staff pages in headless Chromium, against the real stack: a mother's conversation raises a
risk through the running assistant, then a new member of staff sets up her account with a second
factor, signs in, finds the risk, reads the transcript, adds a note, records an outcome and
acknowledges the risk; then reads the number another mother left for a call-back and marks it
done. Axe scans each page; screenshots at phone and desktop width go to
tests/screenshots/ for a person to look at.
"""

from __future__ import annotations

import time
from pathlib import Path

import pyotp
import pytest
from playwright.sync_api import Page, expect

from bot.records.database import make_engine
from bot.records.intake_record import IntakeRepository
from bot.runtime.stack import Stack
from bot.staff.accounts import Accounts
from bot.staff.audit import AuditLog
from tests.conftest import Chat
from tests.web.test_widget import serious_violations

pytestmark = pytest.mark.integration
PASSWORD = "correct horse battery staple"
WIDTHS = {"phone-320": (320, 640), "desktop-1280": (1280, 800)}


def wait_for_a_fresh_code(secret: str) -> str:
    """A TOTP code of a later time step than the one used at setup (each code works once)."""
    totp = pyotp.TOTP(secret)
    step = int(time.time()) // totp.interval
    while int(time.time()) // totp.interval == step:
        time.sleep(0.5)
    return totp.now()


def shoot(page: Page, screenshots: Path, name: str) -> None:
    """Screenshots at phone and desktop width, each without sideways scrolling."""
    for label, (width, height) in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": height})
        page.screenshot(path=screenshots / f"staff-{name}-{label}.png", full_page=True)
        wide = page.evaluate("""(width) => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > width)
            .map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right)""",
                             width)
        assert wide == [], (name, label)
    assert serious_violations(page) == [], name


def test_a_new_member_of_staff_handles_a_risk_end_to_end(browser, stack: Stack,
                                                         screenshots: Path) -> None:
    chat = Chat(stack, site="northbrook")
    chat.say("hi")
    chat.say("yes that's fine")
    chat.say("i cant be on my own with her in case i do something")
    callback = Chat(stack, site="northbrook")  # another mother asks to be texted
    for text in ("hi", "yes that's fine", "ok carry on", "one to one i think", "phone",
                 "evenings", "my health visitor", "im 30 weeks pregnant", "no that's all",
                 "yes I'd like to try it", "yes please", "text me", "07700 900123"):
        callback.say(text)
    engine = make_engine(stack.db_url)
    token = Accounts(engine).add("sam@northbrook.example.org", "staff", ["northbrook"])

    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  base_url=stack.web_url)
    context.set_default_timeout(20_000)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    # set up: password, TOTP from the key shown on the page, recovery codes
    page.goto(f"/staff/setup/{token}")
    expect(page.locator(".qr svg")).to_be_visible()
    shoot(page, screenshots, "setup")
    secret = page.locator("#totp-secret").inner_text().strip()
    page.get_by_label("Password (at least 12 characters)").fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_label("The six-digit code your app now shows").fill(pyotp.TOTP(secret).now())
    page.get_by_role("button", name="Finish setting up").click()
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    shoot(page, screenshots, "recovery-codes")

    # sign in with the password and a second factor
    page.get_by_role("link", name="Sign in now").click()
    shoot(page, screenshots, "signin")
    page.get_by_label("Email address").fill("sam@northbrook.example.org")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(wait_for_a_fresh_code(secret))
    page.get_by_role("button", name="Sign in").click()

    # the risk is in the queue
    expect(page.get_by_role("heading", name="Risks waiting for someone")).to_be_visible()
    card = page.locator(".card.risk").filter(has=page.locator(
        f"a[href='/staff/conversations/{chat.sender}']"))
    # In the full suite the queue also holds every risk the safety tests raised (over a
    # thousand cards, unpaginated), so the page can still be arriving after its heading shows.
    expect(card).to_have_count(1, timeout=30_000)
    expect(card).to_contain_text("Harm to baby")
    shoot(page, screenshots, "risk-queue")

    # read the transcript, add a note, record an outcome
    card.get_by_role("link", name="Read the conversation").click()
    expect(page.locator(".msg.her").filter(has_text="in case i do something")).to_have_count(1)
    page.get_by_label("Add a note").fill("Rang her at 10:05. She is safe; her GP knows.")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator(".notes")).to_contain_text("She is safe; her GP knows.")
    page.get_by_label("Yes, she took it up").check()
    page.get_by_role("button", name="Save outcome").click()
    expect(page.locator(".ok")).to_have_text("Saved.")
    shoot(page, screenshots, "conversation")

    # acknowledge the risk: it leaves the queue
    page.get_by_role("link", name="Risks").click()
    card.get_by_label("What was done").fill("Rang her; safe; GP informed.")
    card.get_by_role("button", name="Acknowledge").click()
    expect(page.locator(".ok")).to_contain_text("acknowledged")
    expect(card).to_have_count(0)

    # the call-back: her number (written encrypted by the action server) shown on request
    page.get_by_role("link", name="Call-backs").click()
    row = page.locator("tr").filter(has=page.locator(
        f"a[href='/staff/conversations/{callback.sender}']"))
    expect(row).to_contain_text("evening")
    shoot(page, screenshots, "callbacks")
    row.get_by_role("link", name="Open").click()
    page.get_by_role("link", name="Show her contact details").click()
    expect(page.locator(".contact-value")).to_have_text("+447700900123")
    page.go_back()
    page.get_by_label("How did it go?").fill("Texted her; she will come on Tuesday.")
    page.get_by_role("button", name="Mark call-back done").click()
    expect(page.locator(".notes")).to_contain_text("Call-back done")

    page.get_by_role("link", name="Conversations").click()
    shoot(page, screenshots, "conversations")
    context.close()
    assert IntakeRepository(engine).get(callback.sender)["callback_done"] is True

    record = IntakeRepository(engine).get(chat.sender)
    assert record["outcome"] == "took_up" and record["outcome_at"] is not None
    assert record["risk_acknowledged"] is True
    actions = [r["action"] for r in AuditLog(engine).rows() if r["actor"].startswith("sam@")]
    assert actions[:2] == ["account_set_up", "sign_in"]
    assert {"transcript_viewed", "note_added", "outcome_recorded", "risk_acknowledged",
            "contact_viewed", "callback_done"} <= set(actions)
    assert AuditLog(engine).verify().intact
    assert all(u.startswith(stack.web_url) or u.startswith("data:") for u in requested)
