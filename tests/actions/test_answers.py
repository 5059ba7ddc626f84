"""Answers to what she asks or raises at any point, in or out of the form."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk.types import DomainDict

from bot.records.intake_record import IntakeRepository
from tests.actions.harness import SENDER, Outcome, run_action, tracker


async def read_then_answer(action: str, domain: DomainDict, **turn: Any) -> tuple[Outcome,
                                                                                   Outcome]:
    """Her message as Rasa handles it: read first (``action_validate_slot_mappings`` records
    the worries and hopes it names), then the rule's answer, with the slots the reading set."""
    read = await run_action("action_validate_slot_mappings", tracker(domain, **turn), domain)
    slots = {**turn.pop("slots", {}), **read.slots}
    answered = await run_action(action, tracker(domain, slots=slots, **turn), domain)
    return read, answered


async def test_a_worry_is_answered_recorded_and_coded(
        domain: DomainDict, records: IntakeRepository) -> None:
    read, ran = await read_then_answer(
        "action_answer_concern", domain, text="I'd be too anxious in a group",
        intent="concern_group_anxiety", slots={"consent": "given", "concerns": ["practical_time"]})
    assert read.slots["concerns"] == ["practical_time", "group_anxiety"]
    assert "concerns" not in ran.slots  # recorded once, when the message was read
    # Northbrook also runs one-to-one support: the answer says so.
    assert "one-to-one" in ran.text
    assert ran.messages[-1]["text"] == "Shall we carry on?"
    record = records.get(SENDER)
    assert record["concerns"] == ["practical_time", "group_anxiety"]
    assert record["mechanisms"] == ["practical", "psychological_safety"]


async def test_two_worries_in_one_message_are_both_recorded_and_the_first_answered(
        domain: DomainDict, records: IntakeRepository) -> None:
    read, ran = await read_then_answer(
        "action_answer_concern", domain, intent="concern_practical_travel",
        text="i dont drive and there's no one to have my toddler", slots={"consent": "given"})
    assert read.slots["concerns"] == ["practical_travel", "practical_childcare"]
    assert records.get(SENDER)["concerns"] == ["practical_travel", "practical_childcare"]
    assert ran.messages and "Shall we carry on?" in ran.text


async def test_a_worry_the_coder_does_not_see_is_answered_but_not_recorded(
        domain: DomainDict, records: IntakeRepository) -> None:
    # The intent model alone once read "mornings, she naps after lunch" as a worry about time.
    read, ran = await read_then_answer(
        "action_answer_concern", domain, text="mornings, she naps after lunch",
        intent="concern_practical_time", slots={"consent": "given"})
    assert "concerns" not in read.slots
    assert ran.messages


async def test_a_worry_raised_inside_the_form_does_not_offer_to_carry_on(
        domain: DomainDict) -> None:
    ran = await run_action("action_answer_concern", tracker(
        domain, intent="concern_fear_of_judgement", active_loop="intake_form"), domain)
    assert ran.messages
    assert "Shall we carry on?" not in ran.text


async def test_a_worry_raised_before_she_said_if_she_is_safe_asks_it_again(
        domain: DomainDict) -> None:
    ran = await run_action("action_answer_concern", tracker(
        domain, intent="concern_fear_of_judgement",
        slots={"awaiting_safety_check": True, "risk_flag": True}), domain)
    assert ran.messages[-1]["text"] == "Are you safe right now? I'm here."
    assert "Shall we carry on?" not in ran.text


async def test_preferences_mentioned_with_a_worry_are_picked_up(domain: DomainDict) -> None:
    ran = await run_action("action_answer_concern", tracker(
        domain, text="I'd hate a group, one to one please", intent="concern_group_anxiety"),
        domain)
    assert ran.slots["format_preference"] == "one_to_one"


async def test_an_unknown_worry_is_asked_about_not_recorded(domain: DomainDict) -> None:
    read, ran = await read_then_answer("action_answer_concern", domain,
                                       intent="concern_something_new")
    assert "What's worrying you?" in ran.text
    assert "concerns" not in read.slots and "concerns" not in ran.slots


async def test_a_motivator_is_acknowledged_and_recorded(
        domain: DomainDict, records: IntakeRepository) -> None:
    read, ran = await read_then_answer(
        "action_answer_motivator", domain, text="i'd love to meet other mums",
        intent="motivator_meet_other_mothers", slots={"consent": "given"})
    assert read.slots["motivators"] == ["meet_other_mothers"]
    assert ran.messages
    assert records.get(SENDER)["motivators"] == ["meet_other_mothers"]


@pytest.mark.parametrize(("intent", "expected"), [
    ("faq_cost", "It's free."),
    ("faq_not_a_question_we_know", "Peer support"),
])
async def test_questions_about_peer_support_are_answered(
        domain: DomainDict, intent: str, expected: str) -> None:
    ran = await run_action("action_answer_faq", tracker(domain, intent=intent), domain)
    assert expected in ran.messages[0]["text"]
    assert ran.slots["explained"] is True


async def test_tell_me_more_explains_what_it_is_and_is_not(domain: DomainDict) -> None:
    ran = await run_action("action_tell_me_more", tracker(domain), domain)
    texts = [m["text"] for m in ran.messages]
    assert "Volunteers are mums" in texts[0]
    assert "isn't therapy" in texts[1]
    assert "keep what you say private" in texts[2]
    assert ran.slots == {"explained": True}


@pytest.mark.parametrize(("intent", "expected", "carry_on"), [
    ("bot_challenge", "not a person", True),
    ("goodbye", "", False),
    ("something_else", "", True),
])
async def test_small_talk(domain: DomainDict, intent: str, expected: str,
                          carry_on: bool) -> None:
    ran = await run_action("action_small_talk", tracker(domain, intent=intent), domain)
    assert expected in ran.messages[0]["text"]
    assert (ran.messages[-1]["text"] == "Shall we carry on?") is carry_on


async def test_small_talk_after_the_close_offers_nothing_more(domain: DomainDict) -> None:
    ran = await run_action("action_small_talk", tracker(
        domain, intent="thanks", slots={"completed": True}), domain)
    assert "Shall we carry on?" not in ran.text


async def test_the_fallback_helps_her_rephrase_with_buttons(domain: DomainDict) -> None:
    ran = await run_action("action_rephrase", tracker(domain), domain)
    assert "put it another way" in ran.text
    assert ran.buttons
    assert ran.slots == {"site": "northbrook"}
