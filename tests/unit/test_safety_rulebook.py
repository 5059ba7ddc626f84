"""The rulebook loader on a small rulebook of its own: fragments expanded, rules built field by
field in their order, and every malformed file refused with a message that names it.

The real rulebook is loaded once, when bot.safety.matcher is imported; these tests point the
loader at a temporary folder and clear its caches, so the loading code runs under test (the
mutation run, bench/mutation.py, found it untested).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from bot.safety import rulebook

CATEGORIES = ("suicide", "self_harm")


def write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def theme(category: str, name: str, rules: list[dict]) -> dict:
    return {"category": category, "theme": name, "rules": rules}


@pytest.fixture()
def book(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A rulebook folder with two fragments and one rule per category."""
    write(tmp_path / "fragments.yml", {"fragments": [
        {"name": "BABY", "pattern": "(?:baby|newborn)"},
        {"name": "BABYNOUN", "pattern": "(?:infant|@BABY)"},
    ]})
    write(tmp_path / "rules" / "suicide" / "02_plans.yml", theme("suicide", "plans", [
        {"id": "plan", "purpose": "a plan", "pattern": "plan to end it",
         "catches": ["i have a plan to end it"]}]))
    write(tmp_path / "rules" / "suicide" / "01_wishes.yml", theme("suicide", "wishes", [
        {"id": "die", "purpose": "wants to die", "pattern": "want to\n| wish to die",
         "unless_before": "laughing$", "unless_after": " laughing", "others": True,
         "negatable": False, "catches": ["i want to die"], "ignores": ["dying to see"]}]))
    write(tmp_path / "rules" / "self_harm" / "01_cutting.yml", theme("self_harm", "cutting", [
        {"id": "cut", "pattern": r"\bcut @BABYNOUN\b"}]))
    monkeypatch.setattr(rulebook, "RULES_DIR", tmp_path / "rules")
    monkeypatch.setattr(rulebook, "FRAGMENTS_FILE", tmp_path / "fragments.yml")
    monkeypatch.setattr(rulebook, "RISK_CATEGORIES", CATEGORIES)
    rulebook.fragments.cache_clear()
    rulebook.rules.cache_clear()
    yield tmp_path
    rulebook.fragments.cache_clear()
    rulebook.rules.cache_clear()


def test_fragments_are_expanded_inside_fragments_longest_name_first(book: Path) -> None:
    assert rulebook.fragments() == {"BABY": "(?:baby|newborn)",
                                    "BABYNOUN": "(?:infant|(?:baby|newborn))"}
    assert rulebook.compile_pattern("cut @BABYNOUN").pattern == (
        "cut (?:infant|(?:baby|newborn))")


def test_rules_are_built_field_by_field_in_category_and_theme_order(book: Path) -> None:
    die, plan, cut = rulebook.rules()
    assert [r.name for r in (die, plan, cut)] == ["suicide.die", "suicide.plan", "self_harm.cut"]
    assert die.category == "suicide" and cut.category == "self_harm"
    # A pattern written over lines is joined with nothing between them.
    assert die.pattern.pattern == "want to| wish to die"
    assert die.unless_before.pattern == "laughing$"
    assert die.unless_after.pattern == " laughing"
    assert die.others is True and die.negatable is False
    # Left out, the options are: no exceptions, anyone, negatable.
    assert plan.unless_before is None and plan.unless_after is None
    assert plan.others is False and plan.negatable is True
    assert cut.pattern.search("i cut newborn") and not cut.pattern.search("i cut paper")


def test_examples_carry_the_purpose_and_what_each_rule_catches_and_ignores(book: Path) -> None:
    die, plan, cut = rulebook.examples()
    assert die == rulebook.RuleExamples(name="suicide.die", category="suicide", theme="wishes",
                                        purpose="wants to die", catches=("i want to die",),
                                        ignores=("dying to see",))
    assert (plan.theme, plan.catches, plan.ignores) == ("plans", ("i have a plan to end it",), ())
    assert (cut.purpose, cut.catches, cut.ignores) == ("", (), ())


def test_a_fragment_that_uses_itself_is_refused(book: Path) -> None:
    write(book / "fragments.yml", {"fragments": [{"name": "LOOP", "pattern": "a@LOOP"}]})
    with pytest.raises(ValueError, match="fragment LOOP uses itself: LOOP -> LOOP"):
        rulebook.fragments()


def test_an_unknown_fragment_is_refused(book: Path) -> None:
    with pytest.raises(ValueError, match=r"unknown fragment\(s\) \['@TODDLER'\]"):
        rulebook.compile_pattern("hurt @TODDLER")


def test_a_category_without_rule_files_is_refused(book: Path) -> None:
    (book / "rules" / "self_harm" / "01_cutting.yml").unlink()
    with pytest.raises(ValueError, match="no rule files for self_harm"):
        rulebook.rules()


@pytest.mark.parametrize("data", [
    {"category": "suicide", "theme": "cutting", "rules": []},
    {"category": "self_harm", "rules": []},
    {"category": "self_harm", "theme": "cutting", "rules": [], "notes": "extra"},
])
def test_a_theme_file_needs_exactly_its_category_theme_and_rules(book: Path, data) -> None:
    write(book / "rules" / "self_harm" / "01_cutting.yml", data)
    with pytest.raises(ValueError, match=r"self_harm/01_cutting.yml: needs exactly "
                                         r"\['category', 'rules', 'theme'\]"):
        rulebook.rules()


def test_a_rule_with_an_unknown_key_is_refused(book: Path) -> None:
    write(book / "rules" / "self_harm" / "01_cutting.yml", theme("self_harm", "cutting", [
        {"id": "cut", "pattern": "cut", "unless": "paper"}]))
    with pytest.raises(ValueError, match=r"self_harm.cut: unknown keys \['unless'\]"):
        rulebook.rules()


def test_two_rules_with_one_name_are_refused(book: Path) -> None:
    write(book / "rules" / "self_harm" / "02_more.yml", theme("self_harm", "more", [
        {"id": "cut", "pattern": "cutting"}, {"id": "burn", "pattern": "burn"}]))
    with pytest.raises(ValueError, match=r"duplicate rule ids: \['self_harm.cut'\]"):
        rulebook.rules()
