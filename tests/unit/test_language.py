"""Which language she writes in (bot.language): English unless the evidence is clear."""

from __future__ import annotations

import pytest

from bot.language import ENGLISH, SUPPORTED, detect, has_english_words, language_of
from tests.corpus import english_messages

SHORT_ENGLISH = ["ok", "yes", "hi", "no ta", "07700 900123", "no", "ta", "thanks hun", "nah",
                 "yep", "maybe", "hello", "hiya", "evenings", "group please", "one to one",
                 "phone", "video", "I'm from Poland", "my daughter is called Zofia",
                 "Hi, my name is Ana", "main thing is the time", "ok ta x", "07700900123",
                 "me@example.org", "🙂", "???", "", "   ", "na not really", "chai and a chat"]


@pytest.mark.parametrize("text", SHORT_ENGLISH)
def test_short_english_is_english(text: str) -> None:
    assert language_of(text) == ENGLISH


@pytest.mark.parametrize(("text", "language"), [
    ("Nie chcę już żyć, myślę o tym żeby się zabić", "pl"),
    ("Dzień dobry", "pl"),
    ("dzien dobry, chce zapytac o grupe", "pl"),
    ("Bună ziua, vreau să aflu despre grup", "ro"),
    ("buna ziua, vreau sa vorbesc cu cineva despre copilul meu", "ro"),
    ("আমি ভালো নেই", "bn"),
    ("ਮੈਨੂੰ ਮਦਦ ਚਾਹੀਦੀ ਹੈ", "pa"),
    ("مجھے مدد چاہیے", "ur"),
    ("السلام علیکم، مجھے اردو میں بات کرنی ہے", "ur"),
    ("أريد المساعدة", "ar"),
    ("مرحبا، أريد أن أعرف عن المجموعة", "ar"),
    ("mujhe madad chahiye", "ur"),
    ("assalam o alaikum, kya aap urdu mein baat kar sakti hain", "ur"),
    ("sat sri akal ji, tusi punjabi bol sakde ho", "pa"),
    ("ami bhalo nei, amar kichu valo lagche na", "bn"),
    ("marhaba, ana 3ayza a3ref 3an el group", "ar"),
    ("Shwmae, dw i eisiau siarad Cymraeg", "cy"),
])
def test_other_languages(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize(("text", "language"), [
    ("hi, chcę zapytać o grupę", "pl"),
    ("hello, vreau să vorbesc în română", "ro"),
    ("hi, mujhe group ke baare mein poochna hai, kya aap bata sakti hain", "ur"),
    ("hi I'm Polish, moje angielski nie jest dobry", "pl"),
])
def test_code_switching_goes_to_her_language(text: str, language: str) -> None:
    assert language_of(text) == language


@pytest.mark.parametrize("text", [
    "I'm Polish but happy to chat in English",
    "my husband is Romanian, can he come to the group?",
    "we speak Urdu at home but English is fine",
    "my mum says 'nie martw się' but I still worry",
])
def test_english_with_a_word_of_another_language_is_english(text: str) -> None:
    assert language_of(text) == ENGLISH


@pytest.mark.parametrize(("text", "language"), [
    ("Cześć", "pl"), ("czesc!", "pl"), ("Witam", "pl"), ("Dzień dobry", "pl"), ("Bună", "ro"),
    ("Buna ziua", "ro"), ("Sat sri akal", "pa"), ("Marhaba", "ar"),
    ("Shwmae", "cy"), ("Bore da", "cy"), ("AoA", "ur"),
])
def test_a_greeting_of_one_language_alone_is_that_language(text: str, language: str) -> None:
    assert detect(text).language == language


@pytest.mark.parametrize("text", ["salam", "Assalamualaikum", "hello", "hi there", "hey", "Salut",
                                  "salut mate, how are you"])
def test_shared_greetings_and_english_stay_english(text: str) -> None:
    assert language_of(text) == ENGLISH


def test_script_is_decisive_even_for_one_word() -> None:
    assert detect("ধন্যবাদ").language == "bn"
    assert detect("ਸਤਿ").language == "pa"
    assert detect("شکریہ").evidence.startswith("script")


def test_every_english_training_and_safety_message_stays_english() -> None:
    """The NLU data and every labelled safety set are English: none is read as another
    language (a false reading would answer an English-speaking mother in Polish)."""
    texts = english_messages()
    assert len(texts) > 5000
    assert [t for t in texts if language_of(t) != ENGLISH] == []


def test_supported_languages_have_word_lists() -> None:
    from bot.language.detect import _word_lists

    assert set(_word_lists()) == set(SUPPORTED)


@pytest.mark.parametrize("text", ["hi, can we do it in english", "ok", "yes please",
                                  "my number is 07700 900123", "I'd rather have a call"])
def test_written_english_has_english_words(text: str) -> None:
    assert has_english_words(text)


@pytest.mark.parametrize("text", ["07700 900123", "+44 7700 900123", "me@example.org",
                                  "anna.kowalska@gmail.com", "/affirm", "/request_contact",
                                  '/inform{"contact_method":"phone"}', "tak", "Dziękuję", "",
                                  None])
def test_a_number_an_address_or_a_button_has_no_english_words(text: str | None) -> None:
    """Read as English only by default: they say nothing of the language she reads."""
    assert not has_english_words(text)
