"""The counts behind the report: which named cells each combination of answers falls in, and
the sums between cells that a reader can see (for disclosure control)."""

from __future__ import annotations

from bot import codebook
from bot.evaluate.data import Coded

INTENTS = (*codebook.TAKE_UP_INTENTS, "none")
OUTCOMES = codebook.OUTCOMES
FORMAT_CATEGORIES = (*codebook.FORMATS, "missing")
REVIEW_CELLS = ("both", "assistant_only", "staff_only", "neither")

#: The flow, in order: (cell, label). Cumulative stages, then where conversations stopped.
FLOW_STAGES = (
    ("started", "Conversations started"),
    ("consent_given", "Consented to a record"),
    ("preferences_given", "Answered the preference questions"),
    ("intent_given", "Answered whether she would like to take it up"),
    ("intent_yes", "Intent: yes"),
    ("intent_maybe", "Intent: maybe"),
    ("intent_no", "Intent: no"),
    ("outcome_recorded", "Outcome recorded by staff"),
    ("outcome_took_up", "Took up peer support"),
)
STOPPED = (
    ("consent_declined", "Declined a record"),
    ("consent_not_asked", "Stopped before the consent question was answered"),
    ("stopped_before_preferences", "Consented, stopped before giving preferences"),
    ("stopped_before_intent", "Gave preferences, stopped before the intent question"),
)

#: Where a conversation that did not complete stopped: the question in its record's
#: ``dropped_at``, or "not_recorded" (records made before schema_version 4, and those that
#: stopped after the last question but before the close).
DROPPED_AT = (*codebook.QUESTIONS, "not_recorded")
#: The language she wrote in (issue 19), or "not_recorded" (records made before
#: schema_version 5).
LANGUAGE_CATEGORIES = (*codebook.LANGUAGES, "not_recorded")


def complement(num: str, den: str) -> str:
    return f"{den}-minus-{num}"


def flow_cells(consent: str, past_preferences: bool, intent: str | None,
               outcome: str) -> list[str]:
    """The flow's cells for a record: how far it got, and its outcome.

    ``past_preferences``: she gave a preference, or went on to answer the take-up question
    (having skipped them), so the stages stay nested."""
    cells = ["started", f"outcome_{outcome}"]
    if outcome != "pending":
        cells.append("outcome_recorded")
    answer = intent or "none"
    cells += [f"intent_{answer}", f"{answer}:{outcome}"]
    if outcome != "pending":
        cells.append(f"{answer}:outcome_recorded")
    if consent != "given":
        return [*cells, "not_consented", f"consent_{consent}"]
    cells.append("consent_given")
    if not past_preferences:
        return [*cells, "stopped_before_preferences"]
    cells.append("preferences_given")
    cells.append("intent_given" if intent else "stopped_before_intent")
    return cells


def preference_cells(fmt: str | None, modes: tuple[str, ...],
                     times: tuple[str, ...]) -> list[str]:
    """Her preferences' cells (for records past the preference questions)."""
    return [f"format:{fmt or 'missing'}", *(f"mode:{m}" for m in modes),
            *(f"time:{t}" for t in times)]


def concern_cells(concerns: tuple[str, ...], intent: str | None,
                  reviewed: tuple[str, ...] | None) -> list[str]:
    """The concerns' and mechanisms' cells, with intent among those raising each, and the
    agreement cells when staff reviewed the coding (for records with consent)."""
    groups = [f"concern:{x}" for x in concerns if x in codebook.CONCERN_MECHANISMS]
    groups += [f"mechanism:{m}" for m in codebook.mechanisms_for(concerns, ())]
    cells = list(groups)
    for group in groups:
        cells.append(f"{group}:intent_{'given' if intent else 'none'}")
        if intent == "yes":
            cells.append(f"{group}:intent_yes")
    if reviewed is not None:
        cells.append("reviewed")
        for code in codebook.CONCERNS:
            by_assistant, by_staff = code in concerns, code in reviewed
            kind = ("both" if by_assistant and by_staff else "assistant_only" if by_assistant
                    else "staff_only" if by_staff else "neither")
            cells.append(f"review:{code}:{kind}")
    return cells


def drop_off_cells(completed: bool, dropped_at: str | None) -> list[str]:
    """Whether the conversation completed, and if not, the question it stopped at."""
    if completed:
        return ["completed"]
    stage = dropped_at if dropped_at in codebook.QUESTIONS else "not_recorded"
    return ["not_completed", f"dropped_at:{stage}"]


def language_cells(language: str | None, intent: str | None, outcome: str) -> list[str]:
    """Her language's cells: the conversation, and its take-up intent and outcome."""
    prefix = f"language:{language if language in codebook.LANGUAGES else 'not_recorded'}"
    cells = [prefix]
    if intent:
        cells.append(f"{prefix}:intent_given")
        if intent == "yes":
            cells.append(f"{prefix}:intent_yes")
    if outcome != "pending":
        cells.append(f"{prefix}:outcome_recorded")
        if outcome == "took_up":
            cells.append(f"{prefix}:took_up")
    return cells


def parts(c: Coded) -> list[tuple]:
    """The record's answers split into the independent parts its cells depend on, so that
    records are counted per part (few distinct values) before cells are worked out."""
    past_preferences = bool(c.format_preference or c.mode_preferences or c.time_preferences
                            or c.take_up_intent)
    found: list[tuple] = [("flow", c.consent, past_preferences, c.take_up_intent, c.outcome),
                          ("drop_off", c.completed, c.dropped_at),
                          ("language", c.language, c.take_up_intent, c.outcome)]
    if c.consent == "given":
        found.append(("concerns", c.concerns, c.take_up_intent, c.concerns_reviewed))
        if past_preferences:
            found.append(("preferences", c.format_preference, c.mode_preferences,
                          c.time_preferences))
    return found


CELLS_OF_PART = {"flow": flow_cells, "preferences": preference_cells,
                 "concerns": concern_cells, "drop_off": drop_off_cells,
                 "language": language_cells}


def concern_groups() -> list[tuple[str, str, str]]:
    """(measure, category, cell) for each mechanism, then each concern code."""
    return ([("mechanisms", m, f"mechanism:{m}") for m in codebook.MECHANISMS]
            + [("concerns", x, f"concern:{x}") for x in codebook.CONCERNS])


def within_unit_shapes() -> list[tuple[str, tuple[str, ...]]]:
    """Totals and their parts that hold inside every unit (site or month)."""
    shapes: list[tuple[str, tuple[str, ...]]] = [
        ("started", ("not_consented", "consent_given")),
        ("not_consented", ("consent_declined", "consent_not_asked")),
        ("consent_given", ("stopped_before_preferences", "preferences_given")),
        ("preferences_given", ("stopped_before_intent", "intent_given")),
        ("intent_given", ("intent_yes", "intent_maybe", "intent_no")),
        ("started", ("intent_given", "intent_none")),
        ("started", ("outcome_pending", "outcome_recorded")),
        ("outcome_recorded", ("outcome_took_up", "outcome_did_not_take_up")),
        ("preferences_given", tuple(f"format:{f}" for f in FORMAT_CATEGORIES)),
        ("started", ("completed", "not_completed")),
        ("not_completed", tuple(f"dropped_at:{q}" for q in DROPPED_AT)),
        ("started", tuple(f"language:{lang}" for lang in LANGUAGE_CATEGORIES)),
    ]
    for lang in LANGUAGE_CATEGORIES:
        prefix = f"language:{lang}"
        shapes.append((f"{prefix}:intent_given",
                       (f"{prefix}:intent_yes", complement(f"{prefix}:intent_yes",
                                                           f"{prefix}:intent_given"))))
    for intent in INTENTS:
        shapes.append((f"intent_{intent}", tuple(f"{intent}:{o}" for o in OUTCOMES)))
        shapes.append((f"{intent}:outcome_recorded",
                       (f"{intent}:took_up", f"{intent}:did_not_take_up")))
    for outcome in OUTCOMES:
        shapes.append((f"outcome_{outcome}", tuple(f"{i}:{outcome}" for i in INTENTS)))
    for _measure, _category, cell in concern_groups():
        shapes.append((cell, (f"{cell}:intent_given", f"{cell}:intent_none")))
    for code in codebook.CONCERNS:
        shapes.append(("reviewed", tuple(f"review:{code}:{k}" for k in REVIEW_CELLS)))
    return [shape for shape in shapes if shape[1]]
