"""The report as one self-contained HTML file: inline CSS and SVG, nothing fetched."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from functools import cache
from urllib.parse import urlencode

import jinja2
from markupsafe import Markup

from bot import codebook
from bot.evaluate import charts, dictionary
from bot.evaluate.cells import (
    DROPPED_AT,
    FLOW_STAGES,
    LANGUAGE_CATEGORIES,
    STOPPED,
    concern_groups,
)
from bot.evaluate.disclosure import ALL, SMALLEST_SHOWN
from bot.evaluate.model import Report, Row

HIDDEN = "*"
FLOW_LABELS = dict(FLOW_STAGES + STOPPED)


@cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("bot.evaluate", "templates"),
        autoescape=True, trim_blocks=True, lstrip_blocks=True)


def label(code: str) -> str:
    """A code as words: ``one_to_one`` -> "one to one"."""
    return "Total" if code == ALL else code.replace("_", " ")


@dataclass(frozen=True)
class Shown:
    """One tidy row as text for a table cell."""

    count: str
    denominator: str
    rate: str
    interval: str

    @classmethod
    def of(cls, row: Row | None) -> Shown:
        if row is None:
            return cls("", "", "", "")
        def number(value: int | None) -> str:
            return HIDDEN if value is None else f"{value:,}"
        rate = HIDDEN if row.suppressed else (f"{row.rate:.0%}" if row.rate is not None else "–")
        interval = (f"{row.ci_low:.0%}–{row.ci_high:.0%}" if row.ci_low is not None
                    else HIDDEN if row.suppressed else "–")
        return cls(number(row.count), number(row.denominator), rate, interval)


class View:
    """Looks rows up for the template and draws the charts."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.row = report.value
        self.units = [ALL, *report.sites]

    def shown(self, section: str, measure: str, category: str, site: str = ALL,
              month: str = "") -> Shown:
        return Shown.of(self.report.value(section, measure, category, site, month))

    def _ci(self, row: Row | None) -> tuple[float, float, float] | None:
        if row is None or row.rate is None or row.ci_low is None or row.ci_high is None:
            return None
        return (row.rate, row.ci_low, row.ci_high)

    def take_up_chart(self) -> Markup | None:
        series = {
            "said yes (of those who answered)": [
                self._ci(self.row("take_up", "take_up_intent", "yes", u)) for u in self.units],
            "took up (of those with an outcome)": [
                self._ci(self.row("take_up", "outcome", "took_up", u)) for u in self.units],
        }
        return _markup(charts.intervals([label(u) for u in self.units], series),
                       "intent and take-up by site, with 95% intervals")

    def funnel_chart(self) -> Markup | None:
        return _markup(charts.funnel(self.report.funnel), "funnel plot of take-up by site")

    def trend_chart(self) -> Markup | None:
        months = self.report.months
        def rates(measure: str, category: str) -> list[float | None]:
            return [getattr(self.row("take_up", measure, category, ALL, m), "rate", None)
                    for m in months]
        return _markup(charts.trends(months, {
            "said yes": rates("take_up_intent", "yes"),
            "took up": rates("outcome", "took_up")}), "intent and take-up by month")

    def mechanism_chart(self) -> Markup | None:
        mechanisms = codebook.MECHANISMS
        return _markup(charts.bars(
            [label(m) for m in mechanisms],
            [getattr(self.row("concerns", "mechanisms", m), "rate", None) for m in mechanisms],
            "Share of mothers who consented"), "concerns by mechanism")

    def preference_chart(self) -> Markup | None:
        items = ([("format_preference", f) for f in codebook.FORMATS]
                 + [("mode_preferences", m) for m in codebook.MODES]
                 + [("time_preferences", t) for t in codebook.TIMES])
        return _markup(charts.bars(
            [label(c) for _, c in items],
            [getattr(self.row("preferences", m, c), "rate", None) for m, c in items],
            "Share of mothers who gave preferences"), "preferences")


def _markup(svg: str | None, description: str) -> Markup | None:
    """matplotlib's own SVG (drawn from numbers and codebook labels only, so safe to inline),
    announced as one image whose data are in the table beside it."""
    if not svg:
        return None
    opening = Markup('<svg role="img" aria-label="{}" ').format(
        f"Chart: {description}. The figures are in the table beside it.")
    return Markup(svg.replace("<svg ", opening, 1))


def _when(iso: str) -> str:
    moment = datetime.fromisoformat(iso).astimezone(timezone.utc)
    return f"{moment.day} {moment:%B %Y, %H:%M} UTC"


@dataclass(frozen=True)
class PageLinks:
    """On the /evaluate/ page (not in a downloaded file): the filter form and downloads."""

    sites: list[str]
    query: dict[str, str]

    def download(self, fmt: str) -> str:
        kept = {k: v for k, v in self.query.items() if k in ("site", "from", "to") and v}
        return f"report.{fmt}" + (f"?{urlencode(kept)}" if kept else "")


def render_dictionary() -> str:
    """The data dictionary as a page of its own."""
    return environment().get_template("dictionary.html").render(
        codebook=codebook, entries=dictionary.entries(), mechanisms=dictionary.mechanisms(),
        questions=dictionary.questions())


def render(report: Report, page: PageLinks | None = None) -> str:
    """The whole report as one self-contained HTML document."""
    return environment().get_template("report.html").render(
        report=report, view=View(report), page=page, label=label, flow_labels=FLOW_LABELS,
        flow_stages=FLOW_STAGES, stopped=STOPPED, concern_groups=concern_groups(),
        codebook=codebook, entries=dictionary.entries(), mechanisms=dictionary.mechanisms(),
        questions=dictionary.questions(), generated=_when(report.generated_at),
        smallest_shown=SMALLEST_SHOWN, hidden=HIDDEN, intents=codebook.TAKE_UP_INTENTS,
        dropped_at=DROPPED_AT,
        languages=[(code, codebook.LANGUAGES.get(code, "Not recorded"))
                   for code in LANGUAGE_CATEGORIES],
        question_labels={q: asked.rstrip(".") for q, asked in dictionary.questions()})
