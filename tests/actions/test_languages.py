"""A mother who writes in another language (issue 19): answered in it, her record notes it,
and the safety response comes in her language and in English."""

from __future__ import annotations

import pytest
from rasa_sdk.types import DomainDict

from bot.conversation import answers
from bot.conversation.messages import render
from bot.records.intake_record import IntakeRepository
from bot.sites.config import registry
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


# ---------------------------------------------------- the call-back in her language ----
# She wrote in her language, was answered in it, and pressed "Please call me back": the
# questions that follow, and the confirmation, come in her language until she chooses English.

OPENINGS = {"pl": ("Dzień dobry, chcę zapytać o grupę", "northbrook"),
            "ur": ("مجھے مدد چاہیے", "eastvale")}
#: A line of each language's consent question, to show it is hers (not only what render says).
CONSENT_IN = {"pl": "Czy mogę zachować Twoje odpowiedzi?",
              "ur": "کیا میں آپ کے جوابات محفوظ رکھ سکتی ہوں؟"}


def said(text: str, intent: str, language: str | None = None) -> list[dict]:
    """Her message as Rasa records it (a button's has no language), and what listens before."""
    parse: dict = {"intent": {"name": intent}}
    if language:
        parse["language"] = language
    return [{"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": parse}]


def called_back(language: str, *then: dict) -> list[dict]:
    """Her opening in ``language``, answered in it, "Please call me back" pressed, then
    ``then``."""
    return [*said(OPENINGS[language][0], "nlu_fallback", language),
            {"event": "action", "name": "action_rephrase"},
            *said("/request_contact", "request_contact"),
            {"event": "action", "name": "action_request_contact"},
            {"event": "action", "name": "intake_form"}, *then]


def values_for(language: str, **more: str) -> dict:
    return {**answers.site_values(registry().get(OPENINGS[language][1])), **more}


def in_language(name: str, language: str | None, **values: str) -> str:
    return render(name, values, language=language)["text"]


def shown(message: dict) -> dict:
    """What she sees of a message: its text and buttons (rendered, or sent by an action)."""
    return {"text": message["text"], "buttons": message.get("buttons") or []}


@pytest.mark.parametrize("language", ["pl", "ur"])
async def test_after_a_call_back_in_her_language_consent_is_asked_in_it(
        domain: DomainDict, language: str) -> None:
    ran = await run_action("action_ask_consent", tracker(
        domain, text="/request_contact", intent="request_contact", events=called_back(language),
        site=OPENINGS[language][1], slots={"contact_requested": True}), domain)
    values = values_for(language)
    assert [m["text"] for m in ran.messages] == [
        in_language(name, language, **values)
        for name in ("welcome", "not_emergency", "ask_consent")]
    assert CONSENT_IN[language] in ran.text
    assert ran.buttons == ["/affirm", "/deny"]
    assert ran.messages[-1]["buttons"][0]["title"].endswith("(Yes, that's fine)")


@pytest.mark.parametrize("language", ["pl", "ur"])
@pytest.mark.parametrize(("pressed", "consent", "thanks"), [
    ("/affirm", "given", "consent_given"), ("/deny", "declined", "consent_declined")])
async def test_her_answer_to_consent_is_acknowledged_in_her_language(
        domain: DomainDict, language: str, pressed: str, consent: str, thanks: str) -> None:
    events = called_back(language, *said(pressed, pressed[1:]),
                         {"event": "action", "name": "action_extract_slots"},
                         {"event": "slot", "name": "consent", "value": consent})
    ran = await run_action("validate_intake_form", tracker(
        domain, text=pressed, intent=pressed[1:], events=events, active_loop="intake_form",
        site=OPENINGS[language][1],
        slots={"consent": consent, "contact_requested": True, "requested_slot": "consent"}),
        domain)
    assert ran.messages[0]["text"] == in_language(thanks, language)
    assert ran.messages[0]["text"] != in_language(thanks, None)


@pytest.mark.parametrize("language", ["pl", "ur"])
@pytest.mark.parametrize(("action", "slots", "message"), [
    ("action_ask_contact_requested", {}, "ask_contact_requested"),
    ("action_ask_preferred_contact", {}, "ask_preferred_contact"),
    ("action_ask_contact_detail", {"preferred_contact": "phone"}, "ask_contact_detail_phone"),
    ("action_ask_contact_detail", {"preferred_contact": "text"}, "ask_contact_detail_phone"),
    ("action_ask_contact_detail", {"preferred_contact": "email"}, "ask_contact_detail_email"),
    ("action_ask_contact_detail", {"preferred_contact": "phone", "invalid_contact": True},
     "contact_invalid_phone"),
    ("action_ask_contact_detail", {"preferred_contact": "email", "invalid_contact": True},
     "contact_invalid_email"),
])
async def test_the_contact_questions_come_in_her_language(
        domain: DomainDict, language: str, action: str, slots: dict, message: str) -> None:
    """After a button ("/affirm", "Phone") or a number that was not one: none carries a
    language, and her conversation's is kept."""
    events = called_back(language, *said("/affirm", "affirm"))
    ran = await run_action(action, tracker(
        domain, text="/affirm", intent="affirm", events=events, site=OPENINGS[language][1],
        slots={"consent": "given", "contact_requested": True, **slots}), domain)
    english = render(message, values_for(language))
    assert [shown(m) for m in ran.messages] == [
        shown(render(message, values_for(language), language=language))]
    assert ran.text != english["text"]
    assert ran.buttons == [b["payload"] for b in english.get("buttons") or []]


@pytest.mark.parametrize("language", ["pl", "ur"])
async def test_her_number_typed_is_read_and_confirmed_in_her_language(
        domain: DomainDict, records: IntakeRepository, language: str) -> None:
    """The number reads as English to the detector (its default); the record keeps her
    language as the call-back's, for the call-back queue."""
    question = {"consent": "given", "contact_requested": True, "preferred_contact": "phone",
                "requested_slot": "contact_detail"}
    typed = said("07700 900123", "inform", "en")
    read = await run_action("action_validate_slot_mappings", tracker(
        domain, text="07700 900123", intent="inform", language="en", active_loop="intake_form",
        events=called_back(language, *typed), site=OPENINGS[language][1], slots=question),
        domain)
    masked = read.slots["contact_detail"]
    assert masked and "900123" not in masked
    record = records.get(SENDER)
    assert (record["language"], record["callback_language"]) == (language, language)
    assert records.contact(SENDER)[0] == "phone"

    events = called_back(language, *typed, {"event": "action", "name": "action_extract_slots"},
                         {"event": "slot", "name": "contact_detail", "value": masked})
    confirmed = await run_action("validate_intake_form", tracker(
        domain, text="07700 900123", intent="inform", language="en", events=events,
        active_loop="intake_form", site=OPENINGS[language][1],
        slots={**question, "contact_detail": masked}), domain)
    assert confirmed.messages[0]["text"] == in_language("contact_confirmed", language,
                                                        masked=masked)
    assert masked in confirmed.messages[0]["text"]


@pytest.mark.parametrize("language", ["pl", "ur"])
async def test_without_consent_her_own_route_is_given_in_her_language(
        domain: DomainDict, language: str) -> None:
    ran = await run_action("action_request_contact", tracker(
        domain, text="/request_contact", intent="request_contact", site=OPENINGS[language][1],
        events=called_back(language)[:-2], slots={"consent": "declined"}), domain)
    assert ran.text == in_language("contact_own", language, **values_for(language))
    assert {"pl": "01632 960123", "ur": "07700 900456"}[language] in ran.text


@pytest.mark.parametrize("language", ["pl", "ur"])
async def test_asked_again_its_buttons_and_the_way_to_skip_are_in_her_language(
        domain: DomainDict, language: str) -> None:
    ran = await run_action("action_ask_preferred_contact", tracker(
        domain, text="hmm", intent="nlu_fallback", language="en", site=OPENINGS[language][1],
        events=called_back(language, *said("hmm", "nlu_fallback", "en")),
        slots={"consent": "given", "contact_requested": True, "unanswered_turns": 1.0}), domain)
    english = render("ask_preferred_contact")["buttons"]
    assert ran.buttons == [*(b["payload"] for b in english), "/skip"]
    titles = [b["title"] for b in ran.messages[0]["buttons"]]
    assert titles[-1] == in_language("skip_question", language)
    assert titles[-1].endswith("(Skip this question)") and titles[-1] != "Skip this question"


@pytest.mark.parametrize("language", ["pl", "ur"])
async def test_a_reply_not_understood_gets_the_rephrasing_help_in_her_language(
        domain: DomainDict, language: str) -> None:
    ran = await run_action("action_rephrase", tracker(
        domain, text="hmm", intent="nlu_fallback", language="en", active_loop="intake_form",
        events=called_back(language, *said("hmm", "nlu_fallback", "en")),
        site=OPENINGS[language][1],
        slots={"contact_requested": True, "requested_slot": "preferred_contact"}), domain)
    assert ran.text == in_language("rephrase_question", language)


@pytest.mark.parametrize("language", ["pl", "ur"])
@pytest.mark.parametrize(("text", "intent"), [
    ("/continue", "continue"), ("hi, can we do it in english", "greet")])
async def test_once_she_carries_on_in_english_she_is_asked_in_english(
        domain: DomainDict, language: str, text: str, intent: str) -> None:
    """"Carry on in English" pressed, or English written: as for any English conversation."""
    events = called_back(language, *said(text, intent, "en"))
    ran = await run_action("action_ask_consent", tracker(
        domain, text=text, intent=intent, language="en", events=events,
        site=OPENINGS[language][1]), domain)
    english = await run_action("action_ask_consent", tracker(
        domain, text=text, intent=intent, site=OPENINGS[language][1]), domain)
    assert ran.messages == english.messages
    assert ran.text.startswith("Hello, and thank you for getting in touch")


@pytest.mark.parametrize(("action", "slots", "message"), [
    ("action_ask_consent", {"welcomed": True}, "ask_consent"),
    ("action_ask_contact_requested", {}, "ask_contact_requested"),
    ("action_ask_preferred_contact", {}, "ask_preferred_contact"),
    ("action_ask_contact_detail", {"preferred_contact": "phone"}, "ask_contact_detail_phone"),
    ("action_ask_contact_detail", {"preferred_contact": "email", "invalid_contact": True},
     "contact_invalid_email"),
])
async def test_an_english_call_back_is_asked_exactly_as_before(
        domain: DomainDict, action: str, slots: dict, message: str) -> None:
    events = [*said("hi", "greet", "en"), *said("/request_contact", "request_contact")]
    ran = await run_action(action, tracker(
        domain, text="/request_contact", intent="request_contact", events=events,
        slots={"contact_requested": True, **slots}), domain)
    assert [shown(m) for m in ran.messages] == [
        shown(render(message, answers.site_values(registry().get(None))))]
