"""The physical emergencies and other risks (issue 18): red flags caught in their category, the
mild forms beside them left alone, which reply wins when a message has two categories, and every
layer knowing the three new categories.

Each rule's own examples are run by test_safety_rule_examples.py; these are messages written
apart from the rules, the way the issue describes them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.alerts.staff_alerts import CATEGORY_WORDS
from bot.conversation.intake_flow import DIGRESSION_INTENTS
from bot.safety import CATEGORY_PRIORITY, RISK_CATEGORIES, assess
from bot.staff.queues import CATEGORY_LABELS, CATEGORY_URGENCY

ROOT = Path(__file__).resolve().parents[2]
NEW = ("baby_emergency", "maternal_emergency", "other_risk")

RED_FLAGS = [
    ("my baby is floppy and grey and won't wake properly", "baby_emergency"),
    ("he's fitting, arms jerking, not responding to me", "baby_emergency"),
    ("she has a rash that doesnt fade under a glass", "baby_emergency"),
    ("my 4 week old feels really hot, thermometer says 38.7", "baby_emergency"),
    ("lo has gone blue round the lips", "baby_emergency"),
    ("ds swallowed a button battery from the scales", "baby_emergency"),
    ("no wet nappies since this morning and he's so drowsy", "baby_emergency"),
    ("5 days after the birth and soaking a pad in half an hour", "maternal_emergency"),
    ("35 weeks, severe headache and flashing lights", "maternal_emergency"),
    ("chest pain and breathless since my caesarean on monday", "maternal_emergency"),
    ("no movements from the baby today, 39 weeks", "maternal_emergency"),
    ("my calf is really swollen and painful, had her 8 days ago", "maternal_emergency"),
    ("fever and uncontrollable shivering, my section wound is red and oozing",
     "maternal_emergency"),
    ("I've been drinking since 10am and I'm alone with the kids", "other_risk"),
    ("doing coke while the baby sleeps in my bed", "other_risk"),
    ("taking laxatives every day, fainted twice this week", "other_risk"),
    ("i havent fed the baby since last night", "other_risk"),
]

MILD_FORMS = [
    "my baby has a cold and a blocked nose",
    "she has reflux and is sick after feeds",
    "he has a sticky eye",
    "he bumped his head on the table but he's happy and playing",
    "my mastitis is much better on the antibiotics",
    "my stitches are sore",
    "the lochia is slowing down now",
    "my ankles are a bit swollen at night",
    "movements were quieter this morning but she's been kicking all afternoon",
    "I had a glass of wine with dinner, my partner was home",
    "she has a temperature of 37.9 and she's 10 months, gave calpol",
    "I get breathless and a tight chest when I panic",
    "I keep checking he's breathing at night, scared of cot death",
]


@pytest.mark.parametrize(("text", "category"), RED_FLAGS)
def test_red_flags_get_their_category(text: str, category: str) -> None:
    assert assess(text).category == category, assess(text)


@pytest.mark.parametrize("text", MILD_FORMS)
def test_mild_forms_are_not_emergencies(text: str) -> None:
    assert assess(text).category is None, assess(text)


@pytest.mark.parametrize(("text", "category"), [
    # An emergency's reply is the one action that cannot wait; the alert carries the rest.
    ("I want to die and now my baby won't wake up, she's floppy", "baby_emergency"),
    ("took a load of tablets and I'm bleeding really heavily since the birth",
     "maternal_emergency"),
    # A mental-health category says what the message is about; its reply also gives 999.
    ("I starve myself as a punishment, haven't eaten for days", "self_harm"),
])
def test_which_category_wins_when_a_message_has_two(text: str, category: str) -> None:
    assert assess(text).category == category, assess(text)


def test_emergencies_come_first_and_other_risks_last() -> None:
    assert CATEGORY_PRIORITY[:3] == ("baby_emergency", "maternal_emergency", "overdose")
    assert CATEGORY_PRIORITY[-1] == "other_risk"
    assert sorted(CATEGORY_PRIORITY) == sorted(RISK_CATEGORIES)


def test_every_layer_knows_every_category() -> None:
    assert set(NEW) <= set(RISK_CATEGORIES)
    assert CATEGORY_URGENCY == CATEGORY_PRIORITY  # staff see the same order
    assert set(CATEGORY_LABELS) == set(RISK_CATEGORIES)
    assert set(RISK_CATEGORIES) <= set(CATEGORY_WORDS)
    intents = {f"risk_{category}" for category in RISK_CATEGORIES}
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    assert intents <= set(domain["intents"])
    assert intents <= DIGRESSION_INTENTS
    rules = yaml.safe_load((ROOT / "data" / "rules" / "safety.yml").read_text(encoding="utf-8"))
    for rule in rules["rules"]:  # each rule for a risk intent lists every one of them
        alternatives = {step.get("intent", "") for step in rule["steps"][0].get("or", [])}
        if any(name.startswith("risk_") for name in alternatives) and rule["steps"][1] == {
                "action": "action_safety_response"}:
            assert {step["intent"] for step in rule["steps"][0]["or"]} == intents, rule["rule"]
    trained = set()
    for path in (ROOT / "data" / "nlu").glob("*.yml"):
        for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
            if str(item.get("intent", "")).startswith("risk_"):
                trained.add(item["intent"])
    assert intents <= trained
