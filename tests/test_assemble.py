"""Assembly of the contract record: shape, derived values, rules, review list, schema validity."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import jsonschema
import numpy as np
import pytest

from intake.application import Application, contract_schema
from intake.assemble import REVIEW_BELOW_CONFIDENCE, build_application
from intake.config import Settings
from intake.document import SourceDocument
from intake.extraction import Classification, Extraction, FieldValue, ReceiptFinding
from intake.parsers.portal import parse_portal
from intake.parsers.receipt import ReceiptDecision

CHICAGO = ZoneInfo("America/Chicago")
DROPPED = datetime(2026, 12, 1, 8, 0, tzinfo=CHICAGO)
APPLICATION = Classification(kind="enrollment_application", reason="enrollment_phrases")

VALUES = {
    "plan.id": "H5652-002",
    "applicant.first_name": "MARGARET",
    "applicant.middle_initial": "A",
    "applicant.last_name": "OLSON",
    "applicant.birth_date": "1957-03-14",
    "applicant.sex": "F",
    "applicant.phone": "7155550142",
    "applicant.permanent_address.street": "1204 N 5TH AVE",
    "applicant.permanent_address.city": "WAUSAU",
    "applicant.permanent_address.state": "WI",
    "applicant.permanent_address.zip": "54401",
    "medicare_number": "1EG4TE5MK73",
    "requested_effective_date": "2026-12-01",
    "primary_care_clinic": "ASPIRUS WAUSAU CLINIC",
    "dental_rider": True,
    "premium_payment.method": "eft",
    "premium_payment.account_holder": "MARGARET A OLSON",
    "premium_payment.routing_number": "075911988",
    "premium_payment.account_number": "000123456789",
    "premium_payment.account_type": "checking",
    "signature.signed": True,
    "signature.date": "2026-11-20",
    "signature.by": "applicant",
    "agent.name": "DANIEL KOWALSKI",
    "agent.npn": "17654321",
}


def validate(app: Application) -> dict:
    record = json.loads(app.to_json())
    jsonschema.Draft202012Validator(contract_schema()).validate(record)
    return record


def source(tmp_path: Path, channel: str = "fax", body: str = "x") -> SourceDocument:
    path = tmp_path / f"doc.{channel}"
    path.write_text(body)
    return SourceDocument.from_path(path, channel, DROPPED)


def extraction(values: dict | None = None, **overrides: FieldValue) -> Extraction:
    fields = {path: FieldValue(value=v, confidence=0.97) for path, v in (values or VALUES).items() if v is not None}
    fields.update({k.replace("__", "."): v for k, v in overrides.items()})
    return Extraction(fields=fields)


def receipt(when: datetime = datetime(2026, 11, 30, 23, 41, 7, tzinfo=CHICAGO), *, source_: str = "fax_metadata",
            review: bool = False) -> ReceiptDecision:
    finding = ReceiptFinding(received_at=when, source=source_)
    return ReceiptDecision(received_at=when, source=source_, needs_review=review,
                           reasons=["no_receipt_evidence"] if review else [], findings=[finding])


def test_complete_fax_application(tmp_path: Path, settings: Settings) -> None:
    """A complete application is submitted, schema-valid, with the catalog's plan name and nothing to review."""
    app = build_application(source(tmp_path), settings, pages=4, classification=APPLICATION,
                            extraction=extraction(), receipt=receipt())
    record = validate(app)
    assert record["status"] == "submitted" and record["missing"] == [] and record["rejection_reason"] is None
    assert record["plan"] == {"id": "H5652-002", "name": "Aspirus Advantage Plus (HMO-POS)"}
    assert record["receipt"] == {"received_at": "2026-11-30T23:41:07-06:00", "source": "fax_metadata"}
    assert record["effective_date_check"] == {"earliest_allowed": "2026-12-01", "requested_allowed": True}
    assert record["applicant"]["mailing_address"] is None and record["authorized_representative"] is None
    assert record["applicant"]["permanent_address"]["zip"] == "54401"
    assert record["premium_payment"]["routing_number"] == "075911988" and record["agent"]["npn"] == "17654321"
    assert record["signature"] == {"signed": True, "date": "2026-11-20", "by": "applicant"}
    assert len(record["confirmation_number"]) == 8 and record["confirmation_number"].isdigit()
    assert set(record["confidence"]) == set(VALUES) | {"plan.name"}
    assert record["review"] == []
    assert record["document"]["kind"] == "enrollment_application" and record["document"]["pages"] == 4


def test_review_lists_flagged_low_confidence_and_receipt(tmp_path: Path, settings: Settings) -> None:
    """Flagged or low-confidence fields and a drop-time receipt are in review, in form order."""
    ext = extraction(
        medicare_number=FieldValue(value="1EG4TE5MK70", confidence=0.9, needs_review=True, note="mbi_repaired"),
        applicant__birth_date=FieldValue(value="1957-03-14", confidence=REVIEW_BELOW_CONFIDENCE - 0.01),
        applicant__phone=FieldValue(value="7155550142", confidence=REVIEW_BELOW_CONFIDENCE),
    )
    app = build_application(source(tmp_path), settings, pages=3, classification=APPLICATION, extraction=ext,
                            receipt=receipt(DROPPED, source_="drop_time", review=True))
    record = validate(app)
    assert record["review"] == ["applicant.birth_date", "medicare_number", "receipt.received_at"]
    assert record["confidence"]["applicant.birth_date"] == pytest.approx(0.79)


def test_incomplete_application_goes_on_hold(tmp_path: Path, settings: Settings) -> None:
    """Missing items put the application on hold, with who to contact first."""
    values = {k: v for k, v in VALUES.items() if k not in ("applicant.phone", "agent.npn")}
    ext = extraction(values, medicare_number=FieldValue(value=None, confidence=0.0, needs_review=True,
                                                       note="ssn_in_medicare_box", raw="123-45-6789"))
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=ext, receipt=receipt()))
    assert record["status"] == "on_hold_applicant_outreach"
    assert [(m["field"], m["contact_first"]) for m in record["missing"]] == [
        ("applicant.phone", "applicant"), ("medicare_number", "applicant"), ("agent.npn", "agent")]
    assert record["medicare_number"] is None and "medicare_number" in record["review"]
    assert "123-45-6789" not in json.dumps(record)


def test_email_is_rejected_and_not_parsed(tmp_path: Path, settings: Settings) -> None:
    """Email: rejected, email_not_accepted, every application field null, arrival recorded."""
    record = validate(build_application(source(tmp_path, "email"), settings, pages=0))
    assert record["status"] == "rejected" and record["rejection_reason"] == "email_not_accepted"
    for key in ("applicant", "medicare_number", "plan", "premium_payment", "signature", "agent",
                "effective_date_check", "confirmation_number"):
        assert record[key] is None, key
    assert record["missing"] == [] and record["review"] == [] and record["confidence"] == {}
    assert record["receipt"] == {"received_at": "2026-12-01T08:00:00-06:00", "source": "drop_time"}
    assert record["document"]["channel"] == "email"


@pytest.mark.parametrize("kind", ["dental_enrollment", "disenrollment_request", "cover_letter", "blank", "unknown"])
def test_non_application_kinds(tmp_path: Path, settings: Settings, kind: str) -> None:
    """Other kinds: kind and reason recorded, application fields null, nothing missing, not yet submitted."""
    cls = Classification(kind=kind, reason="some_reason")
    record = validate(build_application(source(tmp_path, "mail"), settings, pages=1, classification=cls,
                                        receipt=receipt(source_="mail_stamp")))
    assert record["document"]["kind"] == kind and record["document"]["kind_reason"] == "some_reason"
    assert record["status"] == "not_yet_submitted" and record["missing"] == []
    assert record["applicant"] is None and record["confirmation_number"] is None
    assert record["receipt"]["source"] == "mail_stamp"


def test_plan_id_from_written_name(tmp_path: Path, settings: Settings) -> None:
    """A plan read only by its name gets its catalog id; an inexact name match is reviewed."""
    values = {k: v for k, v in VALUES.items() if k != "plan.id"}
    exact = extraction({**values, "plan.name": "Aspirus Advantage Premier (HMO-POS)"})
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=exact, receipt=receipt()))
    assert record["plan"] == {"id": "H5652-003", "name": "Aspirus Advantage Premier (HMO-POS)"}
    assert "plan.id" not in record["review"]
    sloppy = extraction({**values, "plan.name": "ASPIRUS ADVANTAGE PREMIER HMO POS"})
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=sloppy, receipt=receipt()))
    assert record["plan"]["id"] == "H5652-003" and "plan.id" in record["review"]


def test_plan_id_and_name_disagree(tmp_path: Path, settings: Settings) -> None:
    """A checked plan id whose written name is another plan is reviewed."""
    ext = extraction({**VALUES, "plan.name": "Aspirus Medicare Choice (PPO)"})
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=ext, receipt=receipt()))
    assert {"plan.id", "plan.name"} <= set(record["review"])


def test_representative_inferred_as_signer(tmp_path: Path, settings: Settings) -> None:
    """Signed with the representative's part filled and no signer marked: the rep signed, reviewed."""
    values = {k: v for k, v in VALUES.items() if k != "signature.by"}
    values.update({"authorized_representative.name": "JOHN OLSON", "authorized_representative.phone": "7155550199",
                   "authorized_representative.relationship": "SON"})
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=extraction(values), receipt=receipt()))
    assert record["signature"]["by"] == "authorized_representative" and "signature.by" in record["review"]
    assert record["authorized_representative"]["name"] == "JOHN OLSON"
    assert record["status"] == "submitted"


def test_eft_inferred_from_bank_details(tmp_path: Path, settings: Settings) -> None:
    """Bank numbers without a ticked method mean EFT, reviewed."""
    values = {k: v for k, v in VALUES.items() if k != "premium_payment.method"}
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=extraction(values), receipt=receipt()))
    assert record["premium_payment"]["method"] == "eft" and "premium_payment.method" in record["review"]


def test_value_outside_contract_format_is_set_aside(tmp_path: Path, settings: Settings) -> None:
    """A parser value the contract cannot hold is nulled and reviewed, so the record stays valid."""
    ext = extraction(applicant__sex=FieldValue(value="X", confidence=0.9),
                     applicant__permanent_address__zip=FieldValue(value="5440", confidence=0.9))
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=ext, receipt=receipt()))
    assert record["applicant"]["sex"] is None and record["applicant"]["permanent_address"]["zip"] is None
    assert {"applicant.sex", "applicant.permanent_address.zip"} <= set(record["review"])
    # on a scan such a value may be a misreading of what is written: a person reads it, nobody is called yet
    assert record["missing"] == [] and record["status"] == "submitted"
    assert record["unread"] == [{"field": "applicant.sex", "code": "contract_format"},
                                {"field": "applicant.permanent_address.zip", "code": "contract_format"}]


def test_numpy_booleans_are_plain_booleans(tmp_path: Path, settings: Settings) -> None:
    """A checkbox value computed with numpy (np.True_) is recorded as a JSON boolean, not refused."""
    ext = extraction(signature__signed=FieldValue(value=np.True_, confidence=0.95),
                     dental_rider=FieldValue(value=np.False_, confidence=0.95))
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=ext, receipt=receipt()))
    assert record["signature"]["signed"] is True and record["dental_rider"] is False
    assert record["status"] == "submitted" and record["review"] == []


def test_nothing_read_still_valid(tmp_path: Path, settings: Settings) -> None:
    """An application with nothing read is valid, unsigned, and misses every required item."""
    record = validate(build_application(source(tmp_path), settings, pages=2, classification=APPLICATION,
                                        extraction=None, receipt=None))
    assert record["signature"] == {"signed": False, "date": None, "by": None}
    assert record["plan"] is None and record["agent"] is None and record["premium_payment"] is None
    assert record["receipt"]["source"] == "drop_time" and "receipt.received_at" in record["review"]
    assert len(record["missing"]) == 13 and record["status"] == "on_hold_applicant_outreach"


def test_month_end_midnight_receipt(tmp_path: Path, settings: Settings) -> None:
    """23:41 on Nov 30 local (Dec 1 in UTC) still allows a Dec 1 start."""
    when = datetime(2026, 12, 1, 5, 41, 7, tzinfo=ZoneInfo("UTC"))
    app = build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                            extraction=extraction(), receipt=receipt(when.astimezone(CHICAGO)))
    assert app.effective_date_check.earliest_allowed == "2026-12-01" and app.effective_date_check.requested_allowed


def test_confirmation_number_checked_against_store(tmp_path: Path, settings: Settings) -> None:
    """The store's is_taken is consulted; a taken number is never issued."""
    asked: list[str] = []
    first = {"n": None}

    def is_taken(number: str) -> bool:
        asked.append(number)
        if first["n"] is None:
            first["n"] = number
            return True
        return False

    app = build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                            extraction=extraction(), receipt=receipt(), is_taken=is_taken)
    assert len(asked) == 2 and app.confirmation_number == asked[1] != asked[0]


def test_portal_submission_end_to_end(tmp_path: Path, settings: Settings) -> None:
    """A portal JSON becomes a valid, complete record with the submission as its receipt."""
    body = {"submission_id": "PS-1", "submitted_at": "2026-11-30T23:41:07-06:00",
            "application": {"plan": {"id": "H5652-002"},
                            "applicant": {"first_name": "MARGARET", "last_name": "OLSON", "birth_date": "1957-03-14",
                                          "sex": "F", "phone": "715-555-0142",
                                          "permanent_address": {"street": "1204 N 5TH AVE", "city": "WAUSAU",
                                                                "state": "WI", "zip": "54401"}},
                            "medicare_number": "1EG4-TE5-MK73", "requested_effective_date": "2026-12-01",
                            "premium_payment": {"method": "bill"},
                            "signature": {"signed": True, "date": "2026-11-30", "by": "applicant"},
                            "authorized_representative": None, "agent": None}}
    doc = source(tmp_path, "portal", json.dumps(body))
    ext, dec = parse_portal(doc, settings)
    record = validate(build_application(doc, settings, pages=0, extraction=ext, receipt=dec))
    assert record["status"] == "submitted" and record["review"] == []
    assert record["receipt"] == {"received_at": "2026-11-30T23:41:07-06:00", "source": "portal_submission"}
    assert record["applicant"]["phone"] == "7155550142" and record["medicare_number"] == "1EG4TE5MK73"
    assert record["plan"]["name"] == "Aspirus Advantage Plus (HMO-POS)"
    assert all(v == 1.0 for v in record["confidence"].values())


def test_an_optional_field_whose_label_was_never_found_is_reviewed_not_vouched_for(tmp_path: Path, settings: Settings) -> None:
    """No middle initial read and no "M.I." label found: the empty field is put up for review (a person
    looks at the page), not passed as "no middle initial"; found and empty, it is simply empty."""
    values = {k: v for k, v in VALUES.items() if k != "applicant.middle_initial"}
    everything_else = [*values, "applicant.permanent_address.county"]  # VALUES has no county
    unlocated = extraction(values).model_copy(update={"located": everything_else})
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=unlocated, receipt=receipt()))
    assert record["applicant"]["middle_initial"] is None
    assert "applicant.middle_initial" in record["review"] and record["not_located"] == ["applicant.middle_initial"]
    assert record["missing"] == [] and record["status"] == "submitted"

    located = extraction(values).model_copy(update={"located": [*everything_else, "applicant.middle_initial"]})
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=located, receipt=receipt()))
    assert "applicant.middle_initial" not in record["review"] and record["not_located"] == []


def test_an_unread_plan_choice_puts_both_its_halves_up_for_review(tmp_path: Path, settings: Settings) -> None:
    """A plan mark nobody could read leaves the plan's id and its name unvouched for: both are reviewed."""
    values = {k: v for k, v in VALUES.items() if not k.startswith("plan.")}
    ext = extraction(values)
    ext.fields["plan.id"] = FieldValue(value=None, confidence=0.0, needs_review=True, note="ink_unread")
    record = validate(build_application(source(tmp_path), settings, pages=3, classification=APPLICATION,
                                        extraction=ext, receipt=receipt()))
    assert record["plan"] is None or record["plan"]["id"] is None
    assert {"plan.id", "plan.name"} <= set(record["review"])


def test_no_plan_mark_found_on_a_scan_puts_the_plans_name_up_for_review(tmp_path: Path, settings: Settings) -> None:
    """The plan's label read and no mark found by any option: the plan choice is missing (outreach), and on a scan,
    where a mark can go unseen, its name is not vouched for as empty either; a text layer's blank plan is exact."""
    values = {k: v for k, v in VALUES.items() if not k.startswith("plan.")}
    located = ["plan.id"] + [k for k in values]
    for channel, reviewed in (("fax", True), ("docusign", False)):
        ext = extraction(values)
        ext = ext.model_copy(update={"located": located})
        record = validate(build_application(source(tmp_path, channel), settings, pages=3, classification=APPLICATION,
                                            extraction=ext, receipt=receipt()))
        assert "plan.id" in [m["field"] for m in record["missing"]]
        assert ("plan.name" in record["review"]) is reviewed
