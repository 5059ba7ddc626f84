"""What the assistant says, chosen for her site: which messages, filled with which facts.

The wording lives in the message catalogue (content/messages.yml, read by messages.py); this
module decides which messages fit a moment and her site, so that the assistant only ever
describes what her programme really offers.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from bot import codebook
from bot.conversation import messages
from bot.sites.config import Site

REMOTE_MODES = ("phone", "video")
FORMAT_WORDS = {"group": "a group", "one_to_one": "one-to-one support"}
MODE_WORDS = {"face_to_face": "meeting face to face", "phone": "talking by phone",
              "video": "video calls"}


@dataclass(frozen=True)
class Reply:
    """One message: its name in the message catalogue, its placeholder values, extra buttons,
    and the language whose catalogue it is in (None: English, messages.yml)."""

    response: str
    values: Mapping[str, Any] = field(default_factory=dict)
    buttons: Sequence[Mapping[str, str]] | None = None
    language: str | None = None


def site_values(site: Site) -> dict[str, Any]:
    """Placeholder values every response may use."""
    return {
        "site_name": site.name,
        "offer": site.describe_offer(),
        "modes": site.describe_modes(),
        "contact": site.describe_contact(),
        "retention": site.describe_retention(),
        "privacy_url": site.privacy_url,
        "languages": site.describe_languages(),
        # Shown only when the site has a phone (safety_programme_contact).
        "phone_with_hours": site.contact.phone_with_hours(),
    }


def _remote_modes(site: Site) -> str:
    return " or ".join(codebook.MODE_LABELS[m] for m in REMOTE_MODES if site.offers_mode(m))


def concern_replies(code: str, site: Site) -> list[Reply]:
    """The answer to a worry, with the facts of her site that matter to it."""
    values = site_values(site)
    replies = [Reply(f"concern_{code}", values)]
    remote = _remote_modes(site)
    if code == "group_anxiety" and site.offers_format("one_to_one"):
        replies.append(Reply("site_one_to_one",
                             {**values, "modes": site.describe_modes("one_to_one")}))
    elif code in ("practical_travel", "practical_time") and remote:
        replies.append(Reply("site_remote", {**values, "remote_modes": remote}))
    elif code == "practical_childcare":
        if site.offers_format("group") and site.babies_welcome:
            replies.append(Reply("site_babies_welcome", values))
        if remote:
            replies.append(Reply("site_no_babies_info", {**values, "remote_modes": remote}))
    elif code == "not_like_me" and len(site.languages) > 1:
        replies.append(Reply("site_languages", values))
    return replies


def faq_replies(key: str, site: Site) -> list[Reply]:
    values = site_values(site)
    replies = [Reply(f"faq_{key}", values)]
    if key == "formats" and site.groups:
        replies.append(Reply("site_times", {"groups": site.describe_groups()}))
    return replies


def motivator_replies(code: str, site: Site) -> list[Reply]:
    return [Reply(f"motivator_{code}", site_values(site))]


def in_passing_replies(raised: tuple[str, str] | None, site: Site) -> list[Reply]:
    """The answer to a worry or a hope she named while answering a question ("one to one, I'm
    shy in groups"): her answer is taken and this is said before the next question.
    ``raised`` is the list slot and code (``intake_flow.raised_code``)."""
    if raised is None:
        return []
    slot, code = raised
    return concern_replies(code, site) if slot == "concerns" else motivator_replies(code, site)


def _button(title: str, payload: str) -> dict[str, str]:
    return {"title": title, "payload": payload}


def format_buttons(site: Site) -> list[dict[str, str]]:
    """Buttons for the format question: only the formats her site offers, plus either/unsure."""
    buttons = []
    if site.offers_format("group"):
        buttons.append(_button("A group", '/inform{"format":"group"}'))
    if site.offers_format("one_to_one"):
        buttons.append(_button("One-to-one", '/inform{"format":"one_to_one"}'))
    if len(buttons) > 1:
        buttons.append(_button("Either is fine", '/inform{"format":"either"}'))
    buttons.append(_button("I'm not sure", '/inform{"format":"unsure"}'))
    buttons.append(_button("I'd rather not say", "/skip"))
    return buttons


def format_question(site: Site) -> Reply:
    if site.offers_format("group") and site.offers_format("one_to_one"):
        return Reply("ask_format_preference", site_values(site), format_buttons(site))
    return Reply("ask_format_preference_single",
                 {**site_values(site), "format": FORMAT_WORDS[site.formats[0]]},
                 format_buttons(site))


def _offered_format(site: Site, format_code: str | None) -> str | None:
    return format_code if format_code and site.offers_format(format_code) else None


def offered_modes(site: Site, format_code: str | None) -> tuple[str, ...]:
    """The modes on offer for the format she chose (all the site's modes if she chose none
    that it offers)."""
    chosen = _offered_format(site, format_code)
    return site.modes_for(chosen) if chosen else site.modes


def mode_buttons(modes: tuple[str, ...]) -> list[dict[str, str]]:
    titles = {"face_to_face": "Face to face", "phone": "Phone", "video": "Video call"}
    buttons = [_button(titles[m], f'/inform{{"mode":"{m}"}}') for m in modes]
    if len(modes) > 1:
        buttons.append(_button("Any of these", '/inform{"mode":"any"}'))
    buttons.append(_button("I'd rather not say", "/skip"))
    return buttons


def mode_question(site: Site, format_code: str | None) -> Reply:
    """How she would like to talk, among what her site offers for the format she chose."""
    modes = offered_modes(site, format_code)
    values = {**site_values(site),
              "modes": site.describe_modes(_offered_format(site, format_code))}
    if len(modes) == 1 and format_code in FORMAT_WORDS:
        return Reply("ask_mode_preferences_single",
                     {**values, "format": FORMAT_WORDS[format_code]}, mode_buttons(modes))
    return Reply("ask_mode_preferences", values, mode_buttons(modes))


def unmet_preferences(slots: Mapping[str, Any], site: Site) -> list[str]:
    """What she asked for that her site does not offer (recorded as she said it all the same)."""
    wanted: list[str] = []
    fmt = slots.get("format_preference")
    if fmt in FORMAT_WORDS and not site.offers_format(fmt):
        wanted.append(FORMAT_WORDS[fmt])
    modes = [m for m in (slots.get("mode_preferences") or []) if m in codebook.MODES]
    if modes and not any(site.offers_mode(m) for m in modes):
        wanted.append(" or ".join(MODE_WORDS[m] for m in modes))
    return wanted


def unmet_reply(wanted: list[str], site: Site) -> Reply:
    return Reply("preference_not_offered",
                 {**site_values(site), "wanted": " and ".join(wanted)})


#: Physical emergencies: the reply is the action and nothing else (no question first).
EMERGENCIES = ("baby_emergency", "maternal_emergency")


def asks_if_safe(category: str) -> bool:
    """Whether the safety response for ``category`` ends by asking if she is safe now. An
    emergency reply does not: she is told what to do, and that the conversation can wait."""
    return category not in EMERGENCIES


def emergency_replies(category: str, site: Site) -> list[Reply]:
    """A physical emergency: first the action (999, or her maternity unit now, with the site's
    triage number when it has one), then that this conversation can wait."""
    values = {**site_values(site), "maternity_triage": site.maternity_triage or ""}
    if category == "baby_emergency":
        action = "safety_emergency_baby"
    elif site.maternity_triage:
        action = "safety_emergency_maternal"
    else:
        action = "safety_emergency_maternal_notes"
    return [Reply(action, values), Reply("safety_emergency_wait", values)]


def _local_contacts(site: Site) -> str:
    return "; ".join(c.describe() for c in site.crisis_contacts)


def in_her_language(language: str | None) -> str | None:
    """The language to answer in besides English: hers when the catalogue has it, else None."""
    return language if messages.has_language(language) else None


def language_replies(language: str, site: Site) -> list[Reply]:
    """She wrote in another language (issue 19): in it, that the assistant works in English;
    what her site offers in her language (volunteers who speak it, an interpreter, or that the
    programme will try to arrange one); how to reach the programme; and the offer of a call-back,
    or to carry on in English."""
    values = {**site_values(site), "email": site.contact.email or ""}
    if site.speaks(language):
        offer = "language_volunteers"
    elif site.interpreters:
        offer = "language_interpreter"
    else:
        offer = "language_try"
    replies = [Reply("language_works_in_english", values, language=language),
               Reply(offer, values, language=language)]
    if site.contact.phone:
        replies.append(Reply("language_phone", values, language=language))
    if site.contact.email:
        replies.append(Reply("language_email", values, language=language))
    replies.append(Reply("language_next", values, language=language))
    return replies


def safety_replies(category: str, site: Site, language: str | None = None) -> list[Reply]:
    """The safety response for a risk category: acknowledgement, routes, local contacts, and
    the question whether she is safe now. Intrusive thoughts are answered calmly, an overdose
    taken urgently, a physical emergency with the action alone (emergency_replies).

    When she wrote in another language the catalogue has, a short safety message in it comes
    first (999 / A&E, NHS 111, Samaritans, her midwife or GP, the site's own contacts), then the
    whole English response."""
    first = safety_replies_in(language, site) if in_her_language(language) else []
    return first + _english_safety_replies(category, site)


def safety_replies_in(language: str, site: Site) -> list[Reply]:
    """The short safety message in her language, with the site's own crisis contacts."""
    values = {**site_values(site), "local_contacts": _local_contacts(site)}
    replies = [Reply("safety", values, language=language)]
    if values["local_contacts"]:
        replies.append(Reply("safety_local", values, language=language))
    return replies


def _english_safety_replies(category: str, site: Site) -> list[Reply]:
    if category in EMERGENCIES:
        return emergency_replies(category, site)
    values = site_values(site)
    ack = {
        "harm_baby": "safety_ack_intrusive",
        "overdose": "safety_ack_urgent",
        "danger_at_home": "safety_ack_danger",
        "other_risk": "safety_ack_other",
    }.get(category, "safety_ack")
    replies = [Reply(ack, values), Reply("safety_routes", values)]
    local = _local_contacts(site)
    if local:
        replies.append(Reply("safety_local", {**values, "local_contacts": local}))
    replies.append(Reply("safety_ask_safe", values))
    return replies


def not_safe_replies(site: Site) -> list[Reply]:
    values = site_values(site)
    replies = [Reply("safety_not_safe", values)]
    local = _local_contacts(site)
    if local:
        replies.append(Reply("safety_local", {**values, "local_contacts": local}))
    if site.contact.phone:
        replies.append(Reply("safety_programme_contact", values))
    replies.append(Reply("safety_stay", values))
    return replies


def close_replies(slots: Mapping[str, Any], site: Site) -> list[Reply]:
    """The close: thanks, what happens next, where to get help if things get worse."""
    values = site_values(site)
    if slots.get("contact_requested") and codebook.has_consented(slots):
        how = {"phone": "call you", "text": "text you", "email": "email you"}.get(
            slots.get("preferred_contact") or "", "get in touch")
        next_steps = f"Someone from {site.name} will {how} soon."
    else:
        next_steps = f"If you'd like to talk to someone at {site.name}, {site.describe_contact()}."
    return [Reply("close", {**values, "next_steps": next_steps}),
            Reply("close_help", values)]
