"""Site configuration: what each local peer-support programme ("site") offers.

Each site is one YAML file in ``sites/`` (see ``docs/sites.md``). The files are validated when the
process starts, so a typo fails loudly at deploy time, with the file and the field named, rather
than quietly making the assistant promise something a programme cannot give.

Pure Python + PyYAML: no Rasa import, so the web app, the CLI and the action server can all use it.
"""

from __future__ import annotations

import difflib
import functools
import logging
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import yaml

from bot import codebook

logger = logging.getLogger(__name__)

#: Codes a site may list under ``formats`` (from the codebook).
FORMATS: tuple[str, ...] = codebook.SITE_FORMATS
#: Codes a site may list under ``modes`` (and ``group_modes`` / ``one_to_one_modes``).
MODES: tuple[str, ...] = codebook.MODES

ID_PATTERN = re.compile(r"^[a-z0-9-]+$")
SITE_FILE_SUFFIX = ".yml"
#: Longest site id (as received from a web page) that is written to the log.
LOGGED_ID_MAX = 64

_PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 ()-]*[0-9]$")
_EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# A full UK postcode ("NB1 2XY"): a group's `where` should name an area, not a full address.
_POSTCODE_PATTERN = re.compile(r"\b[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}\b")

_SITE_FIELDS = (
    "id",
    "name",
    "default",
    "formats",
    "modes",
    "group_modes",
    "one_to_one_modes",
    "groups",
    "languages",
    "interpreters",
    "babies_welcome",
    "contact",
    "crisis_contacts",
    "maternity_triage",
    "privacy_url",
    "retention_days",
)
_GROUP_FIELDS = ("when", "where")
_CONTACT_FIELDS = ("phone", "email", "hours")
_CRISIS_FIELDS = ("name", "phone", "text", "hours")
_MISSING = object()  # tells "field left out" apart from "field: (empty)"
#: A language's name as a site file may write it -> its ISO 639-1 code (codebook.LANGUAGES):
#: the English name, the code itself, or the language's own name. Other names ("Somali",
#: "Portuguese") stay valid and are said as written; they just have no code yet.
LANGUAGE_NAMES: dict[str, str] = {
    **{name.casefold(): code for code, name in codebook.LANGUAGES.items()},
    **{code: code for code in codebook.LANGUAGES},
    "polski": "pl", "română": "ro", "romana": "ro", "اردو": "ur", "বাংলা": "bn", "bangla": "bn",
    "العربية": "ar", "ਪੰਜਾਬੀ": "pa", "panjabi": "pa", "cymraeg": "cy",
}


class SiteConfigError(Exception):
    """A site file is missing, unreadable or invalid.

    The message always starts with the file (and, when there is one, the field), e.g.
    ``sites/eastvale.yml: field 'modes': 'fax' is not one of face_to_face, phone, video``.
    ``file`` and ``field`` are also kept as attributes for callers that want them.
    """

    def __init__(self, message: str, *, file: str | None = None, field: str | None = None):
        super().__init__(message)
        self.file = file
        self.field = field


# --------------------------------------------------------------------------- data model


@dataclass(frozen=True)
class GroupMeeting:
    when: str
    where: str


@dataclass(frozen=True)
class CrisisContact:
    name: str
    phone: str | None
    text: str | None
    hours: str | None

    def describe(self) -> str:
        """One line for the safety response, e.g.
        "Northbrook Crisis Line: call 0808 157 0123 (24 hours)"."""
        routes = []
        if self.phone:
            routes.append(f"call {self.phone}")
        if self.text:
            routes.append(f"text {self.text}")
        line = f"{self.name}: {' or '.join(routes)}"
        return f"{line} ({self.hours})" if self.hours else line


@dataclass(frozen=True)
class ContactRoute:
    phone: str | None
    email: str | None
    hours: str | None

    def phone_with_hours(self) -> str:
        """The phone number and, when the site gives them, its opening hours, e.g.
        "01632 960123 (Monday to Friday, 9am to 5pm)", or just "01632 960123"; empty when
        the site has no phone."""
        if not self.phone:
            return ""
        return f"{self.phone} ({self.hours})" if self.hours else self.phone


@dataclass(frozen=True)
class Site:
    """One local programme, as validated from its YAML file.

    ``group_modes`` and ``one_to_one_modes`` say how each format is delivered (a site may run its
    groups face to face but its one-to-one support by phone). They are optional in the file; when
    left empty here they are filled in as ``modes`` for each offered format, and as ``()`` for a
    format the site does not offer.
    """

    id: str
    name: str
    default: bool
    formats: tuple[str, ...]
    modes: tuple[str, ...]
    groups: tuple[GroupMeeting, ...]
    languages: tuple[str, ...]
    babies_welcome: bool
    contact: ContactRoute
    crisis_contacts: tuple[CrisisContact, ...]
    privacy_url: str
    retention_days: int
    group_modes: tuple[str, ...] = ()
    one_to_one_modes: tuple[str, ...] = ()
    #: The local maternity triage (assessment) line, given in the maternal emergency reply.
    maternity_triage: str | None = None
    #: Whether the programme can arrange an interpreter for a language its volunteers do not
    #: speak (issue 19; optional in the file, false when left out).
    interpreters: bool = False

    def __post_init__(self) -> None:
        for fmt, attr in (("group", "group_modes"), ("one_to_one", "one_to_one_modes")):
            if fmt not in self.formats:
                object.__setattr__(self, attr, ())
            elif not getattr(self, attr):
                object.__setattr__(self, attr, tuple(self.modes))

    # -- questions the conversation asks -------------------------------------------------

    def offers_format(self, code: str) -> bool:
        return code in self.formats

    def offers_mode(self, code: str, for_format: str | None = None) -> bool:
        """Whether the site offers a mode at all, or (with ``for_format``) for that format."""
        return code in (self.modes if for_format is None else self.modes_for(for_format))

    def modes_for(self, format_code: str) -> tuple[str, ...]:
        """The modes in which a format is delivered; ``()`` if the format is not offered."""
        if format_code == "group":
            return self.group_modes
        if format_code == "one_to_one":
            return self.one_to_one_modes
        return ()

    @property
    def language_codes(self) -> tuple[str, ...]:
        """The ISO 639-1 codes of the languages in ``languages`` that have one."""
        codes = (LANGUAGE_NAMES.get(name.casefold()) for name in self.languages)
        return tuple(dict.fromkeys(code for code in codes if code))

    def speaks(self, language: str) -> bool:
        """Whether the site's volunteers support mothers in ``language`` (an ISO 639-1 code)."""
        return language in self.language_codes

    # -- plain English for a tired reader ------------------------------------------------

    def describe_offer(self) -> str:
        """What the site offers and how, and nothing else, e.g.
        "one-to-one support by phone, and a group that meets face to face"."""
        parts = []
        if self.offers_format("one_to_one"):
            parts.append(f"one-to-one support {_describe_modes(self.one_to_one_modes)}")
        if self.offers_format("group"):
            noun = "groups that meet" if len(self.groups) > 1 else "a group that meets"
            parts.append(f"{noun} {_describe_modes(self.group_modes)}")
        return ", and ".join(parts)

    def describe_modes(self, for_format: str | None = None) -> str:
        """E.g. "face to face or by phone" (all modes, or those of one format)."""
        return _describe_modes(self.modes if for_format is None else self.modes_for(for_format))

    def describe_contact(self) -> str:
        """How to reach the programme, e.g.
        "call 01632 960123 (Monday to Friday, 9am to 5pm) or email hello@...".

        The opening hours follow the phone number, because they matter for calls; with no phone
        they follow the email address."""
        c = self.contact
        if c.phone and c.email:
            return f"call {c.phone_with_hours()} or email {c.email}"
        if c.phone:
            return f"call {c.phone_with_hours()}"
        return f"email {c.email} ({c.hours})" if c.hours else f"email {c.email}"

    def describe_groups(self) -> str:
        """One line per group, "when: where"; empty when the site runs no groups."""
        return "\n".join(f"{g.when}: {g.where}" for g in self.groups)

    def describe_languages(self) -> str:
        """E.g. "English, Urdu and Punjabi"."""
        return _join_and(self.languages)

    def describe_retention(self) -> str:
        """How long records are kept, e.g. "1 year", "6 months" or "45 days".

        Whole years (365 days) and months (30 days) are named as such; anything else stays in
        days so the privacy message never rounds a promise."""
        days = self.retention_days
        if days % 365 == 0:
            return _plural(days // 365, "year")
        if days % 30 == 0:
            return _plural(days // 30, "month")
        return _plural(days, "day")


def _describe_modes(modes: Iterable[str]) -> str:
    return _join_or([codebook.MODE_LABELS.get(m, m) for m in modes])


def _join_or(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} or {items[-1]}"


def _join_and(items: Iterable[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def _plural(n: int, unit: str) -> str:
    return f"{n} {unit}" if n == 1 else f"{n} {unit}s"


# --------------------------------------------------------------------------- registry


class SiteRegistry:
    """All configured sites, with exactly one default."""

    def __init__(self, sites: Iterable[Site]):
        self._sites: dict[str, Site] = {}
        for site in sites:
            if site.id in self._sites:
                raise SiteConfigError(f"site id {site.id!r} is used twice", field="id")
            self._sites[site.id] = site
        if not self._sites:
            raise SiteConfigError("no sites are configured")
        defaults = [s.id for s in self._sites.values() if s.default]
        if len(defaults) != 1:
            found = ", ".join(defaults) if defaults else "none"
            raise SiteConfigError(
                f"exactly one site must have 'default: true' (found: {found})", field="default"
            )
        self.default: Site = self._sites[defaults[0]]

    def get(self, site_id: str | None) -> Site:
        """The site for an id that came from a web page; the default if missing or unknown.

        The id is untrusted, so an unknown one is logged repr'd (no raw newlines or control
        characters) and cut to ``LOGGED_ID_MAX`` characters before repr."""
        if site_id is None:
            return self.default
        key = str(site_id).strip().lower()
        if not key:
            return self.default
        site = self._sites.get(key)
        if site is None:
            logger.warning(
                "unknown site id %r, using default %s",
                str(site_id)[:LOGGED_ID_MAX],
                self.default.id,
            )
            return self.default
        return site

    def ids(self) -> list[str]:
        return sorted(self._sites)

    def __iter__(self) -> Iterator[Site]:
        return iter(self._sites[i] for i in self.ids())

    def __len__(self) -> int:
        return len(self._sites)

    def __contains__(self, site_id: object) -> bool:
        return site_id in self._sites


# --------------------------------------------------------------------------- loading


def sites_dir() -> Path:
    """``$SITES_DIR`` if set, else ``<repo root>/sites`` (repo root = parent of ``bot/``)."""
    env = os.environ.get("SITES_DIR")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[2] / "sites"


def load_sites(directory: Path | None = None) -> SiteRegistry:
    """Load and validate every ``*.yml`` file in ``directory`` (default: :func:`sites_dir`).

    Raises :class:`SiteConfigError` on the first problem, naming the file and the field.
    """
    directory = Path(directory) if directory is not None else sites_dir()
    shown_dir = _display(directory)
    if not directory.is_dir():
        raise SiteConfigError(f"{shown_dir}: site directory not found", file=shown_dir)
    misnamed = sorted(p for p in directory.glob("*.yaml") if not p.name.startswith("."))
    if misnamed:
        shown = _display(misnamed[0])
        raise SiteConfigError(
            f"{shown}: site files must end in '{SITE_FILE_SUFFIX}' (rename it to "
            f"{misnamed[0].stem}{SITE_FILE_SUFFIX})",
            file=shown,
        )
    paths = sorted(p for p in directory.glob(f"*{SITE_FILE_SUFFIX}") if not p.name.startswith("."))
    if not paths:
        raise SiteConfigError(
            f"{shown_dir}: no site files found (expected one <id>{SITE_FILE_SUFFIX} per site)",
            file=shown_dir,
        )

    sites: list[Site] = []
    default_file: str | None = None
    for path in paths:
        site = _load_site_file(path)
        if site.default:
            if default_file is not None:
                _fail(
                    _display(path),
                    "default",
                    f"only one site can be the default, and {default_file} already is "
                    "(set 'default: false' in one of them)",
                )
            default_file = _display(path)
        sites.append(site)
    if default_file is None:
        raise SiteConfigError(
            f"{shown_dir}: field 'default': no site has 'default: true'; set it in exactly one "
            "file (the site used when a page does not say which site it belongs to)",
            file=shown_dir,
            field="default",
        )
    return SiteRegistry(sites)


@functools.lru_cache(maxsize=1)
def registry() -> SiteRegistry:
    """The sites for this process, loaded once: a site added or changed takes effect on restart.

    Tests that change ``SITES_DIR`` call ``registry.cache_clear()``."""
    return load_sites()


def check_sites(directory: Path | None = None) -> list[str]:
    """Lines for the ``bot sites`` command: one per site, or :class:`SiteConfigError`."""
    lines = []
    for site in load_sites(directory):
        marker = " (default)" if site.default else ""
        formats = ", ".join(
            f"{f} [{', '.join(site.modes_for(f))}]" for f in FORMATS if site.offers_format(f)
        )
        line = (
            f"{site.id}{marker}: {site.name} | formats: {formats} | modes: {', '.join(site.modes)}"
        )
        if _looks_like_example(site):
            line += " | EXAMPLE DATA: replace the fictional contact details before going live"
        lines.append(line)
    return lines


def _looks_like_example(site: Site) -> bool:
    """True when a site still carries the fictional numbers/addresses of the shipped examples."""
    texts = [site.contact.phone, site.contact.email, site.privacy_url]
    texts += [c.phone for c in site.crisis_contacts] + [c.text for c in site.crisis_contacts]
    texts.append(site.maternity_triage)
    for text in filter(None, texts):
        digits = re.sub(r"\D", "", text)
        if any(r in digits for r in ("01632960", "07700900", "08081570")):
            return True
        if re.search(r"example\.(org|com|net)\b", text):
            return True
    return False


# --------------------------------------------------------------------------- validation


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that rejects a key given twice (PyYAML would silently keep the last one)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"field '{key}' appears more than once", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _display(path: Path) -> str:
    """A path as a programme manager would recognise it: relative to the repo or cwd if inside."""
    resolved = path.resolve()
    for base in (Path(__file__).resolve().parents[2], Path.cwd()):
        try:
            return resolved.relative_to(base).as_posix()
        except ValueError:
            continue
    return str(path)


def _fail(file: str, field: str, problem: str) -> NoReturn:
    raise SiteConfigError(f"{file}: field '{field}': {problem}", file=file, field=field)


def _load_site_file(path: Path) -> Site:
    file = _display(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise SiteConfigError(f"{file}: the file is not saved as UTF-8 text", file=file) from None
    except OSError as exc:
        raise SiteConfigError(f"{file}: cannot read the file ({exc.strerror})", file=file) from None
    try:
        data = yaml.load(text, Loader=_StrictLoader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.YAMLError as exc:
        raise SiteConfigError(f"{file}: {_yaml_problem(exc)}", file=file) from None
    if not isinstance(data, dict):
        raise SiteConfigError(
            f"{file}: expected 'field: value' lines (see docs/sites.md), found {_kind(data)}",
            file=file,
        )
    return _parse_site(file, path.stem, data)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return (
        f"not valid YAML{where}: {problem} (indent with spaces, not tabs, and put text that "
        "contains ':' or '#' in quotes)"
    )


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"true/false ({value!r})"
    if isinstance(value, (int, float)):
        return f"a number ({value!r})"
    if isinstance(value, str):
        return f"text ({value!r})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a set of fields"
    return f"{type(value).__name__} ({value!r})"


def _check_fields(
    file: str, data: Mapping[Any, Any], allowed: tuple[str, ...], prefix: str
) -> None:
    """Unknown fields are errors: a misspelt optional field would otherwise be silently ignored."""
    for key in data:
        if key not in allowed:
            name = f"{prefix}{key}"
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            _fail(file, name, f"unknown field{hint}; allowed here: {', '.join(allowed)}")


def _require(file: str, data: Mapping[Any, Any], key: str, prefix: str = "") -> Any:
    if key not in data or data[key] is None:
        _fail(file, f"{prefix}{key}", "is required but missing or empty")
    return data[key]


def _text(file: str, field: str, value: Any) -> str:
    if not isinstance(value, str):
        _fail(file, field, f"must be text, found {_kind(value)}; put the value in quotes")
    value = value.strip()
    if not value:
        _fail(file, field, "must not be empty")
    return value


def _optional_text(file: str, field: str, value: Any) -> str | None:
    return None if value is None else _text(file, field, value)


def _bool(file: str, field: str, value: Any) -> bool:
    if not isinstance(value, bool):
        _fail(file, field, f"must be true or false, found {_kind(value)}")
    return value


def _list(file: str, field: str, value: Any, *, example: str) -> list[Any]:
    if not isinstance(value, list):
        _fail(file, field, f"must be a list like {example}, found {_kind(value)}")
    return value


def _codes(
    file: str, field: str, value: Any, allowed: tuple[str, ...], *, example: str
) -> tuple[str, ...]:
    """A non-empty list of codes from ``allowed``, returned in ``allowed`` order."""
    items = _list(file, field, value, example=example)
    if not items:
        _fail(file, field, f"must list at least one of {', '.join(allowed)}")
    seen: set[str] = set()
    for item in items:
        if not isinstance(item, str) or item not in allowed:
            close = difflib.get_close_matches(str(item), allowed, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            _fail(file, field, f"{item!r} is not one of {', '.join(allowed)}{hint}")
        if item in seen:
            _fail(file, field, f"{item!r} is listed more than once")
        seen.add(item)
    return tuple(code for code in allowed if code in seen)


def _phone(file: str, field: str, value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        _fail(file, field, 'must be in quotes, e.g. "01632 960123" (or the leading 0 is lost)')
    phone = _text(file, field, value)
    digits = re.sub(r"\D", "", phone)
    if not _PHONE_PATTERN.match(phone) or len(digits) < 3:
        _fail(
            file,
            field,
            f'{phone!r} is not a phone number (use digits and spaces, e.g. "01632 960123")',
        )
    return phone


def _parse_site(file: str, stem: str, data: Mapping[Any, Any]) -> Site:
    _check_fields(file, data, _SITE_FIELDS, "")

    site_id = _text(file, "id", _require(file, data, "id"))
    if not ID_PATTERN.match(site_id):
        _fail(
            file,
            "id",
            f"{site_id!r} may only contain lower-case letters a-z, digits and '-'",
        )
    if site_id != stem:
        _fail(
            file,
            "id",
            f"{site_id!r} must match the file name: use 'id: {stem}' or rename the file to "
            f"{site_id}{SITE_FILE_SUFFIX}",
        )

    name = _text(file, "name", _require(file, data, "name"))
    default = _bool(file, "default", data["default"]) if data.get("default") is not None else False

    formats = _codes(
        file, "formats", _require(file, data, "formats"), FORMATS, example="[group, one_to_one]"
    )
    modes = _codes(
        file, "modes", _require(file, data, "modes"), MODES, example="[face_to_face, phone]"
    )

    per_format: dict[str, tuple[str, ...]] = {}
    for fmt in FORMATS:
        key = f"{fmt}_modes"
        if data.get(key) is None:
            per_format[fmt] = modes if fmt in formats else ()
            continue
        if fmt not in formats:
            _fail(file, key, f"this site does not offer {fmt} ('formats' does not list it)")
        chosen = _codes(file, key, data[key], MODES, example="[phone]")
        for code in chosen:
            if code not in modes:
                _fail(file, key, f"{code!r} is not listed in 'modes' ({', '.join(modes)})")
        per_format[fmt] = chosen
    for code in modes:
        if not any(code in per_format[f] for f in formats):
            _fail(
                file,
                "modes",
                f"{code!r} is listed but neither group_modes nor one_to_one_modes includes it",
            )

    groups = _parse_groups(file, data.get("groups"), "group" in formats)

    languages_raw = _list(
        file, "languages", _require(file, data, "languages"), example="[English, Polish]"
    )
    if not languages_raw:
        _fail(file, "languages", "must list at least one language")
    languages: list[str] = []
    for i, lang in enumerate(languages_raw):
        lang = _text(file, f"languages[{i}]", lang)
        if lang.casefold() in (seen.casefold() for seen in languages):
            _fail(file, "languages", f"{lang!r} is listed more than once")
        languages.append(lang)

    interpreters = (_bool(file, "interpreters", data["interpreters"])
                    if data.get("interpreters") is not None else False)

    if "group" in formats:
        babies_welcome = _bool(file, "babies_welcome", _require(file, data, "babies_welcome"))
    elif data.get("babies_welcome") is not None:
        babies_welcome = _bool(file, "babies_welcome", data["babies_welcome"])
    else:
        babies_welcome = False

    contact = _parse_contact(file, _require(file, data, "contact"))
    crisis_contacts = _parse_crisis_contacts(file, data.get("crisis_contacts", _MISSING))
    maternity_triage = _phone(file, "maternity_triage", data.get("maternity_triage"))

    privacy_url = _text(file, "privacy_url", _require(file, data, "privacy_url"))
    parts = urlsplit(privacy_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in privacy_url:
        _fail(
            file,
            "privacy_url",
            f"{privacy_url!r} is not a web address starting with https:// or http://",
        )

    retention = _require(file, data, "retention_days")
    if isinstance(retention, bool) or not isinstance(retention, int) or retention <= 0:
        _fail(
            file,
            "retention_days",
            f"must be a whole number of days greater than 0, found {_kind(retention)}",
        )

    return Site(
        id=site_id,
        name=name,
        default=default,
        formats=formats,
        modes=modes,
        groups=groups,
        languages=tuple(languages),
        interpreters=interpreters,
        babies_welcome=babies_welcome,
        contact=contact,
        crisis_contacts=crisis_contacts,
        maternity_triage=maternity_triage,
        privacy_url=privacy_url,
        retention_days=retention,
        group_modes=per_format["group"],
        one_to_one_modes=per_format["one_to_one"],
    )


def _parse_groups(file: str, value: Any, offered: bool) -> tuple[GroupMeeting, ...]:
    if not offered:
        if value:
            _fail(
                file,
                "groups",
                "groups are listed but 'formats' does not include group (add it, or remove "
                "the groups)",
            )
        return ()
    if value is None:
        _fail(file, "groups", "is required because 'formats' includes group")
    items = _list(file, "groups", value, example="[{when: ..., where: ...}]")
    if not items:
        _fail(file, "groups", "must list at least one group because 'formats' includes group")
    groups = []
    for i, item in enumerate(items):
        prefix = f"groups[{i}]."
        if not isinstance(item, dict):
            _fail(file, f"groups[{i}]", f"must have 'when' and 'where', found {_kind(item)}")
        _check_fields(file, item, _GROUP_FIELDS, prefix)
        when = _text(file, f"{prefix}when", _require(file, item, "when", prefix))
        where = _text(file, f"{prefix}where", _require(file, item, "where", prefix))
        if _POSTCODE_PATTERN.search(where):
            _fail(
                file,
                f"{prefix}where",
                "give the area only, not a full address or postcode (the programme shares the "
                "exact address when a mother is ready to go)",
            )
        groups.append(GroupMeeting(when=when, where=where))
    return tuple(groups)


def _parse_contact(file: str, value: Any) -> ContactRoute:
    if not isinstance(value, dict):
        _fail(file, "contact", f"must have 'phone' and/or 'email', found {_kind(value)}")
    _check_fields(file, value, _CONTACT_FIELDS, "contact.")
    phone = _phone(file, "contact.phone", value.get("phone"))
    email = _optional_text(file, "contact.email", value.get("email"))
    if email is not None and not _EMAIL_PATTERN.match(email):
        _fail(file, "contact.email", f"{email!r} is not an email address")
    if phone is None and email is None:
        _fail(file, "contact", "needs at least one of 'phone' or 'email'")
    hours = _optional_text(file, "contact.hours", value.get("hours"))
    return ContactRoute(phone=phone, email=email, hours=hours)


def _parse_crisis_contacts(file: str, value: Any) -> tuple[CrisisContact, ...]:
    """Required, but may be an empty list: a site states explicitly that it has none locally.

    (The national routes, 999, NHS 111, Samaritans and Shout, are always given anyway.)"""
    if value is _MISSING:
        _fail(
            file,
            "crisis_contacts",
            "is required (write 'crisis_contacts: []' if the site has no local crisis contact)",
        )
    if value is None:
        _fail(file, "crisis_contacts", "is empty: write 'crisis_contacts: []' if there are none")
    items = _list(file, "crisis_contacts", value, example="[{name: ..., phone: ...}]")
    contacts = []
    for i, item in enumerate(items):
        prefix = f"crisis_contacts[{i}]."
        if not isinstance(item, dict):
            _fail(file, f"crisis_contacts[{i}]", f"must have a 'name', found {_kind(item)}")
        _check_fields(file, item, _CRISIS_FIELDS, prefix)
        name = _text(file, f"{prefix}name", _require(file, item, "name", prefix))
        phone = _phone(file, f"{prefix}phone", item.get("phone"))
        raw_text = item.get("text")
        if isinstance(raw_text, int) and not isinstance(raw_text, bool):
            raw_text = str(raw_text)  # a short code such as 85258 needs no quotes
        text = _optional_text(file, f"{prefix}text", raw_text)
        if text is not None and not re.search(r"\d", text):
            _fail(file, f"{prefix}text", f"{text!r} must include the number to text")
        if phone is None and text is None:
            _fail(file, f"crisis_contacts[{i}]", "needs at least one of 'phone' or 'text'")
        hours = _optional_text(file, f"{prefix}hours", item.get("hours"))
        contacts.append(CrisisContact(name=name, phone=phone, text=text, hours=hours))
    return tuple(contacts)
