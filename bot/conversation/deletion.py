"""Deleting what she said waits for her yes, and a question is never read as a goodbye.

The intent model sometimes reads an ordinary opening ("hey, my HV said i should talk to you")
as a request to delete her data. Deleting cannot be undone, so she is asked first; only a clear
yes deletes. Anything else keeps everything and takes her back to where she was: a kept record
can be deleted later, a deleted one cannot be brought back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.conversation.extraction import read_short_answer
from bot.payloads import is_button_payload

#: The intent of the "Yes, delete it" button, and of an everyday yes.
YES_INTENT = "affirm"
DELETE_INTENT = "delete_data"

#: Intents that would end the intake; a message with a question mark read as one of them is a
#: question, not a goodbye ("is it goodbye now?", "do I stop taking it?").
ENDING_INTENTS = frozenset({"stop", "goodbye"})

#: Where she was when she was asked to confirm, when a safety question was waiting for her
#: answer: it is asked again if she keeps her answers.
SAFETY_CHECK = "safety_check"
CHECK_IN = "check_in"


def is_question(text: str | None) -> bool:
    return "?" in (text or "")


def confirms_deletion(text: str | None, intent: str | None) -> bool:
    """Her reply to "would you like me to delete everything?" is a clear yes.

    Her words decide first (``read_short_answer``: "yes", "yeah go on", "ok" are yes; "no",
    "not sure", "nah" are not); a reply they cannot place is a yes only when the intent model
    read it as one (the "Yes, delete it" button sends ``/affirm``). A question back ("yes?",
    "will it delete my number?") is never a yes.
    """
    if is_question(text):
        return False
    short = read_short_answer(text or "")
    if short is not None:
        return short == "yes"
    return intent == YES_INTENT


def confirms_by_asking_again(text: str | None) -> bool:
    """Asked to confirm, she asks to delete again ("yes delete it", "just delete it all"; the
    intent model reads a typed "Yes, delete it" as another request): a yes, unless her words
    say no ("no don't delete it") or ask something."""
    return not is_question(text) and read_short_answer(text or "") in (None, "yes")


#: Words a request to delete her data is made of. A delete reading without any of them is not
#: one: the intent model read "perinatal team said to fill this in" as a request to delete,
#: asked to confirm, and her "ok" deleted everything she had said.
DELETION_WORDS = re.compile(
    r"\b(?:delet\w*|remov\w*|eras\w*|wip\w*|forget|forgot|get rid|destroy\w*|scrub|clear\w*|"
    r"bin|withdraw\w*|gdpr|unsave|"
    r"(?:don'?t|do not|not|stop|no)\s+(?:\w+\s+){0,3}(?:keep|keeping|store|storing|save|saving|"
    r"record|recording)\w*)\b", re.IGNORECASE)


def asks_to_delete(text: str | None, intent: str | None) -> bool:
    """A delete reading that her words bear out (a button's ``/delete_data`` does)."""
    return intent == DELETE_INTENT and (
        is_button_payload(text) or bool(DELETION_WORDS.search(text or "")))


def ends_intake(text: str | None, intent: str | None) -> bool:
    """A message read as stop or goodbye ends the intake, unless it asks something."""
    return intent in ENDING_INTENTS and not is_question(text)


def pending_safety_question(slots: Mapping[str, Any]) -> str | None:
    """The safety question waiting for her answer when she asked to delete, if any."""
    if slots.get("awaiting_check_in"):
        return CHECK_IN
    if slots.get("awaiting_safety_check"):
        return SAFETY_CHECK
    return None


def intake_begun(slots: Mapping[str, Any]) -> bool:
    """She has answered the first question, or the intake has ended one way or another."""
    return any(slots.get(name) is not None and slots.get(name) is not False
               for name in ("consent", "completed", "stopped", "deleted"))


def confirmation_slots(slots: Mapping[str, Any], in_form: bool) -> dict[str, Any]:
    """The slots set when she is asked to confirm a deletion.

    The form is paused (its question must not take her "no" as its answer) and resumes on a
    "no" if she was in it, or starts if nothing had begun (an opening misread as a deletion
    request); unless a safety question was waiting: that is asked again first, and its own
    rules take her back.
    """
    if slots.get("awaiting_delete_confirm"):
        # Asked again (a no or a question read as another request): where she was has not
        # changed.
        pending = slots.get("delete_pending_safety")
        resume = bool(slots.get("delete_resume"))
    else:
        pending = pending_safety_question(slots)
        resume = (in_form or not intake_begun(slots)) and pending is None
    return {
        "awaiting_delete_confirm": True,
        "delete_resume": resume,
        "delete_pending_safety": pending,
        # One question waits for her answer at a time: her "yes" here must not also be read
        # as "yes, I'm safe" or "yes, I'm having those thoughts".
        "awaiting_safety_check": False,
        "awaiting_check_in": False,
        "requested_slot": None,
    }


def kept_slots(slots: Mapping[str, Any]) -> dict[str, Any]:
    """The slots set when she keeps her answers: a waiting safety question waits again."""
    pending = slots.get("delete_pending_safety")
    kept: dict[str, Any] = {"awaiting_delete_confirm": False,
                            "delete_resume": bool(slots.get("delete_resume")),
                            "delete_pending_safety": None}
    if pending == SAFETY_CHECK:
        kept["awaiting_safety_check"] = True
    elif pending == CHECK_IN:
        kept["awaiting_check_in"] = True
    return kept
