from datetime import date, time

from intake.parsers.timestamps import find_stamps


def test_lower_case_lookalikes_in_a_case_insensitive_style_do_not_crash():
    """OCR's lower-case 's'/'b'/'i' inside a ctime-style date are read as digits, not a crash."""
    stamps = find_stamps("Mon Nov 3o 23:4i:o7 CST 2o26")
    assert stamps and stamps[0].day == date(2026, 11, 30)
    assert stamps[0].clock == time(23, 41, 7)


def test_unreadable_digit_gives_no_time_instead_of_an_error():
    """A time whose digits cannot be read is simply not found."""
    stamps = find_stamps("Mon Nov 30 2s:bs:o7 2026")  # reads as 25:85:07, no time of day
    assert all(stamp.clock is None for stamp in stamps)


def test_a_day_glued_to_a_two_digit_year_is_a_four_digit_year_instead() -> None:
    """'DEC 2026' is December 2026 with its day missing; 'NOV302026' and 'Nov 30 26' still read as the 30th."""
    assert find_stamps("DEC 2026") == []
    assert [s.day for s in find_stamps("NOV302026")] == [date(2026, 11, 30)]
    assert [s.day for s in find_stamps("Nov 30 26")] == [date(2026, 11, 30)]
