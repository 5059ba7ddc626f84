"""Answers to what she asks or raises at any point; the form resumes afterwards."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import (
    answer_language,
    ask_again_if_safe,
    code_of,
    intent_of,
    message_language,
    say,
    site_for,
    site_slot,
    sync_record,
    utter,
)
from bot import codebook
from bot.conversation import answers, intake_flow
from bot.conversation.answers import Reply
from bot.conversation.extraction import extract_details
from bot.sites.config import Site


def volunteered(tracker: Tracker) -> list[dict[str, Any]]:
    """Preferences mentioned in passing ("I'd hate a group, one to one please")."""
    text = (tracker.latest_message or {}).get("text") or ""
    found = extract_details(text, None, [], None).slots
    return [SlotSet(name, value) for name, value in found.items()
            if name in intake_flow.PREFERENCE_AND_CONTEXT_SLOTS]


def offer_to_carry_on(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Outside the form, an answer ends by offering to carry on (unless all is done)."""
    if tracker.active_loop.get("name"):
        return
    if ask_again_if_safe(dispatcher, tracker):
        return
    if tracker.get_slot("completed") or tracker.get_slot("stopped"):
        return
    say(dispatcher, "carry_on_offer")


class RecordedAnswer(Action, ABC):
    """Answers something she raised: a worry (``concern_<code>``) or what draws her to peer
    support (``motivator_<code>``). Recording it is not done here: every code the message names
    was recorded when the message was read (``intake_flow.themes_named``, from
    ``action_validate_slot_mappings``), the intent's own where the worries coder agrees."""

    family: ClassVar[str]
    codes: ClassVar[tuple[str, ...]]

    @abstractmethod
    def replies(self, code: str, site: Site) -> list[Reply]: ...

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        code = code_of(tracker, self.family)
        events = site_slot(tracker) + volunteered(tracker)
        if code in self.codes:
            utter(dispatcher, self.replies(code, site_for(tracker)))
        else:
            say(dispatcher, "ask_concerns_specific")
        sync_record(tracker, events)
        offer_to_carry_on(dispatcher, tracker)
        return events


class AnswerConcern(RecordedAnswer):
    """Answers a worry in a way that addresses it (for her site)."""

    family, codes = "concern", codebook.CONCERNS

    def name(self) -> str:
        return "action_answer_concern"

    def replies(self, code: str, site: Site) -> list[Reply]:
        return answers.concern_replies(code, site)


class AnswerMotivator(RecordedAnswer):
    """Acknowledges what draws her to peer support."""

    family, codes = "motivator", codebook.MOTIVATORS

    def name(self) -> str:
        return "action_answer_motivator"

    def replies(self, code: str, site: Site) -> list[Reply]:
        return answers.motivator_replies(code, site)


class AnswerFaq(Action):
    """Answers a question about peer support, for her site."""

    def name(self) -> str:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        name = code_of(tracker, "faq")
        if name not in intake_flow.FAQ_KEYS:
            name = "what_is"
        utter(dispatcher, answers.faq_replies(name, site_for(tracker)))
        events = site_slot(tracker) + volunteered(tracker) + [SlotSet("explained", True)]
        sync_record(tracker, events)
        offer_to_carry_on(dispatcher, tracker)
        return events


class TellMeMore(Action):
    """The fuller explanation: who the volunteers are, what it is not, privacy and its limit."""

    def name(self) -> str:
        return "action_tell_me_more"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        values = answers.site_values(site_for(tracker))
        utter(dispatcher, [Reply("explain_more", values), Reply("explain_not", values),
                           Reply("explain_privacy", values)])
        events = [SlotSet("explained", True)]
        sync_record(tracker, events)
        offer_to_carry_on(dispatcher, tracker)
        return events


SMALL_TALK = {
    "bot_challenge": "iamabot",
    "feeling_low": "feeling_low",
    "out_of_scope": "out_of_scope",
    "greet": "greet_again",
    "thanks": "thanks",
    "goodbye": "goodbye",
}


class SmallTalk(Action):
    """Being a bot, a kind word for low mood, out-of-scope, greetings and thanks."""

    def name(self) -> str:
        return "action_small_talk"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        intent = intent_of(tracker)
        say(dispatcher, SMALL_TALK.get(intent or "", "out_of_scope"))
        if intent != "goodbye":
            offer_to_carry_on(dispatcher, tracker)
        return site_slot(tracker)


class Rephrase(Action):
    """The fallback: helps her rephrase with buttons, never a dead end. A message in another
    language (which the NLU reads as not understood) is answered in it: the assistant works in
    English, what her site offers in her language, its number, a call-back or English."""

    def name(self) -> str:
        return "action_rephrase"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: DomainDict) -> list[dict[str, Any]]:
        # During a question, the question comes next with its answers as buttons and a skip.
        asking = tracker.active_loop.get("name") and tracker.get_slot("requested_slot")
        language = answers.in_her_language(message_language(tracker))
        site = site_for(tracker)
        if language and tracker.get_slot("awaiting_safety_check"):
            # Her answer to "are you safe right now?" in her language: the routes again in it,
            # and the question again (its buttons are understood whatever she types).
            utter(dispatcher, answers.safety_replies_in(language, site))
            ask_again_if_safe(dispatcher, tracker)
        elif language:
            utter(dispatcher, answers.language_replies(language, site))
            sync_record(tracker)
        else:
            say(dispatcher, "rephrase_question" if asking else "rephrase",
                answer_language(tracker))
        if asking:
            return site_slot(tracker)
        # Outside the form no rule may say what follows ("skip" after the end): without this
        # Rasa predicted the fallback again, ten times, until its circuit breaker ended the
        # turn and left the conversation unable to answer.
        return [*site_slot(tracker), FollowupAction("action_listen")]
