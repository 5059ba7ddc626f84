"""The report built from known records in a real (SQLite) database."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot import codebook
from bot.evaluate import dictionary
from bot.evaluate.generate import OutOfScope, build_report, render
from bot.evaluate.model import Report
from bot.evaluate.statistics import wilson
from bot.records.database import make_engine, metadata
from tests.environment import unavailable
from tests.evaluate_records import EXPECTED, EXPECTED_DROPPED_AT, populate

NOW = datetime(2026, 12, 5, 12, tzinfo=timezone.utc)


POSTGRES = "postgresql://postgres@localhost:5432"


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    """A database of its own on the local PostgreSQL, dropped afterwards."""
    name = f"evaluate_test_{os.getpid()}"
    try:
        admin = sa.create_engine(f"{POSTGRES}/postgres", isolation_level="AUTOCOMMIT",
                                 future=True)
        with admin.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    except sa.exc.OperationalError as exc:
        unavailable(f"PostgreSQL is not reachable on localhost:5432 ({exc.orig})")
    yield f"{POSTGRES}/{name}"
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """The known records, in SQLite and in PostgreSQL (the two databases the app runs on)."""
    if request.param == "sqlite":
        engine = make_engine(f"sqlite:///{tmp_path / 'known.db'}")
    else:
        engine = make_engine(request.getfixturevalue("postgres_url"))
        metadata.drop_all(engine)
        metadata.create_all(engine)
    populate(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def report(engine: Engine) -> Report:
    return build_report(engine, scope=None, now=NOW)


def test_programme_flow_counts_are_the_known_ones(report: Report) -> None:
    for cell, expected in EXPECTED.items():
        measure = "stopped" if cell.startswith(("consent_d", "consent_n", "stopped")) else "flow"
        row = report.value("flow", measure, cell)
        assert row is not None and row.count == expected, cell


def test_drop_off_by_question_counts_those_that_did_not_complete_among_those_started(
        report: Report) -> None:
    assert sum(EXPECTED_DROPPED_AT.values()) == 5
    for question in (*codebook.QUESTIONS, "not_recorded"):
        row = report.value("drop_off", "dropped_at", question)
        expected = EXPECTED_DROPPED_AT.get(question, 0)
        assert (row.count, row.denominator) == (expected, 24), question
        assert row.rate == pytest.approx(expected / 24)
    assert report.value("drop_off", "dropped_at", "consent").ci_low == wilson(1, 24).low
    not_completed = report.value("drop_off", "completed", "no")
    assert (not_completed.count, not_completed.denominator) == (5, 24)
    # by site: all five are northbrook's, too few to show; eastvale's zeros would give them
    # away by subtraction from the programme's figures, so they are hidden too
    for site in ("northbrook", "eastvale"):
        row = report.value("drop_off", "dropped_at", "take_up_intent", site=site)
        assert row.count is None and row.suppressed and row.rate is None, site
    assert report.value("drop_off", "completed", "no", site="northbrook").suppressed


def test_take_up_has_its_wilson_interval(report: Report) -> None:
    row = report.value("take_up", "outcome", "took_up")
    assert (row.count, row.denominator) == (11, 15)
    interval = wilson(11, 15)
    assert (row.ci_low, row.ci_high) == (interval.low, interval.high)
    conversion = report.value("take_up", "took_up_by_intent", "yes")
    assert (conversion.count, conversion.denominator) == (10, 13)


def test_small_site_counts_are_hidden_and_so_are_their_rates(report: Report) -> None:
    # northbrook's intent yes is 7: hidden, with its rate and interval
    row = report.value("flow", "flow", "intent_yes", site="northbrook")
    assert row.count is None and row.suppressed
    rate = report.value("take_up", "take_up_intent", "yes", site="northbrook")
    assert rate.rate is None and rate.ci_low is None and rate.suppressed
    # nothing from 1 to 7 is shown for a site anywhere
    shown = [r for r in report.rows if r.site != "all" or r.month]
    assert all(not (1 <= (r.count or 0) <= 7) for r in shown)
    assert all(not (1 <= (r.denominator or 0) <= 7) for r in shown)


def test_concerns_have_their_own_denominators(report: Report) -> None:
    raised = report.value("concerns", "concerns", "fear_of_judgement")
    assert (raised.count, raised.denominator) == (4, 21)
    among = report.value("concerns", "intent_yes_among_concerns", "fear_of_judgement")
    assert (among.count, among.denominator) == (2, 4)
    mechanism = report.value("concerns", "mechanisms", "practical")
    assert (mechanism.count, mechanism.denominator) == (4, 21)


def test_coding_agreement_counts_reviewed_records(report: Report) -> None:
    by_code = {a["code"]: a for a in report.agreement}
    # 6 reviewed; fear_of_judgement: both on 3, neither on 3 -> perfect agreement
    assert by_code["fear_of_judgement"]["reviewed"] == 6
    assert by_code["fear_of_judgement"]["kappa"] == pytest.approx(1.0)
    # group_anxiety added by staff once, never by the assistant: 5 of 6 agree, kappa 0
    assert by_code["group_anxiety"]["percent_agreement"] == pytest.approx(500 / 6)
    assert by_code["group_anxiety"]["kappa"] == pytest.approx(0.0)


def test_a_site_outside_the_scope_is_refused(engine: Engine) -> None:
    with pytest.raises(OutOfScope):
        build_report(engine, scope=["eastvale"], site="northbrook")


def test_a_one_site_report_hides_small_counts_at_every_level(engine: Engine) -> None:
    report = build_report(engine, scope=["northbrook"], now=NOW)
    assert report.value("flow", "flow", "started").count == 14
    assert report.value("flow", "flow", "intent_yes").count is None
    assert any("one site" in note for note in report.notes)


def test_the_period_filter_keeps_only_that_window(engine: Engine) -> None:
    report = build_report(engine, scope=None, start=date(2026, 11, 1), end=date(2026, 11, 30))
    assert report.value("flow", "flow", "started").count == 20
    assert report.months == ["2026-11"]
    # October held only northbrook's 4: one site, so even its total is a small count
    october = build_report(engine, scope=None, start=date(2026, 10, 1), end=date(2026, 10, 31))
    assert october.sites == ["northbrook"]
    assert october.value("flow", "flow", "started").suppressed


def test_csv_and_json_are_tidy_with_the_same_numbers(report: Report) -> None:
    rows = list(csv.DictReader(io.StringIO(render(report, "csv").body)))
    assert set(rows[0]) == {"site", "month", "section", "measure", "category", "count",
                            "denominator", "rate", "ci_low", "ci_high", "suppressed"}
    took = next(r for r in rows if (r["site"], r["month"], r["measure"]) ==
                ("all", "", "outcome"))
    assert (took["count"], took["denominator"]) == ("11", "15")
    hidden = next(r for r in rows if (r["site"], r["category"]) == ("northbrook", "intent_yes"))
    assert hidden["count"] == "" and hidden["suppressed"] == "true"
    document = json.loads(render(report, "json").body)
    same = next(r for r in document["rows"] if (r["site"], r["month"], r["measure"]) ==
                ("all", "", "outcome"))
    assert (same["count"], same["denominator"]) == (11, 15)
    assert {r["category"] for r in document["rows"] if r["measure"] == "mode_preferences"} == \
        set(codebook.MODES)


def test_html_is_one_self_contained_file_with_real_text_in_its_charts(report: Report) -> None:
    page = render(report, "html").body
    assert "<svg" in page and "<text" in page  # svg.fonttype none: text stays text
    assert "src=" not in page and "<link" not in page and "<script" not in page
    assert "11 / 15" in page
    assert "fear_of_judgement" in page  # the data dictionary is included
    assert "<code>concerns_done</code>" in page  # with the question codes of schema 4
    assert 'id="drop-off"' in page and "1 (4%)" in page  # 1 of 24 stopped at a question


def test_the_data_dictionary_describes_every_codebook_field() -> None:
    entries = dictionary.entries()
    assert [e.field for e in entries] == list(codebook.FIELDS)
    assert all(e.description for e in entries)
    assert {m for m, _, _ in dictionary.mechanisms()} == set(codebook.MECHANISMS)
    # schema_version 4: the new fields, and every question code they can hold, in plain words
    described = {e.field: e for e in entries}
    for field in ("dropped_at", "questions_skipped", "questions_not_understood"):
        assert described[field].codes == codebook.QUESTIONS
    assert [q for q, _ in dictionary.questions()] == list(codebook.QUESTIONS)
    assert all(asked for _, asked in dictionary.questions())


def test_an_empty_database_still_gives_a_report_in_every_format(tmp_path: Path) -> None:
    report = build_report(make_engine(f"sqlite:///{tmp_path / 'empty.db'}"), scope=None,
                          site='odd"name')
    assert report.value("flow", "flow", "started").count == 0
    for fmt in ("html", "csv", "json"):
        output = render(report, fmt)
        assert output.body and output.filename == f"take-up-report-odd_name.{fmt}"


def test_conversations_and_take_up_by_language(tmp_path: Path) -> None:
    """Issue 19: by the language she wrote in, at programme level (two sites, so the
    programme's figures are shown whatever their size); older records are 'not recorded'."""
    from bot.records.database import intake_records
    from bot.records.intake_record import IntakeRepository, record_fields

    engine = make_engine(f"sqlite:///{tmp_path / 'languages.db'}")
    repo = IntakeRepository(engine)
    plan = ([("pl", "northbrook", "yes", "took_up")] * 6 + [("pl", "northbrook", "no", "pending")]
            * 3 + [("ur", "eastvale", "yes", "did_not_take_up")] * 4
            + [("en", "eastvale", "yes", "took_up")] * 9 + [(None, "northbrook", None, "pending")])
    for number, (language, site, intent, outcome) in enumerate(plan):
        cid = f"lang-{number}"
        fields = record_fields({"consent": "given", "take_up_intent": intent}, site,
                               language or "en")
        repo.upsert(cid, fields, now=datetime(2026, 11, 3, 10, tzinfo=timezone.utc))
        with engine.begin() as conn:
            conn.execute(sa.update(intake_records).where(intake_records.c.conversation_id == cid)
                         .values(outcome=outcome, language=language))
    report = build_report(engine, scope=None, now=NOW)
    polish = report.value("language", "conversations_by_language", "pl")
    assert (polish.count, polish.denominator) == (9, 23)
    said_yes = report.value("language", "intent_yes_by_language", "pl")
    assert (said_yes.count, said_yes.denominator) == (6, 9)
    took_up = report.value("language", "took_up_by_language", "pl")
    assert (took_up.count, took_up.denominator) == (6, 6)
    urdu = report.value("language", "took_up_by_language", "ur")
    assert (urdu.count, urdu.denominator) == (0, 4)
    assert report.value("language", "conversations_by_language", "not_recorded").count == 1
    assert report.value("language", "conversations_by_language", "bn").count == 0
    page = render(report, "html").body
    assert "By the language she wrote in" in page and "Polish" in page
    engine.dispose()
