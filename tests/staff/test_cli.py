"""``bot staff``: accounts and the audit trail from the command line, on a real database."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from bot.cli.main import main
from bot.records.database import make_engine, shared_engine, staff_audit
from bot.staff.accounts import Accounts


@pytest.fixture
def database(monkeypatch: pytest.MonkeyPatch, db_url: str):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("DATABASE_URL", db_url)
    monkeypatch.setenv("STAFF_BASE_URL", "https://intake.example.org")
    shared_engine.cache_clear()
    engine = make_engine(db_url)
    yield engine
    engine.dispose()
    shared_engine().dispose()
    shared_engine.cache_clear()


def test_add_list_disable_reset_and_audit(database, capsys: pytest.CaptureFixture) -> None:
    assert main(["staff", "add", "Sam@Example.org", "--role", "staff",
                 "--site", "northbrook"]) == 0
    out = capsys.readouterr().out
    link = out.split("https://intake.example.org/staff/setup/")[1].split()[0]
    assert Accounts(database).setup_account(link).email == "sam@example.org"

    assert main(["staff", "add", "kim@example.org", "--role", "staff", "--site", "nowhere"]) == 2
    assert "unknown site" in capsys.readouterr().err
    assert main(["staff", "add", "sam@example.org", "--site", "northbrook"]) == 2
    assert "already an account" in capsys.readouterr().err

    assert main(["staff", "list"]) == 0
    assert "sam@example.org" in capsys.readouterr().out
    assert main(["staff", "disable", "sam@example.org"]) == 0
    assert Accounts(database).setup_account(link) is None
    assert main(["staff", "reset", "sam@example.org"]) == 0
    new_link = capsys.readouterr().out.split("/staff/setup/")[1].split()[0]
    assert new_link != link and Accounts(database).setup_account(new_link) is not None
    assert main(["staff", "disable", "nobody@example.org"]) == 2

    assert main(["staff", "audit"]) == 0
    printed = capsys.readouterr()
    assert "account_added" in printed.out and "account_reset" in printed.out
    assert "intact: 3 entries" in printed.err
    with database.begin() as conn:  # tampering, outside the app
        conn.execute(sa.update(staff_audit).where(staff_audit.c.id == 1).values(actor="x"))
    assert main(["staff", "audit"]) == 1
    assert "BROKEN at entry 1" in capsys.readouterr().err
