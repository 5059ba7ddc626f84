"""The safety response: interrupts anything, flags the conversation, keeps the risk event and
alerts staff in the background (bot/alerts/staff_alerts.py). Alerts that could not be sent are
retried by the sweeper that actions/server.py starts with the action server."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import intent_of, say, site_for, site_slot, sync_record, utter
from bot import codebook
from bot.alerts import staff_alerts as alerts
from bot.conversation import answers
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


class SafetyResponse(Action):
    """The safety response, worded for the risk; the conversation is flagged and staff alerted."""

    def name(self) -> str:
        return "action_safety_response"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        category, layer = risk_of(tracker)
        site = site_for(tracker)
        # The reply is queued before anything that could fail or be slow.
        utter(dispatcher, answers.safety_replies(category, site))
        events = site_slot(tracker) + [
            SlotSet("risk_flag", True),
            SlotSet("risk_categories",
                    codebook.appended(tracker.get_slot("risk_categories"), category)),
            SlotSet("awaiting_safety_check", answers.asks_if_safe(category)),
        ]
        alerts.raise_alert(
            shared_engine,
            alerts.Alert(conversation_id=tracker.sender_id, site=site.id, site_name=site.name,
                         category=category, layer=layer, created_at=utcnow()),
            (tracker.latest_message or {}).get("text") or "")
        sync_record(tracker, events)
        return [*events, ActiveLoop(None)]


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

