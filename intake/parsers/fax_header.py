"""The header line a sending fax machine prints across the top of each page.

No standard format: ``NOV-30-2026 11:41PM FROM: ... TO: ... P.001/003``,
``11/30/2026 23:41``, ``Nov 30 2026 11:41 PM``, ``Page 1 of 3``, HylaFAX's
``From %n|%c|Page %p of %t``. The line is OCR'd, so it is looked for in the
first few lines of a page and matched tolerantly (``timestamps``). Its clock
is the sender's and may be wrong: it is ``fax_header`` evidence, below the
gateway's record. The sender is assumed to be in the plan's zone (most
senders are local agencies and the header carries no zone).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from zoneinfo import ZoneInfo

from intake.extraction import ReceiptFinding
from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Line, PageText
from intake.parsers.local_time import localize
from intake.parsers.timestamps import PrintedStamp, find_stamps, parse_time

__all__ = ["HEADER_LINES", "find_header", "header_findings", "top_rows"]

#: How many lines from the top of a page may hold the header (OCR may put a stray line first).
HEADER_LINES = 3

_PAGE_MARK = re.compile(r"(?i)(\bP\s?\.?\s?[0-9OIl]{1,3}\s?/\s?[0-9OIl]{1,3}\b|\bpage\s*[0-9OIl]+\s*(of|/)\s*[0-9OIl]+)")
_FROM_TO = re.compile(r"(?i)\b(from|to|fax)\b\s*:?")
# Hour and minute after a header's date with the colon lost: "17 59", "5 59 PM" (not "17 59/2026", a date).
_COLONLESS_TIME = re.compile(r"\s+(?P<H>[0-9]{1,2})\s(?P<M>[0-9]{2})(?:\s?(?P<ampm>[AaPp])\.?\s?[Mm]\b)?(?![0-9/.:-])")


def find_header(
    lines: list[str], page: int, tz: ZoneInfo, *, not_after: datetime | None = None, near: datetime | None = None
) -> ReceiptFinding | None:
    """The header's date and time from the top lines of one page, or None.

    A date in the top lines counts as a header when the line also has a time, a page
    mark (``P.001/003``, ``Page 1 of 3``) or FROM/TO; a lone date (e.g. the form's own
    revision date) does not.
    """
    for line in lines[:HEADER_LINES]:
        stamps = find_stamps(line)
        if not stamps:
            continue
        stamp = stamps[0]
        if stamp.clock is None:
            stamp = _with_colonless_time(stamp, line)
        looks_like_header = stamp.clock is not None or _PAGE_MARK.search(line) or _FROM_TO.search(line)
        if not looks_like_header:
            continue
        local, issue = localize(stamp.wall, tz, not_after=not_after, near=near)
        confidence = 0.85
        detail = f"header_{stamp.style}_p{page}"
        if stamp.repaired:
            confidence -= 0.15
        if stamp.clock is None:
            # a sending machine prints the time beside the date: one not read makes 00:00 a guess
            confidence -= 0.2
            detail += "_time_unread"
        if issue is not None:
            confidence -= 0.2
            detail += f"_{issue}"
        return ReceiptFinding(
            received_at=local,
            source="fax_header",
            confidence=round(confidence, 2),
            has_time=stamp.clock is not None,
            detail=detail,
        )
    return None


def _with_colonless_time(stamp: PrintedStamp, line: str) -> PrintedStamp:
    """``stamp`` with the time right after its date when OCR lost the time's colon ("08/26/2026 17 59 FROM"),
    marked repaired; unchanged when what follows is no time of day."""
    m = _COLONLESS_TIME.match(line, stamp.end)
    if m is None:
        return stamp
    found = parse_time({"H": m.group("H"), "M": m.group("M"), "ampm": m.group("ampm")})
    if found is None:
        return stamp
    return replace(stamp, clock=found[0], end=m.end(), repaired=True)


def top_rows(text: PageText, count: int = HEADER_LINES) -> list[str]:
    """The first ``count`` visual rows of a page: OCR lines at the same height joined left to right.

    Tesseract often splits a header line into blocks (date at the left, page
    mark at the right); joining by vertical overlap puts them back together.
    """
    rows: list[list[Line]] = []
    for line in text.lines:
        box = line.box
        centre = box.top + box.height / 2
        for row in rows:
            ref = row[0].box
            if abs((ref.top + ref.height / 2) - centre) < 0.6 * max(ref.height, box.height):
                row.append(line)
                break
        else:
            rows.append([line])
        if len(rows) > count + 1:
            break
    rows.sort(key=lambda r: min(line.box.top for line in r))
    return [" ".join(line.text for line in sorted(r, key=lambda line: line.box.left)) for r in rows[:count]]


def header_findings(
    pages: list[RecognizedPage], tz: ZoneInfo, *, not_after: datetime | None = None, near: datetime | None = None
) -> list[ReceiptFinding]:
    """The header found on each page that has one, in page order."""
    findings = []
    for page in pages:
        finding = find_header(top_rows(page.text), page.number, tz, not_after=not_after, near=near)
        if finding is not None:
            findings.append(finding)
    return findings
