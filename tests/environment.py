"""What a test does when something outside the project is missing (PostgreSQL, Chromium).

Outside CI it skips with the reason; under CI (``CI`` set to any true value: 1, true, yes, on)
it fails, so a CI machine that lost a service cannot pass by skipping. The project's own files
are never a reason to skip: a test that needs one simply reads it.
"""

from __future__ import annotations

import os
from typing import NoReturn

import pytest

TRUE_VALUES = ("1", "true", "yes", "on")


def in_ci() -> bool:
    """True when the ``CI`` environment variable is set to any true value."""
    return os.environ.get("CI", "").strip().lower() in TRUE_VALUES


def unavailable(reason: str) -> NoReturn:
    """Fail under CI, skip elsewhere, saying what is missing."""
    if in_ci():
        pytest.fail(reason)
    pytest.skip(reason)
