"""Reading how she would like to be contacted, and the number or address she gives."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from bot.conversation.extraction.analysis import (
    PERSON_NOUNS,
    THIRD_PARTY_SUBJECTS,
    Context,
    Hit,
    Message,
    find_hits,
)
from bot.conversation.extraction.lexicon import compile_lexicon
from bot.conversation.extraction.normalise import URL_RE, digit_count
from bot.conversation.extraction.slots import SLOT_CONTACT_DETAIL, SLOT_MODE, SLOT_PREFERRED_CONTACT
from bot.records.contact_details import find_email, find_phone

# fmt: off
CONTACT_TERMS: dict[str, str] = {
    r"phones?|telephone|phone_call|calls?|a call|rings?|a ring|(?:call|ring|phone|bell) me|"
    r"voice calls?|mobile|landline|call ?back|give me a (?:call|ring|bell)|speak|speaking|talk|"
    r"talking": "phone",
    r"texts?|texting|text messages?|messages?|messaging|sms|whatsapp(?: me| message)?|"
    r"(?:text|message|whatsapp) me|imessage": "text",
    r"email|emails|emailing|email me|an email|mail": "email",
}
CONTACT_IGNORE: tuple[str, ...] = (
    r"(?:call|ring|phone) (?:999|111)",
    r"whatsapp (?:video|video_call)(?: calls?)?",
)
#: Contact preferences stated outside the contact question ("text me", "by email").
VOLUNTEERED_CONTACT: dict[str, str] = {
    r"(?:text|message|whatsapp|sms) me": "text",
    r"(?:email|mail) me": "email",
    r"(?:call|ring|phone|bell) me": "phone",
    r"give me a (?:call|ring|bell)": "phone",
    r"(?:give|send|drop) me (?:a|an) (?:text|message|whatsapp)": "text",
    r"(?:send|drop) me (?:an )?(?:email|line)": "email",
    r"(?:by|via|over) (?:text|texts|sms|whatsapp|text message)": "text",
    r"(?:by|via|over) (?:email|emails)": "email",
    r"(?:contact|reach|get hold of|get in touch with) (?:me )?(?:by|via|on|over) (?:the )?"
    r"(?:phone|telephone)": "phone",
}
#: Text and e-mail mean a contact channel wherever they are said with a preference cue.
CUED_CONTACT_TERMS: dict[str, str] = {
    r"texts?|texting|text messages?|whatsapp|sms": "text",
    r"email|emails|emailing": "email",
}
#: "call me" is a contact request only when followed by one of these (not "call me Sam").
CONTACT_VERB_FOLLOWERS = frozenset(
    {
        "on", "back", "please", "if", "any", "anytime", "in", "after", "before", "when", "at",
        "instead", "rather", "then", "and", "or", "tomorrow", "today", "later", "sometime",
        "first", "about", "via", "through", "over", "mornings", "evenings", "afternoons",
        "weekends", "morning", "evening", "afternoon", "weekend", "whenever", "up", "thanks",
        "thank", "_email_", "_number_", "it", "the", "between", "during", "only", "is", "would",
        "that's", "that", "with", "as", "_nomind", "_ok", "ok", "from", "sometimes", "maybe",
        "to", "and_also",
    }
)
# fmt: on

_CONTACT_LEX = compile_lexicon(CONTACT_TERMS, None, CONTACT_IGNORE)
_VOLUNTEERED_CONTACT_LEX = compile_lexicon(VOLUNTEERED_CONTACT, None, CONTACT_IGNORE)
_CUED_CONTACT_LEX = compile_lexicon(CUED_CONTACT_TERMS)


def _first_positive(hits: Sequence[Hit]) -> str | None:
    for hit in hits:
        if hit.polarity == "pos":
            return hit.codes[0]
    return None


def _third_party_subject(tokens: Sequence[str]) -> bool:
    """Does the clause open with someone else as its subject ("she", "my HV", "the doctor")?"""
    if not tokens:
        return False
    if tokens[0] in THIRD_PARTY_SUBJECTS or tokens[0] in PERSON_NOUNS:
        return True
    return (
        len(tokens) > 1
        and tokens[0] in ("my", "the", "her", "his", "our")
        and tokens[1] in PERSON_NOUNS
    )


def resolve_preferred_contact(message: Message, ctx: Context) -> str | None:
    """The channel she wants to be contacted by, from her words (not from any detail)."""
    if ctx.asked(SLOT_PREFERRED_CONTACT):
        for clause in message.clauses:
            if clause.sentence.risky or clause.sentence.wh_question:
                continue
            found = _first_positive(find_hits(clause, _CONTACT_LEX))
            if found:
                return found
        return None
    for clause in message.clauses:
        if (
            clause.sentence.risky
            or clause.sentence.wh_question
            or clause.reported
            or _third_party_subject(clause.tokens)
        ):
            continue  # "my HV will call me" is not her choice
        for hit in find_hits(clause, _VOLUNTEERED_CONTACT_LEX):
            code = hit.codes[0]
            if hit.polarity != "pos":
                continue
            if code == "phone" and ctx.requested == SLOT_MODE:
                continue  # "ring me" answers the mode question there
            verb_me = clause.tokens[hit.end - 1] == "me"
            followed = hit.end < len(clause.tokens)
            if verb_me and followed and clause.tokens[hit.end] not in CONTACT_VERB_FOLLOWERS:
                continue  # "call me Sam"
            return code
        if ctx.usable(clause, asked=False):
            found = _first_positive(find_hits(clause, _CUED_CONTACT_LEX))
            if found:
                return found
    return None


_ATTEMPT_DIGITS_RE = re.compile(r"\+?\d[\d\s\-.()]*\d|\d")
_SPOKEN_EMAIL_RE = re.compile(
    r"\b(?:at|@)\s*(?:gmail|googlemail|hotmail|yahoo|outlook|icloud|live|btinternet|aol|sky|"
    r"me|msn)\b|\bdot\s+(?:com|co|uk|net|org)\b|\.(?:com|co\.uk|net|org)\b",
    re.IGNORECASE,
)


def _contact_attempt(raw: str, min_digits: int) -> bool:
    """Did she try to type a number or an address (that may not have validated)?"""
    raw = URL_RE.sub(" ", raw)
    if "@" in raw or _SPOKEN_EMAIL_RE.search(raw):
        return True
    return any(digit_count(m.group(0)) >= min_digits for m in _ATTEMPT_DIGITS_RE.finditer(raw))


def _first_detail(raw: str) -> str | None:
    """The valid phone or e-mail appearing first in the text."""
    email = find_email(raw)
    phone = find_phone(raw)
    if email and phone:
        at = raw.find("@")
        digits = re.search(r"\d", raw)
        return phone if digits and digits.start() < at else email
    return email or phone


def resolve_contact(raw: str, message: Message, ctx: Context, slots: dict[str, Any]) -> bool:
    """Fill preferred_contact / contact_detail in ``slots``; return invalid_contact."""
    if ctx.intent == "skip":
        return False
    stated = slots.get(SLOT_PREFERRED_CONTACT)
    requested = ctx.requested
    if requested not in (SLOT_CONTACT_DETAIL, SLOT_PREFERRED_CONTACT):
        return False
    if any(s.risky for s in message.sentences):
        return False
    email = find_email(raw)
    phone = find_phone(raw)
    expected = stated or ctx.preferred_contact
    if expected == "email":
        chosen = email or phone
    elif expected in ("phone", "text"):
        chosen = phone or email
    else:
        chosen = _first_detail(raw)
    if chosen:
        slots[SLOT_CONTACT_DETAIL] = chosen
        if "@" in chosen:
            if expected != "email":
                slots[SLOT_PREFERRED_CONTACT] = "email"
        elif expected not in ("phone", "text"):
            slots[SLOT_PREFERRED_CONTACT] = "phone"
        elif stated is None and requested == SLOT_PREFERRED_CONTACT:
            slots[SLOT_PREFERRED_CONTACT] = expected
        return False
    min_digits = 5 if requested == SLOT_CONTACT_DETAIL else 7
    return _contact_attempt(raw, min_digits)

