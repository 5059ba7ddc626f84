"""Turn one message from a mother into intake slot values, deterministically.

The custom actions call :func:`extract_details` on every user turn. It knows which question is
being asked (``requested_slot``), so a bare "phone" answers the contact question when that is
asked and the support-mode question otherwise, and "any" or "not sure" mean something only as an
answer to the question they answer.

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

Everything here is pure Python with module-level lexicon tables that can be read and extended
without reading the engine. Patterns in the tables are regular expressions over the normalised,
lower-case, single-space-separated token text of a clause (so "one to one" in a table means the
three tokens); they are matched as whole tokens and, where several overlap, the longest wins, which
is how an ignore entry such as "on my phone" blocks the shorter "phone".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bot.records.contact_details import find_email, find_phone

__all__ = [
    "CONTACT_CODES",
    "Extracted",
    "FORMAT_CODES",
    "MODE_CODES",
    "PERINATAL_STAGE_CODES",
    "REFERRAL_CODES",
    "TIME_CODES",
    "extract_details",
]

# ============================================================================================
# Slots and codes (the codebook's contract: change only with a schema_version bump)
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

FORMAT_CODES: tuple[str, ...] = ("group", "one_to_one", "either", "unsure")
MODE_CODES: tuple[str, ...] = ("face_to_face", "phone", "video")
TIME_CODES: tuple[str, ...] = ("morning", "afternoon", "evening", "weekend")
REFERRAL_CODES: tuple[str, ...] = (
    "self",
    "health_visitor",
    "midwife",
    "gp",
    "mental_health_team",
    "other",
)
PERINATAL_STAGE_CODES: tuple[str, ...] = ("pregnant", "postnatal")
CONTACT_CODES: tuple[str, ...] = ("phone", "text", "email")
TAKE_UP_CODES: tuple[str, ...] = ("yes", "maybe", "no")

PREFERENCE_SLOTS = frozenset({SLOT_FORMAT, SLOT_MODE, SLOT_TIME})
CONTACT_SLOTS = frozenset({SLOT_CONTACT_REQUESTED, SLOT_PREFERRED_CONTACT, SLOT_CONTACT_DETAIL})

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


# ============================================================================================
# Lexicons: normalisation
# ============================================================================================

# The tables below are laid out for reading, several short entries a line.
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
    "gruop": "group", "goup": "group", "gorup": "group",
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
    # perinatal
    "preggers": "pregnant", "preggo": "pregnant", "preggy": "pregnant", "pregs": "pregnant",
    "preg": "pregnant", "pregant": "pregnant", "pregnat": "pregnant", "pregnet": "pregnant",
    "pregnent": "pregnant", "prego": "pregnant", "pregnan": "pregnant", "pergnant": "pregnant",
    "wks": "weeks", "wk": "week", "mnths": "months", "mths": "months", "mnth": "month",
    "mth": "month", "mos": "months", "yrs": "years", "yr": "year", "bubba": "baby",
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

#: Tokens that end a clause inside a sentence (commas, colons and brackets do too).
CLAUSE_BREAKS = frozenset(
    {"but", "so", "because", "though", "although", "tho", "however", "whereas", "otherwise"}
)

NEGATORS = frozenset(
    {
        "not", "no", "never", "don't", "didn't", "won't", "wouldn't", "can't", "cannot",
        "couldn't", "isn't", "aren't", "wasn't", "weren't", "doesn't", "shouldn't", "without",
        "nor", "neither", "none", "than", "_not", "_negcue", "_anyexcept", "hate", "hates",
        "hated", "dread",
        "dreading", "loathe", "avoid", "avoiding",
    }
)
#: Words meaning worry: an option near one is neither chosen nor ruled out.
HEDGES = frozenset(
    {
        "_hedge", "_notsure", "worried", "nervous", "anxious", "scared", "frightened", "terrified",
        "apprehensive", "wary", "uneasy", "shy", "intimidated", "overwhelmed", "awkward",
        "daunting", "intimidating", "scary", "overwhelming", "terrifying", "scare", "scares",
        "terrify", "terrifies", "worry", "worries", "panic", "dreaded",
    }
)
#: Scanning back from an option for a negator stops at these.
NEGATION_RESETS = frozenset(
    {
        "just", "only", "instead", "prefer", "preferably", "rather", "actually", "yes",
        "definitely", "_ok", "_keen", "_nomind", "and_also",
    }
)
#: Between an option and what is said about it ("groups are just not for me").
PREDICATE_FILLERS = frozenset(
    {
        "is", "are", "was", "were", "would", "will", "be", "being", "really", "just", "honestly",
        "definitely", "probably", "so", "too", "very", "quite", "totally", "always", "usually",
        "generally", "a", "an", "the", "bit", "little", "kind", "of", "sort", "pretty",
        "absolutely", "seriously", "make", "makes", "making", "me", "feel", "feels", "sound",
        "sounds", "seem", "seems", "tbh", "to",
    }
)
#: Negators that, right after an option, rule it out ("video isn't for me", "groups no thanks").
POST_NEGATORS = frozenset(
    {
        "not", "no", "never", "isn't", "aren't", "wasn't", "weren't", "won't", "wouldn't",
        "doesn't", "don't", "can't", "cannot", "couldn't", "_negcue", "hate", "hates", "hated",
    }
)
#: After an option, these alone make it negative ("mornings are impossible").
POST_NEGATIVE_WORDS = frozenset(
    {
        "impossible", "hard", "difficult", "tricky", "nightmare", "manic", "hectic", "chaos",
        "chaotic", "busy", "rubbish", "awful", "terrible", "horrible", "worst", "worse",
        "stressful", "hate", "hated", "hates", "dread", "loathe", "out", "_negcue",
    }
)
#: Conjunctions through which a negation carries on ("not video or phone").
COORDINATORS = frozenset({"or", "and", "nor"})
COORDINATION_FILLERS = frozenset(
    {"or", "and", "nor", "a", "an", "the", "either", "neither", "by", "on", "over", "via", "in"}
)

#: A clause states a preference if it matches one of these (on its token text).
PREFERENCE_CUES: tuple[str, ...] = (
    r"prefer\w*", r"rather", r"(?:i'd|i would|would|we'd|i|we) (?:really |so |quite |definitely |"
    r"probably |actually |much |honestly )?(?:like|love|want|choose|pick|go for|opt for|do|try|"
    r"say)", r"like to", r"love to", r"want(?:s|ed)?", r"keen",
    r"suits?", r"suited", r"suitable", r"best", r"better", r"easier", r"easiest", r"easy",
    r"ideal(?:ly)?", r"works? (?:for|best|better|well|ok|fine|great)", r"would work", r"fine",
    r"ok", r"alright", r"happy", r"great", r"perfect", r"good", r"nice", r"please", r"instead",
    r"actually", r"only", r"free", r"available", r"can do", r"could do", r"can manage",
    r"can make", r"(?:can|could|may) (?:i|we|it|you|they)", r"make it", r"change (?:it|to|that)",
    r"switch", r"swap", r"if possible", r"possible", r"as long as", r"up for", r"willing",
    r"interested in", r"sounds", r"convenient", r"handy", r"handier", r"doable", r"manageable",
    r"for me", r"i'll (?:do|go|take|try)", r"let's", r"would be", r"definitely",
    r"comfortable", r"comfier", r"_ok", r"_keen", r"_negcue", r"_nomind", r"_anyexcept",
    r"and_also", r"_not", r"hate", r"avoid", r"dread",
)

#: Clause tokens that can stand beside option words in a bare answer ("phone or video maybe").
FRAGMENT_FILLERS = frozenset(
    {
        "or", "and", "a", "an", "the", "by", "on", "over", "in", "at", "via", "with", "maybe",
        "probably", "ideally", "please", "thanks", "thank", "you", "ta", "just", "only", "really",
        "mostly", "usually", "either", "both", "any", "all", "too", "also", "as", "well", "then",
        "first", "i", "think", "guess", "suppose", "would", "be", "is", "are", "for", "me",
        "definitely", "preferably", "perhaps", "possibly", "yes", "ok", "mainly", "generally",
        "and_also", "_nomind", "_not", "not", "no", "of", "them", "those", "to",
    }
)

#: Third-person reporting verbs: a clause with one is someone else's view, not hers.
REPORTING_VERBS = frozenset(
    {
        "said", "says", "told", "tells", "mentioned", "suggested", "suggests", "recommended",
        "recommends", "reckons", "thinks",
    }
)
FIRST_PERSON = frozenset(
    {"i", "i'm", "i'd", "i'll", "i've", "me", "myself", "we", "we'd", "we're", "we'll", "us"}
)
THIRD_PERSON = frozenset(
    {
        "she", "he", "they", "she's", "he's", "they're", "she'd", "he'd", "they'd", "her", "his",
        "their", "sister", "friend", "friends", "mum", "mam", "mom", "partner", "husband",
        "boyfriend", "mate", "someone", "people", "others", "everyone", "hubby",
    }
)
#: Someone else as the subject of a clause ("my HV will call me", "she rings me").
THIRD_PARTY_SUBJECTS = frozenset(
    {"she", "he", "she's", "he's", "she'll", "he'll", "she'd", "he'd"}
)
PERSON_NOUNS = frozenset(
    {
        "hv", "health", "midwife", "gp", "doctor", "nurse", "partner", "husband", "hubby",
        "boyfriend", "mum", "mam", "mom", "sister", "friend", "mate", "team", "social", "cpn",
        "psychiatrist", "worker", "dad", "brother", "therapist", "counsellor", "family",
    }
)
#: Past narrative ("I went to a group and hated it") is history, not a stated preference.
PAST_MARKERS = frozenset(
    {
        "was", "were", "had", "went", "did", "used", "born", "gave", "wasn't", "weren't",
        "didn't", "loved", "enjoyed", "tried", "hated",
    }
)
#: Clauses that ask for information rather than state anything.
INFO_SEEKING: tuple[str, ...] = (
    r"tell me", r"explain", r"ask(?:ing)? about", r"know (?:more )?(?:about|if|whether|what|how)",
    r"find out", r"hear (?:more )?about", r"learn about", r"more about", r"info", r"information",
    r"details (?:on|about|of)", r"what(?:'s| is| are| happens| do| does)",
    r"how (?:do|does|it|is)", r"difference", r"wondering (?:what|how|whether)", r"is there",
    r"are there", r"do you (?:do|have|offer)",
)
_INTERROGATIVE_START = re.compile(
    r"^(?:what|what's|how|why|who|where|when|which|tell me|explain|(?:is|are|do|does|did|will|"
    r"would|should|was|were|has|have|can|could) (?:you|u|it|there|they|we|i|the|this|that|she|"
    r"he|your|a|an|any))\b"
)
_WH_START = re.compile(r"^(?:what|what's|how|why|who|where|which|tell me|explain)\b")
_REQUEST_START = re.compile(
    r"^(?:please )?(?:(?:can|could|may) (?:i|we|it|you|they|someone|somebody|that|this)|"
    r"is (?:it|that) (?:ok|alright|possible|fine)|would (?:it|that) be (?:ok|alright|possible|"
    r"fine|better)|would \w+(?: \w+)? be (?:ok|alright|possible|fine|better)|"
    r"(?:how|what) about|are \w+(?: \w+)? (?:ok|possible|an option))\b"
)

#: Risk-like words. A sentence with one is not mined at all (the safety net, not this module,
#: decides what it means). Idioms like "I could kill for a coffee" are skipped too: harmless.
RISK_WORDS: tuple[str, ...] = (
    r"kill\w*", r"suicid\w*", r"die", r"dying", r"dead", r"death", r"end (?:it|my life|things)",
    r"(?:be|being) here any ?more", r"want to be here", r"(?:live|exist|wake up) any ?more",
    r"want to (?:live|exist)", r"(?:go|going) to sleep and not",
    r"hurt(?:ing)? (?:myself|me|her|him|them|the baby|my baby|baby|the kids|my kids)",
    r"harm\w*", r"self harm", r"cut(?:ting)? myself", r"overdos\w*", r"od", r"tablets",
    r"pills", r"jump\w*", r"not (?:be|being) here", r"not wake up", r"better off without",
    r"hits? me", r"hitting me", r"beats? me", r"abus\w*", r"scared of (?:him|her|my partner)",
    r"voices", r"hearing things", r"seeing things", r"shak(?:e|ing) (?:her|him|the baby)",
    r"smother\w*", r"drown\w*", r"disappear", r"can't go on", r"give up", r"no point",
    r"want(?:ed)? to go to sleep and", r"danger", r"unsafe",
)

# ============================================================================================
# Lexicons: slots
# ============================================================================================

# Each table maps a pattern to the code(s) it stands for. *_WHEN_ASKED entries count only as an
# answer to that slot's own question; *_IGNORE entries stand for nothing and block shorter
# overlapping matches.

FORMAT_TERMS: dict[str, str] = {
    r"groups?": "group",
    r"(?:the )?group (?:sessions?|meetings?|chats?|support|one|thing|setting|option)": "group",
    r"(?:support|peer|peer support|mums|mums'|mothers) groups?": "group",
    r"(?:the )?one_to_one(?: sessions?| support| chats?| thing| option| basis| one)?":
        "one_to_one",
    r"individual(?:ly| sessions?| support)?": "one_to_one",
    r"(?:just )?me and (?:a|the|one) (?:volunteer|peer supporter|person|mum|supporter)":
        "one_to_one",
    r"(?:just )?(?:the )?two of us": "one_to_one",
    r"with (?:a|one) (?:volunteer|peer supporter|supporter)": "one_to_one",
}
FORMAT_TERMS_WHEN_ASKED: dict[str, str] = {
    r"the groups?": "group",
    r"(?:with )?(?:other|a few|some|lots of|more) (?:mums|mothers|mams|moms|women|parents)":
        "group",
    r"(?:with )?others": "group",
    r"on my own": "one_to_one",
    r"by myself": "one_to_one",
    r"just me": "one_to_one",
    r"alone": "one_to_one",
    r"one (?:person|volunteer|mum)": "one_to_one",
    r"(?:a|one) volunteer": "one_to_one",
}
FORMAT_IGNORE: tuple[str, ...] = (
    r"groups? of",
    r"(?:baby|babies|toddler|play|nct|antenatal|breastfeeding|feeding|sling|sensory|music|"
    r"messy play|stay and play|church|parenting|mum and baby|mums and babies|mother and baby|"
    r"baby and toddler|whatsapp|facebook|age|blood|friendship|family) groups?",
    r"playgroups?",
    r"group b(?: strep)?",
)
#: As an answer to the format question: no preference / neither / not sure.
FORMAT_EITHER_WORDS = frozenset(
    {"either", "both", "_nomind", "whichever", "any", "anything", "whatever"}
)
FORMAT_NEITHER_WORDS = frozenset({"neither", "none"})
UNSURE_WORDS = frozenset({"_notsure", "maybe", "unsure", "perhaps"})

MODE_TERMS: dict[str, str] = {
    r"face_to_face": "face_to_face",
    r"in_person": "face_to_face",
    r"in real life": "face_to_face",
    r"meet(?:ing)? ?ups?": "face_to_face",
    r"meet(?:ing)? (?:face_to_face|in_person)": "face_to_face",
    r"phones?": "phone",
    r"telephone": "phone",
    r"phone_call": "phone",
    r"(?:on|over|by|via) (?:the )?(?:phone|telephone)": "phone",
    r"voice calls?": "phone",
    r"audio(?: calls?| only)?": "phone",
    r"calls": "phone",
    r"phone chats?": "phone",
    r"video": "video",
    r"video_call": "video",
    r"video chats?": "video",
    r"zoom(?: calls?| meetings?)?": "video",
    r"(?:ms|microsoft) teams|teams calls?|on teams": "video",
    r"facetime(?: calls?)?": "video",
    r"skype": "video",
    r"google meet": "video",
    r"whatsapp (?:video|video_call)": "video",
    r"webcam": "video",
    r"online(?: calls?| meetings?| sessions?| chats?)?": "video",
    r"(?:the )?(?:video|zoom) (?:option|one|way)": "video",
    r"(?:the )?phone (?:option|one|way)": "phone",
    r"(?:the )?(?:face_to_face|in_person) (?:option|one|way)": "face_to_face",
}
MODE_TERMS_WHEN_ASKED: dict[str, str] = {
    r"(?:the|this|that|your) video": "video",
    r"call": "phone",
    r"a call": "phone",
    r"rings?": "phone",
    r"a ring": "phone",
    r"(?:call|ring|phone|bell) me": "phone",
    r"talk(?:ing)? on the phone": "phone",
    r"teams": "video",
    r"cam(?:era)?": "video",
    r"meet(?:ing)?": "face_to_face",
    r"(?:get|getting) out(?: of the house)?": "face_to_face",
}
MODE_IGNORE: tuple[str, ...] = (
    r"(?:my|your|her|his|their|our) (?:phone|mobile|phones)(?:'s)?",
    r"on my phone",
    r"the phone (?:number|battery|screen|bill)",
    r"phones? (?:number|numbers|battery|screen|bill|signal|contract|died|dies|dying|broke|"
    r"broken|credit|data)",
    r"phones? (?:you|them|him|her|the|up|round|around|back|my|a)",
    r"(?:call|ring|phone) (?:999|111|112|911|an ambulance|the police|them|him|her|you|the|my|"
    r"back|up|round|around|a taxi)",
    r"(?:youtube|tiktok|instagram|facebook|funny|sleep|breastfeeding) videos?",
    r"videos? (?:of|on|about|games?|monitor|clips?)",
    r"videos",
    r"watch(?:ed|ing)? (?:a |the |some )?videos?",
    r"(?:found|find|look|looked|looking|search|searched|searching|read|saw|seen|googled?) "
    r"(?:it |you |this |them |stuff |things |information |info )?online",
    r"online (?:shopping|forums?|search|searching|community|communities|course|courses|info|"
    r"information|articles?|form|booking)",
    r"rings? (?:a bell|true)",
    r"calls? from",
    r"(?:missed|cold|nuisance|spam|scam) calls?",
)
ANY_WORDS = frozenset(
    {
        "any", "all", "anything", "whatever", "whichever", "_nomind", "flexible", "either",
        "everything",
    }
)

TIME_TERMS: dict[str, str | tuple[str, ...]] = {
    r"mornings?": "morning",
    r"(?:early|late|mid) mornings?": "morning",
    r"before lunch": "morning",
    r"first thing(?: in the morning)?": "morning",
    r"afternoons?": "afternoon",
    r"after lunch": "afternoon",
    r"(?:early|late|mid) afternoons?": "afternoon",
    r"evenings?": "evening",
    r"nights?": "evening",
    r"nighttimes?": "evening",
    r"late at night": "evening",
    r"(?:late|early) evenings?": "evening",
    r"after (?:bedtime|bath ?time|bath|tea|dinner|teatime)": "evening",
    r"bedtime": "evening",
    r"(?:once|when|after) (?:the |my )?(?:baby|babies|kids|children|little one|lo|she|he|they)"
    r"(?:'s|'re| is| are| has| have| goes| go)? (?:in bed|asleep|gone down|down|settled|gone to "
    r"bed|go to bed|goes to bed|to bed)(?: for the night)?": "evening",
    r"(?:once|when|after) (?:she's|he's|they're|baby's)(?: in bed| asleep| down| settled)":
        "evening",
    r"weekends?": "weekend",
    r"at (?:the )?weekends?": "weekend",
    r"saturdays?|sundays?": "weekend",
    r"sats? (?:or|and) suns?": "weekend",
    r"daytimes?|during the day|in the day(?:time)?|all day": ("morning", "afternoon"),
    r"weekdays?|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?": "_weekday",
}
TIME_TERMS_WHEN_ASKED: dict[str, str | tuple[str, ...]] = {
    r"am": "morning",
    r"pm": "afternoon",
    r"early(?: on)?": "morning",
    r"earlier(?: in the day)?": "morning",
    r"late": "evening",
    r"days": ("morning", "afternoon"),
    r"sats": "weekend",
}
TIME_IGNORE: tuple[str, ...] = (
    r"(?:this|last|yesterday|tomorrow|one|that|the other|all|the next|next) "
    r"(?:morning|afternoon|evening|night|nights|weekend|mornings|evenings)",
    r"(?:yesterday|tomorrow|tonight|overnight|goodnight)",
    r"nights? (?:feeds?|feeding|feedings|wakings?|wake ?ups?|shifts?|out|terrors|sweats)",
    r"(?:sleepless|good|bad|rough|long|hard|awful|terrible|horrendous|broken) "
    r"(?:nights?|mornings?|evenings?)",
    r"night night",
    r"mornings? (?:sickness|sick)",
    r"good (?:morning|afternoon|evening)",
    r"(?:morning|afternoon|evening) (?:all|everyone|ladies)",
    r"(?:up|awake|wakes?|waking|woke|crying|cries|screams|screaming|feeding|feeds|sleep|sleeps|"
    r"sleeping) (?:all |in the |at |during the )?(?:nights?|nighttime|evenings?)",
    r"over the weekend",
    r"pm me",
    r"late (?:to|for)|too (?:late|early)|running late|be late",
)
WEEKDAY = "_weekday"

REFERRAL_TERMS: dict[str, str] = {
    r"health visitors?(?: team)?": "health_visitor",
    r"health visiting(?: team)?": "health_visitor",
    r"hv|hv's": "health_visitor",
    r"(?:community )?(?:midwife|midwives|midwife's)": "midwife",
    r"mw": "midwife",
    r"midwifery(?: team)?": "midwife",
    r"gps?|gp's": "gp",
    r"(?:family )?doctors?|doctor's": "gp",
    r"(?:gp|doctors|doctor's) (?:surgery|practice)": "gp",
    r"practice nurse": "gp",
    r"perinatal(?: mental health)?(?: team| service| services| nurse| midwife| psychiatrist| "
    r"psychologist| worker)?": "mental_health_team",
    r"pmht|pmhs|pnmh": "mental_health_team",
    r"mental health (?:team|service|services|nurse|worker|midwife|practitioner)":
        "mental_health_team",
    r"cpn|community psychiatric nurse": "mental_health_team",
    r"psychiatrists?|psychologists?": "mental_health_team",
    r"iapt|talking therap(?:y|ies)": "mental_health_team",
    r"therapists?|counsell?ors?": "mental_health_team",
    r"crisis team|home treatment team|mother and baby unit|mbu": "mental_health_team",
    r"self_referral": "self",
    r"(?:a |my |another |other )?(?:friends?|mates?|pals?|bestie|best friend)": "other",
    r"(?:my )?(?:mum|mam|mom|mother|sister|partner|husband|hubby|boyfriend|fiance|wife|"
    r"girlfriend|family|auntie|aunt|cousin|in laws|mother in law|nan|nana|nanna|gran|grandma)":
        "other",
    r"charity|social workers?|family hub|nursery|school|nct|home ?start|church|mosque": "other",
    r"children's cent(?:re|er)s?|childrens cent(?:re|er)s?|sure start": "other",
    r"another mum|other mums|a mum": "other",
    r"hospital|nurse|(?:family )?support worker|food bank|citizens advice|employer|colleague|"
    r"neighbour|volunteer|job centre|housing officer|key worker": "other",
}
#: Only as the answer to "how did you hear about us?".
REFERRAL_TERMS_WHEN_ASKED: dict[str, str] = {
    r"myself|just me|me myself|i did|no one|nobody|no one did|on my own|by myself": "self",
    r"google|googled|googling|online|internet|the internet|facebook|instagram|tiktok|twitter|"
    r"social media|website|your website|the website|web|search|searched|searching": "self",
    r"posters?|flyers?|adverts?|advert|an ad|leaflets?": "self",
}
REFERRAL_IGNORE: tuple[str, ...] = (
    r"mum and baby|mums and babies|mother and baby group|mum of|mum to|as a mum|new mum|"
    r"first time mum|single mum|bad mum|good mum|mum guilt",
    r"(?:doctor|gp|midwife|hv|health visitor) appointments?",
)
#: What a referrer tells her to do, in "my HV said to try this" / "told me to get in touch".
_REFERRAL_ACTION = (
    r"(?:try|contact|get in touch|look|use|chat|do (?:this|it)|come|speak|talk|message|join|"
    r"sign up|give (?:it|this|you)|check|reach out|go for|have a look|text|ring|call|email|fill|"
    r"see (?:you|if)|self refer|refer|apply|register|sign|go on|get some support|get support|"
    r"find|ask|book|try (?:it|this|you))"
)
#: What a referral is about when it is to us ("suggested it", "recommended you").
_REFERRAL_OBJECT = (
    r"(?:it|this|you|here|peer support|the service|the charity|your|the group|a group|the "
    r"programme|this service|trying|getting in touch|i (?:try|contact|get in touch|should|could|"
    r"might|look|give))"
)
#: Services she may be referred *to*, which makes "referred me to ..." not a referral to us.
_OTHER_SERVICES = (
    r"(?:iapt|talking therap\w*|counselling|counsellor|therapy|therapist|cbt|the perinatal|"
    r"perinatal|a psychiatrist|psychiatry|mental health|the mental health|the hospital|hospital|a "
    r"specialist|the specialist|physio|a consultant|the consultant|the doctor|a doctor|the gp|a "
    r"gp|my gp|social services|a paediatrician|the paediatrician)"
)
#: A referral word is a referral when followed by one of these...
_REFERRAL_AFTER = re.compile(
    r"^\s*(?:'s |s )?(?:(?:has|had|have|just|actually|kindly|who|then|also|originally|first|"
    r"was|recently|kept|keeps) )*(?:"
    rf"(?:said|says) (?:to|i should|i could|i might|i need to|i ought to|it would be good to) "
    rf"{_REFERRAL_ACTION}|(?:said|says) (?:about|that (?:this|you|it) )|"
    rf"told me (?:about|of|to {_REFERRAL_ACTION})|"
    rf"(?:mentioned|suggested|recommended|suggests|recommends|mentions) {_REFERRAL_OBJECT}|"
    rf"(?:referred|refered|has referred|is referring|sent|signposted|pointed) (?:me|us)?"
    rf"(?! (?:to|for|onto|on to) {_OTHER_SERVICES})(?= (?:to you|here|over|this way|to this|"
    rf"to your|on|,|and|$)|$| ,)|"
    rf"sent me (?:here|the link|a link|this|your|the details|over|to you|this way|the number)|"
    rf"gave me (?:the|a|this|your) (?:link|number|leaflet|details|card|website|info|information|"
    rf"flyer)|passed (?:on|me) (?:your|the|this)|put me (?:in touch|forward|through|onto|on to)|"
    rf"pointed me (?:to|towards|here|in)|showed me (?:this|you|your|the)|"
    rf"set me up|(?:thought|thinks) (?:this|it|you) (?:might|would|could)|"
    rf"made (?:a|the) referral|did (?:a|the) referral|shared (?:this|the|your))"
)
#: ...or preceded by one of these (the text just before the word must end with it).
_REFERRAL_BEFORE = re.compile(
    r"(?:(?:referred|referral|recommended|suggested|sent|signposted|pointed)(?: to you| here| "
    r"me| over)? (?:by|from|through|via)|(?:heard|found out|learnt|learned|knew|know|got|had|"
    r"came) (?:about )?(?:(?:this|it|you|here|the service|the link|the number|your number|the "
    r"details|a leaflet|the leaflet|this link|details|info|information|a referral) )?(?:about "
    r"(?:this|it|you) )?(?:from|through|via|off)|referral from|"
    r"(?:recommendation|suggestion) (?:from|of)) (?:my |the |a |an |our |her |his )?$"
)
#: Self-referral statements that count wherever they are said.
SELF_REFERRAL_PATTERNS: tuple[str, ...] = (
    r"found (?:it|you|this|the service|your (?:website|page|number|details)|this (?:service|"
    r"site|page)|out about (?:it|you|this))? ?(?:myself|by myself|on my own|online|on (?:google|"
    r"facebook|instagram|the internet|social media|tiktok)|through (?:google|facebook|"
    r"instagram|social media)|by googling|when googling|searching|while searching)",
    r"googled (?:you|this|it|peer support|and found|around)",
    r"self_referral",
    r"came across (?:you|this|it|your)",
    r"saw (?:it|you|this|a post|an advert|an ad|a poster|a leaflet|a flyer|your) "
    r"(?:on|in|at|online)",
    r"(?:looked|searched) (?:it )?(?:up )?online",
)
_REFERRAL_NEGATION = re.compile(r"(?:not|never|wasn't|no|didn't|isn't|not from|not through) "
                                r"(?:my |the |a |an |our )?$")

_NUM = (
    r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|a|an|few|couple of|couple)"
)
_BABY = (
    r"(?:baby|babies|lo|little one|son|daughter|ds|dd|boy|girl|twins|newborn|little boy|"
    r"little girl|baby boy|baby girl|youngest|little man|little lady|she|he|they|she's|he's|"
    r"they're|her|him)"
)
_UNIT = r"(?P<unit>days?|d|weeks?|w|months?|m|mo|years?|y|yo)"
#: Current pregnancy. Checked before postnatal: "pregnant with my second and my toddler..."
PREGNANT_PATTERNS: tuple[str, ...] = (
    r"(?P<kw>pregnant)",
    r"(?:i'm|i am|we're|we are|currently|now|am) (?:currently |now |also |just )?(?P<kw>expecting)",
    r"(?P<kw>expecting) (?:a|my|our|baby|twins|number|no|another|again|in|round|the)\b",
    r"(?:i'm|i am|am|currently|now) (?:currently |now |nearly |almost |just |only |about |"
    r"around )?(?P<n>\d{1,2})(?:_plus_\d)? (?P<unit>weeks?|w|months?)(?! old| postpartum| "
    r"postnatal| post| after| since| ago| pp| into)(?:(?<=weeks)|(?<=week)|(?<= w)|(?! in\b))",
    r"(?P<n>\d{1,2})(?:_plus_\d)? (?P<unit>weeks?|w|months?) (?:pregnant|gone|along)",
    r"(?P<n>\d{1,2})_plus_\d",
    r"(?P<kw>due) (?:in|on|at|around|any|date|day|soon|next|this|end|early|mid|late|the|\d|jan|"
    r"feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|christmas|xmas)\b",
    r"(?:i'm|i am|baby's|baby is|am) (?P<kw>overdue)",
    r"\bedd\b",
    r"trimester",
    r"(?:my|the|baby|a) bump",
    r"\d{1,2} ?(?:week|wk) scan|(?:anomaly|growth|dating|booking) scan",
    r"antenatal (?:appointment|appointments|clinic|booking)",
    r"(?:baby|she|he|they)(?:'s| is) (?:kicking|moving a lot)",
)
#: Words in the few tokens before a pregnancy keyword that make it not current.
PREGNANT_NEGATORS = frozenset(
    {
        "was", "were", "wasn't", "weren't", "when", "not", "never", "isn't", "get", "getting",
        "during", "before", "been", "if", "want", "wanted", "trying", "tried", "didn't",
        "don't", "while", "whilst",
    }
)
#: ...and before "due", words showing it is not a baby that is due.
DUE_NEGATORS = PREGNANT_NEGATORS | frozenset(
    {
        "bill", "bills", "rent", "payment", "payments", "essay", "assignment", "it", "it's",
        "its", "which", "that", "deadline", "tax", "money", "return", "fee", "fees", "work",
        "refund", "train", "bus", "parcel", "period", "invoice", "report", "appointment",
    }
)
POSTNATAL_PATTERNS: tuple[str, ...] = (
    rf"(?P<n>{_NUM}) ?{_UNIT} old",
    rf"{_BABY}(?: is| s| are| was| just| turned| turns| will be| be| only| nearly| almost| about|"
    rf" around| now| coming up to| going on| at)* (?P<n>{_NUM}) ?{_UNIT}(?! pregnant| gone| "
    rf"along| scan| ago)",
    r"(?:had|gave birth to|delivered) (?:her|him|them|the baby|my baby|baby|my son|my daughter|"
    r"my little one|my lo|the twins|my twins|twins|my boy|my girl|my little boy|my little girl|"
    r"my (?:first|second|third|1st|2nd|3rd|fourth)(?: baby| child| one)?)(?= (?:in|on|at|"
    r"last|\d+|a|about|around|early|late|two|three|four|five|six|seven|eight|nine|ten|weeks|"
    r"months|and|recently|just|by|via|naturally)\b|$| ,)",
    r"(?:since|when|after|before) (?:i )?(?:had|gave birth to|having) (?:her|him|them|the baby|"
    r"my baby|baby|my son|my daughter|my little one|my lo|the twins|my twins|twins)",
    r"(?:i've|i have|i|just|recently) (?:just |recently )?had (?:a|my|the|our) (?:baby|little "
    r"boy|little girl|son|daughter|boy|girl|twins)(?! shower| scan| bump| appointment)",
    r"gave birth|given birth|birth was|since (?:the )?birth|since giving birth|after giving birth",
    r"(?:since|after) (?:she|he|they|baby|the baby|my baby) (?:was|were) born",
    r"(?:she|he|they|baby|the baby|my baby|lo) (?:was|were) born",
    r"(?:baby|she|he|they|lo)(?:'s| is| are| has| have) (?:here|arrived)",
    r"baby arrived",
    r"(?:had|after|since) (?:a|my|the|an emergency|emergency|planned) (?:c section|section|"
    r"caesarean|csection|c sec)",
    r"(?:my|our|with a|have a|got a|with my|caring for a|with an) newborn",
    r"\d+ (?:weeks|months|days) (?:postpartum|post partum|postnatal|post natal|after birth)",
    r"(?:i'm|i am|im) (?:postpartum|postnatal|post natal)",
    r"(?:i've got|i have|i've|diagnosed with|suffering (?:with|from)|struggling with|have had|"
    r"got|i think i have|think i've got|with) (?:pnd|ppd|postnatal depression|post natal "
    r"depression|postpartum depression|postnatal anxiety|postpartum anxiety|postnatal psychosis)",
    r"(?:my|the|our) (?:baby|lo|little one|newborn|son|daughter|boy|girl|twins) (?:won't|"
    r"doesn't|does not|will not|never|barely|hardly|is always|always|keeps (?:crying|waking|"
    r"screaming)|cries|screams|is crying|wakes|is teething|isn't sleeping|is not sleeping|"
    r"isn't feeding|has colic|has reflux|is feeding|feeds|sleeps|is sleeping|naps|is napping|"
    r"cried|screamed|slept)",
    r"(?:breastfeeding|bottle feeding|formula feeding|combi feeding|expressing) (?:her|him|my "
    r"baby|the baby|them)",
    r"(?:night|nighttime) (?:feeds|feeding|wakings|wake ups)",
)
#: Only as the answer to "are you pregnant or have you had your baby?".
STAGE_ANSWERS_WHEN_ASKED: dict[str, str] = {
    r"expecting|both|pregnant": "pregnant",
    r"postnatal|post natal|postpartum|after|born|newborn|had (?:her|him|them|the baby|baby|"
    r"my baby)|already had|baby's here|she's here|he's here|they're here|had my baby":
        "postnatal",
}
#: A message that speaks of a loss is not used to infer a stage at all.
LOSS_WORDS: tuple[str, ...] = (
    r"miscarr\w*", r"mc", r"stillb\w*", r"lost (?:the|my|our|a) (?:baby|babies|pregnancy|twins|"
    r"son|daughter|little one)", r"baby (?:died|passed|has died)",
    r"(?:she|he) (?:died|passed away)", r"ectopic", r"termination", r"tfmr", r"abortion",
    r"neonatal death", r"angel baby", r"loss", r"bereave\w*", r"passed away",
)

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
ADDITIVE_WORDS = frozenset({"too", "also", "and_also", "add", "plus", "aswell"})

#: Take-up answers in her words; checked in this order (a clear "no" first, then "maybe" so
#: that "not sure" and "yes but not now" are not read as yes).
TAKE_UP_TEXT: tuple[tuple[str, str], ...] = (
    (r"not for me|no thanks?|no thank you|not interested|i'll pass|ill pass|i will pass|"
     r"(?:don't|do not) (?:really )?want (?:to|it)|(?:don't|do not) think (?:so|it's for me|"
     r"i will|i'll|i want)|rather not|no way|not really|definitely not|absolutely not|"
     r"not at all|no chance|(?:i'm|i am) (?:ok|fine|alright) (?:thanks|thank you)", "no"),
    (r"maybe|possibly|perhaps|might|not now|not right now|not yet|not at the (?:moment|mo)|"
     r"later|another time|think about it|have a think|need to think|not ready|unsure|"
     r"not sure|don't know|i don't know|in a (?:few|couple of) (?:weeks|months)|one day|"
     r"some point|when (?:she's|he's|baby's|the baby is|they're) (?:older|bigger)", "maybe"),
    (r"yes|sure|ok|go on|definitely|absolutely|sign me up|count me in|i'd like (?:to|that)|"
     r"i would like (?:to|that)|give it a (?:go|try)|i'll try|try it|let's do it|let's|"
     r"please|i want to|sounds (?:good|great)|why not|i'm in|i'd love|would love|up for it|"
     r"wouldn't mind|keen|happy to|i will", "yes"),
    (r"no", "no"),
)

INTENT_TO_CONSENT = {"affirm": "given", "deny": "declined"}
INTENT_TO_TAKE_UP = {"affirm": "yes", "maybe": "maybe", "not_sure": "maybe", "deny": "no"}
INTENT_TO_BOOL = {"affirm": True, "deny": False}

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
# Compilation
# ============================================================================================


def _bounded(pattern: str) -> re.Pattern[str]:
    """Compile a table pattern so that it matches whole tokens only (a trailing 's may follow:
    "phone's fine")."""
    return re.compile(rf"(?<![\w'])(?:{pattern})(?!\w|'(?!s\b))")


def _any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    return _bounded("|".join(f"(?:{p})" for p in patterns))


@dataclass(frozen=True)
class _Entry:
    regex: re.Pattern[str]
    codes: tuple[str, ...]  # empty: ignore entry
    asked_only: bool


@dataclass(frozen=True)
class _Lexicon:
    entries: tuple[_Entry, ...]


def _lexicon(
    terms: Mapping[str, str | tuple[str, ...]],
    asked_only: Mapping[str, str | tuple[str, ...]] | None = None,
    ignore: Iterable[str] = (),
) -> _Lexicon:
    def codes(value: str | tuple[str, ...]) -> tuple[str, ...]:
        return (value,) if isinstance(value, str) else tuple(value)

    entries = [_Entry(_bounded(p), codes(c), False) for p, c in terms.items()]
    entries += [_Entry(_bounded(p), codes(c), True) for p, c in (asked_only or {}).items()]
    entries += [_Entry(_bounded(p), (), False) for p in ignore]
    return _Lexicon(tuple(entries))


_FORMAT_LEX = _lexicon(FORMAT_TERMS, FORMAT_TERMS_WHEN_ASKED, FORMAT_IGNORE)
_MODE_LEX = _lexicon(MODE_TERMS, MODE_TERMS_WHEN_ASKED, MODE_IGNORE)
_TIME_LEX = _lexicon(TIME_TERMS, TIME_TERMS_WHEN_ASKED, TIME_IGNORE)
_REFERRAL_LEX = _lexicon(REFERRAL_TERMS, REFERRAL_TERMS_WHEN_ASKED, REFERRAL_IGNORE)
_CONTACT_LEX = _lexicon(CONTACT_TERMS, None, CONTACT_IGNORE)
_VOLUNTEERED_CONTACT_LEX = _lexicon(VOLUNTEERED_CONTACT, None, CONTACT_IGNORE)
_CUED_CONTACT_LEX = _lexicon(CUED_CONTACT_TERMS)

_LEXICAL_REWRITES = tuple((_bounded(p), r) for p, r in LEXICAL_REWRITES)
_PHRASE_REWRITES = tuple((_bounded(p), r) for p, r in PHRASE_REWRITES)
_CUE_RE = _any_of(PREFERENCE_CUES)
_INFO_RE = _any_of(INFO_SEEKING)
_RISK_RE = _any_of(RISK_WORDS)
_LOSS_RE = _any_of(LOSS_WORDS)
_SELF_REFERRAL_RE = _any_of(SELF_REFERRAL_PATTERNS)
_PREGNANT_RES = tuple(_bounded(p) for p in PREGNANT_PATTERNS)
_POSTNATAL_RES = tuple(_bounded(p) for p in POSTNATAL_PATTERNS)
_STAGE_ANSWER_RES = tuple((_bounded(p), c) for p, c in STAGE_ANSWERS_WHEN_ASKED.items())
_TAKE_UP_RES = tuple((_bounded(p), c) for p, c in TAKE_UP_TEXT)

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
_URL_RE = re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)
_EMAILISH_RE = re.compile(r"\S*@\S*")
#: A run of at least six digits with separators: a phone number or an attempt at one.
_NUMBERISH_RE = re.compile(r"\+?\(?\d[\d \t\-.()]{4,}\d(?:\s*\))?")
_NUMBER_NAMES = {
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
_SENTENCE_RE = re.compile(r"[^.!?;\n\r]+[.!?;\n\r]*")
_PIECE_SPLIT_RE = re.compile(r"[,:()\[\]\"{}|]+|\s-+\s")
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


def _basic_normalise(text: str) -> str:
    """Unicode, quotes, accents, markup, URLs, addresses and numbers, then lower case."""
    s = unicodedata.normalize("NFKD", text)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    s = _TAG_RE.sub(" ", s)
    s = _URL_RE.sub(" _url_ ", s)
    s = _EMAILISH_RE.sub(" _email_ ", s)
    s = _NUMBERISH_RE.sub(
        lambda m: " _number_ " if _digit_count(m.group(0)) >= 6 else m.group(0), s
    )
    s = s.lower()
    for regex, repl in _CHAR_REWRITES:
        s = regex.sub(repl, s)
    return s


def _digit_count(s: str) -> int:
    return sum(ch.isdigit() for ch in s)


def _tokens(piece: str) -> list[str]:
    out: list[str] = []
    for raw in _TOKEN_RE.findall(piece):
        fixed = _fix_token(raw)
        if fixed:
            out.extend(fixed.split())
    return out


def _rewrite(text: str, rewrites: Sequence[tuple[re.Pattern[str], str]]) -> str:
    for regex, repl in rewrites:
        text = regex.sub(repl, text)
    return text


# ============================================================================================
# Message analysis
# ============================================================================================


@dataclass
class _Hit:
    codes: tuple[str, ...]
    start: int  # token index
    end: int  # token index, exclusive
    asked_only: bool
    polarity: str = "pos"  # "pos" | "neg" | "hedge"


@dataclass
class _Clause:
    tokens: list[str]
    text: str
    sentence: _Sentence
    has_cue: bool = False
    info: bool = False
    reported: bool = False
    third_only: bool = False
    past: bool = False
    fragment: bool = False
    hits: dict[str, list[_Hit]] = field(default_factory=dict)
    covered: dict[str, set[int]] = field(default_factory=dict)


@dataclass
class _Sentence:
    plain: str  # typo-corrected tokens, " , " where punctuation split it; no phrase rewrites
    is_question: bool
    wh_question: bool = False
    yn_question: bool = False
    risky: bool = False
    clauses: list[_Clause] = field(default_factory=list)

    @property
    def has_cue(self) -> bool:
        return any(c.has_cue for c in self.clauses)


@dataclass
class _Message:
    sentences: list[_Sentence]
    plain: str

    @property
    def clauses(self) -> Iterable[_Clause]:
        for sentence in self.sentences:
            yield from sentence.clauses


def _analyse(text: str) -> _Message:
    normalised = _basic_normalise(text)
    sentences: list[_Sentence] = []
    for match in _SENTENCE_RE.finditer(normalised):
        chunk = match.group(0)
        body = chunk.rstrip(".!?;\n\r")
        terminator = chunk[len(body) :]
        pieces = [
            _rewrite(" ".join(_tokens(p)), _LEXICAL_REWRITES).split()
            for p in _PIECE_SPLIT_RE.split(body)
        ]
        pieces = [p for p in pieces if p]
        if not pieces:
            continue
        plain = " , ".join(" ".join(p) for p in pieces)
        sentence = _Sentence(plain=plain, is_question="?" in terminator)
        first = " ".join(pieces[0])
        interrogative = bool(_INTERROGATIVE_START.match(first))
        request = bool(_REQUEST_START.match(first))
        sentence.wh_question = bool(_WH_START.match(first)) and not request
        sentence.yn_question = (sentence.is_question or interrogative) and not request
        sentence.risky = bool(_RISK_RE.search(plain))
        for piece in pieces:
            rewritten = _rewrite(" ".join(piece), _PHRASE_REWRITES).split()
            current: list[str] = []
            for token in [*rewritten, "but"]:
                if token in CLAUSE_BREAKS:
                    if current:
                        sentence.clauses.append(_make_clause(current, sentence))
                    current = []
                else:
                    current.append(token)
        sentences.append(sentence)
    message = _Message(sentences, " , ".join(s.plain for s in sentences))
    for clause in message.clauses:
        for name, lexicon in (("format", _FORMAT_LEX), ("mode", _MODE_LEX), ("time", _TIME_LEX)):
            clause.hits[name] = _find_hits(clause, lexicon, name)
        covered: set[int] = set()
        for hits in clause.hits.values():
            for hit in hits:
                covered.update(range(hit.start, hit.end))
        clause.fragment = bool(covered) and all(
            i in covered or t in FRAGMENT_FILLERS or t in ANY_WORDS
            for i, t in enumerate(clause.tokens)
        )
    return message


def _make_clause(tokens: list[str], sentence: _Sentence) -> _Clause:
    text = " ".join(tokens)
    token_set = set(tokens)
    return _Clause(
        tokens=tokens,
        text=text,
        sentence=sentence,
        has_cue=bool(_CUE_RE.search(text)),
        info=bool(_INFO_RE.search(text)),
        reported=bool(token_set & REPORTING_VERBS),
        third_only=bool(token_set & THIRD_PERSON) and not token_set & FIRST_PERSON,
        past=bool(token_set & PAST_MARKERS),
    )


def _find_hits(clause: _Clause, lexicon: _Lexicon, name: str | None = None) -> list[_Hit]:
    """Non-overlapping lexicon matches in a clause, longest first, with their polarity.

    With ``name``, the token positions taken by any entry (ignore entries too) are recorded in
    ``clause.covered[name]``, so that "all" in "up all night" is not read as "any time".
    """
    text = clause.text
    hits = []
    covered: set[int] = set()
    for start, end, entry in _longest_matches(text, lexicon):
        first = text.count(" ", 0, start)
        last = first + text.count(" ", start, end) + 1
        covered.update(range(first, last))
        if entry.codes:
            hits.append(_Hit(entry.codes, first, last, entry.asked_only))
    if name is not None:
        clause.covered[name] = covered
    for i, hit in enumerate(hits):
        previous = hits[i - 1] if i else None
        following = hits[i + 1] if i + 1 < len(hits) else None
        hit.polarity = _polarity(clause.tokens, hit, previous, following)
    return hits


def _longest_matches(text: str, lexicon: _Lexicon) -> list[tuple[int, int, _Entry]]:
    """All entries' matches, keeping the longest where they overlap, in text order."""
    candidates: list[tuple[int, int, _Entry]] = []
    for entry in lexicon.entries:
        for m in entry.regex.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), entry))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, _Entry]] = []
    for start, end, entry in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, entry))
    taken.sort(key=lambda c: c[0])
    return taken


#: How many tokens back from an option a negator still applies ("I don't really want a group").
NEGATION_WINDOW = 6


def _polarity(
    tokens: Sequence[str], hit: _Hit, previous: _Hit | None, following: _Hit | None
) -> str:
    """Whether a clause chooses ("pos"), rules out ("neg") or worries about ("hedge") an option."""
    if previous is not None and previous.polarity != "pos":
        gap = tokens[previous.end : hit.start]
        if gap and set(gap) <= COORDINATION_FILLERS and set(gap) & COORDINATORS:
            return previous.polarity
    for k in range(hit.start - 1, max(-1, hit.start - 1 - NEGATION_WINDOW), -1):
        token = tokens[k]
        if token in NEGATION_RESETS:
            break
        if previous is not None and k < previous.end:
            break
        if token in HEDGES:
            return "hedge"
        if token in NEGATORS:
            return "neg"
    # What the clause goes on to say about it: "groups aren't for me", "mornings are hard".
    limit = following.start if following is not None else len(tokens)
    k = hit.end
    while k < limit and tokens[k] in PREDICATE_FILLERS:
        k += 1
    if k >= limit:
        return "pos"
    token = tokens[k]
    if following is not None and k == following.start - 1 and token in NEGATORS:
        return "pos"  # "phone not video": that "not" belongs to video
    if token in HEDGES:
        return "hedge"
    if token in POST_NEGATORS or token in POST_NEGATIVE_WORDS:
        return "neg"
    return "pos"


# ============================================================================================
# The per-call context
# ============================================================================================


@dataclass
class _Context:
    requested: str | None
    intent: str | None
    preferred_contact: str | None
    current: Mapping[str, Any]

    def asked(self, slot: str) -> bool:
        return self.requested == slot and self.intent != "skip"

    @property
    def preference_question(self) -> bool:
        return self.requested in PREFERENCE_SLOTS

    def usable(self, clause: _Clause, asked: bool) -> bool:
        """May this clause be read as her preference for a slot?"""
        sentence = clause.sentence
        if sentence.risky or sentence.wh_question or clause.reported or clause.third_only:
            return False
        if asked:
            return True
        if sentence.yn_question or clause.info:
            return False
        if clause.past:
            return False
        if clause.has_cue:
            return True
        return clause.fragment and (sentence.has_cue or self.preference_question)


# ============================================================================================
# Slot resolvers
# ============================================================================================


def _collect(
    message: _Message, ctx: _Context, name: str, asked: bool
) -> tuple[dict[str, str], list[_Clause]]:
    """Last polarity of each code mentioned in usable clauses, and those clauses."""
    status: dict[str, str] = {}
    clauses = []
    for clause in message.clauses:
        if not ctx.usable(clause, asked):
            continue
        clauses.append(clause)
        for hit in clause.hits[name]:
            if hit.asked_only and not asked:
                continue
            for code in hit.codes:
                status[code] = hit.polarity
    return status, clauses


def _negated_word(tokens: Sequence[str], index: int) -> bool:
    return any(t in NEGATORS for t in tokens[max(0, index - 2) : index])


def _resolve_format(message: _Message, ctx: _Context) -> str | None:
    asked = ctx.asked(SLOT_FORMAT)
    status, clauses = _collect(message, ctx, "format", asked)
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
                if _negated_word(clause.tokens, i):
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


def _resolve_list(
    message: _Message,
    ctx: _Context,
    name: str,
    slot: str,
    codes: tuple[str, ...],
    *,
    complement_on_negation: bool,
) -> list[str] | None:
    """Shared logic of the multi-choice slots (modes, times)."""
    asked = ctx.asked(slot)
    status, clauses = _collect(message, ctx, name, asked)
    pos = {c for c, p in status.items() if p == "pos" and c in codes}
    neg = {c for c, p in status.items() if p == "neg" and c in codes}
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
                if is_any and not taken and not _negated_word(tokens, i):
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


def _resolve_mode(message: _Message, ctx: _Context) -> list[str] | None:
    if ctx.requested in CONTACT_SLOTS:
        return None  # "phone" answers the contact question there
    return _resolve_list(message, ctx, "mode", SLOT_MODE, MODE_CODES, complement_on_negation=True)


def _resolve_time(message: _Message, ctx: _Context) -> list[str] | None:
    return _resolve_list(message, ctx, "time", SLOT_TIME, TIME_CODES, complement_on_negation=False)


def _sentence_hits(text: str, lexicon: _Lexicon) -> list[tuple[int, int, tuple[str, ...], bool]]:
    """Non-overlapping lexicon matches over a whole sentence: (start, end, codes, asked_only)."""
    return [
        (s, e, entry.codes, entry.asked_only)
        for s, e, entry in _longest_matches(text, lexicon)
        if entry.codes
    ]


def _resolve_referral(message: _Message, ctx: _Context) -> str | None:
    asked = ctx.asked(SLOT_REFERRAL)
    with_verb: str | None = None
    first: str | None = None
    self_found = False
    for sentence in message.sentences:
        if sentence.risky:
            continue
        text = sentence.plain
        for start, end, codes, asked_only in _sentence_hits(text, _REFERRAL_LEX):
            if _REFERRAL_NEGATION.search(text[:start]):
                continue
            attached = bool(_REFERRAL_AFTER.match(text[end:])) or bool(
                _REFERRAL_BEFORE.search(text[:start])
            )
            if attached and not asked_only and with_verb is None:
                with_verb = codes[0]
            if asked and first is None:
                first = codes[0]
        if _SELF_REFERRAL_RE.search(text):
            self_found = True
    if with_verb:
        return with_verb
    if self_found:
        return "self"
    if asked and first:
        return first
    return None


def _resolve_stage(message: _Message, ctx: _Context) -> str | None:
    if _LOSS_RE.search(message.plain):
        return None
    pregnant = postnatal = False
    for sentence in message.sentences:
        if sentence.risky:
            continue
        text = sentence.plain
        if any(_pregnant_match(regex, text) for regex in _PREGNANT_RES):
            pregnant = True
        if any(_postnatal_match(regex, text) for regex in _POSTNATAL_RES):
            postnatal = True
    if pregnant:
        return "pregnant"
    if postnatal:
        return "postnatal"
    if ctx.asked(SLOT_STAGE):
        for sentence in message.sentences:
            if sentence.risky:
                continue
            for regex, code in _STAGE_ANSWER_RES:
                for m in regex.finditer(sentence.plain):
                    if not _preceded_by(sentence.plain, m.start(), PREGNANT_NEGATORS):
                        return code
    return None


def _preceded_by(text: str, index: int, words: frozenset[str], span: int = 4) -> bool:
    before = text[:index].split()[-span:]
    return any(w in words for w in before)


def _pregnant_match(regex: re.Pattern[str], text: str) -> bool:
    for m in regex.finditer(text):
        groups = m.groupdict()
        anchor = m.start("kw") if groups.get("kw") else m.start()
        negators = DUE_NEGATORS if groups.get("kw") == "due" else PREGNANT_NEGATORS
        if _preceded_by(text, anchor, negators):
            continue
        if groups.get("n"):
            n = _number(groups["n"])
            unit = (groups.get("unit") or "w")[0]
            if n is None:
                continue
            if unit == "m" and not 1 <= n <= 10:
                continue
            if unit == "w" and not 3 <= n <= 43:
                continue
        return True
    return False


def _postnatal_match(regex: re.Pattern[str], text: str) -> bool:
    for m in regex.finditer(text):
        groups = m.groupdict()
        if groups.get("n") and groups.get("unit"):
            n = _number(groups["n"])
            unit = groups["unit"][0]
            if n is None:
                continue
            months = {"d": n / 30, "w": n / 4.3, "m": n, "y": n * 12}.get(unit)
            if months is None or months > 24 or (unit == "y" and n > 1):
                continue
        return True
    return False


def _number(word: str) -> int | None:
    word = word.strip()
    if word.isdigit():
        return int(word)
    return _NUMBER_NAMES.get(word)


def _resolve_take_up(message: _Message, ctx: _Context) -> str | None:
    if not ctx.asked(SLOT_TAKE_UP):
        return None
    texts = [s.plain for s in message.sentences if not s.risky]
    for regex, code in _TAKE_UP_RES:
        if any(regex.search(t) for t in texts):
            return code
    return INTENT_TO_TAKE_UP.get(ctx.intent or "")


def _first_positive(hits: Sequence[_Hit]) -> str | None:
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


def _resolve_preferred_contact(message: _Message, ctx: _Context) -> str | None:
    """The channel she wants to be contacted by, from her words (not from any detail)."""
    if ctx.asked(SLOT_PREFERRED_CONTACT):
        for clause in message.clauses:
            if clause.sentence.risky or clause.sentence.wh_question:
                continue
            found = _first_positive(_find_hits(clause, _CONTACT_LEX))
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
        for hit in _find_hits(clause, _VOLUNTEERED_CONTACT_LEX):
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
            found = _first_positive(_find_hits(clause, _CUED_CONTACT_LEX))
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
    raw = _URL_RE.sub(" ", raw)
    if "@" in raw or _SPOKEN_EMAIL_RE.search(raw):
        return True
    return any(_digit_count(m.group(0)) >= min_digits for m in _ATTEMPT_DIGITS_RE.finditer(raw))


def _first_detail(raw: str) -> str | None:
    """The valid phone or e-mail appearing first in the text."""
    email = find_email(raw)
    phone = find_phone(raw)
    if email and phone:
        at = raw.find("@")
        digits = re.search(r"\d", raw)
        return phone if digits and digits.start() < at else email
    return email or phone


def _resolve_contact(raw: str, message: _Message, ctx: _Context, slots: dict[str, Any]) -> bool:
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
    ctx = _Context(
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
    if raw.lstrip().startswith("/"):
        # A button payload ("/inform{...}"): its meaning is in the intent and entities.
        raw = ""
    message = _analyse(raw) if raw.strip() else _Message([], "")

    resolvers = (
        (SLOT_FORMAT, _resolve_format),
        (SLOT_MODE, _resolve_mode),
        (SLOT_TIME, _resolve_time),
        (SLOT_REFERRAL, _resolve_referral),
        (SLOT_STAGE, _resolve_stage),
        (SLOT_PREFERRED_CONTACT, _resolve_preferred_contact),
        (SLOT_TAKE_UP, _resolve_take_up),
    )
    for slot, resolve in resolvers:
        if slot in from_entities:
            continue
        value = resolve(message, ctx)
        if value is not None:
            slots[slot] = value

    invalid = _resolve_contact(raw, message, ctx, slots)

    if (
        requested == SLOT_CONTACT_REQUESTED
        and SLOT_CONTACT_REQUESTED not in slots
        and slots.get(SLOT_PREFERRED_CONTACT)
        and intent_name != "deny"
    ):
        slots[SLOT_CONTACT_REQUESTED] = True
    return Extracted(slots=slots, invalid_contact=invalid)
