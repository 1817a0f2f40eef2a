"""Assembly: classification + extracted fields + receipt stamp -> the contract record.

``build_application`` is the last pipeline step. It maps ``Extraction.fields``
(keyed by contract path) onto the ``Application`` model, completes what the
catalog or the form's logic settles (plan name from its id and back; who
signed; EFT when only bank details were written), runs the rules
(completeness, effective date, status), issues a confirmation number and lists
what a person must confirm (``review``).

Shape decisions:

* email: ``rejected``/``email_not_accepted``, nothing parsed, every
  application field null, the drop time recorded as ``receipt``;
* a document that is not an enrollment application: ``document.kind`` says
  what it is, application fields null, ``missing`` empty, no confirmation
  number, status ``not_yet_submitted``;
* an application: sub-objects (an address, ``plan``, ``premium_payment``,
  ``authorized_representative``, ``agent``) are null when none of their
  fields was found; ``applicant`` and ``signature`` are always objects
  (an unsigned application says ``signed: false``);
* ``confidence`` has every field the parsers reported (and those derived
  here); ``review`` lists, in form order, every field a parser flagged, any
  below ``REVIEW_BELOW_CONFIDENCE``, values derived by inference, and
  ``receipt.received_at`` when the receipt needs review;
* values that pass their own checks but are implausible together or in the
  real world (``intake.rules.plausibility``: ZIP vs state/city/county, dates
  vs the receipt, area codes, names, bank routing) are added to ``review``,
  and the added field ``plausibility`` lists each finding's path and code;
* a required item the machine could not read on a scan (ink read as
  nothing, a reading its validator refused, a label never found) is not
  ``missing`` -- nobody is called for what may be on the page -- but is in
  ``review``, and the added field ``unread`` lists its path and code
  (``intake.rules.completeness``). The status is decided on ``missing``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

import numpy as np
from rapidfuzz import fuzz, process

from intake.application import (
    Address,
    Agent,
    Applicant,
    Application,
    DocumentInfo,
    Plan,
    PremiumPayment,
    Receipt,
    Representative,
    Signature,
)
from intake.config import Settings
from intake.confirmation import new_confirmation_number
from intake.document import Channel, SourceDocument
from intake.extraction import FIELD_PATHS, Classification, Extraction, FieldValue
from intake.parsers.receipt import ReceiptDecision, decide, find_receipt
from intake.plans import PLANS
from intake.rules import check_effective_date, decide_status
from intake.rules.completeness import assess
from intake.rules.plausibility import check_plausibility
from intake.rules.zip_codes import zip_one_digit_away
from intake.rules.status import APPLICATION_KIND

__all__ = ["REVIEW_BELOW_CONFIDENCE", "PLAN_NAME_MATCH", "RECEIPT_REVIEW_PATH", "build_application"]

log = logging.getLogger(__name__)

#: A field read with less confidence than this is never vouched for.
REVIEW_BELOW_CONFIDENCE = 0.80
#: rapidfuzz ratio a written plan name needs to be taken as a catalog plan.
PLAN_NAME_MATCH = 85
RECEIPT_REVIEW_PATH = "receipt.received_at"

# The contract's formats (application-v1.schema.json), checked before a value enters the record.
_FORMATS: dict[str, re.Pattern[str]] = {
    "applicant.middle_initial": re.compile(r"[A-Z]"),
    "applicant.birth_date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "applicant.sex": re.compile(r"[MF]"),
    "applicant.phone": re.compile(r"\d{10}"),
    "medicare_number": re.compile(
        r"[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}"
    ),
    "plan.id": re.compile(r"[HRS]\d{4}-\d{3}"),
    "requested_effective_date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "premium_payment.method": re.compile(r"bill|eft|ssa|rrb"),
    "premium_payment.routing_number": re.compile(r"\d{9}"),
    "premium_payment.account_number": re.compile(r"\d{1,17}"),
    "premium_payment.account_type": re.compile(r"checking|savings"),
    "signature.date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "signature.by": re.compile(r"applicant|authorized_representative"),
    "agent.npn": re.compile(r"\d{1,10}"),
    "authorized_representative.phone": re.compile(r"\d{10}"),
}
_ADDRESS_FORMATS = {"state": re.compile(r"[A-Z]{2}"), "zip": re.compile(r"\d{5}(-\d{4})?")}
_BOOLEAN_PATHS = {"dental_rider", "signature.signed"}


def _conforms(path: str, value: object) -> bool:
    if path in _BOOLEAN_PATHS:
        return isinstance(value, bool)
    if not isinstance(value, str) or not value.strip():
        return False
    pattern = _FORMATS.get(path)
    if pattern is None and (".permanent_address." in path or ".mailing_address." in path):
        pattern = _ADDRESS_FORMATS.get(path.rsplit(".", 1)[-1])
    return pattern is None or pattern.fullmatch(value) is not None


def _usable_fields(extraction: Extraction | None) -> tuple[dict[str, FieldValue], list[str]]:
    """The extracted fields, with any value outside the contract's format set aside (and reviewed)."""
    fields: dict[str, FieldValue] = {}
    refused: list[str] = []
    for path, field in (extraction.fields if extraction else {}).items():
        if isinstance(field.value, np.bool_):  # a checkbox decided by array arithmetic
            field = field.model_copy(update={"value": bool(field.value)})
        if field.value is not None and not _conforms(path, field.value):
            log.warning("field value outside contract format set aside: path=%s code=contract_format", path)
            field = field.model_copy(update={"value": None, "needs_review": True, "note": "contract_format"})
            refused.append(path)
        fields[path] = field
    return fields, refused


def _present(fields: dict[str, FieldValue], path: str) -> bool:
    field = fields.get(path)
    return field is not None and field.value is not None


def _derived(source: FieldValue, value: object, note: str, *, review: bool) -> FieldValue:
    return FieldValue(
        value=value,
        confidence=source.confidence,
        needs_review=review or source.needs_review,
        note=note,
        page=source.page,
        box=source.box,
    )


def _complete_plan(fields: dict[str, FieldValue]) -> None:
    """Fill plan.name from a catalog id, or plan.id from a written name; flag a mismatch."""
    plan_id, plan_name = fields.get("plan.id"), fields.get("plan.name")
    has_id, has_name = _present(fields, "plan.id"), _present(fields, "plan.name")
    if has_id and plan_id.value in PLANS:
        catalog = PLANS[plan_id.value]
        if not has_name:
            fields["plan.name"] = _derived(plan_id, catalog, "from_plan_id", review=False)
        elif fuzz.ratio(str(plan_name.value).upper(), catalog.upper()) < PLAN_NAME_MATCH:
            # The checked box and the written name point at different plans: a person decides.
            fields["plan.id"] = plan_id.model_copy(update={"needs_review": True, "note": "plan_name_mismatch"})
            fields["plan.name"] = plan_name.model_copy(update={"needs_review": True, "note": "plan_name_mismatch"})
        else:
            fields["plan.name"] = plan_name.model_copy(update={"value": catalog})
    elif has_name and not has_id:
        names = {name.upper(): pid for pid, name in PLANS.items()}
        match = process.extractOne(str(plan_name.value).upper(), list(names), scorer=fuzz.ratio,
                                   score_cutoff=PLAN_NAME_MATCH)
        if match is not None:
            exact = match[1] == 100
            fields["plan.id"] = _derived(plan_name, names[match[0]], "from_plan_name", review=not exact)
            fields["plan.name"] = plan_name.model_copy(update={"value": PLANS[names[match[0]]]})


def _complete_signature_and_payment(fields: dict[str, FieldValue]) -> None:
    """Who signed, when the form does not say; EFT when only bank details were written."""
    signed = fields.get("signature.signed")
    if signed is not None and signed.value is True and not _present(fields, "signature.by"):
        rep = [p for p in ("authorized_representative.name", "authorized_representative.relationship")
               if _present(fields, p)]
        if rep:
            # CMS-10718: "If you are the authorized representative, sign above and fill out these fields".
            fields["signature.by"] = _derived(signed, "authorized_representative", "inferred_from_representative",
                                              review=True)
        else:
            fields["signature.by"] = _derived(signed, "applicant", "signer_default", review=False)
    bank = [p for p in ("premium_payment.routing_number", "premium_payment.account_number") if _present(fields, p)]
    if bank and not _present(fields, "premium_payment.method"):
        fields["premium_payment.method"] = _derived(fields[bank[0]], "eft", "inferred_from_bank_details", review=True)


def _repair_zips(fields: dict[str, FieldValue]) -> None:
    """A scanned ZIP one OCR-slipped digit away from the only ZIP of the city and state written beside
    it is that ZIP, put up for review ("94455" in Wausau, WI is "54455")."""
    for prefix in ("applicant.permanent_address", "applicant.mailing_address"):
        zip_field = fields.get(f"{prefix}.zip")
        city, state = _value(fields, f"{prefix}.city"), _value(fields, f"{prefix}.state")
        if zip_field is None or not zip_field.value or not city or not state:
            continue
        repaired = zip_one_digit_away(str(zip_field.value), str(city), str(state))
        if repaired is not None:
            fields[f"{prefix}.zip"] = _derived(zip_field, repaired, "zip_repaired_from_city", review=True)


def _value(fields: dict[str, FieldValue], path: str) -> object:
    field = fields.get(path)
    return None if field is None else field.value


def _address(fields: dict[str, FieldValue], prefix: str) -> Address | None:
    parts = {k: _value(fields, f"{prefix}.{k}") for k in ("street", "city", "state", "zip", "county")}
    return Address(**parts) if any(v is not None for v in parts.values()) else None


def _section(model: type, fields: dict[str, FieldValue], prefix: str, names: tuple[str, ...]):  # noqa: ANN202
    values = {name: _value(fields, f"{prefix}.{name}") for name in names}
    return model(**values) if any(v is not None for v in values.values()) else None


#: Optional fields every enrollment form asks for: not finding their label is not evidence they were left blank.
_ASKED_ON_EVERY_FORM = ("applicant.middle_initial", "applicant.permanent_address.county", "requested_effective_date")


def _optional_not_located(fields: dict[str, FieldValue], extraction: Extraction | None) -> list[str]:
    """Optional fields of the applicant's part whose label the parser never found: empty, but unvouched."""
    located = extraction.located if extraction is not None else None
    if located is None:
        return []
    return [path for path in _ASKED_ON_EVERY_FORM
            if path not in located and _value(fields, path) is None]


def _review_paths(fields: dict[str, FieldValue], receipt: ReceiptDecision, implausible: list[str]) -> list[str]:
    order = {path: i for i, path in enumerate(FIELD_PATHS)}
    paths = [
        path
        for path, field in fields.items()
        if field.needs_review or (field.value is not None and field.confidence < REVIEW_BELOW_CONFIDENCE)
    ]
    paths += [path for path in dict.fromkeys(implausible) if path not in paths]
    paths.sort(key=lambda p: (order.get(p, len(order)), p))
    if receipt.needs_review:
        paths.append(RECEIPT_REVIEW_PATH)
    return paths


def _receipt(receipt: ReceiptDecision) -> Receipt:
    when = receipt.received_at.isoformat(timespec="seconds") if receipt.received_at else None
    return Receipt(received_at=when, source=receipt.source)


def build_application(
    doc: SourceDocument,
    settings: Settings,
    *,
    pages: int,
    classification: Classification | None = None,
    extraction: Extraction | None = None,
    receipt: ReceiptDecision | None = None,
    is_taken: Callable[[str], bool] | None = None,
) -> Application:
    """The contract record for one processed document (see the module docstring for its shape)."""
    if classification is not None:
        kind, kind_reason = classification.kind, (
            None if classification.kind == APPLICATION_KIND else classification.reason
        )
    else:
        # Portal submissions are applications by construction; email is not read at all.
        kind, kind_reason = APPLICATION_KIND, ("not_read_email" if doc.channel is Channel.EMAIL else None)
    document = DocumentInfo(
        sha256=doc.sha256, filename=doc.filename, pages=pages, channel=doc.channel.value, kind=kind,
        kind_reason=kind_reason,
    )

    if doc.channel is Channel.EMAIL:
        decision = receipt or find_receipt(doc, None, [], settings)
        status, rejection = decide_status(doc.channel, kind, [])
        return Application(document=document, receipt=_receipt(decision), status=status, rejection_reason=rejection)

    decision = receipt or decide([], doc, settings)
    if kind != APPLICATION_KIND:
        status, rejection = decide_status(doc.channel, kind, [])
        review = [RECEIPT_REVIEW_PATH] if decision.needs_review else []
        return Application(document=document, receipt=_receipt(decision), status=status, rejection_reason=rejection,
                           review=review)

    fields, refused = _usable_fields(extraction)
    _complete_plan(fields)
    _complete_signature_and_payment(fields)
    scanned = doc.channel in (Channel.FAX, Channel.MAIL)
    if scanned:
        _repair_zips(fields)

    completeness = assess(fields, located=extraction.located if extraction is not None else None, scanned=scanned,
                          require_agent_npn=settings.require_agent_npn)
    missing = completeness.missing
    check = check_effective_date(decision.received_at, _value(fields, "requested_effective_date"), settings.tz)
    status, rejection = decide_status(doc.channel, kind, missing)
    signed = _value(fields, "signature.signed")
    # Values that each pass their own checks but not together (or not in the real world): a person confirms them.
    received_on = decision.received_at.astimezone(settings.tz).date() if decision.received_at else None
    findings = check_plausibility({path: field.value for path, field in fields.items()}, received_on,
                                  scanned=scanned)
    unread = [item.field for item in completeness.unread]
    if "plan.id" in unread or (scanned and any(item.field == "plan.id" for item in missing)):
        # the plan choice is one answer: unread, or no mark found on a scan, neither half is vouched for
        unread.append("plan.name")
    not_located = _optional_not_located(fields, extraction)

    app = Application(
        document=document,
        receipt=_receipt(decision),
        confirmation_number=new_confirmation_number(is_taken),
        applicant=Applicant(
            first_name=_value(fields, "applicant.first_name"),
            middle_initial=_value(fields, "applicant.middle_initial"),
            last_name=_value(fields, "applicant.last_name"),
            birth_date=_value(fields, "applicant.birth_date"),
            sex=_value(fields, "applicant.sex"),
            phone=_value(fields, "applicant.phone"),
            permanent_address=_address(fields, "applicant.permanent_address"),
            mailing_address=_address(fields, "applicant.mailing_address"),
        ),
        medicare_number=_value(fields, "medicare_number"),
        plan=_section(Plan, fields, "plan", ("id", "name")),
        requested_effective_date=_value(fields, "requested_effective_date"),
        primary_care_clinic=_value(fields, "primary_care_clinic"),
        dental_rider=_value(fields, "dental_rider"),
        premium_payment=_section(
            PremiumPayment, fields, "premium_payment",
            ("method", "account_holder", "routing_number", "account_number", "account_type"),
        ),
        signature=Signature(signed=signed is True, date=_value(fields, "signature.date"),
                            by=_value(fields, "signature.by")),
        authorized_representative=_section(
            Representative, fields, "authorized_representative", ("name", "address", "phone", "relationship")
        ),
        agent=_section(Agent, fields, "agent", ("name", "npn")),
        status=status,
        rejection_reason=rejection,
        missing=missing,
        effective_date_check=check,
        confidence={path: round(float(field.confidence), 3) for path, field in fields.items()},
        review=_review_paths(fields, decision, [finding.field for finding in findings] + unread + not_located),
        # added field: why a path was put under review by the plausibility checks (paths and codes, no values)
        plausibility=[{"field": finding.field, "code": finding.code} for finding in findings],
        # added field: required items a person must read from the page before anyone is asked for them
        unread=[{"field": item.field, "code": item.code} for item in completeness.unread],
        # added field: optional applicant fields whose label was not found on the form (a person looks)
        not_located=not_located,
    )
    log.info(
        "assembled kind=%s status=%s missing=%d unread=%d review=%d refused=%d implausible=%s receipt_source=%s",
        kind, status, len(missing), len(unread), len(app.review), len(refused),
        ",".join(sorted({finding.code for finding in findings})) or "-", decision.source,
    )
    return app
