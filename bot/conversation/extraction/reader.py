"""The entry point: one message in, the slot values it gives out."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from bot.conversation.extraction.analysis import Context, Message, analyse
from bot.conversation.extraction.contact import resolve_contact, resolve_preferred_contact
from bot.conversation.extraction.preferences import resolve_format, resolve_mode, resolve_time
from bot.conversation.extraction.referral_and_stage import resolve_referral, resolve_stage
from bot.conversation.extraction.slots import (
    CONTACT_CODES,
    MAX_CHARS,
    MODE_CODES,
    PERINATAL_STAGE_CODES,
    REFERRAL_CODES,
    SLOT_CONSENT,
    SLOT_CONTACT_REQUESTED,
    SLOT_FORMAT,
    SLOT_MODE,
    SLOT_PREFERRED_CONTACT,
    SLOT_REFERRAL,
    SLOT_STAGE,
    SLOT_TAKE_UP,
    SLOT_TIME,
    SUPPRESSING_INTENT_PREFIXES,
    SUPPRESSING_INTENTS,
    TIME_CODES,
    Extracted,
)
from bot.conversation.extraction.yes_no import INTENT_TO_BOOL, INTENT_TO_CONSENT, resolve_take_up
from bot.payloads import is_button_payload

#: Button payload entities -> slots, and the values each accepts (aliases -> code).
ENTITY_SLOTS: dict[str, str] = {
    "format": SLOT_FORMAT,
    "mode": SLOT_MODE,
    "time": SLOT_TIME,
    "referral_source": SLOT_REFERRAL,
    "perinatal_stage": SLOT_STAGE,
    "contact_method": SLOT_PREFERRED_CONTACT,
}
ENTITY_ALIASES: dict[str, dict[str, str]] = {
    SLOT_FORMAT: {
        "group": "group", "one_to_one": "one_to_one", "one-to-one": "one_to_one",
        "one to one": "one_to_one", "1:1": "one_to_one", "121": "one_to_one",
        "either": "either", "both": "either", "any": "either", "unsure": "unsure",
        "not_sure": "unsure", "not sure": "unsure",
    },
    SLOT_MODE: {
        "face_to_face": "face_to_face", "face-to-face": "face_to_face",
        "face to face": "face_to_face", "in_person": "face_to_face", "phone": "phone",
        "telephone": "phone", "video": "video", "any": "*", "all": "*", "either": "*",
    },
    SLOT_TIME: {
        "morning": "morning", "mornings": "morning", "afternoon": "afternoon",
        "afternoons": "afternoon", "evening": "evening", "evenings": "evening",
        "weekend": "weekend", "weekends": "weekend", "any": "*", "anytime": "*",
        "any_time": "*", "all": "*",
    },
    SLOT_REFERRAL: {code: code for code in REFERRAL_CODES} | {"hv": "health_visitor"},
    SLOT_STAGE: {code: code for code in PERINATAL_STAGE_CODES}
    | {"antenatal": "pregnant", "postpartum": "postnatal"},
    SLOT_PREFERRED_CONTACT: {
        "phone": "phone", "call": "phone", "text": "text", "sms": "text", "email": "email",
        "e-mail": "email",
    },
}
LIST_SLOT_CODES: dict[str, tuple[str, ...]] = {SLOT_MODE: MODE_CODES, SLOT_TIME: TIME_CODES}

# fmt: on


# ============================================================================================
# Entities and intents
# ============================================================================================


def _from_entities(entities: Any) -> dict[str, Any]:
    """Slot values from button-payload entities; unknown names and values are ignored."""
    slots: dict[str, Any] = {}
    lists: dict[str, set[str]] = {}
    if not isinstance(entities, (list, tuple)):
        return slots
    for entity in entities:
        if not isinstance(entity, Mapping):
            continue
        slot = ENTITY_SLOTS.get(str(entity.get("entity", "")))
        if slot is None:
            continue
        aliases = ENTITY_ALIASES[slot]
        values = entity.get("value")
        if isinstance(values, str):
            values = re.split(r"\s*[,;]\s*", values) if slot in LIST_SLOT_CODES else [values]
        if not isinstance(values, (list, tuple)):
            continue
        for value in values:
            if not isinstance(value, str):
                continue
            code = aliases.get(value.strip().lower())
            if code is None:
                continue
            if slot in LIST_SLOT_CODES:
                all_codes = LIST_SLOT_CODES[slot]
                lists.setdefault(slot, set()).update(all_codes if code == "*" else (code,))
            else:
                slots[slot] = code
    for slot, chosen in lists.items():
        slots[slot] = [c for c in LIST_SLOT_CODES[slot] if c in chosen]
    return slots


def _suppressed(intent: str | None) -> bool:
    if not intent:
        return False
    return intent in SUPPRESSING_INTENTS or intent.startswith(SUPPRESSING_INTENT_PREFIXES)


# ============================================================================================
# Entry point
# ============================================================================================


def extract_details(
    text: str,
    intent: str | None,
    entities: list[dict],
    requested_slot: str | None,
    *,
    preferred_contact: str | None = None,
    current: Mapping[str, Any] | None = None,
) -> Extracted:
    """Read slot values from one user message.

    ``intent`` is the NLU intent name (retrieval intents may carry their "/sub" part),
    ``entities`` the NLU entities (button payloads; their values win over the text),
    ``requested_slot`` the question being asked, ``preferred_contact`` the channel she chose
    earlier (to know whether a contact detail should be a number or an address), and
    ``current`` the slots' current values, optional, used only so that "video too" adds to and
    a volunteered "not video" removes from the current mode or time choices.

    Never raises on odd input: anything that is not text is treated as an empty message.
    """
    intent_name = intent.strip() if isinstance(intent, str) and intent.strip() else None
    requested = requested_slot if isinstance(requested_slot, str) and requested_slot else None
    if _suppressed(intent_name):
        return Extracted()
    ctx = Context(
        requested=requested,
        intent=intent_name,
        preferred_contact=preferred_contact if preferred_contact in CONTACT_CODES else None,
        current=current if isinstance(current, Mapping) else {},
    )
    slots = _from_entities(entities)
    from_entities = set(slots)

    if requested == SLOT_CONSENT and intent_name in INTENT_TO_CONSENT:
        slots[SLOT_CONSENT] = INTENT_TO_CONSENT[intent_name]
    if requested == SLOT_CONTACT_REQUESTED and intent_name in INTENT_TO_BOOL:
        slots[SLOT_CONTACT_REQUESTED] = INTENT_TO_BOOL[intent_name]

    raw = text[:MAX_CHARS] if isinstance(text, str) else ""
    if is_button_payload(raw):
        # A button payload ("/inform{...}"): its meaning is in the intent and entities.
        raw = ""
    message = analyse(raw) if raw.strip() else Message([], "")

    resolvers = (
        (SLOT_FORMAT, resolve_format),
        (SLOT_MODE, resolve_mode),
        (SLOT_TIME, resolve_time),
        (SLOT_REFERRAL, resolve_referral),
        (SLOT_STAGE, resolve_stage),
        (SLOT_PREFERRED_CONTACT, resolve_preferred_contact),
        (SLOT_TAKE_UP, resolve_take_up),
    )
    for slot, resolve in resolvers:
        if slot in from_entities:
            continue
        value = resolve(message, ctx)
        if value is not None:
            slots[slot] = value

    invalid = resolve_contact(raw, message, ctx, slots)

    if (
        requested == SLOT_CONTACT_REQUESTED
        and SLOT_CONTACT_REQUESTED not in slots
        and slots.get(SLOT_PREFERRED_CONTACT)
        and intent_name != "deny"
    ):
        slots[SLOT_CONTACT_REQUESTED] = True
    return Extracted(slots=slots, invalid_contact=invalid)
