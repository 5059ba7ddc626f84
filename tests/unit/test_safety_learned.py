"""The learned layer (bot/safety/learned.py) and how the safety net component uses it:
deterministic training, rules that explain a risk away overrule it, thresholds read from
config.yml, trained and persisted through Rasa's own storage, and the combined net catching
every risk of every labelled set."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import yaml
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.loading import load_data
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.runtime.training import training_hash
from bot.safety import RISK_CATEGORIES, assess
from bot.safety.learned import (
    CHECK_IN,
    CLASSIFIER,
    RULE,
    Example,
    RiskClassifier,
    Verdict,
    decide,
    load_set,
    load_sets,
    nlu_examples,
    sets_fingerprint,
)
from bot.safety.nlu_component import (
    CHECK_IN_THRESHOLD_KEY,
    CRISIS_THRESHOLD_KEY,
    SAFETY_KEY,
    SAFETY_SETS_KEY,
    SafetyNet,
)

ROOT = Path(__file__).resolve().parents[2]
SETS_DIR = ROOT / "tests" / "safety"
MAX_FALSE_ALARM_RATE = 0.03
MAX_CHECK_IN_RATE = 0.05


def safety_net_config() -> dict:
    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    [step] = [s for s in pipeline if s["name"] == "bot.safety.nlu_component.SafetyNet"]
    return step


def nlu() -> list[Example]:
    data = load_data(str(ROOT / "data" / "nlu"))
    return nlu_examples((m.get(TEXT), m.get(INTENT)) for m in data.intent_examples)


@pytest.fixture(scope="module")
def sets() -> dict[str, list[Example]]:
    return load_sets(SETS_DIR)


@pytest.fixture(scope="module")
def classifier(sets: dict[str, list[Example]]) -> RiskClassifier:
    """Trained as `make model` trains it: every labelled set and the NLU examples."""
    return RiskClassifier.train([e for examples in sets.values() for e in examples] + nlu())


SMALL = [Example("i want to end it all", "suicide"), Example("i cut my arms", "self_harm"),
         Example("i might hurt the baby", "harm_baby"), Example("lovely weather", None),
         Example("the baby is teething", None), Example("what time is the group", None)]


def test_training_is_deterministic() -> None:
    first, second = RiskClassifier.train(SMALL), RiskClassifier.train(list(reversed(SMALL)))
    texts = ["i want to die", "the baby cries", "hello"]
    assert [v.score for v in first.scores(texts)] == [v.score for v in second.scores(texts)]
    assert np.array_equal(first.pipeline.named_steps["model"].coef_,
                          second.pipeline.named_steps["model"].coef_)


def test_one_message_scores_as_scikit_learn_does(classifier: RiskClassifier,
                                                 sets: dict[str, list[Example]]) -> None:
    texts = [e.text for e in sets["holdout_set"]]
    for text, batch in zip(texts, classifier.scores(texts), strict=True):
        one = classifier.score(text)
        assert one.category == batch.category
        assert one.score == pytest.approx(batch.score, abs=1e-9)


def test_categories_come_from_the_sets_and_the_nlu_data(
        classifier: RiskClassifier, sets: dict[str, list[Example]]) -> None:
    labelled = {e.category for examples in [*sets.values(), nlu()] for e in examples
                if e.category}
    assert {c for c in classifier.pipeline.classes_ if c != "none"} == labelled
    assert labelled == set(RISK_CATEGORIES)  # every category, the emergencies included


def test_it_needs_risks_and_negatives() -> None:
    with pytest.raises(ValueError):
        RiskClassifier.train([e for e in SMALL if e.category])


@pytest.mark.parametrize("text", [
    "I'm not suicidal, just tired",
    "I used to self harm years ago, I'm fine now",
    "my friend took an overdose last year",
])
def test_rules_that_explain_the_words_overrule_a_sure_classifier(text: str) -> None:
    assessment = assess(text)
    assert assessment.category is None and assessment.explained
    for category in assessment.explained:
        decision = decide(assessment, Verdict(0.999, category, 4), 0.8, 0.4)
        assert decision.action is None and decision.overruled


def test_a_rule_wins_and_the_classifier_decides_the_rest() -> None:
    risk = assess("I want to die")
    assert decide(risk, Verdict(0.01, "overdose", 4), 0.8, 0.4).action == RULE
    calm = assess("what time is the group")
    assert decide(calm, Verdict(0.9, "self_harm", 4), 0.8, 0.4).action == CLASSIFIER
    assert decide(calm, Verdict(0.5, "self_harm", 4), 0.8, 0.4).action == CHECK_IN
    assert decide(calm, Verdict(0.3, "self_harm", 4), 0.8, 0.4).action is None
    assert decide(calm, None, 0.8, 0.4).action is None


@pytest.mark.parametrize(("text", "words", "action"), [
    ("myself", 1, CHECK_IN),
    ("txt me", 2, CHECK_IN),
    ("txt me please", 3, CHECK_IN),
    ("txt me please ok", 4, CLASSIFIER),
])
def test_a_short_message_the_classifier_is_sure_of_is_asked_about_not_assumed(
        text: str, words: int, action: str) -> None:
    calm = assess(text)
    assert calm.category is None
    assert decide(calm, Verdict(0.97, "self_harm", words), 0.8, 0.4).action == action


def test_thresholds_are_read_from_config() -> None:
    config = safety_net_config()
    crisis, check_in = config[CRISIS_THRESHOLD_KEY], config[CHECK_IN_THRESHOLD_KEY]
    assert 0 < check_in < crisis < 1
    net = SafetyNet.create({**SafetyNet.get_default_config(), **config}, None, None, None)  # type: ignore[arg-type]
    assert (net.crisis_threshold, net.check_in_threshold) == (crisis, check_in)
    # Without config.yml's values, the classifier alone never raises the crisis response.
    bare = SafetyNet.create(SafetyNet.get_default_config(), None, None, None)  # type: ignore[arg-type]
    assert bare.crisis_threshold > 1 and bare.check_in_threshold > 1


@pytest.mark.parametrize("name", sorted(p.stem for p in SETS_DIR.glob("*.yml")))
def test_the_combined_net_catches_every_risk_of_every_labelled_set(
        classifier: RiskClassifier, sets: dict[str, list[Example]], name: str) -> None:
    """Recall 100% (crisis response, not a check-in), false alarms <= 3%, check-ins on the
    hard negatives <= 5%, with the thresholds of config.yml."""
    config = safety_net_config()
    crisis, check_in = config[CRISIS_THRESHOLD_KEY], config[CHECK_IN_THRESHOLD_KEY]
    examples = sets[name]
    verdicts = classifier.scores([e.text for e in examples])
    decisions = [decide(assess(e.text), v, crisis, check_in)
                 for e, v in zip(examples, verdicts, strict=True)]
    missed = [e.text for e, d in zip(examples, decisions, strict=True)
              if e.category and d.action not in (RULE, CLASSIFIER)]
    negatives = [d for e, d in zip(examples, decisions, strict=True) if e.category is None]
    alarms = sum(d.action in (RULE, CLASSIFIER) for d in negatives) / len(negatives)
    asked = sum(d.action == CHECK_IN for d in negatives) / len(negatives)
    assert not missed, missed
    assert alarms <= MAX_FALSE_ALARM_RATE, f"{alarms:.1%} false alarms"
    assert asked <= MAX_CHECK_IN_RATE, f"{asked:.1%} check-ins"


# ------------------------------------------------------------- inside the Rasa component ----


def write_set(folder: Path, risks: dict[str, list[str]], negatives: list[str]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tiny_set.yml").write_text(yaml.safe_dump({"risk": risks, "negative": negatives}),
                                         encoding="utf-8")


@pytest.fixture()
def trained_net(tmp_path: Path) -> tuple[SafetyNet, LocalModelStorage, Resource, dict]:
    sets_dir = tmp_path / "sets"
    write_set(sets_dir, {"self_harm": ["i burn my arm when it gets too much",
                                       "i scratch my skin raw every night"]},
              ["the baby will not settle", "what time does the group start"])
    config = {**SafetyNet.get_default_config(), SAFETY_SETS_KEY: str(sets_dir),
              CRISIS_THRESHOLD_KEY: 0.9, CHECK_IN_THRESHOLD_KEY: 0.2}
    (tmp_path / "storage").mkdir()
    storage = LocalModelStorage(tmp_path / "storage")
    resource = Resource("safety_net")
    net = SafetyNet.create(config, storage, resource, None)  # type: ignore[arg-type]
    nlu_data = TrainingData([Message(data={TEXT: "hello there", INTENT: "greet"}),
                             Message(data={TEXT: "i feel grey", INTENT: "safety_check_in"})])
    net.train(nlu_data)
    return net, storage, resource, config


def test_trained_and_loaded_through_the_model_storage(trained_net) -> None:
    net, storage, resource, config = trained_net
    loaded = SafetyNet.load(config, storage, resource, None)  # type: ignore[arg-type]
    assert loaded.classifier is not None
    text = "i burn my skin when it is too much"
    assert loaded.classifier.score(text) == net.classifier.score(text)
    # two classes (a logistic, not a softmax): the direct scoring still agrees
    assert loaded.classifier.score(text).score == pytest.approx(
        loaded.classifier.scores([text])[0].score, abs=1e-9)
    # The check-in's own NLU examples are neither risks nor negatives.
    assert "i feel grey" not in loaded.classifier.pipeline.named_steps[
        "features"].transformer_list[0][1].get_feature_names_out()


def test_the_component_asks_or_responds_by_score(trained_net) -> None:
    _, storage, resource, config = trained_net
    text = "i burn my skin when it is too much"
    probe = SafetyNet.load(config, storage, resource, None)  # type: ignore[arg-type]
    score = probe.classifier.score(text).score
    for crisis, check_in, intent, layer in [(score - 0.01, score - 0.02, "risk_self_harm",
                                             "classifier"),
                                            (score + 0.01, score - 0.01, "safety_check_in",
                                             "check_in"),
                                            (score + 0.02, score + 0.01, "greet", None)]:
        net = SafetyNet.load({**config, CRISIS_THRESHOLD_KEY: crisis,
                              CHECK_IN_THRESHOLD_KEY: check_in}, storage, resource, None)  # type: ignore[arg-type]
        message = Message(data={TEXT: text, INTENT: {"name": "greet", "confidence": 0.9},
                                "intent_ranking": [{"name": "greet", "confidence": 0.9}]})
        net.process([message])
        assert message.get(INTENT)["name"] == intent
        note = message.get(SAFETY_KEY)
        assert (note or {}).get("layer") == layer
        if note:
            assert note["category"] == "self_harm" and note["score"] == round(score, 4)


def test_an_unsure_score_does_not_question_a_confident_answer(trained_net) -> None:
    """"one to one i think" scored in the check-in band; DIET read it as inform."""
    _, storage, resource, config = trained_net
    text = "i burn my skin when it is too much"
    probe = SafetyNet.load(config, storage, resource, None)  # type: ignore[arg-type]
    score = probe.classifier.score(text).score
    net = SafetyNet.load({**config, CRISIS_THRESHOLD_KEY: score + 0.01,
                          CHECK_IN_THRESHOLD_KEY: score - 0.01}, storage, resource, None)  # type: ignore[arg-type]
    for confidence, intent in [(0.8, "inform"), (0.4, "safety_check_in")]:
        message = Message(data={TEXT: text, INTENT: {"name": "inform", "confidence": confidence},
                                "intent_ranking": [{"name": "inform",
                                                    "confidence": confidence}]})
        net.process([message])
        assert message.get(INTENT)["name"] == intent
    # Above the crisis threshold, an answer is still a risk.
    net = SafetyNet.load({**config, CRISIS_THRESHOLD_KEY: score - 0.01,
                          CHECK_IN_THRESHOLD_KEY: score - 0.02}, storage, resource, None)  # type: ignore[arg-type]
    message = Message(data={TEXT: text, INTENT: {"name": "inform", "confidence": 0.99},
                            "intent_ranking": [{"name": "inform", "confidence": 0.99}]})
    net.process([message])
    assert message.get(INTENT)["name"] == "risk_self_harm"


def test_a_model_guess_of_the_check_in_is_not_a_check_in(trained_net) -> None:
    """Only the classifier decides to ask: the model's own safety_check_in guess gives way."""
    _, storage, resource, config = trained_net
    net = SafetyNet.load({**config, CHECK_IN_THRESHOLD_KEY: 0.99, CRISIS_THRESHOLD_KEY: 0.999},
                         storage, resource, None)  # type: ignore[arg-type]
    message = Message(data={TEXT: "hello there",
                            INTENT: {"name": "safety_check_in", "confidence": 0.8},
                            "intent_ranking": [{"name": "safety_check_in", "confidence": 0.8},
                                               {"name": "greet", "confidence": 0.2}]})
    net.process([message])
    assert message.get(INTENT)["name"] == "greet"


def test_changing_a_labelled_set_changes_the_fingerprints(tmp_path: Path) -> None:
    """Rasa's cache (fingerprint_addon) and `make model` (training_hash) both see the sets."""
    for name in ("config.yml", "domain.yml"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / "data").mkdir()
    sets_dir = tmp_path / "tests" / "safety"
    write_set(sets_dir, {"suicide": ["i want to die"]}, ["hello"])
    before = (training_hash(tmp_path), sets_fingerprint(sets_dir),
              SafetyNet.fingerprint_addon({SAFETY_SETS_KEY: str(sets_dir)}))
    write_set(sets_dir, {"suicide": ["i want to die"]}, ["hello", "the baby cries"])
    after = (training_hash(tmp_path), sets_fingerprint(sets_dir),
             SafetyNet.fingerprint_addon({SAFETY_SETS_KEY: str(sets_dir)}))
    assert all(b != a for b, a in zip(before, after, strict=True))


def test_a_labelled_set_gives_its_risks_then_its_negatives_under_either_name(
        tmp_path: Path) -> None:
    path = tmp_path / "blind.yml"
    path.write_text(yaml.safe_dump({
        "risk": {"suicide": ["i want to end it"], "self_harm": ["i cut again", "i burn my arm"]},
        "negative": ["the baby will not settle"],
        "no_risk": ["what time is the group"]}, sort_keys=False), encoding="utf-8")
    assert load_set(path) == [
        Example("i want to end it", "suicide"), Example("i cut again", "self_harm"),
        Example("i burn my arm", "self_harm"), Example("the baby will not settle", None),
        Example("what time is the group", None)]
    empty = tmp_path / "empty.yml"
    empty.write_text("", encoding="utf-8")
    assert load_set(empty) == []
