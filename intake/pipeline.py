"""The pipeline, as a list of named steps:

read -> preprocess + OCR (or text layer) -> classify -> extract -> receipt -> rules -> record

``extract_document`` turns one ``SourceDocument`` into one ``Application``.
It raises ``InputError``/``OcrTimeout`` (quarantine) or other ``IntakeError``
subclasses; it never decides what happens to the document afterwards — the
job wrapper (``workers``) and the CLI do.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from intake.application import Application
from intake.config import Settings
from intake.document import Channel, SourceDocument
from intake.extraction import Extraction
from intake.logs import subject_id
from intake.ocr.page import ReadResult, RecognizedPage

__all__ = ["Extracted", "extract_document", "field_boxes"]

log = logging.getLogger(__name__)


@dataclass
class Extracted:
    """The record and what it was made from (pages for review crops, timings for benchmarks)."""

    application: Application
    read: ReadResult | None = None
    pages: list[RecognizedPage] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=dict)


def field_boxes(extraction: Extraction, pages: list[RecognizedPage]) -> dict[str, dict[str, int]]:
    """Where each field was read, for review crops: page, box, and the geometry of the
    image the box refers to (turned by ``rotation`` degrees and scaled to ``image_width``)."""
    by_number = {page.number: page for page in pages}
    boxes: dict[str, dict[str, int]] = {}
    for path, read in extraction.fields.items():
        page = by_number.get(read.page) if read.page is not None else None
        if read.box is None or page is None:
            continue
        height, width = page.image.shape[:2]
        boxes[path] = {
            "page": page.number,
            "left": read.box.left,
            "top": read.box.top,
            "width": read.box.width,
            "height": read.box.height,
            "rotation": page.text.rotation,
            "image_width": int(width),
            "image_height": int(height),
        }
    return boxes


def extract_document(
    doc: SourceDocument,
    settings: Settings,
    *,
    is_taken: Callable[[str], bool] | None = None,
) -> Extracted:
    """Run every step on one document. ``is_taken`` tells whether a confirmation number is in use."""
    from intake.assemble import build_application
    from intake.ocr.reader import read_file
    from intake.ocr.recognize import recognize_pages
    from intake.parsers.classify import classify
    from intake.parsers.form import extract_fields
    from intake.parsers.portal import parse_portal
    from intake.parsers.receipt import find_receipt

    token = subject_id.set(doc.sha256[:12])
    timings: dict[str, float] = {}
    try:
        if doc.channel is Channel.EMAIL:
            # Not accepted: nothing is parsed, but the record is still made and kept.
            app = build_application(doc, settings, pages=0, is_taken=is_taken)
            return Extracted(application=app)

        if doc.channel is Channel.PORTAL:
            started = time.perf_counter()
            extraction, receipt = parse_portal(doc, settings)
            timings["parse"] = time.perf_counter() - started
            app = build_application(
                doc, settings, pages=0, extraction=extraction, receipt=receipt, is_taken=is_taken
            )
            return Extracted(application=app, seconds=timings)

        started = time.perf_counter()
        read = read_file(doc.path, settings)
        timings["read"] = time.perf_counter() - started

        started = time.perf_counter()
        pages = recognize_pages(read, settings)
        timings["ocr"] = time.perf_counter() - started

        started = time.perf_counter()
        classification = classify(pages)
        # the form's own pages: a cover sheet's or a Scope of Appointment's names and dates are no fields of it
        form_pages = [page for page in pages if page.number not in classification.set_aside]
        extraction = extract_fields(form_pages, settings) if classification.kind == "enrollment_application" else None
        receipt = find_receipt(doc, read, pages, settings)
        timings["parse"] = time.perf_counter() - started

        app = build_application(
            doc,
            settings,
            pages=len(read.pages),
            classification=classification,
            extraction=extraction,
            receipt=receipt,
            is_taken=is_taken,
        )
        if extraction is not None:
            app.boxes = field_boxes(extraction, pages)  # added field: where each value was read
        log.info("extracted kind=%s status=%s pages=%d", app.document.kind, app.status, len(read.pages))
        return Extracted(application=app, read=read, pages=pages, seconds=timings)
    finally:
        subject_id.reset(token)
