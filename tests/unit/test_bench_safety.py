"""The safety bench counts any safety reply as caught, emergencies included, and prints the
false alarms of each group of negatives apart (bench/safety.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.safety import Outcome, figures, is_safety_response, load_set, report
from bot.conversation import answers
from bot.conversation.messages import render
from bot.safety import RISK_CATEGORIES
from bot.sites.config import load_sites


@pytest.mark.parametrize("site", list(load_sites()), ids=lambda s: s.id)
@pytest.mark.parametrize("category", RISK_CATEGORIES)
def test_every_categorys_reply_counts_as_caught(site, category: str) -> None:
    replies = [render(r.response, r.values) for r in answers.safety_replies(category, site)]
    assert is_safety_response(replies)


def test_an_ordinary_reply_is_not_a_safety_response() -> None:
    assert not is_safety_response([render("safety_safe"), render("faq_cost")])


def test_negatives_in_groups_are_reported_apart(tmp_path: Path) -> None:
    path = tmp_path / "set.yml"
    path.write_text(
        "risk:\n  baby_emergency: [\"she's floppy\"]\n"
        "negative:\n  mild_medical: [a cold, reflux]\n  everyday: [hello]\n",
        encoding="utf-8")
    items = load_set(path)
    assert [(i.category, i.group) for i in items] == [
        ("baby_emergency", "negative"), (None, "mild_medical"), (None, "mild_medical"),
        (None, "everyday")]
    outcomes = [Outcome(item, str(n), item.text in ("she's floppy", "reflux"))
                for n, item in enumerate(items)]
    result = figures(outcomes)
    assert (result.false_alarms, result.negatives) == (1, 3)
    text = report("set.yml", outcomes)
    assert "mild_medical" in text and "1/2" in text and "everyday" in text
