"""Alert floods: one staff alert per conversation per category within ALERT_REPEAT_WINDOW, with
a count of the risk messages that followed; every risk event still stored; a conversation's
first alert never held back; two conversations never merged. On SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import timedelta

import pytest
import sqlalchemy as sa

from bot.alerts import staff_alerts as alerts
from bot.alerts.staff_alerts import Alert, AlertConfig, AlertConfigError, AlertOutbox
from bot.records.database import risk_events
from bot.records.intake_record import utcnow

CHANNELS = ("email", "webhook")
WINDOW = timedelta(hours=1)


def risk(engine: sa.engine.Engine, conversation: str, category: str = "suicide",
         ago: timedelta = timedelta(0), window: timedelta = WINDOW) -> dict[str, int]:
    alert = Alert(conversation_id=conversation, site="northbrook", category=category,
                  layer="pattern", created_at=utcnow() - ago)
    _, rows = alerts.record_risk(engine, alert, "her words", CHANNELS, window)
    return rows


def outbox(engine: sa.engine.Engine) -> list[dict]:
    return AlertOutbox(engine).rows(unsent_only=False)


def stored_events(engine: sa.engine.Engine, conversation: str) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(risk_events).where(
            risk_events.c.conversation_id == conversation)).scalar_one()


def test_a_flood_in_one_conversation_is_one_alert_with_a_count(engine) -> None:
    assert set(risk(engine, "a")) == set(CHANNELS)  # the first is alerted at once
    for _ in range(9):
        assert risk(engine, "a") == {}  # the rest: nothing new to send
    rows = outbox(engine)
    assert [r["channel"] for r in rows] == list(CHANNELS)  # one alert, on each channel
    assert all(r["repeats"] == 9 and r["last_repeat_at"] is not None for r in rows)
    assert stored_events(engine, "a") == 10  # every risk message kept for staff


def test_another_conversation_always_gets_its_own_first_alert(engine) -> None:
    """Many conversations (from one address, say) are never merged: each is alerted once."""
    for _ in range(3):
        for conversation in ("a", "b", "c"):
            risk(engine, conversation)
    firsts = {r["conversation_id"]: r["repeats"] for r in outbox(engine)
              if r["channel"] == "webhook"}
    assert firsts == {"a": 2, "b": 2, "c": 2}


def test_another_category_is_its_own_alert(engine) -> None:
    assert risk(engine, "a", "suicide")
    assert risk(engine, "a", "harm_baby")
    assert risk(engine, "a", "suicide") == {}
    rows = [r for r in outbox(engine) if r["channel"] == "email"]
    assert [(r["category"], r["repeats"]) for r in rows] == [("suicide", 1), ("harm_baby", 0)]


def test_after_the_window_staff_are_alerted_again(engine) -> None:
    assert risk(engine, "a", ago=timedelta(hours=2))
    assert risk(engine, "a")  # two hours later: a new alert
    assert risk(engine, "a") == {}
    counts = [r["repeats"] for r in outbox(engine) if r["channel"] == "email"]
    assert counts == [0, 1]


def test_a_window_of_zero_alerts_every_message(engine) -> None:
    for _ in range(3):
        assert risk(engine, "a", window=timedelta(0))
    assert len(outbox(engine)) == 3 * len(CHANNELS)


def test_an_alert_still_waiting_goes_out_with_its_count(engine) -> None:
    risk(engine, "a")
    risk(engine, "a")
    risk(engine, "a")
    with engine.begin() as conn:  # as if the first attempt had failed and released the rows
        conn.execute(sa.update(alerts.alert_outbox).values(lease_until=None))
    claimed = AlertOutbox(engine).claim(force=True)
    assert {alert.repeats for _, _, alert in claimed} == {2}
    alert = claimed[0][2]
    assert alert.payload()["repeats"] == 2
    assert "2 more message(s) of this kind" in alert.summary()
    assert "her words" not in alert.summary()


def test_the_window_is_a_setting() -> None:
    assert AlertConfig.from_env({}).repeat_window == timedelta(hours=1)
    assert AlertConfig.from_env({"ALERT_REPEAT_WINDOW": "600"}).repeat_window == timedelta(
        minutes=10)
    assert AlertConfig.from_env({"ALERT_REPEAT_WINDOW": "0"}).repeat_window == timedelta(0)
    for wrong in ("an hour", "-5"):
        with pytest.raises(AlertConfigError, match="ALERT_REPEAT_WINDOW"):
            AlertConfig.from_env({"ALERT_REPEAT_WINDOW": wrong})
