"""Pages from a PDF: the text layer when a page has real text, else its image.

Per page, in order of preference:
1. real (visible, readable) text -> ``text_layer`` words, plus a rendering at
   ``settings.render_dpi`` so checkboxes and review crops have an image;
2. exactly one image covering the page, placed upright -> that image at its own
   resolution (``embedded_image``), no resampling of a scanned or faxed page;
3. anything else -> a rendering by PDFium (``render``).

The file is opened read-only by PDFium and never written (signed DocuSign PDFs
stay byte-identical). PDFium is not thread-safe, so every use holds one lock.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

import cv2
import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from intake.config import Settings
from intake.errors import CorruptFile, EncryptedFile, LimitExceeded
from intake.ocr.images import check_pixels, colour_or_grey
from intake.ocr.page import Page
from intake.ocr.pdf_text import read_text_layer, text_layer_page_text
from intake.ocr.resolution import resolve_dpi, to_square_pixels

__all__ = ["read_pdf"]

log = logging.getLogger(__name__)

PDFIUM_LOCK = threading.Lock()
_EOF_WINDOW = 4096  # "%%EOF" must appear near the end; a cut-off download lacks it
MIN_TEXT_CHARS = 20  # fewer visible characters than this is not a text page (e.g. a lone page number)
MIN_READABLE = 0.8  # share of characters that map to real Unicode (fonts without ToUnicode do not)
_FULL_PAGE = 0.85  # share of the page an image must cover to be "the page"
_THUMB_DPI = 24


def _check_complete(path: Path) -> None:
    with path.open("rb") as handle:
        handle.seek(0, 2)
        size = handle.tell()
        handle.seek(max(0, size - _EOF_WINDOW))
        tail = handle.read()
    if b"%%EOF" not in tail:
        raise CorruptFile("the PDF is truncated (no end-of-file marker); ask the sender to send it again")


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if getattr(exc, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
            raise EncryptedFile(
                "the PDF is password-protected; ask the sender for a copy without a password"
            ) from exc
        raise CorruptFile("the PDF is damaged and cannot be opened; ask the sender to send it again") from exc


def _render(page: pdfium.PdfPage, dpi: float) -> np.ndarray:
    bitmap = page.render(scale=dpi / 72.0, fill_color=(255, 255, 255, 255))
    array = bitmap.to_numpy()
    if array.ndim == 3 and array.shape[2] == 4:
        array = array[:, :, :3]
    return np.ascontiguousarray(array)


def _sole_page_image(page: pdfium.PdfPage, page_w: float, page_h: float) -> pdfium.PdfImage | None:
    """The one upright image covering the page, if that is all the page shows."""
    images, others = [], 0
    for obj in page.get_objects(max_depth=2):
        if obj.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            images.append(obj)
        elif obj.type == pdfium_c.FPDF_PAGEOBJ_TEXT:
            if pdfium_c.FPDFTextObj_GetTextRenderMode(obj) != 3:  # visible text
                others += 1
        elif obj.type in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING):
            others += 1
    if len(images) != 1 or others or page.get_rotation() != 0:
        return None
    image = images[0]
    matrix = image.get_matrix()
    if abs(matrix.b) > 1e-6 or abs(matrix.c) > 1e-6 or matrix.a <= 0 or matrix.d <= 0:
        return None  # rotated or mirrored placement: let PDFium render it the right way round
    if matrix.a * matrix.d < _FULL_PAGE * page_w * page_h:
        return None
    return image


def _extract_image(page: pdfium.PdfPage, image: pdfium.PdfImage, number: int, settings: Settings) -> Page | None:
    width, height = image.get_px_size()
    check_pixels(width, height, settings, number)
    matrix = image.get_matrix()
    try:
        array = image.get_bitmap(render=False).to_numpy()
    except pdfium.PdfiumError:
        return None
    if array.ndim == 3 and array.shape[2] == 4:
        array = array[:, :, :3]
    if array.shape[:2] != (height, width):
        return None
    array = colour_or_grey(np.ascontiguousarray(array))
    # The raw image ignores /Decode arrays and masks; if it does not look like
    # the rendered page (e.g. comes out inverted), trust the renderer instead.
    thumb = cv2.cvtColor(_render(page, _THUMB_DPI), cv2.COLOR_BGR2GRAY)
    grey = array if array.ndim == 2 else cv2.cvtColor(array, cv2.COLOR_BGR2GRAY)
    small = cv2.resize(grey, (thumb.shape[1], thumb.shape[0]), interpolation=cv2.INTER_AREA)
    if float(np.abs(small.astype(np.int16) - thumb.astype(np.int16)).mean()) > 40:
        return None
    res = resolve_dpi(width, height, width * 72.0 / matrix.a, height * 72.0 / matrix.d, settings.assumed_dpi)
    array, dpi = to_square_pixels(array, res)
    return Page(number=number, image=array, dpi=dpi, origin="embedded_image", dpi_assumed=res.assumed)


def _read_page(doc: pdfium.PdfDocument, index: int, settings: Settings) -> Page:
    number = index + 1
    page = doc[index]
    try:
        page_w, page_h = page.get_size()
        dpi = settings.render_dpi
        width, height = round(page_w * dpi / 72.0), round(page_h * dpi / 72.0)
        check_pixels(width, height, settings, number)
        layer = read_text_layer(page, width, height)
        if layer.visible_chars >= MIN_TEXT_CHARS and layer.readable_ratio >= MIN_READABLE:
            image = colour_or_grey(_render(page, dpi))
            height, width = image.shape[:2]
            text = text_layer_page_text(layer, number, width, height, dpi)
            return Page(number=number, image=image, dpi=dpi, origin="text_layer", text_layer=text)
        sole = _sole_page_image(page, page_w, page_h)
        if sole is not None:
            extracted = _extract_image(page, sole, number, settings)
            if extracted is not None:
                return extracted
            # a rendering at the image's own resolution keeps its detail
            dpi = int(min(max(sole.get_px_size()[0] * 72.0 / page_w, settings.render_dpi), 600))
            check_pixels(round(page_w * dpi / 72.0), round(page_h * dpi / 72.0), settings, number)
        image = colour_or_grey(_render(page, dpi))
        return Page(number=number, image=image, dpi=dpi, origin="render")
    finally:
        page.close()


def _info(doc: pdfium.PdfDocument) -> dict[str, Any]:
    info: dict[str, Any] = {}
    try:
        info["pdf_info"] = {k: v for k, v in doc.get_metadata_dict(skip_empty=True).items()}
    except (pdfium.PdfiumError, TypeError):
        info["pdf_info"] = {}
    info["pdf_signatures"] = int(pdfium_c.FPDF_GetSignatureCount(doc))
    return info


def read_pdf(path: Path, settings: Settings) -> tuple[list[Page], dict[str, Any]]:
    """Every page of the PDF, and its metadata (``pdf_info``, ``pdf_signatures``)."""
    _check_complete(path)
    with PDFIUM_LOCK:
        doc = _open(path)
        try:
            count = len(doc)
            if count == 0:
                raise CorruptFile("the PDF has no pages; ask the sender to send the document again")
            if count > settings.max_pages:
                raise LimitExceeded(
                    f"the PDF has {count} pages, over the limit of {settings.max_pages}; "
                    "split it into smaller documents",
                    code="too_many_pages",
                )
            metadata = _info(doc)
            try:
                pages = [_read_page(doc, index, settings) for index in range(count)]
            except pdfium.PdfiumError as exc:
                raise CorruptFile(
                    "a page of the PDF is damaged and cannot be read; ask the sender to send it again"
                ) from exc
            log.debug("pdf read: %d pages, origins=%s", count, ",".join(p.origin for p in pages))
            return pages, metadata
        finally:
            doc.close()
