"""``bot report``: the evaluation report from the command line."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from bot.evaluate import FORMATS


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date (YYYY-MM-DD)") from exc


def cmd_report(args: argparse.Namespace) -> int:
    from bot.evaluate.generate import build_report, render
    from bot.records.database import shared_engine

    if args.start and args.end and args.start > args.end:
        print("error: --from is after --to", file=sys.stderr)
        return 2
    report = build_report(shared_engine(), scope=None, site=args.site, start=args.start,
                          end=args.end)
    output = render(report, args.format)
    if args.output:
        Path(args.output).write_text(output.body, encoding="utf-8")
        print(f"Wrote the {args.format} report to {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(output.body)
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``bot report`` to the ``bot`` command."""
    report = subparsers.add_parser(
        "report", help="evaluation report: take-up by site and mechanism (aggregates only)")
    report.add_argument("--site", help="only this site id (default: all sites)")
    report.add_argument("--from", dest="start", type=_date,
                        help="conversations started on or after this date (YYYY-MM-DD)")
    report.add_argument("--to", dest="end", type=_date,
                        help="conversations started on or before this date (YYYY-MM-DD)")
    report.add_argument("--format", choices=FORMATS, required=True)
    report.add_argument("--output", help="file to write (default: standard output)")
    report.set_defaults(func=cmd_report)
