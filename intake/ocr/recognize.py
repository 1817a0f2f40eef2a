"""Pages to words: ``recognize_pages(read, settings) -> list[RecognizedPage]``.

Per page: text-layer pages are taken as they are (no OCR). Image pages are
preprocessed (red ink apart, deskew, despeckle, upscale, binarize, form
lines removed), read once by Tesseract, and only if that reading looks wrong (few words, low confidence,
few word-like tokens) is the orientation detected (OSD) and the page, turned,
read once more; the better reading wins. The RECEIVED stamp is read apart
(``stamp.find_page_stamp``: its red layer, or its tone on a grey scan).
Pages run in a small thread pool (each Tesseract single-threaded).

``RecognizedPage.image`` is the GREY page (oriented, deskewed, despeckled and
upscaled, not binarized) that the word boxes refer to: checkbox ink and review
crops are measured on grey, where faint marks survive. ``colour`` has the same
geometry, for colour scans.
"""

from __future__ import annotations

import contextvars
import logging
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import cv2
import numpy as np

from intake.config import Settings
from intake.errors import OcrTimeout
from intake.ocr.grey_stamp import GreyStamp, find_grey_stamp, stamp_pixels
from intake.ocr.missed_lines import read_missed_lines
from intake.ocr.lines import find_form_lines, rule_boxes
from intake.ocr.page import Page, ReadResult, RecognizedPage
from intake.ocr.page_text import Box, PageText
from intake.ocr.preprocess import (
    DebugImages,
    binarize,
    deskew,
    despeckle,
    estimate_skew,
    rotate_quarter,
    separate_red_ink,
    to_grey,
    upscale,
)
from intake.ocr.stamp import find_page_stamp
from intake.ocr.tesseract import detect_orientation, ocr_image

__all__ = ["recognize_pages", "recognize_page", "prepare_page", "PreparedPage", "reading_quality"]

log = logging.getLogger(__name__)

_WORDLIKE = re.compile(r"^[\(\"']?([A-Z]?[a-z]{2,}|[A-Z]{2,}|\d[\d/\-.,:]*\d)[\)\"'.,:;!?]?$")
_OSD_MIN_CONFIDENCE = 1.5
_MIN_RED_SHARE = 2e-4  # of the page: fewer clearly red pixels is no stamp (a red pen dot)


@dataclass(frozen=True)
class PreparedPage:
    """A page made ready for OCR; every image has the same geometry."""

    grey: np.ndarray  # what the boxes refer to
    ocr_input: np.ndarray  # binarized grey (or grey) without form lines, when those steps are on
    colour: np.ndarray | None
    red: np.ndarray | None
    dpi: int
    rotation: int
    rules: tuple[Box, ...] = ()
    grey_stamp: GreyStamp | None = None  # a grey page's stamp, found once for the OCR input and the stamp reader


def reading_quality(text: PageText) -> float:
    """0..1: mean confidence blended with the share of word-like tokens (garbage scores low)."""
    tokens = [w for w in text.words if len(w.text) >= 2]
    if not tokens:
        return 0.0
    wordlike = sum(1 for w in tokens if _WORDLIKE.match(w.text)) / len(tokens)
    return 0.5 * text.mean_conf + 0.5 * wordlike


def _looks_wrong(text: PageText) -> bool:
    return len(text.words) < 8 or text.mean_conf < 0.75 or reading_quality(text) < 0.7


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds, self.end = seconds, time.monotonic() + seconds

    def left(self) -> float:
        remaining = self.end - time.monotonic()
        if remaining <= 0:
            raise OcrTimeout(
                f"OCR of a page took longer than {self.seconds:g} s; check the scan "
                "(size, noise) or raise INTAKE_OCR_TIMEOUT_SECONDS"
            )
        return remaining


def prepare_page(page: Page, settings: Settings, debug: DebugImages, rotation: int = 0) -> PreparedPage:
    dpi = page.dpi
    colour = page.image if page.image.ndim == 3 else None
    red = None
    debug.write("input", page.image)
    if colour is not None and settings.preprocess_red_ink:
        ink = separate_red_ink(colour, dpi)
        grey = ink.black
        if ink.red_pixels >= _MIN_RED_SHARE * grey.size:
            red = ink.red
        debug.write("black", grey)
        debug.write("red", red)
    else:
        grey = to_grey(page.image)
    if rotation:
        grey, colour, red = (rotate_quarter(im, rotation) if im is not None else None for im in (grey, colour, red))
        debug.write("rotated", grey)
    if settings.preprocess_deskew:
        angle = estimate_skew(grey)
        if angle:
            grey, colour, red = (deskew(im, angle) if im is not None else None for im in (grey, colour, red))
            debug.write("deskewed", grey)
    if settings.preprocess_despeckle:
        grey = despeckle(grey, dpi)
        debug.write("despeckled", grey)
    if settings.preprocess_upscale and dpi < 0.9 * settings.target_dpi:
        grey, new_dpi = upscale(grey, dpi, settings.target_dpi)
        size = (grey.shape[1], grey.shape[0])
        colour = cv2.resize(colour, size, interpolation=cv2.INTER_CUBIC) if colour is not None else None
        red = cv2.resize(red, size, interpolation=cv2.INTER_CUBIC) if red is not None else None
        dpi = new_dpi
        debug.write("upscaled", grey)
    ocr_input = binarize(grey, dpi) if settings.preprocess_binarize else grey
    if settings.preprocess_binarize:
        debug.write("binarized", ocr_input)
    grey_stamp = find_grey_stamp(grey, dpi) if red is None else None
    if grey_stamp is not None and settings.preprocess_red_ink:
        # a grey scan's stamp over the print: off the OCR input, as red ink is on a colour scan
        stamp = stamp_pixels(grey_stamp)
        if stamp is not None:
            ocr_input = ocr_input.copy()
            ocr_input[stamp > 0] = 255
            debug.write("stamp-removed", ocr_input)
    rules: tuple[Box, ...] = ()
    if settings.preprocess_remove_lines:
        # only the OCR input loses the drawing: checkbox ink is measured on ``grey``
        found = find_form_lines(ocr_input, dpi)
        ocr_input = ocr_input.copy()
        ocr_input[found.erase > 0] = 255
        rules = rule_boxes(found)
        debug.write("lines-removed", ocr_input)
    return PreparedPage(
        grey=grey, ocr_input=ocr_input, colour=colour, red=red, dpi=dpi, rotation=rotation, rules=rules,
        grey_stamp=grey_stamp,
    )


def _drawn_rules(grey: np.ndarray, dpi: int | None) -> tuple[Box, ...]:
    """The printed rules of a page rendered from its PDF (its words come from the text layer)."""
    dpi = dpi or 200
    return rule_boxes(find_form_lines(binarize(grey, dpi), dpi))


def _ocr(prepared: PreparedPage, page: Page, settings: Settings, deadline: _Deadline) -> PageText:
    return ocr_image(
        prepared.ocr_input,
        settings,
        page=page.number,
        dpi=prepared.dpi,
        timeout=deadline.left(),
        rotation=prepared.rotation,
    )


def recognize_page(page: Page, settings: Settings) -> RecognizedPage:
    """One page: its text layer, or preprocessing + OCR (+ orientation retry) + the red stamp."""
    started = time.perf_counter()
    if page.text_layer is not None:
        colour = page.image if page.image.ndim == 3 else None
        grey = to_grey(page.image)
        return RecognizedPage(
            number=page.number,
            text=page.text_layer,
            image=grey,
            colour=colour,
            # the rendered page's drawing (underlines, cell borders) places values as on a scan
            rules=_drawn_rules(grey, page.text_layer.dpi) if settings.preprocess_remove_lines else (),
            seconds=time.perf_counter() - started,
        )
    deadline = _Deadline(settings.ocr_timeout_seconds)
    debug = DebugImages(settings.debug_images_dir, page.number)
    prepared = prepare_page(page, settings, debug)
    text = _ocr(prepared, page, settings, deadline)
    if settings.preprocess_orientation and _looks_wrong(text):
        found = detect_orientation(prepared.ocr_input, settings, dpi=prepared.dpi, timeout=deadline.left())
        if found is not None and found.rotate and found.confidence >= _OSD_MIN_CONFIDENCE:
            # turn the page as read, then redo the geometry (deskew) from there
            turned = prepare_page(page, settings, debug, rotation=found.rotate)
            retry = _ocr(turned, page, settings, deadline)
            log.info(
                "page %d: orientation %d (osd conf %.1f), quality %.2f -> %.2f",
                page.number, found.rotate, found.confidence, reading_quality(text), reading_quality(retry),
            )  # fmt: skip
            if reading_quality(retry) > reading_quality(text):
                prepared, text = turned, retry
    text = read_missed_lines(prepared.ocr_input, text, settings, page=page.number, dpi=prepared.dpi,
                             timeout=deadline.left())
    stamp = find_page_stamp(
        prepared.grey, prepared.red, settings, page=page.number, dpi=prepared.dpi, timeout=deadline.left(),
        rotation=prepared.rotation, grey_stamp=prepared.grey_stamp,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    log.debug("page %d: %d words, conf %.2f, %.1f s", page.number, len(text.words), text.mean_conf, seconds)
    return RecognizedPage(
        number=page.number,
        text=text,
        image=prepared.grey,
        colour=prepared.colour,
        stamp_text=stamp.text if stamp is not None else None,
        stamp_ink=stamp.ink if stamp is not None else None,
        stamp_alternates=stamp.alternates if stamp is not None else (),
        seconds=seconds,
        rules=prepared.rules,
    )


def recognize_pages(read: ReadResult, settings: Settings) -> list[RecognizedPage]:
    """Every page of ``read``, in page order; pages run in parallel up to ``settings.ocr_workers``."""
    workers = min(settings.ocr_workers, len(read.pages))
    if workers <= 1:
        return [recognize_page(page, settings) for page in read.pages]
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ocr") as pool:
        # each task carries the caller's context (the document id in log lines)
        futures = [
            pool.submit(contextvars.copy_context().run, recognize_page, page, settings) for page in read.pages
        ]
        try:
            return [future.result() for future in futures]
        except BaseException:
            for future in futures:
                future.cancel()  # a bad page fails the document: do not OCR the rest
            raise
