"""Message analysis: sentences, clauses, cues, negation, and the per-call context.

A message is split into sentences and clauses; each clause is marked for what makes it
unusable as a statement of her own preference (a question, reported speech, someone else's
habit, past narrative, a risk-like word). ``Context.usable`` applies those marks."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot.conversation.extraction.lexicon import Entry, Lexicon, any_of
from bot.conversation.extraction.normalise import (
    LEXICAL_REWRITE_RES,
    PHRASE_REWRITE_RES,
    PIECE_SPLIT_RE,
    SENTENCE_RE,
    basic_normalise,
    rewrite,
    tokenise,
)
from bot.conversation.extraction.preference_terms import (
    ANY_WORDS,
    FORMAT_LEXICON,
    MODE_LEXICON,
    TIME_LEXICON,
)
from bot.conversation.extraction.slots import SUPPORT_PREFERENCE_SLOTS

# fmt: off
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
# fmt: on

_CUE_RE = any_of(PREFERENCE_CUES)
_INFO_RE = any_of(INFO_SEEKING)
_RISK_RE = any_of(RISK_WORDS)

# ============================================================================================
# Message analysis
# ============================================================================================


@dataclass
class Hit:
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
    hits: dict[str, list[Hit]] = field(default_factory=dict)
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
class Message:
    sentences: list[_Sentence]
    plain: str

    @property
    def clauses(self) -> Iterable[_Clause]:
        for sentence in self.sentences:
            yield from sentence.clauses


def analyse(text: str) -> Message:
    normalised = basic_normalise(text)
    sentences: list[_Sentence] = []
    for match in SENTENCE_RE.finditer(normalised):
        chunk = match.group(0)
        body = chunk.rstrip(".!?;\n\r")
        terminator = chunk[len(body) :]
        pieces = [
            rewrite(" ".join(tokenise(p)), LEXICAL_REWRITE_RES).split()
            for p in PIECE_SPLIT_RE.split(body)
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
            rewritten = rewrite(" ".join(piece), PHRASE_REWRITE_RES).split()
            current: list[str] = []
            for token in [*rewritten, "but"]:
                if token in CLAUSE_BREAKS:
                    if current:
                        sentence.clauses.append(_make_clause(current, sentence))
                    current = []
                else:
                    current.append(token)
        sentences.append(sentence)
    message = Message(sentences, " , ".join(s.plain for s in sentences))
    for clause in message.clauses:
        for name, lexicon in (
            ("format", FORMAT_LEXICON), ("mode", MODE_LEXICON), ("time", TIME_LEXICON)
        ):
            clause.hits[name] = find_hits(clause, lexicon, name)
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


def find_hits(clause: _Clause, lexicon: Lexicon, name: str | None = None) -> list[Hit]:
    """Non-overlapping lexicon matches in a clause, longest first, with their polarity.

    With ``name``, the token positions taken by any entry (ignore entries too) are recorded in
    ``clause.covered[name]``, so that "all" in "up all night" is not read as "any time".
    """
    text = clause.text
    hits = []
    covered: set[int] = set()
    for start, end, entry in longest_matches(text, lexicon):
        first = text.count(" ", 0, start)
        last = first + text.count(" ", start, end) + 1
        covered.update(range(first, last))
        if entry.codes:
            hits.append(Hit(entry.codes, first, last, entry.asked_only))
    if name is not None:
        clause.covered[name] = covered
    for i, hit in enumerate(hits):
        previous = hits[i - 1] if i else None
        following = hits[i + 1] if i + 1 < len(hits) else None
        hit.polarity = _polarity(clause.tokens, hit, previous, following)
    return hits


def longest_matches(text: str, lexicon: Lexicon) -> list[tuple[int, int, Entry]]:
    """All entries' matches, keeping the longest where they overlap, in text order."""
    candidates: list[tuple[int, int, Entry]] = []
    for entry in lexicon.entries:
        for m in entry.regex.finditer(text):
            if m.end() > m.start():
                candidates.append((m.start(), m.end(), entry))
    candidates.sort(key=lambda c: (-(c[1] - c[0]), c[0]))
    taken: list[tuple[int, int, Entry]] = []
    for start, end, entry in candidates:
        if all(end <= s or start >= e for s, e, _ in taken):
            taken.append((start, end, entry))
    taken.sort(key=lambda c: c[0])
    return taken


#: How many tokens back from an option a negator still applies ("I don't really want a group").
NEGATION_WINDOW = 6


def _polarity(
    tokens: Sequence[str], hit: Hit, previous: Hit | None, following: Hit | None
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
class Context:
    requested: str | None
    intent: str | None
    preferred_contact: str | None
    current: Mapping[str, Any]

    def asked(self, slot: str) -> bool:
        return self.requested == slot and self.intent != "skip"

    @property
    def preference_question(self) -> bool:
        return self.requested in SUPPORT_PREFERENCE_SLOTS

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


def collect(
    message: Message, ctx: Context, name: str, asked: bool
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


def negated_word(tokens: Sequence[str], index: int) -> bool:
    return any(t in NEGATORS for t in tokens[max(0, index - 2) : index])

