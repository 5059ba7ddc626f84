"""Rasa's SQL tracker store, made to survive a database that goes away for a while.

Rasa's own store keeps pooled connections without checking them, and Rasa wraps every tracker
store so that a failed read returns "no such conversation". After a database restart or a dropped
network, the first read on a dead pooled connection therefore failed, and the mother who was
half-way through was greeted as a stranger. Checking a connection before use (SQLAlchemy's
``pool_pre_ping``) replaces dead ones transparently. Named in the endpoints Rasa is started
with (bot.runtime.stack.endpoints_config).
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from rasa.core.tracker_store import SQLTrackerStore, create_engine_kwargs


class ResilientSQLTrackerStore(SQLTrackerStore):
    """:class:`SQLTrackerStore` whose pooled connections are checked before each use."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        url = self.engine.url
        self.engine.dispose()
        self.engine = sa.create_engine(url, pool_pre_ping=True, **create_engine_kwargs(url))
        self.sessionmaker = sa.orm.session.sessionmaker(bind=self.engine)
