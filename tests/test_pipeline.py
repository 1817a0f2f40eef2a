"""The pipeline end to end on documents that need no OCR (text layer, portal JSON, email)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest

from intake.application import contract_schema
from intake.document import SourceDocument
from intake.pipeline import extract_document

CORPUS = Path(__file__).resolve().parents[1] / "samples" / "corpus"


def _truth(path: Path) -> dict:
    channel = path.parent.name
    return json.loads((CORPUS / "truth" / channel / f"{path.name}.truth.json").read_text())


def _document(path: Path) -> SourceDocument:
    dropped = datetime.fromisoformat(_truth(path)["_sample"]["dropped_at"])
    return SourceDocument.from_path(path, path.parent.name, dropped)


@pytest.mark.parametrize("channel", ["docusign", "portal", "email"])
def test_every_record_satisfies_the_contract_schema(settings, channel):
    """Each text-layer, portal and email sample becomes a record that validates against the contract."""
    files = sorted(p for p in (CORPUS / channel).iterdir() if p.is_file())
    assert files, f"no {channel} samples"
    for path in files:
        record = extract_document(_document(path), settings).application.to_contract()
        jsonschema.validate(record, contract_schema())
        truth = _truth(path)
        assert record["document"]["kind"] == truth["document"]["kind"]
        assert record["receipt"] == truth["receipt"], path.name
        assert record["status"] == truth["status"], path.name


def test_docusign_fields_carry_boxes_on_their_page(settings):
    """Every field read from a page says where, so a reviewer sees its crop."""
    path = sorted((CORPUS / "docusign").glob("*.pdf"))[0]
    result = extract_document(_document(path), settings)
    boxes = result.application.to_contract()["boxes"]
    assert "applicant.last_name" in boxes
    for box in boxes.values():
        page = result.pages[box["page"] - 1]
        assert 0 <= box["left"] < box["image_width"] == page.image.shape[1]
        assert 0 <= box["top"] < box["image_height"] == page.image.shape[0]


def test_email_is_rejected_but_recorded(settings):
    """An emailed application is kept with status rejected and nothing parsed."""
    path = sorted((CORPUS / "email").iterdir())[0]
    record = extract_document(_document(path), settings).application.to_contract()
    assert record["status"] == "rejected"
    assert record["rejection_reason"] == "email_not_accepted"
    assert record["applicant"] is None and record["medicare_number"] is None
    assert record["document"]["sha256"] and record["receipt"]["received_at"]


def _text_pdf(path: Path, pages: list[list[str]]) -> None:
    """A PDF with a text layer: each page's lines at 10 pt, 24 pt apart."""
    from reportlab.pdfgen.canvas import Canvas

    canvas = Canvas(str(path), pagesize=(612, 792))
    for lines in pages:
        canvas.setFont("Helvetica", 10)
        for n, line in enumerate(lines):
            canvas.drawString(54, 740 - 24 * n, line)
        canvas.showPage()
    canvas.save()


def test_a_cover_sheet_and_a_scope_of_appointment_give_the_application_no_values(settings, tmp_path):
    """The agent's phone and name on the fax cover sheet and on the Scope of Appointment page are no applicant's
    phone and no agent of the application, which names none."""
    path = tmp_path / "packet.pdf"
    _text_pdf(path, [
        ["FAX COVER SHEET", "To: Aspirus Health Plan - Enrollment", "From: THOMAS JAKUBOWSKI",
         "Phone: (715) 555-0177", "Pages (including cover): 3", "Re: New enrollment",
         "CONFIDENTIALITY NOTICE: This facsimile is intended only for the named recipient."],
        ["Medicare Advantage Individual Enrollment Request Form", "Last name: OLSON", "First name: MARGARET",
         "Birth date (MM/DD/YYYY): 03/14/1957", "Medicare Number: 1EG4TE5MK73"],
        ["Scope of Sales Appointment Confirmation Form", "Agent Name: THOMAS JAKUBOWSKI",
         "Agent Phone: (715) 555-0177", "Beneficiary Phone (optional): (715) 555-0188",
         "Initial Method of Contact: phone", "Date Appointment Completed: 10/21/2026"],
    ])
    doc = SourceDocument.from_path(path, "docusign", datetime.fromisoformat("2026-10-30T10:00:00-05:00"))
    record = extract_document(doc, settings).application.to_contract()
    assert record["applicant"]["last_name"] == "OLSON"
    assert record["applicant"]["phone"] is None
    assert (record.get("agent") or {}).get("name") is None
