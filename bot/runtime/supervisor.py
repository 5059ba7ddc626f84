"""Keeping the processes running: a process that exits is started again.

`make run` starts the Rasa server, the action server and the web app (bot/runtime/stack.py) and
then watches them here. One that stops is restarted after a pause that doubles with each crash
(1 s, 2 s, 4 s... up to ``SUPERVISE_BACKOFF_MAX``), so a process that fails at once is not
restarted in a tight loop. Only when the same process has crashed ``SUPERVISE_MAX_CRASHES``
times within ``SUPERVISE_WINDOW`` seconds does the runner give up, stop the others and say
which one and where its log is: something is wrong that a restart will not mend.

While a process is down the web app answers at once with the polite message (the gateway's
connection to Rasa is refused; Rasa's call to the action server is refused), so a mother is
never left waiting on a dead process. What is logged: the process's name, exit code, the pause
and the count; never a message or anything of hers.
"""

from __future__ import annotations

import logging
import os
import time
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the runner (bot.runtime.stack) imports this module
    from bot.runtime.stack import Stack

logger = logging.getLogger(__name__)


class SuperviseConfigError(Exception):
    """A SUPERVISE_* setting is invalid; the message names it."""


@dataclass(frozen=True)
class SuperviseConfig:
    """When to restart a process that stopped, and when to give up (docs/deployment.md)."""

    #: Give up when one process has crashed this many times within ``window`` seconds.
    max_crashes: int = 5
    window: float = 300.0
    #: Pause before the first restart; it doubles with each crash counted in the window.
    backoff_initial: float = 1.0
    backoff_max: float = 30.0

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> SuperviseConfig:
        env = os.environ if env is None else env
        defaults = cls()
        return cls(
            max_crashes=int(_positive(env, "SUPERVISE_MAX_CRASHES", defaults.max_crashes,
                                      whole=True)),
            window=_positive(env, "SUPERVISE_WINDOW", defaults.window),
            backoff_initial=_positive(env, "SUPERVISE_BACKOFF_INITIAL", defaults.backoff_initial),
            backoff_max=_positive(env, "SUPERVISE_BACKOFF_MAX", defaults.backoff_max),
        )


def _positive(env: Mapping[str, str], name: str, default: float, whole: bool = False) -> float:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = 0
    if value <= 0:
        kind = "a whole number" if whole else "a number of seconds"
        raise SuperviseConfigError(f"{name} must be {kind} greater than 0, found {raw!r}")
    return value


class RestartPolicy:
    """For one process: how long to wait before restarting it after a crash, or to give up."""

    def __init__(self, config: SuperviseConfig,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.config = config
        self._clock = clock
        self._crashes: deque[float] = deque()

    @property
    def recent_crashes(self) -> int:
        """Crashes counted in the window, as of the last :meth:`crashed`."""
        return len(self._crashes)

    def crashed(self) -> float | None:
        """Count a crash now: the pause before restarting, or ``None`` to give up."""
        now = self._clock()
        while self._crashes and self._crashes[0] <= now - self.config.window:
            self._crashes.popleft()
        self._crashes.append(now)
        if len(self._crashes) >= self.config.max_crashes:
            return None
        return min(self.config.backoff_max,
                   self.config.backoff_initial * 2 ** (len(self._crashes) - 1))


class GaveUp(Exception):
    """A process kept crashing; the message says which and what to do."""


class Supervisor:
    """Watches a started :class:`Stack` and restarts what stops, per :class:`RestartPolicy`."""

    def __init__(self, stack: Stack, config: SuperviseConfig,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.stack = stack
        self.config = config
        self._clock = clock
        self._policies = {name: RestartPolicy(config, clock) for name in stack.commands}
        self._due: dict[str, float] = {}  # process -> when to restart it

    def check(self) -> None:
        """One look: note what has stopped and restart what is due. Raises :class:`GaveUp`."""
        now = self._clock()
        for name, code in self.stack.exited().items():
            if name in self._due:
                continue
            policy = self._policies[name]
            pause = policy.crashed()
            if pause is None:
                raise GaveUp(
                    f"The {name} stopped {policy.recent_crashes} times within "
                    f"{self.config.window:g} s (last exit code {code}); giving up and stopping "
                    f"the rest. Its log is in {self.stack.var_dir / 'logs'}.")
            logger.warning("The %s stopped (exit code %s); restarting it in %g s "
                           "(%d crash(es) within %g s; the runner gives up at %d)", name, code,
                           pause, policy.recent_crashes, self.config.window,
                           self.config.max_crashes)
            self._due[name] = now + pause
        for name, when in list(self._due.items()):
            if when <= now:
                del self._due[name]
                self.stack.restart(name)
                logger.warning("The %s was started again", name)

    def run(self, interval: float = 0.5) -> None:
        """Check every ``interval`` seconds until :class:`GaveUp` (or KeyboardInterrupt)."""
        while True:
            self.check()
            time.sleep(interval)
