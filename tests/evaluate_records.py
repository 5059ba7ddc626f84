"""A small programme with known records for the evaluation report's tests.

Records are written as the conversation writes them (``IntakeRepository.upsert``); the staff
fields (outcome, outcome_at, outcome_reason, concerns_reviewed) are written straight into
``intake_records``, as the staff workspace will.
"""

from __future__ import annotations

from datetime import date, datetime, timezone

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import intake_records
from bot.records.intake_record import IntakeRepository

#: (how many, site, month, consent, format, intent, concerns, outcome, concerns_reviewed), and
#: for conversations that did not complete (no intent), the question each stopped at: None is a
#: record made before dropped_at was recorded (schema_version 4).
SPEC = [
    (2, "northbrook", 10, "declined", None, None, [], "pending", None,
     ["explanation_ack", None]),
    (1, "northbrook", 10, "not_asked", None, None, [], "pending", None, ["consent"]),
    (1, "northbrook", 10, "given", None, None, [], "pending", None, ["format_preference"]),
    (1, "northbrook", 11, "given", "group", None, [], "pending", None, ["take_up_intent"]),
    (2, "northbrook", 11, "given", "group", "yes", ["fear_of_judgement"], "took_up",
     ["fear_of_judgement"]),
    (2, "northbrook", 11, "given", "one_to_one", "yes", [], "took_up", None),
    (1, "northbrook", 11, "given", "group", "yes", [], "did_not_take_up", ["group_anxiety"]),
    (1, "northbrook", 11, "given", "group", "yes", [], "pending", None),
    (1, "northbrook", 11, "given", "group", "maybe", ["fear_of_judgement"], "took_up", None),
    (1, "northbrook", 11, "given", "one_to_one", "maybe", [], "pending", None),
    (1, "northbrook", 11, "given", "one_to_one", "no", ["fear_of_judgement"],
     "did_not_take_up", ["fear_of_judgement"]),
    (6, "eastvale", 11, "given", "one_to_one", "yes", [], "took_up", None),
    (2, "eastvale", 11, "given", "one_to_one", "yes", ["practical_time"], "did_not_take_up",
     ["practical_time"]),
    (2, "eastvale", 11, "given", "group", "no", ["practical_time"], "pending", None),
]

#: What the SPEC adds up to for the whole programme (worked out by hand).
EXPECTED = {
    "started": 24, "consent_given": 21, "preferences_given": 20, "intent_given": 19,
    "intent_yes": 14, "intent_maybe": 2, "intent_no": 3, "outcome_recorded": 15,
    "outcome_took_up": 11, "consent_declined": 2, "consent_not_asked": 1,
    "stopped_before_preferences": 1, "stopped_before_intent": 1,
}

#: Drop-off by question for the whole programme: the 5 that did not complete, of 24 started.
EXPECTED_DROPPED_AT = {"consent": 1, "explanation_ack": 1, "format_preference": 1,
                       "take_up_intent": 1, "not_recorded": 1}


def populate(engine: Engine) -> None:
    repo = IntakeRepository(engine)
    number = 0
    for count, site, month, consent, fmt, intent, concerns, outcome, reviewed, *stopped in SPEC:
        for index in range(count):
            number += 1
            cid = f"known-{number:03d}"
            when = datetime(2026, month, 3 + number, 10, tzinfo=timezone.utc)
            repo.upsert(cid, {
                "site": site, "consent": consent, "explained": consent == "given",
                "format_preference": fmt, "mode_preferences": ["phone"] if fmt else [],
                "time_preferences": ["morning"] if fmt else [], "concerns": concerns,
                "motivators": [], "take_up_intent": intent, "completed": intent is not None,
                "contact_requested": False, "risk_flag": False,
                "dropped_at": stopped[0][index] if stopped else None,
            }, now=when)
            with engine.begin() as conn:
                conn.execute(sa.update(intake_records)
                             .where(intake_records.c.conversation_id == cid)
                             .values(outcome=outcome, concerns_reviewed=reviewed,
                                     outcome_at=date(2026, 12, 1) if outcome != "pending"
                                     else None))
