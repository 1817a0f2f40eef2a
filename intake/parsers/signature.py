"""Is the form signed? Ink in the signature area beside or around its label.

The area runs from the signature label to the next label on its row (often
"Date"), and from the row of text above to the row of text below. Printed
words, underlines and box borders are removed first, so what remains is pen
ink: a scribble of a few text heights is a signature, a few specks are not,
and anything in between goes to review.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from intake.parsers.label_cells import stacked_print_block
from intake.parsers.labels import LabelHit
from intake.parsers.layout import PageLayout

__all__ = ["SignatureInk", "signature_ink"]

#: Pen ink, in squared text heights, from which a signature is taken as present / doubtful.
SIGNED_AT = 0.9
UNSURE_FROM = 0.25


@dataclass(frozen=True)
class SignatureInk:
    ink: float  # dark area left after removing print and rules, in em²
    span: float  # width of the inked part, in em
    typed: bool  # a text-layer signature (typed or adopted-signature text) was found

    @property
    def signed(self) -> bool:
        return self.typed or (self.ink >= SIGNED_AT and self.span >= 2.0)

    @property
    def unsure(self) -> bool:
        return not self.typed and (UNSURE_FROM <= self.ink < SIGNED_AT * 1.5 or (self.ink >= SIGNED_AT and self.span < 2.0))


def _printed(layout: PageLayout, i: int) -> bool:
    """A confident word of print or writing: not a pen scribble misread as text. A scribble OCR reads as
    letters ("Ww", "KYW") at middling confidence stands several text heights tall; words do not."""
    word = layout.text.words[i]
    return word.conf >= 0.6 and sum(ch.isalnum() for ch in word.text) >= 2 and word.box.height <= 2.2 * layout.em


def _printed_rows(layout: PageLayout, skip: set[int]) -> list[tuple[float, float, float, float]]:
    """Boxes of confident printed words (not pen scribbles misread as text)."""
    boxes = []
    for i, word in enumerate(layout.text.words):
        if i in skip:
            continue
        if _printed(layout, i):
            b = word.box
            boxes.append((b.left, b.top, b.right, b.bottom))
    return boxes


def signature_ink(layout: PageLayout, image: np.ndarray, hit: LabelHit, labels: list[LabelHit]) -> SignatureInk:
    """Measure pen ink in the signature area of ``hit``."""
    em = layout.em
    words = layout.text.words
    row = layout.rows[layout.row_of[hit.indices[-1]]]
    row_set = set(row.indices)
    # The area ends at the next label to the right on the label's row or the rows around it ("Date").
    right = min(
        (
            o.box.left
            for o in labels
            if o is not hit
            and o.strong  # not label words inside a sentence ("If an authorized representative signs, ...")
            and o.box.left > hit.box.right
            and (o.chunk_left or o.box.left) > hit.box.right  # not the end of a line of print under the signature
            and (o.indices[0] in row_set or hit.box.top - 3.5 * em <= o.box.center[1] <= hit.box.bottom + 4 * em)
        ),
        default=float(layout.text.width),
    )
    left = hit.box.left - 0.5 * em
    label_words = {i for o in labels for i in o.indices}

    # Vertical extent: up to the nearest confident text above and below that is not the label's row.
    printed = [
        b for b in _printed_rows(layout, skip=set(hit.indices))
        if b[2] > left and b[0] < right - 0.3 * em and not (b[1] <= hit.box.top + 0.5 * em <= b[3])
    ]
    above = [b[3] for b in printed if b[3] <= hit.box.top + 0.2 * em]
    below = [b[1] for b in printed if b[1] >= hit.box.bottom - 0.2 * em]
    top = max([hit.box.top - 3.5 * em, *above])
    bottom = min([hit.box.bottom + 4.0 * em, *below])

    typed = False
    if layout.text.source == "text_layer":
        typed = any(
            i not in label_words and left < words[i].box.left < right and top <= words[i].box.top < bottom
            and i not in hit.indices and words[i].text.strip("_ .:")
            for i in range(len(words))
        )

    x0, x1 = int(max(0, left)), int(min(image.shape[1], right - 0.3 * em))
    y0, y1 = int(max(0, top)), int(min(image.shape[0], bottom))
    if x1 - x0 < em or y1 - y0 < em / 2:
        return SignatureInk(0.0, 0.0, typed)
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    crop = (grey[y0:y1, x0:x1] < 150).astype(np.uint8) * 255
    # Rules and borders: long straight runs, horizontal or vertical.
    run = max(5, int(2.5 * em))
    lines = cv2.morphologyEx(crop, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    lines |= cv2.morphologyEx(crop, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    crop[cv2.dilate(lines, np.ones((3, 3), np.uint8)) > 0] = 0
    # Printed words: the label with the lines of print stacked under it (read with doubt or not: "2 res2 tit"
    # is "representative"), and any confident text inside the area.
    block = stacked_print_block(layout, hit, label_words - set(hit.indices))
    for i, word in enumerate(words):
        b = word.box
        if i in hit.indices or _printed(layout, i) or (
                block.left - 2 <= b.left and b.right <= block.right + 2 and block.top - 2 <= b.top and b.bottom <= block.bottom + 2):
            crop[max(0, b.top - y0 - 2) : max(0, b.bottom - y0 + 2), max(0, b.left - x0 - 2) : max(0, b.right - x0 + 2)] = 0
    # Specks: drop components smaller than a dot of pen.
    count, _, stats, _ = cv2.connectedComponentsWithStats(crop, connectivity=8)
    keep = [k for k in range(1, count) if stats[k, cv2.CC_STAT_AREA] >= max(4, int(0.02 * em * em))]
    if not keep:
        return SignatureInk(0.0, 0.0, typed)
    area = float(sum(stats[k, cv2.CC_STAT_AREA] for k in keep))
    xs = [stats[k, cv2.CC_STAT_LEFT] for k in keep]
    xe = [stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH] for k in keep]
    return SignatureInk(float(area / (em * em)), float(max(xe) - min(xs)) / em, bool(typed))
