import csv
import io
import json

import pytest

from bot import codebook
from bot.records.export import write_records
from bot.records.intake_record import export_row

RECORD = {field: None for field in codebook.FIELDS} | {
    "schema_version": 1, "conversation_id": "abc", "site": "northbrook",
    "mode_preferences": ["phone", "video"], "time_preferences": [], "concerns": [],
    "motivators": [], "mechanisms": [], "explained": True, "contact_requested": False,
    "risk_flag": False, "completed": True, "consent": "given", "outcome": "pending",
}


def test_csv_has_the_codebook_header_and_joins_lists() -> None:
    out = io.StringIO()
    assert write_records([RECORD], "csv", out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == list(codebook.FIELDS)
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["mode_preferences"] == "phone;video"
    assert row["explained"] == "true" and row["risk_flag"] == "false"
    assert row["referral_source"] == ""


def test_jsonl_writes_one_object_per_line() -> None:
    out = io.StringIO()
    write_records([RECORD, RECORD], "jsonl", out)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["mode_preferences"] == ["phone", "video"]


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        write_records([], "xml", io.StringIO())


def test_staff_fields_of_schema_2_are_exported_empty_until_staff_set_them() -> None:
    row = {"conversation_id": "c1", "site": "northbrook", "consent": "given",
           "outcome": "pending"}
    record = export_row(row)
    assert record["schema_version"] == codebook.SCHEMA_VERSION
    names = list(record)
    assert names[names.index("outcome") + 1:names.index("risk_categories")] == [
        "outcome_at", "outcome_reason", "concerns_reviewed", "risk_acknowledged",
        "callback_done"]
    assert record["outcome_at"] is None and record["concerns_reviewed"] is None
    assert record["risk_acknowledged"] is False and record["callback_done"] is False


def test_risk_categories_of_schema_3_come_from_the_risk_events_with_her_consent() -> None:
    row = {"conversation_id": "c1", "site": "northbrook", "consent": "given",
           "outcome": "pending", "risk_flag": True}
    record = export_row(row, ["baby_emergency", "suicide"])
    assert "risk_categories" in record
    assert record["risk_categories"] == ["baby_emergency", "suicide"]
    out = io.StringIO()
    write_records([record], "csv", out)
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["risk_categories"] == (
        "baby_emergency;suicide")
    declined = export_row({**row, "consent": "declined"}, ["maternal_emergency"])
    assert declined["risk_categories"] == [] and declined["risk_flag"] is True


def test_schema_4_exports_where_she_stopped_and_the_questions_declined_or_not_understood(
        ) -> None:
    row = {"conversation_id": "c1", "site": "northbrook", "consent": "given",
           "outcome": "pending", "dropped_at": "take_up_intent",
           "questions_skipped": ["referral_source", "time_preferences"],
           "questions_not_understood": ["perinatal_stage"]}
    record = export_row(row)
    assert record["schema_version"] == codebook.SCHEMA_VERSION >= 4
    assert list(record)[-5:-2] == ["dropped_at", "questions_skipped", "questions_not_understood"]
    out = io.StringIO()
    write_records([record], "csv", out)
    exported = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert exported["schema_version"] == str(codebook.SCHEMA_VERSION)
    assert exported["dropped_at"] == "take_up_intent"
    assert exported["questions_skipped"] == "referral_source;time_preferences"
    assert exported["questions_not_understood"] == "perinatal_stage"
    out = io.StringIO()
    write_records([record], "jsonl", out)
    line = json.loads(out.getvalue())
    assert line["schema_version"] == codebook.SCHEMA_VERSION
    assert line["dropped_at"] == "take_up_intent"
    assert line["questions_skipped"] == ["referral_source", "time_preferences"]
    assert line["questions_not_understood"] == ["perinatal_stage"]
    # a record made before schema 4 (or stored without them) exports null and empty lists
    older = export_row({"conversation_id": "c0", "site": "northbrook", "consent": "given",
                        "outcome": "pending"})
    assert older["dropped_at"] is None
    assert older["questions_skipped"] == [] and older["questions_not_understood"] == []


def test_schema_5_exports_her_language_and_the_call_back_language() -> None:
    row = {"conversation_id": "c1", "site": "eastvale", "consent": "given",
           "outcome": "pending", "language": "ur", "callback_language": "ur"}
    record = export_row(row)
    assert codebook.SCHEMA_VERSION == 5 and record["schema_version"] == 5
    assert list(record)[-2:] == ["language", "callback_language"]
    out = io.StringIO()
    write_records([record], "csv", out)
    exported = next(csv.DictReader(io.StringIO(out.getvalue())))
    assert (exported["language"], exported["callback_language"]) == ("ur", "ur")
    older = export_row({"conversation_id": "c0", "site": "northbrook", "consent": "given",
                        "outcome": "pending"})
    assert (older["language"], older["callback_language"]) == (None, None)
