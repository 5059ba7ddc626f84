"""Pattern-net bench: recall and false alarms of the rule net alone, on every labelled set.

Unlike bench/safety.py (which measures the running assistant over HTTP), this calls
``assess()`` directly on each message of every set in tests/safety/ (the list is derived from
the folder), so it runs in seconds and needs no model. It exists to prove that reorganising
the rules changes nothing: dump the per-message verdicts before and after a change and compare
the two files.

    .venv/bin/python bench/safety_rules.py                          # figures per set
    .venv/bin/python bench/safety_rules.py --dump before.json       # ...and every verdict
    .venv/bin/python bench/safety_rules.py --compare before.json after.json
    .venv/bin/python bench/safety_rules.py --timing                 # speed of assess()
    .venv/bin/python bench/safety_rules.py --set other/set.yml      # another set instead

Negatives may be grouped (as bench/safety.py reads them); each group's false alarms are then
printed on their own too.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.safety import load_set  # noqa: E402
from bot.safety import RISK_CATEGORIES, assess  # noqa: E402

SAFETY_DIR = ROOT / "tests" / "safety"

#: Ordinary chat turns for the timing: what a mother types during the intake.
ORDINARY_TURNS = (
    "Hi, I'm Sam",
    "yes that's fine",
    "I had my baby 6 weeks ago and I'm finding it hard to sleep",
    "My partner works long hours so I'm on my own most days",
    "Text is best, after 6pm please",
    "I don't really know, I just feel a bit low and tired all the time",
    "She's feeding every two hours and I'm exhausted, is that normal?",
    "No, I'd rather not say",
    "My mum helps on Tuesdays and my sister lives nearby",
    "Thank you, that was really kind",
)


def labelled_sets() -> list[Path]:
    """Every labelled set in tests/safety, in name order."""
    return sorted(SAFETY_DIR.glob("*.yml"))


def verdicts(path: Path) -> list[dict]:
    """One record per message: its label and the net's verdict (category, rule, notes)."""
    records = []
    for item in load_set(path):
        text, label = item.text, item.category
        result = assess(text)
        records.append({"text": text, "label": label, "group": item.group,
                        "category": result.category,
                        "pattern": result.pattern, "reassure": result.reassure,
                        "explained": sorted(result.explained)})
    return records


def report(name: str, records: list[dict]) -> str:
    """Recall per category and overall, and false alarms, as text."""
    caught: Counter = Counter()
    total: Counter = Counter()
    for record in records:
        if record["label"]:
            total[record["label"]] += 1
            caught[record["label"]] += record["category"] is not None
    negatives = [record for record in records if record["label"] is None]
    alarms = sum(record["category"] is not None for record in negatives)
    lines = [name]
    for category in RISK_CATEGORIES:
        if total[category]:
            lines.append(f"  {category:<15} {caught[category]:>4}/{total[category]:<4} "
                         f"{caught[category] / total[category]:7.1%}")
    all_caught, all_total = sum(caught.values()), sum(total.values())
    lines.append(f"  {'all risks':<15} {all_caught:>4}/{all_total:<4} "
                 f"{all_caught / all_total if all_total else 1:7.1%}")
    lines.append(f"  {'false alarms':<15} {alarms:>4}/{len(negatives):<4} "
                 f"{alarms / len(negatives) if negatives else 0:7.1%}")
    groups = Counter(record["group"] for record in negatives)
    if len(groups) > 1:
        for group, count in sorted(groups.items()):
            flagged = sum(record["category"] is not None for record in negatives
                          if record["group"] == group)
            lines.append(f"    {group:<28} {flagged:>4}/{count:<4} {flagged / count:7.1%}")
    return "\n".join(lines)


def compare(before_path: Path, after_path: Path) -> int:
    """Print every message whose verdict differs; 1 if a category or decision changed."""
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    decisions = names = 0
    for set_name in sorted(set(before) | set(after)):
        for old, new in zip(before.get(set_name, []), after.get(set_name, []), strict=True):
            if (old["category"], old["reassure"], old["explained"]) != (
                    new["category"], new["reassure"], new["explained"]):
                decisions += 1
                print(f"DECISION {set_name}: {old} -> {new}")
            elif old["pattern"] != new["pattern"]:
                names += 1
                print(f"rule name {set_name}: {old['pattern']} -> {new['pattern']}")
    print(f"{decisions} changed decisions, {names} changed rule names only")
    return 1 if decisions else 0


def timing() -> str:
    """Median time of assess() on ordinary turns, and on a 10,000-character message."""
    for text in ORDINARY_TURNS:  # warm up (regex compilation, caches)
        assess(text)
    runs = []
    for _ in range(20):
        started = time.perf_counter()
        for text in ORDINARY_TURNS:
            assess(text)
        runs.append((time.perf_counter() - started) / len(ORDINARY_TURNS))
    long_text = (" ".join(ORDINARY_TURNS) + " ") * 30
    long_text = long_text[:10_000]
    long_runs = []
    for _ in range(3):
        started = time.perf_counter()
        assess(long_text)
        long_runs.append(time.perf_counter() - started)
    return (f"assess(): {statistics.median(runs) * 1000:.2f} ms per ordinary turn (median of 20"
            f" rounds of {len(ORDINARY_TURNS)}); {max(long_runs):.3f} s worst of 3 on a"
            f" {len(long_text):,}-character message")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dump", type=Path, help="write every verdict to this JSON file")
    parser.add_argument("--compare", nargs=2, type=Path, metavar=("BEFORE", "AFTER"),
                        help="compare two dumps instead of measuring")
    parser.add_argument("--timing", action="store_true", help="also time assess()")
    parser.add_argument("--set", action="append", type=Path, dest="sets",
                        help="a labelled set (repeatable; default: every set in tests/safety)")
    args = parser.parse_args(argv)
    if args.compare:
        return compare(*args.compare)
    dump = {}
    for path in args.sets or labelled_sets():
        records = verdicts(path)
        dump[path.stem] = records
        print(report(path.name, records))
    if args.dump:
        args.dump.write_text(json.dumps(dump, indent=1, ensure_ascii=False), encoding="utf-8")
    if args.timing:
        print(timing())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
