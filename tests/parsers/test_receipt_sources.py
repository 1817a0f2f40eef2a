"""Receipt evidence from each source: fax sidecar and TIFF tags, fax header lines, RECEIVED stamps, DocuSign certificates."""

from __future__ import annotations

from datetime import datetime, time
from zoneinfo import ZoneInfo

import numpy as np
import pytest
from handmade import page

from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box, PageText, Word
from intake.parsers import docusign_certificate, fax_header, fax_metadata, mail_stamp
from intake.parsers.local_time import localize
from intake.parsers.receipt import LOW_CONFIDENCE
from intake.parsers.timestamps import find_stamps

CHICAGO = ZoneInfo("America/Chicago")


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=CHICAGO)


# --- local time -----------------------------------------------------------------


def test_localize_plain_time_has_no_issue() -> None:
    """An ordinary wall time becomes the local instant with its standard offset."""
    moment, issue = localize(datetime(2026, 11, 30, 23, 41, 7), CHICAGO)
    assert moment.isoformat() == "2026-11-30T23:41:07-06:00" and issue is None


def test_localize_repeated_autumn_hour_is_ambiguous() -> None:
    """01:30 on the first Sunday of November happens twice: the first is taken and flagged."""
    moment, issue = localize(datetime(2026, 11, 1, 1, 30), CHICAGO)
    assert issue == "ambiguous_local_time" and moment.utcoffset().total_seconds() == -5 * 3600


def test_localize_ambiguous_hour_resolved_by_drop_time() -> None:
    """When the file landed between the two readings, only the first one is possible."""
    landed = datetime(2026, 11, 1, 1, 50, tzinfo=CHICAGO)  # 01:50 CDT, the first pass
    moment, issue = localize(datetime(2026, 11, 1, 1, 30), CHICAGO, not_after=landed)
    assert issue is None and moment.isoformat() == "2026-11-01T01:30:00-05:00"


def test_localize_skipped_spring_hour_is_nonexistent() -> None:
    """02:30 on the second Sunday of March never happens in Central time: flagged."""
    moment, issue = localize(datetime(2026, 3, 8, 2, 30), CHICAGO)
    assert issue == "nonexistent_local_time"
    assert moment.isoformat() == "2026-03-08T03:30:00-05:00"


# --- printed dates --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NOV-30-2026 11:41PM FROM: WAUSAU INSURANCE 7155551234 TO: 17157877328 P.001/003", (2026, 11, 30, 23, 41)),
        ("11/30/2026 23:41 FROM 7155551234 Page 1 of 3", (2026, 11, 30, 23, 41)),
        ("Nov 30 2026 11:41 PM   WAUSAU INSURANCE   7155551234   P.1", (2026, 11, 30, 23, 41)),
        ("From 7155551234 Mon Nov 30 23:41:07 2026 Page 1 of 3", (2026, 11, 30, 23, 41, 7)),
        ("From 7155551234|Mon Nov 30 23:41:07 2026|Page 1 of 3", (2026, 11, 30, 23, 41, 7)),
        ("30-NOV-2026 23:41 FROM 7155551234", (2026, 11, 30, 23, 41)),
        ("2026-11-30 23:41:07", (2026, 11, 30, 23, 41, 7)),
        ("N0V-3O-2O26 ll:4lPM FROM:WAUSAU", (2026, 11, 30, 23, 41)),
        ("NOV-30-202611:41PM", (2026, 11, 30, 23, 41)),
        ("11/30/26 12:05 AM", (2026, 11, 30, 0, 5)),
        ("Dec 1 2026 12:00 PM", (2026, 12, 1, 12, 0)),
        ("11/20/2026 | 09:31:05 AM", (2026, 11, 20, 9, 31, 5)),
        ("Fri Dec 04 09 02:49 2026 Page 1 of 1", (2026, 12, 4, 9, 2, 49)),  # OCR lost a colon
        ("Nov 30 26 11:41 PM", (2026, 11, 30, 23, 41)),
    ],
)
def test_find_stamps_reads_every_style(text: str, expected: tuple[int, ...]) -> None:
    """Header, stamp and certificate styles, with OCR slips and missing spaces, give the same wall time."""
    stamps = find_stamps(text)
    assert stamps and stamps[0].wall == datetime(*expected)


def test_find_stamps_rejects_impossible_values() -> None:
    """Impossible dates and times are not readings."""
    assert find_stamps("13/45/2026") == []
    assert find_stamps("11/30/2026 25:61")[0].clock is None
    assert find_stamps("P.001/003 Page 1 of 3") == []
    assert find_stamps("Dec 06 16:22") == []  # "16" is the hour, not a year
    assert find_stamps("Sun Dec 06 16:22:01 2926") == []


# --- fax metadata --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2026-11-30T23:41:07-06:00", "2026-11-30T23:41:07-06:00"),
        ("2026-12-01T05:41:07Z", "2026-11-30T23:41:07-06:00"),
        ("2026-12-01T00:41:07-05:00", "2026-11-30T23:41:07-06:00"),
        ("2026-07-01T12:00:00+00:00", "2026-07-01T07:00:00-05:00"),
    ],
)
def test_sidecar_received_at_in_plan_time(raw: str, expected: str) -> None:
    """The sidecar's instant is expressed in plan local time, across offsets and DST."""
    finding = fax_metadata.from_sidecar({"received_at": raw, "from": "7155551234"}, CHICAGO)
    assert finding is not None and finding.source == "fax_metadata" and finding.detail == "sidecar"
    assert finding.received_at.isoformat() == expected and finding.confidence == 1.0


def test_sidecar_without_offset_is_local_but_less_sure() -> None:
    """A received_at without an offset is read as plan local time with lower confidence."""
    finding = fax_metadata.from_sidecar({"received_at": "2026-11-30T23:41:07"}, CHICAGO)
    assert finding.received_at == local(2026, 11, 30, 23, 41, 7)
    assert finding.detail == "sidecar_no_offset" and finding.confidence < 1.0


@pytest.mark.parametrize("sidecar", [None, {}, {"received_at": None}, {"received_at": "yesterday"}, {"received_at": 5}])
def test_sidecar_without_usable_time(sidecar: dict | None) -> None:
    """A missing or unreadable received_at gives no evidence."""
    assert fax_metadata.from_sidecar(sidecar, CHICAGO) is None


def test_tiff_datetime_is_local_wall_time() -> None:
    """DateTime (306) is the gateway's local time; keys may be ints or strings, values bytes."""
    for tags in ({306: "2026:11:30 23:41:07"}, {"306": "2026:11:30 23:41:07"}, {306: b"2026:11:30 23:41:07\x00"[:19]}):
        (finding,) = fax_metadata.from_tiff_tags(tags, CHICAGO)
        assert finding.received_at == local(2026, 11, 30, 23, 41, 7) and finding.detail == "tiff_datetime"


def test_tiff_datetime_in_repeated_hour_is_flagged() -> None:
    """A DateTime inside the repeated autumn hour is flagged unless the drop time settles it."""
    (finding,) = fax_metadata.from_tiff_tags({306: "2026:11:01 01:20:00"}, CHICAGO)
    assert finding.detail == "tiff_datetime_ambiguous_local_time" and finding.confidence < 0.8
    landed = datetime(2026, 11, 1, 1, 25, tzinfo=CHICAGO)
    (settled,) = fax_metadata.from_tiff_tags({306: "2026:11:01 01:20:00"}, CHICAGO, not_after=landed)
    assert settled.detail == "tiff_datetime" and settled.received_at.utcoffset().total_seconds() == -5 * 3600


def test_fax_recv_time_duration_is_not_a_time() -> None:
    """HylaFAX's FaxRecvTime (34910) is seconds spent receiving; only a Unix timestamp there dates the fax."""
    assert fax_metadata.from_tiff_tags({34910: 41}, CHICAGO) == []
    (finding,) = fax_metadata.from_tiff_tags({34910: 1796103667}, CHICAGO)
    assert finding.detail == "tiff_fax_recv_time"
    assert finding.received_at == datetime.fromtimestamp(1796103667, CHICAGO)


def test_unreadable_tiff_datetime_gives_nothing() -> None:
    """A malformed DateTime is ignored."""
    assert fax_metadata.from_tiff_tags({306: "30/11/2026"}, CHICAGO) == []
    assert fax_metadata.from_tiff_tags({306: "2026:13:30 23:41:07"}, CHICAGO) == []


def test_sender_tsi_is_first_line_of_image_description() -> None:
    """ImageDescription holds the TSI, then caller-id lines."""
    assert fax_metadata.sender_tsi({270: "WAUSAU INS AGENCY\n7155551234"}) == "WAUSAU INS AGENCY"
    assert fax_metadata.sender_tsi({}) is None


# --- fax header -------------------------------------------------------------------------------


def test_header_on_first_line() -> None:
    """The header line at the top of a page gives a fax_header finding."""
    p = page(["NOV-30-2026 11:41PM FROM: WAUSAU INSURANCE 7155551234 TO: 17157877328 P.001/003",
              "ENROLLMENT FORM", "Section 1"])
    (finding,) = fax_header.header_findings([p], CHICAGO)
    assert finding.source == "fax_header" and finding.received_at == local(2026, 11, 30, 23, 41)
    assert finding.has_time and finding.detail.startswith("header_month_first_p1")


def test_header_split_by_ocr_is_rejoined() -> None:
    """Tesseract may read the date and the page mark as separate lines at the same height."""
    text = page(["NOV-30-2026 11:41PM", "Aspirus enrollment form"]).text
    moved = [w.model_copy(update={"line": 7, "box": w.box.model_copy(update={"left": w.box.left + 1800})})
             for w in page(["P.001/003"]).text.words]
    joined = text.model_copy(update={"words": text.words + tuple(moved)})
    assert fax_header.top_rows(joined)[0] == "NOV-30-2026 11:41PM P.001/003"


def test_header_with_date_only_and_page_mark() -> None:
    """A header without a time still dates the fax (00:00, has_time False), but midnight is a guess: reviewed."""
    finding = fax_header.find_header(["11/30/2026 FROM 7155551234 Page 1 of 2"], 1, CHICAGO)
    assert finding.received_at == local(2026, 11, 30) and not finding.has_time
    assert finding.confidence < LOW_CONFIDENCE and "time_unread" in finding.detail


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("08/26/2026 17 59 FROM 7155550182 Page 1 of 1", local(2026, 8, 26, 17, 59)),
        ("Nov 30 2026 5 59 PM   AGENCY   7155550182   P.1", local(2026, 11, 30, 17, 59)),
    ],
)
def test_header_time_whose_colon_ocr_lost_is_read_and_reviewed(line: str, expected: datetime) -> None:
    """'17 59' right after the header's date is the time (a fine-resolution scan would show 17:59); repaired."""
    finding = fax_header.find_header([line], 1, CHICAGO)
    assert finding.received_at == expected and finding.has_time and finding.confidence < LOW_CONFIDENCE


def test_numbers_after_a_header_date_that_are_no_time_stay_unread() -> None:
    """A sender's number or a minute past 59 after the date is not taken for a time."""
    for line in ("11/30/2026 715 555 0182 Page 1 of 2", "11/30/2026 17 75 FROM 7155550182"):
        finding = fax_header.find_header([line], 1, CHICAGO)
        assert finding.received_at == local(2026, 11, 30) and not finding.has_time


def test_lone_date_near_top_is_not_a_header() -> None:
    """A form's own printed date (no time, no page mark, no FROM/TO) is not a fax header."""
    assert fax_header.find_header(["Form CMS-10718 Exp 12/31/2026", "Enrollment"], 1, CHICAGO) is None


def test_header_far_below_the_top_is_ignored() -> None:
    """Only the first few rows of a page can hold the header."""
    lines = ["ENROLLMENT", "Section 1", "Name", "Date 11/30/2026 11:41 PM"]
    assert fax_header.find_header(lines, 1, CHICAGO) is None


def test_header_ocr_slips_lower_confidence() -> None:
    """A header read with look-alikes is used but less trusted."""
    clean = fax_header.find_header(["NOV-30-2026 11:41PM P.001/003"], 1, CHICAGO)
    slipped = fax_header.find_header(["N0V-3O-2O26 ll:4lPM P.OO1/OO3"], 1, CHICAGO)
    assert slipped.received_at == clean.received_at and slipped.confidence < clean.confidence


# --- mail stamp ---------------------------------------------------------------------------------


def test_red_stamp_with_time() -> None:
    """The red-ink layer's RECEIVED, date and time give a mail_stamp finding."""
    p = page(["ENROLLMENT FORM"], stamp=["RECEIVED", "NOV 30 2026", "11:41 AM", "ASPIRUS HEALTH PLAN"])
    finding = mail_stamp.find_stamp(p, CHICAGO)
    assert finding.source == "mail_stamp" and finding.received_at == local(2026, 11, 30, 11, 41)
    assert finding.has_time and finding.confidence >= 0.9


def test_red_stamp_date_only_is_midnight_local() -> None:
    """A stamp without a time is 00:00 plan local time."""
    finding = mail_stamp.find_stamp(page(["FORM"], stamp=["RECEIVED", "NOV 3 2026", "ASPIRUS HEALTH PLAN"]), CHICAGO)
    assert finding.received_at == local(2026, 11, 3, 0, 0) and not finding.has_time
    assert finding.received_at.isoformat() == "2026-11-03T00:00:00-06:00"


def test_red_stamp_with_ocr_slips() -> None:
    """RECE1VED and N0V 3O are tolerated, at a lower confidence."""
    finding = mail_stamp.find_stamp(page(["FORM"], stamp=["RECE1VED", "N0V 3O 2026", "1l:41 AM"]), CHICAGO)
    assert finding.received_at == local(2026, 11, 30, 11, 41) and finding.confidence < 0.9


def test_stamp_found_in_page_text_when_red_layer_is_empty() -> None:
    """Without a red-ink reading, a RECEIVED line with a date in the page text is the stamp."""
    p = page(["ASPIRUS ENROLLMENT", "REC'D 11/30/26", "Name: ..."], stamp=[])
    finding = mail_stamp.find_stamp(p, CHICAGO)
    assert finding.received_at == local(2026, 11, 30) and finding.detail == "stamp_page_text"


def test_stamp_date_on_line_after_received() -> None:
    """The stamp's date may sit on the line below RECEIVED."""
    finding = mail_stamp.find_stamp(page(["RECEIVED", "DEC 07 2026", "2:15 PM"]), CHICAGO)
    assert finding.received_at == local(2026, 12, 7, 14, 15)


def _placed(rows: list[tuple[int, int, str]]) -> RecognizedPage:
    """A page whose lines sit at given (top, left) positions, one OCR line each."""
    words = []
    for n, (top, left, text) in enumerate(rows):
        x = left
        for token in text.split():
            words.append(Word(text=token, box=Box(left=x, top=top, width=20 * len(token), height=30), conf=0.9, line=n))
            x += 20 * len(token) + 20
    text = PageText(page=1, width=2550, height=3300, dpi=300, source="ocr", words=tuple(words))
    return RecognizedPage(number=1, text=text, image=np.zeros((2, 2), np.uint8))


def test_grey_scan_stamp_interleaved_with_form_lines() -> None:
    """On a grey scan the stamp's lines interleave with the form's; the area around RECEIVED is read."""
    p = _placed([(420, 228, "Member last name:"), (475, 241, "LEMKE"), (532, 1548, "RECEIVED"),
                 (574, 228, "Member first name:"), (627, 238, "TOUA"), (637, 1589, "OCT 29 2026"),
                 (700, 1580, "2:15 PM"), (727, 228, "Member ID number: 11/20/2026")])
    finding = mail_stamp.find_stamp(p, CHICAGO)
    assert finding.received_at == local(2026, 10, 29, 14, 15) and finding.detail == "stamp_page_text"


def test_stamp_date_without_received_word() -> None:
    """A stamp-style date near the drop time with its RECEIVED word lost is used, at low confidence."""
    p = _placed([(600, 170, "Residence address 3270 FRANKLIN ST NOV 03 2026"), (700, 169, "City/Town ANTIGO")])
    landed = local(2026, 11, 4, 4, 6)
    finding = mail_stamp.find_stamp(p, CHICAGO, not_after=landed)
    assert finding.received_at == local(2026, 11, 3) and finding.confidence < 0.8
    assert finding.detail == "stamp_date_without_word"
    assert mail_stamp.find_stamp(p, CHICAGO, not_after=local(2027, 3, 1)) is None  # months before the drop


def test_no_stamp_no_finding() -> None:
    """A page with dates but no RECEIVED word and no red ink has no stamp."""
    assert mail_stamp.find_stamp(page(["Signature date 11/20/2026"]), CHICAGO) is None


@pytest.mark.parametrize(("word", "yes"), [("RECEIVED", True), ("REC'D", True), ("Received", True), ("RECE1VED", True),
                                           ("RCVD", True), ("RECEIPT", False), ("RECORD", False), ("REVIEWED", False)])
def test_received_word(word: str, yes: bool) -> None:
    """RECEIVED and its abbreviations count, other words do not."""
    assert mail_stamp.is_received_word(word) is yes


# --- DocuSign certificate ---------------------------------------------------------------------------

CERTIFICATE = [
    "Certificate Of Completion",
    "Envelope Id: 3F2A9C0E5B7D4E1FA2C3B4D5E6F70812 Status: Completed",
    "Subject: Please DocuSign: Aspirus Enrollment",
    "Time Zone: {zone}",
    "Signer Events Signature Timestamp",
    "Sent: 11/19/2026 | 04:02:11 PM",
    "Viewed: 11/20/2026 | 09:12:40 AM",
    "Signed: 11/20/2026 | 09:31:05 AM",
    "Envelope Summary Events Status Timestamps",
    "Envelope Sent Hashed/Encrypted 11/19/2026 | 04:02:11 PM",
    "Certified Delivered Security Checked 11/20/2026 | 09:12:40 AM",
    "{signing} Security Checked 11/20/2026 | 09:31:05 AM",
    "Completed Security Checked 11/20/2026 | 09:31:09 AM",
]


def certificate(zone: str = "(UTC-06:00) Central Time (US & Canada)", signing: str = "Signing Complete",
                **changes: str) -> list[str]:
    lines = [line.format(zone=zone, signing=signing) for line in CERTIFICATE]
    return [changes.get(line, line) for line in lines]


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        ("(UTC-06:00) Central Time (US & Canada)", local(2026, 11, 20, 9, 31, 5)),
        ("(UTC-05:00) Eastern Time (US & Canada)", local(2026, 11, 20, 8, 31, 5)),
        ("(UTC-07:00) Mountain Time (US & Canada)", local(2026, 11, 20, 10, 31, 5)),
        ("(UTC-08:00) Pacific Time (US & Canada)", local(2026, 11, 20, 11, 31, 5)),
        ("(UTC) Coordinated Universal Time", local(2026, 11, 20, 3, 31, 5)),
        ("(UTC-07:00) Arizona", local(2026, 11, 20, 10, 31, 5)),
        ("(UTC+01:00) Somewhere", local(2026, 11, 20, 2, 31, 5)),
    ],
)
def test_signing_complete_converted_to_plan_time(zone: str, expected: datetime) -> None:
    """The certificate's zone is applied, then the time is expressed in plan local time."""
    finding = docusign_certificate.find_signing_complete([page(["Enrollment form"]), page(certificate(zone), number=2)],
                                                         CHICAGO)
    assert finding.source == "docusign_certificate" and finding.received_at == expected
    assert finding.detail.startswith("signing_complete")


def test_signing_complete_in_summer_uses_daylight_time() -> None:
    """An Eastern certificate in July is EDT (UTC-4): 09:31 EDT is 08:31 CDT."""
    lines = [line.replace("11/20/2026", "07/20/2026") for line in certificate("(UTC-05:00) Eastern Time (US & Canada)")]
    finding = docusign_certificate.find_signing_complete([page(lines)], CHICAGO)
    assert finding.received_at.isoformat() == "2026-07-20T08:31:05-05:00"


def test_certificate_extraction_slips_tolerated() -> None:
    """'Envelopeld', 'SigningComplete' and a time on the next line are read."""
    lines = certificate(signing="SigningComplete")
    lines = [line.replace("Envelope Id", "Envelopeld") for line in lines]
    lines[11] = "SigningComplete | Security Checked |"
    lines.insert(12, "11/20/2026 | 09:31:05 AM")
    finding = docusign_certificate.find_signing_complete([page(lines)], CHICAGO)
    assert finding.received_at == local(2026, 11, 20, 9, 31, 5) and finding.detail.startswith("signing_complete")


def test_certificate_without_signing_complete_falls_back_to_completed() -> None:
    """Without a Signing Complete line, the Completed event is used with lower confidence."""
    lines = [line for line in certificate() if not line.startswith("Signing Complete")]
    finding = docusign_certificate.find_signing_complete([page(lines)], CHICAGO)
    assert finding.received_at == local(2026, 11, 20, 9, 31, 9)
    assert finding.detail.startswith("completed") and finding.confidence < 0.9


def test_no_certificate_no_finding() -> None:
    """Pages without a certificate give nothing."""
    assert docusign_certificate.find_signing_complete([page(["Signing Complete 11/20/2026 09:31 AM"])], CHICAGO) is None


def test_certificate_without_zone_line_assumes_plan_zone() -> None:
    """A certificate whose Time Zone line was lost is read in plan time, less confidently."""
    lines = [line for line in certificate() if not line.startswith("Time Zone")]
    finding = docusign_certificate.find_signing_complete([page(lines)], CHICAGO)
    assert finding.received_at == local(2026, 11, 20, 9, 31, 5) and finding.confidence < 0.8
    assert docusign_certificate.certificate_zone("nothing here") is None
    assert isinstance(find_stamps("11/20/2026 | 09:31:05 AM")[0].clock, time)
