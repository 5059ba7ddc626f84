"""What a button sends: a payload such as ``/affirm``, ``/intent@0.9`` or
``/inform{"referral_source": "gp"}``, in place of her words.

Its meaning is in the intent and entities Rasa reads from it, never in the text: the safety net
does not read it for risk, the reader takes no answer from its words, and the coder of worries
takes the button's code as it is. Free text that happens to start with "/" is her words.
"""

from __future__ import annotations

import re

# Same shape Rasa's RegexMessageHandler unpacks: "/intent", "/intent@0.9", '/intent{"k": "v"}'.
_PAYLOAD = re.compile(r"^/[^\s{@]+(?:@[0-9.]+)?(?:\{.*\})?\s*$", re.DOTALL)


def is_button_payload(text: str | None) -> bool:
    """True for a button payload such as '/affirm' (free text that starts with '/' is not)."""
    return bool(_PAYLOAD.match((text or "").strip()))
