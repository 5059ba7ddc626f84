"""The audit trail: append-only, each row chained by hash to the one before.

``hash = sha256(prev_hash + canonical JSON of the row's content)``; the first row's
``prev_hash`` is 64 zeros. ``prev_hash`` is unique, so two writers racing for the same place in
the chain cannot fork it: the loser retries on the new end. Editing, deleting or inserting a row
anywhere breaks every hash after it, which :func:`verify` reports.

The trail holds no personal data: who did what, to which conversation (a random id), and a
small ``detail`` of codes and counts; never message text or contact details.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from bot.records.database import staff_audit
from bot.records.intake_record import utcnow

GENESIS = "0" * 64
ATTEMPTS = 20


def canonical(row: Mapping[str, Any]) -> str:
    """The content a row's hash covers, as one canonical string."""
    at = row["at"]
    at = at.replace(tzinfo=timezone.utc) if at.tzinfo is None else at.astimezone(timezone.utc)
    return json.dumps({
        "at": at.isoformat(timespec="microseconds"), "actor": row["actor"],
        "action": row["action"], "conversation_id": row["conversation_id"],
        "site": row["site"], "detail": row["detail"],
    }, sort_keys=True, separators=(",", ":"), ensure_ascii=True)


def chain_hash(prev_hash: str, row: Mapping[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical(row)).encode()).hexdigest()


@dataclass(frozen=True)
class Verification:
    rows: int
    first_broken: int | None  # the id of the first row whose hash does not hold

    @property
    def intact(self) -> bool:
        return self.first_broken is None


class AuditLog:
    def __init__(self, engine: Engine, clock: Callable[[], datetime] = utcnow) -> None:
        self.engine = engine
        self.clock = clock

    def write(self, actor: str, action: str, conversation_id: str | None = None,
              site: str | None = None, conn: Connection | None = None,
              **detail: Any) -> None:
        """Append one row. Given ``conn``, it is written in the caller's transaction, so the
        change and its audit row stand or fall together."""
        if conn is not None:
            self._append(conn, actor, action, conversation_id, site, detail)
            return
        for attempt in range(ATTEMPTS):
            try:
                with self.engine.begin() as own:
                    self._append(own, actor, action, conversation_id, site, detail)
                return
            except IntegrityError:  # another writer took this place in the chain
                if attempt == ATTEMPTS - 1:
                    raise

    def _append(self, conn: Connection, actor: str, action: str, conversation_id: str | None,
                site: str | None, detail: Mapping[str, Any]) -> None:
        last = conn.execute(sa.select(staff_audit.c.hash).order_by(
            staff_audit.c.id.desc()).limit(1)).scalar()
        row = {"at": self.clock(), "actor": actor, "action": action,
               "conversation_id": conversation_id, "site": site,
               "detail": json.dumps(dict(detail), sort_keys=True, separators=(",", ":"),
                                    default=str)}
        prev = last or GENESIS
        conn.execute(sa.insert(staff_audit).values(**row, prev_hash=prev,
                                                   hash=chain_hash(prev, row)))

    def rows(self, limit: int | None = None, offset: int = 0,
             newest_first: bool = False) -> Iterator[dict[str, Any]]:
        order = staff_audit.c.id.desc() if newest_first else staff_audit.c.id
        query = sa.select(staff_audit).order_by(order).offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self.engine.connect() as conn:
            for row in conn.execute(query).mappings():
                yield dict(row)

    def count(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(staff_audit))
                       .scalar() or 0)

    def verify(self) -> Verification:
        """Walk the chain from the start and report the first row that does not hold."""
        prev, count = GENESIS, 0
        for row in self.rows():
            count += 1
            if row["prev_hash"] != prev or chain_hash(prev, row) != row["hash"]:
                return Verification(count, row["id"])
            prev = row["hash"]
        return Verification(count, None)
