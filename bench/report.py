"""How long `bot report` takes on a realistic synthetic programme of 100,000 records.

Writes 100,000 synthetic intake records over 6 sites of very different sizes (two tiny, so the
small-count rule shows) and two years into a fresh SQLite database in a temporary folder, then
times `bot report` in each format as a new process, as an evaluator would run it. Rates are
near the study's (McLeish et al. 2026: 182/260, 70%, took up), varying by site.

    .venv/bin/python bench/report.py [--records 100000] [--keep DIR]

Target: each format within 10 s.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot import codebook  # noqa: E402 (after the path set-up above)
from bot.records.database import intake_records, make_engine  # noqa: E402

#: site -> (share of records, take-up rate among those with an outcome)
SITES = {"northbrook": (0.40, 0.72), "eastvale": (0.30, 0.66), "riverside": (0.18, 0.75),
         "hillcrest": (0.11, 0.62), "saltmarsh": (0.0009, 0.70), "fenwick": (0.0003, 0.60)}
START = datetime(2025, 1, 1, tzinfo=timezone.utc)
TARGET_SECONDS = 10.0


def synthetic_record(rng: random.Random, i: int, site: str, take_up: float) -> dict:
    started = START + timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
    record = {
        "conversation_id": f"bench-{i:06d}", "schema_version": codebook.SCHEMA_VERSION,
        "site": site, "started_at": started, "last_activity_at": started,
        "consent": "given", "explained": True, "mode_preferences": [], "time_preferences": [],
        "concerns": [], "motivators": [], "contact_requested": False, "risk_flag": False,
        "completed": False, "outcome": "pending", "risk_acknowledged": False,
        "callback_done": False, "referral_source": None, "perinatal_stage": None,
        "format_preference": None, "take_up_intent": None, "decline_reason": None,
        "preferred_contact": None, "outcome_at": None, "outcome_reason": None,
        "concerns_reviewed": None,
    }
    stage = rng.random()
    if stage < 0.05:
        record["consent"] = "declined"
        return record
    if stage < 0.09:
        record["consent"] = "not_asked"
        return record
    if stage < 0.13:
        return record  # consented, stopped before preferences
    record["format_preference"] = rng.choices(codebook.FORMATS, (5, 4, 3, 1))[0]
    record["mode_preferences"] = [m for m in codebook.MODES if rng.random() < 0.45] or ["phone"]
    record["time_preferences"] = [t for t in codebook.TIMES if rng.random() < 0.35]
    record["concerns"] = rng.sample(codebook.CONCERNS, rng.choices((0, 1, 2, 3), (4, 4, 2, 1))[0])
    if stage < 0.18:
        return record  # stopped before the intent question
    worried = len(record["concerns"])
    record["take_up_intent"] = rng.choices(("yes", "maybe", "no"),
                                           (7 - worried, 2 + worried / 2, 1 + worried / 2))[0]
    record["completed"] = True
    if rng.random() < 0.8:  # staff have recorded an outcome
        base = {"yes": take_up + 0.12, "maybe": take_up - 0.2, "no": 0.15}
        took = rng.random() < base[record["take_up_intent"]]
        record["outcome"] = "took_up" if took else "did_not_take_up"
        record["outcome_at"] = (started + timedelta(days=rng.randrange(3, 40))).date()
        if not took:
            record["outcome_reason"] = rng.choice(codebook.OUTCOME_REASONS)
    if rng.random() < 0.1:  # staff reviewed the coding: mostly agreeing
        reviewed = [c for c in record["concerns"] if rng.random() < 0.9]
        if rng.random() < 0.1:
            reviewed.append(rng.choice(codebook.CONCERNS))
        record["concerns_reviewed"] = codebook.ordered_subset(reviewed, codebook.CONCERNS)
    return record


def populate(url: str, count: int, seed: int = 14) -> None:
    rng = random.Random(seed)
    engine = make_engine(url)
    names = list(SITES)
    weights = [SITES[s][0] for s in names]
    batch = []
    with engine.begin() as conn:
        for i in range(count):
            site = rng.choices(names, weights)[0]
            batch.append(synthetic_record(rng, i, site, SITES[site][1]))
            if len(batch) == 5000:
                conn.execute(intake_records.insert(), batch)
                batch = []
        if batch:
            conn.execute(intake_records.insert(), batch)
    engine.dispose()


def time_report(url: str, fmt: str, out: Path) -> float:
    env = {**os.environ, "DATABASE_URL": url}
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bot.cli.main", "report", "--format", fmt,
                    "--output", str(out)], env=env, check=True)
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--keep", help="write the database and reports here, and keep them")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.keep or tmp)
        folder.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{folder / 'bench.db'}"
        began = time.perf_counter()
        populate(url, args.records)
        print(f"wrote {args.records:,} synthetic records over {len(SITES)} sites "
              f"in {time.perf_counter() - began:.1f} s")
        worst = 0.0
        for fmt in ("html", "csv", "json"):
            out = folder / f"report.{fmt}"
            seconds = time_report(url, fmt, out)
            worst = max(worst, seconds)
            print(f"bot report --format {fmt}: {seconds:.2f} s ({out.stat().st_size:,} bytes)")
        verdict = "within" if worst <= TARGET_SECONDS else "OVER"
        print(f"slowest {worst:.2f} s: {verdict} the {TARGET_SECONDS:.0f} s target")
        return 0 if worst <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
