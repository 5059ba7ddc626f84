"""Rasa's own command line (``rasa run ...``), with two needless costs of Rasa 3.6 removed.

Measured with bench/turn_costs.py (docs/deployment.md has the figures), a turn spent much of
its time in Rasa on work that gives the same answer every time:

- **The action server's answers.** Rasa checks each against its JSON schema with
  ``jsonschema.validate``, which first checks the schema itself against JSON Schema's
  meta-schema, on every call; a turn makes three or four calls. :func:`check_schema_once`
  checks the schema once and validates each answer as before (same schema, same validator
  class; an invalid answer still goes to Rasa's own check, which raises Rasa's own error).
- **Reading a conversation back.** For every stored event, ``Event.resolve_by_type`` walks the
  whole tree of event classes to find the one with that type name; a conversation of a dozen
  messages holds about a hundred events, read at every turn. :func:`index_event_types` looks
  the name up in a table of the same classes, made once (a name not in it goes to Rasa's own
  walk, so a class defined later is still found and an unknown name still fails as before).

:func:`apply` makes both changes; it is idempotent. bot/runtime/stack.py starts each Rasa
server as ``python -m bot.runtime.rasa_server run ...``; everything else is Rasa's ``main``.
"""

from __future__ import annotations

from typing import Any

from jsonschema import validators
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

_APPLIED = "applied_by_bot_runtime"


def check_schema_once() -> None:
    """Make :class:`RemoteAction` validate answers with a validator built (and its schema
    checked) once."""
    original = RemoteAction._validate_action_result
    if getattr(original, _APPLIED, False):
        return
    schema = RemoteAction.action_response_format_spec()
    validator_class = validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
        if validator.is_valid(result):
            return True
        return original(self, result)  # invalid: Rasa's own check raises Rasa's own error

    setattr(validate_action_result, _APPLIED, True)
    RemoteAction._validate_action_result = validate_action_result


def index_event_types() -> None:
    """Make ``Event.resolve_by_type`` a table lookup."""
    original = Event.resolve_by_type
    if getattr(original, _APPLIED, False):
        return
    # Rasa's own order: the first subclass found with a name wins (hence reversed).
    table = {cls.type_name: cls for cls in reversed(all_subclasses(Event))}

    def resolve_by_type(type_name: str, default: type[Event] | None = None) -> type[Event] | None:
        if type_name in table:
            return table[type_name]
        return original(type_name, default)  # Rasa's own walk: a later class, or unknown

    setattr(resolve_by_type, _APPLIED, True)
    Event.resolve_by_type = staticmethod(resolve_by_type)


def apply() -> None:
    check_schema_once()
    index_event_types()


def main() -> None:
    from rasa.__main__ import main as rasa_main

    apply()
    rasa_main()


if __name__ == "__main__":
    main()
