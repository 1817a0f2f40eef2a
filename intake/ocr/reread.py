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
from intake.ocr.page_text import Box, PageText
from intake.ocr.preprocess import binarize
from intake.ocr.tesseract import ocr_image

__all__ = ["Alphabet", "ALPHABETS", "MBI_CLASSES", "StripReading", "ink_marks", "read_comb", "read_comb_row",
           "read_enlarged", "reread_strip"]

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


def read_enlarged(
    image: np.ndarray,
    settings: Settings,
    *,
    page: int,
    dpi: int,
    psm: int,
    whitelist: str | None = None,
    timeout: float = 10.0,
) -> PageText:
    """A crop (grey or binary) read at twice its size on a white margin, as small print reads best; the words'
    boxes in the crop's own pixels."""
    pad = 20
    enlarged = cv2.resize(image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
    padded = cv2.copyMakeBorder(enlarged, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    read = ocr_image(padded, settings, page=page, dpi=2 * dpi, timeout=timeout, psm=psm, whitelist=whitelist)
    words = tuple(
        w.model_copy(update={"box": Box(left=max(0, (w.box.left - pad) // 2), top=max(0, (w.box.top - pad) // 2),
                                        width=max(1, w.box.width // 2), height=max(1, w.box.height // 2))})
        for w in read.words
    )
    return read.model_copy(update={"words": words, "width": image.shape[1], "height": image.shape[0], "dpi": dpi})


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
    try:
        text = read_enlarged(binary, settings, page=page, dpi=dpi, timeout=timeout, psm=alphabet.psm,
                             whitelist=alphabet.characters)
    except (OcrTimeout, OcrUnavailable):
        raise
    except OcrError:
        log.warning("page %d: a field strip could not be re-read", page)
        return None
    words = [w for w in text.words if w.text.strip()]
    if not words:
        return None
    return StripReading(text=" ".join(w.text for w in words), conf=min(w.conf for w in words))


def _combs_in(grey: np.ndarray, box: Box, dpi: int) -> tuple[list[Comb], int, int]:
    """The combs around ``box`` (found on the strip with a box's height of margin), left to right, with the
    strip's origin."""
    margin = max(8, dpi // 6)
    x0, y0, x1, y1 = _clip(box, margin, margin, grey.shape)
    binary = binarize(grey[y0:y1, x0:x1], dpi)
    return sorted(find_combs(binary, dpi), key=lambda c: c.box.left), x0, y0


def _read_cell(
    grey: np.ndarray, cell: Box, origin: tuple[int, int], allowed: str, settings: Settings, *, dpi: int, page: int,
    timeout: float,
) -> StripReading | None:
    """One comb box: a space when it holds no writing, else its one character of ``allowed``; None when the
    writing in it reads as no single character."""
    thick = max(2, dpi // 60)
    inner = Box(left=origin[0] + cell.left + thick, top=origin[1] + cell.top + thick,
                width=max(1, cell.width - 2 * thick), height=max(1, cell.height - 2 * thick))
    if not ink_marks(grey, inner, dpi):
        return StripReading(" ", 1.0)
    binary = _clean_strip(grey, inner, dpi, (), margin=0)
    if binary is None:
        return None
    if set(allowed) <= set(_DIGITS) and _ring_shaped(binary):
        # Tesseract reads a lone 0 as nothing and a dotted or slashed one as an 8; among digits a closed ring
        # with a round outline can only be a zero
        return StripReading("0", 0.7)
    for attempt in range(2):  # a zero written with a dot in it reads as nothing: then once without the dot
        image = binary if attempt == 0 else _without_inner_dot(binary)
        enlarged = cv2.resize(image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        padded = cv2.copyMakeBorder(enlarged, 30, 30, 30, 30, cv2.BORDER_CONSTANT, value=255)
        for psm in (10, 8, 13):  # one character; with a whitelist Tesseract now and then finds none that way
            reading = ocr_image(padded, settings, page=page, dpi=2 * dpi, timeout=timeout, psm=psm, whitelist=allowed)
            glyphs = "".join(w.text for w in reading.words).strip()
            if glyphs:
                break
        if glyphs:
            break
    if len(glyphs) != 1:
        return None
    return StripReading(glyphs, min((w.conf for w in reading.words), default=0.0))


def _ring_shaped(binary: np.ndarray) -> bool:
    """The box's writing is one closed loop with a round outline (a zero; an 8 is pinched, a 6 or 9 has a tail),
    a dot or bar inside it allowed."""
    ink = (binary < 128).astype(np.uint8)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return False
    outers = [k for k, h in enumerate(hierarchy[0]) if h[3] < 0]
    main = max(outers, key=lambda k: cv2.contourArea(contours[k]))
    area = cv2.contourArea(contours[main])
    others = sum(cv2.contourArea(contours[k]) for k in outers if k != main)
    holes = sum(cv2.contourArea(c) for c, h in zip(contours, hierarchy[0]) if h[3] == main)
    x, y, w, h = cv2.boundingRect(contours[main])
    return (area > 0 and others < 0.1 * area and holes >= 0.15 * area and 1.0 <= h / max(w, 1) <= 2.6
            and area >= 0.95 * cv2.contourArea(cv2.convexHull(contours[main])))


def _without_inner_dot(binary: np.ndarray) -> np.ndarray:
    """``binary`` (black on white) without the ink inside the hull of a ring's hole, when that is a small share of
    it: the dot or short bar some write in a zero (and typewriter faces print) to tell it from an O. Only used when
    the box read as nothing at first."""
    ink = (binary < 128).astype(np.uint8)
    contours, hierarchy = cv2.findContours(ink, cv2.RETR_CCOMP, cv2.CHAIN_APPROX_SIMPLE)
    if hierarchy is None:
        return binary
    holes: dict[int, list[np.ndarray]] = {}
    for contour, (_, _, _, parent) in zip(contours, hierarchy[0]):
        if parent >= 0:  # a hole's outline: the paper a loop of the glyph closes in
            holes.setdefault(int(parent), []).append(contour)
    hulls = np.zeros_like(ink)
    for parent, loop in holes.items():
        outline = contours[parent]
        if cv2.contourArea(outline) < 0.95 * cv2.contourArea(cv2.convexHull(outline)):
            continue  # only a ring's outline is convex: an 8's is pinched, a 6's and a 9's have a tail
        # a dot touching the ring on two sides splits its hole in two: the hull of both
        cv2.drawContours(hulls, [cv2.convexHull(np.concatenate(loop))], -1, 1, thickness=cv2.FILLED)
    inner = (ink > 0) & (hulls > 0)
    if not inner.any() or inner.sum() > 0.2 * ink.sum():
        return binary
    out = binary.copy()
    out[inner] = 255
    return out


def read_comb(
    grey: np.ndarray, box: Box, settings: Settings, *, dpi: int, classes: tuple[str, ...], page: int = 1,
    timeout: float = 10.0,
) -> StripReading | None:
    """The characters of the comb around ``box`` read one box at a time, each box with the characters its
    position may hold (``classes``, one per box); None when no comb of that many boxes is there or a box
    holding ink reads as nothing. An empty box reads as a space."""
    combs, x0, y0 = _combs_in(grey, box, dpi)
    combs = [c for c in combs if len(c.walls) - 1 == len(classes)]
    if not combs:
        return None
    comb = max(combs, key=lambda c: c.box.width)
    text, least = [], 1.0
    for cell, allowed in zip(comb.cells(), classes):
        read = _read_cell(grey, cell, (x0, y0), allowed, settings, dpi=dpi, page=page, timeout=timeout)
        if read is None:
            return None
        text.append(read.text)
        least = min(least, read.conf)
    return StripReading("".join(text).strip(), least)


def read_comb_row(
    grey: np.ndarray, box: Box, settings: Settings, *, dpi: int, characters: str, separator: str, page: int = 1,
    timeout: float = 10.0,
) -> StripReading | None:
    """The writing in the row of combs that ``box`` lies in ("MM / DD / YYYY", "( 715 ) 555 - 0177", ZIP
    "54455 - 1234"), one box at a time with ``characters``: each comb's characters, the combs joined by
    ``separator`` (an empty comb left out). None when no comb is there, or a box holding ink reads as nothing."""
    combs, x0, y0 = _combs_in(grey, box, dpi)
    inside = Box(left=box.left - x0, top=box.top - y0, width=box.width, height=box.height)

    def overlap(a: int, b: int, c: int, d: int) -> int:
        return min(b, d) - max(a, c)

    # the combs mostly under ``box`` (not a neighbouring field's on the same row), on the row nearest its middle
    under = [c for c in combs if overlap(c.box.left, c.box.right, inside.left, inside.right) >= 0.5 * c.box.width
             and overlap(c.box.top, c.box.bottom, inside.top, inside.bottom) > 0]
    if not under:
        return None
    middle = inside.center[1]
    anchor = min(under, key=lambda c: abs(c.box.center[1] - middle))
    row = [c for c in under if c.box.top <= anchor.box.center[1] <= c.box.bottom]
    groups, least = [], 1.0
    for comb in row:
        chars = []
        for cell in comb.cells():
            read = _read_cell(grey, cell, (x0, y0), characters, settings, dpi=dpi, page=page, timeout=timeout)
            if read is None:
                return None
            chars.append(read.text)
            least = min(least, read.conf)
        group = "".join(chars).strip()
        if group:
            groups.append(group)
    if not groups:
        return None
    return StripReading(separator.join(groups), least)
