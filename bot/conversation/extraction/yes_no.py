"""Yes/no answers: consent, whether she wants contact, and whether she will take it up."""

from __future__ import annotations

from bot.conversation.extraction.analysis import Context, Message
from bot.conversation.extraction.lexicon import bounded
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

