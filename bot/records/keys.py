"""Fernet keys from the environment or a private file, and the data key for what is stored
encrypted (contact details, staff second-factor secrets).

A key given in the environment wins; else it is read from its file, which is created on first
use with mode 0600 (never committed: ``var/`` is ignored by git). ``O_EXCL`` makes two processes
starting at once agree on one key.
"""

from __future__ import annotations

import base64
import binascii
import functools
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken

from bot.records.database import REPO_ROOT

DEFAULT_DATA_KEY_FILE = REPO_ROOT / "var" / "data.key"
MAKE_ONE = ("python -c \"from cryptography.fernet import Fernet; "
            "print(Fernet.generate_key().decode())\"")


class InvalidKey(ValueError):
    """A configured key is not a Fernet key; the message names where it came from."""


def load_or_create_key(value: str | None, path: Path, name: str) -> str:
    """The key ``value`` (from the variable ``name``) if set, else the one kept in ``path``."""
    if value:
        return checked_key(value.strip(), name)
    try:
        return checked_key(path.read_text().strip(), str(path))
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key().decode()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return checked_key(path.read_text().strip(), str(path))
    with os.fdopen(fd, "w") as handle:
        handle.write(key + "\n")
    return key


def checked_key(key: str, source: str) -> str:
    try:
        valid = len(base64.urlsafe_b64decode(key.encode())) == 32
    except (binascii.Error, ValueError):
        valid = False
    if not valid:
        raise InvalidKey(f"{source}: not a key. Make one with: {MAKE_ONE}")
    return key


@functools.cache
def data_cipher() -> Fernet:
    """The data key: ``STAFF_DATA_KEY``, else ``STAFF_DATA_KEY_FILE`` (default var/data.key).

    Losing it loses the encrypted contact details: back it up with the database."""
    path = Path(os.environ.get("STAFF_DATA_KEY_FILE") or DEFAULT_DATA_KEY_FILE)
    return Fernet(load_or_create_key(os.environ.get("STAFF_DATA_KEY"), path, "STAFF_DATA_KEY"))


def seal(text: str) -> str:
    """``text`` encrypted and signed with the data key."""
    return data_cipher().encrypt(text.encode()).decode()


def unseal(token: str) -> str:
    """The text of a :func:`seal` token. Raises ``InvalidToken`` for a wrong key or tampering."""
    return data_cipher().decrypt(token.encode()).decode()


def is_sealed(value: str) -> bool:
    """Whether ``value`` is a token of the data key (and not plaintext from before)."""
    try:
        unseal(value)
    except (InvalidToken, ValueError):
        return False
    return True
