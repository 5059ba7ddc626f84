"""``bot staff ...``: staff accounts and the audit trail, from the server's command line.

Registered by bot.cli.main with :func:`register`. Setup links are printed, not emailed: give
each to its person by a channel you trust.
"""

from __future__ import annotations

import argparse
import sys

from bot.alerts.links import setup_link
from bot.records.database import shared_engine
from bot.sites.config import SiteConfigError
from bot.staff.accounts import ROLES, AccountError, Accounts
from bot.staff.audit import AuditLog


def register(subparsers: argparse._SubParsersAction) -> None:
    staff = subparsers.add_parser("staff", help="staff accounts and the audit trail")
    commands = staff.add_subparsers(dest="staff_command", required=True)

    add = commands.add_parser("add", help="create an account and print its one-time setup link")
    add.add_argument("email")
    add.add_argument("--role", choices=ROLES, default="staff")
    add.add_argument("--site", action="append", default=[], dest="sites",
                     help="a site id the account works for (repeat for several; not for admin)")
    add.set_defaults(func=cmd_add)

    listing = commands.add_parser("list", help="list the accounts")
    listing.set_defaults(func=cmd_list)

    disable = commands.add_parser("disable", help="stop an account signing in, at once")
    disable.add_argument("email")
    disable.set_defaults(func=cmd_disable)

    reset = commands.add_parser(
        "reset", help="forget an account's password and second factor; print a new setup link")
    reset.add_argument("email")
    reset.set_defaults(func=cmd_reset)

    audit = commands.add_parser("audit", help="print the audit trail and check its hash chain")
    audit.add_argument("--last", type=int, default=50, help="how many entries (default 50)")
    audit.set_defaults(func=cmd_audit)


def _accounts() -> Accounts:
    from bot.sites.config import registry

    registry()  # a broken site file is reported before anything is written
    return Accounts(shared_engine())


def _check_sites(sites: list[str]) -> None:
    from bot.sites.config import registry

    known = {site.id for site in registry()}
    unknown = sorted(set(sites) - known)
    if unknown:
        raise AccountError(f"unknown site(s): {', '.join(unknown)} "
                           f"(configured: {', '.join(sorted(known))})")


#: What a command reports as one ``error:`` line: the person typing it can act on these.
PROBLEMS = (AccountError, SiteConfigError)


def _fail(exc: Exception) -> int:
    print(f"error: {exc}", file=sys.stderr)
    return 2


def cmd_add(args: argparse.Namespace) -> int:
    try:
        _check_sites(args.sites)
        accounts = _accounts()
        token = accounts.add(args.email, args.role, args.sites)
    except PROBLEMS as exc:
        return _fail(exc)
    AuditLog(shared_engine()).write("(command line)", "account_added", role=args.role,
                                    account=args.email.strip().lower(), sites=args.sites)
    print(f"Account created for {args.email.strip().lower()} ({args.role}).")
    print("Send this one-time setup link to them (it works for 72 hours):")
    print(f"  {setup_link(token)}")
    return 0


def cmd_list(_args: argparse.Namespace) -> int:
    try:
        rows = _accounts().list()
    except PROBLEMS as exc:
        return _fail(exc)
    for row in rows:
        print(f"{row['email']:<40} {row['role']:<10} {','.join(row['sites']):<24} "
              f"{row['state']}")
    print(f"{len(rows)} account(s)", file=sys.stderr)
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    try:
        _accounts().disable(args.email)
    except PROBLEMS as exc:
        return _fail(exc)
    AuditLog(shared_engine()).write("(command line)", "account_disabled",
                                    account=args.email.strip().lower())
    print(f"{args.email.strip().lower()} can no longer sign in (signed out at their next click).")
    return 0


def cmd_reset(args: argparse.Namespace) -> int:
    try:
        token = _accounts().reset(args.email)
    except PROBLEMS as exc:
        return _fail(exc)
    AuditLog(shared_engine()).write("(command line)", "account_reset",
                                    account=args.email.strip().lower())
    print(f"Password and second factor of {args.email.strip().lower()} forgotten.")
    print("Send this one-time setup link to them (it works for 72 hours):")
    print(f"  {setup_link(token)}")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    """Exit 1 when the chain is broken, so a cron job can report it."""
    log = AuditLog(shared_engine())
    rows = list(log.rows(limit=max(args.last, 0), newest_first=True))
    for row in reversed(rows):
        where = f"{row['conversation_id'][:12]} ({row['site']})" if row["conversation_id"] else ""
        print(f"{row['id']:>6}  {row['at']:%Y-%m-%d %H:%M:%S}  {row['actor']:<32} "
              f"{row['action']:<20} {where:<26} {row['detail']}")
    check = log.verify()
    if check.intact:
        print(f"Audit chain intact: {check.rows} entries.", file=sys.stderr)
        return 0
    print(f"AUDIT CHAIN BROKEN at entry {check.first_broken}: entries from there on were "
          "changed, removed or inserted outside the app.", file=sys.stderr)
    return 1
