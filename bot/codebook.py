"""The intake record's codebook: field names, codes and the mechanism mapping.

This module is the code form of ``docs/codebook.md`` (a published contract with evaluators).
Changing a code or a field here means bumping ``SCHEMA_VERSION`` and noting it in CHANGELOG.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

SCHEMA_VERSION = 5

#: The intake's questions, in the order the conversation usually asks them: each is the name of
#: the slot that holds her answer, and ``dropped_at`` names the one she stopped at
#: (schema_version 4).
QUESTIONS = ("consent", "explanation_ack", "format_preference", "mode_preferences",
             "time_preferences", "referral_source", "perinatal_stage", "concerns_done",
             "take_up_intent", "decline_reason", "contact_requested", "preferred_contact",
             "contact_detail")
#: The value a question's slot gets when she declines it ("skip", "rather not say", "don't
#: know"); a list slot gets ``[SKIPPED]``. Never a code: the coded field stays null or empty, and
#: the question is listed in ``questions_skipped``.
SKIPPED = "skipped"
#: The value a question's slot gets when two replies in a row did not answer it and the
#: conversation moved on rather than ask a third time; a list slot gets ``[NOT_UNDERSTOOD]``.
#: Listed in ``questions_not_understood``.
NOT_UNDERSTOOD = "not_understood"

#: The languages the assistant recognises (ISO 639-1 code -> English name, as site files name
#: them): ``language``, the language she wrote in, and ``callback_language``, the language she
#: would like a call-back in (schema_version 5). English first: the default.
ENGLISH = "en"
LANGUAGES: dict[str, str] = {
    "en": "English", "pl": "Polish", "ur": "Urdu", "bn": "Bengali", "ro": "Romanian",
    "ar": "Arabic", "pa": "Punjabi", "cy": "Welsh",
}

CONSENT_VALUES = ("given", "declined", "not_asked")
REFERRAL_SOURCES = ("self", "health_visitor", "midwife", "gp", "mental_health_team", "other")
PERINATAL_STAGES = ("pregnant", "postnatal")
FORMATS = ("group", "one_to_one", "either", "unsure")
#: The formats a site can offer (the others are answers, not formats a programme runs).
SITE_FORMATS = ("group", "one_to_one")
MODES = ("face_to_face", "phone", "video")
TIMES = ("morning", "afternoon", "evening", "weekend")
TAKE_UP_INTENTS = ("yes", "maybe", "no")
CONTACT_METHODS = ("phone", "text", "email")
OUTCOMES = ("pending", "took_up", "did_not_take_up")
OUTCOME_REASON_EXTRAS = ("unreachable", "changed_mind", "not_eligible", "other")

#: The safety net's risk categories (bot/safety), as staff alerts, `bot risks` and the export's
#: ``risk_categories`` name them. The last three were added in schema_version 3.
RISK_CATEGORIES = ("suicide", "self_harm", "harm_baby", "psychosis", "danger_at_home", "overdose",
                   "baby_emergency", "maternal_emergency", "other_risk")

#: Concern code -> the study's mechanism it belongs to.
CONCERN_MECHANISMS: dict[str, str] = {
    "fear_of_judgement": "psychological_safety",
    "confidentiality_worry": "psychological_safety",
    "group_anxiety": "psychological_safety",
    "not_like_me": "reference_group",
    "not_unwell_enough": "anticipated_gains",
    "doubt_it_helps": "anticipated_gains",
    "talking_not_valued": "anticipated_gains",
    "prefers_professional": "professional_comparison",
    "already_has_support": "professional_comparison",
    "practical_time": "practical",
    "practical_travel": "practical",
    "practical_childcare": "practical",
}

#: Motivator code -> mechanism.
MOTIVATOR_MECHANISMS: dict[str, str] = {
    "meet_other_mothers": "reference_group",
    "be_understood": "psychological_safety",
    "feel_less_alone": "reference_group",
    "practical_ideas": "anticipated_gains",
}

CONCERNS = tuple(CONCERN_MECHANISMS)
MOTIVATORS = tuple(MOTIVATOR_MECHANISMS)
MECHANISMS = (
    "psychological_safety",
    "reference_group",
    "anticipated_gains",
    "professional_comparison",
    "practical",
)
DECLINE_REASONS = (*CONCERNS, "other")
#: Why she did not take it up, as staff recorded it (schema_version 2).
OUTCOME_REASONS = (*CONCERNS, *OUTCOME_REASON_EXTRAS)

#: Fields staff set after the conversation (schema_version 2); the conversation never writes them.
STAFF_FIELDS = (
    "outcome_at",
    "outcome_reason",
    "concerns_reviewed",
    "risk_acknowledged",
    "callback_done",
)

#: Export columns, in the codebook's order.
FIELDS = (
    "schema_version",
    "conversation_id",
    "site",
    "started_at",
    "last_activity_at",
    "consent",
    "explained",
    "referral_source",
    "perinatal_stage",
    "format_preference",
    "mode_preferences",
    "time_preferences",
    "concerns",
    "motivators",
    "mechanisms",
    "take_up_intent",
    "decline_reason",
    "contact_requested",
    "preferred_contact",
    "risk_flag",
    "completed",
    "outcome",
    # schema_version 2: set by staff in the staff workspace
    *STAFF_FIELDS,
    # schema_version 3: derived from the conversation's risk events when a record is read
    "risk_categories",
    # schema_version 4: where she stopped, and the questions she declined or was not understood on
    "dropped_at",
    "questions_skipped",
    "questions_not_understood",
    # schema_version 5: the language she wrote in, and the language she would like a call-back in
    "language",
    "callback_language",
)

#: Fields kept when consent is declined; everything else stays null or empty.
#: ``dropped_at`` names a question, never an answer: evaluators need it to see drop-off.
#: ``language`` is kept too: staff following up a risk she raised need to know she wrote in
#: Polish, and evaluators count who the assistant reaches; ``callback_language`` is an answer.
MINIMAL_FIELDS = frozenset(
    {"conversation_id", "site", "started_at", "last_activity_at", "consent", "risk_flag",
     "completed", "dropped_at", "language"}
)

LIST_FIELDS = ("mode_preferences", "time_preferences", "concerns", "motivators", "mechanisms",
               "risk_categories", "questions_skipped", "questions_not_understood")


#: How a mode reads in a sentence to her ("by phone or by video call").
MODE_LABELS: dict[str, str] = {
    "face_to_face": "face to face",
    "phone": "by phone",
    "video": "by video call",
}


def has_consented(slots: Mapping[str, Any]) -> bool:
    """Whether she has agreed to her answers being kept: the one test every part uses.

    Only an explicit "given" counts. Not asked yet, declined, and a deletion request (which
    sets consent to "declined") all mean her answers are not kept and not acted on.
    """
    return slots.get("consent") == "given"


def mechanisms_for(concerns: Iterable[str], motivators: Iterable[str]) -> list[str]:
    """The mechanisms behind concerns and motivators, in first-raised order, no duplicates."""
    found: list[str] = []
    for code in concerns:
        mechanism = CONCERN_MECHANISMS.get(code)
        if mechanism and mechanism not in found:
            found.append(mechanism)
    for code in motivators:
        mechanism = MOTIVATOR_MECHANISMS.get(code)
        if mechanism and mechanism not in found:
            found.append(mechanism)
    return found


def ordered_subset(values: Iterable[str] | None, allowed: tuple[str, ...]) -> list[str]:
    """Keep only allowed codes, in the codebook's order, without duplicates."""
    chosen = set(values or ())
    return [code for code in allowed if code in chosen]


def appended(values: Iterable[str] | None, code: str) -> list[str]:
    """A copy of ``values`` with ``code`` added at the end unless already present."""
    result = list(values or ())
    if code not in result:
        result.append(code)
    return result
