"""Rasa NLU component: a question is not a goodbye, and a delete needs its words.

A message with a question mark that the intent model read as ``stop`` or ``goodbye`` ("is that
it then?", "do I have to stop?") would end the intake. It becomes ``nlu_fallback`` instead: she
is helped to rephrase, with buttons (one of them stops), and the question she was at is asked
again. The rule itself is ``bot.conversation.deletion.ends_intake``. So does a ``delete_data``
reading of a message with no word of deleting in it ("perinatal team said to fill this in"):
``bot.conversation.deletion.asks_to_delete``.

config.yml runs it after the FallbackClassifier and before the safety net, which has the last
word: a risk wins whatever this component did.
"""

from __future__ import annotations

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

from bot.conversation.deletion import DELETE_INTENT, ENDING_INTENTS, asks_to_delete, ends_intake


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class QuestionIsNotGoodbye(GraphComponent, IntentClassifier):
    """Turns a stop or goodbye reading of a message that asks something into nlu_fallback."""

    @classmethod
    def create(cls, config: dict[str, Any], model_storage: ModelStorage, resource: Resource,
               execution_context: ExecutionContext) -> QuestionIsNotGoodbye:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            read_as_question(message)
        return messages


def read_as_question(message: Message) -> None:
    """Reads ``message`` again: a stop or goodbye with a question mark, or a delete without
    a word of deleting, is not understood."""
    intent = message.get(INTENT) or {}
    name = intent.get(INTENT_NAME_KEY)
    text = message.get(TEXT)
    if name == DELETE_INTENT:
        understood = asks_to_delete(text, name)
    else:
        understood = name not in ENDING_INTENTS or ends_intake(text, name)
    if understood:
        return
    confidence = intent.get(PREDICTED_CONFIDENCE_KEY) or 0.0
    fallback = {INTENT_NAME_KEY: DEFAULT_NLU_FALLBACK_INTENT_NAME,
                PREDICTED_CONFIDENCE_KEY: confidence}
    ranking = [entry for entry in message.get(INTENT_RANKING_KEY) or []
               if entry.get(INTENT_NAME_KEY) != DEFAULT_NLU_FALLBACK_INTENT_NAME]
    message.set(INTENT, fallback, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [fallback, *ranking], add_to_output=True)
