"""Reading a red ink stamp (mailroom "RECEIVED <date>") apart from the print under it.

The red layer from ``preprocess.separate_red_ink`` holds only the stamp. Each
red region is cropped, its tilt estimated (stamps are put on by hand: up to
about 20 degrees either way), turned upright and read as a block. Word boxes
are mapped back into the page image's pixel space, so review crops line up.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from intake.config import Settings
from intake.ocr.page_text import Box, PageText, Word
from intake.ocr.preprocess import estimate_skew
from intake.ocr.tesseract import ocr_image

__all__ = ["stamp_regions", "read_stamp"]

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


def read_stamp(
    red: np.ndarray, settings: Settings, *, page: int, dpi: int, timeout: float, rotation: int = 0
) -> PageText | None:
    """Words of the red stamp(s), boxes in ``red``'s pixel space; None when the page has no red words."""
    regions = stamp_regions(red, dpi)
    if not regions:
        return None
    words: list[Word] = []
    margin = int(dpi / 10)
    height, width = red.shape[:2]
    line_base = 0
    for x, y, w, h in regions:
        x0, y0 = max(0, x - margin), max(0, y - margin)
        x1, y1 = min(width, x + w + margin), min(height, y + h + margin)
        turned, matrix, _ = _upright(red[y0:y1, x0:x1])
        text = ocr_image(turned, settings, page=page, dpi=dpi, timeout=timeout, psm=6)
        inverse = cv2.invertAffineTransform(matrix)
        for word in text.words:
            if not any(ch.isalnum() for ch in word.text):
                continue  # the stamp's frame read as '|' or '_'
            box = _box_back(word.box, inverse, x0, y0, (width, height))
            words.append(Word(text=word.text, box=box, conf=word.conf, line=line_base + word.line))
        line_base += 1 + max((w.line for w in text.words), default=0)
    if not words:
        return None
    return PageText(page=page, width=width, height=height, dpi=dpi, source="ocr", words=tuple(words), rotation=rotation)
