"""The widget in headless Chromium, on the demo programme page, against the real stack.

Screenshots go to tests/screenshots/ (not in git) for a person to look at.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Frame, Page, expect

from bot.records.intake_record import IntakeRepository
from bot.runtime.stack import Stack
from tests.web.conftest import FakeRasa, conversation_id, silent_rasa, web_app

pytestmark = pytest.mark.integration
LAUNCHER = "Chat with us"
EXIT_PAGE = "https://www.bbc.co.uk/weather"
#: Buttons to prefer when clicking through a conversation (else the first one offered).
PREFERRED = ("Yes, that's fine", "Sounds OK, carry on", "No, that's all",
             "Yes, I'd like to", "No, I'll contact them")
CLOSING = "Thank you for talking with me today"


def open_chat(page: Page, path: str = "/") -> Frame:
    """The demo page with the chat opened from its launcher, once the welcome is shown."""
    page.goto(path)
    page.get_by_role("button", name=LAUNCHER).click()
    return chat_frame(page)


def chat_frame(page: Page) -> Frame:
    handle = page.locator("iframe[title='Peer support chat']").element_handle()
    frame = handle.content_frame()
    assert frame is not None
    expect(frame.locator(".msg.bot").first).to_contain_text("automated assistant")
    return frame


def settle(frame: Frame) -> None:
    """Wait until no message is on its way."""
    expect(frame.locator(".typing")).to_have_count(0)


def click_through(frame: Frame, steps: int = 25) -> list[str]:
    """Press buttons until the conversation closes; the titles pressed, in order."""
    pressed = []
    for _ in range(steps):
        settle(frame)
        if CLOSING in frame.locator("#log").inner_text():
            return pressed
        choices = frame.locator(".choices .choice")
        expect(choices.first).to_be_visible()
        titles = choices.all_inner_texts()
        title = next((t for t in PREFERRED if t in titles), titles[0])
        frame.get_by_role("button", name=title, exact=True).click()
        pressed.append(title)
    raise AssertionError(f"no closing message after pressing {pressed}")


def type_message(frame: Frame, text: str, press_enter: bool = True) -> None:
    box = frame.get_by_role("textbox", name="Your message")
    box.fill(text)
    if press_enter:
        box.press("Enter")
    else:
        frame.get_by_role("button", name="Send").click()
    expect(frame.locator(".msg.mine").last).to_contain_text(text)
    settle(frame)


def session_cookie(context: BrowserContext) -> str | None:
    return next((c["value"] for c in context.cookies() if c["name"] == "intake_chat"), None)


def serious_violations(target: Page | Frame) -> list[str]:
    results = Axe().run(target)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']]}"
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


# --------------------------------------------------------------------------- conversations


def test_a_whole_conversation_by_clicking(phone: BrowserContext, stack: Stack,
                                          repo: IntakeRepository, screenshots: Path) -> None:
    page = phone.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto("/")
    page.screenshot(path=screenshots / "phone-375-demo-page.png")
    frame = open_chat(page)
    expect(frame.locator(".choices .choice").first).to_be_visible()
    page.screenshot(path=screenshots / "phone-375-welcome.png")

    pressed = click_through(frame)
    assert len(pressed) >= 6
    page.screenshot(path=screenshots / "phone-375-closing.png")
    # each press is shown as what she said, by its title
    assert frame.locator(".msg.mine .text").all_text_contents() == pressed
    record = repo.get(conversation_id(stack, session_cookie(phone)))
    assert record is not None and record["consent"] == "given" and record["completed"] is True
    # every asset came from the app itself: no CDN, no fonts or scripts from elsewhere
    assert requested and all(u.startswith(stack.web_url) or u.startswith("data:")
                             for u in requested), requested


def test_a_conversation_by_typing(phone: BrowserContext, stack: Stack,
                                  repo: IntakeRepository) -> None:
    page = phone.new_page()
    frame = open_chat(page)
    for text in ("yes that's fine", "ok carry on", "one to one i think"):
        type_message(frame, text)
    type_message(frame, "phone would be best", press_enter=False)
    for text in ("evenings", "my health visitor told me about it", "im 30 weeks pregnant",
                 "im scared theyll think im a bad mum"):
        type_message(frame, text)
    assert "judg" in frame.locator("#log").inner_text().lower()  # her worry was answered
    record = repo.get(conversation_id(stack, session_cookie(phone)))
    assert record["format_preference"] == "one_to_one"
    assert record["perinatal_stage"] == "pregnant"
    assert "fear_of_judgement" in record["concerns"]


def test_keyboard_only(phone: BrowserContext, screenshots: Path) -> None:
    page = phone.new_page()
    page.goto("/")
    for _ in range(12):  # through the page's own links to the launcher
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.shadowRoot?.activeElement?.className") == \
                "launcher":
            break
    else:
        raise AssertionError("the launcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    frame = chat_frame(page)
    expect(frame.locator(".choice").first).to_be_visible()

    def focused() -> dict:
        return frame.evaluate("""() => {
            const e = document.activeElement, s = getComputedStyle(e);
            return {tag: e.tagName, text: e.textContent.trim(), cls: e.className,
                    outline: s.outlineStyle + " " + s.outlineColor, ring: s.boxShadow};
        }""")

    def tab_to(wanted: Callable[[dict], bool]) -> dict:
        for _ in range(15):
            page.keyboard.press("Tab")
            if wanted(now := focused()):
                return now
        raise AssertionError("cannot be reached with Tab")

    tab_to(lambda f: f["text"] == "Quick exit")  # first in the chat: leaving is quickest
    choice = tab_to(lambda f: f["text"] == "Yes, that's fine")
    assert choice["outline"] == "solid rgb(255, 221, 0)" and "rgb(11, 12, 12)" in choice["ring"]
    page.screenshot(path=screenshots / "phone-375-keyboard-focus.png")
    page.keyboard.press("Enter")
    settle(frame)
    # the pressed button is gone: focus went to the reply, and the next Tab reaches its choices
    assert "bot" in focused()["cls"]
    assert focused()["text"].startswith("Assistant said:")
    page.keyboard.press("Tab")
    assert focused()["tag"] == "BUTTON" and "choice" in focused()["cls"]
    tab_to(lambda f: f["tag"] == "TEXTAREA")
    page.keyboard.type("one to one please")
    page.keyboard.press("Enter")
    settle(frame)
    assert frame.locator(".msg.mine").last.inner_text().endswith("one to one please")
    assert focused()["tag"] == "TEXTAREA"  # typing is never interrupted by a reply
    expect(frame.locator("#announcer")).to_have_text(re.compile(r"^Assistant: "))
    page.keyboard.press("Escape")  # closes the chat, back to the launcher
    expect(page.get_by_role("button", name=LAUNCHER)).to_be_focused()
    expect(page.locator("iframe")).to_be_hidden()


def test_reload_keeps_the_history(phone: BrowserContext) -> None:
    page = phone.new_page()
    frame = open_chat(page)
    frame.get_by_role("button", name="Yes, that's fine").click()
    settle(frame)
    type_message(frame, "what if they judge me")
    type_message(frame, "ok carry on")  # the next question comes with its choices
    before = frame.locator(".msg").all_inner_texts()
    offered = frame.locator(".choices .choice").all_inner_texts()
    assert offered, "the question before the reload offered no choices"
    page.reload()
    frame = chat_frame(page)  # reopened by itself in this tab
    expect(frame.locator(".msg")).to_have_count(len(before))
    assert frame.locator(".msg").all_inner_texts() == before
    # the last message's buttons are offered again, and only those
    expect(frame.locator(".choices .choice")).to_have_text(offered)


def test_quick_exit_clears_and_leaves(phone: BrowserContext) -> None:
    page = phone.new_page()
    page.route("https://www.bbc.co.uk/**", lambda route: route.fulfill(
        content_type="text/html", body="<title>Weather</title><h1>Weather</h1>"))
    frame = open_chat(page)
    frame.get_by_role("button", name="Yes, that's fine").click()
    settle(frame)
    assert session_cookie(phone)
    frame.get_by_role("button", name="Quick exit").click()
    page.wait_for_url(EXIT_PAGE)
    expect(page.get_by_role("heading", name="Weather")).to_be_visible()
    for _ in range(50):
        if session_cookie(phone) is None:
            break
        page.wait_for_timeout(100)
    assert session_cookie(phone) is None  # the browser has forgotten the conversation
    # Back does not return to the chat (the page was replaced), and a new visit starts afresh
    page.goto("/")
    page.get_by_role("button", name=LAUNCHER).click()
    frame = chat_frame(page)
    settle(frame)
    assert frame.locator(".msg.mine").count() == 0


def test_markup_is_shown_as_text(phone: BrowserContext) -> None:
    page = phone.new_page()
    frame = open_chat(page)
    attacks = ['<img src=x onerror="window.pwned=1">', "<script>window.pwned=1</script>",
               '<a href="javascript:window.pwned=1">click</a>']
    for attack in attacks:
        type_message(frame, attack)
    page.reload()
    frame = chat_frame(page)
    for attack in attacks:
        expect(frame.locator(".msg.mine", has_text=attack)).to_have_count(1)
    assert frame.locator("#log img, #log script, #log a[href^=javascript]").count() == 0
    assert frame.evaluate("window.pwned") is None and page.evaluate("window.pwned") is None


# --------------------------------------------------------------------------- trouble


def test_rasa_down_keeps_her_message_and_gives_contacts(browser, stack: Stack,
                                                        screenshots: Path) -> None:
    with FakeRasa([]) as rasa, web_app(stack, rasa_url=rasa.url, rasa_timeout="5") as url:
        context = browser.new_context(viewport={"width": 375, "height": 740}, base_url=url)
        context.set_default_timeout(20_000)
        page = context.new_page()
        page.goto("/chat?site=eastvale")
        frame = page.main_frame
        note = frame.locator(".note")
        expect(note.last).to_contain_text("07700 900456")  # Eastvale's phone line
        expect(note.last).to_contain_text("999")
        frame.get_by_role("button", name="Try again").click()  # the welcome, still down
        settle(frame)
        expect(note).to_have_count(1)
        type_message(frame, "is anyone there")
        expect(frame.locator(".msg.mine .unsent-label")).to_have_text("Not sent")
        expect(frame.locator("#announcer")).to_contain_text("hasn't been lost")
        page.screenshot(path=screenshots / "phone-375-rasa-down.png")
        assert serious_violations(page) == []

        rasa.replies = [{"recipient_id": "x", "text": "Sorry about that, I'm here now."}]
        frame.get_by_role("button", name="Send again").last.click()
        expect(frame.locator(".msg.bot").last).to_contain_text("I'm here now")
        expect(frame.locator(".msg.mine")).to_have_count(1)  # sent once, not lost, not doubled
        expect(frame.locator(".unsent-label")).to_have_count(0)
        context.close()


def test_typing_indicator_while_waiting(browser, stack: Stack) -> None:
    slow = FakeRasa([{"text": "Hello, sorry to keep you waiting."}], delay=1.5)
    with slow as rasa, web_app(stack, rasa_url=rasa.url) as url:
        context = browser.new_context(viewport={"width": 375, "height": 740}, base_url=url)
        page = context.new_page()
        page.goto("/chat")
        typing = page.locator(".typing")
        expect(typing).to_be_visible()
        expect(typing).to_contain_text("The assistant is typing")
        expect(page.locator("#log")).to_have_attribute("aria-busy", "true")
        expect(page.get_by_role("textbox", name="Your message")).to_be_editable()  # free text
        expect(page.locator(".msg.bot")).to_contain_text("sorry to keep you waiting")
        expect(typing).to_have_count(0)
        expect(page.locator("#log")).not_to_have_attribute("aria-busy", "true")
        context.close()


def test_a_reply_that_never_comes_ends_in_the_polite_message(browser, stack: Stack) -> None:
    """Rasa hung: the dots, said once to a screen reader, then the kind message at the limit."""
    with silent_rasa() as rasa_url, web_app(stack, rasa_url=rasa_url, rasa_timeout="3") as url:
        context = browser.new_context(viewport={"width": 375, "height": 740}, base_url=url)
        page = context.new_page()
        page.goto("/chat?site=eastvale")
        expect(page.locator(".typing")).to_be_visible()
        expect(page.locator("#log")).to_have_attribute("aria-busy", "true")
        expect(page.locator("#announcer")).to_have_text("The assistant is typing")
        note = page.locator(".note")
        expect(note.last).to_contain_text("07700 900456", timeout=10_000)
        expect(page.locator(".typing")).to_have_count(0)
        expect(page.locator("#log")).not_to_have_attribute("aria-busy", "true")
        context.close()


# --------------------------------------------------------------------------- accessibility


def test_no_serious_accessibility_issues(phone: BrowserContext) -> None:
    page = phone.new_page()
    page.goto("/")
    assert serious_violations(page) == []  # the demo page with the launcher
    frame = open_chat(page)
    frame.get_by_role("button", name="Yes, that's fine").click()
    settle(frame)
    box = frame.get_by_role("textbox", name="Your message")
    box.fill("that's a lot, " * 150)
    box.press("Enter")
    expect(frame.locator("#message-hint")).to_contain_text("2,000 characters each")
    assert serious_violations(page) == []
    assert serious_violations(frame) == []  # inside the chat's frame, with choices on show


@pytest.mark.parametrize("width, height, scale, name", [
    (320, 640, 1, "phone-320"),
    (375, 740, 2, "phone-375"),
    (1280, 800, 1, "desktop-1280"),
    (640, 400, 2, "desktop-1280x800-at-200-percent-zoom"),
])
def test_layouts(browser, stack: Stack, screenshots: Path, width: int, height: int,
                 scale: int, name: str) -> None:
    context = browser.new_context(viewport={"width": width, "height": height},
                                  device_scale_factor=scale, base_url=stack.web_url)
    context.set_default_timeout(20_000)
    page = context.new_page()
    frame = open_chat(page)
    frame.get_by_role("button", name="Yes, that's fine").click()
    settle(frame)
    page.screenshot(path=screenshots / f"{name}.png")
    for target in (page, frame):  # no sideways scrolling, in the page or the chat
        assert target.evaluate("document.documentElement.scrollWidth") <= \
            target.evaluate("document.documentElement.clientWidth")
    for control in (frame.get_by_role("textbox", name="Your message"),
                    frame.get_by_role("button", name="Quick exit"),
                    frame.get_by_role("button", name="Send")):
        bounds = control.bounding_box()  # on screen without scrolling
        assert bounds and bounds["y"] >= 0 and bounds["y"] + bounds["height"] <= height + 1
    expect(frame.locator("#emergency")).to_be_in_viewport()
    context.close()


def test_reduced_motion_stops_the_typing_animation(browser, stack: Stack) -> None:
    for motion, expected in (("no-preference", "typing-bounce"), ("reduce", "none")):
        context = browser.new_context(reduced_motion=motion, base_url=stack.web_url)
        page = context.new_page()
        page.goto("/chat")
        animation = page.evaluate("""() => {
            const dot = document.createElement('span');
            dot.className = 'dot';
            document.body.append(dot);
            return getComputedStyle(dot).animationName;
        }""")
        assert animation == expected, motion
        context.close()


def test_standalone_chat_page(browser, stack: Stack, screenshots: Path) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800},
                                  base_url=stack.web_url)
    page = context.new_page()
    page.goto("/chat?site=eastvale&colour=%23006d77")
    expect(page.locator(".msg.bot").first).to_contain_text("Eastvale")
    expect(page.get_by_role("button", name="Close")).to_have_count(0)  # nothing to close
    expect(page.get_by_role("link", name=re.compile("How we use your information"))) \
        .to_have_attribute("href", "https://eastvale.example.org/privacy-notice")
    page.screenshot(path=screenshots / "desktop-1280-standalone-eastvale.png")
    context.close()
