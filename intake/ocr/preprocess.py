"""Image preprocessing before OCR (OpenCV), one named function per step.

Steps, each switchable by a ``settings.preprocess_*`` flag:

- ``separate_red_ink``  red stamp layer apart from the black print (colour scans)
- ``rotate_quarter``    page orientation 0/90/180/270 (the angle comes from OSD)
- ``estimate_skew`` / ``deskew``  small rotation, up to +-10 degrees
- ``despeckle``         isolated dots smaller than print (fax and scanner noise)
- ``upscale``           low-resolution pages (fax 204 dpi) to ``settings.target_dpi``
- ``binarize``          adaptive: background normalisation, then Otsu
- form lines removed    rules, comb separators and checkboxes (``intake.ocr.lines``)

Images are ``uint8`` numpy arrays: grey (H, W) or BGR (H, W, 3); ink is dark.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

__all__ = [
    "RedInk",
    "DebugImages",
    "to_grey",
    "separate_red_ink",
    "rotate_quarter",
    "estimate_skew",
    "deskew",
    "despeckle",
    "upscale",
    "binarize",
]

log = logging.getLogger(__name__)

_SKEW_WORK_WIDTH = 1000  # skew is estimated on a copy this wide: plenty for 0.1 degree


def to_grey(image: np.ndarray) -> np.ndarray:
    """Grey version of a grey or BGR image."""
    return image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)


@dataclass(frozen=True)
class RedInk:
    """A colour page split in two: the print without red ink, and the red ink alone (both grey)."""

    black: np.ndarray
    red: np.ndarray
    red_pixels: int  # pixels of clearly red ink


def separate_red_ink(bgr: np.ndarray, dpi: int = 300) -> RedInk:
    """Split red ink (e.g. a RECEIVED stamp) from the black print it overlaps.

    Red is measured as how much the red channel exceeds the others, so pink
    anti-aliased edges count too. Dark pixels are print even inside the stamp
    (black toner under red ink stays dark), so they stay in the black layer.
    """
    b, g, r = (bgr[:, :, i].astype(np.int16) for i in range(3))
    redness = r - np.maximum(g, b)  # 0 for grey/black, ~150+ for stamp ink
    brightness = r
    strong = (redness > 70) & (brightness > 110)
    loose = (redness > 35) & (brightness > 90)
    grey = cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    black = grey.copy()
    black[loose] = 255
    red = np.full(grey.shape, 255, dtype=np.uint8)
    # darker where redder: a grey image of the stamp alone, black on white
    red_level = np.clip(255 - (redness - 20) * 2, 0, 255).astype(np.uint8)
    red[loose] = red_level[loose]
    # Print crossing the stamp cuts its letters (NOV reads NCY): dark pixels in a
    # gap of the red ink no wider than a pen stroke are taken as stamp too.
    size = max(3, round(dpi / 50) | 1)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    bridged = cv2.morphologyEx(strong.astype(np.uint8), cv2.MORPH_CLOSE, kernel).astype(bool)
    holes = bridged & ~loose & (grey < 128)
    red[holes] = 0
    return RedInk(black=black, red=red, red_pixels=int(strong.sum()))


def rotate_quarter(image: np.ndarray, clockwise: int) -> np.ndarray:
    """Turn the image clockwise by 0, 90, 180 or 270 degrees."""
    turns = {0: None, 90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    code = turns[clockwise % 360]
    return image if code is None else cv2.rotate(image, code)


def _ink_points(grey: np.ndarray, work_width: int) -> tuple[np.ndarray, np.ndarray]:
    scale = min(1.0, work_width / grey.shape[1])
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA) if scale < 1 else grey
    _, ink = cv2.threshold(small, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    ys, xs = np.nonzero(ink)
    return xs.astype(np.float64), ys.astype(np.float64)


def _profile_score(xs: np.ndarray, ys: np.ndarray, degrees: float) -> float:
    theta = math.radians(degrees)
    rows = ys * math.cos(theta) - xs * math.sin(theta)
    hist = np.bincount((rows - rows.min()).astype(np.int64))
    return float(np.dot(hist, hist))


def estimate_skew(grey: np.ndarray, max_angle: float = 10.0, *, work_width: int = _SKEW_WORK_WIDTH) -> float:
    """Degrees the text lines are tilted (positive = counter-clockwise), within +-``max_angle``.

    Projection profiles: rotated to the right angle, text lines give the
    sharpest row histogram. Coarse 0.5 degree search, then 0.1 degree.
    """
    xs, ys = _ink_points(grey, work_width)
    if xs.size < 200:  # a blank page has no skew worth a guess
        return 0.0
    if xs.size > 400_000:
        keep = np.random.default_rng(0).choice(xs.size, 400_000, replace=False)
        xs, ys = xs[keep], ys[keep]
    coarse = np.arange(-max_angle, max_angle + 0.001, 0.5)
    best = max(coarse, key=lambda a: _profile_score(xs, ys, a))
    fine = np.arange(best - 0.5, best + 0.501, 0.1)
    best = max(fine, key=lambda a: _profile_score(xs, ys, a))
    # The profile is flat when the page has no lines: keep it straight
    if _profile_score(xs, ys, best) < 1.02 * _profile_score(xs, ys, 0.0):
        return 0.0
    return -float(round(best, 2))


def deskew(image: np.ndarray, angle: float) -> np.ndarray:
    """Rotate by ``-angle`` degrees (undoing a tilt of ``angle``) on a white background, same size."""
    if abs(angle) < 0.05:
        return image
    height, width = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((width / 2, height / 2), -angle, 1.0)
    border = (255, 255, 255) if image.ndim == 3 else 255
    return cv2.warpAffine(
        image, matrix, (width, height), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_CONSTANT, borderValue=border
    )


def despeckle(grey: np.ndarray, dpi: int) -> np.ndarray:
    """Whiten isolated dark dots smaller than any printed mark (a period is larger)."""
    _, ink = cv2.threshold(grey, 140, 255, cv2.THRESH_BINARY_INV)
    count, labels, stats, _ = cv2.connectedComponentsWithStats(ink, connectivity=8)
    # a 1/100 inch square: 4 px at 200 dpi, 9 px at 300; a printed period is 3x larger
    max_area = max(2, round((dpi / 100.0) ** 2))
    small = np.zeros(count, dtype=bool)
    small[1:] = stats[1:, cv2.CC_STAT_AREA] <= max_area
    if not small.any():
        return grey
    out = grey.copy()
    out[small[labels]] = 255
    return out


def upscale(image: np.ndarray, dpi: int, target_dpi: int) -> tuple[np.ndarray, int]:
    """Enlarge a low-resolution page to ``target_dpi`` (Tesseract reads ~20 px x-height best)."""
    if dpi >= 0.9 * target_dpi:
        return image, dpi
    factor = target_dpi / dpi
    enlarged = cv2.resize(image, None, fx=factor, fy=factor, interpolation=cv2.INTER_CUBIC)
    return enlarged, target_dpi


def binarize(grey: np.ndarray, dpi: int) -> np.ndarray:
    """Black text on white: divide out the paper's shading (uneven light, colour), then Otsu."""
    # background = the page without its ink: a closing wider than any stroke, on a small copy
    scale = 0.25
    small = cv2.resize(grey, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    size = max(3, int(dpi * scale / 8) | 1)  # ~1/8 inch
    background = cv2.morphologyEx(small, cv2.MORPH_CLOSE, cv2.getStructuringElement(cv2.MORPH_RECT, (size, size)))
    background = cv2.medianBlur(background, 5)
    background = cv2.resize(background, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    normalised = cv2.divide(grey, np.maximum(background, 1), scale=255)
    _, binary = cv2.threshold(normalised, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return binary


class DebugImages:
    """Writes every intermediate image as ``page-N-step.png`` when a folder is configured."""

    def __init__(self, folder: Path | None, page: int) -> None:
        self.folder, self.page = folder, page
        if folder is not None:
            folder.mkdir(parents=True, exist_ok=True)

    def write(self, step: str, image: np.ndarray | None) -> None:
        if self.folder is None or image is None:
            return
        cv2.imwrite(str(self.folder / f"page-{self.page}-{step}.png"), image)
