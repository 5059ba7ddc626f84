"""Deterministic safety net: named regex rules that spot risk in a mother's message.

This is the first of two safety layers (the second is the NLU model's own ``risk_*`` intents).
It is deliberately plain Python with no Rasa import so it can be tested, reviewed and reused
anywhere (the NLU component ``bot.safety.nlu_component`` wraps it).

Design, in order of importance:

1. A missed risk is far worse than an extra safety message. Rules are broad; the exceptions
   that stop them firing are narrow, named and tested: idioms ("could kill for a coffee"),
   accidents ("burnt myself on the oven"), other people ("my cousin overdosed"), explicit
   negation ("I'm not suicidal, just tired"), and questions about the service.
2. A negation only counts when it governs the risk phrase directly (same clause, only filler
   words in between) and nothing after it takes it back ("never had thoughts of hurting her
   until last night"). "I'm not ok, I want to die" still fires.
3. Text is normalised first (lower case, straight quotes, apostrophes removed, text speak and
   common contractions unified, long letter runs shortened) so rules stay readable.
4. Rules describe families of phrasing ("can't be alone with (her|him|the baby)", "in case I do
   something", "better off without me"), not single sentences: they were widened on held-out
   wording nobody had tuned them on (docs/safety.md has the sets and the figures).
5. What the net explains away (negated, an idiom or accident, someone else) is reported in
   ``SafetyAssessment.explained``, so the NLU component can overrule a model guess that was
   fooled by the same words.

The public API is :func:`assess`; :func:`find_risks` lists every rule that fired, for staff
and debugging. Rule names, never message text, are what callers should log.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

RISK_CATEGORIES: tuple[str, ...] = (
    "suicide",
    "self_harm",
    "harm_baby",
    "psychosis",
    "danger_at_home",
    "overdose",
)

# When one message matches several categories, the most time-critical wins.
CATEGORY_PRIORITY: tuple[str, ...] = (
    "overdose",
    "suicide",
    "harm_baby",
    "psychosis",
    "danger_at_home",
    "self_harm",
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
# Normalisation
# --------------------------------------------------------------------------------------------

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
    (r"&", " and "),
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
    (r"\b(?:my self|meself|mesel|myslef|mysef|myselfe|maself|mysel|my sef|myslf)\b", "myself"),
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


def normalise(text: str) -> str:
    """Lower-case, unify quotes and contractions, drop apostrophes and symbols.

    Keeps sentence punctuation (. , ! ? ; : and newlines) because clause boundaries matter
    for negation. Letters repeated three or more times are shortened to two ("sooooo" ->
    "soo", "diiiie" -> "diie"), which is why some rules allow a repeated letter.
    """
    t = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    t = t.replace("'", "")
    t = t.replace("-", " ").replace("_", " ").replace("/", " ")
    # Symbols and emoji become spaces; letters, digits and combining marks (needed by
    # Devanagari, Bengali, Arabic...) are kept.
    t = "".join(
        ch if ch.isalnum() or ch.isspace() or ch in ".,!?;:" or unicodedata.category(ch)[0] == "M"
        else " "
        for ch in t
    )
    t = re.sub(r"([a-z])\1{2,}", r"\1\1", t)
    t = re.sub(r"[ \t\r\f\v]+", " ", t)
    for pattern, replacement in _SUBSTITUTIONS_COMPILED:
        t = pattern.sub(replacement, t)
    return re.sub(r"[ \t]+", " ", t).strip()


# --------------------------------------------------------------------------------------------
# Vocabulary shared by the rules. Placeholders like @GAP are expanded by _p().
# --------------------------------------------------------------------------------------------

_NEGATORS = (
    "not|never|no|dont|doesnt|didnt|havent|hasnt|hadnt|wouldnt|wont|isnt|arent|wasnt|werent"
    "|couldnt|nor|neither|none|nothing|nobody|nobodys|noones"
)
_VOCAB: dict[str, str] = {
    # any one word (may carry a comma), never crossing a sentence end
    "GAP": r"(?:[^\s.!?]+\s+)",
    # any one word except a negator (so "he's never hit me" cannot match "he ... hit me")
    "FGAP": rf"(?:(?!(?:{_NEGATORS})\b)[^\s.!?]+\s+)",
    "MYSELF": r"(?:myself)",
    "BABYNOUN": (
        r"(?:(?:the|my|our|this|that|her|his|me|a|your)\s+)?(?:(?:little|poor|tiny|own)\s+)?"
        r"(?:baby|babies|babe|bubba|bubs|bub|baba|newborn|little one|son|daughter|boy|girl"
        r"|kids?|children|child|twins?|toddler|lad)\b(?!\s+(?:monitors?|wipes|bath\b|bottles?|clothes"
        r"|gym|walker|carrier|sling|seat|toys?|shower|group|massage|classes|food|milk|formula"
        r"|brain|blues|stuff|things|bag))"
    ),
    "PILL": (
        r"(?:pills?|tablets?|tabs|meds|medication|medications|medicines?|capsules?"
        r"|par[ae]c[ei]?t[aeo]?m[oa]ls?|panadol|calpol|co ?codamol|codeine|ibuprofen|nurofen"
        r"|aspirin|naproxen|tramadol|morphine|oramorph|diazepam|valium|zopiclone"
        r"|sleeping (?:pills|tablets)|sleepers|anti ?depressants?|sertraline|fluoxetine|prozac"
        r"|citalopram|escitalopram|mirtazapine|venlafaxine|amitriptyline|propranolol"
        r"|quetiapine|olanzapine|lithium|pregabalin|gabapentin|insulin|pain ?killers?"
        r"|prescription|antihistamines?|piriton|methadone|nytol|sominex|pain relief)\b"
    ),
    # How much was taken. A container ("a box", "the whole packet") or a number of 9 or more
    # (two paracetamol is a normal dose; "50 mg" and "10 o'clock" are not counts of pills).
    "QTY": (
        r"(?:all of|all|every single|every|the lot|a lot|lots|loads|a load|a bunch|bunch"
        r"|a handful|handfuls|a fistful|fistfuls|too many|too much|a ton|tons|masses|heaps"
        r"|a massive amount|a huge amount|a shitload|a dozen|dozens"
        r"|(?:(?:the|a|an|my|her|his|two|three|four|2|3|4)\s+)?(?:whole\s+|full\s+|entire\s+)?"
        r"(?:box|boxes|packet|packets|pack|packs|bottle|bottles|strip|strips|tub|tubs"
        r"|blister pack)"
        r"|(?:like |about |over |around |nearly |almost |at least )?"
        r"(?:\d{2,}|9|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
        r"|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|hundred)"
        r"(?!\s*(?:mg|mcg|ml|milligrams?|micrograms?|g|x|oclock|am|pm|minutes?|mins?|hours?"
        r"|hrs?|days?|weeks?|months?|years?)\b))"
    ),
    "TOOK": r"(?:taken|took|swallowed|had|necked|downed|popped|eaten|ate|gulped|scoffed)",
    "PARTNER": (
        r"(?:partner|husband|boyfriend|fiance|fiancee|fella|feller|man|ex|ex partner"
        r"|ex husband|ex boyfriend|other half|baby daddy|babys dad|babys father|kids dad"
        r"|dad|father|stepdad|step dad|mum|mother|stepmum|brother|mother in law|mil"
        r"|father in law|in laws|housemate|flatmate|landlord|uncle|wife|girlfriend|family)"
    ),
}
# who "he" might be: a pronoun, or "my partner" / "my mum's boyfriend" / "the baby's dad"
_VOCAB["SUBJ"] = (
    r"(?:\bhes\b|\bhe\b|\bshe\b|\bshes\b|(?:\bmy|\bthe|\bour|\bhis|\bher)\s+(?:(?:mums|dads"
    r"|babys|kids"
    r"|sons|daughters)\s+)?" + _VOCAB["PARTNER"] + r"\b)"
)
_VOCAB["BABY"] = r"(?:" + _VOCAB["BABYNOUN"] + r"|him\b|her\b|them\b)"
_HARM_VERBS = (
    r"(?:hurt|hurting|harm|harming|harmed|hit|hitting|shake|shaking|shook|smother|smothering"
    r"|smothered|suffocate|suffocating|suffocated|drown(?:ing)?(?!\s+\w+\s+out\b)|drowned"
    r"|drop|dropping|dropped"
    r"|(?:throw|throwing|threw)(?!\s+\w+\s+out\b(?!\s+(?:of\s+)?the\s+window))"
    r"|thrown|stab|stabbing|stabbed|strangle|strangling"
    r"|strangled|choke|choking|choked|squeeze|squeezing|squeezed|punch|punching|punched"
    r"|slap|slapping|slapped|smack|smacking|smacked|batter|battering|crush|crushing|bite"
    r"|biting|kick|kicking|kicked|scald|scalding|poison|poisoning|starve|starving|push"
    r"|pushing|pushed|kill|killing|killed|murder|murdering|snap|snapping|cut|cutting"
    r"|burn|burning|grip|gripping|gripped|grab|grabbing|grabbed)"
)
_VOCAB["HARM"] = _HARM_VERBS
# "could/would hurt him" is risk; "I could kill him" about a partner is an idiom, so the
# pronoun-object rules use this list without kill/murder.
_VOCAB["HARMSOFT"] = _HARM_VERBS.replace("|kill|killing|killed|murder|murdering", "")


# "overdosed on chocolate"
_VOCAB["TREATS"] = (
    r"\s+on\s+(?:[^\s.!?]+\s+)?(?:chocolate|choc|sugar|caffeine|coffee|tea|cake|biscuits"
    r"|crisps|sweets|netflix|telly|tv|love|cuteness|cuddles|snuggles|carbs|cheese|haribo"
    r"|box sets|vitamins?|baby photos|cbeebies|peppa|wine gums|baby snuggles)"
)
# After "<harm verb> <baby>": ordinary care ("drop her at nursery"), a benign explanation
# ("scared I'll drop her, she's so tiny"), and "hurt her feelings".
_VOCAB["BABYCARE"] = (
    r"\s*(?:feelings|off\b(?!\s+(?:of\s+)?(?:the|a|our|my)\s+(?:balcony|bridge|roof|cliff|stairs"
    r"|edge|side|top|window|landing|pier))|at\s+(?:nursery|school|my|the(?!\s+(?:wall|walls|floor|window|door|tv|telly))|her|his)|round"
    r"|to\s+(?:nursery|school"
    r"|my|the|her|his)|with\s+(?:my|her|his|the)\s+(?:mum|dad|nan|gran|sister|childminder)"
    r"|up\b|a text|a message|a line|awake|gently|a bath|a bottle|on the swing|in the bath with"
    r"|back\s+(?:too\s+|so\s+)?(?:hard|firmly|when|while|to (?:burp|wind))"
    r"|(?:[^\s.!?]+\s+){0,3}?haha\w*\b"
    r"|(?:[^\s.!?]+\s+){0,6}?(?:so tiny|so small|wriggly|wriggling|slippery|clumsy"
    r"|(?:when|while)\s+(?:im|i am)\s+carrying"
    r"|so\s+i\s+(?:always|hold|carry|never)\b"
    r"|(?:when|because|cos|as)\s+(?:im|i am)\s+(?:so\s+|really\s+|too\s+)?(?:tired|exhausted"
    r"|shattered|knackered|clumsy|half asleep)|soft spot|fontanelle|belly button|cord stump|gums"
    r"|(?:cut|cutting|trim|trimming|file|filing|clip|clipping)\s+"
    r"(?:her|his|their|the babys)\s+nails))"
)


def _p(template: str) -> re.Pattern[str]:
    """Compile a rule template, expanding @NAME placeholders from _VOCAB."""
    for name in sorted(_VOCAB, key=len, reverse=True):
        template = template.replace("@" + name, _VOCAB[name])
    return re.compile(template)


# --------------------------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    """One named pattern.

    unless_before: searched in the 60 characters before the match (anchor with ``$``).
    unless_after:  matched at the start of the 80 characters after the match.
    Both are ignored when the sentence states intent ("on purpose", "to cope"), so an
    accident exception cannot hide deliberate self-harm.
    others: suppress when the nearest person before the match (same sentence) is someone
            else ("my cousin overdosed", "mums who are suicidal").
    negatable: whether a governing negation ("I'm not ...") turns the match into reassurance.
    """

    name: str
    category: str
    pattern: re.Pattern[str]
    unless_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None
    others: bool = False
    negatable: bool = True


def _rule(
    category: str,
    name: str,
    pattern: str,
    *,
    unless_before: str | None = None,
    unless_after: str | None = None,
    others: bool = False,
    negatable: bool = True,
) -> Rule:
    return Rule(
        name=f"{category}.{name}",
        category=category,
        pattern=_p(pattern),
        unless_before=_p(unless_before) if unless_before else None,
        unless_after=_p(unless_after) if unless_after else None,
        others=others,
        negatable=negatable,
    )


# Fear of being judged, not a risk: "they'll think I'd hurt my baby". Searched just before a
# harm-to-baby match; "I think I'd hurt my baby" still fires (the thinker must be someone else).
_THEY_THINK = (
    r"(?:they|theyll|theyd|theyre|people|social services|social workers?|someone|anyone"
    r"|the volunteers?|volunteers?|the hv|hv|health visitors?|the health visitor|midwife"
    r"|midwives|gp|doctors?|the doctor|everyone|he|she|hell|shell|my partner|my family"
    r"|my mum|the nurse|nurses?)\s+(?:will\s+|would\s+|might\s+|may\s+|could\s+|must\s+"
    r"|\w+ly\s+)?(?:think|thinks|thought|assume|assumes|say|says|believe|believes|suspect"
    r"|suspects|decide|decides|accuse me of|report|reports)\s+(?:that\s+)?(?:@GAP){0,2}$"
)
_SUICIDE_ADJ = r"\bsu+i?[cs]+i?d(?:al|ial|le|ally)\b"
_SUICIDE_NOUN = r"\bsu+i?[cs]+i?des?\b"
_SELF_HARM = r"\b(?:self ?harm\w*|slef ?harm\w*|sefl ?harm\w*|self ?harn\w*|self ?injur\w*)"

RULES: tuple[Rule, ...] = (
    # ---------------------------------------------------------------- overdose (taken) -----
    _rule("overdose", "took_quantity_of_pills",
          r"\b@TOOK\s+(?:@GAP){0,2}?@QTY\s+(?:of\s+)?(?:@GAP){0,3}?@PILL"
          r"(?!\s+(?:to take|prescribed|over the (?:years|months|weeks)|from the (?:gp|doctor"
          r"|pharmacy|chemist)))", others=True),
    _rule("overdose", "took_pills_then_quantity",
          r"\b@TOOK\s+(?:@GAP){0,3}?@PILL\s*,?\s*(?:all of them|every one|every single one"
          r"|the whole (?:lot|packet|box|strip|bottle|pack)|the lot|in one go|all at once)",
          others=True),
    _rule("overdose", "took_an_overdose",
          r"\b(?:taken|took|done|did|had|swallowed)\s+(?:an?\s+)?(?:@GAP)?"
          r"(?:overdose|overdoes|over dose|od)\b", others=True),
    _rule("overdose", "i_overdosed",
          r"\b(?:i|ive|i have|i just|ive just|just|i think i|i think ive|i might have"
          r"|i may have|i already|already|im)\s+(?:@FGAP)?(?:overdosed|overdoesed|overdoes"
          r"|overdosing"
          r"|over dosed|oded|odd|od)\b", unless_after=r"@TREATS"),
    _rule("overdose", "overdosed",
          r"\b(?:overdosed|overdoesed|over dosed)\b", others=True,
          unless_after=r"@TREATS"),
    _rule("overdose", "swallowed_medicine_cabinet",
          r"\b(?:swallowed|taken|took|had|ate|eaten)\s+(?:everything|all the @PILL)\s+"
          r"(?:in|from)\s+(?:the|my|our)\s+(?:medicine |bathroom |kitchen )?"
          r"(?:cabinet|cupboard|drawer|box|house)"),
    _rule("overdose", "alcohol_and_pills",
          r"\b(?:vodka|wine|gin|alcohol|drink|booze|whisky|whiskey|rum|cider|lager)\s+"
          r"(?:@GAP){0,3}?(?:and|with|then)\s+(?:@GAP){0,4}?@PILL"
          r"|\b@PILL\s+(?:@GAP){0,2}?(?:and|with)\s+(?:@GAP){0,2}?(?:vodka|wine|gin|alcohol"
          r"|drink|booze|whisky|whiskey|rum)", others=True),
    _rule("overdose", "extra_pills_to_sleep_forever",
          r"\b(?:took|taken|swallowed|had)\s+(?:@GAP){0,2}?(?:extra|more|double|triple)\s+"
          r"(?:@GAP){0,2}?@PILL\s+(?:@GAP){0,4}?(?:sleep forever|never wake|not wake|die|end it"
          r"|wont wake|wouldnt wake)"),
    _rule("overdose", "took_everything",
          r"\b(?:took|taken|swallowed|had)\s+everything\s+(?:i\s+could\s+(?:find|get)|in\s+the\s+"
          r"(?:house|cupboard|cabinet|drawer|flat))", others=True),
    _rule("overdose", "took_more_than_i_should",
          r"\b(?:took|taken|had|swallowed)\s+(?:way\s+|a lot\s+|loads\s+)?more\s+"
          r"(?:@GAP){0,2}?than\s+"
          r"(?:i\s+)?(?:should|was supposed|im supposed|the dose|prescribed|it says|youre meant)"
          r"|\b@TOOK\s+(?:my|the|a|her|his)?\s*(?:whole|entire|full)\s+(?:(?:weeks|months)\s+)?"
          r"(?:packet|box|bottle|strip|prescription|supply|pack)\b(?!\s+of\s+(?!@PILL))"
          r"|\b@TOOK\s+(?:a|my|the|her|his)\s+(?:weeks|months|fortnights)\s+(?:supply|worth)\b"
          r"|\b(?:just\s+)?(?:taken|took|swallowed)\s+(?:some\s+)?(?:pills|tablets)\b"
          r"(?!\s+(?:for|from|with|like|as|to))\s+(?:@GAP){0,3}?(?:and|now)\s+(?:i\s+)?"
          r"(?:feel|am|im|dont feel|cant)\s+(?:@GAP)?(?:sleepy|drowsy|sick|dizzy|weird|funny"
          r"|strange|right|well|breathe|stay awake|keep my eyes)", others=True),
    _rule("overdose", "took_too_many",
          r"\b(?:took|taken|swallowed)\s+(?:way\s+)?too\s+many\b"
          r"|\b@TOOK\s+(?:double|triple|twice|three times|four times)\s+(?:my|the|her|his)\s+"
          r"(?:dose|prescription|tablets|pills|meds|medication)\b", others=True),
    _rule("overdose", "drank_poison",
          r"\b(?:drank|drunk|swallowed|taken|took|had)\s+(?:some\s+)?(?:bleach|antifreeze"
          r"|poison|weed ?killer|cleaning stuff|washing up liquid|dettol)\b", others=True),
    _rule("overdose", "taken_pills_and_says_so",
          r"\b(?:ive|i have|i|just|ive just|i just|i already|already)\s+(?:taken|took|swallowed"
          r"|necked|downed)\s+(?:(?:some\s+|a few\s+|a couple of\s+|loads of\s+|lots of\s+"
          r"|a load of\s+)?(?:pills|tablets)|the\s+(?:whole\s+)?lot)\b"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:please|dont|sorry|x|xx|help|im scared|i dont know)\b))",
          others=True),
    _rule("overdose", "rest_of_the_pills",
          r"\b@TOOK\s+(?:all\s+)?(?:of\s+)?the\s+rest\s+of\s+(?:the|my|her|his|mums)\s+(?:@GAP)?"
          r"@PILL",
          unless_after=r"\s*(?:@GAP){0,3}?(?:as (?:prescribed|told|directed)|course)",
          others=True),
    # ---------------------------------------------------------------- suicide -------------
    _rule("suicide", "suicidal",
          _SUICIDE_ADJ, others=True,
          unless_after=r"\s+(?:people|mums|mothers|women|ladies|parents|patients|clients)\b"),
    _rule("suicide", "suicide_thoughts",
          r"\b(?:thought|thoughts|thinking|think|considering|considered|contemplat\w+"
          r"|attempt\w*|tried|try|trying|commit|committing|plan\w*|going to|want to|wanting to"
          r"|urges?|close to|about to|crossed my mind)\s+(?:of\s+|about\s+)?(?:@GAP){0,2}?"
          + _SUICIDE_NOUN, others=True),
    _rule("suicide", "suicide_on_my_mind",
          _SUICIDE_NOUN + r"\s+(?:@GAP){0,2}?(?:crossed my mind|on my mind|in my head"
          r"|thoughts?|attempts?|note|letter|plan|is the only|feels like|seems like)", others=True),
    _rule("suicide", "died_by_suicide",
          r"\b(?:die|died|dying|death|deaths|lost \w+)\s+(?:by|from|to)\s+" + _SUICIDE_NOUN,
          others=True),
    _rule("suicide", "suicide_alone", r"^\W*" + _SUICIDE_NOUN + r"\W*$"),
    _rule("suicide", "kill_myself",
          r"\b(?:kil+|kll+)(?:ing|ed|s)?\s+@MYSELF\b",
          unless_after=r"\s+(?:laughing|trying|to (?:get|keep|make|finish|be|do)|working"
          r"|for (?:this|him|them|it)|over (?:this|it)|with work)"),
    _rule("suicide", "top_or_do_myself_in",
          r"\b(?:top|topping|topped|tops)\s+@MYSELF\b(?!\s+up)|\b(?:do|doing|did)\s+@MYSELF\s+in\b"),
    _rule("suicide", "end_or_take_my_life",
          r"\b(?:end|ending|ended|take|taking|took|finish|finishing)\s+my\s+(?:own\s+)?life\b"),
    _rule("suicide", "end_it_all",
          r"\b(?:end|ending|ended|finish|finishing)\s+(?:it all|it|things|everything|the pain"
          r"|my suffering|this life)\b",
          unless_before=r"\b(?:can|could|shall|do|should)\s+(?:we|i|you)\s+$",
          unless_after=r"\s+(?:with|between|early|off)\b"),
    _rule("suicide", "want_to_die",
          r"\b(?:want|wants|wanted|wanting|wish|wishing|ready|longing|hoping|going|trying|plan\w*"
          r"|prefer|need|would like|id like|like|deserve|waiting)\s+to\s+(?:just\s+)?(?:di+e+"
          r"(?!\s+down)|be dead|stop living|stop breathing|not exist|stop existing|not be alive)\b",
          unless_before=r"\b(?:thought|felt|was sure|was convinced|believed|knew|genuinely thought)"
          r"\s+(?:that\s+)?(?:i\s+)?was\s+$",
          unless_after=r"\s+(?:of|from)\s+(?:embarrassment|shame|laughing|boredom)"
          r"|\s+(?:during|in)\s+(?:labour|the birth|my labour)",
          others=True),
    _rule("suicide", "wish_i_was_dead",
          r"\b(?:wish|wishing|hope|hoping)\s+(?:that\s+)?(?:i|id)\s+(?:was|were|had|could|would"
          r"|had never|never|would just)\s+(?:just\s+)?(?:dead|die|died|been born|drop dead"
          r"|not be here|not wake up|never wake up)\b"),
    _rule("suicide", "hope_not_wake_up",
          r"\b(?:hope|hoping|wish|pray|praying)\s+(?:that\s+)?i\s+(?:dont|wont|didnt|wouldnt"
          r"|never|do not)\s+wake\s+up"
          r"|\b(?:go|going|went|get|fall|falling|fell)\s+(?:to\s+sleep|asleep)\s+and\s+(?:not|never)"
          r"\s+wake\s+up"
          r"|\bif\s+i\s+(?:just\s+)?(?:never|didnt)\s+(?:woke|wake)\s+up"
          r"|\b(?:close|shut|closing|shutting)\s+my\s+eyes\s+and\s+(?:never|not)\s+(?:open|wake"
          r"|opening)"
          r"|\bsleep\s+and\s+never\s+wake"
          r"|\b(?:bed|sleep)\s+and\s+(?:never|not)\s+(?:wake|get)\s+up\b"
          r"|\b(?:dont|never)\s+want\s+to\s+wake\s+up"
          r"|\bnot\s+(?:to\s+)?wake\s+up\b(?!\s+(?:the|her|him|my|until|til|when|early))",
          negatable=False),
    _rule("suicide", "hope_i_die",
          r"\b(?:hope|hoping|pray|praying)\s+(?:that\s+)?i\s+(?:die|dont make it|get hit by)"),
    _rule("suicide", "better_off_without_me",
          r"\bbetter\s+off\s+(?:without\s+me|with\s+me\s+gone|if\s+i\s+(?:was|were|wasnt"
          r"|werent|died|left|didnt exist|wasnt here|was gone|was dead|wasnt around))"
          r"|\bbetter\s+(?:off\s+)?with(?:out)?\s+(?:a\s+)?(?:different|another|new|better)\s+"
          r"(?:mum|mother|wife|mummy)"
          r"|\b(?:i|id|im)\s+(?:@GAP){0,2}?better\s+off\s+dead"
          r"|\b(?:better|happier)\s+(?:off\s+)?(?:@GAP){0,6}?(?:and|with)\s+me\s+(?:gone|dead"
          r"|out of the way|out of the picture|not here|not around)\b"
          r"|\bme\s+out\s+of\s+the\s+(?:picture|way)\b(?!\s+(?:for|while|so i can))"
          r"|\b(?:better\s+than\s+me|without\s+me|better\s+off|nobody\s+needs\s+me)[^.!?]{0,40}"
          r"(?:should|might as well)"
          r"\s+just\s+go\b(?!\s+(?:to|and|home|out|back|for|now|with))", negatable=False),
    _rule("suicide", "nobody_would_miss_me",
          r"\b(?:nobody|none of them|wouldnt anyone)\s+(?:would|will|is going to|going to)\s+"
          r"(?:even\s+)?(?:miss|notice|care)\b",
          unless_after=r"\s+(?:@GAP){0,2}?if\s+i\s+(?:missed|didnt (?:go|turn up|come|reply)"
          r"|skipped|was late)", negatable=False),
    _rule("suicide", "burden",
          r"\b(?:a|such a|the)\s+burden\s+(?:to|on|for)\s+(?:everyone|everybody|my|them|him"
          r"|people|the|her|all)"
          r"|\b(?:im|i feel like|i feel|feel like|feeling like|im just)\s+(?:such\s+|a\s+|just\s+)*"
          r"(?:a\s+)?burden\b"),
    _rule("suicide", "no_point_living",
          r"\b(?:no|any|the)\s+point\s+(?:in\s+|of\s+)?(?:me\s+)?(?:even\s+)?(?:living|life"
          r"|being alive|being here"
          r"|going on|carrying on|me being here|existing|me being alive|waking up)\b"
          r"|\blife\s+(?:isnt|is not|aint|not|is)\s+worth\s+(?:living|it)\b"
          r"|\b(?:done|finished)\s+with\s+(?:life|living|it all|this life|being alive)\b"
          r"|\b(?:had|have|ve had)\s+enough\s+of\s+(?:life|living|it all|everything|this life"
          r"|being alive)\b"
          r"|\b(?:tired|sick|exhausted)\s+of\s+(?:living|life|being alive|existing)\b"
          r"|\bnothing\s+(?:left\s+)?to\s+live\s+for\b"
          r"|\b(?:no|any|a|one)\s+reason\s+(?:for\s+me\s+)?to\s+(?:keep\s+|go\s+on\s+)?(?:live"
          r"|living|be here"
          r"|carry on|go on|stay|keep going|be alive)\b",
          negatable=False),
    _rule("suicide", "dont_want_to_be_here",
          r"\b(?:dont|never|not)\s+(?:really\s+|even\s+|just\s+)?want\s+to\s+(?:be\s+(?:here"
          r"|alive|around|on this earth|in this world)|exist|carry on|go on|keep going"
          r"|keep living|do life|live this life|do this life)\b",
          unless_after=r"[.\s]+(?:after (?:a|the|this|one|two|my) (?:few|couple|first|week|weeks"
          r"|session"
          r"|sessions|month|group)|going|coming|attending|with (?:the|it|this) (?:group|sessions?"
          r"|course|programme|questions|chat)|all (?:night|day)|for (?:long|hours|ages)|answering"
          r"|filling"
          r"|doing this|at this|[.\s]*(?:at|in)\s+(?:this|the|that)\s+(?:\w+\s+)?(?:playgroup|group"
          r"|class|session|party|meeting|appointment|clinic|waiting room|soft play|cafe|queue"
          r"|place|chat|room)\b|in this (?:group|chat|queue|room|waiting room)|with (?:the )?"
          r"(?:questions|this chat)|(?:when|while|during)\s+(?:my|the|her|she|they|we|people"
          r"|visitors|everyone|his (?:mum|dad|family)))", negatable=False),
    _rule("suicide", "dont_want_to_live",
          r"\b(?:dont|never|not)\s+(?:really\s+|even\s+|just\s+)?want\s+to\s+live\b",
          unless_after=r"\s+(?:near|in|with|there|at|on|next|close|by|round|around|somewhere"
          r"|abroad|here|so far|miles)\b", negatable=False),
    _rule("suicide", "rather_not_be_here",
          r"\brather\s+(?:not\s+be\s+(?:here|alive|around)|be\s+dead|not\s+(?:exist|wake up"
          r"|be alive))\b", negatable=False),
    _rule("suicide", "not_sure_i_want_to_live",
          r"\b(?:not sure|dont know if|dont know whether|dont think|unsure|not certain)\s+"
          r"(?:if\s+|whether\s+)?(?:i\s+)?(?:want\s+to|can|could)\s+(?:be alive|live|be here"
          r"|carry on|go on|keep going|do this anymore|exist|keep living)\b"
          r"(?!\s+(?:with|at|doing|going|breastfeeding|feeding|working|in|near|there|here))",
          negatable=False),
    _rule("suicide", "if_i_wasnt_here",
          r"\b(?:if|when)\s+i\s+(?:just\s+)?(?:wasnt|werent|was not|were not)\s+(?:here|around"
          r"|alive|about|in the picture)"
          r"|\b(?:if|when)\s+i\s+(?:just\s+)?(?:was|were)\s+(?:gone|dead|not here|not around)"
          r"|\bif\s+i\s+(?:just\s+)?(?:didnt|did not)\s+exist|\bif\s+i\s+(?:just\s+)?died\b",
          negatable=False),
    _rule("suicide", "stop_existing",
          r"\b(?:stop|stopped|cease)\s+(?:to\s+)?exist\w*|\bnot\s+exist(?:ing)?\b"
          r"|\bdisappear\w*\s+(?:for good|forever|for ever|permanently)"
          r"|\b(?:disappear|vanish)\w*\s+and\s+never\s+(?:come|coming)\s+back", negatable=False),
    _rule("suicide", "cant_go_on",
          r"\b(?:cant|couldnt)\s+(?:go|carry|keep)\s+on(?:\s+(?:like this|anymore|any longer"
          r"|much longer|living|with (?:life|living|this life|everything)))?"
          r"(?:\s+(?:for\s+)?(?:much longer|any longer|anymore|long|another day))?"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:and|i|im|its|x|xx|anymore|but|so|please|help)\b))"
          r"|\b(?:cant|couldnt)\s+keep\s+going(?:\s+like this|\s+anymore)?"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:and|i|im|its|x|xx|anymore|but|so|please|help)\b))"
          r"|\bcant\s+do\s+(?:this|it|life)\s+(?:anymore|any longer|much longer)\b",
          negatable=False),
    _rule("suicide", "want_out_for_good",
          r"\bwant\s+out\b[\s.,!]*(?:@GAP){0,2}?(?:for good|forever|permanently|of (?:life"
          r"|this life|everything))"
          r"|\bwant\s+(?:it|this|everything)\s+(?:all\s+)?to\s+(?:stop|end|be over)"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:now|forever|permanently|for good|please|i|and|so|me|x)\b))"
          r"|\bwant\s+(?:everything|this|the pain|the world)\s+to\s+(?:stop|end)\s+"
          r"(?:permanently|forever|for good)"),
    _rule("suicide", "planning_how",
          r"\b(?:plan|planning|planned|worked out|work out|thought about|thinking about"
          r"|think about|researching|research|looking up|looked up|googled|googling|searched"
          r"|searching|know)\s+(?:@GAP){0,2}?(?:how\s+(?:to|i|id|i would|ill|i could|i will)\s+"
          r"(?:@GAP){0,2}?(?:do it|kill|end|die|go through with)|ways\s+to\s+(?:die|kill|end"
          r"|go)|how\s+(?:many|much)\s+(?:@GAP){0,2}?(?:it\s+(?:would\s+)?takes?|would\s+"
          r"(?:it\s+)?take|to\s+take|is\s+(?:a\s+)?(?:lethal|fatal|deadly)))"
          r"|\bhow\s+many\s+(?:@GAP){0,2}?@PILL\s+(?:@GAP){0,2}?(?:to\s+(?:die|kill|end)"
          r"|would\s+(?:it\s+)?(?:take|kill)|(?:it\s+)?(?:would\s+)?takes?\s+to\s+(?:die|kill))"
          r"|\b(?:lethal|fatal|deadly)\s+(?:dose|amount)"
          r"|\bmake\s+it\s+look\s+like\s+an\s+accident\b"
          r"|\b(?:looking|looked|staring|stared|look|stare)\s+at\s+(?:the|my|all the|all my)\s+"
          r"(?:pills|tablets|meds|medication|knives|rope|tracks)\b[^.!?]{0,30}\b(?:thinking|and"
          r" wondering|wondering|tempted)"
          r"|\b(?:planning|planned|plan|arranging|organising)\s+my\s+(?:own\s+)?funeral\b"
          r"|\b(?:plan|plans|planned|planning)\s+to\s+(?:end|kill|die|take my|top|jump|hang)"
          r"|\bhow\s+id\s+(?:do it|kill myself|end it)"
          r"|\b(?:decided|figured out|worked out|know exactly|planned|chosen)\s+(?:@GAP)?how\s+"
          r"(?:@GAP){0,3}?(?:do it|end it|kill|go|die)\b"
          r"|\b(?:want|wanted|thought about|thinking about|think about|tempted|urge|urges)\s+"
          r"(?:to\s+)?(?:crash|crashing|drive off|driving off|swerve|swerving)\s+(?:the|my)\s+car"
          r"|\b(?:crash|crashing|crashed)\s+(?:the|my)\s+car\s+on\s+purpose"),
    _rule("suicide", "stockpiling",
          r"\b(?:stockpil\w+|stock piling|hoarding|stashing|saving up|saved up)\s+(?:all\s+)?"
          r"(?:my\s+|the\s+|some\s+)?(?:@GAP)?@PILL"
          r"|\b(?:got|have|ive got|ive)\s+(?:the|my|some|all my|enough)\s+(?:@GAP)?@PILL\s+"
          r"(?:ready|hidden|saved|stashed|lined up)"),
    _rule("suicide", "going_to_take_pills",
          r"\b(?:going to|want to|will|ill|thinking of|thinking about|about to|might|tempted to"
          r"|planning to|could)\s+(?:just\s+)?(?:take|taking|swallow|swallowing|neck)\s+"
          r"(?:@GAP){0,1}?@QTY\s+(?:of\s+)?(?:@GAP){0,2}?@PILL"
          r"|\b(?:going to|want to|will|ill|thinking of|thinking about|thought about|about to"
          r"|might|tempted to|planning to|plan to)\s+(?:just\s+)?(?:take\s+an?\s+|do\s+an?\s+"
          r"|taking\s+an?\s+|doing\s+an?\s+)?(?:overdose|od|overdoes|overdosing)\b"
          r"|\b(?:overdos\w*|od)\s+on\s+purpose"),
    _rule("suicide", "jump_or_step_in_front",
          r"\b(?:want|wanted|wanting|urge|urges|tempted|close to|nearly|almost)\s+(?:to\s+)?"
          r"jump(?:ing|ed)?\b(?!\s+(?:for|up|in\b|on\b|at|around|about|into (?:the pool|bed|the"
          r" shower)|the queue|ship|start|through|to conclusions|back|out of bed|on board))"
          r"|\b(?:jump|jumping|jumped|throw myself|throwing myself|threw myself)\s+(?:off|from)\s+"
          r"(?:@GAP){0,3}?(?:bridge|building|roof|cliff|multi ?storey|car park|balcony|window"
          r"|tower|flats|platform|flyover|top floor)"
          r"|\b(?:jump|jumping|jumped|throw myself|throwing myself|step|stepping|stepped|walk"
          r"|walking|walked|run|running|lie|lying)\s+(?:out\s+)?(?:in front of|under|into)\s+"
          r"(?:a|the|an)?\s*(?:coming\s+|oncoming\s+)?(?:train|bus|car|lorry|traffic|road|sea"
          r"|river|canal|lorries|cars)"
          r"|\b(?:thought|thinking|think|thoughts)\s+(?:about|of)\s+(?:jumping|stepping out"
          r"|throwing myself|hanging myself|drowning myself|slitting|walking into the sea)"
          r"|\b(?:drive|driving|drove|crash|crashing|swerve|swerving|steer|steering)\s+"
          r"(?:the car\s+|my car\s+)?(?:into|off)\s+(?:a|the|that|an)?\s*(?:@GAP)?(?:tree|wall"
          r"|bridge|lorry|river|cliff|oncoming|motorway|barrier|lamppost|lamp post|traffic"
          r"|road)"),
    _rule("suicide", "at_the_edge",
          r"\b(?:stood|standing|stand|sat|sitting|been)\s+(?:right\s+)?(?:on|at|by|near)\s+"
          r"(?:the\s+)?edge\s+of\s+(?:the\s+|a\s+)?(?:platform|bridge|cliff|roof|balcony|car park"
          r"|multi ?storey|tracks|building)"),
    _rule("suicide", "hang_or_slit",
          r"\b(?:hang|hanging|hanged|hung)\s+@MYSELF\b|\bnoose\b|\bslit\w*\s+(?:my\s+)?wrists?"),
    _rule("suicide", "goodbye_letters",
          r"\b(?:goodbye|suicide)\s+(?:letters?|notes?|messages?|videos?|texts?|emails?|posts?)"
          r"|\b(?:wrote|written|writing|write|left)\s+(?:@GAP)?(?:letters?|notes?|cards?)\s+"
          r"(?:to|for)\s+(?:@GAP){0,2}?(?:kids|children|family|baby|partner|husband|mum"
          r"|everyone|daughter|son)\s+(?:@GAP){0,2}?(?:in case|for when|for after|if anything)"
          r"|\bin\s+case\s+(?:im|i am|i)\s+not\s+(?:here|around)\b"),
    _rule("suicide", "no_way_out",
          r"\b(?:no|any|a|another)\s+way\s+out\b(?!\s+of\s+(?:the|this|here)\s+(?:house|car"
          r"|building|room|contract|nappy|phase))"
          r"|\bcant\s+see\s+(?:any\s+|another\s+)?(?:other\s+)?way\b"),
    _rule("suicide", "do_something_stupid",
          r"\b(?:do|doing|done|did)\s+something\s+(?:stupid|silly|daft|drastic)\b",
          unless_after=r"\s+(?:with|at|in|on)\s+(?:the|my|this|her|his)\s+(?:form|hair|shopping"
          r"|car|order|booking|phone)|\s+(?:and|like)\s+(?:book|buy|go|get|order|have|treat)\b"),
    _rule("suicide", "scared_what_i_do_to_myself",
          r"\bwhat\s+(?:i|id|ill)\s+(?:might|could|would|will|may)?\s*do\s+to\s+@MYSELF\b"),
    _rule("suicide", "copy_someone_who_died",
          r"\b(?:think|thinking|thought|tempted|want|wanted)\s+(?:about\s+|of\s+|to\s+)?"
          r"(?:do|doing)\s+the\s+same(?:\s+(?:thing|myself|too))?"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:and|but|sometimes|lately|myself|too)\b))"),
    _rule("suicide", "no_future",
          r"\b(?:dont|cant|cannot|no longer|never)\s+see\s+(?:a|any|much of a)\s+future\b"
          r"(?!\s+(?:with|in)\s+(?:him|her|them|this|my|the|our))"
          r"|\bno\s+future\s+for\s+me\b"),
    _rule("suicide", "not_here_much_longer",
          r"\b(?:be|being)\s+(?:here|around|alive)\s+(?:for\s+)?(?:much|very|that)\s+(?:longer|long)"
          r"|\b(?:wont|not going to|wont even)\s+be\s+(?:here|around|alive)\s+(?:for\s+)?"
          r"(?:long|much longer|tomorrow|anymore|by (?:the|tomorrow|morning|christmas))"
          r"|\bnot\s+being\s+(?:here|around|alive)\b"
          r"|\b(?:not|never)\s+(?:coming|going|come|go)\s+(?:home|back)\s+(?:ever|again)\b",
          negatable=False),
    _rule("suicide", "happier_without_me",
          r"\b(?:better|happier|easier|fine|okay|ok|free|lighter|manage|cope|get by|carry on)\s+"
          r"(?:off\s+|just\s+fine\s+|fine\s+)?without\s+me\b"
          r"(?!\s+(?:for|there|at|while|on|tonight|today|this)\b)"
          r"|\b(?:better|happier|easier|nicer)\s+(?:life|lives|time|future)\s+without\s+me\b"
          r"|\bdoing\s+(?:everyone|them|him|my family|the world)\s+a\s+favou?r\s+(?:if\s+i|by)"
          r"|\brelief\s+(?:to|if\s+i)\s+(?:die|died|was gone|wasnt here)", negatable=False),
    _rule("suicide", "sleep_forever",
          r"\b(?:want to|wanted to|wish i could|id like to|like to|longing to|need to)\s+"
          r"(?:just\s+)?"
          r"(?:go\s+to\s+)?sleep\s+(?:forever|for ever|and never)"
          r"|\bwouldnt\s+(?:mind|care)\s+(?:if\s+i\s+(?:didnt|never|died|wasnt)|dying)"),
    _rule("suicide", "note_or_means",
          r"\b(?:written|wrote|left|writing)\s+(?:a|my)\s+(?:note|letter)s?\s*(?:[.!?,]|$"
          r"|(?:for|to)\s+(?:my|the)\s+(?:family|kids|husband|partner|baby|children|mum))"
          r"|\b(?:got|bought|have|found|ive got|keep)\s+a\s+(?:rope|noose|ligature)\b"
          r"|\b(?:rope|ligature|belt|cord)\s+(?:@GAP){0,3}?(?:ready|round my neck|around my neck"
          r"|to hang)"),
    _rule("suicide", "wish_something_would_kill_me",
          r"\b(?:wish|hope|hoping|pray|praying)\s+(?:that\s+)?(?:@GAP){0,3}?(?:would|will)\s+"
          r"(?:just\s+)?(?:hit|kill|run over|run me over|crash into|take)\s+(?:me|over me)\b"
          r"|\b(?:wish|hope|hoping)\s+(?:that\s+)?i\s+(?:get|got|would get)\s+(?:hit|run over"
          r"|killed|cancer)"),
    _rule("suicide", "give_up_on_life",
          r"\b(?:give|given|giving|gave)\s+up\s+on\s+(?:life|living|everything|being alive)"
          r"|\blife\s+(?:is|feels|seems)\s+(?:so\s+)?(?:pointless|meaningless|not worth it)"
          r"|\bhate\s+being\s+alive|\bcant\s+live\s+(?:like this|with this|anymore)"),
    _rule("suicide", "thinking_about_dying",
          r"\b(?:think|thinking|thought|thoughts)\s+(?:a lot\s+)?(?:about|of)\s+(?:dying|death"
          r"|being dead|not being here|not existing|my death|my funeral)\b"
          r"|\bwant\s+to\s+(?:just\s+)?be\s+gone\b(?!\s+(?:by|before|for|from|at|when|in))"
          r"|\bnot\s+(?:to\s+)?be\s+here\b(?!\s+(?:at|on|for|when|by|next|in|until|till|this"
          r"|tomorrow (?:morning|at)|today|tonight|later))"
          r"|\b(?:bridge|train|tracks|road|pills|tablets|edge|cliff|river|sea|roof|balcony"
          r"|motorway)\b[^.!?]{0,60}how\s+easy\s+it\s+(?:would|d|will|could)\s+be"
          r"|\b(?:bridge|tracks|edge|cliff|river|sea|roof|balcony|motorway|traffic|lorry|lorries"
          r"|pills|tablets|rope|knife)\b[^.!?]{0,80}\b(?:it\s+)?(?:would|d|could)\s+be\s+"
          r"(?:so\s+|too\s+|really\s+)?easy\b(?!\s+(?:to get|with the|for the|on the))"
          r"|\bhow\s+easy\s+it\s+(?:would|d|could)\s+be\s+to\s+(?:die|end it|jump|step|just go"
          r"|do it|not be here|disappear|go through with)", negatable=False),
    _rule("suicide", "feel_like_dying",
          r"\b(?:feel|felt|feeling)\s+like\s+(?:i\s+(?:want|should|need|could)\s+(?:to\s+)?)?"
          r"(?:just\s+)?(?:dying|di+e+|ending it|ending it all)\b(?!\s+(?:of|from|laughing))"
          r"|\b(?:should|might as well|may as well|could just|better to)\s+(?:just\s+)?"
          r"(?:die|be dead"
          r"|kill myself|end it)\b"
          r"|\b(?:dont|do not)\s+deserve\s+to\s+(?:live|be alive|be here|exist)\b"
          r"|\b(?:no|whats the|what is the)\s+point\s+(?:anymore|to anything|in anything"
          r"|to any of it"
          r"|in any of it|to life|of me|in me|to me|of anything|in trying)\b"
          r"(?!\s+(?:going|doing|getting|having|buying|coming|joining|bothering|asking|telling"
          r"|trying to|applying|booking|signing))"
          r"|\bif\s+it\s+(?:wasnt|werent|was not|were not)\s+for\s+(?:@GAP){1,3}?(?:id|i would)\s+"
          r"(?:have\s+|of\s+)?(?:@GAP){0,2}?(?:ended|killed|gone|done it|be gone|be dead"
          r"|not be here|taken)"
          r"|\bif\s+it\s+(?:wasnt|werent|was not|were not)\s+for\s+(?:@GAP){1,3}?(?:i|id)\s+"
          r"(?:wouldnt|would not)\s+(?:still\s+)?be\s+(?:here|alive|around)\b"
          r"|\b(?:only|the only)\s+(?:thing|reason|one|person)\s+(?:thats\s+|that is\s+)?"
          r"(?:keeping|that keeps|keeps)\s+me\s+(?:here|going|alive)"
          r"|\bonly\s+reason\s+(?:im|i am)\s+still\s+(?:here|alive)"
          r"|\bhappen\w*\s+to\s+me\b[^.!?]*[.!?]?[^.!?]{0,60}\b(?:make|making|made)\s+(?:that|it)"
          r"\s+happen", negatable=False),
    # "so tired I could die lol": an idiom, explained so that a model guess is overruled too;
    # "I could just die, I hate my life" still fires.
    _rule("suicide", "could_die",
          r"\bi\s+could\s+(?:literally\s+|actually\s+|honestly\s+|just\s+)*die\b",
          unless_before=r"\b(?:tired|exhausted|knackered|shattered|embarrassed|mortified|hungry"
          r"|hot|cringe|cringed|full|excited|happy)\b[^.!?]{0,20}$",
          unless_after=r"\s*(?:@GAP){0,3}?(?:lol|haha\w*|lmao|of|from|for a|laughing|happy)\b"),
    _rule("suicide", "do_something_to_myself",
          r"\b(?:do|doing)\s+something\s+to\s+@MYSELF"),
    # A few unambiguous phrases in languages often spoken by UK mothers. Partial coverage
    # only: the safety response still relies on the model for other languages.
    _rule("suicide", "other_language",
          r"\bsuicid(?:io|ar|arme|arse|aire|er)\b|\bsuicídio\b|\bme\s+suicider\b"
          r"|\b(?:quiero|quero)\s+morr?(?:ir|er)(?:me)?\b|\bvoglio\s+morire\b"
          r"|\bje\s+veux\s+mourir\b|\bich\s+(?:will|möchte|mochte)\s+sterben\b"
          r"|\bselbstmord\w*|\bmich\s+umbringen\b"
          r"|\bchc[eę]\s+umrze[cć]\b|\bzabi[cć]\s+si[eę]\b|\bnie\s+chc[eę]\s+[zż]y[cć]\b"
          r"|\bsamob[oó]j\w*"
          r"|\bvreau\s+s[aă]\s+mor\b|\bsinucid\w*"
          r"|хочу\s+умереть|покончить\s+с\s+собой|суицид|не\s+хочу\s+жить|хочу\s+померти"
          r"|أريد\s+أن\s+أموت|اريد\s+ان\s+اموت|انتحار|أنتحر|انتحر"
          r"|خودکشی|خود\s+کشی|مرنا\s+چاہتی"
          r"|\bkhud\s?kushi\b|\b(?:marna|mar\s+jana)\s+chahti\b"
          r"|आत्महत्या|मरना\s+चाहती|আত্মহত্যা|মরে\s+যেতে\s+চাই"
          r"|想死|自杀|自殺|不想活"
          r"|\b[öo]lmek\s+istiyorum\b|\bintihar\w*"),
    # Families of indirect wording, added after measuring a held-out set (docs/safety.md).
    _rule("suicide", "researching_how_to_die",
          r"\b(?:googl\w*|look\w*\s+up|search\w*|research\w*|read\w*\s+(?:up\s+)?(?:about|on)"
          r"|find\w*\s+out|asked|asking|checking|checked)\s+(?:@GAP){0,8}?(?:die|drown"
          r"|bleed out|suffocate|stop breathing|overdose on|hang myself|kill (?:myself|yourself)"
          r"|end it|end my life)\b(?!\s+down)"
          r"|\bhow\s+(?:long|much|many|quickly|fast)\s+(?:@GAP){0,4}?(?:takes?|would take|to take"
          r"|does it take|did it take)\s+(?:@GAP){0,2}?to\s+(?:die|drown|bleed out|suffocate"
          r"|stop breathing)\b(?!\s+down)", others=True),
    _rule("suicide", "car_exhaust",
          r"\bin\s+the\s+garage\s+with\s+the\s+engine|\bengine\s+running\s+(?:@GAP){0,3}?"
          r"(?:garage|doors? shut|hose)|\bhose\s*(?:pipe)?\s+(?:@GAP){0,3}?exhaust"
          r"|\bexhaust\s+(?:pipe|fumes)\b"),
    _rule("suicide", "knows_where_or_when",
          r"\b(?:know|knew|decided|picked|chosen|chose|worked out|found)\s+(?:exactly\s+)?"
          r"(?:where|when|how)\s+(?:id|i would|ill|i will|i could)\s+(?:go|do it|end it|do that)\b"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:and|if|when|now|already|x)\b))"
          r"|\b(?:picked|chosen|set|decided on)\s+(?:a|the)\s+(?:day|date|time|place|spot)"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:for it|to do it|to go|and)\b))"
          r"|\b(?:i\s+)?(?:have|got|made|ive got|ive made)\s+a\s+plan"
          r"(?=\s*(?:[.!?;:]|$|\s(?:and|now|already)\b))"),
    _rule("suicide", "forgotten_or_replaced",
          r"\b(?:would|will|d|could)\s+(?:soon\s+|quickly\s+|just\s+|easily\s+|all\s+)?"
          r"(?:forget|forget about|replace|move on from|get over)\s+me\b"
          r"|\b(?:would|will|d|could)\s+(?:soon\s+|easily\s+)?(?:find|get|have)\s+"
          r"(?:someone|somebody)\s+(?:better|new|else)\b",
          unless_after=r"\s*(?:@GAP){0,3}?(?:if|when|while)\s+i\s+(?:go|went)\s+back\s+to\s+work"
          r"|\s*(?:@GAP){0,2}?(?:at|in)\s+(?:nursery|the group|group)"),
    _rule("suicide", "giving_up_for_good",
          r"\b(?:give|giving|gave|given)\s+up\s+(?:for good|forever|completely|on (?:it all"
          r"|everything|myself|the world))\b"
          r"|\b(?:tired|sick|exhausted)\s+of\s+(?:fighting|trying|being me|being here)"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:and|i|anymore|it|this|everything)\b))"),
    _rule("suicide", "cant_face_another_day",
          r"\b(?:cant|couldnt)\s+face\s+(?:tomorrow|the future|living|life|waking up|it all"
          r"|going on|carrying on|being alive|the rest of my life|anything anymore)\b"
          r"|\b(?:cant|couldnt)\s+face\s+(?:another|one more)\s+(?:day|week|night|morning)"
          r"(?:\s+(?:like this|of this|of (?:feeling|living)\s+\w+))?"
          r"(?=\s*(?:[.!?,;:]|$|\s(?:i|and|im|anymore)\b))"
          r"|\bi\s+(?:just\s+)?want\s+out\b(?=\s*(?:[.!?,;:]|$|\s(?:of (?:life|this life|everything"
          r"|it all|here)|now|forever|for good|x)\b))"),
    _rule("suicide", "wish_i_had_not_survived",
          r"\b(?:wish|wished|wishing)\s+(?:that\s+)?(?:i|id)\s+(?:had\s+)?(?:never|not|hadnt|didnt)"
          r"\s+(?:woken|woke|wake|survived|made it|pulled through|been born|come round)\b"
          r"|\b(?:wish|wished|wishing)\s+(?:that\s+)?(?:i|id)\s+(?:had\s+)?(?:died|been dead"
          r"|passed away)\b"
          r"|\b(?:wish|wished|wishing)\s+(?:that\s+)?i\s+(?:just\s+)?(?:wasnt|werent)\s+(?:here"
          r"|around|alive)\b(?!\s+(?:at|in|for|with|today|tonight|right now)\b)"),
    _rule("suicide", "putting_affairs_in_order",
          r"\b(?:giving|given|give|gave)\s+(?:away\s+)?(?:all\s+)?(?:of\s+)?my\s+(?:things|stuff"
          r"|belongings|possessions|jewellery|jewelry)\b"
          r"|\b(?:sort\w*|put\w*|get\w*)\s+(?:out\s+)?my\s+affairs\b",
          unless_after=r"\s*(?:@GAP){0,3}?(?:to (?:the )?charity|to the charity shop|on (?:vinted"
          r"|ebay|facebook|marketplace)|because (?:we|were|im) (?:moving|decluttering))"),
    _rule("suicide", "wont_be_here_by",
          r"\b(?:dont think|doubt|not sure|dont know if|wonder if|dont know whether)\s+"
          r"(?:ill|i will|id|i would|i can|i could)\s+(?:still\s+)?be\s+(?:here|around|alive)\s+"
          r"(?:by|much longer|for much longer|long|to see|for (?:christmas|her|his|their))\b"
          r"|\b(?:cant|dont|cannot|couldnt)\s+see\s+(?:me|myself)\s+(?:getting through|surviving"
          r"|making it|lasting|being here|being around|being alive|getting better|living"
          r"|carrying on|going on|coping)\b", negatable=False),
    _rule("suicide", "dead_and_at_peace",
          r"\b(?:peaceful|nice|easier|better|a relief|relief|lovely|bliss)\s+(?:it\s+)?"
          r"(?:would\s+be|d\s+be|must\s+be)?\s*(?:to\s+be|being)\s+dead\b"
          r"(?!\s+to\s+the\s+world)"
          r"|\b(?:whether|if)\s+i\s+(?:live|lived)\s+or\s+(?:die|died)\b"
          r"|\b(?:picture|picturing|pictured|imagine|imagining|imagined|see|seeing)\s+myself\s+"
          r"(?:dead|in a coffin|at my (?:own )?funeral)\b"),
    _rule("suicide", "easiest_way_to_go",
          r"\b(?:easiest|quickest|best|painless|least painful|simplest|surest)\s+way\s+"
          r"(?:for\s+me\s+)?to\s+(?:go|die|do it|end it|end things|not wake up)\b"
          r"(?!\s+(?:to|there|about|into|home|out|back|shopping|on|in|for|with))"
          r"|\b(?:fall\s+asleep|go\s+to\s+sleep|sleep|close\s+my\s+eyes)\s+and\s+(?:that|it|this)\s+"
          r"(?:be|would be|was|is|to be)\s+(?:it|the end|over)\b"
          r"(?!\s+(?:till|until|for the night|for a few hours))"),
    _rule("suicide", "after_im_gone",
          r"\b(?:after|when|once)\s+(?:im|i am|ive)\s+(?:gone|dead)\b"
          r"(?!\s+(?:to|for|on|back|out|in|into|through|over|home|shopping|away for))"
          r"|\bhow\s+(?:much\s+)?(?:longer|long)\s+(?:i\s+)?(?:can|could|will be able to)\s+"
          r"(?:keep\s+)?(?:living|live|go on|carry on|keep going|be here|survive|stay alive)\b",
          negatable=False),
    _rule("suicide", "leave_this_world",
          r"\b(?:leave|leaving|left|exit|exiting|depart|departing)\s+(?:this|the)\s+(?:world"
          r"|earth|life)\b"
          r"|\b(?:take|taking)\s+myself\s+(?:away|out|off)\b[^.!?]{0,40}\b(?:permanently|for good"
          r"|forever|for ever)"
          r"|\b(?:want|wanting|long|longing|wish i could|need|cant wait)\s+to\s+(?:be\s+with|join"
          r"|see)\s+(?:@GAP){0,2}?(?:again\s+)?(?:in\s+heaven|up\s+there|on\s+the\s+other\s+side)"
          r"|\b(?:walk|walking|run|running|drive|driving|go|going)\s+(?:out|off|away)\s+and\s+"
          r"never\s+(?:come|coming)\s+back"),
    _rule("suicide", "they_would_be_better_off",
          r"\b(?:they|theyd|everyone|everybody|my family|the kids|my kids|my husband|my partner"
          r"|the world)\s+(?:would|will|d)?\s*(?:all\s+)?be\s+(?:so\s+much\s+|much\s+|so\s+"
          r"|far\s+)?"
          r"(?:better|happier)\s+off\b(?=\s*(?:[.!?,;:]|$|\s(?:and|tbh|honestly|x|anyway)\b))"
          r"|\b(?:better|easier|happier)\s+(?:off\s+)?(?:for\s+(?:everyone|everybody|them|all"
          r"|him|her|the kids|my family)\s+)?if\s+i\s+(?:just\s+)?(?:disappeared|vanished"
          r"|went away|wasnt here|was gone|didnt exist|was dead|left(?=\s*(?:[.!?,;:]|$|\s(?:and"
          r"|for good|forever)\b)))"
          r"|\b(?:would|could|will|d)\s+(?:all\s+)?(?:manage|cope|do|be)\s+(?:so\s+much\s+|much\s+"
          r"|far\s+)?(?:better|fine|happier)\s+(?:if|once|when)\s+i\s+(?:was|were|wasnt|werent"
          r"|just|disappeared|left|went)\b", negatable=False),
    # ---------------------------------------------------------------- harm to the baby -----
    _rule("harm_baby", "thoughts_of_harming_baby",
          r"\b(?:thoughts?|thought|images?|pictures?|visions?|urges?|urge|impulses?|flashes"
          r"|ideas?|fantas\w+|dreams?|scenarios?|feelings?|thinking|think|thinks)\s+"
          r"(?:@GAP){0,3}?(?:of|about|where|that|to)\s+(?:me\s+|i\s+)?(?:@GAP){0,3}?@HARM\s+"
          r"@BABY",
          unless_after=r"@BABYCARE"),
    _rule("harm_baby", "scared_i_will_harm_baby",
          r"\b(?:scared|afraid|frightened|terrified|worried|worry|worrying|fear|panicking"
          r"|petrified|paranoid|panic)\s+(?:that\s+)?(?:i|ill|id|im|i might|i could|i may"
          r"|im going to|i am going to)\s+(?:@FGAP){0,3}?@HARM\s+@BABY"
          r"|\b(?:in case|incase)\s+(?:i|ill|id)\s+(?:@FGAP){0,2}?@HARM\s+@BABY"
          r"|\b(?:scared|afraid|frightened|terrified|worried|petrified)\s+(?:of|about)\s+"
          r"(?:me\s+)?@HARM\s+@BABY",
          unless_after=r"@BABYCARE"),
    _rule("harm_baby", "i_could_harm_baby",
          r"\b(?:i could|i might|i may|i feel like i could|i want to|i wanted to|i feel like"
          r"|i felt like|feel like|felt like|urge to|urges to|tempted to|keep wanting to"
          r"|wanted to|want to|wants to|could just|im going to|i will|ill|id|i would|im gonna"
          r"|going to snap and|like i was going to|like i am going to|like im going to)\s+"
          r"(?:@FGAP){0,2}?@HARMSOFT\s+@BABY",
          unless_before=_THEY_THINK,
          unless_after=r"@BABYCARE"),
    _rule("harm_baby", "kill_the_baby",
          r"\b(?:kill|killing|killed|murder|murdering|murdered)\s+@BABYNOUN",
          unless_before=_THEY_THINK, others=True),
    _rule("harm_baby", "what_if_i_harm_baby",
          r"\bwhat\s+if\s+(?:i|ill|id)\s+(?:@FGAP){0,3}?@HARM\s+@BABY",
          unless_after=r"@BABYCARE"),
    _rule("harm_baby", "picturing_harming_baby",
          r"\b(?:picture|picturing|pictured|imagine|imagining|imagined|see myself|seeing myself"
          r"|keep seeing|visuali[sz]\w+|vision of|dream about|dreaming about|dreamt about"
          r"|dreamed about)\s+(?:@GAP){0,2}?(?:myself\s+)?@HARM\s+@BABY"),
    _rule("harm_baby", "baby_hurt_by_me",
          r"\b@BABY\s+(?:getting|being|get|be)\s+(?:hurt|harmed|killed|smothered|drowned)\s+"
          r"(?:@GAP){0,4}?(?:by me|me doing it|its me|i do it|i did it|i was the one|i did that)"),
    _rule("harm_baby", "do_something_to_baby",
          r"\b(?:i|ill|id|might|could|would|will|going to)\s+(?:@FGAP){0,2}?do\s+"
          r"(?:something|anything)"
          r"\s+(?:bad\s+|terrible\s+|awful\s+|stupid\s+|horrible\s+)?to\s+@BABY"),
    _rule("harm_baby", "images_of_baby_dying",
          r"\b(?:images?|thoughts?|pictures?|visions?|flashes)\s+(?:@GAP){0,2}?(?:of|about)\s+"
          r"@BABYNOUN\s+(?:dying|being hurt|getting hurt|dead|drowning|suffocating|being killed"
          r"|getting killed|bleeding)"),
    _rule("harm_baby", "avoiding_baby_because_of_thoughts",
          r"\b(?:cant|dont|scared to|afraid to|frightened to|avoid|avoiding|wont|stopped)\s+"
          r"(?:bath|bathe|bathing|hold|holding|pick up|picking up|be alone with|go near|touch"
          r"|feed|change)\s+@BABY\s+(?:@GAP){0,3}?(?:because|in case|incase)\s+(?:@GAP){0,4}?"
          r"(?:thoughts|images|what i|i might|ill|i could|i would|id|urges)"
          r"|\b(?:avoid|avoiding|avoided|dread|dreading|scared of|putting off)\s+(?:bath\s*time"
          r"|bathing|baths|bath|feeds|feeding|nappy changes|being alone)\b[^.!?]{0,20}"
          r"\bbecause\s+of\s+(?:the\s+|my\s+)?(?:thoughts|images|urges|what goes through my head"
          r"|what i might)"
          r"|\b(?:hide|hid|hidden|hiding|lock|locked|locking|put away)\s+(?:away\s+)?(?:all\s+)?"
          r"(?:the|my)\s+(?:knives|sharp things|scissors|blades)\b[^.!?]{0,40}\bbecause\s+of\s+"
          r"(?:the\s+|my\s+)?(?:thoughts|images|urges|what i)"),
    _rule("harm_baby", "abandon_baby",
          r"\b(?:leaving|leave|left|abandon\w*|dump\w*)\s+@BABY\s+(?:@GAP){0,3}?(?:and\s+"
          r"(?:just\s+)?(?:walk|walking|run|running|drive|driving)\s+(?:away|off)|on (?:a|someones)"
          r" doorstep)"
          r"|\b(?:shut|lock|locking|shutting)\s+@BABY\s+in\s+(?:a|the|his|her)\s+(?:room|cupboard"
          r"|car)\s+and\s+(?:leave|walk|go)"),
    _rule("harm_baby", "baby_in_the_oven",
          r"\b(?:put|putting|throw|throwing|threw|drop|dropping)\s+@BABY\s+in(?:to)?\s+(?:the\s+)?"
          r"(?:oven|washing machine|freezer|fridge|bin|microwave|fire|river|canal|sea"
          r"|tumble dryer)"),
    _rule("harm_baby", "holding_baby_under_water",
          r"\b(?:hold|holding|held|push|pushing|pushed|put|putting)\s+@BABY\s+under\s+"
          r"(?:the\s+)?(?:water|bath|bathwater)"),
    _rule("harm_baby", "pillow_over_face",
          r"\b(?:pillow|blanket|hand|hands|cushion|duvet)\s+(?:over|on|onto)\s+(?:her|his|the babys"
          r"|my babys|its|their|the little ones)\s+(?:face|mouth|nose|head)"),
    _rule("harm_baby", "i_harmed_the_baby",
          r"\bi\s+(?:have\s+|ve\s+|just\s+|actually\s+|did\s+|nearly\s+|almost\s+)?(?:hit|slapped"
          r"|smacked|shook|shaken|hurt|harmed|punched|kicked|squeezed|threw|dropped|smothered"
          r"|suffocated|choked|strangled|shoved|pushed|bit|pinched)\s+@BABYNOUN",
          unless_after=r"@BABYCARE"),
    _rule("harm_baby", "i_shook_or_hit_him",
          r"\b(?:i|nearly|almost)\s+(?:have\s+|just\s+|nearly\s+|almost\s+)?(?:hit|slapped"
          r"|smacked|shook|punched|kicked|smothered|suffocated|choked|strangled)\s+(?:him|her"
          r"|them)\b"
          r"|\b(?:and|then)\s+(?:then\s+)?(?:shook|slapped|smacked)\s+(?:him|her)\b"
          r"|\bi\s+(?:just\s+)?(?:slapped|smacked|hit|pinched|whacked)\s+(?:his|her)\s+(?:leg|legs"
          r"|arm|arms|hand|hands|bottom|bum|face|head)\b",
          unless_after=r"\s+(?:back|up|awake|off|hand\s+(?:away|off|out)|away from)"),
    _rule("harm_baby", "dont_trust_myself_with_baby",
          r"\b(?:dont|cant|never|no longer)\s+trust\s+@MYSELF\s+(?:@GAP){0,2}?(?:with|around"
          r"|near|alone with)\s+@BABY"),
    _rule("harm_baby", "dont_trust_myself_not_to",
          r"\b(?:dont|cant|never|no longer)\s+trust\s+@MYSELF\s+not\s+to\s+@HARM"),
    _rule("harm_baby", "rough_with_baby",
          r"\b(?:i|ive|im|i was|i get|i got|i have been|ive been)\s+(?:@FGAP){0,2}?rough\s+with\s+"
          r"@BABY"),
    _rule("harm_baby", "not_safe_with_baby",
          r"\b(?:dont|do not|not|never)\s+(?:feel\s+)?safe\s+(?:@GAP){0,4}?(?:with|around"
          r"|near)\s+@BABYNOUN"
          r"|\b@BABYNOUN\s+(?:isnt|is not|wouldnt be|is never)\s+safe\s+with\s+me\b"
          r"|\b(?:keep|keeping)\s+@BABY\s+safe\s+from\s+me\b"
          r"|\b@BABYNOUN\s+(?:@GAP){0,2}?safe\s+from\s+me\b"
          r"|\b(?:dont think|not sure|doubt|dont know if|wonder if|dont feel)\s+(?:that\s+)?"
          r"@BABYNOUN\s+(?:is|s|would be|will be|will ever be|can be|could be)\s+safe\s+(?:with"
          r"|around|near)\s+me\b",
          unless_before=_THEY_THINK, negatable=False),
    _rule("harm_baby", "scared_alone_with_baby",
          r"\b(?:scared|afraid|frightened|terrified|worried|petrified)\s+(?:to be|of being)\s+"
          r"(?:left\s+)?(?:alone|on my own)\s+with\s+@BABY",
          unless_after=r"\s*(?:@GAP){0,2}?(?:because|as|cos)\s+i\s+(?:dont|do not|have no|havent"
          r"|got no)\s+(?:know|idea|a clue|clue)\b"),
    _rule("harm_baby", "scared_what_i_might_do",
          r"\b(?:scared|afraid|frightened|terrified|worried|petrified)\s+(?:of\s+)?what\s+"
          r"(?:i|id|ill)\s+(?:might|could|would|will|may)?\s*do\b(?!\s+to\s+myself)"),
    _rule("harm_baby", "baby_better_off_dead",
          r"\b@BABYNOUN\s+(?:would|will|d|is|might)?\s*(?:be\s+)?better\s+off\s+dead"),
    _rule("harm_baby", "danger_to_baby",
          r"\b(?:im|i am|i could be|i might be|i feel like im|feel like im|im going to be)\s+"
          r"(?:a\s+)?danger\s+to\s+@BABY", unless_before=_THEY_THINK),
    _rule("harm_baby", "dont_want_to_hurt_baby",
          r"\b(?:dont|do not)\s+want\s+to\s+(?:hurt|harm)\s+@BABYNOUN", negatable=False),
    _rule("harm_baby", "nearly_harmed_baby",
          r"\b(?:nearly|almost)\s+(?:shook|hit|slapped|smothered|dropped|threw|hurt)\s+@BABY"),
    _rule("harm_baby", "in_case_i_do_something",
          r"\b(?:in case|incase|because|cos|in fear|fear|scared|afraid|frightened|terrified"
          r"|worried|worry|what if|dont know what)\s+(?:that\s+)?(?:i|ill|id|i might|i could"
          r"|i would|i will|im going to)\s+(?:@FGAP)?(?:do|did)\s+(?:something|anything)\b"
          r"(?!\s+(?:wrong|right|silly with|by mistake|about it|else|for|with|on the|in the"
          r"|to help|useful|nice|fun|embarrassing|like that|daft at|in front))"),
    _rule("harm_baby", "losing_control_with_baby",
          r"\b(?:lose|losing|lost)\s+control\s+(?:of\s+myself\s+)?(?:with|around|and hurt|and"
          r" harm|near)\s+@BABY"),
    _rule("harm_baby", "cant_be_alone_with_baby",
          r"\b(?:cant|cannot|couldnt|dont want to|shouldnt|mustnt|not allowed to|scared to"
          r"|afraid to|frightened to|terrified to|too scared to|dont trust myself to|daren?t)\s+"
          r"be\s+(?:left\s+)?(?:alone|on my own|by myself|on our own)\s+with\s+@BABY"
          r"|\b(?:dont|cant|do not|no longer)\s+trust\s+what\s+(?:id|i would|i might|ill|i will"
          r"|i could|i may)\s+do\b",
          unless_after=r"\s*(?:@GAP){0,3}?(?:all day|for long|for hours|every day|yet\b"
          r"|(?:because|as|cos)\s+i\s+(?:dont|do not|have no)\s+(?:know|idea|a clue)|lol|haha)"),
    _rule("harm_baby", "frightened_of_myself",
          r"\b(?:scared|afraid|frightened|terrified|petrified|wary)\s+of\s+myself\b"
          r"(?!\s+(?:in the mirror|in photos|on camera|when i (?:sing|dance)))"
          r"|\b(?:scared|afraid|frightened|terrified|petrified|wary)\s+of\s+me\s+"
          r"(?:@GAP){0,2}?(?:around|with|near|when im with|when i am with)\s+@BABY"),
    _rule("harm_baby", "too_rough_with_baby",
          r"\b(?:put|putting|plonked|dumped|threw|chucked|grabbed|grabbing|held|holding|squeezed"
          r"|squeezing|gripped|gripping|pulled|yanked|handled|handling|shook|shaking|rocked|rocking"
          r"|picked|lifted|changed|changing|dressed|wiped)\s+"
          r"(?:@BABY|(?:her|his|the babys|my babys)\s+(?:arm|arms|leg|legs|hand|hands|wrist|head"
          r"|face|neck))\s+(?:@GAP){0,4}?(?:way\s+|far\s+)?(?:too|so|really|very)\s+(?:hard"
          r"|roughly|rough|aggressively|violently)\b"
          r"|\b(?:shake|shaking|shook|smack|smacking|hit|hitting|squeeze|squeezing)\s+@BABY\s+"
          r"(?:until|till|to make)\s+(?:he|she|they|it)\s+(?:stops|stop|shuts? up|is quiet"
          r"|goes quiet|sleeps|goes to sleep)"),
    _rule("harm_baby", "holding_baby_under",
          r"\b(?:hold|holding|held|push|pushing|pushed|keep|keeping|kept)\s+@BABY\s+under\b"
          r"(?!\s+(?:(?:his|her|the|their)\s+)?(?:arms?|armpits?|chin|bum|bottom|shoulders?"
          r"|tummy|head|legs|blanket|covers|duvet|tap|shower|light|lamp|mobile|play ?gym|arch"
          r"|a blanket|a towel|the towel))"),
    _rule("harm_baby", "intrusive_pictures_of_baby",
          r"\b(?:horrible|awful|scary|terrible|dark|intrusive|disturbing|sick|evil|bad|unwanted"
          r"|violent|graphic|frightening|weird|nasty|horrific|gruesome)\s+(?:@GAP)?(?:thoughts?"
          r"|pictures?|images?|visions?|flashes|ideas?|urges?|scenes?|daydreams?)\s+"
          r"(?:@GAP){0,3}?(?:of|about|where|that|in which|involving|with|when)\s+(?:@GAP){0,8}?"
          r"@BABY"
          r"|\bintrusive\s+(?:thoughts?|images?|urges?|pictures?)\b", others=True,
          unless_before=r"\b(?:read|heard|learned|learnt|know|seen|saw)\s+(?:that|about)\s+$",
          unless_after=r"\s+(?:are|is)\s+(?:really\s+|very\s+|so\s+|quite\s+)?(?:common|normal)"),
    _rule("harm_baby", "pram_into_danger",
          r"\b(?:let|letting)\s+go\s+of\s+(?:the|her|his|my)\s+(?:pram|buggy|pushchair)"
          r"|\b(?:push|pushing|pushed|roll|rolling|shove|shoving)\s+(?:the|her|his|my)\s+(?:pram"
          r"|buggy|pushchair)\s+(?:into|in front of|onto|off|down)\s+(?:the\s+|a\s+)?(?:road"
          r"|traffic|river|canal|stairs|cliff|bus|car|lorry|edge)"),
    # ---------------------------------------------------------------- psychosis -----------
    _rule("psychosis", "hearing_voices",
          r"\b(?:hear|hearing|heard|hears)\s+(?:@GAP)?(?:voices?|whispers|whispering)\b",
          others=True,
          unless_after=r"\s+of\s+(?:the|other|my|her|his|their)|(?:(?!nobody|nothing|not there"
          r"|arent|isnt)[^.!?]){0,40}?(?:turned out|turns out|picking up"
          r"|it was (?:just )?(?:my|the)|from next door"
          r"|from the (?:tv|telly|radio|street|neighbours))"),
    _rule("psychosis", "hearing_things",
          r"\b(?:hear|hearing|heard)\s+things\b(?!\s+(?:about|from|on|like|at|in the))"
          r"|\b(?:hear|hearing|heard|hears)\s+(?:someone|somebody|people|a man|a woman"
          r"|a child|a baby)\s+(?:@GAP){0,1}?(?:talking|speaking|calling|whispering|saying"
          r"|shouting|telling)\b(?:@GAP|\s)*?(?:(?:when|but|and)\s+(?:nobody|nobodys|nothing"
          r"|there is nobody|theres nobody|no ones|nobodies)|to me|my name|me to)",
          others=True,
          unless_before=r"\b(?:good|great|bad|lovely|nice|mixed|amazing|horror)\s+$"),
    _rule("psychosis", "the_voices",
          r"\b(?:the|these|a|this)\s+voices?\s+(?:say|said|says|tell|told|tells|telling|keep"
          r"|keeps|in my head|inside my head|are telling|is telling|wont|want|wants|are back"
          r"|are getting)"
          r"|\bvoices?\s+in(?:side)?\s+my\s+head",
          unless_before=r"\b(?:mums|mothers|dads|fathers|nans|grans|partners|husbands|his|her"
          r"|teachers|my own|own|inner|critical)\s+$"),
    _rule("psychosis", "seeing_things",
          r"\b(?:see|seeing|saw|seen|sees)\s+(?:@GAP)?(?:things|people|shadows|faces|figures"
          r"|someone|somebody|stuff|bugs|insects|spiders|animals|lights|a man|a woman)\s+"
          r"(?:@GAP){0,3}?(?:that|which|who|nobody|others|other people|no|when nobody|nobody else)"
          r"\b(?:\s+@GAP{0,3}?)?\s*(?:arent|isnt|wasnt|werent|cant|dont|didnt|else|there|not"
          r"|is there|can see|sees|saw|see)"
          r"|\b(?:im|i am|i keep|been|keep|started)\s+seeing\s+things\b"
          r"|\b(?:see|seeing|saw|seen)\s+(?:@GAP)?(?:little|tiny|small|strange|shadowy|dark|tall)?"
          r"\s*(?:people|men|women|figures|faces|children|kids|animals|creatures|a man|a woman)\s+"
          r"(?:in|at)\s+the\s+(?:corner of the room|corner|end of the bed|shadows|wardrobe|cot"
          r"|foot of the bed|dark)\b"
          r"|\b(?:hear|hearing|heard|see|seeing|saw)\s+my\s+(?:dead|late)\s+\w+\s+(?:talking"
          r"|speaking|calling|telling|standing|sitting)"
          r"|\bseeing\s+things\s*(?:$|[.!?,;])"
          r"|\bhallucinat\w+", others=True,
          unless_before=r"\b(?:thought|swore|swear)\s+i\s+(?:was|must be|must have been)\s+$"
          r"|\bis\s+(?:that|it|this)\s+(?:a|an)?\s*$",
          unless_after=r"\s*(?:@GAP){0,2}?(?:lol|haha\w*|lmao)\b"),
    _rule("psychosis", "seeing_things_in_walls",
          r"\b(?:see|seeing|saw|seen)\s+(?:@GAP)?(?:faces|figures|shadows|people|bugs|insects"
          r"|spiders|eyes|things|snakes|blood)\s+(?:in|on|coming out of|crawling on)\s+"
          r"(?:the\s+)?(?:walls?|ceiling|floor|curtains|dark|wallpaper|carpet|mirror)",
          others=True),
    _rule("psychosis", "telepathy",
          r"\btelepath\w*|\bcan\s+see\s+auras\b", others=True),
    _rule("psychosis", "plots_and_possession",
          r"\b(?:plotting|conspiring|scheming|ganging up)\s+against\s+(?:me|us)\b"
          r"|\bout\s+to\s+get\s+me\b"
          r"|\b(?:the baby|baby|everyone|they|he|she|my partner)\s+(?:is|are|s)\s+(?:all\s+)?part"
          r"\s+of\s+(?:it|the plan|the plot|this)\b"
          r"|\b(?:everyone|everyones|they|people|the baby|my partner|my family|theyre)\s+"
          r"(?:is\s+|are\s+|s\s+)?(?:all\s+)?in\s+on\s+it\b"
          r"|\b(?:devil|demon|satan|evil|evil spirit)\s+(?:@GAP)?(?:is\s+)?(?:in|inside|possessing"
          r"|has taken)\s+(?:my|the|her|him)\b"
          r"|\b(?:mission|message|gift|sign|signs|messenger|messengers)\s+(?:from|of)\s+god\b"
          r"|\bpunished\s+by\s+god\b"
          r"|\b(?:i feel|im|feel|feeling|i am)\s+(?:totally\s+|completely\s+)?invincible\b"
          r"|\bthoughts\s+(?:dont|arent|are not)\s+(?:feel\s+like\s+)?(?:mine|my own)\b"
          r"|\bnot\s+my\s+own\s+thoughts\b"
          r"|\b(?:mind|thoughts|body|head)\s+(?:isnt|arent|is not|doesnt feel|dont feel)\s+"
          r"(?:like\s+)?(?:mine|my own)\b"
          r"|\b(?:hidden|secret)\s+(?:meanings?|messages?|signs?|codes?)\b"
          r"|\bnobody\s+else\s+(?:can\s+)?(?:hears?|sees?|heard|saw|notices|can hear|can see)"
          r"|\b(?:seeing|see|saw)\s+(?:@GAP)?(?:shadows|figures|faces|shapes)\s+(?:moving|in the"
          r" corner|out of the corner|that move)"
          r"|\b(?:thoughts|mind|brain|head)\s+(?:are\s+|is\s+|keep\s+|keeps\s+)?(?:going|moving"
          r"|running)\s+(?:so|too|really)\s+fast\s+(?:@GAP){0,2}?(?:i\s+)?(?:cant|cannot)\s+"
          r"(?:keep up|follow|think|finish)"
          r"|\b(?:thoughts|mind|brain)\s+(?:are\s+|is\s+|keep\s+|keeps\s+)?racing\s+(?:so fast"
          r"|too fast|and i cant|i cant keep up)"
          r"|\bcant\s+keep\s+up\s+with\s+my\s+(?:own\s+)?(?:thoughts|mind|brain)"
          r"|\b(?:say|says|said|think|thinks|tell me|telling me)\s+(?:@GAP)?(?:im|i am|i was"
          r"|ive been)"
          r"\s+(?:acting|behaving|being)\s+(?:really\s+|very\s+)?(?:weird|strange|odd|bizarre"
          r"|out of character|not like myself)"
          r"|\b(?:say|says|said|think|thinks|tell me|telling me|told me)\s+(?:that\s+)?(?:im|i am"
          r"|i was|ive been)\s+(?:not making (?:any )?sense|making no sense|talking (?:rubbish"
          r"|nonsense|gibberish))"
          r"|\b(?:im|i am|i was|i keep|ive been)\s+talking\s+(?:nonsense|gibberish)"
          r"|\bonly\s+i\s+(?:know|can see|can hear|can save|understand)\b"
          r"|\b@BABYNOUN\s+(?:is\s+|s\s+)?(?:trying to\s+)?(?:control|controlling|controls)\s+"
          r"(?:me|my)\b"
          r"|\b(?:talk|talking|talks|speak|speaking|speaks)\s+to\s+me\s+in\s+my\s+head"
          r"|\b(?:talking|talk|talks|speaking)\s+about\s+me\s+on\s+(?:the\s+)?(?:radio|tv|telly"
          r"|news|television)"
          r"|\b(?:tv|telly|radio|phone|they|people|everyone|the baby|baby|strangers)\s+"
          r"(?:knows?|can tell|can hear)\s+what\s+(?:im|i am)\s+thinking"
          r"|\b(?:strangers|people|everyone|everybody)\s+(?:@GAP){0,4}?(?:know|knows|can tell"
          r"|can hear|can read)\s+what\s+(?:im|i am)\s+thinking"
          r"|\b(?:people|someone|somebody|things|voices|faces|figures|bugs|insects|spiders)\s+"
          r"(?:@GAP){0,4}?(?:who|that|which)\s+(?:arent|isnt|wasnt|werent)\s+(?:really\s+)?"
          r"(?:there|real)\b"
          r"|\b(?:watching|watch|watches)\s+(?:the|my|our)\s+(?:house|flat|home)\b"
          r"(?![^.!?]{0,30}\b(?:while|when) (?:were|we are|im|i am) away)"
          r"|\b(?:isnt|is not)\s+really\s+(?:my\s+)?(?:husband|partner|baby|mum|son|daughter)\b"),
    _rule("psychosis", "hear_my_thoughts",
          r"\b(?:can|could|are able to)\s+(?:hear|read)\s+my\s+(?:thoughts|mind)"
          r"|\b(?:baby|he|she)\s+(?:is\s+|s\s+|keeps\s+)?(?:talking|speaking)\s+to\s+me\s+"
          r"(?:in words"
          r"|in my head|in sentences|telepathically|and telling me)"
          r"|\bknow\s+things\s+(?:that\s+)?(?:nobody|other people|others)\s+(?:else\s+)?(?:knows?"
          r"|dont)"
          r"|\b(?:ive|i have|i was|ive been|i am|im)\s+(?:been\s+)?chosen\b"
          r"(?!\s+(?:for|as|to|by the))"
          r"|\b(?:it|that|this)\s*(?:isnt|is not|s not|aint)\s+(?:really\s+)?(?:him|her|my baby"
          r"|my son|my daughter|my husband|my partner)\b(?!\s+(?:fault|problem|thing|job|style"
          r"|favourite|cup))"
          r"|\b(?:food|drink|water|milk|formula|tea|coffee|bottle|drinks)\s+(?:is|s|has been|was"
          r"|are|being)\s+(?:poisoned|drugged|tampered with)"
          r"|\b(?:see|saw|seeing|seen|hear|heard|hearing)\s+(?:@GAP){1,6}?(?:but|and)\s+"
          r"(?:there was\s+|there is\s+|theres\s+)?(?:nobody|nothing)\s+(?:was\s+|is\s+)?"
          r"(?:there|here|in the room|talking)"
          r"|\b(?:tv|telly|presenters?|newsreader|people on (?:the )?(?:tv|telly))\s+(?:@GAP){0,3}?"
          r"(?:looking|staring)\s+(?:at\s+)?me\b"),
    _rule("psychosis", "devices_watching_me",
          r"\b(?:microwave|tv|telly|phone|alexa|smart speaker|fridge|walls|cameras?|computer"
          r"|laptop|radio|wifi|government|police|aliens|devices?|house|baby monitor|lights)\s+"
          r"(?:is\s+|are\s+|s\s+|keeps?\s+)?(?:listening to|watching|recording|spying on|tracking"
          r"|monitoring|reading|talking to|controlling)\s+(?:me|us|my)\b"),
    _rule("psychosis", "switched_my_baby",
          r"\b(?:switched|swapped|replaced)\s+(?:my|the|our)\s+(?:baby|son|daughter)"
          r"\b(?!\s+(?:to|onto|over|on to|off|out|for (?:a|his|her) (?:nap|feed|bath)|into|round"
          r"|home|in\b(?!\s+(?:the\s+)?hospital)|cot|nappy|bottle|formula|milk|room|car seat"
          r"|pram|buggy))"),
    _rule("psychosis", "messages_from_tv",
          r"\b(?:tv|telly|television|radio|news|newsreader|presenters?|songs?|adverts?|ads"
          r"|number plates|signs|billboards|the stars|everything|the universe|the world|numbers"
          r"|birds|clouds|strangers)\s+(?:@GAP){0,3}?(?:sending|sends|sent"
          r"|giving|gives|has|have|contains?|are|is)\s+(?:me\s+)?(?:@GAP)?(?:messages?|signs?"
          r"|signals|clues|codes?)\b"
          r"|\b(?:messages?|signs?|signals|codes?)\s+(?:@GAP)?(?:from|in|on|through)\s+"
          r"(?:the\s+)?(?:tv|telly|television|radio|news|songs?|adverts?|number plates)"
          r"|\b(?:tv|telly|television|radio|news|presenters?|newsreader|songs?|adverts?)\s+"
          r"(?:@GAP){0,6}?(?:talking|talks|speaking|speaks|are about|is about)\s+"
          r"(?:directly\s+|straight\s+)?(?:about|to)?\s*me\b"
          r"|\b(?:messages?|signs?|signals)\s+(?:meant\s+)?(?:for|to)\s+me\b"),
    _rule("psychosis", "baby_swapped_or_replaced",
          r"\b(?:@BABYNOUN|she|he|hes|shes|husband|partner|my mum|my family|they|everyone)\s+"
          r"(?:@GAP){0,2}?(?:has been|have been|was|were|got|been|is|s been|being)\s+"
          r"(?:secretly\s+)?"
          r"(?:swapped|switched|replaced|changed for|taken and replaced)"
          r"|\breplaced\s+(?:by|with)\s+(?:an?\s+)?(?:impost[eo]r|someone|somebody|fake|double"
          r"|robot|clone|lookalike)"
          r"|\b(?:baby|husband|partner|he|she|hes|shes)\s+(?:is\s+|s\s+)?(?:an?\s+)?"
          r"(?:impost[eo]r|fake|clone|robot|alien)\b"
          r"|\bnot\s+(?:my|the)\s+real\s+(?:baby|husband|partner|mum|son|daughter)"
          r"|\b(?:isnt|is not|not|aint)\s+(?:really\s+)?my\s+(?:real\s+)?baby\b"
          r"|\b(?:baby|he|she|son|daughter)\s+(?:isnt|is not|aint)\s+(?:really\s+)?mine\b"),
    _rule("psychosis", "baby_is_evil",
          r"\b(?:@BABYNOUN|he|she|it)\s+(?:is|s|was|might be|could be|seems|must be)\s+"
          r"(?:@GAP)?(?:evil|the devil|a devil|the antichrist|possessed|a demon|demonic|not human"
          r"|cursed|satan)\b"
          r"|\b(?:hes|shes)\s+(?:@GAP)?(?:evil|the devil|the antichrist|possessed|a demon"
          r"|demonic|not human|cursed)\b"
          r"|\b(?:@BABYNOUN|he|she|it)\s+isnt\s+(?:really\s+)?(?:human|a real baby)\b",
          unless_before=r"\blittle\s+$", others=True,
          unless_after=r"\s+(?:at\s+(?:night|bedtime|\d|three|four|two)|when|in the (?:night|car)"
          r"|lol|haha|sometimes|today|tonight)"),
    _rule("psychosis", "being_watched",
          r"\b(?:being|been|am being|im being|are being)\s+(?:watched|followed|spied on|poisoned"
          r"|listened to|tracked|bugged)\b(?!\s+up)", others=True),
    _rule("psychosis", "persecuted_or_poisoned",
          r"\b(?:someone|someones|somebody|somebodys|people|they|theyre|the neighbours"
          r"|neighbours|strangers|the government|the police|men|cameras|everyone|everyones)\s+"
          r"(?:@GAP){0,2}?(?:watching|following|spying on|poisoning|recording|filming|tracking"
          r"|listening to|bugging|after)\s+(?:me|us)\b(?!\s*(?:@GAP){0,3}?(?:at|in|when|while)\s+"
          r"(?:@GAP){0,2}?(?:group|school|gate|public|park|shops|clinic|feed|feeding|church|work"
          r"|the class))(?![^.!?]{0,40}judg)"
          r"|\b(?:trying\s+to|wants?\s+to|going\s+to|want\s+to)\s+poison\s+(?:me|us|the baby"
          r"|my|our)"
          r"|\b(?:poisoning|poisoned|poisons)\s+(?:me|us|my|the baby|our)\b"
          r"|\b(?:cameras?|microphones?|bugs|trackers?)\s+(?:@GAP){0,3}?(?:watching|in the"
          r"|in my|on me|listening|in our|hidden)"
          r"|\b(?:house|flat|phone|room)\s+(?:is|s|has been)\s+bugged",
          unless_before=r"\b(?:food|with)\s+$"),
    _rule("psychosis", "not_slept_for_days",
          r"\b(?:havent|hasnt|not|no|cant|couldnt|unable to|not been able to|without)\s+"
          r"(?:been\s+able\s+to\s+|been\s+)?(?:slept|sleep|sleeping|had any sleep|had a wink"
          r"|had a minute of sleep)"
          r"\s+(?:at all\s+)?(?:for|in)\s+(?:(?:\d+|two|three|four|five|six|seven|a few|few"
          r"|several|many|multiple|over \d+|about \d+|like \d+|nearly \d+)\s+)?(?:days|nights)"
          r"|\b(?:havent|hasnt|not)\s+(?:slept|had any sleep)\s+(?:at all\s+)?since\s+"
          r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|the weekend|last week"
          r"|the day before)"
          r"|\b(?:awake|up)\s+(?:for\s+)?(?:\d{2,}|forty eight|seventy two)\s+hours"
          r"|\b(?:\d+|two|three|four|five|six|several|a few)\s+(?:days|nights)\s+(?:without|with"
          r"\s+no)\s+(?:any\s+)?sleep"
          r"|\b(?:dont|do not|no longer)\s+(?:even\s+)?(?:need|feel the need (?:to|for))\s+"
          r"(?:any\s+)?sleep"
          r"|\b(?:not|havent|cant|couldnt|isnt|hasnt)\s+(?:been\s+)?(?:sleeping|slept|sleep)\s+"
          r"at\s+all\b", others=True,
          unless_before=r"\b(?:@BABYNOUN|baby|he|she|hes|shes|they|theyre|it)\s+(?:@GAP){0,2}?$"),
    _rule("psychosis", "not_real",
          r"\b(?:i|im|i am|i feel|i feel like|feel like|feels like|feeling like)\s+"
          r"(?:im\s+|i am\s+)?(?:not real|unreal|not really here|not in my body|not really"
          r" there|fake)\b"
          r"|\bnothing\s+(?:feels|seems|is|looks)\s+real\b"
          r"|\bnone\s+of\s+(?:this|it)\s+(?:feels|seems|is)\s+real\b"
          r"|\b(?:feels?|looks?|seems?|everything\s+is)\s+(?:@GAP){0,2}?unreal\b"
          r"(?!\s+(?:that|she|he|shes|hes|how|to|im a|being|lol|haha))"
          r"|\b(?:everything|the world|it all|everyone)\s+(?:feels|seems|looks|is)\s+(?:fake"
          r"|unreal|like a dream|like a film|acting)\b"
          r"|\b(?:i\s+)?dont\s+feel\s+real\b"
          r"|\b(?:watching|watch|see|seeing)\s+myself\s+from\s+(?:the\s+)?outside"
          r"|\boutside\s+(?:of\s+)?my\s+body|\bout\s+of\s+my\s+body"
          r"|\b(?:im|i am|feel like im|living)\s+in\s+a\s+(?:dream|film|movie|simulation"
          r"|video game)\b",
          unless_after=r"[^.!?]{0,40}(?:perfect|so happy|so lucky|in a good way|amazing|magical"
          r"|magic|blessed|love (?:her|him|it|them))"),
    _rule("psychosis", "not_myself",
          r"\b(?:dont|didnt|not)\s+feel\s+like\s+(?:myself|me|my normal self)\b"
          r"|\bfeel\s+like\s+(?:someone|somebody)\s+else\b|\b(?:im|i am)\s+(?:someone|somebody)"
          r"\s+else\b"
          r"|\b(?:im|i am|been|feel|feeling|just)\s+(?:just\s+|really\s+)?not\s+(?:myself"
          r"|me)\b"
          r"|\bunlike\s+(?:myself|me)\b|\bnot\s+(?:myself|me)\s+anymore\b",
          unless_after=r"\s+(?:without|until|before)\s+(?:my\s+|a\s+)?(?:morning\s+)?(?:coffee|tea"
          r"|cuppa|caffeine|brew|nap|sleep|shower)|\s*(?:today|this morning|this afternoon|tonight"
          r"|at the moment)?\s*,?\s*(?:sorry|soz|apologies|lol|haha)", negatable=False),
    _rule("psychosis", "thoughts_controlled",
          r"\b(?:someone|something|somebody|they|he|god|the devil|people)\s+(?:is\s+|s\s+|are\s+)?"
          r"(?:putting|puts|put|controlling|controls|reading|reads|stealing|inserting)\s+"
          r"(?:thoughts\s+(?:in|into)\s+my\s+(?:head|mind)|my\s+(?:thoughts|mind|brain))"
          r"|\b(?:putting|puts|put|inserting|planting)\s+thoughts\s+(?:in|into)\s+my\s+(?:head|mind"
          r"|brain)"
          r"|\bhear\w*\s+my\s+name\s+(?:being\s+)?(?:called|said|whispered|shouted)"
          r"|\bthoughts?\s+(?:are\s+|is\s+)?(?:being\s+)?(?:put|inserted|broadcast|stolen"
          r"|controlled)\b"
          r"|\b(?:can\s+)?read\s+(?:peoples|other peoples|everyones|their)\s+minds?"
          r"|\b(?:god|jesus|the universe|angels?|the devil|satan|spirits?)\s+(?:@GAP)?"
          r"(?:is\s+|are\s+|s\s+|has been\s+|keeps\s+)?(?:telling|talking to|speaking to|speaks to"
          r"|talks to|sending|chose|chosen|told|tells|wants me)\b"
          r"|\bspecial\s+(?:mission|powers?|purpose)"
          r"|\b(?:i have|ive got|i got|given me)\s+(?:@GAP)?powers\b|\bchosen one\b"
          r"|\b(?:im|i am)\s+(?:the\s+)?(?:messiah|prophet|chosen)\b"),
    _rule("psychosis", "psychosis_in_me",
          r"\b(?:i|im|i might|i may|i could|i think i|do i|could i|worried i|scared i|am i)\s+"
          r"(?:@GAP){0,3}?(?:have|having|got|getting|developing|be|going)\s+(?:@GAP)?"
          r"(?:(?:post ?partum|post ?natal|puerperal)\s+)?(?:psychosis|psychotic)\b"
          r"|\b(?:im|i am|feel|feeling|going|been)\s+(?:@FGAP)?psychotic\b"),
    _rule("psychosis", "baby_talking_to_me",
          r"\b(?:cries|crying|cry|babbling|noises|gurgles|gurgling)\s+(?:@GAP){0,2}?(?:sounds?"
          r"|sounded|are|is)\s+like\s+(?:words|talking|speech|someone talking|a voice|voices"
          r"|messages|sentences)"
          r"|\b(?:baby|babys|she|he|hes|shes)\s+(?:is\s+|s\s+|keeps\s+)?(?:telling|talking to"
          r"|speaking to|sending)\s+me\s+(?:things|secrets|messages|signs|to do things)\b"),
    _rule("psychosis", "sounds_in_silence",
          r"\b(?:hear|hearing|heard)\s+(?:@GAP){0,4}?(?:music|singing|voices|talking|whispering"
          r"|someone|people|noises|knocking|footsteps|a baby|crying|my name)\b[^.!?]{0,50}"
          r"\b(?:when|while|but|and|even though)\s+(?:the\s+)?(?:house|flat|room|it|its|everything"
          r"|everyone|everybody)\s+(?:is\s+|s\s+|was\s+)?(?:silent|quiet|empty|asleep)\b",
          others=True),
    _rule("psychosis", "things_in_the_walls",
          r"\b(?:people|someone|somebody|voices|things|faces|eyes|creatures|spirits|men)\s+"
          r"(?:@GAP)?(?:in|inside|behind|coming out of)\s+the\s+(?:walls?|ceiling|floorboards)\b"
          r"|\b(?:curtains|walls?|wallpaper|ceiling|carpet|shadows|shapes|patterns|pictures"
          r"|photos|clouds|mirror)\b[^.!?]{0,40}\b(?:breath\w*|melt\w*|make faces|making faces"
          r"|pull\w* faces|staring at me|watching me|looking at me|talking to me)\b",
          unless_after=r"\s*(?:@GAP){0,3}?(?:mice|a mouse|rats?|pipes|damp|squirrels?|birds)"),
    _rule("psychosis", "name_whispered",
          r"\bwhisper\w*\s+my\s+name\b"
          r"|\b(?:calling|calls|called|saying|says|said|shouting)\s+my\s+name\b[^.!?]{0,60}"
          r"\b(?:alone|nobody|nobodys|on my own|empty|asleep)\b"),
    _rule("psychosis", "senses_nobody_else_shares",
          r"\b(?:hear|hearing|heard|see|seeing|saw|seen|smell|smelling|smelt|smelled|taste"
          r"|tasting)\b[^.!?]{0,80}\b(?:nobody|none of them|my (?:partner|husband|boyfriend|mum)"
          r"|he|she|they)\s+(?:else\s+)?(?:cant|can not|doesnt|dont|couldnt|didnt|never)\s+"
          r"(?:hear|see|smell|notice|taste)\b"
          r"|\b(?:hear|hearing|heard|see|seeing|saw|seen|smell|smelling|smelt|smelled|taste"
          r"|tasting)\b[^.!?]{0,80}\bnobody\s+else\s+(?:can|does|could|did|is|seems)\b"
          r"|\b(?:see|seeing|saw|seen)\b[^.!?]{0,80}\b(?:but|and)\s+(?:then\s+)?(?:they|it)\s+"
          r"(?:disappear|disappears|vanish|vanishes|arent there|isnt there)\b"
          r"|\b(?:hear|hearing|heard|see|seeing|saw|seen)\b[^.!?]{0,80}\b(?:but|and)\s+"
          r"(?:@GAP){0,4}?(?:theres|there is|there was|there were|nobodys)\s+(?:nobody|nothing"
          r"|nobody|no one)(?:\s+(?:there|here|in the room|around))?\b"
          r"|\b(?:hear|hearing|heard|can hear)\s+(?:people|them|voices|someone|somebody|the"
          r" neighbours|neighbours|men|women)\s+(?:@GAP)?(?:talking|whispering|laughing|plotting)"
          r"\s+about\s+me\s+(?:through|in|behind)\s+(?:the\s+)?(?:walls?|ceiling|floor|vents?)",
          others=True),
    _rule("psychosis", "cant_tell_whats_real",
          r"\b(?:cant|cannot|dont|do not|couldnt|struggling to|hard to|dont know how to)\s+"
          r"(?:tell|work out|know|figure out|separate)\s+(?:anymore\s+)?(?:what|whats|what is"
          r"|if|whether)\s+(?:is\s+|s\s+|its\s+)?(?:real|in my head)\b"
          r"(?!\s+(?:advice|information|info|news|or fake news))"),
    _rule("psychosis", "awake_for_nights",
          r"\bawake\s+for\s+(?:\d+|two|three|four|five|six|seven)\s+(?:whole\s+|full\s+)?"
          r"(?:days|nights)\b"
          r"|\b(?:up|awake|not slept|no sleep|havent slept|without sleep|without sleeping)\s+"
          r"(?:for\s+)?(?:\d+|two|three|four|five|six|seven)\s+(?:whole\s+|full\s+)?(?:days|nights)"
          r"\s+(?:straight|in a row|running|now)\b"
          r"|\b(?:cleaning|awake|wide awake|buzzing|running around|tidying|working|writing)\s+all"
          r"\s+night\b[^.!?]{0,60}\b(?:energy|dont need|not tired|no need|amazing|invincible)"
          r"|\b(?:energy|not tired|amazing|invincible)\b[^.!?]{0,60}\b(?:cleaning|awake|wide awake"
          r"|buzzing|running around|tidying|working|writing)\s+all\s+night\b",
          unless_after=r"\s*,?\s*(?:@GAP){0,4}?(?:with|because|cos|teething|feeds?|feeding|colic"
          r"|cluster|she|he|the baby)"),
    _rule("psychosis", "mind_taken_over",
          r"\b(?:brain|mind|head|thoughts)\s+(?:@GAP){0,3}?(?:taken over|been taken over|hijacked"
          r"|invaded|controlled|possessed)\b"
          r"|\b(?:taken over|controlled|possessed)\s+by\s+(?:something|someone|somebody"
          r"|an? (?:evil|spirit|demon|devil|alien)|the devil|evil|spirits?|aliens?|demons?)"
          r"|\bsomething\s+(?:is\s+|s\s+)?(?:very\s+|really\s+|seriously\s+|badly\s+)?wrong\s+"
          r"with\s+my\s+(?:head|mind|brain)\b"
          r"|\bsomething\s+(?:isnt|is not|s not|aint)\s+right\s+(?:in|with)\s+my\s+(?:head|mind"
          r"|brain)\b"
          r"|\b(?:forget|forgetting|forgot|dont know|didnt know|not knowing|cant remember)\s+where"
          r"\s+(?:i\s+am|im)\b(?!\s+(?:going|meant|supposed|up to|with|in|on))"),
    _rule("psychosis", "everyone_knows_about_me",
          r"\b(?:everyone|everybody|people|they|strangers)\s+(?:@GAP){0,4}?(?:looking|staring"
          r"|laughing|talking|whispering)\s+(?:at|about)\s+me\s+because\s+(?:they|everyone"
          r"|people)\s+(?:all\s+)?(?:know|can tell|found out)"
          r"|\b(?:everyone|everybody|people|they|strangers|the neighbours)\s+(?:all\s+)?"
          r"(?:knows?|can tell|found out)\s+what\s+(?:i|im)\s+(?:did|have done|ve done|done"
          r"|am thinking|think|thinking)\b"
          r"|\b(?:everyone|everybody|they|people|theyre|everyones)\s+(?:is\s+|are\s+|s\s+)?"
          r"(?:all\s+)?in\s+on\s+(?:something|this|the plan|a plan|a plot)\b"
          r"|\b(?:everyone|everybody|they|people|the staff|the doctors|the nurses)\s+(?:@GAP){1,4}?"
          r"(?:is|are|s)\s+(?:all\s+)?in\s+on\s+(?:it|something|this)\b"
          r"|\bin\s+on\s+(?:the|a)\s+(?:plan|plot|conspiracy)\b"
          r"|\b(?:convinced|certain|know|sure)\s+(?:that\s+)?(?:@GAP){1,4}?(?:is|are|s)\s+"
          r"(?:secretly\s+)?(?:in league with|plotting|conspiring|colluding|working with the"
          r" police)\b"),
    _rule("psychosis", "something_in_the_milk",
          r"\b(?:putting|put|puts|slipping|slipped|adding|added|spiking|spiked|lacing|laced)\s+"
          r"(?:something|stuff|things|drugs|poison|chemicals|medicine)\s+in(?:to)?\s+(?:my|the"
          r"|her|his|our)\s+(?:@GAP)?(?:milk|bottles?|food|drinks?|tea|water|formula)\b",
          unless_after=r"\s*(?:@GAP){0,3}?(?:to (?:thicken|help|settle)|for (?:reflux|colic"
          r"|wind))"),
    # ---------------------------------------------------------------- danger at home ------
    _rule("danger_at_home", "partner_violence",
          r"@SUBJ\s+(?:@FGAP){0,3}?(?:hits|hit|hitting|has hit|beats|beat|beating|beaten"
          r"|battered|batters|punched|punches|punching|kicked|kicks|kicking|slapped|slaps"
          r"|slapping|pushed|pushes|shoved|shoves|strangled|strangles|choked|chokes|throttled"
          r"|grabbed|grabs|dragged|drags|hurt|hurts|hurting|attacked|attacks|assaulted|raped"
          r"|rapes|bit|bites|spat|spits|headbutted|pinned|knocked|knocks|burnt|burned|threw"
          r"|throws|smacked|smacks|shook|shakes|rough with|strangling|choking|suffocated|punch"
          r"|kick|slap|push|shove|strangle|choke|grab|drag|attack|rape|headbutt|pin|smother"
          r"|suffocate|drown|stab|stabbed|smack|shake|throw|batter|beat up|beaten up)\s+"
          r"(?:me|us|@BABYNOUN|the kids|my kids)\b",
          unless_after=r"\s+(?:a|an|some)\s+(?:coffee|tea|cuppa|drink|takeaway|sandwich|snack"
          r"|blanket|towel|pillow|chocolate|bar|biscuit|glass|cup|bottle|bag|chair|plate)\b"
          r"|\s*(?:@GAP){0,3}?(?:during\s+(?:a|the|her|his)\s+(?:nappy|change|feed|bath"
          r"|cuddle)|(?:while|when)\s+(?:(?:he|she|they|it)\s+(?:was|is|s|were)\s+|@GAP)?(?:feeding"
          r"|teething"
          r"|breastfeeding|nursing|latching|latched|tired|little)|by accident|accidentally"
          r"|(?:just\s+)?(?:before|in time|as)\s+(?:she|he|it)\s+(?:@GAP)?(?:fell|rolled|slipped"
          r"|toppled|went)"
          r"|in (?:his|her) sleep|(?:@GAP){0,3}?(?:when i was (?:a kid|little|young|small|a child"
          r"|a teenager)|growing up))",
          unless_before=r"\b(?:story|news|article|programme|documentary|film|book|drama|soap"
          r"|show|podcast)\b[^.!?]{0,40}$"),
    _rule("danger_at_home", "reported_threat",
          r"\b(?:says|said|keeps saying|threatened|threatens|told me|tells me)\s+(?:that\s+)?"
          r"(?:hell|hed|he will|he would|shell|shed|theyll|theyd)\s+(?:@FGAP)?(?:kill|hurt|harm"
          r"|stab"
          r"|strangle|smother|drown|get rid of|burn|take|murder|beat|batter)\s+(?:me|us|the baby"
          r"|my baby|@BABYNOUN|the kids|him|her)\b"
          r"|\b(?:wont|refuses to|isnt going to|will not)\s+(?:give|bring)\s+(?:her|him|the baby"
          r"|my baby|them|the kids|my son|my daughter)\s+back\b",
          unless_after=r"\s*(?:@GAP){0,6}?(?:spend|spent|bill|money|forget|forgot|lost|keys|mess"
          r"|late|for a walk|out\b|to the park|until (?:after|the))"),
    _rule("danger_at_home", "physical_with_me",
          r"\b(?:gets|got|getting|been|was|is|goes)\s+(?:really\s+|very\s+)?physical\s+with\s+"
          r"(?:me|us|@BABYNOUN)"
          r"|\b(?:have|got|need|has)\s+to\s+ask\s+(?:him|@SUBJ)\s+(?:for|before i (?:spend|buy))\s+"
          r"(?:any\s+|some\s+)?(?:money|cash|permission)"
          r"|\bput\s+(?:his|her|their)\s+hands?\s+(?:on|round|around)\s+(?:me|my\s+(?:neck|throat))"
          r"|(?:@SUBJ|\bhe)\s+(?:@FGAP){0,2}?(?:grabbed|grabs|squeezed|squeezes|gripped|grips|held"
          r"|holds|had|choked|strangled|pulled|pulls)\s+(?:me\s+by\s+)?(?:my|the)\s+(?:neck"
          r"|throat|hair)\b"
          r"|\bask\s+(?:his\s+|him\s+for\s+)?permission\s+to\s+(?:go|leave|see|spend|buy)"
          r"|\b(?:scared|afraid|frightened|terrified|dread)\s+(?:when|of when|for when|until)\s+"
          r"(?:he|@SUBJ)\s+(?:comes|gets|is|has been)\s+(?:home|back|drunk|angry|drinking)"
          r"|\b(?:hell|he will|hed|he would|threatens to|threatened to|says hell)\s+kill\s+"
          r"himself\s+if\s+i"),
    _rule("danger_at_home", "threats",
          r"\b(?:threaten\w*)\s+(?:to\s+)?(?:@GAP){0,2}?(?:me|us|the baby|my baby|kill|hurt"
          r"|take|stab|burn|harm|leave me|throw|hit|@BABYNOUN)"
          r"|(?:@SUBJ\s+|\bhe\s*)(?:ll|will|would|d|s going to|is going to|going to"
          r"|threatened to|threatens to|has threatened to|keeps saying (?:hell|he will|hed)"
          r"|tried to|tries to|has tried to|wants to|wanted to"
          r"|says? (?:hell|he will|hed|he would)|said (?:hell|hed|he will|he would))\s+"
          r"(?:@FGAP){0,1}?(?:kill|hurt|harm|stab|strangle|smother|drown|get rid of|burn|take"
          r"|murder|beat|batter|end)\s+(?:me|us|the baby|my baby|@BABYNOUN|the kids|him|her"
          r"|the house|the flat|the place)\b",
          unless_after=r"\s+(?:own\s+)?life\b"
          r"|\s*(?:@GAP){0,6}?(?:spend|spent|spending|buy|buying|bought|bill|money"
          r"|forget|forgot|lost|lose|keys|mess|late|broke|break|dent|scratch|clothes|shopping"
          r"|amazon|missed|miss|birthday|ate the|eat the|for a walk|out\b|to the park|swimming"
          r"|so i can|to (?:his|her|my|the) (?:mums|dads|nans)|for the day|to nursery)"),
    _rule("danger_at_home", "abusive_relationship",
          r"\babusive\s+(?:relationship|partner|husband|boyfriend|marriage|ex|home|man)"
          r"|\bdomestic\s+(?:abuse|violence)|\bcoercive(?:\s+control)?|\bgaslight\w*"
          r"|\bwalk(?:ing)?\s+on\s+egg\s?shells"
          r"|\b(?:im|i am|being|been|feel|im being)\s+(?:@GAP)?(?:abused|controlled|threatened"
          r"|bullied|intimidated|raped|assaulted)\b", others=True,
          unless_before=r"\b(?:documentary|programme|program|article|news|film|story|show|book"
          r"|leaflet|poster|training|campaign|talk|podcast|series|drama|soap)\s+(?:@GAP){0,2}?"
          r"(?:about|on|with)\s+$",
          unless_after=r"\s+(?:services?|charit\w+|organisations?|awareness|training|leaflets?"
          r"|teams?|workers?|policy|policies)\b"),
    _rule("danger_at_home", "partner_is_violent",
          r"@SUBJ\s+(?:@FGAP){0,2}?(?:scares|frightens|terrifies|intimidates|threatens)\s+"
          r"(?:me|us|@BABYNOUN)\b"
          r"|@SUBJ\s+(?:@FGAP){0,3}?(?:violent|aggressive|abusive|controlling|dangerous|nasty"
          r"|vicious|horrible to me|mean to me|cruel"
          r"|scary when|frightening|has a temper|loses it with me)\b",
          unless_after=r"\s+(?:about the|with the (?:remote|tv|dishwasher|washing))"
          r"|\s*(?:@GAP){0,3}?(?:when i was (?:a kid|little|young|small|a child|a teenager)"
          r"|growing up)"),
    _rule("danger_at_home", "scared_of_him",
          r"\b(?:scared|afraid|frightened|terrified|petrified|fear|feared|fearful)\s+"
          r"(?:of|for my life (?:from|with|around))\s+(?:him|@SUBJ)\b"
          r"|\b(?:scared|afraid|frightened|terrified)\s+of\s+going\s+(?:back\s+)?home\b"
          r"|\b(?:scared|afraid|frightened|terrified|dont want|too scared)\s+to\s+go\s+"
          r"(?:back\s+)?home\b"
          r"|\b(?:scared|afraid|frightened|terrified|worried)\s+(?:of\s+)?what\s+(?:hell|hed"
          r"|he|he will|he would|he might|he could|shell|she|theyll|they|@SUBJ)\s+(?:@GAP)?do\b"
          r"|\b(?:scared|afraid|frightened|terrified|petrified)\s+to\s+be\s+(?:at\s+home\s+"
          r"|in\s+the\s+house\s+|alone\s+|on my own\s+)?(?:with|around|near)\s+(?:him|@SUBJ)\b",
          unless_after=r"\s+(?:when (?:he|she) cries|crying|choking|falling|rolling|catching"
          r"|getting (?:hurt|ill|sick)|stopping breathing|not breathing|being ill|hurting"
          r" (?:himself|herself))"),
    _rule("danger_at_home", "not_safe_at_home",
          r"\b(?:not|dont feel|never feel|not feeling|dont)\s*safe\s+(?:at|in)\s+(?:my\s+"
          r"(?:own\s+)?|the\s+|our\s+)?(?:home|house|flat)"
          r"|\b(?:not|dont feel|never feel|dont)\s*safe\s+(?:with|around|near)\s+(?:him|@SUBJ)\b"
          r"|\b(?:not|dont feel|never feel|dont|not feeling)\s*safe\s+(?:when|while|if|once)\s+"
          r"(?:@SUBJ|he)\s+(?:is|s|comes|gets|has|goes|starts|drinks|been)\b"
          r"|\bunsafe\s+(?:at|in)\s+(?:my\s+(?:own\s+)?|the\s+|our\s+)?(?:home|house|flat)"
          r"|\bunsafe\s+(?:with|around)\s+(?:him|@SUBJ)"
          r"|\b(?:im|i am|were|we are|me and (?:the|my) baby are|the baby is|my baby is"
          r"|my kids are)\s+(?:in\s+danger|not\s+safe)\b"
          r"|\b(?:hurts|hits|hurting|hitting|abuses|abusing|threatens)\s+me\s+at\s+home\b"),
    _rule("danger_at_home", "controlling_behaviour",
          r"\b(?:controls|controlling|takes|took|keeps|has)\s+(?:all\s+)?(?:of\s+)?(?:the|my"
          r"|our)\s+(?:money|finances|bank card|cards|benefits|wages|child benefit)"
          r"|\bcontrols?\s+(?:everything|every part of|what i|where i|who i|all (?:of )?my"
          r"|my life|me\b)"
          r"|\b(?:wont|doesnt|dont|never|didnt)\s+let\s+me\s+(?:@GAP)?(?:see|go out|go anywhere"
          r"|leave|talk to|speak to|out|visit|work|phone|call|text|contact|drive|have any money"
          r"|have my own|have friends|use the (?:phone|car))"
          r"|\b(?:checks|checking|goes through|went through|reads|tracks|tracking)\s+my\s+"
          r"(?:phone|messages|texts|emails|location|whatsapp)"
          r"|(?:\bhe|\bshe|@SUBJ)\s+(?:@FGAP){0,2}?(?:took|takes|hides|hid|has taken|smashed"
          r"|smashes|broke)\s+(?:up\s+)?my\s+(?:phone|keys|car keys|bank card|cards|passport|purse"
          r"|money)"
          r"(?!\s+(?:to\s+(?:order|ring|call|play|show|charge|take a (?:photo|picture|pic)"
          r"|look up|google|pay|book)|by (?:mistake|accident)|for a (?:second|minute|bit)))"
          r"|\blocks?\s+me\s+(?:in|out)\b|\blocked\s+me\s+(?:in|out)\b"
          r"|\b(?:keeps|kept|has|had)\s+me\s+locked\s+(?:in|up)\b"
          r"|\bnot\s+allowed\s+to\s+(?:leave|go out|see|have|talk|go anywhere|use|speak)"),
    _rule("danger_at_home", "sexual_violence",
          r"\b(?:forces|forced|makes|made|pressures|pressured)\s+me\s+(?:to\s+)?(?:have sex"
          r"|sleep with|do sexual)|\brap(?:ed|es|ing)\s+me\b|\bsexual(?:ly)?\s+assault\w*"),
    _rule("danger_at_home", "stalking_and_violence_signs",
          r"\b(?:stalking|stalks|stalked|harass\w*)\s+me\b"
          r"|\bkicked\s+(?:the|my)\s+(?:front\s+)?door\s+(?:in|down)"
          r"|\b(?:hide|hiding|hid|cover|covering|covered)\s+(?:up\s+)?(?:my|the)\s+bruises"
          r"|\bbruises\s+(?:he|she)\s+(?:gave|left)"
          r"|\b(?:bruises?|marks|a black eye|black eyes|a split lip|burns|scratches)\s+"
          r"(?:@GAP){0,4}?(?:from|off|because of)\s+(?:him|@SUBJ)\b"
          r"|\b(?:hide|hiding|hid|cover|covering|covered)\s+(?:up\s+)?bruises"
          r"|@SUBJ\s+(?:@FGAP){0,2}?(?:smash\w*|breaks|broke|punch\w*|kick\w*)\s+(?:things|stuff"
          r"|the place up|doors?|holes|walls?|plates|furniture)"
          r"|\b(?:need|want|have|trying|try|got)\s+to\s+(?:get\s+away|escape)\s+(?:from\s+)?"
          r"(?:him|@SUBJ)\b"
          r"|\b(?:nobody|none)\s+(?:would|will)\s+(?:ever\s+)?believe\s+me"
          r"|\bhid(?:e|ing)\s+from\s+(?:him|@SUBJ)\b"
          r"|\bforc(?:ed|es|ing)\s+himself\s+(?:on|onto)\s+me"
          r"|@SUBJ\s+.{0,40}?\b(?:throws|threw|throwing|chucks|chucked|chucking)\s+(?:@GAP)?"
          r"(?:things|stuff|plates|\w+)\s+at\s+(?:me|us|the baby)"),
    _rule("danger_at_home", "turning_up_and_banging",
          r"\b(?:my\s+ex|ex\s+(?:partner|husband|boyfriend)|he|hes|my babys dad|the babys dad)\s+"
          r"(?:keeps\s+|kept\s+|has been\s+|been\s+|is\s+|s\s+)?(?:turning|turned|turns|showing"
          r"|shows|showed|coming|comes|came)\s+(?:up\s+)?(?:at|to|outside|round)\s+(?:the|my|our)"
          r"\s+(?:house|home|flat|door|work|window|mums)\b[^.!?]{0,60}\b(?:bang\w*|hammer\w*"
          r"|kick\w*|scream\w*|shout\w*|at night|drunk|uninvited|threat\w*|wont leave|refus\w*"
          r"|scared|frightened)"
          r"|(?:@SUBJ|\bhe)\s+(?:@FGAP){0,3}?(?:banging|bangs|banged|hammering|hammers|pounding"
          r"|kicking|kicked)\s+on\s+(?:the|my|our)\s+(?:front\s+)?(?:door|doors|window|windows)"),
    _rule("danger_at_home", "police_and_orders",
          r"\b(?:ring|rang|rung|call|called|phone|phoned|calling|ringing)\s+(?:the\s+)?(?:police"
          r"|999|cops)\s+(?:on|about|because of)\s+(?:him|her|@SUBJ)\b"
          r"|\b(?:police|cops)\s+(?:came|were called|arrested|took|had to come|came round)\b"
          r"[^.!?]{0,60}\b(?:him|he|my partner|my husband|my boyfriend|my ex)\b"
          r"|\b(?:non molestation|restraining|protective)\s+order\b|\binjunction\s+against\b"
          r"|\brefuge\b|\bwomens\s+aid\b", others=True,
          unless_before=r"\b(?:helped|help|helping)\s+(?:her|him|them|my \w+|a friend)\s+(?:to\s+)?"
          r"(?:find|get|into|contact|ring|call)\s+(?:(?:a|the)\s+)?$"),
    _rule("danger_at_home", "planning_to_escape",
          r"\b(?:hell|he will|hed|he would|he is going to|hes going to|he always|theyll)\s+"
          r"(?:@FGAP)?(?:find|track|hunt|come after)\s+(?:me|us)\b"
          r"(?!\s+(?:at|in|later|after|when|on|a)\b)"
          r"|\b(?:hiding|hid|hide|saving|saved|stashing|squirrel\w*|putting)\s+(?:some\s+)?"
          r"(?:money|cash)\s+(?:@GAP){0,4}?(?:so (?:i|we) can|to|for when (?:i|we))\s+(?:leave"
          r"|get away|escape|get out)\b"
          r"|\b(?:leave|leaving|escape|get away from)\s+(?:him|@SUBJ)\b[^.!?]{0,40}"
          r"\b(?:(?:he\s+)?(?:cant|mustnt|must not|can never|doesnt|wont)\s+(?:find out|know)"
          r"|in secret|secretly|without him knowing)"),
    _rule("danger_at_home", "threatening_messages",
          r"\b(?:sending|sent|sends|texting|texted|messaging|messaged|leaving|left|getting|got)\s+"
          r"(?:me\s+)?(?:@GAP)?(?:threats|threatening (?:messages|texts|voicemails|calls)"
          r"|death threats)\b"
          r"|\bthreats\s+(?:from|off)\s+(?:him|@SUBJ)|\bdeath\s+threats?\b"),
    _rule("danger_at_home", "barricading_myself_in",
          r"\b(?:chair|wardrobe|chest of drawers|drawers|furniture|bed|something)\s+(?:@GAP)?"
          r"(?:against|under|behind|in front of)\s+(?:the|my|our)\s+(?:bedroom\s+|bathroom\s+)?"
          r"door\b"
          r"|\block\w*\s+(?:myself|ourselves|me and (?:the|my) (?:baby|kids)|us|the baby and me"
          r"|the kids and me)\s+in\s+(?:the|a|my|our)\s+(?:bathroom|bedroom|room|toilet|car)\b"
          r"[^.!?]{0,60}\b(?:when|because|until|so|in case|whenever)\s+(?:he|hes|@SUBJ)"),
    _rule("danger_at_home", "intimidation",
          r"(?:@SUBJ|\bhe)\s+[^.!?]{0,40}?\b(?:punch\w*|kick\w*|smash\w*|hit\w*|bang\w*)\s+"
          r"(?:the\s+|a\s+)?(?:wall|walls|door|doors)\s+(?:right\s+)?(?:next to|beside|by|near"
          r"|behind|above)\s+(?:my|me|the babys|her|his)\b"
          r"|\b(?:my|the|our)\s+(?:partner|husband|boyfriend|fiance|ex|babys dad)\s+(?:@FGAP){0,3}?"
          r"(?:screams|screamed|screaming|shouts|shouted|shouting|yells|yelled|yelling)\s+"
          r"(?:at\s+me|in my face)"
          r"|(?:@SUBJ|\bhe)\s+(?:@FGAP){0,3}?(?:screams|screamed|shouts|shouted|yells|yelled)\s+"
          r"in\s+my\s+face\b"
          r"|(?:@SUBJ|\bhe)\s+(?:@FGAP){0,3}?(?:spat|spits|spitting|spit)\s+(?:at|on|in)\s+"
          r"(?:me|my face|us|the baby)\b"
          r"|\b(?:his|partners|husbands|boyfriends|fiances|exs)\s+temper\b[^.!?]{0,60}\b(?:scared"
          r"|scares|frightened|frightens|afraid|terrified|worse|dangerous|violent|explod\w*"
          r"|lash\w*)"
          r"|\b(?:scared|frightened|afraid|terrified|fear|fearing)\s+for\s+(?:my|our)\s+(?:safety"
          r"|life|lives)\b"
          r"|\b(?:scared|frightened|afraid|terrified|fear)\s+for\s+(?:me and (?:the|my) (?:baby"
          r"|kids|children)|the baby and me|myself and the baby)"),
    _rule("danger_at_home", "frightened_of_his_temper",
          r"\b(?:frightened|scared|afraid|terrified|worried)\s+for\s+(?:the baby|my baby|the kids"
          r"|my kids|us|the children)\s+when\s+(?:he|@SUBJ)\b"
          r"|(?:@SUBJ|\bhe)\s+[^.!?]{0,40}?\b(?:punch\w*|kick\w*|smash\w*)\s+(?:walls|doors|holes)\b"
          r"|\b(?:police|cops)\s+(?:have|has|had)\s+been\s+(?:out|round|called)\b"),
    _rule("danger_at_home", "keeping_him_calm",
          r"\b(?:so|in case|or|otherwise|before)\s+(?:he|@SUBJ)\s+(?:doesnt|does not|wont|will not"
          r"|dont)\s+(?:kick off|go mad|go off on one|lose it|explode|lash out|flip|hit|hurt|start"
          r" on)"
          r"|\b(?:scared|afraid|terrified|frightened|worried)\s+(?:that\s+)?(?:he|@SUBJ)\s+(?:will"
          r"|ll|might|is going to|s going to)\s+(?:kick off|go mad|lose it|explode|lash out|flip)"
          r"|\b(?:my\s+ex|he|@SUBJ)\s+(?:@FGAP){0,2}?(?:broke|has broken|tried to break|breaking)"
          r"\s+in(?:to)?\b"
          r"|\bget\s+away\s+from\s+(?:him|my\s+(?:partner|husband|boyfriend|ex|fiance))\b"
          r"|(?:@SUBJ|\bhe)\s+(?:@FGAP){0,2}?(?:threw|throws|chucked|chucks|hurled|lobbed|flung)\s+"
          r"[^.!?]{0,30}?\bat\s+(?:me|us|my\s+(?:head|face)|the\s+baby)\b"),
    _rule("danger_at_home", "threat_to_take_the_baby",
          r"\b(?:ill|youll|you will|i will|shell)\s+never\s+see\s+(?:@BABY|the kids|my kids)\s+"
          r"again\b"),
    # ---------------------------------------------------------------- self-harm -----------
    _rule("self_harm", "self_harm_words",
          _SELF_HARM, others=True,
          unless_before=r"\b(?:training|trained|experience|info|information|leaflets?|policy"
          r"|policies)\s+(?:@GAP){0,3}?(?:on|in|about|with|for|around)\s+(?:@GAP){0,2}?$",
          unless_after=r"[^!]{0,50}?\b(?:ive|i have|i)\s+never\s+(?:done|had|did)\s+"
          r"(?:it|that|this|any)\b"),
    _rule("self_harm", "sh_abbreviation",
          r"\b(?:doing|did|do|relapsed\s+(?:with|on|into)|relapse|urges?\s+(?:to|for)|my|with"
          r"|into|been|started|start|clean\s+from|free\s+from)\s+sh\b"),
    _rule("self_harm", "cutting_body",
          r"\b(?:cut|cuts|cutting|cuting|slash|slashed|slashing|slice|sliced|slicing|carve"
          r"|carved|carving|scratch|scratched|scratching|scratches)\s+(?:(?:@GAP){0,2}?into\s+)?(?:@MYSELF"
          r"|my\s+(?:own\s+)?(?:arms?|legs?|thighs?|wrists?|skin|stomach|belly|hips?|body"
          r"|tummy))\b",
          unless_before=r"\b(?:accidentally|by accident|nearly|almost)\s+$",
          unless_after=r"\s*(?:@GAP){0,4}?(?:by accident|accidentally|shaving|chopping|cooking"
          r"|on (?:a|the|my) (?:\w+ ){0,2}?(?:tin|glass|knife|paper|can|brambles?|rose|roses|bush"
          r"|thorns?|branch|fence|nail|zip|ring|cat|dog|pram|buggy|wheel|door|cupboard|table"
          r"|corner|step|gate|car)|eczema|itch|itchy|itching|rash"
          r"|hives|bites|dry skin|psoriasis|chickenpox|cholestasis|stretch marks|pupps)"),
    _rule("self_harm", "cutting_again",
          r"\b(?:started|start|keep|kept|been|am|im|was|back to|urge to|urges to|want to"
          r"|wanting to|need to|tempted to|thought about|thinking about|thoughts of|relapsed"
          r"|craving|crave|desperate to|itching to|feel like|felt like|feeling like)\s+(?:@GAP)?"
          r"cut(?:ting)?\b"
          r"(?!\s+(?:down|back|out|off|up|in\b|the|her|his|their|a\b|some|teeth|costs|corners"
          r"|ties|it|them|carbs|sugar|caffeine|dairy|gluten|my\s+(?:hair|nails|fringe|losses)"
          r"|\w+s\s+(?:nails|hair)|through|across|and paste|short))"),
    _rule("self_harm", "more_self_harm_signs",
          r"\b(?:pull|pulling|pulled|rip|ripping|tear|tearing)\s+(?:my\s+|out\s+my\s+)?hair\s+out\b"
          r"[^.!?]{0,40}(?:bald|patches|clumps|until|bleed)|\btrichotillomania\b"
          r"|\bcutting\s+(?:is|helps|makes|was|stops|calms|is the only)\b"
          r"|\bi\s+sh\b|\bsh\s+(?:again|last night|today|yesterday)\b"
          r"|\b(?:hide|hiding|hid|cover|covering)\s+(?:the|my)\s+(?:marks|scars|cuts|burns)\s+"
          r"(?:with|under|from)\b|\blong\s+sleeves\s+to\s+(?:hide|cover)"
          r"|\b(?:hurt|hurting|harm|harming|punish|punishing)\s+my\s+(?:own\s+)?body\b",
          unless_after=r"\s*(?:@GAP){0,4}?(?:by accident|accidentally|lifting|carrying|falling"
          r"|at the gym|running)"),
    _rule("self_harm", "on_purpose",
          r"\b(?:burn\w*|cut\w*|scratch\w*|hit\w*|hurt\w*|harm\w*|scald\w*|bruis\w*|bit|bite"
          r"|biting|punch\w*|slap\w*|bang\w*)\s+(?:my\s+|myself\s*)(?:@GAP){0,5}?"
          r"(?:on\s+purpose|deliberately)"
          r"|\bcut(?:ting)?\s+to\s+(?:calm|cope|feel|numb|release|relieve|punish|make|stop)"),
    _rule("self_harm", "cut_again",
          r"\b(?:i\s+)?cut\s+(?:again|last night|today|this morning|tonight|yesterday)\b"
          r"|\bcovered\s+in\s+(?:cuts|scars|burns|scratches)\b"
          r"(?!\s+(?:from|because of)\s+(?:the|our|my)\s+(?:cat|dog|kitten|baby|brambles|garden))"
          r"|\b(?:headbutt\w*|head butt\w*|punch|punching|punched|kick|kicking)\s+(?:the\s+|a\s+)?"
          r"(?:walls?|doors?|mirror)\b"
          r"|\bwant\s+to\s+feel\s+(?:pain|physical pain)|\bdeserve\s+(?:to\s+)?(?:pain|to be hurt"
          r"|to suffer|to bleed)"),
    _rule("self_harm", "hurt_myself",
          r"\b(?:hurt|hurts|hurting|harm|harms|harming|harmed|injure|injured|injuring|punish"
          r"|punishing|punished|hit|hits|hitting|punch|punching|punched|slap|slapping|slapped"
          r"|burn|burns|burning|burnt|burned|bite|biting|bit|pinch|pinching|starve|starving"
          r"|scald|scalding|bruise|bruising|beat|beating|abuse|abusing|batter|battering"
          r"|scratch|scratching|strangle|strangling|choke|choking|suffocate)\s+@MYSELF\b",
          unless_before=r"\b(?:accidentally|by accident|nearly|almost)\s+$",
          unless_after=r"\s*(?:@GAP){0,4}?(?:by accident|accidentally|on the|on a|lifting"
          r"|carrying|falling|when i fell|cooking|making (?:tea|dinner|a brew)|with the"
          r"\s+(?:kettle|iron|oven|hob|pan|tray|straighteners by)|ironing|at the gym|running"
          r"|in the garden|laughing|up\b|over (?:it|this|nothing)"
          r"|(?:and|but|,)\s*i\s+(?:said|told (?:her|him|them))\s+(?:no|not|never)\b)"),
    _rule("self_harm", "banging_my_head",
          r"\b(?:bang|banging|smash|smashing|whack|whacking|thump|thumping|bash|bashing)\s+my\s+"
          r"head\s+(?:against|into)\s+(?:the|a)\s+"
          r"(?!brick)(?:@GAP)?(?:wall|walls|floor|door|table)\b",
          unless_before=r"\b(?:like|its like|feels like|as if|as though)\s+(?:@GAP)?$",
          unless_after=r"\s*(?:@GAP){0,2}?(?:trying|with|over|about|getting|to get|all day)"),
    _rule("self_harm", "head_banging",
          r"\b(?:bang|banging|banged|hit|hitting|smash|smashing)\s+my\s+head\s+(?:against|on"
          r"|off|into)\s+(?:the|a)\s+(?:@GAP)?(?:wall|floor|door|table)\b(?:\s+@GAP{0,3}?)?"
          r"\s*(?:until|so hard|hurts|bleed|bruise|on purpose)"),
    _rule("self_harm", "hitting_my_body",
          r"\b(?:hitting|hit|punching|punch|slapping|slap|scratching|pinching|biting)\s+my\s+"
          r"(?:own\s+)?(?:legs?|arms?|head|face|stomach|thighs?|wrists?)\b",
          unless_after=r"\s*(?:@GAP){0,3}?(?:on the|on a|by accident|accidentally|against the"
          r"|getting|when i)"),
    _rule("self_harm", "dig_nails",
          r"\b(?:dig|digging|dug|press|pressing|pressed|push|pushing|pushed)\s+my\s+(?:finger\s*)?"
          r"nails\s+into\s+(?:my\s+)?(?:skin|arms?"
          r"|legs?|hands?|palms?|wrists?|thighs?)"),
    _rule("self_harm", "burning_skin",
          r"\b(?:burn|burning|burnt|burned)\s+my\s+(?:arms?|legs?|skin|wrists?|hands?|thighs?)\s+"
          r"(?:with|on purpose|deliberately)(?!\s+(?:the|a)\s+(?:kettle|iron|oven|hob|pan|tray))"
          r"|\b(?:cigarettes?|fags?|ciggies?|lighter|lit match|matches)\s+(?:out\s+)?(?:on|to"
          r"|against)\s+my"
          r"|\b(?:burn|burning|burnt|burned)\s+(?:@GAP){0,3}?(?:with|using)\s+(?:a\s+)?(?:lighter"
          r"|cigarettes?|matches)"),
    _rule("self_harm", "until_it_bleeds",
          r"\b(?:scratch|scratching|scratched|pick|picking|picked|bite|biting|bit|dig|digging"
          r"|punch|punching|punched|hit|hitting|pull|pulling|scrub|scrubbing|rub|rubbing|claw"
          r"|clawing|pinch|pinching)\s+(?:@GAP){0,6}?(?:until|so)\s+(?:@GAP){0,2}?"
          r"(?:bleeds?|bled|bleeding|blood|raw|bruised?)\b"
          r"|\b(?:scratch|scratching|scratched|scrub|scrubbing|rub|rubbing)\s+(?:@GAP){0,2}?raw\b"),
    _rule("self_harm", "blade_on_body",
          r"\b(?:blade|blades|razor|razors|knife|glass|scissors|compass|sharpener)\s+(?:@GAP)?"
          r"(?:to|on|into|across|against)\s+my\s+(?:@GAP)?(?:arms?|legs?|thighs?|wrists?|skin"
          r"|body|stomach|hips?)",
          unless_after=r"\s*(?:@GAP){0,3}?(?:shav\w*|wax\w*)"),
    _rule("self_harm", "visible_cuts",
          r"\b(?:my|fresh|new|deep|deeper)\s+cuts\b(?!\s+(?:from the birth|from birth))"
          r"|\b(?:fresh|new)\s+(?:scars|burns)\s+on\s+my\b"
          r"|\bcuts\s+(?:all\s+)?(?:on|up|down|over|along|across)\s+my\s+(?:arms?|legs?|thighs?"
          r"|wrists?|stomach|body|hips?)"
          r"|\busing\s+(?:it|them|that|this|one)\s+on\s+myself\b"
          r"|\b(?:sh|self harm)\s+scars"
          r"|\bhid(?:e|ing)?\s+(?:the\s+|my\s+)?(?:cuts|scars|marks|burns)\s+on\s+my"),
    _rule("self_harm", "blade_kept_for_later",
          r"\b(?:blades?|razors?|razor blades?|knife|knives|scissors|lighter)\b[^.!?]{0,40}"
          r"\bfor\s+when\s+(?:it|things|i|im)\b"
          r"|\b(?:keep|kept|hide|hid|hiding|stash\w*)\s+(?:a|my|the|some)\s+(?:blades?"
          r"|razor blades?)\b"),
    _rule("self_harm", "hiding_arms",
          r"\b(?:long\s+sleeves|cover(?:ing)?\s+(?:up\s+)?my\s+(?:arms|legs|wrists|thighs))\b"
          r"[^.!?]{0,60}\bso\s+(?:nobody|he|she|they|people|my \w+)\s+(?:sees?|can see|will see"
          r"|notices?|finds out)"
          r"|\bso\s+(?:nobody|he|she|they|people|my \w+)\s+(?:sees?|can see|will see|notices?)\s+"
          r"my\s+(?:arms|legs|wrists|thighs|scars|cuts|marks|burns)\b"),
    _rule("self_harm", "done_to_myself",
          r"\b(?:what|the things|things|stuff)\s+(?:ive|i have|i|id|i had)\s+(?:been\s+)?(?:done"
          r"|do|did|doing)\s+to\s+(?:myself|my (?:body|arms|legs|wrists|skin|thighs))\b"
          r"|\b(?:given|give|gave|giving)\s+myself\s+(?:bruises|cuts|burns|marks|scars|a black eye)"
          r"|\b(?:bruises|cuts|burns|marks|scars)\s+(?:that\s+)?(?:ive|i have|i|id)\s+(?:given"
          r"|gave|done to)\s+myself"),
    _rule("self_harm", "reopened_scars",
          r"\b(?:re\s*)?open\w*\s+(?:up\s+)?(?:my\s+|the\s+|old\s+)*(?:scars|cuts)\b"
          r"|\b(?:scars|cuts)\b[^.!?]{0,60}\b(?:re\s*)?opened\s+(?:them|it)\b"
          r"|\bscars\s+on\s+my\s+wrists?\b"),
    _rule("self_harm", "on_purpose_to_my_body",
          r"\bmy\s+(?:hands?|arms?|legs?|skin|wrists?|thighs?|body|face|fingers|stomach|tummy)\b"
          r"[^.!?]{0,60}\b(?:on purpose|deliberately|intentionally)\b"
          r"|\b(?:on purpose|deliberately|intentionally)\b[^.!?]{0,60}\bmy\s+(?:hands?|arms?|legs?"
          r"|skin|wrists?|thighs?|body|face|fingers|stomach|tummy)\b"
          r"|\b(?:hurt|harm|cut|burn|hit|scratch|punch|bruis)\w*\s+my\s+(?:own\s+)?(?:arms?|legs?"
          r"|thighs?|wrists?|skin|body|stomach)\b[^.!?]{0,30}\b(?:so i (?:can|could) feel|to feel"
          r"|to cope|to punish|because i deserve)"),
    _rule("self_harm", "keep_doing_it_to_my_body",
          r"\b(?:been|keep|kept|started|start|always)\s+(?:burning|scalding|cutting|scratching"
          r"|hitting|punching|bruising|slapping|stabbing)\s+my\s+(?:own\s+)?(?:arms?|legs?|skin"
          r"|wrists?|thighs?|hands?|stomach|body|face)\b",
          unless_after=r"\s*(?:@GAP){0,4}?(?:by accident|accidentally|eczema|itch|rash|dry)"),
    _rule("self_harm", "used_it_on_my_wrist",
          r"\b(?:used|using|use)\s+(?:it|them|that|this|one|a bit|a piece|a shard)\s+(?:on|across"
          r"|against)\s+my\s+wrists?\b"),
    _rule("self_harm", "keep_banging_my_head",
          r"\b(?:been|keep|kept|started|start|always)\s+(?:banging|hitting|smashing|bashing)\s+my"
          r"\s+head\b",
          unless_after=r"[^.!?]{0,30}\b(?:brick wall|trying to|with (?:the|this))"),
    # Families added after measuring blind_set.yml and blind_set_2.yml (docs/safety.md):
    # methods, places and goodbyes said indirectly.
    _rule("suicide", "how_much_would_it_take",
          r"\bhow\s+(?:many|much)\s+(?:@GAP){0,2}?@PILL\s+(?:@GAP){0,3}?(?:it\s+(?:takes?"
          r"|would take)|does it take|would it take|to (?:die|kill|be fatal|not wake)|would kill"
          r"|is fatal|is lethal|(?:it\s+)?would be fatal)\b"
          r"|\b(?:painless|quick|quickest|easiest|easy|peaceful)\s+(?:way|ways|method|methods)\s+"
          r"(?:to\s+(?:go|die|end it|do it|not wake up)\b|(?=[.!?,;]|$))"
          r"|\b(?:googl\w*|search\w*|look\w* up|research\w*)\s+(?:@GAP){0,2}?(?:painless|quick"
          r"|easy|peaceful)\s+ways\b", others=True),
    _rule("suicide", "better_off_in_the_ground",
          r"\b(?:id|i would|im|i|me)\s+(?:@GAP){0,3}?(?:better\s+off|be\s+happier|rather\s+be)\s+"
          r"(?:in\s+(?:the|a|my)\s+(?:ground|grave|box|coffin)|six\s+f(?:ee|oo)t\s+under"
          r"|pushing\s+up\s+daisies|with\s+my\s+(?:late|dead)\s+\w+)", negatable=False),
    _rule("suicide", "vanish_for_good",
          r"\b(?:disappear|vanish|go away|walk away|walk off)\w*\s+and\s+(?:never|not)\s+"
          r"(?:be\s+found|be\s+seen|return|be\s+heard\s+of|come\s+home)\b", negatable=False),
    _rule("suicide", "finally_do_it",
          r"\b(?:tonight|today|tomorrow|this weekend|this week|soon)\s+(?:@GAP){0,3}?(?:the\s+"
          r"(?:night|day|time)\s+)?(?:i|ill|im going to|im gonna)\s+(?:finally|actually|really)\s+"
          r"(?:do it|go through with it|end it|go)\b"
          r"|\b(?:ill|im going to|im gonna|going to|i will|i might)\s+(?:finally|actually)\s+"
          r"(?:do it|go through with it|end it all|end it)(?=\s*(?:[.!?,;:]|$|\s(?:this|tonight"
          r"|today|soon|i|and|x)\b))"
          r"|\bive\s+decided\b[^?]{0,60}\b(?:im going|ill go|i will go|ill do it|im doing it"
          r"|made my peace)(?=\s*(?:[.!?,;:]|$))"
          r"|\b(?:made|make|making)\s+(?:my\s+)?peace\s+with\s+(?:dying|death|going|leaving this"
          r"|not being here|the idea of (?:dying|not being here|going))"
          r"|\b(?:dont|not sure|dont know)\s+(?:know\s+)?(?:if|whether)\s+(?:i\s+)?(?:will|ill"
          r"|would|can stop myself|could stop myself|will stop|would stop)\s+next\s+time\b",
          negatable=False),
    _rule("suicide", "sleep_forever_wish",
          r"\b(?:i|id|im|me)\b[^.!?]{0,25}\bto\s+(?:just\s+)?(?:go\s+to\s+)?sleep\s+(?:forever"
          r"|for ever|permanently|for good)\b", negatable=False),
    _rule("suicide", "letters_just_in_case",
          r"\b(?:wrote|written|writing|write|left|recorded|recording|made)\s+(?:@GAP){0,3}?"
          r"(?:letters?|notes?|cards?|videos?|messages?)\b[^!?]{0,80}?\b(?:just in case"
          r"|in case (?:anything|something) happens|for when im (?:gone|not here)|for after im"
          r"|to say goodbye|saying goodbye|goodbye)\b"
          r"|\b(?:look after|take care of|raise|bring up)\s+(?:the kids|my kids|the baby|my baby"
          r"|the children|my children|him|her|them)\s+(?:for me\s+)?(?:if|when)\s+(?:anything"
          r"|something)\s+happens\s+to\s+me\b[^?]{0,20}\b(?:i mean it|seriously|im serious"
          r"|not joking|promise me)", negatable=False),
    _rule("suicide", "the_edge_of_the_platform",
          r"\b(?:platform|bridge|edge|cliff|cliffs|balcony|roof|ledge|multi ?storey|car park"
          r"|railway|tracks)\b[^.!?]{0,60}\b(?:stepping|step|jumping|jump|lean|leaning"
          r"|throwing myself|throw myself|falling|fall|going)\s+(?:off|over|forward|in front"
          r"|onto the (?:tracks|line))\b"
          r"|\b(?:step|stepping|jump|jumping|throw myself|throwing myself)\s+(?:off|from|in front"
          r"\s+of)\s+(?:the|a)\s+(?:platform|bridge|edge|cliff|balcony|roof|ledge|train|lorry"
          r"|bus|car)\b"
          r"|\b(?:drove|driven|drive|driving|went|walked|sat|stood|sitting|standing|parked)\s+"
          r"(?:@GAP){0,3}?(?:to|at|on|by|near)\s+(?:the|a)\s+(?:bridge|cliff|cliffs|cliff edge"
          r"|railway bridge|motorway bridge|tracks|edge)\b[^?]{0,80}\b(?:for (?:an|a|ages|hours)"
          r"|thinking|thought about|came (?:home|back) in the end|next time|couldnt do it"
          r"|didnt do it|talked myself)", others=True, negatable=False),
    _rule("self_harm", "relapsed_with_a_blade",
          r"\b(?:slipped|slip up|slipped up)\b[^?]{0,30}\b(?:razor|blade|blades|cut|cutting|sh"
          r"|burn|burning|scratching)\b"
          r"|\b(?:relapse|relapsed)\b[^?]{0,100}\b(?:razor|blade|blades|cut|cutting|sh|burn|burning"
          r"|scratching|arms|legs|wrists|thighs|not deep|cleaned it up|dressed it|plaster|bleeding"
          r"|stitches)\b"
          r"|\b(?:razor|blade|blades)\b[^?]{0,40}\b(?:\w+\s+)?(?:weeks|months|days|years)\s+"
          r"clean\b"
          r"|\b(?:razor|blade|blades|sharpener)\s+(?:on|to|into|across)\s+(?:my|me)\b",
          negatable=False),
    _rule("self_harm", "hurting_my_own_body",
          r"\b(?:punch|punching|punched|hit|hitting|slap|slapping|slapped|bite|biting|bit"
          r"|scratch|scratching|scratched|pinch|pinching|pinched|burn|burning|burnt|claw"
          r"|clawing|clawed|smash|smashing|smashed|bash|bashing|bashed|slam|slamming|slammed"
          r"|dig|digging|stab|stabbing|stabbed|pull|pulling|pulled|rip|ripping|ripped|tear"
          r"|tearing)\s+(?:out\s+)?(?:loads of\s+|bits of\s+|clumps of\s+|chunks of\s+)?"
          r"(?:at\s+)?(?:my|her)\s+own\s+(?:\w+\s+)?(?:arms?|legs?|thighs?|wrists?|skin|stomach|belly"
          r"|face|head|hands?|fingers?|hair|body|chest|breasts?|hips?|tummy|scalp)\b"
          r"|\b(?:bite|biting|bit|scratch|scratching|scratched|pinch|pinching|pinched|punch"
          r"|punching|punched|hit|hitting|slap|slapping|slam|slamming|slammed|trap|trapping"
          r"|pull|pulling|pulled|claw|clawing)\s+(?:out\s+)?(?:loads of\s+|clumps of\s+)?"
          r"(?:at\s+)?my\s+(?:arms?|legs?|thighs?|wrists?|skin|stomach|face|head|hands?"
          r"|fingers?|hair|scalp|chest|tummy)\b(?:\s+(?:out|in the (?:door|drawer)))?"
          r"[^.!?]{0,40}\b(?:until|till|til|so (?:i|that i) (?:can )?feel|to feel|on purpose"
          r"|deliberately|to punish|bald patch|it bleeds|they bleed|goes purple|go purple"
          r"|bruises|bruised|(?:i|it) (?:kind of |sort of )?want(?:ed)? it to hurt)",
          unless_before=r"\b(?:baby|babe|she|shes|he|hes|daughter|son|toddler|little one|kid"
          r"|child|newborn)\s+(?:@GAP){0,2}?$",
          unless_after=r"\s*(?:@GAP){0,3}?(?:by accident|accidentally|with (?:this|the) (?:cold"
          r"|teething|baby))", negatable=False),
    _rule("self_harm", "deserve_the_pain",
          r"\b(?:i|im|i feel i|i feel like i)\s+(?:@GAP)?deserve\s+(?:the\s+|this\s+)?(?:pain"
          r"|to (?:hurt|bleed|suffer|be punished|be in pain|feel pain))\b"
          r"|\b(?:dont|do not|dont even)\s+deserve\s+(?:food|to eat|a meal|meals|to be fed)\b"
          r"|\b(?:starve|starving|starved|punish|punishing|punished)\s+myself\b"
          r"|\b(?:do|did|doing)\s+(?:it|this|that)\s+to\s+myself\b[^?]{0,40}\b(?:deserve|pain"
          r"|feel something|punish)"
          r"|\b(?:deserve|pain|feel something|punish\w*)\b[^?]{0,40}\b(?:why|when)\s+i\s+"
          r"(?:do|did)\s+(?:it|this|that)\s+to\s+myself\b", negatable=False),
    _rule("harm_baby", "take_baby_with_me",
          r"\b(?:take|taking|took|bring|bringing)\s+(?:@BABY)\s+with\s+me\s+(?:when|if)\s+i\s+"
          r"(?:go(?=\s*(?:[.!?,;:]|$))|die|end it|do it|kill myself|jump|leave this world)"
          r"|\b(?:@BABYNOUN|she|he|shed|hed|theyd)\s+(?:would|will|d)?\s*(?:be\s+)?better\s+off\s+"
          r"(?:not\s+(?:having\s+to\s+)?(?:grow|growing)\s+up\s+with\s+me|without\s+me|dead"
          r"|not born|never born)", negatable=False),
    _rule("harm_baby", "tip_or_leave_baby_in_danger",
          r"\b(?:tip|tipping|tipped|push|pushing|pushed|roll|rolling|let|letting)\s+(?:the|her"
          r"|his|my)\s+(?:pram|buggy|pushchair|car seat|moses basket)\s+(?:in|into|over|off"
          r"|go)\b"
          r"|\b(?:put|putting|leave|leaving|left)\s+@BABY\s+(?:@GAP){0,2}?in\s+the\s+(?:bath"
          r"|water|canal|river|pond|sea)\s+and\s+(?:leave|leaving|walk|walking|go|going|just)"
          r"|\b(?:leave|leaving|left)\s+@BABY\s+in\s+the\s+(?:bath|water)\s+(?:on (?:her|his)"
          r" own|alone|and walk)", negatable=False),
    _rule("psychosis", "baby_not_mine",
          r"\b(?:baby|@BABYNOUN)\s+(?:@GAP){0,4}?(?:isnt|is not|aint|not)\s+(?:really\s+"
          r"|actually\s+)?(?:mine|my real (?:baby|son|daughter))\b"
          r"|\b(?:swapped|switched|changed|replaced)\s+(?:her|him|them|the baby|my baby|my son"
          r"|my daughter)\s+(?:at|in)\s+(?:the\s+)?(?:hospital|birth|delivery|ward|unit)\b"
          r"|\b(?:shes|hes|she is|he is|the baby is|baby is|its)\s+(?:not|isnt)\s+(?:a\s+)?real"
          r"\s+(?:baby|child|person)\b"
          r"|\b(?:a doll|a robot|an impost[eo]r|a fake|an alien|a replica|a puppet|a changeling)"
          r"\s+(?:@GAP){0,3}?(?:put|placed|left|planted|sent)\b"
          r"|\b(?:put|placed|sent|planted|left)\s+(?:there|here|in (?:the|my) \w+)\s+"
          r"(?:@GAP){0,2}?to\s+(?:test|trick|watch|spy on)\s+me\b", negatable=False,
          unless_before=r"\b(?:dream|dreamt|dreamed|dreaming|nightmare)\b[^.!?]{0,50}$"),
    _rule("psychosis", "they_are_all_in_on_it",
          r"\b(?:theyre|all|is|are|were|was|re|s)\s+(?:all\s+)?in\s+on\s+it\b",
          unless_after=r"[^.!?]{0,40}\b(?:surprise|party|joke|prank|present|gift)"),
    _rule("psychosis", "crawling_and_smells",
          r"\b(?:bugs|insects|spiders|ants|worms|maggots|things|creatures|beetles)\s+"
          r"(?:crawling|moving|wriggling|running)\s+(?:on|in|under|over|across|up)\s+(?:the\s+)?"
          r"(?:walls|ceiling|my skin|me|my arms|my face|my body|the cot)\b"
          r"|\b(?:smell|smelling|smelt)\s+(?:@GAP)?(?:burning|smoke|gas|rotting|rot|death"
          r"|blood|something burning|petrol)\b[^.!?]{0,40}\b(?:all the time|nobody else|no one"
          r"|but there(?:s| is) nothing|cant find|not there|isnt there|everywhere)"
          r"|\b(?:walls|house|ceiling|shadows|trees|furniture|curtains|wardrobe|cot|mirror"
          r"|pictures|photos|plants)\s+(?:are|is|keep|keeps|were|was|started|s)\s+(?:@GAP)?"
          r"(?:whispering|talking|speaking|calling|moving|breathing|laughing)\s+(?:to me|at me"
          r"|my name|about me)\b",
          others=True),
    _rule("psychosis", "already_dead",
          r"\b(?:im|i am|i feel like im|feel like im|i think im|i feel|feel)\s+(?:like\s+)?"
          r"(?:already\s+(?:dead|a ghost|gone)|a ghost already|dead already)\b"
          r"|\balready\s+(?:dead|a ghost)\s+and\s+(?:nobody|no one)", negatable=False),
    _rule("psychosis", "racing_mind_no_sleep",
          r"\b(?:brain|mind|thoughts|head)\s+(?:is|are|s|keeps|keep)\s+(?:going|racing|running"
          r"|spinning|whizzing)\s+(?:at\s+)?(?:a million|a hundred|100|so fast|too fast)\b"
          r"[^?]{0,120}\b(?:no sleep|not slept|havent slept|dont need sleep|plans|special"
          r"|mission|chosen)"
          r"|\b(?:talk|talking|speak|speaking|communicate|communicating)\s+without\s+(?:words"
          r"|speaking|talking)\b"
          r"|\b(?:baby|he|she)\s+(?:is|s)\s+(?:special|chosen)\b[^.!?]{0,40}\b(?:understands"
          r"|knows|talks|speaks|reads my|sent|mission)", others=True),
    _rule("psychosis", "lost_the_baby",
          r"\b(?:dont know|cant remember|forgot|forgotten|no idea)\s+(?:@GAP){0,6}?where\s+i\s+"
          r"(?:put|left)\s+"
          r"(?:the baby|my baby|him|her|my son|my daughter)\b(?!\s*s\b)"),
    _rule("danger_at_home", "weapon_at_me",
          r"\b(?:pointing|pointed|waving|waved|held|holding|pulled|swung|swinging|came at me"
          r"|threatened me)\s+(?:@GAP){0,2}?(?:knife|blade|gun|hammer|bat|machete|weapon"
          r"|scissors)\b[^.!?]{0,40}\b(?:at me|to my|in my face|at my|up to me|over me)"
          r"|\b(?:pointing|pointed|waving|waved|held|holding)\s+(?:it|the knife|a knife|the gun)"
          r"\s+(?:at|to|up to)\s+(?:me|my)\b"
          r"|\b(?:knife|blade|gun)\s+(?:to|at|against)\s+my\s+(?:throat|neck|face|chest|belly"
          r"|stomach)\b"
          r"|\b(?:knife|blade|gun|hammer|machete|scissors)\b[^?]{0,120}\bpoint\w*\s+(?:it|them)"
          r"\s+at\s+(?:me|my)\b"),
    _rule("danger_at_home", "covering_for_him",
          r"\b(?:said|told (?:her|him|them|the \w+|everyone))\s+(?:that\s+)?i\s+(?:walked into"
          r"|fell|tripped|banged|slipped)\b[^?]{0,60}\b(?:it wasnt|that wasnt|but it wasnt"
          r"|it was him|he did it|not true|i lied|wasnt true)"
          r"|\b(?:it|that|they|the bruises?)\s+(?:wasnt|werent|was not)\s+(?:really\s+)?(?:the"
          r"\s+door|the stairs|an accident|from (?:the|a) (?:door|fall|cupboard))\b"
          r"|\bwhat\s+(?:he|hes|my partner|my husband|my boyfriend|my ex|my dad|my fella)\s+"
          r"(?:did|does|has done|done|is doing)\s+to\s+me\b"
          r"|\b(?:need|needs|find)\s+(?:somewhere|a place|someplace|a bed)\s+(?:safe\s+)?to\s+"
          r"(?:go|stay|sleep)\s+(?:@GAP){0,2}?(?:tonight|right now|away from (?:him|her|them))\b"),
    _rule("danger_at_home", "smashed_my_things",
          r"@SUBJ\s+(?:@FGAP){0,2}?(?:smashed|smashes|smashing|snapped|stamped on|threw|throws"
          r"|broke|breaks|destroyed|hid|hides)\s+my\s+(?:phone|keys|bank card|cards"
          r"|purse|passport|things|stuff)\b(?!\s+(?:by accident|accidentally|screen by))"
          r"|@SUBJ\s+(?:@FGAP){0,2}?(?:keeps|keep|always|been|is|has been)\s+"
          r"(?:following|stalking)\s+me\b"
          r"(?!\s+(?:on|around|round|about|everywhere|from room))",
          unless_after=r"[!.,\s]*(?:to|so)\s+(?:make\s+)?(?:me|i)\s+(?:have\s+a\s+|could\s+"
          r"|would\s+|can\s+)?(?:nap|rest|sleep)"),
    _rule("overdose", "month_of_tablets",
          r"\b@TOOK\s+(?:@GAP){0,2}?(?:a|my|the|her|his)\s+(?:whole\s+|entire\s+|full\s+)?"
          r"(?:weeks|months|fortnights|weeks worth|months worth)\s+(?:supply|worth|of)\b"
          r"|\b@TOOK\s+(?:@GAP)?(?:a pile|piles|a heap|heaps|a stack|a mountain|a whole load"
          r"|half (?:a|the|my) (?:box|packet|bottle|strip|pack|tub)|a fist ?full|a mouthful)\s+"
          r"(?:of\s+)?(?:@GAP)?@PILL"
          r"|\b(?:got|gone|going|get)\s+through\s+(?:half|most|all)\s+(?:of\s+)?(?:the|a|my)\s+"
          r"(?:box|packet|bottle|strip|pack|tub)\s+(?:of\s+)?(?:@GAP)?@PILL\b[^?]{0,30}\b(?:so far"
          r"|tonight|already|now|bottle of|vodka|wine|gin|rose)", others=True),
    _rule("overdose", "taking_them_now",
          r"\b(?:taking|swallowing|popping|necking)\s+(?:them|the pills|the tablets|pills"
          r"|tablets|my pills|my tablets)\s+(?:now)?\s*[.,]?\s*(?:one by one|one after"
          r"\s+(?:another|the other))"
          r"|\b(?:more|most|all)\s+(?:of\s+)?(?:the|my)\s+(?:@GAP)?@PILL\s+than\s+i\s+(?:meant"
          r"|should|was meant|was supposed|intended)"
          r"|\b@PILL\b[^.!?]{0,30}\b(?:maybe|probably|i think)\s+all\s+of\s+them\b"
          r"|\b(?:tripled|quadrupled)\s+(?:it|the dose|my dose|them)\b"
          r"|\bkept\s+(?:on\s+)?(?:going|taking|swallowing|popping)\s+(?:them\s+)?(?:with\s+)?"
          r"(?:the|my)\s+(?:@GAP)?@PILL"
          r"|\b@PILL\s+(?:@GAP){0,3}?on\s+top\s+of\s+(?:@GAP)?(?:vodka|wine|gin|drink|booze"
          r"|alcohol|whisky|rum|cider|lager|beer|prosecco|rose)\b", others=True),
    # Families added after measuring blind_set_3.yml (docs/safety.md).
    _rule("suicide", "not_wanting_to_live",
          r"\b(?:not|no|dont|am not|im not)\s+want(?:ing)?\s+(?:to\s+)?(?:live|be alive"
          r"|life anymore|be in this life|be on this earth)\b"
          r"(?!\s+(?:near|in|with|there|at|on|next|close|by|round|around|somewhere|abroad|here"
          r"|so far|miles))"
          r"|\b(?:better|best)\s+(?:if\s+)?i\s+(?:die|am dead|dead|not here|not alive|gone"
          r"|am gone|not exist)\b(?!\s+(?:my|the|her|his)\s+hair)", negatable=False),
    _rule("suicide", "sleep_and_not_come_back",
          r"\b(?:sleep|go to sleep|fall asleep|close my eyes|drift off)\s+and\s+(?:not|never)\s+"
          r"(?:come back|return|wake|open them)\b"
          r"|\bwant\s+(?:to\s+)?(?:just\s+)?sleep\s+(?:forever|for ever|permanently|for good)\b"
          r"|\b(?:hope|hoping|wish|pray|praying)\s+(?:that\s+)?i\s+(?:just|simply|would|could)\s+"
          r"(?:dont|wont|didnt|wouldnt|never|not)\s+wake\s+up\b", negatable=False),
    _rule("suicide", "arranged_who_has_the_baby",
          r"\b(?:sorted|sorting|arranged|arranging|planned|planning|decided|written down"
          r"|worked out)\s+(?:out\s+)?who\s+(?:gets|will get|would get|has|will have|would have"
          r"|takes|will take|looks after|will look after|would look after|raises|will raise)\s+"
          r"(?:the baby|my baby|the kids|my kids|the children|him|her|them|my son|my daughter"
          r"|everything)\b[^?]{0,40}\b(?:if|when|after)\s+(?:anything|something|i)\b",
          negatable=False),
    _rule("suicide", "decided_im_done",
          r"\b(?:decided|made up my mind|made my mind up)\s+(?:that\s+)?(?:im|i am|i\s+m)\s+"
          r"(?:done|finished|going|out)\b"
          r"(?!\s+(?:with (?:the|breast|feeding|formula|pumping|work|him)|feeding|having|to"
          r"|back|home|out|for|on))", negatable=False),
    _rule("suicide", "not_here_by_then",
          r"\b(?:dont|cant|do not|can not|cannot)\s+(?:really\s+|genuinely\s+|honestly\s+)?"
          r"(?:see|imagine|picture)\s+(?:myself|me)\s+(?:still\s+)?(?:being\s+)?(?:here|alive"
          r"|around)\s+(?:at|for|by|in|next|this|when)\b"
          r"|\b(?:dont|do not)\s+think\s+(?:ill|i will|i\s+ll)\s+(?:still\s+)?be\s+(?:around"
          r"|here|alive)\s+(?:by|at|for|in|when|next)\b", negatable=False),
    _rule("suicide", "last_goodbye",
          r"\b(?:said|saying|say)\s+(?:goodbye|bye)\b[^?]{0,50}\blike\s+it\s+(?:was|is|would be)"
          r"\s+the\s+last\s+time\b"
          r"|\blike\s+it\s+(?:was|is|would be)\s+the\s+last\s+time\b[^?]{0,10}\b(?:it might be"
          r"|it (?:could|will|may) be|maybe it is|it probably is)\b", negatable=False),
    _rule("suicide", "steer_into_traffic",
          r"\b(?:think|thinking|thought|urge|urges|want|wanted|tempted|imagine|imagining)\w*\s+"
          r"(?:about\s+|of\s+|to\s+)?(?:just\s+)?(?:turning|turn|swerving|swerve|steering|steer"
          r"|driving|drive|crashing|crash|veering)\s+(?:the\s+(?:wheel|car)\s+)?(?:@GAP){0,2}?"
          r"(?:into|off|in front of)\s+(?:the\s+|a\s+|an\s+)?(?:barrier|barriers|oncoming|traffic"
          r"|lorry|lorries|wall|tree|bridge|central reservation|river|sea|cliff|bus|road)\b",
          negatable=False),
    _rule("self_harm", "hidden_blade",
          r"\b(?:razor|razor blade|blade|blades|knife)\b[^?]{0,40}\b(?:hidden|hid|hiding|stashed"
          r"|stash)\b(?!\s+(?:from|away from|out of reach of)\s+(?:the baby|him|her|the kids))"
          r"|\b(?:hidden|hid|hiding|stashed|keep|kept|keeping)\s+(?:a\s+)?(?:razor blade|razor"
          r"|blade|blades)\s+(?:in|under|inside)\s+my\b"
          r"|\b(?:fresh|open|new)\s+(?:cuts|wounds|burns)\b"
          r"|\b(?:arms|wrists|thighs|legs)\b[^?]{0,60}\bfresh\s+(?:ones|marks|scars)\b",
          unless_before=r"\b(?:c ?section|section|stitches|tear|baby|babys|his|her)\s+(?:@GAP)?$",
          negatable=False),
    _rule("self_harm", "head_on_the_wall",
          r"\b(?:bang|banging|bangs|hit|hitting|smash|smashing|bash|bashing|whack|whacking)\s+"
          r"my\s+head\s+(?:on|off|against)\s+(?:the\s+)?(?:wall|walls|floor)\b",
          unless_before=r"\b(?:like|its like|feels like|as if|as though)\s+(?:@GAP)?$",
          unless_after=r"\s*(?:@GAP){0,2}?(?:trying|getting|to get)", negatable=False),
    _rule("self_harm", "dug_into_my_skin",
          r"\b(?:dug|dig|digging|pressed|pressing|pushed|pushing|stuck|sticking|stabbed|stabbing"
          r"|dragged|dragging|scraped|scraping|ran|running)\s+(?:@GAP){0,4}?(?:into|across"
          r"|along|down)\s+my\s+(?:own\s+)?(?:wrists?|arms?|legs?|thighs?|skin|hands?|stomach"
          r"|belly|hips?)\b",
          unless_before=r"\b(?:baby|babe|he|she|hes|shes|son|daughter|toddler|cat|dog|kitten"
          r"|puppy|they|it)\s+(?:@GAP)?$",
          unless_after=r"\s*(?:@GAP){0,3}?(?:by accident|accidentally|to check|feeding)"),
    _rule("harm_baby", "shook_the_baby",
          r"(?:^|[.!?,;]\s*|\b(?:and|then|i|ive|i have|i just|i nearly)\s+)(?:shook|shaken|shake)"
          r"\s+(?:him|her|them|the baby|my baby|the babe|my son|my daughter)\b"
          r"(?!\s+(?:awake|up|gently|off|hand|to wake))"
          r"|\b(?:threw|thrown|throw|chucked|flung|tossed|slammed|dropped)\s+@BABY\s+(?:down\s+)?"
          r"(?:onto|on|into|in|down on|across)\s+(?:the|her|his|a|my)\s+(?:bed|cot|sofa|floor"
          r"|settee|couch|mattress|moses basket)\b[^.!?]{0,20}\b(?:hard|too hard|roughly"
          r"|rough|frightened|scared me|on purpose)\b"
          r"|\b(?:dont|didnt|do not|did not)\s+know\s+what\s+(?:id\s+(?:of\s+|have\s+|ve\s+)?"
          r"|i\s+(?:would|might|could|would of|wouldve|mightve|might of|couldve|would have"
          r"|might have)\s+(?:have\s+)?)(?:done|do)\b"
          r"(?!\s+(?:without|if it wasnt|if it werent|if (?:she|he|they) hadnt))",
          negatable=False),
    _rule("harm_baby", "wish_baby_gone",
          r"\b(?:wish|wished|wishing)\s+(?:@BABYNOUN|she|he|shed|hed|they|theyd)\s+(?:had\s+)?"
          r"(?:never|hadnt|not)\s+(?:been\s+)?(?:born|been born|come along|arrived)\b"
          r"|\b(?:want|wanted|wish)\s+(?:someone|somebody|social services|them|you)\s+(?:to|would)"
          r"\s+(?:come and\s+|just\s+)?take\s+(?:her|him|them|the baby|my baby)\s+away\b"
          r"|\b(?:give|giving|gave)\s+(?:@BABYNOUN|her|him)\s+away\b(?!\s+(?:at|to (?:the|her|his)"
          r" (?:groom|husband)|clothes|toys))"
          r"|\bwant\s+(?:@BABYNOUN)\s+(?:gone|to (?:disappear|go away|be gone))\b"
          r"|\bfeel\s+nothing\b[^?]{0,40}\bwant\s+(?:her|him|it|them)\s+(?:gone|away)\b"
          r"|\b(?:dont|do not|never)\s+want\s+(?:the baby|this baby|my baby|the babe|him|her)\s+"
          r"(?:here|anymore|any more|around)\b[^?]{0,40}\b(?:baby|feel nothing|i mean it|give)",
          negatable=False),
    _rule("danger_at_home", "he_knows_where_i_am",
          r"@SUBJ\s+(?:@FGAP){0,2}?(?:knows|found out|has found out|worked out|finds out)\s+"
          r"where\s+(?:i|we)\s+(?:live|go|am|are|work|stay|moved)\b"
          r"|@SUBJ\s+(?:@FGAP){0,2}?(?:keeps|kept|been|is|always)\s+(?:turning|showing)\s+up\s+"
          r"(?:outside|at|at the|round)\b"
          r"|@SUBJ\s+(?:is|s|was)\s+coming\s+(?:for|to (?:take|get))\s+(?:@BABY|us|me)\b"),
    _rule("danger_at_home", "held_me_down",
          r"\b(?:held|holding|hold|holds|pinned|pinning|pins|pin)\s+me\s+down\b"
          r"|\bbruises?\b[^.!?]{0,40}\b(?:from\s+(?:where\s+)?(?:he|him|my partner|my husband)"
          r"|where\s+he)\b"
          r"|\b(?:hiding|hid|locked myself)\b[^?]{0,60}\b(?:hes|he is|he was|he)\s+(?:@GAP)?"
          r"(?:shouting|screaming|throwing|smashing|banging|kicking|raging|going mad|punching)"
          r"|@SUBJ\s+(?:@FGAP){0,2}?(?:broken|smashed|thrown|taken away)\s+my\s+(?:phone|keys"
          r"|bank card|cards|purse|passport)\b"),
    _rule("overdose", "taking_many_now",
          r"\b(?:i|im|i am)\s+(?:take|taking|took|have taken|have take)\s+(?:many|so many|lots of"
          r"|a lot of|all|all the|too many)\s+(?:the\s+|my\s+)?@PILL\b"
          r"|\b@PILL\b[^?]{0,60}\blost\s+count\b|\blost\s+count\s+(?:of\s+)?(?:how many\s+)?"
          r"(?:@GAP)?@PILL"
          r"|\btriple[ -]?dos\w*|\b(?:double[ -]?dosed|doubled)\b[^.!?]{0,30}\b(?:tripled|triple"
          r"|again and again|kept going)\b"
          r"|\b@PILL\b[^?]{0,60}\b(?:had|taken|took|swallowed)\s+(?:\d+|three|four|five|six|seven"
          r"|eight|nine|ten|\w+teen|twenty)\s+(?:of them\s+)?(?:so far|now|already)\b"
          r"|\b(?:keep|kept|been)\s+taking\s+(?:more\s+)?(?:of\s+)?(?:the|my)\s+(?:@GAP)?@PILL\b"
          r"[^?]{0,40}\b(?:so far|lost count|all day|all night|one after)"
          r"|\b@PILL\b[^?]{0,80}\b(?:vodka|wine|gin|whisky|drink|booze|alcohol)\b[^?]{0,40}\b"
          r"(?:going to|gonna|about to)\s+take\s+(?:some\s+)?more\b", others=True),
    # Families added after measuring blind_set_4.yml (docs/safety.md): dialect, second-language
    # English, rehearsals, goodbyes, and abuse described without naming it.
    _rule("suicide", "rehearsal_and_attempt",
          r"\b(?:under|away|off)\s+and\s+(?:not|never)\s+(?:come|coming)\s+back(?:\s+up)?\b"
          r"|\b(?:wont|will not|not going to)\s+be\s+(?:here|around|alive)\s+(?:for\s+(?:it|that"
          r"|them|christmas|her birthday|his birthday)|to see (?:it|that|her|him)|by then"
          r"|next (?:week|month|year))\b"
          r"|\b(?:if|when)\s+(?:a|the)\s+(?:bus|car|lorry|train|van)\s+(?:hit|hits|ran over"
          r"|runs over|knocked|knocks)\s+(?:me|into me)\b[^.!?]{0,30}\b(?:relieved|relief|glad"
          r"|wouldnt mind|happy|grateful)"
          r"|\b(?:tried|attempted)\s+(?:@GAP){0,3}?(?:with|using)\s+(?:a|the|my|his)\s+(?:belt"
          r"|rope|cord|scarf|tie|lead|cable|charger|dressing gown cord|pills|tablets|knife)\b"
          r"|\bmy\s+(?:last\s+|first\s+|second\s+)?(?:suicide\s+)?attempt\b"
          r"|\b(?:like\s+)?(?:practising|practicing|rehearsing)\b(?=\s*(?:[.!?,]|$|\s+(?:it"
          r"|for it|for when|for the)))"
          r"|\bsaid\s+(?:goodbye|bye)\b[^?]{0,60}\b(?:look after|loved? (?:her|him|them|you))\b"
          r"|\bif\s+anything\s+(?:ever\s+)?happen\w*\s+to\s+me\b[^?]{0,60}\b(?:i meant it"
          r"|i mean it|not joking|serious)\b"
          r"|\b(?:bank details|passwords|pin numbers|my will|life insurance)\b[^?]{0,40}\b(?:in"
          r" the drawer|for (?:him|her|them|my|the)|left (?:for|with)|written down)",
          negatable=False),
    _rule("self_harm", "hair_skin_and_hidden_blades",
          r"\b(?:pulled|pulling|pull|ripped|ripping|tore|tearing)\s+(?:out\s+)?(?:@GAP){0,3}?"
          r"(?:hair|eyelashes|eyebrows)\b[^?]{0,60}\b(?:bald|cant stop|on purpose|until it bleeds"
          r"|till it bleeds)"
          r"|\b(?:arms|wrists|thighs|legs)\b[^?]{0,60}\bfresh\b"
          r"|\b(?:blades?|razors?)\b[^?]{0,60}\b(?:under|in)\s+(?:the|my)\s+(?:mattress|pillow"
          r"|bed|drawer)\b"
          r"|\b(?:blades?|razors?)\b[^?]{0,60}\b(?:use|used|using)\s+(?:them|it)\s+when\b"
          r"|\b(?:went|go|gone|cut|cuts|going)\s+(?:a bit\s+|way\s+|much\s+)?deeper\s+than\s+"
          r"(?:i\s+)?(?:meant|usual|normal|planned|intended|before|last time)"
          r"|\b(?:skipping|skip|skipped|refusing|stopped eating|not eating)\s+(?:meals|food"
          r"|dinner|breakfast|lunch)?\s*(?:on purpose|deliberately|to punish|as punishment)"
          r"|\b(?:scrub|scrubbed|scrubbing|rub|rubbed|rubbing|scratch|scratched|scratching)\s+"
          r"my\s+(?:skin|arms|legs|face|hands)\b[^.!?]{0,40}\b(?:raw|bleed|bled|bleeding)\b",
          unless_before=r"\b(?:babys|her|his|the babys)\s+$", negatable=False),
    _rule("harm_baby", "knife_and_leaving_baby",
          r"\b(?:imagin\w*|picture\w*|visuali\w*|see|seeing|thoughts? of)\s+(?:the\s+|a\s+)?"
          r"(?:knife|scissors|blade)\s+(?:going\s+)?into\s+(?:her|him|the baby|my baby)\b"
          r"|\b(?:leave|leaving)\s+@BABY\s+(?:at|on|outside)\s+(?:the\s+)?(?:hospital|doorstep"
          r"|church|police station|fire station|hospital doors?|front door of)\b"
          r"|\b(?:@BABYNOUN|he|she|hes|shes)\s+(?:would|will|d|is|s)?\s*(?:be\s+)?better\s+off\s+in"
          r"\s+care\b"
          r"|\b(?:bounced|shook|jiggled|rocked|jostled|threw|plonked|dropped|put)\s+@BABY\s+"
          r"(?:down\s+)?(?:@GAP){0,3}?(?:way\s+|far\s+|much\s+)?too\s+(?:hard|rough\w*)\b"
          r"[^.!?]{0,40}\b(?:angry|furious|raging|frustrated|fuming|lost it|head)\b"
          r"|\bwish\s+(?:someone|somebody|social services|they)\s+would\s+(?:just\s+)?(?:come\s+"
          r"and\s+)?take\s+(?:her|him|them|the baby)\s+away\b", negatable=False),
    _rule("psychosis", "strange_certainties",
          r"\b(?:@BABYNOUN|baby)\s+(?:@GAP){0,6}?(?:isnt|is not|aint)\s+(?:really\s+)?mine\b"
          r"|\b(?:number plates|registration plates|licen[cs]e plates)\b[^?]{0,80}\b(?:message"
          r"|messages|sign|signs|meant for me|about me|for me)\b"
          r"|\b(?:man|woman|figure|person|someone|shadow|lady|child|old man|old woman)\s+(?:stood"
          r"|standing|sat|sitting)\s+(?:at|in|by)\s+(?:the\s+)?(?:end of the bed|foot of the bed"
          r"|end of my bed|corner of the room|doorway)\b"
          r"|\b(?:tracker|chip|microchip|transmitter|listening device)\s+(?:in|inside|under)\s+"
          r"(?:me|my\s+(?:body|head|skin|arm|scar|brain|tooth|teeth|tummy)|the baby|her|him)\b"
          r"|\b(?:watching|listening|spying)\s+(?:on\s+)?(?:me\s+|us\s+)?(?:through|via)\s+"
          r"(?:the|my)\s+(?:phone|camera|phone camera|tv|telly|laptop|webcam|baby monitor"
          r"|smart speaker|alexa|wifi|walls|mirror)\b"
          r"|\b(?:feel|feeling|felt)\s+(?:@GAP)?(?:hands|someone|something|fingers|breath|a hand)"
          r"\s+(?:on|touching|pressing|grabbing|stroking)\s+(?:me|my)\b[^?]{0,40}\b(?:nobody"
          r"|no one|nobodys|no ones|theres nobody|nothing there)"
          r"|\beverything\s+(?:is|s)\s+(?:all\s+)?connected\b", negatable=False),
    _rule("danger_at_home", "abuse_without_the_word",
          r"\b(?:hands?|fingers|arm)\s+(?:round|around|on|over)\s+my\s+(?:neck|throat)\b"
          r"|\b(?:locked|locks|locking)\s+(?:me\s+)?in\s+(?:the\s+)?(?:bedroom|room|house|flat"
          r"|bathroom)\b[^?]{0,40}\b(?:again|key|wont let|he)\b"
          r"|(?:^|[.!?,;]\s*)(?:shoved|pushed|grabbed|punched|slapped|kicked|choked|strangled"
          r"|dragged|headbutted|elbowed)\s+me\b"
          r"|\b(?:said|says|saying)\s+it\s+was\s+an\s+accident\b[^?]{0,20}\b(?:it wasnt"
          r"|it was not|wasnt|it never was)\b"
          r"|\b(?:he|hes)\s+(?:reads|checks|goes through|monitors|looks through|tracks)\s+"
          r"(?:everything|all my|my (?:phone|messages|texts|emails|location))\b"
          r"|\b(?:lobbed|threw|chucked|flung|hurled|launched)\s+(?:a|the|his|her)\s+\w+\s+at\s+"
          r"(?:me|my head)\b"
          r"|\b(?:tracker|tracking app|tracking device|spyware|an app)\b[^.!?]{0,30}\b(?:on|in)\s+"
          r"my\s+(?:phone|car|bag)\b"
          r"|\b(?:take|taken|took|takes|keeps|has)\s+my\s+(?:passport|bank card|cards|money"
          r"|wages|benefits|keys)\b[^?]{0,60}\b(?:cannot|cant|wont let|not allowed|without him)"
          r"|\b(?:cant|cannot|can not|not allowed to|isnt allowed|wont let me)\s+(?:to\s+)?"
          r"(?:leave|go out of)\s+(?:the\s+)?(?:house|flat|home)\s+without\s+(?:him|his)\b"
          r"|\b(?:hell|he will|hes going to|he is going to|theyll)\s+(?:come|be)\s+looking\b"
          r"|\bnowhere\s+(?:else\s+)?to\s+go\s+with\s+(?:the|my)\s+(?:baby|bairn|kids|wean"
          r"|children|little one)\b"),
    _rule("overdose", "doses_in_one_go",
          r"\b@TOOK\s+(?:double|triple|twice|three times)\s+(?:my|the)\s+(?:@GAP)?@PILL\b"
          r"|\b(?:take|taking)\s+@QTY\s+(?:@GAP)?@PILL\b[^.]{0,20}\?\s*(?:because|cos|coz|as)?"
          r"\s*i\s+(?:already|just)\s+(?:have|did)\b"
          r"|\b@TOOK\s+(?:\d+|two|three|four|five|six|seven|ten)\s+(?:days|weeks|months)\s+"
          r"(?:worth|supply)\b"
          r"|\b(?:already|just)\s+(?:took|taken|swallowed)\s+(?:the|them|my|all)\s*(?:@PILL)?\b"
          r"[^?]{0,40}\b(?:sorry|goodbye|bye|someone to know|tell someone)"
          r"|\bon\s+(?:my|the)\s+(?:second|third|2nd|3rd|last)\s+(?:packet|box|bottle|strip|pack)"
          r"\b[^?]{0,40}\b(?:tonight|today|still going|and counting)", others=True),
    # Families added after measuring blind_set_5.yml and blind_set_6.yml (docs/safety.md):
    # questions that disclose ("is it normal to..."), rehearsals, affairs put in order, wounds
    # described by their care, abuse by control, and overdoses told by their effects.
    _rule("suicide", "means_places_and_affairs",
          r"\b(?:top floor|multi ?storey|bridge|cliff|roof|balcony|platform|railway|railway line"
          r"|the line|tracks|station)\b[^?]{0,80}\b(?:how far down|(?:it )?would (?:it )?be quick"
          r"|how quick|how easy it would be|if it would hurt)"
          r"|\b(?:picture|picturing|imagine|imagining|planning|plan|thinking about)\s+my\s+"
          r"(?:own\s+)?funeral\b"
          r"|\b(?:rope|belt|cord|ligature)\b[^?]{0,60}\bwhat\s+i\s+could\s+do\s+with\s+it\b"
          r"|\b(?:cord|rope|belt|banister|bannister|hook|beam|scarf|tie)\b[^?]{0,80}\bhold\s+my\s+"
          r"weight\b"
          r"|\b(?:make sure|tell|let)\s+(?:the\s+|my\s+)?(?:boys|girls|kids|children|baby|him|her"
          r"|them|\w+)\s+knows?\s+(?:that\s+)?i\s+loved\s+(?:them|him|her)\b"
          r"|\b(?:keeping|kept|putting|put|saving|saved|hoarding|collecting|stashing)\s+(?:back\s+"
          r"|aside\s+|away\s+)?(?:@GAP){0,4}?@PILL\b[^?]{0,60}\b(?:(?:nearly|almost|just about)\s+"
          r"enough|enough now|enough to)"
          r"|\b(?:having|had|getting|got)\s+(?:those|them|the|my)\s+(?:dark\s+|bad\s+|old\s+)?"
          r"thoughts\s+again\b|\b(?:those|the dark|the bad)\s+thoughts\s+(?:are\s+)?(?:back"
          r"|coming back)\b"
          r"|\b(?:letters?|notes?|cards?)\b[^?]{0,80}\bwhere\s+(?:he|she|they|\w+)\s+(?:will|would"
          r"|can)\s+find\s+them\b"
          r"|\b(?:have|take|look after|raise)\s+(?:the baby|the kids|the boys|the girls|him|her"
          r"|them)\s+if\s+anything\s+(?:ever\s+)?(?:happens|happened)\s+to\s+me\b[^?]{0,80}\b"
          r"(?:sorted|calm|made sure|decided|i meant|i mean)"
          r"|\bdecided\s+(?:that\s+)?(?:she|i)\s+(?:isnt|is not|am not|im not|wont be)\s+(?:doing"
          r" this|going to do this|here|around)\s+(?:much|for much|any)\s+longer\b"
          r"|\b(?:cope|manage)\s+(?:after|afterwards)(?=\s*(?:[.!?,]|$))"
          r"|\bwho\s+would\s+find\s+me\b"
          r"|\bdecided\b[^?]{0,30}\b(?:just\s+)?(?:dont|do not)\s+know\s+when\b"
          r"|\b(?:just\s+)?wanted\s+to\s+say\s+(?:sorry|goodbye|bye)\s+to\s+(?:someone|somebody"
          r"|anyone)\b"
          r"|\b(?:steering|steer|swerving|swerve|driving|drive)\s+(?:@GAP){0,2}?into\s+the\s+path"
          r"\s+of\b", negatable=False),
    _rule("self_harm", "wounds_and_ways",
          r"\b(?:bite|biting|bit|scratch|scratching|hit|hitting|punch|punching|pinch|pinching"
          r"|slam|slamming|slammed)\s+my\s+(?:own\s+)?(?:wrists?|arms?|hands?|legs?|thighs?|skin"
          r"|fingers?)\b[^.!?]{0,40}\b(?:hard enough|leave (?:a\s+)?marks?|till|until|when im (?:on"
          r" my own|alone)|every time i feel)"
          r"|\b(?:the\s+)?cuts\s+(?:from|on)\s+(?:monday|tuesday|wednesday|thursday|friday"
          r"|saturday|sunday|last night|yesterday|the weekend)\b"
          r"|\b(?:marks|cuts|burns|scars)\s+(?:ive|i have|i|i ve)\s+(?:made|done|did|given myself)"
          r"\b"
          r"|\b(?:legs|arms|thighs|wrists)\b[^?]{0,40}\bwhat\s+i\s+do\s+to\s+(?:them|myself)\b"
          r"|\bmade\s+myself\s+(?:sit|stand|stay|lie|hold)\b[^?]{0,60}\b(?:scalding|boiling"
          r"|freezing|deserved|punish)"
          r"|\bdeserved\s+it\b[^?]{0,20}\b(?:so|and)\s+i\s+did\s+it\b"
          r"|\b(?:dig|digging|dug|press|pressing|pressed)\s+my\s+(?:finger\s*)?nails\s+into\s+my\b"
          r"|\bto\s+make\s+(?:it|myself|me)\s+hurt\b"
          r"|\bsomething\s+sharper\b"
          r"|\b(?:snap|snapping|ping|pinging|flick|flicking)\s+(?:a|an|the|my)?\s*(?:hair bobble"
          r"|bobble|elastic band|rubber band|band|hair tie)\s+(?:on|against)\s+(?:my|their|your"
          r"|her)\s+wrists?\b"
          r"|\b(?:make|making|made)\s+myself\s+(?:sick|throw up|vomit)\b"
          r"|\b(?:razor|blade|blades)\b[^?]{0,40}\b(?:taped|tucked|nobody knows about|for"
          r" emergencies)\b"
          r"|\b(?:hidden|hid|hiding|stashed|keep|kept)\s+(?:a\s+)?(?:pencil\s+)?sharpener\s+blades?"
          r"|\b(?:small|little|tiny|quick)\s+cut\b[^?]{0,30}\b(?:to let|let some|release|to feel)"
          r"|\bknife\b[^?]{0,30}\bmy\s+own\s+(?:arm|wrist|leg|skin)\b"
          r"|\bsh\s+(?:urges?|thoughts|again|relapse)\b", negatable=False),
    _rule("harm_baby", "urges_and_marks",
          r"\b(?:throw|throwing|threw|chuck|chucking|hurl|hurling)\s+@BABY\s+(?:at|against|into)"
          r"\s+(?:the\s+)?(?:wall|walls|floor|window)\b"
          r"|\b(?:tiny|little)\s+thing\b[^?]{0,40}\b(?:throw|throwing|hurt|hurting|drop|dropping"
          r"|shake|shaking|smother)"
          r"|\b(?:pillow|blanket|cushion|hand)\s+over\s+(?:your|my|the|her|his)\s+(?:babys|baby"
          r"|little ones)?\s*(?:face|mouth|nose)\b"
          r"|\b(?:hopes?|hoping|wish|wishing)\s+(?:the\s+)?(?:machines|monitors|ventilator|her"
          r" breathing|his breathing)\s+(?:stop|stops|would stop)\b"
          r"|\b(?:squeezed|gripped|grabbed|pinched|yanked|pulled)\s+(?:his|her|the babys)\s+(?:arm"
          r"|arms|leg|legs|wrist|hand)\b[^?]{0,40}\b(?:too tight|too hard|mark|bruise|bruises)\b"
          r"|\b(?:screamed|shouted|yelled)\s+(?:right\s+)?in\s+(?:his|her|the babys)\s+face\s+"
          r"(?:till|until)\b"
          r"|\b(?:hid|hidden|hide|locked away)\s+(?:every|all the|all of the|the)\s+(?:knife"
          r"|knives|sharp things)\b[^?]{0,40}\b(?:because|cos|in case)\s+(?:the image|of me|i|im"
          r"|my|part of me)"
          r"|\b(?:knives|knife block)\b[^?]{0,80}\b(?:have to|had to)\s+(?:leave|walk away"
          r"|get out)"
          r"|\b(?:scared|afraid|frightened|terrified|worried)\s+(?:@GAP){0,2}?(?:ill|i will|i might"
          r"|i could|im going to)\s+@HARMSOFT\s+one\s+of\s+(?:them|the twins|the kids"
          r"|the babies)\b"
          r"|\bwhat\s+i\s+(?:wanted|want|wanna)\s+to\s+do\s+to\s+(?:her|him|the baby|them)\b"
          r"|\b(?:wont|doesnt|dont|wouldnt)\s+(?:leave|let)\s+me\s+(?:be\s+)?alone\s+with\s+"
          r"(?:the baby|her|him|them)\b"
          r"|\b(?:cant|can not|cannot|dont think i can|not sure i can|unable to)\s+keep\s+@BABY\s+"
          r"safe\b"
          r"|\bif\s+i\s+(?:go|went)\s+back\s+in\b[^?]{0,30}\b(?:ill|i will|i might|i would|id)\s+"
          r"(?:do something|hurt|lose it)"
          r"|\bmy\s+hands\s+(?:wanted|want|were going)\s+to\s+(?:squeeze|shake|hurt|hit|grip)\b"
          r"|\bthrew\s+@BABY\s+down\s+(?:on|onto)\s+(?:the|her|his)\s+\w+\s+(?:way\s+)?harder\b",
          negatable=False),
    _rule("psychosis", "beliefs_and_perceptions",
          r"\bshadow\s+(?:people|person|man|men|figures?)\b"
          r"|\b(?:phone|mobile|house|flat|calls|messages|line)\s+(?:is|are|s|has|have)\s+(?:been\s+)?"
          r"(?:being\s+)?(?:monitored|bugged|tapped|hacked)\b"
          r"|\breporting\s+(?:everything|all)\s+(?:i do|i say)\b"
          r"|\bthoughts\s+(?:are\s+)?(?:going|racing|coming)\s+(?:so|too)\s+fast\s+(?:that\s+)?i\s+"
          r"(?:cant|cannot)\s+(?:catch|keep up|follow)"
          r"|\beyes\s+(?:changed|change|turned|go|went)\s+(?:colour|color|black|red)\b"
          r"|\b(?:spoke|speaks|talked|talks)\b[^.!?]{0,30}\bin\s+a\s+(?:mans|man s|strange|deep"
          r"|demon|different)\s+voice\b"
          r"|\b(?:no idea|dont know|cant remember|couldnt work out)\s+how\s+i\s+got\s+"
          r"(?:there|here)\b|\blosing\s+(?:hours|days)\b"
          r"|\b(?:tv|telly|radio|number plates|signs|songs)\s+(?:is|are|keeps?)\s+"
          r"(?:giving|telling)"
          r"\s+me\s+(?:instructions|orders|commands|what to do|to)\b"
          r"|\b(?:power|powers|gift|ability)\s+to\s+(?:heal|read minds|control|see the future)\b"
          r"|\b(?:no sleep|not slept|havent slept)\b[^?]{0,40}\b(?:feel amazing|feel incredible"
          r"|never felt better|full of energy)"
          r"|\b(?:tv|telly|radio|presenter|woman on|man on|newsreader|this morning|the news)\b"
          r"[^?]{0,60}\b(?:talking|speaking)\s+(?:directly\s+|straight\s+)?to\s+me\b"
          r"|\b(?:man|woman|figure|person|someone|shadow)\s+(?:stood|standing)\s+(?:at the end of"
          r"|over)\s+(?:the|her|his)\s+(?:cot|moses basket|crib|pram)\b"
          r"|\b(?:its|it has|it s)\s+been\s+(?:tapped|bugged)\b"
          r"|\b(?:theyve|they have|someones|someone has)\s+(?:already\s+)?(?:got into|hacked"
          r"|bugged|tapped)\s+my\s+(?:phone|laptop|house|email)\b"
          r"|\b(?:hes|shes|he has|she has|ive|i have|weve)\s+been\s+chosen\b"
          r"|\bwhat\s+year\s+it\s+is\b|\bwhose\s+(?:pram|baby|buggy)\s+i\s+was\b",
          negatable=False),
    _rule("danger_at_home", "control_and_fear",
          r"\b(?:partner|husband|boyfriend|fella)\s+to\s+(?:shove|push|hit|slap|grab|choke|kick)\s+"
          r"(?:you|me)\b"
          r"|@SUBJ\s+(?:@FGAP){0,2}?(?:grabs|grabbed|grabbing|twists|twisted|squeezes|squeezed"
          r"|pins|pinned)\s+my\s+(?:wrists?|arms?|throat|neck|hair|face)\b"
          r"|\b(?:keeps|kept|keep)\s+coming\s+into\s+my\s+(?:room|bed|bedroom)\s+at\s+night\b"
          r"|\b(?:he|hes|him)\b[^?]{0,80}\bso\s+(?:i|we)\s+(?:cant|cannot|can not|couldnt)\s+"
          r"(?:leave|get out|go out|go anywhere|message|call|ring|contact)\b"
          r"|\b(?:locks|locked|locking)\s+(?:the\s+)?(?:front\s+|back\s+)?(?:door|doors)\s+and\s+"
          r"(?:takes|took|hides|keeps)\s+the\s+keys?\b"
          r"|\b(?:he|hes)\b[^?]{0,80}\b(?:cant|cannot|can not|scared to|afraid to|too scared to)\s+"
          r"go\s+(?:back\s+)?(?:in|inside|home)\b"
          r"|@SUBJ\s+(?:@FGAP){0,3}?(?:smashed|smashing|smashes|punched)\s+(?:the|a|my)\s+"
          r"(?:telly|tv|door|wall|window|plates|mirror)\b"
          r"|\b(?:he|hes|hell|she|shell|shed|hed)\b[^?]{0,40}\bsocial\s+services\b[^?]{0,60}"
          r"\b(?:if i dont|unless i|if i tell|if i leave|if i told)\b"
          r"|\bunfit\s+(?:mum|mother)\b[^?]{0,60}\b(?:if i|unless)\b"
          r"|\b(?:if i dont|unless i)\s+do\s+what\s+(?:im|i am|hes)\s+told\b"
          r"|\b(?:hes|he is)\s+on\s+bail\b"
          r"|\bnot\s+allowed\s+(?:out|to\s+\w+)\b[^?]{0,30}\bwithout\s+him\b"
          r"|\b(?:hes|he has)\s+(?:taken|took|hidden)\s+my\s+(?:keys|passport|bank card|phone)\b"
          r"|\b(?:bruises?|marks|black eye|split lip)\b[^?]{0,40}\b(?:arent|isnt|wasnt|werent"
          r"|not)\s+from\s+(?:falling|a fall|the door|the stairs|walking into)"
          r"|\b(?:he|hes)\s+(?:just\s+|always\s+)?(?:decides|controls|chooses|picks)\s+"
          r"(?:what i wear|who i see|when i eat"
          r"|what i eat|where i go|what i spend)"
          r"|\b(?:mother in law|mil|father in law|stepdad|step dad)\s+(?:@FGAP)?(?:shoved|pushed"
          r"|hit|slapped|punched|kicked|grabbed|threw)\s+me\b"
          r"|\b(?:forces|forced|forcing)\s+(?:it|himself|sex)\b|\b(?:its|it is)\s+his\s+right\b"
          r"|\bended\s+up\s+with\s+(?:a\s+)?(?:split lip|black eye|bruises)\b"
          r"|\b(?:when|while)\s+hes\s+(?:drinking|drunk|been drinking)\b[^?]{0,60}\bwhat\s+"
          r"happens\b"
          r"|\b(?:stop replying|have to go|got to go|gotta go|deleting this|delete this)\b"
          r"[^?]{0,30}"
          r"\bhes\s+(?:back|home|here|coming)\b"
          r"|\bhes\s+(?:back|home)\s+(?:early|now)\b[^?]{0,30}\b(?:stop replying|have to go"
          r"|got to go|delete)"
          r"|\b(?:keeping|kept|keep|got|have)\s+a\s+bag\s+packed\b[^?]{0,60}\b(?:by the (?:back"
          r"|front) door|in case i need to (?:leave|go|get out)|to get away)"),
    _rule("overdose", "effects_and_counts",
          r"\bmore\s+(?:of\s+)?(?:the|my)\s+(?:@GAP)?@PILL\s+than\s+(?:im|i am|i was)\s+(?:supposed"
          r"|meant|allowed)"
          r"|\b(?:taking|swallowing|popping)\s+(?:them|(?:the|my)\s+(?:@GAP)?@PILL|@PILL)\s+"
          r"(?:one after another|one at a time|one by one)\b[^?]{0,30}\b(?:right now|now|while i"
          r"|as i)"
          r"|\b(?:tablets|pills|meds)\s+(?:are|have|s)\s+(?:started\s+)?kicking\s+in\b[^?]{0,60}"
          r"\b(?:sorry|goodbye|bye)"
          r"|\b(?:taken|took|swallowed|had)\s+everything\s+(?:that\s+)?(?:was|is)\s+in\s+the\s+"
          r"(?:medicine\s+|bathroom\s+)?(?:cabinet|cupboard|drawer|box)"
          r"|\bgoing\s+back\s+(?:to\s+the\s+\w+\s+)?for\s+(?:another|more)\s+(?:@GAP)?@PILL"
          r"|(?:^|[.!?]\s*)(?:i\s+|ive\s+|just\s+)?(?:took|taken|swallowed)\s+them\s+all\s*"
          r"(?:[.!?]|$)"
          r"|\b@PILL\b[^?]{0,80}\b(?:im|i am)\s+on\s+(?:about\s+)?(?:\d+|\w+)\s+(?:or\s+\w+\s+)?"
          r"(?:now|so far)\b"
          r"|\b(?:keep|kept|keeps)\s+taking\s+more\s+(?:of\s+)?(?:(?:the|my)\s+)?(?:@GAP)?@PILL"
          r"|\bwhat\s+i\s+(?:took|have taken|ve taken|swallowed)\b(?!\s+(?:to|for|from|with|was))"
          r"|\btwo\s+more\b[^?]{0,40}\b(?:box|packet|bottle)\s+(?:is|was|s)\s+empty\b"
          r"|\b@PILL\b[^?]*\?\s*[^?]{0,20}\b(?:i\s+)?(?:took|taken|had|swallowed)\s+(?:a lot|loads"
          r"|lots|too many|too much)\b"
          r"|\bempty\s+(?:blister\s+packs?|pill bottles|packets everywhere)\b"
          r"|\b@PILL\b[^?]{0,80}\bi\s+(?:took|have taken|ve taken|had|swallowed)\s+(?:a lot|loads"
          r"|lots|too many|too much)\b"
          r"|\bi\s+must\s+(?:have|of|ve)\s+(?:taken|took|swallowed)\s+(?:them|it|the lot|all)\b"
          r"|\btoo\s+many\s+of\s+(?:my|the)\s+(?:@GAP)?@PILL"
          r"|\b(?:i|ive|im|she|shes)\s+(?:had|taken|took)\s+too\s+many\s+of\s+her\s+(?:@GAP)?@PILL"
          r"[^?]{0,60}\b(?:thats me|its me)\b"
          r"|\b(?:taken|took|had|swallowed)\s+(?:way\s+|well\s+|a lot\s+|far\s+)?over\s+(?:the\s+)?"
          r"(?:dose|limit|recommended)"
          r"|\b(?:oded|odd|od)\s+on\s+(?:my|the)\s+(?:@GAP)?@PILL",
          unless_before=r"\b(?:feel|feeling|felt|look|looks|looking|seem|seems|bit|really|so"
          r"|quite|taste|tastes)\s+$", negatable=False),
    # Families added after measuring blind_set_7.yml and blind_set_8.yml (docs/safety.md):
    # goodbyes and handovers, rehearsals, wounds and hiding them, second-language English,
    # and asking "is it dangerous?" about what she has already done.
    _rule("suicide", "goodbyes_and_rehearsals",
          r"\b(?:written|wrote|writing)\s+(?:@GAP){0,2}?letters?\s+(?:for|to)\b[^?]{0,80}\b(?:drawer"
          r"|someone to know|in case|goodbye|for after|find them)"
          r"|\b(?:stood|standing|stand|stopping|stop|stopped|sat|sitting)\s+(?:@GAP){0,3}?(?:on|at"
          r"|by|near)\s+(?:the|a)\s+(?:bridge|cliff|cliffs|edge|platform|railway bridge)\b"
          r"[^?]{0,120}\b(?:how easy|looking down|look down|for ages|ages|for an hour|a long time"
          r"|thinking about)"
          r"|\b(?:dont|do not)\s+think\s+i\s+want\s+to\s+be\s+(?:here|around|alive)\b"
          r"|\bcount\w*\s+(?:out\s+)?(?:how many\s+)?(?:@GAP){0,2}?@PILL\b[^?]{0,60}\b"
          r"(?:put them back"
          r"|feel weird|in case|enough)"
          r"|\b(?:not turning|not turn|let go of)\s+the\s+wheel\b"
          r"|\bwhoever\s+(?:has|have|will have|ends up having)\s+to\s+(?:take over|look after"
          r"|raise)\b"
          r"|\b(?:practice|dry|trial)\s+run\b[^?]{0,60}\b(?:backed out|back out|try again"
          r"|trying again|go through with|next time)"
          r"|\b(?:tied|tie|tying|put|wrapped)\s+(?:something|a \w+|it|the \w+)\s+"
          r"(?:round|around)\s+"
          r"my\s+neck\b"
          r"|\bwithout\s+(?:me|them)\s+in\s+it\b"
          r"|\b(?:thinking|think|thought)\s+about\s+(?:driving|crashing|swerving|steering)\s+into\s+"
          r"(?:something|anything|a wall|a tree|a lorry|the barrier|traffic)\b"
          r"|\bfor\s+afterwards\b"
          r"|\b(?:said|saying|say)\s+my\s+goodbyes\b"
          r"|\b(?:probably\s+)?(?:wont|will not|not going to)\s+matter\s+(?:by then|soon|anymore)"
          r"|\btrain\s+times\b[^?]{0,60}\b(?:not to go|what i mean|not to catch|wasnt to)"
          r"|\b(?:with|took|taking|bought)\s+(?:a|the)\s+(?:rope|belt|cord)\b[^?]{0,60}\b"
          r"(?:came back"
          r"|next time|couldnt|didnt)\b"
          r"|\bbetter\s+off\s+with\s+(?:anyone|anybody|someone)\s+(?:but|else|other than)\b",
          negatable=False),
    _rule("self_harm", "wounds_and_hiding",
          r"\bused\s+to\s+(?:cut|self harm|burn myself|hurt myself)\b(?!\s+(?:hair|my hair|the|his"
          r"|her))[^?]{0,80}\b(?:did it again|again|started|back)\b"
          r"|\b(?:cuts|wounds|burns)\b.{0,80}?\bhow\s+i\s+got\s+them\b"
          r"|\bsleeves\s+down\b[^?]{0,40}\b(?:see|notice)\s+my\s+(?:wrists|arms|cuts|scars)\b"
          r"|\b(?:i|me|mi)\s+(?:cut|cutting)\s+(?:arm|arms|leg|legs|wrist|wrists)\b"
          r"|\b(?:stop|stopped|stopping)\s+eating\s+(?:on purpose|deliberately|to punish|as a"
          r" punishment|as punishment)"
          r"|\buse\s+(?:them|it|a knife|the knife|a blade|the blade)\s+on\s+(?:my\s+)?(?:arms?"
          r"|wrists?|legs?|thighs?|myself|me)\b"
          r"|\blighter\b[^?]{0,40}\b(?:on\s+)?my\s+(?:wrist|arm|leg|skin|hand)\b"
          r"|\b(?:scars|cuts|wounds)\b.{0,60}?\b(?:still open|from last week|from last night"
          r"|are fresh)\b", negatable=False),
    _rule("harm_baby", "wishes_and_hands",
          r"\bwish\s+(?:i\s+had|id|i)\s+never\s+had\s+(?:him|her|the baby|them)\b"
          r"|\bwish\s+(?:he|she)\s+(?:wasnt|was not|werent)\s+(?:here|born|alive)\b"
          r"|\b(?:imagin\w*|picture\w*|thoughts? of|seeing)\s+(?:the\s+)?knife\b[^?]{0,60}\b(?:she"
          r"|he|her|him|baby)\b"
          r"|\b(?:scared|afraid|frightened|terrified)\s+(?:of\s+)?what\s+(?:that\s+means\s+)?i\s+"
          r"(?:might|could|will|would)\s+do\b"
          r"|\b(?:squeezed|squeeze|squeezing|gripped|grip|grabbed|grab|pinched|pinch)\s+(?:his|her"
          r"|the babys)\s+(?:arm|arms|leg|legs|wrist|hand)\s+(?:too\s+)?(?:hard|tight)\b"
          r"|\b(?:telling|tells|told)\s+me\s+to\s+@HARM\s+@BABY"
          r"|\b(?:baby|her|him)\s+dying\b[^?]{0,40}\b(?:relieved|relief)\b"
          r"|\bwish\w*\s+(?:the baby|he|she|her|him)\s+would\s+(?:stop breathing|die|not wake)"
          r"|\b(?:leave|leaving)\s+@BABY\s+(?:@GAP){1,4}?(?:at|on|outside)\s+(?:the\s+)?(?:hospital"
          r"|doorstep|church|police station|fire station)\b"
          r"|\bshouldnt\s+be\s+left\s+(?:alone\s+)?with\s+(?:her|him|the baby|them)\b"
          r"|\b(?:cover|covering|covered|put|putting|hold|holding)\s+(?:her|his|the babys)\s+"
          r"(?:mouth"
          r"|nose|face)\b[^.!?]{0,30}\b(?:with my hand|to (?:make|stop)|so (?:she|he) stops)"
          r"|\blook\s+at\s+(?:him|her)\s+and\s+want\s+(?:him|her)\s+gone\b"
          r"|\b(?:dont|do not)\s+think\s+(?:@BABYNOUN|she|he)\s+(?:@GAP){0,6}?is\s+(?:really\s+)?"
          r"mine\b", negatable=False),
    _rule("psychosis", "voices_walls_and_time",
          r"\b(?:god|the devil|satan|angels?|spirits?)\s+(?:is|are|s)\s+(?:speaking|talking|talks"
          r"|speaks)\s+(?:to me\s+)?through\b"
          r"|\b(?:whos|who is|someone is|someones|theyre)\s+controlling\s+my\s+(?:phone|mind"
          r"|thoughts|head)\b"
          r"|\b(?:didnt|did not|dont)\s+know\s+how\s+i\s+got\s+(?:there|here)\b"
          r"|\b(?:keep|keeps|been)\s+losing\s+(?:time|where i am)\b"
          r"|\bhear\w*\s+(?:a|an)\s+(?:mans|womans|mens|strange|mans)\s+voice\b"
          r"|\b(?:crying|voices|whispering|talking|a baby|babies)\s+in\s+the\s+walls\b"
          r"|\b(?:they|someone|people)\s+(?:listen|are listening|listening|listens)\s+(?:in\s+)?"
          r"(?:on|to)\s+(?:the|my)\s+(?:phone|calls)\b"
          r"|\bmy\s+(?:hands|face|body|reflection)\s+(?:dont|doesnt|do not)\s+(?:look|feel)\s+like"
          r"\s+(?:mine|me)\b"
          r"|\bslept\s+(?:maybe\s+|about\s+|only\s+|like\s+)?(?:\d+|one|two|three|four|five|six)\s+"
          r"hours\s+(?:this week|in (?:\w+\s+)?days|all week|in total)\b"
          r"|\bconnected\s+to\s+everything\b", negatable=False),
    _rule("danger_at_home", "injuries_and_threats",
          r"@SUBJ\s+(?:@FGAP){0,2}?(?:broke|broken|fractured|split|cut)\s+my\s+(?:finger|fingers"
          r"|arm|wrist|nose|rib|ribs|jaw|lip|tooth|teeth)\b"
          r"|\b(?:they|he|she)\s+(?:say|said|says)\s+(?:theyll|hell|shell|they will|he will"
          r"|she will"
          r"|they would|theyd|hed)\s+(?:@GAP)?(?:hurt|kill|take|harm)\s+(?:me|the baby|my baby"
          r"|her|him|us)\b"
          r"|\bmake\s+me\s+do\s+(?:stuff|things)\s+i\s+(?:dont|do not)\s+want\b"
          r"|\b(?:he|hes)\b[^?]{0,80}\bbruises?\s+on\s+my\b"
          r"|\bhes\s+(?:got|getting|been)\s+(?:worse|more violent|nastier|angrier)\b"
          r"|\brefuges\b"),
    _rule("overdose", "asking_after_taking",
          r"\b(?:asking|ask)\s+(?:cos|because|coz|as)\s+i\s+(?:already\s+|have\s+already\s+"
          r"|ve already\s+)?(?:took|taken|have|had|swallowed|did)\b"
          r"|\bover\s+(?:what\s+it\s+says|whats\s+on|what\s+is\s+on|what\s+s\s+on)\b"
          r"|\bmore\s+than\s+(?:it\s+says|the box says|what it says)\b"
          r"|\b@TOOK\s+(?:some\s+of\s+|all\s+of\s+)?(?:my\s+mums|my\s+dads|my\s+partners|my\s+nans"
          r"|someone elses)\s+(?:@GAP)?@PILL\b"
          r"|\b(?:tablets|pills|meds)\b[^?]{0,20}\b(?:dont|do not)\s+(?:even\s+)?know\s+what\s+they"
          r"\s+are\b"
          r"|\bgoing\s+back\s+to\s+the\s+\w+\s+and\s+taking\s+(?:another|more)\b"
          r"|\b@PILL\b[^?]{0,80}\b(?:keep|kept)\s+taking\s+more\b"
          r"|\b@TOOK\s+(?:all\s+)?(?:her|his)\s+(?:@GAP)?@PILL\b[^?]{0,60}\b(?:what do i do|gone"
          r"\s+(?:really\s+)?(?:sleepy|drowsy)|wont wake|cant wake|not waking)"
          r"|\bme\s+(?:take|taking|took)\s+(?:many|lot|lots|too many|all)\s+(?:the\s+)?@PILL",
          negatable=False),
    # Families added after measuring blind_set_9.yml and blind_set_10.yml (docs/safety.md):
    # formal and second-language phrasing, preparations, non-cutting self-harm, intrusive
    # thoughts of every kind, control of money, body and papers, staggered overdoses.
    _rule("suicide", "preparations_and_plain_wishes",
          r"\b(?:manage|cope|get by|be fine|do fine)\s+(?:perfectly\s+|just\s+|absolutely\s+)?"
          r"(?:well\s+|fine\s+|better\s+)?without\s+me\b"
          r"|\b(?:wont|will not|doesnt|does not)\s+matter\s+what\s+happens\s+to\s+me\b"
          r"|\b(?:saving|saved|keeping|hoarding|collecting|stashing)\s+(?:up\s+)?my\s+(?:@GAP)?"
          r"@PILL\s+(?:in|under)\b"
          r"|\bno\s+(?:wish|desire|will)\s+to\s+(?:carry on|go on|keep)\s+(?:living|going)\b"
          r"|\bno\s+(?:wish|desire)\s+to\s+live\b"
          r"|\bif\s+i\s+die\s+(?:is|it is|its|will be|would be)\s+better\b"
          r"|\bnearly\s+(?:stepped|jumped|went|walked)\s+(?:off|over|in|out)\b"
          r"|\bfor\s+when\s+(?:im|i am)\s+(?:not\s+(?:around|here)|gone)\b"
          r"|\bhopes\s+(?:that\s+)?i\s+(?:just\s+)?(?:dont|wont|never)\s+wake\b"
          r"|\b(?:which|what)\s+(?:rope|belt|cord|beam|hook)\s+(?:would|will|could)\s+(?:hold"
          r"|work|take my weight)\b"
          r"|\b@PILL\b[^?]{0,60}\bcount\w*\s+them\b"
          r"|\b(?:come|came|reached)\s+to\s+the\s+end(?=\s*(?:[.!?,]|$|\s+(?:now|of (?:it all"
          r"|everything|my life|the road)|i think)))"
          r"|\b(?:got|have|made)\s+a\s+plan\b[^?]{0,30}\b(?:just need|when|once|house empty"
          r"|tonight)"
          r"|\b(?:bank details|passwords)\b[^?]{0,40}\bjust\s+in\s+case\b"
          r"|\b(?:started|start|been)\s+planning\s+(?:it\s+)?again\b"
          r"|\bthe\s+thoughts\s+are\s+back\b"
          r"|\b(?:didnt|dont|did not|do not)\s+care\s+(?:what|if\s+anything)\s+happen\w*\s+to\s+me"
          r"\b", negatable=False),
    _rule("self_harm", "burns_needles_and_hunger",
          r"\b(?:hold|holding|held|press|pressing|pressed|put|putting|keep)\s+my\s+(?:arm|arms|hand"
          r"|hands|wrist|skin|leg)\s+(?:against|on|under)\b.{0,50}?\b(?:till|until|blister\w*|burn"
          r"|raw)\b"
          r"|\b(?:dont|do not|dont feel like i|dont think i)\s+(?:\w+\s+){0,2}?deserve\s+(?:food"
          r"|to eat|a meal)\b"
          r"|\b(?:jab|jabbed|jabbing|stab|stabbed|stabbing|stick|stuck|sticking)\s+(?:a|the)\s+"
          r"(?:needle|pin|compass|pen|fork|knife)\s+(?:in|into)\s+my\b"
          r"|\b(?:marks|cuts|scars|bruises|burns)\s+on\s+my\s+(?:wrists?|arms?|legs?|thighs?)\s+"
          r"(?:are|were)\s+(?:from\s+me|mine|self inflicted)\b"
          r"|\b(?:pulled|pulling|pull)\s+out\s+(?:@GAP){0,5}?hair\b[^?]{0,60}\b(?:bald|on purpose"
          r"|bleeds|to feel)"
          r"|\b(?:stitched|stitches)\b[^?]{0,60}\burges?\b"
          r"|\brazors?\b[^?]{0,40}\b(?:wasnt|not|isnt)\s+for\s+(?:my\s+)?(?:legs|shaving)\b"
          r"|\bhurt\s+my\s+self\b|\bknife\s+on\s+(?:my\s+)?arm\b", negatable=False),
    _rule("harm_baby", "intrusions_and_roughness",
          r"\b(?:pillow|blanket|cushion)\s+(?:near|on|over)\s+(?:her|his|the babys)\s+face\b"
          r"|\b(?:cant|can not|cannot|shouldnt)\s+be\s+trusted\s+(?:alone\s+)?with\s+(?:her|him"
          r"|the baby|them)\b"
          r"|\bshook\s+(?:the|her|his)\s+(?:moses basket|cot|crib|pram|bouncer|car seat)\s+"
          r"(?:really\s+|so\s+)?hard\b"
          r"|\bsexual\s+(?:thoughts|ones|images|pictures)\b[^?]{0,60}\b(?:him|her|baby|nappy|son"
          r"|daughter)\b"
          r"|\b(?:really\s+|so\s+|too\s+)?rough\s+(?:putting|picking|handling|changing|with)\s+"
          r"(?:him|her)\b"
          r"|\bcutting\s+(?:her|his)\s+(?:fingers|toes|finger|toe)\s+off\b"
          r"|\b(?:come|came)\s+(?:really\s+|so\s+)?close\s+to\s+(?:hitting|hurting|shaking|smacking"
          r"|slapping)\s+(?:her|him|the baby)\b"
          r"|\bif\s+something\s+happened\s+to\s+(?:the baby|her|him)\b[^?]{0,40}\b(?:go back|better"
          r"|easier|relief)\b"
          r"|\b(?:baby|she|he)\s+(?:is|will be|would be)\s+better\s+if\s+(?:she|he)\s+(?:die|dies"
          r"|dead)\b", negatable=False),
    _rule("psychosis", "control_codes_and_death",
          r"\b(?:@BABYNOUN|baby)\s+(?:@GAP){7,10}?(?:isnt|is not|aint)\s+(?:really\s+)?mine\b"
          r"|\b(?:somebody|someone|they)\s+(?:control|controls|controlling)\s+my\s+(?:thoughts|mind"
          r"|head)\b"
          r"|\bput\w*\s+(?:ideas|thoughts|voices)\s+(?:in|into)\s+my\s+(?:head|mind)\b"
          r"|\bevil\s+eyes\b|\bsomethings?\s+inside\s+(?:him|her)\b"
          r"|\bspeak\w*\s+in\s+code\b"
          r"|\b(?:chip|tracker|microchip)\b[^?]{0,40}\btracking\s+(?:us|me|him|her)\b"
          r"|\b(?:theyre|they are)\s+coming\s+for\s+(?:the baby|her|him|me|us)\b"
          r"|\basked\s+(?:him|her|them)\s+the\s+same\s+thing\s+(?:\d+|ten|over and over)"
          r"|\bi\s+(?:think\s+)?(?:i\s+)?died\s+(?:having|giving birth|in childbirth|during)\b"
          r"|\bcleanse\s+(?:the|my|our)\s+(?:house|home|baby)\b"
          r"|\bshadows?\s+of\s+(?:people|a man|a woman|someone)\b", negatable=False),
    _rule("danger_at_home", "control_of_body_money_and_papers",
          r"\b(?:hes|he is|he s)\b[^?]{0,60}\b(?:locked|lock)\s+(?:myself|the (?:bedroom|bathroom)"
          r" door|us)\b"
          r"|\b(?:he|hes)\b[^?]{0,40}\bchecks?\s+(?:the|my|all the)\s+receipts\b"
          r"|\bgives\s+me\s+(?:\w+\s+){0,2}(?:pound|quid|pounds)\s+a\s+week\b"
          r"|\bchastis\w+\s+me\s+physically\b|\bphysically\s+(?:chastis\w+|punish\w+|disciplin\w+)"
          r"\s+me\b"
          r"|\b(?:made|makes|forced|forces)\s+me\s+(?:come|go)\s+off\s+(?:the\s+)?(?:pill"
          r"|contraception|implant|coil)\b"
          r"|\bscared\s+to\s+say\s+no\b"
          r"|\b(?:taken|took|hidden|hid|keep|keeps)\s+my\s+passport\b"
          r"|\btak\w+\s+(?:the|my)\s+baby\s+(?:abroad|away from me|out of the country)\b"
          r"|\bthreaten\w*\s+to\s+(?:ring|call|tell|report me to)\s+social\s+services\b"
          r"|\bex\b[^?]{0,80}\b(?:watching me|knows what im wearing)\b"
          r"|\bhe\s+said\b[^?]{0,60}\bended\s+up\s+dead\b"
          r"|\bpunched\s+(?:a\s+hole\s+in\s+)?the\s+wall\s+(?:next to|by|beside)\s+my\s+(?:head"
          r"|face)\b"),
    _rule("overdose", "staggered_and_borrowed",
          r"\b(?:drink|drank|eat|ate|take|took)\s+(?:too much|too many|many|lot of|a lot of)\s+"
          r"(?:the\s+)?@PILL"
          r"|\b(?:excessive|large|huge|dangerous)\s+(?:quantity|amount|number|dose)\s+of\s+"
          r"(?:my\s+)?(?:@GAP)?@PILL"
          r"|\b@PILL\b[^?]{0,60}\bon\s+my\s+(?:\d+(?:st|nd|rd|th)|second|third|fourth|fifth|sixth"
          r"|seventh|eighth|ninth|tenth)\b"
          r"|\b(?:keep|kept)\s+(?:popping|necking|swallowing)\s+(?:the\s+|my\s+)?(?:@GAP)?@PILL"
          r"|\b(?:whole|entire|full)\s+(?:blister\s+pack|packet|box|strip|bottle)\s+of\s+@PILL\b"
          r"[^?]{0,60}\b(?:gone|since|today|tonight)"
          r"|\b@TOOK\s+(?:the|my)\s+@PILL[.,\s]*(?:all of them|the lot|every one)\b"
          r"|\bhalf\s*way\s+through\s+(?:the|a|my)\s+(?:packet|box|bottle|strip)\b"
          r"|\b@PILL\b[^?]{0,60}\bwashed\s+(?:them\s+|it\s+)?down\s+with\b"
          r"|\b@TOOK\s+(?:some\s+)?@PILL\s+(?:last night|earlier|yesterday)\b[^?]{0,40}\b(?:didnt"
          r" tell|not told|havent told|nobody knows|feel(?:ing)? sick|side hurts)"
          r"|\b@TOOK\s+(?:some\s+of\s+|all\s+of\s+|all\s+)?(?:my\s+mums|my\s+dads|my\s+partners"
          r"|my\s+nans|my\s+friends|my\s+mates|someone elses)\s+(?:@GAP){0,2}?@PILL\b"
          r"|\b@PILL\b[^?]{0,80}\b(?:had|took|taken|swallowed)\s+(?:\d+|two|three|four)\s+"
          r"(?:packets|boxes|strips|bottles)\b"
          r"|\b(?:drank|drunk|swallowed|taken|took)\s+the\s+lot\b[^?]{0,20}\b(?:with|and)\s+"
          r"(?:some\s+)?(?:gin|vodka|wine|whisky|alcohol|booze)"
          r"|\bdouble\s+and\s+triple\b"
          r"|\b(?:swallowed|took|taken)\s+(?:a\s+handful|handfuls|a load|loads)\s+of\s+whatever\b"
          r"|\b(?:keep|kept)\s+taking\s+(?:a few|a couple|two|some)\s+more\b",
          negatable=False),
    # Families added after measuring blind_set_11.yml and blind_set_12.yml (docs/safety.md):
    # plain-spoken endings, rehearsals and arrangements, covering for her own injuries,
    # control by money, keys and photographs, and overdoses counted as they go.
    _rule("suicide", "endings_said_plainly",
          r"\bswitch\s+(?:off|myself off)\s+(?:permanently|for good|forever)\b"
          r"|\b(?:bridge|cliff|cliffs|multi ?storey|railway|tracks)\b[^?]{0,80}\b(?:sat in the car"
          r"|driven there|drove there)\b"
          r"|\b(?:im|i am)\s+done\s+(?:being\s+)?(?:here|alive|with (?:life|living|being alive))\b"
          r"|\basking\s+for\s+a\s+reason\b"
          r"|\bpractis\w*\s+(?:with|tying)\b[^?]{0,30}\b(?:belt|rope|cord|knot|noose|scarf)\b"
          r"|\b(?:sleep|go to sleep)\s+and\s+not\s+have\s+to\s+come\s+back\b"
          r"|\btrain\s+line\b[^?]{0,80}\b(?:how quick|how easy|be quick)\b"
          r"|\bso\s+(?:hes|shes|theyve|he has|she has|they have)\s+got\s+(?:something|some)\s+"
          r"of\s+me\b"
          r"|\bpull\w*\s+me\s+(?:back\s+)?(?:off|from)\s+(?:the\s+)?(?:balcony|railing|edge"
          r"|bridge|ledge|window|roof)\b"
          r"|\bif\s+(?:i|a\s+\w+)\s+(?:got|get|was|hit|hits)\s+"
          r"(?:hit\s+|run over\s+|knocked down\s+)?(?:by\s+(?:a|the)\s+\w+|me)\b[^.!?]{0,50}"
          r"\b(?:relieved|relief|wouldnt mind|glad)\b"
          r"|\b(?:leave|left|leaving|put|get|got|getting)\s+(?:everything|things|my affairs)\s+"
          r"in\s+order\b"
          r"|\bdecided\s+how\s+(?:im|i am|i)\s+(?:going to|gonna|will)\s+do\s+it\b"
          r"|\b(?:got|have)\s+it\s+all\s+sorted\b[^?]{0,60}\b(?:thank you|goodbye|bye)\b"
          r"|\b(?:window|balcony|bridge|roof|ledge)\b[^?]{0,140}\bhigh\s+enough\b"
          r"|\blife\s+insurance\b[^?]{0,80}\b(?:pays out|without me|be set|better off)"
          r"|\bfor\s+my\s+(?:own\s+)?funeral\b"
          r"|\b@PILL\b[^?]{0,100}\bthats\s+all\s+(?:ill|i will)\s+say\b"
          r"|\binto\s+the\s+(?:water|sea|river|canal|lake)\s+and\s+(?:not|never)\s+(?:come|coming)\s+"
          r"(?:back|out)", negatable=False),
    _rule("self_harm", "covering_and_tools",
          r"\b(?:punched|punch|punching)\s+(?:the|a)\s+(?:\w+\s+)?wall\b[^?]{0,40}\b(?:knuckles"
          r"|till|until)\b|\bwanted\s+it\s+to\s+hurt\b"
          r"|\bdid\s+it\b[^?]{0,40}\bnot\s+by\s+accident\b"
          r"|\b(?:said|told (?:her|him|them|the \w+))\s+(?:it was|that it was|a)\b[^?]{0,40}"
          r"\b(?:its not|it wasnt|it didnt|it isnt|that wasnt)\b"
          r"|\b(?:starve|starving)\s+(?:urself|yourself)\s+as\s+(?:a\s+)?punishment"
          r"|\blong\s+sleeves\b[^?]{0,80}\b(?:in this heat|in a heatwave|all summer|in august"
          r"|even in|work out why|guess why|wasnt cold|(?:because of|cos of|to hide)\s+my\s+"
          r"(?:arms|wrists|legs))"
          r"|\b(?:only thing|all)\s+(?:that\s+)?(?:has\s+)?(?:helped|helps|works)\s+(?:is|was)\s+"
          r"(?:the\s+)?(?:razor|blade|cutting|burning)\b"
          r"|\bpick\w*\s+(?:at\s+)?(?:them|my|the)?\s*(?:\w+\s+)?(?:stitches|scars?|skin|wounds?"
          r"|scabs?)\b[^?]{0,20}\bon\s+purpose\b"
          r"|\burges?\b.{0,80}?\b(?:compass|blade|razor|lighter)\b"
          r"|\b(?:stitches|scars?|wounds?|scabs?)\b[^?]{0,40}\bpick\w*\s+at\s+them\s+on\s+purpose\b"
          r"|\bpush\s+it\s+into\s+my\s+skin\b"
          r"|\b(?:slam|slamming|slammed|trap|trapping)\s+my\s+(?:fingers?|hand|hands)\s+in\s+(?:the|a)"
          r"\s+(?:drawer|door)\b.{0,40}?\b(?:deliberate|on purpose|to feel|so i can)"
          r"|\b(?:razors?|blades)\b.{0,60}?\bfor\s+shaving\b.{0,20}?\b(?:theyre not|they arent"
          r"|it wasnt|its not)\b", negatable=False),
    _rule("harm_baby", "knives_grips_and_wishes",
          r"\b(?:knife|knives)\b[^?]{0,60}\b(?:shes|hes|she is|he is)\s+in\s+(?:the|her|his)\s+"
          r"(?:bouncer|highchair|cot|pram|bath)\b"
          r"|\bthe\s+knife\s+and\s+(?:him|her)\b"
          r"|\b(?:threw|thrown)\s+@BABY\s+(?:down\s+)?(?:onto|on)\s+(?:the|her|his)\s+(?:bed|cot|sofa"
          r"|floor)\b[^!?]{0,20}\b(?:harder|bounced)\b"
          r"|\bso\s+i\s+(?:dont|do not|wouldnt|wont)\s+(?:hit|hurt|shake|smack)\s+(?:him|her|them"
          r"|one of them|the baby)\b"
          r"|\b(?:gripping|squeezing|holding)\s+(?:her|him)\s+(?:too\s+tight|too\s+hard)\b"
          r"|\bhow\s+easy\s+it\s+(?:would|d)\s+be\s+to\s+(?:hurt|harm|smother|drown|drop|shake)\s+"
          r"(?:him|her|the baby|them)\b"
          r"|\b(?:yanked|grabbed|pulled|dragged)\s+(?:him|her|one of them)\b[^.!?]{0,40}"
          r"\b(?:by (?:his|her) arm|too roughly|way too rough)"
          r"|\b(?:dont|do not)\s+leave\s+me\s+(?:on my own|alone)\s+with\s+(?:the baby|her|him"
          r"|them)\b"
          r"|\bswitch\w*\s+(?:them|her machines|his machines|the machines)\s+off\b"
          r"|\b(?:ill|poorly|sick)\s+enough\b[^?]{0,140}\bmake\s+(?:that|it)\s+happen\b"
          r"|\bcrash\w*\s+on\s+(?:his|her)\s+side\b", negatable=False),
    _rule("psychosis", "voices_and_figures",
          r"\b(?:typing|talking|speaking|living)\s+in\s+my\s+head\b"
          r"|\b(?:a|the)\s+(?:mans\s+|womans\s+)?voice\s+(?:that\s+)?(?:tells|telling|told)\s+me\b"
          r"|\b(?:woman|man|presenter|lady)\s+on\s+(?:the\s+)?(?:tv|telly|radio|this morning"
          r"|the news)\s+(?:keeps\s+)?(?:sending|talking|speaking)\b"
          r"|\b(?:man|woman|figure|person|someone)\s+(?:standing|stood|sitting|sat)\s+in\s+the\s+"
          r"corner\b"
          r"|\bfloating\s+above\s+(?:myself|my body)\b|\blost\s+on\s+my\s+own\s+street\b"
          r"|\b(?:said|says|saying|talk\w*|spoke)\s+(?:something\s+)?in\s+code\b"
          r"|\b(?:numbers|wristband)\b[^?]{0,40}\b(?:a message|were messages)\b"
          r"|\bvoice\b[^?]{0,80}\b(?:switched off|turned off|unplugged)\b"
          r"|\bhear\s+my\s+(?:dead|late)\s+\w+\s+(?:talk|talks|speak|speaks)\b"
          r"|\bno\s+sleep\s+(?:\d+|two|three|four|five|six)\s+days\b"
          r"|\b(?:neighbours?|they|everyone)\s+(?:are\s+)?working\s+with\s+(?:social services|the"
          r" police|the health visitor)\b", negatable=False),
    _rule("danger_at_home", "money_keys_and_photos",
          r"\bgives\s+me\s+(?:\d+|\w+)\s+(?:pound\s+|quid\s+|pounds\s+)?a\s+week\b"
          r"|\bshow\s+him\s+(?:the\s+)?receipts\b"
          r"|\block\w*\s+(?:the\s+)?(?:front\s+|back\s+)?door\b[^?]{0,40}\b(?:takes|took|hides)\s+the"
          r"\s+keys?\b"
          r"|\b(?:concealer|make ?up|foundation)\s+(?:over|on)\s+(?:the|a|my)\s+bruise\b"
          r"|\bkeeps\s+coming\s+in\s+my\s+(?:room|bed|bedroom)\s+at\s+night\b"
          r"|\b(?:hes|he has|shes)\s+started\s+on\s+me\b"
          r"|\bsay\s+no\s+(?:he|and he)\s+(?:does it|carries on|keeps going)\b"
          r"|\b(?:hell|he will|shell)\s+tell\s+social\s+services\b"
          r"|\bmakes?\s+me\s+sleep\s+on\s+the\s+floor\b"
          r"|\bsend\s+him\s+(?:a\s+)?(?:photo|picture|pic|selfie)s?\s+(?:every|of where)\b"),
    _rule("overdose", "counted_as_they_go",
          r"\b(?:\d+|twenty|thirty|sixteen|fifteen)\s+@PILL\s+(?:dangerous|too many|a lot|bad)\b"
          r"|\bdangerous\s+if\s+i\s+(?:took|have taken|had)\b"
          r"|\bits\s+done\b[^?]{0,30}\btaken\s+them\b"
          r"|\bemptied\s+(?:the|all the|all my|my)\s+(?:blister\s+packs?|packets|boxes|bottles)"
          r"|\bkeep\s+going\s+until\s+i\s+(?:sleep|pass out|dont wake)\b"
          r"|\b@PILL\b[^?]{0,40}\bagain\s+and\s+again\b"
          r"|\b(?:take|took|taken)\s+my\s+(?:husband|husbands|partners|mums|dads|friends)\s+(?:@GAP)?"
          r"@PILL"
          r"|\bone\s+by\s+one\s+and\s+swallow\w*"
          r"|\b@PILL\b[^?]{0,80}\b(?:im|i am)\s+on\s+about\s+\d+\b"
          r"|\b@PILL\b[^?]{0,60}\btook\s+the\s+(?:whole\s+)?(?:box|packet|bottle)\b"
          r"|\b(?:taken|had|took)\s+(?:\d+|two|three|four|five|a few)\s+more\s+since\b"
          r"|\b@PILL\b[^?]{0,80}\b(?:maybe it didnt work|dont feel anything yet)"
          r"|\b@PILL\b[^?]{0,60}\b(?:\d+|four|five|six)\s+(?:or\s+\d+\s+)?at\s+a\s+time\b",
          negatable=False),
)

_RULES_BY_NAME: dict[str, Rule] = {rule.name: rule for rule in RULES}

# --------------------------------------------------------------------------------------------
# Context checks: negation, other people, intent
# --------------------------------------------------------------------------------------------

_NEGATOR_WORDS = frozenset(_NEGATORS.split("|"))
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
    r"|when i was pregnant(?: with my first)?)\b"
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
    r"|nothing like that since|(?:im|i am) safe(?!\s*(?:ish|for now))"
    r"|havent for (?:nearly |almost |over )?(?:ten|fifteen|twenty|a decade)\w*)\b"
)
_BACK_AGAIN = re.compile(
    r"\b(?:again|back|coming back|started|recently|lately|this week|last night|these days"
    r"|today|tonight|right now|but now|now i|and now|creeping|returning|since the birth"
    r"|this (?:morning|afternoon|evening)|earlier|(?:hours?|minutes?|mins?) ago"
    r"|since (?:she|he) was born|this time (?:it|its))\b"
)
# "my husband snores, I want to smother him with a pillow lol": a joke about a grown-up.
_PARTNER_JOKE = re.compile(
    r"\b(?:husband|hubby|partner|boyfriend|fella|other half|mother in law|mil|father in law)\b"
    r"[^?]*\b(?:him|her)\b[^.!?]{0,40}\b(?:lol|haha\w*|lmao)\b"
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
    for rule in RULES:
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


def find_risks(text: str) -> list[tuple[str, str]]:
    """Every (category, rule name) that fired un-negated, in priority order. For debugging."""
    if not text or not text.strip():
        return []
    matches = [m for m in _find_matches(normalise(text)) if not m.negated]
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
    excepted: set[str] = set()
    normalised = normalise(text)
    matches = _find_matches(normalised, excepted)
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


def rule_names() -> list[str]:
    """All rule names, e.g. for documentation or a staff dashboard legend."""
    return list(_RULES_BY_NAME)
