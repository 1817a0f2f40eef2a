"""The mail stamp read by tone on a grey scan: how much it is believed, and a year read one digit off."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from handmade import page

from intake.parsers import mail_stamp
from intake.parsers.receipt import LOW_CONFIDENCE
from intake.parsers.timestamps import find_stamps

CHICAGO = ZoneInfo("America/Chicago")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHICAGO)


def grey(lines: list[str], stamp: list[str]):  # noqa: ANN201 - RecognizedPage
    return replace(page(lines, stamp=stamp), stamp_ink="grey")


def test_grey_stamp_with_received_word_is_trusted() -> None:
    """RECEIVED, a date and a time read by tone give the receipt without review."""
    p = grey(["ENROLLMENT FORM"], ["RECEIVED", "NOV 03 2026", "3:06 PM", "ASPIRUS HEALTH PLAN"])
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=local(2026, 11, 4, 9, 0))
    assert finding.received_at == local(2026, 11, 3, 15, 6) and finding.detail == "stamp_grey_ink"
    assert finding.confidence >= LOW_CONFIDENCE


def test_grey_date_without_received_word_is_reviewed_and_only_near_the_drop() -> None:
    """A grey block with a date but no RECEIVED word is the stamp only near the drop time, and reviewed."""
    p = grey(["ENROLLMENT FORM"], ["ASPIRUS HEALTH PLAN", "OCT 29 2026"])
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=local(2026, 10, 30, 8, 0))
    assert finding.received_at == local(2026, 10, 29) and finding.detail == "stamp_grey_ink_without_word"
    assert finding.confidence < LOW_CONFIDENCE
    # the same date on a document that landed half a year later is someone's date, not the stamp
    assert mail_stamp.find_stamp(p, CHICAGO, not_after=local(2027, 5, 2, 8, 0)) is None


def test_red_stamp_without_ink_marker_keeps_its_confidence() -> None:
    """Red-layer readings (and readings that say no ink) are not downgraded like grey ones."""
    p = page(["FORM"], stamp=["ASPIRUS HEALTH PLAN", "OCT 29 2026"])
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=local(2027, 5, 2, 8, 0))
    assert finding.detail == "stamp_red_ink" and finding.confidence == 0.8


def test_stamp_year_one_digit_off_is_repaired_from_the_drop_year() -> None:
    """Print crossing the stamp turns 2026 into 2926: with the drop in 2026 it is read as 2026, reviewed."""
    p = grey(["FORM"], ["RECEIVED", "AUG 4 2926", "2:11 PM"])
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=local(2026, 8, 5, 10, 0))
    assert finding.received_at == local(2026, 8, 4, 14, 11) and finding.confidence < LOW_CONFIDENCE
    assert mail_stamp.find_stamp(p, CHICAGO) is None  # without a drop time there is no year to repair from


def test_year_repair_needs_exactly_one_near_year() -> None:
    """2626 is one digit from 2026 only; 2028 is one digit from both 2025 and 2026, so it is left alone."""
    repaired = find_stamps("OCT 16 2626", years=(2025, 2026))
    assert repaired[0].day.year == 2026 and repaired[0].repaired
    kept = find_stamps("OCT 16 2028", years=(2025, 2026))
    assert kept[0].day.year == 2028 and not kept[0].repaired
    assert find_stamps("OCT 16 2026", years=(2025, 2026))[0].repaired is False
    assert find_stamps("OCT 16 2626") == []


def test_a_year_one_digit_off_both_stamp_years_is_the_one_weeks_before_the_drop() -> None:
    """2020 is one digit from both 2025 and 2026. Dropped on December 9th 2026, DEC 07 is 2026 (2025 would be a
    year before the drop); dropped on January 4th 2026, DEC 30 is 2025 (2026 would be after it). Reviewed."""
    december = mail_stamp.find_stamp(
        grey(["FORM"], ["RECEIVED", "DEC 07 2020", "ASPIRUS HEALTH PLAN"]), CHICAGO, not_after=local(2026, 12, 9, 10, 0)
    )
    assert december.received_at == local(2026, 12, 7) and december.confidence < LOW_CONFIDENCE
    january = mail_stamp.find_stamp(grey(["FORM"], ["RECEIVED", "DEC 30 2020"]), CHICAGO, not_after=local(2026, 1, 4))
    assert january.received_at == local(2025, 12, 30) and january.confidence < LOW_CONFIDENCE
    # months before the drop in either year: no repair
    july = mail_stamp.find_stamp(grey(["FORM"], ["RECEIVED", "JUL 07 2020"]), CHICAGO, not_after=local(2026, 12, 9))
    assert july.received_at.year == 2020


def test_dater_line_month_one_character_off_is_read_as_the_month() -> None:
    """KOV/&PR/VCT on a stamp's date line are NOV/APR/OCT (the only month one character away), and reviewed."""
    cases = [("KOV 9 2026", local(2026, 11, 9, 14, 17)), ("4-1. &PR 05 2026", local(2026, 4, 5, 14, 17)),
             ("VCT i7 2026", local(2026, 10, 17, 14, 17))]
    for line, expected in cases:
        p = grey(["FORM"], ["RECEIVED", line, "2:17 PM"])
        finding = mail_stamp.find_stamp(p, CHICAGO, not_after=local(2026, 11, 20, 9, 0))
        assert finding.received_at == expected and finding.confidence < LOW_CONFIDENCE
    # MAN is one character from MAR, MAY and JAN: no guess
    assert mail_stamp.find_stamp(grey(["FORM"], ["RECEIVED", "MAN 12 2026"]), CHICAGO) is None


def test_a_stamp_year_read_with_letters_for_digits_is_the_stamp_year_it_fits() -> None:
    """'OCT 24 zu26' on the date line is October 24th 2026 (the only stamp year with a 2 and a 6 there; z and u are
    look-alikes of 2 and 0, as in 'SEP 06 2UZb'), trusted less than a clean reading; 'zu2x' fits no year and
    gives no date."""
    p = replace(page(["FORM"], stamp=["RECEIVED", "OCT 24 zu26", "ASPIRUS HEALTH PLAN", "10:43 AM"]), stamp_ink="red")
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=local(2026, 10, 25, 2, 43))
    clean = replace(page(["FORM"], stamp=["RECEIVED", "OCT 24 2026", "10:43 AM"]), stamp_ink="red")
    trusted = mail_stamp.find_stamp(clean, CHICAGO, not_after=local(2026, 10, 25, 2, 43)).confidence
    assert finding.received_at == local(2026, 10, 24, 10, 43) and finding.confidence < trusted
    letters = replace(page(["FORM"], stamp=["RECEIVED", "SEP 06 2UZb", "4:49 PM"]), stamp_ink="red")
    assert mail_stamp.find_stamp(letters, CHICAGO, not_after=local(2026, 9, 6, 18, 49)).received_at == local(
        2026, 9, 6, 16, 49
    )
    unread = replace(page(["FORM"], stamp=["RECEIVED", "OCT 24 zu2x"]), stamp_ink="red")
    assert mail_stamp.find_stamp(unread, CHICAGO, not_after=local(2026, 10, 25, 2, 43)) is None
