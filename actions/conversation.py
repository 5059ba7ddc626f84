"""Asking for a person, stopping, deleting, changing an answer, and the close."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    ask_again_if_safe,
    repository,
    say,
    site_for,
    site_slot,
    sync_record,
    utter,
)
from bot.conversation import answers
from bot.conversation.answers import Reply


class AskHuman(Action):
    """A person's contact route, and the offer of a call-back: never a dead end."""

    def name(self) -> str:
        return "action_ask_human"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        values = answers.site_values(site_for(tracker))
        replies = [Reply("ask_human", values)]
        if tracker.get_slot("consent") != "declined" and not tracker.get_slot("contact_detail"):
            replies.append(Reply("offer_callback", values))
        utter(dispatcher, replies)
        return site_slot(tracker)


class RequestContact(Action):
    """She wants the team to get in touch: the form asks how, next. Without consent nothing
about her is kept, so she is given the programme's contact route instead."""

    def name(self) -> str:
        return "action_request_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        site = site_for(tracker)
        if tracker.get_slot("consent") == "declined":
            utter(dispatcher, [Reply("contact_own", answers.site_values(site))])
            return site_slot(tracker)
        events = site_slot(tracker) + [SlotSet("contact_requested", True),
                                       SlotSet("stopped", False)]
        sync_record(tracker, events)
        return events


class Stop(Action):
    def name(self) -> str:
        return "action_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        say(dispatcher, "stop")
        say(dispatcher, "close_help")
        return [*site_slot(tracker), SlotSet("stopped", True), ActiveLoop(None),
                SlotSet("requested_slot", None)]


class DeleteData(Action):
    """Honours a deletion request at once: record and contact details go, nothing more is kept."""

    def name(self) -> str:
        return "action_delete_data"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        repository().delete_conversation(tracker.sender_id)
        say(dispatcher, "deleted")
        cleared = [SlotSet(name, None) for name in (
            "referral_source", "perinatal_stage", "format_preference", "mode_preferences",
            "time_preferences", "concerns", "motivators", "take_up_intent", "decline_reason",
            "contact_requested", "preferred_contact", "contact_detail")]
        return [*cleared, SlotSet("deleted", True), SlotSet("consent", "declined"),
                SlotSet("stopped", True), ActiveLoop(None), SlotSet("requested_slot", None)]


class ConfirmChange(Action):
    """Outside the form, "actually, phone is better": say it's changed (the record already is)."""

    def name(self) -> str:
        return "action_confirm_change"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        site = site_for(tracker)
        if tracker.get_slot("changed") or tracker.slots_to_validate():
            say(dispatcher, "changed")
            wanted = answers.unmet_preferences(tracker.slots, site)
            if wanted:
                utter(dispatcher, [answers.unmet_reply(wanted, site)])
        else:
            say(dispatcher, "nothing_to_change")
        if (not ask_again_if_safe(dispatcher, tracker) and not tracker.get_slot("completed")
                and not tracker.get_slot("stopped")):
            say(dispatcher, "carry_on_offer")
        return site_slot(tracker)


class Close(Action):
    """Thanks, next steps, where to find help; the record is marked completed."""

    def name(self) -> str:
        return "action_close"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        if tracker.get_slot("completed"):
            say(dispatcher, "already_done")
            return []
        utter(dispatcher, answers.close_replies(tracker.slots, site_for(tracker)))
        events = [SlotSet("completed", True), SlotSet("stopped", False)]
        sync_record(tracker, events)
        return events
