"""The action server: rasa_sdk's own server, plus the staff alert outbox sweeper.

Start it with ``python -m actions.server --actions actions --port 5055`` (rasa_sdk's own
arguments; ``make run`` does this). On start-up it retries the alerts a previous run could not
send, then sweeps the outbox every few minutes. Importing the actions does no such work: the
sweeper is attached here, explicitly, through rasa_sdk's plugin hook for Sanic extensions; the
worries coder (``bot.conversation.themes``) is trained here too, before the server listens.
"""

from __future__ import annotations

from typing import Any

import pluggy
from rasa_sdk.__main__ import main as run_action_server
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic

from bot.alerts import staff_alerts as alerts
from bot.conversation import themes
from bot.records.database import shared_engine

hookimpl = pluggy.HookimplMarker("rasa_sdk")


class OutboxSweeper:
    """A rasa_sdk plugin: starts the alert outbox sweeper once the server is up."""

    @hookimpl
    def attach_sanic_app_extensions(self, app: Sanic) -> None:
        async def start(_app: Sanic, _loop: Any) -> None:
            alerts.start_sweeper(shared_engine(), alerts.alert_config())

        app.register_listener(start, "after_server_start")


def main() -> None:
    themes.warm()  # the worries coder trains in about a second: before anyone is waiting
    plugin_manager().register(OutboxSweeper())
    run_action_server()


if __name__ == "__main__":
    main()
