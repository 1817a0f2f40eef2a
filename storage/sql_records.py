"""``RecordStore`` on SQLAlchemy 2 (SQLite by default, PostgreSQL via INTAKE_DATABASE_URL).

Every write is one transaction that also appends its audit event, so the
trail never disagrees with the state. Rows a job competes for are locked
(``SELECT … FOR UPDATE`` on PostgreSQL; SQLite transactions start with
``BEGIN IMMEDIATE`` and so run one at a time).
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Iterator
from dataclasses import fields
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session

from intake.config import Settings
from intake.errors import NotFound, StorageError
from storage.database import open_database, session_factory, utcnow
from storage.models import DOCUMENT_STATES, ApplicationRow, DocumentRow, EventRow, OutreachAttempt
from storage.records import (
    SYSTEM_ACTOR,
    ApplicationFilter,
    ApplicationRecord,
    DocumentRecord,
    EventRecord,
    Page,
    RecordChanged,
)

__all__ = ["SqlRecordStore", "open_record_store", "DEFAULT_JOB_TIMEOUT"]

log = logging.getLogger(__name__)

DEFAULT_JOB_TIMEOUT = 600  # seconds; for a document claimed without a recorded job timeout
_DOC_FIELDS = [f.name for f in fields(DocumentRecord)]
_HEX = re.compile(r"^[0-9a-f]{6,64}$")


def _document(row: DocumentRow) -> DocumentRecord:
    return DocumentRecord(**{name: getattr(row, name) for name in _DOC_FIELDS})


def _application(row: ApplicationRow, sha256: str) -> ApplicationRecord:
    return ApplicationRecord(
        id=row.id,
        document_id=row.document_id,
        document_sha256=sha256,
        contract=dict(row.contract),
        status=row.status,
        kind=row.kind,
        confirmation_number=row.confirmation_number,
        npn=row.npn,
        channel=row.channel,
        received_at=row.received_at,
        requested_effective_date=row.requested_effective_date,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _event_record(row: EventRow) -> EventRecord:
    return EventRecord(
        id=row.id,
        subject_type=row.subject_type,
        subject_id=row.subject_id,
        actor=row.actor,
        action=row.action,
        at=row.at,
        details=dict(row.details or {}),
    )


def _parse_datetime(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else None


def _parse_date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _indexed_columns(contract: dict[str, Any]) -> dict[str, Any]:
    """The columns people filter on, read from the contract JSON."""
    document = contract.get("document") or {}
    agent = contract.get("agent") or {}
    receipt = contract.get("receipt") or {}
    return {
        "status": str(contract.get("status") or "not_yet_submitted"),
        "kind": str(document.get("kind") or "unknown"),
        "confirmation_number": contract.get("confirmation_number") or None,
        "npn": agent.get("npn") or None,
        "channel": str(document.get("channel") or ""),
        "received_at": _parse_datetime(receipt.get("received_at")),
        "requested_effective_date": _parse_date(contract.get("requested_effective_date")),
    }


class SqlRecordStore:
    """The record store on one SQLAlchemy engine (already migrated; see ``open_record_store``)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = session_factory(engine)

    # -- plumbing --------------------------------------------------------------
    @contextlib.contextmanager
    def _tx(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                yield session
        except IntegrityError:
            raise
        except (DBAPIError, SQLAlchemyError) as exc:
            raise StorageError(
                "the record database did not answer; check INTAKE_DATABASE_URL and that the server is up",
                code="database_unavailable",
            ) from exc

    @staticmethod
    def _lock_document(session: Session, document_id: int) -> DocumentRow:
        row = session.execute(
            sa.select(DocumentRow).where(DocumentRow.id == document_id).with_for_update()
        ).scalar_one_or_none()
        if row is None:
            raise NotFound(f"no document with id {document_id}; list them with `intake list --documents`")
        return row

    @staticmethod
    def _event(
        session: Session,
        subject_type: str,
        subject_id: str | int,
        action: str,
        actor: str,
        details: dict[str, Any] | None,
    ) -> EventRow:
        row = EventRow(
            subject_type=subject_type,
            subject_id=str(subject_id),
            actor=actor,
            action=action,
            at=utcnow(),
            details=dict(details or {}),
        )
        session.add(row)
        return row

    # -- documents -------------------------------------------------------------
    def add_document(
        self,
        *,
        sha256: str,
        channel: str,
        filename: str,
        source_key: str | None,
        size: int,
        dropped_at: datetime,
        sidecar: dict[str, Any] | None = None,
        pages: int | None = None,
        actor: str = SYSTEM_ACTOR,
    ) -> tuple[DocumentRecord, bool]:
        try:
            with self._tx() as session:
                existing = session.execute(
                    sa.select(DocumentRow).where(DocumentRow.sha256 == sha256).with_for_update()
                ).scalar_one_or_none()
                if existing is None:
                    now = utcnow()
                    row = DocumentRow(
                        sha256=sha256,
                        channel=str(channel),
                        filename=filename[:255],
                        source_key=source_key,
                        size=size,
                        pages=pages,
                        dropped_at=dropped_at,
                        sidecar=sidecar,
                        state="received",
                        attempts=0,
                        duplicates=0,
                        created_at=now,
                        updated_at=now,
                    )
                    session.add(row)
                    session.flush()
                    self._event(
                        session, "document", row.id, "received", actor,
                        {"channel": str(channel), "size": size, "sha256": sha256[:12]},
                    )
                    return _document(row), True
                return self._count_duplicate(session, existing, channel, actor), False
        except IntegrityError:
            # Another process inserted the same bytes between our SELECT and INSERT.
            with self._tx() as session:
                existing = session.execute(
                    sa.select(DocumentRow).where(DocumentRow.sha256 == sha256).with_for_update()
                ).scalar_one()
                return self._count_duplicate(session, existing, channel, actor), False

    def _count_duplicate(self, session: Session, row: DocumentRow, channel: str, actor: str) -> DocumentRecord:
        row.duplicates += 1
        self._event(
            session, "document", row.id, "duplicate_received", actor,
            {"channel": str(channel), "duplicates": row.duplicates, "state": row.state},
        )
        session.flush()
        return _document(row)

    def get_document(self, document_id: int) -> DocumentRecord:
        with self._tx() as session:
            row = session.get(DocumentRow, document_id)
            if row is None:
                raise NotFound(f"no document with id {document_id}; list them with `intake list --documents`")
            return _document(row)

    def find_document(self, sha256: str) -> DocumentRecord | None:
        with self._tx() as session:
            row = session.execute(sa.select(DocumentRow).where(DocumentRow.sha256 == sha256)).scalar_one_or_none()
            return _document(row) if row else None

    def resolve_document(self, ref: str) -> DocumentRecord:
        ref = ref.strip().lower()
        with self._tx() as session:
            if ref.isdigit():
                by_number = session.execute(
                    sa.select(DocumentRow)
                    .join(ApplicationRow, ApplicationRow.document_id == DocumentRow.id)
                    .where(ApplicationRow.confirmation_number == ref)
                ).scalar_one_or_none()
                if by_number is not None:
                    return _document(by_number)
                by_id = session.get(DocumentRow, int(ref)) if len(ref) < 18 else None
                if by_id is not None:
                    return _document(by_id)
            if _HEX.match(ref):
                rows = session.execute(
                    sa.select(DocumentRow).where(DocumentRow.sha256.startswith(ref, autoescape=True)).limit(2)
                ).scalars().all()
                if len(rows) == 1:
                    return _document(rows[0])
                if len(rows) > 1:
                    raise NotFound("that sha256 prefix matches several documents; give more digits")
        raise NotFound(
            "no document matches that id, sha256 prefix or confirmation number; see `intake list --documents`"
        )

    def set_state(
        self,
        document_id: int,
        state: str,
        *,
        action: str,
        actor: str = SYSTEM_ACTOR,
        reason_code: str | None = None,
        reason_message: str | None = None,
        job_id: str | None = None,
        job_timeout: int | None = None,
        details: dict[str, Any] | None = None,
    ) -> DocumentRecord:
        if state not in DOCUMENT_STATES:
            raise ValueError(f"unknown document state {state!r}")
        with self._tx() as session:
            row = self._lock_document(session, document_id)
            previous = row.state
            row.state = state
            row.reason_code = reason_code
            row.reason_message = reason_message
            if job_id is not None:
                row.job_id = job_id
            if job_timeout is not None:
                row.job_timeout = job_timeout
            if state != "processing":
                row.processing_started_at = None
            event_details = {"from": previous, "to": state, "attempts": row.attempts}
            if reason_code:
                event_details["reason_code"] = reason_code
            event_details.update(details or {})
            self._event(session, "document", row.id, action, actor, event_details)
            session.flush()
            return _document(row)

    def _is_stale(self, row: DocumentRow, now: datetime) -> bool:
        started = row.processing_started_at
        if started is None:
            return True
        return now - started > timedelta(seconds=row.job_timeout or DEFAULT_JOB_TIMEOUT)

    def claim_for_processing(self, document_id: int, *, job_id: str | None = None) -> DocumentRecord | None:
        with self._tx() as session:
            row = self._lock_document(session, document_id)
            now = utcnow()
            if row.state in ("processed", "quarantined"):
                return None
            if row.state == "processing" and not self._is_stale(row, now):
                return None  # a live job holds it
            previous = row.state
            row.state = "processing"
            row.attempts += 1
            row.processing_started_at = now
            if job_id is not None:
                row.job_id = job_id
            self._event(
                session, "document", row.id, "processing_started", SYSTEM_ACTOR,
                {"from": previous, "attempt": row.attempts, "job_id": job_id},
            )
            session.flush()
            return _document(row)

    def release_stuck(self, document_id: int, *, max_attempts: int) -> DocumentRecord | None:
        """Return a stuck document to ``queued`` (or ``failed`` after ``max_attempts``); ``None`` if not stuck.

        The check and the change are one locked transaction, so two recoverers
        (a watcher and a starting worker) never both re-enqueue it.
        """
        with self._tx() as session:
            row = self._lock_document(session, document_id)
            now = utcnow()
            if row.state != "processing" or not self._is_stale(row, now):
                return None
            lost = {"attempts": row.attempts, "job_id": row.job_id, "job_timeout": row.job_timeout}
            row.processing_started_at = None
            if row.attempts >= max_attempts:
                row.state = "failed"
                row.reason_code = "worker_lost"
                row.reason_message = (
                    "the worker stopped during processing on every attempt; check worker memory and logs, "
                    "then `intake requeue` this document"
                )
                self._event(session, "document", row.id, "failed", SYSTEM_ACTOR, {**lost, "reason_code": "worker_lost"})
            else:
                row.state = "queued"
                self._event(session, "document", row.id, "requeued_stuck", SYSTEM_ACTOR, lost)
            session.flush()
            return _document(row)

    def stuck_documents(self) -> list[DocumentRecord]:
        now = utcnow()
        with self._tx() as session:
            rows = session.execute(sa.select(DocumentRow).where(DocumentRow.state == "processing")).scalars().all()
            return [_document(row) for row in rows if self._is_stale(row, now)]

    def list_documents(self, *, state: str | None = None, limit: int = 50, offset: int = 0) -> Page[DocumentRecord]:
        query = sa.select(DocumentRow)
        counter = sa.select(sa.func.count()).select_from(DocumentRow)
        if state:
            query = query.where(DocumentRow.state == state)
            counter = counter.where(DocumentRow.state == state)
        with self._tx() as session:
            total = session.execute(counter).scalar_one()
            rows = session.execute(query.order_by(DocumentRow.id).limit(limit).offset(offset)).scalars().all()
            return Page(items=[_document(r) for r in rows], total=total, limit=limit, offset=offset)

    def count_by_state(self) -> dict[str, int]:
        with self._tx() as session:
            rows = session.execute(
                sa.select(DocumentRow.state, sa.func.count()).group_by(DocumentRow.state)
            ).all()
            return {state: count for state, count in rows}

    # -- applications ----------------------------------------------------------
    def _write_application(
        self,
        session: Session,
        document: DocumentRow,
        contract: dict[str, Any],
        *,
        must_exist: bool,
    ) -> tuple[ApplicationRow, bool]:
        row = session.execute(
            sa.select(ApplicationRow).where(ApplicationRow.document_id == document.id)
        ).scalar_one_or_none()
        if row is None and must_exist:
            raise NotFound(f"document {document.id} has no application yet; process it first")
        contract = dict(contract)
        if row is not None and row.confirmation_number:
            # A number once given is the applicant's for good: a re-run or an edit keeps it.
            contract["confirmation_number"] = row.confirmation_number
        columns = _indexed_columns(contract)
        now = utcnow()
        created = row is None
        if row is None:
            row = ApplicationRow(document_id=document.id, contract=contract, created_at=now, updated_at=now, **columns)
            session.add(row)
        else:
            row.contract = contract
            for name, value in columns.items():
                setattr(row, name, value)
            row.updated_at = now
        session.flush()
        return row, created

    def save_application(
        self, document_id: int, contract: dict[str, Any], *, actor: str = SYSTEM_ACTOR
    ) -> ApplicationRecord:
        try:
            with self._tx() as session:
                document = self._lock_document(session, document_id)
                row, created = self._write_application(session, document, contract, must_exist=False)
                document.state = "processed"
                document.reason_code = None
                document.reason_message = None
                document.processing_started_at = None
                pages = (contract.get("document") or {}).get("pages")
                if isinstance(pages, int):
                    document.pages = pages
                self._event(
                    session, "document", document.id, "processed" if created else "reprocessed", actor,
                    {
                        "application_id": row.id,
                        "status": row.status,
                        "kind": row.kind,
                        "confirmation_number": row.confirmation_number,
                        "attempts": document.attempts,
                    },
                )
                return _application(row, document.sha256)
        except IntegrityError as exc:
            # The confirmation number was taken between the pipeline's check and this insert.
            raise StorageError(
                "the confirmation number was taken concurrently; the job will be retried",
                code="confirmation_conflict",
            ) from exc

    def update_application(
        self,
        document_id: int,
        contract: dict[str, Any],
        *,
        actor: str,
        action: str = "application_edited",
        details: dict[str, Any] | None = None,
        expected_version: datetime | None = None,
    ) -> ApplicationRecord:
        with self._tx() as session:
            document = self._lock_document(session, document_id)
            if expected_version is not None:
                current = session.scalar(
                    sa.select(ApplicationRow.updated_at).where(ApplicationRow.document_id == document.id)
                )
                if current is not None and current != expected_version:
                    raise RecordChanged(
                        "someone changed this application meanwhile; reload it and redo your change"
                    )
            row, _ = self._write_application(session, document, contract, must_exist=True)
            self._event(
                session, "application", row.id, action, actor,
                {"document_id": document.id, "status": row.status, **(details or {})},
            )
            return _application(row, document.sha256)

    def get_application(self, document_id: int) -> ApplicationRecord | None:
        with self._tx() as session:
            found = session.execute(
                sa.select(ApplicationRow, DocumentRow.sha256)
                .join(DocumentRow, DocumentRow.id == ApplicationRow.document_id)
                .where(ApplicationRow.document_id == document_id)
            ).one_or_none()
            return _application(found[0], found[1]) if found else None

    def confirmation_taken(self, number: str) -> bool:
        with self._tx() as session:
            return (
                session.execute(
                    sa.select(ApplicationRow.id).where(ApplicationRow.confirmation_number == number)
                ).first()
                is not None
            )

    def list_applications(
        self, filters: ApplicationFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> Page[ApplicationRecord]:
        filters = filters or ApplicationFilter()
        conditions = []
        for column, value in (
            (ApplicationRow.status, filters.status),
            (ApplicationRow.channel, filters.channel),
            (ApplicationRow.npn, filters.npn),
            (ApplicationRow.kind, filters.kind),
        ):
            if value is not None:
                conditions.append(column == value)
        if filters.received_from is not None:
            conditions.append(ApplicationRow.received_at >= filters.received_from)
        if filters.received_before is not None:
            conditions.append(ApplicationRow.received_at < filters.received_before)
        query = (
            sa.select(ApplicationRow, DocumentRow.sha256)
            .join(DocumentRow, DocumentRow.id == ApplicationRow.document_id)
            .where(*conditions)
            .order_by(ApplicationRow.document_id)
            .limit(limit)
            .offset(offset)
        )
        counter = sa.select(sa.func.count()).select_from(ApplicationRow).where(*conditions)
        with self._tx() as session:
            total = session.execute(counter).scalar_one()
            items = [_application(row, sha) for row, sha in session.execute(query).all()]
            return Page(items=items, total=total, limit=limit, offset=offset)

    def add_outreach_attempt(self, application_id: int, *, contact: str, outcome: str, actor: str) -> None:
        with self._tx() as session:
            if session.get(ApplicationRow, application_id) is None:
                raise NotFound(f"no application with id {application_id}; go back to the queue")
            session.add(OutreachAttempt(application_id=application_id, contact=contact, outcome=outcome,
                                        by_user=actor, at=utcnow()))
            self._event(session, "application", application_id, "outreach_attempt", actor,
                        {"contact": contact, "outcome": outcome})

    # -- audit -----------------------------------------------------------------
    def add_event(
        self,
        subject_type: str,
        subject_id: str | int,
        action: str,
        *,
        actor: str = SYSTEM_ACTOR,
        details: dict[str, Any] | None = None,
    ) -> EventRecord:
        with self._tx() as session:
            row = self._event(session, subject_type, subject_id, action, actor, details)
            session.flush()
            return _event_record(row)

    def events_for(self, subject_type: str, subject_id: str | int) -> list[EventRecord]:
        with self._tx() as session:
            rows = session.execute(
                sa.select(EventRow)
                .where(EventRow.subject_type == subject_type, EventRow.subject_id == str(subject_id))
                .order_by(EventRow.id)
            ).scalars().all()
            return [_event_record(row) for row in rows]


def open_record_store(settings: Settings) -> SqlRecordStore:
    """The record store for ``settings`` (SQLite under the storage root by default), migrated to head."""
    return SqlRecordStore(open_database(settings))
