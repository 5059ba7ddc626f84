"""Answers describe only what her site offers, and use its facts where they matter."""

import string
from dataclasses import replace

import pytest

from bot import codebook
from bot.conversation import answers
from bot.conversation.intake_flow import FAQ_KEYS
from bot.conversation.messages import catalogue, render
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


# --- what the mutation run (bench/mutation.py) showed no test held --------------------------

def placeholders_filled(reply: answers.Reply) -> bool:
    """Every ``{placeholder}`` of the message has a value (render would leave it blank)."""
    template = catalogue()[reply.response]["text"]
    names = [name for _, name, _, _ in string.Formatter().parse(template) if name]
    return all(str((reply.values or {}).get(name) or "") for name in names)


def every_reply(site) -> list[answers.Reply]:
    replies = [answers.format_question(site), answers.mode_question(site, None),
               answers.mode_question(site, "one_to_one"),
               answers.unmet_reply(["a group"], site), *answers.not_safe_replies(site),
               *answers.close_replies({"consent": "given"}, site)]
    for category in ("suicide", "harm_baby", "overdose", "baby_emergency",
                     "maternal_emergency"):
        replies += answers.safety_replies(category, site)
    for key in FAQ_KEYS:
        replies += answers.faq_replies(key, site)
    return replies


@pytest.mark.parametrize("site", [NORTHBROOK, EASTVALE], ids=["northbrook", "eastvale"])
def test_no_reply_leaves_a_placeholder_blank(site) -> None:
    for reply in every_reply(site):
        assert placeholders_filled(reply), reply.response


def test_the_format_buttons_are_exactly_the_sites_formats_then_either_unsure_and_skip() -> None:
    assert answers.format_buttons(NORTHBROOK) == [
        {"title": "A group", "payload": '/inform{"format":"group"}'},
        {"title": "One-to-one", "payload": '/inform{"format":"one_to_one"}'},
        {"title": "Either is fine", "payload": '/inform{"format":"either"}'},
        {"title": "I'm not sure", "payload": '/inform{"format":"unsure"}'},
        {"title": "I'd rather not say", "payload": "/skip"},
    ]
    # One format: no "either".
    assert answers.format_buttons(EASTVALE) == [
        {"title": "One-to-one", "payload": '/inform{"format":"one_to_one"}'},
        {"title": "I'm not sure", "payload": '/inform{"format":"unsure"}'},
        {"title": "I'd rather not say", "payload": "/skip"},
    ]


def test_the_mode_buttons_name_each_mode_and_offer_any_only_when_there_is_a_choice() -> None:
    assert answers.mode_buttons(("face_to_face", "phone", "video")) == [
        {"title": "Face to face", "payload": '/inform{"mode":"face_to_face"}'},
        {"title": "Phone", "payload": '/inform{"mode":"phone"}'},
        {"title": "Video call", "payload": '/inform{"mode":"video"}'},
        {"title": "Any of these", "payload": '/inform{"mode":"any"}'},
        {"title": "I'd rather not say", "payload": "/skip"},
    ]
    assert answers.mode_buttons(("phone", "video"))[-2]["title"] == "Any of these"
    assert answers.mode_buttons(("phone",)) == [
        {"title": "Phone", "payload": '/inform{"mode":"phone"}'},
        {"title": "I'd rather not say", "payload": "/skip"},
    ]


def test_would_that_suit_you_only_when_her_format_comes_one_way() -> None:
    # Northbrook's one-to-one is by phone only; Eastvale's is by phone or video.
    assert answers.mode_question(NORTHBROOK, "one_to_one").response == (
        "ask_mode_preferences_single")
    assert answers.mode_question(EASTVALE, "one_to_one").response == "ask_mode_preferences"
    assert answers.mode_question(NORTHBROOK, None).response == "ask_mode_preferences"
    # A site with one mode, before she has chosen a format: the open question still.
    phone_only = replace(EASTVALE, modes=("phone",), one_to_one_modes=("phone",))
    assert answers.mode_question(phone_only, None).response == "ask_mode_preferences"
    single = texts([answers.mode_question(NORTHBROOK, "one_to_one")])
    assert single.startswith("At Northbrook") and "one-to-one support is by phone" in single


def test_the_formats_answer_adds_the_group_times_only_where_there_are_groups() -> None:
    north = answers.faq_replies("formats", NORTHBROOK)
    assert [r.response for r in north] == ["faq_formats", "site_times"]
    assert NORTHBROOK.groups[0].where in texts(north)
    assert [r.response for r in answers.faq_replies("formats", EASTVALE)] == ["faq_formats"]
    assert [r.response for r in answers.faq_replies("cost", NORTHBROOK)] == ["faq_cost"]


def test_unmet_preferences_list_only_what_the_site_lacks_joined_as_she_would_say_it() -> None:
    assert answers.unmet_preferences({"format_preference": "one_to_one"}, EASTVALE) == []
    wanted = answers.unmet_preferences(
        {"format_preference": "group", "mode_preferences": ["face_to_face"]}, EASTVALE)
    assert wanted == ["a group", "meeting face to face"]
    assert "a group and meeting face to face would suit you" in texts(
        [answers.unmet_reply(wanted, EASTVALE)])
    only_in_person = replace(EASTVALE, modes=("face_to_face",), one_to_one_modes=())
    assert answers.unmet_preferences({"mode_preferences": ["phone", "video"]},
                                     only_in_person) == ["talking by phone or video calls"]


@pytest.mark.parametrize("site", [NORTHBROOK, EASTVALE], ids=["northbrook", "eastvale"])
def test_not_safe_gives_999_every_local_contact_the_programme_and_stays(site) -> None:
    replies = answers.not_safe_replies(site)
    assert [r.response for r in replies] == ["safety_not_safe", "safety_local",
                                             "safety_programme_contact", "safety_stay"]
    text = texts(replies)
    assert "; ".join(c.describe() for c in site.crisis_contacts) in text
    assert f"call the {site.name} team on {site.contact.phone} ({site.contact.hours})" in text


def test_a_phone_without_opening_hours_is_given_without_empty_brackets() -> None:
    no_hours = replace(EASTVALE, contact=replace(EASTVALE.contact, hours=None))
    text = texts(answers.not_safe_replies(no_hours))
    assert f"You can also call the {EASTVALE.name} team on {EASTVALE.contact.phone}." in text
    assert "()" not in text
    assert no_hours.describe_contact() == (f"call {EASTVALE.contact.phone} or email "
                                           f"{EASTVALE.contact.email}")
    with_hours = texts(answers.not_safe_replies(EASTVALE))
    assert (f"team on {EASTVALE.contact.phone} ({EASTVALE.contact.hours})." in with_hours)


def test_without_crisis_contacts_or_a_phone_the_not_safe_reply_skips_them() -> None:
    bare = replace(EASTVALE, crisis_contacts=(),
                   contact=replace(EASTVALE.contact, phone=None))
    assert [r.response for r in answers.not_safe_replies(bare)] == ["safety_not_safe",
                                                                     "safety_stay"]


@pytest.mark.parametrize(("how", "promise"), [("phone", "will call you soon"),
                                              ("text", "will text you soon"),
                                              ("email", "will email you soon"),
                                              (None, "will get in touch soon")])
def test_the_close_promises_the_way_she_chose_to_be_contacted(how, promise) -> None:
    slots = {"consent": "given", "contact_requested": True, "preferred_contact": how}
    replies = answers.close_replies(slots, NORTHBROOK)
    assert [r.response for r in replies] == ["close", "close_help"]
    assert f"Someone from {NORTHBROOK.name} {promise}." in texts(replies)


@pytest.mark.parametrize("site", [NORTHBROOK, EASTVALE], ids=["northbrook", "eastvale"])
def test_no_worry_or_motivator_answer_leaves_a_placeholder_blank(site) -> None:
    for code in codebook.CONCERNS:
        for reply in answers.concern_replies(code, site):
            assert placeholders_filled(reply), reply.response
    for code in codebook.MOTIVATORS:
        assert all(placeholders_filled(r) for r in answers.motivator_replies(code, site))


def test_worries_get_the_site_facts_that_answer_them_and_no_others() -> None:
    def names(code, site):
        return [r.response for r in answers.concern_replies(code, site)]

    group_worry = answers.concern_replies("group_anxiety", NORTHBROOK)
    assert names("group_anxiety", NORTHBROOK) == ["concern_group_anxiety", "site_one_to_one"]
    # Northbrook's one-to-one support is by phone only.
    assert texts(group_worry[1:]) == "You could also have one-to-one support instead, by phone."
    for code in ("practical_time", "practical_travel"):
        assert names(code, EASTVALE) == [f"concern_{code}", "site_remote"]
    assert "you can talk by phone or by video call" in texts(
        answers.concern_replies("practical_time", EASTVALE))
    # Babies welcome matters only where there are groups to bring them to.
    no_groups = replace(EASTVALE, babies_welcome=True)
    assert "site_babies_welcome" not in names("practical_childcare", no_groups)
    # Languages: for "not like me", and only where there is more than one.
    assert names("not_like_me", NORTHBROOK) == ["concern_not_like_me", "site_languages"]
    assert names("fear_of_judgement", EASTVALE) == ["concern_fear_of_judgement"]
    one_language = replace(EASTVALE, languages=("English",))
    assert names("not_like_me", one_language) == ["concern_not_like_me"]


def test_a_format_the_site_does_not_offer_gets_the_question_about_all_its_modes() -> None:
    # She asked for a group; Eastvale has none: ask about everything it does offer.
    question = answers.mode_question(EASTVALE, "group")
    assert payloads(question.buttons)[:2] == ['/inform{"mode":"phone"}', '/inform{"mode":"video"}']
    assert question.values["modes"] == EASTVALE.describe_modes()


@pytest.mark.parametrize("site", [NORTHBROOK, EASTVALE], ids=["northbrook", "eastvale"])
def test_the_consent_question_says_how_long_answers_are_kept_and_links_the_privacy_notice(
        site) -> None:
    text = render("ask_consent", answers.site_values(site))["text"]
    assert f"for {site.describe_retention()} (privacy" in text
    assert f"notice: {site.privacy_url})" in text


def test_each_risk_gets_its_own_acknowledgement_and_every_local_contact() -> None:
    acks = {category: answers.safety_replies(category, EASTVALE)[0].response
            for category in ("suicide", "harm_baby", "overdose", "danger_at_home", "other_risk")}
    assert acks == {"suicide": "safety_ack", "harm_baby": "safety_ack_intrusive",
                    "overdose": "safety_ack_urgent", "danger_at_home": "safety_ack_danger",
                    "other_risk": "safety_ack_other"}
    local = "; ".join(c.describe() for c in EASTVALE.crisis_contacts)
    assert local in texts(answers.safety_replies("suicide", EASTVALE))


# -- her language (issue 19) ------------------------------------------------------------------


def test_language_replies_offer_what_her_site_can_do_in_her_language() -> None:
    from bot.sites.config import registry

    eastvale = registry().get("eastvale")
    assert [r.response for r in answers.language_replies("ur", eastvale)] == [
        "language_works_in_english", "language_volunteers", "language_phone", "language_email",
        "language_next"]
    assert answers.language_replies("ro", eastvale)[1].response == "language_try"
    with_interpreters = replace(eastvale, interpreters=True)
    assert answers.language_replies("ro", with_interpreters)[1].response == "language_interpreter"
    assert answers.language_replies("ur", with_interpreters)[1].response == "language_volunteers"
    assert {r.language for r in answers.language_replies("ro", eastvale)} == {"ro"}


def test_the_safety_response_in_english_is_unchanged_without_another_language() -> None:
    from bot.sites.config import registry

    site = registry().get("northbrook")
    for category in ("suicide", "baby_emergency", "danger_at_home"):
        english = answers.safety_replies(category, site)
        assert answers.safety_replies(category, site, "en") == english
        assert answers.safety_replies(category, site, "so") == english  # no Somali messages
        polish = answers.safety_replies(category, site, "pl")
        assert [r.response for r in polish[:2]] == ["safety", "safety_local"]
        assert polish[2:] == english
