"""Yes/no answers: consent, whether she wants contact, and whether she will take it up."""

from __future__ import annotations

import re

from bot.conversation.extraction.analysis import Context, Message
from bot.conversation.extraction.lexicon import bounded
from bot.conversation.extraction.normalise import basic_normalise
from bot.conversation.extraction.slots import SLOT_TAKE_UP

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


_TAKE_UP_RES = tuple((bounded(p), c) for p, c in TAKE_UP_TEXT)


def resolve_take_up(message: Message, ctx: Context) -> str | None:
    if not ctx.asked(SLOT_TAKE_UP):
        return None
    texts = [s.plain for s in message.sentences if not s.risky]
    for regex, code in _TAKE_UP_RES:
        if any(regex.search(t) for t in texts):
            return code
    return INTENT_TO_TAKE_UP.get(ctx.intent or "")



# ============================================================================================
# Short answers to any question ("nah", "that's everything", "rather not say")
# ============================================================================================

#: How a short reply that only answers the question begins, by what it means. Read only when
#: the whole reply is short and asks nothing back (``read_short_answer``); checked in this order,
#: so "no problem" is a yes, "no thanks" a no and "don't know" a skip, not a no.
SHORT_ANSWERS: tuple[tuple[str, str], ...] = (
    # Yeses that open with "no", before the noes.
    (r"no (?:problem|problems|probs|worries|bother)|not a problem", "yes"),
    (r"skip(?: it| this| that)?|pass|next(?: question)?|move on|rather not say|(?:i'?d )?prefer "
     r"not to say|rather not answer|(?:i )?don'?t know|dunno|no idea|idk|not sure|can'?t say|"
     r"couldn'?t (?:tell|say)|(?:it )?depends", "skip"),
    (r"(?:no|nah|naw|nope|na|nae|no no)(?: thanks?| thank you| ta)?|not really|not at all|"
     r"not now|not at the moment|nothing(?: else| further| more| really| at all)?|none|"
     r"(?:that'?s|thats|that is|think that'?s|i think that'?s|i think this is|that'?s about) "
     r"(?:it|all|everything|all for now)|all good|(?:i'?m|im|i am) (?:ok|okay|fine|good|"
     r"alright|all right)(?: thanks?| thank you)?|you'?re alright|(?:i'?ll|i will) (?:ring|call|"
     r"contact|get in touch with|phone|message|email) (?:them|you|myself)|(?:i'?ll|i will) get "
     r"in touch(?: myself)?|(?:i'?ll|i will) do it myself|can'?t think of anything|nothing i can "
     r"think of|i'?d rather not|rather not|don'?t think so", "no"),
    (r"(?:yes|yeah|yea|yep|yup|ya|aye|ye|yh|yas|sure|ok|okay|okey|k|kk|fine|alright|all right|"
     r"of course|course|definitely|absolutely|certainly|please|go on|go ahead|go for it|i agree|"
     r"agreed|i consent|no problem|no worries|sounds good|sounds fine|sounds ok|that'?s fine|"
     r"thats fine|that'?s ok|why not|happy to|i guess so|i suppose so|i think so)", "yes"),
)
#: A reply this long or longer says more than yes or no: leave it to the other readers.
SHORT_ANSWER_MAX_WORDS = 12

_SHORT_ANSWER_RES = tuple((re.compile(rf"^(?:{p})(?![\w'])"), c) for p, c in SHORT_ANSWERS)


def read_short_answer(text: str) -> str | None:
    """"yes", "no" or "skip" for a short reply that only answers a question, else None.

    Its first words decide ("no thanks, I'll ring them myself" is a no); a reply that asks a
    question back ("no, is it free?") or runs on is not read here, so the question it raises is
    answered instead.
    """
    plain = basic_normalise(text or "")
    if "?" in plain:
        return None
    words = re.findall(r"[\w']+", plain)
    if not words or len(words) > SHORT_ANSWER_MAX_WORDS:
        return None
    opening = " ".join(words)
    for regex, meaning in _SHORT_ANSWER_RES:
        if regex.match(opening):
            return meaning
    return None
