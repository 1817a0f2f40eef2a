"""Checkboxes: small squares (or round answer bubbles) on the page image, and whether something is marked in them.

Boxes are found on the image (``intake.ocr.lines.find_checkbox_squares``:
small squares with straight sides standing alone), so scanned, faxed and
rendered text-layer pages go through the same code. A box counts as checked
when enough ink lies inside it (an X, a tick or a fill), measured inside an
inset so the border itself does not count. Touching boxes are comb fields (one
character per box), not checkboxes. Box glyphs in a text layer (☐ ☒ ☑) add boxes the drawing lacks, and
so do brackets typed as text ("[ ] Male", "( ) Yes"), found from the words.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from intake.ocr.bubbles import find_round_bubbles
from intake.ocr.lines import find_checkbox_squares
from intake.ocr.page_text import Box, PageText, Word
from intake.parsers.glyphs import MARK_GLYPHS
from intake.parsers.hand_marks import circled_words, line_height, marked_blanks, rings_round_answers

__all__ = ["Checkbox", "find_checkboxes", "ink_ratio", "CHECKED_AT", "UNSURE_FROM"]

#: Ink share inside a box from which it is checked, and from which we are unsure.
CHECKED_AT = 0.10
UNSURE_FROM = 0.035

#: A typed bracket pair's inset: "[" and "]" take the outer quarter of the pair's width each.
_BRACKET_INSET = 0.3
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


def _inside_a_word(box: Box, text: PageText) -> bool:
    """A "box" well inside a longer word is a letter (O, D, H in a square font), not a checkbox."""
    cx, cy = box.center
    for word in text.words:
        b = word.box
        if b.left < cx < b.right and b.top < cy < b.bottom and b.width > 2.5 * box.width:
            if sum(ch.isalnum() for ch in word.text) >= 3 and box.left > b.left + 2 and box.right < b.right - 2:
                return True
    return False


def _on_a_dark_ground(dark: np.ndarray, box: Box) -> bool:
    """Ink covers most of a margin a third of the box wide round it: a reverse-video bar or a shaded
    block, not the paper a printed box stands on."""
    margin = max(2, box.width // 3)
    x0, y0 = max(0, box.left - margin), max(0, box.top - margin)
    x1, y1 = min(dark.shape[1], box.right + margin), min(dark.shape[0], box.bottom + margin)
    around = np.count_nonzero(dark[y0:y1, x0:x1]) - np.count_nonzero(dark[box.top : box.bottom, box.left : box.right])
    area = (y1 - y0) * (x1 - x0) - box.width * box.height
    return area > 0 and around > 0.5 * area


def _printed_solid(dark: np.ndarray, box: Box) -> bool:
    """The band just inside the square's border is ink all round: the paper an answer box leaves inside
    its border, round a mark, is not there."""
    def inset(share: float) -> np.ndarray:
        dx, dy = int(round(box.width * share)), int(round(box.height * share))
        return dark[box.top + dy : box.bottom - dy, box.left + dx : box.right - dx]

    outer, inner = inset(0.08), inset(0.25)
    ring = outer.size - inner.size
    return ring > 0 and (np.count_nonzero(outer) - np.count_nonzero(inner)) / ring >= 0.92


def _one_box_comb(box: Box, text: PageText) -> bool:
    """A lone box holding one letter or digit read with confidence, with no words beside it: a one-character
    comb (a middle initial's box, "H"), not an answer box. Marks read as letters ("X", "v", "K") are marks."""
    inside = [w for w in text.words if box.left <= w.box.center[0] <= box.right and box.top <= w.box.center[1] <= box.bottom]
    if len(inside) != 1:
        return False
    glyph = inside[0].text.strip()
    if len(glyph) != 1 or not glyph.isalnum() or glyph in MARK_GLYPHS or inside[0].conf < 0.9:
        return False
    reach = box.right + 2 * box.width
    return not any(
        w is not inside[0] and box.right < w.box.left <= reach and abs(w.box.center[1] - box.center[1]) < box.height
        for w in text.words
    )


def _letter_of_a_word(box: Box, text: PageText) -> bool:
    """A round "bubble" past the start of a word OCR read ("PO", "BOX", "Aspirus") is one of its letters;
    a bubble OCR glued to its answer ("ONo", "©Yes") starts the word."""
    cx, cy = box.center
    for word in text.words:
        b = word.box
        if b.left < cx < b.right and b.top < cy < b.bottom and sum(ch.isalnum() for ch in word.text) >= 2:
            if box.left > b.left + 0.3 * box.width:
                return True
    return False


def _between_letters(box: Box, text: PageText) -> bool:
    """A round "bubble" with writing a letter's gap before AND after it on its line is a letter of that
    writing ("LIN C O LN", letter-spaced type read apart); a bubble has a space at least before its
    answer, and the question or the previous answer stands further off on its other side."""
    gap = 0.35 * box.width

    def close(w: Word) -> bool:
        b = w.box
        level = min(b.bottom, box.bottom) - max(b.top, box.top) >= 0.5 * min(b.height, box.height)
        return level and any(ch.isalnum() for ch in w.text)

    words = [w for w in text.words if close(w)]
    before = any(0 <= box.left - w.box.right <= gap for w in words)
    after = any(0 <= w.box.left - box.right <= gap for w in words)
    return before and after


def _in_a_set(box: Box, bubbles: list[Box]) -> bool:
    """A question's answers stand in a row or a column: a bubble has another of its size level with it
    or straight above or below it (a round letter left over in a value has none)."""
    for other in bubbles:
        if other is box or abs(other.height - box.height) > 0.2 * box.height:
            continue
        level = abs(other.center[1] - box.center[1]) <= 0.3 * box.height
        stacked = abs(other.center[0] - box.center[0]) <= 0.3 * box.width
        if (level and abs(other.center[0] - box.center[0]) <= 40 * box.width) or (
                stacked and abs(other.center[1] - box.center[1]) <= 12 * box.height):
            return True
    return False


_OPENERS, _CLOSERS = "[({", "])}"
# A hand mark between typed brackets reads as one of ``MARK_GLYPHS``; anything else inside brackets ("(a)",
# "(optional)") is text, not a box.


def _inner(text: str) -> str:
    return text.strip(_OPENERS + _CLOSERS + " ").lower()


def typed_brackets(text: PageText) -> list[Box]:
    """Answer boxes typed as text, as a word processor's form has them: "[ ] Male", "( ) Yes", marked by
    hand over the brackets ("[X]"). Found from the words: an opening bracket and its closing one, in one
    word or the next on the line, holding nothing or only what OCR reads a mark as. A page has them in
    sets (a question's answers), so a lone pair is no box."""
    words = text.words
    found: list[Box] = []
    for k, word in enumerate(words):
        first = word.text.strip()
        if not first or first[0] not in _OPENERS:
            continue
        pair = None
        if len(first) >= 2 and first[-1] in _CLOSERS:
            pair = (word.box, first)
        elif k + 1 < len(words) and words[k + 1].line == word.line:
            nxt = words[k + 1]
            close = nxt.text.strip()
            height = max(word.box.height, nxt.box.height, 1)
            if close and close[-1] in _CLOSERS and 0 <= nxt.box.left - word.box.right <= 1.5 * height:
                pair = (word.box.union(nxt.box), first + close)
        if pair is None and _markish(_inner(first)) and 0.8 * word.box.height <= word.box.width:
            pair = (word.box, first)  # "(“4": the closing bracket lost under the mark
        if pair is None or not _markish(_inner(pair[1])):
            continue
        box = pair[0]
        if box.width <= 3.5 * max(box.height, 1):
            found.append(box)
    found += _marked_siblings(words, found)
    return found if len(found) >= 2 else []


def _markish(inner: str) -> bool:
    return len(inner) <= 3 and all(ch in MARK_GLYPHS for ch in inner)


def _marked_siblings(words, pairs: list[Box]) -> list[Box]:
    """Bracket pairs a mark made unreadable ("i" for "[✓]"): a word OCR could not read, of a pair's size,
    level with another pair (a row of answers) or straight under or over one (a list of answers)."""
    found = []
    for word in words:
        b = word.box
        if word.conf >= 0.5 or any(b.overlap_area(p) > 0 for p in pairs):
            continue
        if any(ch.isdigit() for ch in word.text) or len(word.text.strip()) > 4:
            continue  # an item number ("4.") or a word read badly, not a mark ("i", "MM", "[m)")
        for p in pairs:
            sized = abs(b.width - p.width) <= 0.35 * p.width and b.height <= 1.6 * p.height
            level = abs(b.center[1] - p.center[1]) <= 0.5 * p.height and abs(b.center[0] - p.center[0]) <= 10 * p.width
            stacked = abs(b.left - p.left) <= 0.5 * p.width and abs(b.center[1] - p.center[1]) <= 12 * p.height
            if sized and (level or stacked):
                found.append(b)
                break
    return found


def find_checkboxes(image: np.ndarray, text: PageText, rules: tuple[Box, ...] = ()) -> list[Checkbox]:
    """Every checkbox on the page with its ink share, top to bottom.

    ``rules`` (underlines, cell borders found before OCR) are taken out before
    looking for squares, so a box drawn on a line still stands alone.
    """
    dark = _dark(image)
    dpi = max(72, text.dpi or 200)
    shapes = dark
    if rules:
        shapes = dark.copy()
        for rule in rules:
            shapes[rule.top : rule.bottom, rule.left : rule.right] = 0
    # a square inked right up to its border all round is printed solid (a registration mark, a section's
    # number in white on a black square), and one holding a confident letter alone is a one-character
    # comb: neither is an answer box a hand marked
    boxes = [b for b in find_checkbox_squares(shapes, dpi) if not _printed_solid(dark, b) and not _one_box_comb(b, text)]
    if not rules:
        # Without line removal before OCR, a square letter (an O in a square font) sits inside a
        # recognised word. With it, the boxes were erased from the OCR input, so a word over a
        # box is Tesseract gluing neighbours ("premium? [x]Yes"): the box is real.
        boxes = [b for b in boxes if not _inside_a_word(b, text)]
    # round answer bubbles: a round letter inside a word is no bubble, whatever was erased before OCR
    bubbles = [Box(left=x, top=y, width=w, height=h) for x, y, w, h in find_round_bubbles(shapes, dpi)]
    bubbles = [b for b in bubbles if not _letter_of_a_word(b, text) and not _between_letters(b, text)
               and not any(b.overlap_area(o) > 0 for o in boxes)]
    boxes += [b for b in bubbles if _in_a_set(b, bubbles)]
    # a box stands on paper: "boxes" inside a dark bar are the bar's white letters
    boxes = [b for b in boxes if not _on_a_dark_ground(dark, b)]
    # a hand's ring round a printed answer ("M  (F)") looks like a bubble or box holding a letter: it is
    # that answer circled, not a box whose answer is the next word
    rings = rings_round_answers(boxes, text, line_height(text))
    boxes = [b for b in boxes if b not in rings]
    found = [Checkbox(page=text.page, box=b, fill=ink_ratio(dark, b)) for b in boxes]
    # brackets typed as text: the mark lies between them, the brackets' own strokes outside the inset
    found += [Checkbox(page=text.page, box=b, fill=ink_ratio(dark, b, inset=_BRACKET_INSET))
              for b in typed_brackets(text) if not any(b.overlap_area(o) > 0 for o in boxes)]
    # answers circled by hand or marked on a blank line before them: no box is printed
    for box, fill in circled_words(dark, text, [c.box for c in found], rings) + marked_blanks(dark, text, dpi):
        if not any(box.overlap_area(c.box) > 0 for c in found):
            found.append(Checkbox(page=text.page, box=box, fill=fill))
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
