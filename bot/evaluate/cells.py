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
    ("preferences_given", "Gave preferences"),
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


def complement(num: str, den: str) -> str:
    return f"{den}-minus-{num}"


def record_cells(c: Coded) -> list[str]:
    """The cells one record with these answers counts in."""
    cells = ["started", f"outcome_{c.outcome}"]
    if c.outcome != "pending":
        cells.append("outcome_recorded")
    intent = c.take_up_intent or "none"
    cells += [f"intent_{intent}", f"{intent}:{c.outcome}"]
    if c.outcome != "pending":
        cells.append(f"{intent}:outcome_recorded")
    if c.consent != "given":
        cells += ["not_consented", f"consent_{c.consent}"]
        return cells
    cells.append("consent_given")
    if not (c.format_preference or c.mode_preferences or c.time_preferences):
        cells.append("stopped_before_preferences")
        return cells + _concern_cells(c)
    cells.append("preferences_given")
    cells.append(f"format:{c.format_preference or 'missing'}")
    cells += [f"mode:{m}" for m in c.mode_preferences]
    cells += [f"time:{t}" for t in c.time_preferences]
    cells.append("intent_given" if c.take_up_intent else "stopped_before_intent")
    return cells + _concern_cells(c)


def _concern_cells(c: Coded) -> list[str]:
    groups = [f"concern:{x}" for x in c.concerns if x in codebook.CONCERN_MECHANISMS]
    groups += [f"mechanism:{m}" for m in codebook.mechanisms_for(c.concerns, ())]
    cells = list(groups)
    for group in groups:
        cells.append(f"{group}:intent_{'given' if c.take_up_intent else 'none'}")
        if c.take_up_intent == "yes":
            cells.append(f"{group}:intent_yes")
    if c.concerns_reviewed is not None:
        cells.append("reviewed")
        for code in codebook.CONCERNS:
            by_assistant, by_staff = code in c.concerns, code in c.concerns_reviewed
            kind = ("both" if by_assistant and by_staff else "assistant_only" if by_assistant
                    else "staff_only" if by_staff else "neither")
            cells.append(f"review:{code}:{kind}")
    return cells


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
    ]
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
