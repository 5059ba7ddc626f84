"""Each way the SafetyNet component decides, end to end through ``process``: the intent it
leaves, the ``safety`` note (category, layer, rule, classifier score) and the one log line,
which names the category and the layer and never the message.

The classifier is a stand-in with a fixed verdict, so every branch is reached without training
(tests/unit/test_safety_learned.py trains the real one). Written after the mutation run
(bench/mutation.py) showed which of these no test held.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.safety.learned import Verdict
from bot.safety.nlu_component import (
    CHECK_IN_THRESHOLD_KEY,
    CRISIS_THRESHOLD_KEY,
    DEFAULT_FALLBACK_THRESHOLD,
    SAFETY_KEY,
    SAFETY_SETS_KEY,
    SafetyNet,
)

LOGGER = "bot.safety.nlu_component"


class FixedClassifier:
    """Gives every message the same score and category (its word count is the message's own)."""

    def __init__(self, score: float, category: str = "suicide") -> None:
        self.fixed = (score, category)

    def score(self, text: str) -> Verdict:
        return Verdict(*self.fixed, len(text.split()))


def make_net(score: float | None, category: str = "suicide") -> SafetyNet:
    config = {**SafetyNet.get_default_config(), CRISIS_THRESHOLD_KEY: 0.9,
              CHECK_IN_THRESHOLD_KEY: 0.6}
    classifier = None if score is None else FixedClassifier(score, category)
    return SafetyNet(config, classifier=classifier)  # type: ignore[arg-type]


def message(text: str, intent: dict[str, Any], ranking: list[dict[str, Any]]) -> Message:
    return Message(data={TEXT: text, INTENT: intent, INTENT_RANKING_KEY: ranking})


def guess(name: str, confidence: float | None = None) -> dict[str, Any]:
    return {"name": name} if confidence is None else {"name": name, "confidence": confidence}


CASES = {
    "a rule fires": dict(
        text="I'm not ok, I want to die", score=0.3, category="suicide",
        intent=guess("feeling_low", 0.97), ranking=[guess("feeling_low", 0.97)],
        expect_intent=guess("risk_suicide", 1.0),
        note={"category": "suicide", "layer": "pattern", "pattern": "suicide.want_to_die",
              "score": 0.3},
        log="safety net: suicide via pattern (suicide.want_to_die)"),
    "a model risk she denies": dict(
        text="I'm not suicidal, just tired", score=0.7, category="suicide",
        intent=guess("risk_suicide", 0.95), ranking=[guess("risk_suicide", 0.95)],
        expect_intent=guess("feeling_low", 1.0),
        note={"category": None, "layer": "negated", "pattern": "suicide.suicidal",
              "score": 0.7},
        log="safety net: model risk suicide negated"),
    "a model risk the rules explain away": dict(
        text="I cut myself shaving my legs lol", score=0.8, category="self_harm",
        intent=guess("risk_self_harm", 0.995),
        ranking=[guess("risk_self_harm", 0.995), guess("greet", 0.004)],
        expect_intent=guess("greet", 0.004),
        note={"category": None, "layer": "explained", "pattern": None, "score": 0.8},
        log="safety net: model risk self_harm explained away"),
    "a sure model risk": dict(
        text="everything is grey and heavy", score=0.2, category="suicide",
        intent=guess("risk_psychosis", 0.995), ranking=[guess("risk_psychosis", 0.995)],
        expect_intent=guess("risk_psychosis", 0.995),
        note={"category": "psychosis", "layer": "model", "pattern": None, "score": 0.2},
        log="safety net: psychosis via model only"),
    "a sure classifier": dict(
        text="everything is grey and heavy", score=0.95, category="self_harm",
        intent=guess("greet", 0.9), ranking=[guess("greet", 0.9)],
        expect_intent=guess("risk_self_harm", 1.0),
        note={"category": "self_harm", "layer": "classifier", "pattern": None, "score": 0.95},
        log="safety net: self_harm via classifier (0.95)"),
    "an unsure classifier on a confident answer": dict(
        text="one to one i think", score=0.7, category="suicide",
        intent=guess("inform", 0.5), ranking=[guess("inform", 0.5)],
        expect_intent=guess("inform", 0.5),
        note={"category": None, "layer": "answer", "pattern": None, "score": 0.7},
        log="safety net: no check-in on an answer (0.70)"),
    "an unsure classifier on a confident yes to being called": dict(
        text="Yes, someone could ring me I think", score=0.7, category="danger_at_home",
        intent=guess("request_contact", 0.93), ranking=[guess("request_contact", 0.93)],
        expect_intent=guess("request_contact", 0.93),
        note={"category": None, "layer": "answer", "pattern": None, "score": 0.7},
        log="safety net: no check-in on an answer (0.70)"),
    "an unsure classifier on an answer of unknown confidence": dict(
        text="one to one i think", score=0.7, category="harm_baby",
        intent=guess("inform"), ranking=[guess("inform")],
        expect_intent=guess("safety_check_in", 1.0),
        note={"category": "harm_baby", "layer": "check_in", "pattern": None, "score": 0.7},
        log="safety net: check-in on harm_baby (0.70)"),
    "an unsure classifier": dict(
        text="everything is grey and heavy", score=0.7, category="harm_baby",
        intent=guess("greet", 0.9), ranking=[guess("greet", 0.9)],
        expect_intent=guess("safety_check_in", 1.0),
        note={"category": "harm_baby", "layer": "check_in", "pattern": None, "score": 0.7},
        log="safety net: check-in on harm_baby (0.70)"),
    "an unsure model risk": dict(
        text="everything is grey and heavy", score=0.1, category="suicide",
        intent=guess("risk_suicide", 0.6),
        ranking=[guess("risk_suicide", 0.6), guess("greet", 0.3)],
        expect_intent=guess("greet", 0.3),
        note={"category": None, "layer": "below_threshold", "pattern": None, "score": 0.1},
        log="safety net: model risk suicide is below 0.99"),
    "a model risk of unknown confidence": dict(
        text="everything is grey and heavy", score=0.1, category="suicide",
        intent=guess("risk_suicide"), ranking=[guess("risk_suicide"), guess("greet", 0.3)],
        expect_intent=guess("greet", 0.3),
        note={"category": None, "layer": "below_threshold", "pattern": None, "score": 0.1},
        log="safety net: model risk suicide is below 0.99"),
    "a doubtful model risk whose next reading would delete her answers": dict(
        text="I was like yes please, not spoken to an adult all week", score=0.3,
        category="suicide", intent=guess("risk_suicide", 0.9),
        ranking=[guess("risk_suicide", 0.9), guess("delete_data", 0.06)],
        expect_intent=guess("nlu_fallback", 0.35),
        note={"category": None, "layer": "below_threshold", "pattern": None, "score": 0.3},
        log="safety net: model risk suicide is below 0.99"),
    "a doubtful model risk whose next reading is sure to delete": dict(
        text="delete everything I said", score=0.3, category="suicide",
        intent=guess("risk_suicide", 0.6),
        ranking=[guess("risk_suicide", 0.6), guess("delete_data", 0.38)],
        expect_intent=guess("delete_data", 0.38),
        note={"category": None, "layer": "below_threshold", "pattern": None, "score": 0.3},
        log="safety net: model risk suicide is below 0.99"),
    "a denial and nothing else": dict(
        text="no, I don't self harm", score=0.1, category="suicide",
        intent=guess("deny", 0.93), ranking=[guess("deny", 0.93)],
        expect_intent=guess("deny", 0.93),
        note={"category": None, "layer": "negated", "pattern": "self_harm.self_harm_words",
              "score": 0.1},
        log=None),
}


@pytest.mark.parametrize("case", list(CASES.values()), ids=list(CASES))
def test_each_decision_sets_intent_note_and_one_log_line(case, caplog) -> None:
    net = make_net(case["score"], case["category"])
    with caplog.at_level(logging.DEBUG, logger=LOGGER):
        [result] = net.process([message(case["text"], case["intent"], case["ranking"])])
    assert result.get(INTENT) == case["expect_intent"]
    assert result.get(INTENT_RANKING_KEY)[0] == case["expect_intent"]
    assert result.get(SAFETY_KEY) == case["note"]
    lines = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == LOGGER]
    assert lines == ([("INFO", case["log"])] if case["log"] else [])
    assert case["text"] not in caplog.text


def test_an_unsure_model_risk_goes_to_the_end_of_the_ranking() -> None:
    net = make_net(0.1)
    [result] = net.process([message("everything is grey and heavy", guess("risk_suicide", 0.6),
                                    [guess("risk_suicide", 0.6), guess("greet", 0.3),
                                     guess("thanks", 0.1)])])
    assert [e["name"] for e in result.get(INTENT_RANKING_KEY)] == ["greet", "thanks",
                                                                   "risk_suicide"]


def test_a_model_risk_category_the_assistant_does_not_know_is_logged(caplog) -> None:
    net = make_net(0.1)
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        [result] = net.process([message("everything is grey and heavy",
                                        guess("risk_gambling", 0.995),
                                        [guess("risk_gambling", 0.995)])])
    assert result.get(SAFETY_KEY)["category"] == "gambling"
    assert [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING] == [
        "safety net: unknown risk category from the model: gambling"]


def test_a_button_press_is_never_scored_even_by_a_classifier_sure_of_risk() -> None:
    net = make_net(0.99, "suicide")
    [result] = net.process([message("/affirm", guess("affirm", 1.0), [guess("affirm", 1.0)])])
    assert result.get(INTENT) == guess("affirm", 1.0)
    assert result.get(SAFETY_KEY) is None


def test_a_model_without_a_classifier_loads_with_rules_only(tmp_path: Path, caplog) -> None:
    storage = LocalModelStorage(tmp_path)
    resource = Resource("safety_net")
    with storage.write_to(resource):
        pass  # the component's folder exists, with no classifier in it
    with caplog.at_level(logging.WARNING, logger=LOGGER):
        net = SafetyNet.load(SafetyNet.get_default_config(), storage, resource, None)  # type: ignore[arg-type]
        [result] = net.process([message("hello", guess("greet", 0.9), [guess("greet", 0.9)])])
    assert net.classifier is None
    assert result.get(SAFETY_KEY) is None
    assert [r.getMessage() for r in caplog.records] == [
        "safety net: no trained classifier in the model; rules only"]


def test_training_learns_from_the_labelled_sets_and_the_nlu_examples(tmp_path: Path,
                                                                      caplog) -> None:
    sets = tmp_path / "sets"
    sets.mkdir()
    (sets / "tiny_set.yml").write_text(yaml.safe_dump({
        "risk": {"self_harm": ["i burn my arm when it gets too much"]},
        "negative": ["the baby will not settle"]}), encoding="utf-8")
    config = {**SafetyNet.get_default_config(), SAFETY_SETS_KEY: str(sets)}
    net = SafetyNet.create(config, None, None, None)  # type: ignore[arg-type]
    nlu = TrainingData([Message(data={TEXT: "zebrafinch hello", INTENT: "greet"}),
                        Message(data={TEXT: "quokka grey", INTENT: "safety_check_in"})])
    with caplog.at_level(logging.INFO, logger=LOGGER):
        net.train(nlu)
    words = net.classifier.pipeline.named_steps["features"].transformer_list[0][1]
    vocabulary = set(words.get_feature_names_out())
    assert "zebrafinch" in vocabulary and "quokka" not in vocabulary
    assert [r.getMessage() for r in caplog.records] == [
        "safety net: classifier trained on 3 examples (1 labelled sets)"]


def test_the_fallback_threshold_is_the_fallback_classifiers() -> None:
    """The net's bar for a reading left after DIET's own check-in is the pipeline's fallback."""
    config = Path(__file__).resolve().parents[2] / "config.yml"
    pipeline = yaml.safe_load(config.read_text(encoding="utf-8"))["pipeline"]
    [fallback] = [step for step in pipeline if step["name"] == "FallbackClassifier"]
    assert fallback["threshold"] == DEFAULT_FALLBACK_THRESHOLD
