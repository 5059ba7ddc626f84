"""Each site's own offer, end to end: what she is told differs, what is recorded does not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Chat

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
ANSWERS = ["hi", "yes", "ok", "one to one please", "by phone", "mornings", "skip", "skip",
           "they'll think I'm a bad mum", "no that's all", "yes", "no"]


def run_conversation(stack, site: str) -> tuple[Chat, list[str]]:
    chat = Chat(stack, site=site)
    return chat, [chat.say(text) for text in ANSWERS]


def test_both_sites_describe_their_own_offer_and_record_the_same_codes(stack, repo) -> None:
    north, north_replies = run_conversation(stack, "northbrook")
    east, east_replies = run_conversation(stack, "eastvale")
    explanation_north, explanation_east = north_replies[1], east_replies[1]
    assert "group" in explanation_north and "face to face" in explanation_north
    assert "group" not in explanation_east and "video" in explanation_east
    codes = {}
    for chat in (north, east):
        record = repo.get(chat.sender)
        codes[record["site"]] = {k: v for k, v in record.items() if k not in (
            "conversation_id", "site", "started_at", "last_activity_at")}
    assert codes["northbrook"] == codes["eastvale"]
    assert codes["eastvale"]["format_preference"] == "one_to_one"
    assert codes["eastvale"]["concerns"] == ["fear_of_judgement"]


def test_a_format_the_site_lacks_is_answered_honestly_and_still_recorded(stack, repo) -> None:
    chat = Chat(stack, site="eastvale")
    for text in ("hi", "yes", "ok"):
        chat.say(text)
    reply = chat.say("I'd really like a group")
    assert "doesn't offer" in reply and "one-to-one" in reply
    assert repo.get(chat.sender)["format_preference"] == "group"


def test_unknown_site_falls_back_to_the_default_and_is_logged(stack, repo) -> None:
    chat = Chat(stack, site="atlantis")
    chat.say("hi")
    assert repo.get(chat.sender)["site"] == "northbrook"
    log = (stack.var_dir / "logs" / f"actions-{stack.action_port}.log").read_text()
    assert "unknown site id 'atlantis'" in log


def test_an_invalid_site_file_stops_start_up_with_a_clear_error(tmp_path: Path) -> None:
    sites = tmp_path / "sites"
    sites.mkdir()
    good = (ROOT / "sites" / "northbrook.yml").read_text()
    (sites / "northbrook.yml").write_text(good)
    (sites / "eastvale.yml").write_text(
        (ROOT / "sites" / "eastvale.yml").read_text().replace("modes: [phone, video]",
                                                              "modes: [phone, fax]"))
    env = {**os.environ, "SITES_DIR": str(sites), "DATABASE_URL": f"sqlite:///{tmp_path}/x.db"}
    result = subprocess.run([sys.executable, "-m", "bot.runtime"], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "eastvale.yml" in result.stderr and "modes" in result.stderr and "fax" in result.stderr
