"""Turn one message from a mother into intake slot values, deterministically.

The intake flow (``bot.conversation.intake_flow.answer_turn``) calls :func:`extract_details` on
every user turn, and the answer actions call it for preferences mentioned in passing. It knows
which question is being asked (``requested_slot``), so a bare "phone" answers the contact question
when that is asked and the support-mode question otherwise, and "any" or "not sure" mean something
only as an answer to the question they answer.

Design choices, all in favour of precision (a wrong value pollutes a research record; a missed one
is simply asked for):

* Preferences she volunteers outside their question ("my HV said to try this, I'd prefer one to
  one on the phone") are picked up only from clauses that read as a statement of preference: they
  carry a cue ("prefer", "best", "suits me", "can we", "instead", ...) or are a bare list of
  options in a sentence that does. Questions asking for information, reported speech ("my sister
  said the group was great"), other people's habits ("she naps in the afternoon"), past narrative
  and any sentence with a risk-like word are never mined for preferences.
* Negation is read within a clause: "not a group" / "I don't want a group" -> one_to_one,
  "anything but one to one" -> group, "not video" removes video. Worry ("nervous about groups")
  neither selects nor rules out an option: the concern is handled elsewhere.
* A change of mind replaces the previous value of that slot; the caller sets what is returned.
  When the caller passes ``current`` slot values, "video too" adds to the current modes and a
  volunteered "not video" removes it.
* Text is normalised first (Unicode, curly quotes, markup, misspellings such as "vidoe",
  "eveings", "wkends", "1 2 1"), and numbers and addresses are masked out so that a phone number
  cannot be read as a time or a baby's age.

The package is laid out by stage and by kind of answer: ``normalise`` (spelling and masking),
``lexicon`` (compiling the tables), ``analysis`` (sentences, clauses, negation, the per-call
context), then one module per kind of answer: ``preferences`` (with its words in
``preference_terms``), ``referral_and_stage``, ``contact`` and ``yes_no``; ``reader`` holds
:func:`extract_details`, which runs them all, and ``slots`` the slot names and codes; the
modules share their names with one another, and code outside this package uses only what it
exports below.

Everything here is pure Python with module-level lexicon tables (at the top of each module)
that can be read and extended without reading the engine. Patterns in the tables are regular
expressions over the normalised, lower-case, single-space-separated token text of a clause (so
"one to one" in a table means the three tokens); they are matched as whole tokens and, where
several overlap, the longest wins, which is how an ignore entry such as "on my phone" blocks the
shorter "phone".
"""

from bot.conversation.extraction.reader import extract_details
from bot.conversation.extraction.slots import (
    CONTACT_CODES,
    FORMAT_CODES,
    MODE_CODES,
    PERINATAL_STAGE_CODES,
    REFERRAL_CODES,
    TIME_CODES,
    Extracted,
)
from bot.conversation.extraction.yes_no import read_short_answer

__all__ = [
    "CONTACT_CODES",
    "Extracted",
    "FORMAT_CODES",
    "MODE_CODES",
    "PERINATAL_STAGE_CODES",
    "REFERRAL_CODES",
    "TIME_CODES",
    "extract_details",
    "read_short_answer",
]
