"""The worries and hopes coder: clauses, codes, and its training data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot import codebook
from bot.conversation import themes


@pytest.mark.parametrize(("text", "expected"), [
    ("no time tbh", ["no time tbh"]),
    ("i dont drive and who would have the baby", ["i dont drive", "who would have the baby"]),
    ("Two things. Who will know? Also the bus - it's awful",
     ["Two things", "Who will know", "the bus", "it's awful"]),
    ("time n money", ["time n money"]),  # clauses of one word are not split off
    ("", []),
])
def test_an_answer_is_read_clause_by_clause(text: str, expected: list[str]) -> None:
    assert themes.clauses(text) == expected


@pytest.mark.parametrize(("text", "family", "expected"), [
    ("i can't get there, i don't drive", "concerns", ["practical_travel"]),
    ("what if they think i'm a bad mum", "concerns", ["fear_of_judgement"]),
    ("I'd be nervous in a room full of strangers, and who'd mind my toddler",
     "concerns", ["group_anxiety", "practical_childcare"]),
    ("honestly nothing, sounds good", "concerns", []),
    ("to meet other mums round here", "motivators", ["meet_other_mothers"]),
    ("someone who's been through it, and some tips for the evenings", "motivators",
     ["be_understood", "practical_ideas"]),
    ("ok", "motivators", []),
])
def test_every_code_an_answer_names_is_found_in_order(
        text: str, family: str, expected: list[str]) -> None:
    assert list(themes.read(text, family).codes) == expected


def test_support_is_the_strongest_reading_of_a_code_in_any_clause() -> None:
    reading = themes.read("mornings are best, and i dont drive", "concerns")
    assert reading.support("practical_travel") >= themes.THRESHOLD
    assert reading.support("fear_of_judgement") < themes.CONFIRM
    assert themes.read("", "concerns").support("practical_travel") == 0.0


def test_the_written_examples_use_only_codebook_codes_and_have_none_examples() -> None:
    written = yaml.safe_load(themes.EXAMPLES.read_text(encoding="utf-8"))
    assert set(written["concerns"]) == set(codebook.CONCERNS)
    assert set(written["motivators"]) == set(codebook.MOTIVATORS)
    assert len(written["none"]) >= 50
    texts, labels = themes.training_data("concerns")
    assert len(texts) == len(labels) and set(labels) == {*codebook.CONCERNS, themes.NONE}


def test_a_code_outside_the_codebook_stops_training(monkeypatch: pytest.MonkeyPatch,
                                                     tmp_path: Path) -> None:
    bad = tmp_path / "theme_examples.yml"
    bad.write_text(yaml.safe_dump({"concerns": {"lonely_nights": ["so lonely"]},
                                   "motivators": {}, "none": ["ok"]}))
    monkeypatch.setattr(themes, "EXAMPLES", bad)
    with pytest.raises(ValueError, match="lonely_nights"):
        themes.training_data("concerns")
