"""TIFF faxes: every CCITT variant decodes to the same page, tags and resolution are kept."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from intake.errors import CorruptFile, LimitExceeded
from intake.ocr.reader import read_file
from tests.ocr.synth import save_tiff, text_page, to_fax_normal


@pytest.fixture(scope="module")
def fax_page() -> np.ndarray:
    """A 1728 px wide bilevel fax page at normal resolution (204 x 98)."""
    page = to_fax_normal(text_page(300))
    page[:40, :300] = 0  # a black block: an inverted decode could not pass for right
    return page


def _strip_bytes(path: Path) -> bytes:
    with Image.open(path) as image:
        offset, count = image.tag_v2[273][0], image.tag_v2[279][0]
    return path.read_bytes()[offset : offset + count]


@pytest.mark.parametrize("compression", ["tiff_ccitt", "group3", "group4"])
@pytest.mark.parametrize("fill_order", [1, 2])
@pytest.mark.parametrize("min_is_white", [True, False])
def test_ccitt_variants_decode_to_the_original_pixels(
    tmp_path: Path, settings, fax_page: np.ndarray, compression: str, fill_order: int, min_is_white: bool
) -> None:
    """MH/G3/G4 x FillOrder 1/2 x min-is-white/black all read as the same page, stretched to square."""
    path = save_tiff(tmp_path / "fax.tif", [fax_page], compression=compression,
                     fill_order=fill_order, min_is_white=min_is_white)
    with Image.open(path) as image:  # the file really is the variant under test
        expected_code = {"tiff_ccitt": 2, "group3": 3, "group4": 4}[compression]
        assert (image.tag_v2[259], image.tag_v2.get(266, 1), image.tag_v2[262]) == (
            expected_code, fill_order, 0 if min_is_white else 1,
        )
    read = read_file(path, settings)
    page = read.pages[0]
    assert read.kind == "tiff" and page.origin == "tiff" and page.dpi == 204 and not page.dpi_assumed
    assert page.image.shape == (round(fax_page.shape[0] * 204 / 98), 1728)
    squashed = page.image[np.round(np.arange(fax_page.shape[0]) * 204 / 98).astype(int)]
    assert np.mean(np.abs(squashed.astype(int) - fax_page.astype(int)) > 128) < 0.002
    assert page.image[5, 5] < 50 and page.image[5, 1000] > 200  # black block stays black, paper white


def test_fill_order_2_stores_bit_reversed_strips(tmp_path: Path, fax_page: np.ndarray) -> None:
    """The FillOrder=2 file differs from FillOrder=1 only by bit order (so the test above is meaningful)."""
    one = _strip_bytes(save_tiff(tmp_path / "f1.tif", [fax_page], compression="group4", fill_order=1))
    two = _strip_bytes(save_tiff(tmp_path / "f2.tif", [fax_page], compression="group4", fill_order=2))
    reverse = bytes(int(f"{b:08b}"[::-1], 2) for b in range(256))
    assert one != two and one.translate(reverse) == two


@pytest.mark.skipif(shutil.which("tiffcp") is None, reason="libtiff-tools (tiffcp) not installed")
@pytest.mark.parametrize("codec", ["g3", "g3:2d", "g4"])
def test_files_written_by_libtiff_tools_read_the_same(tmp_path: Path, settings, fax_page, codec: str) -> None:
    """tiffcp -c g3/g3:2d/g4 -f lsb2msb output reads identically to the source fax."""
    source = save_tiff(tmp_path / "src.tif", [fax_page], compression="group4")
    target = tmp_path / "out.tif"
    subprocess.run(["tiffcp", "-c", codec, "-f", "lsb2msb", str(source), str(target)], check=True)
    assert np.array_equal(read_file(target, settings).pages[0].image, read_file(source, settings).pages[0].image)


def test_first_page_tags_are_kept_for_the_receipt(tmp_path: Path, settings, fax_page: np.ndarray) -> None:
    """ImageDescription, Software, DateTime and HylaFAX's 34908-34911 land in metadata['tiff_tags']."""
    tags = {
        270: ("7155550100", 2),
        305: ("HylaFAX (tm) Version 7.0.7", 2),
        306: ("2026:11:30 23:41:07", 2),
        34908: (11, 4),
        34909: ("0042", 2),
        34910: (41, 4),
        34911: ("1,5,2,2,0,0,0,0", 2),
    }
    path = save_tiff(tmp_path / "fax000000042.tif", [fax_page, fax_page], tags=tags)
    read = read_file(path, settings)
    assert len(read.pages) == 2 and [p.number for p in read.pages] == [1, 2]
    got = read.metadata["tiff_tags"]
    assert got[270] == "7155550100" and got[306] == "2026:11:30 23:41:07" and got[305].startswith("HylaFAX")
    assert got[34908] == 11 and got[34909] == "0042" and got[34910] == 41 and got[34911] == "1,5,2,2,0,0,0,0"


def test_fax_without_resolution_tags_is_assumed_normal(tmp_path: Path, settings, fax_page: np.ndarray) -> None:
    """No XResolution/YResolution: 204 dpi from the 1728 width, squat page => 98 lines, flagged."""
    path = tmp_path / "nodpi.tif"
    Image.fromarray(fax_page).convert("1").save(path, compression="group4")
    page = read_file(path, settings).pages[0]
    assert page.dpi_assumed and page.dpi == 204
    assert page.image.shape[0] == round(fax_page.shape[0] * 204 / 98)


def test_corrupt_strip_is_a_corrupt_file(tmp_path: Path, settings, fax_page: np.ndarray) -> None:
    """Garbage inside the CCITT strip raises corrupt_file instead of passing a half-blank page."""
    path = save_tiff(tmp_path / "fax.tif", [fax_page], compression="group4")
    with Image.open(path) as image:
        offset, count = image.tag_v2[273][0], image.tag_v2[279][0]
    data = bytearray(path.read_bytes())
    data[offset + 10 : offset + count - 10] = np.random.default_rng(3).integers(0, 256, count - 20, np.uint8).tobytes()
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptFile) as info:
        read_file(path, settings)
    assert info.value.code == "corrupt_file"


def test_truncated_tiff_is_a_corrupt_file(tmp_path: Path, settings, fax_page: np.ndarray) -> None:
    """A TIFF cut off mid-file raises corrupt_file."""
    path = save_tiff(tmp_path / "fax.tif", [fax_page, fax_page], compression="group4")
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    with pytest.raises(CorruptFile):
        read_file(path, settings)


def test_too_many_tiff_pages_is_refused_before_decoding(tmp_path: Path, settings, fax_page: np.ndarray) -> None:
    """More frames than settings.max_pages raises too_many_pages."""
    path = save_tiff(tmp_path / "fax.tif", [fax_page] * 3, compression="group4")
    with pytest.raises(LimitExceeded) as info:
        read_file(path, settings.model_copy(update={"max_pages": 2}))
    assert info.value.code == "too_many_pages"
