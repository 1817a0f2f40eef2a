"""Validators and normalisers for every field value the parsers read.

Each function takes the raw text as read (OCR, text layer or portal JSON) and
returns a ``Normalized``: the value in the contract's format, whether it is
valid, whether the validator had to change characters to make it valid
(``repaired``: OCR look-alikes such as O/0, I/1, S/5) and a machine ``note``
saying why a value was rejected or doubted. ``needs_review`` is what a parser
copies into ``FieldValue.needs_review``: a repaired or doubtful value is never
one the system vouches for.

Notes (stable codes): ``empty``, ``bad_format``, ``mbi_repaired``,
``mbi_excluded_letter``, ``ssn_in_medicare_box``, ``hicn_in_medicare_box``,
``bad_checksum``, ``npn_looks_like_phone``, ``npn_looks_like_npi``,
``npn_ten_digits``, ``digits_repaired``, ``date_repaired``, ``sex_repaired``, ``implausible_birth_date``,
``implausible_signature_date``, ``implausible_effective_date``,
``two_digit_year``, ``bad_area_code``, ``unknown_state``, ``state_repaired``,
``name_has_digits``.

Values never appear in exceptions or logs: these functions do not log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Any, Literal

from rapidfuzz import fuzz, process

__all__ = [
    "Normalized",
    "medicare_number",
    "npn",
    "routing_number",
    "account_number",
    "date",
    "phone",
    "state",
    "zip_code",
    "person_name",
    "middle_initial",
    "sex",
    "text",
    "plan_id",
    "yes_no",
    "payment_method",
    "account_type",
    "signer",
    "for_field",
    "is_npi",
    "aba_checksum_ok",
    "USPS_STATES",
]


@dataclass(frozen=True)
class Normalized:
    """One value after validation.

    ``value`` is None when the input was absent (note ``empty``) or invalid.
    ``repaired`` means characters were changed (look-alikes); ``doubtful``
    means the value is kept but a person should confirm it (e.g. a 10-digit
    NPN). Either puts the field in ``review[]``.
    """

    value: Any | None
    ok: bool
    repaired: bool = False
    note: str | None = None
    doubtful: bool = False

    @property
    def needs_review(self) -> bool:
        """A value a person must confirm: repaired, doubtful, or read but rejected."""
        return self.repaired or self.doubtful or (not self.ok and self.note not in (None, "empty"))


_EMPTY = Normalized(None, False, note="empty")


def _bad(note: str = "bad_format") -> Normalized:
    return Normalized(None, False, note=note)


def _blank(raw: Any) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


# --- OCR look-alikes ---------------------------------------------------------

#: Letters (and marks) OCR reads where a digit was written.
_TO_DIGIT: dict[str, str] = {
    "O": "0", "Q": "0", "D": "0",
    "I": "1", "L": "1", "|": "1", "!": "1",
    "Z": "2",
    "S": "5",
    "G": "6", "b": "6",
    "B": "8",
}
# In a medicare number only the letters the MBI never uses (S L O I B Z) plus G
# (a G is legal as a letter, so we only turn it into 6 where a digit is
# required) are treated as look-alikes: D, Q, T, U, J are valid MBI letters.
_MBI_TO_DIGIT: dict[str, str] = {"O": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "G": "6", "B": "8"}
#: Digits OCR reads where an MBI letter was written. Only 6->G is unambiguous:
#: 0, 1, 2, 5, 8 resemble O, I/L, Z, S, B, which the MBI never uses.
_MBI_TO_LETTER: dict[str, str] = {"6": "G"}


def _repair_digits(
    raw: str, *, allowed_separators: str = " -.", min_real: float = 0.5
) -> tuple[str, bool] | None:
    """Digits of ``raw`` with look-alike letters turned into digits; None if other characters remain.

    Separators are dropped. Repair is only accepted when at least half the characters are
    real digits, so a word is never turned into a number.
    """
    chars = [c for c in raw.strip() if c not in allowed_separators]
    if not chars:
        return None
    real = sum(c.isdigit() for c in chars)
    out: list[str] = []
    repaired = False
    for c in chars:
        if c.isdigit():
            out.append(c)
            continue
        sub = _TO_DIGIT.get(c) or _TO_DIGIT.get(c.upper())
        if c == "l":
            sub = "1"
        if sub is None:
            return None
        out.append(sub)
        repaired = True
    if repaired and real < min_real * len(chars):
        return None
    return "".join(out), repaired


# --- Medicare Beneficiary Identifier ----------------------------------------

_MBI_LETTERS = frozenset("ACDEFGHJKMNPQRTUVWXY")
_MBI_EXCLUDED = frozenset("SLOIBZ")
# Position classes: C = 1-9, A = allowed letter, N = 0-9, X = letter or digit.
_MBI_CLASSES = "CAXNAXNAANN"
_MBI_RE = re.compile(
    r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$"
)
_SSN_SHAPED = re.compile(r"^\s*\d{3}\s*[- ]?\s*\d{2}\s*[- ]?\s*\d{4}\s*$")


def _fits(c: str, cls: str) -> bool:
    if cls == "C":
        return c in "123456789"
    if cls == "N":
        return c.isdigit()
    if cls == "A":
        return c in _MBI_LETTERS
    return c.isdigit() or c in _MBI_LETTERS


def medicare_number(raw: str | None) -> Normalized:
    """The 11-character MBI, upper case, without dashes; look-alikes repaired by position.

    A 9-digit SSN (or an old SSN-based HICN) in the Medicare box is refused:
    it is not a Medicare number, and it must not be stored as one.
    """
    if _blank(raw):
        return _EMPTY
    text_ = str(raw).strip().upper()
    compact = re.sub(r"[\s\-.]", "", text_)
    # An SSN (possibly with OCR slips) in the Medicare box.
    if _SSN_SHAPED.match(text_) or (len(compact) == 9 and _repair_digits(compact) is not None):
        return Normalized(None, False, note="ssn_in_medicare_box")
    # Legacy HICN: SSN followed by a 1-2 character beneficiary code (e.g. 123456789A).
    if re.fullmatch(r"\d{9}[A-Z][A-Z0-9]?", compact):
        return Normalized(None, False, note="hicn_in_medicare_box")
    if len(compact) != 11 or not compact.isalnum():
        return _bad()
    out: list[str] = []
    repaired = False
    for c, cls in zip(compact, _MBI_CLASSES):
        if _fits(c, cls):
            out.append(c)
            continue
        if cls in "CNX" and c in _MBI_TO_DIGIT:
            sub = _MBI_TO_DIGIT[c]
        elif cls == "A" and c in _MBI_TO_LETTER:
            sub = _MBI_TO_LETTER[c]
        else:
            return _bad("mbi_excluded_letter" if c in _MBI_EXCLUDED else "bad_format")
        if not _fits(sub, cls):
            return _bad("mbi_excluded_letter" if c in _MBI_EXCLUDED else "bad_format")
        out.append(sub)
        repaired = True
    value = "".join(out)
    if not _MBI_RE.match(value):  # defensive: the classes above mirror the CMS pattern
        return _bad()
    return Normalized(value, True, repaired=repaired, note="mbi_repaired" if repaired else None)


# --- NPN / NPI / phone ------------------------------------------------------


def is_npi(digits: str) -> bool:
    """True for a 10-digit National Provider Identifier (Luhn over ``80840`` + the number)."""
    if not re.fullmatch(r"[12]\d{9}", digits):
        return False
    total = 0
    for i, ch in enumerate(reversed("80840" + digits)):
        d = int(ch)
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _nanp_ok(ten: str) -> bool:
    """A plausible North American number: area and exchange start 2-9 and are not N11."""
    area, exchange = ten[:3], ten[3:6]
    return (
        area[0] in "23456789"
        and exchange[0] in "23456789"
        and area[1:] != "11"
        and exchange[1:] != "11"
    )


_PHONE_SHAPED = re.compile(r"^\s*(\+?1[\s.\-]*)?\(?\s*\d{3}\s*\)?[\s.\-]*\d{3}[\s.\-]+\d{4}\s*$")


def npn(raw: str | None) -> Normalized:
    """The agent's National Producer Number: 1-10 digits.

    Refused: a value written like a phone number (``(715) 555-0142``,
    ``715-555-0142``, 11 digits with a leading 1) or a bare 10-digit value
    that is a valid North American phone number (note
    ``npn_looks_like_phone``), and a 10-digit NPI (Luhn with prefix 80840,
    note ``npn_looks_like_npi``). NIPR numbers are issued sequentially and are
    today 8 digits at most, so a 10-digit value is far likelier to be a phone
    number or NPI than an NPN. A bare 10-digit value that is neither is kept
    but ``doubtful`` (note ``npn_ten_digits``): a person must confirm it.
    """
    if _blank(raw):
        return _EMPTY
    text_ = str(raw).strip()
    text_ = re.sub(r"^(?i:npn)\s*[:#]?\s*", "", text_)
    if _PHONE_SHAPED.match(text_):
        return _bad("npn_looks_like_phone")
    fixed = _repair_digits(text_, allowed_separators=" ")
    if fixed is None:
        return _bad()
    digits, repaired = fixed
    if len(digits) == 11 and digits[0] == "1" and _nanp_ok(digits[1:]):
        return _bad("npn_looks_like_phone")
    if not 1 <= len(digits) <= 10:
        return _bad()
    if len(digits) == 10:
        if is_npi(digits):
            return _bad("npn_looks_like_npi")
        if _nanp_ok(digits):
            return _bad("npn_looks_like_phone")
        return Normalized(digits, True, repaired=repaired, note="npn_ten_digits", doubtful=True)
    return Normalized(digits, True, repaired=repaired, note="digits_repaired" if repaired else None)


def phone(raw: str | None) -> Normalized:
    """A US phone number as 10 digits (a leading country code 1 is dropped, extensions ignored)."""
    if _blank(raw):
        return _EMPTY
    text_ = str(raw).strip()
    text_ = re.split(r"(?i)\s*(?:ext\.?|x)\s*\d+\s*$", text_)[0]
    text_ = re.sub(r"^\+", "", text_)
    fixed = _repair_digits(text_, allowed_separators=" -.()/")
    if fixed is None:
        return _bad()
    digits, repaired = fixed
    if len(digits) == 11 and digits[0] == "1":
        digits = digits[1:]
    if len(digits) != 10:
        return _bad()
    if not _nanp_ok(digits):
        return _bad("bad_area_code")
    return Normalized(digits, True, repaired=repaired, note="digits_repaired" if repaired else None)


# --- Banking ----------------------------------------------------------------

_ABA_WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7, 1)
# Federal Reserve routing symbols: 00-12 (banks), 21-32 (thrifts), 61-72 (electronic), 80 (traveller's cheques).
_ABA_PREFIXES = {f"{n:02d}" for n in (*range(0, 13), *range(21, 33), *range(61, 73), 80)}


def aba_checksum_ok(digits: str) -> bool:
    """The ABA 3-7-1 check: sum of weighted digits is a multiple of 10."""
    if not re.fullmatch(r"\d{9}", digits):
        return False
    return sum(int(d) * w for d, w in zip(digits, _ABA_WEIGHTS)) % 10 == 0


def routing_number(raw: str | None) -> Normalized:
    """A 9-digit ABA routing number that passes the checksum and has a valid Federal Reserve prefix."""
    if _blank(raw):
        return _EMPTY
    fixed = _repair_digits(str(raw), allowed_separators=" -.⑆:")
    if fixed is None:
        return _bad()
    digits, repaired = fixed
    if len(digits) != 9:
        return _bad()
    if not aba_checksum_ok(digits) or digits[:2] not in _ABA_PREFIXES:
        return _bad("bad_checksum")
    return Normalized(digits, True, repaired=repaired, note="digits_repaired" if repaired else None)


def account_number(raw: str | None) -> Normalized:
    """A bank account number: 1-17 digits, leading zeros kept."""
    if _blank(raw):
        return _EMPTY
    fixed = _repair_digits(str(raw), allowed_separators=" -⑈")
    if fixed is None:
        return _bad()
    digits, repaired = fixed
    if not 1 <= len(digits) <= 17:
        return _bad()
    return Normalized(digits, True, repaired=repaired, note="digits_repaired" if repaired else None)


# --- Dates ------------------------------------------------------------------

DateKind = Literal["any", "birth", "signature", "effective"]

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
    fixed = _repair_digits(token, allowed_separators="")
    if fixed is None:
        return None
    return int(fixed[0]), fixed[1]


_SEP = r"[\s/\-.,]+"
_NUMERIC_DATE = re.compile(rf"^(\w{{1,4}}){_SEP}(\w{{1,2}}){_SEP}(\w{{2,4}})$")
_WORDY = re.compile(r"[A-Za-z][A-Za-z0-9.]{2,}|\w+")


def _parse_date(text_: str) -> tuple[int, int, int, bool, bool] | None:
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
        if not m:
            return None
        parts = [_num(p) for p in m.groups()]
        if any(p is None for p in parts):
            return None
        (a, ra), (b, rb), (c, rc) = parts  # type: ignore[misc]
        repaired = ra or rb or rc
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


def _age_on(birth: Date, today: Date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def date(raw: str | None, *, kind: DateKind = "any", today: Date | None = None) -> Normalized:
    """A written date as ``YYYY-MM-DD``.

    Accepts MM/DD/YYYY, M/D/YY, MM-DD-YYYY, MM.DD.YYYY, YYYY-MM-DD, MMDDYYYY,
    "March 14, 1957", "14 Mar 1957", "NOV-30-2026", with OCR slips in the digits
    (repaired) or month names (fuzzy). ``kind`` adds a plausibility range:
    birth = age 0-120; signature = within two years before today and not more
    than a day ahead; effective = within a year before and two years after
    today. Two-digit years: the 2000s unless that is in the future (or, for a
    birth date, makes the applicant a child while the 1900s reading is
    plausible).
    """
    if _blank(raw):
        return _EMPTY
    today = today or Date.today()
    parsed = _parse_date(str(raw))
    if parsed is None:
        return _bad()
    year, month, day, repaired, two_digit = parsed
    doubtful = False
    if two_digit:
        year = 2000 + year if year < 100 else year
        if kind == "birth":
            older = year - 100
            try:
                recent_age = _age_on(Date(year, month, day), today)
                older_age = _age_on(Date(older, month, day), today)
            except ValueError:
                return _bad()
            if recent_age < 0 or (recent_age < 18 and older_age <= 120):
                doubtful = 0 <= recent_age and older_age <= 120
                year = older
        elif year > today.year + 2:
            year -= 100
    if not 1800 <= year <= 2200:
        return _bad()
    try:
        value = Date(year, month, day)
    except ValueError:
        return _bad()
    if kind == "birth" and not 0 <= _age_on(value, today) <= 120:
        return _bad("implausible_birth_date")
    if kind == "signature" and not (
        Date(today.year - 2, today.month, min(today.day, 28)) <= value <= Date.fromordinal(today.toordinal() + 1)
    ):
        return _bad("implausible_signature_date")
    if kind == "effective" and not (
        Date(today.year - 1, today.month, min(today.day, 28)) <= value <= Date(today.year + 2, 12, 31)
    ):
        return _bad("implausible_effective_date")
    note = "date_repaired" if repaired else ("two_digit_year" if doubtful else None)
    return Normalized(value.isoformat(), True, repaired=repaired, note=note, doubtful=doubtful)


# --- Addresses --------------------------------------------------------------

USPS_STATES: dict[str, str] = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon",
    "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota",
    "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia",
    "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
    "PR": "Puerto Rico", "GU": "Guam", "VI": "Virgin Islands", "AS": "American Samoa",
    "MP": "Northern Mariana Islands", "AA": "Armed Forces Americas", "AE": "Armed Forces Europe",
    "AP": "Armed Forces Pacific",
}
_STATE_BY_NAME = {name.upper(): code for code, name in USPS_STATES.items()}
# Traditional abbreviations still written on forms.
_STATE_BY_NAME.update({"WIS": "WI", "WISC": "WI", "MINN": "MN", "MICH": "MI", "ILL": "IL", "IOWA": "IA"})
_STATE_LOOKALIKE = {"1": "I", "l": "I", "|": "I", "0": "O", "5": "S", "8": "B", "2": "Z", "6": "G"}


def state(raw: str | None) -> Normalized:
    """A 2-letter USPS code from a code, a full name ("Wisconsin") or an old abbreviation ("Wis.")."""
    if _blank(raw):
        return _EMPTY
    s = re.sub(r"\s+", " ", str(raw).strip().strip(".,")).rstrip(".")
    if len(s) == 2:
        up = s.upper()
        if up in USPS_STATES:
            return Normalized(up, True)
        fixed = "".join(_STATE_LOOKALIKE.get(c, c) for c in s).upper()
        if fixed in USPS_STATES:
            return Normalized(fixed, True, repaired=True, note="state_repaired")
        return _bad("unknown_state")
    up = s.upper().replace(".", "")
    if up in _STATE_BY_NAME:
        return Normalized(_STATE_BY_NAME[up], True)
    match = process.extractOne(up, list(_STATE_BY_NAME), scorer=fuzz.ratio, score_cutoff=85)
    if match is not None and len(up) >= 5:
        return Normalized(_STATE_BY_NAME[match[0]], True, repaired=True, note="state_repaired")
    return _bad("unknown_state")


def zip_code(raw: str | None) -> Normalized:
    """A ZIP code: ``54401`` or ``54401-1234`` (ZIP+4 written with a space or run together is joined)."""
    if _blank(raw):
        return _EMPTY
    fixed = _repair_digits(str(raw), allowed_separators=" -")
    if fixed is None:
        return _bad()
    digits, repaired = fixed
    if len(digits) == 5:
        value = digits
    elif len(digits) == 9:
        value = f"{digits[:5]}-{digits[5:]}"
    else:
        return _bad()
    return Normalized(value, True, repaired=repaired, note="digits_repaired" if repaired else None)


# --- People and text --------------------------------------------------------


def text(raw: str | None) -> Normalized:
    """Generic text: trimmed, inner whitespace collapsed, case kept; None when empty."""
    if _blank(raw):
        return _EMPTY
    value = re.sub(r"\s+", " ", str(raw)).strip()
    return Normalized(value, True) if value else _EMPTY


def person_name(raw: str | None) -> Normalized:
    """A name as written (case kept, spaces collapsed, stray edge punctuation dropped).

    A name containing digits is kept but doubtful: OCR slips in names cannot be
    repaired safely (is it O or 0 in "0LSON"?), so a person looks.
    """
    if _blank(raw):
        return _EMPTY
    value = re.sub(r"\s+", " ", str(raw)).strip().strip(",;:_|").strip()
    if not value or not re.search(r"[A-Za-z]", value):
        return _bad()
    if re.search(r"\d", value):
        return Normalized(value, True, note="name_has_digits", doubtful=True)
    return Normalized(value, True)


def middle_initial(raw: str | None) -> Normalized:
    """One upper-case letter ("a." -> "A"; a full middle name gives its initial)."""
    if _blank(raw):
        return _EMPTY
    s = str(raw).strip().strip(".")
    if not s or not s[0].isalpha() or not s[0].isascii():
        return _bad()
    return Normalized(s[0].upper(), True)


_SEX = {"M": "M", "MALE": "M", "MAN": "M", "F": "F", "FEMALE": "F", "WOMAN": "F"}


def sex(raw: str | None) -> Normalized:
    """``M`` or ``F`` from M, Male, F, Female (any case, OCR-tolerant)."""
    if _blank(raw):
        return _EMPTY
    s = re.sub(r"[^A-Za-z]", "", str(raw)).upper()
    if s in _SEX:
        return Normalized(_SEX[s], True)
    if len(s) >= 4:
        match = process.extractOne(s, ["MALE", "FEMALE"], scorer=fuzz.ratio, score_cutoff=80)
        if match is not None:
            return Normalized(_SEX[match[0]], True, repaired=True, note="sex_repaired")
    return _bad()


_PLAN_ID = re.compile(r"^([HRS])\s*(\w{4})\s*[-–]?\s*(\w{3})$")


def plan_id(raw: str | None) -> Normalized:
    """A contract-PBP plan id such as ``H5652-002`` (space or missing dash tolerated, look-alikes repaired)."""
    if _blank(raw):
        return _EMPTY
    s = str(raw).strip().upper()
    m = _PLAN_ID.match(s)
    if not m:
        return _bad()
    # The shape (letter, 4, 3) is fixed, so every look-alike in the number parts may be repaired.
    contract = _repair_digits(m.group(2), allowed_separators="", min_real=0)
    pbp = _repair_digits(m.group(3), allowed_separators="", min_real=0)
    if contract is None or pbp is None:
        return _bad()
    repaired = contract[1] or pbp[1]
    value = f"{m.group(1)}{contract[0]}-{pbp[0]}"
    return Normalized(value, True, repaired=repaired, note="digits_repaired" if repaired else None)


# --- Choices and the field table ---------------------------------------------

_YES = {"Y", "YES", "TRUE", "X", "1", "ON", "CHECKED", "SIGNED"}
_NO = {"N", "NO", "FALSE", "0", "OFF", "UNCHECKED", "NONE"}


def yes_no(raw: Any) -> Normalized:
    """A boolean from a real boolean, yes/no, true/false, X (a ticked box), 1/0."""
    if isinstance(raw, bool):
        return Normalized(raw, True)
    if _blank(raw):
        return _EMPTY
    s = re.sub(r"[^A-Za-z0-9]", "", str(raw)).upper()
    if s in _YES:
        return Normalized(True, True)
    if s in _NO:
        return Normalized(False, True)
    return _bad()


def _choice(options: dict[str, str]) -> Any:
    def normalize(raw: Any) -> Normalized:
        if _blank(raw):
            return _EMPTY
        s = re.sub(r"[^a-z]", "", str(raw).lower())
        for key, value in options.items():
            if s == key:
                return Normalized(value, True)
        for key, value in options.items():
            if len(s) >= 4 and (s.startswith(key) or key.startswith(s)):
                return Normalized(value, True)
        return _bad()

    return normalize


#: Premium payment: bill, eft, ssa, rrb (the CMS model form's four options, by their usual wording).
payment_method = _choice({
    "bill": "bill", "monthlybill": "bill", "coupon": "bill", "couponbook": "bill", "getabill": "bill",
    "eft": "eft", "electronicfundstransfer": "eft", "automaticwithdrawal": "eft", "ach": "eft",
    "ssa": "ssa", "socialsecurity": "ssa", "socialsecuritycheck": "ssa",
    "rrb": "rrb", "railroadretirementboard": "rrb", "railroadretirement": "rrb",
})
account_type = _choice({"checking": "checking", "chk": "checking", "savings": "savings", "sav": "savings"})
signer = _choice({
    "applicant": "applicant", "self": "applicant", "beneficiary": "applicant", "member": "applicant",
    "authorizedrepresentative": "authorized_representative", "representative": "authorized_representative",
    "rep": "authorized_representative",
})


def for_field(path: str, raw: Any, *, today: Date | None = None) -> Normalized:
    """Normalise ``raw`` as the contract field at ``path`` (see ``intake.extraction.FIELD_PATHS``)."""
    leaf = path.rsplit(".", 1)[-1]
    if path == "applicant.birth_date":
        return date(raw, kind="birth", today=today)
    if path == "signature.date":
        return date(raw, kind="signature", today=today)
    if path == "requested_effective_date":
        return date(raw, kind="effective", today=today)
    if path in ("dental_rider", "signature.signed"):
        return yes_no(raw)
    by_path = {
        "plan.id": plan_id,
        "medicare_number": medicare_number,
        "agent.npn": npn,
        "premium_payment.method": payment_method,
        "premium_payment.account_type": account_type,
        "premium_payment.routing_number": routing_number,
        "premium_payment.account_number": account_number,
        "premium_payment.account_holder": person_name,
        "signature.by": signer,
        "authorized_representative.address": text,
        "authorized_representative.relationship": text,
    }
    if path in by_path:
        return by_path[path](raw)
    by_leaf = {
        "first_name": person_name,
        "last_name": person_name,
        "name": person_name,
        "middle_initial": middle_initial,
        "sex": sex,
        "phone": phone,
        "state": state,
        "zip": zip_code,
    }
    if path == "plan.name":
        return text(raw)
    return by_leaf.get(leaf, text)(raw if not isinstance(raw, (int, float)) or isinstance(raw, bool) else str(raw))
