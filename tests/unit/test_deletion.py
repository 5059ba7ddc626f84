"""Deleting waits for her yes; a question read as stop or goodbye does not end the intake."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.conversation import deletion
from bot.runtime.nlu_questions import QuestionIsNotGoodbye, read_as_question

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("text", "intent"), [
    ("/affirm", "affirm"),             # the "Yes, delete it" button
    ("yes", "affirm"),
    ("yeah go on", "deny"),            # her words decide, whatever the model read
    ("ok", None),
    ("yes please", "delete_data"),
    ("I'm certain", "affirm"),         # words the reader cannot place: the model's yes
])
def test_a_clear_yes_confirms(text: str, intent: str | None) -> None:
    assert deletion.confirms_deletion(text, intent)


@pytest.mark.parametrize(("text", "intent"), [
    ("/deny", "deny"),                 # the "No, keep my answers" button
    ("no", "affirm"),                  # her "no" wins over a misread yes
    ("nah", None),
    ("not sure", "affirm"),
    ("yes?", "affirm"),                # a question back is never a yes
    ("will it delete my number?", "affirm"),
    ("hey, my HV said i should talk to you", "delete_data"),
    ("delete it", "delete_data"),
    ("", None),
    (None, None),
])
def test_anything_but_a_clear_yes_keeps_everything(text: str | None, intent: str | None) -> None:
    assert not deletion.confirms_deletion(text, intent)


@pytest.mark.parametrize(("text", "intent", "ends"), [
    ("stop", "stop", True),
    ("bye", "goodbye", True),
    ("is that it, bye?", "goodbye", False),
    ("do i have to stop?", "stop", False),
    ("is it free?", "faq_cost", False),
    (None, "stop", True),
])
def test_a_question_is_not_a_goodbye(text: str | None, intent: str, ends: bool) -> None:
    assert deletion.ends_intake(text, intent) is ends


@pytest.mark.parametrize(("slots", "in_form", "resume"), [
    ({"consent": "given"}, True, True),                      # mid-form: the form resumes
    ({"consent": "given", "completed": True}, False, False),  # after the end: nothing to resume
    ({"consent": "given", "stopped": True}, False, False),
    ({}, False, True),               # her opening was read as a deletion: the intake starts
    ({"consent": "given", "awaiting_safety_check": True}, True, False),  # safety question first
])
def test_asking_to_confirm_pauses_the_form(slots: dict[str, Any], in_form: bool,
                                           resume: bool) -> None:
    asked = deletion.confirmation_slots(slots, in_form=in_form)
    assert asked["awaiting_delete_confirm"] is True
    assert asked["delete_resume"] is resume
    assert asked["requested_slot"] is None
    assert asked["awaiting_safety_check"] is False and asked["awaiting_check_in"] is False


@pytest.mark.parametrize("pending", [None, deletion.SAFETY_CHECK])
def test_asked_again_she_goes_back_to_where_she_was_before_the_first_ask(
        pending: str | None) -> None:
    """"delete it" at the confirmation is read as another request: it is asked again, and a
    "no" then still resumes the form (or asks the safety question) as the first ask would."""
    first = deletion.confirmation_slots(
        {"consent": "given", "awaiting_safety_check": pending is not None}, in_form=True)
    again = deletion.confirmation_slots({"consent": "given", **first}, in_form=False)
    assert again == first
    assert again["delete_resume"] is (pending is None)
    assert again["delete_pending_safety"] == pending


@pytest.mark.parametrize(("waiting", "pending", "restored"), [
    ({"awaiting_safety_check": True}, deletion.SAFETY_CHECK, "awaiting_safety_check"),
    ({"awaiting_check_in": True}, deletion.CHECK_IN, "awaiting_check_in"),
    ({}, None, None),
])
def test_a_waiting_safety_question_waits_again_once_she_keeps_her_answers(
        waiting: dict[str, Any], pending: str | None, restored: str | None) -> None:
    asked = deletion.confirmation_slots({"consent": "given", **waiting}, in_form=True)
    assert asked["delete_pending_safety"] == pending
    kept = deletion.kept_slots({**asked, "consent": "given"})
    assert kept["awaiting_delete_confirm"] is False and kept["delete_pending_safety"] is None
    if restored:
        assert kept[restored] is True and kept["delete_resume"] is False
    else:
        assert kept["delete_resume"] is True
        assert "awaiting_safety_check" not in kept and "awaiting_check_in" not in kept


def message(text: str, intent: str, confidence: float = 0.8) -> Message:
    return Message(data={TEXT: text, INTENT: {"name": intent, "confidence": confidence},
                         INTENT_RANKING_KEY: [{"name": intent, "confidence": confidence},
                                              {"name": "faq_cost", "confidence": 0.1}]})


def test_the_pipeline_reads_a_question_read_as_goodbye_as_not_understood() -> None:
    component = QuestionIsNotGoodbye.create({}, None, None, None)  # type: ignore[arg-type]
    asked, left = message("bye?", "goodbye"), message("bye", "goodbye")
    component.process([asked, left])
    assert asked.get(INTENT) == {"name": DEFAULT_NLU_FALLBACK_INTENT_NAME, "confidence": 0.8}
    assert [r["name"] for r in asked.get(INTENT_RANKING_KEY)] == [
        DEFAULT_NLU_FALLBACK_INTENT_NAME, "goodbye", "faq_cost"]
    assert left.get(INTENT)["name"] == "goodbye"


@pytest.mark.parametrize("intent", ["faq_cost", "risk_suicide"])
def test_other_readings_of_a_question_are_left_alone(intent: str) -> None:
    read = message("can you stop?", intent)
    read_as_question(read)
    assert read.get(INTENT)["name"] == intent


@pytest.mark.parametrize(("text", "kept"), [
    ("please delete everything i said", True),
    ("can you wipe my details?", True),
    ("i don't want you to store my info", True),
    ("please don't save this conversation", True),
    ("bin all of that", True),
    ("forget what i told you", True),
    ("/delete_data", True),
    # No word of deleting: not a request to delete, whatever the intent model read.
    ("perinatal team said to fill this in", False),
    ("hey, my HV said id like this, whats the deal?", False),
    ("can you stop?", False),
])
def test_a_delete_reading_needs_a_word_of_deleting(text: str, kept: bool) -> None:
    read = message(text, "delete_data")
    read_as_question(read)
    assert (read.get(INTENT)["name"] == "delete_data") is kept


def test_every_delete_example_of_the_intent_data_has_a_word_of_deleting() -> None:
    examples = [line.strip()[2:] for item in yaml.safe_load(
        (ROOT / "data" / "nlu" / "control.yml").read_text())["nlu"]
        if item.get("intent") == "delete_data"
        for line in item["examples"].splitlines() if line.strip().startswith("- ")]
    assert len(examples) > 20
    assert [e for e in examples if not deletion.asks_to_delete(e, "delete_data")] == []


def test_a_message_without_an_intent_is_left_alone() -> None:
    read = Message(data={TEXT: "bye?"})
    read_as_question(read)
    assert read.get(INTENT) is None


def test_the_question_reader_runs_before_the_safety_net() -> None:
    pipeline = [c["name"] for c in yaml.safe_load(
        (ROOT / "config.yml").read_text())["pipeline"]]
    assert pipeline.index("FallbackClassifier") < pipeline.index(
        "bot.runtime.nlu_questions.QuestionIsNotGoodbye") < pipeline.index(
        "bot.safety.nlu_component.SafetyNet")


def test_every_intent_but_a_new_request_or_a_risk_answers_the_deletion_question() -> None:
    """Both rules for her answer list the same intents (one YAML list), and it names every
    intent of the domain but delete_data (asked again), the risks and the check-in, which the
    safety rules answer: a new intent left out would leave her answer to other rules."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]}
    rules = yaml.safe_load((ROOT / "data" / "rules" / "digressions.yml").read_text(
        encoding="utf-8"))["rules"]
    answers = [{step["intent"] for step in rule["steps"][0]["or"]} for rule in rules
               if rule["rule"].startswith("her answer to the deletion question")]
    assert len(answers) == 2 and answers[0] == answers[1]
    expected = {name for name in intents
                if name not in ("delete_data", "safety_check_in")
                and not name.startswith("risk_")} | {"nlu_fallback"}
    assert answers[0] == expected
