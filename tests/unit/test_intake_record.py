from datetime import datetime, timedelta, timezone

import pytest

from bot import codebook
from bot.records.database import make_engine
from bot.records.intake_record import IntakeRepository, record_fields

GIVEN = {
    "consent": "given", "explained": True, "referral_source": "gp",
    "perinatal_stage": "postnatal", "format_preference": "group",
    "mode_preferences": ["video", "face_to_face", "skipped"], "time_preferences": ["skipped"],
    "concerns": ["practical_time", "fear_of_judgement", "practical_time"],
    "motivators": ["feel_less_alone"], "take_up_intent": "yes", "contact_requested": True,
    "preferred_contact": "email", "risk_flag": False, "completed": True,
}


@pytest.fixture
def repo(tmp_path) -> IntakeRepository:
    return IntakeRepository(make_engine(f"sqlite:///{tmp_path / 'test.db'}"))


def test_fields_keep_valid_codes_only() -> None:
    fields = record_fields({**GIVEN, "referral_source": "skipped", "take_up_intent": "perhaps"},
                           "northbrook")
    assert fields["referral_source"] is None
    assert fields["take_up_intent"] is None
    assert fields["mode_preferences"] == ["face_to_face", "video"]
    assert fields["time_preferences"] == []
    assert fields["concerns"] == ["practical_time", "fear_of_judgement"]


@pytest.mark.parametrize("consent", ["declined", None])
def test_without_consent_only_the_minimal_fields_are_kept(consent) -> None:
    fields = record_fields({**GIVEN, "consent": consent, "risk_flag": True}, "eastvale")
    assert fields["consent"] == (consent or "not_asked")
    assert fields["risk_flag"] is True and fields["completed"] is True
    for name, value in fields.items():
        if name not in codebook.MINIMAL_FIELDS:
            assert value in (None, [], False), name


def test_preferred_contact_only_when_contact_requested() -> None:
    assert record_fields({**GIVEN, "contact_requested": False}, "x")["preferred_contact"] is None


def test_upsert_creates_then_updates_one_record(repo: IntakeRepository) -> None:
    start = datetime(2026, 11, 1, 9, 0, tzinfo=timezone.utc)
    repo.upsert("abc", record_fields({"consent": "given"}, "northbrook"), now=start)
    repo.upsert("abc", record_fields(GIVEN, "northbrook"), now=start + timedelta(minutes=4))
    records = list(repo.records())
    assert len(records) == 1
    record = records[0]
    assert record["started_at"] == "2026-11-01T09:00:00Z"
    assert record["last_activity_at"] == "2026-11-01T09:04:00Z"
    assert record["mechanisms"] == ["practical", "psychological_safety", "reference_group"]
    assert record["outcome"] == "pending"
    assert list(record) == list(codebook.FIELDS)


def test_records_filter_by_site_and_time(repo: IntakeRepository) -> None:
    day = datetime(2026, 11, 1, tzinfo=timezone.utc)
    for i, site in enumerate(["northbrook", "eastvale", "northbrook"]):
        repo.upsert(f"c{i}", record_fields({}, site), now=day + timedelta(days=i))
    assert [r["conversation_id"] for r in repo.records(site="northbrook")] == ["c0", "c2"]
    assert [r["conversation_id"] for r in repo.records(since=day + timedelta(days=1))] == [
        "c1", "c2"]
    assert [r["conversation_id"] for r in repo.records(until=day + timedelta(days=1))] == ["c0"]


def test_contact_details_are_kept_apart_and_deleted_on_request(repo: IntakeRepository) -> None:
    repo.upsert("abc", record_fields(GIVEN, "northbrook"))
    repo.save_contact("abc", "email", "sam@example.org")
    assert repo.contact("abc") == ("email", "sam@example.org")
    assert "sam@example.org" not in str(repo.get("abc"))
    repo.delete_conversation("abc")
    assert repo.get("abc") is None and repo.contact("abc") is None
