"""Unit tests for bot.conversation.extraction.extract_details.

Examples are written the way mothers type on a phone: short, lower case, misspelt, British.
Each slot has cases for the answer to its own question, for information volunteered elsewhere,
and for messages that must NOT produce a value (precision matters more than recall: a missed
value is simply asked for, a wrong one pollutes the research record).
"""

from __future__ import annotations

from typing import Any

import pytest

from bot import codebook
from bot.conversation.extraction import (
    Extracted,
    extract_details,
)

FORMAT = "format_preference"
MODE = "mode_preferences"
TIME = "time_preferences"
REFERRAL = "referral_source"
STAGE = "perinatal_stage"
PREFERRED = "preferred_contact"
DETAIL = "contact_detail"
REQUESTED = "contact_requested"
TAKE_UP = "take_up_intent"
CONSENT = "consent"

ALL_TIMES = ["morning", "afternoon", "evening", "weekend"]
ALL_MODES = ["face_to_face", "phone", "video"]

REQUESTABLE = [
    None,
    CONSENT,
    FORMAT,
    MODE,
    TIME,
    REFERRAL,
    STAGE,
    PREFERRED,
    DETAIL,
    REQUESTED,
    TAKE_UP,
]


def run(
    text: Any,
    requested: str | None = None,
    intent: str | None = "inform",
    entities: list[dict] | None = None,
    **kwargs: Any,
) -> Extracted:
    return extract_details(text, intent, entities or [], requested, **kwargs)


def slots(
    text: Any,
    requested: str | None = None,
    intent: str | None = "inform",
    entities: list[dict] | None = None,
    **kwargs: Any,
) -> dict[str, Any]:
    return run(text, requested, intent, entities, **kwargs).slots


# ============================================================================================
# Volunteered early: the brief's own examples, full result compared
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "requested", "expected"),
    [
        (
            "hi, my HV said to try this, I'd prefer one to one on the phone",
            None,
            {REFERRAL: "health_visitor", FORMAT: "one_to_one", MODE: ["phone"]},
        ),
        (
            "hi im 8 wks pregnant, my gp referred me. id prefer 1 2 1 by vidoe in the eveings pls",
            None,
            {
                STAGE: "pregnant",
                REFERRAL: "gp",
                FORMAT: "one_to_one",
                MODE: ["video"],
                TIME: ["evening"],
            },
        ),
        (
            "I'm 30 weeks and would prefer evenings, my midwife sent me",
            None,
            {STAGE: "pregnant", TIME: ["evening"], REFERRAL: "midwife"},
        ),
        (
            "one to one, evenings, by phone please",
            FORMAT,
            {FORMAT: "one_to_one", TIME: ["evening"], MODE: ["phone"]},
        ),
        (
            "hiya, my health visitor sent me. LO is 6 weeks",
            None,
            {REFERRAL: "health_visitor", STAGE: "postnatal"},
        ),
        (
            "my perinatal team suggested it. I'd rather not do a group tbh",
            None,
            {REFERRAL: "mental_health_team", FORMAT: "one_to_one"},
        ),
        (
            "weekend mornings are best, face to face if poss",
            None,
            {TIME: ["morning", "weekend"], MODE: ["face_to_face"]},
        ),
        (
            "group is fine, any time really",
            TIME,
            {FORMAT: "group", TIME: ALL_TIMES},
        ),
        (
            "in person please, mornings are easier for me",
            MODE,
            {MODE: ["face_to_face"], TIME: ["morning"]},
        ),
        (
            "yes please text me, evenings are best",
            REQUESTED,
            {REQUESTED: True, PREFERRED: "text", TIME: ["evening"]},
        ),
    ],
)
def test_volunteered_information_is_all_picked_up(
    text: str, requested: str | None, expected: dict[str, Any]
) -> None:
    intent = "affirm" if requested == REQUESTED else "inform"
    assert slots(text, requested, intent) == expected


@pytest.mark.parametrize(
    "text",
    [
        "hi",
        "hello there",
        "thanks",
        "ok",
        "I'm just so tired",
        "feeling rubbish today",
        "what is peer support?",
        "is it free?",
        "can I talk to a real person",
        "are you a bot?",
        "I'm on my own with the baby all day",  # "on my own" is not a format here
        "I was up all night and this morning I felt awful",
        "my phone died earlier",
        "I watched a video about PND",
        "I'm on the phone to the GP all day",
        "my sister did a group and loved it",
        "my friend prefers video calls",
        "can I bring my baby to the group?",
        "what time is the group?",
        "is the group in the evenings?",
        "how does video work?",
        "tell me more about one to one",
        "I'd like to know more about the groups",
        "I'd like to meet other mums",
        "I would really like some support",
        "he works in the evenings so it's hard",
        "my partner works nights",
        "morning sickness is awful",
        "good morning",
        "Morning!",
        "I tried a group before and hated it",
        "I went to a baby group and it was fine",
        "my NCT group is on whatsapp",
        "the group sounds good",
        "phone",
        "my midwife said I'm fine",
        "I'm waiting to see a doctor",
        "my mum lives miles away",
        "I texted my HV yesterday",
        "I googled postnatal depression",
        "worried about getting postnatal depression",
        "I wasn't expecting this to be so hard",
        "the rent is due in March",
        "my daughter is 3",
        "I want to get pregnant again one day",
        "call me Sam",
    ],
)
def test_ordinary_chat_extracts_nothing(text: str) -> None:
    assert slots(text) == {}


# ============================================================================================
# consent (intent only, only when asked)
# ============================================================================================


@pytest.mark.parametrize(
    ("intent", "expected"),
    [("affirm", "given"), ("deny", "declined")],
)
def test_consent_from_intent_when_asked(intent: str, expected: str) -> None:
    assert slots("yes that's fine", CONSENT, intent)[CONSENT] == expected


@pytest.mark.parametrize(
    ("text", "requested", "intent"),
    [
        ("yes", None, "affirm"),
        ("yes", FORMAT, "affirm"),
        ("no", TAKE_UP, "deny"),
        ("hmm what do you keep?", CONSENT, "faq/privacy"),
        ("I'd rather not say", CONSENT, "skip"),
        ("ok", CONSENT, None),
    ],
)
def test_consent_not_set_otherwise(text: str, requested: str | None, intent: str | None) -> None:
    assert CONSENT not in slots(text, requested, intent)


# ============================================================================================
# format_preference
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("group", "group"),
        ("group please", "group"),
        ("a group I think", "group"),
        ("the group one", "group"),
        ("groups", "group"),
        ("grp", "group"),
        ("with other mums", "group"),
        ("one to one", "one_to_one"),
        ("one-to-one", "one_to_one"),
        ("1:1", "one_to_one"),
        ("1-1", "one_to_one"),
        ("1 to 1", "one_to_one"),
        ("one to 1", "one_to_one"),
        ("1 2 1", "one_to_one"),
        ("1-2-1 please", "one_to_one"),
        ("121", "one_to_one"),
        ("one on one", "one_to_one"),
        ("One To One pls", "one_to_one"),
        ("just me and a volunteer", "one_to_one"),
        ("on my own", "one_to_one"),
        ("by myself", "one_to_one"),
        ("individual", "one_to_one"),
        # either
        ("either", "either"),
        ("both", "either"),
        ("don't mind", "either"),
        ("I dont mind", "either"),
        ("not bothered", "either"),
        ("no preference", "either"),
        ("whichever", "either"),
        ("happy with either", "either"),
        ("both would be fine", "either"),
        ("either group or one to one", "either"),
        ("group or 1:1, don't mind", "either"),
        ("I don't mind group or one to one", "either"),
        # unsure
        ("not sure", "unsure"),
        ("dunno", "unsure"),
        ("no idea tbh", "unsure"),
        ("idk", "unsure"),
        ("maybe?", "unsure"),
        ("I'm not sure I'd be happy in a group", "unsure"),
        # negations
        ("not a group", "one_to_one"),
        ("I don't want a group", "one_to_one"),
        ("definitely not a group", "one_to_one"),
        ("no groups please", "one_to_one"),
        ("I'd hate a group", "one_to_one"),
        ("I couldn't face a group", "one_to_one"),
        ("groups aren't for me", "one_to_one"),
        ("group is not my thing", "one_to_one"),
        ("I'd rather not do a group", "one_to_one"),
        ("anything but one to one", "group"),
        ("not one to one", "group"),
        ("anything except 1:1", "group"),
        ("not a group, one to one", "one_to_one"),
        ("I don't mind a group", "group"),
        ("a group is no problem", "group"),
        ("one to one at first then maybe a group", "either"),
        ("a group but I'd want to bring my baby", "group"),
        ("I don't know what's best", "unsure"),
    ],
)
def test_format_as_answer(text: str, expected: str) -> None:
    assert slots(text, FORMAT)[FORMAT] == expected


def test_format_unsure_from_not_sure_intent() -> None:
    assert slots("hmm", FORMAT, "not_sure")[FORMAT] == "unsure"


@pytest.mark.parametrize(
    "text",
    [
        "neither",
        "I don't want either",
        "yes",
        "no",
        "I'd be too anxious in a group",  # worry: the concern flow answers it, no choice made
        "groups scare me",
        "not sure about groups",
        "I'm nervous about groups",
        "what's the difference between group and 1:1?",
        "what's a group like?",
        "my sister said groups are good",
        "I'd rather not say",
        "I'd be worried they'd judge me in a group",
        "only if I can bring the baby",
    ],
)
def test_format_not_chosen(text: str) -> None:
    assert FORMAT not in slots(text, FORMAT)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'd prefer one to one", "one_to_one"),
        ("one to one would be best for me", "one_to_one"),
        ("I don't want a group", "one_to_one"),
        ("a group would be great, thanks", "group"),
        ("I'd really like a group", "group"),
        ("can I have one to one?", "one_to_one"),
        ("actually, one to one would be better", "one_to_one"),
        ("I'm happy in a group", "group"),
        ("groups aren't for me", "one_to_one"),
    ],
)
def test_format_volunteered(text: str, expected: str) -> None:
    assert slots(text)[FORMAT] == expected
    assert slots(text, TIME)[FORMAT] == expected


def test_format_skip_intent_leaves_it() -> None:
    assert FORMAT not in slots("skip", FORMAT, "skip")


# ============================================================================================
# mode_preferences
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("face to face", ["face_to_face"]),
        ("face-to-face", ["face_to_face"]),
        ("f2f", ["face_to_face"]),
        ("in person", ["face_to_face"]),
        ("meet up", ["face_to_face"]),
        ("in real life", ["face_to_face"]),
        ("phone", ["phone"]),
        ("fone", ["phone"]),
        ("a call", ["phone"]),
        ("phone calls", ["phone"]),
        ("telephone", ["phone"]),
        ("ring me", ["phone"]),
        ("over the phone", ["phone"]),
        ("video", ["video"]),
        ("vidoe", ["video"]),
        ("vidio", ["video"]),
        ("video call", ["video"]),
        ("zoom", ["video"]),
        ("teams", ["video"]),
        ("facetime", ["video"]),
        ("face time", ["video"]),
        ("online", ["video"]),
        ("phone or video", ["phone", "video"]),
        ("video or phone", ["phone", "video"]),  # always in codebook order
        ("phone/video", ["phone", "video"]),
        ("phone & video", ["phone", "video"]),
        ("facetime or zoom", ["video"]),
        ("in person or zoom", ["face_to_face", "video"]),
        ("all three", ALL_MODES),
        ("any", ALL_MODES),
        ("all", ALL_MODES),
        ("any of them", ALL_MODES),
        ("don't mind", ALL_MODES),
        ("whatever", ALL_MODES),
        ("whatever's easiest", ALL_MODES),
        ("not bothered", ALL_MODES),
        # negation
        ("not video", ["face_to_face", "phone"]),
        ("anything but video", ["face_to_face", "phone"]),
        ("I hate the phone", ["face_to_face", "video"]),
        ("phone or video but not face to face", ["phone", "video"]),
        ("I'd rather not do video but phone is fine", ["phone"]),
        ("no video just phone", ["phone"]),
        ("I don't want video I want phone", ["phone"]),
        ("not video or phone, face to face", ["face_to_face"]),
        ("phone not video", ["phone"]),
        ("video isn't an option for me, phone", ["phone"]),
        ("phone is fine, video too", ["phone", "video"]),
        ("I can't drive so phone or video", ["phone", "video"]),
        ("no face to face, I can't get out", ["phone", "video"]),
        ("I'd rather not be on camera", ["face_to_face", "phone"]),
        ("I'm rubbish on the phone", ["face_to_face", "video"]),
        ("phone but only in the evenings", ["phone"]),
    ],
)
def test_mode_as_answer(text: str, expected: list[str]) -> None:
    assert slots(text, MODE)[MODE] == expected


@pytest.mark.parametrize(
    "text",
    ["on my phone", "no", "yes", "not sure", "not sure phone or video", "my phone died", "both"],
)
def test_mode_not_chosen(text: str) -> None:
    assert MODE not in slots(text, MODE)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("actually, phone is better", ["phone"]),
        ("can I do it by phone?", ["phone"]),
        ("video would be easier", ["video"]),
        ("I'd prefer to meet face to face", ["face_to_face"]),
        ("I'd love to meet other mums face to face", ["face_to_face"]),
        ("I'm fine with video", ["video"]),
        ("phone calls would suit me best", ["phone"]),
        ("zoom is easiest with the baby", ["video"]),
        ("I'd prefer the video option", ["video"]),
        ("can I speak to someone on the phone?", ["phone"]),
        ("anything but video is fine", ["face_to_face", "phone"]),
    ],
)
def test_mode_volunteered(text: str, expected: list[str]) -> None:
    assert slots(text)[MODE] == expected


@pytest.mark.parametrize(
    "text",
    [
        "do you do video calls?",
        "is it face to face or online?",
        "I found you online",
        "I looked online for help",
        "the phone is always ringing",
        "I'm on my phone a lot at night",
        "I watched a video on youtube",
        "my HV will call me",
        "the video is good",
        "the video on your website was helpful",
    ],
)
def test_mode_not_volunteered(text: str) -> None:
    assert MODE not in slots(text)


# "phone" is a contact channel when that is the question, a mode otherwise
@pytest.mark.parametrize(
    ("requested", "expected"),
    [
        (PREFERRED, {PREFERRED: "phone"}),
        (MODE, {MODE: ["phone"]}),
        (FORMAT, {MODE: ["phone"]}),  # a bare option in an answer to a preference question
        (TIME, {MODE: ["phone"]}),
        (None, {}),  # bare "phone" out of any context means nothing
        (REFERRAL, {}),
        (DETAIL, {}),
    ],
)
def test_phone_depends_on_the_question(requested: str | None, expected: dict[str, Any]) -> None:
    assert slots("phone", requested) == expected


def test_ring_me_is_mode_in_mode_question_and_contact_elsewhere() -> None:
    assert slots("ring me", MODE) == {MODE: ["phone"]}
    assert slots("ring me in the evenings", None) == {PREFERRED: "phone"}
    assert slots("ring me", PREFERRED) == {PREFERRED: "phone"}


# ============================================================================================
# time_preferences
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mornings", ["morning"]),
        ("morning", ["morning"]),
        ("mornin", ["morning"]),
        ("mornigs", ["morning"]),
        ("am", ["morning"]),
        ("10am", ["morning"]),
        ("9.30 am", ["morning"]),
        ("before lunch", ["morning"]),
        ("before 12", ["morning"]),
        ("afternoons", ["afternoon"]),
        ("afternoon", ["afternoon"]),
        ("afternon", ["afternoon"]),
        ("after lunch", ["afternoon"]),
        ("pm", ["afternoon"]),
        ("2pm", ["afternoon"]),
        ("after 2", ["afternoon"]),
        ("evenings", ["evening"]),
        ("eveings", ["evening"]),
        ("evnings", ["evening"]),
        ("nights", ["evening"]),
        ("at night", ["evening"]),
        ("after bedtime", ["evening"]),
        ("once the baby's in bed", ["evening"]),
        ("after the kids go to bed", ["evening"]),
        ("after 7", ["evening"]),
        ("after 7pm", ["evening"]),
        ("8pm", ["evening"]),
        ("weekends", ["weekend"]),
        ("wkends", ["weekend"]),
        ("wknds", ["weekend"]),
        ("at the weekend", ["weekend"]),
        ("saturdays", ["weekend"]),
        ("sunday", ["weekend"]),
        ("Saturday mornings", ["morning", "weekend"]),
        ("daytime", ["morning", "afternoon"]),
        ("during the day", ["morning", "afternoon"]),
        ("mornings or after lunch", ["morning", "afternoon"]),
        ("evenings after 7pm, weekends too", ["evening", "weekend"]),
        ("weekday mornings", ["morning"]),
        ("any time", ALL_TIMES),
        ("anytime", ALL_TIMES),
        ("whenever", ALL_TIMES),
        ("flexible", ALL_TIMES),
        ("I don't mind", ALL_TIMES),
        ("24/7 lol", ALL_TIMES),
        ("anything but mornings", ["afternoon", "evening", "weekend"]),
        ("weekdays any time", ["morning", "afternoon", "evening"]),
        ("any time on weekdays", ["morning", "afternoon", "evening"]),
        ("any day but Monday", ALL_TIMES),
        ("mornings are best, evenings are hard", ["morning"]),
        ("she's up all night, mornings suit me", ["morning"]),
        ("I was up all night but mornings are better", ["morning"]),
        ("I'm up all night so mornings", ["morning"]),
        ("I'm at home all day", ["morning", "afternoon"]),
        ("mornings but not too early", ["morning"]),
        ("any time except evenings", ["morning", "afternoon", "weekend"]),
        ("morning or evening, not afternoons as she naps", ["morning", "evening"]),
        ("I work 9-5 so evenings", ["evening"]),
        ("all of them", ALL_TIMES),
        ("phone but only in the evenings", ["evening"]),
    ],
)
def test_time_as_answer(text: str, expected: list[str]) -> None:
    assert slots(text, TIME)[TIME] == expected


@pytest.mark.parametrize(
    "text",
    [
        "weekdays",  # nothing definite on its own
        "not weekends",
        "not mornings",
        "evenings are hard",
        "nap time",  # naps move about: not a time of day
        "whenever she naps",
        "no",
        "it depends",
        "what times do you have?",
        "all night",
        "tuesdays and thursdays",
        "lunchtimes",
        "after the school run",
    ],
)
def test_time_not_chosen(text: str) -> None:
    assert TIME not in slots(text, TIME)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mornings are best", ["morning"]),
        ("evenings suit me", ["evening"]),
        ("can we make it evenings instead", ["evening"]),
        ("I'm free most evenings", ["evening"]),
        ("I could do weekends", ["weekend"]),
        ("weekend mornings are best", ["morning", "weekend"]),
        ("I work evenings so mornings are better", ["morning"]),
        ("she naps in the afternoon so mornings are better", ["morning"]),
        ("my mum will have the baby on saturdays so weekends are good", ["weekend"]),
        ("actually evenings instead of mornings", ["evening"]),
        ("evenings, if that suits", ["evening"]),
    ],
)
def test_time_volunteered(text: str, expected: list[str]) -> None:
    assert slots(text)[TIME] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I was up all night and this morning I felt awful",
        "last night was awful",
        "she wakes at night",
        "it's a nightmare in the mornings with the school run",
        "I can never get out in the mornings",
        "I've got an appointment this afternoon",
        "I'm up at 5am every day",
        "we're away this weekend",
    ],
)
def test_time_not_volunteered(text: str) -> None:
    assert TIME not in slots(text)


# ============================================================================================
# referral_source
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my HV", "health_visitor"),
        ("hv", "health_visitor"),
        ("H.V.", "health_visitor"),
        ("health visitor", "health_visitor"),
        ("my health visiter", "health_visitor"),
        ("midwife", "midwife"),
        ("my mw", "midwife"),
        ("community midwife", "midwife"),
        ("GP", "gp"),
        ("my doctor", "gp"),
        ("the doctors", "gp"),
        ("doc", "gp"),
        ("perinatal team", "mental_health_team"),
        ("the perinatal mental health team", "mental_health_team"),
        ("CPN", "mental_health_team"),
        ("psychiatrist", "mental_health_team"),
        ("IAPT", "mental_health_team"),
        ("talking therapies", "mental_health_team"),
        ("myself", "self"),
        ("found it myself", "self"),
        ("google", "self"),
        ("online", "self"),
        ("the internet", "self"),
        ("facebook", "self"),
        ("saw it on instagram", "self"),
        ("saw a poster at my GP surgery", "self"),
        ("I self referred", "self"),
        ("a friend", "other"),
        ("my mate", "other"),
        ("my mum", "other"),
        ("social worker", "other"),
        ("children's centre", "other"),
        ("another mum at baby group", "other"),
        ("a charity", "other"),
        ("not my GP, my HV", "health_visitor"),
        ("a health visitor I think", "health_visitor"),
        ("my HV and my GP", "health_visitor"),  # the first named
        ("saw you on a leaflet in the GP waiting room", "self"),
        ("NCT friend", "other"),
        ("I'm a midwife myself lol, found you online", "self"),
        ("the hospital", "other"),
    ],
)
def test_referral_as_answer(text: str, expected: str) -> None:
    assert slots(text, REFERRAL)[REFERRAL] == expected


@pytest.mark.parametrize(
    "text",
    ["can't remember", "not sure", "I'd rather not say", "yes", "it was sent to me"],
)
def test_referral_not_chosen(text: str) -> None:
    assert REFERRAL not in slots(text, REFERRAL)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hiya, my HV sent me", "health_visitor"),
        ("my HV said to try this", "health_visitor"),
        ("my health visitor told me about you", "health_visitor"),
        ("heath visitor gave me the link", "health_visitor"),
        ("my hv suggested a group", "health_visitor"),
        ("referred by my GP", "gp"),
        ("my GP referred me", "gp"),
        ("the doctor recommended it", "gp"),
        ("I got the link from my midwife", "midwife"),
        ("midwife mentioned it at my appointment", "midwife"),
        ("the perinatal team suggested it", "mental_health_team"),
        ("IAPT suggested it", "mental_health_team"),
        ("my CPN put me in touch", "mental_health_team"),
        ("found it myself online", "self"),
        ("I found you on facebook", "self"),
        ("came across you on google", "self"),
        ("I self-referred", "self"),
        ("a friend told me about it", "other"),
        ("my mum said to give it a go", "other"),
        ("heard about it through the children's centre", "other"),
        ("my social worker recommended you", "other"),
        ("my GP referred me here", "gp"),
        ("I was referred by my GP", "gp"),
        ("my midwife suggested I try this", "midwife"),
        ("my friend recommended you", "other"),
        ("my mum says I should try it", "other"),
        ("my HV sent me the link", "health_visitor"),
    ],
)
def test_referral_volunteered(text: str, expected: str) -> None:
    assert slots(text)[REFERRAL] == expected
    assert slots(text, MODE)[REFERRAL] == expected


@pytest.mark.parametrize(
    "text",
    [
        "my midwife said I'm fine",
        "my doctor said I have PND",
        "I'm waiting to see a doctor",
        "my GP didn't refer me",
        "I have a GP appointment tomorrow",
        "my mum is helping a lot",
        "I need help from my mum",
        "I googled postnatal depression",
        "I'm a first time mum",
        "my HV told me to rest",
        "my GP suggested antidepressants",
        "my GP referred me to IAPT",  # a referral elsewhere, not to us
        "my HV sent me a message about my bloods",
        "I get support through my HV",
        "thanks to my HV I'm doing better",
    ],
)
def test_referral_not_volunteered(text: str) -> None:
    assert REFERRAL not in slots(text)


# ============================================================================================
# perinatal_stage
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm pregnant", "pregnant"),
        ("pregnant", "pregnant"),
        ("pregant", "pregnant"),
        ("preggers lol", "pregnant"),
        ("I'm 30 weeks", "pregnant"),
        ("I'm 12 wks", "pregnant"),
        ("im 30+2", "pregnant"),
        ("30 weeks pregnant", "pregnant"),
        ("i'm 6 months", "pregnant"),
        ("I'm 30 weeks in", "pregnant"),
        ("expecting in march", "pregnant"),
        ("we're expecting twins", "pregnant"),
        ("due in March", "pregnant"),
        ("baby is due any day", "pregnant"),
        ("I'm in my third trimester", "pregnant"),
        ("I had my 20 week scan", "pregnant"),
        ("pregnant with my second and my toddler is driving me mad", "pregnant"),
        ("I'm pregnant again and my baby is 10 months", "pregnant"),
        ("my baby is 4 months", "postnatal"),
        ("my baby is 4 months old", "postnatal"),
        ("she's 3 months", "postnatal"),
        ("LO is 6 weeks", "postnatal"),
        ("lo is 6 wks", "postnatal"),
        ("my 8 week old won't sleep", "postnatal"),
        ("a 6 month old", "postnatal"),
        ("my son is 18 months", "postnatal"),
        ("had her in May", "postnatal"),
        ("I had him 2 weeks ago", "postnatal"),
        ("I've just had a baby", "postnatal"),
        ("I gave birth 6 weeks ago", "postnatal"),
        ("since giving birth i've felt low", "postnatal"),
        ("since having her I can't cope", "postnatal"),
        ("she was born in May", "postnatal"),
        ("I'm struggling with a newborn", "postnatal"),
        ("I had a c section", "postnatal"),
        ("I've got pnd", "postnatal"),
        ("my baby won't stop crying", "postnatal"),
        ("night feeds are the worst", "postnatal"),
        ("I'm 38 weeks and scared of the birth", "pregnant"),
        ("my twins are 5 months", "postnatal"),
        ("i have a 3 month old and a 2 year old", "postnatal"),
        ("im preg with no 2", "pregnant"),
        ("i'm 3 months postpartum", "postnatal"),
        ("my 2 year old and 4 month old", "postnatal"),
        ("when I was pregnant I had anxiety, she's 3 months now", "postnatal"),
        ("I'm not pregnant, my baby is 6 weeks", "postnatal"),
    ],
)
def test_stage_from_any_message(text: str, expected: str) -> None:
    assert slots(text)[STAGE] == expected
    assert slots(text, STAGE)[STAGE] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("newborn", "postnatal"),
        ("postnatal", "postnatal"),
        ("had the baby", "postnatal"),
        ("expecting", "pregnant"),
        ("both", "pregnant"),
        ("I'm due in 3 weeks", "pregnant"),
        ("baby is here!", "postnatal"),
        ("had him last week", "postnatal"),
    ],
)
def test_stage_as_answer(text: str, expected: str) -> None:
    assert slots(text, STAGE)[STAGE] == expected


@pytest.mark.parametrize(
    "text",
    [
        "I was pregnant last year and struggled",
        "I want to get pregnant again",
        "I wasn't expecting this",
        "the rent is due in March",
        "my daughter is 3",
        "6 months",  # whose six months? ambiguous without "I'm" or "she's"
        "I'm 6 months in",  # six months pregnant, or six months into motherhood?
        "I had my first appointment",
        "my baby keeps kicking me",
        "worried about getting postnatal depression",
        "I lost my baby at 20 weeks",  # a loss: never infer a stage
        "I had a miscarriage, I'm pregnant again",
    ],
)
def test_stage_not_inferred(text: str) -> None:
    assert STAGE not in slots(text, STAGE)


# ============================================================================================
# preferred_contact
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("phone", "phone"),
        ("phone please", "phone"),
        ("call me", "phone"),
        ("ring me", "phone"),
        ("a phone call", "phone"),
        ("text", "text"),
        ("txt", "text"),
        ("text me", "text"),
        ("sms", "text"),
        ("whatsapp", "text"),
        ("whats app", "text"),
        ("a message", "text"),
        ("email", "email"),
        ("e-mail", "email"),
        ("email please", "email"),
        ("emial", "email"),
        ("text or call", "text"),
        ("not by phone, text please", "text"),
        ("don't call, text", "text"),
        ("I'd rather text than talk on the phone", "text"),
    ],
)
def test_preferred_contact_as_answer(text: str, expected: str) -> None:
    assert slots(text, PREFERRED)[PREFERRED] == expected


@pytest.mark.parametrize("text", ["don't mind", "not by phone", "no", "whatever", "not sure"])
def test_preferred_contact_not_chosen(text: str) -> None:
    assert PREFERRED not in slots(text, PREFERRED)


@pytest.mark.parametrize(
    ("text", "requested", "expected"),
    [
        ("text me", None, "text"),
        ("please text me rather than ring", None, "text"),
        ("email me", TIME, "email"),
        ("by email please", None, "email"),
        ("text is easier for me", MODE, "text"),
        ("can you ring me back?", None, "phone"),
        ("give me a ring", None, "phone"),
        ("please don't call me, text is better", None, "text"),
        ("whatsapp me x", None, "text"),
        ("they can text me", None, "text"),
    ],
)
def test_preferred_contact_volunteered(text: str, requested: str | None, expected: str) -> None:
    assert slots(text, requested)[PREFERRED] == expected


@pytest.mark.parametrize(
    "text",
    [
        "call me Sam",
        "please don't call me",
        "I got a text from my HV",
        "my HV will call me",
        "she texts me every day",
        "the midwife rings me on Mondays",
    ],
)
def test_preferred_contact_not_volunteered(text: str) -> None:
    assert PREFERRED not in slots(text)


def test_contact_details_given_when_asked_for_the_channel() -> None:
    assert slots("07700 900123", PREFERRED) == {
        PREFERRED: "phone",
        DETAIL: "+447700900123",
    }
    assert slots("sam@example.com", PREFERRED) == {
        PREFERRED: "email",
        DETAIL: "sam@example.com",
    }
    assert slots("text me on 07700 900123", PREFERRED) == {
        PREFERRED: "text",
        DETAIL: "+447700900123",
    }
    assert slots("my email is Sam.K@Example.CO.UK", PREFERRED) == {
        PREFERRED: "email",
        DETAIL: "Sam.K@example.co.uk",
    }


def test_contact_detail_is_not_captured_outside_the_contact_questions() -> None:
    for requested in (None, MODE, TIME, REQUESTED, TAKE_UP):
        got = slots("my number is 07700 900123", requested)
        assert DETAIL not in got


# ============================================================================================
# contact_detail
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "preferred", "expected"),
    [
        ("07700 900123", "phone", {DETAIL: "+447700900123"}),
        ("07700 900123", "text", {DETAIL: "+447700900123"}),
        ("07700 900123", None, {DETAIL: "+447700900123", PREFERRED: "phone"}),
        ("my number is 07700 900123 thanks", "phone", {DETAIL: "+447700900123"}),
        ("+44 7700 900123", "phone", {DETAIL: "+447700900123"}),
        ("(020) 7946 0018", "phone", {DETAIL: "+442079460018"}),
        ("sam@example.com", "email", {DETAIL: "sam@example.com"}),
        ("its Sam.K@Example.co.uk x", "email", {DETAIL: "Sam.K@example.co.uk"}),
        # a detail of the other kind switches the channel, keeping the record consistent
        ("sam@example.com", "phone", {DETAIL: "sam@example.com", PREFERRED: "email"}),
        ("07700 900123", "email", {DETAIL: "+447700900123", PREFERRED: "phone"}),
        # both given: the one matching her channel
        ("07700 900123 or sam@example.com", "email", {DETAIL: "sam@example.com"}),
        ("07700 900123 or sam@example.com", "text", {DETAIL: "+447700900123"}),
    ],
)
def test_contact_detail_valid(text: str, preferred: str | None, expected: dict[str, Any]) -> None:
    result = run(text, DETAIL, preferred_contact=preferred)
    assert result.slots == expected
    assert result.invalid_contact is False


@pytest.mark.parametrize(
    ("text", "preferred"),
    [
        ("07700 9001", "phone"),
        ("0770090012", "phone"),
        ("+1 202 555 0143", "phone"),
        ("116 123", "phone"),
        ("07700 9OO123", "phone"),
        ("sam@gmail", "email"),
        ("sam@@gmail.com", "email"),
        ("sam at gmail dot com", "email"),
        ("sam@gmail.con", "email"),
        ("it's 0800 123 4567", None),
    ],
)
def test_contact_detail_invalid(text: str, preferred: str | None) -> None:
    result = run(text, DETAIL, preferred_contact=preferred)
    assert result.invalid_contact is True
    assert DETAIL not in result.slots


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("I'd rather not say", "skip"),
        ("hmm", "inform"),
        ("actually can someone just ring me", "inform"),
        ("no", "deny"),
        ("email", "inform"),
        ("", "inform"),
    ],
)
def test_contact_detail_nothing_and_not_invalid(text: str, intent: str) -> None:
    result = run(text, DETAIL, intent, preferred_contact="email")
    assert DETAIL not in result.slots
    assert result.invalid_contact is False


def test_contact_detail_change_of_channel_without_a_detail() -> None:
    assert slots("actually just text me instead", DETAIL, preferred_contact="email") == {
        PREFERRED: "text"
    }


def test_invalid_attempt_while_choosing_the_channel() -> None:
    result = run("email me at sam@gmail", PREFERRED)
    assert result.invalid_contact is True
    assert result.slots == {PREFERRED: "email"}


def test_invalid_contact_only_for_contact_questions() -> None:
    assert run("07700 9001", None).invalid_contact is False
    assert run("sam@gmail", TIME).invalid_contact is False


# ============================================================================================
# contact_requested
# ============================================================================================


@pytest.mark.parametrize(
    ("text", "intent", "expected"),
    [
        ("yes", "affirm", True),
        ("yes please", "affirm", True),
        ("no thanks", "deny", False),
        ("nope", "deny", False),
        ("text me please", "inform", True),  # asking for a channel is asking to be contacted
    ],
)
def test_contact_requested(text: str, intent: str, expected: bool) -> None:
    assert slots(text, REQUESTED, intent)[REQUESTED] is expected


@pytest.mark.parametrize(
    ("text", "requested", "intent"),
    [("yes", None, "affirm"), ("yes", MODE, "affirm"), ("maybe", REQUESTED, "maybe")],
)
def test_contact_requested_not_set(text: str, requested: str | None, intent: str) -> None:
    assert REQUESTED not in slots(text, requested, intent)


# ============================================================================================
# take_up_intent
# ============================================================================================


@pytest.mark.parametrize(
    ("intent", "expected"),
    [("affirm", "yes"), ("maybe", "maybe"), ("not_sure", "maybe"), ("deny", "no")],
)
def test_take_up_from_intent(intent: str, expected: str) -> None:
    assert slots("hmm", TAKE_UP, intent)[TAKE_UP] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yes I'd like to try it", "yes"),
        ("yeah go on then", "yes"),
        ("I'll give it a go", "yes"),
        ("sign me up", "yes"),
        ("why not", "yes"),
        ("I wouldn't mind trying it", "yes"),
        ("maybe", "maybe"),
        ("maybe later", "maybe"),
        ("not right now", "maybe"),
        ("I'll think about it", "maybe"),
        ("not sure", "maybe"),
        ("dunno", "maybe"),
        ("I'd like to try it but not right now", "maybe"),
        ("yes but maybe when she's older", "maybe"),
        ("not for me", "no"),
        ("no thanks", "no"),
        ("not interested", "no"),
        ("nah", "no"),
        ("I don't think it's for me", "no"),
        ("I'm ok thanks", "no"),
    ],
)
def test_take_up_from_text(text: str, expected: str) -> None:
    # her words win over a misread intent
    assert slots(text, TAKE_UP, "inform")[TAKE_UP] == expected
    assert slots(text, TAKE_UP, None)[TAKE_UP] == expected


def test_take_up_only_when_asked() -> None:
    assert TAKE_UP not in slots("yes I'd like to try it", None, "affirm")
    assert TAKE_UP not in slots("not for me", FORMAT, "deny")


# ============================================================================================
# Changes of mind
# ============================================================================================


def test_change_replaces_value() -> None:
    assert slots("actually, phone is better", None)[MODE] == ["phone"]
    assert slots("can we make it evenings instead", None)[TIME] == ["evening"]
    assert slots("actually one to one", None)[FORMAT] == "one_to_one"
    assert slots("actually group would be fine", None)[FORMAT] == "group"
    assert slots("actually email is better", None)[PREFERRED] == "email"


def test_additions_and_removals_with_current_values() -> None:
    current = {MODE: ["phone"], TIME: ["evening"]}
    assert slots("can I do video too?", current=current)[MODE] == ["phone", "video"]
    assert slots("video as well please", TIME, current=current)[MODE] == ["phone", "video"]
    assert slots("oh and can we do weekends too", current=current)[TIME] == ["evening", "weekend"]
    both = {MODE: ["phone", "video"]}
    assert slots("actually I'd rather not do video", current=both)[MODE] == ["phone"]
    assert slots("actually not video, sorry", current={MODE: ["video"]})[MODE] == []
    assert slots("evenings are no good now", current={TIME: ["evening", "weekend"]})[TIME] == [
        "weekend"
    ]
    # without current values a plain change replaces
    assert slots("can I do video too?")[MODE] == ["video"]
    assert MODE not in slots("actually I'd rather not do video")


# ============================================================================================
# Button payload entities win
# ============================================================================================


@pytest.mark.parametrize(
    ("entities", "expected"),
    [
        ([{"entity": "format", "value": "group"}], {FORMAT: "group"}),
        ([{"entity": "format", "value": "one_to_one"}], {FORMAT: "one_to_one"}),
        ([{"entity": "mode", "value": "any"}], {MODE: ALL_MODES}),
        (
            [{"entity": "mode", "value": "video"}, {"entity": "mode", "value": "phone"}],
            {MODE: ["phone", "video"]},
        ),
        (
            [{"entity": "mode", "value": ["video", "face_to_face"]}],
            {MODE: ["face_to_face", "video"]},
        ),
        ([{"entity": "time", "value": "any"}], {TIME: ALL_TIMES}),
        ([{"entity": "time", "value": "weekend"}], {TIME: ["weekend"]}),
        ([{"entity": "referral_source", "value": "midwife"}], {REFERRAL: "midwife"}),
        ([{"entity": "perinatal_stage", "value": "postnatal"}], {STAGE: "postnatal"}),
        ([{"entity": "contact_method", "value": "email"}], {PREFERRED: "email"}),
        ([{"entity": "format", "value": "banana"}], {}),
        ([{"entity": "unknown", "value": "group"}], {}),
        ([{"entity": "time", "value": "2024-05-01T09:00:00.000+01:00"}], {}),  # duckling time
        ([{"value": "group"}, "junk", None, {"entity": "mode", "value": None}], {}),
    ],
)
def test_entities(entities: list[dict], expected: dict[str, Any]) -> None:
    assert slots("", None, "inform", entities) == expected


def test_entities_win_over_text() -> None:
    got = slots("one to one please", FORMAT, "inform", [{"entity": "format", "value": "group"}])
    assert got[FORMAT] == "group"
    got = slots("phone", MODE, "inform", [{"entity": "mode", "value": "video"}])
    assert got[MODE] == ["video"]


def test_payload_text_is_not_read_as_words() -> None:
    payload = [{"entity": "mode", "value": "phone"}]
    got = slots('/inform{"mode":"phone"}', PREFERRED, "inform", payload)
    assert got == {MODE: ["phone"]}
    assert slots("/affirm", CONSENT, "affirm") == {CONSENT: "given"}


# ============================================================================================
# Safety and stopping take over
# ============================================================================================


@pytest.mark.parametrize("intent", ["risk_suicide", "risk_harm_baby", "stop", "delete_data"])
def test_suppressing_intents_extract_nothing(intent: str) -> None:
    text = "I'm 30 weeks, my HV sent me, one to one by phone in the evenings please"
    for requested in REQUESTABLE:
        assert run(text, requested, intent) == Extracted()


@pytest.mark.parametrize(
    "text",
    [
        "I don't want to be here anymore, I'm 30 weeks",
        "I could kill for a coffee, evenings are best",  # idioms are skipped too: harmless
        "I'm dying to meet other mums face to face",
        "sometimes I think they'd be better off without me, mornings are best",
    ],
)
def test_risk_like_sentences_are_not_mined(text: str) -> None:
    assert slots(text, None) == {}


def test_only_the_risky_sentence_is_skipped() -> None:
    got = slots("I could kill for a coffee. Evenings are best though")
    assert got == {TIME: ["evening"]}


# ============================================================================================
# Odd input: no exception, nothing extracted
# ============================================================================================

ODD_INPUTS: list[Any] = [
    "",
    "   ",
    "\n\n\t",
    "😀😀😀",
    "👍",
    "🙏🏻❤️",
    "<script>alert(1)</script>",
    "<b></b>&nbsp;&amp;",
    "<img src=x onerror=alert(1)>",
    "**bold** _it_ `code` [link](http://example.com)",
    "مرحبا، أنا حامل",
    "আমি গ্রুপ চাই",
    "我想要一对一",
    "Привет, группа",
    "\x00\x01\x02\x1b[31m",
    "\u202e\u200b\ufeff",
    "a" * 100_000,
    "?" * 5_000,
    "." * 10_000,
    "lol " * 20_000,
    "https://example.com/group/video/evenings",
    None,
    123,
    b"group",
    ["group"],
    {"text": "group"},
]


@pytest.mark.parametrize("text", ODD_INPUTS, ids=lambda t: repr(t)[:30])
@pytest.mark.parametrize("requested", REQUESTABLE)
def test_odd_input_is_harmless(text: Any, requested: str | None) -> None:
    result = run(text, requested, "inform")
    assert result == Extracted()


@pytest.mark.parametrize(
    "args",
    [
        ("group", None, None, None),
        ("group", 5, "not a list", 7),
        ("group", "", [None, 3, "x"], ""),
        ("group", "affirm", [{"entity": None, "value": {"a": 1}}], ["slot"]),
    ],
)
def test_odd_arguments_are_harmless(args: tuple[Any, ...]) -> None:
    result = extract_details(*args)
    assert isinstance(result, Extracted)
    assert result.invalid_contact is False


def test_huge_message_with_real_content_is_bounded_and_works() -> None:
    text = "one to one please " + "blah " * 100_000 + " evenings"
    got = slots(text, FORMAT)
    assert got == {FORMAT: "one_to_one"}  # only the start of a huge message is read


def test_markup_around_words_is_stripped() -> None:
    assert slots("<b>group</b>", FORMAT) == {FORMAT: "group"}
    assert slots("ｏｎｅ ｔｏ ｏｎｅ", FORMAT) == {FORMAT: "one_to_one"}  # full-width letters
    assert slots("Évenings 👍", TIME) == {TIME: ["evening"]}


def test_emoji_with_an_intent_still_answers_yes_no_questions() -> None:
    assert slots("👍", CONSENT, "affirm") == {CONSENT: "given"}
    assert slots("👍", TAKE_UP, "affirm") == {TAKE_UP: "yes"}


# ============================================================================================
# Every value produced is a codebook code
# ============================================================================================

#: Each slot's codes, taken from the codebook itself (not extraction's copy), so the two
#: drifting apart fails here.
CODES: dict[str, tuple[Any, ...]] = {
    CONSENT: codebook.CONSENT_VALUES,
    FORMAT: codebook.FORMATS,
    REFERRAL: codebook.REFERRAL_SOURCES,
    STAGE: codebook.PERINATAL_STAGES,
    PREFERRED: codebook.CONTACT_METHODS,
    TAKE_UP: codebook.TAKE_UP_INTENTS,
    REQUESTED: (True, False),
}


def assert_codebook_codes(got: dict[str, Any]) -> None:
    """Every extracted value is a code the codebook defines, lists in the codebook's order."""
    for slot, value in got.items():
        if slot == MODE:
            assert value and value == [c for c in codebook.MODES if c in value], value
        elif slot == TIME:
            assert value and value == [c for c in codebook.TIMES if c in value], value
        elif slot == DETAIL:
            assert value.startswith("+44") or "@" in value, value
        else:
            assert value in CODES[slot], (slot, value)


#: An everyday answer to each question, which must fill that question's slot: every case
#: exercises the property (the value is a codebook code), none passes by extracting nothing.
ANSWERS_THAT_FILL: dict[str, list[str]] = {
    FORMAT: ["either", "not a group", "one to one pls", "group"],
    MODE: ["phone", "in person or zoom", "anything but video", "face to face"],
    TIME: ["whenever", "weekdays any time", "evenings and weekends", "mornings"],
    REFERRAL: ["myself", "my HV sent me", "the midwife", "my gp"],
    STAGE: ["pregnant", "my baby is 4 months", "im 30 weeks", "had her in june"],
    PREFERRED: ["text me", "phone", "email is best"],
    DETAIL: ["07700 900123", "sam@example.com"],
}
#: Consent is read from the intent (yes / no), not the words.
CONSENT_ANSWERS = [("yes", "affirm"), ("yeah thats fine", "affirm"), ("no", "deny")]


@pytest.mark.parametrize(
    ("requested", "text", "intent"),
    [(slot, text, "inform") for slot, texts in ANSWERS_THAT_FILL.items() for text in texts]
    + [(CONSENT, text, intent) for text, intent in CONSENT_ANSWERS],
)
def test_an_answer_to_its_question_fills_it_with_a_codebook_code(requested: str, text: str,
                                                                  intent: str) -> None:
    got = slots(text, requested, intent)
    assert requested in got, got
    assert_codebook_codes(got)


#: Short, ambiguous answers sent to every question under every intent.
CORPUS = [
    "hi, my HV said to try this, I'd prefer one to one on the phone",
    "any",
    "either",
    "both",
    "not sure",
    "yes",
    "no",
    "maybe",
    "anything but video",
    "whenever",
    "weekdays any time",
    "07700 900123",
    "sam@example.com",
    "text me",
    "myself",
    "a friend",
    "pregnant",
    "my baby is 4 months",
    "not a group",
    "phone",
    "in person or zoom, evenings and weekends",
    "dunno",
    "don't mind",
]


def test_whatever_is_extracted_anywhere_is_a_codebook_code() -> None:
    """The corpus under every question and intent: each extracted value is a code.

    Most combinations rightly extract nothing; the count of those that do is asserted so the
    property cannot hold vacuously (about 700 combinations extract at least one value)."""
    exercised = 0
    for text in CORPUS:
        for requested in REQUESTABLE:
            for intent in ("inform", "affirm", "deny", "maybe", "not_sure", None):
                got = slots(text, requested, intent)
                assert_codebook_codes(got)
                exercised += bool(got)
    assert exercised >= 500, exercised


@pytest.mark.parametrize(("text", "slot", "expected"), [
    ("Baby's 7 months.", "perinatal_stage", "postnatal"),
    ("my daughter's 5 months", "perinatal_stage", "postnatal"),
    ("My son is nearly one, and I've got a 4 year old", "perinatal_stage", "postnatal"),
    ("shes 6 munths", "perinatal_stage", "postnatal"),
    ("My baby have 4 months", "perinatal_stage", "postnatal"),
    ("the bairn's 4 month", "perinatal_stage", "postnatal"),
    ("18 weeks.", "perinatal_stage", "pregnant"),
    ("26 wks", "perinatal_stage", "pregnant"),
    ("30 weeks, baby number 2", "perinatal_stage", "pregnant"),
    ("my baby is 18 weeks old", "perinatal_stage", "postnatal"),
    ("just 1 person i think", "format_preference", "one_to_one"),
    ("One woman. Only me and her", "format_preference", "one_to_one"),
    ("grop pls", "format_preference", "group"),
])
def test_ages_stages_and_formats_in_her_own_words(text: str, slot: str, expected: str) -> None:
    assert extract_details(text, "inform", [], slot).slots[slot] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # A time she is busy at, beside one that suits her, is not her answer.
    ("mornings are good, by 3 i'm knackered", ["morning"]),
    ("evenings. i'm at work all day", ["evening"]),
    ("afternoon is best, i work mornings at the chippy", ["afternoon"]),
    ("weekends, weekday mornings are feeds and nursery runs", ["weekend"]),
    # Free time that starts when the busy part ends is her answer.
    ("evenings after work", ["evening"]),
    ("evenings when i finish work", ["evening"]),
    # Busy at the only time she names: kept, as before (the question may be asked again later).
    ("I work mornings", ["morning"]),
])
def test_times_she_is_busy_at_are_not_taken_as_her_answer(text: str,
                                                          expected: list[str]) -> None:
    assert extract_details(text, "inform", [], "time_preferences").slots.get(
        "time_preferences") == expected
