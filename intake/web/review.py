"""What a reviewer does to one application: look at it, correct fields, confirm them, change its status.

Every action is an audit event on the application (``subject_type
"application"``, the application id) with who and when; field events carry
the path, never the values; status events carry the old and new status.
Edits are read-modify-write of the contract: the form sends the version it
was shown (``updated_at``) and a changed record is refused, so two reviewers
cannot silently overwrite each other.
"""

from __future__ import annotations

import copy
import threading
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from intake.errors import IntakeError, NotFound
from intake.plans import plan_name
from intake.web.accounts import SignedIn
from intake.web.context import WebContext
from intake.application import value_at
from intake.web.fields import Edit, set_path, validate_edit
from intake.web.models import CONTACTS, OUTCOMES
from intake.web.roles import Permission, allowed
from intake.web.transitions import check_transition
from storage.models import ApplicationRow
from storage.records import ApplicationRecord, EventRecord, RecordChanged

__all__ = ["Conflict", "REJECTION_REASONS", "Review"]

#: Reasons a person may give when rejecting (contract ``rejection_reason``).
REJECTION_REASONS: tuple[str, ...] = ("required_documents_not_received", "cms_rejected")


Conflict = RecordChanged  # the record changed since the page was loaded


def confirm_unread_blank(contract: dict[str, Any], paths: list[str]) -> list[str]:
    """Unread required items among ``paths`` that are still empty become ``missing[]`` entries; their paths."""
    from intake.rules.completeness import blank_item

    agent_named = bool(value_at(contract, "agent.name"))
    moved: list[str] = []
    kept = []
    for item in contract.get("unread") or []:
        path = item.get("field")
        if path in paths and value_at(contract, path) in (None, "", False):
            contract.setdefault("missing", []).append(blank_item(path, agent_named=agent_named).model_dump())
            moved.append(path)
        else:
            kept.append(item)
    if "unread" in contract:
        contract["unread"] = kept
    return moved


class Review:
    """Reviewer actions over the record store; one instance per app."""

    def __init__(self, context: WebContext) -> None:
        self._context = context
        self._lock = threading.Lock()  # one read-modify-write at a time in this process

    @property
    def _records(self):  # type: ignore[no-untyped-def]
        return self._context.records

    def load(self, application_id: int) -> ApplicationRecord:
        with self._context.db() as db:
            document_id = db.scalar(sa.select(ApplicationRow.document_id).where(ApplicationRow.id == application_id))
        record = self._records.get_application(document_id) if document_id is not None else None
        if record is None:
            raise NotFound("no such application; go back to the queue")
        return record

    def record_view(self, record: ApplicationRecord, user: SignedIn) -> None:
        self._records.add_event(
            "application", record.id, "application_viewed", actor=user.name,
            details={"document_id": record.document_id},
        )

    def events(self, record: ApplicationRecord) -> list[EventRecord]:
        return self._records.events_for("application", record.id)

    def _update(
        self,
        application_id: int,
        version: str | None,
        user: SignedIn,
        change: Any,
        *,
        action: str,
        details: dict[str, Any],
    ) -> ApplicationRecord:
        with self._lock:
            record = self.load(application_id)
            if version and version != record.updated_at.isoformat():
                raise Conflict("someone changed this application meanwhile; reload the page and redo your change")
            contract = copy.deepcopy(record.contract)
            change(contract)
            # The lock only orders this process; the store re-checks the version under the
            # row lock, so an edit from another web process between our read and this
            # write is refused, not overwritten.
            return self._records.update_application(
                record.document_id, contract, actor=user.name, action=action, details=details,
                expected_version=record.updated_at,
            )

    def edit_field(
        self, application_id: int, path: str, raw: str | None, user: SignedIn, *, version: str | None = None
    ) -> tuple[ApplicationRecord, Edit]:
        """Validate and store one field; a clean value leaves ``review[]``, a repaired or doubtful one stays."""
        edit = validate_edit(path, raw, self._context.settings.tz)

        def change(contract: dict[str, Any]) -> None:
            set_path(contract, path, edit.value)
            if path == "plan.id" and plan_name(edit.value):
                set_path(contract, "plan.name", plan_name(edit.value))
            review = [p for p in contract.get("review") or [] if p != path]
            if edit.still_in_review:
                review.append(path)
            contract["review"] = review
            if path in ("receipt.received_at", "requested_effective_date"):
                contract["effective_date_check"] = self._effective_date_check(contract)
            if edit.value is not None:
                contract["missing"] = [m for m in contract.get("missing") or [] if m.get("field") != path]
                if "unread" in contract:
                    contract["unread"] = [u for u in contract["unread"] or [] if u.get("field") != path]
                confidence = dict(contract.get("confidence") or {})
                confidence[path] = 1.0  # entered by a person
                contract["confidence"] = confidence

        details = {"path": path, "still_in_review": edit.still_in_review}
        if edit.note:
            details["note"] = edit.note
        record = self._update(application_id, version, user, change, action="field_corrected", details=details)
        return record, edit

    def _effective_date_check(self, contract: dict[str, Any]) -> dict[str, Any]:
        """The rules engine's check again, after a person changed the receipt or the requested date."""
        from intake.rules import check_effective_date

        received = (contract.get("receipt") or {}).get("received_at")
        moment = datetime.fromisoformat(received) if received else None
        check = check_effective_date(moment, contract.get("requested_effective_date"), self._context.settings.tz)
        return check.model_dump(mode="json")

    def confirm_fields(
        self, application_id: int, paths: list[str], user: SignedIn, *, version: str | None = None
    ) -> ApplicationRecord:
        """A person vouches for these fields as they are: they leave ``review[]``.

        A required item the machine could not read (the record's ``unread``) that the person confirms
        empty is now known to be missing: it joins ``missing[]``, and a submitted application goes on
        hold for outreach.
        """
        details: dict[str, Any] = {"paths": sorted(paths)}

        def change(contract: dict[str, Any]) -> None:
            contract["review"] = [p for p in contract.get("review") or [] if p not in paths]
            now_missing = confirm_unread_blank(contract, paths)
            if now_missing:
                details["now_missing"] = now_missing
                if contract.get("status") in ("submitted", "in_progress"):
                    details["status"] = {"from": contract["status"], "to": "on_hold_applicant_outreach"}
                    contract["status"] = "on_hold_applicant_outreach"

        return self._update(application_id, version, user, change, action="fields_confirmed", details=details)

    def change_status(
        self,
        application_id: int,
        new_status: str,
        user: SignedIn,
        *,
        version: str | None = None,
        rejection_reason: str | None = None,
    ) -> ApplicationRecord:
        """Move along an allowed transition; ``denied``/``canceled`` need a supervisor."""
        if not allowed(user.role, Permission.CHANGE_STATUS):
            raise IntakeError("your role cannot change statuses; ask a reviewer", code="forbidden")
        supervisor = allowed(user.role, Permission.CLOSE_APPLICATION)
        if new_status == "rejected" and rejection_reason not in REJECTION_REASONS:
            raise IntakeError("pick a rejection reason", code="rejection_reason_required")
        details: dict[str, Any] = {"to": new_status}
        if new_status == "rejected":
            details["rejection_reason"] = rejection_reason

        def change(contract: dict[str, Any]) -> None:
            current = str(contract.get("status") or "not_yet_submitted")
            check_transition(current, new_status, supervisor=supervisor)
            details["from"] = current  # filled before the store writes the event
            contract["status"] = new_status
            contract["rejection_reason"] = rejection_reason if new_status == "rejected" else None

        record = self._update(application_id, version, user, change, action="status_changed", details=details)
        return record

    def log_outreach(self, application_id: int, contact: str, outcome: str, user: SignedIn) -> None:
        """One contact attempt (whom, how it went); no free text, so no PHI lands in the log."""
        if contact not in CONTACTS or outcome not in OUTCOMES:
            raise IntakeError("pick whom you contacted and how it went", code="bad_choice")
        self._records.add_outreach_attempt(application_id, contact=contact, outcome=outcome, actor=user.name)

    def field_value(self, record: ApplicationRecord, path: str) -> Any:
        return value_at(record.contract, path)
