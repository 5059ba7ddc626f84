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
    assert list(record)[-6:-1] == ["outcome_at", "outcome_reason", "concerns_reviewed",
                                   "risk_acknowledged", "callback_done"]
    assert record["outcome_at"] is None and record["concerns_reviewed"] is None
    assert record["risk_acknowledged"] is False and record["callback_done"] is False


def test_risk_categories_of_schema_3_come_from_the_risk_events_with_her_consent() -> None:
    row = {"conversation_id": "c1", "site": "northbrook", "consent": "given",
           "outcome": "pending", "risk_flag": True}
    record = export_row(row, ["baby_emergency", "suicide"])
    assert codebook.SCHEMA_VERSION == 3 and list(record)[-1] == "risk_categories"
    assert record["risk_categories"] == ["baby_emergency", "suicide"]
    out = io.StringIO()
    write_records([record], "csv", out)
    assert next(csv.DictReader(io.StringIO(out.getvalue())))["risk_categories"] == (
        "baby_emergency;suicide")
    declined = export_row({**row, "consent": "declined"}, ["maternal_emergency"])
    assert declined["risk_categories"] == [] and declined["risk_flag"] is True
