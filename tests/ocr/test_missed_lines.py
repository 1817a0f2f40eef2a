"""Ink the page reading left without words is read again at half scale (real Tesseract)."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from intake.config import Settings
from intake.ocr.missed_lines import read_missed_lines
from intake.ocr.page_text import Box, PageText, Word

pytestmark = pytest.mark.ocr

SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
MONO_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"


def _page(scribble: bool = False) -> tuple[np.ndarray, PageText]:
    """A 300 dpi strip: printed words the first reading found, and a large written date it missed."""
    image = Image.new("L", (2400, 700), 255)
    draw = ImageDraw.Draw(image)
    small = ImageFont.truetype(SANS, 34)
    words = []
    for n, (x, text) in enumerate([(100, "Signed"), (260, "by"), (330, "the"), (420, "applicant")]):
        draw.text((x, 60), text, font=small, fill=0)
        width = int(draw.textlength(text, font=small))
        words.append(Word(text=text, box=Box(left=x, top=66, width=width, height=34), conf=0.96, line=0))
    draw.text((1300, 300), "08/20/2026", font=ImageFont.truetype(MONO_BOLD, 60), fill=0)
    array = np.asarray(image).copy()
    if scribble:
        pts = [(int(150 + 9 * t + 25 * math.sin(t / 2)), int(330 + 40 * math.sin(t / 1.3))) for t in range(90)]
        cv2.polylines(array, [np.array(pts, np.int32)], False, 0, 5)
    text = PageText(page=1, width=2400, height=700, dpi=300, source="ocr", words=tuple(words))
    return array, text


def test_a_line_the_page_reading_missed_is_read_at_its_place() -> None:
    image, text = _page()
    more = read_missed_lines(image, text, Settings(), page=1, dpi=300, timeout=30)
    added = [w for w in more.words if w not in text.words]
    assert [w.text for w in added] == ["08/20/2026"]
    box = added[0].box
    assert abs(box.left - 1300) < 40 and abs(box.top - 310) < 40 and box.height > 30


def test_a_signature_stays_ink_not_words() -> None:
    """A pen scribble reads, if at all, as low-confidence scraps: it is not turned into words (the
    signature check measures it as ink)."""
    image, text = _page(scribble=True)
    more = read_missed_lines(image, text, Settings(), page=1, dpi=300, timeout=30)
    assert all(w.box.left > 1000 for w in more.words if w not in text.words)
