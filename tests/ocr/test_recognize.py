"""Pages to words end to end (real Tesseract on a few synthetic pages)."""

from __future__ import annotations

import json
from pathlib import Path

import cv2
import numpy as np
import pytest
from click.testing import CliRunner
from rapidfuzz.distance import Levenshtein
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from intake.cli import main
from intake.ocr.reader import read_file
from intake.ocr.recognize import recognize_pages
from tests.ocr.synth import LINES, add_red_stamp, rotate, save_tiff, speckle, text_page, to_fax_normal


def _accuracy(text: str, truth: str) -> float:
    ocr, want = " ".join(text.split()), " ".join(truth.split())
    return 1 - Levenshtein.distance(ocr, want) / len(want)


@pytest.mark.ocr
def test_skewed_speckled_normal_fax_reads_accurately(tmp_path: Path, settings) -> None:
    """A G4 fax at 204x98, tilted 4 degrees with line noise: >= 97% characters right, boxes on the upscaled page."""
    fax = to_fax_normal(speckle(rotate(text_page(300), 4.0), count=15000))
    path = save_tiff(tmp_path / "fax.tif", [fax], compression="group4", fill_order=2)
    page = recognize_pages(read_file(path, settings), settings)[0]
    assert _accuracy(page.text.text, "\n".join(LINES)) >= 0.97
    assert page.text.dpi == settings.target_dpi and page.image.ndim == 2
    assert (page.text.width, page.text.height) == (page.image.shape[1], page.image.shape[0])


@pytest.mark.ocr
def test_upside_down_page_is_turned_and_read(tmp_path: Path, settings) -> None:
    """A page scanned upside down is detected (OSD), turned 180 and read; rotation is recorded."""
    cv2.imwrite(str(tmp_path / "upside.png"), cv2.rotate(text_page(200), cv2.ROTATE_180))
    page = recognize_pages(read_file(tmp_path / "upside.png", settings), settings)[0]
    assert page.text.rotation == 180 and _accuracy(page.text.text, "\n".join(LINES)) >= 0.97


@pytest.mark.ocr
def test_red_stamp_is_read_apart_from_the_print_under_it(tmp_path: Path, settings) -> None:
    """A red RECEIVED stamp tilted 15 degrees over the text: its words are in stamp_text, not in the text."""
    stamped = add_red_stamp(text_page(200), 200, angle=15.0, at=(3.0, 0.6))
    cv2.imwrite(str(tmp_path / "mail.png"), stamped)
    page = recognize_pages(read_file(tmp_path / "mail.png", settings), settings)[0]
    assert page.stamp_text is not None
    assert page.stamp_text.text.split() == ["RECEIVED", "NOV", "30", "2026"]
    assert "RECEIVED" not in page.text.text and _accuracy(page.text.text, "\n".join(LINES)) >= 0.95
    assert page.colour is not None and page.colour.shape[:2] == page.image.shape
    received = page.stamp_text.words[0].box  # mapped back onto the page, where the red ink is
    crop = page.colour[received.top : received.bottom, received.left : received.right].astype(int)
    assert np.any(crop[:, :, 2] - crop[:, :, 1] > 100)


def test_text_layer_pages_skip_ocr(tmp_path: Path, settings) -> None:
    """A text PDF is recognised even with no Tesseract at all: its words come from the text layer."""
    pdf = canvas.Canvas(str(tmp_path / "signed.pdf"), pagesize=letter)
    pdf.drawString(72, 700, "Certificate Of Completion Envelope Id: 8D2F0C4B")
    pdf.save()
    no_ocr = settings.model_copy(update={"tesseract_cmd": "/nonexistent/tesseract"})
    pages = recognize_pages(read_file(tmp_path / "signed.pdf", no_ocr), no_ocr)
    assert pages[0].text.source == "text_layer" and "Certificate" in pages[0].text.text
    assert pages[0].image.ndim == 2 and pages[0].stamp_text is None


@pytest.mark.ocr
def test_ocr_command_prints_pages_and_json(tmp_path: Path) -> None:
    """`intake ocr FILE` prints page headers and text; --json gives PageText per page in order."""
    path = save_tiff(tmp_path / "fax.tif", [to_fax_normal(text_page(300, lines=LINES[:2]))] * 2)
    runner = CliRunner()
    plain = runner.invoke(main, ["ocr", str(path)])
    assert plain.exit_code == 0 and plain.output.count("=== page ") == 2 and "ENROLLMENT" in plain.output
    as_json = runner.invoke(main, ["ocr", "--json", "--no-preprocess", str(path)])
    data = json.loads(as_json.output)
    assert [p["number"] for p in data["pages"]] == [1, 2] and data["kind"] == "tiff"
    assert data["pages"][0]["text"]["source"] == "ocr" and data["pages"][0]["text"]["words"]
    assert data["pages"][0]["text"]["dpi"] == 204  # no upscaling without preprocessing


def test_ocr_command_maps_errors_to_exit_codes(tmp_path: Path) -> None:
    """A bad file ends with 'error [code]: ...' and exit 65, no traceback."""
    (tmp_path / "empty.tif").write_bytes(b"")
    result = CliRunner().invoke(main, ["ocr", str(tmp_path / "empty.tif")])
    assert result.exit_code == 65 and "error [empty_file]" in result.output
