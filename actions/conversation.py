"""Asking for a person, stopping, deleting, changing an answer, and the close."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    answer_language,
    ask_again_if_safe,
    intent_of,
    repository,
    say,
    site_for,
    site_slot,
    sync_record,
    utter,
)
from bot.conversation import answers, deletion
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
    """She wants the team to get in touch: the form asks how, next (in her language while the
    conversation is in it). Without consent nothing about her is kept, so she is given the
    programme's contact route instead."""

    def name(self) -> str:
        return "action_request_contact"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        site = site_for(tracker)
        if tracker.get_slot("consent") == "declined":
            utter(dispatcher, [Reply("contact_own", answers.site_values(site),
                                     language=answer_language(tracker))])
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


def delete_everything(dispatcher: CollectingDispatcher,
                      tracker: Tracker) -> list[dict[str, Any]]:
    """She said yes to deleting: record and contact details go, nothing more is kept; the
    events that forget her answers and close the deletion question."""
    repository().delete_conversation(tracker.sender_id)
    say(dispatcher, "deleted")
    cleared = [SlotSet(name, None) for name in (
        "referral_source", "perinatal_stage", "format_preference", "mode_preferences",
        "time_preferences", "concerns", "motivators", "take_up_intent", "decline_reason",
        "contact_requested", "preferred_contact", "contact_detail", "delete_pending_safety")]
    return [*cleared, SlotSet("awaiting_delete_confirm", False), SlotSet("delete_resume", False),
            SlotSet("deleted", True), SlotSet("consent", "declined"),
            SlotSet("stopped", True), ActiveLoop(None), SlotSet("requested_slot", None)]


class CheckDeletion(Action):
    """She asked to delete (or was read so): ask her first, the form paused meanwhile."""

    def name(self) -> str:
        return "action_check_deletion"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        text = (tracker.latest_message or {}).get("text")
        if (tracker.get_slot("awaiting_delete_confirm")
                and deletion.confirms_by_asking_again(text)):
            return delete_everything(dispatcher, tracker)
        say(dispatcher, "delete_confirm")
        slots = deletion.confirmation_slots(
            tracker.slots, in_form=tracker.active_loop.get("name") == "intake_form")
        return [*site_slot(tracker), *(SlotSet(name, value) for name, value in slots.items()),
                ActiveLoop(None)]


class DeletionAnswer(Action):
    """Her answer to "would you like me to delete everything?": a clear yes deletes; anything
    else keeps everything, and she goes back to where she was (the rules resume the form when
    ``delete_resume`` is still set)."""

    def name(self) -> str:
        return "action_deletion_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        text = (tracker.latest_message or {}).get("text")
        if deletion.confirms_deletion(text, intent_of(tracker)):
            return delete_everything(dispatcher, tracker)
        say(dispatcher, "delete_kept")
        kept = deletion.kept_slots(tracker.slots)
        pending = tracker.get_slot("delete_pending_safety")
        if pending == deletion.SAFETY_CHECK:
            say(dispatcher, "safety_ask_safe")
        elif pending == deletion.CHECK_IN:
            say(dispatcher, "safety_check_in")
        elif not kept["delete_resume"] and not (tracker.get_slot("completed")
                                                 or tracker.get_slot("stopped")):
            say(dispatcher, "carry_on_offer")
        return [SlotSet(name, value) for name, value in kept.items()]


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
