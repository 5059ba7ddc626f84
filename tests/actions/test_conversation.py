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


async def test_deletion_removes_the_record_and_contact_at_once(
        domain: DomainDict, records: IntakeRepository) -> None:
    records.upsert(SENDER, record_fields({"consent": "given", "format_preference": "group"},
                                         "northbrook"))
    records.save_contact(SENDER, "phone", "07700900123")
    ran = await run_action("action_delete_data", tracker(
        domain, slots={"consent": "given", "format_preference": "group"}), domain)
    assert records.get(SENDER) is None and records.contact(SENDER) is None
    assert "I've deleted the answers" in ran.text
    assert ran.slots["deleted"] is True and ran.slots["consent"] == "declined"
    assert ran.slots["format_preference"] is None and ran.slots["contact_detail"] is None


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
