"""Dates and times printed on pages, found in OCR'd or extracted text.

Fax header lines, RECEIVED stamps and DocuSign certificates print a date and
often a time in many styles: ``NOV-30-2026 11:41PM``, ``11/30/2026 23:41``,
``Nov 30 2026 11:41 PM``, ``30-NOV-2026``, ``2026-11-30``, ``Mon Nov 30
23:41:07 2026`` (HylaFAX's ``%c``), ``11/20/2026 | 09:31:05 AM``. OCR adds
slips (O for 0, l or I for 1, S for 5, B for 8, missing spaces). This module
finds them all and returns wall-clock readings; placing them in a zone is
``local_time``'s job.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime, time

__all__ = ["PrintedStamp", "find_stamps", "find_times", "has_unread_time", "one_digit_apart", "parse_time"]

# A digit, or a letter OCR commonly reads in its place.
_D = r"[0-9OoIlSB]"
# Both cases: the case-insensitive date styles let _D match "s", "b", "i" and "L" too.
_LOOKALIKE = str.maketrans(
    {"O": "0", "o": "0", "I": "1", "i": "1", "l": "1", "L": "1", "S": "5", "s": "5", "B": "8", "b": "8"}
)

_MONTH_RE = {
    1: r"j[a4]n", 2: r"feb", 3: r"m[a4]r", 4: r"[a4]pr", 5: r"m[a4]y", 6: r"jun",
    7: r"ju[l1I]", 8: r"[a4]ug", 9: r"sep", 10: r"[o0]ct", 11: r"n[o0]v", 12: r"dec",
}
_MON = "(?P<mon>" + "|".join(f"{rx}[a-z]*" for rx in _MONTH_RE.values()) + r")\.?"
# A two-digit year is not the hour of a following time ("Dec 06 16:22:01" is no 2016).
_YEAR = rf"(?P<y>{_D}{{4}}|{_D}{{2}}(?!{_D}|\s?[:.;]\s?{_D}))"
_TIME = (
    rf"(?P<H>{_D}{{1,2}})\s?[:.;]\s?(?P<M>{_D}{{2}})(?:\s?[:.;]\s?(?P<S>{_D}{{2}}))?"
    r"(?:\s?(?P<ampm>[AaPp])\.?\s?[Mm]\b\.?)?"
)
_TIME_RE = re.compile(rf"(?<![0-9A-Za-z]){_TIME}")
# Something shaped like a time of day with AM/PM ("8:2° AM", "22:48 PM"), read or not.
_TIME_SHAPE = re.compile(
    r"(?<![0-9A-Za-z])[0-9OoIlSB]{1,2}\s?[:;.]\s?[^\s:;.]{1,3}\s?[AaPp]\.?\s?[Mm]\b"
)
_AFTER_DATE = rf"(?:[\s|,@]*(?:at\s+)?{_TIME})?"

_DATE_STYLES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "ctime",  # Mon Nov 30 23:41:07 2026 (optionally a zone name before the year; OCR may drop a colon)
        re.compile(
            rf"(?i)\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+{_MON}\s+(?P<d>{_D}{{1,2}})\s+"
            rf"(?P<H>{_D}{{1,2}})\s?[:.;\s]\s?(?P<M>{_D}{{2}})\s?[:.;\s]\s?(?P<S>{_D}{{2}})"
            rf"\s+(?:[A-Z]{{3,4}}\s+)?(?P<y>{_D}{{4}})"
        ),
    ),
    (
        "iso",
        re.compile(rf"(?<![0-9A-Za-z])(?P<y>{_D}{{4}})[-/.](?P<m>{_D}{{1,2}})[-/.](?P<d>{_D}{{1,2}})(?:[T\s]+{_TIME})?"),
    ),
    (
        "numeric",  # 11/30/2026, 11-30-26, 11.30.2026
        re.compile(
            rf"(?<![0-9A-Za-z])(?P<m>{_D}{{1,2}})\s?[-/.]\s?(?P<d>{_D}{{1,2}})\s?[-/.]\s?{_YEAR}{_AFTER_DATE}"
        ),
    ),
    (
        "month_first",  # NOV-30-2026, Nov 30, 2026, NOV302026
        re.compile(rf"(?i)(?<![a-z]){_MON}[\s\-,.]*(?P<d>{_D}{{1,2}})(?:st|nd|rd|th)?[\s\-,.]*{_YEAR}{_AFTER_DATE}"),
    ),
    (
        "day_first",  # 30-NOV-2026, 30 Nov 2026
        re.compile(rf"(?i)(?<![0-9a-z])(?P<d>{_D}{{1,2}})[\s\-.]*{_MON}[\s\-,.]*{_YEAR}{_AFTER_DATE}"),
    ),
)


@dataclass(frozen=True)
class PrintedStamp:
    """A date (and maybe a time) printed on a page, as a wall-clock reading without a zone."""

    day: date
    clock: time | None
    start: int  # character offsets in the searched text
    end: int
    style: str
    repaired: bool  # look-alike characters were read as digits

    @property
    def wall(self) -> datetime:
        """The reading as a naive datetime (00:00 when no time was printed)."""
        return datetime.combine(self.day, self.clock or time(0, 0))


def _int(token: str) -> tuple[int, bool]:
    fixed = token.translate(_LOOKALIKE)
    return int(fixed), fixed != token


def _month(token: str) -> int | None:
    t = token.lower().rstrip(".")
    for number, rx in _MONTH_RE.items():
        if re.match(rx, t):
            return number
    return None


def parse_time(groups: dict[str, str | None]) -> tuple[time, bool] | None:
    """A time from the H/M/S/ampm groups of the time pattern, or None when out of range."""
    if not groups.get("H") or not groups.get("M"):
        return None
    try:
        hour, r1 = _int(groups["H"])  # type: ignore[arg-type]
        minute, r2 = _int(groups["M"])  # type: ignore[arg-type]
        second, r3 = _int(groups["S"]) if groups.get("S") else (0, False)
    except ValueError:
        return None  # a look-alike the digit table cannot turn into a digit: no time read
    ampm = (groups.get("ampm") or "").upper()
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "P" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59):
        return None
    return time(hour, minute, second), r1 or r2 or r3


def find_times(text: str) -> list[tuple[time, int, bool]]:
    """Every time of day in ``text``: (time, offset, repaired)."""
    found = []
    for m in _TIME_RE.finditer(text):
        parsed = parse_time(m.groupdict())
        if parsed is not None:
            found.append((parsed[0], m.start(), parsed[1]))
    return found


def has_unread_time(text: str) -> bool:
    """Whether ``text`` prints a time with AM/PM that cannot be read as one.

    An impossible reading ("22:48 PM", minute 75) or a damaged digit ("8:2° AM") is
    not repaired: the time is known to be there but not what it is, so the reading
    must be checked.
    """
    for m in _TIME_SHAPE.finditer(text):
        matched = _TIME_RE.match(text, m.start())
        if matched is None or matched.end() < m.end() or parse_time(matched.groupdict()) is None:
            return True
    return False


def one_digit_apart(a: int, b: int) -> bool:
    """Two years of four digits that differ in exactly one place (an OCR slip: 2926 for 2026)."""
    return len(str(a)) == len(str(b)) and sum(x != y for x, y in zip(str(a), str(b), strict=True)) == 1


def _year(token: str, expected: Collection[int] = ()) -> tuple[int, bool]:
    year, repaired = _int(token)
    year = 2000 + year if year < 100 else year
    if expected and year not in expected and len(token) == 4:
        # One wrong digit of four is an OCR slip (a print stroke crossing the 0 of 2026 reads 2926);
        # taken only when exactly one expected year is that close.
        near = [y for y in expected if one_digit_apart(y, year)]
        if len(near) == 1:
            return near[0], True
    return year, repaired


def _year_glued_to_day(m: re.Match[str]) -> bool:
    """A two-digit year written right after the day, with nothing between ("DEC 2026"): that is a month and
    a four-digit year whose day is missing (print crossing a stamp hid it), not the 20th of December '26."""
    names = m.re.groupindex
    if "mon" not in names or m.start("d") > m.start("y"):
        return False
    return len(m.group("y")) == 2 and m.end("d") == m.start("y")


def find_stamps(text: str, *, years: Collection[int] = ()) -> list[PrintedStamp]:
    """Every printed date in ``text``, with the time printed right after it (if any), in reading order.

    ``years`` are the years the dates can be in (a stamp's: the drop's year or the one before);
    a four-digit year one digit away from exactly one of them is read as it, marked repaired.
    Overlapping matches are resolved in favour of the earliest, then longest, one.
    """
    candidates: list[PrintedStamp] = []
    for style, pattern in _DATE_STYLES:
        for m in pattern.finditer(text):
            g = m.groupdict()
            if _year_glued_to_day(m):
                continue
            try:
                month = _month(g["mon"]) if g.get("mon") else None
                month_repaired = False
                if month is None:
                    month, month_repaired = _int(g["m"])
                day_n, r_day = _int(g["d"])
                year, r_year = _year(g["y"], years)
                day = date(year, month, day_n)
            except (KeyError, TypeError, ValueError):
                continue
            if not 1900 <= year <= 2100:
                continue
            clock = parse_time(g) if g.get("H") else None
            candidates.append(
                PrintedStamp(
                    day=day,
                    clock=clock[0] if clock else None,
                    start=m.start(),
                    end=m.end() if clock or not g.get("H") else m.start("H"),
                    style=style,
                    repaired=month_repaired or r_day or r_year or bool(clock and clock[1]),
                )
            )
    candidates.sort(key=lambda s: (s.start, -(s.end - s.start)))
    chosen: list[PrintedStamp] = []
    for stamp in candidates:
        if chosen and stamp.start < chosen[-1].end:
            continue
        chosen.append(stamp)
    return chosen
