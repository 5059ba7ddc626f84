"""Unit tests for bot.records.contact_details: UK phone numbers, e-mail addresses, masking."""

from __future__ import annotations

import pytest

from bot.records.contact_details import (
    find_email,
    find_phone,
    mask_contact,
    normalise_email,
    normalise_uk_phone,
)

# --------------------------------------------------------------------------------------------
# normalise_uk_phone
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("07700 900123", "+447700900123"),
        ("07700900123", "+447700900123"),
        ("07700-900-123", "+447700900123"),
        ("07700.900.123", "+447700900123"),
        ("0 7 7 0 0 9 0 0 1 2 3", "+447700900123"),
        ("  07700 900 123  ", "+447700900123"),
        ("+44 7700 900123", "+447700900123"),
        ("+447700900123", "+447700900123"),
        ("+44 (0)7700 900123", "+447700900123"),
        ("+44 (0) 7700 900123", "+447700900123"),
        ("+44 07700 900123", "+447700900123"),  # common slip: trunk zero kept after +44
        ("0044 7700 900123", "+447700900123"),
        ("0044 07700 900123", "+447700900123"),
        ("447700900123", "+447700900123"),
        ("(020) 7946 0018", "+442079460018"),
        ("020 7946 0018", "+442079460018"),
        ("0113 496 0000", "+441134960000"),
        ("0121-496-0000", "+441214960000"),
        ("01632 960001", "+441632960001"),
        ("016977 3456", "+44169773456"),  # 10-digit 01 number (Brampton)
        ("07624 123456", "+447624123456"),  # Isle of Man mobile
        ("07400 123456", "+447400123456"),
        ("07911 123456", "+447911123456"),
    ],
)
def test_normalise_uk_phone_accepts_uk_mobiles_and_landlines(typed: str, expected: str) -> None:
    assert normalise_uk_phone(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "0770090012",  # one digit short
        "077009001234",  # one digit long
        "07700 9001",
        "7700 900123",  # no trunk zero
        "+1 202 555 0143",  # US
        "+353 87 123 4567",  # Ireland
        "0033 6 12 34 56 78",  # France
        "0800 123 4567",  # freephone
        "0300 123 4567",  # non-geographic
        "0905 123 4567",  # premium
        "07000 123456",  # personal numbering, not a mobile
        "07600 123456",  # pager range
        "05601 234567",  # VoIP
        "07700 9OO123",  # letters O for zeros
        "tel 07700 900123",
        "07700 900123 ext 4",
        "116 123",  # Samaritans: a real number, but not hers
        "999",
        "+44 +7700 900123",
        "07700 900123 07700 900123",
        "12345678901234567890123456789012345678901234",
        "☎️ 07700 900123",
    ],
)
def test_normalise_uk_phone_rejects_invalid(typed: str) -> None:
    assert normalise_uk_phone(typed) is None


@pytest.mark.parametrize("odd", [None, 7700900123, b"07700900123", ["07700900123"]])
def test_normalise_uk_phone_tolerates_non_text(odd: object) -> None:
    assert normalise_uk_phone(odd) is None  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# find_phone
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("my number is 07700 900123 thanks", "+447700900123"),
        ("07700900123", "+447700900123"),
        ("call me on +44 7700 900123.", "+447700900123"),
        ("its 07700-900-123!", "+447700900123"),
        ("ring me (020) 7946 0018 after 6", "+442079460018"),
        ("I'm 30 07700 900123", "+447700900123"),  # a stray number before it
        ("mob: 07700 900 123, home 020 7946 0018", "+447700900123"),  # first one wins
        ("you can text 07700900123 or email me", "+447700900123"),
        ("number:07700900123", "+447700900123"),
        ("Tel 0044 7700 900123 x", "+447700900123"),
    ],
)
def test_find_phone_in_a_sentence(sentence: str, expected: str) -> None:
    assert find_phone(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "",
        "no number sorry",
        "I'm 30 weeks",
        "ring Samaritans on 116 123",
        "call 999",
        "07700 9001",
        "my code is ABC07700900123",
        "sam07700900123@example.com",
        "https://example.com/07700900123",
        "+1 202 555 0143",
        "the date is 12.05.2024",
    ],
)
def test_find_phone_finds_nothing(sentence: str) -> None:
    assert find_phone(sentence) is None


# --------------------------------------------------------------------------------------------
# normalise_email / find_email
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("sam.k@example.co.uk", "sam.k@example.co.uk"),
        ("Sam.K@Example.CO.UK", "Sam.K@example.co.uk"),  # domain lower-cased, local part kept
        ("  sam@example.com  ", "sam@example.com"),
        ("sam+peer@example.org", "sam+peer@example.org"),
        ("first_last-1@mail.example-site.uk", "first_last-1@mail.example-site.uk"),
        ("mailto:sam@example.com", "sam@example.com"),
        ("<sam@example.com>", "sam@example.com"),
        ("o'brien@example.ie", "o'brien@example.ie"),
        ("a@b.io", "a@b.io"),
    ],
)
def test_normalise_email_accepts(typed: str, expected: str) -> None:
    assert normalise_email(typed) == expected


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "sam",
        "sam@",
        "@example.com",
        "sam@example",
        "sam@example.c",
        "sam@@example.com",
        "sam@exa@mple.com",
        "sam k@example.com",
        "sam@exam ple.com",
        ".sam@example.com",
        "sam.@example.com",
        "sam..k@example.com",
        "sam@-example.com",
        "sam@example-.com",
        "sam@example..com",
        "sam@example.com.",
        "sam@example.123",
        "sam@gmail.con",  # typo TLD
        "sam@hotmail.cmo",
        "sam at gmail dot com",
        "sám@example.com",
        "sam@exämple.com",
        "x" * 65 + "@example.com",
        "sam@" + "a" * 250 + ".com",
    ],
)
def test_normalise_email_rejects(typed: str) -> None:
    assert normalise_email(typed) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("email me at sam.k@example.co.uk.", "sam.k@example.co.uk"),
        ("it's SAM@Example.com thanks", "SAM@example.com"),
        ("(sam@example.com)", "sam@example.com"),
        ("sam@example.com, or call", "sam@example.com"),
        ("my email is sam@gmail.con sorry I mean sam@gmail.com", "sam@gmail.com"),
    ],
)
def test_find_email_in_a_sentence(sentence: str, expected: str) -> None:
    assert find_email(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["", "no email", "sam at gmail dot com", "sam@gmail", "@@@", "email me @ 7", None],
)
def test_find_email_finds_nothing(sentence: str | None) -> None:
    assert find_email(sentence) is None  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# mask_contact
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("+447700900123", "07••• ••• 123"),
        ("+442079460018", "02••• ••• 018"),
        ("+44169773456", "01••• •• 456"),
        ("07700900123", "07••• ••• 123"),
        ("sam.k@example.co.uk", "s•••@example.co.uk"),
        ("SAM@example.com", "S•••@example.com"),
        ("a@b.io", "a•••@b.io"),
        ("", ""),
        ("12", "•••"),
    ],
)
def test_mask_contact(value: str, masked: str) -> None:
    assert mask_contact(value) == masked


def test_mask_contact_never_shows_the_whole_detail() -> None:
    phone = "+447700900123"
    masked = mask_contact(phone)
    assert "900" not in masked and "7700" not in masked
    assert masked.endswith("123")
    email = "samantha@example.com"
    assert "amantha" not in mask_contact(email)


def test_round_trip_of_found_details_is_maskable() -> None:
    phone = find_phone("ring me on 07700 900 123 pls")
    email = find_email("or sam.k@example.co.uk")
    assert phone and email
    assert mask_contact(phone) == "07••• ••• 123"
    assert mask_contact(email) == "s•••@example.co.uk"


def test_mask_contact_tolerates_non_text() -> None:
    assert mask_contact(None) == ""  # type: ignore[arg-type]
