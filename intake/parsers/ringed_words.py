"""Printed answers a hand's ring hid from OCR.

A ring drawn tight round a printed answer ("Add the dental rider? (circle)  (YES)  NO") often makes
Tesseract skip the word inside it: the page's text then has "NO" alone, and the circled answer is
nowhere. Such a ring is found on a scan as one thin stroke, a few text heights wide, seen round its
middle from most directions, its corners white, holding ink but no word OCR read. The ink inside,
the ring taken out, is read again as one short line of capitals; a word that reads is added to the
page's words where it stands, for the circled-answer reader to find circled.
"""

from __future__ import annotations

import logging

import cv2
import numpy as np

from intake.config import Settings
from intake.errors import OcrError
from intake.ocr.page_text import Box, PageText, Word
from intake.ocr.reread import read_enlarged
from intake.parsers.hand_marks import corners_white, line_height, seen_round

__all__ = ["with_ringed_words"]

log = logging.getLogger(__name__)

_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_MOST_RINGS = 6  # rings read again per page (a page of circled answers holds a handful)


def with_ringed_words(image: np.ndarray, text: PageText, settings: Settings) -> PageText:
    """``text`` with the words found inside empty rings added (scans only; a text layer keeps its words)."""
    if text.source != "ocr" or not text.words:
        return text
    em = line_height(text)
    if em <= 0:
        return text
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    dark = (grey < 128).astype(np.uint8)
    found: list[Word] = []
    for ring, inside in _empty_rings(dark, text, em)[:_MOST_RINGS]:
        word = _read_inside(grey, ring, inside, settings, text, len(found))
        if word is not None:
            found.append(word)
    if not found:
        return text
    log.info("page %d: words read inside rings=%d", text.page, len(found))
    return text.model_copy(update={"words": text.words + tuple(found)})


def _empty_rings(dark: np.ndarray, text: PageText, em: float) -> list[tuple[Box, np.ndarray]]:
    """Thin closed-ish strokes a few text heights wide with ink inside and no word read inside (box, stroke
    mask over the box)."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(dark, connectivity=8)
    out = []
    for k in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[k])
        if not (2.0 * em <= w <= 10 * em and 1.3 * em <= h <= 3.5 * em and area <= 0.25 * w * h):
            continue
        box = Box(left=x, top=y, width=w, height=h)
        if any(box.left <= word.box.center[0] <= box.right and box.top <= word.box.center[1] <= box.bottom
               for word in text.words):
            continue  # OCR read what is inside: the circled-answer reader has it
        own = labels[y : y + h, x : x + w] == k
        if not _round(own):
            continue
        inside = dark[y : y + h, x : x + w].astype(bool) & ~own
        # letters inside, kept clear of the stroke
        if inside[h // 5 : h - h // 5, w // 8 : w - w // 8].sum() < 0.09 * em * em:
            continue
        out.append((box, own))
    return out


def _round(own: np.ndarray) -> bool:
    """White corners, and the stroke seen from its middle in most directions (a hand may leave a gap)."""
    h, w = own.shape
    ys, xs = np.nonzero(own)
    return corners_white(own) and seen_round((ys - h / 2) / h, (xs - w / 2) / w)


def _read_inside(grey: np.ndarray, ring: Box, own: np.ndarray, settings: Settings, text: PageText,
                 line: int) -> Word | None:
    """The capitals inside ``ring`` read as one line, the ring itself whited out; None when nothing reads."""
    crop = grey[ring.top : ring.bottom, ring.left : ring.right].copy()
    # the stroke and its soft edge whited out, then only the letters' own box kept
    crop[cv2.dilate(own.astype(np.uint8), np.ones((5, 5), np.uint8)) > 0] = 255
    letters = np.argwhere(crop < 128)
    if letters.size == 0:
        return None
    (y0, x0), (y1, x1) = letters.min(axis=0), letters.max(axis=0) + 1
    try:
        read = read_enlarged(crop[y0:y1, x0:x1], settings, page=text.page, dpi=text.dpi or 200, psm=7,
                             whitelist=_CAPITALS)
    except OcrError:
        log.warning("page %d: the inside of a ring could not be read", text.page)
        return None
    words = [w for w in read.words if w.text.strip()]
    if len(words) != 1 or not 1 <= len(words[0].text) <= 10 or words[0].conf < 0.5:
        return None
    box = Box(left=ring.left + int(x0), top=ring.top + int(y0), width=int(x1 - x0), height=int(y1 - y0))
    return Word(text=words[0].text, box=box, conf=words[0].conf, line=10_000 + line)
