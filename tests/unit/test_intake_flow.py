import pytest

from bot.conversation.intake_flow import (
    MISSES_BEFORE_MOVING_ON,
    SKIPPED,
    Turn,
    answer_turn,
    concern_code,
    give_up_on,
    misses_after,
    next_question,
    required_slots,
)

PREFS = ["format_preference", "mode_preferences", "time_preferences", "referral_source",
         "perinatal_stage"]


def test_full_question_list_before_anything_is_known() -> None:
    assert required_slots({}) == ["consent", "explanation_ack", *PREFS, "concerns_done",
                                  "take_up_intent"]


def test_declined_consent_asks_no_preferences_or_contact() -> None:
    slots = {"consent": "declined", "take_up_intent": "yes", "contact_requested": True}
    assert required_slots(slots) == ["consent", "explanation_ack", "concerns_done",
                                     "take_up_intent"]


def test_yes_or_maybe_asks_about_contact_and_no_asks_why() -> None:
    assert required_slots({"take_up_intent": "maybe"})[-1] == "contact_requested"
    assert required_slots({"take_up_intent": "no"})[-1] == "decline_reason"
    slots = {"take_up_intent": "yes", "contact_requested": True}
    assert required_slots(slots)[-3:] == ["contact_requested", "preferred_contact",
                                          "contact_detail"]


def test_asking_for_contact_early_takes_the_details_next() -> None:
    order = required_slots({"consent": "given", "contact_requested": True})
    assert order[:3] == ["consent", "preferred_contact", "contact_detail"]


@pytest.mark.parametrize("intent", ["risk_suicide", "safety_check_in", "stop", "ask_human",
                                    "tell_me_more", "delete_data"])
def test_risks_and_steps_out_of_the_intake_fill_nothing(intent: str) -> None:
    turn = answer_turn("one to one on the phone please", intent, [], "format_preference", {})
    assert turn.slots == {}


@pytest.mark.parametrize("intent", ["faq_cost", "feeling_low", "out_of_scope"])
def test_a_digression_that_does_not_answer_the_question_fills_nothing(intent: str) -> None:
    assert answer_turn("how much does it cost", intent, [], "format_preference", {}).slots == {}


def test_an_answer_read_as_a_worry_is_taken_and_the_worry_kept_beside_it() -> None:
    turn = answer_turn("One to one. I am shy in groups.", "concern_group_anxiety", [],
                       "format_preference", {"concerns": ["practical_time"]})
    assert turn.slots["format_preference"] == "one_to_one"
    assert turn.slots["concerns"] == ["practical_time", "group_anxiety"]


def test_a_worry_at_the_worries_question_is_left_to_its_own_answer() -> None:
    # The worry is recorded; the question stays open for the rule that answers the worry, and
    # then for "anything else?".
    turn = answer_turn("one to one because groups scare me", "concern_group_anxiety", [],
                       "concerns_done", {})
    assert turn.slots == {"concerns": ["group_anxiety"]}


def test_a_worry_at_anything_else_is_recorded_and_answers_it() -> None:
    # She has named one already: the second is recorded, its rule answers it, and the question
    # is not asked a third time.
    turn = answer_turn("one to one because groups scare me", "concern_group_anxiety", [],
                       "concerns_done", {"concerns": ["practical_time"]})
    assert turn.slots == {"concerns": ["practical_time", "group_anxiety"],
                          "concerns_done": True}


@pytest.mark.parametrize(("text", "intent", "slot", "before", "expected"), [
    # Two worries in one answer: both are recorded, whatever the intent model read.
    ("will it get back to my work? and im not sure chatting changes anything", "nlu_fallback",
     "concerns_done", [],
     {"concerns": ["confidentiality_worry", "doubt_it_helps"]}),
    # The intent's code comes first (it is the one answered), then the others, after any
    # raised before.
    ("i dont drive and who would have the baby", "concern_practical_travel", "concerns_done",
     ["group_anxiety"], {"concerns": ["group_anxiety", "practical_travel",
                                      "practical_childcare"]}),
    # What she hopes for, after hearing what peer support is.
    ("meeting other mums, someone who gets it, and any tips on sleep",
     "motivator_meet_other_mothers",
     "explanation_ack", [], {"motivators": ["meet_other_mothers", "be_understood",
                                            "practical_ideas"]}),
    # A button says its code outright.
    ("/concern_fear_of_judgement", "concern_fear_of_judgement", "concerns_done", [],
     {"concerns": ["fear_of_judgement"]}),
    # Nothing named: nothing recorded.
    ("no that's everything thanks", "deny", "concerns_done", [], {}),
    ("ok that sounds fine", "affirm", "explanation_ack", [], {}),
])
def test_every_worry_or_hope_an_answer_names_is_recorded(
        text: str, intent: str, slot: str, before: list[str],
        expected: dict[str, list[str]]) -> None:
    slots = {"concerns": before} if before else {}
    turn = answer_turn(text, intent, [], slot, slots)
    assert {k: v for k, v in turn.slots.items() if k in ("concerns", "motivators")} == expected


def test_a_worry_named_when_asked_why_not_is_the_reason() -> None:
    turn = answer_turn("I'm honestly fine, save it for someone who really needs it",
                       "out_of_scope", [], "decline_reason", {"concerns": ["practical_time"]})
    assert turn.slots["decline_reason"] == "not_unwell_enough"
    assert turn.slots["concerns"] == ["practical_time", "not_unwell_enough"]


def test_worries_are_not_read_from_answers_to_other_questions() -> None:
    turn = answer_turn("mornings, she naps after lunch", "inform", [], "time_preferences", {})
    assert "concerns" not in turn.slots and "motivators" not in turn.slots


@pytest.mark.parametrize(("text", "intent", "slot", "expected"), [
    ("No, I think this is all.", "nlu_fallback", "concerns_done", True),
    ("no, sounds ok", "affirm", "concerns_done", True),
    ("nothing i can think of", "feeling_low", "concerns_done", True),
    ("naw", "nlu_fallback", "contact_requested", False),
    ("no i'll get in touch myself", "motivator_feel_less_alone", "contact_requested", False),
    ("No, you're alright thanks", "thanks", "contact_requested", False),
    ("i guess so yeah", "maybe", "contact_requested", True),
    ("Yes, no problem", "deny", "consent", "given"),
    ("i agree", "nlu_fallback", "consent", "given"),
    ("no, not right now, sorry", "deny", "take_up_intent", "no"),
    ("rather not say", "nlu_fallback", "perinatal_stage", SKIPPED),
    ("idk", "nlu_fallback", "time_preferences", [SKIPPED]),
    ("no thanks", "deny", "contact_detail", SKIPPED),
])
def test_everyday_short_answers_answer_the_question(text: str, intent: str, slot: str,
                                                    expected: object) -> None:
    assert answer_turn(text, intent, [], slot, {}).slots[slot] == expected


def test_no_thanks_to_how_to_contact_her_withdraws_the_request() -> None:
    turn = answer_turn("no thanks", "deny", [], "preferred_contact", {"contact_requested": True})
    assert turn.slots["contact_requested"] is False


def test_a_short_answer_that_asks_back_is_left_to_the_question_it_asks() -> None:
    assert answer_turn("no, is it free?", "faq_cost", [], "concerns_done", {}).slots == {}


def test_skip_moves_on_without_recording_a_value() -> None:
    assert answer_turn("rather not say", "skip", [], "referral_source", {}).slots[
        "referral_source"] == SKIPPED
    assert answer_turn("skip", "skip", [], "time_preferences", {}).slots[
        "time_preferences"] == [SKIPPED]


def test_consent_and_intention_come_from_the_intent() -> None:
    assert answer_turn("yes", "affirm", [], "consent", {}).slots["consent"] == "given"
    assert answer_turn("nope", "deny", [], "consent", {}).slots["consent"] == "declined"
    assert answer_turn("maybe", "maybe", [], "take_up_intent", {}).slots[
        "take_up_intent"] == "maybe"


def test_bare_yes_to_worries_keeps_the_question_open() -> None:
    turn = answer_turn("yes", "affirm", [], "concerns_done", {})
    assert "concerns_done" in turn.slots and turn.slots["concerns_done"] is None


@pytest.mark.parametrize("misread", ["feeling_low", "out_of_scope", "nlu_fallback", "stop"])
def test_a_refusal_at_the_consent_question_is_a_refusal_however_it_was_read(misread: str) -> None:
    turn = answer_turn("no, I'd rather you didn't keep anything", misread, [], "consent", {})
    assert turn.slots["consent"] == "declined"
    # ...but a risk is never taken for an answer
    assert "consent" not in answer_turn("no, i want to die", "risk_suicide", [], "consent",
                                        {}).slots


def test_a_concern_answers_why_she_declined() -> None:
    turn = answer_turn("no time", "concern_practical_time", [], "decline_reason", {})
    assert turn.slots["decline_reason"] == "practical_time"
    assert turn.slots["concerns"] == ["practical_time"]
    other = answer_turn("we are moving abroad next month", "inform", [], "decline_reason", {})
    assert other.slots["decline_reason"] == "other"


def test_a_changed_preference_is_reported() -> None:
    turn = answer_turn("actually phone is better", "inform", [], "time_preferences",
                       {"mode_preferences": ["video"]})
    assert turn.slots["mode_preferences"] == ["phone"]
    assert turn.changed == ["mode_preferences"]


def test_contact_detail_is_masked_in_the_slot() -> None:
    turn = answer_turn("07700 900123", "inform", [], "contact_detail",
                       {"preferred_contact": "phone"})
    assert turn.contact_value == "+447700900123"
    assert "900123" not in turn.slots["contact_detail"]
    bad = answer_turn("my number is 07700 9001", "inform", [], "contact_detail",
                      {"preferred_contact": "phone"})
    assert bad.invalid_contact and bad.slots["contact_detail"] is None


def test_yes_to_a_single_format_site_means_that_format() -> None:
    turn = answer_turn("yes", "affirm", [], "format_preference", {},
                       offered_formats=("one_to_one",))
    assert turn.slots["format_preference"] == "one_to_one"
    assert answer_turn("no", "deny", [], "format_preference", {}, offered_formats=(
        "one_to_one",)).slots["format_preference"] == "unsure"


@pytest.mark.parametrize("text,intent", [
    ("no, I'd rather you didn't keep anything", "nlu_fallback"),
    ("don't keep my answers please", "delete_data"),
    ("nah", "nlu_fallback"),
])
def test_an_unclear_no_to_consent_is_a_no(text: str, intent: str) -> None:
    assert answer_turn(text, intent, [], "consent", {}).slots["consent"] == "declined"


def test_yes_to_the_only_mode_for_her_format_means_that_mode() -> None:
    turn = answer_turn("yes that's fine", "affirm", [], "mode_preferences", {},
                       offered_modes=("phone",))
    assert turn.slots["mode_preferences"] == ["phone"]


@pytest.mark.parametrize(("question", "value"), [
    ("format_preference", "not_understood"), ("time_preferences", ["not_understood"]),
    ("contact_requested", "not_understood"), ("explanation_ack", True), ("concerns_done", True),
])
def test_a_question_not_understood_gets_a_value_that_moves_the_form_on(question: str,
                                                                       value: object) -> None:
    assert give_up_on(question) == {question: value}


def test_a_call_back_question_not_understood_asks_for_no_contact_details() -> None:
    slots = {"consent": "given", "take_up_intent": "yes", "contact_requested": "not_understood"}
    assert "preferred_contact" not in required_slots(slots)
    assert next_question({**slots, "explanation_ack": True, "concerns_done": True,
                          "format_preference": "group", "mode_preferences": ["phone"],
                          "time_preferences": ["morning"], "referral_source": "gp",
                          "perinatal_stage": "pregnant"}) is None


def test_after_her_data_is_deleted_no_preference_or_contact_question_is_asked() -> None:
    slots = {"consent": "given", "deleted": True, "take_up_intent": "yes",
             "contact_requested": True}
    assert required_slots(slots) == ["consent", "explanation_ack", "concerns_done",
                                     "take_up_intent"]


def test_a_yes_to_peer_support_asks_whether_she_wants_to_be_contacted() -> None:
    assert required_slots({"consent": "given", "take_up_intent": "yes"})[-1] == (
        "contact_requested")


# What one turn answers, by question and intent: the table the mutation run found missing.
TURNS = [
    # (her words, intent, question, slots so far, the slots the turn sets)
    ("ok", "affirm", "explanation_ack", {}, {"explanation_ack": True}),
    ("no", "deny", "concerns_done", {}, {"concerns_done": True}),
    ("", "skip", "concerns_done", {}, {"concerns_done": True}),
    ("thank you", "thanks", "concerns_done", {}, {"concerns_done": True}),
    ("carry on", "continue", "concerns_done", {}, {"concerns_done": True}),
    ("not sure", "not_sure", "concerns_done", {}, {"concerns_done": True}),
    ("yes", "affirm", "concerns_done", {}, {"concerns_done": None}),
    ("", "skip", "consent", {}, {"consent": "declined"}),
    ("just don't keep anything", "delete_data", "consent", {}, {"consent": "declined"}),
    ("delete everything about me", "delete_data", "format_preference", {}, {}),
    ("how much does it cost", "faq_cost", "consent", {}, {}),
    ("no, what groups are there?", "faq_formats", "format_preference", {}, {}),
    ("", "skip", "contact_requested", {}, {"contact_requested": False}),
    ("", "skip", "format_preference", {}, {"format_preference": SKIPPED}),
    ("", "skip", "mode_preferences", {}, {"mode_preferences": [SKIPPED]}),
    ("", "skip", "time_preferences", {}, {"time_preferences": [SKIPPED]}),
    ("phone please", "inform", "mode_preferences", {"deleted": True}, {}),
    ("I want to die, phone me", "risk_suicide", None, {}, {}),
    ("", "inform", "format_preference", {}, {"format_preference": "group"}),
    ("can I do video too?", "inform", "mode_preferences", {"mode_preferences": ["phone"]},
     {"mode_preferences": ["phone", "video"]}),
    # She chose texts: a mobile number is where to text her, not a change to calls.
    ("07700 900123", "inform", "contact_detail", {"preferred_contact": "text"},
     {"contact_detail": "07••• ••• 123"}),
]
ENTITIES = {"format_preference": [{"entity": "format", "value": "group"}]}


@pytest.mark.parametrize(("text", "intent", "requested", "slots", "expected"), TURNS)
def test_what_one_turn_answers(text, intent, requested, slots, expected) -> None:
    entities = ENTITIES.get(requested, []) if text == "" and intent == "inform" else []
    turn = answer_turn(text, intent, entities, requested, slots)
    assert turn.slots == expected


def test_a_refusal_to_keep_her_answers_is_a_refusal_whatever_the_intent() -> None:
    for text, intent in [("no, I'd rather you didn't keep anything", "feeling_low"),
                         ("nope", "out_of_scope")]:
        assert answer_turn(text, intent, [], "consent", {}).slots == {"consent": "declined"}
    # ...but "no problem" is a yes.
    assert answer_turn("no problem, go ahead", "affirm", [], "consent", {}).slots == {
        "consent": "given"}


def test_where_one_format_or_mode_is_offered_a_yes_means_that_one() -> None:
    one = ("one_to_one",)
    assert answer_turn("yes", "affirm", [], "format_preference", {},
                       offered_formats=one).slots == {"format_preference": "one_to_one"}
    for intent in ("deny", "maybe"):
        assert answer_turn("hmm", intent, [], "format_preference", {},
                           offered_formats=one).slots == {"format_preference": "unsure"}
    # Another question: the single format is not her answer to it.
    assert answer_turn("yes", "affirm", [], "mode_preferences", {},
                       offered_formats=one).slots == {}
    assert answer_turn("yes", "affirm", [], "mode_preferences", {},
                       offered_modes=("phone",)).slots == {"mode_preferences": ["phone"]}
    assert answer_turn("yes", "affirm", [], "mode_preferences", {},
                       offered_modes=("phone", "video")).slots == {}


def test_why_not_records_her_worry_beside_the_earlier_ones_or_other() -> None:
    turn = answer_turn("I worry they will judge me", "concern_fear_of_judgement", [],
                       "decline_reason", {"concerns": ["practical_time"]})
    assert turn.slots == {"decline_reason": "fear_of_judgement",
                          "concerns": ["practical_time", "fear_of_judgement"]}
    assert answer_turn("we're moving abroad next month", "inform", [], "decline_reason",
                       {}).slots == {"decline_reason": "other"}
    # A worry in her words is the reason, though the intent model did not read it as one.
    assert answer_turn("my mum helps already", "inform", [], "decline_reason", {}).slots == {
        "decline_reason": "already_has_support", "concerns": ["already_has_support"]}
    for text, intent in [("no", "deny"), ("yes", "affirm"), ("", "inform")]:
        assert answer_turn(text, intent, [], "decline_reason", {}).slots == {}


def test_only_a_concern_intent_carries_a_concern_code() -> None:
    assert concern_code("concern_fear_of_judgement") == "fear_of_judgement"
    assert concern_code("fear_of_judgement") is None
    assert concern_code("concern_unknown") is None and concern_code(None) is None


def test_her_contact_detail_is_kept_apart_masked_or_skipped_or_asked_again() -> None:
    skipped = answer_turn("", "skip", [], "contact_detail", {"preferred_contact": "phone"})
    assert skipped.slots == {"contact_detail": SKIPPED}
    assert skipped.contact_value is None and not skipped.invalid_contact
    given = answer_turn("07700 900123", "inform", [], "contact_detail",
                        {"preferred_contact": "phone"})
    assert given.slots == {"contact_detail": "07••• ••• 123"}
    assert given.contact_value == "+447700900123" and not given.invalid_contact
    short = answer_turn("07700 90", "inform", [], "contact_detail", {"preferred_contact": "phone"})
    assert short.slots == {"contact_detail": None} and short.invalid_contact


def test_a_volunteered_change_of_an_earlier_answer_is_reported() -> None:
    text = "actually one to one would be better"
    changed = answer_turn(text, "inform", [], "mode_preferences", {"format_preference": "group"})
    assert changed.slots == {"format_preference": "one_to_one"}
    assert changed.changed == ["format_preference"]
    # Answering the question itself, or a first answer, is not a change.
    assert answer_turn(text, "inform", [], "format_preference",
                       {"format_preference": "group"}).changed == []
    assert answer_turn(text, "inform", [], "mode_preferences", {}).changed == []
    assert answer_turn(text, "inform", [], "mode_preferences",
                       {"format_preference": "one_to_one"}).changed == []


@pytest.mark.parametrize(("text", "intent", "before", "expected"), [
    # Her reason, however the intent model read it: it had been answered as feeling low (or
    # as "what is peer support?") and asked again, forty times running.
    ("we're moving abroad in a few weeks so there's no point starting", "feeling_low", [],
     "other"),
    # A worry she raised before is still her reason when she names it again.
    ("I'm honestly fine, save it for someone who really needs it", "faq_what_is",
     ["not_unwell_enough"], "not_unwell_enough"),
])
def test_whatever_she_says_when_asked_why_not_is_her_reason(
        text: str, intent: str, before: list[str], expected: str) -> None:
    turn = answer_turn(text, intent, [], "decline_reason", {"concerns": before})
    assert turn.slots["decline_reason"] == expected


def test_a_question_back_when_asked_why_not_is_answered_first() -> None:
    assert "decline_reason" not in answer_turn("is it free though?", "faq_cost", [],
                                               "decline_reason", {}).slots


def test_a_digression_counts_as_a_miss_only_when_she_asks_the_same_again() -> None:
    """One question back is answered and the question asked again, uncounted; the same question
    again means the answer did not settle it, and it counts, so the question is not asked
    without end."""
    turn = Turn()
    assert misses_after(turn, "concerns_done", "faq_what_happens_next", 0) == 0
    assert misses_after(turn, "concerns_done", "faq_what_happens_next", 0,
                        same_as_before=True) == 1
    assert misses_after(turn, "concerns_done", "faq_what_happens_next", 1,
                        same_as_before=True) == MISSES_BEFORE_MOVING_ON
    assert misses_after(turn, "concerns_done", "nlu_fallback", 0) == 1


@pytest.mark.parametrize(("text", "intent"), [
    ("Just that he's away till spring so it's all on me at the moment",
     "concern_practical_childcare"),
    ("Only that I'd like something in place before the birth this time", "out_of_scope"),
    ("no thats everything", "deny"),
])
def test_anything_else_is_answered_by_whatever_she_says_in_her_own_words(
        text: str, intent: str) -> None:
    turn = answer_turn(text=text, intent=intent, entities=[], requested_slot="concerns_done",
                       slots={"consent": "given", "concerns": ["practical_time"]})
    assert turn.slots["concerns_done"] is True


@pytest.mark.parametrize(("text", "intent"), [("yes", "affirm"), ("is it free?", "faq_cost"),
                                              ("can I talk to a person", "ask_human")])
def test_anything_else_stays_open_for_a_bare_yes_or_a_question_back(
        text: str, intent: str) -> None:
    turn = answer_turn(text=text, intent=intent, entities=[], requested_slot="concerns_done",
                       slots={"consent": "given", "concerns": ["practical_time"]})
    assert turn.slots.get("concerns_done") is not True
