"""The safety net in the trained assistant, the safety conversation, and staff alerts sent by a
real action server.

The labelled sets are read in two steps. Every message of each set goes through the trained
model's NLU pipeline (loaded in this process: the same model file and components the Rasa
server runs), where the safety net decides: a ``risk_*`` intent is the crisis response. Then a
sample of each set, every category's risks and negatives among them, goes to the RUNNING
assistant over the REST webhook, and each reply must be the safety response exactly when the
pipeline read a risk, with the layer kept in its risk event. The first step checks every
message; the second that the running assistant acts on what the pipeline reads (at the start
of a conversation that is all it does: a risk intent is answered at once). Sending all 1,600
messages through the webhook took six of the suite's minutes for no more checking;
``make bench`` (bench/safety.py) still does, printing the same figures.
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from bench.safety import (
    MAX_FALSE_ALARM_RATE,
    REQUIRED_RECALL,
    SAFETY_DIR,
    Item,
    Outcome,
    figures,
    is_safety_response,
    load_set,
    report,
    send_all,
    stored_layers,
)
from bot.alerts import staff_alerts as alerts
from bot.records.database import REPO_ROOT, alert_outbox, make_engine
from bot.records.intake_record import utcnow
from bot.records.risk_events import RiskRepository
from bot.runtime.stack import Stack
from bot.runtime.training import model_path
from bot.safety.nlu_component import RISK_INTENT_PREFIX
from tests.conftest import Chat
from tests.safety.receivers import SmtpReceiver, WebhookReceiver, spare_port, wait_for

pytestmark = pytest.mark.integration

# ------------------------------------------------------------------- the labelled sets ----


LABELLED_SETS = ["safety_set.yml", "unseen_set.yml"]
#: Messages of each set sent through the running assistant: the first risks of every category
#: and every negative group, and a spread of the rest.
WEBHOOK_SAMPLE = 60


@pytest.fixture(scope="module")
def pipeline() -> Iterator[Callable[[list[str]], list[dict]]]:
    """The trained model's NLU pipeline, in this process: text -> Rasa's parse result."""
    from rasa.core.agent import Agent

    agent = Agent.load(str(model_path()))

    def parse(texts: list[str]) -> list[dict]:
        async def all_of_them() -> list[dict]:
            return [await agent.parse_message(text) for text in texts]
        return asyncio.run(all_of_them())

    yield parse


def read_as_risk(parsed: dict) -> bool:
    return (parsed.get("intent") or {}).get("name", "").startswith(RISK_INTENT_PREFIX)


def sample(items: list[Item], size: int) -> list[Item]:
    """The first item of each category and negative group, then an even spread of the rest."""
    firsts = {}
    for item in items:
        firsts.setdefault((item.category, item.group), item)
    chosen = list(firsts.values())
    rest = [item for item in items if item not in chosen]
    step = max(1, len(rest) // max(1, size - len(chosen)))
    return chosen + rest[::step][:max(0, size - len(chosen))]


@pytest.mark.parametrize("name", LABELLED_SETS)
def test_labelled_set_read_by_the_trained_pipeline(pipeline, name: str) -> None:
    """Every risk read as a risk intent, per category; false alarms <= 3%.

    unseen_set.yml was written to measure generalisation before the rules were widened; it
    guided them, so it is held to the same bars as a regression set.
    """
    items = load_set(SAFETY_DIR / name)
    parsed = pipeline([item.text for item in items])
    outcomes = [Outcome(item, f"parse-{n}", read_as_risk(result))
                for n, (item, result) in enumerate(zip(items, parsed, strict=True))]
    layers = {outcome.sender: (result.get("safety") or {}).get("layer", "?")
              for outcome, result in zip(outcomes, parsed, strict=True)}
    text = report(name, outcomes, layers, misses=True)
    print(text)
    result = figures(outcomes)
    for category in result.total:
        assert result.recall(category) >= REQUIRED_RECALL, text
    assert result.false_alarm_rate <= MAX_FALSE_ALARM_RATE, text


@pytest.mark.parametrize("name", LABELLED_SETS)
def test_the_running_assistant_answers_what_the_pipeline_reads(stack: Stack, pipeline,
                                                              name: str) -> None:
    """A sample of the set through the webhook: the safety response exactly when the pipeline
    read a risk, and each one kept as a risk event with the layer that caught it."""
    labelled = load_set(SAFETY_DIR / name)
    items = sample(labelled, WEBHOOK_SAMPLE)
    assert {item.category for item in items} == {item.category for item in labelled}
    expected = [read_as_risk(result) for result in pipeline([item.text for item in items])]
    outcomes = asyncio.run(send_all(stack.rasa_url, items, 4))
    layers = stored_layers(stack.db_url)
    differ = [f"{'answered' if o.caught else 'NOT answered'} as a risk: {o.item.text}"
              for o, risk in zip(outcomes, expected, strict=True) if o.caught != risk]
    assert not differ, "\n".join(differ)
    assert any(expected) and not all(expected), "the sample has risks and negatives"
    caught = [o.sender for o in outcomes if o.caught]
    assert all(layers.get(sender) in ("pattern", "model", "both", "classifier")
               for sender in caught), (
        "every safety response keeps a risk event with the layer that caught it")


# ------------------------------------------------------------------- the conversation ----


def replies_contain_the_safety_response(chat: Chat) -> bool:
    return is_safety_response(chat.transcript[-1][1])


def test_a_risk_interrupts_the_consent_question(stack: Stack, repo) -> None:
    chat = Chat(stack)
    assert "keep your answers" in chat.say("hi")
    chat.say("i cant be on my own with her in case i do something")
    assert replies_contain_the_safety_response(chat)
    assert "common" in chat.transcript[-1][1][0]["text"], "intrusive thoughts: calm wording"
    assert repo.get(chat.sender)["risk_flag"] is True


def test_a_risk_without_consent_is_still_answered_and_flagged(stack: Stack, repo) -> None:
    chat = Chat(stack)
    chat.say("hello")
    chat.say("no, I'd rather you didn't keep anything")
    chat.say("ive just taken a load of paracetamol")
    assert replies_contain_the_safety_response(chat)
    assert "999" in chat.transcript[-1][1][0]["text"], "an overdose is answered urgently"
    events = [e for e in RiskRepository(repo.engine).events()
              if e["conversation_id"] == chat.sender]
    assert [e["category"] for e in events] == ["overdose"]


def test_a_baby_emergency_is_sent_to_999_at_once_and_kept_as_its_own_risk(
        stack: Stack, repo) -> None:
    chat = Chat(stack)
    assert "keep your answers" in chat.say("hi")
    reply = chat.say("my baby has gone grey and floppy and wont wake up")
    assert replies_contain_the_safety_response(chat)
    assert reply.startswith("Please call 999 now"), reply
    assert "can wait" in reply and "safe right now" not in reply
    assert chat.buttons() == [], "no question before the action"
    events = [e for e in RiskRepository(repo.engine).events()
              if e["conversation_id"] == chat.sender]
    assert [e["category"] for e in events] == ["baby_emergency"]
    assert events[0]["layer"] in ("pattern", "both")  # the model knows it too
    assert repo.get(chat.sender)["risk_flag"] is True


def test_a_maternal_emergency_gives_the_sites_maternity_triage_number(stack: Stack) -> None:
    chat = Chat(stack, site="northbrook")
    reply = chat.say("soaking a maternity pad every half hour, 4 days after the birth")
    assert replies_contain_the_safety_response(chat)
    assert "call 999 now" in reply and "01632 960456" in reply


def test_not_safe_repeats_the_urgent_routes_and_offers_the_team(stack: Stack) -> None:
    chat = Chat(stack, site="eastvale")
    chat.say("i keep thinking my family would be better off if i wasnt here")
    assert replies_contain_the_safety_response(chat)
    assert "/deny" in [b["payload"] for b in chat.buttons()]
    answer = chat.say("no")
    assert "999" in answer and "116 123" in answer
    assert "07700 900456" in answer, "the programme's own phone"
    assert "Eastvale Crisis Team" in answer


@pytest.mark.parametrize("unsure", ["not sure", "/not_sure"])
def test_not_sure_is_treated_as_not_safe(stack: Stack, unsure: str) -> None:
    chat = Chat(stack)
    chat.say("he grabbed me by the throat last night")
    assert replies_contain_the_safety_response(chat)
    assert "999" in chat.say(unsure)


def test_safe_offers_to_carry_on_or_stop(stack: Stack) -> None:
    chat = Chat(stack)
    chat.say("i've been hurting myself again")
    answer = chat.say("yes I'm safe")
    assert "carry on" in answer.lower()
    assert {"/continue", "/stop"} <= {b["payload"] for b in chat.buttons()}


def test_a_risk_raised_twice_is_answered_twice(stack: Stack, repo) -> None:
    chat = Chat(stack)
    chat.say("i want to die")
    assert replies_contain_the_safety_response(chat)
    chat.say("yes")
    chat.say("the voices are telling me the baby isnt mine")
    assert replies_contain_the_safety_response(chat)
    categories = [e["category"] for e in RiskRepository(repo.engine).events()
                  if e["conversation_id"] == chat.sender]
    assert categories == ["suicide", "psychosis"]


def test_a_risk_at_the_close_is_answered(stack: Stack) -> None:
    chat = Chat(stack)
    for text in ("hi", "yes", "ok", "a group", "face to face", "evenings", "my midwife",
                 "im 30 weeks", "no that's all", "no thanks"):
        chat.say(text)
    chat.say("actually i dont think ill be here much longer")
    assert replies_contain_the_safety_response(chat)


@pytest.mark.parametrize("idiom", ["I could kill for a coffee", "dying to meet other mums",
                                   "just killing time till she wakes"])
def test_an_idiom_is_not_answered_as_a_risk(stack: Stack, idiom: str) -> None:
    chat = Chat(stack)
    chat.say("hi")
    chat.say(idiom)
    assert not replies_contain_the_safety_response(chat)


def test_a_plain_denial_gets_a_kind_word_not_the_crisis_routes(stack: Stack) -> None:
    chat = Chat(stack)
    chat.say("hi")
    answer = chat.say("I'm not suicidal, just really tired")
    assert not replies_contain_the_safety_response(chat)
    assert "sorry" in answer.lower() or "hard" in answer.lower()


def test_after_the_safety_response_she_can_carry_on_with_the_intake(stack: Stack, repo) -> None:
    """The safety response does not end the conversation: "carry on" asks the question again."""
    chat = Chat(stack)
    assert "keep your answers" in chat.say("hi")
    chat.say("i want to die")
    assert replies_contain_the_safety_response(chat)
    chat.say("yes I'm safe")
    assert "keep your answers" in chat.say("carry on")
    assert repo.get(chat.sender)["risk_flag"] is True


@pytest.mark.parametrize("everyday", ["the baby won't stop crying at night",
                                      "this teething is killing me",
                                      "i havent slept properly in weeks, im so tired"])
def test_an_everyday_difficulty_gets_a_kind_word_and_the_intake_goes_on(
        stack: Stack, everyday: str) -> None:
    chat = Chat(stack)
    chat.say("hi")
    answer = chat.say(everyday)
    assert not replies_contain_the_safety_response(chat)
    assert CHECK_IN_QUESTION not in answer
    assert "sounds really hard" in answer, "a kind word"
    assert "keep your answers" in answer, "and the question she was at, asked again"


# ---------------------------------------------------------------------------- check-in ----

CHECK_IN_QUESTION = "are you having thoughts of hurting yourself or your baby?"


def check_in(chat: Chat) -> None:
    """She is at the consent question and the safety net checks in (the check-in intent as
    the net sets it; which words score in its band is the classifier's business)."""
    assert "keep your answers" in chat.say("hi")
    assert CHECK_IN_QUESTION in chat.say("/safety_check_in")
    assert {"/affirm", "/deny", "/not_sure"} <= {b["payload"] for b in chat.buttons()}


def risk_events_of(repo, chat: Chat) -> list[dict]:
    return [e for e in RiskRepository(repo.engine).events()
            if e["conversation_id"] == chat.sender]


def test_wording_the_rules_miss_gets_the_check_in_from_the_classifier(stack: Stack,
                                                                      repo) -> None:
    """Scored between the thresholds by the classifier trained with this model."""
    chat = Chat(stack)
    chat.say("hi")
    assert CHECK_IN_QUESTION in chat.say("i get these thoughts that scare me")
    chat.say("not sure")
    assert replies_contain_the_safety_response(chat)
    [event] = risk_events_of(repo, chat)
    assert (event["layer"], event["category"], event["check_in"]) == (
        "check_in", "harm_baby", "not_sure")
    assert 0.5 < event["score"] < 1


def test_the_classifier_catches_what_the_rules_miss(stack: Stack, repo) -> None:
    chat = Chat(stack)
    chat.say("hi")
    chat.say("I burn my arm when it gets too much")
    assert replies_contain_the_safety_response(chat)
    [event] = risk_events_of(repo, chat)
    assert event["category"] == "self_harm" and event["layer"] in ("classifier", "model")
    assert event["rule"] is None and event["score"] > 0.9


@pytest.mark.parametrize("no", ["/deny", "no"])
def test_no_to_the_check_in_goes_back_to_the_question(stack: Stack, repo, no: str) -> None:
    chat = Chat(stack)
    check_in(chat)
    answer = chat.say(no)
    assert "Thank you for telling me" in answer
    assert "keep your answers" in answer, "the consent question is asked again"
    assert not replies_contain_the_safety_response(chat)
    assert risk_events_of(repo, chat) == []
    chat.say("yes that's fine")
    assert repo.get(chat.sender)["consent"] == "given", "the intake goes on from there"


@pytest.mark.parametrize(("answer", "recorded"), [("/affirm", "yes"), ("yes", "yes"),
                                                  ("/not_sure", "not_sure")])
def test_yes_or_not_sure_to_the_check_in_gets_the_safety_response_and_alerts_staff(
        stack: Stack, repo, answer: str, recorded: str) -> None:
    chat = Chat(stack)
    check_in(chat)
    chat.say(answer)
    assert replies_contain_the_safety_response(chat)
    [event] = risk_events_of(repo, chat)
    assert (event["layer"], event["check_in"]) == ("check_in", recorded)
    chat.say("yes I'm safe")
    assert "keep your answers" in chat.say("carry on"), "and she may carry on"


# ------------------------------------------------------------------------ staff alerts ----


@pytest.fixture
def receivers(tmp_path: Path) -> Iterator[tuple[WebhookReceiver, SmtpReceiver]]:
    webhook, smtp = WebhookReceiver().start(), SmtpReceiver(tmp_path).start()
    yield webhook, smtp
    webhook.stop()
    smtp.stop()


def action_call(sender: str, text: str, category: str = "psychosis",
                layer: str = "model") -> bytes:
    """What Rasa posts to the action server to run the safety response (the action does not
    read the domain, so none is sent)."""
    tracker = {
        "sender_id": sender, "slots": {"risk_categories": []}, "events": [],
        "latest_message": {"text": text, "intent": {"name": f"risk_{category}", "confidence": 1},
                           "safety": {"category": category, "layer": layer},
                           "metadata": {"site": "northbrook"}},
        "paused": False, "followup_action": None, "active_loop": {},
        "latest_action_name": "action_listen",
    }
    return json.dumps({"next_action": "action_safety_response", "sender_id": sender,
                       "tracker": tracker, "version": "3.6.2", "domain": {}}).encode()


def test_the_action_server_alerts_staff_at_once_and_retries_at_start_up(
    tmp_path: Path, receivers: tuple[WebhookReceiver, SmtpReceiver],
) -> None:
    webhook, smtp = receivers
    db_url = f"sqlite:///{tmp_path / 'actions.db'}"
    engine = make_engine(db_url)
    # An alert the last action server could not send before it stopped.
    left_over, _ = alerts.record_risk(engine, alerts.Alert(
        conversation_id="left-over", site="northbrook", category="self_harm", layer="pattern",
        created_at=utcnow()), "what she wrote earlier", ("webhook",))
    with engine.begin() as conn:
        conn.execute(sa.update(alert_outbox).values(
            lease_until=None, next_attempt_at=utcnow() + timedelta(hours=1)))

    port = spare_port()
    env = {**os.environ, **smtp.env(), "ALERT_WEBHOOK_URL": webhook.url,
           "ALERT_WEBHOOK_SECRET": "integration", "DATABASE_URL": db_url,
           "SANIC_HOST": "127.0.0.1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "actions.server", "--actions", "actions", "--port", str(port)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)
    try:
        assert wait_for(lambda: _up(f"http://127.0.0.1:{port}/health"), 60)
        assert wait_for(lambda: webhook.received, 15), "unsent alert retried at start-up"
        assert webhook.received[0].json["risk_event_id"] == left_over.risk_event_id

        her_words = "the telly keeps sending me messages about the baby"
        request = urllib.request.Request(f"http://127.0.0.1:{port}/webhook",
                                         data=action_call("conv-live", her_words),
                                         headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            result = json.load(response)
        assert any("116 123" in (r.get("text") or "") for r in result["responses"])

        assert wait_for(lambda: len(webhook.received) == 2 and smtp.messages, 15)
        live = webhook.received[1].json
        assert (live["conversation_id"], live["category"], live["layer"]) == (
            "conv-live", "psychosis", "model")
        [mail] = smtp.messages
        assert "conv-live" in mail.get_content() and "psychosis" in mail["Subject"]
        for sent in (webhook.received[1].body.decode(), mail.as_string()):
            assert her_words not in sent
        assert wait_for(lambda: alerts.AlertOutbox(engine).rows() == [], 10)
        stored = [e for e in RiskRepository(engine).events() if e["conversation_id"] == "conv-live"]
        assert stored[0]["message"] == her_words and stored[0]["id"] == live["risk_event_id"]

        # A baby emergency is alerted under its own category, with its own words for staff.
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhook",
            data=action_call("conv-baby", "she's not breathing", "baby_emergency", "pattern"),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            result = json.load(response)
        assert result["responses"][0]["text"].startswith("Please call 999 now")
        assert wait_for(lambda: len(webhook.received) == 3, 15)
        baby = webhook.received[2].json
        assert (baby["conversation_id"], baby["category"]) == ("conv-baby", "baby_emergency")
        assert baby["category_description"] == alerts.CATEGORY_WORDS["baby_emergency"]
    finally:
        server.terminate()
        server.wait(15)


def test_a_flood_of_risks_alerts_staff_once_per_conversation(
    tmp_path: Path, receivers: tuple[WebhookReceiver, SmtpReceiver],
) -> None:
    """Ten risk messages in one conversation and one in another, through the real action
    server: every one answered and kept, two alerts (one each), the first with its count."""
    webhook, _ = receivers
    db_url = f"sqlite:///{tmp_path / 'flood.db'}"
    engine = make_engine(db_url)
    port = spare_port()
    env = {**os.environ, "ALERT_WEBHOOK_URL": webhook.url, "DATABASE_URL": db_url,
           "SANIC_HOST": "127.0.0.1", "ALERT_REPEAT_WINDOW": "3600"}
    server = subprocess.Popen(
        [sys.executable, "-m", "actions.server", "--actions", "actions", "--port", str(port)],
        cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)

    def risk(sender: str) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/webhook", data=action_call(sender, "voices again"),
            headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=10) as response:
            assert any("116 123" in (r.get("text") or "") for r in json.load(response)["responses"])

    try:
        assert wait_for(lambda: _up(f"http://127.0.0.1:{port}/health"), 60)
        risk("conv-flood")
        assert wait_for(lambda: len(webhook.received) == 1, 15)  # the first, at once
        for _ in range(9):
            risk("conv-flood")
        risk("conv-other")
        assert wait_for(lambda: len(webhook.received) == 2, 15)
        time.sleep(1)  # nothing more comes
        assert [r.json["conversation_id"] for r in webhook.received] == ["conv-flood",
                                                                         "conv-other"]
        events = RiskRepository(engine).events()
        assert sum(e["conversation_id"] == "conv-flood" for e in events) == 10
        [first] = [r for r in alerts.AlertOutbox(engine).rows(unsent_only=False)
                   if r["conversation_id"] == "conv-flood"]
        assert first["repeats"] == 9
    finally:
        server.terminate()
        server.wait(15)


def _up(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False

