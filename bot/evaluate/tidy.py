"""The report as tidy data: one row per site x month x section x measure x category."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, fields

from bot.evaluate.disclosure import SMALLEST_SHOWN
from bot.evaluate.model import Report, Row

COLUMNS = tuple(f.name for f in fields(Row))


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6f}"
    return str(value)


def to_csv(report: Report) -> str:
    """Tidy CSV: a suppressed count is empty, with ``suppressed`` true (R: NA)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in report.rows:
        writer.writerow([_cell(getattr(row, name)) for name in COLUMNS])
    return out.getvalue()


def to_json(report: Report) -> str:
    """Tidy JSON: the rows, plus coding agreement, funnel limits, filters and the rule."""
    document = {
        "generated_at": report.generated_at,
        "filters": report.filters,
        "suppression_rule": f"counts 1 to {SMALLEST_SHOWN - 1} below programme level hidden, "
                            "with secondary suppression against subtraction",
        "notes": report.notes,
        "rows": [asdict(row) for row in report.rows],
        "coding_agreement": report.agreement,
        "funnel": report.funnel,
    }
    return json.dumps(document, indent=1, ensure_ascii=False)
