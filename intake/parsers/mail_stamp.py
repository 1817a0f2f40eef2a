"""The mailroom's red RECEIVED stamp on a scanned page.

The OCR stage reads the stamp on its own (``RecognizedPage.stamp_text``): from
the red-ink layer of a colour scan, or by its tone on a grey scan
(``stamp_ink``). The stamp shows RECEIVED (or REC'D), a date and sometimes a
time, in any of the printed styles ``timestamps`` knows. When the stamp reading
gave nothing, the page text is searched for a RECEIVED word with a date on its
line or the next two. A stamp without a time means 00:00 plan local time
(``has_time`` False). With the drop time known, a stamp's year is that year or
the one before, and a year read one digit off is repaired (at lower confidence).
When the first stamp reading was doubtful the OCR stage read it again
(``RecognizedPage.stamp_alternates``): ``vote_readings`` keeps what most readings
say and marks a disagreement, a lone reading or a time no reading could read
(``8:2° AM``, ``22:48 PM``: rejected, never repaired) as doubt, which is reviewed.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from intake.extraction import ReceiptFinding
from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box, PageText, Word
from intake.ocr.stamp import doubtful
from intake.parsers.local_time import localize
from intake.parsers.timestamps import PrintedStamp, find_stamps, find_times, has_unread_time, one_digit_apart

__all__ = [
    "DOUBTED_CONFIDENCE", "StampVote", "find_stamp", "stamp_findings", "is_received_word", "vote_readings",
]

# Short forms as stamped (REC'D, RECVD, RCVD), with the O-for-D slip OCR makes on them.
_SHORT_FORMS = frozenset({"RECD", "RECVD", "RCVD", "RECO", "RECVO", "RCVO"})
# Lines after a RECEIVED word the stamp's date may sit on.
_STAMP_SPAN = 2
# Text heights below the anchor word the stamp's date and time may reach.
_STAMP_LINES_BELOW = 8
# A stamp month as the dater prints it: three upper-case letters.
_STAMP_MONTH = re.compile(r"(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)")
# How long before the drop a date without a RECEIVED word may be the stamp.
_DATE_ONLY_WINDOW = timedelta(days=45)


def is_received_word(word: str) -> bool:
    """RECEIVED, REC'D, RECVD, RCVD, tolerant of OCR slips ("RECE1VED", "REC'O")."""
    w = re.sub(r"[^A-Za-z0-9]", "", word).upper()
    if w in _SHORT_FORMS:
        return True
    return len(w) >= 6 and fuzz.ratio(w.replace("1", "I"), "RECEIVED") >= 80


def _stamp_years(not_after: datetime | None) -> tuple[int, ...]:
    """The years a stamp can carry: mail is stamped days before it is scanned, maybe across New Year."""
    return () if not_after is None else (not_after.year - 1, not_after.year)


_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")
# A dater's date line: three characters for the month, a day, a four-digit year ("0CT i7 2026").
# Print crossing the line may turn a space into a dot or dash ("JOL.IS.2026").
# The year may come out with letters for some digits ("zu26"); ``_year_on_dater_line`` reads it then.
_DATER_LINE = re.compile(
    r"(?<![A-Za-z0-9])(?P<mon>[A-Za-z0-9&$@_?*]{3})(?P<gap>[\s.\-]+)(?P<day>[0-9OoIli|SB]{1,2})"
    r"(?P<gap2>[\s.\-]+)(?P<year>[0-9A-Za-z]{4})\b"
)


def _near_month(token: str) -> str | None:
    """The one month abbreviation ``token`` is a single character away from (OCR: KOV, &PR, BEC), or whose
    letters it read where the rest came out as marks ("S_?" is SEP), else None."""
    token = token.upper()
    if token in _MONTHS:
        return token
    near = [m for m in _MONTHS if sum(a != b for a, b in zip(m, token, strict=True)) == 1]
    if len(near) == 1:
        return near[0]
    if any(ch in "_?*" for ch in token):
        # marks OCR gave for letters print crossed out ("S_?"): the letters it did read name one month
        known = [(k, ch) for k, ch in enumerate(token) if ch.isalpha()]
        near = [m for m in _MONTHS if known and all(m[k] == ch for k, ch in known)]
        return near[0] if len(near) == 1 else None
    return None


# Letters OCR reads for the digits of a stamp's year ("2UZb", "zu26" for 2026).
_YEAR_LOOKALIKES = str.maketrans("OoUuDQIilZzSsbGB", "0000001112255668")


def _year_on_dater_line(token: str, years: tuple[int, ...]) -> str | None:
    """The four-digit year ``token`` is, where OCR read some of its digits as letters ("zu26", "2UZb"): read
    with the look-alike digits, the one stamp year whose digits it has where it has digits (two at least); None
    when it is no such year or could be either."""
    if token.isdigit():
        return token
    token = token.translate(_YEAR_LOOKALIKES)
    known = [(k, ch) for k, ch in enumerate(token) if ch.isdigit()]
    if len(known) < 2 or not all(ch.isalpha() for ch in token if not ch.isdigit()):
        return None
    fits = [str(year) for year in years if all(str(year)[k] == ch for k, ch in known)]
    return fits[0] if len(fits) == 1 else None


def _dater_lines(text: str, years: tuple[int, ...] = ()) -> tuple[str, list[tuple[int, bool]]]:
    """``text`` with each stamp date line's month, day and year read as a dater prints them; where they start.

    A stamp date is always MON DD YYYY, so a month one character off (and i or | for 1 in the day,
    letters for some of the year's digits when the stamp's years are known) can only mean one thing
    there. Returns (start, changed) per line; the change keeps every offset.
    """
    lines: list[tuple[int, bool]] = []

    def fix(m: re.Match[str]) -> str:
        month = _near_month(m.group("mon"))
        year = _year_on_dater_line(m.group("year"), years)
        if month is None or year is None:
            return m.group(0)
        day = m.group("day").replace("i", "1").replace("|", "1")
        fixed = f"{month}{m.group('gap')}{day}{m.group('gap2')}{year}"
        lines.append((m.start(), fixed != m.group(0)))
        return fixed

    return _DATER_LINE.sub(fix, text), lines


def _stamp_in(text: str, years: tuple[int, ...] = ()) -> tuple[PrintedStamp, bool] | None:
    """The stamp's date in ``text`` (a dater line first, else the first date) and whether a time was printed."""
    text, daters = _dater_lines(text, years)
    stamp = None
    for start, changed in daters:
        # read from the dater line on: OCR debris before it ("4-1. APR 05 2026") must not claim the month
        found = find_stamps(text[start:], years=years)
        if found and found[0].start == 0:
            first = found[0]
            stamp = replace(first, start=start, end=start + first.end, repaired=first.repaired or changed)
            break
    if stamp is None:
        stamps = find_stamps(text, years=years)
        if not stamps:
            return None
        stamp = stamps[0]
    if stamp.clock is None:
        # A stamp often prints the time on its own line, above or below the date.
        times = [t for t, offset, _ in find_times(text) if not stamp.start <= offset < stamp.end]
        if times:
            stamp = PrintedStamp(stamp.day, times[0], stamp.start, stamp.end, stamp.style, stamp.repaired)
    return stamp, stamp.clock is not None


#: The most a reading with a doubt (``StampVote.doubt``) is believed: below ``receipt.LOW_CONFIDENCE``.
DOUBTED_CONFIDENCE = 0.7


@dataclass(frozen=True)
class StampVote:
    """The stamp as most readings of it say, and why it is in doubt (None when it is not).

    ``doubt`` codes: ``time_unread`` (a time is printed but no reading could read it),
    ``line_unread`` (a line of the stamp got no word and no reading found a time),
    ``readings_disagree`` (readings give different dates or times), ``single_reading``
    (the first reading was doubtful and only one reading gave the chosen date or time).
    """

    stamp: PrintedStamp
    doubt: str | None


def _clock_of(text: str, found: tuple[PrintedStamp, bool] | None):  # noqa: ANN202 - time | None
    if found is not None:
        return found[0].clock
    times = find_times(text)
    return times[0][0] if times else None


_CLOCK_LINE = re.compile(r"^\W*[0-9OIl]{1,2}\s*[^\w\s]?\s+[0-9OIl]{2}\b")


def _clock_line_unread(text: str) -> bool:
    """The line under the stamp's date is two groups of digits ("12 47;"): a 24-hour time whose colon was
    lost, so the stamp has a time that no reading could read."""
    lines = text.splitlines()
    for above, line in zip(lines, lines[1:]):
        if _STAMP_MONTH.search(above.upper()) and _CLOCK_LINE.match(line):
            return True
    return False


def vote_readings(texts: list[str], years: tuple[int, ...] = (), *, line_unread: bool = False) -> StampVote | None:
    """The date and time most readings of one stamp agree on (the first reading wins a tie), or None.

    ``line_unread``: the OCR stage saw a line of stamp ink that its first reading
    got no word for; when no reading found a time there, that line may be it.
    With one reading only, the doubt is a time printed but not readable. With
    second readings (made because the first was doubtful), any disagreement, or a
    value only one reading gave, is a doubt too: the best value is kept, reviewed.
    """
    parsed = [_stamp_in(text, years) for text in texts]
    days = Counter(found[0].day for found in parsed if found is not None)
    if not days:
        return None
    day, day_votes = days.most_common(1)[0]
    agreeing = [found[0] for found in parsed if found is not None and found[0].day == day]
    clocks = Counter(c for text, found in zip(texts, parsed, strict=True) if (c := _clock_of(text, found)) is not None)
    clock, clock_votes = clocks.most_common(1)[0] if clocks else (None, 0)
    # a value another reading read cleanly is not a repair
    repaired = all(stamp.repaired for stamp in agreeing)
    base = agreeing[0]
    stamp = PrintedStamp(day, clock, base.start, base.end, base.style, repaired)
    doubt = None
    if clock is None and any(has_unread_time(text) or _clock_line_unread(text) for text in texts):
        doubt = "time_unread"
    elif clock is None and line_unread:
        doubt = "line_unread"
    elif len(texts) > 1:
        if len(days) > 1 or len(clocks) > 1:
            doubt = "readings_disagree"
        elif day_votes < 2 or (clock is not None and clock_votes < 2):
            doubt = "single_reading"
    return StampVote(stamp, doubt)


def _year_near_drop(stamp: PrintedStamp, not_after: datetime | None) -> PrintedStamp:
    """``stamp`` in the one stamp year that puts it within weeks before the drop, when its year was read one
    digit off both years a stamp can carry (2020 for 2025 or 2026: December 7th 2026, dropped on the 9th),
    marked repaired; else unchanged."""
    years = _stamp_years(not_after)
    if not_after is None or stamp.day.year in years or not 1000 <= stamp.day.year <= 9999:
        return stamp
    fits = []
    for year in years:
        if not one_digit_apart(stamp.day.year, year):
            continue
        try:
            moved = replace(stamp, day=stamp.day.replace(year=year), repaired=True)
        except ValueError:  # February 29th
            continue
        if _believable(moved, not_after):
            fits.append(moved)
    return fits[0] if len(fits) == 1 else stamp


def _finding(stamp: PrintedStamp, tz: ZoneInfo, confidence: float, detail: str,
             not_after: datetime | None, doubt: str | None = None) -> ReceiptFinding:
    stamp = _year_near_drop(stamp, not_after)
    local, issue = localize(stamp.wall, tz, not_after=not_after)
    if stamp.repaired:
        confidence -= 0.15
    if doubt:
        confidence = min(confidence, DOUBTED_CONFIDENCE)
        detail += f"_{doubt}"
    if issue:
        confidence -= 0.2
        detail += f"_{issue}"
    return ReceiptFinding(
        received_at=local,
        source="mail_stamp",
        confidence=round(confidence, 2),
        has_time=stamp.clock is not None,
        detail=detail,
    )


def _region_text(text: PageText, anchor: Box) -> str:
    """The words around and below ``anchor`` (a stamp is a small block of centred lines), row by row.

    On a grey scan the stamp's words interleave with the form's lines in reading
    order; cutting out the stamp's area keeps the form's words out.
    """
    h = max(anchor.height, 1)
    half_width = 1.2 * max(anchor.width, 8 * h)
    centre = anchor.left + anchor.width / 2
    top, bottom = anchor.top - h, anchor.bottom + _STAMP_LINES_BELOW * h
    picked = [w for w in text.words if abs(w.box.center[0] - centre) <= half_width and top <= w.box.center[1] <= bottom]
    rows: dict[int, list[Word]] = {}
    for word in picked:
        rows.setdefault(word.line, []).append(word)
    ordered = sorted(rows.values(), key=lambda ws: min(w.box.top for w in ws))
    return "\n".join(" ".join(w.text for w in sorted(ws, key=lambda w: w.box.left)) for ws in ordered)


def _unread(found: tuple[PrintedStamp, bool], text: str) -> str | None:
    return "time_unread" if not found[1] and has_unread_time(text) else None


def _believable(stamp: PrintedStamp, not_after: datetime | None) -> bool:
    if not_after is None:
        return True
    return not_after.date() - _DATE_ONLY_WINDOW <= stamp.day <= not_after.date()


_STAMP_WORDS = re.compile(r"^(RECEIVED|AM|PM|A\.M\.|P\.M\.)$", re.IGNORECASE)


def _digits_under_print(page: RecognizedPage) -> bool:
    """A date or time of a grey stamp lies over the form's print (a label, a letter in a box): where the
    two inks cross, a digit's reading may be the print's strokes ("10:36" read 10:35 under an "M"), so the
    reading is not vouched for. The print is a word of letters the page's own reading found there."""
    assert page.stamp_text is not None
    digits = [w.box for w in page.stamp_text.words if any(ch.isdigit() for ch in w.text)]
    for word in page.text.words:
        text = word.text.strip(".,:;|()")
        if sum(ch.isalpha() for ch in text) < 2 or any(ch.isdigit() for ch in text):
            continue
        if _STAMP_WORDS.match(text) or _STAMP_MONTH.match(text.upper()):
            continue  # the stamp's own words, read on the page
        for box in digits:
            if box.overlap_area(word.box) >= 0.15 * max(1, box.width * box.height):
                return True
    return False


def find_stamp(page: RecognizedPage, tz: ZoneInfo, *, not_after: datetime | None = None) -> ReceiptFinding | None:
    """The RECEIVED stamp on one page, or None.

    Looked for in the stamp reading (red ink, or grey tone), then around a
    RECEIVED word in the page text, then on the lines after one; last, a
    stamp-style date (``NOV 03 2026``) near the drop time with no RECEIVED word
    beside it (ink over print often loses the word), at low confidence so it
    is reviewed. A grey stamp whose date or time lies over the form's print is
    reviewed too (``covered_by_print``): where the inks cross a digit may be misread.
    """
    years = _stamp_years(not_after)
    if page.stamp_text is not None and page.stamp_text.words:
        readings = [page.stamp_text, *page.stamp_alternates]
        # second readings of a reading that is not doubtful were made for a line of ink read as nothing
        line_unread = bool(page.stamp_alternates) and not doubtful(page.stamp_text)
        voted = vote_readings([r.text for r in readings], years, line_unread=line_unread)
        has_word = any(is_received_word(w.text) for r in readings for w in r.words)
        if voted is not None and page.stamp_ink == "grey":
            # Grey tone is a weaker sign than red ink: without its RECEIVED word a grey block with a
            # date may be other ink (a stamped or handwritten date), so it is only believed near the
            # drop time, and reviewed.
            doubt = voted.doubt or ("covered_by_print" if _digits_under_print(page) else None)
            if has_word:
                return _finding(voted.stamp, tz, 0.9, "stamp_grey_ink", not_after, doubt)
            if _believable(voted.stamp, not_after):
                return _finding(voted.stamp, tz, 0.7, "stamp_grey_ink_without_word", not_after, doubt)
        elif voted is not None:
            # Red ink with a date but no RECEIVED word is still the stamp, only less certain.
            return _finding(voted.stamp, tz, 0.95 if has_word else 0.8, "stamp_red_ink", not_after, voted.doubt)
    for word in page.text.words:
        if is_received_word(word.text):
            region = _region_text(page.text, word.box)
            found = _stamp_in(region, years)
            if found is not None:
                return _finding(found[0], tz, 0.85, "stamp_page_text", not_after, _unread(found, region))
    lines = [line.text for line in page.text.lines]
    for i, line in enumerate(lines):
        if not any(is_received_word(word) for word in line.split()):
            continue
        window = "\n".join(lines[i : i + 1 + _STAMP_SPAN])
        found = _stamp_in(window, years)
        if found is not None:
            return _finding(found[0], tz, 0.8, "stamp_page_text", not_after, _unread(found, window))
    for word in page.text.words:
        if _STAMP_MONTH.fullmatch(word.text):
            found = _stamp_in(_region_text(page.text, word.box), years)
            if found is not None and found[0].style == "month_first" and _believable(found[0], not_after):
                return _finding(found[0], tz, 0.6, "stamp_date_without_word", not_after)
    return None


def stamp_findings(
    pages: list[RecognizedPage], tz: ZoneInfo, *, not_after: datetime | None = None
) -> list[ReceiptFinding]:
    """The stamp on each page that has one, in page order (the stamp belongs on page 1)."""
    findings = []
    for page in pages:
        finding = find_stamp(page, tz, not_after=not_after)
        if finding is not None:
            findings.append(finding.model_copy(update={"detail": f"{finding.detail}_p{page.number}"}))
    return findings
