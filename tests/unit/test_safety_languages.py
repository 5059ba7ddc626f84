"""The rule net in other languages (issue 19): per-language rules, folded letters, and English
read exactly as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import codebook
from bot.language import SUPPORTED
from bot.safety import assess, find_risks, rule_language
from bot.safety.normalise import fold, normalise, unjoin
from bot.safety.rulebook import examples, rules
from tests.corpus import english_messages

#: The risks the issue asks to be caught in every supported language.
CATEGORIES = ("suicide", "self_harm", "harm_baby", "psychosis", "danger_at_home", "overdose",
              "baby_emergency", "maternal_emergency")
LANGUAGES = SUPPORTED


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_rules_for_every_risk(language: str) -> None:
    covered = {rule.category for rule in rules() if rule.language == language}
    assert set(CATEGORIES) <= covered


@pytest.mark.parametrize("example", [e for e in examples() if e.language != codebook.ENGLISH],
                         ids=lambda e: e.name)
def test_other_language_near_misses_raise_no_risk_at_all(example) -> None:
    """Stronger than the rule's own check: no rule of any language flags them."""
    assert [m for m in example.ignores if find_risks(m)] == []


def test_the_issue_s_polish_message_is_suicide_in_polish() -> None:
    for text in ("Nie chcę już żyć, myślę o tym żeby się zabić",
                 "nie chce juz zyc, mysle o tym zeby sie zabic",
                 "NIE CHCĘ JUŻ ŻYĆ"):
        verdict = assess(text)
        assert verdict.category == "suicide"
        assert rule_language(verdict.pattern) == "pl"


@pytest.mark.parametrize(("text", "category", "language"), [
    ("vreau sa mor", "suicide", "ro"),
    ("vreau să mor", "suicide", "ro"),
    ("أريد أن أموت", "suicide", "ar"),
    ("اريد ان اموت", "suicide", "ar"),
    ("أُرِيدُ أَنْ أَمُوتَ", "suicide", "ar"),
    ("میں مرنا چاہتی ہوں", "suicide", "ur"),
    ("ميں مرنا چاهتی هوں", "suicide", "ur"),
    ("আমি মরে যেতে চাই", "suicide", "bn"),
    ("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦੀ ਹਾਂ", "suicide", "pa"),
    ("dw i eisiau marw", "suicide", "cy"),
    ("mąż mnie bije", "danger_at_home", "pl"),
    ("maz mnie bije", "danger_at_home", "pl"),
    ("dziecko nie oddycha", "baby_emergency", "pl"),
])
def test_spellings_with_and_without_diacritics_and_letter_forms(text: str, category: str,
                                                               language: str) -> None:
    verdict = assess(text)
    assert (verdict.category, rule_language(verdict.pattern)) == (category, language)


def test_fold_leaves_english_alone() -> None:
    for text in ("i want to kill myself", "cant be alone with her, 999?", "07700 900123 x"):
        assert fold(text) == text
        assert unjoin(text) == text


def test_fold_unifies_letters() -> None:
    assert fold("zabić się żeby łatwo") == "zabic sie zeby latwo"
    assert fold("să mă sinucid, ţară") == "sa ma sinucid, tara"
    assert fold("أريد") == fold("اريد") == fold("أُرِيدُ")
    assert fold("كتاب") == fold("کتاب")
    assert fold("٣") == "3"


def test_normalise_keeps_other_scripts_and_their_marks() -> None:
    assert normalise("আমি মরে যেতে চাই!") == "আমি মরে যেতে চাই!"
    assert normalise("ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦੀ") == "ਮੈਂ ਮਰਨਾ ਚਾਹੁੰਦੀ"
    assert "زندگی" in normalise("زندگی ختم")


def test_a_joiner_inside_a_word_does_not_hide_it() -> None:
    assert assess("خود\u200cکشی کرنا چاہتی ہوں").category == "suicide"


def test_rule_language_of_unknown_names() -> None:
    assert rule_language(None) is None
    assert rule_language("no.such_rule") is None
    assert rule_language("suicide.kill_myself") == "en"


def test_no_rule_of_another_language_fires_on_english() -> None:
    """Every message of the labelled sets and the NLU data is English: the rules of other
    languages must never be what reads them."""
    texts = english_messages()
    assert len(texts) > 5000
    fired = [(name, text) for text in texts for _, name in find_risks(text)
             if rule_language(name) != codebook.ENGLISH]
    assert fired == []


LANGUAGE_SETS = sorted(Path(__file__).resolve().parents[1].joinpath(
    "safety", "languages").glob("*.yml"))


@pytest.mark.parametrize("path", LANGUAGE_SETS, ids=lambda p: p.stem)
def test_the_rule_authors_own_rounds_stay_caught(path: Path) -> None:
    """A regression set, not a measure: every message guided the rules (docs/safety.md). The
    blind sets (blind_<code>.yml, 30 risks each) were measured once before they did."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["language"] in LANGUAGES
    assert len(data["risk"]) >= (30 if path.stem.startswith("blind_") else 90)
    missed = [m for m in data["risk"] if assess(m).category is None]
    flagged = [m for m in data["negative"] if assess(m).category is not None]
    assert (missed, flagged) == ([], [])
