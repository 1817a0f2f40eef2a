"""Form lines: find the printed rules, cell borders, comb separators and checkbox squares of a form.

Tesseract reads a form's drawing as text: a checkbox next to its option
letter becomes one word ("Om" for "☐ M"), comb-box separators come back as
``| / \\ I`` between the characters of a Medicare number, and an underline
touching a value eats its descenders. ``remove_form_lines`` paints that
drawing white in the image given to Tesseract (the grey page that parsers
measure checkbox ink on is left alone):

- long thin horizontal and vertical rules (underlines, table and cell borders);
- short vertical strokes running from one horizontal rule to another (comb
  separators, narrow cell borders);
- small hollow squares standing alone (checkboxes), with the marks inside them;
- combs too short for a rule (a date's "MM / DD / YYYY" groups of boxes): their edges and walls;
- dotted leaders after a label (``Surname ..........``).

Everything is measured in inches from the page's DPI, never in fixed pixels.
Pen and print strokes crossing a rule are given back after the rule is gone,
so a letter written through an underline stays whole.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from itertools import islice
from dataclasses import dataclass

import cv2
import numpy as np

from intake.ocr.page_text import Box

__all__ = ["Comb", "FormLines", "find_combs", "find_form_lines", "find_checkbox_squares", "remove_form_lines", "rule_boxes"]

# Sizes in inches. A rule is longer than any straight stroke of a letter (a
# 20 pt em dash is ~0.28"), and thinner than a filled bar or a bold glyph.
_RULE_MIN_LENGTH = 0.40
_RULE_MAX_THICKNESS = 0.035
_SEPARATOR_MIN_LENGTH = 0.10  # a comb or cell separator joins two rules at least this far apart
_BOX_MIN, _BOX_MAX = 0.085, 0.34  # checkbox sides (letters of body text are smaller)
_LEADER_MIN_DOTS = 4  # a dotted leader has at least this many dots (an ellipsis three)
_LEADER_MAX_SKIP = 4  # pitches from one dot of a leader to the next (a fax at normal resolution drops dots)
_LEADER_MAX_SPECKS = 20000  # more dot-sized specks than this on a page are paper grain


@dataclass(frozen=True)
class FormLines:
    """Masks (``uint8`` 0/255, page-sized) of what was found; ``erase`` is their union minus crossings."""

    horizontal: np.ndarray
    vertical: np.ndarray  # long vertical rules (cell and frame borders)
    separators: np.ndarray  # short verticals from rule to rule (comb cells)
    boxes: np.ndarray
    erase: np.ndarray
    checkboxes: int
    leaders: np.ndarray | None = None  # dotted leaders (erased only: the value may be written over them)


def _px(inches: float, dpi: int, least: int = 1) -> int:
    return max(least, int(round(inches * dpi)))


def _thin_runs(ink: np.ndarray, length: int, max_thickness: int, wobble: int, *, horizontal: bool) -> np.ndarray:
    """Ink of straight runs at least ``length`` long along one axis, thin across it.

    Fax and scanned rules are not one pixel row straight: they wobble by a
    pixel or two and have pin-holes. The ink is first spread across the axis
    by ``wobble`` pixels and closed along it, the long runs are found on that,
    and then taken back to the real ink within ``wobble`` of them.
    """
    across = (1, 2 * wobble + 1) if horizontal else (2 * wobble + 1, 1)
    along = (length, 1) if horizontal else (1, length)
    bridge = (5, 1) if horizontal else (1, 5)
    spread = cv2.dilate(ink, cv2.getStructuringElement(cv2.MORPH_RECT, across))
    spread = cv2.morphologyEx(spread, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, bridge))
    runs = cv2.morphologyEx(spread, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, along))
    runs = cv2.bitwise_and(runs, ink)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(runs, connectivity=8)
    if count <= 1:
        return runs
    extent = stats[:, cv2.CC_STAT_WIDTH if horizontal else cv2.CC_STAT_HEIGHT].astype(np.float64)
    thickness = stats[:, cv2.CC_STAT_AREA] / np.maximum(extent, 1.0)
    keep = np.zeros(count, dtype=bool)
    keep[1:] = (thickness[1:] <= max_thickness) & (extent[1:] >= length)  # not filled bars or solid blocks
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _dashed_rules(ink: np.ndarray, dpi: int, max_thickness: int) -> np.ndarray:
    """Underlines drawn as dashes: flat, thin pieces in a row (two of them dash-long), together rule-long.

    Each piece must be a whole ink component of its own (a dash touching a
    letter is left alone, so no letter loses a stroke), flat (five times as
    long as thick) and on one line with its neighbours.
    """
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    min_dash, min_piece = _px(0.06, dpi, 6), _px(0.02, dpi, 3)
    max_gap, min_total = _px(0.12, dpi, 8), _px(_RULE_MIN_LENGTH, dpi, 20)
    pieces = [
        k for k in range(1, count)
        if stats[k, cv2.CC_STAT_HEIGHT] <= max_thickness and stats[k, cv2.CC_STAT_WIDTH] >= min_piece
        and stats[k, cv2.CC_STAT_WIDTH] >= 3 * stats[k, cv2.CC_STAT_HEIGHT]
    ]  # fmt: skip
    pieces.sort(key=lambda k: (stats[k, cv2.CC_STAT_LEFT]))
    keep = np.zeros(count, dtype=bool)
    used: set[int] = set()
    for start, first in enumerate(pieces):
        if first in used:
            continue
        chain = [first]
        end = stats[first, cv2.CC_STAT_LEFT] + stats[first, cv2.CC_STAT_WIDTH]
        # pieces are in left order: one starting past the chain's end plus a gap ends the search
        # (a grainy blank scan has thousands of flat specks; looking at all of them per chain was quadratic)
        for k in pieces[start + 1 :]:
            if stats[k, cv2.CC_STAT_LEFT] - end > max_gap:
                break
            if k in used:
                continue
            last = chain[-1]
            gap = stats[k, cv2.CC_STAT_LEFT] - end
            centre_last = stats[last, cv2.CC_STAT_TOP] + stats[last, cv2.CC_STAT_HEIGHT] / 2
            centre = stats[k, cv2.CC_STAT_TOP] + stats[k, cv2.CC_STAT_HEIGHT] / 2
            if -2 <= gap and abs(centre - centre_last) <= max_thickness / 2:
                chain.append(k)
                end = stats[k, cv2.CC_STAT_LEFT] + stats[k, cv2.CC_STAT_WIDTH]
        span = end - stats[first, cv2.CC_STAT_LEFT]
        dashes = sum(1 for k in chain if stats[k, cv2.CC_STAT_WIDTH] >= min_dash)
        if dashes >= 2 and span >= min_total:
            keep[chain] = True
            used.update(chain)
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _dotted_leaders(ink: np.ndarray, dpi: int) -> np.ndarray:
    """Leaders of dots ("Surname ........ "): small round specks evenly spaced along one line.

    Tesseract reads a leader as words of letters ("wetter eens", "cee eee") that
    end up in values and labels. A leader is told by its rhythm: at least
    ``_LEADER_MIN_DOTS`` dot-sized components (no letter is that small and round)
    on one line, each the next one's neighbour at a near-constant pitch, or a few
    pitches on where a fax dropped dots. A dot touching handwriting is part of the
    letter and stays.
    """
    count, labels, stats, centroids = cv2.connectedComponentsWithStats(ink, connectivity=8)
    largest = _px(0.04, dpi, 3)  # a fax at normal resolution stretches dots to twice their width
    max_pitch = _px(0.16, dpi, 6)
    width, height = stats[:, cv2.CC_STAT_WIDTH], stats[:, cv2.CC_STAT_HEIGHT]
    dots = [
        k for k in range(1, count)
        if 2 <= width[k] <= largest and 2 <= height[k] <= largest
        and width[k] <= 2 * height[k] and height[k] <= 3 * width[k]  # round-ish, not a flat speck or a stroke
    ]  # fmt: skip
    keep = np.zeros(count, dtype=bool)
    if len(dots) > _LEADER_MAX_SPECKS:
        return np.zeros_like(ink)  # paper grain, not print: no leader is told in it (and chaining would crawl)
    # dots by band of height, each band left to right: a chain only looks at its own band and the two beside it
    bands: dict[int, list[int]] = {}
    for k in sorted(dots, key=lambda k: centroids[k][0]):
        bands.setdefault(int(centroids[k][1] // largest), []).append(k)
    lefts = {b: [centroids[k][0] for k in ks] for b, ks in bands.items()}
    used: set[int] = set()
    free = set(dots)
    patches = np.zeros_like(ink)  # dots the pen touched, cut from under the writing
    for first in sorted(dots, key=lambda k: centroids[k][0]):
        if first in used:
            continue
        band, x = int(centroids[first][1] // largest), centroids[first][0]
        # the three bands' dots right of the first, merged left to right as the chain asks for them
        near = heapq.merge(*(islice(bands[b], bisect_right(lefts[b], x), None)
                             for b in (band - 1, band, band + 1) if b in bands), key=lambda k: centroids[k][0])
        chain, pitch = [first], 0.0
        for k in near:
            dx = centroids[k][0] - centroids[chain[-1]][0]
            if dx > (_LEADER_MAX_SKIP + 0.2) * pitch if pitch else dx > max_pitch:
                break
            if k in used or dx < _px(0.02, dpi, 2):
                continue
            if abs(centroids[k][1] - centroids[chain[-1]][1]) > max(1.5, height[first]):
                continue
            if not pitch or abs(dx / pitch - 0.5) <= 0.1:
                pitch = dx  # the first pitch, or half of it when the first two dots had one missing between
            else:
                # a fax drops dots: the next one may stand a few pitches on, but always on the beat
                steps = round(dx / pitch)
                if steps < 1 or abs(dx / pitch - steps) > 0.2:
                    continue
                if steps > 1 and _ink_between(ink, stats, chain[-1], k):
                    continue  # print where dots should be: "... $0.00" (its point is on the beat too)
            chain.append(k)
        if len(chain) >= _LEADER_MIN_DOTS:
            keep[chain] = True
            used.update(chain)
            if len(chain) < 2 * _LEADER_MIN_DOTS:
                continue  # a few specks on a beat in small print (a fax's broken letters) lead nowhere
            spots = (ink, labels, free, centroids, height[first])
            span = centroids[chain[-1]][0] - centroids[chain[0]][0]
            pitch = span / max(1, round(span / pitch))  # the beat over the whole chain, not its first step
            for end, step in ((chain[0], -pitch), (chain[-1], pitch)):
                covered, touched = _dots_under_writing(spots, centroids[end], step)
                keep[covered] = True
                used.update(covered)
                half_w, half_h = (width[first] + 1) / 2, (height[first] + 1) / 2
                for x, y in touched:
                    patches[int(round(y - half_h)) : int(round(y + half_h)) + 1,
                            int(round(x - half_w)) : int(round(x + half_w)) + 1] = 255
    return np.where(keep[labels], 255, 0).astype(np.uint8) | patches


def _dots_under_writing(spots, start: np.ndarray, step: float) -> tuple[list[int], list[tuple[float, float]]]:
    """The dots a leader runs on with beyond ``start``, under the writing over it ("6. Phone .715.555.0149").

    A dot the pen touched is part of a digit; the free ones between stay and are
    read as strokes of the digits. Walking on the leader's beat, each beat holds a
    free dot, ink (a dot under the pen) or nothing, where the leader ends. The
    free dots count only when there are two or more past writing: the point of a
    price after a leader ("...... $0.00") is one dot on the beat, and stays.
    """
    ink, labels, free, centroids, size = spots
    x, y = float(start[0]), float(start[1])
    reach_x, reach_y = max(1.0, 0.25 * abs(step)), max(1.5, float(size))
    found: list[int] = []
    touched: list[tuple[float, float]] = []
    wrote = False
    beats = 0
    while True:
        x += step
        beats += 1
        left, right = int(round(x - reach_x)), int(round(x + reach_x)) + 1
        top, bottom = int(round(y - reach_y)), int(round(y + reach_y)) + 1
        if left < 0 or top < 0 or right > ink.shape[1] or bottom > ink.shape[0]:
            break
        window = labels[top:bottom, left:right]
        here = [k for k in np.unique(window[window > 0]) if k in free]
        if here:
            found.extend(int(k) for k in here)
            x = float(np.mean([centroids[k][0] for k in here]))  # back on the beat the print keeps
        elif np.count_nonzero(ink[top:bottom, left:right]):
            wrote = True
            touched.append((x, y))
        else:
            break
    # under writing most beats keep a free dot between the strokes; across print the beat is a coincidence
    return (found, touched) if wrote and len(found) >= max(2, 0.25 * (beats - 1)) else ([], [])


def _ink_between(ink: np.ndarray, stats: np.ndarray, a: int, b: int) -> bool:
    """Whether any ink lies between components ``a`` and ``b`` (left to right) at their height."""
    left = stats[a, cv2.CC_STAT_LEFT] + stats[a, cv2.CC_STAT_WIDTH]
    right = stats[b, cv2.CC_STAT_LEFT]
    top = min(stats[a, cv2.CC_STAT_TOP], stats[b, cv2.CC_STAT_TOP])
    bottom = max(stats[a, cv2.CC_STAT_TOP] + stats[a, cv2.CC_STAT_HEIGHT], stats[b, cv2.CC_STAT_TOP] + stats[b, cv2.CC_STAT_HEIGHT])
    return right > left and bool(np.count_nonzero(ink[top:bottom, left:right]))


def _separators(ink: np.ndarray, rules: np.ndarray, dpi: int, max_thickness: int) -> np.ndarray:
    """Vertical strokes whose both ends meet a horizontal rule: comb and cell separators."""
    length = _px(_SEPARATOR_MIN_LENGTH, dpi, 6)
    candidates = _thin_runs(ink, length, max_thickness, _px(0.01, dpi), horizontal=False)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(candidates, connectivity=8)
    if count <= 1:
        return np.zeros_like(ink)
    reach = _px(0.02, dpi, 2)  # how far an end may stop short of the rule
    grown = cv2.dilate(rules, cv2.getStructuringElement(cv2.MORPH_RECT, (3, 2 * reach + 1)))
    keep = np.zeros(count, dtype=bool)
    for k in range(1, count):
        x, y, w, h = stats[k, :4]
        top = grown[y : y + 2, x : x + w]
        bottom = grown[y + h - 2 : y + h, x : x + w]
        keep[k] = bool(top.any() and bottom.any())
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def _straight_sides(horizontal: np.ndarray, vertical: np.ndarray, x: int, y: int, w: int, h: int) -> float:
    """The least covered side of a square: top and bottom by flat strokes, left and right by upright ones.

    A drawn box's sides run straight into its corners; a round letter (O, 0, Q)
    is flat only in the middle of each side.
    """
    t = max(2, min(w, h) // 8)
    sides = (
        horizontal[y : y + t, x : x + w].max(axis=0),
        horizontal[y + h - t : y + h, x : x + w].max(axis=0),
        vertical[y : y + h, x : x + t].max(axis=1),
        vertical[y : y + h, x + w - t : x + w].max(axis=1),
    )
    return min(float(np.count_nonzero(side)) / max(1, side.size) for side in sides)


def _wall(ink: np.ndarray, x: int, y: int, w: int, h: int) -> float:
    """How thick the ink just outside the square is, relative to its side (thinnest of the four walls).

    Zero for a box's outer edge (paper around it) and small for its inner edge
    (a pen-thin border); the hole of a bold letter is walled in by thick strokes.
    """
    height, width = ink.shape
    reach = min(w, h)

    def run(values: np.ndarray) -> int:
        dark = values > 0
        return int(np.argmin(dark)) if not dark.all() else len(dark)

    walls = []
    for side in ("top", "bottom", "left", "right"):
        if side in ("top", "bottom"):
            cols = range(x + w // 4, x + 3 * w // 4)
            if side == "top":
                runs = [run(ink[max(0, y - reach) : y, c][::-1]) for c in cols]
            else:
                runs = [run(ink[y + h : min(height, y + h + reach), c]) for c in cols]
        else:
            rows = range(y + h // 4, y + 3 * h // 4)
            if side == "left":
                runs = [run(ink[r, max(0, x - reach) : x][::-1]) for r in rows]
            else:
                runs = [run(ink[r, x + w : min(width, x + w + reach)]) for r in rows]
        walls.append(float(np.median(runs)) if runs else 0.0)
    return min(walls) / max(1, reach)


def _round_hole(ink: np.ndarray, x: int, y: int, w: int, h: int) -> bool:
    """The square is the hole inside a letter (O, 0, D), not a box's inside.

    A hole is walled by ink just outside its edge. A box's inside is a
    rectangle, so the corners of its bounding square are paper (unless a tick
    crosses them); a letter's hole is round, so they are ink, and its walls are
    pen strokes, thicker than a box's printed border.
    """
    height, width = ink.shape
    y0, y1, x0, x1 = max(0, y - 2), min(height, y + h + 2), max(0, x - 2), min(width, x + w + 2)
    ring = np.count_nonzero(ink[y0:y1, x0:x1]) - np.count_nonzero(ink[y : y + h, x : x + w])
    ring_size = (y1 - y0) * (x1 - x0) - w * h
    if ring < 0.6 * ring_size:
        return False  # paper around it: an outer edge
    t = max(2, min(w, h) // 8)
    corners = (
        ink[y : y + t, x : x + t],
        ink[y : y + t, x + w - t : x + w],
        ink[y + h - t : y + h, x : x + t],
        ink[y + h - t : y + h, x + w - t : x + w],
    )
    return sum(np.count_nonzero(c) > 0.5 * c.size for c in corners) >= 3 and _wall(ink, x, y, w, h) > 0.12


def _lone_squares(ink: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
    """Small hollow squares with no other square beside them (comb cells come in touching rows)."""
    lo, hi = _px(_BOX_MIN, dpi, 8), _px(_BOX_MAX, dpi, 12)
    run = max(6, int(lo * 0.8))
    flat = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (run, 1)))
    upright = cv2.morphologyEx(ink, cv2.MORPH_OPEN, cv2.getStructuringElement(cv2.MORPH_RECT, (1, run)))
    contours, _ = cv2.findContours(flat | upright, cv2.RETR_LIST, cv2.CHAIN_APPROX_SIMPLE)
    squares: list[tuple[int, int, int, int]] = []
    for contour in contours:
        x, y, w, h = cv2.boundingRect(contour)
        if not (lo <= w <= hi and lo <= h <= hi and 0.75 <= w / h <= 1.33):
            continue
        if _straight_sides(flat, upright, x, y, w, h) < 0.88 or _wall(ink, x, y, w, h) > 0.2:
            continue
        if _round_hole(ink, x, y, w, h):
            continue
        squares.append((x, y, w, h))
    # the inner and outer edge of one border give two nested contours: keep the outer
    squares.sort(key=lambda s: -s[2] * s[3])
    outer: list[tuple[int, int, int, int]] = []
    for x, y, w, h in squares:
        cx, cy = x + w / 2, y + h / 2
        if any(ox <= cx <= ox + ow and oy <= cy <= oy + oh for ox, oy, ow, oh in outer):
            continue
        outer.append((x, y, w, h))

    def beside(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
        ax, ay, aw, ah = a
        bx, by, bw, bh = b
        same_row = abs((ay + ah / 2) - (by + bh / 2)) < 0.3 * ah and abs(ah - bh) < 0.3 * ah
        gap = max(bx - (ax + aw), ax - (bx + bw))
        return same_row and gap < 0.35 * aw

    return [s for s in outer if not any(o is not s and beside(s, o) for o in outer)]


def find_checkbox_squares(ink: np.ndarray, dpi: int) -> list[Box]:
    """Checkbox squares in an ink mask (``uint8``, ink 255): small, square, straight-sided, alone.

    Comb cells (squares touching a neighbour) and round letters are not
    checkboxes. Rules touching a box should be removed from ``ink`` first.
    """
    return [Box(left=x, top=y, width=w, height=h) for x, y, w, h in _lone_squares(ink, dpi)]


@dataclass(frozen=True)
class Comb:
    """A row of character boxes found on the ink: its bounding box and the x of each wall (page pixels)."""

    box: Box
    walls: tuple[int, ...]

    def cells(self) -> list[Box]:
        """Each box's inside, left to right."""
        return [Box(left=a, top=self.box.top, width=max(1, b - a), height=self.box.height)
                for a, b in zip(self.walls, self.walls[1:])]


def _combs(ink: np.ndarray, dpi: int, max_thickness: int) -> list[tuple[Comb, np.ndarray]]:
    """Combs on the ink, each with the mask of its drawing (edges and walls). A comb is one piece of ink as
    tall as a box, at least two boxes wide, its top and bottom edges straight and inked nearly all along,
    and thin walls running the full height at least three times at one pitch (both ends and a box between)."""
    found = []
    low, high = _px(_BOX_MIN, dpi, 8), _px(_BOX_MAX, dpi, 12)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    band = max(2, max_thickness)
    wobble = _px(0.01, dpi)
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if not (low <= h <= high and w >= 1.3 * h):
            continue
        piece = labels[y : y + h, x : x + w] == k
        # a straight edge: one row (allowing a scan's wobble) inked nearly all along, at the top and at the bottom
        rows = piece.mean(axis=1)
        if rows[:band].max() < 0.75 or rows[h - band :].max() < 0.75:
            continue
        full = piece.mean(axis=0) >= 0.9  # columns inked from top to bottom
        edges = np.diff(np.concatenate(([0], full.astype(np.int8), [0])))
        walls, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
        if len(walls) < 3 or (ends - walls).max() > max_thickness:
            continue
        cells = np.diff(walls)
        if cells.min() < 0.5 * h or cells.max() > 1.5 * cells.min():
            continue  # boxes a character wide, side by side at one pitch (not the stems of bold letters)
        mask = np.zeros((h, w), dtype=bool)
        mask[:band] = piece[:band]
        mask[h - band :] = piece[h - band :]
        # a wall's edge pixels, a little short of the full height on a scan, go with it
        near = np.convolve(full.astype(np.int8), np.ones(2 * wobble + 1, dtype=np.int8), mode="same") > 0
        mask[:, near] = piece[:, near]
        comb = Comb(Box(left=x, top=y, width=w, height=h), tuple(int(x + (a + e) // 2) for a, e in zip(walls, ends)))
        found.append((comb, mask))
    return found


def find_combs(binary: np.ndarray, dpi: int) -> list[Comb]:
    """The combs (rows of character boxes) of ``binary`` (black ink on white), left to right."""
    ink = np.where(binary < 128, 255, 0).astype(np.uint8)
    found = [comb for comb, _ in _combs(ink, dpi, _px(_RULE_MAX_THICKNESS, dpi, 3))]
    return sorted(found, key=lambda c: (c.box.top, c.box.left))


def _short_combs(ink: np.ndarray, dpi: int, max_thickness: int) -> np.ndarray:
    """The drawing of combs, also those too short for a rule ("MM / DD / YYYY", "( 608 ) 555 - 0139" as groups
    of two to four boxes): their edges and walls; the characters in the boxes are left."""
    out = np.zeros_like(ink)
    for comb, mask in _combs(ink, dpi, max_thickness):
        b = comb.box
        out[b.top : b.bottom, b.left : b.right][mask] = 255
    return out


def _crossings(ink: np.ndarray, removed: np.ndarray, reach: int, *, horizontal: bool) -> np.ndarray:
    """Pixels of a removed rule with ink of another stroke on both sides of it (a letter crossing the line)."""
    rest = cv2.bitwise_and(ink, cv2.bitwise_not(removed))
    if horizontal:
        before = np.zeros((2 * reach + 1, 1), np.uint8)
        before[: reach + 1] = 1  # ink somewhere above
        after = np.zeros((2 * reach + 1, 1), np.uint8)
        after[reach:] = 1  # ink somewhere below
    else:
        before = np.zeros((1, 2 * reach + 1), np.uint8)
        before[:, : reach + 1] = 1
        after = np.zeros((1, 2 * reach + 1), np.uint8)
        after[:, reach:] = 1
    # dilation with a one-sided kernel marks pixels that have ink within ``reach`` on that side
    on_one = cv2.dilate(rest, after)
    on_other = cv2.dilate(rest, before)
    return cv2.bitwise_and(removed, cv2.bitwise_and(on_one, on_other))


def find_form_lines(binary: np.ndarray, dpi: int) -> FormLines:
    """What of ``binary`` (black ink on white) is form drawing rather than text."""
    ink = np.where(binary < 128, 255, 0).astype(np.uint8)
    thick = _px(_RULE_MAX_THICKNESS, dpi, 3)
    length = _px(_RULE_MIN_LENGTH, dpi, 20)
    wobble = _px(0.01, dpi)
    horizontal = _thin_runs(ink, length, thick, wobble, horizontal=True) | _dashed_rules(ink, dpi, thick)
    vertical = _thin_runs(ink, length, thick, wobble, horizontal=False)
    separators = _separators(ink, horizontal, dpi, thick)
    boxes = np.zeros_like(ink)
    # boxes are looked for once the rules are gone, so a box touching an underline stands alone
    squares = _lone_squares(cv2.bitwise_and(ink, cv2.bitwise_not(horizontal | vertical | separators)), dpi)
    if squares:
        count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
        for x, y, w, h in squares:
            boxes[y : y + h, x : x + w] = 255
            # a tick drawn past the border belongs to the box too, as long as it is mark-sized
            inside = np.unique(labels[y : y + h, x : x + w])
            for k in inside[inside > 0]:
                kx, ky, kw, kh = stats[k, :4]
                if kw <= 2 * w and kh <= 2 * h:
                    part = boxes[ky : ky + kh, kx : kx + kw]
                    part[labels[ky : ky + kh, kx : kx + kw] == k] = 255
    reach = thick + 2
    combs = _short_combs(ink, dpi, thick)
    lines = horizontal | vertical | separators | combs
    # Only strokes crossing a horizontal rule are given back: next to a comb separator the
    # neighbouring characters touch it from both sides, and must stay apart.
    keep = _crossings(ink, horizontal | combs, reach, horizontal=True)
    leaders = _dotted_leaders(cv2.bitwise_and(ink, cv2.bitwise_not(lines | boxes)), dpi)
    erase = cv2.bitwise_and(lines, cv2.bitwise_not(keep)) | boxes | leaders
    return FormLines(
        horizontal=horizontal, vertical=vertical, separators=separators, boxes=boxes, erase=erase,
        checkboxes=len(squares), leaders=leaders,
    )


def rule_boxes(found: FormLines) -> tuple[Box, ...]:
    """Each horizontal and long vertical rule as a box, top to bottom (parsers use them as field borders).

    Comb separators are left out: they divide the characters of one value.
    """
    boxes: list[Box] = []
    for mask in (found.horizontal, found.vertical):
        count, _, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
        for k in range(1, count):
            x, y, w, h = (int(v) for v in stats[k, :4])
            boxes.append(Box(left=x, top=y, width=w, height=h))
    return tuple(sorted(boxes, key=lambda b: (b.top, b.left)))


def remove_form_lines(binary: np.ndarray, dpi: int) -> np.ndarray:
    """A copy of ``binary`` with the form's rules, separators and checkboxes painted white."""
    found = find_form_lines(binary, dpi)
    out = binary.copy()
    out[found.erase > 0] = 255
    return out
