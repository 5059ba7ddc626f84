"""The report: counts per site and per month, disclosure control applied, then the tidy rows
(one per unit x measure x category) that every renderer draws from, so the HTML, CSV, JSON and
the /evaluate/ page cannot disagree."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from bot import codebook
from bot.evaluate import disclosure
from bot.evaluate.cells import (
    CELLS_OF_PART,
    DROPPED_AT,
    FLOW_STAGES,
    FORMAT_CATEGORIES,
    LANGUAGE_CATEGORIES,
    REVIEW_CELLS,
    STOPPED,
    complement,
    concern_groups,
    parts,
    within_unit_shapes,
)
from bot.evaluate.data import Counts
from bot.evaluate.disclosure import ALL, Cell, Sum
from bot.evaluate.statistics import Agreement, funnel_limits, wilson

#: (section, measure, category, numerator cell, denominator cell or None) for every unit.
Line = tuple[str, str, str, str, str | None]


def _lines() -> list[Line]:
    lines: list[Line] = [("flow", "flow", cell, cell, None) for cell, _ in FLOW_STAGES]
    lines += [("flow", "stopped", cell, cell, None) for cell, _ in STOPPED]
    # drop-off by question: among conversations started, those that did not complete, and
    # the question each stopped at
    lines.append(("drop_off", "completed", "no", "not_completed", "started"))
    lines += [("drop_off", "dropped_at", q, f"dropped_at:{q}", "started") for q in DROPPED_AT]
    # by the language she wrote in (issue 19): conversations, said yes, took it up
    for lang in LANGUAGE_CATEGORIES:
        prefix = f"language:{lang}"
        lines += [
            ("language", "conversations_by_language", lang, prefix, "started"),
            ("language", "intent_yes_by_language", lang, f"{prefix}:intent_yes",
             f"{prefix}:intent_given"),
            ("language", "took_up_by_language", lang, f"{prefix}:took_up",
             f"{prefix}:outcome_recorded"),
        ]
    lines += [
        ("take_up", "take_up_intent", "yes", "intent_yes", "intent_given"),
        ("take_up", "outcome", "took_up", "outcome_took_up", "outcome_recorded"),
    ]
    lines += [("take_up", "took_up_by_intent", i, f"{i}:took_up", f"{i}:outcome_recorded")
              for i in codebook.TAKE_UP_INTENTS]
    lines += [("preferences", "format_preference", f, f"format:{f}", "preferences_given")
              for f in FORMAT_CATEGORIES]
    lines += [("preferences", "mode_preferences", m, f"mode:{m}", "preferences_given")
              for m in codebook.MODES]
    lines += [("preferences", "time_preferences", t, f"time:{t}", "preferences_given")
              for t in codebook.TIMES]
    for measure, category, cell in concern_groups():
        lines.append(("concerns", measure, category, cell, "consent_given"))
        lines.append(("concerns", f"intent_yes_among_{measure}", category,
                      f"{cell}:intent_yes", f"{cell}:intent_given"))
    return lines


LINES = _lines()
TREND_LINES = [line for line in LINES if line[1] in ("started", "take_up_intent", "outcome")
               or (line[0], line[2]) == ("flow", "started")]


@dataclass
class Row:
    """One tidy row: a unit (site or month) x measure x category."""

    site: str
    month: str
    section: str
    measure: str
    category: str
    count: int | None
    denominator: int | None
    rate: float | None
    ci_low: float | None
    ci_high: float | None
    suppressed: bool


@dataclass
class Report:
    sites: list[str]
    months: list[str]
    rows: list[Row]
    agreement: list[dict]
    funnel: dict
    filters: dict
    generated_at: str
    notes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._index = {(r.site, r.month, r.section, r.measure, r.category): r for r in self.rows}

    def value(self, section: str, measure: str, category: str, site: str = ALL,
              month: str = "") -> Row | None:
        """The row for one unit, measure and category (None if the report has none)."""
        return self._index.get((site, month, section, measure, category))


def _count(combos: Counts) -> tuple[dict[Cell, int], dict[Cell, int]]:
    """Counts per (site, cell) and per (month, cell), each with the programme's (unit ``ALL``)
    as their sum. Records are first counted per unit and part of their answers (see
    :func:`cells.parts`), and each part's cells worked out once."""
    by_part: list[Counter[tuple[str, tuple]]] = [Counter(), Counter()]
    for (site, month, coded), n in combos.items():
        for part in parts(coded):
            by_part[0][(site, part)] += n
            by_part[1][(month, part)] += n
    cells_of: dict[tuple, list[str]] = {}
    result: list[dict[Cell, int]] = []
    for counted in by_part:
        counts: dict[Cell, int] = defaultdict(int)
        for (unit, part), n in counted.items():
            cells = cells_of.get(part)
            if cells is None:
                cells = cells_of[part] = CELLS_OF_PART[part[0]](*part[1:])
            for cell in cells:
                counts[(unit, cell)] += n
                counts[(ALL, cell)] += n
        result.append(counts)
    return result[0], result[1]


def _with_complements(counts: dict[Cell, int], units: list[str],
                      lines: Iterable[Line]) -> list[tuple[str, tuple[str, ...]]]:
    """Add the cell 'denominator minus numerator' of every rate (a reader can work it out)."""
    shapes = within_unit_shapes()
    for *_, num, den in lines:
        if den is None:
            continue
        shapes.append((den, (num, complement(num, den))))
        for unit in units:
            counts[(unit, complement(num, den))] = (counts.get((unit, den), 0)
                                                    - counts.get((unit, num), 0))
    return shapes


def _suppressed(counts: dict[Cell, int], units: list[str], exempt: bool,
                lines: list[Line]) -> set[Cell]:
    everyone = [ALL, *units]
    shapes = _with_complements(counts, everyone, lines)
    names = {name for _, name in counts}
    sums: list[Sum] = disclosure.within_unit_sums(everyone, shapes)
    sums += disclosure.across_unit_sums(units, names)
    return disclosure.suppress(counts, sums, exempt=[ALL] if exempt else [])


def _rows(counts: dict[Cell, int], hidden: set[Cell], units: list[str], lines: list[Line],
          by_month: bool) -> list[Row]:
    rows = []
    # by month, the programme's row is left out: it is already among the by-site rows
    for unit in units if by_month else [ALL, *units]:
        site, month = (ALL, unit) if by_month else (unit, "")
        for section, measure, category, num, den in lines:
            k = counts.get((unit, num), 0)
            n = counts.get((unit, den), 0) if den else None
            num_hidden = (unit, num) in hidden
            den_hidden = den is not None and (unit, den) in hidden
            interval = wilson(k, n) if n and not (num_hidden or den_hidden) else None
            rows.append(Row(
                site=site, month=month, section=section, measure=measure, category=category,
                count=None if num_hidden else k, denominator=None if den_hidden else n,
                rate=k / n if interval else None,
                ci_low=interval.low if interval else None,
                ci_high=interval.high if interval else None,
                suppressed=num_hidden or den_hidden))
    return rows


def _agreement(counts: dict[Cell, int], hidden: set[Cell]) -> list[dict]:
    result = []
    for code in codebook.CONCERNS:
        cells = [(ALL, f"review:{code}:{kind}") for kind in REVIEW_CELLS]
        n = counts.get((ALL, "reviewed"), 0)
        if not n:
            continue
        shown = not any(cell in hidden for cell in [*cells, (ALL, "reviewed")])
        stats = Agreement(n, *(counts.get(cell, 0) for cell in cells))
        result.append({"code": code, "mechanism": codebook.CONCERN_MECHANISMS[code],
                       "reviewed": n if shown else None,
                       "percent_agreement": stats.percent if shown else None,
                       "kappa": stats.kappa if shown else None, "suppressed": not shown})
    return result


def _funnel(rows: list[Row], sites: list[str]) -> dict:
    """Site take-up rates against volume, with Spiegelhalter's limits around the programme."""
    def take_up(site: str) -> Row:
        return next(r for r in rows if (r.site, r.measure, r.month) == (site, "outcome", ""))

    programme = take_up(ALL)
    if not programme.rate or not programme.denominator:
        return {"programme_rate": None, "points": [], "curve": []}
    p0 = programme.rate
    points = []
    for site in sites:
        row = take_up(site)
        if row.rate is None or row.denominator is None:
            points.append({"site": site, "n": None, "rate": None, "position": "hidden"})
            continue
        limits = funnel_limits(p0, row.denominator)
        position = ("above 99.8% limit" if row.rate > limits["upper_998"]
                    else "below 99.8% limit" if row.rate < limits["lower_998"]
                    else "above 95% limit" if row.rate > limits["upper_95"]
                    else "below 95% limit" if row.rate < limits["lower_95"]
                    else "within limits")
        points.append({"site": site, "n": row.denominator, "rate": row.rate,
                       "position": position, **limits})
    top = max([p["n"] for p in points if p["n"]] or [programme.denominator])
    # evenly spaced on the log scale the chart uses
    steps = sorted({max(1, round(top ** (i / 80))) for i in range(81)})
    curve = [{"n": n, **funnel_limits(p0, n)} for n in steps if n <= top]
    return {"programme_rate": p0, "points": points, "curve": curve}


NOTES = [
    "How far conversations got is worked out from what each record holds: consent given, "
    "preferences given (a format, mode or time), whether she answered the take-up question, "
    "and the outcome staff recorded. A mother who skipped the preference questions but answered "
    "the take-up question counts as past them (her format shows as missing). A conversation "
    "still going counts as stopped where it has got to so far.",
    "Drop-off by question counts the conversations that did not reach the closing message, by "
    "the question each was at (the record's dropped_at), as a share of all conversations "
    "started. 'Not recorded' is records made before the codebook's schema_version 4 and "
    "conversations that stopped after the last question but before the close. A conversation "
    "still going counts at the question it is at.",
    "Preferences are counted among those who gave any; concerns and mechanisms among those who "
    "consented to a record; intent among those who raised each concern is among those of them "
    "who answered the take-up question. A mother can give several modes, times and concerns, so "
    "those shares add up to more than 100%.",
    "Actual take-up is among records whose outcome staff have recorded (took up or did not); "
    "records still pending are left out of that denominator.",
    "By language: the language she wrote in (the record's language; a conversation that began "
    "in Polish and went on in English counts as Polish). 'Said yes' is among those who answered "
    "the take-up question, 'took up' among those whose outcome staff recorded. 'Not recorded' "
    "is records made before the codebook's schema_version 5.",
    "Coding agreement compares, for each concern code, whether the assistant coded it with "
    "whether staff did, among records whose concerns staff reviewed.",
]


def build(combos: Counts, filters: dict, generated_at: datetime) -> Report:
    """The whole report from the counted combinations of coded answers."""
    sites = sorted({site for site, _, _ in combos})
    months = sorted({month for _, month, _ in combos})
    exempt = len(sites) > 1
    by_site, by_month = _count(combos)
    hidden_site = _suppressed(by_site, sites, exempt, LINES)
    hidden_month = _suppressed(by_month, months, exempt, TREND_LINES)
    rows = _rows(by_site, hidden_site, sites, LINES, by_month=False)
    rows += _rows(by_month, hidden_month, months, TREND_LINES, by_month=True)
    notes = list(NOTES)
    if not exempt:
        notes.insert(0, "This report covers one site, so every figure in it is below programme "
                        "level and the small-count rule applies to all of them.")
    return Report(sites=sites, months=months, rows=rows,
                  agreement=_agreement(by_site, hidden_site), funnel=_funnel(rows, sites),
                  filters=filters, generated_at=generated_at.isoformat(timespec="seconds"),
                  notes=notes)
