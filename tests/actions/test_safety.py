"""The safety response, her answer to "are you safe right now?", and the check-in question."""

from __future__ import annotations

from typing import Any

import pytest
from rasa_sdk import Tracker
from rasa_sdk.types import DomainDict
from sqlalchemy.engine import Engine

from bot.records.intake_record import IntakeRepository
from bot.records.risk_events import RiskRepository
from tests.actions.harness import SENDER, run_action, tracker


def with_safety_note(base: Tracker, note: dict[str, Any]) -> Tracker:
    """Her message as the safety net component marks it (``latest_message["safety"]``)."""
    base.latest_message["safety"] = note
    return base


async def test_risk_gets_the_response_the_flag_the_event_and_ends_the_form(
        domain: DomainDict, database: Engine, records: IntakeRepository) -> None:
    words = "I keep thinking about hurting myself"
    ran = await run_action("action_safety_response", with_safety_note(
        tracker(domain, text=words, intent="inform", active_loop="intake_form",
                slots={"consent": "given"}),
        {"category": "self_harm", "layer": "pattern", "pattern": "self_harm.hurt_myself",
         "score": 0.93}), domain)
    assert "999" in ran.text and "116 123" in ran.text
    assert "Are you safe right now?" in ran.text
    assert ran.slots == {"site": "northbrook", "risk_flag": True,
                         "risk_categories": ["self_harm"], "awaiting_safety_check": True,
                         "awaiting_check_in": False, "awaiting_delete_confirm": False}
    assert {"event": "active_loop", "name": None, "timestamp": None} in ran.events
    [event] = RiskRepository(database).events()
    assert (event["conversation_id"], event["category"], event["layer"], event["message"]) == (
        SENDER, "self_harm", "pattern", words)
    assert (event["rule"], event["score"], event["check_in"]) == (
        "self_harm.hurt_myself", 0.93, None)
    assert records.get(SENDER)["risk_flag"] is True


@pytest.mark.parametrize("category", ["baby_emergency", "maternal_emergency"])
async def test_an_emergency_is_the_action_alone_with_no_safety_question(
        domain: DomainDict, database: Engine, category: str) -> None:
    ran = await run_action("action_safety_response", with_safety_note(
        tracker(domain, text="she's gone blue", intent="inform"),
        {"category": category, "layer": "pattern"}), domain)
    assert "999" in ran.text and "can wait" in ran.text
    assert "Are you safe right now?" not in ran.text
    assert ran.slots["awaiting_safety_check"] is False
    assert ran.slots["risk_categories"] == [category]
    [event] = RiskRepository(database).events()
    assert event["category"] == category


@pytest.mark.parametrize(("intent", "category"), [
    ("risk_psychosis", "psychosis"),
    ("risk_unheard_of", "suicide"),
])
async def test_a_risk_the_model_caught_is_placed_by_its_intent(
        domain: DomainDict, database: Engine, intent: str, category: str) -> None:
    ran = await run_action("action_safety_response", tracker(
        domain, intent=intent, slots={"risk_categories": ["self_harm"]}), domain)
    assert ran.slots["risk_categories"] == ["self_harm", category]
    [event] = RiskRepository(database).events()
    assert (event["category"], event["layer"]) == (category, "model")


@pytest.mark.parametrize(("intent", "expected"), [
    ("affirm", "I'm glad you're safe."),
    ("deny", "Please call 999 now"),
    (None, "Please call 999 now"),
])
async def test_her_answer_to_are_you_safe(
        domain: DomainDict, intent: str | None, expected: str) -> None:
    ran = await run_action("action_safety_followup", tracker(
        domain, intent=intent, slots={"awaiting_safety_check": True}), domain)
    assert ran.messages[0]["text"].startswith(expected)
    assert ran.slots == {"awaiting_safety_check": False}


async def test_a_risk_the_classifier_caught_records_its_score(
        domain: DomainDict, database: Engine) -> None:
    await run_action("action_safety_response", with_safety_note(
        tracker(domain, text="words the rules never saw", intent="risk_self_harm"),
        {"category": "self_harm", "layer": "classifier", "pattern": None, "score": 0.97}),
        domain)
    [event] = RiskRepository(database).events()
    assert (event["layer"], event["rule"], event["score"], event["check_in"]) == (
        "classifier", None, 0.97, None)


async def test_the_check_in_asks_directly_and_steps_out_of_the_form(domain: DomainDict) -> None:
    ran = await run_action("action_safety_check_in", with_safety_note(
        tracker(domain, text="unclear words", intent="safety_check_in",
                active_loop="intake_form"),
        {"category": "harm_baby", "layer": "check_in", "pattern": None, "score": 0.61}), domain)
    assert ran.text == ("I want to check I've understood: are you having thoughts of hurting "
                        "yourself or your baby?")
    assert ran.buttons == ["/affirm", "/deny", "/not_sure"]
    assert ran.slots == {"site": "northbrook", "awaiting_check_in": True,
                         "awaiting_safety_check": False, "awaiting_delete_confirm": False,
                         "check_in_resume": True,
                         "check_in_category": "harm_baby", "check_in_score": 0.61,
                         "check_in_question": None, "requested_slot": None}
    assert {"event": "active_loop", "name": None, "timestamp": None} in ran.events


async def test_after_the_close_no_to_the_check_in_does_not_restart_the_intake(
        domain: DomainDict) -> None:
    ran = await run_action("action_safety_check_in", tracker(
        domain, text="unclear words", intent="safety_check_in", slots={"completed": True}),
        domain)
    assert ran.slots["check_in_resume"] is False


def checked_then_answered(words: str, parse_data: dict, answer: str,
                          intent: str) -> list[dict]:
    """Tracker events: her message got the check-in question, then she answered it."""
    return [{"event": "action", "name": "action_listen"},
            {"event": "user", "text": words, "parse_data": parse_data},
            {"event": "action", "name": "action_safety_check_in"},
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": answer,
             "parse_data": {"intent": {"name": intent, "confidence": 1.0}}}]


@pytest.mark.parametrize(("intent", "answer"), [("affirm", "yes"), ("not_sure", "not_sure")])
async def test_yes_or_not_sure_to_the_check_in_is_a_risk_with_her_answer_recorded(
        domain: DomainDict, database: Engine, intent: str, answer: str) -> None:
    words = "unclear words"
    asked = {"text": words, "intent": {"name": "safety_check_in", "confidence": 1.0}}
    events = checked_then_answered(words, asked, f"/{intent}", intent)
    ran = await run_action("action_safety_response", tracker(
        domain, text=f"/{intent}", intent=intent, events=events,
        slots={"awaiting_check_in": True, "check_in_category": "harm_baby",
               "check_in_score": 0.61}), domain)
    assert "999" in ran.text and "Are you safe right now?" in ran.text
    assert ran.slots["awaiting_check_in"] is False
    assert ran.slots["awaiting_safety_check"] is True
    assert ran.slots["risk_categories"] == ["harm_baby"]
    [event] = RiskRepository(database).events()
    assert (event["category"], event["layer"], event["score"], event["check_in"],
            event["message"]) == ("harm_baby", "check_in", 0.61, answer, words)


async def test_no_to_the_check_in_thanks_her(domain: DomainDict, database: Engine) -> None:
    ran = await run_action("action_safety_check_in_answer", tracker(
        domain, text="/deny", intent="deny", slots={"awaiting_check_in": True}), domain)
    assert ran.text.startswith("Thank you for telling me")
    assert ran.slots == {"awaiting_check_in": False, "check_in_question": None}
    assert list(RiskRepository(database).events()) == []


async def test_the_check_in_remembers_the_question_she_was_answering(
        domain: DomainDict) -> None:
    ran = await run_action("action_safety_check_in", tracker(
        domain, text="only weekends, in the week I clean houses", intent="safety_check_in",
        active_loop="intake_form", slots={"requested_slot": "time_preferences"}), domain)
    assert ran.slots["check_in_question"] == "time_preferences"


async def test_no_to_the_check_in_takes_the_checked_message_as_her_answer(
        domain: DomainDict, database: Engine) -> None:
    words = "Only weekends, I clean houses in the week"
    checked = {"text": words, "intent": {"name": "safety_check_in", "confidence": 1.0}}
    events = checked_then_answered(words, checked, "no", "deny")
    ran = await run_action("action_safety_check_in_answer", tracker(
        domain, text="no", intent="deny", events=events,
        slots={"awaiting_check_in": True, "consent": "given",
               "check_in_question": "time_preferences"}), domain)
    assert ran.slots["time_preferences"] == ["weekend"]
    assert IntakeRepository(database).get(SENDER)["time_preferences"] == ["weekend"]


async def test_no_to_the_check_in_reads_her_answer_with_the_intent_it_was_given(
        domain: DomainDict, database: Engine) -> None:
    """A blind simulated mother went round eight times: her "not really, just ..." to "anything
    else on your mind?" got the check-in, her no brought the question back, and her same answer
    was checked again. Read with what the intent model made of it, it is her no."""
    words = "Not really, just that I felt a bit like this last time too and nobody asked"
    checked = {"text": words, "intent": {"name": "safety_check_in", "confidence": 1.0},
               "intent_ranking": [{"name": "safety_check_in", "confidence": 1.0},
                                  {"name": "risk_suicide", "confidence": 0.2},
                                  {"name": "deny", "confidence": 0.7}]}
    events = checked_then_answered(words, checked, "no", "deny")
    ran = await run_action("action_safety_check_in_answer", tracker(
        domain, text="no", intent="deny", events=events,
        slots={"awaiting_check_in": True, "consent": "given",
               "check_in_question": "concerns_done"}), domain)
    assert ran.slots["concerns_done"] is True
