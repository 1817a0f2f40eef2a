"""The Tesseract runner: TSV parsing, missing program, timeouts, and real words with boxes."""

from __future__ import annotations

import numpy as np
import pytest

from intake.errors import OcrTimeout, OcrUnavailable
from intake.ocr.tesseract import detect_orientation, ocr_image, parse_tsv
from tests.ocr.synth import text_page

# Recorded `tesseract ... tsv` output (header, a block row, two words on one line, one on the next)
TSV = (
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
    "1\t1\t0\t0\t0\t0\t0\t0\t2550\t3300\t-1\t\n"
    "2\t1\t1\t0\t0\t0\t240\t240\t900\t120\t-1\t\n"
    "5\t1\t1\t1\t1\t1\t240\t240\t300\t46\t96.5\tMedicare\n"
    "5\t1\t1\t1\t1\t2\t560\t240\t200\t46\t91.0\tnumber:\n"
    "5\t1\t1\t1\t1\t3\t780\t240\t10\t46\t95.0\t \n"
    "5\t1\t1\t1\t2\t1\t240\t320\t400\t46\t62.25\t1EG4-TE5-MK73\n"
)


def test_tsv_words_become_page_text_with_lines_and_confidence() -> None:
    """Level-5 rows become words (conf 0..1, boxes as given), grouped by line; blanks skipped."""
    text = parse_tsv(TSV, page=1, width=2550, height=3300, dpi=300)
    assert [w.text for w in text.words] == ["Medicare", "number:", "1EG4-TE5-MK73"]
    assert [w.line for w in text.words] == [0, 0, 1]
    assert text.words[2].conf == pytest.approx(0.6225) and text.words[0].box.left == 240
    assert text.text == "Medicare number:\n1EG4-TE5-MK73" and text.source == "ocr"


def test_missing_tesseract_is_ocr_unavailable(settings) -> None:
    """A tesseract_cmd that does not exist raises ocr_unavailable (retryable, exit 69)."""
    broken = settings.model_copy(update={"tesseract_cmd": "/nonexistent/tesseract"})
    with pytest.raises(OcrUnavailable) as info:
        ocr_image(np.full((50, 50), 255, np.uint8), broken, page=1, dpi=300, timeout=5)
    assert info.value.exit_code == 69 and info.value.retryable


def test_slow_page_times_out_instead_of_hanging(settings) -> None:
    """A per-page timeout far below the OCR time raises ocr_timeout."""
    with pytest.raises(OcrTimeout) as info:
        ocr_image(text_page(300), settings, page=1, dpi=300, timeout=0.05)
    assert info.value.code == "ocr_timeout"


@pytest.mark.ocr
def test_real_ocr_returns_words_with_boxes_on_the_ink(settings) -> None:
    """Tesseract reads a synthetic line; each word's box covers dark pixels of the image."""
    image = text_page(300, lines=("Medicare number 1EG4-TE5-MK73", "Wausau WI 54401"))
    text = ocr_image(image, settings, page=1, dpi=300, timeout=30)
    assert text.text.split() == ["Medicare", "number", "1EG4-TE5-MK73", "Wausau", "WI", "54401"]
    for word in text.words:
        assert 0.5 < word.conf <= 1.0
        assert image[word.box.top : word.box.bottom, word.box.left : word.box.right].min() < 100


@pytest.mark.ocr
def test_orientation_detection_says_how_to_turn_the_page(settings) -> None:
    """OSD on an upside-down page says rotate 180; on a blank page it has no opinion."""
    found = detect_orientation(np.rot90(text_page(200), 2).copy(), settings, dpi=200, timeout=30)
    assert found is not None and found.rotate == 180
    assert detect_orientation(np.full((800, 600), 255, np.uint8), settings, dpi=200, timeout=30) is None
