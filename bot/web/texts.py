"""What the gateway says to a mother when it cannot pass her message on.

Kept here rather than in bot/conversation/content/messages.yml because these are not the
assistant speaking: they are the web page explaining a problem, and they must work when Rasa is
not there at all.
Same voice: warm, short, British English, and always a way to reach a person.
"""

from __future__ import annotations

from bot.sites.config import Site


def unavailable(site: Site) -> str:
    """Three sentences: what happened, that her message is safe, and who to call instead."""
    if site.contact.phone:
        reach = f"call {site.name} on {site.contact.phone_with_hours()}"
    else:
        reach = f"contact {site.name}: {site.describe_contact()}"
    return (
        "Sorry, I can't reply just now. Your message hasn't been lost: please send it again in "
        f"a minute. To talk to a person, {reach}, and if you or your baby are in danger right "
        "now, call 999."
    )


def too_long(max_chars: int) -> str:
    return (
        f"That's a bit long for me to read in one go. Could you send it in shorter messages, "
        f"up to {max_chars:,} characters each?"
    )


EMPTY = "That message looks empty. Type something, or choose one of the buttons."
CONVERSATION_RATE = (
    "You're sending messages faster than I can keep up with. Please wait {wait} and then "
    "send it again."
)
ADDRESS_RATE = (
    "Lots of messages are coming from your network at the moment, so I need a short pause. "
    "Please wait {wait} and then send it again."
)
BAD_REQUEST = "Sorry, something went wrong sending that. Please try again."
OVERSIZE = "That message is too big for me to take. Could you send it in shorter messages?"
FORBIDDEN = "This chat can't be used from this page."
NOT_FOUND = "Sorry, there's nothing here."


def wait_phrase(seconds: float) -> str:
    """ "about 20 seconds", "about a minute": a tired reader needs no precise countdown."""
    seconds = int(seconds + 0.999)
    if seconds <= 5:
        return "a few seconds"
    if seconds < 55:
        return f"about {-(-seconds // 5) * 5} seconds"
    return "about a minute"
