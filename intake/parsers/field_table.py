"""Which normaliser applies to which contract field path, and the choice normalisers (yes/no, enums).

Used for values that arrive already separated by field (portal JSON); the
form parser has its own table tuned to printed labels.
"""

from __future__ import annotations

import re
from datetime import date as Date
from typing import Any

from intake.parsers.normalize import (
    Normalized,
    account_number,
    date,
    medicare_number,
    middle_initial,
    npn,
    person_name,
    phone,
    plan_id,
    routing_number,
    sex,
    state,
    text,
    zip_code,
)

__all__ = ["for_field", "yes_no", "payment_method", "account_type", "signer"]

_EMPTY = Normalized(None, False, note="empty")


def _bad() -> Normalized:
    return Normalized(None, False, note="bad_format")


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


_YES = {"Y", "YES", "TRUE", "X", "1", "ON", "CHECKED", "SIGNED"}
_NO = {"N", "NO", "FALSE", "0", "OFF", "UNCHECKED", "NONE"}


def yes_no(raw: Any) -> Normalized:
    """A boolean from a real boolean, yes/no, true/false, X (a ticked box), 1/0."""
    if isinstance(raw, bool):
        return Normalized(raw, True)
    if _blank(raw):
        return _EMPTY
    s = re.sub(r"[^A-Za-z0-9]", "", str(raw)).upper()
    if s in _YES:
        return Normalized(True, True)
    if s in _NO:
        return Normalized(False, True)
    return _bad()


def _choice(options: dict[str, str]) -> Any:
    def normalize(raw: Any) -> Normalized:
        if _blank(raw):
            return _EMPTY
        s = re.sub(r"[^a-z]", "", str(raw).lower())
        for key, value in options.items():
            if s == key:
                return Normalized(value, True)
        for key, value in options.items():
            if len(s) >= 4 and (s.startswith(key) or key.startswith(s)):
                return Normalized(value, True)
        return _bad()

    return normalize


#: Premium payment: bill, eft, ssa, rrb (the CMS model form's four options, by their usual wording).
payment_method = _choice({
    "bill": "bill", "monthlybill": "bill", "coupon": "bill", "couponbook": "bill", "getabill": "bill",
    "eft": "eft", "electronicfundstransfer": "eft", "automaticwithdrawal": "eft", "ach": "eft",
    "ssa": "ssa", "socialsecurity": "ssa", "socialsecuritycheck": "ssa",
    "rrb": "rrb", "railroadretirementboard": "rrb", "railroadretirement": "rrb",
})
account_type = _choice({"checking": "checking", "chk": "checking", "savings": "savings", "sav": "savings"})
signer = _choice({
    "applicant": "applicant", "self": "applicant", "beneficiary": "applicant", "member": "applicant",
    "authorizedrepresentative": "authorized_representative", "representative": "authorized_representative",
    "rep": "authorized_representative",
})


def for_field(path: str, raw: Any, *, today: Date | None = None) -> Normalized:
    """Normalise ``raw`` as the contract field at ``path`` (see ``intake.extraction.FIELD_PATHS``)."""
    leaf = path.rsplit(".", 1)[-1]
    if path == "applicant.birth_date":
        return date(raw, kind="birth", today=today)
    if path == "signature.date":
        return date(raw, kind="signature", today=today)
    if path == "requested_effective_date":
        return date(raw, kind="effective", today=today)
    if path in ("dental_rider", "signature.signed"):
        return yes_no(raw)
    by_path = {
        "plan.id": plan_id,
        "medicare_number": medicare_number,
        "agent.npn": npn,
        "premium_payment.method": payment_method,
        "premium_payment.account_type": account_type,
        "premium_payment.routing_number": routing_number,
        "premium_payment.account_number": account_number,
        "premium_payment.account_holder": person_name,
        "signature.by": signer,
        "authorized_representative.address": text,
        "authorized_representative.relationship": text,
    }
    if path in by_path:
        return by_path[path](raw)
    by_leaf = {
        "first_name": person_name,
        "last_name": person_name,
        "name": person_name,
        "middle_initial": middle_initial,
        "sex": sex,
        "phone": phone,
        "state": state,
        "zip": zip_code,
    }
    if path == "plan.name":
        return text(raw)
    return by_leaf.get(leaf, text)(raw if not isinstance(raw, (int, float)) or isinstance(raw, bool) else str(raw))
