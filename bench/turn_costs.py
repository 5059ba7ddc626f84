"""Where one turn's time goes: a per-turn breakdown of the assistant's work.

Loads the trained model in this process as Rasa's server does (same endpoints: the SQL tracker
store on a throw-away SQLite database, the real action server started on a spare port), and
times each part of every turn of a scripted intake typed as a mother would type it:

- the NLU pipeline, and within it each component (the safety net among them);
- the dialogue policies, once per action predicted;
- the action server's round trips (HTTP, the tracker sent as JSON, the action's own work);
- the tracker store's reads and writes;
- Rasa's own bookkeeping (everything else inside the turn).

    .venv/bin/python bench/turn_costs.py [--conversations 10]

Prints the mean milliseconds per turn of each part and how often it ran per turn. Nothing is
asserted; the figures are for finding where to make a turn cheaper. To look deeper, set
``PROFILE_RASA=file`` (cProfile of Rasa's side of the timed turns) or ``PROFILE_ACTIONS=file``
(cProfile of the action server) and read the file with ``pstats``.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from bench.gateway import spare_port  # noqa: E402
from bench.run import SCRIPT as INTAKE_SCRIPT  # noqa: E402
from bot.runtime import rasa_server  # noqa: E402
from bot.runtime.stack import endpoints_config  # noqa: E402
from bot.runtime.tracker_store import ResilientSQLTrackerStore  # noqa: E402
from bot.runtime.training import ensure_model  # noqa: E402


class Timings:
    """Seconds and calls per named part, with a stack so that nested parts are not counted
    twice in the outer one (a remote action inside the slot extraction counts once)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: dict[str, int] = defaultdict(int)
        self._open: list[list[float]] = []

    @contextmanager
    def part(self, name: str) -> Iterator[None]:
        started, inner = time.perf_counter(), [0.0]
        self._open.append(inner)
        try:
            yield
        finally:
            self._open.pop()
            elapsed = time.perf_counter() - started
            self.seconds[name] += elapsed - inner[0]
            self.calls[name] += 1
            if self._open:
                self._open[-1][0] += elapsed


def wrap(owner: Any, attribute: str, name: Callable[..., str] | str, timings: Timings) -> None:
    """Time every call of ``owner.attribute`` (sync or async) under ``name``."""
    original = getattr(owner, attribute)
    label = name if callable(name) else (lambda *_a, **_k: name)

    if asyncio.iscoroutinefunction(original):
        async def timed_async(*args: Any, **kwargs: Any) -> Any:
            with timings.part(label(*args, **kwargs)):
                return await original(*args, **kwargs)
        setattr(owner, attribute, timed_async)
    else:
        def timed(*args: Any, **kwargs: Any) -> Any:
            with timings.part(label(*args, **kwargs)):
                return original(*args, **kwargs)
        setattr(owner, attribute, timed)


def instrument(timings: Timings) -> None:
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor
    from rasa.engine.graph import GraphNode
    from rasa.utils.endpoints import EndpointConfig

    wrap(MessageProcessor, "handle_message", "Rasa's own bookkeeping", timings)
    wrap(GraphNode, "__call__", lambda node, *_: f"  component: {node._component_class.__name__}",
         timings)
    wrap(RemoteAction, "run", lambda action, *_a, **_k: f"action server: {action.name()}",
         timings)
    wrap(RemoteAction, "_action_call_format", "action call: tracker to JSON", timings)
    wrap(EndpointConfig, "request", "action call: HTTP", timings)
    wrap(ResilientSQLTrackerStore, "_retrieve", "tracker store: read", timings)
    wrap(ResilientSQLTrackerStore, "save", "tracker store: write", timings)


def wait_until_up(url: str, server: subprocess.Popen, within: float = 120.0) -> None:
    deadline = time.monotonic() + within
    while True:
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the action server did not start ({url})") from None
            time.sleep(0.5)


async def run(model: Path, endpoints: Path, conversations: int, timings: Timings) -> int:
    from rasa.core.agent import load_agent
    from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
    from rasa.core.utils import AvailableEndpoints

    rasa_server.apply()  # as Rasa's server is started (bot/runtime/rasa_server.py)
    agent = await load_agent(model_path=str(model),
                             endpoints=AvailableEndpoints.read_endpoints(str(endpoints)))
    turns = 0
    for index in range(conversations + 1):  # the first is a warm-up, not counted
        if index == 1:
            timings.seconds.clear()
            timings.calls.clear()
        sender = uuid.uuid4().hex
        for text in INTAKE_SCRIPT:
            channel = CollectingOutputChannel()
            await agent.handle_message(UserMessage(text, channel, sender,
                                                   metadata={"site": "northbrook"}))
            if index:
                turns += 1
    return turns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=10)
    args = parser.parse_args()
    model = ensure_model()
    with tempfile.TemporaryDirectory(prefix="bench-turn-") as folder:
        db_url = f"sqlite:///{folder}/intake.db"
        port = spare_port()
        endpoints = Path(folder) / "endpoints.yml"
        endpoints.write_text(yaml.safe_dump(endpoints_config(db_url, None, port)))
        os.environ.update(DATABASE_URL=db_url, RASA_TELEMETRY_ENABLED="false")
        profile = os.environ.get("PROFILE_ACTIONS")
        server = subprocess.Popen(
            [sys.executable, *(["-m", "cProfile", "-o", profile] if profile else []),
             "-m", "actions.server", "--actions", "actions", "--port", str(port),
             "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_until_up(f"http://127.0.0.1:{port}/health", server)
            timings = Timings()
            instrument(timings)
            if os.environ.get("PROFILE_RASA"):
                import cProfile
                with cProfile.Profile() as profiler:
                    turns = asyncio.run(run(model, endpoints, args.conversations, timings))
                profiler.dump_stats(os.environ["PROFILE_RASA"])
            else:
                turns = asyncio.run(run(model, endpoints, args.conversations, timings))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait()
    total = sum(timings.seconds.values())
    print(f"\nOne turn, mean over {turns} turns ({args.conversations} conversations of "
          f"{len(INTAKE_SCRIPT)} typed messages; SQLite; action server on loopback)")
    print(f"{'part':52}{'ms/turn':>9}{'calls/turn':>12}{'share':>8}")
    for name, seconds in sorted(timings.seconds.items(), key=lambda item: -item[1]):
        print(f"{name:52}{seconds / turns * 1000:9.1f}{timings.calls[name] / turns:12.2f}"
              f"{seconds / total:8.0%}")
    print(f"{'total':52}{total / turns * 1000:9.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
