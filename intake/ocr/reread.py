"""A second, narrow reading of one field's value strip.

The page is read once as a whole (``recognize``); a value that then fails its
validator, reads with low confidence, or comes back empty although the value
area holds ink is read once more here: the strip is cut from the page with a
margin, binarized, cleared of form lines (underlines, comb separators, cell
borders), enlarged 2x and given to Tesseract as a single line (or a single
character) with an alphabet suited to the field. Only such fields are re-read,
so the cost stays a few small Tesseract runs per document.
"""

from __future__ import annotations

import logging
import string
from dataclasses import dataclass

import cv2
import numpy as np

from intake.config import Settings
from intake.errors import OcrError, OcrTimeout, OcrUnavailable
from intake.ocr.lines import Comb, find_combs, find_form_lines
from intake.ocr.page_text import Box
from intake.ocr.preprocess import binarize
from intake.ocr.tesseract import ocr_image

__all__ = ["Alphabet", "ALPHABETS", "MBI_CLASSES", "StripReading", "ink_marks", "read_comb", "reread_strip"]

log = logging.getLogger(__name__)

_DIGITS = string.digits
# Medicare Beneficiary Identifier: no S L O I B Z (CMS excludes them as look-alikes)
_MBI_LETTERS = "".join(ch for ch in string.ascii_uppercase if ch not in "SLOIBZ")


@dataclass(frozen=True)
class Alphabet:
    """What a field may contain and how Tesseract should segment the strip."""

    characters: str
    psm: int = 7  # single text line; 10 = single character


ALPHABETS: dict[str, Alphabet] = {
    "date": Alphabet(_DIGITS + "/-"),
    "medicare": Alphabet(_DIGITS + _MBI_LETTERS + "-"),
    "digits": Alphabet(_DIGITS),
    "phone": Alphabet(_DIGITS + "-()"),
    "initial": Alphabet(string.ascii_uppercase, psm=10),
    "state": Alphabet(string.ascii_uppercase),
    "words": Alphabet(string.ascii_uppercase + string.ascii_lowercase + " '-."),
    "text": Alphabet(string.ascii_uppercase + string.ascii_lowercase + _DIGITS + " '-.#/&"),
}


#: What each box of a Medicare number's comb may hold (CMS: C A AN N A AN N A A N N).
MBI_CLASSES: tuple[str, ...] = tuple(
    {"C": "123456789", "A": _MBI_LETTERS, "AN": _DIGITS + _MBI_LETTERS, "N": _DIGITS}[c]
    for c in ("C", "A", "AN", "N", "A", "AN", "N", "A", "A", "N", "N")
)


@dataclass(frozen=True)
class StripReading:
    """The text of a re-read strip and its lowest word confidence (0..1)."""

    text: str
    conf: float


#: How much darker than the paper around it a pixel must be to be ink (of 255): a scan's paper grain
#: and shading stay well under this, pencil and a grey scan's ballpoint well over.
_LEAST_INK_CONTRAST = 60


def _clip(box: Box, margin_x: int, margin_y: int, shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    height, width = shape[:2]
    x0, y0 = max(0, box.left - margin_x), max(0, box.top - margin_y)
    x1, y1 = min(width, box.right + margin_x), min(height, box.bottom + margin_y)
    return x0, y0, x1, y1


def _without_drawing(binary: np.ndarray, dpi: int) -> np.ndarray:
    """``binary`` with the form's drawing painted white, but the inside of a lone box kept: in a field's
    strip a box is a one-character comb (a middle initial's), its letter the writing to read, not a tick."""
    found = find_form_lines(binary, dpi)
    erase = found.erase.copy()
    count, _, stats, _ = cv2.connectedComponentsWithStats(found.boxes, connectivity=8)
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k, :4])
        dx, dy = max(1, int(0.15 * w)), max(1, int(0.15 * h))
        erase[y + dy : y + h - dy, x + dx : x + w - dx] = 0
    out = binary.copy()
    out[erase > 0] = 255
    return out


def _clean_strip(grey: np.ndarray, box: Box, dpi: int, rules: tuple[Box, ...], margin: int) -> np.ndarray | None:
    x0, y0, x1, y1 = _clip(box, margin, margin, grey.shape)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return None
    crop = grey[y0:y1, x0:x1]
    binary = binarize(crop, dpi)
    # A blank strip is all paper: local thresholding turns its grain into "ink". Ink is darker than paper.
    paper = float(np.percentile(crop, 90))
    binary[crop > paper - _LEAST_INK_CONTRAST] = 255
    binary = _without_drawing(binary, dpi)
    for rule in rules:  # rules found on the whole page are surer than those seen in a strip
        rx0, ry0 = max(rule.left - x0 - 1, 0), max(rule.top - y0 - 1, 0)
        rx1, ry1 = min(rule.right - x0 + 1, x1 - x0), min(rule.bottom - y0 + 1, y1 - y0)
        if rx1 > rx0 and ry1 > ry0:
            binary[ry0:ry1, rx0:rx1] = 255
    return binary


def ink_marks(grey: np.ndarray, box: Box, dpi: int, rules: tuple[Box, ...] = ()) -> int:
    """How many letter-sized marks ``box`` holds once form lines are gone (0 for a blank field).

    A mark is a connected stroke at least ~1/20 inch tall: scan specks, dots and
    the stubs a removed underline leaves are no writing.
    """
    binary = _clean_strip(grey, box, dpi, rules, margin=0)
    if binary is None:
        return 0
    ink = (binary < 128).astype(np.uint8)
    count, _, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    least = max(6, dpi // 20)
    return sum(1 for k in range(1, count) if stats[k, cv2.CC_STAT_HEIGHT] >= least and stats[k, cv2.CC_STAT_AREA] >= least)


def reread_strip(
    grey: np.ndarray,
    box: Box,
    settings: Settings,
    *,
    dpi: int,
    alphabet: Alphabet,
    rules: tuple[Box, ...] = (),
    page: int = 1,
    timeout: float = 10.0,
) -> StripReading | None:
    """``box`` of ``grey`` read once more as one line (or letter) of ``alphabet``; None when nothing reads."""
    margin = max(4, dpi // 25)
    binary = _clean_strip(grey, box, dpi, rules, margin)
    if binary is None:
        return None
    enlarged = cv2.resize(binary, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    padded = cv2.copyMakeBorder(enlarged, 20, 20, 20, 20, cv2.BORDER_CONSTANT, value=255)
    try:
        text = ocr_image(
            padded, settings, page=page, dpi=2 * dpi, timeout=timeout, psm=alphabet.psm, whitelist=alphabet.characters
        )
    except (OcrTimeout, OcrUnavailable):
        raise
    except OcrError:
        log.warning("page %d: a field strip could not be re-read", page)
        return None
    words = [w for w in text.words if w.text.strip()]
    if not words:
        return None
    return StripReading(text=" ".join(w.text for w in words), conf=min(w.conf for w in words))


def _comb_in(grey: np.ndarray, box: Box, dpi: int, cells: int) -> tuple[Comb, int, int] | None:
    """The comb of ``cells`` boxes around ``box`` (found on the strip with a box's height of margin), with the
    strip's origin."""
    margin = max(8, dpi // 6)
    x0, y0, x1, y1 = _clip(box, margin, margin, grey.shape)
    binary = binarize(grey[y0:y1, x0:x1], dpi)
    combs = [c for c in find_combs(binary, dpi) if len(c.walls) - 1 == cells]
    if not combs:
        return None
    return max(combs, key=lambda c: c.box.width), x0, y0


def read_comb(
    grey: np.ndarray, box: Box, settings: Settings, *, dpi: int, classes: tuple[str, ...], page: int = 1,
    timeout: float = 10.0,
) -> StripReading | None:
    """The characters of the comb around ``box`` read one box at a time, each box with the characters its
    position may hold (``classes``, one per box); None when no comb of that many boxes is there or a box
    holding ink reads as nothing. An empty box reads as a space."""
    found = _comb_in(grey, box, dpi, len(classes))
    if found is None:
        return None
    comb, x0, y0 = found
    thick = max(2, dpi // 60)
    text, least = [], 1.0
    for cell, allowed in zip(comb.cells(), classes):
        inner = Box(left=x0 + cell.left + thick, top=y0 + cell.top + thick,
                    width=max(1, cell.width - 2 * thick), height=max(1, cell.height - 2 * thick))
        if not ink_marks(grey, inner, dpi):
            text.append(" ")
            continue
        binary = _clean_strip(grey, inner, dpi, (), margin=0)
        if binary is None:
            return None
        enlarged = cv2.resize(binary, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        padded = cv2.copyMakeBorder(enlarged, 30, 30, 30, 30, cv2.BORDER_CONSTANT, value=255)
        for psm in (10, 8, 13):  # one character; with a whitelist Tesseract now and then finds none that way
            reading = ocr_image(padded, settings, page=page, dpi=2 * dpi, timeout=timeout, psm=psm, whitelist=allowed)
            glyphs = "".join(w.text for w in reading.words).strip()
            if glyphs:
                break
        if len(glyphs) != 1:
            return None
        text.append(glyphs)
        least = min(least, min((w.conf for w in reading.words), default=0.0))
    return StripReading("".join(text).strip(), least)
