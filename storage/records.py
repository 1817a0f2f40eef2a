"""The ``RecordStore`` Protocol: documents, applications and the audit trail.

Implementations hand back frozen records (plain data, detached from any
session), so callers never hold a database session. The SQL implementation
is ``storage.sql_records.SqlRecordStore``; build it with
``open_record_store(settings)``.

Event ``details`` hold ids, codes and counts only — never names, birth dates,
Medicare or bank numbers, addresses or OCR text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from intake.errors import IntakeError
from storage.keys import original_key

__all__ = [
    "DocumentRecord",
    "ApplicationRecord",
    "EventRecord",
    "ApplicationFilter",
    "Page",
    "RecordStore",
    "RecordChanged",
    "SYSTEM_ACTOR",
]

SYSTEM_ACTOR = "system"
T = TypeVar("T")


class RecordChanged(IntakeError):
    """The application changed since the caller read it (its ``updated_at`` moved on)."""

    code = "changed_meanwhile"
    exit_code = 75


@dataclass(frozen=True)
class DocumentRecord:
    """One distinct original (by sha256) and where it is in processing."""

    id: int
    sha256: str
    channel: str
    filename: str
    source_key: str | None
    size: int
    pages: int | None
    dropped_at: datetime
    sidecar: dict[str, Any] | None
    state: str  # received / queued / processing / processed / quarantined / failed
    attempts: int
    job_id: str | None
    job_timeout: int | None
    processing_started_at: datetime | None
    reason_code: str | None
    reason_message: str | None
    duplicates: int
    created_at: datetime
    updated_at: datetime

    @property
    def original_key(self) -> str:
        return original_key(self.sha256)


@dataclass(frozen=True)
class ApplicationRecord:
    """The contract record of one document plus its indexed columns."""

    id: int
    document_id: int
    document_sha256: str
    contract: dict[str, Any]
    status: str
    kind: str
    confirmation_number: str | None
    npn: str | None
    channel: str
    received_at: datetime | None
    requested_effective_date: date | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class EventRecord:
    """One audit entry: who did what to which subject, when; ``details`` without PHI."""

    id: int
    subject_type: str
    subject_id: str
    actor: str
    action: str
    at: datetime
    details: dict[str, Any]


@dataclass(frozen=True)
class ApplicationFilter:
    """Which applications to list; ``None`` means any."""

    status: str | None = None
    channel: str | None = None
    npn: str | None = None
    kind: str | None = None
    received_from: datetime | None = None
    received_before: datetime | None = None


@dataclass(frozen=True)
class Page(Generic[T]):
    items: list[T] = field(default_factory=list)
    total: int = 0
    limit: int = 50
    offset: int = 0


@runtime_checkable
class RecordStore(Protocol):
    """What jobs, the CLI and the web app need from the database."""

    # documents
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
        """Record a new original; for bytes already known, count a duplicate and return ``(existing, False)``."""

    def get_document(self, document_id: int) -> DocumentRecord:
        """``NotFound`` if there is none."""

    def find_document(self, sha256: str) -> DocumentRecord | None: ...

    def resolve_document(self, ref: str) -> DocumentRecord:
        """By id, sha256 prefix (>= 6 hex digits) or confirmation number; ``NotFound`` otherwise."""

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
        """Move a document to ``state`` and append the event ``action`` in the same transaction."""

    def claim_for_processing(self, document_id: int, *, job_id: str | None = None) -> DocumentRecord | None:
        """Take the document for processing (attempts + 1), or ``None`` when it is done or held by a live job."""

    def stuck_documents(self) -> list[DocumentRecord]:
        """Documents in ``processing`` for longer than their job timeout (their worker died)."""

    def release_stuck(self, document_id: int, *, max_attempts: int) -> DocumentRecord | None:
        """Atomically return a stuck document to ``queued`` (``failed`` after ``max_attempts``); else ``None``."""

    def list_documents(self, *, state: str | None = None, limit: int = 50, offset: int = 0) -> Page[DocumentRecord]: ...

    def count_by_state(self) -> dict[str, int]: ...

    # applications
    def save_application(
        self, document_id: int, contract: dict[str, Any], *, actor: str = SYSTEM_ACTOR
    ) -> ApplicationRecord:
        """Store the document's one application and mark it processed; a re-run keeps its confirmation number."""

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
        """Replace a stored application's contract (a reviewer's edit); the confirmation number is kept.

        With ``expected_version`` (the ``updated_at`` the caller read), a record
        changed meanwhile raises ``RecordChanged`` instead of being overwritten;
        the check and the write share the row lock.
        """

    def add_outreach_attempt(self, application_id: int, *, contact: str, outcome: str, actor: str) -> None:
        """Log one contact attempt on an application and its ``outreach_attempt`` event together."""

    def get_application(self, document_id: int) -> ApplicationRecord | None: ...

    def confirmation_taken(self, number: str) -> bool: ...

    def list_applications(
        self, filters: ApplicationFilter | None = None, *, limit: int = 50, offset: int = 0
    ) -> Page[ApplicationRecord]: ...

    # audit
    def add_event(
        self,
        subject_type: str,
        subject_id: str | int,
        action: str,
        *,
        actor: str = SYSTEM_ACTOR,
        details: dict[str, Any] | None = None,
    ) -> EventRecord: ...

    def events_for(self, subject_type: str, subject_id: str | int) -> list[EventRecord]: ...
