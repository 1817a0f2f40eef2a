"""PDF pages: text layer with boxes in render pixels, sole page image extracted, else rendered."""

from __future__ import annotations

import hashlib
import io
import time
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfWriter
from reportlab.lib.pagesizes import letter
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from intake.errors import CorruptFile, EncryptedFile, LimitExceeded
from intake.ocr.reader import read_file
from tests.ocr.synth import text_page


def _text_pdf(path: Path, *, pages: int = 1) -> Path:
    pdf = canvas.Canvas(str(path), pagesize=letter)
    for number in range(pages):
        pdf.setFont("Helvetica", 12)
        pdf.drawString(72, 700, f"Envelope Id: 0A1B2C3D page {number + 1}")
        pdf.drawString(72, 680, "Signer Events Signature Timestamp")
        pdf.drawString(300, 500, "Completed 11/20/2026 | 10:14:03 AM")
        pdf.showPage()
    pdf.save()
    return path


def test_text_layer_page_has_words_in_rendered_pixel_space(tmp_path: Path, settings) -> None:
    """Words come from the text layer (conf 1.0) with boxes where the render shows them."""
    read = read_file(_text_pdf(tmp_path / "docusign.pdf"), settings)
    page = read.pages[0]
    dpi = settings.render_dpi
    assert read.kind == "pdf" and page.origin == "text_layer" and page.dpi == dpi
    assert page.image.shape[:2] == (round(11 * dpi), round(8.5 * dpi))
    text = page.text_layer
    assert text is not None and text.source == "text_layer" and {w.conf for w in text.words} == {1.0}
    assert [line.text for line in text.lines][:2] == ["Envelope Id: 0A1B2C3D page 1", "Signer Events Signature Timestamp"]
    envelope = next(w for w in text.words if w.text == "Envelope")
    scale = dpi / 72
    assert abs(envelope.box.left - 72 * scale) <= 3
    assert abs(envelope.box.bottom - (792 - 700) * scale) <= 0.3 * 12 * scale  # baseline, descender slack
    # the rendered image has ink inside the word's box and none just above it
    box = envelope.box
    assert page.image[box.top : box.bottom, box.left : box.right].min() < 100
    assert page.image[box.top - 30 : box.top - 10, box.left : box.right].min() > 200


def _image_pdf(path: Path, image: np.ndarray, dpi: tuple[float, float]) -> Path:
    Image.fromarray(image).save(path, format="PDF", dpi=dpi)
    return path


def test_sole_page_image_is_extracted_at_its_own_resolution(tmp_path: Path, settings) -> None:
    """A scanned page (one full-page image) comes out pixel for pixel, with its DPI."""
    image = text_page(150)
    page = read_file(_image_pdf(tmp_path / "scan.pdf", image, (150, 150)), settings).pages[0]
    assert page.origin == "embedded_image" and page.dpi == 150 and page.text_layer is None
    assert page.image.shape == image.shape and np.mean(np.abs(page.image.astype(int) - image)) < 1


def test_faxed_pdf_at_normal_resolution_is_stretched_square(tmp_path: Path, settings) -> None:
    """A 204 x 98 dpi image in a PDF is stretched vertically like a TIFF fax."""
    image = np.full((1078, 1728), 255, np.uint8)
    image[100:200, 100:400] = 0
    page = read_file(_image_pdf(tmp_path / "fax.pdf", image, (204, 98)), settings).pages[0]
    assert page.origin == "embedded_image" and page.dpi == 204
    assert abs(page.image.shape[0] - 1078 * 204 / 98) <= 2 and page.image.shape[1] == 1728


def test_image_under_invisible_ocr_text_is_read_as_an_image(tmp_path: Path, settings) -> None:
    """A scanner's invisible OCR layer is not 'real text': the page is its image, to be OCR'd by us."""
    path = tmp_path / "searchable.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    buffer = io.BytesIO()
    Image.fromarray(text_page(100)).save(buffer, format="PNG")
    pdf.drawImage(ImageReader(io.BytesIO(buffer.getvalue())), 0, 0, width=612, height=792)
    hidden = pdf.beginText(72, 700)
    hidden.setTextRenderMode(3)
    hidden.setFont("Helvetica", 12)
    hidden.textLine("hidden scanner OCR text that may be wrong " * 3)
    pdf.drawText(hidden)
    pdf.save()
    page = read_file(path, settings).pages[0]
    assert page.text_layer is None and page.origin in ("embedded_image", "render")


def test_page_with_drawing_and_no_text_is_rendered(tmp_path: Path, settings) -> None:
    """Vector content without text is rendered at settings.render_dpi."""
    path = tmp_path / "drawing.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.rect(72, 72, 200, 100, fill=1)
    pdf.save()
    page = read_file(path, settings).pages[0]
    assert page.origin == "render" and page.dpi == settings.render_dpi and page.image.min() < 50


def test_password_protected_pdf_is_encrypted_pdf(tmp_path: Path, settings) -> None:
    """A PDF that needs a password to open raises encrypted_pdf."""
    writer = PdfWriter(clone_from=_text_pdf(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    writer.write(tmp_path / "locked.pdf")
    with pytest.raises(EncryptedFile) as info:
        read_file(tmp_path / "locked.pdf", settings)
    assert info.value.code == "encrypted_pdf" and "password" in info.value.message


def test_owner_password_only_pdf_is_read(tmp_path: Path, settings) -> None:
    """Permission-only encryption (empty user password, common on e-signed PDFs) opens normally."""
    writer = PdfWriter(clone_from=_text_pdf(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    writer.write(tmp_path / "restricted.pdf")
    assert read_file(tmp_path / "restricted.pdf", settings).pages[0].origin == "text_layer"


def test_truncated_pdf_is_corrupt(tmp_path: Path, settings) -> None:
    """A PDF cut off before its end raises corrupt_file (no silently missing pages)."""
    path = _text_pdf(tmp_path / "doc.pdf", pages=3)
    path.write_bytes(path.read_bytes()[: int(path.stat().st_size * 0.6)])
    with pytest.raises(CorruptFile) as info:
        read_file(path, settings)
    assert info.value.code == "corrupt_file"


def test_five_thousand_pages_are_refused_quickly(tmp_path: Path, settings) -> None:
    """A 5,000 page PDF raises too_many_pages within a second, reading no page."""
    writer = PdfWriter()
    for _ in range(5000):
        writer.add_blank_page(612, 792)
    writer.write(tmp_path / "huge.pdf")
    started = time.perf_counter()
    with pytest.raises(LimitExceeded) as info:
        read_file(tmp_path / "huge.pdf", settings)
    assert info.value.code == "too_many_pages" and time.perf_counter() - started < 1.0


def test_reading_never_changes_the_file(tmp_path: Path, settings) -> None:
    """The PDF's bytes are identical after reading (signed PDFs must stay valid)."""
    path = _text_pdf(tmp_path / "signed.pdf", pages=2)
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    read = read_file(path, settings)
    assert len(read.pages) == 2 and "pdf_info" in read.metadata
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_text_layer_page_keeps_the_rules_its_render_shows(tmp_path: Path, settings) -> None:
    """A text-layer page is not OCR'd, but its drawing is found as on a scan: an underline drawn in the
    PDF is a rule in render pixels, where the parsers look for a caption's line."""
    from intake.ocr.recognize import recognize_page

    path = tmp_path / "ruled.pdf"
    pdf = canvas.Canvas(str(path), pagesize=letter)
    pdf.setFont("Helvetica", 11)
    pdf.drawString(72, 700, "OLSON")
    pdf.setLineWidth(0.7)
    pdf.line(72, 696, 300, 696)
    pdf.setFont("Helvetica", 7)
    pdf.drawString(72, 688, "Last name (family name)")
    pdf.showPage()
    pdf.save()
    page = recognize_page(read_file(path, settings).pages[0], settings)
    dpi = settings.render_dpi
    y = (792 - 696) / 72 * dpi
    assert any(r.width >= 3 * dpi and abs(r.center[1] - y) <= 3 for r in page.rules)


def test_a_text_layers_dotted_leaders_are_no_words() -> None:
    """'Surname . . . . . KOWALSKI' in a PDF's text: the leader's dots go (a scan erases them as drawing);
    a full stop, 'P.O.' and a lone '...' ellipsis stay."""
    from intake.ocr.page_text import Box
    from intake.ocr.pdf_text import _without_leaders

    def word(text: str, left: int, line: int = 0) -> tuple[str, Box, int]:
        return text, Box(left=left, top=100 + 40 * line, width=10 * len(text), height=20), line

    words = [word("Surname", 0), *(word(".", 80 + 15 * k) for k in range(6)), word("KOWALSKI", 200),
             word("P.O.", 0, 1), word("Box", 50, 1), word("end.", 100, 1), word("...", 150, 1), word(".......", 0, 2)]
    assert [text for text, _, _ in _without_leaders(words)] == ["Surname", "KOWALSKI", "P.O.", "Box", "end.", "..."]
