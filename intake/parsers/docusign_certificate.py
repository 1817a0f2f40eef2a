"""The DocuSign Certificate Of Completion: the applicant's signing-complete time.

The certificate (last page of the envelope's combined PDF) states its time
zone (``Time Zone: (UTC-06:00) Central Time (US & Canada)``) and lists, under
Envelope Summary Events, ``Signing Complete`` with a time printed like
``11/20/2026 | 09:31:05 AM``. That time is the plan's receipt stamp for a
DocuSign application (the applicant's "Finish" step).

The zone label is a Windows-style name with its standard offset; DocuSign
shows local times with daylight saving applied, so a recognised name maps to
its IANA zone (Central -> America/Chicago). An unrecognised name falls back to
the fixed offset in parentheses. Text extraction slips are tolerated
(``Envelopeld``, ``SigningComplete``, ``|`` separators, line breaks).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from intake.extraction import ReceiptFinding
from intake.ocr.page import RecognizedPage
from intake.parsers.local_time import localize
from intake.parsers.timestamps import find_stamps

__all__ = ["is_certificate", "certificate_zone", "find_signing_complete"]

_CERT = re.compile(r"(?i)certificate\s*of\s*comp[l1I]etion")
_ZONE_LINE = re.compile(
    r"(?i)time\s*zone\s*:?\s*\(?\s*(?:utc|gmt)\s*(?:(?P<sign>[+\-−–])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?)?\s*\)?"
    r"(?P<name>[^\n|]*)"
)
_ZONE_NAMES: tuple[tuple[str, str], ...] = (
    ("arizona", "America/Phoenix"),
    ("indiana", "America/Indiana/Indianapolis"),
    ("saskatchewan", "America/Regina"),
    ("central", "America/Chicago"),
    ("eastern", "America/New_York"),
    ("mountain", "America/Denver"),
    ("pacific", "America/Los_Angeles"),
    ("alaska", "America/Anchorage"),
    ("hawaii", "Pacific/Honolulu"),
    ("atlantic", "America/Halifax"),
    ("coordinated universal", "UTC"),
    ("utc", "UTC"),
    ("greenwich", "UTC"),
)
_SUMMARY = re.compile(r"(?i)envelope\s*summary\s*events")
_SIGNING_COMPLETE = re.compile(r"(?i)signing\s*comp[l1I]ete")
_COMPLETED = re.compile(r"(?i)\bcomp[l1I]eted\b")
_SIGNED = re.compile(r"(?i)\bsigned\s*:")
# How far after the event's name its time may be printed (a "Security Checked" column sits between).
_EVENT_WINDOW = 160


def is_certificate(text: str) -> bool:
    """True when the text is (or holds) a Certificate Of Completion."""
    return _CERT.search(text) is not None


def certificate_zone(text: str) -> tuple[tzinfo, str] | None:
    """The zone the certificate's times are in, and a detail code naming how it was decided."""
    m = _ZONE_LINE.search(text)
    if m is None:
        return None
    name = (m.group("name") or "").lower()
    for key, zone in _ZONE_NAMES:
        if key in name:
            return ZoneInfo(zone), "zone_named"
    if m.group("h") is None:
        return timezone.utc, "zone_utc"
    sign = -1 if m.group("sign") in "-−–" else 1
    offset = timedelta(hours=int(m.group("h")), minutes=int(m.group("m") or 0))
    return timezone(sign * offset), "zone_fixed_offset"


def _event_time(text: str, pattern: re.Pattern[str]) -> tuple[datetime, bool] | None:
    for m in pattern.finditer(text):
        window = text[m.end() : m.end() + _EVENT_WINDOW]
        stamps = [s for s in find_stamps(window) if s.clock is not None]
        if stamps:
            return stamps[0].wall, stamps[0].repaired
    return None


def find_signing_complete(pages: list[RecognizedPage], tz: ZoneInfo) -> ReceiptFinding | None:
    """The Signing Complete time from the certificate, in plan local time, or None.

    Without a Signing Complete line, the envelope's Completed time (then the
    signer's Signed time) is used with lower confidence: it is usually the
    same moment, but not the one the plan's rule names.
    """
    for page in reversed(pages):  # the certificate is the last page
        text = page.text.text
        if not is_certificate(text):
            continue
        zone = certificate_zone(text)
        zone_tz, zone_detail = zone if zone is not None else (tz, "zone_missing")
        summary = _SUMMARY.search(text)
        events = text[summary.start() :] if summary else text
        for pattern, detail, confidence in (
            (_SIGNING_COMPLETE, "signing_complete", 0.98),
            (_COMPLETED, "completed", 0.8),
            (_SIGNED, "signer_signed", 0.75),
        ):
            found = _event_time(events, pattern) or (_event_time(text, pattern) if summary else None)
            if found is None:
                continue
            wall, repaired = found
            if isinstance(zone_tz, ZoneInfo):
                moment, issue = localize(wall, zone_tz)
            else:
                moment, issue = wall.replace(tzinfo=zone_tz), None
            if zone is None:
                confidence -= 0.2
            if repaired:
                confidence -= 0.1
            if issue:
                confidence -= 0.2
            return ReceiptFinding(
                received_at=moment.astimezone(tz),
                source="docusign_certificate",
                confidence=round(confidence, 2),
                detail=f"{detail}_{zone_detail}" + (f"_{issue}" if issue else ""),
            )
    return None
