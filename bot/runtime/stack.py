"""Starting, watching and stopping the whole system: Rasa server, action server and web app.

`make run` uses :func:`main`; the integration tests start the same :class:`Stack` on their own
ports and database, so what is tested is what runs.
"""

from __future__ import annotations

import logging
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa
import yaml

from bot.alerts.staff_alerts import AlertConfig, AlertConfigError
from bot.records.database import REPO_ROOT, database_url, make_engine
from bot.runtime.supervisor import GaveUp, SuperviseConfig, SuperviseConfigError, Supervisor
from bot.runtime.training import ensure_model
from bot.sites.config import SiteConfigError, load_sites

VENV_BIN = Path(sys.executable).parent


def endpoints_config(db_url: str, redis_url: str | None, action_port: int) -> dict:
    """Rasa's endpoints for a database URL: the tracker store shares the intake database."""
    url = sa.engine.make_url(db_url)
    store = "bot.runtime.tracker_store.ResilientSQLTrackerStore"
    if url.get_backend_name() == "sqlite":
        tracker_store = {"type": store, "dialect": "sqlite", "db": url.database}
    else:
        tracker_store = {
            "type": store, "dialect": url.get_backend_name(), "url": url.host or "localhost",
            "port": url.port or 5432, "db": url.database, "username": url.username or "",
            "password": url.password or "",
        }
    config: dict = {
        "action_endpoint": {"url": f"http://127.0.0.1:{action_port}/webhook"},
        "tracker_store": tracker_store,
    }
    if redis_url:
        redis = sa.engine.make_url(redis_url.replace("redis://", "redis+x://", 1))
        config["lock_store"] = {
            "type": "bot.runtime.lock_store.AtomicRedisLockStore",
            "url": redis.host or "localhost", "port": redis.port or 6379,
            "db": int(redis.database or 0), "password": redis.password or None,
            "key_prefix": "intake",
        }
    return config


class StackConfigError(Exception):
    """A setting of the process layout is invalid; the message names it."""


def rasa_processes_from_env() -> int:
    """``RASA_PROCESSES``: how many Rasa servers to run (default 1)."""
    raw = (os.environ.get("RASA_PROCESSES") or "1").strip()
    if not raw.isdigit() or not 1 <= int(raw) <= 16:
        raise StackConfigError(
            f"RASA_PROCESSES must be a whole number from 1 to 16, found {raw!r}")
    return int(raw)


@dataclass
class Stack:
    """The Rasa servers, the action server and the web app as child processes.

    Rasa and the action server listen on 127.0.0.1 only; the web app is the one public
    process (``WEB_HOST``, all interfaces by default). With ``rasa_processes`` above one, the
    Rasa servers listen on consecutive ports from ``rasa_port`` and the web app spreads
    conversations over them (bot/web/rasa.py); they share the tracker store, and with
    ``REDIS_URL`` set, the lock store that keeps each conversation's turns in order."""

    rasa_port: int = field(default_factory=lambda: int(os.environ.get("RASA_PORT") or 5005))
    action_port: int = field(
        default_factory=lambda: int(os.environ.get("ACTION_SERVER_PORT") or 5055))
    web_port: int = field(default_factory=lambda: int(os.environ.get("WEB_PORT") or 8080))
    web_host: str = field(default_factory=lambda: os.environ.get("WEB_HOST") or "0.0.0.0")
    db_url: str = field(default_factory=database_url)
    redis_url: str | None = field(default_factory=lambda: os.environ.get("REDIS_URL") or None)
    var_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("INTAKE_VAR_DIR") or REPO_ROOT / "var"))
    model: Path | None = None
    rasa_processes: int = field(default_factory=rasa_processes_from_env)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)
    #: Extra WEB_* settings for the web app (the tests give a busy machine a longer wait).
    web_settings: dict[str, str] = field(default_factory=dict)
    #: How each process was started (command, log, extra environment), to start it again.
    commands: dict[str, tuple[list[str], Path, dict[str, str]]] = field(default_factory=dict)

    def _env(self) -> dict[str, str]:
        env = dict(os.environ)
        env.update(DATABASE_URL=self.db_url, SANIC_HOST="127.0.0.1", PYTHONUNBUFFERED="1")
        env.pop("REDIS_URL", None)
        if self.redis_url:
            env["REDIS_URL"] = self.redis_url
        # Rasa's own telemetry would try to reach the internet.
        env.setdefault("RASA_TELEMETRY_ENABLED", "false")
        env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
        return env

    def start(self, timeout: float = 240.0) -> None:
        """Start the servers and wait until each answers; the web app once Rasa is up."""
        load_sites()  # a broken site file stops start-up here, with its name and field
        make_engine(self.db_url).dispose()  # tables migrated (Alembic) before the first message
        model = self.model or ensure_model()
        logs = self.var_dir / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        endpoints = self.var_dir / f"endpoints-{self.rasa_port}.yml"
        endpoints.write_text(yaml.safe_dump(
            endpoints_config(self.db_url, self.redis_url, self.action_port)))
        self._spawn("action server", [
            str(VENV_BIN / "python"), "-m", "actions.server", "--actions", "actions",
            "--port", str(self.action_port), "--quiet",
        ], logs / f"actions-{self.action_port}.log")
        checks = {"action server": f"{self.action_url}/health"}
        for name, port in self._rasa_ports().items():
            self._spawn(name, [
                str(VENV_BIN / "python"), "-m", "bot.runtime.rasa_server", "run",
                "--model", str(model),
                "--endpoints", str(endpoints), "--credentials", str(REPO_ROOT / "credentials.yml"),
                "--interface", "127.0.0.1", "--port", str(port), "--quiet",
            ], logs / f"rasa-{port}.log")
            checks[name] = f"{self.rasa_servers[name]}/"
        deadline = time.monotonic() + timeout
        self._wait_until_up(checks, deadline)
        self._spawn("web app", [str(VENV_BIN / "python"), "-m", "bot.web"],
                    logs / f"web-{self.web_port}.log", {
                        "WEB_HOST": self.web_host, "WEB_PORT": str(self.web_port),
                        "WEB_RASA_URL": " ".join(self.rasa_servers.values()),
                        "WEB_SECRET_KEY_FILE": str(self.var_dir / "web-secret.key"),
                        **self.web_settings,
                    })
        self._wait_until_up({"web app": f"{self.web_url}/healthz"}, deadline)

    def _spawn(self, name: str, command: list[str], log: Path,
               extra_env: dict[str, str] | None = None) -> None:
        self.commands[name] = (command, log, extra_env or {})
        self.restart(name)

    def restart(self, name: str) -> None:
        """Start the named process (again), as it was first started; its log is appended to."""
        command, log, extra_env = self.commands[name]
        with log.open("ab") as out:
            self.processes[name] = subprocess.Popen(
                command, cwd=REPO_ROOT, env={**self._env(), **extra_env}, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True)

    @property
    def rasa_url(self) -> str:
        """The first Rasa server (the only one, unless ``rasa_processes`` is above one)."""
        return f"http://127.0.0.1:{self.rasa_port}"

    def _rasa_ports(self) -> dict[str, int]:
        """Each Rasa server's process name and port: "Rasa server" alone, else numbered."""
        if self.rasa_processes == 1:
            return {"Rasa server": self.rasa_port}
        return {f"Rasa server {n + 1}": self.rasa_port + n for n in range(self.rasa_processes)}

    @property
    def rasa_servers(self) -> dict[str, str]:
        """Each Rasa server's process name and URL."""
        return {name: f"http://127.0.0.1:{port}" for name, port in self._rasa_ports().items()}

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    @property
    def web_url(self) -> str:
        """Where this machine reaches the web app (loopback when it listens everywhere)."""
        host = "127.0.0.1" if self.web_host in ("", "0.0.0.0", "::") else self.web_host
        return f"http://{host}:{self.web_port}"

    def _wait_until_up(self, checks: dict[str, str], deadline: float) -> None:
        pending = dict(checks)
        while pending:
            dead = self.dead()
            if dead:
                self.stop()
                raise RuntimeError(f"the {dead} stopped during start-up; see var/logs/")
            for name, url in list(pending.items()):
                try:
                    with urllib.request.urlopen(url, timeout=2):
                        del pending[name]
                except (urllib.error.URLError, OSError):
                    pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"timed out waiting for: {', '.join(pending)}")
            time.sleep(0.5)

    def dead(self) -> str | None:
        """The name of a process that has exited, if any."""
        exited = self.exited()
        return next(iter(exited)) if exited else None

    def exited(self) -> dict[str, int]:
        """Each process that has exited, with its exit code (negative: killed by a signal)."""
        return {name: code for name, process in self.processes.items()
                if (code := process.poll()) is not None}

    def stop(self) -> None:
        """Stop every process (and its children), politely first."""
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + 15
        for process in self.processes.values():
            try:
                process.wait(max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()


def staff_alerts_line() -> str:
    """Where risk alerts go, for the start-up banner: nobody should run this believing staff
    are told when they are not."""
    try:
        config = AlertConfig.from_env()
    except AlertConfigError as exc:
        return f"OFF, a setting is wrong: {exc}"
    return "; ".join(config.describe())


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        supervise = SuperviseConfig.from_env()
    except SuperviseConfigError as exc:
        print(f"Setting error: {exc}", file=sys.stderr)
        return 2
    try:
        stack = Stack()
    except StackConfigError as exc:
        print(f"Setting error: {exc}", file=sys.stderr)
        return 2
    try:
        stack.start()
    except SiteConfigError as exc:
        print(f"Site configuration error: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:
        print(f"Could not start: {exc}", file=sys.stderr)
        return 1
    rasa_line = ", ".join(f"{url}/webhooks/rest/webhook" for url in stack.rasa_servers.values())
    print(
        "\nThe intake assistant is running (embedded SQLite database unless DATABASE_URL is set).\n"
        f"  Chat (demo programme page): {stack.web_url}/\n"
        f"  Chat on its own page:       {stack.web_url}/chat\n"
        f"  Widget for a programme:     <script src=\"{stack.web_url}/widget.js\" "
        "data-site=\"northbrook\" defer></script>\n"
        f"  Staff pages:                {stack.web_url}/staff/"
        "   (accounts: .venv/bin/bot staff add)\n"
        f"  Evaluator pages:            {stack.web_url}/evaluate/\n"
        f"  Web app listens on:         {stack.web_host}:{stack.web_port}"
        " (the only process reachable from other machines)\n"
        f"  Rasa (REST channel):        {rasa_line}\n"
        f"  Action server:              {stack.action_url}/webhook\n"
        f"  Staff alerts:               {staff_alerts_line()}\n"
        "  Chat in a terminal:         make shell   (in another terminal)\n"
        "  Export the records:         .venv/bin/bot export --format csv\n"
        f"  Logs:                       {stack.var_dir / 'logs'}/\n"
        "A process that stops is started again; Ctrl-C stops them all.\n", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: (_ for _ in ()).throw(KeyboardInterrupt()))
    try:
        Supervisor(stack, supervise).run()
    except GaveUp as exc:
        print(str(exc), file=sys.stderr, flush=True)
        return 1
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    finally:
        stack.stop()

