"""The intake form: reading each turn, choosing the next question, asking it for her site."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    answer_language,
    answered_this_turn,
    ask,
    intent_of,
    message_language,
    repository,
    said_so_far,
    say,
    site_for,
    site_slot,
    slots_after,
    sync_record,
    utter,
)
from bot import codebook
from bot.conversation import answers, intake_flow
from bot.conversation.answers import Reply

logger = logging.getLogger(__name__)


class ActionValidateSlotMappings(Action):
    """Runs after every user message (Rasa calls it from action_extract_slots): takes her
    answer to the current question and anything she volunteered, and updates the record."""

    def name(self) -> str:
        return "action_validate_slot_mappings"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        message = tracker.latest_message or {}
        if answers.in_her_language(message_language(tracker)):
            # Written in another language: the reader knows only English, so nothing is read
            # as an answer and the question is not counted as missed; she is answered in her
            # language (Rephrase). Her record notes the language.
            events = site_slot(tracker)
            sync_record(tracker, events)
            return events
        requested = tracker.get_slot("requested_slot") if tracker.active_loop else None
        turn = intake_flow.answer_turn(
            text=message.get("text") or "",
            intent=intent_of(tracker),
            entities=message.get("entities") or [],
            requested_slot=requested,
            slots=tracker.slots,
            offered_formats=site_for(tracker).formats,
            offered_modes=answers.offered_modes(site_for(tracker),
                                                tracker.get_slot("format_preference")),
        )
        said = said_so_far(tracker)
        misses = intake_flow.misses_after(
            turn, requested, intent_of(tracker), int(tracker.get_slot("unanswered_turns") or 0),
            same_as_before=len(said) >= 2 and said[-2].intent == said[-1].intent)
        moved_on = bool(requested) and misses >= intake_flow.MISSES_BEFORE_MOVING_ON
        if moved_on:
            turn.slots.update(intake_flow.give_up_on(requested))
            misses = 0
        events = site_slot(tracker)
        events += [SlotSet(name, value) for name, value in turn.slots.items()]
        events.append(SlotSet("changed", turn.changed))
        events.append(SlotSet("invalid_contact", turn.invalid_contact))
        events += [SlotSet("unanswered_turns", float(misses)), SlotSet("moved_on", moved_on)]
        slots = slots_after(tracker, events)
        events.append(SlotSet("stage", intake_flow.next_question(slots)))
        if turn.contact_value and codebook.has_consented(slots):
            try:
                repository().save_contact(tracker.sender_id,
                                          slots.get("preferred_contact") or "phone",
                                          turn.contact_value)
            except Exception as exc:  # noqa: BLE001 - never log the detail itself
                logger.error("could not store contact details (%s)", type(exc).__name__)
        sync_record(tracker, events)
        return events


class ValidateIntakeForm(FormValidationAction):
    """Chooses the form's next question and acknowledges what she changed or asked for."""

    def name(self) -> str:
        return "validate_intake_form"

    async def required_slots(self, domain_slots: list[str], dispatcher: CollectingDispatcher,
                             tracker: Tracker, domain: DomainDict) -> list[str]:
        return intake_flow.required_slots(tracker.slots)

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        # Answers her latest message gave (none when the form resumes after a digression or
        # starts again, when every filled slot is re-validated).
        just_set = set(tracker.slots_to_validate()) & answered_this_turn(tracker)
        if just_set:
            site = site_for(tracker)
            language = answer_language(tracker)
            if tracker.get_slot("requested_slot") in just_set:
                # Her reply answered the question: say so if it was left unanswered, and
                # answer a worry or question she raised on the way.
                if tracker.get_slot("moved_on"):
                    say(dispatcher, "moving_on", language)
                utter(dispatcher, answers.in_passing_replies(
                    intake_flow.raised_code(intent_of(tracker)), site))
            if tracker.get_slot("changed"):
                say(dispatcher, "changed", language)
            if just_set & {"format_preference", "mode_preferences"}:
                wanted = answers.unmet_preferences({k: tracker.get_slot(k) for k in just_set}, site)
                if wanted:
                    utter(dispatcher, [answers.unmet_reply(wanted, site)])
            if "consent" in just_set:
                say(dispatcher, (
                    "consent_given" if codebook.has_consented(tracker.slots)
                    else "consent_declined"), language)
            if "take_up_intent" in just_set and tracker.get_slot("take_up_intent") == "no":
                utter(dispatcher, [Reply("intent_no", answers.site_values(site))])
            masked = tracker.get_slot("contact_detail")
            if "contact_detail" in just_set and masked and masked != intake_flow.SKIPPED:
                say(dispatcher, "contact_confirmed", language, masked=masked)
        return await super().run(dispatcher, tracker, domain)


class AskConsent(Action):
    """Welcome (once) and the consent question, with her site's retention and privacy link; in
    her language while the conversation is in it (``answer_language``)."""

    def name(self) -> str:
        return "action_ask_consent"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        values = answers.site_values(site_for(tracker))
        language = answer_language(tracker)
        replies = []
        if not tracker.get_slot("welcomed"):
            replies += [Reply("welcome", values, language=language),
                        Reply("not_emergency", values, language=language)]
        replies.append(Reply("ask_consent", values, language=language))
        ask(dispatcher, tracker, replies)
        return [SlotSet("welcomed", True), *site_slot(tracker)]


class AskExplanationAck(Action):
    """The short explanation of peer support, as her site offers it."""

    def name(self) -> str:
        return "action_ask_explanation_ack"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        already_shown = any(e.get("event") == "action" and e.get("name") == self.name()
                            for e in tracker.events[:-1])
        response = "ask_explanation_ack_again" if already_shown else "explain_short"
        ask(dispatcher, tracker, [Reply(response, answers.site_values(site_for(tracker)))])
        events = [SlotSet("explained", True)]
        sync_record(tracker, events)
        return events


class AskFormatPreference(Action):
    def name(self) -> str:
        return "action_ask_format_preference"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        ask(dispatcher, tracker, [answers.format_question(site_for(tracker))])
        return []


class AskModePreferences(Action):
    def name(self) -> str:
        return "action_ask_mode_preferences"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        ask(dispatcher, tracker, [answers.mode_question(site_for(tracker),
                                                        tracker.get_slot("format_preference"))])
        return []


class AskConcernsDone(Action):
    """The open question about worries; after one, "anything else?"; after a bare "yes",
    "what is it?"."""

    def name(self) -> str:
        return "action_ask_concerns_done"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        if intent_of(tracker) == "affirm" and tracker.latest_action_name != "action_listen":
            question = "ask_concerns_specific"
        elif tracker.get_slot("concerns"):
            question = "ask_concerns_more"
        else:
            question = "ask_concerns_done"
        ask(dispatcher, tracker, [Reply(question)])
        return []


class AskQuestion(Action, ABC):
    """A question whose wording needs nothing but her site's facts: the message is
    ``ask_<slot>`` for the action ``action_ask_<slot>``, in her language where its catalogue
    has it (``answer_language``)."""

    @abstractmethod
    def name(self) -> str: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        message = "ask_" + self.name().removeprefix("action_ask_")
        ask(dispatcher, tracker, [Reply(message, answers.site_values(site_for(tracker)),
                                        language=answer_language(tracker))])
        return []


class AskTimePreferences(AskQuestion):
    def name(self) -> str:
        return "action_ask_time_preferences"


class AskReferralSource(AskQuestion):
    def name(self) -> str:
        return "action_ask_referral_source"


class AskPerinatalStage(AskQuestion):
    def name(self) -> str:
        return "action_ask_perinatal_stage"


class AskTakeUpIntent(AskQuestion):
    def name(self) -> str:
        return "action_ask_take_up_intent"


class AskDeclineReason(AskQuestion):
    def name(self) -> str:
        return "action_ask_decline_reason"


class AskContactRequested(AskQuestion):
    def name(self) -> str:
        return "action_ask_contact_requested"


class AskPreferredContact(AskQuestion):
    def name(self) -> str:
        return "action_ask_preferred_contact"


class AskContactDetail(Action):
    """Asks for the number or address that fits her chosen way, again kindly if invalid; in
    her language while the conversation is in it (``answer_language``)."""

    def name(self) -> str:
        return "action_ask_contact_detail"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        kind = "email" if tracker.get_slot("preferred_contact") == "email" else "phone"
        language = answer_language(tracker)
        if tracker.get_slot("invalid_contact"):
            say(dispatcher, f"contact_invalid_{kind}", language)
        else:
            ask(dispatcher, tracker, [Reply(f"ask_contact_detail_{kind}", language=language)])
        return []
