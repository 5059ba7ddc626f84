"""What the web gateway costs: one turn's latency through it, beside the same turn to Rasa.

Starts its own stack (Rasa, action server, web app) on spare ports with a fresh SQLite database
in a temporary folder, so a running `make run` is not disturbed. Every request goes to
127.0.0.1, in loops bounded by count (and a 60 s timeout each); then everything is stopped.

    .venv/bin/python bench/gateway.py [--conversations 20] [--sequential 5]

Each conversation is the same scripted run of button payloads (as the widget sends them),
so both paths do the same dialogue work; only the hop through the gateway differs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path

import aiohttp

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.runtime.stack import Stack  # noqa: E402 (after the path set-up above)

SCRIPT = ["/greet", "/affirm", "/continue", '/inform{"format":"group"}', '/inform{"mode":"any"}',
          '/inform{"time":"morning"}', "/skip", "/skip"]
TIMEOUT = aiohttp.ClientTimeout(total=60)

Conversation = Callable[[], Awaitable[list[float]]]


def spare_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def straight_to_rasa(stack: Stack) -> Conversation:
    async def conversation() -> list[float]:
        sender, times = uuid.uuid4().hex, []
        async with aiohttp.ClientSession(timeout=TIMEOUT) as client:
            for message in SCRIPT:
                started = time.perf_counter()
                async with client.post(f"{stack.rasa_url}/webhooks/rest/webhook",
                                       json={"sender": sender, "message": message,
                                             "metadata": {"site": "northbrook"}}) as response:
                    assert response.status == 200 and await response.json()
                times.append(time.perf_counter() - started)
        return times

    return conversation


def through_the_gateway(stack: Stack) -> Conversation:
    async def conversation() -> list[float]:
        times = []
        async with aiohttp.ClientSession(timeout=TIMEOUT,
                                         cookie_jar=aiohttp.CookieJar(unsafe=True)) as client:
            for message in SCRIPT:
                started = time.perf_counter()
                async with client.post(f"{stack.web_url}/api/chat",
                                       json={"payload": message, "message": message,
                                             "site": "northbrook"}) as response:
                    assert response.status == 200, await response.text()
                    assert (await response.json())["messages"]
                times.append(time.perf_counter() - started)
        return times

    return conversation


async def measure(conversation: Conversation, concurrent: int, rounds: int) -> list[float]:
    """``rounds`` batches of ``concurrent`` conversations at once; every turn's latency."""
    times: list[float] = []
    for _ in range(rounds):
        for result in await asyncio.gather(*(conversation() for _ in range(concurrent))):
            times.extend(result)
    return times


def percentiles(times: list[float]) -> tuple[float, float]:
    cuts = statistics.quantiles(times, n=100, method="inclusive")
    return cuts[49] * 1000, cuts[94] * 1000


async def run(stack: Stack, sequential: int, concurrent: int) -> None:
    paths = {"straight to Rasa's webhook": straight_to_rasa(stack),
             "through the web gateway": through_the_gateway(stack)}
    for conversation in paths.values():  # warm up both paths (first-request costs)
        await conversation()
    print(f"\nOne turn, in ms ({len(SCRIPT)} turns per conversation; 2 cores; SQLite)")
    print(f"{'':34}{'p50':>8}{'p95':>8}{'turns':>8}")
    for label, concurrent_now, rounds in (("1 conversation at a time", 1, sequential),
                                          (f"{concurrent} conversations at once", concurrent, 1)):
        print(label)
        figures = {}
        for name, conversation in paths.items():
            times = await measure(conversation, concurrent_now, rounds)
            figures[name] = percentiles(times)
            p50, p95 = figures[name]
            print(f"  {name:32}{p50:8.1f}{p95:8.1f}{len(times):8d}")
        direct, gateway = figures.values()
        print(f"  {'gateway cost':32}{gateway[0] - direct[0]:+8.1f}{gateway[1] - direct[1]:+8.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--conversations", type=int, default=20,
                        help="conversations at once in the concurrent run (default 20)")
    parser.add_argument("--sequential", type=int, default=5,
                        help="conversations one after another in the first run (default 5)")
    args = parser.parse_args()
    # One client address sends everything here: lift the per-address limit for this stack only.
    os.environ["WEB_ADDRESS_RATE"] = "100000"
    with tempfile.TemporaryDirectory(prefix="bench-gateway-") as folder:
        stack = Stack(rasa_port=spare_port(), action_port=spare_port(), web_port=spare_port(),
                      web_host="127.0.0.1", db_url=f"sqlite:///{folder}/intake.db",
                      redis_url=None, var_dir=Path(folder))
        print("Starting Rasa, the action server and the web app on spare ports...", flush=True)
        stack.start()
        try:
            asyncio.run(run(stack, args.sequential, args.conversations))
        finally:
            stack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
