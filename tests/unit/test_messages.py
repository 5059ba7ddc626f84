"""Every message the code can send exists, and every placeholder it uses is filled."""

import re
import string
from pathlib import Path

import pytest

from bot.conversation import answers, messages
from bot.sites.config import load_sites

ROOT = Path(__file__).resolve().parents[2]


def referenced_names() -> set[str]:
    names: set[str] = set()
    for path in [*ROOT.glob("actions/*.py"), ROOT / "bot" / "conversation" / "answers.py"]:
        names |= set(re.findall(r'(?:Reply\(|say\(dispatcher, )f?"([a-z_{}]+)"', path.read_text()))
    return names


def test_every_referenced_message_exists() -> None:
    catalogue = messages.catalogue()
    concrete = {n for n in referenced_names() if "{" not in n}
    assert concrete and not concrete - set(catalogue)


@pytest.mark.parametrize("site", list(load_sites()), ids=lambda s: s.id)
def test_site_messages_fill_every_placeholder(site) -> None:
    values = answers.site_values(site)
    for name, entry in messages.catalogue().items():
        fields = {f for _, f, _, _ in string.Formatter().parse(entry["text"]) if f}
        site_fields = fields & set(values)
        text = messages.render(name, values)["text"]
        assert "{" not in text or not site_fields, name


def test_missing_placeholders_render_blank_not_braces() -> None:
    assert "{" not in messages.render("contact_confirmed")["text"]


#: The safety response lists several routes at once; everything else keeps to three sentences.
LONGER_ALLOWED = {"safety_routes", "safety_ack_danger"}


def test_messages_are_at_most_three_sentences() -> None:
    for name, entry in messages.catalogue().items():
        sentences = re.split(r"(?<=[.?!])\s+(?=[A-Z\"])", entry["text"].strip())
        assert len(sentences) <= (5 if name in LONGER_ALLOWED else 3), name


def test_every_button_has_a_text_title_and_a_payload() -> None:
    for name, entry in messages.catalogue().items():
        for button in entry.get("buttons") or []:
            assert isinstance(button["title"], str) and button["title"], name
            assert isinstance(button["payload"], str) and button["payload"].startswith("/"), name
