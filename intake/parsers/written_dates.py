"""Dates as people write them: numeric, ISO, month names, with OCR slips.

``parse_written_date`` only reads; ``normalize.date`` decides plausibility.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from intake.parsers.lookalikes import repair_digits

__all__ = ["parse_written_date"]


_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
_MONTH3 = {m[:3]: i + 1 for i, m in enumerate(_MONTHS)}
_MONTH3["sept"] = 9


def _month_from_word(word: str) -> tuple[int, bool] | None:
    """Month number for a month name or abbreviation (OCR-tolerant), and whether it needed fuzzing."""
    w = word.lower().rstrip(".")
    w = w.replace("0", "o").replace("1", "l") if any(c.isalpha() for c in w) else w
    if len(w) < 3 or not w.isalpha():
        return None
    if w[:3] in _MONTH3 and (len(w) == 3 or _MONTHS[_MONTH3[w[:3]] - 1].startswith(w) or w == "sept"):
        return _MONTH3[w[:3]], False
    match = process.extractOne(w, _MONTHS, scorer=fuzz.ratio, score_cutoff=75)
    if match is None:
        return None
    return _MONTHS.index(match[0]) + 1, True


def _num(token: str) -> tuple[int, bool] | None:
    fixed = repair_digits(token, allowed_separators="")
    if fixed is None:
        return None
    return int(fixed[0]), fixed[1]


_SEP = r"[\s/\-.,]+"
_NUMERIC_DATE = re.compile(rf"^(\w{{1,4}}){_SEP}(\w{{1,2}}){_SEP}(\w{{2,4}})$")
_WORDY = re.compile(r"[A-Za-z][A-Za-z0-9.]{2,}|\w+")


def parse_written_date(text_: str) -> tuple[int, int, int, bool, bool] | None:
    """(year, month, day, repaired, two_digit_year) from a written date, or None."""
    s = text_.strip().strip(",.")
    s = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", s, flags=re.I)
    # Compact forms from boxed fields: MMDDYYYY or YYYYMMDD.
    if re.fullmatch(r"\d{8}", s):
        if s[:2] in ("19", "20") and 1 <= int(s[4:6]) <= 12 and not (1 <= int(s[:2]) <= 12):
            return int(s[:4]), int(s[4:6]), int(s[6:]), False, False
        return int(s[4:]), int(s[:2]), int(s[2:4]), False, False
    if re.fullmatch(r"\d{6}", s):
        return int(s[4:]), int(s[:2]), int(s[2:4]), False, True
    has_alpha_word = re.search(r"[A-Za-z]{3,}", s) is not None
    if not has_alpha_word:
        m = _NUMERIC_DATE.match(s)
        closed_up = False
        if not m and re.search(r"\d\s+\d", s):
            # OCR split a number written in one go ("10/3 1/2026"): closed up, it must read whole
            m = _NUMERIC_DATE.match(re.sub(r"(?<=\d)\s+(?=\d)", "", s))
            closed_up = True
        if not m:
            return None
        parts = [_num(p) for p in m.groups()]
        if any(p is None for p in parts):
            return None
        (a, ra), (b, rb), (c, rc) = parts  # type: ignore[misc]
        repaired = ra or rb or rc or closed_up
        if len(m.group(1)) == 4:  # YYYY-MM-DD
            return a, b, c, repaired, False
        return c, a, b, repaired, len(m.group(3)) == 2
    # Month names: "March 14, 1957", "14 Mar 1957", "NOV-30-2026", "Mar. 14 57".
    tokens = [t for t in re.split(r"[\s/\-,]+", s) if t]
    if len(tokens) != 3:
        return None
    month_at = None
    for i, t in enumerate(tokens):
        if re.search(r"[A-Za-z]{2,}", t):
            found = _month_from_word(t)
            if found is not None:
                month_at = i
                month, fuzzy_month = found
                break
    if month_at is None:
        return None
    rest = [t for i, t in enumerate(tokens) if i != month_at]
    nums = [_num(t.rstrip(".")) for t in rest]
    if any(n is None for n in nums):
        return None
    (d, rd), (y, ry) = nums  # type: ignore[misc]
    if len(rest[0].rstrip(".")) == 4:  # "1957 Mar 14"
        (y, ry), (d, rd) = (d, rd), (y, ry)
        two_digit = False
    else:
        two_digit = len(rest[1].rstrip(".")) == 2
    return y, month, d, rd or ry or fuzzy_month, two_digit
