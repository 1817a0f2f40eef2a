"""The RECEIVED stamp on grey scans (found by tone and stroke width) and on colour scans (red layer)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import cv2
import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFilter, ImageFont

from intake.ocr.grey_stamp import grey_stamp_regions, normalise_paper, stamp_tone_mask
from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import PageText
from intake.ocr.stamp import find_page_stamp
from intake.parsers import mail_stamp
from tests.ocr.synth import FONT, FONT_BOLD

CHICAGO = ZoneInfo("America/Chicago")
DATA = Path(__file__).parent / "data"
DPI = 300
RED_INK = (200, 30, 40)  # RGB, as a mailroom's stamp pad

# Invented form-like print (no PHI), dense enough that the stamp must land on some of it.
PRINT = (
    "MEDICARE ADVANTAGE ENROLLMENT APPLICATION",
    "Given name  SAMPLE        Date of Birth (MM/DD/YYYY)  04/12/1951",
    "Daytime phone  715 555 0142        County  MARATHON",
    "Residence address  1204 NORTH FIFTH AVENUE",
    "City  WAUSAU        State  WI        Zip  54401",
    "Signature date  11/20/2026        Medicare ID  1EG4TE5MK73",
)


def form_page(dpi: int = DPI) -> Image.Image:
    """A letter-size RGB page: a bold title, a shaded bar, rows of print with underlines."""
    width, height = int(8.5 * dpi), int(11 * dpi)
    page = Image.new("RGB", (width, height), (250, 248, 242))
    draw = ImageDraw.Draw(page)
    bold = ImageFont.truetype(FONT_BOLD, round(14 * dpi / 72))
    plain = ImageFont.truetype(FONT, round(10 * dpi / 72))
    draw.text((int(0.7 * dpi), int(0.5 * dpi)), PRINT[0], font=bold, fill=(0, 0, 0))
    # a form's shaded section bar: solid mid-light grey, not a stamp
    draw.rectangle((int(0.7 * dpi), int(0.85 * dpi), int(7.8 * dpi), int(1.1 * dpi)), fill=(200, 200, 200))
    for row, line in enumerate(PRINT[1:]):
        y = int((1.35 + 0.42 * row) * dpi)
        draw.text((int(0.7 * dpi), y), line, font=plain, fill=(10, 10, 10))
        draw.line((int(0.7 * dpi), y + int(0.2 * dpi), int(7.8 * dpi), y + int(0.2 * dpi)), fill=(0, 0, 0), width=3)
    return page


def ink_stamp(page: Image.Image, lines: list[str], *, angle: float, at: tuple[float, float], dpi: int = DPI,
              seed: int = 3) -> Image.Image:
    """A framed rubber stamp in red ink, unevenly inked, tilted ``angle`` degrees over the print at ``at`` inches."""
    big = ImageFont.truetype(FONT_BOLD, round(22 * dpi / 72))
    small = ImageFont.truetype(FONT_BOLD, round(16 * dpi / 72))
    fonts = [big] + [small] * (len(lines) - 1)
    width = int(max(f.getlength(t) for f, t in zip(fonts, lines, strict=True))) + int(0.3 * dpi)
    height = int((0.45 + 0.33 * (len(lines) - 1)) * dpi)
    cover = Image.new("L", (width, height), 0)
    draw = ImageDraw.Draw(cover)
    draw.rounded_rectangle((4, 4, width - 5, height - 5), radius=int(0.08 * dpi), outline=255, width=int(dpi / 30))
    y = int(0.07 * dpi)
    for font, text in zip(fonts, lines, strict=True):
        draw.text(((width - font.getlength(text)) / 2, y), text, font=font, fill=255)
        y += int((0.37 if font is big else 0.3) * dpi)
    mottled = np.asarray(cover, dtype=np.float32) * np.random.default_rng(seed).uniform(0.6, 1.0, cover.size[::-1])
    cover = Image.fromarray(mottled.astype(np.uint8)).rotate(angle, expand=True, resample=Image.Resampling.BILINEAR)
    layer = Image.new("RGB", page.size, (255, 255, 255))
    layer.paste(Image.new("RGB", cover.size, RED_INK), (int(at[0] * dpi), int(at[1] * dpi)), cover)
    return Image.fromarray(np.minimum(np.asarray(page), np.asarray(layer)))


def scanned(page: Image.Image, *, grey: bool) -> np.ndarray:
    """The page as a scanner gives it: slight blur, sensor noise; grey (luminance) or BGR."""
    arr = np.asarray(page.filter(ImageFilter.GaussianBlur(0.7)), dtype=np.int16)
    noise = np.random.default_rng(5).normal(0, 2.5, arr.shape[:2])[..., None]
    arr = np.clip(arr + noise, 0, 255).astype(np.uint8)
    bgr = cv2.cvtColor(arr, cv2.COLOR_RGB2BGR)
    return cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY) if grey else bgr


def _found_stamp(image: np.ndarray, settings) -> RecognizedPage:  # noqa: ANN001 - Settings fixture
    grey = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    red = None
    if image.ndim == 3:
        from intake.ocr.preprocess import separate_red_ink

        ink = separate_red_ink(image, DPI)
        grey, red = ink.black, ink.red
    reading = find_page_stamp(grey, red, settings, page=1, dpi=DPI, timeout=30)
    empty = PageText(page=1, width=grey.shape[1], height=grey.shape[0], dpi=DPI, source="ocr")
    return RecognizedPage(
        number=1, text=empty, image=grey, stamp_text=reading.text if reading else None,
        stamp_ink=reading.ink if reading else None,
    )


def test_grey_stamp_region_is_the_stamp_not_the_print() -> None:
    """On a grey scan the one stamp-like region covers the stamp; print, underlines and a shaded bar are not one."""
    stamped = scanned(ink_stamp(form_page(), ["RECEIVED", "NOV 03 2026", "3:06 PM"], angle=-11, at=(4.2, 1.0)),
                      grey=True)
    normalised = normalise_paper(stamped, DPI)
    regions = grey_stamp_regions(stamp_tone_mask(normalised, DPI), DPI)
    assert len(regions) == 1
    x, y, w, h = regions[0]
    assert 4.0 * DPI <= x <= 4.5 * DPI and 0.9 * DPI <= y <= 1.3 * DPI and 1.5 * DPI <= w <= 3.5 * DPI
    unstamped = normalise_paper(scanned(form_page(), grey=True), DPI)
    assert grey_stamp_regions(stamp_tone_mask(unstamped, DPI), DPI) == []


@pytest.mark.ocr
@pytest.mark.parametrize(
    ("lines", "angle", "at", "expected", "has_time"),
    [
        (["RECEIVED", "NOV 03 2026", "3:06 PM", "ASPIRUS HEALTH PLAN"], -12.0, (4.0, 1.1), (2026, 11, 3, 15, 6), True),
        (["RECEIVED", "AUG 4 2026", "10:48 AM"], 9.0, (1.2, 1.4), (2026, 8, 4, 10, 48), True),
        (["RECEIVED", "DEC 07 2026", "ASPIRUS HEALTH PLAN"], 14.0, (3.6, 0.9), (2026, 12, 7, 0, 0), False),
    ],
)
def test_grey_stamp_over_print_gives_its_date_and_time(settings, lines, angle, at, expected, has_time) -> None:
    """A red stamp scanned in grey, tilted and over the print, is read apart: its date (and time) are the receipt."""
    page = _found_stamp(scanned(ink_stamp(form_page(), lines, angle=angle, at=at), grey=True), settings)
    assert page.stamp_ink == "grey" and page.stamp_text is not None
    finding = mail_stamp.find_stamp(page, CHICAGO, not_after=datetime(*expected[:3], 18, 0, tzinfo=CHICAGO))
    assert finding is not None and finding.detail.startswith("stamp_grey_ink")
    assert finding.received_at == datetime(*expected, tzinfo=CHICAGO) and finding.has_time is has_time


@pytest.mark.ocr
def test_colour_stamp_is_still_read_from_the_red_layer(settings) -> None:
    """The same stamp on a colour scan is read from its red layer, not by tone."""
    lines = ["RECEIVED", "NOV 03 2026", "3:06 PM", "ASPIRUS HEALTH PLAN"]
    page = _found_stamp(scanned(ink_stamp(form_page(), lines, angle=-12, at=(4.0, 1.1)), grey=False), settings)
    assert page.stamp_ink == "red"
    finding = mail_stamp.find_stamp(page, CHICAGO)
    assert finding.received_at == datetime(2026, 11, 3, 15, 6, tzinfo=CHICAGO) and finding.detail == "stamp_red_ink"


def test_grey_page_without_stamp_has_no_stamp_reading(settings) -> None:
    """A grey form without a stamp yields no stamp reading (and runs no OCR: Tesseract is never called)."""
    no_ocr = settings.model_copy(update={"tesseract_cmd": "/nonexistent/tesseract"})
    page = _found_stamp(scanned(form_page(), grey=True), no_ocr)
    assert page.stamp_text is None and page.stamp_ink is None


@pytest.mark.ocr
def test_grey_mail_sample_receipt_is_its_stamp(settings) -> None:
    """A committed grey mail scan with a date-only stamp: the whole pipeline takes its receipt from the stamp."""
    from intake.evaluation.corpus import find_labeled
    from intake.pipeline import extract_document
    from tests.conftest import CORPUS

    labeled = [d for d in find_labeled(CORPUS) if d.path.name.startswith("006-mail-tiff-grey-")]
    if not labeled:
        pytest.skip("samples/corpus/mail/006-mail-tiff-grey-* is not in the corpus")
    truth = json.loads((CORPUS / "truth" / "mail" / f"{labeled[0].path.name}.truth.json").read_text())
    receipt = extract_document(labeled[0].source_document(), settings).application.receipt
    assert receipt.source == "mail_stamp" == truth["receipt"]["source"]
    assert receipt.received_at == truth["receipt"]["received_at"]  # same minute, same UTC offset


def test_grey_stamp_comes_off_the_ocr_input_and_the_print_under_it_stays(settings) -> None:  # noqa: ANN001
    """The page's OCR input loses a grey scan's stamp (its pixels are whitened), so the values it lay
    on are read; the darker print under it is not whitened; a page without a stamp is untouched."""
    from intake.ocr.grey_stamp import find_grey_stamp, stamp_pixels
    from intake.ocr.tesseract import ocr_image

    clean = scanned(form_page(), grey=True)
    stamped = scanned(ink_stamp(form_page(), ["RECEIVED", "NOV 30 2026"], angle=4, at=(0.9, 1.9)), grey=True)
    assert stamp_pixels(find_grey_stamp(clean, DPI)) is None
    stamp = stamp_pixels(find_grey_stamp(stamped, DPI))
    assert stamp is not None and np.count_nonzero(stamp) > 0.02 * DPI * DPI
    assert not np.any(stamp[stamped < 40])  # toner-dark print is never taken for stamp

    band = slice(int(1.7 * DPI), int(2.4 * DPI))  # the rows the stamp lies on
    cleaned = stamped.copy()
    cleaned[stamp > 0] = 255
    read = ocr_image(cleaned[band], settings, page=1, dpi=DPI, timeout=30)
    text = " ".join(word.text for word in read.words).upper()
    assert "RECEIVED" not in text
    assert "MARATHON" in text.replace(" ", "") or "715" in text


def test_grey_pen_writing_beside_the_stamp_is_not_taken_for_it() -> None:
    """Writing in grey ink right beside a grey stamp is joined to its region, but its strokes are thinner
    than the stamp's: only the stamp's own pixels come off the OCR input."""
    from PIL import Image, ImageDraw, ImageFont

    from intake.ocr.grey_stamp import find_grey_stamp, stamp_pixels

    bold = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 110)
    regular = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 64)
    stamp_layer = Image.new("L", (2400, 1200), 0)
    draw = ImageDraw.Draw(stamp_layer)
    draw.rectangle([700, 420, 1900, 900], outline=255, width=14)
    draw.text((760, 470), "RECEIVED", font=bold, fill=255, stroke_width=3, stroke_fill=255)
    draw.text((760, 640), "NOV 30 2026", font=bold, fill=255, stroke_width=3, stroke_fill=255)
    pen_layer = Image.new("L", (2400, 1200), 0)
    ImageDraw.Draw(pen_layer).text((1000, 320), "MARGARET", font=regular, fill=255)  # just above the frame, a broad pen
    page = np.full((1200, 2400), 238, np.uint8)
    stamp_ink, pen_ink = np.asarray(stamp_layer) > 0, np.asarray(pen_layer) > 0
    page[stamp_ink] = 100
    page[pen_ink] = 105
    pixels = stamp_pixels(find_grey_stamp(page, 300))
    assert pixels is not None
    assert np.count_nonzero(pixels[stamp_ink]) > 0.8 * np.count_nonzero(stamp_ink)
    assert np.count_nonzero(pixels[pen_ink]) < 0.1 * np.count_nonzero(pen_ink)


def test_blurred_label_print_beside_a_grey_stamp_stays_on_the_ocr_input() -> None:
    """A 200 dpi grey scan (here enlarged to 300 dpi, as the OCR stage does) blurs small label type to
    mid-grey, the stamp's tone: where its letters close up a dot survives the stamp's opening. Such dots
    are not stamp ink, so "Given name" left of the stamp keeps its pixels; the stamp's letters still go."""
    from intake.ocr.grey_stamp import find_grey_stamp, stamp_pixels

    page = cv2.imread(str(DATA / "grey-stamp-over-blurred-labels-300dpi.png"), cv2.IMREAD_GRAYSCALE)
    pixels = stamp_pixels(find_grey_stamp(page, 300))
    assert pixels is not None

    def taken(x0: int, y0: int, x1: int, y1: int, darker_than: int) -> float:
        print_ = page[y0:y1, x0:x1] < darker_than
        return np.count_nonzero(pixels[y0:y1, x0:x1][print_]) / np.count_nonzero(print_)

    assert taken(145, 170, 345, 210, 160) < 0.02  # "Given name", beside the stamp's frame
    assert taken(480, 150, 900, 300, 200) > 0.6  # "CEIVED" of the stamp (with some print under it)
