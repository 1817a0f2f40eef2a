"""Second readings of a doubtful RECEIVED stamp: made only when needed, boxes back in page space."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from intake.ocr.page_text import Box, PageText, Word
from intake.ocr.stamp import SECOND_READINGS, doubtful, find_page_stamp
from tests.ocr.synth import FONT_BOLD

DPI = 200
AT = (700, 150)  # where the stamp is put on the page, in pixels


def red_layer(lines: list[str], *, cuts: int = 0, cut_line: int = 2, angle: float = 8.0) -> np.ndarray:
    """A page's red layer (ink dark on white) holding a tilted stamp; ``cuts`` white rules cross it as print does."""
    font = ImageFont.truetype(FONT_BOLD, round(15 * DPI / 72))
    stamp = Image.new("L", (int(2.6 * DPI), int(0.45 * DPI * len(lines) + 0.2 * DPI)), 255)
    draw = ImageDraw.Draw(stamp)
    draw.rectangle((3, 3, stamp.width - 4, stamp.height - 4), outline=0, width=4)
    for i, line in enumerate(lines):
        draw.text((int(0.2 * DPI), int(0.1 * DPI + 0.45 * DPI * i)), line, font=font, fill=0)
    # black print crossing the stamp is not red: it leaves thin white gaps in the red layer
    for k in range(cuts):
        y = int(0.1 * DPI + 0.45 * DPI * cut_line) + 8 + 9 * k
        draw.line((0, y, stamp.width, y + 3), fill=255, width=3)
    stamp = stamp.rotate(angle, expand=True, fillcolor=255)
    page = np.full((int(5 * DPI), int(8.5 * DPI)), 255, dtype=np.uint8)
    page[AT[1] : AT[1] + stamp.height, AT[0] : AT[0] + stamp.width] = np.asarray(stamp)
    return page


def test_clean_stamp_is_read_once(settings) -> None:
    """A clean stamp is read well the first time: no second readings are spent on it."""
    red = red_layer(["RECEIVED", "NOV 30 2026", "3:12 PM"])
    reading = find_page_stamp(red, red, settings, page=1, dpi=DPI, timeout=30)
    assert reading is not None and "NOV 30 2026" in reading.text.text and "3:12 PM" in reading.text.text
    assert reading.alternates == ()


def test_damaged_stamp_is_read_again_with_boxes_on_the_stamp(settings) -> None:
    """Print wiping the time line (no word read there) brings every second reading, its words on the stamp."""
    red = red_layer(["RECEIVED", "NOV 30 2026", "3:12 PM", "MAIL ROOM"], cuts=3)
    reading = find_page_stamp(red, red, settings, page=1, dpi=DPI, timeout=30)
    assert reading is not None and len(reading.alternates) == len(SECOND_READINGS)
    ink = np.argwhere(red < 128)
    top, left = ink.min(axis=0)
    bottom, right = ink.max(axis=0)
    for alternate in reading.alternates:
        assert alternate.words
        for word in alternate.words:  # the 1.5x reading's boxes are scaled back, not left 1.5x too far out
            assert left - 10 <= word.box.left and word.box.right <= right + 10
            assert top - 10 <= word.box.top and word.box.bottom <= bottom + 10


def test_weak_word_or_missing_year_makes_a_reading_doubtful() -> None:
    """Doubt is a stamp word below the confidence bar, or no four-digit year read at all."""

    def reading(*words: tuple[str, float]) -> PageText:
        boxes = [Word(text=t, box=Box(left=40 * i, top=0, width=30, height=20), conf=c, line=0)
                 for i, (t, c) in enumerate(words)]
        return PageText(page=1, width=800, height=100, dpi=DPI, source="ocr", words=tuple(boxes))

    assert not doubtful(reading(("NOV", 0.96), ("30", 0.95), ("2026", 0.97)))
    assert doubtful(reading(("NOV", 0.96), ("30", 0.95), ("2026", 0.97), ("8:2°", 0.4)))
    assert doubtful(reading(("RECEIVED", 0.96), ("NOV", 0.96), ("30", 0.95)))


def test_stamp_whose_time_line_was_wiped_is_reviewed(settings) -> None:
    """No reading finds the wiped time: the stamp's date is kept but below the review bar, never midnight silently."""
    from zoneinfo import ZoneInfo

    from intake.ocr.page import RecognizedPage
    from intake.parsers import mail_stamp
    from intake.parsers.receipt import LOW_CONFIDENCE

    red = red_layer(["RECEIVED", "NOV 30 2026", "3:12 PM", "MAIL ROOM"], cuts=3)
    reading = find_page_stamp(red, red, settings, page=1, dpi=DPI, timeout=30)
    page = RecognizedPage(number=1, text=reading.text, image=red, stamp_text=reading.text, stamp_ink="red",
                          stamp_alternates=reading.alternates)
    finding = mail_stamp.find_stamp(page, ZoneInfo("America/Chicago"))
    assert finding is not None and finding.received_at.day == 30
    read_right = finding.has_time and (finding.received_at.hour, finding.received_at.minute) == (15, 12)
    assert read_right or finding.confidence < LOW_CONFIDENCE
