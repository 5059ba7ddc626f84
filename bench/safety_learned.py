"""Learned-layer bench: leave-one-set-out over the labelled sets, and the thresholds it chooses.

For each labelled set in tests/safety/ in turn, the classifier (bot.safety.learned) is trained
on every other set plus the NLU examples and scores the set it has not seen. The out-of-set
scores of all sets, pooled, choose the thresholds:

* crisis threshold: the lowest at which the classifier alone raises no more than 1% false
  alarms on the pooled negatives;
* check-in threshold: the lowest at which the combined net asks the check-in question on no
  more than 5% of the pooled negatives.

Then, per left-out set and pooled: recall and false alarms of the rules alone, the classifier
alone and the two combined (rules first; rules that explain a risk away overrule the
classifier), the check-ins on risks and negatives, ROC AUC, and the cost of scoring one
message (p50 / p95). The rules have been written with every set in view, so their figures
here are in-sample: only the classifier's are out of set. Prints figures; asserts nothing.

    .venv/bin/python bench/safety_learned.py
    .venv/bin/python bench/safety_learned.py --crisis 0.8 --check-in 0.4   # fixed thresholds
    .venv/bin/python bench/safety_learned.py --measure new_set.yml  # a new set, once, as shipped

``--measure`` skips the leave-one-set-out: the classifier is trained as `make model` trains it
(every labelled set and the NLU examples), config.yml's thresholds apply, and the set's figures
are printed per category (a category the assistant does not know yet counts as caught when
anything fires). Measure a blind set this way before anything is changed because of it.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sklearn.metrics import roc_auc_score  # noqa: E402

from bot.safety import assess  # noqa: E402
from bot.safety.learned import (  # noqa: E402
    CHECK_IN,
    CLASSIFIER,
    DEFAULT_C,
    RULE,
    Example,
    RiskClassifier,
    Verdict,
    decide,
    load_sets,
    nlu_examples,
)

SAFETY_DIR = ROOT / "tests" / "safety"
MAX_CRISIS_FALSE_ALARMS = 0.01
MAX_CHECK_INS = 0.05


@dataclass(frozen=True)
class Scored:
    """One message of a left-out set: its label, the rules' verdict and the classifier's."""

    set_name: str
    example: Example
    rule_category: str | None
    assessment: object
    verdict: Verdict


def load_nlu() -> list[Example]:
    """The NLU examples (risk intents as positives, the rest as ordinary chat)."""
    from rasa.shared.nlu.training_data.loading import load_data

    data = load_data(str(ROOT / "data" / "nlu"))
    return nlu_examples((m.get("text"), m.get("intent")) for m in data.intent_examples)


def leave_one_set_out(sets: dict[str, list[Example]], nlu: list[Example],
                      c: float) -> list[Scored]:
    scored = []
    for name, examples in sets.items():
        training = [e for other, rest in sets.items() if other != name for e in rest] + nlu
        classifier = RiskClassifier.train(training, c=c)
        verdicts = classifier.scores([e.text for e in examples])
        for example, verdict in zip(examples, verdicts, strict=True):
            assessment = assess(example.text)
            scored.append(Scored(name, example, assessment.category, assessment, verdict))
        print(f"  trained without {name} ({len(training)} examples)", file=sys.stderr,
              flush=True)
    return scored


def lowest_threshold(candidates: list[float], rate, bar: float) -> float:
    """The lowest candidate threshold whose rate stays within the bar."""
    for threshold in sorted(set(candidates)):
        if rate(threshold) <= bar:
            return threshold
    return 1.0


def choose_thresholds(scored: list[Scored]) -> tuple[float, float]:
    negatives = [s for s in scored if s.example.category is None]
    candidates = [round(s.verdict.score, 3) for s in scored] + [1.0]

    def classifier_alarms(threshold: float) -> float:
        return sum(s.verdict.score >= threshold for s in negatives) / len(negatives)

    crisis = lowest_threshold(candidates, classifier_alarms, MAX_CRISIS_FALSE_ALARMS)

    def check_ins(threshold: float) -> float:
        return sum(decide(s.assessment, s.verdict, crisis, threshold).action == CHECK_IN
                   for s in negatives) / len(negatives)

    check_in = lowest_threshold([c for c in candidates if c <= crisis], check_ins, MAX_CHECK_INS)
    return crisis, check_in


def _rate(hits: int, total: int) -> str:
    return f"{hits:>4}/{total:<4} {hits / total if total else 0:6.1%}"


def figures(name: str, rows: list[Scored], crisis: float, check_in: float) -> str:
    risks = [s for s in rows if s.example.category is not None]
    negatives = [s for s in rows if s.example.category is None]

    def count(group: list[Scored], test) -> int:
        return sum(bool(test(s)) for s in group)

    def combined(s: Scored) -> str | None:
        return decide(s.assessment, s.verdict, crisis, check_in).action

    rules = lambda s: s.rule_category is not None  # noqa: E731
    alone = lambda s: s.verdict.score >= crisis  # noqa: E731
    crisis_response = lambda s: combined(s) in (RULE, CLASSIFIER)  # noqa: E731
    asked = lambda s: combined(s) == CHECK_IN  # noqa: E731
    lines = [f"{name}  ({len(risks)} risks, {len(negatives)} negatives)",
             f"  rules only        recall {_rate(count(risks, rules), len(risks))}"
             f"   false alarms {_rate(count(negatives, rules), len(negatives))}",
             f"  classifier only   recall {_rate(count(risks, alone), len(risks))}"
             f"   false alarms {_rate(count(negatives, alone), len(negatives))}",
             f"  combined          recall {_rate(count(risks, crisis_response), len(risks))}"
             f"   false alarms {_rate(count(negatives, crisis_response), len(negatives))}",
             f"  check-ins         risks  {_rate(count(risks, asked), len(risks))}"
             f"   negatives    {_rate(count(negatives, asked), len(negatives))}",
             f"  crisis or check-in recall {_rate(count(risks, combined), len(risks))}"]
    if risks and negatives:
        auc = roc_auc_score([s.example.category is not None for s in rows],
                            [s.verdict.score for s in rows])
        lines.append(f"  classifier ROC AUC {auc:.3f}")
    return "\n".join(lines)


def scoring_cost(classifier: RiskClassifier, texts: list[str]) -> tuple[float, float, float]:
    """p50 and p95 in ms of scoring one message alone, and of rules plus classifier at p95."""
    alone, both = [], []
    for text in texts:
        started = time.perf_counter()
        classifier.score(text)
        alone.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        assess(text)
        classifier.score(text)
        both.append((time.perf_counter() - started) * 1000)
    alone.sort()
    both.sort()
    return (statistics.median(alone), alone[int(0.95 * (len(alone) - 1))],
            both[int(0.95 * (len(both) - 1))])


def config_thresholds() -> tuple[float, float]:
    """The crisis and check-in thresholds config.yml gives the SafetyNet step."""
    import yaml

    pipeline = yaml.safe_load((ROOT / "config.yml").read_text(encoding="utf-8"))["pipeline"]
    [step] = [s for s in pipeline if s["name"].endswith("SafetyNet")]
    return float(step["crisis_threshold"]), float(step["check_in_threshold"])


def measure(paths: list[Path], c: float, misses: bool = False) -> None:
    """Figures on sets the shipped classifier has not seen, at config.yml's thresholds."""
    from bot.safety.learned import load_set

    sets = load_sets(SAFETY_DIR)
    classifier = RiskClassifier.train([e for v in sets.values() for e in v] + load_nlu(), c=c)
    crisis, check_in = config_thresholds()
    for path in paths:
        examples = load_set(path)
        verdicts = classifier.scores([e.text for e in examples])
        rows = [Scored(path.stem, e, assess(e.text).category, assess(e.text), v)
                for e, v in zip(examples, verdicts, strict=True)]
        print(figures(f"{path.name} at crisis {crisis}, check-in {check_in}", rows, crisis,
                      check_in))
        for category in dict.fromkeys(e.category for e in examples if e.category):
            group = [r for r in rows if r.example.category == category]
            caught = sum(decide(r.assessment, r.verdict, crisis, check_in).action
                         in (RULE, CLASSIFIER) for r in group)
            asked = sum(decide(r.assessment, r.verdict, crisis, check_in).action == CHECK_IN
                        for r in group)
            print(f"    {category:<20} crisis response {caught:>3}/{len(group):<3}"
                  f" check-in {asked:>3}")
        if misses:
            print_misses(rows, crisis, check_in)


def print_misses(rows: list[Scored], crisis: float, check_in: float) -> None:
    """One line per risk the combined net did not answer and per false alarm."""
    for s in rows:
        action = decide(s.assessment, s.verdict, crisis, check_in).action
        if s.example.category and action not in (RULE, CLASSIFIER):
            print(f"  MISSED [{s.example.category}] {s.verdict.score:.2f} {action or '-'}"
                  f" {s.example.text}")
        if s.example.category is None and action is not None:
            print(f"  ALARM {action} {s.verdict.score:.2f} {s.example.text}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--crisis", type=float, help="use this crisis threshold")
    parser.add_argument("--check-in", type=float, help="use this check-in threshold")
    parser.add_argument("--c", type=float, default=DEFAULT_C, help="logistic regression C")
    parser.add_argument("--measure", type=Path, action="append",
                        help="only measure this set (repeatable) with the shipped classifier")
    parser.add_argument("--misses", action="store_true",
                        help="list out-of-set misses and false alarms of the combined net")
    args = parser.parse_args(argv)
    if args.measure:
        measure(args.measure, args.c, args.misses)
        return 0

    sets = load_sets(SAFETY_DIR)
    nlu = load_nlu()
    print(f"Leave-one-set-out over {len(sets)} sets ({len(nlu)} NLU examples always in)",
          flush=True)
    scored = leave_one_set_out(sets, nlu, args.c)
    crisis, check_in = choose_thresholds(scored)
    print(f"\nChosen on the pooled out-of-set scores: crisis threshold {crisis:.3f} "
          f"(classifier alone <= {MAX_CRISIS_FALSE_ALARMS:.0%} false alarms), check-in "
          f"threshold {check_in:.3f} (check-ins <= {MAX_CHECK_INS:.0%} of negatives)")
    if args.crisis is not None:
        crisis = args.crisis
    if args.check_in is not None:
        check_in = args.check_in
    print(f"Figures at crisis {crisis:.3f}, check-in {check_in:.3f}:\n")
    for name in sets:
        print(figures(name, [s for s in scored if s.set_name == name], crisis, check_in))
    print()
    print(figures("POOLED (every set, each scored by a classifier that had not seen it)",
                  scored, crisis, check_in))
    if args.misses:
        print_misses(scored, crisis, check_in)

    everything = [e for examples in sets.values() for e in examples]
    classifier = RiskClassifier.train(everything + nlu, c=args.c)
    p50, p95, both95 = scoring_cost(classifier, [e.text for e in everything])
    print(f"\nScoring one message (model trained on every set, {len(everything)} messages): "
          f"classifier p50 {p50:.2f} ms, p95 {p95:.2f} ms; rules + classifier p95 "
          f"{both95:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
