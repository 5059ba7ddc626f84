"""Staff accounts: roles and sites, one-time setup links, passwords, TOTP and recovery codes.

Passwords are hashed with Argon2id (argon2-cffi); the TOTP secret is kept encrypted with the
data key; setup tokens and recovery codes are kept only as SHA-256 hashes (they are long random
strings, so a slow hash adds nothing).
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

import pyotp
import sqlalchemy as sa
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from bot.records.database import staff_users
from bot.records.intake_record import utcnow
from bot.records.keys import seal, unseal

ROLES = ("staff", "lead", "admin", "evaluator")
#: How long a setup link from `bot staff add` or `reset` can be used.
SETUP_VALID = timedelta(hours=72)
PASSWORD_MIN = 12
PASSWORD_MAX = 256
RECOVERY_CODES = 10
TOTP_ISSUER = "Peer support intake"

_hasher = PasswordHasher()
#: Verified against when the email is unknown, so both answers take as long.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))

Clock = Callable[[], datetime]


class AccountError(ValueError):
    """A request about accounts that cannot be met; the message is for the person asking."""


@dataclass(frozen=True)
class StaffUser:
    """Who is signed in. ``sites`` is None for an admin: every site."""

    id: int
    email: str
    role: str
    sites: tuple[str, ...] | None

    def can_see(self, site: str) -> bool:
        return self.sites is None or site in self.sites

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _user(row: Any) -> StaffUser:
    sites = None if row.role == "admin" else tuple(row.sites or ())
    return StaffUser(id=row.id, email=row.email, role=row.role, sites=sites)


def normalise_email(email: str) -> str:
    return email.strip().lower()


def check_password(password: str, email: str) -> None:
    """Raise :class:`AccountError` when the password is too weak to accept."""
    if len(password) < PASSWORD_MIN:
        raise AccountError(f"Please use at least {PASSWORD_MIN} characters.")
    if len(password) > PASSWORD_MAX:
        raise AccountError(f"Please use at most {PASSWORD_MAX} characters.")
    if password.strip().lower() == email.lower() or len(set(password)) < 5:
        raise AccountError("That password is too easy to guess; please choose another.")


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, email: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=TOTP_ISSUER)


def totp_step(secret: str, code: str, at: datetime) -> int | None:
    """The time step ``code`` is valid for at ``at`` (one step of clock drift either way)."""
    totp = pyotp.TOTP(secret)
    code = code.replace(" ", "").strip()
    if not code.isdigit() or len(code) != totp.digits:
        return None
    now_step = totp.timecode(at)
    for step in (now_step, now_step - 1, now_step + 1):
        if secrets.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def new_recovery_codes() -> list[str]:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
    return ["-".join("".join(secrets.choice(alphabet) for _ in range(5)) for _ in range(2))
            for _ in range(RECOVERY_CODES)]


class Accounts:
    """Staff accounts in the database."""

    def __init__(self, engine: Engine, clock: Clock = utcnow) -> None:
        self.engine = engine
        self.clock = clock

    # ----------------------------------------------------------------- administration

    def add(self, email: str, role: str, sites: list[str]) -> str:
        """Create an account; returns the one-time setup token for its link."""
        email = normalise_email(email)
        if "@" not in email:
            raise AccountError(f"{email!r} is not an email address")
        if role not in ROLES:
            raise AccountError(f"role must be one of {', '.join(ROLES)}")
        if role != "admin" and not sites:
            raise AccountError(f"a {role} needs at least one --site")
        if role == "lead" and len(sites) != 1:
            raise AccountError("a lead leads one site")
        token = secrets.token_urlsafe(32)
        try:
            with self.engine.begin() as conn:
                conn.execute(sa.insert(staff_users).values(
                    email=email, role=role, sites=[] if role == "admin" else sorted(set(sites)),
                    recovery_codes=[], setup_token_hash=_digest(token),
                    setup_expires_at=self.clock() + SETUP_VALID, disabled=False,
                    created_at=self.clock()))
        except IntegrityError as exc:
            raise AccountError(f"there is already an account for {email}") from exc
        return token

    def reset(self, email: str) -> str:
        """Forget the password and second factor; returns a new setup token. Re-enables."""
        token = secrets.token_urlsafe(32)
        self._update(email, password_hash=None, totp_secret=None, totp_last_step=None,
                     recovery_codes=[], setup_token_hash=_digest(token),
                     setup_expires_at=self.clock() + SETUP_VALID, disabled=False)
        return token

    def disable(self, email: str) -> None:
        self._update(email, disabled=True, setup_token_hash=None, setup_expires_at=None)

    def _update(self, email: str, **values: Any) -> None:
        with self.engine.begin() as conn:
            changed = conn.execute(sa.update(staff_users).where(
                staff_users.c.email == normalise_email(email)).values(**values)).rowcount
        if not changed:
            raise AccountError(f"there is no account for {normalise_email(email)}")

    def list(self) -> list[dict[str, Any]]:
        """Every account, without its secrets: email, role, sites, state."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(staff_users).order_by(staff_users.c.email)).all()
        return [{"id": row.id, "email": row.email, "role": row.role,
                 "sites": list(row.sites or []) or ["(all)"],
                 "state": "disabled" if row.disabled else
                 "active" if row.password_hash else "waiting for setup"} for row in rows]

    # ---------------------------------------------------------------------- lookups

    def exists(self, email: str) -> bool:
        with self.engine.connect() as conn:
            return conn.execute(sa.select(staff_users.c.id).where(
                staff_users.c.email == normalise_email(email))).first() is not None

    def get(self, user_id: int) -> StaffUser | None:
        """The account if it still exists, is enabled and set up."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(staff_users).where(
                staff_users.c.id == user_id, staff_users.c.disabled.is_(False),
                staff_users.c.password_hash.is_not(None))).first()
        return _user(row) if row else None

    def colleagues(self, site: str) -> list[StaffUser]:
        """Active staff and leads of ``site``, and admins: who a risk can be assigned to."""
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(staff_users).where(
                staff_users.c.disabled.is_(False), staff_users.c.password_hash.is_not(None),
                staff_users.c.role.in_(("staff", "lead", "admin"))
            ).order_by(staff_users.c.email)).all()
        return [user for user in map(_user, rows) if user.can_see(site)]

    def setup_account(self, token: str) -> StaffUser | None:
        """The account a setup link is for, while the link is valid."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(staff_users).where(
                staff_users.c.setup_token_hash == _digest(token),
                staff_users.c.disabled.is_(False))).first()
        if row is None or _aware(row.setup_expires_at) < self.clock():
            return None
        return _user(row)

    # ------------------------------------------------------------------ setting up

    def complete_setup(self, token: str, password: str, totp_secret: str,
                       code: str) -> list[str]:
        """Set the password and second factor; returns the recovery codes (shown once)."""
        user = self.setup_account(token)
        if user is None:
            raise AccountError("This setup link has expired or been used. Please ask an "
                               "administrator for a new one.")
        check_password(password, user.email)
        step = totp_step(totp_secret, code, self.clock())
        if step is None:
            raise AccountError("That code did not match. Please check the time on your phone "
                               "and enter the code your app shows now.")
        codes = new_recovery_codes()
        with self.engine.begin() as conn:
            used = conn.execute(sa.update(staff_users).where(
                staff_users.c.id == user.id,
                staff_users.c.setup_token_hash == _digest(token)).values(
                password_hash=_hasher.hash(password), totp_secret=seal(totp_secret),
                totp_last_step=step, recovery_codes=[_digest(c) for c in codes],
                setup_token_hash=None, setup_expires_at=None)).rowcount
        if not used:
            raise AccountError("This setup link has just been used.")
        return codes

    # ---------------------------------------------------------------------- sign-in

    def authenticate(self, email: str, password: str, code: str) -> StaffUser | None:
        """The user, if the password and the second factor (a TOTP or recovery code) are
        right; None otherwise, whatever was wrong. A TOTP code works once; a recovery code
        is used up."""
        with self.engine.connect() as conn:
            row = conn.execute(sa.select(staff_users).where(
                staff_users.c.email == normalise_email(email))).first()
        usable = row is not None and not row.disabled and row.password_hash is not None
        try:
            _hasher.verify(row.password_hash if usable else _DUMMY_HASH, password)
        except (VerificationError, InvalidHashError):
            return None
        if not usable:
            return None
        step = totp_step(unseal(row.totp_secret), code, self.clock())
        with self.engine.begin() as conn:
            if step is not None:
                # Compare-and-set: a code seen once is never accepted again (replay).
                accepted = conn.execute(sa.update(staff_users).where(
                    staff_users.c.id == row.id, sa.or_(staff_users.c.totp_last_step.is_(None),
                                                       staff_users.c.totp_last_step < step)
                ).values(totp_last_step=step)).rowcount
            else:
                remaining = list(row.recovery_codes or [])
                digest = _digest(code.strip().lower())
                if digest not in remaining:
                    return None
                remaining.remove(digest)
                accepted = conn.execute(sa.update(staff_users).where(
                    staff_users.c.id == row.id).values(recovery_codes=remaining)).rowcount
        return _user(row) if accepted else None


def _aware(value: datetime | None) -> datetime:
    """A stored time as UTC (SQLite returns them without a zone); none is long past."""
    if value is None:
        return datetime.min.replace(tzinfo=timezone.utc)
    return value.replace(tzinfo=timezone.utc) if value.tzinfo is None else value
