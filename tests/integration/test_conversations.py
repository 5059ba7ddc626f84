"""Whole conversations over the REST webhook against the real Rasa and action servers,
checked field by field in the intake record and the export."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import codebook
from bot.records.risk_events import RiskRepository
from tests.conftest import Chat

pytestmark = pytest.mark.integration
BOT = str(Path(sys.executable).with_name("bot"))


def test_free_text_conversation_is_recorded(chat: Chat, repo) -> None:
    welcome = chat.say("hi")
    assert "automated" in welcome and "999" in welcome
    chat.say("yes that's fine")
    format_question = chat.say("ok carry on")
    assert "one-to-one" in format_question.lower(), format_question
    chat.say("one to one i think")
    chat.say("phone or video would be best")
    chat.say("evenings and weekends")
    chat.say("my health visitor told me about it")
    chat.say("im 30 weeks pregnant")
    answer = chat.say("im scared theyll think im a bad mum")
    assert "judg" in answer.lower()
    chat.say("no that's all")
    chat.say("yes I'd like to try it")
    chat.say("yes please")
    chat.say("text me")
    confirmed = chat.say("07700 900123")
    assert "123" in confirmed and "07700 900123" not in confirmed

    record = repo.get(chat.sender)
    assert record is not None
    expected = {
        "schema_version": codebook.SCHEMA_VERSION, "site": "northbrook", "consent": "given",
        "explained": True,
        "referral_source": "health_visitor", "perinatal_stage": "pregnant",
        "format_preference": "one_to_one", "mode_preferences": ["phone", "video"],
        "time_preferences": ["evening", "weekend"], "concerns": ["fear_of_judgement"],
        "motivators": [], "mechanisms": ["psychological_safety"], "take_up_intent": "yes",
        "decline_reason": None, "contact_requested": True, "preferred_contact": "text",
        "risk_flag": False, "completed": True, "outcome": "pending",
    }
    for field, value in expected.items():
        assert record[field] == value, (field, record[field], chat.transcript)
    assert repo.contact(chat.sender) == ("text", "+447700900123")


def test_button_payloads_and_skips(chat: Chat, repo) -> None:
    for payload in ("/greet", "/affirm", "/continue", '/inform{"format":"group"}',
                    '/inform{"mode":"any"}', '/inform{"time":"morning"}', "/skip", "/skip",
                    "/deny", "/maybe", "/deny"):
        assert chat.send(payload), payload
    record = repo.get(chat.sender)
    assert record["format_preference"] == "group"
    assert record["mode_preferences"] == ["face_to_face", "phone", "video"]
    assert record["time_preferences"] == ["morning"]
    assert record["referral_source"] is None and record["perinatal_stage"] is None
    assert record["take_up_intent"] == "maybe"
    assert record["contact_requested"] is False
    assert record["completed"] is True


def test_declined_consent_keeps_only_minimal_fields(chat: Chat, repo) -> None:
    chat.say("hello")
    chat.say("no, I'd rather you didn't keep anything")
    chat.say("ok")
    chat.say("I'm worried they'll judge me")
    chat.say("no that's it")
    chat.say("no thanks")
    record = repo.get(chat.sender)
    assert record["consent"] == "declined"
    for field in codebook.FIELDS:
        if field in codebook.MINIMAL_FIELDS or field in ("schema_version", "outcome"):
            continue
        assert record[field] in (None, [], False), (field, record[field])
    assert record["completed"] is True


def test_volunteered_information_is_not_asked_again(chat: Chat, repo) -> None:
    chat.say("hi, my HV said to try this, I'd prefer one to one on the phone")
    chat.say("yes")
    asked = chat.say("ok")
    assert "group" not in asked.lower() and "how would you like to talk" not in asked.lower()
    record = repo.get(chat.sender)
    assert record["referral_source"] == "health_visitor"
    assert record["format_preference"] == "one_to_one"
    assert record["mode_preferences"] == ["phone"]


def test_safety_interrupts_the_form_and_flags(chat: Chat, repo) -> None:
    chat.say("hi")
    chat.say("yes")
    chat.say("ok")
    question = chat.say("one to one")
    reply = chat.say("honestly I don't want to be here anymore")
    for route in ("999", "111", "116 123", "85258"):
        assert route in reply, route
    assert "safe" in reply.lower()
    record = repo.get(chat.sender)
    assert record["risk_flag"] is True
    events = [e for e in RiskRepository(repo.engine).events()
              if e["conversation_id"] == chat.sender]
    assert [e["category"] for e in events] == ["suicide"]
    assert "carry on" in chat.say("yes I'm safe").lower()
    assert chat.say("carry on") == question


def test_a_question_read_as_goodbye_does_not_end_the_intake(chat: Chat, repo) -> None:
    """The trained pipeline reads "is that it, bye?" as not understood (bot/runtime/
    nlu_questions.py): she is helped to rephrase and asked the question again."""
    chat.say("hi")
    chat.say("yes")
    question = chat.say("ok")
    reply = chat.say("is that it, bye?")
    assert "we'll stop here" not in reply
    assert "didn't quite follow" in reply and reply.endswith(question.splitlines()[-1])
    assert repo.get(chat.sender)["completed"] is False
    assert "we'll stop here" in chat.say("bye")  # a goodbye with no question still ends it


def test_change_of_answer_is_recorded(chat: Chat, repo) -> None:
    for text in ("hi", "yes", "ok", "a group", "video"):
        chat.say(text)
    chat.say("actually phone is better")
    assert repo.get(chat.sender)["mode_preferences"] == ["phone"]


@pytest.mark.parametrize("text", ["", " ", "x" * 10_000, "😭😭😭", "<script>alert(1)</script>",
                                  "**bold** [link](http://x)", "мне очень тяжело",
                                  "أحتاج مساعدة", "我很累", "\u0000\u202e odd"])
def test_bad_input_gets_a_reply_and_keeps_the_record(stack, text: str, repo) -> None:
    chat = Chat(stack)
    chat.say("hi")
    replies = chat.send(text)
    assert isinstance(replies, list)
    assert chat.send("yes"), "the conversation carries on after odd input"
    assert repo.get(chat.sender) is not None


def test_site_comes_from_metadata(stack, repo) -> None:
    chat = Chat(stack, site="eastvale")
    assert "Eastvale" in chat.say("hi")
    assert repo.get(chat.sender)["site"] == "eastvale"
    stranger = Chat(stack, site="no-such-site")
    stranger.say("hi")
    assert repo.get(stranger.sender)["site"] == "northbrook"


def test_export_reads_the_same_database(stack, chat: Chat) -> None:
    chat.say("hi")
    chat.say("yes")
    eastvale = Chat(stack, site="eastvale")
    eastvale.say("hi")
    eastvale.say("yes")
    env = {**os.environ, "DATABASE_URL": stack.db_url}
    out = subprocess.run([BOT, "export", "--format", "csv"], env=env, capture_output=True,
                         text=True, check=True).stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert list(rows[0]) == list(codebook.FIELDS)
    assert any(r["conversation_id"] == chat.sender for r in rows)
    lines = subprocess.run([BOT, "export", "--format", "jsonl", "--site", "eastvale"], env=env,
                           capture_output=True, text=True, check=True).stdout.splitlines()
    exported = {json.loads(line)["conversation_id"]: json.loads(line)["site"] for line in lines}
    assert exported[eastvale.sender] == "eastvale"
    assert chat.sender not in exported  # the default site's conversation is left out
    assert set(exported.values()) == {"eastvale"}
