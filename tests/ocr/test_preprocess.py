"""Each preprocessing step on its own, on synthetic pages."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from intake.ocr.page import Page
from intake.ocr.preprocess import (
    binarize,
    deskew,
    despeckle,
    estimate_skew,
    rotate_quarter,
    separate_red_ink,
    upscale,
)
from tests.ocr.synth import add_red_stamp, rotate, speckle, text_page


@pytest.fixture(scope="module")
def page150() -> np.ndarray:
    return text_page(150)


@pytest.mark.parametrize("angle", [-10.0, -4.5, -1.2, 0.0, 2.0, 5.0, 9.0])
def test_skew_is_estimated_within_a_fifth_of_a_degree(page150: np.ndarray, angle: float) -> None:
    """Text tilted by up to +-10 degrees: the estimate is within 0.2 degree."""
    assert abs(estimate_skew(rotate(page150, angle)) - angle) <= 0.2


def test_deskew_straightens_the_page(page150: np.ndarray) -> None:
    """After deskew by the estimate, no tilt is left."""
    tilted = rotate(page150, 5.0)
    straight = deskew(tilted, estimate_skew(tilted))
    assert straight.shape == tilted.shape and abs(estimate_skew(straight)) <= 0.2


def test_blank_page_has_no_skew() -> None:
    """A page without ink is left straight."""
    assert estimate_skew(np.full((1000, 800), 255, np.uint8)) == 0.0


def test_rotate_quarter_turns_clockwise() -> None:
    """90 degrees clockwise moves the top-left mark to the top-right; 360 is identity."""
    image = np.full((300, 200), 255, np.uint8)
    image[:50, :50] = 0
    turned = rotate_quarter(image, 90)
    assert turned.shape == (200, 300) and turned[:50, -50:].max() == 0
    assert rotate_quarter(image, 360) is image and rotate_quarter(image, 180)[-50:, -50:].max() == 0


def test_despeckle_removes_dots_but_keeps_print(page150: np.ndarray) -> None:
    """Single-pixel noise goes; every printed mark (periods included) stays."""
    noisy = speckle(page150, count=2000)
    cleaned = despeckle(noisy, 150)
    ink_before = np.count_nonzero(page150 < 140)
    assert np.count_nonzero(cleaned < 140) >= 0.99 * ink_before
    assert np.count_nonzero((cleaned < 140) & (page150 >= 140)) < 0.05 * np.count_nonzero((noisy < 140) & (page150 >= 140))


def test_binarize_handles_shaded_grey_scans(page150: np.ndarray) -> None:
    """A scan darkening to one side comes out black text on clean white paper."""
    shade = np.linspace(0.45, 1.0, page150.shape[1])[None, :]
    shaded = (page150.astype(np.float32) * shade).astype(np.uint8)
    binary = binarize(shaded, 150)
    assert set(np.unique(binary)) <= {0, 255}
    text_mask = page150 < 128
    assert np.mean(binary[~text_mask] == 255) > 0.995  # the dark side's paper is white again
    assert np.mean(binary[text_mask] == 0) > 0.9


def test_red_ink_is_separated_from_the_black_print(page150: np.ndarray) -> None:
    """The red layer holds the stamp only; the black layer keeps print (also under the stamp) without red."""
    stamped = add_red_stamp(page150, 150, at=(0.6, 0.7))  # over the first lines of text
    ink = separate_red_ink(stamped)
    print_mask = page150 < 100
    red_only = (stamped[:, :, 2].astype(int) - stamped[:, :, 1] > 100) & ~print_mask
    assert ink.red_pixels > 1000
    assert np.mean(ink.black[red_only] > 200) > 0.98  # red removed from the black layer
    assert np.mean(ink.black[print_mask] < 100) > 0.97  # black print kept, even under the stamp
    assert np.mean(ink.red[red_only] < 128) > 0.95 and np.mean(ink.red[print_mask & ~red_only] > 200) > 0.95


def test_upscale_brings_fax_to_the_target_dpi() -> None:
    """204 dpi goes to 300 dpi (sizes scaled); 300 dpi is left alone."""
    image = np.full((2200, 1728), 255, np.uint8)
    bigger, dpi = upscale(image, 204, 300)
    assert dpi == 300 and bigger.shape == (round(2200 * 300 / 204), round(1728 * 300 / 204))
    same, dpi = upscale(image, 300, 300)
    assert same is image and dpi == 300


def test_debug_images_are_written_per_step(tmp_path: Path, settings, page150: np.ndarray) -> None:
    """With debug_images_dir set, every step's image is written as page-N-step.png."""
    from intake.ocr.recognize import prepare_page
    from intake.ocr.preprocess import DebugImages

    settings = settings.model_copy(update={"debug_images_dir": tmp_path / "debug"})
    page = Page(number=2, image=add_red_stamp(speckle(rotate(page150, 3)), 150), dpi=150, origin="image")
    prepare_page(page, settings, DebugImages(settings.debug_images_dir, 2))
    names = sorted(p.name for p in (tmp_path / "debug").iterdir())
    assert names == sorted(
        f"page-2-{step}.png"
        for step in ("input", "black", "red", "deskewed", "despeckled", "upscaled", "binarized", "lines-removed")
    )
    assert cv2.imread(str(tmp_path / "debug" / "page-2-binarized.png"), cv2.IMREAD_GRAYSCALE).shape == (3300, 2550)


def test_each_step_can_be_switched_off(settings, page150: np.ndarray) -> None:
    """With every preprocess_* flag off the page goes to OCR as read (grey, same size)."""
    from intake.ocr.preprocess import DebugImages
    from intake.ocr.recognize import prepare_page

    off = {k: False for k in type(settings).model_fields if k.startswith("preprocess_")}
    page = Page(number=1, image=add_red_stamp(rotate(page150, 3), 150), dpi=150, origin="image")
    prepared = prepare_page(page, settings.model_copy(update=off), DebugImages(None, 1))
    assert prepared.red is None and prepared.dpi == 150
    assert np.array_equal(prepared.ocr_input, cv2.cvtColor(page.image, cv2.COLOR_BGR2GRAY))
