"""The data dictionary, generated from the codebook so it can never drift from it."""

from __future__ import annotations

from dataclasses import dataclass

from bot import codebook

#: What each field means, in the codebook's words (docs/codebook.md).
DESCRIPTIONS = {
    "schema_version": "Version of the codebook the record follows.",
    "conversation_id": "Random identifier of the conversation (never shown in reports).",
    "site": "The local programme the conversation was for.",
    "started_at": "When the conversation started (UTC).",
    "last_activity_at": "When the conversation last changed (UTC).",
    "consent": "Whether she agreed to a record of her answers being kept.",
    "explained": "Whether the assistant explained what peer support is and is not.",
    "referral_source": "Who suggested peer support to her.",
    "perinatal_stage": "Pregnant or after the birth.",
    "format_preference": "Group or one-to-one support.",
    "mode_preferences": "Face to face, phone or video (any number).",
    "time_preferences": "Times that suit her (any number).",
    "concerns": "Worries she raised, in the order raised.",
    "motivators": "What draws her to peer support.",
    "mechanisms": "The study's mechanisms behind her concerns and motivators.",
    "take_up_intent": "Whether she would like to take peer support up.",
    "decline_reason": "Her main reason, if she would not.",
    "contact_requested": "Whether she asked to be contacted.",
    "preferred_contact": "How she would like to be contacted.",
    "risk_flag": "Whether the safety response was given in the conversation.",
    "completed": "Whether the conversation reached its closing message.",
    "outcome": "Whether she took peer support up, as staff recorded it.",
    "outcome_at": "The date staff recorded the outcome.",
    "outcome_reason": "Why she did not take it up, as staff recorded it.",
    "concerns_reviewed": "The concern codes after staff reviewed the assistant's coding.",
    "risk_acknowledged": "Whether staff acknowledged the risk alert.",
    "callback_done": "Whether staff made the call-back she asked for.",
    "risk_categories": "The kinds of risk the safety response was given for, in the order raised.",
}

CODES = {
    "consent": codebook.CONSENT_VALUES,
    "referral_source": codebook.REFERRAL_SOURCES,
    "perinatal_stage": codebook.PERINATAL_STAGES,
    "format_preference": codebook.FORMATS,
    "mode_preferences": codebook.MODES,
    "time_preferences": codebook.TIMES,
    "concerns": codebook.CONCERNS,
    "motivators": codebook.MOTIVATORS,
    "mechanisms": codebook.MECHANISMS,
    "take_up_intent": codebook.TAKE_UP_INTENTS,
    "decline_reason": codebook.DECLINE_REASONS,
    "preferred_contact": codebook.CONTACT_METHODS,
    "outcome": codebook.OUTCOMES,
    "outcome_reason": codebook.OUTCOME_REASONS,
    "concerns_reviewed": codebook.CONCERNS,
    "risk_categories": codebook.RISK_CATEGORIES,
}


@dataclass(frozen=True)
class Entry:
    field: str
    description: str
    codes: tuple[str, ...]
    set_by_staff: bool


def entries() -> list[Entry]:
    """Every codebook field, in the codebook's order."""
    return [Entry(f, DESCRIPTIONS.get(f, ""), tuple(CODES.get(f, ())),
                  f in codebook.STAFF_FIELDS or f == "outcome") for f in codebook.FIELDS]


def mechanisms() -> list[tuple[str, list[str], list[str]]]:
    """Each mechanism with the concern and motivator codes that belong to it."""
    return [(m, [c for c, mm in codebook.CONCERN_MECHANISMS.items() if mm == m],
             [c for c, mm in codebook.MOTIVATOR_MECHANISMS.items() if mm == m])
            for m in codebook.MECHANISMS]
