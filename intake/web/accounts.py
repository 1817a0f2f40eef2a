"""Users, sign-in with lockout, and server-side sessions.

A sign-in is refused after ``settings.login_max_failures`` consecutive
failures for a user name until ``settings.login_lockout_minutes`` have passed
since the last of them; attempts made while locked are not counted, and an
unknown name is treated like a known one (same timing, same lockout) so the
form does not reveal which names exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from argon2 import PasswordHasher
from sqlalchemy.orm import Session, sessionmaker

from intake.config import Settings
from intake.errors import IntakeError
from intake.web.models import LoginAttempt, User, WebSession
from intake.web.roles import Role
from intake.web.security import (
    DEFAULT_HASHER,
    hash_password,
    needs_rehash,
    new_token,
    token_digest,
    verify_password,
)
from storage.database import utcnow

__all__ = ["SESSION_LIFETIME", "SignedIn", "SignInRefused", "UserExists", "Accounts", "validate_user_name"]

SESSION_LIFETIME = timedelta(hours=12)
MIN_PASSWORD_LENGTH = 10


class SignInRefused(IntakeError):
    """Wrong name or password, or the name is locked out (code says which)."""

    code = "bad_credentials"
    exit_code = 77


class UserExists(IntakeError):
    code = "user_exists"
    exit_code = 65


@dataclass(frozen=True)
class SignedIn:
    """The user behind a request's session."""

    user_id: int
    name: str
    role: str
    csrf_token: str
    session_token: str | None = None  # only right after sign-in, to set the cookie


def validate_user_name(name: str) -> str:
    name = name.strip()
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise IntakeError(
            "a user name is 1-64 letters, digits or . _ - @; choose another", code="bad_user_name"
        )
    return name


def _check_password_policy(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise IntakeError(
            f"a password needs at least {MIN_PASSWORD_LENGTH} characters; choose a longer one",
            code="weak_password",
        )


class Accounts:
    """User administration, sign-in and session lookup over the web app's tables."""

    def __init__(
        self, sessions: sessionmaker[Session], settings: Settings, *, hasher: PasswordHasher = DEFAULT_HASHER
    ) -> None:
        self._sessions = sessions
        self._settings = settings
        self._hasher = hasher
        # Verified against when the user name is unknown, so both cases take the same time.
        self._dummy_hash = hasher.hash(new_token())

    # -- users ------------------------------------------------------------------------------
    def add_user(self, name: str, password: str, role: str) -> int:
        name = validate_user_name(name)
        role = Role(role).value
        _check_password_policy(password)
        with self._sessions.begin() as db:
            if db.scalar(sa.select(User.id).where(User.name == name)) is not None:
                raise UserExists(f"user {name} already exists; pick another name", code="user_exists")
            user = User(name=name, password_hash=hash_password(password, self._hasher), role=role, active=True)
            db.add(user)
            db.flush()
            return user.id

    def list_users(self) -> list[User]:
        with self._sessions() as db:
            return list(db.scalars(sa.select(User).order_by(User.name)))

    def update_user(
        self, user_id: int, *, role: str | None = None, active: bool | None = None, password: str | None = None
    ) -> None:
        with self._sessions.begin() as db:
            user = db.get(User, user_id)
            if user is None:
                raise IntakeError("no such user; reload the user list", code="not_found")
            if role is not None:
                user.role = Role(role).value
            if active is not None:
                user.active = active
            if password:
                _check_password_policy(password)
                user.password_hash = hash_password(password, self._hasher)
            if active is False or password:
                # A disabled user or a reset password ends every open session of that user.
                db.execute(sa.delete(WebSession).where(WebSession.user_id == user_id))

    # -- sign-in ----------------------------------------------------------------------------
    def locked_until(self, db: Session, name: str, now: datetime) -> datetime | None:
        """When a lockout of ``name`` ends, or None when it may try now."""
        last_success = db.scalar(
            sa.select(sa.func.max(LoginAttempt.at)).where(
                LoginAttempt.user_name == name, LoginAttempt.succeeded.is_(True)
            )
        )
        query = sa.select(LoginAttempt.at).where(
            LoginAttempt.user_name == name, LoginAttempt.succeeded.is_(False)
        )
        if last_success is not None:
            query = query.where(LoginAttempt.at > last_success)
        failures = list(db.scalars(query.order_by(LoginAttempt.at.desc()).limit(self._settings.login_max_failures)))
        if len(failures) < self._settings.login_max_failures:
            return None
        until = failures[0] + timedelta(minutes=self._settings.login_lockout_minutes)
        return until if now < until else None

    def sign_in(self, name: str, password: str, *, now: datetime | None = None) -> SignedIn:
        """Check the password and open a session; raises ``SignInRefused``."""
        now = now or utcnow()
        name = name.strip()[:64]
        with self._sessions.begin() as db:
            if self.locked_until(db, name, now) is not None:
                raise SignInRefused(
                    "too many failed sign-ins; wait a few minutes or ask a supervisor", code="locked_out"
                )
            user = db.scalar(sa.select(User).where(User.name == name))
            ok = verify_password(user.password_hash if user else self._dummy_hash, password, self._hasher)
            ok = ok and user is not None and user.active
            db.add(LoginAttempt(user_name=name, succeeded=ok, at=now))
            if not ok:
                refused = SignInRefused("wrong user name or password; try again", code="bad_credentials")
            else:
                assert user is not None
                if needs_rehash(user.password_hash, self._hasher):
                    user.password_hash = hash_password(password, self._hasher)
                db.execute(sa.delete(WebSession).where(WebSession.expires_at < now))
                token, csrf = new_token(), new_token()
                db.add(
                    WebSession(
                        token_hash=token_digest(token),
                        user_id=user.id,
                        csrf_token=csrf,
                        created_at=now,
                        expires_at=now + SESSION_LIFETIME,
                    )
                )
                return SignedIn(user.id, user.name, user.role, csrf, session_token=token)
        # Raised outside the transaction so the failed attempt is committed.
        raise refused

    def session(self, token: str | None, *, now: datetime | None = None) -> SignedIn | None:
        """The signed-in user for a session cookie, or None (unknown, expired or disabled)."""
        if not token:
            return None
        now = now or utcnow()
        with self._sessions() as db:
            row = db.execute(
                sa.select(WebSession, User)
                .join(User, User.id == WebSession.user_id)
                .where(WebSession.token_hash == token_digest(token))
            ).first()
            if row is None:
                return None
            web_session, user = row
            if web_session.expires_at <= now or not user.active:
                return None
            return SignedIn(user.id, user.name, user.role, web_session.csrf_token)

    def sign_out(self, token: str | None) -> None:
        if not token:
            return
        with self._sessions.begin() as db:
            db.execute(sa.delete(WebSession).where(WebSession.token_hash == token_digest(token)))
