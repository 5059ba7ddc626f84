"""`make mutation`: mutation testing of the safety net and the conversation logic, with mutmut.

mutmut changes one thing at a time in the code ([tool.mutmut] in pyproject.toml names the
modules: bot/safety/ and bot/conversation's intake flow, answers and yes/no reading), runs the
fast unit tests that reach the changed function, and counts the change "killed" when a test
fails. A mutant that survives is either a missing test or a change that makes no difference;
docs/testing.md ("Mutation testing") lists the survivors and why each one stays.

Slow (most of an hour on two cores), so not part of `make test`. Runs one mutant at a time,
niced, so the machine stays usable. mutmut keeps its results in mutants/ (ignored by git): a
second run only tries mutants that have no result yet, or the ones named on the command line.

    .venv/bin/python bench/mutation.py                    # run, then print the summary
    .venv/bin/python bench/mutation.py --summary-only     # the summary of the last run
    .venv/bin/python bench/mutation.py 'bot.safety.matcher.*'   # re-run these mutants

A profile (--profile NAME, PROFILES below) runs some modules against a narrower test selection,
in a directory of its own (mutants-NAME/, ignored by git, beside links to the project), so its
results and mutmut's test map never mix with the default run's:

    .venv/bin/python bench/mutation.py --profile rules    # matcher.py and normalise.py
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import toml

ROOT = Path(__file__).resolve().parents[1]
MUTMUT = ROOT / ".venv" / "bin" / "mutmut"

# Profiles: keys of [tool.mutmut] (pyproject.toml) that a profile replaces. mutmut reads its
# configuration from ./pyproject.toml and writes to ./mutants/, so a profile runs in
# mutants-NAME/: links to the project's files and a pyproject.toml with these keys replaced.
PROFILES: dict[str, dict[str, list[str]]] = {
    # The rule net's text handling. Every test that calls assess() reaches these functions, so
    # under the default selection a surviving mutant also ran the learned layer's tests, whose
    # module fixture trains the classifier (one to two minutes a survivor). The rule net's own
    # tests (the labelled sets, the rule examples, the emergencies, the component with a
    # stand-in classifier) are what can tell a matcher or normalisation mutant apart.
    "rules": {
        "only_mutate": ["bot/safety/matcher.py", "bot/safety/normalise.py"],
        "pytest_add_cli_args_test_selection": [
            "tests/unit/test_safety.py",
            "tests/unit/test_safety_emergencies.py",
            "tests/unit/test_safety_rule_examples.py",
            "tests/unit/test_safety_rulebook.py",
            "tests/unit/test_safety_net_component.py",
            "tests/unit/test_safety_net_decisions.py",
        ],
    },
}

# mutmut's exit codes of a mutant's test run (mutmut.stats.status_by_exit_code), by outcome.
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests",
          34: "skipped", 36: "timeout", 24: "timeout", -24: "timeout", 152: "timeout",
          255: "timeout", 37: "caught by type check", -9: "segfault", -11: "segfault",
          None: "not checked"}
COLUMNS = ("killed", "survived", "timeout", "no tests", "not checked", "other")


def run_root(profile: str | None) -> Path:
    """The directory mutmut runs in: the project itself, or a profile's mutants-NAME/."""
    return ROOT if profile is None else ROOT / f"mutants-{profile}"


def prepare_profile(profile: str) -> Path:
    """mutants-NAME/: a link to each top-level file and folder of the project (the originals,
    never copies, so mutmut copies the current code) and a pyproject.toml whose [tool.mutmut]
    has the profile's keys. Rewritten only when it changes: mutmut keeps results across runs
    and starts over when the test selection changes."""
    root = run_root(profile)
    root.mkdir(exist_ok=True)
    for entry in ROOT.iterdir():
        if entry.name in (".git", "pyproject.toml", "mutants") or entry.name.startswith(
                "mutants-"):
            continue
        link = root / entry.name
        if not link.is_symlink():
            link.symlink_to(Path("..") / entry.name)
    data = toml.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data["tool"]["mutmut"].update(PROFILES[profile])
    text = f"# Written by bench/mutation.py --profile {profile}: do not edit.\n" + toml.dumps(data)
    target = root / "pyproject.toml"
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return root


def run_mutmut(root: Path, names: list[str], max_children: int, niceness: int) -> int:
    """Run mutmut in ``root`` (all mutants without a result, or the named ones); its progress
    goes to mutants/mutation-run.log there, being a spinner redrawn many times a second."""
    (root / "mutants").mkdir(exist_ok=True)
    log_path = root / "mutants" / "mutation-run.log"
    command = ["nice", "-n", str(niceness), str(MUTMUT), "run", "--max-children",
               str(max_children), *names]
    print("running:", " ".join(command[:6]), f"({len(names)} named mutants)" if names else "",
          "in", root)
    print("progress:", log_path)
    started = time.monotonic()
    with log_path.open("w") as log:
        code = subprocess.call(command, cwd=root, stdout=log, stderr=subprocess.STDOUT)
    print(f"mutmut finished in {(time.monotonic() - started) / 60:.1f} min (exit code {code})")
    return code


def _results(root: Path) -> dict[str, dict[str, int | None]]:
    """Source path -> {mutant name: exit code}, from mutmut's .meta files."""
    results = {}
    for meta in sorted((root / "mutants").rglob("*.py.meta")):
        source = meta.relative_to(root / "mutants").as_posix()[: -len(".meta")]
        results[source] = json.loads(meta.read_text())["exit_code_by_key"]
    return results


def _status(code: int | None) -> str:
    status = STATUS.get(code, "other")
    return status if status in COLUMNS else "other"


def _function_lines(source: Path) -> dict[str, tuple[int, int]]:
    """'x_name' or 'xǁClassǁname' (mutmut's names) -> the function's first and last line."""
    spans = {}
    tree = ast.parse(source.read_text())
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            spans[f"x_{node.name}"] = (node.lineno, node.end_lineno)
        elif isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    spans[f"x\u01c1{node.name}\u01c1{item.name}"] = (item.lineno, item.end_lineno)
    return spans


def describe(name: str, source: str, root: Path = ROOT) -> tuple[int | None, str]:
    """The line of the original file a mutant changes, and the change (old -> new)."""
    os.chdir(root)
    from mutmut.mutation.diff_apply import get_diff_for_mutant  # needs [tool.mutmut]

    diff = get_diff_for_mutant(name, path=source).splitlines()
    old = [line[1:].strip() for line in diff if line.startswith("-") and not line.startswith("---")]
    new = [line[1:].strip() for line in diff if line.startswith("+") and not line.startswith("+++")]
    function = name.rsplit(".", 1)[-1].rsplit("__mutmut_", 1)[0]
    first, last = _function_lines(ROOT / source).get(function, (1, 0))
    lines = (ROOT / source).read_text().splitlines()
    line = next((n for n in range(first, last + 1) if old and lines[n - 1].strip() == old[0]),
                None)
    return line, f"{' / '.join(old) or '?'}  ->  {' / '.join(new) or '(removed)'}"


def summary(root: Path = ROOT, show_diffs: bool = True) -> int:
    """Print mutants per module by outcome and the survivors; the number of survivors."""
    results = _results(root)
    if not results:
        print(f"No mutmut results in {root / 'mutants'}: run bench/mutation.py first.")
        return 0
    totals: Counter[str] = Counter()
    print(f"\n{'module':48} {'mutants':>7} " + " ".join(f"{c:>11}" for c in COLUMNS))
    for source, codes in results.items():
        counts = Counter(_status(code) for code in codes.values())
        totals.update(counts)
        print(f"{source:48} {len(codes):7} " + " ".join(f"{counts[c]:11}" for c in COLUMNS))
    print(f"{'total':48} {sum(totals.values()):7} "
          + " ".join(f"{totals[c]:11}" for c in COLUMNS))
    survivors = [(source, name) for source, codes in results.items()
                 for name, code in codes.items() if _status(code) in ("survived", "timeout",
                                                                         "no tests", "other")]
    if survivors:
        print(f"\nNot killed ({len(survivors)}): line, change, outcome")
        for source, name in survivors:
            status = _status(results[source][name])
            if show_diffs:
                line, change = describe(name, source, root)
                print(f"  {source}:{line}  {name.rsplit('.', 1)[-1]}  [{status}]\n      {change}")
            else:
                print(f"  {name}  [{status}]")
    return len(survivors)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mutants", nargs="*", help="mutant names or globs to (re-)run")
    parser.add_argument("--summary-only", action="store_true",
                        help="print the results of the last run; run nothing")
    parser.add_argument("--max-children", type=int, default=1,
                        help="mutants tested at once (default 1: the machine is shared)")
    parser.add_argument("--nice", type=int, default=10, help="niceness of the run")
    parser.add_argument("--no-diffs", action="store_true", help="list survivors by name only")
    parser.add_argument("--profile", choices=sorted(PROFILES),
                        help="run (or summarise) a profile in mutants-PROFILE/ instead of the "
                             "default run of [tool.mutmut]")
    args = parser.parse_args()
    if not MUTMUT.exists():
        sys.exit(f"{MUTMUT} is missing: install the test extras (`make install`).")
    if args.profile is None or args.summary_only:
        root = run_root(args.profile)
    else:
        root = prepare_profile(args.profile)
    if not args.summary_only:
        run_mutmut(root, args.mutants, args.max_children, args.nice)
    summary(root, show_diffs=not args.no_diffs)


if __name__ == "__main__":
    main()
