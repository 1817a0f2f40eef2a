"""A second look at doubtful fields: re-read their strip, never leave inked boxes silently empty.

After the whole-page reading, a field whose value failed its validator, was
repaired or read with low confidence, or whose labelled value area holds ink
although nothing was read there, is read once more from the page image with
an alphabet suited to it (``intake.ocr.reread``). The reading that validates
is kept; a second reading is never vouched for on its own, and two readings
that disagree are put up for review. An inked area that still reads as
nothing becomes ``FieldValue(value=None, needs_review=True, note="ink_unread")``:
a person looks at it instead of the field passing as left blank.
"""

from __future__ import annotations

import logging
import string
import time
from dataclasses import dataclass, replace

from intake.config import Settings
from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box
from intake.ocr.reread import ALPHABETS, MBI_CLASSES, ink_marks, read_comb, read_comb_row, reread_strip
from intake.parsers.candidates import REVIEW_BELOW, Candidate, choose
from intake.parsers import normalize
from intake.parsers.field_map import NORMALIZERS

__all__ = ["REREAD_ALPHABET", "Blank", "second_look"]

log = logging.getLogger(__name__)

#: Fields worth a second, narrow reading, and the alphabet (``reread.ALPHABETS``) each may hold.
REREAD_ALPHABET: dict[str, str] = {
    "applicant.birth_date": "date",
    "requested_effective_date": "date",
    "signature.date": "date",
    "medicare_number": "medicare",
    "applicant.middle_initial": "initial",
    "applicant.phone": "phone",
    "authorized_representative.phone": "phone",
    "applicant.permanent_address.zip": "digits",
    "applicant.mailing_address.zip": "digits",
    "agent.npn": "digits",
    "premium_payment.routing_number": "digits",
    "premium_payment.account_number": "digits",
    "applicant.permanent_address.county": "words",
    "applicant.permanent_address.state": "state",
    "applicant.mailing_address.state": "state",
}

#: Alphabets written one character to a comb box, what a box of each may hold and what joins the combs of one
#: value ("MM / DD / YYYY" as three combs, a phone as "( 3 ) 3 - 4", a ZIP+4 as "5 - 4").
_COMB_CHARACTERS: dict[str, tuple[str, str]] = {
    "date": (string.digits, "/"),
    "digits": (string.digits, "-"),
    "phone": (string.digits, "-"),
    "state": (string.ascii_uppercase, ""),
}

_MOST_PER_FIELD = 2  # re-read at most this many doubtful readings of one field

# Notes that say the first reading was repaired or guessed: worth a second look even when valid.
_DOUBT_NOTES = {"digits_joined", "lookalike_repaired", "initial_with_noise", "mbi_repaired"}


@dataclass(frozen=True)
class Blank:
    """A labelled field read as empty, and where its value could be written (most likely first)."""

    path: str
    page: int
    areas: tuple[Box, ...]


def _doubtful(cand: Candidate) -> bool:
    if cand.value is None:
        return cand.note not in (None, "empty")
    return cand.needs_review and (cand.confidence < REVIEW_BELOW or cand.note in _DOUBT_NOTES)


def _widen(box: Box, em: float, page: RecognizedPage) -> Box:
    """The value's words plus half a letter each side: a dropped first or last character is read too; and a
    little above and below, so boxes drawn round the writing (a short comb) are whole and taken out."""
    left = max(0, int(box.left - 0.6 * em))
    right = min(page.image.shape[1], int(box.right + 0.6 * em))
    top = max(0, int(box.top - 0.3 * em))
    bottom = min(page.image.shape[0], int(box.bottom + 0.3 * em))
    return Box(left=left, top=top, width=max(1, right - left), height=max(1, bottom - top))


def _entry_box_row(box: Box, page: RecognizedPage, em: float) -> Box | None:
    """The whole row of entry (comb) boxes a reading sits in, between the boxes' lid and floor:
    OCR often reads such a row in pieces, so the second look reads all of it at once."""
    def horizontal(rule: Box) -> bool:
        return rule.width >= 3 * rule.height and min(rule.right, box.right) - max(rule.left, box.left) > 0

    lids = [r for r in page.rules if horizontal(r) and abs(r.center[1] - box.top) <= 1.2 * em]
    floors = [r for r in page.rules if horizontal(r) and abs(r.center[1] - box.bottom) <= 1.2 * em and r.top > box.top]
    if not lids or not floors:
        return None
    lid = min(lids, key=lambda r: abs(r.center[1] - box.top))
    floor = min(floors, key=lambda r: abs(r.center[1] - box.bottom))
    left, right = max(lid.left, floor.left), min(lid.right, floor.right)
    if floor.top - lid.bottom < 0.8 * em or right - left < box.width:
        return None
    return Box(left=left, top=lid.bottom, width=right - left, height=floor.top - lid.bottom)


def _reread(path: str, page: RecognizedPage, box: Box, settings: Settings, rank: int) -> Candidate | None:
    alphabet = ALPHABETS[REREAD_ALPHABET[path]]
    reading = None
    if path == "medicare_number":
        # written in a comb of eleven boxes: each box read alone, with what its position may hold
        reading = read_comb(page.image, box, settings, dpi=page.text.dpi, classes=MBI_CLASSES, page=page.number,
                            timeout=settings.ocr_timeout_seconds)
    elif REREAD_ALPHABET[path] in _COMB_CHARACTERS:
        # written one character to a box: each box read alone, the boxes' lines never mistaken for strokes
        characters, separator = _COMB_CHARACTERS[REREAD_ALPHABET[path]]
        reading = read_comb_row(page.image, box, settings, dpi=page.text.dpi, characters=characters,
                                separator=separator, page=page.number, timeout=settings.ocr_timeout_seconds)
    if reading is None:
        reading = reread_strip(
            page.image, box, settings, dpi=page.text.dpi, alphabet=alphabet, rules=page.rules, page=page.number,
            timeout=settings.ocr_timeout_seconds,
        )  # fmt: skip
    if reading is None:
        return None
    result = NORMALIZERS[path](reading.text)
    if not result.ok or result.value is None:
        return None
    # one narrow reading alone vouches for nothing: always reviewed
    return Candidate(path, result.value, min(reading.conf, 0.8), True, "second_reading", reading.text,
                     page.number, box, rank)


def _worth_rereading(path: str, cand: Candidate, page: RecognizedPage | None) -> bool:
    if page is None or cand.box is None or page.text.source != "ocr" or not _doubtful(cand):
        return False
    # words without a digit in a box for numbers are running text a label matched, not a value
    return REREAD_ALPHABET[path] in ("initial", "words", "state") or any(ch.isdigit() for ch in cand.raw or "")


def _squashed(text: str) -> str:
    return "".join(ch for ch in text.upper() if ch.isalnum())


def _same_but_spacing(first: object, second: object) -> bool:
    """Two text readings with the same characters, the first split into more words ("A S H LAND")."""
    if not isinstance(first, str) or not isinstance(second, str):
        return False
    return " " in first and first.count(" ") > second.count(" ") and _squashed(first) == _squashed(second)


def _rejoin_split_words(path: str, cand: Candidate, page: RecognizedPage, em: float, settings: Settings) -> Candidate:
    """A text value whose words stand closer than a letter's gap ("A S H LAND": OCR split a typed word)
    read again as one line: where that reading has the same characters, its spacing is kept. The value
    stays reviewed: two readings agree on the letters, only one on where the words break."""
    reading = reread_strip(
        page.image, _widen(cand.box, em, page), settings, dpi=page.text.dpi, alphabet=ALPHABETS["text"],
        rules=page.rules, page=page.number, timeout=settings.ocr_timeout_seconds,
    )  # fmt: skip
    if reading is None:
        return cand
    result = NORMALIZERS.get(path, normalize.text)(reading.text)
    if not result.ok or not _same_but_spacing(cand.value, result.value):
        return cand
    return replace(cand, value=result.value, note="word_split_rejoined")


def second_look(
    candidates: dict[str, list[Candidate]],
    blanks: list[Blank],
    pages: list[RecognizedPage],
    em_of: dict[int, float],
    settings: Settings,
) -> dict[str, list[Candidate]]:
    """``candidates`` with doubtful ones re-read and inked blanks flagged (a new dict)."""
    by_number = {p.number: p for p in pages}
    out = {path: list(cands) for path, cands in candidates.items()}
    started, reread = time.perf_counter(), 0
    for path, cands in candidates.items():
        best = choose(cands)
        if path not in REREAD_ALPHABET or best is None or not _doubtful(best):
            continue
        doubtful = [c for c in cands if _worth_rereading(path, c, by_number.get(c.page or -1))]
        for cand in sorted(doubtful, key=lambda c: -c.confidence)[:_MOST_PER_FIELD]:
            page = by_number[cand.page or -1]
            reread += 1
            em = em_of.get(page.number, 20.0)
            area = _entry_box_row(cand.box, page, em) or _widen(cand.box, em, page)
            second = _reread(path, page, area, settings, cand.rank)
            if second is None:
                continue
            if cand.value is None:
                out[path].append(second)
            elif second.value != cand.value:
                i = out[path].index(cand)
                if _same_but_spacing(cand.value, second.value):
                    # "A S H LAND" read again as "ASHLAND": the same letters, the narrow reading's spacing
                    out[path][i] = replace(cand, value=second.value, needs_review=True, note="word_split_rejoined")
                else:
                    out[path][i] = replace(cand, needs_review=True, note="readings_disagree")
    for blank in blanks:
        page = by_number.get(blank.page)
        if any(c.valid for c in out.get(blank.path, [])) or page is None or page.text.source != "ocr":
            continue
        inked = [a for a in blank.areas if ink_marks(page.image, a, page.text.dpi, page.rules)]
        if not inked:
            continue
        second = None
        for area in inked if blank.path in REREAD_ALPHABET else ():
            reread += 1
            second = _reread(blank.path, page, area, settings, 0)
            if second is not None:
                break
        out.setdefault(blank.path, []).append(
            second or Candidate(blank.path, None, 0.0, True, "ink_unread", None, blank.page, inked[0])
        )
    for path, cands in out.items():
        for k, cand in enumerate(cands):
            page = by_number.get(cand.page or -1)
            if cand.note == "word_split_doubtful" and cand.box is not None and page is not None \
                    and page.text.source == "ocr":
                reread += 1
                cands[k] = _rejoin_split_words(path, cand, page, em_of.get(page.number, 20.0), settings)
    if reread:
        log.info("second readings=%d seconds=%.2f", reread, time.perf_counter() - started)
    return out
