"""Ink in a value area and narrow re-reads of one strip (real Tesseract)."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from intake.config import Settings
from intake.ocr.page_text import Box
from intake.ocr.reread import ALPHABETS, ink_marks, reread_strip

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
AREA = Box(left=40, top=20, width=600, height=80)


def _strip(text: str = "", underline: bool = True) -> np.ndarray:
    image = Image.new("L", (700, 140), 255)
    draw = ImageDraw.Draw(image)
    if text:
        draw.text((60, 35), text, font=ImageFont.truetype(FONT, 42), fill=0)
    if underline:
        draw.line([(40, 92), (640, 92)], fill=0, width=3)
    return np.asarray(image)


def test_an_underline_alone_is_no_ink() -> None:
    """A blank field's printed underline and scan specks count as no writing."""
    image = _strip().copy()
    image[50, 300] = 0  # a speck
    assert ink_marks(image, AREA, 300) == 0


def test_written_letters_are_ink() -> None:
    """Each written letter in the area counts as a mark."""
    assert ink_marks(_strip("ABC"), AREA, 300) == 3


def test_digit_alphabet_answers_digits_only() -> None:
    """A ZIP code whose O a writer made round still reads as five digits, nothing else."""
    reading = reread_strip(_strip("544O1"), AREA, Settings(), dpi=300, alphabet=ALPHABETS["digits"])
    assert reading is not None and reading.text.isdigit() and len(reading.text) == 5


def test_date_alphabet_reads_a_date_on_its_line() -> None:
    """A date on an underline reads as printed."""
    reading = reread_strip(_strip("02/20/1943"), AREA, Settings(), dpi=300, alphabet=ALPHABETS["date"])
    assert reading is not None and reading.text == "02/20/1943"


def test_blank_strip_reads_as_nothing() -> None:
    """An empty underline gives no reading at all."""
    assert reread_strip(_strip(), AREA, Settings(), dpi=300, alphabet=ALPHABETS["date"]) is None


def test_blank_paper_grain_is_no_ink() -> None:
    """A blank field on a grey scan: paper grain and shading (no stroke near ink-dark) are no writing."""
    rng = np.random.default_rng(7)
    paper = np.clip(rng.normal(232, 6, (140, 700)) + np.linspace(-12, 12, 700), 0, 255).astype(np.uint8)
    assert ink_marks(paper, AREA, 300) == 0
    written = paper.copy()
    written[np.asarray(_strip("ABC", underline=False)) < 128] = 60
    assert ink_marks(written, AREA, 300) == 3


def test_a_letter_in_a_lone_box_is_writing_and_reads() -> None:
    """A middle initial's single box with "H" in it: on a page a lone box's inside is a tick to erase, but in
    a field's strip it is a one-character comb, so its letter counts as ink and reads; an empty box is no ink."""
    image = Image.new("L", (700, 140), 255)
    draw = ImageDraw.Draw(image)
    draw.rectangle((300, 25, 360, 100), outline=0, width=3)
    empty = np.asarray(image).copy()
    draw.text((315, 38), "H", font=ImageFont.truetype(FONT, 42), fill=0)
    boxed = np.asarray(image)
    assert ink_marks(empty, AREA, 300) == 0
    assert ink_marks(boxed, AREA, 300) == 1
    reading = reread_strip(boxed, AREA, Settings(), dpi=300, alphabet=ALPHABETS["initial"])
    assert reading is not None and reading.text.startswith("H")


def _comb_strip(chars: str, cell: int = 56) -> np.ndarray:
    image = Image.new("L", (160 + cell * len(chars), 160), 255)
    draw = ImageDraw.Draw(image)
    for k, ch in enumerate(chars):
        x = 60 + k * cell
        draw.rectangle((x, 40, x + cell, 115), outline=0, width=3)
        draw.text((x + 14, 52), ch, font=ImageFont.truetype(FONT, 40), fill=0)
    return np.asarray(image)


def test_a_medicare_comb_reads_box_by_box_with_what_each_position_may_hold() -> None:
    """An eleven-box comb read one box at a time: each box with its position's characters (C A AN N A AN N A A N
    N), so an O written in a digit's box reads 0 and a 0 in a letter-only box cannot be read as a digit."""
    from intake.ocr.reread import MBI_CLASSES, read_comb

    strip = _comb_strip("1VK2QA1RM64")
    reading = read_comb(strip, Box(left=70, top=50, width=600, height=50), Settings(), dpi=300, classes=MBI_CLASSES)
    assert reading is not None and reading.text == "1VK2QA1RM64"
    lookalike = _comb_strip("1VKOQA1RM64")  # a letter O in the fourth box, which holds a digit
    reading = read_comb(lookalike, Box(left=70, top=50, width=600, height=50), Settings(), dpi=300, classes=MBI_CLASSES)
    assert reading is not None and reading.text == "1VK0QA1RM64"
    # a comb of another length is no Medicare number's
    assert read_comb(_comb_strip("WAUSAU"), Box(left=70, top=50, width=300, height=50), Settings(), dpi=300,
                     classes=MBI_CLASSES) is None


MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"  # its zero has a dot in it


def _date_combs(groups: tuple[str, ...], cell: int = 56, font: str = FONT) -> np.ndarray:
    """Groups of comb boxes side by side with a printed slash between them ("MM / DD / YYYY")."""
    image = Image.new("L", (200 + cell * sum(len(g) + 1 for g in groups), 160), 255)
    draw = ImageDraw.Draw(image)
    x = 60
    for n, group in enumerate(groups):
        for k, ch in enumerate(group):
            draw.rectangle((x + k * cell, 40, x + (k + 1) * cell, 115), outline=0, width=3)
            draw.text((x + k * cell + 14, 52), ch, font=ImageFont.truetype(font, 40), fill=0)
        x += len(group) * cell
        if n < len(groups) - 1:
            draw.text((x + 14, 52), "/", font=ImageFont.truetype(FONT, 40), fill=0)
            x += cell
    return np.asarray(image)


def test_a_row_of_short_combs_reads_box_by_box_joined_by_the_fields_separator() -> None:
    """A date in three combs (2, 2 and 4 boxes) read one box at a time with digits only; a dotted zero, which
    Tesseract reads as nothing alone, reads once the dot inside its ring is taken out."""
    from intake.ocr.reread import read_comb_row

    strip = _date_combs(("05", "18", "1938"))
    area = Box(left=60, top=50, width=strip.shape[1] - 120, height=50)
    reading = read_comb_row(strip, area, Settings(), dpi=300, characters="0123456789", separator="/")
    assert reading is not None and reading.text == "05/18/1938"
    dotted = _date_combs(("10", "01", "2026"), font=MONO)
    reading = read_comb_row(dotted, area, Settings(), dpi=300, characters="0123456789", separator="/")
    assert reading is not None and reading.text == "10/01/2026"
    # plain writing with no boxes round it is no comb row
    assert read_comb_row(_strip("05/18/1938"), AREA, Settings(), dpi=300, characters="0123456789", separator="/") is None


def test_only_the_ink_inside_a_zeros_ring_goes_not_an_eights_waist() -> None:
    from intake.ocr.reread import _without_inner_dot

    def glyph(ch: str) -> np.ndarray:
        image = Image.new("L", (120, 140), 255)
        ImageDraw.Draw(image).text((30, 20), ch, font=ImageFont.truetype(MONO, 80), fill=0)
        return np.asarray(image)

    zero, eight = glyph("0"), glyph("8")
    cleaned = _without_inner_dot(zero)
    assert (cleaned < 128).sum() < (zero < 128).sum()  # the dot is gone, the ring stays
    assert (cleaned < 128).sum() > 0.7 * (zero < 128).sum()
    assert (_without_inner_dot(eight) < 128).sum() == (eight < 128).sum()
