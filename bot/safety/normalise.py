"""Text normalisation before the safety rules run: lower case, unified quotes, contractions and
text speak, apostrophes and symbols dropped, long letter runs shortened, so rules stay readable.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u02bc": "'", "\u00b4": "'", "`": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2033": '"',
        "\u2013": "-", "\u2014": "-", "\u2212": "-",
    }
)

# (pattern, replacement), applied in order on lower-cased text without apostrophes.
_SUBSTITUTIONS: tuple[tuple[str, str], ...] = (
    (r"\bmy self\b", "myself"),
    (r"\btuk\b", "took"),
    (r"\bi m\b", "im"),
    (r"\bi ve\b", "ive"),
    (r"\bi am\b", "im"),
    (r"\bi will\b", "ill"),
    (r"\bi would\b", "id"),
    (r"\bhe will\b", "hell"),
    (r"\bhe would\b", "hed"),
    (r"\bshe will\b", "shell"),
    (r"\bthey will\b", "theyll"),
    (r"\bthey would\b", "theyd"),
    (r"\b(?:do not|dnt)\b", "dont"),
    (r"\b(?:does not|dosent|dosnt)\b", "doesnt"),
    (r"\bdid not\b", "didnt"),
    (r"\b(?:can not|cannot|carnt|cnt|cant)\b", "cant"),
    (r"\bwill not\b", "wont"),
    (r"\b(?:would not|wouldn|wudnt)\b", "wouldnt"),
    (r"\bcould not\b", "couldnt"),
    (r"\bis not\b", "isnt"),
    (r"\bare not\b", "arent"),
    (r"\bwas not\b", "wasnt"),
    (r"\b(?:have not|havnt|havent|haven)\b", "havent"),
    (r"\bhas not\b", "hasnt"),
    (r"\bhad not\b", "hadnt"),
    (r"\b(?:wanna|wana|wanne|wnt to|want2|wan to)\b", "want to"),
    (r"\b(?:gonna|gona|gunna|goin to)\b", "going to"),
    (r"\b(want|wanted|going|need|have|like|trying|try) 2\b", r"\1 to"),
    (r"\bkms\b", "kill myself"),
    (r"\b(?:my self|meself|mesel|myslef|mysef|myselfe|maself|mysel|my sef|myslf|masel|masell"
     r"|masen|mysen)\b", "myself"),
    # Scots and northern forms: "hurtin the wean", "cuttin masel", "on ma own wi the bairn".
    (r"\b(?:wean|weans|bairn|bairns|wee yin|wee one)\b", "baby"),
    (r"\baboot\b", "about"),
    (r"\btae\b", "to"),
    (r"\bdae\b", "do"),
    (r"\bwi\b", "with"),
    (r"\bfeart\b", "scared"),
    (r"\bahm\b", "im"),
    (r"\bahve\b", "ive"),
    (r"\bma (own|baby|wrists?|arms?|legs?|skin)\b", r"my \1"),
    (r"\b(did|could|would|should|can|was|is|has|have|do|does)nae\b", r"\1nt"),
    (r"\b(?:thoughs|thougts|thouhgts|thots|throughts|thoghts|thougths)\b", "thoughts"),
    (r"\b(?:no one|noone|no1|no body)\b", "nobody"),
    (r"\b(?:some one|some1)\b", "someone"),
    (r"\b(?:every one|every1)\b", "everyone"),
    (r"\bany more\b", "anymore"),
    (r"\bu\b", "you"),
    (r"\bur\b", "your"),
    (r"\br\b", "are"),
    (r"\bb\b", "be"),
    (r"\bb4\b", "before"),
    (r"\bn\b", "and"),
    (r"\b(?:cos|coz|cuz|becuase|becasue|bcoz|bc)\b", "because"),
    (r"\b(?:til|till|untill|untl)\b", "until"),
    (r"\babt\b", "about"),
    (r"\btho\b", "though"),
    (r"\bppl\b", "people"),
    (r"\bbf\b", "boyfriend"),
    (r"\b(?:hubby|hubs|dh)\b", "husband"),
    (r"\bdp\b", "partner"),
    (r"\blo\b", "little one"),
    (r"\bdd\b", "daughter"),
    (r"\bds\b", "son"),
    (r"\bwiv\b", "with"),
    (r"\b(?:wat|wot|wht)\b", "what"),
    (r"\b(?:sumthing|sumthin|somthing|somthin|smthing|summat|sth)\b", "something"),
    (r"\b(some|any|no|every)thin\b", r"\1thing"),
    (r"\b(?:pils|pillz)\b", "pills"),
    (r"\b(?:tablest|tabelts|tablits|tablts)\b", "tablets"),
    (
        r"\b(hurt|harm|cutt|cut|kill|kil|think|burn|scratch|hear|see|smother|shak|drown|end"
        r"|tak|go|feel|hav|gett|plann|want|look|try|hit|punch|slapp|bit|pick|dy|be)in\b",
        r"\1ing",
    ),
)
_SUBSTITUTIONS_COMPILED = tuple((re.compile(p), r) for p, r in _SUBSTITUTIONS)
#: A letter typed three or more times running ("suiciiiidal").
STRETCHED = re.compile(r"([a-z])\1{2,}", re.IGNORECASE)


def normalise(text: str, stretched_to: int = 2) -> str:
    """Lower-case, unify quotes and contractions, drop apostrophes and symbols.

    Keeps sentence punctuation (. , ! ? ; : and newlines) because clause boundaries matter
    for negation. Letters repeated three or more times are shortened to two ("sooooo" ->
    "soo", "diiiie" -> "diie"), which is why some rules allow a repeated letter; with
    ``stretched_to=1``, to one ("suiciiiidal" -> "suicidal", "myselfffff" -> "myself"), which
    the matcher tries when the first reading finds no risk.
    """
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    t = t.replace("'", "")
    # "&" is read as "and" before symbols are dropped: "and" breaks a clause ("not really &
    # I want to die" is not a denial), and rules read "me and the baby".
    t = t.replace("&", " and ")
    # Symbols and emoji (dashes, slashes and underscores too) become spaces; letters, digits
    # and combining marks (needed by Devanagari, Bengali, Arabic...) are kept.
    t = "".join(
        ch if ch.isalnum() or ch.isspace() or ch in ".,!?;:" or unicodedata.category(ch)[0] == "M"
        else " "
        for ch in t
    )
    t = re.sub(r"([a-z])\1{2,}", r"\1" * stretched_to, t)
    t = re.sub(r"[ \t\r\f\v]+", " ", t)
    for pattern, replacement in _SUBSTITUTIONS_COMPILED:
        t = pattern.sub(replacement, t)
    return re.sub(r"[ \t]+", " ", t).strip()


# --------------------------------------------------------------------------------------------
# Other languages (issue 19): letters folded so that one rule reads every common spelling
# --------------------------------------------------------------------------------------------

#: Latin letters that do not decompose into a base letter and a mark.
_LATIN_UNSPLIT = {"ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe", "ı": "i"}
#: Arabic-script letters typed in several forms (Arabic and Urdu keyboards, hamza or not):
#: each is read as one. Harakat (vowel marks), the tatweel and Quranic marks are dropped.
_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ی", "ي": "ی", "ئ": "ی", "ې": "ی",
    "ك": "ک",
    "ة": "ه", "ۃ": "ه", "ہ": "ه", "ۂ": "ه", "ھ": "ه",
    "ؤ": "و", "ۓ": "ے",
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    **{chr(0x09E6 + d): str(d) for d in range(10)},
    **{chr(0x0A66 + d): str(d) for d in range(10)},
    "\u0640": None, "\u0670": None,
    **{chr(point): None for point in range(0x064B, 0x0660)},
    **{chr(point): None for point in range(0x06D6, 0x06EE)},
})
#: The zero-width (non-)joiners Urdu and Bengali typing puts inside words: dropped before the
#: text is normalised, where any other invisible character becomes a space.
_JOINERS = str.maketrans({"\u200c": None, "\u200d": None})


def unjoin(text: str) -> str:
    """Drop zero-width joiners and non-joiners, which sit inside Urdu and Bengali words."""
    return text.translate(_JOINERS)


def _fold_latin(ch: str) -> str:
    if ch.isascii() or not unicodedata.name(ch, "").startswith("LATIN"):
        return ch
    if ch in _LATIN_UNSPLIT:
        return _LATIN_UNSPLIT[ch]
    return unicodedata.normalize("NFKD", ch)[0]


def fold(text: str) -> str:
    """Fold letters typed in several ways to one, for the rules of other languages: Latin
    letters lose their diacritics ("zabić" and "zabic", "să" and "sa" read alike; an English
    rule has none, so English is read as before), Arabic-script variants are unified and their
    vowel marks dropped, and Bengali and Gurmukhi are put in one Unicode form (NFKC)."""
    folded = "".join(_fold_latin(ch) for ch in unicodedata.normalize("NFKC", text))
    return folded.translate(_ARABIC_FOLD)
