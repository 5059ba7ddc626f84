"""The safety response and her answer to "are you safe right now?"."""

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
        {"category": "self_harm", "layer": "pattern"}), domain)
    assert "999" in ran.text and "116 123" in ran.text
    assert "Are you safe right now?" in ran.text
    assert ran.slots == {"site": "northbrook", "risk_flag": True,
                         "risk_categories": ["self_harm"], "awaiting_safety_check": True}
    assert {"event": "active_loop", "name": None, "timestamp": None} in ran.events
    [event] = RiskRepository(database).events()
    assert (event["conversation_id"], event["category"], event["layer"], event["message"]) == (
        SENDER, "self_harm", "pattern", words)
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
