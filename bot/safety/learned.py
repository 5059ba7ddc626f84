"""The learned layer: a text classifier trained on the labelled safety sets.

The rule net (bot.safety.matcher) catches what its authors have seen; every set written blind
found wording it had not. This layer generalises from the same labelled examples: TF-IDF of word
1-2-grams and character 2-5-grams (within words, so typos and run-together words still share
features) feeding one logistic regression over "no risk" and each risk category. Its risk score
is the probability of any risk, ``1 - P(no risk)``; its category is the likeliest risk category.

Training is deterministic (same examples, same order, same model), fast (a few seconds) and
happens when the Rasa model is trained (bot.safety.nlu_component); the fitted model lives in
the model's own resource, built, never committed. No Rasa import here, so the bench
(bench/safety_learned.py) and the tests use it directly.

The training examples are the labelled sets in tests/safety/*.yml (``risk`` by category, and
``negative``), the training-only sets in tests/safety/training/ (blind sets already measured,
and hard negatives: held to no recall bar, so they teach without becoming regression sets)
plus the NLU examples of the ``risk_*`` intents (positives) and of every other
intent (ordinary chat, negatives). Categories come from the sets' keys and
bot.safety.RISK_CATEGORIES, so a new category needs no change here.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
import yaml
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import FeatureUnion, Pipeline

from bot.safety.matcher import SafetyAssessment
from bot.safety.normalise import normalise
from bot.safety.rulebook import RISK_CATEGORIES

#: The class of a message with no risk.
NO_RISK_CLASS = "none"
#: Where the labelled sets live, relative to the project root (Rasa trains from there).
DEFAULT_SETS_DIR = "tests/safety"
#: Regularisation of the logistic regression: chosen with the thresholds by leave-one-set-out
#: (bench/safety_learned.py); larger C fitted the training sets closer and generalised worse.
DEFAULT_C = 10.0


@dataclass(frozen=True)
class Example:
    """One training or test message; ``category`` is None for a negative."""

    text: str
    category: str | None


@dataclass(frozen=True)
class Verdict:
    """The classifier's reading of one message: the risk score (0..1) and likeliest category."""

    score: float
    category: str
    #: Words in the message: fewer than ``MIN_WORDS_ALONE`` are too few for the classifier to
    #: raise the crisis response alone.
    words: int


#: The sub-folder of the labelled sets' folder whose sets are training data only.
TRAINING_ONLY = "training"


def labelled_set_paths(folder: Path) -> list[Path]:
    """The labelled (regression) sets: every ``*.yml`` directly in ``folder``, by name."""
    return sorted(folder.glob("*.yml"))


def training_set_paths(folder: Path) -> list[Path]:
    """Every set the classifier learns from: the labelled sets, then the training-only ones."""
    return labelled_set_paths(folder) + sorted((folder / TRAINING_ONLY).glob("*.yml"))


def load_set(path: Path) -> list[Example]:
    """The risks (by category, in file order) and negatives of one labelled set."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    examples = [Example(text, category) for category, texts in (data.get("risk") or {}).items()
                for text in texts or []]
    # "no_risk" is how the blind sets written for issues 12 and 18 name their negatives.
    negatives = (data.get("negative") or []) + (data.get("no_risk") or [])
    return examples + [Example(text, None) for text in negatives]


def load_sets(folder: Path) -> dict[str, list[Example]]:
    """Set name -> its examples, for every set the classifier learns from in ``folder``."""
    return {path.stem: load_set(path) for path in training_set_paths(folder)}


def sets_fingerprint(folder: Path) -> str:
    """A content hash of the training sets, so that changing one retrains the model."""
    digest = hashlib.sha256()
    for path in training_set_paths(folder):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


#: NLU intents that are neither a risk nor ordinary chat: the check-in's own examples.
UNLABELLED_INTENTS = frozenset({"safety_check_in"})


def nlu_examples(intent_examples: Iterable[tuple[str, str]]) -> list[Example]:
    """(text, intent) pairs of the NLU data as examples: ``risk_<category>`` intents are
    positives of their category, every other intent an ordinary (negative) message, except
    the check-in's examples (unclear by design)."""
    examples = []
    for text, intent in intent_examples:
        if intent in UNLABELLED_INTENTS:
            continue
        category = intent[len("risk_"):] if intent.startswith("risk_") else None
        examples.append(Example(text, category))
    return examples


def _features() -> FeatureUnion:
    return FeatureUnion([
        ("words", TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True,
                                  token_pattern=r"(?u)\b\w+\b")),
        ("chars", TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True,
                                  min_df=2)),
    ])


class RiskClassifier:
    """TF-IDF features and a logistic regression over "none" and the risk categories."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        classes = [str(c) for c in pipeline.classes_]
        self._none = classes.index(NO_RISK_CLASS)
        # The category reported is the likeliest one the assistant knows how to answer.
        self._risk_columns = [(i, c) for i, c in enumerate(classes)
                              if c != NO_RISK_CLASS and c in RISK_CATEGORIES]
        self._compile()

    def _compile(self) -> None:
        """Per vectoriser: its analyser, and each n-gram's idf and weight row.

        Scoring one message through scikit-learn's pipeline costs milliseconds of input
        checks; the same arithmetic done directly (sublinear tf x idf, l2 per vectoriser, one
        dot product) costs a fraction of that and gives the same probabilities.
        """
        model: LogisticRegression = self.pipeline.named_steps["model"]
        weights = model.coef_.T  # (features, classes)
        self._intercept = model.intercept_.copy()
        if weights.shape[1] == 1:
            # Two classes: one logit z for the second; softmax([0, z]) is its sigmoid.
            weights = np.hstack([np.zeros_like(weights), weights])
            self._intercept = np.concatenate([[0.0], self._intercept])
        self._parts = []
        offset = 0
        for _, vectoriser in self.pipeline.named_steps["features"].transformer_list:
            vocabulary = vectoriser.vocabulary_
            idf = vectoriser.idf_
            self._parts.append((vectoriser.build_analyzer(), vocabulary, idf,
                                weights[offset:offset + len(idf)]))
            offset += len(idf)

    def _probabilities(self, text: str) -> np.ndarray:
        logits = self._intercept.copy()
        for analyse, vocabulary, idf, weights in self._parts:
            counts: dict[int, int] = {}
            for gram in analyse(text):
                column = vocabulary.get(gram)
                if column is not None:
                    counts[column] = counts.get(column, 0) + 1
            if not counts:
                continue
            columns = np.fromiter(counts, dtype=np.int64, count=len(counts))
            values = (1.0 + np.log(np.fromiter(counts.values(), dtype=float,
                                               count=len(counts)))) * idf[columns]
            values /= np.sqrt(values @ values)
            logits += values @ weights[columns]
        logits -= logits.max()
        exp = np.exp(logits)
        return exp / exp.sum()

    @classmethod
    def train(cls, examples: Sequence[Example], c: float = DEFAULT_C) -> RiskClassifier:
        """Fit on ``examples`` (deterministic: duplicates dropped, order fixed)."""
        unique: dict[str, Example] = {}
        for example in examples:
            key = normalise(example.text)
            # A text labelled both ways counts as a risk: a miss costs more than a check-in.
            if key and (key not in unique or example.category is not None):
                unique[key] = Example(key, example.category)
        ordered = sorted(unique.values(), key=lambda e: (e.text, e.category or ""))
        if not any(e.category for e in ordered) or all(e.category for e in ordered):
            raise ValueError("the classifier needs both risks and negatives to learn from")
        pipeline = Pipeline([
            ("features", _features()),
            ("model", LogisticRegression(C=c, max_iter=5000, class_weight="balanced")),
        ])
        pipeline.fit([e.text for e in ordered],
                     [e.category or NO_RISK_CLASS for e in ordered])
        return cls(pipeline)

    def _verdict(self, row: np.ndarray, text: str) -> Verdict:
        _, category = max(self._risk_columns, key=lambda column: row[column[0]])
        return Verdict(float(1.0 - row[self._none]), category, len(text.split()))

    def scores(self, texts: Sequence[str]) -> list[Verdict]:
        """The verdict for each text, through scikit-learn (for many texts at once)."""
        if not texts:
            return []
        normalised = [normalise(t) for t in texts]
        return [self._verdict(row, text)
                for row, text in zip(self.pipeline.predict_proba(normalised), normalised,
                                     strict=True)]

    def score(self, text: str) -> Verdict:
        """The verdict for one message (the same figures as :meth:`scores`, faster)."""
        normalised = normalise(text)
        return self._verdict(self._probabilities(normalised), normalised)

    def save(self, path: Path) -> None:
        joblib.dump(self.pipeline, path)

    @classmethod
    def load(cls, path: Path) -> RiskClassifier:
        # Only ever a file this project's own training wrote into the model's resource.
        return cls(joblib.load(path))


# ------------------------------------------------------------------ with the rule net ----

#: What the net does with a message: the crisis response because a rule fired, or because the
#: classifier's score reached the crisis threshold; a check-in question; or nothing.
RULE = "rule"
CLASSIFIER = "classifier"
CHECK_IN = "check_in"


@dataclass(frozen=True)
class Decision:
    """The combined verdict of the rule net and the classifier on one message."""

    action: str | None
    category: str | None
    score: float | None = None
    overruled: bool = False


#: The fewest words on which the classifier alone raises the crisis response; a shorter message
#: it is sure of gets the check-in question. Its n-grams are too few to go on: "Myself", the
#: answer to "how did you hear about us?", scored 0.97, and "txt me", the answer to "how
#: would you like them to contact you?", 0.96 for danger at home, which sent a mother the
#: abuse response every time she answered. No risk message of three words or fewer in any
#: labelled set is caught by the classifier alone: the rules read them.
MIN_WORDS_ALONE = 4


def overrules(assessment: SafetyAssessment, verdict: Verdict) -> bool:
    """True when the rule net explained the classifier's risk away: the words are negated ("I'm
    not suicidal, just tired"), long past and over, an idiom or accident, or about someone else.
    The labelled negatives are full of these, and the classifier sees only the words."""
    return verdict.category in assessment.explained


def decide(assessment: SafetyAssessment, verdict: Verdict | None, crisis_threshold: float,
           check_in_threshold: float) -> Decision:
    """Rules first; then the classifier, unless the rules explained its risk away."""
    if assessment.category is not None:
        return Decision(RULE, assessment.category)
    if verdict is None:
        return Decision(None, None)
    if verdict.score >= check_in_threshold and overrules(assessment, verdict):
        return Decision(None, None, verdict.score, overruled=True)
    if verdict.score >= crisis_threshold and verdict.words >= MIN_WORDS_ALONE:
        return Decision(CLASSIFIER, verdict.category, verdict.score)
    if verdict.score >= check_in_threshold:
        # A message too short for the classifier alone to be trusted is asked about, never
        # assumed.
        return Decision(CHECK_IN, verdict.category, verdict.score)
    return Decision(None, None, verdict.score)
