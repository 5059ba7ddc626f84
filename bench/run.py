"""`make bench`: training time, model size, turn latency over the REST webhook, peak memory.

Starts its own stack on spare ports with a throw-away SQLite database (recording included), and
sends bounded request loops to 127.0.0.1 only. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.runtime.stack import Stack  # noqa: E402
from bot.runtime.training import ensure_model  # noqa: E402

SCRIPT = [
    "hi", "yes that's fine", "ok carry on", "one to one please", "phone or video",
    "evenings", "my health visitor", "I'm 20 weeks pregnant", "I'm worried they'll judge me",
    "no that's all", "maybe", "no thanks",
]


def measure_training() -> float:
    """Seconds for a full `rasa train` of the current project, into a temporary folder."""
    with tempfile.TemporaryDirectory() as out:
        # An empty cache, or Rasa would reuse components trained before and time nothing.
        env = {**os.environ, "RASA_CACHE_DIRECTORY": str(Path(out) / "cache")}
        started = time.monotonic()
        subprocess.run([str(Path(sys.executable).with_name("rasa")), "train", "--out", out,
                        "--fixed-model-name", "bench"], cwd=ROOT, check=True, env=env,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return time.monotonic() - started


async def conversation(session: aiohttp.ClientSession, url: str, turns: list[float]) -> None:
    sender = uuid.uuid4().hex
    for text in SCRIPT:
        started = time.monotonic()
        async with session.post(url, json={"sender": sender, "message": text}) as response:
            await response.read()
            response.raise_for_status()
        turns.append((time.monotonic() - started) * 1000)


async def latency(url: str, concurrent: int, rounds: int) -> tuple[list[float], float]:
    turns: list[float] = []
    timeout = aiohttp.ClientTimeout(total=120)
    async with aiohttp.ClientSession(timeout=timeout) as session:
        started = time.monotonic()
        for _ in range(rounds):
            await asyncio.gather(*(conversation(session, url, turns) for _ in range(concurrent)))
        elapsed = time.monotonic() - started
    return turns, len(turns) / elapsed


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def peak_memory_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a process and its children, in MB."""
    total = 0
    pids = [pid] + [int(p) for p in subprocess.run(
        ["pgrep", "-g", str(pid)], capture_output=True, text=True).stdout.split() if int(p) != pid]
    for each in pids:
        try:
            for line in Path(f"/proc/{each}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--skip-training", action="store_true")
    parser.add_argument("--rounds", type=int, default=3, help="conversations per client")
    args = parser.parse_args()

    if not args.skip_training:
        print(f"training time: {measure_training():.0f} s (full `rasa train`, 2 cores)")
    model = ensure_model()
    print(f"model size: {model.stat().st_size / 1e6:.1f} MB")

    with tempfile.TemporaryDirectory() as folder:
        stack = Stack(rasa_port=25005, action_port=25055, web_port=28080,
                      web_host="127.0.0.1", db_url=f"sqlite:///{folder}/bench.db", redis_url=None,
                      var_dir=Path(folder), model=model)
        stack.start()
        try:
            url = f"{stack.rasa_url}/webhooks/rest/webhook"
            for concurrent in (1, 20):
                turns, rate = asyncio.run(latency(url, concurrent, args.rounds))
                print(f"REST webhook, {concurrent:>2} concurrent conversation(s): "
                      f"p50 {percentile(turns, 50):.0f} ms, p95 {percentile(turns, 95):.0f} ms, "
                      f"{rate:.1f} messages/s ({len(turns)} turns, recording included)")
            for name, process in stack.processes.items():
                print(f"peak memory, {name}: {peak_memory_mb(process.pid):.0f} MB")
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
