"""The review queue: applications and documents that need a person, filtered, sorted by deadline, paged.

An application needs a person when it is on hold for outreach, has fields in
``review[]``, took its receipt from the drop time (until a person confirms or
corrects ``receipt.received_at``), lists missing items, is
not an enrollment application, or may duplicate another; a document does
when it was quarantined or failed (with its reason code) or was flagged as
a duplicate of another. Closed applications (enrolled, rejected, denied,
canceled) leave the queue unless the status filter asks for them.

The deadline is the outreach deadline for an application on hold (see
``intake.web.outreach``), else the day before its requested coverage start;
items without one sort last, then by receipt time. The database narrows by
the indexed columns; the "needs a person" test reads the contract JSON in
Python, which keeps the query the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

import sqlalchemy as sa
from sqlalchemy.orm import Session

from intake.config import Settings
from intake.errors import IntakeError
from intake.web.outreach import is_denial_candidate, outreach_deadline
from storage.models import ApplicationRow, DocumentRow, EventRow

__all__ = [
    "CLOSED_STATUSES",
    "DOCUMENT_PROBLEMS",
    "QueueFilter",
    "QueueItem",
    "QueuePage",
    "load_queue",
    "queue_csv",
    "requested_on",
]

CLOSED_STATUSES = ("enrolled", "rejected", "denied", "canceled")
DOCUMENT_PROBLEMS = ("quarantined", "failed")
APPLICATION_STATUSES = (
    "not_yet_submitted", "submitted", "in_progress", "pending_medicare_approval",
    "on_hold_applicant_outreach", *CLOSED_STATUSES,
)
CHANNELS = ("fax", "mail", "docusign", "portal", "email")
PER_PAGE = 25


def _bad(field_name: str) -> IntakeError:
    return IntakeError(f"the {field_name} filter is not valid; correct it", code="bad_filter")


@dataclass(frozen=True)
class QueueFilter:
    status: str | None = None  # an application status, or a document problem (quarantined, failed)
    channel: str | None = None
    received_from: date | None = None
    received_to: date | None = None  # inclusive
    npn: str | None = None
    page: int = 1

    @classmethod
    def from_params(cls, params: Any) -> "QueueFilter":
        """From query parameters; an unknown value is refused (code ``bad_filter``)."""

        def text(name: str) -> str | None:
            value = (params.get(name) or "").strip()
            return value or None

        def day(name: str) -> date | None:
            value = text(name)
            if value is None:
                return None
            try:
                return date.fromisoformat(value)
            except ValueError as exc:
                raise _bad(name) from exc

        status, channel, npn = text("status"), text("channel"), text("npn")
        if status and status not in APPLICATION_STATUSES + DOCUMENT_PROBLEMS:
            raise _bad("status")
        if channel and channel not in CHANNELS:
            raise _bad("channel")
        if npn and not (npn.isdigit() and len(npn) <= 10):
            raise _bad("npn")
        page_text = text("page") or "1"
        if not page_text.isdigit() or int(page_text) < 1:
            raise _bad("page")
        return cls(status, channel, day("received_from"), day("received_to"), npn, int(page_text))

    def params(self, **override: Any) -> str:
        """The filter as a query string (for links to other pages and the CSV export)."""
        values = {
            "status": self.status, "channel": self.channel, "npn": self.npn,
            "received_from": self.received_from.isoformat() if self.received_from else None,
            "received_to": self.received_to.isoformat() if self.received_to else None,
            "page": self.page if self.page != 1 else None,
        }
        values.update(override)
        return urlencode({k: v for k, v in values.items() if v is not None})

    def as_dict(self) -> dict[str, Any]:
        return {
            "status": self.status, "channel": self.channel, "npn": self.npn,
            "received_from": self.received_from, "received_to": self.received_to, "page": self.page,
        }


@dataclass(frozen=True)
class QueueItem:
    kind: str  # "application" or "document"
    document_id: int
    application_id: int | None
    status: str  # the application's status, or the document's state
    channel: str
    received_at: datetime | None
    confirmation_number: str | None = None
    npn: str | None = None
    reasons: tuple[str, ...] = ()
    review_count: int = 0
    deadline: date | None = None
    deadline_kind: str | None = None  # "outreach" or "coverage_start"
    denial_candidate: bool = False
    reason_message: str | None = None  # a document's own reason text (no PHI by the error contract)
    applicant: str | None = None  # "OLSON, M" for reviewers; PHI, never logged

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "document_id": self.document_id,
            "application_id": self.application_id,
            "status": self.status,
            "channel": self.channel,
            "received_at": self.received_at.isoformat() if self.received_at else None,
            "confirmation_number": self.confirmation_number,
            "npn": self.npn,
            "reasons": list(self.reasons),
            "review_count": self.review_count,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "deadline_kind": self.deadline_kind,
            "denial_candidate": self.denial_candidate,
        }


@dataclass(frozen=True)
class QueuePage:
    items: list[QueueItem]
    total: int
    page: int
    pages: int
    filter: QueueFilter
    counts: dict[str, int] = field(default_factory=dict)


def _day_start(day: date, settings: Settings) -> datetime:
    return datetime.combine(day, time.min, tzinfo=settings.tz).astimezone(UTC)


def requested_on(db: Session, application_ids: list[int], settings: Settings) -> dict[int, date]:
    """When outreach was requested: the latest change to ``on_hold_applicant_outreach``, in plan local dates."""
    if not application_ids:
        return {}
    rows = db.execute(
        sa.select(EventRow.subject_id, EventRow.at, EventRow.details)
        .where(
            EventRow.subject_type == "application",
            EventRow.action == "status_changed",
            EventRow.subject_id.in_([str(i) for i in application_ids]),
        )
        .order_by(EventRow.id)
    ).all()
    found: dict[int, date] = {}
    for subject_id, at, details in rows:
        if (details or {}).get("to") == "on_hold_applicant_outreach":
            found[int(subject_id)] = at.astimezone(settings.tz).date()
    return found


def _applicant(contract: dict[str, Any]) -> str | None:
    person = contract.get("applicant") or {}
    last, first = person.get("last_name"), person.get("first_name")
    if not last and not first:
        return None
    return f"{last or '?'}, {(first or '?')[:1]}"


def _application_item(
    row: ApplicationRow, duplicate_of: int | None, today: date, asked: date | None, settings: Settings
) -> QueueItem | None:
    contract = row.contract or {}
    review = list(contract.get("review") or [])
    reasons: list[str] = []
    if row.status == "on_hold_applicant_outreach":
        reasons.append("on_hold_outreach")
    if review:
        reasons.append("fields_to_review")
    if (contract.get("receipt") or {}).get("source") == "drop_time" and "receipt.received_at" in review:
        reasons.append("receipt_drop_time")
    if contract.get("missing"):
        reasons.append("missing_items")
    if row.kind != "enrollment_application":
        reasons.append("not_an_application")
    if duplicate_of is not None or contract.get("duplicate_of"):
        reasons.append("possible_duplicate")
    received = row.received_at
    deadline: date | None = None
    kind: str | None = None
    if row.status == "on_hold_applicant_outreach":
        start = asked or row.created_at.astimezone(settings.tz).date()
        deadline = outreach_deadline(start, received.astimezone(settings.tz).date() if received else None, settings)
        kind = "outreach"
    elif row.requested_effective_date is not None and row.status not in CLOSED_STATUSES:
        deadline, kind = row.requested_effective_date - timedelta(days=1), "coverage_start"
    return QueueItem(
        kind="application",
        document_id=row.document_id,
        application_id=row.id,
        status=row.status,
        channel=row.channel,
        received_at=received,
        confirmation_number=row.confirmation_number,
        npn=row.npn,
        reasons=tuple(reasons),
        review_count=len(review),
        deadline=deadline,
        deadline_kind=kind,
        denial_candidate=kind == "outreach" and is_denial_candidate(deadline, today),
        applicant=_applicant(contract),
    ) if reasons else None


def _document_item(row: DocumentRow) -> QueueItem:
    reasons = [row.state] if row.state in DOCUMENT_PROBLEMS else []
    if row.reason_code:
        reasons.append(row.reason_code)
    if row.duplicate_of is not None:
        reasons.append("possible_duplicate")
    return QueueItem(
        kind="document",
        document_id=row.id,
        application_id=None,
        status=row.state,
        channel=row.channel,
        received_at=row.dropped_at,
        reasons=tuple(reasons),
        reason_message=row.reason_message,
    )


def load_queue(db: Session, flt: QueueFilter, settings: Settings, *, today: date | None = None,
               per_page: int = PER_PAGE, everything: bool = False) -> QueuePage:
    """One page of the queue under ``flt`` (``everything``: all pages, for the CSV export)."""
    today = today or datetime.now(settings.tz).date()
    items: list[QueueItem] = []
    want_documents = flt.status in (None, *DOCUMENT_PROBLEMS) and flt.npn is None
    want_applications = flt.status not in DOCUMENT_PROBLEMS

    if want_applications:
        query = sa.select(ApplicationRow, DocumentRow.duplicate_of).join(
            DocumentRow, DocumentRow.id == ApplicationRow.document_id
        )
        if flt.status:
            query = query.where(ApplicationRow.status == flt.status)
        else:
            query = query.where(ApplicationRow.status.not_in(CLOSED_STATUSES))
        if flt.channel:
            query = query.where(ApplicationRow.channel == flt.channel)
        if flt.npn:
            query = query.where(ApplicationRow.npn == flt.npn)
        if flt.received_from:
            query = query.where(ApplicationRow.received_at >= _day_start(flt.received_from, settings))
        if flt.received_to:
            query = query.where(ApplicationRow.received_at < _day_start(flt.received_to + timedelta(days=1), settings))
        rows = db.execute(query).all()
        on_hold = [row.id for row, _ in rows if row.status == "on_hold_applicant_outreach"]
        asked = requested_on(db, on_hold, settings)
        for row, duplicate_of in rows:
            item = _application_item(row, duplicate_of, today, asked.get(row.id), settings)
            if item is not None:
                items.append(item)

    if want_documents:
        problem = sa.or_(DocumentRow.state.in_(DOCUMENT_PROBLEMS), DocumentRow.duplicate_of.is_not(None))
        query = sa.select(DocumentRow).where(problem if flt.status is None else DocumentRow.state == flt.status)
        # A duplicate that became an application is listed once, as the application.
        query = query.where(~sa.exists().where(ApplicationRow.document_id == DocumentRow.id))
        if flt.channel:
            query = query.where(DocumentRow.channel == flt.channel)
        if flt.received_from:
            query = query.where(DocumentRow.dropped_at >= _day_start(flt.received_from, settings))
        if flt.received_to:
            query = query.where(DocumentRow.dropped_at < _day_start(flt.received_to + timedelta(days=1), settings))
        items.extend(_document_item(row) for row in db.execute(query).scalars())

    far = date.max
    epoch = datetime.min.replace(tzinfo=UTC)
    items.sort(key=lambda i: (i.deadline or far, i.received_at or epoch, i.document_id))
    counts: dict[str, int] = {}
    for item in items:
        for reason in item.reasons:
            counts[reason] = counts.get(reason, 0) + 1
    total = len(items)
    pages = max(1, -(-total // per_page))
    if everything:
        return QueuePage(items, total, 1, 1, flt, counts)
    page = min(flt.page, pages)
    start = (page - 1) * per_page
    return QueuePage(items[start : start + per_page], total, page, pages, replace(flt, page=page), counts)


_CSV_COLUMNS = (
    "kind", "application_id", "document_id", "confirmation_number", "status", "channel", "received_at",
    "npn", "deadline", "deadline_kind", "denial_candidate", "review_count", "reasons",
)


def _cell(value: Any) -> str:
    text = "" if value is None else str(value)
    # A leading = + - @ would make a spreadsheet evaluate the cell.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def queue_csv(page: QueuePage, settings: Settings) -> str:
    """The queue as CSV: ids, codes and dates only (no names, no Medicare or bank numbers)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(_CSV_COLUMNS)
    for item in page.items:
        row = item.to_json()
        row["received_at"] = item.received_at.astimezone(settings.tz).isoformat() if item.received_at else None
        row["reasons"] = " ".join(item.reasons)
        row["denial_candidate"] = "yes" if item.denial_candidate else "no"
        writer.writerow([_cell(row[column]) for column in _CSV_COLUMNS])
    return out.getvalue()
