"""Scoring one record against its truth: field accuracy, silent errors, receipt and decision."""

from __future__ import annotations

import copy

from intake.evaluation.compare import compare_records, normalise_value
from intake.evaluation.metrics import summarise

TRUTH = {
    "schema": "enrollment-application/v1",
    "document": {"sha256": "0" * 64, "filename": "x.tif", "pages": 2, "channel": "fax",
                 "kind": "enrollment_application"},
    "receipt": {"received_at": "2026-11-30T23:41:07-06:00", "source": "fax_metadata"},
    "confirmation_number": None,
    "applicant": {"first_name": "ANNA", "middle_initial": None, "last_name": "LEE", "birth_date": "1950-02-03",
                  "sex": "F", "phone": "7155550100",
                  "permanent_address": {"street": "1 MAIN ST", "city": "WAUSAU", "state": "WI", "zip": "54401"},
                  "mailing_address": None},
    "medicare_number": "1EG4TE5MK73",
    "plan": {"id": "H5652-002", "name": "Aspirus Advantage Plus (HMO-POS)"},
    "requested_effective_date": "2026-12-01",
    "primary_care_clinic": None,
    "dental_rider": False,
    "premium_payment": {"method": "bill", "account_holder": None, "routing_number": None, "account_number": None,
                        "account_type": None},
    "signature": {"signed": True, "date": "2026-11-25", "by": "applicant"},
    "authorized_representative": None,
    "agent": {"name": "DAN KOWALSKI", "npn": None},
    "status": "on_hold_applicant_outreach",
    "rejection_reason": None,
    "missing": [{"field": "agent.npn", "contact_first": "agent", "reason": "x"}],
    "effective_date_check": {"earliest_allowed": "2026-12-01", "requested_allowed": True},
    "confidence": {},
    "review": [],
    "_sample": {"case": "missing-npn", "layout": "cms", "dropped_at": "2026-11-30T23:43:00-06:00"},
}


def _predicted() -> dict:
    record = copy.deepcopy(TRUTH)
    del record["_sample"]
    record["confirmation_number"] = "48213377"
    return record


def test_identical_record_scores_perfectly() -> None:
    """A record equal to its truth is right on every field, the receipt, the kind and the decision."""
    score = compare_records(_predicted(), TRUTH)
    assert all(f.correct for f in score.fields)
    assert score.receipt_correct and score.source_correct and score.kind_correct and score.decision_correct
    assert score.confirmation_ok


def test_wrong_value_in_review_is_not_silent_but_unlisted_one_is() -> None:
    """A wrong value whose path (or a parent path) is in review[] is loud; one not listed anywhere is silent."""
    predicted = _predicted()
    predicted["applicant"]["birth_date"] = "1950-03-02"
    predicted["applicant"]["permanent_address"]["zip"] = "54403"
    predicted["medicare_number"] = "1EG4TE5MK78"
    predicted["review"] = ["applicant.birth_date", "applicant.permanent_address"]
    score = compare_records(predicted, TRUTH)
    wrong = {f.path: f for f in score.fields if not f.correct}
    assert set(wrong) == {"applicant.birth_date", "applicant.permanent_address.zip", "medicare_number"}
    assert not wrong["applicant.birth_date"].silent
    assert not wrong["applicant.permanent_address.zip"].silent
    assert wrong["medicare_number"].silent
    figures = summarise([score])
    assert figures["fields"]["silent_errors"] == 1
    assert figures["fields"]["silent_rate"] == round(1 / len(score.fields), 4)
    assert figures["per_field"]["medicare_number"]["silent_errors"] == 1


def test_null_equals_null_and_light_normalisation() -> None:
    """null==null is correct; case, spacing and commas do not matter; a missed value does."""
    assert normalise_value("applicant.first_name", "  anna ") == "ANNA"
    assert normalise_value("authorized_representative.address", "1 Main St,  Wausau") == "1 MAIN ST WAUSAU"
    assert normalise_value("signature.signed", False) is None
    predicted = _predicted()
    predicted["applicant"]["mailing_address"] = {"street": None, "city": None, "state": None, "zip": None}
    predicted["primary_care_clinic"] = ""
    predicted["applicant"]["last_name"] = None
    score = compare_records(predicted, TRUTH)
    wrong = [f.path for f in score.fields if not f.correct]
    assert wrong == ["applicant.last_name"]
    assert score.fields[[f.path for f in score.fields].index("applicant.last_name")].predicted_null


def test_receipt_is_judged_to_the_minute_with_its_offset() -> None:
    """Seconds do not matter, a different minute does, and so does the same instant in another offset."""
    predicted = _predicted()
    predicted["receipt"]["received_at"] = "2026-11-30T23:41:59-06:00"
    assert compare_records(predicted, TRUTH).receipt_correct
    predicted["receipt"]["received_at"] = "2026-11-30T23:42:00-06:00"
    assert not compare_records(predicted, TRUTH).receipt_correct
    predicted["receipt"]["received_at"] = "2026-12-01T05:41:07+00:00"
    assert not compare_records(predicted, TRUTH).receipt_correct


def test_a_wrong_receipt_is_silent_unless_it_is_in_review() -> None:
    predicted = _predicted()
    assert compare_records(predicted, TRUTH).receipt_silent is False  # right: not silent
    predicted["receipt"]["received_at"] = "2026-11-30T23:42:00-06:00"
    assert compare_records(predicted, TRUTH).receipt_silent is True
    predicted["review"] = ["receipt.received_at"]
    assert compare_records(predicted, TRUTH).receipt_silent is False
    assert compare_records(predicted, TRUTH).receipt_reviewed is True


def test_decision_needs_status_missing_set_and_date_check() -> None:
    """The decision is right only when status, the set of missing paths and the date check all match."""
    predicted = _predicted()
    predicted["missing"] = [{"field": "agent.npn", "contact_first": "agent", "reason": "other words"}]
    assert compare_records(predicted, TRUTH).decision_correct
    predicted["missing"].append({"field": "signature", "contact_first": "applicant", "reason": "x"})
    score = compare_records(predicted, TRUTH)
    assert not score.decision_correct and score.status_correct and not score.missing_correct
    assert score.missing_extra == ["signature.signed"]
    predicted = _predicted()
    predicted["effective_date_check"] = {"earliest_allowed": "2027-01-01", "requested_allowed": False}
    score = compare_records(predicted, TRUTH)
    assert not score.decision_correct and not score.date_check_correct
    predicted = _predicted()
    predicted["status"] = "submitted"
    assert not compare_records(predicted, TRUTH).decision_correct


def test_email_kind_is_not_judged_and_bad_confirmation_format_is_caught() -> None:
    """Email documents are left out of kind accuracy; a confirmation number must be 8 digits."""
    truth = copy.deepcopy(TRUTH)
    truth["document"]["channel"] = "email"
    predicted = _predicted()
    predicted["document"]["kind"] = "unknown"
    predicted["confirmation_number"] = "12-34"
    score = compare_records(predicted, truth)
    assert score.kind_correct is None
    assert score.confirmation_ok is False


def test_summary_groups_by_channel_layout_and_case() -> None:
    """Figures are split per channel, layout and case, with decision shares per group."""
    good = compare_records(_predicted(), TRUTH)
    bad_record = _predicted()
    bad_record["status"] = "submitted"
    truth_mail = copy.deepcopy(TRUTH)
    truth_mail["document"]["channel"] = "mail"
    truth_mail["_sample"]["case"] = "complete"
    bad = compare_records(bad_record, truth_mail)
    figures = summarise([good, bad])
    assert figures["per_channel"]["fax"]["decision"]["accuracy"] == 1.0
    assert figures["per_channel"]["mail"]["decision"]["accuracy"] == 0.0
    assert set(figures["per_case"]) == {"missing-npn", "complete"}
    assert figures["per_layout"]["cms"]["documents"] == 2
    assert figures["decision"]["status"]["correct"] == 1
    assert [d["decision"] for d in figures["per_document"]] == [True, False]
