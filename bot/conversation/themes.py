"""Which worries and hopes an answer names: concern and motivator codes, clause by clause.

The intent model gives one intent per message, but a mother often names two or three things in
one answer ("who gets to know I've been, and whether chatting actually changes anything"), and
the evaluators' figures by concern and mechanism are only as good as this coding. So the answer
to "is anything worrying you?", to "what would you hope to get from it?" and to "can I ask why?"
(and any message the intent model reads as a worry or a hope) is split into clauses, and each
clause is read by a small classifier per family (concerns, motivators): TF-IDF of words and
character n-grams with logistic regression, one class per code plus ``none``.

It learns from the intents' own examples (``data/nlu/concerns.yml``, ``motivators.yml``), from
``content/theme_examples.yml`` (clauses written for this coder, with ``none`` examples of what
such answers also contain), and takes the rest of the intent data as ``none``. Training takes
about a second, is deterministic, and happens once per process on first use (the action server
warms it at start); nothing trained is stored.

A clause's code counts when the classifier gives it at least ``THRESHOLD``; ``bench/themes.py``
prints how that choice scores against the simulated mothers' own coding. The intent model's own
reading of a worry or hope counts only where this coder gives it at least ``CONFIRM`` somewhere in
the message: alone, the intent model turned "mornings, she naps after lunch" into a worry about
time and "in our community you don't admit you're struggling" into one too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline, make_union

from bot import codebook

ROOT = Path(__file__).resolve().parents[2]
NLU_DIR = ROOT / "data" / "nlu"
EXAMPLES = Path(__file__).with_name("content") / "theme_examples.yml"
#: The families this coder knows: the list slot, its codes and the intent prefix of each.
FAMILIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "concerns": ("concern_", codebook.CONCERNS),
    "motivators": ("motivator_", codebook.MOTIVATORS),
}
NONE = "none"
#: Intent data that is never a worry or a hope, used as ``none`` (risk data is left out: the
#: safety net reads those messages, and nothing is coded from them).
NONE_FILES = ("basics.yml", "control.yml", "preferences.yml", "faq.yml", "other.yml")
THRESHOLD = 0.5
CONFIRM = 0.25

#: Where one clause ends and the next begins: sentence ends, dashes, semicolons, and the
#: words that join two thoughts ("and", "also", "but", "plus", text-speak "n", "&").
_CLAUSE_BREAK = re.compile(
    r"[.!?;:\n]+|\s[-–—]+\s|,?\s+(?:and also|and|also|but|plus|as well as|n|&)\s+|,\s+", re.I)


def clauses(text: str) -> list[str]:
    """Her answer in clauses of two words or more (the whole text when there are none)."""
    parts = [part.strip() for part in _CLAUSE_BREAK.split(text or "") if part and part.strip()]
    found = [part for part in parts if len(part.split()) >= 2]
    return found or ([text.strip()] if text and text.strip() else [])


def _nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(intent, text) pairs of one Rasa NLU file, as Rasa's own reader reads it (entity
    annotations reduced to their words)."""
    from rasa.shared.nlu.training_data.loading import load_data  # only when training

    return [(str(message.get("intent")), str(message.get("text")))
            for message in load_data(str(path)).intent_examples]


def training_data(family: str) -> tuple[list[str], list[str]]:
    """Texts and labels (a code of ``family``, or ``none``) for one family's classifier."""
    prefix, codes = FAMILIES[family]
    texts: list[str] = []
    labels: list[str] = []

    def add(pairs: Iterable[tuple[str, str]]) -> None:
        for label, text in pairs:
            texts.append(text.lower())
            labels.append(label)

    for name in ("concerns.yml", "motivators.yml"):
        add((intent.removeprefix(prefix) if intent.startswith(prefix) else NONE, text)
            for intent, text in _nlu_examples(NLU_DIR / name))
    for name in NONE_FILES:
        add((NONE, text) for _, text in _nlu_examples(NLU_DIR / name))
    written = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    for group in ("concerns", "motivators"):
        for code, examples in written[group].items():
            add((code if group == family else NONE, text) for text in examples)
    add((NONE, text) for text in written[NONE])
    unknown = set(labels) - {*codes, NONE}
    if unknown:
        raise ValueError(f"{EXAMPLES.name}: codes not in the codebook: {sorted(unknown)}")
    return texts, labels


@cache
def classifier(family: str) -> Pipeline:
    """The trained classifier for one family (trained once per process)."""
    texts, labels = training_data(family)
    features = make_union(
        TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True),
        TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
    )
    model = make_pipeline(features, LogisticRegression(C=10, max_iter=3000,
                                                       class_weight="balanced"))
    model.fit(texts, labels)
    return model


@dataclass(frozen=True)
class Reading:
    """What one text names in one family: the codes, in the order named (a clause's likeliest
    label at ``THRESHOLD`` or more), and each code's highest probability in any clause."""

    codes: tuple[str, ...]
    strongest: Mapping[str, float]

    def support(self, code: str) -> float:
        """How strongly any clause of the text reads as ``code``."""
        return self.strongest.get(code, 0.0)


def read(text: str, family: str, threshold: float = THRESHOLD) -> Reading:
    """Her text, clause by clause, for one family ("concerns" or "motivators")."""
    parts = clauses(text)
    if not parts:
        return Reading((), {})
    model = classifier(family)
    labels = [str(label) for label in model.classes_]
    codes: list[str] = []
    strongest: dict[str, float] = {}
    for probabilities in model.predict_proba([part.lower() for part in parts]):
        best = int(probabilities.argmax())
        if labels[best] != NONE and probabilities[best] >= threshold and labels[best] not in codes:
            codes.append(labels[best])
        for label, probability in zip(labels, map(float, probabilities), strict=True):
            strongest[label] = max(strongest.get(label, 0.0), probability)
    return Reading(tuple(codes), strongest)


def warm() -> None:
    """Train both classifiers now, so that no mother waits for it."""
    for family in FAMILIES:
        classifier(family)
