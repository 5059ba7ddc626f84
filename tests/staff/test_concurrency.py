"""Races that only real concurrency shows: two alert sweepers claiming the outbox at once, and
two messages of one new conversation stored at once. Each runs on SQLite and on PostgreSQL,
where transactions really interleave; the workers are separate processes with their own
connections, as two action servers or two sweepers are."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from datetime import timedelta

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import Engine

from bot.alerts.staff_alerts import Alert, AlertOutbox
from bot.records.database import alert_outbox, intake_records, make_engine
from bot.records.intake_record import IntakeRepository, utcnow

ROWS = 60
WORKERS = 4
#: fork keeps each worker's start cheap; every worker makes its own engine and connections.
CONTEXT = multiprocessing.get_context("fork")


def _claim_all(url: str, start: multiprocessing.synchronize.Barrier,
               results: multiprocessing.Queue) -> None:
    """Claim until no row is left free. A claim that loses every row to another sweeper comes
    back empty while rows remain, so an empty claim alone does not mean the outbox is done."""
    engine = make_engine(url)
    outbox = AlertOutbox(engine)
    free = sa.select(sa.func.count()).select_from(alert_outbox).where(
        alert_outbox.c.lease_until < utcnow())
    claimed: list[int] = []
    try:
        outbox.rows()  # connected and ready before the race starts
        start.wait()
        while True:
            batch = outbox.claim(force=True, limit=2)
            claimed.extend(row_id for row_id, _, _ in batch)
            if not batch:
                with engine.connect() as conn:
                    if not conn.execute(free).scalar_one():
                        break
        results.put(claimed)
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(f"{type(exc).__name__}: {exc}")
    engine.dispose()


def _store_answer(url: str, field: str, value: str,
                  start: multiprocessing.synchronize.Barrier,
                  results: multiprocessing.Queue) -> None:
    engine = make_engine(url)
    try:
        with engine.connect():  # connected and ready before the race starts
            pass
        start.wait()
        IntakeRepository(engine).upsert("same-conversation", {"site": "northbrook",
                                                              "consent": "given", field: value})
        results.put("ok")
    except Exception as exc:  # noqa: BLE001 - reported to the test, which fails on it
        results.put(f"{type(exc).__name__}: {exc}")
    engine.dispose()


def _run(target, args_per_worker: list[tuple]) -> list:
    start = CONTEXT.Barrier(len(args_per_worker), timeout=60)
    results = CONTEXT.Queue()
    workers = [CONTEXT.Process(target=target, args=(*args, start, results))
               for args in args_per_worker]
    for worker in workers:
        worker.start()
    gathered = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    return gathered


def test_sweepers_claiming_at_once_take_each_alert_exactly_once(engine: Engine) -> None:
    now = utcnow()
    with engine.begin() as conn:
        for n in range(ROWS):
            AlertOutbox.enqueue(conn, Alert(conversation_id=f"c{n}", site="northbrook",
                                            category="suicide", layer="pattern",
                                            created_at=now), ["webhook"])
    with engine.begin() as conn:  # released, as after a crash: free for any sweeper
        conn.execute(sa.text("UPDATE alert_outbox SET lease_until = :past"),
                     {"past": now - timedelta(minutes=1)})
    url = engine.url.render_as_string(hide_password=False)

    claims = _run(_claim_all, [(url,)] * WORKERS)
    assert all(isinstance(claimed, list) for claimed in claims), claims

    counts = Counter(row_id for claimed in claims for row_id in claimed)
    assert len(counts) == ROWS, "every alert was claimed by some sweeper"
    assert set(counts.values()) == {1}, "no alert was claimed twice"
    assert sum(1 for claimed in claims if claimed) >= 2, "the sweepers really overlapped"


@pytest.mark.parametrize("attempt", range(3))
def test_two_messages_of_a_new_conversation_at_once_make_one_record(engine: Engine,
                                                                    attempt: int) -> None:
    url = engine.url.render_as_string(hide_password=False)

    outcomes = _run(_store_answer, [(url, "format_preference", "group"),
                                    (url, "referral_source", "midwife")])

    assert outcomes == ["ok", "ok"]
    with engine.connect() as conn:
        rows = conn.execute(sa.select(intake_records).where(
            intake_records.c.conversation_id == "same-conversation")).mappings().all()
    assert len(rows) == 1
    assert rows[0]["format_preference"] == "group"  # neither answer was lost
    assert rows[0]["referral_source"] == "midwife"
