"""Several readings of one RECEIVED stamp: voting, impossible times rejected, doubts sent to review."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from handmade import page, page_text

from intake.config import Settings
from intake.document import Channel, SourceDocument
from intake.parsers import mail_stamp
from intake.parsers.receipt import LOW_CONFIDENCE, decide
from intake.parsers.timestamps import has_unread_time

CHICAGO = ZoneInfo("America/Chicago")
DROP = datetime(2026, 11, 9, 9, 30, tzinfo=CHICAGO)
YEARS = (2025, 2026)


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHICAGO)


def stamped(first: list[str], *alternates: list[str], ink: str = "grey"):  # noqa: ANN201 - RecognizedPage
    p = page(["ENROLLMENT FORM"], stamp=first)
    return replace(p, stamp_ink=ink, stamp_alternates=tuple(page_text(a, top=400) for a in alternates))


def test_unread_time_shapes_are_told_from_readable_ones() -> None:
    """Degree signs, hour 22 with PM and minute 75 are times printed but not readable; 12:48 PM is read."""
    assert has_unread_time("8:2° AM") and has_unread_time("22:48 PM") and has_unread_time("9:75 AM")
    assert not has_unread_time("12:48 PM") and not has_unread_time("NOV 08 2026\n8:20 AM")
    assert not has_unread_time("NOV 08 2026")


def test_time_printed_but_unreadable_is_reviewed_not_midnight_silently() -> None:
    """A clean-looking reading whose time is '8:2°' keeps the date but is reviewed (it was silent before)."""
    p = stamped(["RECEIVED", "NOV 8 2026", "8:2° AM", "ASPIRUS HEALTH PLAN"])
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=DROP)
    assert finding.received_at == local(2026, 11, 8) and not finding.has_time
    assert finding.confidence < LOW_CONFIDENCE and "time_unread" in finding.detail


def test_impossible_hour_is_rejected_not_repaired() -> None:
    """'22:48 PM' is no time: neither 22:48 nor 10:48 is taken, and the stamp is reviewed."""
    voted = mail_stamp.vote_readings(["RECEIVED\nOCT 19 2026\n22:48 PM", "RECEIVED\nOCT 19 2026\n72:48 PM"], YEARS)
    assert voted.stamp.clock is None and voted.doubt == "time_unread"


def test_one_good_second_reading_gives_the_time_under_review() -> None:
    """Three readings cannot read the minute, one reads 8:20: the time is taken, reviewed as a single reading."""
    p = stamped(
        ["RECEIVED", "NOV 8 2026", "8:2° AM"],
        ["RECEIVED", "NOV 8 2026", "8:4\" AM"],
        ["RECEIVED", "NOV 8 2026", "8:20 AM"],
    )
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=DROP)
    assert finding.received_at == local(2026, 11, 8, 8, 20) and finding.has_time
    assert finding.confidence < LOW_CONFIDENCE and "single_reading" in finding.detail


def test_readings_that_disagree_keep_the_majority_and_are_reviewed() -> None:
    """Two readings say 8:59, one 8:55: 8:59 is kept, and the disagreement sends it to review."""
    p = stamped(
        ["RECEIVED", "DEC 03 2026", "8:59 AM"],
        ["RECEIVED", "DEC 03 2026", "8:55 AM"],
        ["RECEIVED", "DEC 03 2026", "8:59 AM"],
        ink="red",
    )
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=local(2026, 12, 3, 17, 0))
    assert finding.received_at == local(2026, 12, 3, 8, 59)
    assert finding.confidence < LOW_CONFIDENCE and "readings_disagree" in finding.detail


def test_a_tie_goes_to_the_first_reading() -> None:
    """One reading each way: the first reading's time is kept (still reviewed)."""
    voted = mail_stamp.vote_readings(["DEC 03 2026\n8:55 AM", "DEC 03 2026\n8:59 AM"], YEARS)
    assert voted.stamp.clock.minute == 55 and voted.doubt == "readings_disagree"


def test_readings_that_agree_are_believed() -> None:
    """When every second reading agrees with the first, there is no doubt."""
    lines = ["RECEIVED", "NOV 03 2026", "3:06 PM"]
    finding = mail_stamp.find_stamp(stamped(lines, lines, lines), CHICAGO, not_after=DROP)
    assert finding.received_at == local(2026, 11, 3, 15, 6) and finding.confidence >= LOW_CONFIDENCE


def test_a_month_another_reading_read_cleanly_is_not_a_repair() -> None:
    """KOV in the first reading but NOV in two others: the date is not counted as repaired."""
    p = stamped(["RECEIVED", "KOV 9 2026", "2:17 PM"], ["RECEIVED", "NOV 9 2026", "2:17 PM"],
                ["RECEIVED", "NOV 9 2026", "2:17 PM"])
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=DROP)
    assert finding.received_at == local(2026, 11, 9, 14, 17) and finding.confidence >= LOW_CONFIDENCE
    alone = mail_stamp.find_stamp(stamped(["RECEIVED", "KOV 9 2026", "2:17 PM"]), CHICAGO, not_after=DROP)
    assert alone.confidence < finding.confidence


def test_date_line_whose_spaces_read_as_dots() -> None:
    """Print crossing a dater line turns its spaces into dots: 'JOL.IS.2026' is JUL 15 2026, repaired."""
    voted = mail_stamp.vote_readings(["RECEIVED.\nJOL.IS.2026- -\n1:46 PM"], YEARS)
    assert voted.stamp.wall == datetime(2026, 7, 15, 13, 46) and voted.stamp.repaired


def test_a_month_whose_crossed_letters_came_out_as_marks_is_the_one_its_read_letters_name() -> None:
    """Print crossing "SEP" leaves "S_?": only SEP starts with S, so the date is SEP 13, repaired (reviewed);
    marks that leave two months possible ("J_?": JAN, JUN, JUL) name none."""
    voted = mail_stamp.vote_readings(["RECEIVED\nS_? 13 2026\n9:16 AM\nASPIRUS HEALTH PLAN"], YEARS)
    assert voted.stamp.wall == datetime(2026, 9, 13, 9, 16) and voted.stamp.repaired
    assert mail_stamp.vote_readings(["RECEIVED\nJ_? 13 2026\n9:16 AM"], YEARS) is None


def test_unreadable_first_date_is_outvoted_by_second_readings() -> None:
    """A first reading whose day is impossible ('BEC 63') gives way to the readings that agree."""
    voted = mail_stamp.vote_readings(["BEC 63 2026\n8:59 AM", "DEC 03 2026\n8:59 AM", "DEC 03 2026\n8:59 AM"], YEARS)
    assert voted.stamp.wall == datetime(2026, 12, 3, 8, 59) and voted.doubt is None


def test_doubted_stamp_puts_the_receipt_in_review(tmp_path: Path, settings: Settings) -> None:
    """The decision on a doubted stamp needs review (low_confidence), so the receipt is in review[]."""
    p = stamped(["RECEIVED", "NOV 8 2026", "8:2° AM"])
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=DROP)
    path = tmp_path / "scan.pdf"
    path.write_bytes(b"x")
    decision = decide([finding], SourceDocument.from_path(path, Channel.MAIL, DROP), settings)
    assert decision.needs_review and "low_confidence" in decision.reasons


def test_a_month_and_year_without_their_day_give_no_date() -> None:
    """Print hid the day of 'DEC 8 2026': three readings say 'DEC 2026' (not the 20th of December '26), one reads
    the 8. The 8 is taken, reviewed as the only reading of it."""
    voted = mail_stamp.vote_readings(
        ["RECEIVED\nDEC 2026\nASPIRUS", "RECEIVED\nDEC 2026\nASPIRUS", "RE\nDEC 8 2026\nASPIRUS", "RECEIVED\nDEC 2026"],
        YEARS,
    )
    assert voted.stamp.day == local(2026, 12, 8).date() and voted.doubt == "single_reading"


def test_a_24_hour_time_whose_colon_was_lost_is_an_unread_time() -> None:
    """"12 47;" under "DEC 01 2026" (a 24-hour stamp, the colon lost) is a time no reading could read: the
    date is kept and reviewed, not taken as received at midnight without a word."""
    voted = mail_stamp.vote_readings(["RECEIVED\nDEC 01 2026\n12 47;\nASPIRUS HEALTH PLAN",
                                      "RECEIVED\nDEC 01 2026\n12 27.9%.\nASPIRUS HEALTH PLAN"], YEARS)
    assert voted.stamp.clock is None and voted.doubt == "time_unread"
    clean = mail_stamp.vote_readings(["RECEIVED\nDEC 01 2026\nASPIRUS HEALTH PLAN"], YEARS)
    assert clean.doubt is None


def test_a_grey_stamps_time_over_the_forms_print_is_reviewed() -> None:
    """A grey stamp's "10:35 AM" lies over the form's "COUNTY" label: where the inks cross a digit may be misread
    (it was 10:36), so the stamp is reviewed; the same stamp on clear paper is trusted."""
    stamp = ["RECEIVED", "NOV 8 2026", "10:35 AM", "ASPIRUS HEALTH PLAN"]
    clear = replace(page(["ENROLLMENT FORM"], stamp=stamp), stamp_ink="grey")
    finding = mail_stamp.find_stamp(clear, CHICAGO, not_after=DROP)
    assert finding.received_at == local(2026, 11, 8, 10, 35) and finding.confidence >= LOW_CONFIDENCE
    covered = replace(clear, text=page_text(["COUNTY MAR"], top=480))
    finding = mail_stamp.find_stamp(covered, CHICAGO, not_after=DROP)
    assert finding.received_at == local(2026, 11, 8, 10, 35) and finding.confidence < LOW_CONFIDENCE
    assert "covered_by_print" in finding.detail
