"""What every custom action needs: her site, the slots after this action, the record, replies."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from bot.conversation.answers import Reply, in_her_language
from bot.conversation.languages import Said, conversation_language, reply_language
from bot.conversation.messages import entry_in, render
from bot.records.database import shared_engine
from bot.records.intake_record import IntakeRepository, record_fields
from bot.sites.config import Site, registry

logger = logging.getLogger(__name__)


def repository() -> IntakeRepository:
    return IntakeRepository(shared_engine())


def site_for(tracker: Tracker) -> Site:
    """Her site: the one already chosen for the conversation, else the message's metadata."""
    chosen = tracker.get_slot("site")
    if chosen:
        return registry().get(chosen)
    metadata = (tracker.latest_message or {}).get("metadata") or {}
    return registry().get(metadata.get("site") if isinstance(metadata, dict) else None)


def message_language(tracker: Tracker) -> str | None:
    """The language of her latest message, as the NLU read it (None for a button)."""
    return (tracker.latest_message or {}).get("language")


def said_so_far(tracker: Tracker) -> list[Said]:
    """Her messages so far, as the NLU read them."""
    said = []
    for event in tracker.events:
        if event.get("event") == "user":
            parse = event.get("parse_data") or {}
            said.append(Said(event.get("text") or "", (parse.get("intent") or {}).get("name"),
                             parse.get("language")))
    return said


def her_language(tracker: Tracker) -> str:
    """The conversation's language (bot.conversation.languages), from her messages so far."""
    return conversation_language(message.language for message in said_so_far(tracker))


def answer_language(tracker: Tracker) -> str | None:
    """The language to ask her in besides English (None: English): hers, while she has not
    chosen English since (``reply_language``) and it has a catalogue. Read from the whole
    conversation, not her latest message: her phone number or a button press carries none."""
    return in_her_language(reply_language(said_so_far(tracker)))


def slots_after(tracker: Tracker, events: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """The conversation's slots once ``events`` (this action's SlotSets) are applied."""
    slots = dict(tracker.slots)
    for event in events:
        if event.get("event") == "slot":
            slots[event["name"]] = event.get("value")
    return slots


def sync_record(tracker: Tracker, events: Iterable[dict[str, Any]] = ()) -> None:
    """Write the intake record as it stands after this action.

    A storage failure is logged (without her words) and never stops the reply to her.
    """
    slots = slots_after(tracker, events)
    if slots.get("deleted"):
        return
    try:
        repository().upsert(tracker.sender_id, record_fields(slots, site_for(tracker).id,
                                                            her_language(tracker)))
    except Exception as exc:  # noqa: BLE001 - the reply to her must go out whatever happens
        # Only the error's type: database errors quote the values they failed to write.
        logger.error("could not write an intake record (%s)", type(exc).__name__)


def utter(dispatcher: CollectingDispatcher, replies: Iterable[Reply]) -> None:
    """Send each reply, rendered from the message catalogue."""
    for reply in replies:
        dispatcher.utter_message(**render(reply.response, reply.values, reply.buttons,
                                          reply.language))


def skip_button(language: str | None = None) -> dict[str, str]:
    """The way to skip a question asked again; its title is the ``skip_question`` message."""
    return {"title": render("skip_question", language=language)["text"], "payload": "/skip"}


def ask(dispatcher: CollectingDispatcher, tracker: Tracker, replies: list[Reply]) -> None:
    """Ask a question. Asked again because her last reply did not answer it, it ends with its
    choices as buttons and a way to skip (a "no" button is one), so she is never stuck."""
    if replies and (tracker.get_slot("unanswered_turns") or 0) >= 1:
        last = replies[-1]
        own = (last.buttons if last.buttons is not None
               else entry_in(last.response, last.language).get("buttons"))
        buttons = [dict(b) for b in own or []]
        if not any(b.get("payload") in ("/skip", "/deny") for b in buttons):
            buttons.append(skip_button(last.language))
        replies = [*replies[:-1], Reply(last.response, last.values, buttons, last.language)]
    utter(dispatcher, replies)


def say(dispatcher: CollectingDispatcher, name: str, language: str | None = None,
        **values: Any) -> None:
    """Send one message from the catalogue that needs no site facts, in ``language`` where its
    catalogue has it (``answer_language``)."""
    dispatcher.utter_message(**render(name, values, language=language))


def ask_again_if_safe(dispatcher: CollectingDispatcher, tracker: Tracker) -> bool:
    """After the safety response, "Are you safe right now?" waits for her answer. A message in
    between (sent with the one about risk, or from another tab) is answered and then the
    question is asked again, never "Shall we carry on?": the rules read her "yes" then as
    "I'm safe". True when it was asked."""
    if not tracker.get_slot("awaiting_safety_check"):
        return False
    say(dispatcher, "safety_ask_safe")
    return True


def intent_of(tracker: Tracker) -> str | None:
    return ((tracker.latest_message or {}).get("intent") or {}).get("name")


def answered_this_turn(tracker: Tracker) -> set[str]:
    """Slots her latest message set (not those re-validated when a form starts again)."""
    events = tracker.events
    last_user = max((i for i, e in enumerate(events) if e.get("event") == "user"), default=-1)
    names: set[str] = set()
    for event in events[last_user + 1:]:
        if event.get("event") == "slot":
            names.add(event["name"])
        elif event.get("event") == "action" and event.get("name") != "action_extract_slots":
            break  # what actions set after that is not her answer
    return names


def code_of(tracker: Tracker, family: str) -> str | None:
    """The code in an intent of a family: ``concern_group_anxiety`` -> ``group_anxiety``."""
    intent = intent_of(tracker) or ""
    return intent.removeprefix(f"{family}_") if intent.startswith(f"{family}_") else None


def site_slot(tracker: Tracker) -> list[dict[str, Any]]:
    """Set the site slot the first time the conversation is seen."""
    if tracker.get_slot("site"):
        return []
    return [SlotSet("site", site_for(tracker).id)]
