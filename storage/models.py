"""The record store's tables: documents, applications, events.

``documents`` is one row per distinct original (unique sha256) and carries the
processing state machine::

    received -> queued -> processing -> processed
                    ^          |-----> quarantined   (the document is at fault)
                    |----------|-----> failed        (retries exhausted / a bug)
                  (retry, requeue, recovery of a stuck job)

``applications`` holds one contract record per document (the JSON, plus the
columns people filter and sort on). ``events`` is an append-only audit trail;
its ``details`` carry ids and codes only, never PHI. ``outreach_attempts`` logs
each call made to obtain missing information (whom, how it went; no free
text); its table is created by the web app's revision ``0100_web_users``.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from storage.database import Base, JsonDocument, UtcDateTime, utcnow

__all__ = ["DOCUMENT_STATES", "DocumentRow", "ApplicationRow", "EventRow", "OutreachAttempt"]

DOCUMENT_STATES = ("received", "queued", "processing", "processed", "quarantined", "failed")


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    sha256: Mapped[str] = mapped_column(sa.String(64), unique=True)
    channel: Mapped[str] = mapped_column(sa.String(16), index=True)
    filename: Mapped[str] = mapped_column(sa.String(255))
    source_key: Mapped[str | None] = mapped_column(sa.String(1024))
    size: Mapped[int] = mapped_column(sa.BigInteger, default=0)
    pages: Mapped[int | None] = mapped_column(sa.Integer)
    dropped_at: Mapped[datetime] = mapped_column(UtcDateTime)
    sidecar: Mapped[dict[str, Any] | None] = mapped_column(JsonDocument)
    state: Mapped[str] = mapped_column(sa.String(16), index=True, default="received")
    attempts: Mapped[int] = mapped_column(sa.Integer, default=0)
    job_id: Mapped[str | None] = mapped_column(sa.String(64))
    job_timeout: Mapped[int | None] = mapped_column(sa.Integer)
    processing_started_at: Mapped[datetime | None] = mapped_column(UtcDateTime)
    reason_code: Mapped[str | None] = mapped_column(sa.String(64))
    reason_message: Mapped[str | None] = mapped_column(sa.Text)
    duplicate_of: Mapped[int | None] = mapped_column(sa.ForeignKey("documents.id"))
    duplicates: Mapped[int] = mapped_column(sa.Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)

    __table_args__ = (
        sa.CheckConstraint(sa.column("state").in_(DOCUMENT_STATES), name="state"),
    )


class ApplicationRow(Base):
    __tablename__ = "applications"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    document_id: Mapped[int] = mapped_column(sa.ForeignKey("documents.id"), unique=True)
    contract: Mapped[dict[str, Any]] = mapped_column(JsonDocument)
    status: Mapped[str] = mapped_column(sa.String(32), index=True)
    kind: Mapped[str] = mapped_column(sa.String(64), default="enrollment_application")
    confirmation_number: Mapped[str | None] = mapped_column(sa.String(16), unique=True)
    npn: Mapped[str | None] = mapped_column(sa.String(10), index=True)
    channel: Mapped[str] = mapped_column(sa.String(16), index=True)
    received_at: Mapped[datetime | None] = mapped_column(UtcDateTime, index=True)
    requested_effective_date: Mapped[date | None] = mapped_column(sa.Date, index=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, onupdate=utcnow)


class EventRow(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    subject_type: Mapped[str] = mapped_column(sa.String(32))
    subject_id: Mapped[str] = mapped_column(sa.String(64))
    actor: Mapped[str] = mapped_column(sa.String(128))
    action: Mapped[str] = mapped_column(sa.String(64), index=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow, index=True)
    details: Mapped[dict[str, Any]] = mapped_column(JsonDocument, default=dict)

    __table_args__ = (sa.Index("ix_events_subject", "subject_type", "subject_id"),)


class OutreachAttempt(Base):
    __tablename__ = "outreach_attempts"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        sa.ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    contact: Mapped[str] = mapped_column(sa.String(32))  # one of intake.web.models.CONTACTS
    outcome: Mapped[str] = mapped_column(sa.String(32))  # one of intake.web.models.OUTCOMES
    by_user: Mapped[str] = mapped_column(sa.String(64))
    at: Mapped[datetime] = mapped_column(UtcDateTime, default=utcnow)
