"""The web app's tables, declared on the record store's ``Base``.

``users`` (name, Argon2 hash, role), ``web_sessions`` (only the SHA-256 of a
session token is kept, with the session's CSRF token), ``login_attempts``
(for lockout after repeated failures); ``outreach_attempts`` (the log of
calls made to obtain missing information) is declared in ``storage.models``,
because the record store writes it with its audit event. They are created by
the web app's own Alembic revision in ``storage/migrations/versions``.
"""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from storage.database import Base, UtcDateTime, utcnow
from storage.models import OutreachAttempt  # declared with the records it hangs off; re-exported here

__all__ = ["User", "WebSession", "LoginAttempt", "OutreachAttempt", "CONTACTS", "OUTCOMES"]

#: Whom an outreach call went to, and how it ended.
CONTACTS: tuple[str, ...] = ("applicant", "agent", "authorized_representative")
OUTCOMES: tuple[str, ...] = ("reached", "left_message", "no_answer", "wrong_number", "information_received")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(sa.String(64), unique=True)
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    role: Mapped[str] = mapped_column(sa.String(32))
    active: Mapped[bool] = mapped_column(sa.Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)


class WebSession(Base):
    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(sa.String(64), unique=True)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    csrf_token: Mapped[str] = mapped_column(sa.String(64))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime)


class LoginAttempt(Base):
    __tablename__ = "login_attempts"
    __table_args__ = (sa.Index("ix_login_attempts_user_name_at", "user_name", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_name: Mapped[str] = mapped_column(sa.String(64))
    succeeded: Mapped[bool] = mapped_column(sa.Boolean)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
