"""Reading the mailroom's RECEIVED stamp apart from the print under it.

On a colour scan the red layer from ``preprocess.separate_red_ink`` holds
only the stamp (``read_stamp``). On a grey scan the stamp's colour is gone, but
its tone is not: ``grey_stamp`` finds its thick mid-grey strokes and draws
them apart from the darker print (``read_grey_stamp``). Either way each stamp
region is cropped, its tilt estimated (stamps are put on by hand: up to about
20 degrees either way), turned upright and read as a block. Word boxes are
mapped back into the page image's pixel space, so review crops line up.
``find_page_stamp`` picks the path for a page.
"""

from __future__ import annotations

import logging
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import cv2
import numpy as np

from intake.config import Settings
from intake.ocr.grey_stamp import GreyStamp, Region, find_grey_stamp, stamp_layer
from intake.ocr.page_text import Box, PageText, Word
from intake.ocr.preprocess import estimate_skew
from intake.ocr.tesseract import ocr_image

__all__ = [
    "SECOND_READINGS", "StampReading", "doubtful", "find_page_stamp", "ink_lines", "stamp_regions", "read_stamp",
    "read_grey_stamp",
]

log = logging.getLogger(__name__)

MAX_STAMP_TILT = 25.0
MAX_REGIONS = 3


def stamp_regions(red: np.ndarray, dpi: int) -> list[tuple[int, int, int, int]]:
    """Bounding boxes (x, y, w, h) of the largest red regions big enough to hold words."""
    ink = (red < 200).astype(np.uint8) * 255
    # letters of a stamp are a few mm apart: a closing of ~1/6 inch joins them into one region
    size = max(3, int(dpi / 6) | 1)
    joined = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    count, _, stats, _ = cv2.connectedComponentsWithStats(joined, connectivity=8)
    min_side = dpi / 5  # a stamp word is at least ~5 mm tall/wide
    regions = [
        tuple(int(v) for v in stats[i, :4])
        for i in range(1, count)
        if stats[i, cv2.CC_STAT_WIDTH] >= min_side and stats[i, cv2.CC_STAT_HEIGHT] >= dpi / 12
    ]
    regions.sort(key=lambda r: r[2] * r[3], reverse=True)
    kept: list[tuple[int, int, int, int]] = []
    for region in regions:
        # the words inside a stamp's frame are a region of their own: the frame's region covers them
        if not any(_overlap(region, outer) >= 0.8 * region[2] * region[3] for outer in kept):
            kept.append(region)  # type: ignore[arg-type]
    return kept[:MAX_REGIONS]


def _overlap(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> int:
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    return max(0, width) * max(0, height)


def _upright(crop: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """The crop turned upright on a canvas big enough for it, the affine used, and the angle."""
    angle = estimate_skew(crop, MAX_STAMP_TILT, work_width=max(200, min(crop.shape[1], 800)))
    height, width = crop.shape[:2]
    theta = math.radians(abs(angle))
    new_w = int(width * math.cos(theta) + height * math.sin(theta)) + 2
    new_h = int(width * math.sin(theta) + height * math.cos(theta)) + 2
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    matrix[0, 2] += new_w / 2 - width / 2
    matrix[1, 2] += new_h / 2 - height / 2
    turned = cv2.warpAffine(crop, matrix, (new_w, new_h), flags=cv2.INTER_LINEAR, borderValue=255)
    return turned, matrix, angle


def _box_back(box: Box, inverse: np.ndarray, dx: int, dy: int, limit: tuple[int, int]) -> Box:
    corners = np.array(
        [[box.left, box.top, 1], [box.right, box.top, 1], [box.left, box.bottom, 1], [box.right, box.bottom, 1]],
        dtype=np.float64,
    )
    mapped = corners @ inverse.T
    left = max(0, int(mapped[:, 0].min()) + dx)
    top = max(0, int(mapped[:, 1].min()) + dy)
    right = min(limit[0], int(math.ceil(mapped[:, 0].max())) + dx)
    bottom = min(limit[1], int(math.ceil(mapped[:, 1].max())) + dy)
    return Box(left=left, top=top, width=max(1, right - left), height=max(1, bottom - top))


@dataclass(frozen=True)
class _Variant:
    """One way of reading an upright stamp crop: its scale, a softening blur, Tesseract's page segmentation."""

    scale: float = 1.0
    blur: bool = False
    psm: int = 6

    def prepare(self, turned: np.ndarray, dpi: int) -> tuple[np.ndarray, int]:
        image = turned
        if self.blur:
            # print crossing a stroke leaves ragged notches; a slight blur closes the thinnest
            image = cv2.GaussianBlur(image, (3, 3), 0)
        if self.scale != 1.0:
            image = cv2.resize(image, None, fx=self.scale, fy=self.scale, interpolation=cv2.INTER_CUBIC)
        return image, round(dpi * self.scale)


_FIRST_READING = _Variant()
#: Readings made only when the first is doubtful. Each misreads a different damaged glyph, so the
#: parser can vote: 1.5x (Tesseract segments broken digits better when larger), blurred, and sparse
#: text (psm 11 reads each line on its own, so one damaged line does not spoil the block's layout).
SECOND_READINGS = (_Variant(scale=1.5), _Variant(blur=True), _Variant(psm=11))
#: A stamp word read below this confidence (or a date with no four-digit year) makes the reading doubtful.
DOUBTFUL_CONF = 0.9
_YEAR_LIKE = re.compile(r"(?<![0-9])[0-9]{4}(?![0-9])")


def doubtful(text: PageText) -> bool:
    """Whether a stamp reading should be checked by reading again: a weak word, or no year printed."""
    if any(any(ch.isalnum() for ch in w.text) and w.conf < DOUBTFUL_CONF for w in text.words):
        return True
    return _YEAR_LIKE.search(text.text) is None


def ink_lines(turned: np.ndarray, dpi: int) -> list[tuple[int, int]]:
    """The rows (top, bottom) of an upright stamp crop that hold a line of letters.

    A row belongs to a line when ink covers a few per cent of it (the frame's two
    sides alone do not); gaps thinner than a pen stroke (print crossing the stamp
    cut it) are bridged; bands thinner than a letter (the frame's top and bottom) are not lines.
    """
    counts = np.count_nonzero(turned < 128, axis=1)
    inked = counts > 0.04 * turned.shape[1]
    bridge = max(1, dpi // 25)
    lines: list[tuple[int, int]] = []
    start = None
    gap = 0
    for y, on in enumerate(inked):
        if on:
            start = y if start is None else start
            gap = 0
        elif start is not None:
            gap += 1
            if gap > bridge:
                lines.append((start, y - gap))
                start, gap = None, 0
    if start is not None:
        lines.append((start, len(inked) - 1 - gap))
    return [(top, bottom) for top, bottom in lines if bottom - top + 1 >= dpi / 12]


def _unread_line(turned: np.ndarray, dpi: int, words: Iterable[Word]) -> bool:
    """Whether a line of ink between two read lines got no word (print may wipe a whole line's reading).

    Only inner lines count: the last line often touches the frame and is dropped
    by Tesseract, and it is the stamp's name, not its date or time.
    """
    spans = [(w.box.top, w.box.bottom) for w in words if any(ch.isalnum() for ch in w.text)]
    read = [any(top < b and a < bottom for a, b in spans) for top, bottom in ink_lines(turned, dpi)]
    first, last = (read.index(True), len(read) - 1 - read[::-1].index(True)) if any(read) else (0, -1)
    return not all(read[first : last + 1])


@dataclass(frozen=True)
class _Turned:
    image: np.ndarray
    inverse: np.ndarray  # upright crop pixels -> crop pixels
    x0: int
    y0: int


def _turn(crops: Iterable[tuple[np.ndarray, int, int]]) -> list[_Turned]:
    out = []
    for crop, x0, y0 in crops:
        turned, matrix, _ = _upright(crop)
        out.append(_Turned(turned, cv2.invertAffineTransform(matrix), x0, y0))
    return out


def _read_regions(
    turned: list[_Turned], variant: _Variant, settings: Settings, *, page: int, dpi: int, timeout: float,
    size: tuple[int, int], rotation: int,
) -> tuple[PageText | None, bool]:
    """OCR each upright crop as one block: words with boxes back in page space, and whether a line went unread."""
    width, height = size
    words: list[Word] = []
    line_base = 0
    unread = False
    for crop in turned:
        image, read_dpi = variant.prepare(crop.image, dpi)
        text = ocr_image(image, settings, page=page, dpi=read_dpi, timeout=timeout, psm=variant.psm)
        if variant.scale == 1.0:
            unread = unread or _unread_line(crop.image, dpi, text.words)
        for word in text.words:
            if not any(ch.isalnum() for ch in word.text):
                continue  # the stamp's frame read as '|' or '_'
            box = _unscale(word.box, variant.scale)
            box = _box_back(box, crop.inverse, crop.x0, crop.y0, (width, height))
            words.append(Word(text=word.text, box=box, conf=word.conf, line=line_base + word.line))
        line_base += 1 + max((w.line for w in text.words), default=0)
    if not words:
        return None, unread
    text = PageText(page=page, width=width, height=height, dpi=dpi, source="ocr", words=tuple(words), rotation=rotation)
    return text, unread


def _unscale(box: Box, scale: float) -> Box:
    if scale == 1.0:
        return box
    return Box(
        left=int(box.left / scale), top=int(box.top / scale),
        width=max(1, round(box.width / scale)), height=max(1, round(box.height / scale)),
    )


@dataclass(frozen=True)
class _Readings:
    first: PageText
    alternates: tuple[PageText, ...]


def _read_stamp_crops(
    crops: list[tuple[np.ndarray, int, int]], settings: Settings, *, page: int, dpi: int, timeout: float,
    size: tuple[int, int], rotation: int,
) -> _Readings | None:
    """The first reading of the stamp crops, and the second readings when the first is doubtful."""
    if not crops:
        return None
    turned = _turn(crops)
    kw = dict(page=page, dpi=dpi, timeout=timeout, size=size, rotation=rotation)
    first, unread = _read_regions(turned, _FIRST_READING, settings, **kw)  # type: ignore[arg-type]
    if first is None:
        return None
    if not unread and not doubtful(first):
        return _Readings(first, ())
    alternates = []
    for variant in SECOND_READINGS:
        text, _ = _read_regions(turned, variant, settings, **kw)  # type: ignore[arg-type]
        if text is not None:
            alternates.append(text)
    log.debug("page %d: doubtful stamp reading, %d second readings", page, len(alternates))
    return _Readings(first, tuple(alternates))


def _with_margin(region: Region, margin: int, size: tuple[int, int]) -> tuple[int, int, int, int]:
    x, y, w, h = region
    return max(0, x - margin), max(0, y - margin), min(size[0], x + w + margin), min(size[1], y + h + margin)


def read_stamp(
    red: np.ndarray, settings: Settings, *, page: int, dpi: int, timeout: float, rotation: int = 0
) -> PageText | None:
    """Words of the red stamp(s), boxes in ``red``'s pixel space; None when the page has no red words."""
    readings = _red_readings(red, settings, page=page, dpi=dpi, timeout=timeout, rotation=rotation)
    return readings.first if readings is not None else None


def _red_readings(
    red: np.ndarray, settings: Settings, *, page: int, dpi: int, timeout: float, rotation: int = 0
) -> _Readings | None:
    size = (red.shape[1], red.shape[0])
    crops = []
    for region in stamp_regions(red, dpi):
        x0, y0, x1, y1 = _with_margin(region, int(dpi / 10), size)
        crops.append((red[y0:y1, x0:x1], x0, y0))
    return _read_stamp_crops(crops, settings, page=page, dpi=dpi, timeout=timeout, size=size, rotation=rotation)


def read_grey_stamp(
    grey: np.ndarray, settings: Settings, *, page: int, dpi: int, timeout: float, rotation: int = 0
) -> PageText | None:
    """Words of a stamp on a grey page, told from the print by its mid-grey tone; None when there is none."""
    readings = _grey_readings(grey, settings, page=page, dpi=dpi, timeout=timeout, rotation=rotation)
    return readings.first if readings is not None else None


def _grey_readings(
    grey: np.ndarray, settings: Settings, *, page: int, dpi: int, timeout: float, rotation: int = 0,
    found: GreyStamp | None = None,
) -> _Readings | None:
    found = found or find_grey_stamp(grey, dpi)
    normalised, mask = found.normalised, found.mask
    size = (grey.shape[1], grey.shape[0])
    crops = []
    for region in found.regions:
        x0, y0, x1, y1 = _with_margin(region, int(dpi / 10), size)
        crops.append((stamp_layer(normalised[y0:y1, x0:x1], mask[y0:y1, x0:x1], dpi), x0, y0))
    return _read_stamp_crops(crops, settings, page=page, dpi=dpi, timeout=timeout, size=size, rotation=rotation)


@dataclass(frozen=True)
class StampReading:
    """The words of a page's stamp, the ink they were told apart by, and any second readings."""

    text: PageText
    ink: Literal["red", "grey"]
    alternates: tuple[PageText, ...] = ()


def find_page_stamp(
    grey: np.ndarray, red: np.ndarray | None, settings: Settings, *, page: int, dpi: int, timeout: float,
    rotation: int = 0, grey_stamp: GreyStamp | None = None,
) -> StampReading | None:
    """The stamp of one prepared page: from its red layer when the scan kept colour, else by tone on grey
    (``grey_stamp``: what ``find_grey_stamp`` already found on this page, to not look twice).

    When the first reading is doubtful (``doubtful``), or a line of the stamp's ink got
    no word (``ink_lines``), the crops are read again in
    the ``SECOND_READINGS`` ways, kept as ``alternates`` for the parser to vote on.
    """
    kw = dict(page=page, dpi=dpi, timeout=timeout, rotation=rotation)
    if red is not None:
        readings = _red_readings(red, settings, **kw)  # type: ignore[arg-type]
        ink: Literal["red", "grey"] = "red"
    else:
        readings = _grey_readings(grey, settings, found=grey_stamp, **kw)  # type: ignore[arg-type]
        ink = "grey"
    if readings is None:
        return None
    return StampReading(readings.first, ink, readings.alternates)
