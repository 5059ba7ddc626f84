"""Validation, normalisation and masking of the contact details a mother types.

Pure Python, no Rasa. The conversation logic uses these to find a number or address in what she
typed, store it in a canonical form, and read it back to her masked ("07••• ••• 123") so she can
check it without the full detail appearing again on a phone screen someone else might see.

Scope is deliberately UK-only for phone numbers: the programmes are UK charities that ring or
text from UK numbers. Accepted: mobiles (07 except the 070 personal-number and 076 pager ranges,
but including 07624 on the Isle of Man) and geographic landlines (01, 02). Rejected: 03
non-geographic, 05, 08 freephone/special-rate, 09 premium numbers, and any other country code.
Ofcom's drama ranges (07700 900xxx, 020 7946 0xxx) are valid numbers and are accepted.
"""

from __future__ import annotations

import re

__all__ = [
    "find_email",
    "find_phone",
    "mask_contact",
    "normalise_email",
    "normalise_uk_phone",
]

MASK = "\u2022"  # "•"

# --------------------------------------------------------------------------------------------
# Phone numbers
# --------------------------------------------------------------------------------------------

# Characters a typed phone number may contain besides digits. Letters never.
_PHONE_CHARS_RE = re.compile(r"[\d\s+\-.()]+")
# "+44 (0)7700 900123": the bracketed trunk zero is dropped before reading digits.
_TRUNK_ZERO_RE = re.compile(r"\(\s*0\s*\)")

# National significant number (the digits after the leading 0 / +44) by range.
_NSN_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"7(?:[1-57-9]\d{8}|624\d{6})"),  # mobiles, 07624 Isle of Man
    re.compile(r"1\d{8,9}"),  # geographic 01 (9 or 10 digits after the 0)
    re.compile(r"2\d{9}"),  # geographic 02
)

# A run of digits and the separators people type between them, not glued to a word, an e-mail
# address or a URL.
_PHONE_RUN_RE = re.compile(r"(?<![\w@/.+])\+?\(?\d[\d \t\-.()]*\d\)?(?![\w@])")
_MAX_GROUPS = 12


def normalise_uk_phone(text: str) -> str | None:
    """Return a valid UK mobile or landline as "+44..." (no spaces), or None.

    Accepts national ("07700 900123", "(020) 7946 0018") and international ("+44 7700 900123",
    "0044 7700 900123", "+44 (0)7700 900123", the common "+44 07700...") forms with spaces,
    dashes, dots and brackets. Anything with letters, another country code, or the wrong number of
    digits for its range is rejected.
    """
    if not isinstance(text, str):
        return None
    s = text.strip()
    if not s or len(s) > 40 or not _PHONE_CHARS_RE.fullmatch(s):
        return None
    if "+" in s[1:]:
        return None
    s = _TRUNK_ZERO_RE.sub("", s)
    digits = re.sub(r"\D", "", s)
    if s.startswith("+"):
        if not digits.startswith("44"):
            return None
        nsn = digits[2:]
        if nsn.startswith("0"):
            nsn = nsn[1:]
    elif digits.startswith("0044"):
        nsn = digits[4:]
        if nsn.startswith("0"):
            nsn = nsn[1:]
    elif digits.startswith("0"):
        nsn = digits[1:]
    elif digits.startswith("44") and len(digits) in (11, 12):
        nsn = digits[2:]
    else:
        return None
    if any(p.fullmatch(nsn) for p in _NSN_PATTERNS):
        return "+44" + nsn
    return None


def find_phone(text: str) -> str | None:
    """Find the first valid UK number inside a sentence and return it normalised.

    Each run of digits-and-separators is tried as a whole and then as every contiguous
    sub-sequence of its space-separated groups, longest first, so "I'm 30 07700 900123" still
    yields the number while "116 123" (Samaritans) or "30 weeks" yields nothing.
    """
    if not isinstance(text, str) or not text:
        return None
    for match in _PHONE_RUN_RE.finditer(text[:5000]):
        groups = match.group(0).split()
        if len(groups) > _MAX_GROUPS:
            groups = groups[:_MAX_GROUPS]
        n = len(groups)
        for length in range(n, 0, -1):
            for start in range(0, n - length + 1):
                candidate = " ".join(groups[start : start + length])
                found = normalise_uk_phone(candidate)
                if found:
                    return found
    return None


# --------------------------------------------------------------------------------------------
# E-mail addresses
# --------------------------------------------------------------------------------------------

_LOCAL_RE = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_LABEL_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_TLD_RE = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")

# Top-level domains that are almost always a slip of the thumb, not a real address. Rejecting
# them lets the bot ask again instead of storing an address nobody can write to.
TLD_TYPOS: frozenset[str] = frozenset(
    {"con", "cpm", "vom", "xom", "cim", "comm", "ocm", "cmo", "couk", "cok", "coom", "ukk"}
)

_EMAIL_CANDIDATE_RE = re.compile(
    r"(?<![A-Za-z0-9.!#$%&'*+/=?^_`{|}~-])"
    r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+",
    re.ASCII,
)


def normalise_email(text: str) -> str | None:
    """Pragmatic syntax check of one e-mail address; returns it with the domain lower-cased.

    Not RFC 5322 in full: no quoted local parts, no IP-literal domains, no internationalised
    addresses (the programmes' mail systems cannot be assumed to handle them). One @, a local part
    of the usual characters without leading, trailing or doubled dots, a domain of at least two
    labels, and an alphabetic top-level domain of two or more letters.
    """
    if not isinstance(text, str):
        return None
    s = text.strip()
    if s.lower().startswith("mailto:"):
        s = s[7:]
    if s.startswith("<") and s.endswith(">"):
        s = s[1:-1]
    if not s or len(s) > 254 or s.count("@") != 1 or any(c.isspace() for c in s):
        return None
    local, domain = s.split("@")
    if not local or len(local) > 64 or not _LOCAL_RE.fullmatch(local):
        return None
    domain = domain.lower()
    labels = domain.split(".")
    if len(labels) < 2 or not all(_LABEL_RE.fullmatch(label) for label in labels):
        return None
    tld = labels[-1]
    if not _TLD_RE.fullmatch(tld) or tld in TLD_TYPOS:
        return None
    return f"{local}@{domain}"


def find_email(text: str) -> str | None:
    """Find the first valid e-mail address inside a sentence and return it normalised."""
    if not isinstance(text, str) or "@" not in text:
        return None
    for match in _EMAIL_CANDIDATE_RE.finditer(text[:5000]):
        candidate = match.group(0).strip(".-")
        found = normalise_email(candidate)
        if found:
            return found
    return None


# --------------------------------------------------------------------------------------------
# Masking
# --------------------------------------------------------------------------------------------


def mask_contact(value: str) -> str:
    """Mask a stored contact detail for reading back to her.

    Phone numbers are shown in national form with the first two and last three digits visible
    ("+447700900123" -> "07••• ••• 123"); e-mail addresses keep the first character of the local
    part and the whole domain ("sam.k@example.co.uk" -> "s•••@example.co.uk"), which is enough
    to spot a typo in the part people most often mistype.
    """
    if not isinstance(value, str) or not value.strip():
        return ""
    value = value.strip()
    if "@" in value:
        local, _, domain = value.rpartition("@")
        first = local[:1]
        return f"{first}{MASK * 3}@{domain}"
    digits = re.sub(r"\D", "", value)
    if value.startswith("+44"):
        national = "0" + digits[2:]
    elif value.startswith("+"):
        national = digits
    else:
        national = digits
    if len(national) < 6:
        return MASK * 3
    hidden = len(national) - 5
    first_block = min(3, hidden)
    masked = national[:2] + MASK * first_block
    if hidden > first_block:
        masked += " " + MASK * (hidden - first_block)
    return f"{masked} {national[-3:]}"
