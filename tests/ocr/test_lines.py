"""Form-line removal: rules, comb separators and checkboxes go, text stays (synthetic form strips)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from intake.config import Settings
from intake.ocr.lines import find_form_lines, remove_form_lines
from intake.ocr.tesseract import ocr_image
from tests.ocr.synth import FONT, FONT_BOLD

DPI = 300


def _strip(width_in: float = 6.0, height_in: float = 0.6) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("L", (int(width_in * DPI), int(height_in * DPI)), 255)
    return image, ImageDraw.Draw(image)


def _font(points: float, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONT_BOLD if bold else FONT, round(points * DPI / 72))


def _ink(image: np.ndarray) -> np.ndarray:
    return image < 128


def _text_only(draw_text) -> tuple[np.ndarray, np.ndarray]:
    """The same strip drawn twice: with its form drawing, and with the text alone."""
    with_form, draw = _strip()
    draw_text(draw, True)
    text, draw = _strip()
    draw_text(draw, False)
    return np.asarray(with_form).copy(), np.asarray(text).copy()


def test_underline_and_cell_borders_go_and_the_value_written_through_them_stays() -> None:
    """An underline touching a value, a cell frame around it: drawing gone, letters whole."""

    def draw(d: ImageDraw.ImageDraw, form: bool) -> None:
        d.text((60, 40), "Last name: OLSON Py", font=_font(14), fill=0)
        if form:
            d.rectangle((20, 10, 1780, 170), outline=0, width=4)  # cell border
            d.line((500, 98, 1500, 98), fill=0, width=3)  # underline through the descenders of "Py"

    formed, text = _text_only(draw)
    cleaned = remove_form_lines(formed, DPI)
    leftover = _ink(cleaned) & ~_ink(text)
    assert leftover.sum() < 0.02 * _ink(formed & ~text.astype(bool)).sum() + 50
    assert (_ink(cleaned) & _ink(text)).sum() >= 0.97 * _ink(text).sum()


def test_dashed_underline_goes_but_a_dash_in_text_stays() -> None:
    """An underline drawn in dashes is a rule; the hyphens of a phone number are text."""

    def draw(d: ImageDraw.ImageDraw, form: bool) -> None:
        d.text((60, 30), "Phone 715-555-0142", font=_font(14), fill=0)
        if form:
            for x in range(900, 1700, 110):
                d.line((x, 110, x + 80, 110), fill=0, width=3)

    formed, text = _text_only(draw)
    cleaned = remove_form_lines(formed, DPI)
    assert _ink(cleaned)[100:120, 900:1700].sum() == 0
    assert (_ink(cleaned) & _ink(text)).sum() == _ink(text).sum()


def test_dashed_underline_among_paper_grain_goes_and_the_grain_is_no_rule() -> None:
    """A grainy scan is full of flat specks in every row: only the real dashed underline is taken.

    (Chaining every speck against every other one made a blank colour scan's OCR time out.)
    """
    rng = np.random.default_rng(7)
    formed, _ = _strip(8.0, 3.0)
    draw = ImageDraw.Draw(formed)
    for _ in range(2500):  # flat specks, a little shorter than a dash, everywhere
        x, y = int(rng.integers(0, 2350)), int(rng.integers(0, 880))
        draw.line((x, y, x + int(rng.integers(6, 14)), y), fill=0, width=1)
    for x in range(300, 1500, 110):
        draw.line((x, 450, x + 80, 450), fill=0, width=3)
    page = np.asarray(formed).copy()
    lines = find_form_lines(page, DPI)
    taken = lines.erase > 0
    assert taken[445:456, 300:1460].sum() >= 0.8 * 11 * 81 * 3  # the dashes (a speck may touch one)
    grain = taken.copy()
    grain[440:460, 290:1480] = False
    assert grain.sum() < 30  # a few pixels of a speck touching a dash, no rule made of grain


def test_comb_separators_go_and_the_characters_in_the_boxes_stay() -> None:
    """Eleven touching comb boxes holding one character each: only the characters remain."""
    chars = "1EG4TE5MK73"
    cell = 70

    def draw(d: ImageDraw.ImageDraw, form: bool) -> None:
        for i, ch in enumerate(chars):
            x = 100 + i * cell
            d.text((x + 18, 45), ch, font=_font(14), fill=0)
            if form:
                d.rectangle((x, 30, x + cell, 30 + 100), outline=0, width=3)

    formed, text = _text_only(draw)
    found = find_form_lines(formed, DPI)
    cleaned = remove_form_lines(formed, DPI)
    assert found.checkboxes == 0  # comb cells are never taken for checkboxes (their content stays)
    assert (_ink(cleaned) & ~_ink(text)).sum() < 100
    assert (_ink(cleaned) & _ink(text)).sum() >= 0.97 * _ink(text).sum()


def test_short_comb_groups_of_a_date_go_and_their_digits_and_slashes_stay() -> None:
    """"0 5 / 1 8 / 1 9 3 8": groups of two boxes are too short for a rule, yet their edges and walls are
    drawing; the digits in them and the slashes printed between the groups stay."""
    cell, top = 55, 40

    def draw(d: ImageDraw.ImageDraw, form: bool) -> None:
        x = 100
        for group, text in enumerate(("05", "18", "1938")):
            if group:
                d.text((x + 6, top + 12), "/", font=_font(14), fill=0)
                x += 30
            for k, ch in enumerate(text):
                d.text((x + k * cell + 14, top + 12), ch, font=_font(14), fill=0)
            if form:
                d.rectangle((x, top, x + cell * len(text), top + 75), outline=0, width=3)
                for k in range(1, len(text)):
                    d.line((x + k * cell, top, x + k * cell, top + 75), fill=0, width=3)
            x += cell * len(text)

    formed, text = _text_only(draw)
    cleaned = remove_form_lines(formed, DPI)
    assert (_ink(cleaned) & ~_ink(text)).sum() < 100
    assert (_ink(cleaned) & _ink(text)).sum() >= 0.95 * _ink(text).sum()


def test_checkbox_and_its_mark_go_and_round_letters_stay() -> None:
    """A ticked box beside "M" is erased with its tick; an O of the same size in "PO BOX" is kept."""

    def draw(d: ImageDraw.ImageDraw, form: bool) -> None:
        d.text((160, 40), "M", font=_font(14), fill=0)
        d.text((600, 40), "PO BOX (HMO)", font=_font(14, bold=True), fill=0)
        d.text((1150, 30), "O0DQ", font=_font(18), fill=0)
        d.text((1450, 30), "O0D", font=_font(20, bold=True), fill=0)
        if form:
            d.rectangle((60, 45, 105, 90), outline=0, width=3)
            d.line((68, 70, 80, 85, 112, 30), fill=0, width=4)  # a tick running past the border

    formed, text = _text_only(draw)
    found = find_form_lines(formed, DPI)
    cleaned = remove_form_lines(formed, DPI)
    assert found.checkboxes == 1
    assert _ink(cleaned)[:, :140].sum() == 0
    assert (_ink(cleaned) & _ink(text)).sum() == _ink(text).sum()


@pytest.mark.parametrize("font", ["DejaVuSansMono-Bold.ttf", "DejaVuSansMono-BoldOblique.ttf", "DejaVuSans-Bold.ttf"])
def test_bold_letters_with_square_holes_are_not_checkboxes(font: str) -> None:
    """Bold O, D and 0 in a value ("WOOD", "PO BOX 10") keep every stroke; no checkbox is found."""
    image, draw = _strip()
    big = ImageFont.truetype(f"/usr/share/fonts/truetype/dejavu/{font}", round(18 * DPI / 72))
    draw.text((60, 40), "WOOD  PO BOX 1000  DOD", font=big, fill=0)
    formed = np.asarray(image).copy()
    assert find_form_lines(formed, DPI).checkboxes == 0
    assert (remove_form_lines(formed, DPI) == formed).all()


def test_scanned_bold_oblique_o_is_not_a_checkbox() -> None:
    """A scanned bold oblique "WOOD" on a dashed underline: the underline goes, both O's stay."""
    scan = cv2.imread(str(Path(__file__).parent / "data" / "value-bold-oblique-wood-on-dashed-underline-300dpi.png"), 0)
    found = find_form_lines(scan, DPI)
    assert found.checkboxes == 0
    cleaned = remove_form_lines(scan, DPI)
    letters = _ink(scan)[:85]  # the word, above its underline
    assert (_ink(cleaned)[:85] & letters).sum() >= 0.98 * letters.sum()
    assert _ink(cleaned)[85:].sum() < 0.05 * _ink(scan)[85:].sum()


def test_filled_bar_is_not_a_rule() -> None:
    """A solid shaded bar (a section heading's background) is left alone."""
    image, draw = _strip()
    draw.rectangle((40, 40, 1600, 120), fill=0)
    formed = np.asarray(image).copy()
    assert (remove_form_lines(formed, DPI) == formed).all()


@pytest.mark.parametrize("letter", ["M", "F"])
def test_tesseract_reads_the_option_letter_once_the_box_is_gone(letter: str, settings: Settings) -> None:
    """Real Tesseract: "☒ M" reads as a word "M" after removal (before, box and letter merge into one word)."""
    image, draw = _strip(2.0, 0.5)
    draw.rectangle((40, 40, 80, 80), outline=0, width=3)
    draw.line((44, 44, 76, 76), fill=0, width=4)
    draw.line((76, 44, 44, 76), fill=0, width=4)
    draw.text((92, 34), letter, font=_font(12), fill=0)
    draw.text((300, 34), "Sex", font=_font(12), fill=0)
    page = cv2.copyMakeBorder(np.asarray(image), 60, 60, 60, 60, cv2.BORDER_CONSTANT, value=255)
    text = ocr_image(remove_form_lines(page, DPI), settings, page=1, dpi=DPI, timeout=30, psm=6)
    assert letter in [w.text for w in text.words]


MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf"


def test_dotted_leader_goes_and_the_label_its_periods_and_a_price_stay() -> None:
    """'Surname ......... KOWALSKI' in a typewriter font: the leader's dots go (Tesseract read them as words
    like 'wetter eens'); the label, the value, 'P.O.' and the point of '$0.00' (on the leader's beat too) stay."""
    mono = ImageFont.truetype(MONO, round(9 * DPI / 72))

    def draw(d: ImageDraw.ImageDraw, form: bool) -> None:
        leader = "." * 24 if form else " " * 24
        d.text((40, 30), f"1. Surname {leader} KOWALSKI  P.O. Box", font=mono, fill=0)
        d.text((40, 100), f"Plan {leader[:10]} $0.00 a month", font=mono, fill=0)

    formed, text = _text_only(draw)
    cleaned = remove_form_lines(formed, DPI)
    assert (_ink(cleaned) & _ink(text)).sum() == _ink(text).sum()  # every letter and point of the text stays
    assert (_ink(cleaned) & ~_ink(text)).sum() == 0  # every dot of the leaders is gone


def test_leader_with_dots_a_fax_dropped_still_goes() -> None:
    """At fax resolution some dots vanish: a leader with every third dot missing still goes, dot by dot."""
    image, draw = _strip()
    for k in range(30):
        if k % 3 != 2:
            x = 300 + 23 * k
            draw.ellipse((x, 100, x + 5, 108), fill=0)
    formed = np.asarray(image).copy()
    assert _ink(remove_form_lines(formed, DPI)).sum() == 0


def test_leader_dots_between_the_strokes_of_writing_over_it_go() -> None:
    """A phone number written over a leader ("6. Phone ....715 555 0149....."): the free dots between the digits go,
    and so does each dot the pen touched, cut out on the leader's beat (Tesseract read them as strokes: 555 became
    595). The writing above the dots stays whole."""
    image, draw = _strip()
    for k in range(30):
        x = 300 + 23 * k
        draw.ellipse((x, 100, x + 5, 108), fill=0)
    strokes = []
    for k in (12, 13, 15, 16, 18, 19, 20):  # "digits", each with its foot on a beat's dot
        x = 300 + 23 * k
        strokes.append((x + 1, 50, x + 4, 104))
        draw.rectangle(strokes[-1], fill=0)
    cleaned = remove_form_lines(np.asarray(image).copy(), DPI)
    for k in (14, 17):  # the dots between the digits
        x = 300 + 23 * k
        assert not _ink(cleaned[100:109, x : x + 6]).any()
    for left, top, right, bottom in strokes:
        assert _ink(cleaned[top:98, left : right + 1]).all()  # the digit
        assert not _ink(cleaned[105:109, left - 1 : right + 2]).any()  # the dot at its foot
    assert _ink(cleaned[100:109, 300 + 23 * 24 - 60 : 300 + 23 * 24 + 60]).sum() == 0  # the leader after it


def test_dots_off_the_beat_or_too_few_are_no_leader() -> None:
    """Three dots (an ellipsis) and dots at random spacing stay: only a leader's rhythm is drawing."""
    image, draw = _strip()
    for x in (100, 123, 146):
        draw.ellipse((x, 60, x + 5, 66), fill=0)
    for x in (600, 611, 650, 702, 709, 790):
        draw.ellipse((x, 60, x + 5, 66), fill=0)
    formed = np.asarray(image).copy()
    assert (remove_form_lines(formed, DPI) == formed).all()


def test_paper_grain_of_round_specks_is_no_leader() -> None:
    """A grainy blank scan holds tens of thousands of dot-sized specks: they are grain, not leaders (chaining them
    all made a blank page's OCR run out of time)."""
    rng = np.random.default_rng(11)
    page = np.full((3300, 2550), 255, np.uint8)
    for x, y in zip(rng.integers(0, 2545, 30000), rng.integers(0, 3295, 30000), strict=True):
        page[y : y + 3, x : x + 3] = 0
    assert not find_form_lines(page, DPI).leaders.any()
