"""The expected contract record for a sample, computed from what was drawn.

``missing`` and ``effective_date_check`` follow the rules of the contract
(application-v1.md) and DOMAIN.md, computed here independently of the
project's own rules module so evaluation can catch its mistakes.
"""

from __future__ import annotations

import copy
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from intake.application import value_at

__all__ = ["earliest_allowed", "effective_date_check", "required_missing", "build_truth", "PLAN_TZ"]

PLAN_TZ = ZoneInfo("America/Chicago")

_PERSONAL = (
    ("plan.id", "no plan was chosen"),
    ("applicant.first_name", "first name not given"),
    ("applicant.last_name", "last name not given"),
    ("applicant.birth_date", "birth date not given"),
    ("applicant.sex", "sex not marked"),
    ("applicant.phone", "phone number not given"),
    ("applicant.permanent_address.street", "street address not given"),
    ("applicant.permanent_address.city", "city not given"),
    ("applicant.permanent_address.state", "state not given"),
    ("applicant.permanent_address.zip", "ZIP code not given"),
    ("medicare_number", "Medicare number not given or not valid"),
)


def earliest_allowed(received: datetime, tz: ZoneInfo = PLAN_TZ) -> date:
    local = received.astimezone(tz).date()
    if local.month == 12:
        return date(local.year + 1, 1 if local.day <= 7 else 2, 1)
    return date(local.year, local.month + 1, 1)


def effective_date_check(received: datetime | None, requested: str | None) -> dict[str, Any]:
    if received is None:
        return {"earliest_allowed": None, "requested_allowed": None}
    earliest = earliest_allowed(received)
    allowed = None
    if requested:
        wanted = date.fromisoformat(requested)
        allowed = wanted.day == 1 and wanted >= earliest
    return {"earliest_allowed": earliest.isoformat(), "requested_allowed": allowed}


def required_missing(app: dict[str, Any], *, require_agent_npn: bool = False) -> list[dict[str, str]]:
    """One entry per required item that is absent, with who to contact first."""
    out: list[dict[str, str]] = []

    def need(path: str, reason: str, contact: str = "applicant") -> None:
        if value_at(app, path) in (None, ""):
            out.append({"field": path, "contact_first": contact, "reason": reason})

    for path, reason in _PERSONAL:
        need(path, reason)
    signature = app.get("signature") or {}
    if not signature.get("signed"):
        out.append({"field": "signature.signed", "contact_first": "applicant", "reason": "not signed"})
    need("signature.date", "signature date not given")
    if app.get("authorized_representative"):
        need("authorized_representative.name", "representative name not given")
        need("authorized_representative.phone", "representative phone not given")
        need("authorized_representative.relationship", "relationship to applicant not given")
    if value_at(app, "premium_payment.method") == "eft":
        need("premium_payment.routing_number", "bank routing number not given or not valid")
        need("premium_payment.account_number", "bank account number not given")
    if value_at(app, "agent.name") or require_agent_npn:
        need("agent.npn", "agent NPN not given", "agent")
    return out


def build_truth(
    *,
    application: dict[str, Any] | None,
    kind: str,
    channel: str,
    filename: str,
    sha256: str,
    pages: int,
    received_at: datetime | None,
    source: str | None,
    sample: dict[str, Any],
) -> dict[str, Any]:
    """The whole expected record (``confirmation_number`` null: it is random; ``confidence``/``review`` empty)."""
    sections = {
        "applicant": None, "medicare_number": None, "plan": None, "requested_effective_date": None,
        "primary_care_clinic": None, "dental_rider": None, "premium_payment": None, "signature": None,
        "authorized_representative": None, "agent": None,
    }
    status, rejection, missing, check = "not_yet_submitted", None, [], None
    received_local = received_at.astimezone(PLAN_TZ) if received_at else None
    if channel == "email":
        status, rejection = "rejected", "email_not_accepted"
    elif kind == "enrollment_application" and application is not None:
        sections.update(copy.deepcopy(application))
        missing = required_missing(sections)
        check = effective_date_check(received_local, sections["requested_effective_date"])
        status = "on_hold_applicant_outreach" if missing else "submitted"
    return {
        "schema": "enrollment-application/v1",
        "document": {"sha256": sha256, "filename": filename, "pages": pages, "channel": channel, "kind": kind},
        "receipt": {
            "received_at": received_local.isoformat() if received_local else None,
            "source": source,
        },
        "confirmation_number": None,
        **sections,
        "status": status,
        "rejection_reason": rejection,
        "missing": missing,
        "effective_date_check": check,
        "confidence": {},
        "review": [],
        "_sample": sample,
    }
