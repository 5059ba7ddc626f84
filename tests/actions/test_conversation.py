"""Asking for a person, stopping, deleting, changing an answer, and the close."""

from __future__ import annotations

import pytest
from rasa_sdk.types import DomainDict

from bot.records.intake_record import IntakeRepository, record_fields
from tests.actions.harness import SENDER, run_action, tracker


@pytest.mark.parametrize(("slots", "offers_callback"), [
    ({}, True),
    ({"consent": "declined"}, False),
    ({"contact_detail": "07*** ***123"}, False),
])
async def test_asking_for_a_person_is_never_a_dead_end(
        domain: DomainDict, slots: dict, offers_callback: bool) -> None:
    ran = await run_action("action_ask_human", tracker(domain, slots=slots), domain)
    assert "01632 960123" in ran.messages[0]["text"]
    assert ("/request_contact" in ran.buttons) is offers_callback


async def test_a_contact_request_is_recorded_for_the_form(
        domain: DomainDict, records: IntakeRepository) -> None:
    ran = await run_action("action_request_contact", tracker(
        domain, slots={"consent": "given", "stopped": True}), domain)
    assert ran.slots == {"site": "northbrook", "contact_requested": True, "stopped": False}
    assert records.get(SENDER)["contact_requested"] is True


async def test_without_consent_she_is_given_the_contact_route_instead(
        domain: DomainDict, records: IntakeRepository) -> None:
    ran = await run_action("action_request_contact", tracker(
        domain, slots={"consent": "declined", "site": "eastvale"}), domain)
    assert "07700 900456" in ran.text
    assert ran.events == []
    assert records.get(SENDER) is None


async def test_stop_ends_the_form(domain: DomainDict) -> None:
    ran = await run_action("action_stop", tracker(domain, active_loop="intake_form"), domain)
    assert "we'll stop here" in ran.text
    assert ran.slots["stopped"] is True and ran.slots["requested_slot"] is None
    assert {"event": "active_loop", "name": None, "timestamp": None} in ran.events


@pytest.mark.parametrize(("slots", "expected"), [
    ({"changed": ["mode_preferences"]}, "Thanks, I've changed that."),
    ({}, "I'm not sure what you'd like to change."),
])
async def test_a_change_outside_the_form_is_confirmed(
        domain: DomainDict, slots: dict, expected: str) -> None:
    ran = await run_action("action_confirm_change", tracker(domain, slots=slots), domain)
    assert ran.messages[0]["text"].startswith(expected)
    assert ran.messages[-1]["text"] == "Shall we carry on?"


async def test_a_change_while_she_has_not_said_if_she_is_safe_asks_it_again(
        domain: DomainDict) -> None:
    """An answer taken just after the safety response (sent with the risk message, or from
    another tab) ends with "Are you safe right now?" again, not "Shall we carry on?": her "yes"
    to that would be read as "I'm safe"."""
    ran = await run_action("action_confirm_change", tracker(
        domain, slots={"awaiting_safety_check": True, "risk_flag": True}), domain)
    assert ran.messages[0]["text"].startswith("I'm not sure what you'd like to change.")
    assert ran.messages[-1]["text"] == "Are you safe right now? I'm here."
    assert "Shall we carry on?" not in ran.text


async def test_a_change_to_something_the_site_does_not_offer_is_said_honestly(
        domain: DomainDict) -> None:
    ran = await run_action("action_confirm_change", tracker(
        domain, site="eastvale", slots={"changed": ["format_preference"],
                                        "format_preference": "group"}), domain)
    assert "doesn't offer" in ran.text


@pytest.mark.parametrize(("slots", "next_steps"), [
    ({"consent": "given", "contact_requested": True, "preferred_contact": "text"},
     "Northbrook Mums Together will text you soon."),
    ({"consent": "declined", "contact_requested": True, "preferred_contact": "text"},
     "If you'd like to talk to someone at Northbrook Mums Together"),
])
async def test_the_close_says_what_happens_next_and_completes_the_record(
        domain: DomainDict, records: IntakeRepository, slots: dict, next_steps: str) -> None:
    ran = await run_action("action_close", tracker(domain, slots=slots), domain)
    assert next_steps in ran.messages[0]["text"]
    assert ran.slots == {"completed": True, "stopped": False}
    assert records.get(SENDER)["completed"] is True


async def test_the_close_is_not_repeated(domain: DomainDict) -> None:
    ran = await run_action("action_close", tracker(domain, slots={"completed": True}), domain)
    assert "We've been through everything" in ran.text
    assert ran.events == []


def _with_her_answers(records: IntakeRepository) -> dict:
    slots = {"consent": "given", "format_preference": "group"}
    records.upsert(SENDER, record_fields(slots, "northbrook"))
    records.save_contact(SENDER, "phone", "07700900123")
    return slots


async def test_a_deletion_request_is_confirmed_first_and_deletes_nothing(
        domain: DomainDict, records: IntakeRepository) -> None:
    slots = _with_her_answers(records)
    ran = await run_action("action_check_deletion", tracker(
        domain, text="hey, my HV said i should talk to you", intent="delete_data",
        active_loop="intake_form", slots={**slots, "requested_slot": "mode_preferences"}),
        domain)
    assert ran.text == ("Just to check: would you like me to delete everything you've told me? "
                        "This can't be undone.")
    assert [b["title"] for b in ran.messages[0]["buttons"]] == [
        "Yes, delete it", "No, keep my answers"]
    assert ran.buttons == ["/affirm", "/deny"]
    assert ran.slots["awaiting_delete_confirm"] is True and ran.slots["delete_resume"] is True
    assert ran.slots["requested_slot"] is None
    assert {"event": "active_loop", "name": None, "timestamp": None} in ran.events
    assert records.get(SENDER) is not None and records.contact(SENDER) is not None


@pytest.mark.parametrize("yes", [("/affirm", "affirm"), ("yeah go on", "affirm"),
                                 ("ok", "nlu_fallback")])
async def test_her_yes_deletes_the_record_and_contact(
        domain: DomainDict, records: IntakeRepository, yes: tuple[str, str]) -> None:
    slots = _with_her_answers(records)
    text, intent = yes
    ran = await run_action("action_deletion_answer", tracker(
        domain, text=text, intent=intent,
        slots={**slots, "awaiting_delete_confirm": True, "delete_resume": True}), domain)
    assert records.get(SENDER) is None and records.contact(SENDER) is None
    assert "I've deleted the answers" in ran.text
    assert ran.slots["awaiting_delete_confirm"] is False and ran.slots["delete_resume"] is False
    assert ran.slots["deleted"] is True and ran.slots["format_preference"] is None
    assert ran.slots["consent"] == "declined" and ran.slots["contact_detail"] is None


@pytest.mark.parametrize("text", ["Yes, delete it", "just delete it all please"])
async def test_asked_to_confirm_she_asks_again_and_that_is_her_yes(
        domain: DomainDict, records: IntakeRepository, text: str) -> None:
    # The intent model reads a typed "Yes, delete it" as another request: asking her again
    # would loop on the one question she has answered.
    slots = _with_her_answers(records)
    ran = await run_action("action_check_deletion", tracker(
        domain, text=text, intent="delete_data",
        slots={**slots, "awaiting_delete_confirm": True, "delete_resume": True}), domain)
    assert records.get(SENDER) is None and records.contact(SENDER) is None
    assert "I've deleted the answers" in ran.text
    assert ran.slots["awaiting_delete_confirm"] is False and ran.slots["deleted"] is True


@pytest.mark.parametrize("text", ["no don't delete it", "delete what?"])
async def test_asked_again_with_a_no_or_a_question_she_is_asked_again(
        domain: DomainDict, records: IntakeRepository, text: str) -> None:
    slots = _with_her_answers(records)
    ran = await run_action("action_check_deletion", tracker(
        domain, text=text, intent="delete_data",
        slots={**slots, "awaiting_delete_confirm": True, "delete_resume": True}), domain)
    assert ran.text.startswith("Just to check: would you like me to delete everything")
    assert records.get(SENDER) is not None and records.contact(SENDER) is not None


@pytest.mark.parametrize("other", [("/deny", "deny"), ("no", "affirm"),
                                   ("what do you mean?", "affirm"),
                                   ("is it free", "faq_cost")])
async def test_anything_else_keeps_everything_and_goes_back_to_the_form(
        domain: DomainDict, records: IntakeRepository, other: tuple[str, str]) -> None:
    slots = _with_her_answers(records)
    text, intent = other
    ran = await run_action("action_deletion_answer", tracker(
        domain, text=text, intent=intent,
        slots={**slots, "awaiting_delete_confirm": True, "delete_resume": True}), domain)
    assert ran.text == "That's fine, nothing has been deleted."
    assert ran.slots == {"awaiting_delete_confirm": False, "delete_resume": True,
                         "delete_pending_safety": None}
    assert records.get(SENDER)["format_preference"] == "group"
    assert records.contact(SENDER) is not None


async def test_kept_after_the_end_nothing_more_is_asked(domain: DomainDict) -> None:
    ran = await run_action("action_deletion_answer", tracker(
        domain, text="no", intent="deny",
        slots={"completed": True, "awaiting_delete_confirm": True, "delete_resume": False}),
        domain)
    assert ran.text == "That's fine, nothing has been deleted."
    assert ran.slots["delete_resume"] is False


async def test_kept_outside_the_form_she_is_offered_to_carry_on(domain: DomainDict) -> None:
    ran = await run_action("action_deletion_answer", tracker(
        domain, text="no", intent="deny", slots={
            "consent": "given", "awaiting_delete_confirm": True, "delete_resume": False}),
        domain)
    assert ran.messages[-1]["text"] == "Shall we carry on?"


async def test_a_safety_question_waiting_is_asked_again_once_she_keeps_her_answers(
        domain: DomainDict) -> None:
    asked = await run_action("action_check_deletion", tracker(
        domain, text="delete it", intent="delete_data",
        slots={"consent": "given", "awaiting_safety_check": True, "risk_flag": True}), domain)
    assert asked.slots["awaiting_safety_check"] is False
    assert asked.slots["delete_pending_safety"] == "safety_check"
    ran = await run_action("action_deletion_answer", tracker(
        domain, text="no", intent="deny", slots={"consent": "given", **asked.slots}), domain)
    assert ran.messages[-1]["text"] == "Are you safe right now? I'm here."
    assert ran.slots["awaiting_safety_check"] is True and ran.slots["delete_resume"] is False


async def test_a_check_in_waiting_is_asked_again_once_she_keeps_her_answers(
        domain: DomainDict) -> None:
    ran = await run_action("action_deletion_answer", tracker(
        domain, text="no", intent="deny", slots={
            "awaiting_delete_confirm": True, "delete_pending_safety": "check_in"}), domain)
    assert "are you having thoughts of hurting yourself or your baby?" in ran.text
    assert ran.slots["awaiting_check_in"] is True
