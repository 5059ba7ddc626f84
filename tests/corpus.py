"""Every English message the project holds: the labelled safety sets (the files directly in
tests/safety) and the intent examples of data/nlu. Tests of the other languages check that
none of it is read as another language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from rasa.shared.nlu.training_data.loading import load_data

from bot.safety.learned import labelled_set_paths, load_set

ROOT = Path(__file__).resolve().parents[1]


@cache
def english_messages() -> tuple[str, ...]:
    labelled = [example.text for path in labelled_set_paths(ROOT / "tests" / "safety")
                for example in load_set(path)]
    trained = [str(message.get("text"))
               for message in load_data(str(ROOT / "data" / "nlu")).intent_examples]
    return tuple(labelled + trained)
