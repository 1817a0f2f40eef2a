"""Checkboxes: small squares on the page image, and whether something is marked in them.

Boxes are found on the image (OpenCV contours that are small, square and
hollow), so scanned, faxed and rendered text-layer pages go through the same
code. A box counts as checked when enough ink lies inside it (an X, a tick or
a fill), measured inside an inset so the border itself does not count. Rows of
four or more touching boxes are comb fields (one character per box), not
checkboxes. Box glyphs in a text layer (☐ ☒ ☑) add boxes the drawing lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from intake.ocr.page_text import Box, PageText

__all__ = ["Checkbox", "find_checkboxes", "ink_ratio", "CHECKED_AT", "UNSURE_FROM"]

#: Ink share inside a box from which it is checked, and from which we are unsure.
CHECKED_AT = 0.10
UNSURE_FROM = 0.035

_CHECKED_GLYPHS = set("☒☑✓✔✗✘■▣⊠")
_EMPTY_GLYPHS = set("☐□▢")


@dataclass(frozen=True)
class Checkbox:
    """One box on a page: where, how much ink it holds, and what that means."""

    page: int
    box: Box
    fill: float  # share of dark pixels inside the inset

    @property
    def checked(self) -> bool:
        return self.fill >= CHECKED_AT

    @property
    def unsure(self) -> bool:
        """Some ink, but not clearly a mark (speckle, a stray stroke, a faint tick)."""
        return UNSURE_FROM <= self.fill < CHECKED_AT + 0.03


def _dark(image: np.ndarray) -> np.ndarray:
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    _, binary = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    # Otsu on a nearly blank page can pick a threshold inside the paper noise.
    binary[grey > 200] = 0
    return binary


def ink_ratio(dark: np.ndarray, box: Box, inset: float = 0.2) -> float:
    """Share of dark pixels inside ``box`` shrunk by ``inset`` of its size on each side."""
    dx, dy = int(round(box.width * inset)), int(round(box.height * inset))
    x0, y0 = max(0, box.left + dx), max(0, box.top + dy)
    x1, y1 = min(dark.shape[1], box.right - dx), min(dark.shape[0], box.bottom - dy)
    if x1 <= x0 or y1 <= y0:
        return 0.0
    return float(np.count_nonzero(dark[y0:y1, x0:x1])) / float((x1 - x0) * (y1 - y0))


def _straight_strokes(dark: np.ndarray, run: int) -> np.ndarray:
    """Only horizontal and vertical runs of at least ``run`` pixels: box sides survive, ticks and letters mostly not."""
    horizontal = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    vertical = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    return horizontal | vertical


def _square_contours(strokes: np.ndarray, lo: int, hi: int) -> list[Box]:
    contours, _ = cv2.findContours(strokes, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    found: list[Box] = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not (lo <= w <= hi and lo <= h <= hi) or not 0.75 <= w / h <= 1.33:
            continue
        found.append(Box(left=x, top=y, width=w, height=h))
    return found


def _hollow(dark: np.ndarray, box: Box) -> bool:
    """A drawn box: four straight, nearly unbroken sides (letters such as o, D, 0 are curved)."""
    return _border_ink(dark, box) >= 0.85


def _border_ink(dark: np.ndarray, box: Box) -> float:
    """The least inked of the four sides: share of each side's length that is dark in a thin band."""
    x0, y0, x1, y1 = box.left, box.top, box.right, box.bottom
    t = max(2, min(box.width, box.height) // 8)
    top = dark[y0 : y0 + t, x0:x1].max(axis=0)
    bottom = dark[y1 - t : y1, x0:x1].max(axis=0)
    left = dark[y0:y1, x0 : x0 + t].max(axis=1)
    right = dark[y0:y1, x1 - t : x1].max(axis=1)
    return min(float(np.count_nonzero(side)) / max(1, side.size) for side in (top, bottom, left, right))


def _dedupe(boxes: list[Box]) -> list[Box]:
    """Keep the outer of nested duplicates (the inner and outer edge of one border)."""
    boxes = sorted(boxes, key=lambda b: -b.width * b.height)
    kept: list[Box] = []
    for box in boxes:
        cx, cy = box.center
        if any(k.left <= cx <= k.right and k.top <= cy <= k.bottom and box.width > 0.5 * k.width for k in kept):
            continue
        kept.append(box)
    return kept


def _drop_combs(boxes: list[Box]) -> list[Box]:
    """Remove runs of 4+ equal boxes side by side on one row: those are comb fields."""
    comb: set[int] = set()
    order = sorted(range(len(boxes)), key=lambda i: (boxes[i].top, boxes[i].left))
    for i in order:
        run = [i]
        current = boxes[i]
        while True:
            nxt = [
                j
                for j in range(len(boxes))
                if j not in run
                and abs(boxes[j].top - current.top) < 0.3 * current.height
                and 0 <= boxes[j].left - current.right < 0.6 * current.width
                and abs(boxes[j].height - current.height) < 0.3 * current.height
            ]
            if not nxt:
                break
            current = boxes[nxt[0]]
            run.append(nxt[0])
        if len(run) >= 4:
            comb.update(run)
    return [b for i, b in enumerate(boxes) if i not in comb]


def _inside_a_word(box: Box, text: PageText) -> bool:
    """A "box" well inside a longer word is a letter (O, D, H in a square font), not a checkbox."""
    cx, cy = box.center
    for word in text.words:
        b = word.box
        if b.left < cx < b.right and b.top < cy < b.bottom and b.width > 2.5 * box.width:
            if sum(ch.isalnum() for ch in word.text) >= 3 and box.left > b.left + 2 and box.right < b.right - 2:
                return True
    return False


def find_checkboxes(image: np.ndarray, text: PageText) -> list[Checkbox]:
    """Every checkbox on the page with its ink share, top to bottom."""
    dark = _dark(image)
    dpi = max(72, text.dpi or 200)
    # Checkboxes on forms run from about 1/16 to 1/3 inch.
    lo, hi = max(8, int(dpi * 0.075)), int(dpi * 0.34)
    strokes = _straight_strokes(dark, max(6, int(lo * 0.8)))
    boxes = _dedupe([b for b in _square_contours(strokes, lo, hi) if _hollow(strokes, b)])
    boxes = [b for b in _drop_combs(boxes) if not _inside_a_word(b, text)]
    found = [Checkbox(page=text.page, box=b, fill=ink_ratio(dark, b)) for b in boxes]
    # Glyph boxes from a text layer that the image scan did not yield.
    for word in text.words:
        glyph = word.text.strip()
        if len(glyph) != 1 or glyph not in _CHECKED_GLYPHS | _EMPTY_GLYPHS:
            continue
        cx, cy = word.box.center
        if any(c.box.left <= cx <= c.box.right and c.box.top <= cy <= c.box.bottom for c in found):
            continue
        fill = 0.5 if glyph in _CHECKED_GLYPHS else 0.0
        found.append(Checkbox(page=text.page, box=word.box, fill=fill))
    return sorted(found, key=lambda c: (c.box.top, c.box.left))
