"""Which language a message is written in, erring towards English.

A mother chatting in English must never be answered in another language, and most chat
messages are short ("ok", "yes", "no ta", "07700 900123"), where any statistical detector
guesses. So the evidence is weighed in this order:

1. **Script.** Bengali script is Bengali, Gurmukhi is Punjabi: decisive. Arabic script is
   Urdu or Arabic (Punjabi in Shahmukhi is read as Urdu): letters only Urdu uses (ٹ ڈ ڑ ں ے ہ ھ)
   or only Arabic uses (ة ى, the Arabic forms of yeh and kaf) decide, and py3langid, limited to
   the two, decides when neither does.
2. **Latin script** needs more: a greeting that is the whole message and belongs to one
   language only (bot/language/greetings.yml: "Cześć", "Bună ziua", "Sat sri akal"), or at
   least two words from the language's list (bot/language/words.yml; Polish and Romanian words
   with their letters ą ę ł ś ż ă ș ț count whether or not they are listed; Arabizi's digits
   for letters, "3ayza", count for Arabic), more of them than English words, and, for Polish,
   Romanian and Welsh from four words on, py3langid (a maintained detector whose model ships
   in its package) not sure it is English. Romanised Urdu, Punjabi and Bengali and Arabizi
   are not in its model: their word lists decide alone.
3. Otherwise: English.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from bot import codebook
from bot.payloads import is_button_payload

ENGLISH = codebook.ENGLISH
#: The languages the assistant recognises and answers in (ISO 639-1), besides English.
SUPPORTED: tuple[str, ...] = tuple(code for code in codebook.LANGUAGES if code != ENGLISH)

WORDS_FILE = Path(__file__).with_name("words.yml")
GREETINGS_FILE = Path(__file__).with_name("greetings.yml")

_URDU_LETTERS = frozenset("ٹڈڑںےۓہھۂۃ")
_ARABIC_LETTERS = frozenset("ةىيكأإ")
_POLISH_LETTERS = frozenset("ąęłńśźżć")
_ROMANIAN_LETTERS = frozenset("ăâîșşțţ")
#: Arabizi writes the letters Latin lacks with digits: "3ayza", "a3ref", "7abibti", "ma3".
_ARABIZI = re.compile(r"^(?=.*[a-z])(?=.*[235789])[a-z2-9]+$")
#: Languages py3langid knows in their Latin spelling; romanised Urdu, Punjabi, Bengali and
#: Arabizi are not in its model, so their word lists decide alone.
_LANGID_LATIN = frozenset(("pl", "ro", "cy"))
_WORD = re.compile(r"[^\W\d_]+|\w*[0-9]\w*", re.UNICODE)
#: Everyday English of chat: what English looks like when it is short.
_ENGLISH_WORDS = frozenset((
    "i", "im", "me", "my", "you", "your", "we", "it", "is", "are", "am", "was", "the", "a", "an",
    "and", "or", "but", "to", "of", "in", "on", "for", "with", "not", "no", "yes", "yeah", "ok",
    "okay", "hi", "hello", "hey", "thanks", "thank", "ta", "please", "can", "do", "dont", "have",
    "what", "how", "when", "would", "like", "want", "baby", "group", "about", "just", "so",
    "that", "this", "there", "be", "if", "at", "she", "he", "her", "him", "they", "feel",
    "know", "think", "good", "fine", "well", "need", "help", "call", "phone", "speak",
    "english", "sorry", "bye", "morning", "evening", "one", "all",
))
_LANGID_MIN_WORDS = 4
_LANGID_ENGLISH_DOUBT = 0.5


@dataclass(frozen=True)
class Detection:
    """A message's language and what decided it (for tests and notes; never her words)."""

    language: str
    evidence: str


_DEFAULT = Detection(ENGLISH, "default")


@cache
def _word_lists() -> dict[str, frozenset[str]]:
    with WORDS_FILE.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return {code: frozenset(word.casefold() for word in words) for code, words in raw.items()}


@cache
def _greetings() -> dict[str, str]:
    """A greeting that is the whole message -> its language (greetings.yml)."""
    with GREETINGS_FILE.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    return {greeting.casefold(): code for code, greetings in raw.items()
            for greeting in greetings}


@cache
def _identifier():  # noqa: ANN202 - py3langid's class has no public type
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_pickled_model(MODEL_FILE, norm_probs=True)


def _classify(text: str, languages: tuple[str, ...]) -> tuple[str, float]:
    """py3langid's best language among ``languages`` and its probability."""
    identifier = _identifier()
    identifier.set_languages(list(languages))
    language, probability = identifier.classify(text)
    return language, float(probability)


def _script_counts(text: str) -> dict[str, int]:
    counts = {"latin": 0, "arabic": 0, "bengali": 0, "gurmukhi": 0, "other": 0}
    for ch in text:
        if not ch.isalpha():
            continue
        point = ord(ch)
        if ch.isascii() or unicodedata.name(ch, "").startswith("LATIN"):
            counts["latin"] += 1
        elif 0x0600 <= point <= 0x06FF or 0x0750 <= point <= 0x077F or 0xFB50 <= point <= 0xFEFF:
            counts["arabic"] += 1
        elif 0x0980 <= point <= 0x09FF:
            counts["bengali"] += 1
        elif 0x0A00 <= point <= 0x0A7F:
            counts["gurmukhi"] += 1
        else:
            counts["other"] += 1
    return counts


def _arabic_script(text: str) -> Detection:
    urdu = sum(ch in _URDU_LETTERS for ch in text)
    arabic = sum(ch in _ARABIC_LETTERS for ch in text)
    if urdu != arabic:
        return Detection("ur" if urdu > arabic else "ar", "script")
    return Detection(_classify(text, ("ur", "ar"))[0], "script+langid")


def _latin_hits(words: list[str]) -> dict[str, int]:
    """How many words of the message each Latin-script language's list (or letters) claims."""
    lists = _word_lists()
    hits = {code: sum(word in listed for word in words) for code, listed in lists.items()}
    hits["pl"] += sum(1 for w in words if w not in lists["pl"] and set(w) & _POLISH_LETTERS)
    hits["ro"] += sum(1 for w in words if w not in lists["ro"] and set(w) & _ROMANIAN_LETTERS)
    hits["ar"] += sum(1 for w in words if w not in lists["ar"] and _ARABIZI.match(w))
    return hits


def _words(text: str) -> list[str]:
    return [w.casefold().replace("'", "") for w in _WORD.findall(text)]


def _latin_script(text: str) -> Detection:
    words = _words(text)
    greeting = _greetings().get(" ".join(words))
    if greeting:
        return Detection(greeting, "greeting")
    hits = _latin_hits(words)
    english = sum(word in _ENGLISH_WORDS for word in words)
    language, count = max(hits.items(), key=lambda item: (item[1], -SUPPORTED.index(item[0])))
    if count < 2 or count <= english:
        return _DEFAULT
    if language in _LANGID_LATIN and len(words) >= _LANGID_MIN_WORDS:
        guess, probability = _classify(text, (ENGLISH, language))
        if guess == ENGLISH and probability > _LANGID_ENGLISH_DOUBT and count < len(words) / 2:
            return _DEFAULT
    return Detection(language, "words")


def detect(text: str | None) -> Detection:
    """The language of one message, English unless the evidence says otherwise."""
    if not text or not text.strip():
        return _DEFAULT
    counts = _script_counts(text)
    letters = sum(counts.values())
    if letters == 0:
        return _DEFAULT
    for script, language in (("bengali", "bn"), ("gurmukhi", "pa")):
        if counts[script] * 2 >= letters:
            return Detection(language, "script")
    if counts["arabic"] * 2 >= letters:
        return _arabic_script(text)
    if counts["latin"] * 2 >= letters:
        return _latin_script(text)
    return _DEFAULT


def language_of(text: str | None) -> str:
    """The ISO 639-1 code of the message's language ("en" when unsure)."""
    return detect(text).language


def has_english_words(text: str | None) -> bool:
    """Whether a message has words of everyday English in it ("ok", "my number is ...").

    A phone number, an email address or a button's payload has none: it is read as English only
    because English is the default, and says nothing of the language she reads.
    """
    if is_button_payload(text):
        return False
    kept = " ".join(token for token in (text or "").split() if "@" not in token)
    return any(word in _ENGLISH_WORDS for word in _words(kept))
