"""A mother who writes in another language (issue 19): answered in it, her record notes it,
and the safety response comes in her language and in English."""

from __future__ import annotations

import pytest
from rasa_sdk.types import DomainDict

from bot.records.intake_record import IntakeRepository
from tests.actions.harness import SENDER, run_action, tracker


def listens_next(events: list[dict]) -> bool:
    return any(e.get("event") == "followup" and e.get("name") == "action_listen" for e in events)


async def test_a_polish_opening_is_answered_in_polish_with_her_site_s_offer(
        domain: DomainDict, records: IntakeRepository) -> None:
    """northbrook lists Polish: volunteers who speak it, the phone, a call-back or English."""
    text = "Dzień dobry, chcę zapytać o grupę"
    ran = await run_action("action_rephrase", tracker(
        domain, text=text, intent="nlu_fallback", language="pl"), domain)
    assert "tylko po angielsku" in ran.text
    assert "wolontariuszki, które mówią po polsku" in ran.text
    assert "01632 960123" in ran.text and "hello@northbrook.example.org" in ran.text
    assert "Sorry" not in ran.text
    assert ran.buttons == ["/request_contact", "/continue"]
    assert listens_next(ran.events)
    record = records.get(SENDER)
    assert record["language"] == "pl" and record["consent"] == "not_asked"


@pytest.mark.parametrize(("language", "text", "site", "offer"), [
    ("ur", "مجھے مدد چاہیے", "eastvale", "رضاکار ہیں جو اردو بولتی ہیں"),
    ("pa", "ਮੈਨੂੰ ਮਦਦ ਚਾਹੀਦੀ ਹੈ", "eastvale", "ਪੰਜਾਬੀ ਬੋਲਣ ਵਾਲੀਆਂ ਵਲੰਟੀਅਰ"),
    ("ro", "Bună ziua, vreau să aflu despre grup", "eastvale", "să găsească un interpret"),
    ("bn", "আমি ভালো নেই", "northbrook", "একজন দোভাষী খোঁজার চেষ্টা করবে"),
    ("ar", "أريد المساعدة", "northbrook", "سيحاول Northbrook Mums Together إيجاد مترجم"),
    ("cy", "Shwmae, dw i eisiau siarad Cymraeg", "eastvale", "yn ceisio dod o hyd i gyfieithydd"),
])
async def test_every_language_gets_her_site_s_offer_in_it(
        domain: DomainDict, records: IntakeRepository, language: str, text: str, site: str,
        offer: str) -> None:
    """A language the site lists: its volunteers; one it does not: that the programme will try
    to arrange an interpreter. Always the phone number and the call-back button."""
    ran = await run_action("action_rephrase", tracker(
        domain, text=text, intent="nlu_fallback", language=language, site=site), domain)
    assert offer in ran.text
    phone = {"eastvale": "07700 900456", "northbrook": "01632 960123"}[site]
    assert phone in ran.text
    assert "/request_contact" in ran.buttons
    assert records.get(SENDER)["language"] == language


async def test_english_is_answered_exactly_as_before(domain: DomainDict) -> None:
    for language in (None, "en"):
        ran = await run_action("action_rephrase", tracker(
            domain, text="blah", intent="nlu_fallback", language=language), domain)
        assert ran.text.startswith("Sorry, I didn't quite follow.")
        assert ran.buttons == ["/faq_what_is", "/ask_human", "/continue"]


async def test_during_a_question_her_language_is_not_read_as_a_missed_answer(
        domain: DomainDict) -> None:
    slots = {"consent": "given", "requested_slot": "format_preference", "unanswered_turns": 1.0,
             "site": "northbrook"}
    ran = await run_action("action_validate_slot_mappings", tracker(
        domain, text="nie wiem, może grupa", intent="nlu_fallback", slots=slots,
        active_loop="intake_form", language="pl"), domain)
    assert ran.slots == {}
    asked = await run_action("action_rephrase", tracker(
        domain, text="nie wiem, może grupa", intent="nlu_fallback", slots=slots,
        active_loop="intake_form", language="pl"), domain)
    assert "po angielsku" in asked.text
    assert not listens_next(asked.events)  # the form asks its question again, in English


async def test_an_english_message_after_her_language_is_read_as_before(
        domain: DomainDict, records: IntakeRepository) -> None:
    polish = {"event": "user", "text": "Dzień dobry, chcę zapytać o grupę",
              "parse_data": {"language": "pl", "intent": {"name": "nlu_fallback"}}}
    english = {"text": "one to one please", "intent": {"name": "inform", "confidence": 1.0},
               "entities": [], "metadata": {}, "language": "en"}
    slots = {"consent": "given", "requested_slot": "format_preference", "site": "northbrook"}
    events = [polish, {"event": "action", "name": "action_listen"},
              {"event": "user", "text": english["text"], "parse_data": english}]
    ran = await run_action("action_validate_slot_mappings", tracker(
        domain, text=english["text"], intent="inform", slots=slots, active_loop="intake_form",
        language="en", events=events), domain)
    assert ran.slots["format_preference"] == "one_to_one"
    assert records.get(SENDER)["language"] == "pl"  # still the language she may want


async def test_a_call_back_after_writing_in_urdu_is_recorded_in_urdu(
        domain: DomainDict, records: IntakeRepository) -> None:
    urdu = {"event": "user", "text": "مجھے مدد چاہیے",
            "parse_data": {"language": "ur", "intent": {"name": "nlu_fallback"}}}
    button = {"event": "user", "text": "/request_contact",
              "parse_data": {"intent": {"name": "request_contact"}}}
    ran = await run_action("action_request_contact", tracker(
        domain, text="/request_contact", intent="request_contact", site="eastvale",
        slots={"consent": "given"}, events=[urdu, button]), domain)
    assert ran.slots["contact_requested"] is True
    record = records.get(SENDER)
    assert (record["language"], record["callback_language"]) == ("ur", "ur")


async def test_a_risk_in_polish_gets_the_safety_response_in_polish_and_english(
        domain: DomainDict, records: IntakeRepository) -> None:
    ran = await run_action("action_safety_response", tracker(
        domain, text="Nie chcę już żyć, myślę o tym żeby się zabić", intent="risk_suicide",
        language="pl"), domain)
    texts = [m["text"] for m in ran.messages]
    assert texts[0].startswith("Jeśli Ty lub Twoje dziecko") and "999" in texts[0]
    assert "116 123" in texts[0] and "NHS 111" in texts[0]
    # The site's own contacts, as its file words them (in English).
    assert texts[1].startswith("Lokalnie: Northbrook Mental Health Crisis Line")
    assert "0808 157 0123" in texts[1]
    assert any("Samaritans" in t and "116 123" in t for t in texts[2:])
    assert texts[-1].startswith("Are you safe right now?")
    assert ran.slots["risk_flag"] is True
    assert records.get(SENDER)["language"] == "pl"


async def test_an_emergency_in_bengali_gets_her_language_then_the_english_action(
        domain: DomainDict) -> None:
    ran = await run_action("action_safety_response", tracker(
        domain, text="বাচ্চা শ্বাস নিচ্ছে না", intent="risk_baby_emergency", language="bn"),
        domain)
    texts = [m["text"] for m in ran.messages]
    assert "999" in texts[0] and "A&E" in texts[0]
    assert any(t.startswith("Please call 999 now and ask for an ambulance") for t in texts)


async def test_her_answer_to_are_you_safe_in_urdu_gets_the_routes_in_urdu_and_the_question(
        domain: DomainDict) -> None:
    ran = await run_action("action_rephrase", tracker(
        domain, text="نہیں", intent="nlu_fallback", language="ur", site="eastvale",
        slots={"awaiting_safety_check": True, "risk_flag": True}), domain)
    texts = [m["text"] for m in ran.messages]
    assert "999" in texts[0] and "Urdu" in texts[0]
    assert texts[-1].startswith("Are you safe right now?")
    assert set(ran.buttons) == {"/affirm", "/deny", "/not_sure"}
