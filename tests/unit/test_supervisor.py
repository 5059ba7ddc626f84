"""The runner's restart rules: pauses that double, a cap, and giving up only after repeated
crashes within the window (bot/runtime/supervisor.py). The end-to-end test, killing the real
processes, is tests/integration/test_supervision.py."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from bot.runtime.stack import Stack, StackConfigError
from bot.runtime.supervisor import (
    GaveUp,
    RestartPolicy,
    SuperviseConfig,
    SuperviseConfigError,
    Supervisor,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_the_pause_doubles_with_each_crash_up_to_the_cap() -> None:
    clock = Clock()
    policy = RestartPolicy(SuperviseConfig(max_crashes=10, window=300, backoff_initial=1,
                                           backoff_max=5), clock)
    pauses = []
    for _ in range(5):
        pauses.append(policy.crashed())
        clock.now += 1
    assert pauses == [1, 2, 4, 5, 5]


def test_gives_up_at_the_nth_crash_within_the_window() -> None:
    clock = Clock()
    policy = RestartPolicy(SuperviseConfig(max_crashes=3, window=60), clock)
    assert policy.crashed() is not None
    clock.now += 10
    assert policy.crashed() is not None
    clock.now += 10
    assert policy.crashed() is None


def test_crashes_older_than_the_window_are_forgotten() -> None:
    """A process that crashes once an hour is restarted for ever, with the shortest pause."""
    clock = Clock()
    policy = RestartPolicy(SuperviseConfig(max_crashes=2, window=60, backoff_initial=1), clock)
    for _ in range(20):
        assert policy.crashed() == 1
        clock.now += 61


def test_settings_from_the_environment() -> None:
    config = SuperviseConfig.from_env({"SUPERVISE_MAX_CRASHES": "4", "SUPERVISE_WINDOW": "30",
                                       "SUPERVISE_BACKOFF_INITIAL": "0.5",
                                       "SUPERVISE_BACKOFF_MAX": "8"})
    assert config == SuperviseConfig(max_crashes=4, window=30, backoff_initial=0.5,
                                     backoff_max=8)
    assert SuperviseConfig.from_env({}) == SuperviseConfig()


@pytest.mark.parametrize("name, value", [("SUPERVISE_MAX_CRASHES", "2.5"),
                                         ("SUPERVISE_MAX_CRASHES", "0"),
                                         ("SUPERVISE_WINDOW", "-1"),
                                         ("SUPERVISE_BACKOFF_MAX", "soon")])
def test_a_wrong_setting_is_named(name: str, value: str) -> None:
    with pytest.raises(SuperviseConfigError, match=name):
        SuperviseConfig.from_env({name: value})


def _stack_of(tmp_path: Path, code: str) -> Stack:
    """A stack of one real process running ``code`` (no servers)."""
    stack = Stack(var_dir=tmp_path, db_url=f"sqlite:///{tmp_path / 'x.db'}")
    stack.commands["worker"] = ([sys.executable, "-c", code], tmp_path / "worker.log", {})
    stack.restart("worker")
    return stack


def _wait_for_exit(stack: Stack) -> None:
    deadline = time.monotonic() + 10
    while not stack.exited():
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_a_process_that_stops_is_started_again_after_the_pause(tmp_path: Path) -> None:
    stack = _stack_of(tmp_path, "import sys; print('up', flush=True); sys.exit(3)")
    clock = Clock()
    supervisor = Supervisor(stack, SuperviseConfig(backoff_initial=2), clock)
    try:
        _wait_for_exit(stack)
        first = stack.processes["worker"]
        supervisor.check()  # noted: restart due in 2 s
        assert stack.processes["worker"] is first
        clock.now += 2
        supervisor.check()
        assert stack.processes["worker"] is not first
        _wait_for_exit(stack)
        assert (tmp_path / "worker.log").read_text().count("up") == 2
    finally:
        stack.stop()


def test_a_process_that_keeps_crashing_makes_the_runner_give_up(tmp_path: Path) -> None:
    stack = _stack_of(tmp_path, "import sys; sys.exit(7)")
    clock = Clock()
    supervisor = Supervisor(stack, SuperviseConfig(max_crashes=3, backoff_initial=1), clock)
    try:
        for _ in range(2):
            _wait_for_exit(stack)
            supervisor.check()
            clock.now += 5
            supervisor.check()  # restarted
        _wait_for_exit(stack)
        with pytest.raises(GaveUp, match=r"worker stopped 3 times within 300 s .*exit code 7"):
            supervisor.check()
    finally:
        stack.stop()


def test_several_rasa_servers_are_numbered_on_consecutive_ports(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASA_PROCESSES", "3")
    stack = Stack(rasa_port=7005)
    assert stack.rasa_servers == {"Rasa server 1": "http://127.0.0.1:7005",
                                  "Rasa server 2": "http://127.0.0.1:7006",
                                  "Rasa server 3": "http://127.0.0.1:7007"}
    assert Stack(rasa_port=7005, rasa_processes=1).rasa_servers == {
        "Rasa server": "http://127.0.0.1:7005"}
    for wrong in ("0", "two", "17"):
        monkeypatch.setenv("RASA_PROCESSES", wrong)
        with pytest.raises(StackConfigError, match="RASA_PROCESSES"):
            Stack()
