"""Every page gets a usable DPI and square pixels."""

from __future__ import annotations

import numpy as np

from intake.ocr.resolution import Resolution, resolve_dpi, to_square_pixels


def test_stated_plausible_dpi_is_kept() -> None:
    """A file's own plausible DPI is used as is, not flagged as assumed."""
    assert resolve_dpi(2550, 3300, 300, 300, 200) == Resolution(300.0, 300.0, False)


def test_fax_width_without_dpi_implies_204_and_normal_lines() -> None:
    """1728 px wide without resolution: 204 dpi across, 98 lines/inch when the page is squat."""
    res = resolve_dpi(1728, 1078, None, None, 200)
    assert (res.x, res.y, res.assumed) == (204.0, 98.0, True)
    fine = resolve_dpi(1728, 2156, 0, 0, 200)
    assert (fine.x, fine.y, fine.assumed) == (204.0, 196.0, True)


def test_missing_dpi_on_a_page_shaped_image_is_inferred_from_width() -> None:
    """A letter-shaped 2550 px scan with no DPI is taken as 300 dpi, flagged assumed."""
    res = resolve_dpi(2550, 3300, None, None, 200)
    assert (res.x, res.assumed) == (300.0, True)


def test_implausible_dpi_falls_back_to_the_setting() -> None:
    """A 1 dpi or 72000 dpi claim on an odd-shaped image gets settings.assumed_dpi."""
    assert resolve_dpi(1000, 500, 1, 1, 240) == Resolution(240.0, 240.0, True)
    assert resolve_dpi(1000, 500, 72000, 72000, 240) == Resolution(240.0, 240.0, True)


def test_normal_fax_resolution_is_stretched_to_square_pixels() -> None:
    """204 x 98 dpi doubles (x 204/98) the height; 204 x 196 stays as it is."""
    image = np.full((1078, 1728), 255, np.uint8)
    stretched, dpi = to_square_pixels(image, Resolution(204, 98))
    assert stretched.shape == (round(1078 * 204 / 98), 1728) and dpi == 204
    same, dpi = to_square_pixels(image, Resolution(204, 196))
    assert same is image and dpi == 204
