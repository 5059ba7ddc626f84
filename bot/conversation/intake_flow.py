"""Which questions the intake form asks, and what a mother's turn answers.

``required_slots`` decides the questions still to ask (declined consent, skipped questions and
"no contact, thanks" take questions away). ``answer_turn`` reads one user turn into slot
updates: her answer to the current question and anything she volunteered on the way.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bot import codebook
from bot.conversation import themes
from bot.conversation.extraction import extract_details, read_short_answer
from bot.payloads import is_button_payload
from bot.records.contact_details import mask_contact

#: Questions about peer support the assistant answers (intents ``faq_<key>``).
FAQ_KEYS = ("what_is", "what_it_is_not", "volunteers", "privacy", "cost", "voluntary", "formats",
            "what_happens_next")

#: The value a skipped question gets, so the form moves on (the record lists it as skipped).
SKIPPED = codebook.SKIPPED
#: The value a question gets when she was asked it twice and neither reply could be read: the
#: form moves on rather than ask a third time (the record lists it as not understood).
NOT_UNDERSTOOD = codebook.NOT_UNDERSTOOD
#: Replies in a row that did not answer the question before it is left unanswered (so it is
#: asked at most twice running; the second time with its choices and a way to skip).
MISSES_BEFORE_MOVING_ON = 2

#: Her preferences and her context: asked only while her answers are kept, and the ones a
#: volunteered answer can change later ("actually, phone is better").
PREFERENCE_AND_CONTEXT_SLOTS = (
    "format_preference", "mode_preferences", "time_preferences", "referral_source",
    "perinatal_stage",
)
#: How to reach her: asked once she wants the team to get in touch.
CONTACT_DETAIL_SLOTS = ("preferred_contact", "contact_detail")

#: Intents that step out of the current question (a rule answers them, then the form
#: resumes). A turn with one of these must not fill a form slot, or the form would go on
#: and the rule would never run.
DIGRESSION_INTENTS = frozenset({
    *(f"faq_{key}" for key in FAQ_KEYS),
    *(f"concern_{code}" for code in codebook.CONCERNS),
    *(f"motivator_{code}" for code in codebook.MOTIVATORS),
    "tell_me_more", "ask_human", "request_contact", "stop", "delete_data",
    "bot_challenge", "feeling_low", "out_of_scope", "goodbye",
    "risk_suicide", "risk_self_harm", "risk_harm_baby", "risk_psychosis",
    "risk_danger_at_home", "risk_overdose", "risk_baby_emergency", "risk_maternal_emergency",
    "risk_other_risk", "safety_check_in",
})

#: Digressions that are never also an answer: she wants to stop, a person, or to know what she
#: is talking to. Other digressions ("one to one, I'm shy in groups" read as a worry) still give
#: their answer to the question being asked; so does "goodbye" ("nights" was once read as one,
#: and stopped the intake).
NEVER_AN_ANSWER = frozenset({"stop", "delete_data", "ask_human", "request_contact",
                             "bot_challenge", "tell_me_more"})
#: Questions whose answer is whatever she says next: a worry or a question there is the
#: conversation, answered by its own rule.
OPEN_QUESTIONS = frozenset({"explanation_ack", "concerns_done"})

SKIPPABLE_SLOTS = frozenset({
    *PREFERENCE_AND_CONTEXT_SLOTS, "take_up_intent", "decline_reason", "contact_detail",
    "preferred_contact",
})


#: Set by the safety net when its classifier is unsure: she is asked directly, nothing is read.
CHECK_IN_INTENT = "safety_check_in"


def is_risk_intent(intent: str | None) -> bool:
    """A risk, or a possible one the safety net wants to ask her about."""
    return bool(intent) and (intent.startswith("risk_") or intent == CHECK_IN_INTENT)


def required_slots(slots: Mapping[str, Any]) -> list[str]:
    """The form's questions, in order, given what is known so far."""
    consent = slots.get("consent")
    keeps_answers = consent not in ("declined", NOT_UNDERSTOOD) and not slots.get("deleted")
    contact_requested = slots.get("contact_requested") is True
    contact = list(CONTACT_DETAIL_SLOTS) if contact_requested and keeps_answers else []

    asked = ["consent"]
    if contact and slots.get("take_up_intent") is None:
        # She asked to be contacted part-way: take the details first, then go on.
        asked += contact
        contact = []
    asked.append("explanation_ack")
    if keeps_answers:
        asked += list(PREFERENCE_AND_CONTEXT_SLOTS)
    asked += ["concerns_done", "take_up_intent"]
    if keeps_answers:
        intent = slots.get("take_up_intent")
        if intent == "no":
            asked.append("decline_reason")
        elif intent in ("yes", "maybe") or contact_requested:
            asked.append("contact_requested")
        asked += contact
    return asked


def next_question(slots: Mapping[str, Any]) -> str | None:
    """The question she is at (the first still unanswered), or None once all are answered."""
    return next((name for name in required_slots(slots) if slots.get(name) is None), None)


#: The value that moves a question on when it was not understood. The two open questions (the
#: explanation, anything worrying her) take whatever she said as her reply, so they are never
#: left as not understood.
_NOT_UNDERSTOOD_VALUES: dict[str, Any] = {
    "explanation_ack": True, "concerns_done": True,
    "mode_preferences": [NOT_UNDERSTOOD], "time_preferences": [NOT_UNDERSTOOD],
}


def misses_after(turn: Turn, requested_slot: str | None, intent: str | None,
                 misses: int, same_as_before: bool = False) -> int:
    """Her replies in a row, this one included, that did not answer ``requested_slot``.

    A risk or an answer starts the count again; a digression the assistant answers (a question
    about peer support, a worry) neither counts nor resets it, unless it is the same digression
    as her message before (``same_as_before``): the answer did not settle it, and without the
    count the question came back after it without end (a blind simulated mother asked "can I
    start after the baby comes?" fifteen times running).
    """
    if requested_slot is None or requested_slot in turn.slots or is_risk_intent(intent):
        return 0
    if intent in DIGRESSION_INTENTS and not same_as_before:
        return misses
    return misses + 1


def give_up_on(requested_slot: str) -> dict[str, Any]:
    """The slot values that leave a question that was not understood, so the form moves on."""
    return {requested_slot: _NOT_UNDERSTOOD_VALUES.get(requested_slot, NOT_UNDERSTOOD)}


@dataclass
class Turn:
    """Slot updates from one user turn."""

    slots: dict[str, Any] = field(default_factory=dict)
    changed: list[str] = field(default_factory=list)
    invalid_contact: bool = False
    contact_value: str | None = None  # the normalised detail, to store apart; never a slot


def concern_code(intent: str | None) -> str | None:
    """The concern code of a ``concern_<code>`` intent."""
    code = (intent or "").removeprefix("concern_")
    return code if code in codebook.CONCERNS and intent != code else None


def _answer_from_intent(intent: str | None, requested: str | None) -> dict[str, Any]:
    """Answers that the intent alone gives to the question being asked."""
    if requested == "explanation_ack" and intent not in DIGRESSION_INTENTS:
        return {"explanation_ack": True}
    if requested == "concerns_done":
        if intent in ("deny", "skip", "thanks", "continue", "not_sure"):
            return {"concerns_done": True}
        if intent == "affirm":
            # "Yes" without saying what: keep the question open and ask what it is.
            return {"concerns_done": None}
    if requested == "consent" and intent in ("skip", "delete_data"):
        return {"consent": "declined"}
    if requested == "contact_requested" and intent == "skip":
        return {"contact_requested": False}
    if requested in SKIPPABLE_SLOTS and intent == "skip":
        value: Any = [SKIPPED] if requested in ("mode_preferences", "time_preferences") else SKIPPED
        return {requested: value}
    return {}


#: What a short "yes", "no" or "skip" means as the answer to each question (``read_short_answer``;
#: lists take the skipped value in a list). Not here: a "no" to a choice of options is no answer.
SHORT_ANSWER_VALUES: dict[str, dict[str, Any]] = {
    "consent": {"yes": "given", "no": "declined", "skip": "declined"},
    "concerns_done": {"no": True, "skip": True},
    "take_up_intent": {"yes": "yes", "no": "no"},
    "contact_requested": {"yes": True, "no": False, "skip": False},
    "preferred_contact": {"skip": SKIPPED},
    "contact_detail": {"no": SKIPPED, "skip": SKIPPED},
    "decline_reason": {"skip": SKIPPED},
    "format_preference": {"skip": SKIPPED},
    "mode_preferences": {"skip": [SKIPPED]},
    "time_preferences": {"skip": [SKIPPED]},
    "referral_source": {"skip": SKIPPED},
    "perinatal_stage": {"skip": SKIPPED},
}


def short_answer(meaning: str | None, requested_slot: str | None) -> dict[str, Any]:
    """Her short reply, read as "yes", "no" or "skip" (``read_short_answer``), as the answer
    to the question being asked, or nothing."""
    if meaning is None or requested_slot is None:
        return {}
    if requested_slot == "preferred_contact" and meaning == "no":
        return {"contact_requested": False}  # "no thanks" to how: she no longer wants a call
    values = SHORT_ANSWER_VALUES.get(requested_slot, {})
    return {requested_slot: values[meaning]} if meaning in values else {}


#: How a "no" to keeping her answers often begins, when the model is unsure what it is.
_DECLINING = re.compile(r"^\W*(no\b|nope|nah|don'?t|do not|rather (you )?(not|didn'?t)|"
                        r"i'?d rather (you )?(not|didn'?t)|not really|please don'?t)", re.I)


#: Yes/no questions where her opening word outranks the take-up phrases further on ("no, not
#: right now" is a no).
SHORT_READ_FIRST = frozenset({"consent", "take_up_intent", "contact_requested"})


def raised_code(intent: str | None) -> tuple[str, str] | None:
    """The list slot and code of a worry or motivator intent: ``concern_group_anxiety`` ->
    ``("concerns", "group_anxiety")``; None for any other intent."""
    family, _, code = (intent or "").partition("_")
    if family == "concern" and code in codebook.CONCERNS:
        return "concerns", code
    if family == "motivator" and code in codebook.MOTIVATORS:
        return "motivators", code
    return None


#: The questions whose answer is read for worries (concern codes) or for what she hopes to get
#: from peer support (motivator codes), whatever the intent model made of it.
THEME_QUESTIONS = {"concerns_done": "concerns", "decline_reason": "concerns",
                   "explanation_ack": "motivators"}


def themes_named(text: str, intent: str | None,
                 requested_slot: str | None) -> dict[str, list[str]]:
    """The worries and hopes her message names, by list slot, in the order named.

    Read when she is answering a question about them (``THEME_QUESTIONS``) or the intent model
    read the message as one; every code it names counts, not just the intent's one
    (``bot.conversation.themes``). The intent's own code is kept first (it is the one answered),
    if the coder sees it too; a button she pressed ("/concern_fear_of_judgement") says its code
    outright.
    """
    raised = raised_code(intent)
    families = {THEME_QUESTIONS[requested_slot]} if requested_slot in THEME_QUESTIONS else set()
    if raised:
        families.add(raised[0])
    found: dict[str, list[str]] = {}
    for family in sorted(families):
        own = raised[1] if raised and raised[0] == family else None
        if is_button_payload(text):
            codes = [own] if own else []
        else:
            reading = themes.read(text, family)
            codes = list(reading.codes)
            if own and own not in codes and reading.support(own) >= themes.CONFIRM:
                codes.insert(0, own)
        if codes:
            found[family] = codes
    return found


def answer_turn(text: str, intent: str | None, entities: list[dict],
                requested_slot: str | None, slots: Mapping[str, Any],
                offered_formats: tuple[str, ...] = (),
                offered_modes: tuple[str, ...] = ()) -> Turn:
    """Read one user turn into slot updates.

    During a question, digressions and risks fill nothing (so the form steps aside for the
    rule that answers them); outside the form, details are taken from any message but a risk.
    Otherwise her answer to ``requested_slot`` and any preference she volunteered are taken; a
    preference that replaces an earlier, different answer is reported in ``changed``.
    Where her site offers one format only (or one mode for her format), the question is
    "would that suit you?", so a yes means that one (``offered_formats``, ``offered_modes``).
    """
    turn = Turn()
    if slots.get("deleted") or is_risk_intent(intent):
        return turn
    named = themes_named(text or "", intent, requested_slot)
    for family, codes in named.items():
        merged = slots.get(family)
        for raised in codes:
            merged = codebook.appended(merged, raised)
        if merged != slots.get(family):
            turn.slots[family] = merged
    code = concern_code(intent)
    pressed = is_button_payload(text)
    if requested_slot == "decline_reason" and not code and not pressed:
        # Why she would rather not, in her words: the first worry she names, whether or not
        # she raised it before.
        code = next(iter(named.get("concerns", [])), None)
    meaning = read_short_answer(text)
    short = short_answer(meaning, requested_slot)
    says_her_own = (bool((text or "").strip()) and not pressed and "?" not in text
                    and intent not in NEVER_AN_ANSWER)
    answers_the_question = (
        (code and requested_slot == "decline_reason")
        # Asked why not, whatever she says is her reason unless she asks something back or
        # it needs the check-in: the intent model read "we're moving to Australia, no point
        # starting" as feeling low, answered that, and asked why again, forty times running.
        or (requested_slot == "decline_reason" and says_her_own)
        # Asked whether anything ELSE is on her mind (she has named a worry already), what she
        # says in her own words is her answer (its worries are coded above, and the rule for a
        # worry still answers it): "just that he's away till spring so it's all on me" was
        # answered, then asked about again, and again, with no way on but a bare "no". The
        # first question about worries stays open after a worry, for "anything else?".
        or (requested_slot == "concerns_done" and bool(slots.get("concerns"))
            and meaning is None and says_her_own)
        # "don't keep anything" asked about keeping her answers is a no, not a deletion
        or (intent == "delete_data" and requested_slot == "consent")
        # Privacy errs towards no: a reply to the consent question that opens with a refusal
        # answers it, whatever else the intent model made of it ("no, I'd rather you didn't
        # keep anything" was once read as feeling low, and her next "ok" recorded consent).
        or (requested_slot == "consent" and bool(_DECLINING.search(text or "")))
        # "nah that's it", "no thanks" and "rather not say" answer the question, however the
        # intent model read them.
        or (bool(short) and intent not in NEVER_AN_ANSWER)
    )
    extracted = extract_details(
        text or "", intent, entities, requested_slot,
        preferred_contact=slots.get("preferred_contact"), current=slots,
    )
    if requested_slot and intent in DIGRESSION_INTENTS and not answers_the_question:
        # A digression steps out of the question, unless she answered it as well ("one to
        # one, I'm shy in groups"): then the answer is taken, and the worry kept beside it.
        # A question about peer support is answered first ("no, what groups are there?" names
        # a group without choosing one); she answers the form's question after.
        asks_back = (intent or "").startswith("faq_") and "?" in (text or "")
        if (intent in NEVER_AN_ANSWER or requested_slot in OPEN_QUESTIONS or asks_back
                or requested_slot not in extracted.slots):
            return turn

    updates = dict(extracted.slots)
    updates.update(_answer_from_intent(intent, requested_slot))
    if requested_slot not in extracted.slots or requested_slot in SHORT_READ_FIRST:
        updates.update(short)
    if requested_slot == "consent" and "consent" not in updates and _DECLINING.search(text or ""):
        # Privacy errs towards no: an unclear answer that opens with a refusal is a refusal.
        updates["consent"] = "declined"
    affirmed = intent == "affirm" or meaning == "yes"
    if requested_slot == "format_preference" and len(offered_formats) == 1:
        if affirmed:
            updates["format_preference"] = offered_formats[0]
        elif intent in ("deny", "not_sure", "maybe"):
            updates.setdefault("format_preference", "unsure")
    if requested_slot == "mode_preferences" and len(offered_modes) == 1 and affirmed:
        updates["mode_preferences"] = list(offered_modes)

    if requested_slot == "concerns_done" and answers_the_question:
        updates.setdefault("concerns_done", True)
    if requested_slot == "decline_reason":
        if code:
            updates["decline_reason"] = code
            updates["concerns"] = codebook.appended(
                turn.slots.get("concerns", slots.get("concerns")), code)
        elif "decline_reason" not in updates and intent not in ("affirm", "deny") and text:
            updates["decline_reason"] = "other"

    if "contact_detail" in updates:
        value = updates.pop("contact_detail")
        if value and value != SKIPPED:
            turn.contact_value = value
            updates["contact_detail"] = mask_contact(value)
        else:
            updates["contact_detail"] = value
    if extracted.invalid_contact and requested_slot == "contact_detail":
        turn.invalid_contact = True
        updates.setdefault("contact_detail", None)

    for name, value in updates.items():
        old = slots.get(name)
        if (name in PREFERENCE_AND_CONTEXT_SLOTS and name != requested_slot
                and old not in (None, [], SKIPPED, [SKIPPED]) and value != old):
            turn.changed.append(name)
        turn.slots[name] = value
    return turn
