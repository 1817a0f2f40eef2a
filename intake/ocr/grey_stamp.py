"""Finding a rubber stamp's ink on a grey scan, where its colour is gone.

A red RECEIVED stamp scanned in grey turns mid-grey: lighter than toner or
ballpoint, darker than paper or a form's shaded bars. Its strokes are thick
(the stamp's frame, big capitals), while the only mid-grey pixels black print
has are the one or two anti-aliased pixels along its stroke edges. So: the
paper is normalised to white, the mid-grey tone band kept, and an opening with
a disc wider than those edges leaves the stamp, a large blob of strokes.

``stamp_layer`` then draws one stamp region as black on white for OCR: the
stamp's own pixels, with the print (darker than the stamp) left out, except
where print cuts a stamp stroke (the letter would read broken).
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

__all__ = [
    "StampTone",
    "Region",
    "normalise_paper",
    "stamp_tone_mask",
    "grey_stamp_regions",
    "stamp_layer",
    "GreyStamp",
    "find_grey_stamp",
    "stamp_pixels",
]

Region = tuple[int, int, int, int]  # x, y, width, height in page pixels


@dataclass(frozen=True)
class StampTone:
    """The grey band stamp ink falls in, on a page whose paper is 255.

    Red ink converts to about 80-110 in a grey scan (luminance weights red by
    0.3), a half-inked rubber stamp to ~170; toner and blue/black ballpoint are
    below ~55; a form's shaded bars and the scanner's background are above ~195.
    """

    darkest: int = 60
    lightest: int = 188


def normalise_paper(grey: np.ndarray, dpi: int) -> np.ndarray:
    """The page divided by its paper (a closing wider than any stroke): paper 255, tones comparable anywhere."""
    scale = 0.25
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    # wider than a stamp's capital stroke (~1/20 inch), so the stamp is not taken for paper
    size = max(3, int(dpi * scale / 6) | 1)
    paper = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    paper = cv2.medianBlur(paper, 5)
    paper = cv2.resize(paper, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    return cv2.divide(grey, np.maximum(paper, 1), scale=255)


def _disc(size: int) -> np.ndarray:
    return cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))


def _edge_width(dpi: int) -> int:
    # anti-aliasing and scanner blur spread a print edge over ~1/100 inch; a stamp stroke is ~4x that
    return max(3, round(dpi / 60) | 1)


def stamp_tone_mask(normalised: np.ndarray, dpi: int, tone: StampTone = StampTone()) -> np.ndarray:
    """255 where a thick mid-grey stroke is (stamp ink), 0 elsewhere."""
    band = ((normalised >= tone.darkest) & (normalised <= tone.lightest)).astype(np.uint8) * 255
    return cv2.morphologyEx(band, cv2.MORPH_OPEN, _disc(_edge_width(dpi)))


def _without_specks(mask: np.ndarray, dpi: int) -> np.ndarray:
    """Only the pieces of ``mask`` as big as a stamp's letter: what survives of print is specks."""
    count, labels, stats, _ = cv2.connectedComponentsWithStats(mask, connectivity=8)
    # a 3 mm capital with a 0.4 mm stroke covers ~0.004 square inch; print leftovers are a tenth of that
    keep = np.zeros(count, dtype=bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= 0.004 * dpi * dpi
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def grey_stamp_regions(mask: np.ndarray, dpi: int, *, limit: int = 2) -> list[Region]:
    """The largest stamp-like blobs of ``mask``, most ink first.

    A stamp is made of letter-sized pieces of ink, at least ~0.8 x 0.3 inch
    and at most ~5 inches across, holds as much ink as a few bold 14-point
    words, is not solid (a shaded block is) and is not cut by the page edge
    (scanner shadows are mid-grey too).
    """
    height, width = mask.shape[:2]
    letters = _without_specks(mask, dpi)
    size = max(3, int(dpi / 5) | 1)  # joins a stamp's letters, lines and frame, up to ~1/5 inch apart
    joined = cv2.morphologyEx(letters, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    found: list[tuple[int, Region]] = []
    for i in range(1, count):
        x, y, w, h = (int(v) for v in stats[i, :4])
        if not (0.8 * dpi <= max(w, h) <= 5 * dpi and min(w, h) >= 0.3 * dpi):
            continue
        if x == 0 or y == 0 or x + w >= width or y + h >= height:
            continue
        ink = int(np.count_nonzero(letters[y : y + h, x : x + w][labels[y : y + h, x : x + w] == i]))
        if ink < 0.04 * dpi * dpi or ink > 0.6 * w * h:
            continue
        found.append((ink, (x, y, w, h)))
    found.sort(key=lambda item: item[0], reverse=True)
    return [region for _, region in found[:limit]]


def _stroke_width(mask: np.ndarray) -> float:
    """The stamp's stroke width in pixels: twice the distance from a stroke's middle to its edge."""
    distance = cv2.distanceTransform((mask > 0).astype(np.uint8), cv2.DIST_L2, 5)
    inside = distance[distance > 0]
    return 2.0 * float(np.percentile(inside, 90)) if inside.size else 0.0


def _as_thick_as(band: np.ndarray, stroke: float, dpi: int) -> np.ndarray:
    """The parts of ``band`` whose strokes are about as thick as the stamp's (``stroke`` pixels).

    Print and pen leave mid-grey strokes too (blurred edges, a grey ballpoint, a thin scan); the
    stamp's strokes are thicker, so an opening with a disc scaled to them keeps the stamp alone
    (a colon's dot, about one stroke wide, survives).
    """
    opening = max(_edge_width(dpi), int(0.6 * stroke) | 1)
    return cv2.morphologyEx(band, cv2.MORPH_OPEN, _disc(opening))


#: The least stamp ink, in squared stroke widths, one piece of the stamp's strokes holds.
_LEAST_STROKE_RUN = 1.5


def _without_dots(strokes: np.ndarray, stroke: float) -> np.ndarray:
    """``strokes`` without pieces smaller than a short run of stamp stroke.

    Blurred print (small label type on a grey 200 dpi scan) is mid-grey all over, and where its
    letters close up (the loop of an "e", a junction) a blob survives the opening that keeps the
    stamp: a dot about one stroke across. A stamp's strokes run on for several widths.
    """
    count, labels, stats, _ = cv2.connectedComponentsWithStats(strokes, connectivity=8)
    keep = np.zeros(count, dtype=bool)
    keep[1:] = stats[1:, cv2.CC_STAT_AREA] >= _LEAST_STROKE_RUN * stroke * stroke
    return np.where(keep[labels], 255, 0).astype(np.uint8)


def stamp_layer(normalised: np.ndarray, mask: np.ndarray, dpi: int, tone: StampTone = StampTone()) -> np.ndarray:
    """One crop's stamp alone, black on white: print darker than the stamp is whitened unless it cuts a stroke."""
    edge = _edge_width(dpi)
    band = ((normalised >= tone.darkest) & (normalised <= tone.lightest)).astype(np.uint8) * 255
    stroke = _stroke_width(mask)
    strokes = _as_thick_as(band, stroke, dpi)
    # the openings shaved the strokes' own soft edges: give them back, but only where they are stamp tone
    grown = cv2.dilate(strokes, _disc(edge)) > 0
    ink = grown & (normalised >= tone.darkest) & (normalised <= tone.lightest + 20)
    # print crossing a stamp stroke leaves a dark gap in it about as wide as a bold pen stroke
    bridge = max(3, round(dpi / 40) | 1, int(stroke) | 1)
    bridged = cv2.morphologyEx(strokes, cv2.MORPH_CLOSE, _disc(bridge)) > 0
    cut = bridged & (normalised < tone.darkest)
    layer = np.full(normalised.shape, 255, dtype=np.uint8)
    layer[ink | cut] = 0
    return layer



@dataclass(frozen=True)
class GreyStamp:
    """What was found of a stamp on one grey page: the paper-normalised page, the stamp-tone mask and
    the stamp regions. Found once per page; the OCR input and the stamp reader both use it."""

    normalised: np.ndarray
    mask: np.ndarray
    regions: list[Region]
    dpi: int


def find_grey_stamp(grey: np.ndarray, dpi: int, tone: StampTone = StampTone()) -> GreyStamp:
    normalised = normalise_paper(grey, dpi)
    mask = stamp_tone_mask(normalised, dpi, tone)
    return GreyStamp(normalised, mask, grey_stamp_regions(mask, dpi), dpi)


def stamp_pixels(found: GreyStamp, tone: StampTone = StampTone()) -> np.ndarray | None:
    """255 where the stamp's ink is, inside its regions; None when no stamp was found.

    For the page's OCR input: whitening these pixels takes the stamp off the form without taking
    the print under it, which is darker than the stamp and stays (the grey twin of separating red
    ink on a colour scan).
    """
    if not found.regions:
        return None
    out = np.zeros(found.mask.shape, dtype=np.uint8)
    for x, y, w, h in found.regions:
        # Only strokes as thick as the stamp's own, grown back by their soft edge: thin print and a
        # grey pen's writing near the stamp are joined to its region but are not its ink (taking
        # them would erase the labels and values the stamp lies on).
        mask = found.mask[y : y + h, x : x + w]
        stroke = _stroke_width(mask)
        strokes = _without_dots(_as_thick_as(mask, stroke, found.dpi), stroke)
        grown = cv2.dilate(strokes, _disc(_edge_width(found.dpi))) > 0
        local = found.normalised[y : y + h, x : x + w]
        out[y : y + h, x : x + w][grown & (local >= tone.darkest)] = 255
    return out
