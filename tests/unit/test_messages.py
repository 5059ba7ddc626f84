"""Every message the code can send exists, and every placeholder it uses is filled."""

import re
import string
from pathlib import Path

import pytest

from bot.conversation import answers, messages
from bot.sites.config import load_sites

ROOT = Path(__file__).resolve().parents[2]


def referenced_names() -> set[str]:
    names: set[str] = set()
    for path in [*ROOT.glob("actions/*.py"), ROOT / "bot" / "conversation" / "answers.py"]:
        names |= set(re.findall(r'(?:Reply\(|say\(dispatcher, )f?"([a-z_{}]+)"', path.read_text()))
    return names


LANGUAGES = sorted(path.name.split(".")[1]
                   for path in messages.CONTENT_DIR.glob("messages.*.yml"))


def test_every_referenced_message_exists() -> None:
    """In English, or (the replies in her language, issue 19) in every language's file."""
    catalogue = messages.catalogue()
    in_every_language = set.intersection(
        *(set(messages.language_catalogue(code)) for code in LANGUAGES))
    concrete = {n for n in referenced_names() if "{" not in n}
    assert concrete and not concrete - set(catalogue) - in_every_language


def test_every_supported_language_has_its_messages() -> None:
    from bot.language import SUPPORTED

    assert sorted(SUPPORTED) == LANGUAGES
    assert all(messages.has_language(code) for code in SUPPORTED)
    assert not messages.has_language("en") and not messages.has_language(None)
    assert not messages.has_language("so")  # Somali: no messages yet, answered in English


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_file_has_the_same_messages_and_says_who_checked_it(
        language: str) -> None:
    names = set(messages.language_catalogue("pl"))
    catalogue = messages.language_catalogue(language)
    assert set(catalogue) == names
    header = messages.language_file(language).read_text(encoding="utf-8").split("\n", 8)[:8]
    assert any("Checked by: machine-drafted, not yet checked by a fluent reviewer" in line
               for line in header)
    for name, entry in catalogue.items():
        assert entry["text"].strip(), name
        assert not re.search(r"\b(?:the|and|you|your)\b", entry["text"]) or language == "en", \
            f"{language}:{name} looks like English"
        if name not in messages.catalogue():  # the call-back path's are checked below
            for button in entry.get("buttons") or []:
                assert button["payload"] in ("/request_contact", "/continue")


def placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


#: The call-back path (issue 19): what follows "Please call me back" in her language.
CALL_BACK_PATH = ("welcome", "not_emergency", "ask_consent", "consent_given", "consent_declined",
                  "ask_contact_requested", "ask_preferred_contact", "ask_contact_detail_phone",
                  "ask_contact_detail_email", "contact_invalid_phone", "contact_invalid_email",
                  "contact_confirmed", "contact_own", "rephrase_question", "moving_on",
                  "skip_question")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_the_call_back_path(language: str) -> None:
    assert set(CALL_BACK_PATH) <= set(messages.language_catalogue(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_message_named_as_in_english_keeps_its_placeholders_and_payloads(
        language: str) -> None:
    """Her language's message is filled from the same values and its buttons send what the
    English ones send: only the words differ, and each title keeps the English in brackets."""
    english = messages.catalogue()
    shared = set(messages.language_catalogue(language)) & set(english)
    assert set(CALL_BACK_PATH) <= shared
    for name in shared:
        own = messages.language_catalogue(language)[name]
        assert placeholders(own["text"]) == placeholders(english[name]["text"]), name
        buttons = zip(own.get("buttons") or [], english[name].get("buttons") or [], strict=True)
        for button, in_english in buttons:
            assert button["payload"] == in_english["payload"], name
            assert button["title"].endswith(f"({in_english['title']})"), name


def test_a_message_her_language_lacks_is_said_in_english() -> None:
    for language in LANGUAGES:
        assert "explain_short" not in messages.language_catalogue(language)
        assert messages.render("explain_short", language=language) == \
            messages.render("explain_short")
    assert messages.render("ask_consent", language="pl")["text"].startswith(
        "Czy mogę zachować")


@pytest.mark.parametrize("site", list(load_sites()), ids=lambda s: s.id)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_call_back_path_fills_every_placeholder(site, language: str) -> None:
    values = {**answers.site_values(site), "masked": "07*** ***123"}
    for name in CALL_BACK_PATH:
        text = messages.render(name, values, language=language)["text"]
        assert "{" not in text and text.strip(), name
        assert text != messages.render(name, values)["text"], name


@pytest.mark.parametrize("site", list(load_sites()), ids=lambda s: s.id)
@pytest.mark.parametrize("language", LANGUAGES)
def test_language_replies_fill_every_placeholder(site, language: str) -> None:
    for reply in [*answers.language_replies(language, site),
                  *answers.safety_replies("suicide", site, language)]:
        text = messages.render(reply.response, reply.values, reply.buttons, reply.language)["text"]
        assert "{" not in text and text.strip()


@pytest.mark.parametrize("site", list(load_sites()), ids=lambda s: s.id)
def test_site_messages_fill_every_placeholder(site) -> None:
    values = answers.site_values(site)
    for name, entry in messages.catalogue().items():
        site_fields = placeholders(entry["text"]) & set(values)
        text = messages.render(name, values)["text"]
        assert "{" not in text or not site_fields, name


def test_missing_placeholders_render_blank_not_braces() -> None:
    assert "{" not in messages.render("contact_confirmed")["text"]


#: The safety response lists several routes at once; everything else keeps to three sentences.
LONGER_ALLOWED = {"safety_routes", "safety_ack_danger"}


def test_messages_are_at_most_three_sentences() -> None:
    for name, entry in messages.catalogue().items():
        sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z\"])", entry["text"].strip())
        assert len(sentences) <= (5 if name in LONGER_ALLOWED else 3), name


def test_every_button_has_a_text_title_and_a_payload() -> None:
    for name, entry in messages.catalogue().items():
        for button in entry.get("buttons") or []:
            assert isinstance(button["title"], str) and button["title"], name
            assert isinstance(button["payload"], str) and button["payload"].startswith("/"), name
