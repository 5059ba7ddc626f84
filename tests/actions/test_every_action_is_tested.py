"""Every custom action the action server registers has tests here, and the domain lists it."""

from __future__ import annotations

import re
from pathlib import Path

from rasa_sdk.types import DomainDict

from tests.actions.harness import action_classes

HERE = Path(__file__).parent


def test_every_action_class_is_run_by_a_test() -> None:
    tested: set[str] = set()
    for path in HERE.glob("test_*.py"):
        if path.name != Path(__file__).name:
            tested |= set(re.findall(r'"((?:action|validate)_[a-z_]+)"', path.read_text()))
    missing = sorted(set(action_classes()) - tested)
    assert not missing, f"custom actions with no test in tests/actions: {missing}"


def test_the_domain_and_the_action_server_agree(domain: DomainDict) -> None:
    assert set(action_classes()) == set(domain["actions"])
