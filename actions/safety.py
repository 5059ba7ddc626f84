"""The safety response: interrupts anything, flags the conversation, keeps the risk event and
alerts staff in the background (bot/alerts/staff_alerts.py). Alerts that could not be sent are
retried by the sweeper that actions/server.py starts with the action server."""

from __future__ import annotations

from typing import Any, NamedTuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    intent_of,
    message_language,
    say,
    site_for,
    site_slot,
    sync_record,
    utter,
)
from bot import codebook
from bot.alerts import staff_alerts as alerts
from bot.conversation import answers, intake_flow
from bot.conversation.intake_flow import CHECK_IN_INTENT
from bot.records.database import shared_engine
from bot.records.intake_record import utcnow
from bot.safety import RISK_CATEGORIES


def risk_of(tracker: Tracker) -> tuple[str, str]:
    """The risk category and the layer that caught it, from the NLU's safety note."""
    message = tracker.latest_message or {}
    note = message.get("safety") or {}
    category = note.get("category")
    if category not in RISK_CATEGORIES:
        intent = intent_of(tracker) or ""
        category = intent.removeprefix("risk_")
    if category not in RISK_CATEGORIES:
        category = "suicide"  # a risk intent we cannot place still gets the full response
    return category, note.get("layer") or "model"


class Caught(NamedTuple):
    """What the risk event records about how the risk was caught."""

    category: str
    layer: str
    rule: str | None
    score: float | None
    check_in: str | None


def caught_how(tracker: Tracker) -> Caught:
    """Which layer raised this safety response: the rule, the classifier's score, and her
    answer when it follows the check-in question (never her words)."""
    if tracker.get_slot("awaiting_check_in"):
        category = tracker.get_slot("check_in_category")
        answer = "not_sure" if intent_of(tracker) == "not_sure" else "yes"
        return Caught(category if category in RISK_CATEGORIES else "suicide",
                      "check_in", None, tracker.get_slot("check_in_score"), answer)
    category, layer = risk_of(tracker)
    note = (tracker.latest_message or {}).get("safety") or {}
    return Caught(category, layer, note.get("pattern"), note.get("score"), None)


class SafetyResponse(Action):
    """The safety response, worded for the risk; the conversation is flagged and staff alerted."""

    def name(self) -> str:
        return "action_safety_response"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        caught = caught_how(tracker)
        site = site_for(tracker)
        # The reply is queued before anything that could fail or be slow. In her language
        # first when she wrote in another one, then in English.
        utter(dispatcher, answers.safety_replies(caught.category, site,
                                                 message_language(tracker)))
        events = site_slot(tracker) + [
            SlotSet("risk_flag", True),
            SlotSet("risk_categories",
                    codebook.appended(tracker.get_slot("risk_categories"), caught.category)),
            SlotSet("awaiting_safety_check", answers.asks_if_safe(caught.category)),
            SlotSet("awaiting_check_in", False),
            # A risk at "would you like me to delete everything?" answers it: nothing is
            # deleted, and her next "yes" is not read as one to deleting.
            SlotSet("awaiting_delete_confirm", False),
        ]
        # After a check-in, the message she typed is the one the check-in was about.
        message = (_checked_event(tracker).get("text") if caught.check_in
                   else (tracker.latest_message or {}).get("text")) or ""
        alerts.raise_alert(
            shared_engine,
            alerts.Alert(conversation_id=tracker.sender_id, site=site.id, site_name=site.name,
                         category=caught.category, layer=caught.layer, created_at=utcnow(),
                         rule=caught.rule, score=caught.score, check_in=caught.check_in),
            message)
        sync_record(tracker, events)
        return [*events, ActiveLoop(None)]


def _checked_event(tracker: Tracker) -> dict[str, Any]:
    """The message that led to the check-in question (the last one read as one), or {}."""
    for event in reversed(tracker.events):
        if (event.get("event") == "user"
                and ((event.get("parse_data") or {}).get("intent") or {}).get("name")
                == CHECK_IN_INTENT):
            return event
    return {}


def _model_reading(checked: dict[str, Any]) -> str | None:
    """What the intent model read the checked message as, before the safety net put the
    check-in first: "not really, just that ..." to "anything else on your mind?" is a no, and
    read without it her answer was lost, the question came back, and her same answer was
    checked again, round and round."""
    ranking = (checked.get("parse_data") or {}).get("intent_ranking") or []
    for entry in ranking:
        name = entry.get("name")
        if name != CHECK_IN_INTENT and not intake_flow.is_risk_intent(name):
            return name
    return None


class SafetyCheckIn(Action):
    """The classifier is unsure: ask her directly, gently, with yes / no / not sure."""

    def name(self) -> str:
        return "action_safety_check_in"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        note = (tracker.latest_message or {}).get("safety") or {}
        say(dispatcher, "safety_check_in")
        resume = not (tracker.get_slot("completed") or tracker.get_slot("stopped")
                      or tracker.get_slot("deleted"))
        return [*site_slot(tracker),
                SlotSet("awaiting_check_in", True),
                SlotSet("awaiting_safety_check", False),
                SlotSet("awaiting_delete_confirm", False),
                SlotSet("check_in_resume", resume),
                SlotSet("check_in_category", note.get("category")),
                SlotSet("check_in_score", note.get("score")),
                SlotSet("check_in_question", tracker.get_slot("requested_slot")
                        if tracker.active_loop.get("name") else None),
                # Her answer to this question must not be read as the answer to the form's:
                # "no" would otherwise decline consent when the form resumes.
                SlotSet("requested_slot", None),
                ActiveLoop(None)]


class SafetyCheckInAnswer(Action):
    """She said no to the check-in: thank her; the rule then takes her back to the intake.

    The message that was checked is read again as her answer to the question she was at
    ("only weekends, in the week I clean houses"), so she is not asked it again only to be
    checked again.
    """

    def name(self) -> str:
        return "action_safety_check_in_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        say(dispatcher, "safety_check_in_no")
        events = [SlotSet("awaiting_check_in", False), SlotSet("check_in_question", None)]
        question = tracker.get_slot("check_in_question")
        if question and question != "contact_detail":
            site = site_for(tracker)
            checked = _checked_event(tracker)
            turn = intake_flow.answer_turn(
                text=checked.get("text") or "", intent=_model_reading(checked), entities=[],
                requested_slot=question, slots=tracker.slots,
                offered_formats=site.formats,
                offered_modes=answers.offered_modes(site, tracker.get_slot("format_preference")))
            answered = {name: value for name, value in turn.slots.items()
                        if name != "contact_detail"}
            events += [SlotSet(name, value) for name, value in answered.items()]
            sync_record(tracker, events)
        return events


class SafetyFollowup(Action):
    """Her answer to "are you safe right now?"."""

    def name(self) -> str:
        return "action_safety_followup"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        site = site_for(tracker)
        if intent_of(tracker) == "affirm":
            say(dispatcher, "safety_safe")
        else:
            utter(dispatcher, answers.not_safe_replies(site))
        return [SlotSet("awaiting_safety_check", False)]
