"""The intake form's actions: reading each turn, choosing the next question, asking it."""

from __future__ import annotations

import pytest
from rasa_sdk.types import DomainDict

from bot.conversation import answers
from bot.conversation.messages import render
from bot.records.intake_record import IntakeRepository
from bot.sites.config import registry
from tests.actions.harness import SENDER, run_action, tracker


async def test_first_consent_question_welcomes_her_for_the_site_on_the_page(
        domain: DomainDict) -> None:
    ran = await run_action("action_ask_consent", tracker(domain, site="eastvale"), domain)
    assert len(ran.messages) == 3
    assert "Eastvale Parent Peer Support" in ran.messages[0]["text"]
    assert "999" in ran.messages[1]["text"]
    assert "Can I keep your answers?" in ran.messages[2]["text"]
    assert ran.buttons == ["/affirm", "/deny"]
    assert ran.slots == {"welcomed": True, "site": "eastvale"}


async def test_consent_asked_again_without_a_second_welcome(domain: DomainDict) -> None:
    ran = await run_action("action_ask_consent", tracker(
        domain, slots={"welcomed": True, "site": "northbrook"}), domain)
    assert len(ran.messages) == 1
    assert "Northbrook Mums Together" in ran.text and "Can I keep your answers?" in ran.text
    assert ran.slots == {"welcomed": True}


async def test_explanation_is_short_first_then_an_invitation_to_ask(
        domain: DomainDict, records: IntakeRepository) -> None:
    first = await run_action("action_ask_explanation_ack", tracker(
        domain, slots={"consent": "given"}), domain)
    assert "Peer support means" in first.text
    assert first.slots == {"explained": True}
    assert records.get(SENDER)["explained"] is True

    shown = [{"event": "action", "name": "action_ask_explanation_ack"},
             {"event": "action", "name": "action_listen"},
             {"event": "action", "name": "action_ask_explanation_ack"}]
    again = await run_action("action_ask_explanation_ack", tracker(domain, events=shown), domain)
    assert "anything else you'd like to know" in again.text


async def test_without_consent_the_record_keeps_only_the_minimal_fields(
        domain: DomainDict, records: IntakeRepository) -> None:
    await run_action("action_ask_explanation_ack", tracker(domain), domain)
    record = records.get(SENDER)
    assert record["consent"] == "not_asked" and record["explained"] is False


@pytest.mark.parametrize(("site", "expected", "payloads"), [
    ("northbrook", "group, or talk one-to-one", ['/inform{"format":"group"}',
                                                 '/inform{"format":"one_to_one"}',
                                                 '/inform{"format":"either"}']),
    ("eastvale", "peer support is one-to-one", ['/inform{"format":"one_to_one"}']),
])
async def test_format_question_offers_only_what_the_site_runs(
        domain: DomainDict, site: str, expected: str, payloads: list[str]) -> None:
    ran = await run_action("action_ask_format_preference", tracker(domain, site=site), domain)
    assert expected in ran.text
    assert ran.buttons == [*payloads, '/inform{"format":"unsure"}', "/skip"]
    assert ran.events == []


async def test_mode_question_follows_the_chosen_format(domain: DomainDict) -> None:
    ran = await run_action("action_ask_mode_preferences", tracker(
        domain, site="northbrook", slots={"format_preference": "one_to_one"}), domain)
    site = registry().get("northbrook")
    offered = [f'/inform{{"mode":"{m}"}}' for m in site.modes_for("one_to_one")]
    assert [p for p in ran.buttons if p.startswith('/inform{"mode":"') and "any" not in p] \
        == offered
    assert ran.events == []


@pytest.mark.parametrize("name", [
    "action_ask_time_preferences", "action_ask_referral_source", "action_ask_perinatal_stage",
    "action_ask_take_up_intent", "action_ask_decline_reason", "action_ask_contact_requested",
    "action_ask_preferred_contact",
])
async def test_plain_questions_send_their_own_message_for_her_site(
        domain: DomainDict, name: str) -> None:
    ran = await run_action(name, tracker(domain, site="eastvale"), domain)
    message = "ask_" + name.removeprefix("action_ask_")
    expected = render(message, answers.site_values(registry().get("eastvale")))
    assert ran.messages[0]["text"] == expected["text"]
    assert ran.events == []


@pytest.mark.parametrize(("slots", "intent", "latest_action", "expected"), [
    ({}, None, "action_listen", "anything that worries you"),
    ({"concerns": ["group_anxiety"]}, None, "action_listen", "anything else on your mind"),
    ({}, "affirm", "action_answer_concern", "What's worrying you?"),
])
async def test_worries_question_depends_on_what_she_has_said(
        domain: DomainDict, slots: dict, intent: str | None, latest_action: str,
        expected: str) -> None:
    ran = await run_action("action_ask_concerns_done", tracker(
        domain, slots=slots, intent=intent, latest_action_name=latest_action), domain)
    assert expected in ran.text
    assert ran.events == []


@pytest.mark.parametrize(("slots", "expected"), [
    ({"preferred_contact": "phone"}, "best number to reach you on"),
    ({"preferred_contact": "email", "invalid_contact": True}, "doesn't look like an email"),
])
async def test_contact_detail_question_fits_her_channel(
        domain: DomainDict, slots: dict, expected: str) -> None:
    ran = await run_action("action_ask_contact_detail", tracker(domain, slots=slots), domain)
    assert expected in ran.text


async def test_her_answer_to_the_current_question_is_set_and_recorded(
        domain: DomainDict, records: IntakeRepository) -> None:
    ran = await run_action("action_validate_slot_mappings", tracker(
        domain, text="one to one please, evenings are best", intent="inform",
        slots={"consent": "given", "requested_slot": "format_preference"},
        active_loop="intake_form"), domain)
    assert ran.slots["format_preference"] == "one_to_one"
    assert ran.slots["time_preferences"] == ["evening"]
    assert ran.slots["site"] == "northbrook"
    record = records.get(SENDER)
    assert (record["format_preference"], record["time_preferences"]) == (
        "one_to_one", ["evening"])


@pytest.mark.parametrize(("consent", "stored"), [("given", True), ("declined", False)])
async def test_a_contact_number_is_stored_only_with_consent(
        domain: DomainDict, records: IntakeRepository, consent: str, stored: bool) -> None:
    ran = await run_action("action_validate_slot_mappings", tracker(
        domain, text="07700 900123", intent="inform",
        slots={"consent": consent, "requested_slot": "contact_detail",
               "preferred_contact": "phone", "contact_requested": True},
        active_loop="intake_form"), domain)
    assert ran.slots["contact_detail"] and "900123" not in ran.slots["contact_detail"]
    contact = records.contact(SENDER)
    assert (contact is not None) is stored
    if stored:
        assert contact[0] == "phone" and contact[1].replace(" ", "").endswith("7700900123")


async def test_form_thanks_her_for_consent_and_asks_the_next_question(
        domain: DomainDict) -> None:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "yes", "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"},
              {"event": "slot", "name": "consent", "value": "given"}]
    ran = await run_action("validate_intake_form", tracker(
        domain, text="yes", intent="affirm", events=events, active_loop="intake_form",
        slots={"consent": "given", "requested_slot": "consent"}), domain)
    assert "Thank you. You can change any answer later" in ran.text
    assert {"event": "slot", "name": "requested_slot", "value": "explanation_ack",
            "timestamp": None} in ran.events


async def test_form_stays_quiet_when_it_resumes_with_nothing_new(domain: DomainDict) -> None:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "how much is it", "parse_data": {}},
              {"event": "action", "name": "action_answer_faq"},
              {"event": "action", "name": "intake_form"},
              {"event": "slot", "name": "consent", "value": "given"}]
    ran = await run_action("validate_intake_form", tracker(
        domain, events=events, active_loop="intake_form",
        slots={"consent": "given", "requested_slot": "consent"}), domain)
    assert ran.messages == []


async def test_a_reply_that_does_not_answer_is_counted_and_the_second_one_moves_on(
        domain: DomainDict, records: IntakeRepository) -> None:
    question = {"consent": "given", "requested_slot": "format_preference"}
    first = await run_action("action_validate_slot_mappings", tracker(
        domain, text="asdfgh", intent="nlu_fallback", slots=question,
        active_loop="intake_form"), domain)
    assert first.slots["unanswered_turns"] == 1 and first.slots["moved_on"] is False
    assert "format_preference" not in first.slots
    assert first.slots["stage"] == "explanation_ack"  # the first question still unanswered

    second = await run_action("action_validate_slot_mappings", tracker(
        domain, text="hmm", intent="nlu_fallback", active_loop="intake_form",
        slots={**question, "unanswered_turns": 1.0, "explanation_ack": True}), domain)
    assert second.slots["format_preference"] == "not_understood"
    assert second.slots["moved_on"] is True and second.slots["unanswered_turns"] == 0
    assert second.slots["stage"] == "mode_preferences"
    assert records.get(SENDER)["format_preference"] is None  # nothing invented for her


async def test_a_question_she_asks_back_does_not_count_as_a_miss(domain: DomainDict) -> None:
    ran = await run_action("action_validate_slot_mappings", tracker(
        domain, text="how much does it cost?", intent="faq_cost", active_loop="intake_form",
        slots={"consent": "given", "requested_slot": "format_preference",
               "unanswered_turns": 1.0}), domain)
    assert ran.slots["unanswered_turns"] == 1 and ran.slots["moved_on"] is False


async def test_asked_again_a_question_offers_a_way_to_skip(domain: DomainDict) -> None:
    first = await run_action("action_ask_contact_detail", tracker(
        domain, slots={"preferred_contact": "phone"}), domain)
    again = await run_action("action_ask_contact_detail", tracker(
        domain, slots={"preferred_contact": "phone", "unanswered_turns": 1.0}), domain)
    assert first.buttons == []
    assert "/skip" in again.buttons


async def test_asked_again_a_question_with_a_no_button_keeps_its_own_buttons(
        domain: DomainDict) -> None:
    again = await run_action("action_ask_take_up_intent", tracker(
        domain, slots={"unanswered_turns": 1.0}), domain)
    assert again.buttons == ["/affirm", "/maybe", "/deny"]


async def test_moving_on_is_said_once_and_a_worry_named_in_passing_is_answered(
        domain: DomainDict) -> None:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "one to one. I am shy in groups", "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"},
              {"event": "slot", "name": "format_preference", "value": "one_to_one"},
              {"event": "slot", "name": "concerns", "value": ["group_anxiety"]}]
    ran = await run_action("validate_intake_form", tracker(
        domain, text="one to one. I am shy in groups", intent="concern_group_anxiety",
        events=events, active_loop="intake_form",
        slots={"consent": "given", "explanation_ack": True, "requested_slot": "format_preference",
               "format_preference": "one_to_one", "concerns": ["group_anxiety"]}), domain)
    expected = render("concern_group_anxiety",
                      answers.site_values(registry().get(None)))["text"]
    assert expected in ran.text
    assert "leave that one" not in ran.text


async def test_a_question_left_unanswered_is_said_to_be_left(domain: DomainDict) -> None:
    events = [{"event": "action", "name": "action_listen"},
              {"event": "user", "text": "hmm", "parse_data": {}},
              {"event": "action", "name": "action_extract_slots"},
              {"event": "slot", "name": "referral_source", "value": "not_understood"},
              {"event": "slot", "name": "moved_on", "value": True}]
    ran = await run_action("validate_intake_form", tracker(
        domain, text="hmm", intent="nlu_fallback", events=events, active_loop="intake_form",
        slots={"consent": "given", "requested_slot": "referral_source", "moved_on": True,
               "referral_source": "not_understood"}), domain)
    assert "leave that one and move on" in ran.text


@pytest.mark.parametrize(("active_loop", "expected"), [
    ("intake_form", "tap one of the answers below, or skip"),
    (None, "What is peer support?"),
])
async def test_rephrasing_help_during_a_question_points_to_its_answers(
        domain: DomainDict, active_loop: str | None, expected: str) -> None:
    ran = await run_action("action_rephrase", tracker(
        domain, text="asdf", intent="nlu_fallback", active_loop=active_loop,
        slots={"requested_slot": "referral_source" if active_loop else None}), domain)
    shown = ran.text + " ".join(b["title"] for m in ran.messages for b in m.get("buttons") or [])
    assert expected in shown
    # Outside a question nothing else may follow: she is listened to.
    waits = {"event": "followup", "name": "action_listen", "timestamp": None} in ran.events
    assert waits is (active_loop is None)
