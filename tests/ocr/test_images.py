"""JPEG, PNG and netpbm pages: orientation, colour, resolution, limits."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image

from intake.errors import LimitExceeded
from intake.ocr.reader import read_file
from tests.ocr.synth import add_red_stamp, jpeg_bytes, text_page


def _marked(height: int = 600, width: int = 400) -> np.ndarray:
    """A grey image with a black square in its top-left corner (shows orientation)."""
    image = np.full((height, width), 255, np.uint8)
    image[20:120, 20:120] = 0
    return image


@pytest.mark.parametrize(
    ("orientation", "stored"),
    [
        (1, lambda a: a),
        (3, lambda a: cv2.rotate(a, cv2.ROTATE_180)),
        (6, lambda a: cv2.rotate(a, cv2.ROTATE_90_COUNTERCLOCKWISE)),
        (8, lambda a: cv2.rotate(a, cv2.ROTATE_90_CLOCKWISE)),
    ],
)
def test_jpeg_exif_orientation_is_applied(tmp_path: Path, settings, orientation: int, stored) -> None:
    """A phone photo stored turned, with EXIF Orientation, reads upright (mark back at top-left)."""
    path = tmp_path / "photo.jpg"
    path.write_bytes(jpeg_bytes(np.ascontiguousarray(stored(_marked())), orientation=orientation))
    page = read_file(path, settings).pages[0]
    assert page.image.shape == (600, 400)
    assert page.image[60, 60] < 60 and page.image[500, 300] > 200


def test_colour_scan_stays_colour_and_grey_scan_turns_grey(tmp_path: Path, settings) -> None:
    """BGR is kept only when the scan has real colour (a red stamp); a grey RGB scan becomes grey."""
    grey = text_page(100)
    cv2.imwrite(str(tmp_path / "grey.png"), cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR))
    cv2.imwrite(str(tmp_path / "stamp.png"), add_red_stamp(grey, 100))
    assert read_file(tmp_path / "grey.png", settings).pages[0].image.ndim == 2
    colour = read_file(tmp_path / "stamp.png", settings).pages[0].image
    assert colour.ndim == 3 and colour.shape[2] == 3


def test_png_dpi_is_read_and_pbm_gets_an_assumed_one(tmp_path: Path, settings) -> None:
    """PNG pHYs DPI is used; a PBM (no DPI field) is flagged dpi_assumed."""
    Image.fromarray(_marked()).save(tmp_path / "a.png", dpi=(150, 150))
    Image.fromarray(_marked()).convert("1").save(tmp_path / "a.pbm")
    png = read_file(tmp_path / "a.png", settings)
    pbm = read_file(tmp_path / "a.pbm", settings)
    assert png.kind == "png" and png.pages[0].dpi == 150 and not png.pages[0].dpi_assumed
    assert pbm.kind == "pbm" and pbm.pages[0].dpi_assumed and pbm.pages[0].image[60, 60] == 0


def test_pixel_limit_is_checked_before_decoding(tmp_path: Path, settings) -> None:
    """An image over settings.max_page_pixels raises too_many_pixels."""
    Image.fromarray(_marked()).save(tmp_path / "a.png")
    with pytest.raises(LimitExceeded) as info:
        read_file(tmp_path / "a.png", settings.model_copy(update={"max_page_pixels": 1000}))
    assert info.value.code == "too_many_pixels"


def test_name_with_dotdot_and_non_ascii_reads_fine(tmp_path: Path, settings) -> None:
    """The path's name plays no part: '..' segments and non-ASCII characters read normally."""
    folder = tmp_path / "ünïcødé dir"
    folder.mkdir()
    path = folder / "..weird..name ☃ Ølsen.txt"
    path.write_bytes(jpeg_bytes(_marked()))
    read = read_file(tmp_path / "ünïcødé dir" / ".." / "ünïcødé dir" / path.name, settings)
    assert read.kind == "jpeg" and read.pages[0].image.shape == (600, 400)
