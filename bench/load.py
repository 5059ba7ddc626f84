"""Load and soak: the assistant through its web gateway, beside a stock `rasa init` bot.

Both are measured in the same run, on the same machine, alternating at each level:

- the stock bot: `rasa init` (its own NLU data, stories and default pipeline), trained once into
  var/bench/stock-bot (kept there for the next run) and served by `rasa run` on a spare port,
  with Rasa's defaults (in-memory tracker store, no action server); its clients post to its REST
  webhook;
- the assistant: the whole stack as `make run` starts it (web gateway, Rasa processes, action
  server, a fresh SQLite database in a temporary folder, or ``--database``/``--redis``), its
  clients posting typed messages to the gateway's /api/chat with a cookie, as the widget does.

At each level (1, 20 and 50 conversations at once by default) every client runs whole scripted
conversations, one after another, for ``--seconds``; each turn's latency and each error is
recorded. Printed: messages per second, p50/p95/p99 and errors for both, and the assistant's
throughput as a ratio of the stock bot's.

``--soak SECONDS`` then keeps 20 conversations going through the gateway for that long, printing
every minute the messages served, errors and each process's resident memory.

    .venv/bin/python bench/load.py [--levels 1 20 50] [--seconds 30] [--processes 2]
    .venv/bin/python bench/load.py --levels --soak 600

Only loopback addresses are used; every process started here is stopped at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.gateway import spare_port  # noqa: E402 (after the path set-up above)
from bench.run import SCRIPT as INTAKE_SCRIPT  # noqa: E402 (a mother's intake, typed)
from bot.runtime.stack import Stack  # noqa: E402

#: A conversation with the stock bot, within what `rasa init`'s data knows.
STOCK_SCRIPT = [
    "hello", "I am sad", "no", "not really", "are you a bot?", "hi", "great", "bye",
]
STOCK_DIR = ROOT / "var" / "bench" / "stock-bot"
TIMEOUT = aiohttp.ClientTimeout(total=60)
RASA = str(Path(sys.executable).with_name("rasa"))

Conversation = Callable[[aiohttp.ClientSession, "Run"], Awaitable[None]]


def rasa_env() -> dict[str, str]:
    return {**os.environ, "RASA_TELEMETRY_ENABLED": "false",
            "SQLALCHEMY_SILENCE_UBER_WARNING": "1"}


def stock_model() -> Path:
    """The stock bot's model, trained on first use (a few minutes) and kept for the next run."""
    models = STOCK_DIR / "models"
    found = sorted(models.glob("*.tar.gz")) if models.exists() else []
    if found:
        return found[-1]
    print("Training a stock `rasa init` bot into var/bench/stock-bot (once)...", flush=True)
    shutil.rmtree(STOCK_DIR, ignore_errors=True)
    STOCK_DIR.mkdir(parents=True)
    subprocess.run([RASA, "init", "--no-prompt", "--init-dir", str(STOCK_DIR)], check=True,
                   env={**rasa_env(), "RASA_CACHE_DIRECTORY": str(STOCK_DIR / ".cache")},
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return sorted(models.glob("*.tar.gz"))[-1]


class StockBot:
    """`rasa run` of the stock bot on a spare port, with Rasa's defaults."""

    def __init__(self, log: Path) -> None:
        self.port = spare_port()
        self.url = f"http://127.0.0.1:{self.port}"
        with log.open("ab") as out:
            self.process = subprocess.Popen(
                [RASA, "run", "--model", str(stock_model()), "--interface", "127.0.0.1",
                 "--port", str(self.port), "--quiet"], cwd=STOCK_DIR, env=rasa_env(),
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 240
        while True:
            try:
                urllib.request.urlopen(self.url, timeout=2)
                return
            except (urllib.error.URLError, OSError):
                if self.process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the stock bot did not start; see {log}") from None
                time.sleep(0.5)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait()

    def conversation(self) -> Conversation:
        url = f"{self.url}/webhooks/rest/webhook"

        async def converse(client: aiohttp.ClientSession, run: Run) -> None:
            sender = uuid.uuid4().hex
            for text in STOCK_SCRIPT:
                started = time.perf_counter()
                async with client.post(url, json={"sender": sender, "message": text}) as response:
                    if response.status != 200 or not await response.json():
                        raise RuntimeError(f"HTTP {response.status}")
                run.latencies.append(time.perf_counter() - started)

        return converse


def gateway_conversation(stack: Stack) -> Conversation:
    async def converse(client: aiohttp.ClientSession, run: Run) -> None:
        client.cookie_jar.clear()  # a new conversation: a new mother
        for text in INTAKE_SCRIPT:
            started = time.perf_counter()
            async with client.post(f"{stack.web_url}/api/chat",
                                   json={"message": text, "site": "northbrook"}) as response:
                body = await response.json()
                if response.status != 200 or not body.get("messages"):
                    raise RuntimeError(f"HTTP {response.status} {body.get('error', '')}")
            run.latencies.append(time.perf_counter() - started)

    return converse


@dataclass
class Run:
    """Every turn's latency (seconds) and every error of one measurement."""

    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    def rate(self) -> float:
        return len(self.latencies) / self.seconds if self.seconds else float("nan")

    def percentile(self, q: int) -> float:
        if len(self.latencies) < 2:
            return float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[q - 1] * 1000


async def client_loop(conversation: Conversation, run: Run, until: float) -> None:
    """One client: whole conversations, one after another, until ``until``."""
    async with aiohttp.ClientSession(timeout=TIMEOUT,
                                     cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
        while time.perf_counter() < until:
            try:
                await conversation(client, run)
            except (aiohttp.ClientError, asyncio.TimeoutError, RuntimeError, ValueError):
                run.errors += 1


async def measure(conversation: Conversation, clients: int, seconds: float) -> Run:
    run, started = Run(), time.perf_counter()
    await asyncio.gather(*(client_loop(conversation, run, started + seconds)
                           for _ in range(clients)))
    run.seconds = time.perf_counter() - started
    return run


def family(pid: int) -> list[int]:
    """A process and its descendants."""
    found, pending = [], [pid]
    while pending:
        each = pending.pop()
        found.append(each)
        try:
            pending.extend(int(child) for child in
                           Path(f"/proc/{each}/task/{each}/children").read_text().split())
        except OSError:
            continue
    return found


def resident_mb(pid: int) -> float:
    """Resident memory of a process and its descendants, in MB."""
    total_kb = 0
    for each in family(pid):
        try:
            status = Path(f"/proc/{each}/status").read_text()
        except OSError:
            continue
        total_kb += next((int(line.split()[1]) for line in status.splitlines()
                          if line.startswith("VmRSS:")), 0)
    return total_kb / 1024


def cpu_seconds(pid: int) -> float:
    """CPU time (user and system) used so far by a process and its descendants."""
    ticks = 0
    for each in family(pid):
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])
    return ticks / os.sysconf("SC_CLK_TCK")


def cpu_by_kind(stack: Stack) -> dict[str, float]:
    """CPU seconds so far of the stack's processes, the Rasa servers counted together."""
    totals: dict[str, float] = {}
    for name, process in stack.processes.items():
        kind = "Rasa" if name.startswith("Rasa server") else name
        totals[kind] = totals.get(kind, 0.0) + cpu_seconds(process.pid)
    return totals


async def compare(stack: Stack, stock: StockBot, levels: list[int], seconds: float) -> None:
    ours, theirs = gateway_conversation(stack), stock.conversation()
    await measure(ours, 2, 5)  # warm up both (first-request costs)
    await measure(theirs, 2, 5)
    print(f"\n{'':30}{'msg/s':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'errors':>8}"
          f"{'turns':>8}")
    for clients in levels:
        print(f"{clients} conversation(s) at once, {seconds:g} s each")
        stock_run = await measure(theirs, clients, seconds)
        show("stock rasa init bot", stock_run)
        before = cpu_by_kind(stack)
        our_run = await measure(ours, clients, seconds)
        used = {kind: spent - before[kind] for kind, spent in cpu_by_kind(stack).items()}
        show("assistant, through gateway", our_run)
        print(f"  {'throughput ratio':28}{our_run.rate() / stock_run.rate():7.2f}x")
        print("  the assistant's CPU per message: " + ", ".join(
            f"{kind} {spent / len(our_run.latencies) * 1000:.0f} ms"
            for kind, spent in used.items()))


def show(name: str, run: Run) -> None:
    print(f"  {name:28}{run.rate():8.1f}{run.percentile(50):9.0f}{run.percentile(95):9.0f}"
          f"{run.percentile(99):9.0f}{run.errors:8d}{len(run.latencies):8d}", flush=True)


async def soak(stack: Stack, clients: int, seconds: float) -> None:
    print(f"\nSoak: {clients} conversations at once through the gateway for {seconds:g} s")
    print(f"{'minute':>7}{'msg/s':>8}{'p95 ms':>9}{'errors':>8}  resident memory, MB")
    conversation = gateway_conversation(stack)
    end = time.perf_counter() + seconds
    minute = 0
    while time.perf_counter() < end:
        minute += 1
        run = await measure(conversation, clients, min(60.0, end - time.perf_counter()))
        memory = ", ".join(f"{name} {resident_mb(process.pid):.0f}"
                           for name, process in stack.processes.items())
        print(f"{minute:7d}{run.rate():8.1f}{run.percentile(95):9.0f}{run.errors:8d}  {memory}",
              flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--levels", type=int, nargs="*", default=[1, 20, 50],
                        help="conversations at once (default 1 20 50); none to skip")
    parser.add_argument("--seconds", type=float, default=30, help="length of each measurement")
    parser.add_argument("--processes", type=int, default=None,
                        help="Rasa processes (default: RASA_PROCESSES, else as make run)")
    parser.add_argument("--database", default=None, help="DATABASE_URL (default: fresh SQLite)")
    parser.add_argument("--redis", default=None, help="REDIS_URL (default: none)")
    parser.add_argument("--soak", type=float, default=0, help="soak seconds at 20 conversations")
    args = parser.parse_args()
    # One client address sends everything here: lift the per-address limit for this stack only.
    os.environ["WEB_ADDRESS_RATE"] = "1000000"
    with tempfile.TemporaryDirectory(prefix="bench-load-") as folder:
        settings = {} if args.processes is None else {"rasa_processes": args.processes}
        stack = Stack(rasa_port=spare_port(), action_port=spare_port(), web_port=spare_port(),
                      web_host="127.0.0.1",
                      db_url=args.database or f"sqlite:///{folder}/intake.db",
                      redis_url=args.redis, var_dir=Path(folder), **settings)
        print("Starting the assistant and the stock bot on spare ports...", flush=True)
        stock = StockBot(Path(folder) / "stock-bot.log") if args.levels else None
        stack.start()
        try:
            print(f"Assistant: {stack.rasa_processes} Rasa process(es); "
                  f"{'PostgreSQL' if args.database else 'SQLite'}"
                  f"{', Redis' if args.redis else ''}; 2 cores", flush=True)
            if stock is not None:
                asyncio.run(compare(stack, stock, args.levels, args.seconds))
            if args.soak:
                asyncio.run(soak(stack, 20, args.soak))
        finally:
            stack.stop()
            if stock is not None:
                stock.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
