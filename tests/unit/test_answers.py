"""Answers describe only what her site offers, and use its facts where they matter."""

import pytest

from bot.conversation import answers
from bot.conversation.messages import render
from bot.sites.config import load_sites

SITES = {site.id: site for site in load_sites()}
NORTHBROOK, EASTVALE = SITES["northbrook"], SITES["eastvale"]


def texts(replies) -> str:
    return "\n".join(render(r.response, r.values, r.buttons)["text"] for r in replies)


def payloads(buttons) -> list[str]:
    return [b["payload"] for b in buttons]


def test_format_question_offers_only_what_the_site_has() -> None:
    assert '/inform{"format":"group"}' in payloads(answers.format_buttons(NORTHBROOK))
    assert '/inform{"format":"group"}' not in payloads(answers.format_buttons(EASTVALE))
    assert "one-to-one" in texts([answers.format_question(EASTVALE)])


def test_mode_question_follows_the_site_and_her_format() -> None:
    north = answers.mode_question(NORTHBROOK, None)
    assert '/inform{"mode":"video"}' not in payloads(north.buttons)
    east = answers.mode_question(EASTVALE, "one_to_one")
    assert '/inform{"mode":"face_to_face"}' not in payloads(east.buttons)
    # Northbrook's one-to-one support is by phone only: say so, don't offer face to face.
    single = answers.mode_question(NORTHBROOK, "one_to_one")
    assert payloads(single.buttons)[0] == '/inform{"mode":"phone"}'
    assert "face to face" not in texts([single]) and "by phone" in texts([single])


def test_childcare_answer_uses_babies_welcome_or_remote_modes() -> None:
    assert "Babies are welcome" in texts(answers.concern_replies("practical_childcare",
                                                                 NORTHBROOK))
    eastvale = texts(answers.concern_replies("practical_childcare", EASTVALE))
    assert "Babies are welcome" not in eastvale and "video" in eastvale


def test_travel_answer_offers_remote_modes() -> None:
    assert "video" in texts(answers.concern_replies("practical_travel", EASTVALE))


def test_not_like_me_mentions_languages_where_there_are_several() -> None:
    assert "Urdu" in texts(answers.concern_replies("not_like_me", EASTVALE))


def test_unmet_preferences_are_named_honestly() -> None:
    wanted = answers.unmet_preferences({"format_preference": "group"}, EASTVALE)
    assert wanted == ["a group"]
    text = texts([answers.unmet_reply(wanted, EASTVALE)])
    assert "doesn't offer" in text and "one-to-one" in text
    assert answers.unmet_preferences({"mode_preferences": ["video"]}, NORTHBROOK)
    assert not answers.unmet_preferences({"mode_preferences": ["phone", "video"]}, NORTHBROOK)


@pytest.mark.parametrize("category", ["suicide", "self_harm", "harm_baby", "psychosis",
                                      "danger_at_home", "overdose", "other_risk"])
@pytest.mark.parametrize("site", [NORTHBROOK, EASTVALE], ids=["northbrook", "eastvale"])
def test_safety_response_has_every_route_and_local_contacts(category, site) -> None:
    text = texts(answers.safety_replies(category, site))
    for route in ("999", "A&E", "111", "option 2", "116 123", "85258", "midwife",
                  "health visitor", "GP"):
        assert route in text, route
    for contact in site.crisis_contacts:
        assert contact.name in text
    assert "safe right now" in text


def test_overdose_is_urgent_and_intrusive_thoughts_are_calm() -> None:
    assert "straight away" in texts(answers.safety_replies("overdose", NORTHBROOK))
    calm = texts(answers.safety_replies("harm_baby", NORTHBROOK))
    assert "more common than people think" in calm


def test_close_gives_the_site_contact_route_when_no_call_back() -> None:
    text = texts(answers.close_replies({"consent": "given"}, EASTVALE))
    assert EASTVALE.contact.phone in text
    called = texts(answers.close_replies(
        {"consent": "given", "contact_requested": True, "preferred_contact": "text"}, EASTVALE))
    assert "text you" in called


def test_a_baby_emergency_is_999_first_then_the_conversation_can_wait() -> None:
    replies = answers.safety_replies("baby_emergency", EASTVALE)
    first, then = (render(r.response, r.values)["text"] for r in replies)
    assert first.startswith("Please call 999 now") and "ambulance" in first
    assert "can wait" in then
    assert "?" not in first + then  # no question before the action
    assert not answers.asks_if_safe("baby_emergency")


def test_a_maternal_emergency_gives_999_and_the_sites_maternity_triage_number() -> None:
    assert NORTHBROOK.maternity_triage
    text = texts(answers.safety_replies("maternal_emergency", NORTHBROOK))
    assert text.startswith("If you are bleeding heavily") and "call 999 now" in text
    assert f"maternity unit straight away on {NORTHBROOK.maternity_triage}" in text
    assert "can wait" in text and "?" not in text
    assert not answers.asks_if_safe("maternal_emergency")


def test_without_a_triage_number_she_is_sent_to_her_maternity_notes() -> None:
    assert EASTVALE.maternity_triage is None
    text = texts(answers.safety_replies("maternal_emergency", EASTVALE))
    assert "maternity notes" in text and "call 999 now" in text and "{" not in text


def test_other_risks_put_the_baby_in_another_adults_care_and_ask_if_she_is_safe() -> None:
    text = texts(answers.safety_replies("other_risk", NORTHBROOK))
    assert text.startswith("Please get help now") and "another adult" in text
    assert answers.asks_if_safe("other_risk") and "safe right now" in text
