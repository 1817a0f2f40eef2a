"""The application record: the output contract ``enrollment-application/v1``.

Field names and formats are fixed by ``shared/contract/application-v1.md``;
extra fields may be added, these may not be renamed or re-typed. Every
processed document yields one ``Application``.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "SCHEMA_ID",
    "Address",
    "Applicant",
    "Plan",
    "PaymentMethod",
    "PremiumPayment",
    "Signature",
    "Representative",
    "Agent",
    "Receipt",
    "DocumentInfo",
    "MissingItem",
    "EffectiveDateCheck",
    "Application",
    "Status",
    "ReceiptSource",
    "contract_schema",
    "value_at",
]

SCHEMA_ID = "enrollment-application/v1"

Status = Literal[
    "not_yet_submitted",
    "submitted",
    "in_progress",
    "pending_medicare_approval",
    "on_hold_applicant_outreach",
    "rejected",
    "canceled",
    "denied",
    "enrolled",
]
ReceiptSource = Literal[
    "fax_metadata", "fax_header", "mail_stamp", "docusign_certificate", "portal_submission", "drop_time"
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Address(_Model):
    street: str | None = None
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    county: str | None = None  # added field; not part of the contract's core


class Applicant(_Model):
    first_name: str | None = None
    middle_initial: str | None = None
    last_name: str | None = None
    birth_date: str | None = None
    sex: Literal["M", "F"] | None = None
    phone: str | None = None
    permanent_address: Address | None = None
    mailing_address: Address | None = None


class Plan(_Model):
    id: str | None = None
    name: str | None = None


#: How a member may pay the premium (CMS: a bill, EFT, Social Security or Railroad Retirement deduction).
PaymentMethod = Literal["bill", "eft", "ssa", "rrb"]


class PremiumPayment(_Model):
    method: PaymentMethod | None = None
    account_holder: str | None = None
    routing_number: str | None = None
    account_number: str | None = None
    account_type: Literal["checking", "savings"] | None = None


class Signature(_Model):
    signed: bool = False
    date: str | None = None
    by: Literal["applicant", "authorized_representative"] | None = None


class Representative(_Model):
    name: str | None = None
    address: str | None = None
    phone: str | None = None
    relationship: str | None = None


class Agent(_Model):
    name: str | None = None
    npn: str | None = None


class Receipt(_Model):
    received_at: str | None = None
    source: ReceiptSource | None = None


class DocumentInfo(_Model):
    sha256: str
    filename: str
    pages: int
    channel: Literal["fax", "mail", "docusign", "portal", "email"]
    kind: str = "enrollment_application"
    kind_reason: str | None = None  # added: why a document is not an application


class MissingItem(_Model):
    field: str
    contact_first: Literal["applicant", "agent"]
    reason: str


class EffectiveDateCheck(_Model):
    earliest_allowed: str | None = None
    requested_allowed: bool | None = None


class Application(_Model):
    """One processed document, in the contract's shape."""

    schema_: str = Field(default=SCHEMA_ID, alias="schema")
    document: DocumentInfo
    receipt: Receipt = Field(default_factory=Receipt)
    confirmation_number: str | None = None
    applicant: Applicant | None = None
    medicare_number: str | None = None
    plan: Plan | None = None
    requested_effective_date: str | None = None
    primary_care_clinic: str | None = None
    dental_rider: bool | None = None
    premium_payment: PremiumPayment | None = None
    signature: Signature | None = None
    authorized_representative: Representative | None = None
    agent: Agent | None = None
    status: Status = "not_yet_submitted"
    rejection_reason: str | None = None
    missing: list[MissingItem] = Field(default_factory=list)
    effective_date_check: EffectiveDateCheck | None = None
    confidence: dict[str, float] = Field(default_factory=dict)
    review: list[str] = Field(default_factory=list)

    model_config = ConfigDict(extra="allow", populate_by_name=True)

    def to_contract(self) -> dict[str, Any]:
        """The JSON-ready dict, keys as the contract spells them."""
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_contract(), indent=indent, ensure_ascii=False)


def value_at(record: dict[str, Any] | None, path: str) -> Any:
    """The value at a dotted contract path (``applicant.permanent_address.zip``), or None."""
    node: Any = record
    for part in path.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def contract_schema() -> dict[str, Any]:
    """The contract's JSON Schema, as shipped with the package."""
    text = resources.files("intake.contract").joinpath("application-v1.schema.json").read_text()
    return json.loads(text)
