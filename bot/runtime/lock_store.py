"""Rasa's Redis lock store, made safe for several Rasa processes at once.

Rasa keeps each conversation's turns in order with a ticket lock: a message takes the next
ticket and waits until that ticket is served. Rasa's ``RedisLockStore`` reads the lock, changes
it and writes it back as three separate commands, so two processes taking a ticket for the same
conversation at the same moment could both read "no tickets", both take ticket 0, and both
answer at once: one of the two messages was lost from her conversation
(tests/integration/test_production_profile.py found it). Here each of those read-change-write
steps is one Redis transaction (WATCH, then MULTI/EXEC, again if another process wrote the lock
in between), so the ticket numbers are unique however many processes there are.

Named in the endpoints Rasa is started with when ``REDIS_URL`` is set
(bot.runtime.stack.endpoints_config).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from rasa.core.lock import TicketLock
from rasa.core.lock_store import LOCK_LIFETIME, LockError, RedisLockStore
from rasa.utils.endpoints import EndpointConfig
from redis.client import Pipeline
from redis.exceptions import WatchError

#: What a change may ask for instead of a lock to save: delete the lock.
DELETE = object()


class AtomicRedisLockStore(RedisLockStore):
    """:class:`RedisLockStore` whose every change of a lock is atomic in Redis."""

    def __init__(self, endpoint_config: EndpointConfig) -> None:
        super().__init__(host=endpoint_config.url, **endpoint_config.kwargs)

    def _change(self, conversation_id: str,
                change: Callable[[TicketLock | None], Any]) -> Any:
        """Apply ``change`` to the stored lock (None if there is none) in one transaction.

        ``change`` edits the lock it is given and returns ``(lock_to_save_or_DELETE_or_None,
        result)``; it may run more than once, if another process changed the lock meanwhile."""
        key = self.key_prefix + conversation_id
        pipe: Pipeline
        with self.red.pipeline() as pipe:
            while True:
                try:
                    pipe.watch(key)
                    stored = pipe.get(key)
                    lock = TicketLock.from_dict(json.loads(stored)) if stored else None
                    outcome, result = change(lock)
                    pipe.multi()
                    if outcome is DELETE:
                        pipe.delete(key)
                    elif outcome is not None:
                        pipe.set(key, outcome.dumps())
                    pipe.execute()
                    return result
                except WatchError:
                    continue

    def issue_ticket(self, conversation_id: str, lock_lifetime: float = LOCK_LIFETIME) -> int:
        def take(lock: TicketLock | None) -> tuple[TicketLock, int]:
            lock = lock or self.create_lock(conversation_id)
            return lock, lock.issue_ticket(lock_lifetime)

        try:
            return self._change(conversation_id, take)
        except Exception as exc:  # noqa: BLE001 - Rasa's own contract: a LockError
            raise LockError(f"Error while acquiring lock. Error:\n{exc}") from exc

    def update_lock(self, conversation_id: str) -> None:
        def without_expired(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_expired_tickets()
            return lock, None

        self._change(conversation_id, without_expired)

    def finish_serving(self, conversation_id: str, ticket_number: int) -> None:
        def served(lock: TicketLock | None) -> tuple[TicketLock | None, None]:
            if lock is not None:
                lock.remove_ticket_for(ticket_number)
            return lock, None

        self._change(conversation_id, served)

    def cleanup(self, conversation_id: str, ticket_number: int) -> None:
        """Remove this ticket, and the lock itself if no one is waiting: one step, so a ticket
        another process takes meanwhile is never deleted with it."""
        def served(lock: TicketLock | None) -> tuple[Any, None]:
            if lock is None:
                return None, None
            lock.remove_ticket_for(ticket_number)
            return (lock if lock.is_someone_waiting() else DELETE), None

        self._change(conversation_id, served)
