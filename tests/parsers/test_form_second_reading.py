"""Second readings: doubtful or unread values re-read from the page image with real Tesseract."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from intake.config import Settings
from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box, PageText, Word
from intake.parsers.form import extract_fields

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
HEIGHT = 30


def _page(
    words: list[tuple[int, int, str, float]], ink: list[tuple[int, int, str]], scribble: tuple[int, int] | None = None
) -> RecognizedPage:
    """OCR words (x, y, text, conf) as given, and an image where ``ink`` (x, y, text) is printed."""
    image = Image.new("L", (2550, 900), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 42)
    for x, y, text in ink:
        draw.text((x, y - 8), text, font=font, fill=0)
    if scribble is not None:  # a pen loop no letter looks like
        x, y = scribble
        draw.line([(x + 12 * k, y + (0 if k % 2 else 30)) for k in range(12)], fill=0, width=4)
    placed = []
    for line, (x, y, text, conf) in enumerate(words):
        left = x
        for token in text.split():
            width = int(font.getlength(token))  # the box a reading of the same print would have
            placed.append(Word(text=token, box=Box(left=left, top=y, width=width, height=HEIGHT), conf=conf, line=line))
            left += width + 20
    text = PageText(page=1, width=2550, height=900, dpi=300, source="ocr", words=tuple(placed))
    return RecognizedPage(number=1, text=text, image=np.asarray(image))


def test_misread_date_is_read_again_from_its_strip(settings: Settings) -> None:
    """A birth date OCR misread (62/20/1943) is re-read from the image as a date and put up for review."""
    page = _page([(100, 100, "Date of birth:", 0.95), (500, 100, "62/20/1943", 0.6)], [(500, 100, "02/20/1943")])
    field = extract_fields([page], settings).fields["applicant.birth_date"]
    assert str(field.value) == "1943-02-20"
    assert field.needs_review and field.note == "second_reading"


def test_lone_letter_ocr_dropped_is_read_as_one_character(settings: Settings) -> None:
    """A middle initial the page reading left out is read from its ink, and reviewed."""
    page = _page([(100, 100, "Middle initial:", 0.95), (900, 100, "Phone:", 0.95)], [(500, 100, "K")])
    field = extract_fields([page], settings).fields["applicant.middle_initial"]
    assert field.value == "K"
    assert field.needs_review


def test_inked_field_nothing_reads_is_flagged_not_blank(settings: Settings) -> None:
    """Ink in a name field that no reading turns into a value is flagged ink_unread, never silently empty."""
    page = _page([(100, 100, "First name:", 0.95), (1200, 100, "Phone:", 0.95)], [], scribble=(500, 100))
    field = extract_fields([page], settings).fields["applicant.first_name"]
    assert field.value is None
    assert field.needs_review and field.note == "ink_unread"


def test_blank_field_without_ink_stays_absent(settings: Settings) -> None:
    """A labelled field with a clean value area is left blank, with nothing to review."""
    page = _page([(100, 100, "First name:", 0.95), (1200, 100, "Phone:", 0.95)], [])
    assert "applicant.first_name" not in extract_fields([page], settings).fields


def test_a_row_of_entry_boxes_read_in_pieces_is_read_again_whole(settings: Settings) -> None:
    """OCR read only the first characters of a Medicare number written in comb boxes; the second look
    reads the whole row of boxes between their lid and floor, not just the piece it was given."""
    from dataclasses import replace

    mbi = "1EG4TE5MK73"
    page = _page([(100, 100, "Medicare number:", 0.95), (600, 180, "1EG4T", 0.4)], [])
    image = Image.fromarray(page.image.copy())
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 42)
    left, top, side = 600, 165, 60
    for k, ch in enumerate(mbi):  # one character per box, box walls drawn
        x = left + k * side
        draw.rectangle([x, top, x + side, top + side], outline=0, width=3)
        draw.text((x + 14, top + 6), ch, font=font, fill=0)
    rules = (Box(left=left, top=top - 1, width=side * len(mbi), height=4),
             Box(left=left, top=top + side - 1, width=side * len(mbi), height=4))
    page = replace(page, image=np.asarray(image), rules=rules)
    field = extract_fields([page], settings).fields["medicare_number"]
    assert field.value == mbi
    assert field.needs_review  # a second reading alone never vouches for a value


def test_a_typed_word_ocr_split_into_letters_is_read_again_as_one_line(settings: Settings) -> None:
    """"A S H LAND": the page reading split a letter-spaced typed word; read again as one line the
    strip has the same letters as one word, and the value stays reviewed."""
    font = ImageFont.truetype(FONT, 42)
    x, pieces, words = 500, ["A", "S", "H", "LAND"], [(100, 100, "County:", 0.95)]
    for piece in pieces:  # the split word's pieces, a letter's gap apart
        words.append((x, 100, piece, 0.7))
        x += int(font.getlength(piece)) + 4
    page = _page(words, [(500, 100, "ASHLAND")])
    field = extract_fields([page], settings).fields["applicant.permanent_address.county"]
    assert field.value == "ASHLAND"
    assert field.needs_review and field.note == "word_split_rejoined"


def test_a_signature_date_the_page_reading_left_out_is_read_from_its_area(settings: Settings) -> None:
    """"DATE (MM/DD/YYYY)" by the signature with nothing read under it, though the date is written there (digits
    spaced wide in comb boxes are often left out of a page's reading): its area is read again as a date."""
    page = _page([(100, 100, "APPLICANT SIGNATURE", 0.95), (1500, 100, "DATE (MM/DD/YYYY)", 0.95)],
                 [(1500, 160, "05/15/2026")], scribble=(150, 160))
    field = extract_fields([page], settings).fields["signature.date"]
    assert str(field.value) == "2026-05-15" and field.needs_review


def _with_combs(page: RecognizedPage, x: int, y: int, groups: tuple[str, ...], cell: int = 56) -> RecognizedPage:
    """``page`` with groups of comb boxes drawn at (x, y), a slash printed between groups, a digit in each box."""
    from dataclasses import replace

    image = Image.fromarray(page.image.copy())
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, 40)
    for n, group in enumerate(groups):
        for k, ch in enumerate(group):
            draw.rectangle((x + k * cell, y, x + (k + 1) * cell, y + 75), outline=0, width=3)
            draw.text((x + k * cell + 14, y + 12), ch, font=font, fill=0)
        x += len(group) * cell
        if n < len(groups) - 1:
            draw.text((x + 14, y + 12), "/", font=font, fill=0)
            x += cell
    return replace(page, image=np.asarray(image))


def test_a_date_in_combs_the_page_reading_left_out_is_read_box_by_box(settings: Settings) -> None:
    """"EFFECTIVE DATE" with the next item's label in its print beside it ("ADD OPTIONAL DENTAL") and the date's
    boxes under it, their digits left out of the page's reading: the words beside are no date, so the area under
    the label is looked at, and the combs there are read one box at a time."""
    page = _page([(100, 100, "LAST NAME", 0.95), (100, 300, "EFFECTIVE DATE", 0.95),
                  (900, 300, "ADD OPTIONAL DENTAL", 0.95)], [])
    page = _with_combs(page, 100, 345, ("01", "01", "2027"))
    field = extract_fields([page], settings).fields["requested_effective_date"]
    assert str(field.value) == "2027-01-01" and field.needs_review
