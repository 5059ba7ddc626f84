"""Reading the support preferences: format (group, one-to-one), modes and times."""

from __future__ import annotations

from typing import Any

from bot.conversation.extraction.analysis import Context, Message, collect, negated_word
from bot.conversation.extraction.preference_terms import (
    ADDITIVE_WORDS,
    ANY_WORDS,
    FORMAT_EITHER_WORDS,
    FORMAT_NEITHER_WORDS,
    UNSURE_WORDS,
    WEEKDAY,
)
from bot.conversation.extraction.slots import (
    CONTACT_QUESTION_SLOTS,
    MODE_CODES,
    SLOT_FORMAT,
    SLOT_MODE,
    SLOT_TIME,
    TIME_CODES,
)


def resolve_format(message: Message, ctx: Context) -> str | None:
    asked = ctx.asked(SLOT_FORMAT)
    status, clauses = collect(message, ctx, "format", asked)
    pos = [c for c in ("group", "one_to_one") if status.get(c) == "pos"]
    neg = [c for c in ("group", "one_to_one") if status.get(c) == "neg"]
    if len(pos) == 2:
        return "either"
    if len(pos) == 1:
        return pos[0]
    if len(neg) == 1:
        return "one_to_one" if neg[0] == "group" else "group"
    if neg or not asked:
        return None
    either = neither = unsure = False
    for clause in clauses:
        for i, token in enumerate(clause.tokens):
            if token in FORMAT_NEITHER_WORDS:
                neither = True
            elif token in FORMAT_EITHER_WORDS:
                if negated_word(clause.tokens, i):
                    neither = True
                else:
                    either = True
            elif token in UNSURE_WORDS:
                unsure = True
    if neither:
        return None
    if either:
        return "either"
    if unsure or ctx.intent == "not_sure":
        return "unsure"
    return None


#: Words saying she is taken up at a time ("I work mornings", "afternoon I am very tired",
#: "mornings are feeds feeds feeds"): in an answer that also names a time that suits her, the
#: times beside them are when she can't.
BUSY_WORDS = frozenset({
    "work", "working", "works", "job", "shift", "shifts", "tired", "exhausted", "knackered",
    "shattered", "useless", "asleep", "sleeping", "nap", "naps", "napping", "feeds", "feeding",
    "lesson", "lessons", "class", "classes", "school", "college", "uni", "lab", "survival",
    "teach", "teaching",
})
#: Words that make a busy word the start of her free time ("after work", "once she's asleep",
#: "while he naps", "when I'm off work").
FREE_FROM_WORDS = frozenset({"after", "once", "when", "while", "whilst", "from", "off",
                             "finish", "finished", "finishes"})


def _busy(tokens: list[str]) -> bool:
    return any(token in BUSY_WORDS and not FREE_FROM_WORDS & set(tokens[max(0, i - 3):i])
               for i, token in enumerate(tokens))


def _busy_times(clauses: list[Any], name: str) -> set[str]:
    """Times named only in clauses that say she is busy then, when another clause names a time
    that suits her ("mornings are best, i'm useless by 3" is mornings)."""
    free: set[str] = set()
    busy: set[str] = set()
    for clause in clauses:
        codes = {code for hit in clause.hits[name] if hit.polarity == "pos" for code in hit.codes}
        (busy if _busy(clause.tokens) else free).update(codes)
    return busy - free if free else set()


def _resolve_list(
    message: Message,
    ctx: Context,
    name: str,
    slot: str,
    codes: tuple[str, ...],
    *,
    complement_on_negation: bool,
) -> list[str] | None:
    """Shared logic of the multi-choice slots (modes, times)."""
    asked = ctx.asked(slot)
    status, clauses = collect(message, ctx, name, asked)
    pos = {c for c, p in status.items() if p == "pos" and c in codes}
    neg = {c for c, p in status.items() if p == "neg" and c in codes}
    if asked and name == "time":
        pos -= _busy_times(clauses, name)
    any_answer = anyexcept = additive = False
    for clause in clauses:
        hits = [h for h in clause.hits[name] if not h.asked_only or asked]
        tokens = clause.tokens
        clause_any = False
        if "_anyexcept" in tokens and (hits or asked):
            anyexcept = clause_any = True
        if hits and set(tokens) & ADDITIVE_WORDS:
            additive = True
        if asked:
            for i, token in enumerate(tokens):
                is_any = token in ANY_WORDS or token in ("anytime", "whenever")
                taken = i in clause.covered.get(name, ())
                if is_any and not taken and not negated_word(tokens, i):
                    any_answer = clause_any = True
        if clause_any and any(WEEKDAY in h.codes and h.polarity == "pos" for h in hits):
            neg.add("weekend")  # "weekdays, any time"
    current = [c for c in _as_list(ctx.current.get(slot)) if c in codes]
    result: set[str] | None = None
    if pos:
        result = pos - neg
        if additive and current:
            result = (set(current) | pos) - neg
    elif anyexcept or (asked and any_answer) or (neg and asked and complement_on_negation):
        # "anything but video", "any", or (modes only) "not video" as the answer
        result = set(codes) - neg
    elif neg and current:
        # "actually not video": remove it from what she chose before (possibly leaving nothing,
        # so that the question is asked again rather than a rejected option kept)
        remaining = set(current) - neg
        if remaining != set(current):
            return [c for c in codes if c in remaining]
    if not result:
        return None
    return [c for c in codes if c in result]


def _as_list(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [v for v in value if isinstance(v, str)]
    return []


def resolve_mode(message: Message, ctx: Context) -> list[str] | None:
    if ctx.requested in CONTACT_QUESTION_SLOTS:
        return None  # "phone" answers the contact question there
    return _resolve_list(message, ctx, "mode", SLOT_MODE, MODE_CODES, complement_on_negation=True)


def resolve_time(message: Message, ctx: Context) -> list[str] | None:
    return _resolve_list(message, ctx, "time", SLOT_TIME, TIME_CODES, complement_on_negation=False)

