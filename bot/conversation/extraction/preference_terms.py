"""The words for the support preferences: format, mode and times of day.

Kept apart from their resolvers because message analysis also needs them (a clause that is
only a list of options is a "fragment" answer)."""

from __future__ import annotations

from bot.conversation.extraction.lexicon import compile_lexicon

# ============================================================================================
# Lexicons: slots
# ============================================================================================

# Each table maps a pattern to the code(s) it stands for. *_WHEN_ASKED entries count only as an
# answer to that slot's own question; *_IGNORE entries stand for nothing and block shorter
# overlapping matches.

# fmt: off
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
    r"(?:just |only )?(?:one|1|wan) (?:person|volunteer|mum|woman|lady|supporter)":
        "one_to_one",
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
ADDITIVE_WORDS = frozenset({"too", "also", "and_also", "add", "plus", "aswell"})
# fmt: on

FORMAT_LEXICON = compile_lexicon(FORMAT_TERMS, FORMAT_TERMS_WHEN_ASKED, FORMAT_IGNORE)
MODE_LEXICON = compile_lexicon(MODE_TERMS, MODE_TERMS_WHEN_ASKED, MODE_IGNORE)
TIME_LEXICON = compile_lexicon(TIME_TERMS, TIME_TERMS_WHEN_ASKED, TIME_IGNORE)
