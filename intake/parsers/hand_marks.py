"""Answers marked without a box: a printed word circled by hand, an X or tick written on a blank line.

Worksheets ask "Sex (circle one): M F" or print a short blank before each
choice ("____ Aspirus Advantage Plus"). Such a mark becomes a ``Checkbox``
standing just before its words, so the choice readers treat it like any box:
checked when the ring or the mark on the line is there, empty otherwise.
"""

from __future__ import annotations

import cv2
import numpy as np

from intake.ocr.page_text import Box, PageText, Word
from intake.parsers.glyphs import BOX_GLYPHS, MARK_GLYPHS

__all__ = ["answers_to_circle", "circled_words", "corners_white", "line_height", "marked_blanks",
           "rings_round_answers", "seen_round"]

_MARKED = 0.5  # the fill a found mark is given (checked), as a glyph box's
_RING_TALL = 2.2  # lines of print a word read with the ring round it stands
_OPTION_WORD_MAX = 10  # letters of a word that can be an answer to circle ("CHECKING", "FEMALE")


def _ink(dark: np.ndarray, x0: float, y0: float, x1: float, y1: float) -> np.ndarray:
    h, w = dark.shape[:2]
    a, b = max(0, int(x0)), min(w, int(x1))
    c, d = max(0, int(y0)), min(h, int(y1))
    if b <= a or d <= c:
        return np.zeros((0, 0), bool)
    return dark[c:d, a:b] > 0


_RING_READ_AS = "()[]{}|"  # what OCR makes of a ring's arcs beside or glued to the word in it


def _option_word(text: str) -> bool:
    word = text.strip(".,:;?" + _RING_READ_AS)  # a ring's arc read as "?" ("CHECKING?")
    return 1 <= len(word) <= _OPTION_WORD_MAX and word.isalpha() and word.isupper()


def _letters_box(word: Word) -> Box:
    """The word's box without the arcs OCR glued to it as brackets ("F)", "(YES"), shared out by characters."""
    text = word.text.strip()
    lead = len(text) - len(text.lstrip(_RING_READ_AS))
    tail = len(text) - len(text.rstrip(_RING_READ_AS))
    if not lead and not tail:
        return word.box
    step = word.box.width / max(len(text), 1)
    left = word.box.left + int(lead * step)
    return Box(left=left, top=word.box.top, width=max(1, int(word.box.right - tail * step) - left),
               height=word.box.height)


def _ringed(mask: np.ndarray, box: Box) -> bool:
    """A hand-drawn ring passes round ``box`` on all four sides (``mask``: the ink with the words taken out)."""
    em = box.height
    pad, reach = 0.15 * em, max(1.2 * em, 0.6 * box.width)
    left = _ink(mask, box.left - reach, box.top, box.left - pad, box.bottom)
    right = _ink(mask, box.right + pad, box.top, box.right + reach, box.bottom)
    top = _ink(mask, box.left, box.top - 1.3 * em, box.right, box.top - pad)
    bottom = _ink(mask, box.left, box.bottom + pad, box.right, box.bottom + 1.3 * em)
    if min(a.size for a in (left, right, top, bottom)) == 0:
        return False
    # a box's or comb's straight edge, or a rule, runs on past the word: a ring's arcs curve away
    wide_top = _ink(mask, box.left - reach, box.top - 1.3 * em, box.right + reach, box.top - pad)
    wide_bottom = _ink(mask, box.left - reach, box.bottom + pad, box.right + reach, box.bottom + 1.3 * em)
    if any(_longest_run(a) > box.width + em for a in (wide_top, wide_bottom)):
        return False
    # ... and a box's edges meet in its corners, where a ring leaves the paper white
    window = _ink(mask, box.left - reach, box.top - 1.3 * em, box.right + reach, box.bottom + 1.3 * em)
    ys, xs = np.nonzero(window)
    if ys.size == 0:
        return False
    y0, y1, x0, x1 = int(ys.min()), int(ys.max()) + 1, int(xs.min()), int(xs.max()) + 1
    cy, cx = max(2, (y1 - y0) // 10), max(2, (x1 - x0) // 10)
    corners = (window[y0 : y0 + cy, x0 : x0 + cx], window[y0 : y0 + cy, x1 - cx : x1],
               window[y1 - cy : y1, x0 : x0 + cx], window[y1 - cy : y1, x1 - cx : x1])
    if sum(bool(c.any()) for c in corners) >= 2:
        return False
    # an arc: over most of the word's width above and below, most of its height beside it
    spans_x = lambda a: a.any(axis=0).mean() >= 0.5  # noqa: E731
    spans_y = lambda a: a.any(axis=1).mean() >= 0.5  # noqa: E731
    return spans_x(top) and spans_x(bottom) and spans_y(left) and spans_y(right)


_RING_BINS = 24  # directions round a word a ring is looked for in


def _closed_ring(dark: np.ndarray, box: Box, em: float) -> bool:
    """One stroke round ``box``, however near the print: a wide flat ring hugging the word
    ("(NO)" drawn clean on an e-signed page), which the four-sides test misses when the ring touches the word.
    The stroke's extent holds the word with room on both sides, it is thin (little ink for its size) and it
    leaves its extent's corners white, as no box or comb does."""
    x0, y0 = max(0, int(box.left - 4 * em)), max(0, int(box.top - 2 * em))
    x1, y1 = min(dark.shape[1], int(box.right + 4 * em)), min(dark.shape[0], int(box.bottom + 2 * em))
    window = (dark[y0:y1, x0:x1] > 0).astype(np.uint8)
    if window.size == 0:
        return False
    count, labels, stats, _ = cv2.connectedComponentsWithStats(window, connectivity=8)
    cx, cy = box.center[0] - x0, box.center[1] - y0
    for k in range(1, count):
        x, y, w, h, area = (int(v) for v in stats[k])
        if x == 0 or y == 0 or x + w >= window.shape[1] or y + h >= window.shape[0]:
            continue  # runs out of the window: a rule, a cell's border, a long stroke
        if not (x <= box.left - x0 - 0.3 * em and x + w >= box.right - x0 + 0.3 * em and y < cy < y + h):
            continue
        if not (x <= cx <= x + w and h >= box.height and h <= 3.5 * em):
            continue
        if area > 0.4 * w * h:
            continue  # a blot or a filled shape, not a thin ring
        own = labels[y : y + h, x : x + w] == k
        if not corners_white(own):
            continue
        # round the word: outside the word's box, the stroke is seen from its middle in most directions
        ys, xs = np.nonzero(own)
        ys, xs = ys + y + y0, xs + x + x0
        away = (xs < box.left) | (xs > box.right) | (ys < box.top) | (ys > box.bottom)
        if seen_round((ys[away] - box.center[1]) / box.height, (xs[away] - box.center[0]) / max(box.width, 1)):
            return True
    return False


def corners_white(stroke: np.ndarray) -> bool:
    """A stroke's mask leaves the corners of its extent white, as a ring does and no box or comb does."""
    h, w = stroke.shape
    cw, ch = max(2, w // 8), max(2, h // 8)
    return not any(c.any() for c in (stroke[:ch, :cw], stroke[:ch, -cw:], stroke[-ch:, :cw], stroke[-ch:, -cw:]))


def seen_round(dy: np.ndarray, dx: np.ndarray) -> bool:
    """Points (offsets from a middle, each axis scaled to the shape's size) seen from the middle in most
    directions: a ring, even one a hand left open; a bracket or a pair of them covers far less."""
    angles = np.arctan2(dy, dx)
    bins = np.unique(((angles + np.pi) / (2 * np.pi) * _RING_BINS).astype(int) % _RING_BINS)
    return bins.size >= 0.75 * _RING_BINS


def _longest_run(ink: np.ndarray) -> int:
    """The longest stretch of ink along any one row."""
    best = 0
    for row in ink:
        edges = np.diff(np.concatenate(([0], row.astype(np.int8), [0])))
        starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        if starts.size:
            best = max(best, int((ends - starts).max()))
    return best


def _box_before(word: Box, em: float) -> Box:
    """A box-sized spot just left of a word, where a box printed before its option would stand."""
    side = max(4, int(0.8 * em))
    return Box(left=max(0, int(word.left - 0.4 * em) - side), top=word.top + (word.height - side) // 2,
               width=side, height=side)




def _enclosed(word: Word, ring: Box) -> bool:
    x, y = word.box.center
    return ring.left <= x <= ring.right and ring.top <= y <= ring.bottom


_BUBBLE_GLYPHS = BOX_GLYPHS | {"e"}  # an answer bubble read as itself, empty or filled in ("e")


def _read_as_one_glyph(word: Word, ring: Box) -> bool:
    """OCR read the ring and the letter in it as one unsure glyph ("(™)", "()"): its box is the ring's. An
    answer bubble read as itself ("O", "©") is no ring round a letter."""
    glyph = word.text.strip()
    return (word.conf < 0.8 and len(glyph) <= 3 and glyph not in _BUBBLE_GLYPHS
            and word.box.overlap_area(ring) >= 0.6 * ring.width * ring.height)


def _inside(word: Word, ring: Box) -> bool:
    """A printed word standing well inside the ring (not the ring read as a letter)."""
    return (_option_word(word.text) and word.text.strip() not in _BUBBLE_GLYPHS
            and word.box.width * word.box.height <= 0.5 * ring.width * ring.height)


def line_height(text: PageText) -> float:
    """The middle height of the page's words: a line of its print."""
    return float(np.median([w.box.height for w in text.words])) if text.words else 0.0


def rings_round_answers(boxes: list[Box], text: PageText, em: float) -> list[Box]:
    """Those of the found ``boxes`` that are a hand's rings round printed answers (``rings_an_answer``)."""
    return [b for b in boxes if _rings_an_answer(b, text, em)]


def _rings_an_answer(ring: Box, text: PageText, em: float) -> bool:
    """A found box or bubble drawn round a printed answer word, or read with its letter as one glyph. A hand's
    ring is drawn well clear of the word, twice a line's height (``em``) or more; a printed answer bubble or
    box is about a letter's size, whatever OCR makes of the mark in it."""
    if not text.words or min(ring.width, ring.height) < 1.8 * em:
        return False
    for word in text.words:
        if not _enclosed(word, ring):
            continue
        letters = word.text.strip(".,:;" + _RING_READ_AS)
        if letters and all(ch in MARK_GLYPHS for ch in letters):
            return False  # a tick or cross in a box: the box is the answer's
        if _inside(word, ring) or _read_as_one_glyph(word, ring):
            return True
    return False


def circled_words(dark: np.ndarray, text: PageText, boxes: list[Box] = (), rings: list[Box] = ()) -> list[tuple[Box, float]]:
    """Answers circled by hand and the other answers on their line: (box before the word, fill) each.

    Only lines with a circled word give anything: its fellow answers (capitals, at most ten letters, set
    apart from it) come as empty boxes, so the pair "M F" reads as one question answered M. A word inside one of
    the page's ``boxes`` is a mark in a box (an X), not a circled answer."""
    words = text.words
    if not words:
        return []
    em = line_height(text)
    def boxed(w: Word) -> bool:
        x, y = w.box.center
        return any(b.left <= x <= b.right and b.top <= y <= b.bottom for b in boxes)

    options = [i for i, w in enumerate(words) if _option_word(w.text) and not boxed(w)]
    mask = dark.copy()
    for w in words:
        if w.text.strip(_RING_READ_AS):  # an arc read as a bracket stays ink of the ring
            b = _letters_box(w)
            mask[max(0, b.top - 1) : b.bottom + 1, max(0, b.left - 1) : b.right + 1] = 0
    circled = [i for i in options if _ringed(mask, _letters_box(words[i])) or _closed_ring(dark, words[i].box, em)]
    # rings the box finders took for boxes: the word (or glyph) inside each
    for ring in rings:
        inside = [i for i, w in enumerate(words) if i not in circled and _enclosed(w, ring)
                  and (_inside(w, ring) or _read_as_one_glyph(w, ring))]
        circled += inside[:1]
    # an answer printed to be circled that OCR read with its ring, the ring's height and an arc as a mark
    # ("CHECKING?", three lines tall); a written value may stand as tall, but follows no "(circle)"
    to_circle = answers_to_circle(text)
    circled += [i for i in options if i not in circled and i in to_circle and words[i].box.height >= _RING_TALL * em
                and words[i].conf < 0.8]
    # a ring OCR read together with the word in it as one unsure glyph ("G)" for a circled F)
    circled += [i for i, w in enumerate(words) if i not in circled and not boxed(w) and _ring_read_as_a_word(dark, w, em)]
    out: list[tuple[Box, float]] = []
    done: set[int] = set(circled)
    for i in circled:
        word = _letters_box(words[i])
        out.append((_box_before(word, em), _MARKED))
        for j, other in enumerate(words):
            if j in done or not _option_word(other.text):
                continue
            same_line = abs(other.box.center[1] - word.center[1]) <= 0.5 * max(em, other.box.height)
            near = abs(other.box.center[0] - word.center[0]) <= 25 * em
            apart = other.box.left > word.right + 1.0 * em or other.box.right < word.left - 1.0 * em
            if same_line and near and apart:
                out.append((_box_before(other.box, em), 0.0))
                done.add(j)
    # answers printed to be circled with none found circled, but a hand's ink among them: a ring the tests
    # above could not make out; each answer an unsure box, so the question is reviewed, not passed as blank
    for group in _circle_groups(text):
        if done.intersection(group) or not _stray_ink(mask, [words[i].box for i in group], em):
            continue
        out += [(_box_before(words[i].box, em), _UNSURE) for i in group]
        done.update(group)
    return out


_UNSURE = 0.06  # a box's fill between no mark and a mark (``checkboxes.UNSURE_FROM`` .. ``CHECKED_AT``)


def _circle_groups(text: PageText) -> list[list[int]]:
    """The printed answers after each "(circle)" instruction, one list per instruction."""
    every = answers_to_circle(text)
    words = text.words
    groups: list[list[int]] = []
    for i in sorted(every, key=lambda i: (round(words[i].box.center[1]), words[i].box.left)):
        last = groups[-1][-1] if groups else None
        if last is not None and abs(words[last].box.center[1] - words[i].box.center[1]) <= 0.6 * words[i].box.height:
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def _stray_ink(mask: np.ndarray, answers: list[Box], em: float) -> bool:
    """Ink round the answers that is neither their print nor a ruled line: a letter's worth of strokes."""
    area = answers[0]
    for box in answers[1:]:
        area = area.union(box)
    region = _ink(mask, area.left - 1.2 * em, area.top - 1.0 * em, area.right + 1.2 * em, area.bottom + 1.0 * em)
    if region.size == 0:
        return False
    ink = region.astype(np.uint8)
    rules = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (max(3, int(3 * em)), 1)))
    walls = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, max(3, int(2.5 * em)))))
    left = ink & ~rules.astype(bool) & ~walls.astype(bool)
    return int(left.sum()) >= 0.5 * em * em


def _ring_read_as_a_word(dark: np.ndarray, word: Word, em: float) -> bool:
    """A short reading as tall as a ring round a letter (unsure, or with the ring's arcs read as brackets),
    its box inked along all four sides."""
    box = word.box
    glued = any(ch in _RING_READ_AS for ch in word.text)  # "(F)", "Cu)": arcs read as brackets
    if (word.conf >= 0.5 and not glued) or len(word.text.strip()) > 3 or box.height < 1.8 * em \
            or not 0.6 <= box.width / box.height <= 1.8:
        return False
    if word.text.strip().isalnum():
        return False  # letters only ("mme"): a misread answer word, not a ring's arcs read round a letter
    inside = _ink(dark, box.left, box.top, box.right, box.bottom)
    if inside.size == 0:
        return False
    band = max(2, box.height // 5)
    edges = (inside[:band].any(axis=0).mean(), inside[-band:].any(axis=0).mean(),
             inside[:, :band].any(axis=1).mean(), inside[:, -band:].any(axis=1).mean())
    middle = inside[band:-band, band:-band]
    # a hand's ring is seldom closed all round: each side mostly there, most of it there in all
    return min(edges) >= 0.35 and sum(edges) >= 2.2 and middle.size > 0 and 0.02 <= middle.mean() <= 0.4


def marked_blanks(dark: np.ndarray, text: PageText, dpi: int) -> list[tuple[Box, float]]:
    """Short blank lines printed right before a line's words ("____ Aspirus Advantage Plus"), each as a box
    over the blank with the fill of the mark written on it (an X or a tick), 0 when none is."""
    words = text.words
    if not words:
        return []
    em = line_height(text)
    run = max(8, int(0.12 * dpi))
    lines = cv2.morphologyEx(dark, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(lines, connectivity=8)
    out: list[tuple[Box, float]] = []
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if not (0.15 * dpi <= w <= 0.9 * dpi and h <= max(3, int(0.03 * dpi))):
            continue
        blank = Box(left=x, top=y, width=w, height=h)
        # the words start just after the blank, on the blank's line
        after = [v for v in words if 0 <= v.box.left - blank.right <= 1.5 * em
                 and abs(v.box.bottom - blank.center[1]) <= 0.6 * em]
        if not after:
            continue
        # writing read on the line ("1204" on the piece of a street's underline a fax kept) is a value's, not a mark
        if any(sum(ch.isalnum() for ch in v.text) >= 2 and min(v.box.right, blank.right) - max(v.box.left, blank.left) > 0
               and abs(v.box.bottom - blank.center[1]) <= 0.8 * em for v in words):
            continue
        # a box's or comb's floor has walls rising from it: a blank is a line alone
        rise = int(0.6 * em)
        walls = [dark[max(0, y - rise) : y, max(0, end - 2) : end + 3] for end in (x, x + w - 1)]
        if any(wall.size and (wall > 0).any(axis=1).mean() >= 0.8 for wall in walls):
            continue
        # nothing printed just before it on the line: a blank opens its option
        if any(0 <= blank.left - v.box.right <= 1.0 * em and abs(v.box.bottom - blank.center[1]) <= 0.6 * em
               for v in words):
            continue
        # the mark: ink on the blank (the line itself taken out) at least a third of a letter tall
        y0, y1 = max(0, y - int(1.6 * em)), y + h + int(0.6 * em)
        x0, x1 = max(0, x - int(0.3 * em)), x + w
        ink = ((dark[y0:y1, x0:x1] > 0) & (lines[y0:y1, x0:x1] == 0)).astype(np.uint8)
        n, _, st, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        marked = any(st[m, cv2.CC_STAT_HEIGHT] >= 0.35 * em for m in range(1, n))
        spot = Box(left=x, top=max(0, y - int(em)), width=w, height=int(em))
        out.append((spot, _MARKED if marked else 0.0))
    # a list's blanks stand one above the other, alike: a lone piece of line (an underline a fax broke up,
    # ending before the next label) is none
    return [(a, fill) for a, fill in out if any(
        b is not a and abs(b.left - a.left) <= 0.5 * em and abs(b.width - a.width) <= 0.3 * a.width
        and 0 < abs(b.top - a.top) <= 4 * em for b, _ in out)]


def _level_with(word: Word, instruction: Word) -> bool:
    """On the instruction's line, or centred on a row whose label wraps and ends in it ("Account / type (circle)
    CHECKING  SAVINGS": the answers sit level with the middle of the two lines, overlapping the second)."""
    em = instruction.box.height
    gap = abs(word.box.center[1] - instruction.box.center[1])
    overlaps = word.box.top < instruction.box.bottom and instruction.box.top < word.box.bottom
    above = word.box.bottom <= instruction.box.top + 0.5 * em and gap <= 1.6 * em  # level with the line above
    return gap <= 0.6 * em or (overlaps and gap <= em) or above


def answers_to_circle(text: PageText) -> set[int]:
    """The printed answers after a "(circle)" or "(circle one)" instruction on its line ("Account type (circle)
    CHECKING  SAVINGS"), circled or not: choices, never another field's value."""
    words = text.words
    out: set[int] = set()
    for k, word in enumerate(words):
        if "circle" not in word.text.lower():
            continue
        em = word.box.height
        line = sorted((i for i, w in enumerate(words) if i != k and _level_with(w, word)
                       and 0 < w.box.left - word.box.right <= 25 * em), key=lambda i: words[i].box.left)
        for i in line:
            if words[i].text.rstrip(".,:;)").lower() in ("one", "all"):
                continue  # the rest of the instruction
            if not _option_word(words[i].text):
                break
            out.add(i)
    return out
