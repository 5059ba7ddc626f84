"""Text normalisation: Unicode, quotes, markup, masked numbers and addresses, misspellings.

The tables come first (single-token typos, fuzzy targets, lexical and phrase rewrites), then
the functions that apply them, so that every later stage reads one spelling of each word."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from bot.conversation.extraction.lexicon import bounded

# fmt: off

#: Single-token misspellings, abbreviations and contractions -> normalised text ("" drops it).
TYPOS: dict[str, str] = {
    # modes
    "vidoe": "video", "vidio": "video", "viddeo": "video", "vedio": "video", "vid": "video",
    "vids": "videos", "vidoes": "videos", "videoo": "video", "vidcall": "video_call",
    "videocall": "video_call", "videocalls": "video_call", "phonecall": "phone_call",
    "phonecalls": "phone_call", "fone": "phone", "phne": "phone", "phon": "phone",
    "fones": "phones", "telephon": "telephone", "facetim": "facetime", "factime": "facetime",
    "facetine": "facetime", "whatsap": "whatsapp", "watsapp": "whatsapp", "watsap": "whatsapp",
    "whatapp": "whatsapp", "whatsaap": "whatsapp", "wattsapp": "whatsapp",
    "whattsapp": "whatsapp", "whatsup": "whatsapp", "f2f": "face_to_face",
    "ftf": "face_to_face", "facetoface": "face_to_face", "inperson": "in_person",
    "irl": "in real life", "zoomcall": "zoom call",
    # formats
    "121": "one_to_one", "1to1": "one_to_one", "1on1": "one_to_one", "one2one": "one_to_one",
    "onetoone": "one_to_one", "oneonone": "one_to_one", "grp": "group", "grps": "groups",
    "gruop": "group", "goup": "group", "gorup": "group", "grop": "group", "gropu": "group",
    # times
    "eveing": "evening", "eveings": "evenings", "evning": "evening", "evnings": "evenings",
    "evenin": "evening", "evenins": "evenings", "eves": "evenings", "evenigs": "evenings",
    "mornin": "morning", "mornins": "mornings", "mornng": "morning", "morng": "morning",
    "mrng": "morning", "mrngs": "mornings", "morn": "morning", "morns": "mornings",
    "mornigs": "mornings", "afternon": "afternoon", "afternons": "afternoons",
    "aftenoon": "afternoon", "aftenoons": "afternoons", "arvo": "afternoon",
    "arvos": "afternoons", "afto": "afternoon", "aft": "afternoon", "afternoonss": "afternoons",
    "wkend": "weekend", "wkends": "weekends", "wknd": "weekend", "wknds": "weekends",
    "wekend": "weekend", "wekends": "weekends", "weeknd": "weekend", "weeknds": "weekends",
    "weekeds": "weekends", "weekened": "weekend", "weekeneds": "weekends", "wkday": "weekday",
    "wkdays": "weekdays", "nite": "night", "nites": "nights", "nightime": "nighttime",
    "anytime": "anytime", "whenevr": "whenever", "weds": "wednesday",
    "aftanoon": "afternoon", "aftanoons": "afternoons", "aftrnoon": "afternoon",
    "aftrnoons": "afternoons", "afternoos": "afternoons", "mornign": "morning",
    "mornigns": "mornings",
    # perinatal
    "preggers": "pregnant", "preggo": "pregnant", "preggy": "pregnant", "pregs": "pregnant",
    "preg": "pregnant", "pregant": "pregnant", "pregnat": "pregnant", "pregnet": "pregnant",
    "pregnent": "pregnant", "prego": "pregnant", "pregnan": "pregnant", "pergnant": "pregnant",
    "wks": "weeks", "wk": "week", "mnths": "months", "mths": "months", "mnth": "month",
    "mth": "month", "mos": "months", "munths": "months", "munth": "month", "monhts": "months",
    "monts": "months", "mnts": "months", "weks": "weeks", "wkes": "weeks", "yrs": "years",
    "yr": "year", "bubba": "baby",
    "bubs": "baby", "bub": "baby", "newborn": "newborn", "pp": "postpartum",
    # referral
    "hvs": "hv", "midwif": "midwife", "midwfe": "midwife", "midwive": "midwife",
    "midwifes": "midwives", "fb": "facebook", "insta": "instagram", "ig": "instagram",
    "dr": "doctor", "drs": "doctors", "doc": "doctor", "docs": "doctors",
    # contact
    "txt": "text", "tx": "text", "txts": "texts", "txting": "texting", "msg": "message",
    "mssg": "message", "msgs": "messages", "emial": "email", "emai": "email", "emal": "email",
    "emails": "emails",
    # cues and function words
    "plz": "please", "pls": "please", "plse": "please", "pleasee": "please", "perfer": "prefer",
    "prefere": "prefer", "preffer": "prefer", "prefre": "prefer", "prefar": "prefer",
    "pref": "prefer", "prefered": "preferred", "perferably": "preferably",
    "prefrably": "preferably", "preferbly": "preferably", "rly": "really", "dont": "don't",
    "cant": "can't", "wont": "won't", "wouldnt": "wouldn't", "couldnt": "couldn't",
    "didnt": "didn't", "doesnt": "doesn't", "isnt": "isn't", "arent": "aren't",
    "wasnt": "wasn't", "werent": "weren't", "havent": "haven't", "hasnt": "hasn't",
    "shouldnt": "shouldn't", "im": "i'm", "id": "i'd", "ive": "i've", "youre": "you're",
    "theyre": "they're", "shes": "she's", "hes": "he's", "thats": "that's", "whats": "what's",
    "lets": "let's", "u": "you", "ur": "your", "r": "are", "b4": "before", "l8r": "later",
    "cos": "because", "coz": "because", "cuz": "because", "bc": "because", "bcos": "because",
    "becuase": "because", "becasue": "because", "cause": "because", "idk": "i don't know",
    "dunno": "don't know", "gonna": "going to", "wanna": "want to", "gotta": "got to",
    "poss": "possible", "prolly": "probably", "prob": "probably", "probs": "probably",
    "defo": "definitely",
    "deffo": "definitely", "def": "definitely", "yh": "yes", "ye": "yes", "yeh": "yes",
    "yea": "yes", "yeah": "yes", "yep": "yes", "yup": "yes", "nah": "no", "na": "no",
    "nope": "no", "naw": "no", "maybs": "maybe", "mayb": "maybe", "mabye": "maybe",
    "maybee": "maybe", "k": "ok", "okay": "ok", "okey": "ok", "thx": "thanks", "ty": "thanks",
    "tbh": "", "tbf": "", "lol": "", "haha": "", "x": "", "xx": "", "xxx": "", "xo": "",
    "hun": "", "hunny": "",
}

#: Words typed wrongly by one letter are corrected towards these (Damerau distance 1, words of
#: five letters or more). Kept short and specific: fuzzy matching on common words does harm.
FUZZY_TARGETS: tuple[str, ...] = (
    "evening", "evenings", "morning", "mornings", "afternoon", "afternoons", "weekend",
    "weekends", "weekday", "weekdays", "saturday", "saturdays", "sunday", "sundays", "video",
    "facetime", "whatsapp", "telephone", "midwife", "midwives", "visitor", "visitors",
    "pregnant", "expecting", "perinatal", "postnatal", "newborn", "psychiatrist", "psychologist",
    "counsellor", "therapist", "referred", "recommended", "suggested", "bedtime", "daytime",
    "nighttime", "whenever", "individual", "flexible", "preferably", "trimester",
)

#: Real words one letter away from a fuzzy target that must be left alone.
FUZZY_BLOCKLIST: frozenset[str] = frozenset(
    {
        "mourning", "mournings", "evenest", "sundae", "sundaes", "visited", "visitor's",
        "referee", "refereed", "deferred", "reverred", "preferred", "revered", "severed",
        "flexibly", "bedtimes", "nighttimes", "daytimes", "vidal", "videos", "leavening",
        "weekended", "midwifed", "suggester", "therapists", "individuals", "corning", "moaning",
        "mooning", "wherever", "sundry", "sundas", "recommenced", "vireo", "telephoned",
        "telephony", "midwived", "preferable",
    }
)
_FUZZY_TARGET_SET = frozenset(FUZZY_TARGETS)

#: Multi-word spellings brought to one form, on the token text of every sentence.
LEXICAL_REWRITES: tuple[tuple[str, str], ...] = (
    (r"(?:one|1) (?:to|2|on|n) (?:one|1)", "one_to_one"),
    (r"face (?:to|2) face", "face_to_face"),
    (r"in person", "in_person"),
    (r"video calls?", "video_call"),
    (r"phone calls?", "phone_call"),
    (r"face time", "facetime"),
    (r"new born", "newborn"),
    (r"week (ends?)", r"week\1"),
    (r"week (days?)", r"week\1"),
    (r"after (noons?)", r"after\1"),
    (r"day (times?)", r"day\1"),
    (r"night (times?)", r"night\1"),
    (r"bed (times?)", r"bed\1"),
    (r"any (?:time|times)", "anytime"),
    (r"what ever", "whatever"),
    (r"when ever", "whenever"),
    (r"mid wife", "midwife"),
    (r"mid wives", "midwives"),
    (r"face book", "facebook"),
    (r"(?:health|heath|helth|heatlh|hlth) (?:visitor|visiter|vistor|visitors|visiters)",
     "health visitor"),
    (r"self (?:referral|referred|refer|referring|ref)", "self_referral"),
    (r"(?:referred|referring|refer) myself", "self_referral"),
)

#: Phrase rewrites on the token text of a clause, applied in order after the lexical ones.
#: Placeholder tokens start with "_" and are what the engine reasons with: _nomind (no
#: preference), _notsure, _hedge (worry: neither yes nor no), _negcue (a negation that also
#: states a preference, "can't face"), _not (plain negation), _anyexcept ("anything but"), _ok
#: and _keen (positive).
PHRASE_REWRITES: tuple[tuple[str, str], ...] = (
    # no preference
    (r"(?:i )?(?:really |honestly )?(?:don't|do not|wouldn't|would not) (?:really )?mind",
     "_nomind"),
    (r"not (?:really |that |too )?(?:bothered|fussed|fussy)", "_nomind"),
    (r"no (?:real |particular )?(?:preference|pref)", "_nomind"),
    (r"(?:doesn't|does not|don't|do not) (?:really )?matter", "_nomind"),
    (r"(?:don't|do not) (?:really )?care", "_nomind"),
    (r"happy (?:with|to do) (?:any|either|both|anything|whatever|all)(?: of them)?", "_nomind"),
    (r"whatever(?:'s| is) (?:easiest|best|easier|easy|simplest)", "_nomind"),
    # unsure and worry
    (r"(?:i'm |i am )?(?:not (?:really |too |very |entirely |100 |totally )?sure|unsure|"
     r"don't know|do not know|no idea|not decided|undecided|can't decide|haven't decided|"
     r"not certain)", "_notsure"),
    (r"_notsure (?:about|of|re|on|with|if)", "_hedge"),
    (r"(?:worried|nervous|anxious|scared|frightened|terrified|apprehensive|wary|uneasy|shy|"
     r"funny) (?:about|of|by|with|in|at|around|doing)", "_hedge"),
    # positive idioms containing a negator
    (r"more than happy", "_ok"),
    (r"(?:no problem|not a problem|no bother|not a bother|no worries|not an issue|no issue|"
     r"nothing wrong with|not bad|not too bad|no reason not)", "_ok"),
    (r"can't wait", "_keen"),
    (r"(?:never mind|not only|no matter|not just)", "_neutral"),
    # negations that state a preference
    (r"(?:can't|cannot|can not|couldn't|could not) (?:really )?(?:face|stand|do|manage|cope with|"
     r"handle|bear|deal with)", "_negcue"),
    (r"(?:i )?(?:really )?(?:don't|do not|wouldn't|would not|didn't) (?:really )?(?:want|like|"
     r"fancy|enjoy|feel comfortable|feel able|feel up to|think i could)", "_negcue"),
    (r"(?:not|never) (?:really |very |too |that )?(?:keen|a fan|comfortable|confident|good|"
     r"great|brilliant|able|into|up for)(?: on| with| at| about| in| doing| of)?", "_negcue"),
    (r"(?:no|not) (?:thanks|thank you)", "_negcue"),
    (r"no way", "_negcue"),
    (r"(?:rubbish|bad|terrible|awful|useless|hopeless) (?:on|with|at)", "_negcue"),
    # plain negations and exceptions
    (r"(?:rather|prefer|preferably) not", "_not"),
    (r"(?:rather than|instead of|other than|apart from|as opposed to)", "_not"),
    (r"(?:anything|everything|any|all|whatever|whenever|anytime) (?:but|except|apart from|"
     r"other than|bar|besides|excluding)", "_anyexcept"),
    (r"(?:except|excluding|but not)", "_not"),
)

# fmt: on

LEXICAL_REWRITE_RES = tuple((bounded(p), r) for p, r in LEXICAL_REWRITES)
PHRASE_REWRITE_RES = tuple((bounded(p), r) for p, r in PHRASE_REWRITES)

# ============================================================================================
# Text normalisation
# ============================================================================================

# fmt: off
_QUOTES = str.maketrans(
    {
        "\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'", "\u02bc": "'", "\u201c": '"',
        "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "...", "\u00a0": " ",
    }
)
_TAG_RE = re.compile(r"<[^<>]{0,300}>|&(?:[a-z]{2,8}|#\d{1,6});", re.IGNORECASE)
URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAILISH_RE = re.compile(r"\S*@\S*")
#: A run of at least six digits with separators: a phone number or an attempt at one.
_NUMBERISH_RE = re.compile(r"\+?\(?\d[\d \t\-.()]{4,}\d(?:\s*\))?")
NUMBER_NAMES = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "a": 1, "an": 1, "few": 3, "couple": 2, "couple of": 2,
}


# fmt: on


def _clock_word(hour: int) -> str:
    """Map a clock hour (24h) to the part of the day it falls in."""
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    return "evening"


def _ampm(match: re.Match[str]) -> str:
    hour = int(match.group(1))
    if hour > 12 or hour == 0:
        return " "
    pm = match.group(3).startswith("p")
    hour = hour % 12 + (12 if pm else 0)
    return f" {_clock_word(hour)} "


def _after_hour(match: re.Match[str]) -> str:
    """Map "after 7" to evening and "after 2" to afternoon; "after 9" is ambiguous: left alone."""
    hour = int(match.group(1))
    if 1 <= hour <= 4 or hour == 12:
        return " afternoon "
    if 5 <= hour <= 7:
        return " evening "
    return match.group(0)


_CHAR_REWRITES: tuple[tuple[re.Pattern[str], Any], ...] = (
    (re.compile(r"(?<![\w:])1\s*[:\-]\s*1(?![\w:])"), " one_to_one "),
    (re.compile(r"\bf\s*2\s*f\b"), " face_to_face "),
    (re.compile(r"\bface[\s\-]*(?:to|2)[\s\-]*face\b"), " face_to_face "),
    (re.compile(r"\b(?:one|1)[\s\-]*(?:to|2|on)[\s\-]*(?:one|1)\b"), " one_to_one "),
    (re.compile(r"\bin[\s\-]person\b"), " in_person "),
    (re.compile(r"\be[\s\-]mail"), "email"),
    (re.compile(r"\bwhat'?s[\s\-]?app\b"), " whatsapp "),
    (re.compile(r"\bface\s*time\b"), " facetime "),
    (re.compile(r"\bvideo[\s\-]*calls?\b"), " video_call "),
    (re.compile(r"\bphone[\s\-]*calls?\b"), " phone_call "),
    (re.compile(r"\bc[\s\-]?section\b"), " c section "),
    (re.compile(r"\bh\s*[./]\s*v\b\.?"), " hv "),
    (re.compile(r"\bg\.\s*p\b\.?"), " gp "),
    (re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?\s?m\b\.?|p\.?\s?m\b\.?)"), _ampm),
    (
        re.compile(
            r"\bafter\s+(\d{1,2})(?:[:.]\d{2})?(?:\s*ish)?(?:\s*o'?clock)?"
            r"(?!\s*[\d:]|\s*(?:weeks?|wks?|w|months?|mths?|m|days?|d|years?|yrs?|y|yo|mins?|"
            r"minutes?|hours?|hrs?|h|kids?|children|babies|times?|x|%)\b)"
        ),
        _after_hour,
    ),
    (
        re.compile(r"\bbefore\s+(?:10|11|12|noon|midday|lunch|lunchtime)(?:\s*(?:o'?clock|ish))?"),
        " before lunch ",
    ),
    (re.compile(r"\b24\s*/\s*7\b"), " anytime "),
    (re.compile(r"\b(\d{1,2})\s*\+\s*([0-6])\b"), r" \1_plus_\2 "),
    (re.compile(r"(?<=[a-z])\s*[+&]\s*(?=[a-z])"), " and "),
    (re.compile(r"(?<=[a-z])\s*/\s*(?=[a-z])"), " or "),
    (
        re.compile(
            r"(\d)\s*(wks?|weeks?|w|mths?|mnths?|months?|mos?|m|days?|d|yrs?|years?|y|yo)\b"
        ),
        r"\1 \2",
    ),
    (re.compile(r"\bas well\b"), " aswell "),
    (re.compile(r"\band also\b"), " and_also "),
)
SENTENCE_RE = re.compile(r"[^.!?;\n\r]+[.!?;\n\r]*")
PIECE_SPLIT_RE = re.compile(r"[,:()\[\]\"{}|]+|\s-+\s")
_TOKEN_RE = re.compile(r"[a-z0-9_]+(?:'[a-z]+)*")


@lru_cache(maxsize=4096)
def _fix_token(token: str) -> str:
    """Correct one token: the typo table first, then one-letter slips on key words."""
    if token in TYPOS:
        return TYPOS[token]
    if (
        len(token) < 5
        or not token.isalpha()
        or token in FUZZY_BLOCKLIST
        or token in _FUZZY_TARGET_SET
    ):
        return token
    for target in FUZZY_TARGETS:
        if token != target and abs(len(token) - len(target)) <= 1 and _within_one(token, target):
            return target
    return token


def _within_one(a: str, b: str) -> bool:
    """True if a and b differ by one insertion, deletion, substitution or transposition."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if la == lb:
        diffs = [i for i in range(la) if a[i] != b[i]]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    if abs(la - lb) != 1:
        return False
    short, long_ = (a, b) if la < lb else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1 :]


def basic_normalise(text: str) -> str:
    """Unicode, quotes, accents, markup, URLs, addresses and numbers, then lower case."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    s = _TAG_RE.sub(" ", s)
    s = URL_RE.sub(" _url_ ", s)
    s = _EMAILISH_RE.sub(" _email_ ", s)
    s = _NUMBERISH_RE.sub(
        lambda m: " _number_ " if digit_count(m.group(0)) >= 6 else m.group(0), s
    )
    s = s.lower()
    for regex, repl in _CHAR_REWRITES:
        s = regex.sub(repl, s)
    return s


def digit_count(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def tokenise(piece: str) -> list[str]:
    out: list[str] = []
    for raw in _TOKEN_RE.findall(piece):
        fixed = _fix_token(raw)
        if fixed:
            out.extend(fixed.split())
    return out


def rewrite(text: str, rewrites: Sequence[tuple[re.Pattern[str], str]]) -> str:
    for regex, repl in rewrites:
        text = regex.sub(repl, text)
    return text

