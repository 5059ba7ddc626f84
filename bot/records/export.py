"""Writing intake records as CSV or JSON Lines for evaluators (codebook.md, "Export")."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import Any, TextIO

from bot import codebook

FORMATS = ("csv", "jsonl")


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def write_records(records: Iterable[dict[str, Any]], fmt: str, out: TextIO) -> int:
    """Write ``records`` to ``out`` in ``fmt``; returns how many were written."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    count = 0
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(codebook.FIELDS)
        for record in records:
            writer.writerow([_csv_cell(record[f]) for f in codebook.FIELDS])
            count += 1
    else:
        for record in records:
            out.write(json.dumps({f: record[f] for f in codebook.FIELDS}, ensure_ascii=False))
            out.write("\n")
            count += 1
    return count
