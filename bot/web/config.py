"""The web app's settings, from environment variables, and its session secret.

Every setting has a default that suits `make run` on one machine; docs/web.md lists them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.fernet import Fernet

from bot.records.database import REPO_ROOT, database_url
from bot.records.keys import InvalidKey, load_or_create_key

DEFAULT_SECRET_FILE = REPO_ROOT / "var" / "web-secret.key"
SAMESITE_VALUES = ("Strict", "Lax", "None")


class WebConfigError(Exception):
    """A web setting is invalid; the message names the variable."""


@dataclass(frozen=True)
class WebConfig:
    host: str = "0.0.0.0"
    port: int = 8080
    #: The Rasa servers' base URLs (WEB_RASA_URL, separated by spaces or commas).
    rasa_urls: tuple[str, ...] = ("http://127.0.0.1:5005",)
    db_url: str = field(default_factory=database_url)
    #: A Fernet key (url-safe base64 of 32 bytes): encrypts and signs the session cookie.
    secret_key: str = field(default_factory=lambda: Fernet.generate_key().decode())
    #: Only over HTTPS; set in production, where a proxy terminates TLS in front of the app.
    cookie_secure: bool = False
    cookie_samesite: str = "Strict"
    #: A conversation is forgotten by the browser this long after her last message.
    session_max_age: int = 24 * 3600
    #: Origins of programme websites allowed to show the chat in their pages (frame-ancestors).
    embed_origins: tuple[str, ...] = ()
    #: Take the client address from the last X-Forwarded-For entry (behind a reverse proxy).
    trust_forwarded: bool = False
    max_message_chars: int = 2000
    #: Largest request body accepted; a 2,000-character message is at most ~24 KB of JSON.
    max_body_bytes: int = 32 * 1024
    conversation_rate: int = 20  # messages per minute, per conversation
    address_rate: int = 120  # messages per minute, per client address (mobile networks share)
    #: Where the rate limits are counted, shared by every web process (REDIS_URL); None: here.
    redis_url: str | None = None
    #: Longest wait for a reply before she gets the polite message (WEB_RASA_TIMEOUT).
    rasa_timeout: float = 10.0

    @classmethod
    def from_env(cls) -> WebConfig:
        env = os.environ
        secret_file = Path(env.get("WEB_SECRET_KEY_FILE") or DEFAULT_SECRET_FILE)
        samesite = env.get("WEB_COOKIE_SAMESITE", "Strict").strip().capitalize()
        if samesite not in SAMESITE_VALUES:
            raise WebConfigError(f"WEB_COOKIE_SAMESITE must be one of {', '.join(SAMESITE_VALUES)}")
        secure = _flag(env, "WEB_COOKIE_SECURE")
        if samesite == "None" and not secure:
            raise WebConfigError("WEB_COOKIE_SAMESITE=None needs WEB_COOKIE_SECURE=true (HTTPS)")
        listed = env.get("WEB_EMBED_ORIGINS", "").replace(",", " ").split()
        origins = tuple(o.rstrip("/") for o in listed)
        for origin in origins:
            if not re.match(r"^https?://[^/\s;']+$", origin):
                raise WebConfigError(f"WEB_EMBED_ORIGINS: {origin!r} is not an origin such as "
                                     "https://www.northbrook.example.org")
        return cls(
            host=env.get("WEB_HOST", "0.0.0.0"),
            port=_number(env, "WEB_PORT", 8080),
            rasa_urls=_urls(env, "WEB_RASA_URL", "http://127.0.0.1:5005"),
            db_url=database_url(),
            secret_key=load_secret_key(env.get("WEB_SECRET_KEY"), secret_file),
            cookie_secure=secure,
            cookie_samesite=samesite,
            embed_origins=origins,
            trust_forwarded=_flag(env, "WEB_TRUST_FORWARDED"),
            max_message_chars=_number(env, "WEB_MAX_MESSAGE_CHARS", 2000),
            conversation_rate=_number(env, "WEB_CONVERSATION_RATE", 20),
            address_rate=_number(env, "WEB_ADDRESS_RATE", 120),
            rasa_timeout=float(_number(env, "WEB_RASA_TIMEOUT", 10)),
            redis_url=env.get("REDIS_URL", "").strip() or None,
        )


def load_secret_key(value: str | None, path: Path) -> str:
    """The session key: ``WEB_SECRET_KEY`` if set, else the one kept in ``path``.

    When neither exists a key is generated and written to ``path`` (mode 0600), so a restart
    keeps mothers' sessions (bot.records.keys).
    """
    try:
        return load_or_create_key(value, path, "WEB_SECRET_KEY")
    except InvalidKey as exc:
        raise WebConfigError(f"{exc} (a session key)") from exc


def _urls(env: Mapping[str, str], name: str, default: str) -> tuple[str, ...]:
    listed = (env.get(name) or default).replace(",", " ").split()
    for url in listed:
        if not re.match(r"^https?://[^/\s]+/?$", url):
            raise WebConfigError(f"{name}: {url!r} is not a server's base URL such as "
                                 "http://127.0.0.1:5005")
    return tuple(url.rstrip("/") for url in listed) or (default,)


def _flag(env: Mapping[str, str], name: str) -> bool:
    return env.get(name, "").strip().lower() in ("1", "true", "yes", "on")


def _number(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) <= 0:
        raise WebConfigError(f"{name} must be a whole number greater than 0, found {raw!r}")
    return int(raw)
