"""Choosing the receipt stamp: metadata over printed evidence over drop time, disagreement, review, portal JSON."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from handmade import page

from intake.config import Settings
from intake.document import SourceDocument
from intake.errors import CorruptFile
from intake.ocr.page import Page, ReadResult
from intake.parsers.portal import parse_portal
from intake.parsers.receipt import find_receipt

CHICAGO = ZoneInfo("America/Chicago")
DROPPED = datetime(2026, 12, 1, 8, 0, tzinfo=CHICAGO)
HEADER = "NOV-30-2026 11:41PM FROM: WAUSAU INSURANCE 7155551234 TO: 17157877328 P.001/002"


def doc(tmp_path: Path, channel: str, *, sidecar: dict | None = None, body: str = "x",
        dropped_at: datetime = DROPPED) -> SourceDocument:
    path = tmp_path / f"in.{channel}"
    path.write_text(body)
    return SourceDocument.from_path(path, channel, dropped_at, sidecar=sidecar)


def tiff(tags: dict) -> ReadResult:
    return ReadResult(kind="tiff", pages=[Page(1, np.zeros((2, 2), np.uint8), 204, "tiff")], metadata={"tiff_tags": tags})


def test_fax_sidecar_wins_and_agrees_with_header(tmp_path: Path, settings: Settings) -> None:
    """The gateway's sidecar is the stamp; a header a minute off does not trigger review."""
    d = doc(tmp_path, "fax", sidecar={"received_at": "2026-11-30T23:42:30-06:00"})
    decision = find_receipt(d, tiff({306: "2026:11:30 23:42:30"}), [page([HEADER])], settings)
    assert decision.source == "fax_metadata" and decision.received_at.isoformat() == "2026-11-30T23:42:30-06:00"
    assert not decision.needs_review and decision.reasons == []
    assert {f.source for f in decision.findings} == {"fax_metadata", "fax_header"}


def test_fax_sidecar_and_header_disagree(tmp_path: Path, settings: Settings) -> None:
    """A header more than the allowed minutes (or a day) away from the gateway's time is a disagreement."""
    d = doc(tmp_path, "fax", sidecar={"received_at": "2026-12-01T00:05:00-06:00"})
    decision = find_receipt(d, None, [page([HEADER])], settings)
    assert decision.source == "fax_metadata" and decision.received_at.day == 1
    assert decision.needs_review and "sources_disagree" in decision.reasons


def test_fax_tiff_tag_without_sidecar(tmp_path: Path, settings: Settings) -> None:
    """Without a sidecar the TIFF DateTime is the gateway's record."""
    decision = find_receipt(doc(tmp_path, "fax"), tiff({306: "2026:11:30 23:41:07", 270: "WAUSAU INS"}), [], settings)
    assert decision.source == "fax_metadata" and decision.received_at.isoformat() == "2026-11-30T23:41:07-06:00"
    assert not decision.needs_review


def test_fax_header_only(tmp_path: Path, settings: Settings) -> None:
    """With no gateway record, the header line on the first page that has one is the stamp."""
    pages = [page(["FAX COVER SHEET", "To: Aspirus"]), page([HEADER.replace("P.001", "P.002")], number=2)]
    decision = find_receipt(doc(tmp_path, "fax"), None, pages, settings)
    assert decision.source == "fax_header" and decision.received_at.isoformat() == "2026-11-30T23:41:00-06:00"
    assert not decision.needs_review


def test_fax_header_with_garbled_year_skipped_for_next_page(tmp_path: Path, settings: Settings) -> None:
    """A header whose year OCR garbled (far from the drop time) gives way to the next page's header."""
    pages = [page(["Sun Nov 29 16:22:01 2016 Page 1 of 2"]), page(["Sun Nov 29 16:22:01 2026 Page 2 of 2"], number=2)]
    decision = find_receipt(doc(tmp_path, "fax"), None, pages, settings)
    assert decision.source == "fax_header" and decision.received_at.isoformat() == "2026-11-29T16:22:01-06:00"
    assert not decision.needs_review


def test_printed_stamp_long_before_drop_is_reviewed(tmp_path: Path, settings: Settings) -> None:
    """A stamp months older than the scan is used only with review."""
    p = page(["ENROLLMENT"], stamp=["RECEIVED", "JUN 30 2026"])
    decision = find_receipt(doc(tmp_path, "mail"), None, [p], settings)
    assert decision.source == "mail_stamp" and "receipt_long_before_drop" in decision.reasons


def test_fax_with_nothing_uses_drop_time_and_reviews(tmp_path: Path, settings: Settings) -> None:
    """No evidence at all: the drop time, in plan local time, always reviewed."""
    decision = find_receipt(doc(tmp_path, "fax"), None, [page(["ENROLLMENT"])], settings)
    assert decision.source == "drop_time" and decision.received_at == DROPPED
    assert decision.needs_review and decision.reasons == ["no_receipt_evidence"]


def test_fax_ambiguous_tiff_time_reviewed(tmp_path: Path, settings: Settings) -> None:
    """A TIFF time in the repeated autumn hour, not settled by the drop time, is reviewed."""
    d = doc(tmp_path, "fax", dropped_at=datetime(2026, 11, 1, 9, 0, tzinfo=CHICAGO))
    decision = find_receipt(d, tiff({306: "2026:11:01 01:30:00"}), [], settings)
    assert decision.needs_review and "ambiguous_local_time" in decision.reasons


def test_mail_stamp_date_only_is_midnight(tmp_path: Path, settings: Settings) -> None:
    """A date-only RECEIVED stamp is 00:00 plan local time, not reviewed for that alone."""
    p = page(["ENROLLMENT"], stamp=["RECEIVED", "NOV 30 2026", "ASPIRUS HEALTH PLAN"])
    decision = find_receipt(doc(tmp_path, "mail"), None, [p], settings)
    assert decision.source == "mail_stamp" and decision.received_at.isoformat() == "2026-11-30T00:00:00-06:00"
    assert not decision.needs_review


def test_mail_stamp_later_than_drop_is_reviewed(tmp_path: Path, settings: Settings) -> None:
    """A stamp dated after the scan landed is impossible: reviewed."""
    p = page(["ENROLLMENT"], stamp=["RECEIVED", "DEC 30 2026"])
    decision = find_receipt(doc(tmp_path, "mail"), None, [p], settings)
    assert decision.needs_review and "receipt_after_drop" in decision.reasons


def test_mail_without_stamp_uses_drop_time(tmp_path: Path, settings: Settings) -> None:
    """A scan with no stamp falls back to the drop time, reviewed."""
    decision = find_receipt(doc(tmp_path, "mail"), None, [page(["ENROLLMENT", "Date 11/20/2026"])], settings)
    assert decision.source == "drop_time" and decision.needs_review


def test_docusign_certificate(tmp_path: Path, settings: Settings) -> None:
    """A DocuSign envelope's stamp is Signing Complete, converted from the certificate's zone."""
    cert = ["Certificate Of Completion", "Time Zone: (UTC-05:00) Eastern Time (US & Canada)",
            "Envelope Summary Events", "Signing Complete Security Checked 11/20/2026 | 09:31:05 AM"]
    decision = find_receipt(doc(tmp_path, "docusign"), None, [page(["FORM"]), page(cert, number=2)], settings)
    assert decision.source == "docusign_certificate"
    assert decision.received_at.isoformat() == "2026-11-20T08:31:05-06:00" and not decision.needs_review


def test_docusign_fallback_event_is_reviewed(tmp_path: Path, settings: Settings) -> None:
    """Using Completed instead of Signing Complete is reviewed."""
    cert = ["Certificate Of Completion", "Time Zone: (UTC-06:00) Central Time (US & Canada)",
            "Envelope Summary Events", "Completed Security Checked 11/20/2026 | 09:31:09 AM"]
    decision = find_receipt(doc(tmp_path, "docusign"), None, [page(cert)], settings)
    assert decision.needs_review and "docusign_no_signing_complete" in decision.reasons


def test_email_records_drop_time_without_review(tmp_path: Path, settings: Settings) -> None:
    """Email is not accepted: its arrival (drop time) is recorded, with nothing to review."""
    decision = find_receipt(doc(tmp_path, "email"), None, [], settings)
    assert decision.received_at == DROPPED and decision.source == "drop_time"
    assert not decision.needs_review and decision.reasons == ["email_not_accepted"]


@pytest.mark.parametrize(("sidecar_time", "offset"), [("2026-11-01T01:30:20-05:00", -5), ("2026-11-01T01:30:20-06:00", -6)])
def test_dst_fall_back_tiff_and_header_follow_sidecar(tmp_path: Path, settings: Settings, sidecar_time: str,
                                                      offset: int) -> None:
    """In the repeated hour the gateway's offset says which 01:30 it was; the TIFF tag and header agree with it."""
    d = doc(tmp_path, "fax", sidecar={"received_at": sidecar_time},
            dropped_at=datetime(2026, 11, 1, 1, 45, tzinfo=CHICAGO, fold=1))
    header = page(["NOV-01-2026 01:30AM FROM: WAUSAU INSURANCE 7155551234 P.001/002"])
    decision = find_receipt(d, tiff({306: "2026:11:01 01:30:20"}), [header], settings)
    assert decision.received_at.utcoffset().total_seconds() == offset * 3600
    assert decision.received_at.isoformat() == sidecar_time
    assert not decision.needs_review, decision.reasons


def test_dst_spring_forward_header_clock_not_moved_on(tmp_path: Path, settings: Settings) -> None:
    """A header reading 02:10 on the spring-forward day is 03:10 CDT: it agrees with the gateway."""
    d = doc(tmp_path, "fax", sidecar={"received_at": "2026-03-08T03:10:00-05:00"},
            dropped_at=datetime(2026, 3, 8, 4, 0, tzinfo=CHICAGO))
    decision = find_receipt(d, None, [page(["MAR-08-2026 02:10AM FROM: 7155551234 P.001/001"])], settings)
    assert decision.source == "fax_metadata" and not decision.needs_review


def test_plan_timezone_setting_is_used(tmp_path: Path) -> None:
    """Times are expressed in the configured plan zone."""
    settings = Settings(plan_timezone="America/New_York")
    d = doc(tmp_path, "fax", sidecar={"received_at": "2026-11-30T23:41:07-06:00"})
    decision = find_receipt(d, None, [], settings)
    assert decision.received_at.isoformat() == "2026-12-01T00:41:07-05:00"


# --- portal -----------------------------------------------------------------------------------

PORTAL = {
    "submission_id": "P-2026-000123",
    "submitted_at": "2026-12-01T05:41:07Z",
    "plan": {"id": "H5652-002"},
    "applicant": {
        "first_name": "MARGARET", "middle_initial": "a", "last_name": "OLSON", "birth_date": "03/14/1957",
        "sex": "Female", "phone": "(715) 555-0142",
        "permanent_address": {"street": "1204 N 5TH AVE", "city": "WAUSAU", "state": "Wisconsin", "zip": "54401"},
        "mailing_address": None,
    },
    "medicare_number": "1EG4-TE5-MK73",
    "requested_effective_date": "2027-01-01",
    "dental_rider": True,
    "premium_payment": {"method": "EFT", "routing_number": "075911988", "account_number": "000123456789",
                        "account_type": "Checking", "account_holder": "MARGARET A OLSON"},
    "signature": {"signed": True, "date": "2026-11-30", "by": "applicant"},
    "agent": {"name": "DANIEL KOWALSKI", "npn": 17654321},
}


def test_portal_fields_normalised_with_full_confidence(tmp_path: Path, settings: Settings) -> None:
    """Portal values go through the normalisers; clean values get confidence 1.0 and no review."""
    extraction, receipt = parse_portal(doc(tmp_path, "portal", body=json.dumps(PORTAL)), settings)
    f = extraction.fields
    assert receipt.source == "portal_submission" and receipt.received_at.isoformat() == "2026-11-30T23:41:07-06:00"
    assert not receipt.needs_review
    assert f["applicant.birth_date"].value == "1957-03-14" and f["applicant.sex"].value == "F"
    assert f["applicant.middle_initial"].value == "A" and f["applicant.phone"].value == "7155550142"
    assert f["applicant.permanent_address.state"].value == "WI" and f["medicare_number"].value == "1EG4TE5MK73"
    assert f["premium_payment.method"].value == "eft" and f["premium_payment.account_type"].value == "checking"
    assert f["agent.npn"].value == "17654321" and f["dental_rider"].value is True
    assert all(v.confidence == 1.0 and not v.needs_review for v in f.values())
    assert "applicant.mailing_address.street" not in f


def test_portal_invalid_values_are_flagged(tmp_path: Path, settings: Settings) -> None:
    """A rejected value is kept out (None, confidence 0, reviewed, note); a repaired one is reviewed."""
    data = {**PORTAL, "medicare_number": "123-45-6789", "agent": {"npn": "715-555-0142"},
            "applicant": {**PORTAL["applicant"], "last_name": "0LSON"}}
    extraction, _ = parse_portal(doc(tmp_path, "portal", body=json.dumps(data)), settings)
    mbi = extraction.fields["medicare_number"]
    assert mbi.value is None and mbi.confidence == 0.0 and mbi.needs_review and mbi.note == "ssn_in_medicare_box"
    assert extraction.fields["agent.npn"].note == "npn_looks_like_phone"
    assert extraction.fields["applicant.last_name"].needs_review
    assert "invalid:medicare_number:ssn_in_medicare_box" in extraction.warnings


def test_portal_application_wrapper(tmp_path: Path, settings: Settings) -> None:
    """The portal's envelope ({portal, version, submission_id, submitted_at, application: {...}}) is read."""
    body = {"portal": "aspirus-agent-portal", "version": 1, "submission_id": "PS-12345678",
            "submitted_at": "2026-11-30T23:41:07-06:00",
            "application": {k: v for k, v in PORTAL.items() if k not in ("submission_id", "submitted_at")}}
    extraction, receipt = parse_portal(doc(tmp_path, "portal", body=json.dumps(body)), settings)
    assert receipt.received_at.isoformat() == "2026-11-30T23:41:07-06:00"
    assert extraction.value("medicare_number") == "1EG4TE5MK73" and extraction.value("plan.id") == "H5652-002"


def test_portal_flat_keys_accepted(tmp_path: Path, settings: Settings) -> None:
    """Dotted contract paths work as keys too."""
    data = {"submitted_at": "2026-11-30T10:00:00-06:00", "applicant.first_name": "ANN", "plan.id": "H5652-001"}
    extraction, _ = parse_portal(doc(tmp_path, "portal", body=json.dumps(data)), settings)
    assert extraction.value("applicant.first_name") == "ANN" and extraction.value("plan.id") == "H5652-001"


def test_portal_without_submitted_at_uses_drop_time(tmp_path: Path, settings: Settings) -> None:
    """A submission without a usable time gets the drop time, reviewed."""
    _, receipt = parse_portal(doc(tmp_path, "portal", body=json.dumps({"submitted_at": "soon"})), settings)
    assert receipt.source == "drop_time" and receipt.needs_review
    assert find_receipt(doc(tmp_path, "portal", body=json.dumps(PORTAL)), None, [], settings).source == "portal_submission"


@pytest.mark.parametrize("body", ["{not json", "[1, 2]", ""])
def test_portal_bad_json_is_an_input_error(tmp_path: Path, settings: Settings, body: str) -> None:
    """Unreadable JSON is a corrupt input (quarantined) with a code, not a crash."""
    with pytest.raises(CorruptFile) as info:
        parse_portal(doc(tmp_path, "portal", body=body), settings)
    assert info.value.code == "portal_bad_json"



@pytest.mark.parametrize(("review_grey", "detail", "reviewed"), [
    (False, "stamp_grey_ink", False),  # the default: agreeing readings of a grey stamp are trusted
    (True, "stamp_grey_ink", True),  # the plan confirms every grey-scanned stamp
    (True, "stamp_red_ink", False),  # a colour scan's red stamp is unaffected
])
def test_grey_stamp_review_setting(tmp_path: Path, review_grey: bool, detail: str, reviewed: bool) -> None:
    from intake.extraction import ReceiptFinding
    from intake.parsers.receipt import decide

    settings = Settings(review_grey_stamps=review_grey)
    stamp = ReceiptFinding(received_at=datetime(2026, 11, 30, 14, 5, tzinfo=CHICAGO), source="mail_stamp",
                           confidence=0.9, detail=detail)
    decision = decide([stamp], doc(tmp_path, "mail"), settings)
    assert decision.needs_review is reviewed
    assert ("grey_stamp" in decision.reasons) is reviewed
