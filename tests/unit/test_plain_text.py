"""What she types is only text (bot/web/plain_text.py): checked against Rasa's own test for a
command, on the forms of its syntax and on arbitrary text (hypothesis). Through the gateway and
the real Rasa: tests/web/test_commands.py."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.web.plain_text import SLASHES, neutralise


def rasa_reads_a_command(text: str) -> bool:
    """Rasa's own check, as its REST channel would apply it (it strips the text first)."""
    message = Message({TEXT: text.strip()})
    return YAMLStoryReader.unpack_regex_message(message) is not message


@pytest.mark.parametrize("typed, sent", [
    ("/risk_suicide", "risk_suicide"),
    ('/inform{"format": "group"}', 'inform{"format": "group"}'),
    ("/affirm@0.99", "affirm@0.99"),
    ("   /restart  ", "restart"),
    ("\u200b\u200d/session_start", "session_start"),
    ("\ufeff/affirm", "affirm"),
    ("\u2215affirm", "affirm"),
    ("\u2044affirm", "affirm"),
    ("\uff0faffirm", "affirm"),
    ("\u29f8affirm", "affirm"),
    ("/ /\u2215 affirm", "affirm"),
    ("/", ""),
    ("yes / no", "yes / no"),
    ("and/or", "and/or"),
    ("  hello  ", "hello"),
])
def test_a_leading_slash_and_what_hides_it_are_taken_off(typed: str, sent: str) -> None:
    assert neutralise(typed) == sent
    assert not rasa_reads_a_command(neutralise(typed))


def test_rasa_would_have_obeyed_them() -> None:
    """The forms above are commands to Rasa as typed (so the tests above can fail)."""
    for typed in ("/risk_suicide", '/inform{"format": "group"}', "/affirm@0.99", "  /restart"):
        assert rasa_reads_a_command(typed)


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=80), st.text(alphabet="".join(SLASHES) + " \t\u200b\u2060\ufeff",
                                      max_size=6))
def test_nothing_typed_reaches_rasa_as_a_command(text: str, prefix: str) -> None:
    sent = neutralise(prefix + text)
    assert not rasa_reads_a_command(sent)
    assert not unicodedata.normalize("NFKC", sent).startswith("/")
    assert neutralise(sent) == sent  # once is enough
    assert sent == sent.strip()


@settings(max_examples=200, deadline=None, database=None)
@given(st.text(max_size=80))
def test_text_without_a_leading_slash_is_only_stripped(text: str) -> None:
    if text.strip() and neutralise(text) != text.strip():
        first = text.lstrip()[0]
        assert first in SLASHES or unicodedata.category(first) in ("Cf", "Cc", "Mn", "Zs") \
            or unicodedata.normalize("NFKC", first) == "/"
