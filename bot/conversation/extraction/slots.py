"""The slots this package fills and the codes each accepts (read from the codebook)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot import codebook

# ============================================================================================
# Slots and codes (codes come from bot.codebook, the one source; see docs/codebook.md)
# ============================================================================================

SLOT_CONSENT = "consent"
SLOT_FORMAT = "format_preference"
SLOT_MODE = "mode_preferences"
SLOT_TIME = "time_preferences"
SLOT_REFERRAL = "referral_source"
SLOT_STAGE = "perinatal_stage"
SLOT_PREFERRED_CONTACT = "preferred_contact"
SLOT_CONTACT_DETAIL = "contact_detail"
SLOT_CONTACT_REQUESTED = "contact_requested"
SLOT_TAKE_UP = "take_up_intent"

FORMAT_CODES = codebook.FORMATS
MODE_CODES = codebook.MODES
TIME_CODES = codebook.TIMES
REFERRAL_CODES = codebook.REFERRAL_SOURCES
PERINATAL_STAGE_CODES = codebook.PERINATAL_STAGES
CONTACT_CODES = codebook.CONTACT_METHODS

#: The questions about the support she would like (a bare list of options answers them).
SUPPORT_PREFERENCE_SLOTS = frozenset({SLOT_FORMAT, SLOT_MODE, SLOT_TIME})
#: The questions about contacting her (there, "phone" is a contact channel, not a mode).
CONTACT_QUESTION_SLOTS = frozenset(
    {SLOT_CONTACT_REQUESTED, SLOT_PREFERRED_CONTACT, SLOT_CONTACT_DETAIL}
)

#: Longest message read; the gateway limits message size, this only bounds the work done here.
MAX_CHARS = 2000

#: Intents whose messages are never mined: the safety response or the stop/delete flow takes
#: over, and a deletion request must not leave fresh data behind.
SUPPRESSING_INTENTS = frozenset({"stop", "delete_data"})
SUPPRESSING_INTENT_PREFIXES: tuple[str, ...] = ("risk_",)


@dataclass
class Extracted:
    """What one message says about the intake slots.

    ``slots`` maps slot name to the value to set (only slots the message says something about).
    ``invalid_contact`` is True when she tried to give a phone number or e-mail address as the
    answer to the contact question and it did not validate, so the bot can ask again kindly.
    """

    slots: dict[str, Any] = field(default_factory=dict)
    invalid_contact: bool = False

