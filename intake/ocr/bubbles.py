"""Round answer bubbles ("Fill in the bubble", ◯ Male ◯ Female) on an ink mask.

A bubble is a thin printed circle of a checkbox's size. Marked, it holds an X,
a tick (which may run out past its edge) or is filled in. It is found from
each blob of ink of about that size: a circle is fitted to the blob's outline
(refitted on the points near it, so a tick running out does not pull it), and
the blob is a bubble when ink runs all the way round that circle, the outline
mostly lies on it, and, when nothing is written inside, its stroke is thin
against its size. Letters are not bubbles: an O of value type is taller than
wide with a thicker stroke, and most round letters are smaller than any box.
Bubbles come in sets (a question's answers), so one round blob alone on a page
is no bubble.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

__all__ = ["find_round_bubbles"]

#: Bubble diameters, inches (as checkbox sides: letters of body text are smaller).
_SMALLEST, _LARGEST = 0.085, 0.34
#: Angles round the circle, and radial steps from 0.3 to 1.3 radii, sampled per blob.
_ANGLES = np.linspace(0.0, 2.0 * math.pi, 48, endpoint=False)
_STEPS = np.linspace(0.3, 1.3, 41)
#: The rays towards the four corners of the circle's square.
_DIAGONALS = [6, 18, 30, 42]
#: The most an empty bubble's stroke may be, in radii: a printed ring is 0.2-0.25 faxed and up to 0.3 on a
#: 200 dpi scan brought to 300 dpi; a letter O of value type is about as thick, but taller than wide, and
#: the parser also tells letters by the words OCR read round them.
_THIN_RING = 0.31


def _fit_circle(points: np.ndarray) -> tuple[float, float, float] | None:
    """Least-squares circle through ``points`` (x, y): centre and radius."""
    if len(points) < 8:
        return None
    a = np.c_[2.0 * points[:, 0], 2.0 * points[:, 1], np.ones(len(points))]
    b = (points ** 2).sum(axis=1)
    (cx, cy, c), *_ = np.linalg.lstsq(a, b, rcond=None)
    r2 = c + cx * cx + cy * cy
    return (float(cx), float(cy), math.sqrt(r2)) if r2 > 0 else None


def _circle_of(blob: np.ndarray) -> tuple[float, float, float, float] | None:
    """The circle a blob's outline mostly lies on, and the share of the outline that does."""
    contours, _ = cv2.findContours(blob, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    points = max(contours, key=len)[:, 0, :].astype(float)
    fit = _fit_circle(points)
    for tolerance in (0.4, 0.3, 0.2, 0.15):
        # refit on the points near the circle, closer each time: a tick running out is not the ring
        if fit is None:
            return None
        cx, cy, r = fit
        near = np.abs(np.hypot(points[:, 0] - cx, points[:, 1] - cy) - r) < max(2.0, tolerance * r)
        fit = _fit_circle(points[near])
    if fit is None:
        return None
    cx, cy, r = fit
    share = float((np.abs(np.hypot(points[:, 0] - cx, points[:, 1] - cy) - r) < max(2.0, 0.12 * r)).mean())
    return cx, cy, r, share


def _radial(blob: np.ndarray, cx: float, cy: float, r: float) -> np.ndarray:
    """Ink along rays from the centre: rows are angles, columns radial steps (0.3 to 1.3 radii)."""
    xs = np.rint(cx + np.outer(np.cos(_ANGLES), _STEPS) * r).astype(int)
    ys = np.rint(cy + np.outer(np.sin(_ANGLES), _STEPS) * r).astype(int)
    inside = (xs >= 0) & (ys >= 0) & (xs < blob.shape[1]) & (ys < blob.shape[0])
    rays = np.zeros(xs.shape, bool)
    rays[inside] = blob[ys[inside], xs[inside]] > 0
    return rays


def _is_bubble(blob: np.ndarray, lo: int, hi: int) -> tuple[float, float, float, bool] | None:
    """The circle (centre, radius) if the blob is a bubble, and whether something is written in it."""
    circle = _circle_of(blob)
    if circle is None:
        return None
    cx, cy, r, share = circle
    if not (lo <= 2 * r <= hi) or share < 0.55:
        return None
    rays = _radial(blob, cx, cy, r)
    ring = (_STEPS >= 0.8) & (_STEPS <= 1.15)
    if rays[:, ring].any(axis=1).mean() < 0.92:
        return None  # ink does not run all the way round
    if rays[_DIAGONALS][:, (_STEPS >= 1.12) & (_STEPS <= 1.3)].any(axis=1).sum() >= 3:
        return None  # ink out at the corners: a square box (a tick runs out at one corner at most)
    if rays[:, _STEPS <= 0.55].mean() >= 0.15:
        return cx, cy, r, True
    # nothing written inside: a printed ring, round and thin for its size
    wall = rays[:, (_STEPS >= 0.6) & (_STEPS <= 1.25)].sum(axis=1) * (_STEPS[1] - _STEPS[0])
    ys, xs = np.nonzero(blob)
    round_ = 0.85 <= (xs.max() - xs.min() + 1) / (ys.max() - ys.min() + 1) <= 1.18
    if share < 0.8 or not round_ or float(np.median(wall)) > _THIN_RING:
        return None
    return cx, cy, r, False


def _letter_beside(labels: np.ndarray, own: int, cx: float, cy: float, r: float) -> bool:
    """Other ink just left or right of the ring, level with its middle: the next letter of a word
    ("OLN" of LINCOLN), where a bubble has at least a space before its answer."""
    near, reach = int(cx + r + 2), int(cx + r + 2 + 0.25 * r)
    far, back = int(cx - r - 2 - 0.25 * r), int(cx - r - 2)
    top, bottom = max(0, int(cy - 0.35 * r)), int(cy + 0.35 * r) + 1
    for x0, x1 in ((near, reach), (far, back)):
        strip = labels[top:bottom, max(0, x0) : max(0, x1 + 1)]
        if np.any((strip > 0) & (strip != own)):
            return True
    return False


def find_round_bubbles(ink: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
    """Round answer bubbles in an ink mask (``uint8``, ink 255), as (x, y, width, height) of the circle.

    Rules touching a bubble should be removed from ``ink`` first.
    """
    lo, hi = max(8, int(_SMALLEST * dpi)), max(12, int(_LARGEST * dpi))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    empty: list[tuple[int, int, float]] = []
    marked: list[tuple[int, int, float]] = []
    for k in range(1, count):
        x, y, w, h = (int(v) for v in stats[k, :4])
        if not (lo <= w <= 1.7 * hi and lo <= h <= 1.7 * hi):
            continue
        blob = np.where(labels[y : y + h, x : x + w] == k, 255, 0).astype(np.uint8)
        bubble = _is_bubble(blob, lo, hi)
        if bubble is not None:
            cx, cy, r, written = bubble
            if _letter_beside(labels, k, x + cx, y + cy, r):
                continue
            (marked if written else empty).append((x + int(round(cx - r)), y + int(round(cy - r)), r))
    # a question offers two answers or more, and not all of them are marked: a marked bubble has the
    # size of empty ones on its page (a bold round letter of a title is no bubble)
    if not empty:
        return []
    sizes = [r for _, _, r in empty]
    marked = [m for m in marked if any(abs(m[2] - r) <= 0.15 * r for r in sizes)]
    found = [(x, y, int(round(2 * r)), int(round(2 * r))) for x, y, r in empty + marked]
    return found if len(found) >= 2 else []
