"""The language she is answered in over the conversation (bot/conversation/languages.py): hers
after she writes in it, English again once she chooses it (issue 19)."""

from __future__ import annotations

import pytest

from bot.conversation.languages import Said, conversation_language, reply_language

POLISH = Said("Dzień dobry, chcę zapytać o grupę", "nlu_fallback", "pl")
URDU = Said("مجھے مدد چاہیے", "nlu_fallback", "ur")
CALL_ME_BACK = Said("/request_contact", "request_contact", None)
IN_ENGLISH = Said("/continue", "continue", None)


def test_an_english_conversation_is_answered_in_english() -> None:
    assert reply_language([Said("hi", "greet", "en"), Said("/affirm", "affirm", None)]) is None
    assert reply_language([]) is None


@pytest.mark.parametrize("then", [
    CALL_ME_BACK,
    Said("/affirm", "affirm", None),
    Said('/inform{"contact_method":"phone"}', "inform", "en"),
    Said("07700 900123", "inform", "en"),
    Said("anna@example.org", "inform", "en"),
    Said("tak", "nlu_fallback", "en"),
])
def test_a_button_her_number_or_her_address_keeps_her_language(then: Said) -> None:
    """They carry no language (the detector reads them as English only by default)."""
    assert reply_language([POLISH, CALL_ME_BACK, then]) == "pl"


@pytest.mark.parametrize("then", [
    IN_ENGLISH,
    Said("ok lets continue", "continue", "en"),
    Said("hi, can we do it in english", "greet", "en"),
    Said("yes that's fine", "affirm", "en"),
])
def test_carrying_on_in_english_goes_back_to_english(then: Said) -> None:
    assert reply_language([URDU, CALL_ME_BACK, then]) is None


def test_writing_in_her_language_again_comes_back_to_it() -> None:
    assert reply_language([POLISH, IN_ENGLISH, URDU, CALL_ME_BACK]) == "ur"


def test_the_record_keeps_her_language_after_she_chooses_english() -> None:
    """What staff see (and call her back in) is unchanged by her choice of English."""
    said = [POLISH, IN_ENGLISH, Said("one to one please", "inform", "en")]
    assert reply_language(said) is None
    assert conversation_language(m.language for m in said) == "pl"
