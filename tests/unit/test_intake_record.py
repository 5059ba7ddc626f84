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


# schema_version 4: where she stopped, and which questions she declined or was not understood on

SKIPPED, NOT_UNDERSTOOD = codebook.SKIPPED, codebook.NOT_UNDERSTOOD


def test_dropped_at_is_the_question_she_is_at_until_the_conversation_completes() -> None:
    going = {**GIVEN, "completed": False, "stage": "time_preferences"}
    assert record_fields(going, "x")["dropped_at"] == "time_preferences"
    assert record_fields({**going, "completed": True}, "x")["dropped_at"] is None
    # the intake is over (stage None) but the close was not reached: no question to name
    assert record_fields({**going, "stage": None}, "x")["dropped_at"] is None


@pytest.mark.parametrize("stage", ["ask_time", "skipped", "", 3, ["consent"]])
def test_dropped_at_is_only_ever_one_of_the_questions(stage) -> None:
    assert record_fields({**GIVEN, "completed": False, "stage": stage}, "x")["dropped_at"] is None


@pytest.mark.parametrize("consent", ["declined", None])
def test_dropped_at_is_kept_without_consent_but_the_question_lists_are_not(consent) -> None:
    slots = {**GIVEN, "consent": consent, "completed": False, "stage": "explanation_ack",
             "referral_source": SKIPPED, "perinatal_stage": NOT_UNDERSTOOD}
    fields = record_fields(slots, "x")
    assert "dropped_at" in codebook.MINIMAL_FIELDS
    assert fields["dropped_at"] == "explanation_ack"
    assert fields["questions_skipped"] == [] and fields["questions_not_understood"] == []


def test_skipped_and_not_understood_questions_are_listed_in_question_order() -> None:
    slots = {**GIVEN, "completed": False, "stage": "contact_detail",
             "take_up_intent": SKIPPED, "format_preference": SKIPPED,
             "time_preferences": [SKIPPED], "contact_detail": SKIPPED,
             "perinatal_stage": NOT_UNDERSTOOD, "mode_preferences": [NOT_UNDERSTOOD],
             "concerns_done": NOT_UNDERSTOOD}
    fields = record_fields(slots, "x")
    assert fields["questions_skipped"] == [
        "format_preference", "time_preferences", "take_up_intent", "contact_detail"]
    assert fields["questions_not_understood"] == [
        "mode_preferences", "perinatal_stage", "concerns_done"]
    # and their coded fields stay null or empty
    assert fields["format_preference"] is None and fields["take_up_intent"] is None
    assert fields["perinatal_stage"] is None
    assert fields["mode_preferences"] == [] and fields["time_preferences"] == []


def test_answered_questions_are_in_neither_list() -> None:
    assert record_fields(GIVEN, "x")["questions_skipped"] == ["time_preferences"]
    fields = record_fields({**GIVEN, "time_preferences": ["morning"]}, "x")
    assert fields["questions_skipped"] == [] and fields["questions_not_understood"] == []
    # a list holding an answer beside the marker is an answer, not a skip
    mixed = record_fields({**GIVEN, "time_preferences": ["morning"],
                           "mode_preferences": ["phone", SKIPPED]}, "x")
    assert mixed["questions_skipped"] == [] and mixed["mode_preferences"] == ["phone"]


@pytest.mark.parametrize("marker", [SKIPPED, NOT_UNDERSTOOD])
def test_a_declined_or_not_understood_call_back_question_is_not_a_request(marker) -> None:
    fields = record_fields({**GIVEN, "contact_requested": marker}, "x")
    assert fields["contact_requested"] is False and fields["preferred_contact"] is None
    assert "contact_requested" in (fields["questions_skipped"]
                                   + fields["questions_not_understood"])


def test_the_new_fields_are_stored_and_read_back(repo: IntakeRepository) -> None:
    slots = {**GIVEN, "completed": False, "stage": "take_up_intent",
             "referral_source": SKIPPED, "time_preferences": [NOT_UNDERSTOOD]}
    repo.upsert("abc", record_fields(slots, "northbrook"))
    record = repo.get("abc")
    assert record["dropped_at"] == "take_up_intent"
    assert record["questions_skipped"] == ["referral_source"]
    assert record["questions_not_understood"] == ["time_preferences"]
    repo.upsert("abc", record_fields({**slots, "completed": True, "stage": None}, "northbrook"))
    assert repo.get("abc")["dropped_at"] is None


# schema_version 5 (issue 19): the language she wrote in, and the call-back language


def test_her_language_is_kept_even_without_consent() -> None:
    assert record_fields({"consent": "declined"}, "northbrook", "pl")["language"] == "pl"
    assert record_fields({}, "northbrook")["language"] == "en"
    assert record_fields({"consent": "given"}, "northbrook", "xx")["language"] == "en"


def test_the_call_back_language_is_hers_when_she_asked_to_be_contacted() -> None:
    asked = {"consent": "given", "contact_requested": True}
    assert record_fields(asked, "eastvale", "ur")["callback_language"] == "ur"
    assert record_fields(asked, "eastvale", "en")["callback_language"] is None
    assert record_fields({**asked, "contact_requested": False}, "eastvale",
                         "ur")["callback_language"] is None
    assert record_fields({**asked, "consent": "declined"}, "eastvale",
                         "ur")["callback_language"] is None
