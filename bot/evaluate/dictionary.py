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
    "dropped_at": "If the conversation did not reach its closing message, the question she "
                  "was at when it stopped (or is at, if it is still going); empty once it "
                  "completed. Kept even when she declined a record: it holds no answer.",
    "questions_skipped": "The questions she chose not to answer (she said skip, rather not say "
                         "or don't know), in the order they are asked. That question's own "
                         "field is then empty.",
    "questions_not_understood": "The questions the assistant asked twice without understanding "
                                "her reply, and so moved on from, in the order they are "
                                "asked. That question's own field is then empty.",
    "language": "The language she wrote in (ISO 639-1 code: en, pl, ur...): the last other "
                "language any of her messages was in, else English. Kept even when she "
                "declined a record. Empty for records made before schema_version 5.",
    "callback_language": "When she wrote in another language and asked to be contacted, that "
                         "language: she was offered a call-back in it.",
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
    "dropped_at": codebook.QUESTIONS,
    "questions_skipped": codebook.QUESTIONS,
    "questions_not_understood": codebook.QUESTIONS,
    "language": tuple(codebook.LANGUAGES),
    "callback_language": tuple(codebook.LANGUAGES),
}

#: What each question code in ``dropped_at`` and the question lists stands for.
QUESTIONS = {
    "consent": "Whether her answers may be kept.",
    "explanation_ack": "After the explanation of peer support, whether there is anything "
                       "else she would like to know before carrying on.",
    "format_preference": "Group or one-to-one.",
    "mode_preferences": "Face to face, phone or video.",
    "time_preferences": "What times suit her.",
    "referral_source": "How she heard about peer support (optional).",
    "perinatal_stage": "Pregnant, or the baby has arrived (optional).",
    "concerns_done": "Whether anything worries her or puts her off.",
    "take_up_intent": "Whether she would like to give peer support a try.",
    "decline_reason": "Why not, if she would not (optional).",
    "contact_requested": "Whether she would like someone from the programme to get in touch.",
    "preferred_contact": "How she would like to be contacted.",
    "contact_detail": "Her phone number or email address (kept apart, never exported).",
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


def questions() -> list[tuple[str, str]]:
    """Each question code with what was asked, in the order the conversation usually asks."""
    return [(q, QUESTIONS[q]) for q in codebook.QUESTIONS]


def mechanisms() -> list[tuple[str, list[str], list[str]]]:
    """Each mechanism with the concern and motivator codes that belong to it."""
    return [(m, [c for c, mm in codebook.CONCERN_MECHANISMS.items() if mm == m],
             [c for c, mm in codebook.MOTIVATOR_MECHANISMS.items() if mm == m])
            for m in codebook.MECHANISMS]
