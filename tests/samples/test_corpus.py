"""The committed corpus: truth validates, channel files have the right formats, edge cases are what they claim."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import jsonschema
import pytest
from PIL import Image
from pypdf import PdfReader

from intake.application import contract_schema

REPO = Path(__file__).resolve().parents[2]
ROOTS = [REPO / "samples" / "corpus", REPO / "samples" / "heldout"]
TRUTHS = sorted(p for root in ROOTS for p in (root / "truth").glob("*/*.truth.json"))


def _truth(name_part: str) -> tuple[Path, dict]:
    path = next(p for p in TRUTHS if name_part in p.name)
    return path, json.loads(path.read_text())


def _document(truth_path: Path) -> Path:
    return truth_path.parents[2] / truth_path.parent.name / truth_path.name[: -len(".truth.json")]


def test_corpus_has_every_channel_layout_and_kind() -> None:
    """The corpus covers all channels, the three tuning layouts, the held-out one (apart) and the not-applications."""
    truths = [json.loads(p.read_text()) for p in TRUTHS]
    assert {t["document"]["channel"] for t in truths} == {"fax", "mail", "docusign", "portal", "email"}
    corpus_layouts = {t["_sample"]["layout"] for t in truths if not t["_sample"]["heldout"]}
    assert {"cms", "compact", "grid"} <= corpus_layouts and "heldout" not in corpus_layouts
    assert {t["document"]["kind"] for t in truths} >= {"enrollment_application", "cover_letter", "blank",
                                                        "dental_enrollment", "disenrollment_request"}
    heldout = [t for t in truths if t["_sample"]["heldout"]]
    assert heldout and all(t["_sample"]["layout"] == "heldout" for t in heldout)
    assert not list((REPO / "samples" / "corpus" / "truth").rglob("*heldout*"))


@pytest.mark.parametrize("truth_path", TRUTHS, ids=lambda p: p.name)
def test_truth_validates_and_matches_its_document(truth_path: Path) -> None:
    """Every truth file validates against the contract schema and names its document's sha256."""
    truth = json.loads(truth_path.read_text())
    jsonschema.validate(truth, contract_schema())
    document = _document(truth_path)
    import hashlib

    assert hashlib.sha256(document.read_bytes()).hexdigest() == truth["document"]["sha256"]
    assert truth["document"]["filename"] == document.name
    assert datetime.fromisoformat(truth["_sample"]["dropped_at"]).utcoffset() is not None
    if truth["receipt"]["source"] == "drop_time":
        assert truth["receipt"]["received_at"] == truth["_sample"]["dropped_at"]
    if truth["document"]["kind"] != "enrollment_application":
        assert truth["applicant"] is None and truth["missing"] == [] and truth["effective_date_check"] is None


def test_fax_tiffs_are_ccitt_at_fax_resolution() -> None:
    """Fax TIFFs are 1-bit G3/G4, 1728 px wide, 204x98 or 204x196 dpi; metadata tags look like HylaFAX's."""
    tiffs = sorted(p for root in ROOTS for p in (root / "fax").glob("*.tif"))
    assert tiffs
    seen = set()
    for path in tiffs:
        with Image.open(path) as img:
            seen.add(img.info["compression"])
            assert img.info["compression"] in {"group3", "group4"}
            assert img.mode == "1" and img.width == 1728
            assert tuple(round(v) for v in img.info["dpi"]) in {(204, 98), (204, 196)}
            assert img.n_frames >= 1
            tags = img.tag_v2
            if 306 in tags:
                assert re.fullmatch(r"\d{4}:\d{2}:\d{2} \d{2}:\d{2}:\d{2}", tags[306])
                assert "HylaFAX" in tags[305] and len(tags[270]) <= 20
    assert seen == {"group3", "group4"}


def test_fax_sidecars_have_the_gateway_shape() -> None:
    """Each sidecar has received_at with an offset, from, to, pages (= TIFF frames) and csid."""
    sidecars = sorted(p for root in ROOTS for p in (root / "fax").glob("*.json"))
    assert sidecars
    for path in sidecars:
        data = json.loads(path.read_text())
        assert set(data) == {"received_at", "from", "to", "pages", "csid"}
        assert datetime.fromisoformat(data["received_at"]).utcoffset() is not None
        assert data["from"].isdigit() and data["to"].isdigit()
        with Image.open(path.with_suffix("")) as img:
            assert img.n_frames == data["pages"]


def test_docusign_pdfs_have_text_and_end_with_the_certificate() -> None:
    """DocuSign PDFs have a text layer on every page; the last page is the Certificate Of Completion."""
    pdfs = sorted(p for root in ROOTS for p in (root / "docusign").glob("*.pdf"))
    assert pdfs
    for path in pdfs:
        reader = PdfReader(path)
        texts = [page.extract_text() for page in reader.pages]
        assert all(t.strip() for t in texts)
        last = texts[-1]
        assert "Certificate Of Completion" in last
        for needle in ("Envelope Id", "Signing Complete", "Certified Delivered", "Time Zone: (UTC-0"):
            assert needle in last
        assert re.search(r"\d{2}/\d{2}/\d{4} \| \d{2}:\d{2}:\d{2} [AP]M", last)
        assert "DocuSign Envelope ID" in texts[0]


def test_month_end_midnight_truth_is_in_local_time() -> None:
    """23:41 on Nov 30 Central stays a November receipt, which allows a Dec 1 start."""
    _, truth = _truth("month-end-midnight")
    received = datetime.fromisoformat(truth["receipt"]["received_at"])
    assert (received.month, received.day, received.hour) == (11, 30, 23)
    assert received.utcoffset().total_seconds() == -6 * 3600
    assert truth["effective_date_check"] == {"earliest_allowed": "2026-12-01", "requested_allowed": True}


def test_aep_dec8_does_not_allow_january() -> None:
    """A Dec 8 receipt asking for Jan 1 is refused with Feb 1 as the earliest start."""
    _, truth = _truth("aep-dec8")
    assert truth["effective_date_check"] == {"earliest_allowed": "2027-02-01", "requested_allowed": False}


def test_fax_page_text_starts_with_the_header_line() -> None:
    """The drawn text of a fax page with a header line begins with that line (what OCR should read first)."""
    truth_path, truth = _truth("dst-spring-forward")
    texts = json.loads(truth_path.with_name(truth_path.name.replace(".truth.json", ".text.json")).read_text())
    assert len(texts) == truth["document"]["pages"]
    first_line = texts[0].splitlines()[0]
    assert re.search(r"\b02:\d{2}", first_line)  # the sender's clock, still on standard time
    assert "Mar" in first_line or "MAR" in first_line or "03/08/2026" in first_line
    assert truth["receipt"]["received_at"].startswith("2026-03-08T03:")
