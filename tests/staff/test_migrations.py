"""Alembic: a database made by the release before migrations is recognised and upgraded without
losing a record; Rasa's own table is left alone."""

from __future__ import annotations

import json

import sqlalchemy as sa

from bot.records.database import make_engine
from bot.records.intake_record import IntakeRepository
from bot.records.keys import is_sealed
from bot.records.schema import BASELINE, current_revision, head_revision

#: The previous release's tables, as its ``create_all`` made them (copied from 0001_baseline).
OLD_DDL = """
CREATE TABLE intake_records (
    conversation_id VARCHAR(255) NOT NULL PRIMARY KEY, schema_version INTEGER NOT NULL,
    site VARCHAR(64) NOT NULL, started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_activity_at TIMESTAMP WITH TIME ZONE NOT NULL, consent VARCHAR(16) NOT NULL,
    explained BOOLEAN NOT NULL, referral_source VARCHAR(32), perinatal_stage VARCHAR(16),
    format_preference VARCHAR(16), mode_preferences JSON NOT NULL, time_preferences JSON NOT NULL,
    concerns JSON NOT NULL, motivators JSON NOT NULL, take_up_intent VARCHAR(8),
    decline_reason VARCHAR(32), contact_requested BOOLEAN NOT NULL, preferred_contact VARCHAR(8),
    risk_flag BOOLEAN NOT NULL, completed BOOLEAN NOT NULL, outcome VARCHAR(16) NOT NULL);
CREATE INDEX ix_intake_records_site ON intake_records (site);
CREATE INDEX ix_intake_records_started_at ON intake_records (started_at);
CREATE TABLE contact_details (
    conversation_id VARCHAR(255) NOT NULL PRIMARY KEY, method VARCHAR(8) NOT NULL,
    value VARCHAR(320) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL);
CREATE TABLE risk_events (
    id {serial}, conversation_id VARCHAR(255) NOT NULL, site VARCHAR(64) NOT NULL,
    category VARCHAR(32) NOT NULL, layer VARCHAR(16) NOT NULL, message TEXT NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL, reviewed BOOLEAN NOT NULL);
CREATE INDEX ix_risk_events_conversation_id ON risk_events (conversation_id);
CREATE INDEX ix_risk_events_created_at ON risk_events (created_at);
CREATE TABLE alert_outbox (
    id {serial}, alert_id VARCHAR(36) NOT NULL, risk_event_id INTEGER,
    conversation_id VARCHAR(255) NOT NULL, site VARCHAR(64) NOT NULL,
    category VARCHAR(32) NOT NULL, layer VARCHAR(16) NOT NULL,
    risk_at TIMESTAMP WITH TIME ZONE NOT NULL, channel VARCHAR(16) NOT NULL,
    attempts INTEGER NOT NULL, last_error VARCHAR(300),
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL, lease_until TIMESTAMP WITH TIME ZONE,
    sent_at TIMESTAMP WITH TIME ZONE);
CREATE TABLE deletion_requests (
    conversation_id VARCHAR(255) NOT NULL PRIMARY KEY,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL, transcript_purged_at TIMESTAMP WITH TIME ZONE);
CREATE TABLE events (
    id {serial}, sender_id VARCHAR(255) NOT NULL, type_name VARCHAR(255) NOT NULL,
    timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT);
"""

INSERTS = """
INSERT INTO intake_records VALUES ('old-1', 1, 'northbrook', '2026-11-01 10:00:00+00:00',
    '2026-11-01 10:20:00+00:00', 'given', TRUE, 'self', 'postnatal', 'group',
    '["phone"]', '["morning"]', '["fear_of_judgement"]', '[]', 'yes', NULL, TRUE, 'phone',
    TRUE, TRUE, 'pending');
INSERT INTO contact_details VALUES ('old-1', 'phone', '+447700900123', '2026-11-01 10:19:00+00:00');
INSERT INTO risk_events (conversation_id, site, category, layer, message, created_at, reviewed)
    VALUES ('old-1', 'northbrook', 'suicide', 'pattern', 'words', '2026-11-01 10:05:00+00:00',
            FALSE);
INSERT INTO events (sender_id, type_name, timestamp, data)
    VALUES ('old-1', 'user', 1.0, '{"text": "hello"}');
"""


def _build_old_database(url: str) -> None:
    engine = sa.create_engine(url, future=True)
    serial = ("SERIAL PRIMARY KEY" if engine.dialect.name == "postgresql"
              else "INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT")
    with engine.begin() as conn:
        for statement in (OLD_DDL.format(serial=serial) + INSERTS).split(";"):
            if statement.strip():
                conn.exec_driver_sql(statement)
    engine.dispose()


def test_an_old_database_is_stamped_and_upgraded_without_losing_a_record(db_url: str) -> None:
    _build_old_database(db_url)
    engine = make_engine(db_url)  # what make_run and every process do at start
    assert current_revision(engine) == head_revision() != BASELINE
    repo = IntakeRepository(engine)
    record = repo.get("old-1")
    assert record is not None
    assert record["concerns"] == ["fear_of_judgement"] and record["completed"] is True
    assert record["outcome"] == "pending" and record["outcome_at"] is None
    assert record["risk_acknowledged"] is False and record["callback_done"] is False
    assert repo.contact("old-1") == ("phone", "+447700900123")
    with engine.connect() as conn:
        stored = conn.execute(sa.text("SELECT value FROM contact_details")).scalar()
        assert "447700900123" not in stored and is_sealed(stored)  # encrypted at rest now
        assert conn.execute(sa.text("SELECT count(*) FROM risk_events")).scalar() == 1
        # Rasa's table is untouched
        [data] = conn.execute(sa.text("SELECT data FROM events")).scalars()
        assert json.loads(data) == {"text": "hello"}
        columns = {c["name"] for c in sa.inspect(conn).get_columns("events")}
    assert columns == {"id", "sender_id", "type_name", "timestamp", "intent_name",
                       "action_name", "data"}
    engine.dispose()


def test_a_database_with_the_v2_columns_from_create_all_is_upgraded(db_url: str) -> None:
    """The release that added the v2 columns made them with create_all, before migrations."""
    _build_old_database(db_url)
    engine = sa.create_engine(db_url, future=True)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE intake_records ADD COLUMN outcome_at DATE")
        conn.exec_driver_sql(
            "ALTER TABLE intake_records ADD COLUMN callback_done BOOLEAN NOT NULL DEFAULT FALSE")
    engine.dispose()
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision()
    assert IntakeRepository(engine).get("old-1")["callback_done"] is False
    engine.dispose()


def test_a_new_database_is_created_at_the_newest_revision_and_upgrading_again_is_harmless(
        db_url: str) -> None:
    make_engine(db_url).dispose()
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision()
    tables = set(sa.inspect(engine).get_table_names())
    assert {"intake_records", "staff_users", "staff_audit", "alembic_version"} <= tables
    assert "events" not in tables  # Rasa makes its own
    engine.dispose()


def test_the_migrated_tables_match_the_table_definitions(db_url: str) -> None:
    """What the migrations build is what bot/records/database.py describes (no drift)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from bot.records.database import metadata
    from bot.records.schema import include_object

    engine = make_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={
            "compare_type": True, "include_object": include_object})
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_risk_events_gain_the_layer_columns_and_keep_their_rows(db_url: str) -> None:
    """0004: which layer fired (rule, classifier score, check-in answer); old events keep
    their layer and have none of the new details; new ones store them."""
    from bot.records.risk_events import RiskRepository, describe_layer, insert_risk_event

    _build_old_database(db_url)
    engine = make_engine(db_url)
    columns = {c["name"] for c in sa.inspect(engine).get_columns("risk_events")}
    assert {"rule", "score", "check_in"} <= columns
    [old] = RiskRepository(engine).events()
    assert (old["layer"], old["rule"], old["score"], old["check_in"]) == (
        "pattern", None, None, None)
    with engine.begin() as conn:
        insert_risk_event(conn, "new-1", "northbrook", "harm_baby", "check_in", "words",
                          score=0.61, check_in="not_sure")
        insert_risk_event(conn, "new-2", "northbrook", "suicide", "pattern", "words",
                          rule="suicide.want_to_die", score=0.97)
    _, asked, ruled = RiskRepository(engine).events()
    assert (asked["layer"], asked["score"], asked["check_in"]) == ("check_in", 0.61, "not_sure")
    assert describe_layer(asked) == "check-in: not sure (classifier score 0.61)"
    assert describe_layer(ruled) == "pattern (suicide.want_to_die)"
    assert describe_layer(old) == "pattern"
    engine.dispose()


def test_the_layer_columns_can_be_taken_out_again(db_url: str) -> None:
    from alembic import command

    from bot.records.schema import alembic_config

    engine = make_engine(db_url)
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    columns = {c["name"] for c in sa.inspect(engine).get_columns("risk_events")}
    assert not {"rule", "score", "check_in"} & columns
    engine.dispose()


QUESTION_COLUMNS = {"dropped_at", "questions_skipped", "questions_not_understood"}


def test_records_gain_the_question_columns_and_keep_their_rows(db_url: str) -> None:
    """0005: an old record reads as 'not recorded' (null, empty lists); new ones store them."""
    from bot import codebook
    from bot.records.intake_record import record_fields

    _build_old_database(db_url)
    engine = make_engine(db_url)
    columns = {c["name"] for c in sa.inspect(engine).get_columns("intake_records")}
    assert columns >= QUESTION_COLUMNS
    repo = IntakeRepository(engine)
    old = repo.get("old-1")
    assert old["dropped_at"] is None
    assert old["questions_skipped"] == [] and old["questions_not_understood"] == []
    assert old["concerns"] == ["fear_of_judgement"]  # the rest of the row is untouched
    repo.upsert("new-1", record_fields({
        "consent": "given", "completed": False, "stage": "contact_requested",
        "perinatal_stage": codebook.SKIPPED, "mode_preferences": [codebook.NOT_UNDERSTOOD],
    }, "northbrook"))
    new = repo.get("new-1")
    assert new["dropped_at"] == "contact_requested"
    assert new["questions_skipped"] == ["perinatal_stage"]
    assert new["questions_not_understood"] == ["mode_preferences"]
    engine.dispose()


LANGUAGE_COLUMNS = {"language", "callback_language"}


def test_the_language_columns_can_be_taken_out_and_put_back(db_url: str) -> None:
    """0006: records keep their rows; one made before reads as 'not recorded' (null)."""
    from alembic import command

    from bot.records.intake_record import record_fields
    from bot.records.schema import alembic_config

    engine = make_engine(db_url)
    IntakeRepository(engine).upsert("c1", {"site": "northbrook", "consent": "given",
                                           "language": "pl"})
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0005")
    columns = {c["name"] for c in sa.inspect(engine).get_columns("intake_records")}
    assert not LANGUAGE_COLUMNS & columns and "dropped_at" in columns
    engine.dispose()
    engine = make_engine(db_url)
    assert current_revision(engine) == head_revision() == "0006"
    repo = IntakeRepository(engine)
    record = repo.get("c1")
    assert record["site"] == "northbrook" and record["language"] is None
    repo.upsert("c2", record_fields({"consent": "given", "contact_requested": True}, "eastvale",
                                    "ur"))
    assert (repo.get("c2")["language"], repo.get("c2")["callback_language"]) == ("ur", "ur")
    engine.dispose()


def test_the_question_columns_can_be_taken_out_and_put_back(db_url: str) -> None:
    from alembic import command

    from bot.records.schema import alembic_config

    engine = make_engine(db_url)
    IntakeRepository(engine).upsert("c1", {"site": "northbrook", "consent": "given",
                                           "dropped_at": "consent",
                                           "questions_skipped": ["referral_source"]})
    config = alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0004")
    columns = {c["name"] for c in sa.inspect(engine).get_columns("intake_records")}
    assert not QUESTION_COLUMNS & columns and "risk_acknowledged" in columns
    assert current_revision(engine) == "0004"
    with engine.connect() as conn:  # the record itself survives the downgrade
        assert conn.execute(sa.text("SELECT site FROM intake_records")).scalar() == "northbrook"
    engine.dispose()
    engine = make_engine(db_url)  # and the next start upgrades it again
    assert current_revision(engine) == head_revision() == "0006"
    record = IntakeRepository(engine).get("c1")
    assert record["dropped_at"] is None and record["questions_skipped"] == []
    engine.dispose()
