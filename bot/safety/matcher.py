"""The matcher: runs the rulebook over a normalised message and decides what fired.

This is the first of two safety layers (the second is the NLU model's own ``risk_*`` intents).
It is deliberately plain Python with no Rasa import so it can be tested, reviewed and reused
anywhere (the NLU component ``bot.safety.nlu_component`` wraps it). The rules themselves are
data (bot/safety/rules/*.yml, loaded by bot.safety.rulebook); this module holds what no single
rule can say: negation, the named exceptions and the context checks.

Design, in order of importance:

1. A missed risk is far worse than an extra safety message. Rules are broad; the exceptions
   that stop them firing are narrow, named and tested: idioms ("could kill for a coffee"),
   accidents ("burnt myself on the oven"), other people ("my cousin overdosed"), explicit
   negation ("I'm not suicidal, just tired"), and questions about the service.
2. A negation only counts when it governs the risk phrase directly (same clause, only filler
   words in between) and nothing after it takes it back ("never had thoughts of hurting her
   until last night"). "I'm not ok, I want to die" still fires.
3. Text is normalised first (bot.safety.normalise) so rules stay readable.
4. What the net explains away (negated, an idiom or accident, someone else) is reported in
   ``SafetyAssessment.explained``, so the NLU component can overrule a model guess that was
   fooled by the same words.

The public API is :func:`assess`; :func:`find_risks` lists every rule that fired, for staff
and debugging. Rule names, never message text, are what callers should log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.normalise import STRETCHED, fold, normalise, unjoin
from bot.safety.rulebook import RISK_CATEGORIES, Rule, fragments, rules

# When one message matches several categories, the most time-critical wins. A physical
# emergency of the baby or the mother comes first: its reply is the one action that cannot wait
# (call 999, or the maternity unit), and the staff alert still carries the message in full.
# An overdose already taken is next (its reply also sends her to 999 or A&E). other_risk
# (drink or drugs while caring alone, a baby not fed, restricting or purging with physical
# danger) comes last: when a mental-health category also fired ("I starve myself as a
# punishment"), that is what the message is about, and its reply also gives 999.
CATEGORY_PRIORITY: tuple[str, ...] = (
    "baby_emergency",
    "maternal_emergency",
    "overdose",
    "suicide",
    "harm_baby",
    "psychosis",
    "danger_at_home",
    "self_harm",
    "other_risk",
)


@dataclass(frozen=True)
class SafetyAssessment:
    """The net's verdict on one message.

    category:  one of RISK_CATEGORIES, or None.
    pattern:   name of the rule that matched (for staff / debugging; never the text). When
               ``reassure`` is True it names the rule whose match was negated.
    reassure:  distress mentioned but explicitly negated ("I'm not suicidal, just tired"):
               no crisis, but it deserves a kind word.
    explained: categories whose risk words the net found and judged harmless here: negated,
               an idiom or accident ("cut myself shaving"), or about someone else ("my friend
               took an overdose"). The NLU component uses it to overrule a model guess of the
               same category that was fooled by the words alone.
    """

    category: str | None
    pattern: str | None
    reassure: bool
    explained: frozenset[str] = frozenset()


NO_RISK = SafetyAssessment(category=None, pattern=None, reassure=False)

# --------------------------------------------------------------------------------------------
# Context checks: negation, other people, intent
# --------------------------------------------------------------------------------------------

RULES: tuple[Rule, ...] = rules()
_RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}

# Speed: one regex search per rule costs more in call overhead than in matching, and most
# messages match no rule. So consecutive rules are also searched together, as one alternation
# per batch: the alternation matches somewhere exactly when one of its rules does, so only the
# rules of a batch that matched are run on their own. Order and results are unchanged.
_BATCH_SIZE = 16
_BATCHES: tuple[tuple[re.Pattern[str], tuple[Rule, ...]], ...] = tuple(
    (re.compile("|".join(f"(?:{rule.pattern.pattern})" for rule in batch)), batch)
    for batch in (RULES[i:i + _BATCH_SIZE] for i in range(0, len(RULES), _BATCH_SIZE))
)

_NEGATOR_WORDS = frozenset(fragments()["NEGATORS"].split("|"))
# Words allowed between a negator and the risk phrase: "I've never had any thoughts of...".
_FILLER_WORDS = frozenset(
    (
        "i", "im", "ive", "id", "ill", "am", "a", "an", "the", "any", "ever", "been", "be",
        "being", "have", "has", "had", "having", "got", "get", "getting", "feel", "feeling",
        "felt", "really", "actually", "at", "all", "thoughts", "thought", "of", "about", "or",
        "anything", "like", "to", "want", "wanted", "wanting", "going", "would", "will", "do",
        "did", "even", "once", "thinking", "planning", "plan", "plans", "that",
        "such", "those", "these", "kind", "sort", "ideas", "idea", "urges", "urge",
        "intention", "intentions", "desire", "wish", "myself", "so", "too", "very",
        "currently", "right", "now", "it", "things", "seriously", "honestly", "definitely",
        "seeing", "hearing", "ones", "one",
        "certainly", "usually", "need", "needed", "try", "tried", "trying", "also", "either",
        "anymore", "kinda", "sorta", "quite", "my", "with", "on", "still", "since", "recently",
        "lately", "as", "bad", "dark", "scary", "intrusive", "could", "should", "might", "may",
        "must", "let", "alone", "single", "slightest", "remotely", "truly", "see", "hear",
    )
)
_CLAUSE_BREAK = re.compile(
    r"[.!?;:,\n]|\b(?:but|and|so|because|though|although|just|then|x|xx|however|anyway)\b"
)
_SENTENCE_BREAK = re.compile(r"[.!?\n]")
# After a negated phrase, these take the negation back: "...until last night",
# "I'd never want to hurt her but I keep getting these thoughts".
_CONTRAST = re.compile(r"\b(?:but|though|although|yet|except|however|until)\b")
_CONTRAST_MARKERS = re.compile(
    r"\b(?:sometimes|lately|recently|now|last night|today|tonight|this week|these days|keep"
    r"|kept|again|thoughts?|images?|pictures?|urges?|scared|worried|frightened|terrified|afraid"
    r"|cant stop|what if|wonder|think about|thinking about|thought about|want to|wanted to"
    r"|wish|might|could|cross|crossed|come|comes|pop|pops|until|since)\b"
)
_INTENT = re.compile(
    r"\b(?:on purpose|deliberately|intentionally|to cope|to punish|as punishment|deserve"
    r"|to feel something|to feel pain|so i (?:can|could) feel|to make it stop|release)\b"
)
# "I used to self harm as a teenager but haven't for over 10 years": past and over. All three
# are needed: something long past, a statement that it is over, and no sign it is back.
_LONG_PAST = re.compile(
    r"\b(?:years ago|as a (?:teen\w*|kid|child|student|young girl)|when i was (?:younger"
    r"|a teen\w*|a kid|little|at school|at uni|\d+|in my teens)|in my (?:teens|twenties|early"
    r" twenties)|after my (?:first|eldest|last one|son|daughter)|with my (?:first|eldest)"
    r"|in the past|used to|back then|a long time ago|ages ago|a decade ago"
    r"|before i met|before (?:the|my) (?:kids|baby|first)|after (?:her|his) first"
    r"|when i was pregnant(?: with my first)?|last year|the year before"
    r"|when (?:she|he|they|the baby|my baby) (?:was|were) (?:a |just )?(?:newborn|tiny|little"
    r"|small|born|a few (?:days|weeks) old)"
    r"|in the (?:first|early) (?:few |couple of )?(?:days|weeks|months))\b"
)
_OVER_NOW = re.compile(
    r"\b(?:(?:im|i am|i feel|feeling)\s+(?:really\s+|so\s+|much\s+)?(?:well|fine|ok|okay|good"
    r"|better|doing well|in a (?:good|better|much better|great) place)\s+now"
    r"|(?:havent|have not|hasnt|not)\s+(?:[^\s.!?]+\s+){0,3}?(?:for|since|in)\s+(?:over\s+"
    r"|about\s+|nearly\s+|almost\s+)?(?:\d+|a|two|three|four|five|six|seven|eight|nine|ten"
    r"|many|several|a few)\s+(?:years?|months)"
    r"|got\s+(?:help|better|through it|treatment|the right help)"
    r"|(?:been|felt|stayed|im|i am)\s+(?:fine|well|ok|okay|good|great|safe)\s+(?:for|since|now)\b"
    r"|(?:partner|husband|boyfriend)\s+(?:is|s)\s+(?:lovely|great|kind|amazing|brilliant)"
    r"|(?:left|moved out|got out|got away)\s+(?:him\s+|from him\s+)?(?:\d+|a|two|three|four"
    r"|five|six|ten|many|several|a few)?\s*(?:years?|months)\s+ago"
    r"|(?:lovely|new|good|kind|different)\s+(?:partner|husband|boyfriend|fella)\s+now"
    r"|all in the past|behind me now|long behind me|(?:all|its all|thats all) behind me"
    r"|very much in the past|nothing since|had help since|(?:well|fine|ok) for (?:months|years)"
    r"|feel like myself again|with a lovely (?:man|woman|partner|husband) now"
    r"|(?:hes|shes) (?:lovely|great|kind|amazing)|long gone|long over|(?:thats|its) over"
    r"|settled (?:now|in our own place)|safe now|havent for over a decade"
    r"|(?:\w+\s+)?(?:years?|months)\s+clean|clean (?:for|since)\b"
    r"|(?:been|felt|stayed)\s+(?:fine|well|ok|okay|good)\s+(?:a long time|for ages|ever since)"
    r"|life is (?:totally |completely |so |very )?different now"
    r"|nothing like that since|(?:im|i am) safe(?!\s*(?:ish|for now))"
    r"|havent for (?:nearly |almost |over )?(?:ten|fifteen|twenty|a decade)\w*"
    r"|(?:im|i am)\s+(?:(?!(?:not|never|no|nowhere|far from)\b)[^\s.!?]+\s+){0,4}?in a"
    r" (?:really |very |much |so )?(?:good|better|great|happy|healthy) place"
    r"|(?:have|has|had|theyve|its)\s+(?:all\s+)?(?:gone|stopped|eased|passed)\s+since"
    r"(?:\s+i\s+(?:started|began|got)\s+(?:my\s+|the\s+|on\s+)?\w+)?"
    r"|(?:doesnt|does not|dont|do not)\s+bother me\s+(?:now|any ?more)"
    r"|(?:been|is|s|shes|hes|has been)\s+(?:perfectly\s+|completely\s+|totally\s+)?(?:fine|well"
    r"|ok|okay)\s+(?:ever\s+)?since"
    r"|(?:theyve|they have|theyre|they are|the thoughts (?:have|are)|thoughts have|thoughts are"
    r"|its all|it all)\s+(?:all\s+)?(?:gone|stopped|passed)\s+(?:now|away|completely))\b"
)
_BACK_AGAIN = re.compile(
    r"\b(?:again|back(?!\s+then)|coming back|started|recently|lately|this week|last night"
    r"|these days|today|tonight|right now|but now|now i|and now|creeping|returning|since the birth"
    r"|this (?:morning|afternoon|evening)|earlier|(?:hours?|minutes?|mins?) ago"
    r"|since (?:she|he) was born|this time (?:it|its))\b"
)
# "my husband snores, I want to smother him with a pillow lol": a joke about a grown-up.
_PARTNER_JOKE = re.compile(
    r"\b(?:husband|hubby|partner|boyfriend|fellas?|other half|mother in law|mil|father in law)\b"
    r"[^?]*\b(?:him|her)\b[^!?]{0,40}\b(?:lol|haha\w*|lmao|not literally|obviously not)\b"
)
# "the GP asked if I'd had thoughts of harming myself and I said no"
_ASKED_BEFORE = re.compile(
    r"\b(?:asked|asks|asking|ask|question|questions|form|questionnaire|screening)\b"
    r"[^.!?]{0,40}$|\b(?:form|questionnaire|gp|midwife|hv|health visitor)\s+asked\s+about\s+$"
)
_ANSWERED_NO = re.compile(
    r"^[^?]{0,40}?\b(?:(?:and|but)\s+)?(?:i\s+)?(?:said|answered|ticked|put|told (?:her|him"
    r"|them))\s+(?:no|never|not)\b"
    r"|^[^?]{0,30}?[.,]\s*(?:no|nope)\b[,.\s]*(?:never|not|i havent|i dont|i didnt)\b"
    r"|^[^?.]{0,40}?\b(?:and|but)\s+(?:i\s+)?(?:(?:honestly|genuinely|really|truly|definitely"
    r"|can honestly say)\s+)?(?:i\s+)?(?:dont|havent|hadnt|didnt|im not|never)\b"
    r"(?!\s+(?:know|want to|like to|tell|answer|say|admit))"
)
_FIRST_PERSON = re.compile(r"\b(?:i|im|ive|id|ill|me|myself|we|us)\b")
_OTHERS = re.compile(
    r"\b(?:my|her|his|their|our|a|the|this|that|your|one of my|one of the)\s+(?:\w+s\s+)?"
    r"(?:\w+\s+){0,2}?(?:friends?|mates?|sisters?|brothers?|cousins?|aunt|aunts|auntie"
    r"|aunty|uncles?|nan|nana|gran|granny|grandma|grandad|grandmother|grandfather|mum|mom"
    r"|mother|dad|father|neighbours?|colleagues?|boss|niece|nephew|woman|women|lady|ladies"
    r"|girls?|guy|man|men|celebrity|singer|actress|actor|person|people|mums|mothers|kids?"
    r"|teenagers?|ex|partner|husband|boyfriend|wife|girlfriend|in laws?|mil|someone|patient"
    r"|client|footballer|influencer|presenter|mum in the news|volunteers?|staff|members"
    r"|peer supporters?|groups?)\b"
    r"|\b(?:someone|somebody|anyone|anybody|people|others|he|she|they|them|who|hes|shes"
    r"|theyre|themselves|himself|herself|everyone|those|someones|somebodys|anyones|anybodys"
    r"|hed|shed|theyd|hell|shell|theyll|peoples|whos)\b"
)
# "I'm a mum who self harms": a self-description, not someone else.
_SELF_DESCRIPTION = re.compile(r"\b(?:im|i am|as|being|i was|me)\s+$")


@dataclass(frozen=True)
class _Match:
    rule: Rule
    start: int
    end: int
    negated: bool


# How far back context checks look. Bounded so a 10,000-character message stays fast.
_LOOKBACK = 200


def _clause_prefix_tokens(text: str, start: int) -> list[str]:
    """Words between the last clause boundary and ``start``."""
    prefix = text[max(0, start - _LOOKBACK):start]
    boundary = 0
    for boundary_match in _CLAUSE_BREAK.finditer(prefix):
        boundary = boundary_match.end()
    return re.findall(r"[a-z0-9]+", prefix[boundary:])


def _negated(text: str, start: int) -> bool:
    """True if a negator governs the phrase starting at ``start``.

    Scans back through the clause over filler words only: "I'm not suicidal" and "never had
    thoughts of hurting her" are negated; "I'm not ok, I want to die" and "not sure I want
    to be here" are not (a comma or a content word stops the scan).
    """
    tokens = _clause_prefix_tokens(text, start)
    for word in reversed(tokens[-7:]):
        if word in _NEGATOR_WORDS:
            return True
        if word not in _FILLER_WORDS:
            return False
    return False


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    sentence_start = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    next_break = _SENTENCE_BREAK.search(text, end)
    return sentence_start, next_break.start() if next_break else len(text)


def _taking_back_contrast(text: str, end: int, sentence_end: int) -> int | None:
    """Where a contrast after a negated phrase reasserts a risk, or None.

    "never had thoughts of hurting her until last night", "I'd never want to hurt her but I
    keep getting these thoughts". Returns the position of the contrast word.
    """
    rest = text[end:sentence_end]
    contrast = _CONTRAST.search(rest)
    if not contrast:
        return None
    if contrast.group(0) == "until" or _CONTRAST_MARKERS.search(
        rest[contrast.end():]
    ):
        return end + contrast.start()
    return None


# "the woman you're talking to ... that's me btw": the third person is her.
_ITS_ME = re.compile(
    r"\b(?:thats me|its me|asking for me|asking for myself|i mean me|meaning me"
    r"|(?:the (?:woman|mum|mother|girl|lady|person))\s+(?:writing this|typing this|youre talking"
    r" to|talking to you))\b"
)


def _about_someone_else(text: str, sentence_start: int, start: int) -> bool:
    """True if the nearest person mentioned before the match is not her."""
    if _ITS_ME.search(text):
        return False
    prefix = text[max(sentence_start, start - _LOOKBACK):start]
    last_other = -1
    for other in _OTHERS.finditer(prefix):
        if not _SELF_DESCRIPTION.search(prefix[: other.start()]):
            last_other = other.end()
    if last_other < 0:
        return False
    last_first = max((m.end() for m in _FIRST_PERSON.finditer(prefix)), default=-1)
    return last_other > last_first


def _excepted(rule: Rule, text: str, start: int, end: int) -> bool:
    """True if a named exception (idiom, accident, someone else, long past and over, asked
    and answered no) explains the match away.

    Accident and idiom exceptions never apply when the sentence states intent ("on purpose",
    "to cope"): they must not hide deliberate self-harm.
    """
    sentence_start, sentence_end = _sentence_bounds(text, start, end)
    if (_LONG_PAST.search(text) and _OVER_NOW.search(text)
            and not _BACK_AGAIN.search(_OVER_NOW.sub(" ", text))):
        return True
    if rule.category == "harm_baby" and _PARTNER_JOKE.search(text, max(0, start - _LOOKBACK)):
        return True
    if _ASKED_BEFORE.search(text[max(0, start - 60):start]) and _ANSWERED_NO.search(
        text[end:end + 80]
    ):
        return True
    if not _INTENT.search(text, sentence_start, sentence_end) and (
        (rule.unless_before and rule.unless_before.search(text[max(0, start - 60):start]))
        or (rule.unless_after and rule.unless_after.match(text[end:end + 80]))
    ):
        return True
    return rule.others and _about_someone_else(text, sentence_start, start)


def _find_matches(text: str, excepted: set[str] | None = None) -> list[_Match]:
    """Every match, negated or not; the categories of matches explained away by an
    exception are added to ``excepted`` when it is given."""
    found_matches: list[tuple[Rule, int, int, bool, int | None]] = []
    for batch_pattern, batch in _BATCHES:
        if not batch_pattern.search(text):
            continue
        for rule in batch:
            for found in rule.pattern.finditer(text):
                start, end = found.start(), found.end()
                if _excepted(rule, text, start, end):
                    if excepted is not None:
                        excepted.add(rule.category)
                    continue
                _, sentence_end = _sentence_bounds(text, start, end)
                negated = rule.negatable and _negated(text, start)
                contrast = _taking_back_contrast(text, end, sentence_end) if negated else None
                found_matches.append((rule, start, end, negated, contrast))
    matches: list[_Match] = []
    for rule, start, end, negated, contrast in found_matches:
        if negated and contrast is not None:
            # "I'm not suicidal, but I do cut myself": the contrast introduces a different,
            # separately matched risk, so the negation of the first one stands.
            other_risk_after = any(
                not other_negated and other_start >= contrast
                for _, other_start, _, other_negated, _ in found_matches
            )
            negated = other_risk_after
        matches.append(_Match(rule, start, end, negated))
    return matches


# --------------------------------------------------------------------------------------------
# Public API
# --------------------------------------------------------------------------------------------


def _read(text: str) -> tuple[str, list[_Match], set[str]]:
    """The normalised text, the rules' matches in it and the categories their exceptions
    explained. A letter stretched to three or more is first shortened to two ("feeeel" ->
    "feel", keeping the double letters of "kill" and "off"); when that reading finds no risk,
    it is shortened to one ("suiciiiidal", "kill myselfffff") and read again, denials
    included ("not suiciiiidal, just tired"). Letters of other languages are folded
    (bot.safety.normalise.fold) so that their rules read every common spelling."""
    excepted: set[str] = set()
    text = unjoin(text)
    normalised = fold(normalise(text))
    matches = _find_matches(normalised, excepted)
    if STRETCHED.search(text) and not any(not m.negated for m in matches):
        single_excepted: set[str] = set()
        single = fold(normalise(text, stretched_to=1))
        single_matches = _find_matches(single, single_excepted)
        if any(not m.negated for m in single_matches) or (single_matches and not matches):
            return single, single_matches, single_excepted
    return normalised, matches, excepted


def find_risks(text: str) -> list[tuple[str, str]]:
    """Every (category, rule name) that fired un-negated, in priority order. For debugging."""
    if not text or not text.strip():
        return []
    matches = [m for m in _read(text)[1] if not m.negated]
    order = {category: index for index, category in enumerate(CATEGORY_PRIORITY)}
    matches.sort(key=lambda m: (order[m.rule.category], m.start))
    seen: set[str] = set()
    result: list[tuple[str, str]] = []
    for match in matches:
        if match.rule.name not in seen:
            seen.add(match.rule.name)
            result.append((match.rule.category, match.rule.name))
    return result


def assess(text: str) -> SafetyAssessment:
    """Assess one message. Never raises on odd input (empty, huge, emoji, other scripts)."""
    if not isinstance(text, str) or not text.strip():
        return NO_RISK
    normalised, matches, excepted = _read(text)
    live = [m for m in matches if not m.negated]
    if live:
        order = {category: index for index, category in enumerate(CATEGORY_PRIORITY)}
        best = min(live, key=lambda m: (order[m.rule.category], m.start))
        return SafetyAssessment(category=best.rule.category, pattern=best.rule.name,
                                reassure=False)
    negated = [m for m in matches if m.negated]
    explained = frozenset(excepted | {m.rule.category for m in negated})
    if any(not _CONTRAST.search(normalised, m.end) for m in negated):
        # A plain denial with nothing after it taking a turn ("I'm not suicidal, just
        # tired", "I'd never hurt her, I love her"): she is telling us she is not at risk.
        explained = frozenset(RISK_CATEGORIES)
    if negated:
        first = min(negated, key=lambda m: m.start)
        return SafetyAssessment(category=None, pattern=first.rule.name, reassure=True,
                                explained=explained)
    if explained:
        return SafetyAssessment(category=None, pattern=None, reassure=False,
                                explained=explained)
    return NO_RISK


def rule_language(name: str | None) -> str | None:
    """The language a rule reads (ISO 639-1), or None for no rule or an unknown name."""
    rule = _RULES_BY_NAME.get(name or "")
    return rule.language if rule else None


def rule_names() -> list[str]:
    """All rule names, e.g. for documentation or a staff dashboard legend."""
    return list(_RULES_BY_NAME)
