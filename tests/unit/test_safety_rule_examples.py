"""Every rule's own examples (bot/safety/rules/*.yml), run through the full matcher.

Each ``catches`` message must be flagged by THAT rule, with its category, after every
exception and negation check (``find_risks``); each ``ignores`` message must not be flagged by
that rule. A rule is reviewed data: its examples are its specification.
"""

from __future__ import annotations

import pytest

from bot.safety import RISK_CATEGORIES, find_risks, rule_names
from bot.safety.rulebook import RuleExamples, compile_pattern, examples, fragments

EXAMPLES = examples()


def _id(example: RuleExamples) -> str:
    return example.name


def test_every_rule_has_a_purpose_and_something_it_catches() -> None:
    assert [example.name for example in EXAMPLES] == rule_names()
    for example in EXAMPLES:
        assert example.category in RISK_CATEGORIES
        assert example.theme.strip(), f"{example.name} belongs to no theme"
        assert example.purpose.strip(), f"{example.name} has no purpose"
        assert "\n" not in example.purpose, f"{example.name}: the purpose is one line"
        assert example.catches, f"{example.name} has no example of what it catches"


@pytest.mark.parametrize("example", EXAMPLES, ids=_id)
def test_rule_catches_its_examples(example: RuleExamples) -> None:
    missed = [message for message in example.catches
              if (example.category, example.name) not in find_risks(message)]
    assert not missed, f"{example.name} does not catch: {missed}"


@pytest.mark.parametrize("example", [e for e in EXAMPLES if e.ignores], ids=_id)
def test_rule_ignores_its_near_misses(example: RuleExamples) -> None:
    flagged = [message for message in example.ignores
               if any(name == example.name for _, name in find_risks(message))]
    assert not flagged, f"{example.name} wrongly flags: {flagged}"


def test_fragments_expand_fully_and_unknown_names_are_refused() -> None:
    assert all("@" not in pattern for pattern in fragments().values())
    assert compile_pattern("@PILL").search("took my tablets")
    with pytest.raises(ValueError, match="unknown fragment"):
        compile_pattern(r"\b@NO_SUCH_FRAGMENT\b")
