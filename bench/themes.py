"""How well the concern and motivator coder (bot/conversation/themes.py) reads answers.

Against the simulated mothers (bench/personas/*.yml, written blind): her answer to "is anything
worrying you?" is coded for concerns and her answer about what she hopes to get from peer support
for motivators, and compared with the codes her writer gave her. Prints, per persona file and
threshold: answers coded exactly right, codes recorded that she did not name, codes she named that
were missed; then recall and precision per code at the chosen threshold. Asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.conversation import themes  # noqa: E402

PERSONAS = sorted((ROOT / "bench" / "personas").glob("*.yml"))
#: The persona answer read for each family.
ANSWER = {"concerns": "worries", "motivators": "motivators"}


def cases(path: Path) -> list[tuple[str, str, str, set[str]]]:
    """(persona id, family, her answer, the codes her writer gave) for one persona file."""
    found = []
    for persona in yaml.safe_load(path.read_text(encoding="utf-8")):
        truth = persona["truth"]
        if truth.get("consent") == "declined":
            continue
        for family, key in ANSWER.items():
            found.append((persona["id"], family, persona["answers"].get(key) or "",
                          set(truth.get(family) or [])))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--personas", type=Path, action="append")
    parser.add_argument("--misses", action="store_true", help="list each answer coded wrongly")
    args = parser.parse_args(argv)
    thresholds = (0.3, 0.4, themes.THRESHOLD, 0.6, 0.7)
    named: Counter[str] = Counter()
    hits: Counter[str] = Counter()
    recorded: Counter[str] = Counter()
    for path in args.personas or PERSONAS:
        rows = cases(path)
        print(f"\n{path.name}: {len(rows)} answers")
        for threshold in sorted(set(thresholds)):
            right = extra = missed = 0
            for pid, family, text, truth in rows:
                got = set(themes.read(text, family, threshold).codes)
                right += got == truth
                extra += len(got - truth)
                missed += len(truth - got)
                if threshold == themes.THRESHOLD:
                    named.update(truth)
                    hits.update(got & truth)
                    recorded.update(got)
                    if args.misses and got != truth:
                        print(f"  {pid} {family}: said {sorted(truth)}, coded {sorted(got)}"
                              f"\n      {text!r}")
            mark = "  (chosen)" if threshold == themes.THRESHOLD else ""
            print(f"  threshold {threshold:.2f}: exactly right {right}/{len(rows)} = "
                  f"{right / len(rows):.1%}; codes not named {extra}; named but missed "
                  f"{missed}{mark}")
    print(f"\nper code at threshold {themes.THRESHOLD} (all files): recall, precision")
    for code in (*codebook_order(),):
        if named[code] or recorded[code]:
            recall = hits[code] / named[code] if named[code] else float("nan")
            precision = hits[code] / recorded[code] if recorded[code] else float("nan")
            print(f"  {code:24} {hits[code]:3}/{named[code]:<3} {recall:6.1%}   "
                  f"{hits[code]:3}/{recorded[code]:<3} {precision:6.1%}")
    return 0


def codebook_order() -> tuple[str, ...]:
    return tuple(code for _, codes in themes.FAMILIES.values() for code in codes)


if __name__ == "__main__":
    raise SystemExit(main())
