"""A portal submission: JSON with the application's fields and its submission time.

The shape mirrors the contract record, so a portal submission reads like the
record it becomes::

    {
      "portal": "aspirus-agent-portal", "version": 1,
      "submission_id": "PS-12345678",
      "submitted_at": "2026-11-30T23:41:07-06:00",
      "application": {
      "plan": {"id": "H5652-002", "name": "..."},
      "applicant": {
        "first_name": "...", "middle_initial": "A", "last_name": "...",
        "birth_date": "1957-03-14", "sex": "F", "phone": "715-555-0142",
        "permanent_address": {"street": "...", "city": "...", "state": "WI", "zip": "54401", "county": "..."},
        "mailing_address": null
      },
      "medicare_number": "1EG4-TE5-MK73",
      "requested_effective_date": "2027-01-01",
      "primary_care_clinic": "...",
      "dental_rider": true,
      "premium_payment": {"method": "eft", "account_holder": "...", "routing_number": "...",
                          "account_number": "...", "account_type": "checking"},
      "signature": {"signed": true, "date": "2026-11-20", "by": "applicant"},
      "authorized_representative": null,
      "agent": {"name": "...", "npn": "17654321"}
      }
    }

The fields may also sit at the top level instead of under ``application``; flat dotted keys (``"applicant.first_name": "..."``) are accepted too. Every
value goes through the same normalisers as the paper forms: confidence 1.0,
unless a validator repaired it (0.9, reviewed) or refused it (value None,
confidence 0, reviewed, note says why). The receipt stamp is
``submitted_at`` (``portal_submission``); without one the drop time is used
and reviewed.
"""

from __future__ import annotations

import json
import logging
from datetime import date, datetime
from typing import Any

from intake.config import Settings
from intake.document import SourceDocument
from intake.errors import CorruptFile
from intake.extraction import FIELD_PATHS, Extraction, FieldValue, ReceiptFinding
from intake.parsers import normalize
from intake.parsers.field_table import for_field
from intake.parsers.local_time import to_local
from intake.parsers.receipt import ReceiptDecision, decide

__all__ = ["REPAIRED_CONFIDENCE", "parse_portal", "portal_fields", "flatten"]

log = logging.getLogger(__name__)

#: Confidence of a portal value a validator had to repair.
REPAIRED_CONFIDENCE = 0.9


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects to dotted contract paths (``{"agent": {"npn": 1}}`` -> ``{"agent.npn": 1}``)."""
    flat: dict[str, Any] = {}
    for key, value in data.items():
        path = f"{prefix}{key}"
        if isinstance(value, dict) and path != "authorized_representative.address":
            flat.update(flatten(value, f"{path}."))
        else:
            flat[path] = value
    return flat


def _parse_time(raw: Any) -> datetime | None:
    if not isinstance(raw, str) or not raw.strip():
        return None
    text = raw.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def portal_fields(data: dict[str, Any], *, today: date | None = None) -> Extraction:
    """The contract fields of a portal submission, normalised and scored."""
    # The portal wraps the fields in "application"; top-level fields are accepted too.
    body = data.get("application") if isinstance(data.get("application"), dict) else {}
    flat = {**flatten({k: v for k, v in data.items() if k != "application"}), **flatten(body)}
    fields: dict[str, FieldValue] = {}
    warnings: list[str] = []
    for path in FIELD_PATHS:
        if path not in flat:
            continue
        raw = flat[path]
        if isinstance(raw, dict):  # a representative's address given as an object
            raw = ", ".join(str(v) for v in raw.values() if v not in (None, ""))
        result = for_field(path, raw, today=today)
        if result.note == "empty":
            continue
        if result.ok:
            confidence = REPAIRED_CONFIDENCE if result.needs_review else 1.0
        else:
            confidence = 0.0
            warnings.append(f"invalid:{path}:{result.note}")
        fields[path] = FieldValue(
            value=result.value,
            confidence=confidence,
            needs_review=result.needs_review,
            note=result.note,
            raw=None if raw is None else str(raw),
        )
    if "plan.id" not in fields and isinstance(data.get("plan_id"), str):
        result = normalize.plan_id(data["plan_id"])
        fields["plan.id"] = FieldValue(value=result.value, confidence=1.0 if result.ok else 0.0,
                                       needs_review=result.needs_review, note=result.note)
    return Extraction(fields=fields, warnings=warnings)


def parse_portal(doc: SourceDocument, settings: Settings) -> tuple[Extraction, ReceiptDecision]:
    """Read the submission JSON at ``doc.path``: its fields and its receipt stamp."""
    try:
        data = json.loads(doc.path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptFile(
            "The portal submission is not readable JSON; ask the portal team to resend it.",
            code="portal_bad_json",
        ) from exc
    if not isinstance(data, dict):
        raise CorruptFile(
            "The portal submission is not a JSON object; ask the portal team to resend it.",
            code="portal_bad_json",
        )
    submitted = _parse_time(data.get("submitted_at"))
    findings: list[ReceiptFinding] = []
    if submitted is not None:
        findings.append(
            ReceiptFinding(
                received_at=to_local(submitted, settings.tz),
                source="portal_submission",
                confidence=1.0 if submitted.tzinfo is not None else 0.7,
                detail="submitted_at" if submitted.tzinfo is not None else "submitted_at_no_offset",
            )
        )
    else:
        log.warning("portal submission has no usable submitted_at: code=portal_no_submitted_at")
    receipt = decide(findings, doc, settings)
    today = receipt.received_at.date() if receipt.received_at else None
    return portal_fields(data, today=today), receipt
