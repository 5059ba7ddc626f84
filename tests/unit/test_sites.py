"""Site configuration: the shipped examples, validation errors, the registry and the wording."""

from __future__ import annotations

import copy
import logging
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.sites import config as sites_module
from bot.sites.config import (
    ContactRoute,
    CrisisContact,
    GroupMeeting,
    Site,
    SiteConfigError,
    SiteRegistry,
    check_sites,
    load_sites,
    registry,
    sites_dir,
)

REPO_SITES = Path(__file__).resolve().parents[2] / "sites"

VALID: dict[str, Any] = {
    "id": "testsite",
    "name": "Test Site Mums",
    "default": True,
    "formats": ["group", "one_to_one"],
    "modes": ["face_to_face", "phone"],
    "groups": [{"when": "Tuesdays 10–11.30am", "where": "Test Children's Centre, town centre"}],
    "languages": ["English"],
    "babies_welcome": True,
    "contact": {
        "phone": "01632 960111",
        "email": "hello@test.example.org",
        "hours": "Monday to Friday, 9am to 5pm",
    },
    "crisis_contacts": [
        {"name": "Test Crisis Line", "phone": "0808 157 0111", "hours": "24 hours"}
    ],
    "privacy_url": "https://test.example.org/privacy",
    "retention_days": 365,
}


def site_data(**changes: Any) -> dict[str, Any]:
    """A valid site with some top-level fields replaced; a value of ``...`` deletes the field."""
    data = copy.deepcopy(VALID)
    for key, value in changes.items():
        if value is ...:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def write(directory: Path, data: Any, stem: str | None = None) -> Path:
    stem = stem or (data["id"] if isinstance(data, dict) and "id" in data else "testsite")
    path = directory / f"{stem}.yml"
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def error_for(tmp_path: Path, data: Any, stem: str | None = None) -> tuple[Path, SiteConfigError]:
    path = write(tmp_path, data, stem)
    with pytest.raises(SiteConfigError) as info:
        load_sites(tmp_path)
    return path, info.value


def assert_names(err: SiteConfigError, path: Path, field: str) -> None:
    message = str(err)
    assert message.startswith(f"{path}: field '{field}': "), message
    assert err.field == field
    assert err.file == str(path)


# --------------------------------------------------------------------------- the examples


def test_both_examples_load() -> None:
    reg = load_sites(REPO_SITES)
    assert reg.ids() == ["eastvale", "northbrook"]
    assert reg.default.id == "northbrook"
    assert [s.id for s in reg] == ["eastvale", "northbrook"]


def test_northbrook_example() -> None:
    site = load_sites(REPO_SITES).get("northbrook")
    assert site.default
    assert site.formats == ("group", "one_to_one")
    assert site.modes == ("face_to_face", "phone")
    assert site.group_modes == ("face_to_face",)
    assert site.one_to_one_modes == ("phone",)
    assert site.babies_welcome is True
    assert site.languages == ("English", "Polish")
    assert site.groups and all(isinstance(g, GroupMeeting) for g in site.groups)
    assert site.offers_format("group") and site.offers_format("one_to_one")
    assert site.offers_mode("face_to_face") and not site.offers_mode("video")
    assert site.offers_mode("phone", for_format="one_to_one")
    assert not site.offers_mode("face_to_face", for_format="one_to_one")
    assert not site.offers_mode("phone", for_format="group")


def test_eastvale_example() -> None:
    site = load_sites(REPO_SITES).get("eastvale")
    assert not site.default
    assert site.formats == ("one_to_one",)
    assert site.modes == ("phone", "video")
    assert site.groups == ()
    assert site.group_modes == ()
    assert site.languages == ("English", "Urdu", "Punjabi")
    assert not site.offers_format("group")
    assert not site.offers_mode("face_to_face")
    assert site.offers_mode("video", for_format="one_to_one")
    assert any(c.text for c in site.crisis_contacts)


def test_examples_use_fictional_contact_details() -> None:
    """Ofcom drama-range numbers and example.org only, so a demo can never ring a real person."""
    drama = ("01632960", "07700900", "08081570")
    for site in load_sites(REPO_SITES):
        numbers = [site.contact.phone] + [c.phone for c in site.crisis_contacts]
        numbers += [c.text for c in site.crisis_contacts]
        for number in filter(None, numbers):
            digits = "".join(ch for ch in number if ch.isdigit())
            assert any(d in digits for d in drama), number
        assert site.contact.email and site.contact.email.endswith(".example.org")
        assert ".example.org/" in site.privacy_url


def test_check_sites_one_line_per_site() -> None:
    lines = check_sites(REPO_SITES)
    assert len(lines) == 2
    east, north = lines
    assert east.startswith("eastvale: Eastvale Parent Peer Support")
    assert north.startswith("northbrook (default): Northbrook Mums Together")
    assert "(default)" not in east
    assert "group [face_to_face], one_to_one [phone]" in north
    assert "modes: phone, video" in east
    assert all("EXAMPLE DATA" in line for line in lines)


def test_check_sites_raises_on_problems(tmp_path: Path) -> None:
    write(tmp_path, site_data(modes=["fax"]))
    with pytest.raises(SiteConfigError, match="field 'modes'"):
        check_sites(tmp_path)


def test_real_site_has_no_example_marker(tmp_path: Path) -> None:
    data = site_data(
        contact={"phone": "0113 123 4567"},
        crisis_contacts=[],
        privacy_url="https://charity.org.uk/privacy",
    )
    write(tmp_path, data)
    (line,) = check_sites(tmp_path)
    assert "EXAMPLE DATA" not in line


# --------------------------------------------------------------------------- valid variations


def test_spec_minimum_without_per_format_modes(tmp_path: Path) -> None:
    """group_modes / one_to_one_modes are optional and default to all of `modes`."""
    write(tmp_path, site_data())
    site = load_sites(tmp_path).default
    assert site.group_modes == ("face_to_face", "phone")
    assert site.one_to_one_modes == ("face_to_face", "phone")
    assert site.contact == ContactRoute(
        phone="01632 960111", email="hello@test.example.org", hours="Monday to Friday, 9am to 5pm"
    )


def test_codes_are_kept_in_canonical_order(tmp_path: Path) -> None:
    write(tmp_path, site_data(formats=["one_to_one", "group"], modes=["phone", "face_to_face"]))
    site = load_sites(tmp_path).default
    assert site.formats == ("group", "one_to_one")
    assert site.modes == ("face_to_face", "phone")


def test_optional_fields_may_be_left_out(tmp_path: Path) -> None:
    data = site_data(
        formats=["one_to_one"],
        groups=...,
        babies_welcome=...,
        crisis_contacts=[],
        contact={"email": "hi@test.example.org"},
    )
    data.pop("default")
    write(tmp_path, data)
    write(tmp_path, site_data(id="other"))
    reg = load_sites(tmp_path)
    site = reg.get("testsite")
    assert site.default is False
    assert site.babies_welcome is False
    assert site.crisis_contacts == ()
    assert site.contact.phone is None and site.contact.hours is None


def test_text_values_are_trimmed(tmp_path: Path) -> None:
    write(tmp_path, site_data(name="  Test Site Mums  "))
    assert load_sites(tmp_path).default.name == "Test Site Mums"


def test_crisis_short_code_may_be_unquoted(tmp_path: Path) -> None:
    write(tmp_path, site_data(crisis_contacts=[{"name": "Shout", "text": 85258}]))
    (contact,) = load_sites(tmp_path).default.crisis_contacts
    assert contact.text == "85258"
    assert contact.describe() == "Shout: text 85258"


# --------------------------------------------------------------------------- invalid files

INVALID_FIELD_CASES = [
    pytest.param({"name": ...}, "name", "required", id="missing-name"),
    pytest.param({"id": ...}, "id", "required", id="missing-id"),
    pytest.param({"modes": ...}, "modes", "required", id="missing-modes"),
    pytest.param({"contact": ...}, "contact", "required", id="missing-contact"),
    pytest.param({"privacy_url": ...}, "privacy_url", "required", id="missing-privacy-url"),
    pytest.param({"retention_days": ...}, "retention_days", "required", id="missing-retention"),
    pytest.param({"languages": ...}, "languages", "required", id="missing-languages"),
    pytest.param({"crisis_contacts": ...}, "crisis_contacts", "required", id="missing-crisis"),
    pytest.param({"crisis_contacts": None}, "crisis_contacts", "empty", id="blank-crisis"),
    pytest.param({"name": ""}, "name", "must not be empty", id="empty-name"),
    pytest.param({"name": 2024}, "name", "must be text", id="name-not-text"),
    pytest.param({"default": "yes please"}, "default", "true or false", id="default-not-bool"),
    pytest.param({"formats": []}, "formats", "at least one", id="formats-empty"),
    pytest.param({"formats": "group"}, "formats", "must be a list", id="formats-not-list"),
    pytest.param(
        {"formats": ["one-to-one"]}, "formats", "did you mean 'one_to_one'", id="format-typo"
    ),
    pytest.param({"modes": ["phone", "phone"]}, "modes", "more than once", id="modes-duplicate"),
    pytest.param({"modes": []}, "modes", "at least one", id="modes-empty"),
    pytest.param({"languages": []}, "languages", "at least one", id="languages-empty"),
    pytest.param(
        {"languages": ["English", "english"]}, "languages", "more than once", id="lang-dup"
    ),
    pytest.param({"languages": ["English", 7]}, "languages[1]", "must be text", id="lang-number"),
    pytest.param({"defualt": True}, "defualt", "did you mean 'default'", id="unknown-field"),
    pytest.param({"colour": "blue"}, "colour", "unknown field", id="unknown-field-no-hint"),
    pytest.param({"groups": ...}, "groups", "required", id="groups-missing-with-group"),
    pytest.param({"groups": []}, "groups", "at least one", id="groups-empty-with-group"),
    pytest.param(
        {"formats": ["one_to_one"]}, "groups", "does not include group", id="groups-without-group"
    ),
    pytest.param({"groups": ["Tuesdays"]}, "groups[0]", "'when' and 'where'", id="group-text"),
    pytest.param(
        {"groups": [{"when": "Tuesdays"}]}, "groups[0].where", "required", id="group-no-where"
    ),
    pytest.param(
        {"groups": [{"when": "Tuesdays", "where": "town", "room": "2"}]},
        "groups[0].room",
        "unknown field",
        id="group-unknown-field",
    ),
    pytest.param(
        {"groups": [{"when": "Tuesdays", "where": "12 High Street, Northbrook NB1 2XY"}]},
        "groups[0].where",
        "area only",
        id="group-full-address",
    ),
    pytest.param({"groups": [{"when": 630, "where": "x"}]}, "groups[0].when", "quotes", id="when"),
    pytest.param({"babies_welcome": ...}, "babies_welcome", "required", id="babies-missing"),
    pytest.param({"babies_welcome": "yes!"}, "babies_welcome", "true or false", id="babies-str"),
    pytest.param(
        {"group_modes": ["video"]}, "group_modes", "not listed in 'modes'", id="group-mode-unknown"
    ),
    pytest.param(
        {"formats": ["one_to_one"], "groups": ..., "group_modes": ["phone"]},
        "group_modes",
        "does not offer group",
        id="group-modes-without-group",
    ),
    pytest.param(
        {"group_modes": ["face_to_face"], "one_to_one_modes": ["face_to_face"]},
        "modes",
        "'phone' is listed but neither",
        id="mode-offered-by-nothing",
    ),
    pytest.param({"contact": "ring us"}, "contact", "phone", id="contact-not-mapping"),
    pytest.param({"contact": {"hours": "9-5"}}, "contact", "at least one", id="contact-no-route"),
    pytest.param(
        {"contact": {"phone": "01632 960111", "fax": "x"}},
        "contact.fax",
        "unknown field",
        id="contact-unknown-field",
    ),
    pytest.param(
        {"contact": {"email": "hello at example.org"}},
        "contact.email",
        "not an email",
        id="bad-email",
    ),
    pytest.param(
        {"contact": {"phone": "ring the office"}}, "contact.phone", "not a phone", id="bad-phone"
    ),
    pytest.param({"contact": {"phone": 1632960111}}, "contact.phone", "quotes", id="phone-int"),
    pytest.param(
        {"crisis_contacts": [{"name": "Line"}]},
        "crisis_contacts[0]",
        "'phone' or 'text'",
        id="crisis-no-route",
    ),
    pytest.param(
        {"crisis_contacts": [{"phone": "0808 157 0111"}]},
        "crisis_contacts[0].name",
        "required",
        id="crisis-no-name",
    ),
    pytest.param(
        {"crisis_contacts": [{"name": "Line", "text": "us"}]},
        "crisis_contacts[0].text",
        "number to text",
        id="crisis-text-no-number",
    ),
    pytest.param(
        {"privacy_url": "northbrook.example.org/privacy"}, "privacy_url", "https://", id="no-scheme"
    ),
    pytest.param({"privacy_url": "ftp://x.example.org/p"}, "privacy_url", "https://", id="ftp"),
    pytest.param({"privacy_url": "https://"}, "privacy_url", "https://", id="no-host"),
    pytest.param({"retention_days": -30}, "retention_days", "greater than 0", id="negative"),
    pytest.param({"retention_days": 0}, "retention_days", "greater than 0", id="zero-retention"),
    pytest.param({"retention_days": "a year"}, "retention_days", "whole number", id="ret-text"),
    pytest.param({"retention_days": 36.5}, "retention_days", "whole number", id="ret-float"),
    pytest.param({"retention_days": True}, "retention_days", "whole number", id="ret-bool"),
]


@pytest.mark.parametrize(("changes", "field", "fragment"), INVALID_FIELD_CASES)
def test_invalid_field_names_file_and_field(
    tmp_path: Path, changes: dict[str, Any], field: str, fragment: str
) -> None:
    path, err = error_for(tmp_path, site_data(**changes), stem="testsite")
    assert_names(err, path, field)
    assert fragment in str(err)


def test_bad_mode_message_matches_spec(tmp_path: Path) -> None:
    path, err = error_for(tmp_path, site_data(modes=["phone", "fax"]))
    assert str(err) == f"{path}: field 'modes': 'fax' is not one of face_to_face, phone, video"


def test_id_must_match_file_name(tmp_path: Path) -> None:
    path, err = error_for(tmp_path, site_data(id="eastvail"), stem="eastvale")
    assert_names(err, path, "id")
    assert "'eastvail'" in str(err) and "id: eastvale" in str(err)


def test_id_must_use_allowed_characters(tmp_path: Path) -> None:
    path, err = error_for(tmp_path, site_data(id="North_brook"), stem="North_brook")
    assert_names(err, path, "id")
    assert "lower-case" in str(err)


def test_bad_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "testsite.yml"
    path.write_text("id: testsite\nname: [unclosed\nmodes: phone\n", encoding="utf-8")
    with pytest.raises(SiteConfigError) as info:
        load_sites(tmp_path)
    message = str(info.value)
    assert message.startswith(f"{path}: not valid YAML at line ")
    assert info.value.file == str(path)


def test_tab_indentation_is_bad_yaml(tmp_path: Path) -> None:
    path = tmp_path / "testsite.yml"
    path.write_text("id: testsite\ncontact:\n\tphone: '01632 960111'\n", encoding="utf-8")
    with pytest.raises(SiteConfigError, match="not valid YAML.*tabs") as info:
        load_sites(tmp_path)
    assert str(info.value).startswith(str(path))


def test_duplicate_key_is_an_error(tmp_path: Path) -> None:
    text = yaml.safe_dump(site_data(), sort_keys=False, allow_unicode=True)
    path = tmp_path / "testsite.yml"
    path.write_text(text + "modes: [video]\n", encoding="utf-8")
    with pytest.raises(SiteConfigError) as info:
        load_sites(tmp_path)
    assert str(info.value).startswith(f"{path}: ")
    assert "field 'modes' appears more than once" in str(info.value)


@pytest.mark.parametrize("content", ["", "# nothing yet\n", "- id: testsite\n", "just words\n"])
def test_file_must_be_a_mapping(tmp_path: Path, content: str) -> None:
    path = tmp_path / "testsite.yml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SiteConfigError, match="expected 'field: value' lines") as info:
        load_sites(tmp_path)
    assert str(info.value).startswith(f"{path}: ")


def test_file_must_be_utf8(tmp_path: Path) -> None:
    path = tmp_path / "testsite.yml"
    path.write_bytes("name: Caf\u00e9 mums\n".encode("latin-1"))
    with pytest.raises(SiteConfigError, match="UTF-8") as info:
        load_sites(tmp_path)
    assert str(info.value).startswith(f"{path}: ")


def test_no_default(tmp_path: Path) -> None:
    write(tmp_path, site_data(default=False))
    write(tmp_path, site_data(id="other", default=False))
    with pytest.raises(SiteConfigError) as info:
        load_sites(tmp_path)
    assert str(info.value).startswith(f"{tmp_path}: field 'default': no site has 'default: true'")
    assert info.value.field == "default"


def test_two_defaults_names_both_files(tmp_path: Path) -> None:
    first = write(tmp_path, site_data(id="alpha"))
    second = write(tmp_path, site_data(id="beta"))
    with pytest.raises(SiteConfigError) as info:
        load_sites(tmp_path)
    assert_names(info.value, second, "default")
    assert str(first) in str(info.value)


def test_yaml_extension_is_rejected_not_ignored(tmp_path: Path) -> None:
    write(tmp_path, site_data())
    misnamed = tmp_path / "other.yaml"
    misnamed.write_text("id: other\n", encoding="utf-8")
    with pytest.raises(SiteConfigError, match=r"must end in '\.yml'") as info:
        load_sites(tmp_path)
    assert str(info.value).startswith(f"{misnamed}: ")


def test_empty_directory(tmp_path: Path) -> None:
    with pytest.raises(SiteConfigError, match="no site files found"):
        load_sites(tmp_path)


def test_missing_directory(tmp_path: Path) -> None:
    with pytest.raises(SiteConfigError, match="site directory not found"):
        load_sites(tmp_path / "nope")


def test_first_problem_is_reported_even_if_other_files_are_fine(tmp_path: Path) -> None:
    write(tmp_path, site_data(id="alpha"))
    bad = write(tmp_path, site_data(id="beta", default=False, retention_days=-1))
    with pytest.raises(SiteConfigError) as info:
        load_sites(tmp_path)
    assert_names(info.value, bad, "retention_days")


def test_repo_paths_are_shown_relative() -> None:
    """Inside the project the message says "sites/x.yml", as a manager would look for it."""
    assert sites_module._display(REPO_SITES / "eastvale.yml") == "sites/eastvale.yml"


# --------------------------------------------------------------------------- registry


def test_get_known_none_and_empty() -> None:
    reg = load_sites(REPO_SITES)
    assert reg.get("eastvale").id == "eastvale"
    assert reg.get(" Eastvale ").id == "eastvale"
    assert reg.get(None) is reg.default
    assert reg.get("") is reg.default
    assert "eastvale" in reg and "nowhere" not in reg
    assert len(reg) == 2


def test_unknown_id_falls_back_and_logs_truncated(caplog: pytest.LogCaptureFixture) -> None:
    reg = load_sites(REPO_SITES)
    hostile = "x" * 500 + "\nFAKE LOG LINE"
    with caplog.at_level(logging.WARNING, logger="bot.sites.config"):
        site = reg.get(hostile)
    assert site is reg.default
    (record,) = [r for r in caplog.records if r.name == "bot.sites.config"]
    assert record.levelno == logging.WARNING
    message = record.getMessage()
    assert message == f"unknown site id {'x' * 64!r}, using default northbrook"
    assert hostile not in caplog.text
    assert "FAKE LOG LINE" not in caplog.text


def test_unknown_id_control_characters_are_escaped(caplog: pytest.LogCaptureFixture) -> None:
    reg = load_sites(REPO_SITES)
    with caplog.at_level(logging.WARNING, logger="bot.sites.config"):
        reg.get("evil\nid")
    assert "'evil\\nid'" in caplog.text
    assert "evil\nid" not in caplog.text


def test_known_id_does_not_log(caplog: pytest.LogCaptureFixture) -> None:
    reg = load_sites(REPO_SITES)
    with caplog.at_level(logging.WARNING, logger="bot.sites.config"):
        reg.get("eastvale")
        reg.get(None)
    assert not [r for r in caplog.records if r.name == "bot.sites.config"]


def _site(site_id: str, default: bool) -> Site:
    return Site(
        id=site_id,
        name=site_id,
        default=default,
        formats=("one_to_one",),
        modes=("phone",),
        groups=(),
        languages=("English",),
        babies_welcome=False,
        contact=ContactRoute(phone="01632 960000", email=None, hours=None),
        crisis_contacts=(),
        privacy_url="https://x.example.org/privacy",
        retention_days=30,
    )


def test_registry_rejects_duplicates_and_wrong_default_count() -> None:
    with pytest.raises(SiteConfigError, match="used twice"):
        SiteRegistry([_site("a", True), _site("a", False)])
    with pytest.raises(SiteConfigError, match="exactly one"):
        SiteRegistry([_site("a", True), _site("b", True)])
    with pytest.raises(SiteConfigError, match="exactly one"):
        SiteRegistry([_site("a", False)])
    with pytest.raises(SiteConfigError, match="no sites"):
        SiteRegistry([])


def test_directly_built_site_fills_per_format_modes() -> None:
    site = _site("a", True)
    assert site.one_to_one_modes == ("phone",)
    assert site.group_modes == ()


def test_sites_dir_and_cached_registry(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SITES_DIR", raising=False)
    assert sites_dir() == REPO_SITES
    write(tmp_path, site_data())
    monkeypatch.setenv("SITES_DIR", str(tmp_path))
    assert sites_dir() == tmp_path
    registry.cache_clear()
    try:
        first = registry()
        assert first.ids() == ["testsite"]
        write(tmp_path, site_data(id="later", default=False))
        assert registry() is first  # changes take effect on restart, not mid-conversation
    finally:
        registry.cache_clear()


# --------------------------------------------------------------------------- wording


def test_describe_northbrook() -> None:
    site = load_sites(REPO_SITES).get("northbrook")
    offer = site.describe_offer()
    assert offer == "one-to-one support by phone, and groups that meet face to face"
    assert "video" not in offer
    assert site.describe_modes() == "face to face or by phone"
    assert site.describe_modes("one_to_one") == "by phone"
    assert site.describe_contact() == (
        "call 01632 960123 (Monday to Friday, 9am to 5pm) or email hello@northbrook.example.org"
    )
    assert site.describe_languages() == "English and Polish"
    assert site.describe_retention() == "1 year"
    assert site.describe_groups().splitlines()[0] == (
        "Tuesdays 10–11.30am: Northbrook Children's Centre, town centre"
    )


def test_describe_eastvale_mentions_only_what_it_offers() -> None:
    site = load_sites(REPO_SITES).get("eastvale")
    offer = site.describe_offer()
    assert offer == "one-to-one support by phone or by video call"
    for absent in ("group", "face to face"):
        assert absent not in offer
        assert absent not in site.describe_modes()
    assert site.describe_modes() == "by phone or by video call"
    assert site.describe_groups() == ""
    assert site.describe_modes("group") == ""
    assert site.describe_languages() == "English, Urdu and Punjabi"
    assert site.describe_retention() == "2 years"
    assert [c.describe() for c in site.crisis_contacts] == [
        "Eastvale Crisis Team: call 01632 960987 (24 hours, every day)",
        "Eastvale Crisis Text Service: text EASTVALE to 07700 900789 (6pm to midnight)",
    ]


def test_describe_single_group_and_group_only_site(tmp_path: Path) -> None:
    write(
        tmp_path,
        site_data(formats=["group"], modes=["face_to_face", "video"]),
    )
    site = load_sites(tmp_path).default
    assert site.describe_offer() == "a group that meets face to face or by video call"
    assert "one-to-one" not in site.describe_offer()


@pytest.mark.parametrize(
    ("contact", "expected"),
    [
        (ContactRoute("01632 960000", None, None), "call 01632 960000"),
        (ContactRoute("01632 960000", None, "weekdays"), "call 01632 960000 (weekdays)"),
        (ContactRoute(None, "a@x.example.org", None), "email a@x.example.org"),
        (ContactRoute(None, "a@x.example.org", "weekdays"), "email a@x.example.org (weekdays)"),
        (
            ContactRoute("01632 960000", "a@x.example.org", None),
            "call 01632 960000 or email a@x.example.org",
        ),
    ],
)
def test_describe_contact_variants(contact: ContactRoute, expected: str) -> None:
    site = _site("a", True)
    site = Site(**{**site.__dict__, "contact": contact})
    assert site.describe_contact() == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (1, "1 day"),
        (45, "45 days"),
        (30, "1 month"),
        (180, "6 months"),
        (365, "1 year"),
        (1095, "3 years"),
        (400, "400 days"),
    ],
)
def test_describe_retention(days: int, expected: str) -> None:
    site = Site(**{**_site("a", True).__dict__, "retention_days": days})
    assert site.describe_retention() == expected


def test_crisis_contact_describe_both_routes() -> None:
    contact = CrisisContact(name="Line", phone="0808 157 0000", text="LINE to 85258", hours=None)
    assert contact.describe() == "Line: call 0808 157 0000 or text LINE to 85258"


# ------------------------------------------------------------------- maternity triage ----


def test_maternity_triage_is_optional_and_kept_as_written(tmp_path: Path) -> None:
    write(tmp_path, site_data(maternity_triage="  01632 960999 "))
    assert load_sites(tmp_path).default.maternity_triage == "01632 960999"
    write(tmp_path, site_data())
    assert load_sites(tmp_path).default.maternity_triage is None
    assert load_sites(REPO_SITES).get("northbrook").maternity_triage == "01632 960456"


@pytest.mark.parametrize(("value", "problem"), [
    (1632960999, "must be in quotes"),
    ("ring the labour ward", "is not a phone number"),
    ("", "must not be empty"),
])
def test_maternity_triage_is_checked_like_the_other_phone_numbers(
        tmp_path: Path, value: object, problem: str) -> None:
    write(tmp_path, site_data(maternity_triage=value))
    with pytest.raises(SiteConfigError, match=problem) as failure:
        load_sites(tmp_path)
    assert failure.value.field == "maternity_triage"


def test_an_example_maternity_triage_number_is_flagged_as_example_data(tmp_path: Path) -> None:
    write(tmp_path, site_data(contact={"phone": "0161 496 0000"}, crisis_contacts=[],
                              privacy_url="https://real.nhs.uk/privacy",
                              maternity_triage="01632 960999"))
    assert "EXAMPLE DATA" in check_sites(tmp_path)[0]


# -- languages (issue 19) ---------------------------------------------------------------------


def test_the_language_list_maps_names_to_codes(tmp_path: Path) -> None:
    """Names as site files have always written them, in any case, the code itself or the
    language's own name; a name without a code yet (Somali) stays valid and is said as written."""
    write(tmp_path, site_data(languages=["English", "urdu", "ਪੰਜਾਬੀ", "Somali", "pl", "Polski"]))
    [site] = load_sites(tmp_path)
    assert site.language_codes == ("en", "ur", "pa", "pl")
    assert site.speaks("ur") and site.speaks("pa") and not site.speaks("bn")
    assert site.describe_languages() == "English, urdu, ਪੰਜਾਬੀ, Somali, pl and Polski"


def test_the_example_sites_language_lists() -> None:
    sites = {site.id: site for site in load_sites(REPO_SITES)}
    assert sites["northbrook"].language_codes == ("en", "pl")
    assert sites["eastvale"].language_codes == ("en", "ur", "pa")


def test_interpreters_is_optional_and_false_when_left_out(tmp_path: Path) -> None:
    write(tmp_path, site_data())
    [site] = load_sites(tmp_path)
    assert site.interpreters is False
    write(tmp_path, site_data(interpreters=True))
    [site] = load_sites(tmp_path)
    assert site.interpreters is True


def test_interpreters_must_be_true_or_false(tmp_path: Path) -> None:
    path, err = error_for(tmp_path, site_data(interpreters="sometimes"))
    assert_names(err, path, "interpreters")
