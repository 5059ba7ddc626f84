"""The rulebook: the reviewed rule files (bot/safety/rules/<category>/<NN>_<theme>.yml) and the
named pattern pieces they share (bot/safety/fragments.yml), loaded and compiled.

Each risk category has a folder, and each folder one file per theme (what a clinician would
call the kind of risk: "wishes to die", "plans and methods", ...), read in the order of their
number. A theme's file lists its rules: each rule's id, a one-line purpose, its pattern, its
exception options and the messages it must catch and must not catch
(tests/unit/test_safety_rule_examples.py runs every one). A pattern is a regular expression
over normalised text (bot.safety.normalise) in which ``@NAME`` stands for the fragment NAME;
a pattern written over several lines is joined without separators, so lines are broken only
before a ``|``. docs/safety.md says how to add and review a rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot import codebook
from bot.safety.normalise import fold

#: Defined once, in the codebook (exports and staff alerts use the same codes).
RISK_CATEGORIES: tuple[str, ...] = codebook.RISK_CATEGORIES

SAFETY_DIR = Path(__file__).resolve().parent
RULES_DIR = SAFETY_DIR / "rules"
FRAGMENTS_FILE = SAFETY_DIR / "fragments.yml"

_THEME_KEYS = frozenset(("category", "theme", "rules"))
#: A theme file of another language's rules says which (ISO 639-1, issue 19); English otherwise.
_OPTIONAL_THEME_KEYS = frozenset(("language",))
ENGLISH = codebook.ENGLISH
_RULE_KEYS = frozenset(
    ("id", "purpose", "pattern", "unless_before", "unless_after", "others", "negatable",
     "catches", "ignores")
)


@dataclass(frozen=True)
class Rule:
    """One named pattern.

    unless_before: searched in the 60 characters before the match (anchor with ``$``).
    unless_after:  matched at the start of the 80 characters after the match.
    Both are ignored when the sentence states intent ("on purpose", "to cope"), so an
    accident exception cannot hide deliberate self-harm.
    others: suppress when the nearest person before the match (same sentence) is someone
            else ("my cousin overdosed", "mums who are suicidal").
    negatable: whether a governing negation ("I'm not ...") turns the match into reassurance.
    language: the language the rule reads (ISO 639-1): the safety reply is given in it too.
    """

    name: str
    category: str
    pattern: re.Pattern[str]
    unless_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None
    others: bool = False
    negatable: bool = True
    language: str = ENGLISH


@dataclass(frozen=True)
class RuleExamples:
    """What a rule's file says it must catch and must ignore, with its purpose."""

    name: str
    category: str
    theme: str
    purpose: str
    catches: tuple[str, ...]
    ignores: tuple[str, ...]
    language: str = ENGLISH


def _joined(text: str) -> str:
    """A pattern written over several lines: the lines joined with nothing between them."""
    return "".join(text.splitlines())


def _load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def fragments() -> dict[str, str]:
    """Fragment name -> its pattern, with the fragments it uses expanded."""
    raw = {item["name"]: _joined(item["pattern"])
           for item in _load_yaml(FRAGMENTS_FILE)["fragments"]}
    expanded: dict[str, str] = {}

    def expand(name: str, seen: tuple[str, ...]) -> str:
        if name in seen:
            raise ValueError(f"fragment {name} uses itself: {' -> '.join(seen + (name,))}")
        if name not in expanded:
            expanded[name] = _substitute(raw[name], raw,
                                         lambda other: expand(other, seen + (name,)))
        return expanded[name]

    for name in raw:
        expand(name, ())
    return expanded


def _substitute(template: str, names: dict[str, str], value_of: Callable[[str], str]) -> str:
    """Replace each ``@NAME`` in ``template``, longest names first (so @BABY never eats
    @BABYNOUN)."""
    for name in sorted(names, key=len, reverse=True):
        if "@" + name in template:
            template = template.replace("@" + name, value_of(name))
    return template


def compile_pattern(template: str) -> re.Pattern[str]:
    """Compile a rule pattern, expanding its @NAME fragments; an unknown name is an error."""
    known = fragments()
    # Letters are folded as the text is (bot.safety.normalise.fold): a rule of another language
    # is written as people spell it, and reads it with or without diacritics.
    text = fold(_substitute(_joined(template), known, known.__getitem__))
    unknown = re.findall(r"@[A-Z_]+", text)
    if unknown:
        raise ValueError(f"unknown fragment(s) {sorted(set(unknown))} in {template!r}")
    return re.compile(text)


def _rule_entries() -> list[tuple[str, str, dict, str]]:
    """(category, theme, entry, language) for every rule, category by category, each category's
    theme files in the order of their number. Within a category that order is the tie-break when
    two rules match at the same place (the first names the assessment)."""
    entries = []
    for category in RISK_CATEGORIES:
        paths = sorted((RULES_DIR / category).glob("*.yml"))
        if not paths:
            raise ValueError(f"no rule files for {category} in {RULES_DIR / category}")
        for path in paths:
            data = _load_yaml(path)
            if (set(data) - _OPTIONAL_THEME_KEYS != _THEME_KEYS
                    or data["category"] != category):
                raise ValueError(f"{category}/{path.name}: needs exactly {sorted(_THEME_KEYS)} "
                                 f"(and may say its language), with category {category}")
            language = data.get("language", ENGLISH)
            if language not in codebook.LANGUAGES:
                raise ValueError(f"{category}/{path.name}: unknown language {language!r}")
            for entry in data["rules"]:
                unexpected = set(entry) - _RULE_KEYS
                if unexpected:
                    raise ValueError(
                        f"{category}.{entry.get('id')}: unknown keys {sorted(unexpected)}")
                entries.append((category, data["theme"], entry, language))
    return entries


def _build(category: str, entry: dict, language: str) -> Rule:
    return Rule(
        name=f"{category}.{entry['id']}",
        category=category,
        pattern=compile_pattern(entry["pattern"]),
        unless_before=compile_pattern(entry["unless_before"]) if entry.get("unless_before")
        else None,
        unless_after=compile_pattern(entry["unless_after"]) if entry.get("unless_after")
        else None,
        others=bool(entry.get("others", False)),
        negatable=bool(entry.get("negatable", True)),
        language=language,
    )


@cache
def rules() -> tuple[Rule, ...]:
    """Every rule, compiled. Names are unique; a duplicate id is an error."""
    built = tuple(_build(category, entry, language)
                  for category, _, entry, language in _rule_entries())
    names = [rule.name for rule in built]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ValueError(f"duplicate rule ids: {duplicates}")
    return built


def examples() -> list[RuleExamples]:
    """Every rule's purpose and written examples (for the test that runs them)."""
    return [
        RuleExamples(
            name=f"{category}.{entry['id']}",
            category=category,
            theme=theme,
            purpose=entry.get("purpose", ""),
            catches=tuple(entry.get("catches") or ()),
            ignores=tuple(entry.get("ignores") or ()),
            language=language,
        )
        for category, theme, entry, language in _rule_entries()
    ]
