"""Building staff accounts and conversations through the real repositories, for the tests."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pyotp
from sqlalchemy.engine import Engine

from bot.records.intake_record import IntakeRepository, utcnow
from bot.records.risk_events import RiskRepository
from bot.staff.accounts import Accounts, StaffUser

PASSWORD = "a long staff passphrase 42"


def make_user(engine: Engine, email: str, role: str, sites: list[str],
              when_offset: int = -60) -> tuple[StaffUser, str]:
    """An account that has finished setup; returns it and its TOTP secret.

    The setup code is taken a minute back (``when_offset``), so a sign-in now uses a fresh one."""
    accounts = Accounts(engine)
    token = accounts.add(email, role, sites)
    secret = pyotp.random_base32()
    past = utcnow() + timedelta(seconds=when_offset)
    Accounts(engine, clock=lambda: past).complete_setup(
        token, PASSWORD, secret, pyotp.TOTP(secret).at(past))
    [user_id] = [row["id"] for row in accounts.list() if row["email"] == email]
    user = accounts.get(user_id)
    assert user is not None
    return user, secret


def make_conversation(engine: Engine, site: str = "northbrook", risk: bool = True,
                      contact: bool = True) -> str:
    cid = uuid.uuid4().hex
    repo = IntakeRepository(engine)
    repo.upsert(cid, {"site": site, "consent": "given", "concerns": ["fear_of_judgement"],
                      "take_up_intent": "maybe", "contact_requested": contact,
                      "preferred_contact": "phone" if contact else None,
                      "time_preferences": ["evening"], "risk_flag": risk})
    if contact:
        repo.save_contact(cid, "phone", "+447700900123")
    if risk:
        RiskRepository(engine).add(cid, site, "suicide", "pattern", "her words")
    return cid
