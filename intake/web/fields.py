"""The fields a reviewer sees and edits, and how an edit is validated.

An edit goes through the same validator the parser used
(``intake.parsers.normalize``): an invalid value is refused with the
validator's note code; a valid one is stored in the contract's format. A
value the validator had to repair or doubts is stored but stays in
``review[]`` until a person confirms it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from intake.errors import IntakeError
from intake.parsers import normalize as nz
from intake.web.masking import MASKED_PATHS

__all__ = ["FieldSpec", "FIELDS", "FIELD_GROUPS", "EditRefused", "Edit", "validate_edit", "set_path"]

Validator = Callable[[str], nz.Normalized]


class EditRefused(IntakeError):
    """The value does not pass the field's validator (code = the validator's note)."""

    code = "invalid_value"
    exit_code = 65


@dataclass(frozen=True)
class FieldSpec:
    path: str
    label: str
    group: str
    kind: str = "text"  # text | choice | bool | datetime
    validator: Validator | None = None
    choices: tuple[str, ...] = ()
    masked: bool = False
    hint: str = field(default="")


def _date(kind: nz.DateKind) -> Validator:
    return lambda raw: nz.date(raw, kind=kind)


def _specs() -> list[FieldSpec]:
    addr = []
    for which, title in (("permanent_address", "Permanent address"), ("mailing_address", "Mailing address")):
        base = f"applicant.{which}"
        addr += [
            FieldSpec(f"{base}.street", "Street", title, validator=nz.text),
            FieldSpec(f"{base}.city", "City", title, validator=nz.text),
            FieldSpec(f"{base}.state", "State", title, validator=nz.state, hint="2-letter code"),
            FieldSpec(f"{base}.zip", "ZIP", title, validator=nz.zip_code),
        ]
    addr.insert(3, FieldSpec("applicant.permanent_address.county", "County", "Permanent address", validator=nz.text))
    specs = [
        FieldSpec("receipt.received_at", "Received at", "Receipt", kind="datetime", hint="plan local time"),
        FieldSpec("applicant.first_name", "First name", "Applicant", validator=nz.person_name),
        FieldSpec("applicant.middle_initial", "Middle initial", "Applicant", validator=nz.middle_initial),
        FieldSpec("applicant.last_name", "Last name", "Applicant", validator=nz.person_name),
        FieldSpec("applicant.birth_date", "Birth date", "Applicant", validator=_date("birth"), hint="MM/DD/YYYY"),
        FieldSpec("applicant.sex", "Sex", "Applicant", kind="choice", choices=("M", "F")),
        FieldSpec("applicant.phone", "Phone", "Applicant", validator=nz.phone, hint="10 digits"),
        *addr,
        FieldSpec("medicare_number", "Medicare number", "Medicare", validator=nz.medicare_number, masked=True),
        FieldSpec("plan.id", "Plan id", "Plan", validator=nz.plan_id, hint="e.g. H5652-002"),
        FieldSpec("plan.name", "Plan name", "Plan", validator=nz.text),
        FieldSpec(
            "requested_effective_date", "Requested effective date", "Plan", validator=_date("effective")
        ),
        FieldSpec("primary_care_clinic", "Primary care clinic", "Plan", validator=nz.text),
        FieldSpec("dental_rider", "Dental rider", "Plan", kind="bool"),
        FieldSpec(
            "premium_payment.method", "Payment method", "Premium payment", kind="choice",
            choices=("bill", "eft", "ssa", "rrb"),
        ),
        FieldSpec("premium_payment.account_holder", "Account holder", "Premium payment", validator=nz.person_name),
        FieldSpec("premium_payment.routing_number", "Routing number", "Premium payment", validator=nz.routing_number),
        FieldSpec(
            "premium_payment.account_number", "Account number", "Premium payment",
            validator=nz.account_number, masked=True,
        ),
        FieldSpec(
            "premium_payment.account_type", "Account type", "Premium payment", kind="choice",
            choices=("checking", "savings"),
        ),
        FieldSpec("signature.signed", "Signed", "Signature", kind="bool"),
        FieldSpec("signature.date", "Signature date", "Signature", validator=_date("signature")),
        FieldSpec(
            "signature.by", "Signed by", "Signature", kind="choice",
            choices=("applicant", "authorized_representative"),
        ),
        FieldSpec("authorized_representative.name", "Name", "Authorized representative", validator=nz.person_name),
        FieldSpec("authorized_representative.address", "Address", "Authorized representative", validator=nz.text),
        FieldSpec("authorized_representative.phone", "Phone", "Authorized representative", validator=nz.phone),
        FieldSpec(
            "authorized_representative.relationship", "Relationship", "Authorized representative",
            validator=nz.text,
        ),
        FieldSpec("agent.name", "Agent name", "Agent", validator=nz.person_name),
        FieldSpec("agent.npn", "Agent NPN", "Agent", validator=nz.npn, hint="digits only"),
    ]
    assert {s.path for s in specs if s.masked} == set(MASKED_PATHS)
    return specs


FIELDS: dict[str, FieldSpec] = {spec.path: spec for spec in _specs()}
FIELD_GROUPS: list[tuple[str, list[FieldSpec]]] = []
for _spec in FIELDS.values():
    if not FIELD_GROUPS or FIELD_GROUPS[-1][0] != _spec.group:
        FIELD_GROUPS.append((_spec.group, []))
    FIELD_GROUPS[-1][1].append(_spec)


@dataclass(frozen=True)
class Edit:
    """A validated edit: the value to store and whether it still needs a person's confirmation."""

    path: str
    value: Any
    still_in_review: bool
    note: str | None = None


def validate_edit(path: str, raw: str | None, tz: ZoneInfo) -> Edit:
    """Validate a reviewer's input for ``path``; raises ``EditRefused`` with the validator's note."""
    spec = FIELDS.get(path)
    if spec is None:
        raise EditRefused("this field cannot be edited here; reload the page", code="unknown_field")
    text = (raw or "").strip()
    if not text:
        return Edit(path, None, still_in_review=False)  # clearing a value is a person's decision
    if spec.kind == "choice":
        if text not in spec.choices:
            raise EditRefused("pick one of the offered values", code="bad_choice")
        return Edit(path, text, still_in_review=False)
    if spec.kind == "bool":
        if text not in ("yes", "no"):
            raise EditRefused("answer yes or no", code="bad_choice")
        return Edit(path, text == "yes", still_in_review=False)
    if spec.kind == "datetime":
        try:
            moment = datetime.fromisoformat(text)
        except ValueError as exc:
            raise EditRefused("enter a date and time like 2026-11-30T14:05", code="bad_format") from exc
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=tz)
        return Edit(path, moment.astimezone(tz).isoformat(), still_in_review=False)
    assert spec.validator is not None
    result = spec.validator(text)
    if not result.ok or result.value is None:
        note = result.note or "bad_format"
        raise EditRefused(f"the value does not pass the {spec.label.lower()} check ({note}); correct it", code=note)
    return Edit(path, result.value, still_in_review=result.repaired or result.doubtful, note=result.note)


def set_path(record: dict[str, Any], path: str, value: Any) -> None:
    """Set a dotted path in place, creating parent objects that are null."""
    *parents, leaf = path.split(".")
    node = record
    for part in parents:
        child = node.get(part)
        if not isinstance(child, dict):
            child = {}
            node[part] = child
        node = child
    node[leaf] = value
