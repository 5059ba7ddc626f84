"""The SafetyNet NLU component: messages with a preset model prediction, no training."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.payloads import is_button_payload
from bot.safety.nlu_component import DEFAULT_MODEL_THRESHOLD, SAFETY_KEY, SafetyNet

CONFIG = Path(__file__).resolve().parents[2] / "config.yml"


def make_message(text: Any, intent: str | None = "greet", confidence: float = 0.9,
                 ranking: list[tuple[str, float]] | None = None) -> Message:
    """A message as the pipeline hands it over after DIETClassifier (and FallbackClassifier)."""
    data: dict[str, Any] = {TEXT: text}
    if intent is not None:
        data[INTENT] = {"name": intent, "confidence": confidence}
        if ranking is None:
            ranking = [(intent, confidence), ("other", round(1 - confidence, 3))]
        data[INTENT_RANKING_KEY] = [{"name": n, "confidence": c} for n, c in ranking]
    message = Message(data=data)
    return message


@pytest.fixture(scope="module")
def net() -> SafetyNet:
    return SafetyNet.create(SafetyNet.get_default_config(), None, None, None)  # type: ignore[arg-type]


def run(net: SafetyNet, message: Message) -> Message:
    [processed] = net.process([message])
    return processed


def intent_name(message: Message) -> str:
    return message.get(INTENT)["name"]


def ranking_names(message: Message) -> list[str]:
    return [entry["name"] for entry in message.get(INTENT_RANKING_KEY)]


# ------------------------------------------------------------------------ pattern layer ----


def test_pattern_overrides_a_non_risk_prediction(net: SafetyNet) -> None:
    message = run(net, make_message("I'm not ok, I want to die", "feeling_low", 0.97))
    assert message.get(INTENT) == {"name": "risk_suicide", "confidence": 1.0}
    assert ranking_names(message)[:2] == ["risk_suicide", "feeling_low"]
    assert message.get(SAFETY_KEY) == {
        "category": "suicide", "layer": "pattern", "pattern": "suicide.want_to_die", "score": None,
    }


def test_pattern_and_model_agree_is_both(net: SafetyNet) -> None:
    message = run(net, make_message("i've taken all my tablets", "risk_overdose", 0.81))
    assert intent_name(message) == "risk_overdose"
    assert message.get(INTENT)["confidence"] == 1.0
    assert ranking_names(message).count("risk_overdose") == 1
    assert ranking_names(message)[0] == "risk_overdose"
    assert message.get(SAFETY_KEY)["layer"] == "both"
    assert message.get(SAFETY_KEY)["category"] == "overdose"


def test_pattern_category_wins_over_a_different_model_risk(net: SafetyNet) -> None:
    message = run(net, make_message("he hits me", "risk_self_harm", 0.6))
    assert intent_name(message) == "risk_danger_at_home"
    assert message.get(SAFETY_KEY)["layer"] == "pattern"
    assert message.get(SAFETY_KEY)["category"] == "danger_at_home"


def test_pattern_overrides_nlu_fallback(net: SafetyNet) -> None:
    message = run(net, make_message(
        "been hearing voices", DEFAULT_NLU_FALLBACK_INTENT_NAME, 0.35,
        ranking=[(DEFAULT_NLU_FALLBACK_INTENT_NAME, 0.35), ("greet", 0.2), ("deny", 0.19)],
    ))
    assert intent_name(message) == "risk_psychosis"
    assert ranking_names(message)[0] == "risk_psychosis"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("scared ill hurt him", "harm_baby"),
        ("i cut myself last night", "self_harm"),
        ("I'm not safe at home", "danger_at_home"),
        ("I haven't slept for 3 days and I feel amazing", "psychosis"),
        ("just took 30 paracetomol", "overdose"),
        ("thinking of topping myself", "suicide"),
    ],
)
def test_every_category_maps_to_its_risk_intent(net: SafetyNet, text: str, category: str) -> None:
    message = run(net, make_message(text, "inform", 0.99))
    assert intent_name(message) == f"risk_{category}"
    assert message.get(SAFETY_KEY)["category"] == category


# -------------------------------------------------------------------------- model layer ----


def test_model_only_risk_is_kept(net: SafetyNet) -> None:
    # Nothing in the rules, but the model is sure it is a risk: keep it.
    message = run(net, make_message("everything is grey and heavy", "risk_suicide", 0.99))
    assert message.get(INTENT) == {"name": "risk_suicide", "confidence": 0.99}
    assert message.get(SAFETY_KEY) == {"category": "suicide", "layer": "model", "pattern": None,
                                      "score": None}


def test_model_risk_at_the_threshold_counts(net: SafetyNet) -> None:
    message = run(net, make_message("grey and heavy", "risk_suicide", DEFAULT_MODEL_THRESHOLD))
    assert intent_name(message) == "risk_suicide"


def test_an_unsure_model_risk_gives_way_to_its_next_reading(net: SafetyNet) -> None:
    message = run(net, make_message(
        "my phone is about to die", "risk_suicide", 0.64,
        ranking=[("risk_suicide", 0.95), ("risk_overdose", 0.02), ("out_of_scope", 0.02),
                 ("feeling_low", 0.01)]))
    assert message.get(INTENT) == {"name": "out_of_scope", "confidence": 0.02}
    assert ranking_names(message)[0] == "out_of_scope"
    assert "risk_suicide" in ranking_names(message)
    assert message.get(SAFETY_KEY) == {
        "category": None, "layer": "below_threshold", "pattern": None, "score": None,
    }


def test_a_risk_guess_behind_nlu_fallback_is_below_any_threshold(net: SafetyNet) -> None:
    message = run(net, make_message(
        "everything is grey and heavy", DEFAULT_NLU_FALLBACK_INTENT_NAME, 0.35,
        ranking=[(DEFAULT_NLU_FALLBACK_INTENT_NAME, 0.35), ("risk_self_harm", 0.3),
                 ("feeling_low", 0.28)],
    ))
    assert intent_name(message) == DEFAULT_NLU_FALLBACK_INTENT_NAME
    assert message.get(SAFETY_KEY)["layer"] == "below_threshold"


def test_an_unsure_model_risk_with_nothing_else_gets_a_kind_word(net: SafetyNet) -> None:
    message = run(net, make_message("grey", "risk_suicide", 0.5, ranking=[("risk_suicide", 0.5)]))
    assert message.get(INTENT) == {"name": "feeling_low", "confidence": 1.0}


def test_model_threshold_is_configurable() -> None:
    net = SafetyNet.create({"model_threshold": 0.5}, None, None, None)  # type: ignore[arg-type]
    message = run(net, make_message("everything is grey and heavy", "risk_suicide", 0.6))
    assert intent_name(message) == "risk_suicide"


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I cut myself shaving my legs lol", "risk_self_harm"),
        ("my friend took an overdose last year", "risk_overdose"),
        ("my grandad died by suicide before I was born", "risk_suicide"),
    ],
)
def test_a_sure_model_risk_the_net_explains_away_is_overruled(
    net: SafetyNet, text: str, intent: str
) -> None:
    message = run(net, make_message(text, intent, 0.99))
    assert intent_name(message) == "other", "the model's next reading"
    assert message.get(SAFETY_KEY)["layer"] == "explained"


def test_nlu_fallback_over_a_non_risk_guess_is_left_alone(net: SafetyNet) -> None:
    message = run(net, make_message(
        "hmm", DEFAULT_NLU_FALLBACK_INTENT_NAME, 0.35,
        ranking=[(DEFAULT_NLU_FALLBACK_INTENT_NAME, 0.35), ("greet", 0.3),
                 ("risk_suicide", 0.1)],
    ))
    assert intent_name(message) == DEFAULT_NLU_FALLBACK_INTENT_NAME
    assert message.get(SAFETY_KEY) is None


# ----------------------------------------------------------------------------- negation ----


def test_negated_risk_downgrades_a_model_risk(net: SafetyNet) -> None:
    message = run(net, make_message("I'm not suicidal, just tired", "risk_suicide", 0.88))
    assert message.get(INTENT) == {"name": "feeling_low", "confidence": 1.0}
    assert ranking_names(message)[0] == "feeling_low"
    note = message.get(SAFETY_KEY)
    assert note["category"] is None
    assert note["layer"] == "negated"
    assert note["pattern"] == "suicide.suicidal"


def test_negating_one_risk_does_not_downgrade_another(net: SafetyNet) -> None:
    # The net negates "suicidal" but the message goes on; the model's other risk survives.
    message = run(net, make_message("I'm not suicidal, but home is not a nice place",
                                     "risk_danger_at_home", 0.99))
    assert intent_name(message) == "risk_danger_at_home"
    assert message.get(SAFETY_KEY) == {
        "category": "danger_at_home", "layer": "model", "pattern": None, "score": None,
    }


def test_a_plain_denial_overrules_any_model_risk(net: SafetyNet) -> None:
    message = run(net, make_message("I'm not suicidal, just worn down by it all",
                                     "risk_danger_at_home", 0.99))
    assert intent_name(message) == "feeling_low"
    assert message.get(SAFETY_KEY)["layer"] == "negated"


def test_negation_without_a_model_risk_only_adds_a_note(net: SafetyNet) -> None:
    message = run(net, make_message("no, I don't self harm", "deny", 0.93))
    assert message.get(INTENT) == {"name": "deny", "confidence": 0.93}
    assert message.get(SAFETY_KEY)["layer"] == "negated"
    assert message.get(SAFETY_KEY)["category"] is None


def test_negation_does_not_downgrade_a_real_risk(net: SafetyNet) -> None:
    message = run(net, make_message("I can't cope and don't want to be here", "risk_suicide"))
    assert intent_name(message) == "risk_suicide"
    assert message.get(SAFETY_KEY)["layer"] == "both"


def test_negated_intent_is_configurable() -> None:
    net = SafetyNet.create({"negated_intent": "feeling_tired"}, None, None, None)  # type: ignore[arg-type]
    message = run(net, make_message("not suicidal, just knackered", "risk_suicide"))
    assert intent_name(message) == "feeling_tired"


# ------------------------------------------------------------------- left alone / shape ----


def test_no_risk_leaves_the_message_untouched(net: SafetyNet) -> None:
    """Only its language is added (issue 19)."""
    message = make_message("I could kill for a coffee", "out_of_scope", 0.8)
    before = dict(message.data)
    run(net, message)
    assert message.data == {**before, "language": "en"}
    assert message.get(SAFETY_KEY) is None


@pytest.mark.parametrize(
    "payload", ["/affirm", '/inform{"mode": "phone"}', "/risk_suicide", "/deny@0.9", " /stop "],
)
def test_button_payloads_are_left_alone(net: SafetyNet, payload: str) -> None:
    message = make_message(payload, "affirm", 1.0)
    before = dict(message.data)
    run(net, message)
    assert message.data == before
    assert is_button_payload(payload)


def test_free_text_starting_with_a_slash_is_still_assessed(net: SafetyNet) -> None:
    assert not is_button_payload("/ i want to die")
    message = run(net, make_message("/ i want to die", "greet"))
    assert intent_name(message) == "risk_suicide"


@pytest.mark.parametrize("text", [None, "", "   "])
def test_messages_without_text(net: SafetyNet, text: Any) -> None:
    message = make_message(text, "greet", 0.5)
    before = dict(message.data)
    run(net, message)
    assert message.data == before


def test_message_without_any_prediction(net: SafetyNet) -> None:
    message = run(net, make_message("i want to die", intent=None))
    assert message.get(INTENT) == {"name": "risk_suicide", "confidence": 1.0}
    assert ranking_names(message) == ["risk_suicide"]


def test_processes_every_message_and_returns_the_same_list(net: SafetyNet) -> None:
    messages = [make_message("hello"), make_message("he hit me last night"),
                make_message("/affirm"), make_message("i'm seeing things")]
    result = net.process(messages)
    assert result is messages
    assert [intent_name(m) for m in result] == [
        "greet", "risk_danger_at_home", "greet", "risk_psychosis",
    ]


def test_outputs_are_in_the_parse_result_and_never_contain_the_text(net: SafetyNet) -> None:
    text = "i want to kill myself"
    message = run(net, make_message(text, "feeling_low"))
    output = message.as_dict(only_output_properties=True)
    assert output[INTENT]["name"] == "risk_suicide"
    assert output[INTENT_RANKING_KEY][0]["name"] == "risk_suicide"
    assert output[SAFETY_KEY]["category"] == "suicide"
    assert text not in str(output[SAFETY_KEY])
    assert "kill" not in str(output[SAFETY_KEY]["layer"])


def test_a_failing_pattern_check_falls_back_to_the_model(
    net: SafetyNet, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr("bot.safety.nlu_component.assess", broken)
    risky = run(net, make_message("anything", "risk_overdose", 0.99))
    assert intent_name(risky) == "risk_overdose"
    assert risky.get(SAFETY_KEY)["layer"] == "model"
    calm = run(net, make_message("anything", "greet", 0.9))
    assert intent_name(calm) == "greet"


# ----------------------------------------------------------------- Rasa registration -------


def test_registered_as_a_trainable_intent_classifier() -> None:
    """Trainable: its classifier is fitted when the model is trained."""
    registered = DefaultV1Recipe._from_registry("bot.safety.nlu_component.SafetyNet")
    assert registered.clazz is SafetyNet
    assert registered.types == {DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER}
    assert registered.is_trainable is True


def test_predict_graph_builds_and_validates() -> None:
    from rasa.engine.validation import validate
    from rasa.shared.data import TrainingType

    config = {
        "recipe": "default.v1",
        "language": "en",
        "pipeline": [
            {"name": "WhitespaceTokenizer"},
            {"name": "CountVectorsFeaturizer"},
            {"name": "DIETClassifier", "epochs": 1},
            {"name": "FallbackClassifier", "threshold": 0.35},
            {"name": "bot.safety.nlu_component.SafetyNet"},
        ],
        "policies": [],
    }
    graph = DefaultV1Recipe().graph_config_for_recipe(config, {}, training_type=TrainingType.NLU)
    validate(graph)
    nodes = graph.predict_schema.nodes
    [name] = [n for n, node in nodes.items() if node.uses is SafetyNet]
    assert nodes[name].fn == "process"
    assert nodes[name].needs["messages"] == "run_FallbackClassifier3"
    trained = [n for n, node in graph.train_schema.nodes.items()
               if node.uses is SafetyNet and node.fn == "train"]
    assert trained, "the classifier is fitted in the training graph"


def test_project_pipeline_runs_the_net_after_every_intent_classifier() -> None:
    """If the net ran before a classifier, that classifier would overwrite the risk intent.

    ResponseSelectors only add a retrieval response, never the intent, so they may follow.
    """
    from rasa.nlu.selectors.response_selector import ResponseSelector

    pipeline = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))["pipeline"]
    names = [step["name"] for step in pipeline]
    assert "bot.safety.nlu_component.SafetyNet" in names
    position = names.index("bot.safety.nlu_component.SafetyNet")
    for index, name in enumerate(names):
        if name == "bot.safety.nlu_component.SafetyNet":
            continue
        registered = DefaultV1Recipe._from_registry(name)
        if issubclass(registered.clazz, ResponseSelector):
            continue
        if DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER in registered.types:
            assert index < position, f"{name} runs after the safety net"


# ------------------------------------------------------------- other languages (issue 19) ----


def test_every_message_says_its_language(net: SafetyNet) -> None:
    assert run(net, make_message("one to one please", "inform")).get("language") == "en"
    assert run(net, make_message("ok", "affirm")).get("language") == "en"
    assert run(net, make_message("dzień dobry, chcę zapytać o grupę", "greet")).get(
        "language") == "pl"


def test_a_message_in_another_language_without_risk_is_not_understood(net: SafetyNet) -> None:
    """The intent model was trained on English: its "greet" or "affirm" for Polish is a guess,
    so the conversation gets nlu_fallback and answers in her language."""
    for text in ("hi, chcę zapytać o grupę", "আমার বাচ্চার বয়স দুই মাস",
                 "mujhe group ke baare mein poochna hai, kya aap bata sakti hain"):
        message = run(net, make_message(text, "affirm", 0.95))
        assert intent_name(message) == DEFAULT_NLU_FALLBACK_INTENT_NAME
        assert message.get(SAFETY_KEY) is None


def test_a_risk_in_another_language_is_caught_and_says_its_language(net: SafetyNet) -> None:
    message = run(net, make_message("Nie chcę już żyć, myślę o tym żeby się zabić",
                                    "out_of_scope", 0.8))
    assert intent_name(message) == "risk_suicide"
    assert message.get(SAFETY_KEY)["layer"] == "pattern"
    assert message.get("language") == "pl"
    # Two words are too few for the detector; the Polish rule that fired says it is Polish.
    short = run(net, make_message("chcę umrzeć", "greet"))
    assert (intent_name(short), short.get("language")) == ("risk_suicide", "pl")


def test_the_model_s_risk_guess_on_another_language_is_not_taken(net: SafetyNet) -> None:
    """DIET read Polish small talk as a risk at 0.995: only the rules read other languages."""
    message = run(net, make_message("dzień dobry, jestem bardzo zmęczona", "risk_suicide", 0.995))
    assert intent_name(message) == DEFAULT_NLU_FALLBACK_INTENT_NAME
    assert message.get(SAFETY_KEY) is None


def test_english_code_switched_risk_is_still_caught(net: SafetyNet) -> None:
    message = run(net, make_message("nie wiem co robić, I want to die", "feeling_low"))
    assert intent_name(message) == "risk_suicide"
