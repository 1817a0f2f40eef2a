"""Two lines of small print OCR read as one line of tall, garbled words.

A label set on two lines in a small face ("Add the dental / rider? (circle)") sometimes comes out of
Tesseract as one line of words each as tall as both lines together ("Ada the (crete)"), and the label is
lost. Such a run of words, twice a line's height or so and read with doubt, is read again as a block:
when the block reading finds two or more lines, confidently, its words replace the run's.
"""

from __future__ import annotations

import logging
import statistics

import cv2
import numpy as np

from intake.config import Settings
from intake.errors import OcrError
from intake.ocr.page_text import Box, PageText, Word
from intake.ocr.reread import read_enlarged
from intake.parsers.hand_marks import line_height

__all__ = ["with_lines_split"]

log = logging.getLogger(__name__)

_TALL = (1.7, 3.2)  # a merged run's words stand this many lines tall
_UNSURE_BELOW = 0.93  # ... and at least one of them is read with less confidence than this
_MOST_RUNS = 12  # runs read again per page
_SURE_FROM = 0.75  # the block reading's words must be this confident on average (or see ``_read_surely``)
_HELD = 0.9  # ... and hold this share of the area's ink
_MOST_WORDS = 10  # a label's two lines hold no more words than this
_ALONE_BELOW = 0.5  # one tall word alone is read again only when read this doubtfully ...
_ALONE_WIDE = 3.0  # ... and it is this many lines wide: a label's phrase, not a box's letter or a pen's word


def with_lines_split(image: np.ndarray, text: PageText, settings: Settings) -> PageText:
    """``text`` with each run of tall garbled words read again as a block where that finds its lines (scans
    only)."""
    if text.source != "ocr" or not text.words:
        return text
    em = line_height(text)
    if em <= 0:
        return text
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    words = list(text.words)
    replaced: dict[int, list[Word]] = {}
    for run in _tall_runs(words, em)[:_MOST_RUNS]:
        again = _read_as_block(grey, run, words, em, text, settings)
        if again:
            replaced[run[0]] = again
            replaced.update({i: [] for i in run[1:]})
    if not replaced:
        return text
    out: list[Word] = []
    for i, word in enumerate(words):
        out.extend(replaced.get(i, [word]))
    log.info("page %d: merged lines read again=%d", text.page, sum(1 for v in replaced.values() if v))
    return text.model_copy(update={"words": tuple(out)})


def _tall_runs(words: list[Word], em: float) -> list[list[int]]:
    """Runs of neighbouring words on one line, each about two lines tall, one at least read with doubt."""
    tall = sorted((i for i, w in enumerate(words) if _TALL[0] * em <= w.box.height <= _TALL[1] * em
                   and any(ch.isalpha() for ch in w.text)), key=lambda i: (words[i].box.top, words[i].box.left))
    runs: list[list[int]] = []
    for i in sorted(tall, key=lambda i: (round(words[i].box.center[1] / em), words[i].box.left)):
        box = words[i].box
        if runs:
            last = words[runs[-1][-1]].box
            if abs(last.center[1] - box.center[1]) <= 0.5 * em and 0 <= box.left - last.right <= 1.5 * em:
                runs[-1].append(i)
                continue
        runs.append([i])
    # one tall word alone may be writing or a box's letters; a label's two lines give two words or more, or one
    # long word read as nonsense ("Applicant name (Last, / First, M.I.)" as "“epteankoetigunt)")
    return [run for run in runs if min(words[i].conf for i in run) < _UNSURE_BELOW
            and (len(run) >= 2 or _a_garbled_phrase(words[run[0]], em))]


def _a_garbled_phrase(word: Word, em: float) -> bool:
    return word.conf < _ALONE_BELOW and word.box.width >= _ALONE_WIDE * em


def _read_as_block(grey: np.ndarray, run: list[int], words: list[Word], em: float, text: PageText,
                   settings: Settings) -> list[Word]:
    """The run's area read as a block of lines; its words in page coordinates, or none when that reading does
    not find two lines or is unsure."""
    area = words[run[0]].box
    for i in run[1:]:
        area = area.union(words[i].box)
    pad = int(0.3 * em)
    x0, y0 = max(0, area.left - pad), max(0, area.top - pad)
    x1, y1 = min(grey.shape[1], area.right + pad), min(grey.shape[0], area.bottom + pad)
    crop = grey[y0:y1, x0:x1]
    if crop.size == 0:
        return []
    try:
        read = read_enlarged(crop, settings, page=text.page, dpi=text.dpi or 200, psm=6)
    except OcrError:
        log.warning("page %d: merged lines could not be read again", text.page)
        return []
    found = [w for w in read.words if w.text.strip()]
    if not 2 <= len(found) <= _MOST_WORDS or len({w.line for w in found}) != 2:
        return []  # a label's two lines, not one line or a paragraph
    if not _read_surely(found):
        return []
    line = words[run[0]].line
    out = [Word(text=w.text, box=Box(left=x0 + w.box.left, top=y0 + w.box.top, width=w.box.width,
                                     height=w.box.height), conf=w.conf, line=line * 100 + w.line) for w in found]
    return out if _covers_the_print(grey, area, out) else []


def _read_surely(found: list[Word]) -> bool:
    """The block reading is sure on average; or its first line is read surely, word by word, and so are most of
    its words: a bilingual label's second line, in italics, may be read with doubt ("Primary phone" over
    "Teléfono principal")."""
    if sum(w.conf for w in found) / len(found) >= _SURE_FROM:
        return True
    first = min(w.line for w in found)
    return all(w.conf >= _SURE_FROM for w in found if w.line == first) and statistics.median(
        w.conf for w in found) >= _SURE_FROM


def _covers_the_print(grey: np.ndarray, area: Box, found: list[Word]) -> bool:
    """The words read again hold nearly all the ink of the run's area: none of its print is left out (it would
    be taken for a pen's ink, or a value)."""
    ink = grey[area.top : area.bottom, area.left : area.right] < 128
    total = int(ink.sum())
    if total == 0:
        return False
    held = np.zeros_like(ink)
    for w in found:
        b = w.box
        held[max(0, b.top - area.top - 2) : max(0, b.bottom - area.top + 2),
             max(0, b.left - area.left - 2) : max(0, b.right - area.left + 2)] = True
    return int((ink & held).sum()) >= _HELD * total
