"""Rasa NLU component that puts the safety net (``bot.safety``) in the pipeline: the rule net,
and the learned classifier (bot.safety.learned) trained with the model.

It must run after every intent classifier, including the FallbackClassifier (config.yml puts
it straight after FallbackClassifier): whatever ran before it, a risk wins. For each user
message with text, at any point in the conversation:

* a risk pattern fires -> intent ``risk_<category>`` at confidence 1.0, first in the ranking,
  and a ``safety`` note with layer "pattern" (or "both" if the model had predicted the same
  risk intent);
* the text explicitly negates the risk ("I'm not suicidal, just tired") -> ``negated_intent``
  (feeling_low: a kind word, not a crisis response), layer "negated";
* the net explained the words away (an idiom or accident: "cut myself shaving"; someone else:
  "my friend took an overdose"; long past and over) -> the model's own best non-risk reading,
  layer "explained". Such a verdict also overrules the classifier;
* DIET's best real guess (looking past ``nlu_fallback``) is a ``risk_*`` intent at or above
  ``model_threshold`` -> kept (layer "model");
* the classifier's risk score reaches ``crisis_threshold`` -> ``risk_<category>`` (layer
  "classifier"); it reaches only ``check_in_threshold`` -> ``check_in_intent``
  (``safety_check_in``: she is asked directly whether she is having thoughts of hurting
  herself or her baby), layer "check_in"; unless DIET reads the message as a confident
  answer or a yes or no (``answer_intents`` at ``answer_confidence``): intent untouched,
  layer "answer";
* DIET's risk guess is below its threshold -> its best non-risk reading, "below_threshold";
* explicit negation with nothing else -> intent untouched, a "negated" note is added so the
  conversation can offer a kind word.

Every message with text also gets a ``language`` field (ISO 639-1, bot.language; "en" when
unsure, and the language of the rule that fired when a rule of another language found the
risk), so that the safety response and the conversation can answer in her language. A message
in another language is read by the rules alone, of every language: the intent model, DIET's
risk intents and the classifier were trained on English, and their reading of Polish or Urdu is
a guess. With no risk it becomes ``nlu_fallback``, which the conversation answers in her
language (actions/answers.py ``Rephrase``).

The thresholds are in config.yml, chosen by leave-one-set-out (bench/safety_learned.py,
docs/safety.md). The classifier is fitted during training (``train``) from the labelled sets
in ``safety_sets`` and the NLU examples, and stored in the model's resource; the sets are
part of the component's fingerprint, so changing them retrains it.

Why a threshold: DIET's confidences are not calibrated, and a model-only risk guess at low
confidence was far more often a false alarm (idioms, medicines taken as prescribed, baby care)
than a risk the patterns had missed. docs/safety.md has the figures behind the default.

Button payloads ("/affirm", '/inform{"mode": "phone"}') are left alone. The note never
contains the message text, only the category, the layer, the rule name and the score.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.classifiers.classifier import IntentClassifier
from rasa.shared.constants import DEFAULT_NLU_FALLBACK_INTENT_NAME
from rasa.shared.nlu.constants import (
    INTENT,
    INTENT_NAME_KEY,
    INTENT_RANKING_KEY,
    PREDICTED_CONFIDENCE_KEY,
    TEXT,
)
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

from bot.language import ENGLISH, language_of
from bot.payloads import is_button_payload
from bot.safety import NO_RISK, RISK_CATEGORIES, SafetyAssessment, assess, learned, rule_language

logger = logging.getLogger(__name__)

SAFETY_KEY = "safety"
LANGUAGE_KEY = "language"
RISK_INTENT_PREFIX = "risk_"
NEGATED_INTENT_KEY = "negated_intent"
DEFAULT_NEGATED_INTENT = "feeling_low"
MODEL_THRESHOLD_KEY = "model_threshold"
#: Chosen on the labelled sets (docs/safety.md, "The model's threshold"): the lowest floor that
#: keeps false alarms on every set's hard negatives well inside the 3% bar, with margin for
#: the model being retrained whenever anyone changes the NLU data.
DEFAULT_MODEL_THRESHOLD = 0.99
CRISIS_THRESHOLD_KEY = "crisis_threshold"
CHECK_IN_THRESHOLD_KEY = "check_in_threshold"
SAFETY_SETS_KEY = "safety_sets"
CHECK_IN_INTENT_KEY = "check_in_intent"
#: config.yml sets both thresholds (chosen by bench/safety_learned.py); these defaults only
#: apply to a pipeline that does not: a classifier alone never raises the crisis response.
DEFAULT_CRISIS_THRESHOLD = 1.01
DEFAULT_CHECK_IN_THRESHOLD = 1.01
DEFAULT_CHECK_IN_INTENT = "safety_check_in"
ANSWER_INTENTS_KEY = "answer_intents"
ANSWER_CONFIDENCE_KEY = "answer_confidence"
#: An unsure classifier does not question what the intent model reads as an answer to the
#: form's question: "one to one i think" scored 0.67 (the words "i think" are common in the
#: risks) while DIET read it as inform at 0.79; after the emergency categories joined the
#: training data it scored 0.72 with inform at 0.57, so an answer is DIET's first reading at
#: 0.5 or more. The crisis threshold is never relaxed. The short answers count too: after sets
#: A to H joined the training data (risk told in passing inside practical answers), "Yes,
#: someone could ring me I think" (request_contact at 0.93) was checked, and her "no" brought
#: the question back to be checked again; 60 check-ins in 140 blind simulated conversations.
DEFAULT_ANSWER_INTENTS = ("inform", "affirm", "deny", "request_contact", "continue", "skip")
DEFAULT_ANSWER_CONFIDENCE = 0.5
FALLBACK_THRESHOLD_KEY = "fallback_threshold"
#: The FallbackClassifier's threshold in config.yml (a test holds them equal). When a risk
#: reading is set aside, a next reading that would erase or end the conversation stands only at
#: this confidence or more, else the message is not understood: "Hiii!! ... I was like yes
#: please ..." (a doubtful risk to DIET) fell through to delete_data at 0.06, the deletion
#: question followed, and her "ok" deleted everything.
DEFAULT_FALLBACK_THRESHOLD = 0.35
#: Readings that erase her answers or end the conversation (``FALLBACK_THRESHOLD_KEY``).
ENDING_INTENTS = frozenset({"delete_data", "stop", "goodbye"})
_CLASSIFIER_FILE = "risk_classifier.joblib"

LAYER_PATTERN = "pattern"
LAYER_MODEL = "model"
LAYER_BOTH = "both"
LAYER_NEGATED = "negated"
LAYER_EXPLAINED = "explained"
LAYER_BELOW_THRESHOLD = "below_threshold"
LAYER_CLASSIFIER = "classifier"
LAYER_CHECK_IN = "check_in"
LAYER_ANSWER = "answer"

def risk_intent(category: str) -> str:
    return f"{RISK_INTENT_PREFIX}{category}"


def category_of(intent_name: str | None) -> str | None:
    """'risk_suicide' -> 'suicide'; anything else -> None."""
    if intent_name and intent_name.startswith(RISK_INTENT_PREFIX):
        return intent_name[len(RISK_INTENT_PREFIX):] or None
    return None


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=True
)
class SafetyNet(GraphComponent, IntentClassifier):
    """Overrides the predicted intent when the rule net or the learned classifier finds a risk,
    and asks a check-in question when the classifier is unsure."""

    @classmethod
    def required_components(cls) -> list[type]:
        """None that Rasa could check: a classifier must run first, otherwise its prediction
        would overwrite ours, but in the training graph a trainable component is fed by the
        featurisers, not by the classifiers, so Rasa's check would refuse to train.
        tests/unit/test_safety_net_component.py holds config.yml to putting the net last."""
        return []

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {NEGATED_INTENT_KEY: DEFAULT_NEGATED_INTENT,
                MODEL_THRESHOLD_KEY: DEFAULT_MODEL_THRESHOLD,
                CRISIS_THRESHOLD_KEY: DEFAULT_CRISIS_THRESHOLD,
                CHECK_IN_THRESHOLD_KEY: DEFAULT_CHECK_IN_THRESHOLD,
                CHECK_IN_INTENT_KEY: DEFAULT_CHECK_IN_INTENT,
                ANSWER_INTENTS_KEY: list(DEFAULT_ANSWER_INTENTS),
                ANSWER_CONFIDENCE_KEY: DEFAULT_ANSWER_CONFIDENCE,
                FALLBACK_THRESHOLD_KEY: DEFAULT_FALLBACK_THRESHOLD,
                SAFETY_SETS_KEY: learned.DEFAULT_SETS_DIR}

    def __init__(self, config: dict[str, Any], model_storage: ModelStorage | None = None,
                 resource: Resource | None = None,
                 classifier: learned.RiskClassifier | None = None) -> None:
        self.component_config = {**self.get_default_config(), **(config or {})}
        self.negated_intent: str = self.component_config[NEGATED_INTENT_KEY]
        self.model_threshold = float(self.component_config[MODEL_THRESHOLD_KEY])
        self.crisis_threshold = float(self.component_config[CRISIS_THRESHOLD_KEY])
        self.check_in_threshold = min(float(self.component_config[CHECK_IN_THRESHOLD_KEY]),
                                      self.crisis_threshold)
        self.check_in_intent: str = self.component_config[CHECK_IN_INTENT_KEY]
        self.answer_intents = frozenset(self.component_config[ANSWER_INTENTS_KEY])
        self.answer_confidence = float(self.component_config[ANSWER_CONFIDENCE_KEY])
        self.fallback_threshold = float(self.component_config[FALLBACK_THRESHOLD_KEY])
        self._model_storage = model_storage
        self._resource = resource
        self.classifier = classifier

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        """Creates the component before training (rules only until it is trained)."""
        return cls(config, model_storage, resource)

    @classmethod
    def load(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
        **kwargs: Any,
    ) -> SafetyNet:
        """The trained component: the rule net and the classifier from the model's resource."""
        classifier = None
        try:
            with model_storage.read_from(resource) as folder:
                classifier = learned.RiskClassifier.load(folder / _CLASSIFIER_FILE)
        except (ValueError, FileNotFoundError):
            logger.warning("safety net: no trained classifier in the model; rules only")
        return cls(config, model_storage, resource, classifier)

    @classmethod
    def fingerprint_addon(cls, config: dict[str, Any]) -> str | None:
        """The labelled sets are read from disk, not given by the graph: a change to them must
        invalidate Rasa's cache of this component, so it is part of the fingerprint."""
        folder = Path(config.get(SAFETY_SETS_KEY) or learned.DEFAULT_SETS_DIR)
        return learned.sets_fingerprint(folder)

    def train(self, training_data: TrainingData) -> Resource:
        """Fits the classifier on the labelled sets and the NLU examples, and stores it."""
        folder = Path(self.component_config[SAFETY_SETS_KEY])
        examples = [example for examples in learned.load_sets(folder).values()
                    for example in examples]
        examples += learned.nlu_examples(
            (message.get(TEXT), message.get(INTENT))
            for message in training_data.intent_examples
            if message.get(INTENT) != self.check_in_intent)
        self.classifier = learned.RiskClassifier.train(examples)
        logger.info("safety net: classifier trained on %d examples (%d labelled sets)",
                    len(examples), len(learned.training_set_paths(folder)))
        if self._model_storage is not None and self._resource is not None:
            with self._model_storage.write_to(self._resource) as target:
                self.classifier.save(target / _CLASSIFIER_FILE)
        return self._resource

    def process(self, messages: list[Message]) -> list[Message]:
        """Applies the safety net to each message in place and returns them."""
        for message in messages:
            self._process_message(message)
        return messages

    # ------------------------------------------------------------------------------------

    def _process_message(self, message: Message) -> None:
        text = message.get(TEXT)
        if not isinstance(text, str) or not text.strip() or is_button_payload(text):
            return
        try:
            assessment = assess(text)
        except Exception:  # noqa: BLE001 - a broken rule must not take the chat down
            # The other layers still apply. Log the failure, never the text.
            logger.exception("safety net: pattern assessment failed; other layers only")
            assessment = NO_RISK
        language = self._language(text, assessment)
        message.set(LANGUAGE_KEY, language, add_to_output=True)
        if language != ENGLISH and assessment.category is None:
            self._put_first(message, DEFAULT_NLU_FALLBACK_INTENT_NAME, 1.0)
            if assessment.reassure:
                self._note(message, None, LAYER_NEGATED, assessment.pattern)
            logger.info("safety net: no risk in a message in %s", language)
            return
        verdict = self._score(text) if language == ENGLISH else None
        decision = learned.decide(assessment, verdict, self.crisis_threshold,
                                  self.check_in_threshold)
        score = decision.score if verdict is None else verdict.score
        model_category, model_prediction = self._model_risk(message)

        if assessment.category is not None:
            layer = LAYER_BOTH if model_category == assessment.category else LAYER_PATTERN
            self._put_first(message, risk_intent(assessment.category), 1.0)
            self._note(message, assessment.category, layer, assessment.pattern, score)
            logger.info("safety net: %s via %s (%s)", assessment.category, layer,
                        assessment.pattern)
            return

        if model_category is not None and model_prediction is not None:
            confidence = float(model_prediction.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
            if model_category in assessment.explained and assessment.reassure:
                # "I'm not suicidal, just tired": a kind word, not the crisis response.
                self._put_first(message, self.negated_intent, 1.0)
                self._note(message, None, LAYER_NEGATED, assessment.pattern, score)
                logger.info("safety net: model risk %s negated", model_category)
                return
            if model_category in assessment.explained:
                # The words that fooled the model are an idiom, an accident or about someone
                # else: answer what else she said.
                self._without_risk(message)
                self._note(message, None, LAYER_EXPLAINED, None, score)
                logger.info("safety net: model risk %s explained away", model_category)
                return
            if confidence >= self.model_threshold:
                self._put_first(message, risk_intent(model_category), confidence)
                self._note(message, model_category, LAYER_MODEL, None, score)
                logger.info("safety net: %s via model only", model_category)
                return

        if decision.action == learned.CLASSIFIER:
            self._put_first(message, risk_intent(decision.category), 1.0)
            self._note(message, decision.category, LAYER_CLASSIFIER, None, score)
            logger.info("safety net: %s via classifier (%.2f)", decision.category, score)
            return
        if decision.action == learned.CHECK_IN and self._an_answer(message):
            self._note(message, None, LAYER_ANSWER, None, score)
            logger.info("safety net: no check-in on an answer (%.2f)", score)
            return
        if decision.action == learned.CHECK_IN:
            self._put_first(message, self.check_in_intent, 1.0)
            self._note(message, decision.category, LAYER_CHECK_IN, None, score)
            logger.info("safety net: check-in on %s (%.2f)", decision.category, score)
            return

        if model_category is not None:
            self._without_risk(message)
            self._note(message, None, LAYER_BELOW_THRESHOLD, None, score)
            logger.info("safety net: model risk %s is below %.2f", model_category,
                        self.model_threshold)
            return
        if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == self.check_in_intent:
            # Only the classifier decides to check in.
            self._without_risk(message)
        if assessment.reassure:
            self._note(message, None, LAYER_NEGATED, assessment.pattern, score)

    @staticmethod
    def _language(text: str, assessment: SafetyAssessment) -> str:
        """Her message's language: the rule's, when a rule of another language found the risk
        (a short "chcę umrzeć" is not enough for the detector), else the detector's."""
        found_in = rule_language(assessment.pattern) if assessment.category else None
        if found_in and found_in != ENGLISH:
            return found_in
        try:
            return language_of(text)
        except Exception:  # noqa: BLE001 - English is the safe reading; never lose the reply
            logger.exception("safety net: language detection failed; read as English")
            return ENGLISH

    def _an_answer(self, message: Message) -> bool:
        """The intent model's reading is a confident answer to a question (``inform``)."""
        intent = message.get(INTENT) or {}
        return (intent.get(INTENT_NAME_KEY) in self.answer_intents
                and float(intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0) >= self.answer_confidence)

    def _score(self, text: str) -> learned.Verdict | None:
        if self.classifier is None:
            return None
        try:
            return self.classifier.score(text)
        except Exception:  # noqa: BLE001 - the rules still stand without it
            logger.exception("safety net: classifier failed; rules only for this message")
            return None

    @staticmethod
    def _model_risk(message: Message) -> tuple[str | None, dict[str, Any] | None]:
        """The model's risk prediction, if its best real guess is a risk intent.

        Looks past ``nlu_fallback``, so that a risk guess is judged by ``model_threshold`` and
        the explanations of the pattern net, never left to the fallback's rephrase prompt.
        """
        intent = message.get(INTENT) or {}
        name = intent.get(INTENT_NAME_KEY)
        category = category_of(name)
        if category is not None:
            return category, intent
        if name == DEFAULT_NLU_FALLBACK_INTENT_NAME:
            for entry in message.get(INTENT_RANKING_KEY) or []:
                entry_name = entry.get(INTENT_NAME_KEY)
                if entry_name == DEFAULT_NLU_FALLBACK_INTENT_NAME:
                    continue
                entry_category = category_of(entry_name)
                return (entry_category, entry) if entry_category is not None else (None, None)
        return None, None

    def _without_risk(self, message: Message) -> None:
        """The model's best reading that is not a risk: ``nlu_fallback`` if the fallback had
        decided, else the highest non-risk intent (``negated_intent`` if there is none), or
        ``nlu_fallback`` when that intent would erase or end the conversation
        (``ENDING_INTENTS``) and is below the fallback threshold.

        The doubtful risk guesses stay in the ranking, after every other intent, so that
        nothing downstream mistakes them for the reading.
        """
        ranking = message.get(INTENT_RANKING_KEY) or []
        calm = [e for e in ranking if category_of(e.get(INTENT_NAME_KEY)) is None
                and e.get(INTENT_NAME_KEY) != self.check_in_intent]
        message.set(INTENT_RANKING_KEY, calm + [e for e in ranking if e not in calm],
                    add_to_output=True)
        if (message.get(INTENT) or {}).get(INTENT_NAME_KEY) == DEFAULT_NLU_FALLBACK_INTENT_NAME:
            return
        for entry in calm:
            if entry.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME:
                confidence = float(entry.get(PREDICTED_CONFIDENCE_KEY) or 0.0)
                if (entry.get(INTENT_NAME_KEY) in ENDING_INTENTS
                        and confidence < self.fallback_threshold):
                    self._put_first(message, DEFAULT_NLU_FALLBACK_INTENT_NAME,
                                    self.fallback_threshold)
                else:
                    self._put_first(message, entry[INTENT_NAME_KEY], confidence)
                return
        self._put_first(message, self.negated_intent, 1.0)

    @staticmethod
    def _put_first(message: Message, intent_name: str, confidence: float) -> None:
        """Sets the intent and moves it to the top of the ranking (other entries kept)."""
        prediction = {INTENT_NAME_KEY: intent_name, PREDICTED_CONFIDENCE_KEY: confidence}
        ranking = [
            entry
            for entry in (message.get(INTENT_RANKING_KEY) or [])
            if entry.get(INTENT_NAME_KEY) != intent_name
        ]
        message.set(INTENT, prediction, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [dict(prediction), *ranking], add_to_output=True)

    @staticmethod
    def _note(message: Message, category: str | None, layer: str, pattern: str | None,
              score: float | None = None) -> None:
        """The ``safety`` field: category, layer, rule name and the classifier's score."""
        if category is not None and category not in RISK_CATEGORIES:
            logger.warning("safety net: unknown risk category from the model: %s", category)
        message.set(
            SAFETY_KEY,
            {"category": category, "layer": layer, "pattern": pattern,
             "score": None if score is None else round(score, 4)},
            add_to_output=True,
        )
