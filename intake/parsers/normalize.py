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
``npn_ten_digits``, ``digits_repaired``, ``date_repaired``, ``sex_repaired``,
``implausible_birth_date``, ``implausible_signature_date``,
``implausible_effective_date``, ``two_digit_year``, ``bad_area_code``,
``unknown_state``, ``state_repaired``, ``name_has_digits``.

A 10-digit NPN: refused when it is an NPI or a valid phone number, kept but
``doubtful`` otherwise (see ``npn``). Enum fields (payment method, account
type, signer) and the path -> normaliser table live in ``field_table``.

Values never appear in exceptions or logs: these functions do not log.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as Date
from typing import Any, Literal

from rapidfuzz import fuzz, process

from intake.parsers.lookalikes import repair_digits as _repair_digits
from intake.parsers.written_dates import parse_written_date

__all__ = [
    "Normalized",
    "PLACEHOLDERS",
    "is_placeholder",
    "RELATIONSHIPS",
    "relationship",
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


#: What software prints in an answer left empty ("—", "Not provided", "N/A"): no value.
PLACEHOLDERS = frozenset({"-", "--", "—", "–", "n/a", "not provided", "not applicable", "none given",
                          "left blank", "no answer"})


def is_placeholder(raw: str) -> bool:
    """What software prints for an empty answer ("—", "Not provided", "N / A")."""
    return " ".join(re.sub(r"\s*/\s*", "/", raw.lower()).split()).strip(" .") in PLACEHOLDERS


def _blank(raw: Any) -> bool:
    if raw is None:
        return True
    return isinstance(raw, str) and (not raw.strip(" .") or is_placeholder(raw))


# --- Medicare Beneficiary Identifier ----------------------------------------

# In a medicare number only the letters the MBI never uses (S L O I B Z) plus G
# (a G is legal as a letter, so we only turn it into 6 where a digit is
# required) are treated as look-alikes: D, Q, T, U, J are valid MBI letters.
_MBI_TO_DIGIT: dict[str, str] = {"O": "0", "I": "1", "L": "1", "Z": "2", "S": "5", "G": "6", "B": "8"}
#: Digits OCR reads where an MBI letter was written. Only 6->G is unambiguous:
#: 0, 1, 2, 5, 8 resemble O, I/L, Z, S, B, which the MBI never uses.
_MBI_TO_LETTER: dict[str, str] = {"6": "G"}


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
    ``715-555-0142``, 11 digits with a leading 1; note ``npn_looks_like_phone``)
    and a 10-digit NPI (Luhn with prefix 80840, note ``npn_looks_like_npi``).
    NIPR numbers are issued sequentially and are today 8 digits at most, so a
    bare 10-digit value is suspect, but it is within the contract (1-10
    digits): it is kept and ``doubtful`` for a person to confirm — note
    ``npn_looks_like_phone`` when it would also dial as a North American phone
    number, else ``npn_ten_digits``. Keeping it loses nothing; the review
    queue shows it beside the page.
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
        note = "npn_looks_like_phone" if _nanp_ok(digits) else "npn_ten_digits"
        return Normalized(digits, True, repaired=repaired, note=note, doubtful=True)
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
    parsed = parse_written_date(str(raw))
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


_OPENS, _CLOSES = "[{", "]}"


def _box_edges_off(value: str) -> str:
    """``value`` without the side of the box it was written in, which OCR glued to it as a bracket or a bar
    ("[ARLENE", "901 HILLTOP DR]"); a bracket that closes in the value is its own ("APT [B]")."""
    if value[:1] in _OPENS and not any(ch in value for ch in _CLOSES) or value[:1] == "|":
        value = value[1:].lstrip()
    if value[-1:] in _CLOSES and not any(ch in value for ch in _OPENS) or value[-1:] == "|":
        value = value[:-1].rstrip()
    return value


def text(raw: str | None) -> Normalized:
    """Generic text: trimmed, inner whitespace collapsed, case kept, a box's side OCR glued to it dropped; None when
    empty."""
    if _blank(raw):
        return _EMPTY
    value = _box_edges_off(re.sub(r"\s+", " ", str(raw)).strip())
    return Normalized(value, True) if value else _EMPTY


#: How representatives describe themselves on enrollment forms (upper case, one or two words).
RELATIONSHIPS = frozenset({
    "SPOUSE", "WIFE", "HUSBAND", "PARTNER", "DOMESTIC PARTNER", "SON", "DAUGHTER", "CHILD", "STEPSON",
    "STEPDAUGHTER", "SON-IN-LAW", "DAUGHTER-IN-LAW", "MOTHER", "FATHER", "PARENT", "BROTHER", "SISTER",
    "SIBLING", "NIECE", "NEPHEW", "GRANDSON", "GRANDDAUGHTER", "GRANDCHILD", "AUNT", "UNCLE", "COUSIN",
    "FRIEND", "CAREGIVER", "GUARDIAN", "LEGAL GUARDIAN", "CONSERVATOR", "POA", "POWER OF ATTORNEY",
    "ATTORNEY", "HEALTHCARE POA", "HEALTH CARE POA", "REPRESENTATIVE", "AUTHORIZED REPRESENTATIVE",
    "EXECUTOR", "TRUSTEE", "NEIGHBOR", "SOCIAL WORKER", "CASE MANAGER", "BROTHER-IN-LAW", "SISTER-IN-LAW",
    "FATHER-IN-LAW", "MOTHER-IN-LAW", "STEPMOTHER", "STEPFATHER", "GRANDMOTHER", "GRANDFATHER", "OTHER",
})


def relationship(raw: str | None) -> Normalized:
    """The representative's relationship as written; a word outside the usual list is kept but
    doubtful ("NTECE" is more likely a misread "NIECE" than a new kind of relative)."""
    result = text(raw)
    if result.value is None:
        return result
    value = result.value.strip(" .,;:")
    if not re.search(r"[A-Za-z]", value):
        return _bad()  # a stray mark ("’"), not a relationship: nor a sign that a representative signed
    if value.upper() not in RELATIONSHIPS:
        return Normalized(value, True, note="unusual_relationship", doubtful=True)
    return Normalized(value, True)


def person_name(raw: str | None) -> Normalized:
    """A name as written (case kept, spaces collapsed, stray edge punctuation dropped).

    A name containing digits is kept but doubtful: OCR slips in names cannot be
    repaired safely (is it O or 0 in "0LSON"?), so a person looks.
    """
    if _blank(raw):
        return _EMPTY
    value = _box_edges_off(re.sub(r"\s+", " ", str(raw)).strip().strip(",;:_|").strip())
    if not value or not re.search(r"[A-Za-z]", value):
        return _bad()
    if re.search(r"\d", value):
        return Normalized(value, True, note="name_has_digits", doubtful=True)
    if len(re.findall(r"[A-Za-z]", value)) < 2:
        return Normalized(value, True, note="name_too_short", doubtful=True)  # "r": a speck or a letter, not a name
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
