"""What the parsers found: field values with confidence, before the rules run.

Fields are keyed by their contract path (``applicant.first_name``,
``applicant.permanent_address.zip``, ``premium_payment.method``,
``authorized_representative.name``, ``agent.npn``, ...; see ``FIELD_PATHS``).
A field that is absent from ``Extraction.fields`` (or whose value is None) was
not found — that is data, not an error.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from intake.application import ReceiptSource
from intake.ocr.page_text import Box

__all__ = ["FIELD_PATHS", "FieldValue", "Extraction", "ReceiptFinding", "Classification"]

#: Every field the form parser looks for, by contract path.
FIELD_PATHS: tuple[str, ...] = (
    "plan.id",
    "plan.name",
    "applicant.first_name",
    "applicant.middle_initial",
    "applicant.last_name",
    "applicant.birth_date",
    "applicant.sex",
    "applicant.phone",
    "applicant.permanent_address.street",
    "applicant.permanent_address.city",
    "applicant.permanent_address.county",
    "applicant.permanent_address.state",
    "applicant.permanent_address.zip",
    "applicant.mailing_address.street",
    "applicant.mailing_address.city",
    "applicant.mailing_address.state",
    "applicant.mailing_address.zip",
    "medicare_number",
    "requested_effective_date",
    "primary_care_clinic",
    "dental_rider",
    "premium_payment.method",
    "premium_payment.account_holder",
    "premium_payment.routing_number",
    "premium_payment.account_number",
    "premium_payment.account_type",
    "signature.signed",
    "signature.date",
    "signature.by",
    "authorized_representative.name",
    "authorized_representative.address",
    "authorized_representative.phone",
    "authorized_representative.relationship",
    "agent.name",
    "agent.npn",
)


class FieldValue(BaseModel):
    """One field's normalised value, how sure we are, and where it was read."""

    model_config = ConfigDict(frozen=True)

    value: Any = None
    confidence: float = 0.0
    needs_review: bool = False
    note: str | None = None  # machine code, e.g. "mbi_repaired", "ssn_in_medicare_box", "invalid_checksum"
    raw: str | None = None  # the text as read, before normalising (PHI: never log it)
    page: int | None = None
    box: Box | None = None


class Extraction(BaseModel):
    """All fields found in one document."""

    fields: dict[str, FieldValue] = Field(default_factory=dict)
    warnings: list[str] = Field(default_factory=list)  # codes only
    # Paths whose label the parser found on the form, so that an empty value there was seen to be blank;
    # None when every field had its place (a portal submission). Paths not listed were never looked at.
    located: list[str] | None = None

    def value(self, path: str) -> Any:
        field = self.fields.get(path)
        return None if field is None else field.value


class ReceiptFinding(BaseModel):
    """One piece of evidence for the receipt stamp."""

    model_config = ConfigDict(frozen=True)

    received_at: datetime  # timezone-aware, in plan local time
    source: ReceiptSource
    confidence: float = 1.0
    has_time: bool = True
    detail: str | None = None  # a code, e.g. "sidecar", "tiff_datetime", "header_style_hylafax"


class Classification(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # "enrollment_application", "dental_enrollment", "disenrollment_request", "cover_letter", "blank", "unknown"
    reason: str
    confidence: float = 1.0
    # pages that travel with the form but hold none of its fields: a fax cover sheet, a DocuSign certificate, an
    # agent's Scope of Appointment
    set_aside: tuple[int, ...] = ()
