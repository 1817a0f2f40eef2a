"""Resolution of a page image: a usable DPI for every page, and square pixels.

Fax "normal" resolution is 204 x 98 dpi: each scan line stands for twice the
height of a pixel's width, so the image must be stretched vertically before
OCR or every letter is squashed. A missing or implausible DPI never fails a
document: a value is assumed (fax widths imply 204 dpi) and flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

__all__ = ["Resolution", "resolve_dpi", "to_square_pixels", "FAX_WIDTHS", "FAX_DPI"]

FAX_DPI = 204
# ITU-T T.4 scan-line widths at 204 dpi (A4/Letter, B4, A3)
FAX_WIDTHS = frozenset({1728, 2048, 2432})
_PLAUSIBLE = (50.0, 1600.0)
_SQUARE_TOLERANCE = 1.1  # 204 x 196 ("fine") is treated as square


@dataclass(frozen=True)
class Resolution:
    x: float
    y: float
    assumed: bool = False


def _plausible(value: float | None) -> bool:
    return value is not None and _PLAUSIBLE[0] <= value <= _PLAUSIBLE[1]


def resolve_dpi(width: int, height: int, x: float | None, y: float | None, assumed_dpi: int) -> Resolution:
    """A usable resolution for an image of ``width`` x ``height`` pixels given what its file says."""
    if _plausible(x) and _plausible(y):
        return Resolution(float(x), float(y))  # type: ignore[arg-type]
    if width in FAX_WIDTHS:
        # A fax without usable resolution tags: the width fixes 204 dpi across;
        # a page much wider than tall (in pixels) was sent at "normal" 98 lines/inch.
        fy = float(y) if _plausible(y) else (98.0 if height < 0.9 * width else 196.0)
        return Resolution(float(FAX_DPI), fy, assumed=True)
    if _plausible(x):
        return Resolution(float(x), float(x), assumed=True)  # type: ignore[arg-type]
    if _plausible(y):
        return Resolution(float(y), float(y), assumed=True)  # type: ignore[arg-type]
    # Shaped like a Letter/A4 page (portrait or landscape)? Then its width in pixels over
    # 8.5 inches is a better guess than a fixed value (a 2550 px wide scan is 300 dpi).
    short, long = sorted((width, height))
    if short and 1.25 <= long / short <= 1.45:
        guess = round(short / 8.5)
        if 150 <= guess <= 600:
            return Resolution(float(guess), float(guess), assumed=True)
    return Resolution(float(assumed_dpi), float(assumed_dpi), assumed=True)


def to_square_pixels(image: np.ndarray, res: Resolution) -> tuple[np.ndarray, int]:
    """Stretch the lower-resolution axis so both axes have the higher DPI; returns (image, dpi)."""
    x, y = res.x, res.y
    if y * _SQUARE_TOLERANCE < x:
        height = round(image.shape[0] * x / y)
        image = cv2.resize(image, (image.shape[1], height), interpolation=cv2.INTER_LINEAR)
        return image, round(x)
    if x * _SQUARE_TOLERANCE < y:
        width = round(image.shape[1] * y / x)
        image = cv2.resize(image, (width, image.shape[0]), interpolation=cv2.INTER_LINEAR)
        return image, round(y)
    return image, round(max(x, y))
