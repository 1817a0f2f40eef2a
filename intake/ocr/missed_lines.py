"""A second look at ink the page's OCR left without words.

Tesseract sometimes drops a whole line whose text is much larger than the
print around it: a value written in 13 pt capitals on a 300 dpi scan
("Date: 08/20/2026") comes back as nothing, from the page or from a tight
crop, yet reads at half the scale. Every line-sized group of ink that no
word box covers is read once more at half scale; the confident words are
added to the page text at their page position. Signatures and marks read as
low-confidence scraps and are left out, so they stay ink, not text.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

from intake.config import Settings
from intake.ocr.page_text import Box, PageText, Word
from intake.ocr.tesseract import ocr_image

__all__ = ["read_missed_lines"]

log = logging.getLogger(__name__)

#: A re-read word is kept only this sure (signatures read as low-confidence scraps).
_KEEP_CONFIDENCE = 0.8
#: At most this many groups of uncovered ink are re-read on one page (the largest first).
_MOST_PER_PAGE = 12


def _text_height(text: PageText, dpi: int) -> float:
    heights = sorted(w.box.height for w in text.words if len(w.text) >= 2)
    return float(heights[len(heights) // 2]) if heights else dpi / 10


def _uncovered_lines(binary: np.ndarray, text: PageText, em: float) -> list[tuple[int, int, int, int]]:
    """Line-sized groups of ink (x, y, w, h) that no word box covers, most ink first."""
    ink = (binary < 128).astype(np.uint8)
    pad = max(2, int(0.2 * em))
    for word in text.words:
        b = word.box
        ink[max(0, b.top - pad) : b.bottom + pad, max(0, b.left - pad) : b.right + pad] = 0
    joined = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(0.8 * em)), max(1, int(0.15 * em)))))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    found = []
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if not (0.7 * em <= h <= 3.0 * em and w >= 3 * em):
            continue  # specks, rules' stubs, box borders; a tall blob is a drawing or a scribble
        amount = int(np.count_nonzero(ink[y : y + h, x : x + w]))
        if amount < 0.15 * em * em * (w / em) ** 0.5:
            continue
        found.append((amount, (x, y, w, h)))
    found.sort(reverse=True)
    return [box for _, box in found[:_MOST_PER_PAGE]]


def read_missed_lines(
    binary: np.ndarray, text: PageText, settings: Settings, *, page: int, dpi: int, timeout: float
) -> PageText:
    """``text`` plus the confident words read from uncovered ink at half scale (``binary``: the OCR input)."""
    if not text.words:
        return text
    em = _text_height(text, dpi)
    added: list[Word] = []
    line = max((w.line for w in text.words), default=0) + 1
    for x, y, w, h in _uncovered_lines(binary, text, em):
        margin = int(0.4 * em)
        x0, y0 = max(0, x - margin), max(0, y - margin)
        crop = binary[y0 : y + h + margin, x0 : x + w + margin]
        half = cv2.resize(crop, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
        half = cv2.copyMakeBorder(half, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
        reading = ocr_image(half, settings, page=page, dpi=max(50, dpi // 2), timeout=timeout, psm=7)
        kept = [word for word in reading.words if word.conf >= _KEEP_CONFIDENCE and any(ch.isalnum() for ch in word.text)]
        for word in kept:
            b = word.box
            box = Box(left=x0 + 2 * (b.left - 20), top=y0 + 2 * (b.top - 20), width=2 * b.width, height=2 * b.height)
            added.append(Word(text=word.text, box=box, conf=word.conf, line=line))
        if kept:
            line += 1
    if not added:
        return text
    log.info("page %d: %d words read again from ink the page reading missed", page, len(added))
    words = sorted([*text.words, *added], key=lambda w: (w.line, w.box.left))
    return text.model_copy(update={"words": tuple(words)})
