import pytest

from bot import codebook


def test_every_concern_and_motivator_has_one_of_the_five_mechanisms() -> None:
    assert set(codebook.CONCERN_MECHANISMS.values()) == set(codebook.MECHANISMS)
    assert set(codebook.MOTIVATOR_MECHANISMS.values()) <= set(codebook.MECHANISMS)


def test_mechanisms_are_derived_in_order_without_duplicates() -> None:
    assert codebook.mechanisms_for(
        ["practical_time", "fear_of_judgement", "practical_travel"], ["be_understood"]
    ) == ["practical", "psychological_safety"]
    assert codebook.mechanisms_for([], ["meet_other_mothers", "practical_ideas"]) == [
        "reference_group", "anticipated_gains"]
    assert codebook.mechanisms_for(["not_a_code"], []) == []


def test_ordered_subset_keeps_codebook_order_and_drops_unknown_codes() -> None:
    assert codebook.ordered_subset(["video", "fax", "phone", "video"], codebook.MODES) == [
        "phone", "video"]
    assert codebook.ordered_subset(None, codebook.TIMES) == []


def test_appended_adds_once() -> None:
    assert codebook.appended(["a"], "b") == ["a", "b"]
    assert codebook.appended(["a", "b"], "a") == ["a", "b"]
    assert codebook.appended(None, "a") == ["a"]


@pytest.mark.parametrize(("slots", "expected"), [
    ({"consent": "given"}, True),
    ({"consent": "declined"}, False),
    ({"consent": "not_asked"}, False),
    ({"consent": None}, False),
    ({}, False),
    ({"consent": "Given"}, False),
])
def test_only_an_explicit_yes_is_consent(slots: dict, expected: bool) -> None:
    assert codebook.has_consented(slots) is expected



def test_skipped_and_not_understood_are_never_codes() -> None:
    """A declined or not-understood question must leave its coded field null or empty."""
    code_lists = [value for name, value in vars(codebook).items()
                  if name.isupper() and isinstance(value, tuple) and name != "QUESTIONS"]
    assert code_lists
    for codes in code_lists:
        assert codebook.SKIPPED not in codes and codebook.NOT_UNDERSTOOD not in codes


def test_the_questions_are_distinct_slot_names() -> None:
    assert len(set(codebook.QUESTIONS)) == len(codebook.QUESTIONS) == 13
    assert codebook.QUESTIONS[0] == "consent"
