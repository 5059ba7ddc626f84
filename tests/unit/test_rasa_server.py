"""bot/runtime/rasa_server.py: Rasa's server with two costs removed, and the same answers."""

from __future__ import annotations

import pytest
from jsonschema import ValidationError
from rasa.core.actions.action import RemoteAction
from rasa.shared.core.events import Event
from rasa.shared.utils.common import all_subclasses

from bot.runtime import rasa_server

ACTION = RemoteAction("action_validate_slot_mappings", None)


@pytest.fixture(scope="module", autouse=True)
def applied() -> None:
    rasa_server.apply()
    rasa_server.apply()  # twice changes nothing more


def test_a_valid_answer_of_the_action_server_passes() -> None:
    answer = {"events": [{"event": "slot", "name": "consent", "value": "yes"}],
              "responses": [{"text": "Thank you."}]}
    assert ACTION._validate_action_result(answer) is True


@pytest.mark.parametrize("answer", [
    {"events": [{"name": "consent"}]},  # an event with no type
    {"events": "slot"},
    {"responses": [1]},
], ids=["event without a type", "events not a list", "response not an object"])
def test_an_invalid_answer_raises_rasas_own_error(answer: dict) -> None:
    with pytest.raises(ValidationError, match="Failed to validate Action server response"):
        ACTION._validate_action_result(answer)


def test_every_event_type_resolves_to_the_class_rasa_would_find() -> None:
    for cls in all_subclasses(Event):
        found = next(c for c in all_subclasses(Event) if c.type_name == cls.type_name)
        assert Event.resolve_by_type(cls.type_name) is found


def test_an_unknown_event_type_fails_as_in_rasa() -> None:
    with pytest.raises(ValueError, match="Unknown event name 'no-such-event'"):
        Event.resolve_by_type("no-such-event")
    assert Event.resolve_by_type("topic") is None  # Rasa's old name, kept by Rasa
    assert Event.resolve_by_type("no-such-event", default=Event) is Event


def test_the_schema_itself_is_not_checked_again_for_each_answer(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from jsonschema import validators

    schema_class = validators.validator_for(RemoteAction.action_response_format_spec())

    def checked_again(*_args: object) -> None:
        raise AssertionError("the schema was checked again")

    monkeypatch.setattr(schema_class, "check_schema", classmethod(checked_again))
    for _ in range(3):
        assert ACTION._validate_action_result({"events": [], "responses": []}) is True


def test_event_types_are_looked_up_in_a_table(monkeypatch: pytest.MonkeyPatch) -> None:
    Event.resolve_by_type("slot")  # the table is built

    def walked(*_args: object) -> None:
        raise AssertionError("the event classes were walked again")

    monkeypatch.setattr(rasa_server, "all_subclasses", walked)
    assert Event.resolve_by_type("user").type_name == "user"
