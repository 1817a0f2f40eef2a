"""What kind of document this is: an enrollment application, or what else.

Kinds: ``enrollment_application``, ``dental_enrollment`` (a dental-rider-only
form), ``disenrollment_request``, ``cover_letter`` (a fax cover sheet or
letter alone), ``blank`` (little or no text), ``unknown``.

Each page is scored by the phrases it contains, matched fuzzily (rapidfuzz
``partial_ratio``) so OCR slips and rewording do not hide them. Pages that
are a fax cover sheet, a DocuSign Certificate Of Completion or an agent's
Scope of Sales Appointment confirmation are set aside: they travel with
applications and do not make one something else, and their names, phones
and dates are no fields of the application (``Classification.set_aside``). The
remaining pages' scores are summed per kind and the strongest kind wins when
it is clearly present; a document whose only readable pages are cover pages is
a ``cover_letter``; one with no readable text is ``blank``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from rapidfuzz import fuzz

from intake.extraction import Classification
from intake.ocr.page import RecognizedPage
from intake.parsers.fax_header import find_header, top_rows

__all__ = ["classify", "page_scores", "PageScores", "MATCH_CUTOFF", "MIN_KIND_SCORE", "MIN_WORDS"]

#: partial_ratio a long phrase must reach to count as present.
MATCH_CUTOFF = 88
#: Summed score a kind needs before the document is called that kind.
MIN_KIND_SCORE = 4
#: Readable words a page needs to be more than blank.
MIN_WORDS = 6
#: OCR confidence a word needs to count as readable (a text layer's words have 1.0).
_WORD_CONFIDENCE = 0.5
# The header finder needs a zone; only whether a header is there matters here.
_ANY_ZONE = ZoneInfo("UTC")

# (phrase, weight). Titles weigh 3, field labels 1. Phrases are upper case, punctuation as spaces.
_ENROLLMENT: tuple[tuple[str, int], ...] = (
    ("ENROLLMENT REQUEST FORM", 3),
    ("ENROLLMENT APPLICATION", 3),
    ("INDIVIDUAL ENROLLMENT", 3),
    ("ENROLLMENT REQUEST", 3),
    ("ELECTION FORM", 3),  # CMS's word for joining a plan: "Medicare Advantage Election Form"
    ("JOIN A MEDICARE ADVANTAGE PLAN", 3),
    ("PLAN YOU WANT TO JOIN", 3),
    ("MEDICARE NUMBER", 1),
    ("PREMIUM PAYMENT", 1),
    ("PERMANENT RESIDENCE", 1),
    ("PERMANENT ADDRESS", 1),
    ("BIRTH DATE", 1),
    ("DATE OF BIRTH", 1),
    ("ELECTRONIC FUNDS TRANSFER", 1),
    ("AUTHORIZED REPRESENTATIVE", 1),
    ("PRIMARY CARE", 1),
    ("SOCIAL SECURITY", 1),
    ("RAILROAD RETIREMENT", 1),
    ("ROUTING NUMBER", 1),
    ("ACCOUNT NUMBER", 1),
    ("PLAN CHOICE", 1),
    ("CHOOSE YOUR PLAN", 1),
    ("MAILING ADDRESS", 1),
    ("NPN", 1),
    ("BROKER", 1),
)
_DENTAL: tuple[tuple[str, int], ...] = (
    ("DENTAL ONLY", 3),
    ("DENTAL RIDER ENROLLMENT FORM", 3),
    ("ADD THE DENTAL RIDER", 3),
    ("DENTAL COVERAGE TO BEGIN", 3),
    ("DENTAL RIDER OPTION", 2),
    ("DENTAL ENROLLMENT", 2),
)
_DISENROLLMENT: tuple[tuple[str, int], ...] = (
    ("REQUEST TO DISENROLL", 3),
    ("DISENROLLMENT REQUEST", 3),
    ("END MY MEMBERSHIP", 3),
    ("PLAN YOU ARE LEAVING", 3),
    ("DISENROLLMENT DATE", 3),
    ("DISENROLL FROM", 2),
)
_COVER: tuple[tuple[str, int], ...] = (
    ("FAX COVER SHEET", 3),
    ("COVER SHEET", 3),
    ("COVER PAGE", 3),
    ("FACSIMILE", 2),
    ("CONFIDENTIALITY NOTICE", 2),
    ("INCLUDING COVER", 2),
    ("FAX TRANSMITTAL", 3),
    ("INTENDED RECIPIENT", 1),
)
#: CMS's Scope of Sales Appointment Confirmation Form: the products an agent may discuss, signed before the meeting
_SCOPE: tuple[tuple[str, int], ...] = (
    ("SCOPE OF SALES APPOINTMENT", 3),
    ("SCOPE OF APPOINTMENT", 3),
    ("DATE APPOINTMENT COMPLETED", 2),
    ("INITIAL METHOD OF CONTACT", 2),
    ("AGENT REPRESENTED DURING THIS MEETING", 2),
    ("TYPE OF PRODUCT", 1),
    ("MEDIGAP", 1),
    ("HOSPITAL INDEMNITY", 1),
)
_CERTIFICATE: tuple[tuple[str, int], ...] = (
    ("CERTIFICATE OF COMPLETION", 3),
    ("ENVELOPE SUMMARY EVENTS", 3),
    ("SIGNER EVENTS", 2),
    ("ENVELOPE ID", 1),
)


@dataclass(frozen=True)
class PageScores:
    """How strongly one page reads as each kind, and whether it is blank."""

    number: int
    words: int
    enrollment: int
    dental: int
    disenrollment: int
    cover: int
    certificate: int
    scope: int = 0

    @property
    def blank(self) -> bool:
        return self.words < MIN_WORDS

    @property
    def is_cover(self) -> bool:
        return not self.blank and self.cover >= 3 and self.cover >= self.enrollment

    @property
    def is_certificate(self) -> bool:
        return not self.blank and self.certificate >= 4 and self.certificate >= self.enrollment

    @property
    def is_scope_of_appointment(self) -> bool:
        return not self.blank and self.scope >= 5 and self.scope >= self.enrollment

    @property
    def set_aside(self) -> bool:
        return self.is_cover or self.is_certificate or self.is_scope_of_appointment


def _normal(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^A-Z0-9]+", " ", text.upper())).strip()


# "DISENROLLMENT REQUEST" is one edit-run away from "ENROLLMENT REQUEST": the DIS must really be there.
_DISENROLL_WORD = re.compile(r"\bD[I1L]S ?EN ?R[O0]L")


def _score(text: str, phrases: tuple[tuple[str, int], ...]) -> int:
    total = 0
    has_disenroll = _DISENROLL_WORD.search(text) is not None
    for phrase, weight in phrases:
        if "DISENROLL" in phrase and not has_disenroll:
            continue
        if len(phrase) <= 6:  # a short phrase must be a whole word: fuzzy matching would find it everywhere
            hit = re.search(rf"\b{phrase}\b", text) is not None
        else:
            hit = fuzz.partial_ratio(phrase, text, score_cutoff=MATCH_CUTOFF) > 0
        total += weight if hit else 0
    return total


def _readable_words(page: RecognizedPage) -> tuple[str, int]:
    """The page text without a fax header row, and how many real words it has."""
    rows = top_rows(page.text, 1)
    lines = [line.text for line in page.text.lines]
    header_words: set[str] = set()
    if rows and lines and find_header(rows, page.number, _ANY_ZONE) is not None:
        # The sending machine's header line is on every faxed page, blank or not.
        header_words = set(rows[0].split())
        lines = [line for line in lines if not set(line.split()) <= header_words]
    text = "\n".join(lines)
    # Paper grain and scanner noise read as low-confidence scraps ("ot", "Paes"): not words.
    words = [w.text for w in page.text.words if w.conf >= _WORD_CONFIDENCE and w.text not in header_words
             and len(re.sub(r"[^A-Za-z0-9]", "", w.text)) >= 3 and re.search(r"[A-Za-z]", w.text)]
    return text, len(words)


def page_scores(page: RecognizedPage) -> PageScores:
    """Score one page against every kind's phrases."""
    raw, words = _readable_words(page)
    text = _normal(raw)
    return PageScores(
        number=page.number,
        words=words,
        enrollment=_score(text, _ENROLLMENT),
        dental=_score(text, _DENTAL),
        disenrollment=_score(text, _DISENROLLMENT),
        cover=_score(text, _COVER),
        certificate=_score(text, _CERTIFICATE),
        scope=_score(text, _SCOPE),
    )


def classify(pages: list[RecognizedPage]) -> Classification:
    """The document's kind, with a reason code and a rough confidence."""
    scores = [page_scores(page) for page in pages]
    readable = [s for s in scores if not s.blank]
    if not readable:
        return Classification(kind="blank", reason="no_text", confidence=0.95 if pages else 0.8)
    content = [s for s in readable if not s.set_aside]
    aside = tuple(s.number for s in readable if s.set_aside)
    aside_reasons = []
    if any(s.is_cover for s in readable):
        aside_reasons.append("cover_page_set_aside")
    if any(s.is_certificate for s in readable):
        aside_reasons.append("certificate_page_set_aside")
    if any(s.is_scope_of_appointment for s in readable):
        aside_reasons.append("scope_of_appointment_set_aside")
    if not content:
        if any(s.is_cover for s in readable):
            return Classification(kind="cover_letter", reason="fax_cover_sheet_only", confidence=0.9, set_aside=aside)
        reason = "scope_of_appointment_only" if any(s.is_scope_of_appointment for s in readable) else "certificate_only"
        return Classification(kind="unknown", reason=reason, confidence=0.6, set_aside=aside)
    totals = {
        "enrollment_application": sum(s.enrollment for s in content),
        "dental_enrollment": sum(s.dental for s in content),
        "disenrollment_request": sum(s.disenrollment for s in content),
    }
    # A dental-only or disenrollment form shares some labels with the application
    # (names, Medicare number); its own phrases must outweigh the application's titles.
    kind, best = max(totals.items(), key=lambda item: item[1])
    runner_up = max(v for k, v in totals.items() if k != kind)
    if best < MIN_KIND_SCORE:
        if any(s.is_cover for s in readable) and sum(s.words for s in content) < 3 * MIN_WORDS:
            return Classification(kind="cover_letter", reason="fax_cover_sheet_only", confidence=0.7, set_aside=aside)
        return Classification(kind="unknown", reason="no_known_phrases", confidence=0.5, set_aside=aside)
    reason = {
        "enrollment_application": "enrollment_phrases",
        "dental_enrollment": "dental_only_phrases",
        "disenrollment_request": "disenrollment_phrases",
    }[kind]
    confidence = round(min(0.99, 0.6 + 0.4 * (best - runner_up) / best), 2)
    return Classification(kind=kind, reason=";".join([reason, *aside_reasons]), confidence=confidence, set_aside=aside)
