"""The ``bot`` command: exports and checks for the people who run and study the programme."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy.exc

from bot.evaluate import cli as evaluate_cli
from bot.records.export import FORMATS, write_records
from bot.staff import cli as staff_cli

if TYPE_CHECKING:
    from bot.alerts.staff_alerts import AlertConfig


def _parse_when(value: str) -> datetime:
    """A date (``2026-11-27``) or an ISO timestamp; naive values are taken as UTC."""
    try:
        if len(value) == 10:
            parsed = datetime.combine(date.fromisoformat(value), time.min)
        else:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a date (YYYY-MM-DD) or ISO 8601 time") from exc
    return parsed.replace(tzinfo=timezone.utc) if parsed.tzinfo is None else parsed


def _until(value: str) -> datetime:
    """``--until 2026-11-30`` includes the whole of that day."""
    parsed = _parse_when(value)
    return parsed + timedelta(days=1) if len(value) == 10 else parsed


def cmd_export(args: argparse.Namespace) -> int:
    from bot.records.database import shared_engine
    from bot.records.intake_record import IntakeRepository

    records = IntakeRepository(shared_engine()).records(
        site=args.site, since=args.since, until=args.until)
    if args.output:
        path = Path(args.output)
        with path.open("w", encoding="utf-8", newline="") as out:
            count = write_records(records, args.format, out)
        print(f"Wrote {count} records to {path}", file=sys.stderr)
    else:
        write_records(records, args.format, sys.stdout)
    return 0


def cmd_risks(args: argparse.Namespace) -> int:
    """Risk events for staff, newest last, until the staff pages exist."""
    from bot.records.database import shared_engine
    from bot.records.risk_events import RiskRepository, describe_layer

    count = 0
    per_category: Counter[str] = Counter()
    for event in RiskRepository(shared_engine()).events(since=args.since,
                                                        unreviewed=args.unreviewed):
        count += 1
        per_category[event["category"]] += 1
        status = "reviewed" if event["reviewed"] else "UNREVIEWED"
        print(f"{event['created_at']}  {event['site']:<12} {event['category']:<15} "
              f"{status:<10} {event['conversation_id']}  {describe_layer(event)}")
        if args.show_messages:
            print(f"    {event['message']!r}")
    print(f"{count} risk event(s)", file=sys.stderr)
    for category, events in sorted(per_category.items(), key=lambda item: (-item[1], item[0])):
        print(f"  {category:<18} {events}", file=sys.stderr)
    return 0


def cmd_alerts(args: argparse.Namespace) -> int:
    """Staff alerts: the channels, and the alerts still waiting in the outbox.

    Exits 1 while any alert is unsent (or a test alert failed), so a cron job running
    ``bot alerts --retry`` reports trouble by its exit status.
    """
    import asyncio

    from bot.alerts import staff_alerts as alerts
    from bot.records.database import shared_engine
    from bot.records.intake_record import iso_utc
    from bot.sites.config import SiteConfigError

    try:
        config = alerts.AlertConfig.from_env()
    except alerts.AlertConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in config.describe():
        print(line)
    if args.test:
        try:
            return asyncio.run(_send_test_alert(config))
        except SiteConfigError as exc:  # the test alert names the default site
            print(f"error: {exc}", file=sys.stderr)
            return 2
    engine = shared_engine()
    if args.retry:
        report = asyncio.run(alerts.retry_unsent(engine, config, force=True))
        print(f"retried: {report.sent} sent, {report.failed} still failing")
    unsent = alerts.AlertOutbox(engine).rows()
    for row in unsent:
        print(f"{iso_utc(row['risk_at'])}  {row['site']:<12} {row['category']:<15} "
              f"{row['channel']:<8} tries {row['attempts']:<3} {row['conversation_id']}  "
              f"{row['last_error'] or ''}")
    print(f"{len(unsent)} alert(s) not yet sent", file=sys.stderr)
    return 1 if unsent else 0


async def _send_test_alert(config: AlertConfig) -> int:
    """A clearly labelled test alert through each channel; no risk event is stored."""
    from bot.alerts import staff_alerts as alerts
    from bot.records.intake_record import utcnow
    from bot.sites.config import registry

    if not config.channels:
        return 1
    site = registry().get(None)
    alert = alerts.Alert(conversation_id="test", site=site.id, site_name=site.name,
                         category="test", layer="pattern", created_at=utcnow())
    failed = 0
    for channel in config.channels:
        sent = await alerts.deliver(alert, channel, config, None, None, alerts.SWEEP_POLICY)
        print(f"test alert via {channel}: {'sent' if sent else 'FAILED (see the log above)'}")
        failed += not sent
    return 1 if failed else 0


def cmd_sites(args: argparse.Namespace) -> int:
    from bot.sites.config import SiteConfigError, check_sites

    try:
        for line in check_sites():
            print(line)
    except SiteConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


def cmd_purge(args: argparse.Namespace) -> int:
    from bot.records.database import shared_engine
    from bot.records.retention import purge

    report = purge(shared_engine())
    print(f"Removed {report.transcripts} transcript(s) of conversations whose deletion was "
          f"requested, and {report.expired} record(s) past their site's retention period.")
    print(f"Removed {report.alerts} sent staff alert(s) of deleted conversations.")
    if report.alerts_unsent:
        print(f"Kept {report.alerts_unsent} staff alert(s) of deleted conversations until they "
              "are sent (see `bot alerts`); the next purge after that removes them.",
              file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="bot", description="Peer-support intake assistant: records, risks and sites.")
    commands = parser.add_subparsers(dest="command", required=True)

    export = commands.add_parser("export", help="export intake records (codebook fields)")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument("--site", help="only this site id")
    export.add_argument("--since", type=_parse_when, help="started on or after (date or time)")
    export.add_argument("--until", type=_until, help="started before the end of (date or time)")
    export.add_argument("--output", help="file to write (default: standard output)")
    export.set_defaults(func=cmd_export)

    risks = commands.add_parser("risks", help="list risk events for staff review")
    risks.add_argument("--since", type=_parse_when, help="on or after (date or time)")
    risks.add_argument("--unreviewed", action="store_true", help="only those not yet reviewed")
    risks.add_argument("--show-messages", action="store_true",
                       help="also print what she wrote (personal data: mind who sees it)")
    risks.set_defaults(func=cmd_risks)

    alerts = commands.add_parser(
        "alerts", help="staff alert channels and alerts not yet sent (exit 1 if any)")
    alerts.add_argument("--retry", action="store_true", help="send the unsent alerts now")
    alerts.add_argument("--test", action="store_true",
                        help="send a test alert through every configured channel")
    alerts.set_defaults(func=cmd_alerts)

    sites = commands.add_parser("sites", help="list the configured sites and check them")
    sites.set_defaults(func=cmd_sites)

    purge = commands.add_parser(
        "purge", help="remove transcripts whose deletion was requested, and expired records")
    purge.set_defaults(func=cmd_purge)
    evaluate_cli.register(commands)
    staff_cli.register(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except sqlalchemy.exc.OperationalError as exc:
        # SQLAlchemy's text carries the statement's parameters (an email, say): name only
        # the kind of failure, never the details.
        print(f"error: the database cannot be reached ({type(exc.orig).__name__}); check "
              "DATABASE_URL and that the database is running", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
