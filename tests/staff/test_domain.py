"""The staff workspace's domain, on SQLite and on PostgreSQL: accounts and TOTP, the audit
chain, queues, notes, outcomes and erasure, through the real repositories."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta

import pyotp
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.records.database import erasure_requests, staff_audit, staff_notes
from bot.records.export import write_records
from bot.records.intake_record import IntakeRepository, utcnow
from bot.records.transcripts import events_table
from bot.staff import conversations, erasure, queues
from bot.staff.accounts import AccountError, Accounts
from bot.staff.audit import GENESIS, AuditLog
from bot.staff.notes import notes
from tests.staff.helpers import PASSWORD, make_conversation, make_user

# ------------------------------------------------------------------------------- accounts


def test_an_account_is_set_up_once_and_signs_in_with_password_and_code(engine: Engine) -> None:
    accounts = Accounts(engine)
    token = accounts.add("Sam@Example.org", "staff", ["northbrook"])
    assert accounts.setup_account(token).email == "sam@example.org"
    secret = pyotp.random_base32()
    with pytest.raises(AccountError, match="12 characters"):
        accounts.complete_setup(token, "short", secret, pyotp.TOTP(secret).now())
    with pytest.raises(AccountError, match="code did not match"):
        accounts.complete_setup(token, PASSWORD, secret, "000000")
    past = utcnow() - timedelta(seconds=60)
    codes = Accounts(engine, clock=lambda: past).complete_setup(
        token, PASSWORD, secret, pyotp.TOTP(secret).at(past))
    assert len(codes) == 10 and len(set(codes)) == 10
    assert accounts.setup_account(token) is None  # the link works once
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT password_hash, totp_secret, recovery_codes "
                                      "FROM staff_users")).one()
    assert stored.password_hash.startswith("$argon2id$") and secret not in stored.totp_secret
    assert codes[0] not in json.dumps(stored.recovery_codes)

    code = pyotp.TOTP(secret).now()
    assert accounts.authenticate("sam@example.org", "wrong password!!", code) is None
    user = accounts.authenticate("SAM@example.org", PASSWORD, code)
    assert user is not None and user.sites == ("northbrook",) and user.can_see("northbrook")
    assert not user.can_see("eastvale")
    assert accounts.authenticate("sam@example.org", PASSWORD, code) is None  # no replay
    assert accounts.authenticate("sam@example.org", PASSWORD, codes[3]) == user
    assert accounts.authenticate("sam@example.org", PASSWORD, codes[3]) is None  # used up
    assert accounts.authenticate("nobody@example.org", PASSWORD, code) is None


def test_disable_and_reset(engine: Engine) -> None:
    accounts = Accounts(engine)
    user, secret = make_user(engine, "lee@example.org", "lead", ["eastvale"])
    accounts.disable("lee@example.org")
    assert accounts.get(user.id) is None  # an open session ends at its next request
    assert accounts.authenticate("lee@example.org", PASSWORD, pyotp.TOTP(secret).now()) is None
    token = accounts.reset("lee@example.org")
    assert accounts.setup_account(token).email == "lee@example.org"
    assert accounts.get(user.id) is None  # until set up again
    assert [row["state"] for row in accounts.list()] == ["waiting for setup"]


@pytest.mark.parametrize("role, sites, error", [
    ("staff", [], "at least one --site"),
    ("lead", ["northbrook", "eastvale"], "one site"),
    ("boss", ["northbrook"], "role must be"),
])
def test_accounts_that_cannot_be_made(engine: Engine, role: str, sites: list[str],
                                      error: str) -> None:
    with pytest.raises(AccountError, match=error):
        Accounts(engine).add("a@example.org", role, sites)


def test_an_expired_setup_link_is_refused(engine: Engine) -> None:
    token = Accounts(engine).add("late@example.org", "staff", ["northbrook"])
    later = Accounts(engine, clock=lambda: utcnow() + timedelta(hours=73))
    assert later.setup_account(token) is None


def test_an_admin_sees_every_site(engine: Engine) -> None:
    admin, _ = make_user(engine, "admin@example.org", "admin", [])
    assert admin.sites is None and admin.can_see("anywhere")


# ---------------------------------------------------------------------------------- audit


def test_the_audit_chain_holds_and_shows_tampering(engine: Engine) -> None:
    log = AuditLog(engine)
    for action in ("sign_in", "transcript_viewed", "note_added", "sign_out"):
        log.write("sam@example.org", action, "conv-1", "northbrook", count=1)
    rows = list(log.rows())
    assert rows[0]["prev_hash"] == GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(rows, rows[1:], strict=False))
    assert log.verify().intact and log.verify().rows == 4

    with engine.begin() as conn:  # someone edits a row behind the app's back
        conn.execute(sa.update(staff_audit).where(staff_audit.c.id == rows[1]["id"])
                     .values(actor="someone.else@example.org"))
    assert log.verify().first_broken == rows[1]["id"]
    with engine.begin() as conn:
        conn.execute(sa.update(staff_audit).where(staff_audit.c.id == rows[1]["id"])
                     .values(actor="sam@example.org"))
    assert log.verify().intact

    with engine.begin() as conn:  # ... or removes one
        conn.execute(sa.delete(staff_audit).where(staff_audit.c.id == rows[2]["id"]))
    assert log.verify().first_broken == rows[3]["id"]


def test_the_chain_cannot_fork(engine: Engine) -> None:
    """Two rows claiming the same predecessor are refused by the database itself."""
    AuditLog(engine).write("a@example.org", "sign_in")
    [row] = AuditLog(engine).rows()
    with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
        conn.execute(sa.insert(staff_audit).values(
            at=utcnow(), actor="b@example.org", action="sign_in", detail="{}",
            prev_hash=row["prev_hash"], hash="f" * 64))


# ---------------------------------------------------------------------- queues and records


def test_acknowledging_a_risk_keeps_the_record_consistent(engine: Engine) -> None:
    user, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    other = make_conversation(engine, site="eastvale")
    queue = queues.risk_queue(engine, user.sites)
    assert [item["conversation_id"] for item in queue] == [cid]  # only her own site's
    assert {i["conversation_id"] for i in queues.risk_queue(engine, None)} == {cid, other}
    event = queues.risk_event(engine, queue[0]["id"])
    with pytest.raises(queues.QueueError):
        queues.acknowledge(engine, user, event, "   ")
    queues.acknowledge(engine, user, event, "Rang her at 10:05; she is safe, GP informed.")
    assert queues.risk_queue(engine, user.sites) == []
    assert IntakeRepository(engine).get(cid)["risk_acknowledged"] is True
    with pytest.raises(queues.QueueError, match="already"):
        queues.acknowledge(engine, user, event, "again")
    [note] = notes(engine, cid)
    assert note["kind"] == "risk" and "GP informed" in note["text"]
    assert [r["action"] for r in AuditLog(engine).rows()] == ["risk_acknowledged"]


def test_the_gravest_risk_comes_first(engine: Engine) -> None:
    from bot.records.risk_events import RiskRepository

    cid = make_conversation(engine, risk=False)
    risks = RiskRepository(engine)
    risks.add(cid, "northbrook", "self_harm", "pattern", "x")
    risks.add(cid, "northbrook", "overdose", "both", "y")
    assert [i["category"] for i in queues.risk_queue(engine, None)] == ["overdose", "self_harm"]


def test_assigning_only_to_a_colleague_of_the_site(engine: Engine) -> None:
    sam, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    kim, _ = make_user(engine, "kim@example.org", "staff", ["northbrook"])
    eve, _ = make_user(engine, "eve@example.org", "staff", ["eastvale"])
    make_conversation(engine)
    event = queues.risk_event(engine, queues.risk_queue(engine, None)[0]["id"])
    assert [c.email for c in Accounts(engine).colleagues("northbrook")] == [
        "kim@example.org", "sam@example.org"]
    with pytest.raises(queues.QueueError):
        queues.assign(engine, sam, event, eve)
    queues.assign(engine, sam, event, kim)
    assert queues.risk_queue(engine, None)[0]["assigned_to"] == "kim@example.org"


def test_call_back_queue_and_done(engine: Engine) -> None:
    user, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    make_conversation(engine, contact=False)
    [item] = queues.callback_queue(engine, user.sites)
    assert item["conversation_id"] == cid and item["time_preferences"] == ["evening"]
    assert "+447700900123" not in json.dumps(item, default=str)  # no contact in the queue
    rec = conversations.record(engine, cid)
    assert conversations.read_contact(engine, user, rec) == ("phone", "+447700900123")
    queues.complete_callback(engine, user, cid, "northbrook", "Spoke to her; group on Tuesday.")
    assert queues.callback_queue(engine, user.sites) == []
    assert IntakeRepository(engine).get(cid)["callback_done"] is True
    assert [r["action"] for r in AuditLog(engine).rows()] == ["contact_viewed", "callback_done"]


def test_review_and_outcome_are_kept_beside_the_coding_and_exported(engine: Engine) -> None:
    user, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    rec = conversations.record(engine, cid)
    with pytest.raises(conversations.ReviewError):
        conversations.review_concerns(engine, user, rec, ["made_up"], "")
    conversations.review_concerns(engine, user, rec, ["practical_time", "fear_of_judgement"],
                                  "She said the times were the real problem.")
    with pytest.raises(conversations.ReviewError, match="reason"):
        conversations.record_outcome(engine, user, rec, "did_not_take_up", date.today(),
                                     None, "")
    conversations.record_outcome(engine, user, rec, "did_not_take_up", date(2026, 12, 1),
                                 "practical_time", "")
    stored = IntakeRepository(engine).get(cid)
    assert stored["concerns"] == ["fear_of_judgement"]  # the assistant's coding, unchanged
    assert stored["concerns_reviewed"] == ["fear_of_judgement", "practical_time"]
    assert (stored["outcome"], stored["outcome_at"], stored["outcome_reason"]) == (
        "did_not_take_up", "2026-12-01", "practical_time")
    out = io.StringIO()
    write_records(IntakeRepository(engine).records(), "jsonl", out)
    exported = json.loads(out.getvalue())
    assert exported["outcome_reason"] == "practical_time"
    assert exported["concerns_reviewed"] == ["fear_of_judgement", "practical_time"]
    assert [n["kind"] for n in notes(engine, cid)] == ["review", "outcome"]


def test_conversation_filters_and_search(engine: Engine) -> None:
    user, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    first = make_conversation(engine)
    make_conversation(engine, risk=False, contact=False)
    make_conversation(engine, site="eastvale")
    rows, total = conversations.conversations(engine, user, conversations.Filters())
    assert total == 2 and {r["site"] for r in rows} == {"northbrook"}
    assert conversations.conversations(engine, user, conversations.Filters(
        status="risk_open"))[1] == 1
    assert conversations.conversations(engine, user, conversations.Filters(
        search=first[:8]))[0][0]["conversation_id"] == first
    assert conversations.conversations(engine, user, conversations.Filters(
        concern="practical_travel"))[1] == 0
    assert conversations.conversations(engine, user, conversations.Filters(
        since=date.today() + timedelta(days=1)))[1] == 0
    assert conversations.conversations(engine, user, conversations.Filters(search="%"))[1] == 0


def test_viewing_a_transcript_is_audited(engine: Engine) -> None:
    user, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    cid = make_conversation(engine)
    events_table.create(engine, checkfirst=True)  # Rasa's table, as Rasa makes it
    with engine.begin() as conn:
        conn.execute(sa.insert(events_table).values(
            sender_id=cid, type_name="user", timestamp=utcnow().timestamp(),
            data=json.dumps({"text": "I can't cope"})))
    [message] = conversations.read_transcript(engine, user, conversations.record(engine, cid))
    assert message["text"] == "I can't cope" and message["at"] is not None
    [row] = AuditLog(engine).rows()
    assert (row["action"], row["conversation_id"], row["actor"]) == (
        "transcript_viewed", cid, "sam@example.org")
    assert "cope" not in json.dumps(row, default=str)


# -------------------------------------------------------------------------------- erasure


def test_erasure_takes_a_request_and_a_lead_of_the_site(engine: Engine) -> None:
    sam, _ = make_user(engine, "sam@example.org", "staff", ["northbrook"])
    lead, _ = make_user(engine, "lead@example.org", "lead", ["northbrook"])
    other_lead, _ = make_user(engine, "east@example.org", "lead", ["eastvale"])
    cid = make_conversation(engine)
    events_table.create(engine, checkfirst=True)
    with engine.begin() as conn:
        conn.execute(sa.insert(events_table).values(sender_id=cid, type_name="user",
                                                    data='{"text": "hello"}'))
    with pytest.raises(erasure.ErasureError):
        erasure.approve(engine, lead, cid)  # nothing asked for yet
    erasure.request_erasure(engine, lead, cid, "northbrook")
    with pytest.raises(erasure.ErasureError, match="second person"):
        erasure.approve(engine, lead, cid)
    with engine.begin() as conn:
        conn.execute(sa.delete(erasure_requests))
    erasure.request_erasure(engine, sam, cid, "northbrook")
    with pytest.raises(erasure.ErasureError, match="lead of this site"):
        erasure.approve(engine, other_lead, cid)
    with pytest.raises(erasure.ErasureError, match="lead of this site"):
        erasure.approve(engine, sam, cid)
    erasure.approve(engine, lead, cid)

    repo = IntakeRepository(engine)
    assert repo.get(cid) is None and repo.contact(cid) is None
    with engine.connect() as conn:
        assert conn.execute(sa.select(events_table).where(
            events_table.c.sender_id == cid)).first() is None
        assert conn.execute(sa.select(staff_notes)).first() is None
        assert conn.execute(sa.text("SELECT message FROM risk_events")).scalar() == "[erased]"
    actions = [r["action"] for r in AuditLog(engine).rows()]
    assert actions[-2:] == ["erasure_requested", "erasure_approved"]
    assert AuditLog(engine).verify().intact
    assert "+447700900123" not in json.dumps(list(AuditLog(engine).rows()), default=str)
