"""A mother who writes in another language (issue 19), over the REST webhook against the real
Rasa and action servers: answered in her language, safe in it, and able to carry on in
English; her record keeps the language."""

from __future__ import annotations

import pytest

from bot.records.risk_events import RiskRepository
from tests.conftest import Chat

pytestmark = pytest.mark.integration


def test_an_opening_in_polish_is_answered_in_polish_with_the_sites_offer(chat: Chat,
                                                                          repo) -> None:
    reply = chat.say("Dzień dobry, położna dała mi ten link, czy jest grupa po polsku?")
    # Northbrook lists Polish among its volunteers' languages: the offer says so, in Polish,
    # with the programme's number, and buttons for a call-back or English.
    assert "tylko po angielsku" in reply and "mówią po polsku" in reply, reply
    assert "01632 960123" in reply  # Northbrook's number
    payloads = [button["payload"] for button in chat.buttons()]
    assert payloads == ["/request_contact", "/continue"]
    assert repo.get(chat.sender)["language"] == "pl"
    # She can carry on in English at any point: the intake starts as for anyone.
    welcome = chat.say("hi, can we do it in english")
    assert "automated" in welcome


def test_a_risk_in_polish_gets_the_safety_reply_in_polish_and_english_and_alerts(
        chat: Chat, repo) -> None:
    chat.say("hi")
    chat.say("yes that's fine")
    reply = chat.say("Nie chcę już żyć, myślę o tym żeby się zabić")
    assert "zadzwoń pod 999" in reply, reply  # her language first
    for route in ("999", "111", "116 123"):
        assert route in reply, route
    assert "safe" in reply.lower()  # then the English response and its question
    assert repo.get(chat.sender)["risk_flag"] is True
    events = [e for e in RiskRepository(repo.engine).events()
              if e["conversation_id"] == chat.sender]
    assert [e["category"] for e in events] == ["suicide"]
