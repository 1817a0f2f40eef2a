"""Which required items an enrollment application lacks, and whom to ask first.

Required (CMS-10718 section 1 and the plan's own rules): the plan choice;
first and last name, birth date, sex, phone; the permanent residence's street,
city, state and ZIP; the Medicare number; the signature and its date; the
representative's name, phone and relationship when a representative signs
(``signature.by`` is ``authorized_representative``) or fills in their part;
routing and account numbers when the premium is paid by EFT; the agent's NPN
when an agent is named (always, with ``Settings.require_agent_npn``).

A value that was read but refused by its validator (an SSN in the Medicare
box, a routing number failing its checksum, a phone number in the NPN box)
is missing too, with a reason saying so. Reasons are sentences a person can
read on the phone; they never hold the values themselves (no PHI).

Missing means the applicant (or agent) must be asked, so it is said only of
what is known to be absent or wrong as written. On a scanned page the
machine may simply have failed to read what was written: a labelled area
with ink that read as nothing, a reading its validator refused that OCR may
have garbled (a checksum, a date, a letter Medicare never uses), or a field
whose label the parser never found on the form. Those items are **unread**,
not missing: they go to ``review[]`` and a person reads them from the page
(``UnreadItem``); only what that person confirms as blank becomes missing.
Refusals that say what was written instead (an SSN or old claim number in
the Medicare box, a phone number or NPI in the NPN box) are missing on any
channel, and on exact text (a text layer, the portal) every refusal is.

``contact_first`` is whoever can supply the item faster: the applicant for
personal, Medicare, signature, representative and banking items, the agent
for agent and office-use items (the NPN). When the NPN is required but no
agent is named, only the applicant can say who helped them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field as dataclass_field
from typing import Any, Literal

from intake.application import MissingItem
from intake.extraction import FieldValue

__all__ = ["REQUIRED_PERSONAL", "Completeness", "UnreadItem", "assess", "find_missing", "reason_for", "blank_item"]

Contact = Literal["applicant", "agent"]

#: Always-required items, in the order they appear on the form, with a name for the reason.
REQUIRED_PERSONAL: tuple[tuple[str, str], ...] = (
    ("plan.id", "plan choice"),
    ("applicant.first_name", "applicant's first name"),
    ("applicant.last_name", "applicant's last name"),
    ("applicant.birth_date", "applicant's birth date"),
    ("applicant.sex", "applicant's sex"),
    ("applicant.phone", "applicant's phone number"),
    ("applicant.permanent_address.street", "permanent residence street address"),
    ("applicant.permanent_address.city", "permanent residence city"),
    ("applicant.permanent_address.state", "permanent residence state"),
    ("applicant.permanent_address.zip", "permanent residence ZIP code"),
    ("medicare_number", "Medicare number"),
)
_REPRESENTATIVE = (
    ("authorized_representative.name", "authorized representative's name"),
    ("authorized_representative.phone", "authorized representative's phone number"),
    ("authorized_representative.relationship", "authorized representative's relationship to the applicant"),
)
_EFT = (
    ("premium_payment.routing_number", "bank routing number for the premium EFT"),
    ("premium_payment.account_number", "bank account number for the premium EFT"),
)

#: The words a reason uses for each required path ("applicant's birth date").
_LABELS: dict[str, str] = {
    **dict(REQUIRED_PERSONAL), **dict(_REPRESENTATIVE), **dict(_EFT),
    "signature.date": "signature date", "agent.npn": "agent's National Producer Number (NPN)",
}
_UNSIGNED = "The application is not signed; the applicant's (or representative's) signature is needed."

#: Reasons for values that were written but refused, by validator note.
_NOTE_REASONS: dict[str, str] = {
    "ssn_in_medicare_box": (
        "A Social Security number was written in the Medicare number box; the 11-character Medicare "
        "number from the applicant's Medicare card is needed."
    ),
    "hicn_in_medicare_box": (
        "An old Social-Security-based Medicare claim number was written; the current 11-character "
        "Medicare number is needed."
    ),
    "mbi_excluded_letter": "The Medicare number contains a letter Medicare numbers never use; it must be confirmed.",
    "bad_checksum": "The bank routing number fails the routing-number check digit; the correct number is needed.",
    "npn_looks_like_phone": (
        "A phone number was written in the NPN box; the agent's National Producer Number is needed."
    ),
    "npn_looks_like_npi": (
        "A National Provider Identifier (NPI) was written in the NPN box; the agent's National Producer "
        "Number is needed."
    ),
    "implausible_birth_date": "The birth date written is not a plausible birth date; it must be confirmed.",
    "implausible_signature_date": "The signature date is in the future or long past; it must be confirmed.",
    "implausible_effective_date": "The requested coverage start date is not plausible; it must be confirmed.",
    "bad_area_code": "The phone number written is not a valid US phone number; a working number is needed.",
    "unknown_state": "The state written is not a US state; it must be confirmed.",
}


#: Refusals that say what was written instead of the item: the item is missing however it was read.
WRITTEN_INSTEAD = frozenset({"ssn_in_medicare_box", "hicn_in_medicare_box", "npn_looks_like_phone", "npn_looks_like_npi"})


@dataclass(frozen=True)
class UnreadItem:
    """A required item a person must read from the page before anyone is asked for it.

    ``code``: ``not_located`` (its label was not found), ``ink_unread`` (ink where it is written, read as
    nothing), or the validator's note on a reading that may be garbled (``bad_format``, ``bad_checksum``, ...).
    """

    field: str
    code: str


@dataclass(frozen=True)
class Completeness:
    missing: list[MissingItem] = dataclass_field(default_factory=list)
    unread: list[UnreadItem] = dataclass_field(default_factory=list)


def _present(fields: Mapping[str, FieldValue], path: str) -> bool:
    field = fields.get(path)
    return field is not None and field.value not in (None, "")


def _value(fields: Mapping[str, FieldValue], path: str) -> Any:
    field = fields.get(path)
    return None if field is None else field.value


def reason_for(fields: Mapping[str, FieldValue], path: str) -> str:
    """The sentence explaining why ``path`` is missing: absent, or written but not valid."""
    field = fields.get(path)
    note = field.note if field is not None else None
    if note in _NOTE_REASONS:
        return _NOTE_REASONS[note]
    if field is not None and (note not in (None, "empty") or field.raw):
        return f"The {_LABELS.get(path, path)} could not be read as a valid value; it must be supplied again."
    return _not_given(path)


def _not_given(path: str) -> str:
    return _UNSIGNED if path == "signature.signed" else f"The {_LABELS.get(path, path)} is not given."


def _unread_code(fields: Mapping[str, FieldValue], path: str, located: Collection[str] | None,
                 scanned: bool) -> str | None:
    """Why a person must read ``path`` before anyone is asked for it; None when it is known to be missing."""
    field = fields.get(path)
    note = field.note if field is not None else None
    if note in WRITTEN_INSTEAD:
        return None
    if field is not None and (note not in (None, "empty") or field.raw):
        return (note or "unreadable") if scanned else None
    if located is not None and path not in located:
        return "not_located"
    return None


def assess(
    fields: Mapping[str, FieldValue],
    *,
    located: Collection[str] | None = None,
    scanned: bool = False,
    require_agent_npn: bool = False,
) -> Completeness:
    """The required items that are missing and those a person must read first, each in form order.

    ``located``: the paths whose label the parser found (None: every path had its place, as on the
    portal). ``scanned``: the values were read by OCR, so a refused reading may be a misreading.
    """
    missing: list[MissingItem] = []
    unread: list[UnreadItem] = []

    agent_named = _present(fields, "agent.name")

    def need(path: str) -> None:
        if _present(fields, path):
            return
        code = _unread_code(fields, path, located, scanned)
        if code is not None:
            unread.append(UnreadItem(path, code))
        else:
            missing.append(MissingItem(field=path, contact_first=_contact(path, agent_named),
                                       reason=reason_for(fields, path)))

    for path, _ in REQUIRED_PERSONAL:
        if path == "plan.id" and _present(fields, "plan.name"):
            continue  # a plan chosen by name is a plan choice
        need(path)

    if _value(fields, "signature.signed") is not True:
        if located is not None and "signature.signed" not in located:
            unread.append(UnreadItem("signature.signed", "not_located"))
        else:
            missing.append(blank_item("signature.signed", agent_named=agent_named))
    need("signature.date")

    rep_signed = _value(fields, "signature.by") == "authorized_representative"
    rep_written = any(_present(fields, path) for path, _ in _REPRESENTATIVE) or _present(
        fields, "authorized_representative.address"
    )
    if rep_signed or rep_written:
        for path, _ in _REPRESENTATIVE:
            need(path)

    if _value(fields, "premium_payment.method") == "eft":
        for path, _ in _EFT:
            need(path)

    if agent_named or require_agent_npn:
        need("agent.npn")
    return Completeness(missing, unread)


def _contact(path: str, agent_named: bool) -> Contact:
    """The agent for the NPN when an agent is named (only they know it); the applicant for the rest."""
    return "agent" if path == "agent.npn" and agent_named else "applicant"


def blank_item(path: str, *, agent_named: bool) -> MissingItem:
    """The missing entry for a required item seen to be left blank (by the parser or by a reviewer)."""
    return MissingItem(field=path, contact_first=_contact(path, agent_named), reason=_not_given(path))


def find_missing(fields: Mapping[str, FieldValue], *, require_agent_npn: bool = False) -> list[MissingItem]:
    """The missing items when every reading is exact and every label was found (the portal's case)."""
    return assess(fields, require_agent_npn=require_agent_npn).missing
