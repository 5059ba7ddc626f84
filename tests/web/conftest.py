"""Fixtures for the web app: extra web app instances, a fake Rasa, headless Chromium.

The session ``stack`` (tests/conftest.py) runs the real web app on port 18080 in front of the
real Rasa. Tests that need the gateway configured differently (tight limits, Rasa down) start
another instance of the same program, ``python -m bot.web``, with its own settings.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from bot.records.database import REPO_ROOT
from bot.runtime.stack import Stack
from tests.environment import unavailable

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
SCREENSHOTS = REPO_ROOT / "tests" / "screenshots"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def web_app(stack: Stack, **settings: str) -> Iterator[str]:
    """Another web app process in front of the stack's database; yields its base URL.

    ``settings`` are WEB_* environment variables without the prefix, e.g. rasa_url=...;
    by default it talks to the stack's Rasa and has a session key of its own."""
    port = free_port()
    env = {**os.environ, "DATABASE_URL": stack.db_url, "WEB_HOST": "127.0.0.1",
           "WEB_PORT": str(port), "WEB_RASA_URL": stack.rasa_url,
           "WEB_SECRET_KEY": Fernet.generate_key().decode()}
    env.update({f"WEB_{name.upper()}": value for name, value in settings.items()})
    log = stack.var_dir / "logs" / f"web-{port}.log"
    with log.open("ab") as out:
        process = subprocess.Popen([sys.executable, "-m", "bot.web"], cwd=REPO_ROOT, env=env,
                                   stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            assert process.poll() is None, f"web app exited; see {log}"
            try:
                with urllib.request.urlopen(f"{url}/healthz", timeout=2):
                    break
            except (urllib.error.URLError, OSError):
                assert time.monotonic() < deadline, "web app did not start"
                time.sleep(0.2)
        yield url
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(15)


class FakeRasa:
    """A stand-in for Rasa's REST webhook; a test may change its answer as it goes."""

    def __init__(self, replies: object, status: int = 200, delay: float = 0.0) -> None:
        self.replies, self.status, self.delay = replies, status, delay
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's naming)
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                time.sleep(fake.delay)
                body = json.dumps(fake.replies).encode()
                self.send_response(fake.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *_args: object) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"

    def __enter__(self) -> FakeRasa:
        threading.Thread(target=self._server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()


@contextmanager
def silent_rasa() -> Iterator[str]:
    """A port that accepts connections and never answers: Rasa hung or very slow."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


def closed_port_url() -> str:
    """A port nothing listens on: Rasa down."""
    return f"http://127.0.0.1:{free_port()}"


def conversation_id(stack: Stack, cookie_value: str) -> str:
    """The conversation inside a session cookie: only the server's key can open it.

    The browser may hand the value back in double quotes: the cookie module quotes a value
    that ends in base64 padding ('='), so whether it does depends on the token's length.
    """
    key = (stack.var_dir / "web-secret.key").read_text().strip()
    token = cookie_value.strip('"').encode()
    return json.loads(Fernet(key.encode()).decrypt(token))["session"]["cid"]


# --------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    """Debian's Chromium driven by Playwright (never Playwright's own browser download).

    One per test module: Playwright's sync API keeps an event loop running in the main thread
    while it is open, which would break the asyncio tests of any module collected after it."""
    if not CHROMIUM.exists():
        reason = (f"headless Chromium is not installed at {CHROMIUM}: `make test` installs it "
                  "as root (apt-get install chromium)")
        unavailable(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser, stack: Stack):  # type: ignore[no-untyped-def]
    """A fresh browser profile (no cookies) the size of a phone."""
    context = browser.new_context(viewport={"width": 375, "height": 740}, base_url=stack.web_url)
    context.set_default_timeout(20_000)
    yield context
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
