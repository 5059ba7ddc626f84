"""Reading her context: who suggested peer support, and whether she is pregnant or postnatal."""

from __future__ import annotations

import re

from bot.conversation.extraction.analysis import Context, Message, longest_matches
from bot.conversation.extraction.lexicon import Lexicon, any_of, bounded, compile_lexicon
from bot.conversation.extraction.normalise import NUMBER_NAMES
from bot.conversation.extraction.slots import SLOT_REFERRAL, SLOT_STAGE

# fmt: off
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
    r"they're|her|him|lad|wee lad|wee one|bairn|wean|"
    r"(?:baby|lo|son|daughter|boy|girl|lad|bairn|wean|youngest|little one|wee one)'s)"
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
    rf"{_BABY}(?: is| s| are| has| have| was| just| turned| turns| will be| be| only| nearly| "
    rf"almost| about|"
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
    rf"{_BABY}(?: is| s)? (?:nearly|almost|just turned|turned|about to turn|coming up to|"
    r"just|now) (?:one|two|1|2)(?! week| month| day)",
)
#: Only as the answer to "are you pregnant or have you had your baby?".
STAGE_ANSWERS_WHEN_ASKED: dict[str, str] = {
    r"expecting|both|pregnant": "pregnant",
    # "18 weeks", "26 wks", "30 weeks, baby number 2": weeks along, said on their own
    r"^(?:i'm |im |i am |about |nearly |almost )?\d{1,2} ?weeks?(?! old| ago| postpartum| "
    r"after| since)": "pregnant",
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

# fmt: on

_REFERRAL_LEX = compile_lexicon(REFERRAL_TERMS, REFERRAL_TERMS_WHEN_ASKED, REFERRAL_IGNORE)
_LOSS_RE = any_of(LOSS_WORDS)
_SELF_REFERRAL_RE = any_of(SELF_REFERRAL_PATTERNS)
_PREGNANT_RES = tuple(bounded(p) for p in PREGNANT_PATTERNS)
_POSTNATAL_RES = tuple(bounded(p) for p in POSTNATAL_PATTERNS)
_STAGE_ANSWER_RES = tuple((bounded(p), c) for p, c in STAGE_ANSWERS_WHEN_ASKED.items())


def _sentence_hits(text: str, lexicon: Lexicon) -> list[tuple[int, int, tuple[str, ...], bool]]:
    """Non-overlapping lexicon matches over a whole sentence: (start, end, codes, asked_only)."""
    return [
        (s, e, entry.codes, entry.asked_only)
        for s, e, entry in longest_matches(text, lexicon)
        if entry.codes
    ]


def resolve_referral(message: Message, ctx: Context) -> str | None:
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


def resolve_stage(message: Message, ctx: Context) -> str | None:
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
    return NUMBER_NAMES.get(word)

