"""Cross-field and real-world plausibility: values that each pass their own format check
but cannot all be true (an OCR slip that still looks like a ZIP, a date, a phone number).

Every check is a pure function of the record's values (keyed by contract path,
as in ``intake.extraction.FIELD_PATHS``) and the plan-local receipt date. It
never changes a value: it names the paths a person should confirm, each with a
stable code. ``intake.assemble`` adds those paths to ``review[]`` and lists the
findings (paths and codes, never values) under the record's ``plausibility``.

Codes:

* ``zip_state_mismatch`` (zip, or state when the city is one of the ZIP's places): the ZIP
  belongs to another state;
* ``zip_unknown`` (zip): no such ZIP code in the bundled dataset;
* ``zip_city_mismatch`` (zip and city): the city is not a name the USPS knows for that ZIP;
* ``county_zip_mismatch`` (county): the ZIP lies in another county;
* ``age_out_of_range`` (birth date): younger than 18 or older than 110 on the reference date;
* ``birth_after_signature`` (birth date): born after signing;
* ``signature_after_receipt`` / ``signature_long_before_receipt`` (signature date):
  signed after the receipt stamp, or more than ``SIGNATURE_MAX_DAYS_BEFORE_RECEIPT`` before it;
* ``effective_not_first_of_month`` / ``effective_far_after_receipt`` /
  ``effective_long_before_receipt`` (requested effective date);
* ``unknown_area_code`` (phone): the NANP has no such area code;
* ``unassigned_exchange`` (phone): a 555 number no subscriber has (555-01xx, the fictional
  range, is let through: sample and test data use it);
* ``name_odd_characters`` (a name): digits or symbols no name has;
* ``name_incomplete`` (a full-name field: account holder, representative, agent): one word only;
* ``middle_initial_not_letter``;
* ``account_holder_unrelated`` (account holder): shares no word with the applicant's
  or the representative's name (flagged, not rejected: a spouse's account is allowed);
* ``name_near_miss`` (account holder and the applicant name): a word of one is one or
  two letters off a word of the other, so one of them is probably misread;
* ``routing_bad_prefix`` / ``routing_bad_checksum`` (routing number);
* ``unanswered_question`` (dental rider, requested effective date; scanned pages only): read
  as blank, though every applicant answers them: a missed tick or date is likelier than a blank.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from rapidfuzz.distance import Levenshtein

from intake.rules.area_codes import is_nanp_area_code
from intake.rules.zip_codes import ZipPlace, lookup_zip, place_key, state_of_zip

__all__ = [
    "Finding",
    "check_plausibility",
    "MIN_AGE",
    "MAX_AGE",
    "SIGNATURE_MAX_DAYS_BEFORE_RECEIPT",
    "EFFECTIVE_MAX_DAYS_AFTER_RECEIPT",
    "EFFECTIVE_MAX_DAYS_BEFORE_RECEIPT",
]

MIN_AGE = 18
MAX_AGE = 110
#: A form is normally faxed or mailed within weeks of signing; older signatures are usually misread dates.
SIGNATURE_MAX_DAYS_BEFORE_RECEIPT = 120
#: Enrollment requests ask for a start in the next few months (the AEP is the longest lead, ~11 weeks).
EFFECTIVE_MAX_DAYS_AFTER_RECEIPT = 183
#: A late receipt may ask for a start already past, but not by a quarter of a year.
EFFECTIVE_MAX_DAYS_BEFORE_RECEIPT = 92

ZipLookup = Callable[[str], "ZipPlace | None"]
Values = Mapping[str, object]

_ADDRESSES = ("applicant.permanent_address", "applicant.mailing_address")
_PHONES = ("applicant.phone", "authorized_representative.phone")
_NAMES = (
    "applicant.first_name",
    "applicant.last_name",
    "premium_payment.account_holder",
    "authorized_representative.name",
    "agent.name",
)
#: Questions an applicant answers on every form: the dental rider's yes/no and the coverage start.
_ALWAYS_ANSWERED = ("dental_rider", "requested_effective_date")
#: Fields that hold a whole name (first and last), unlike the applicant's name parts.
_FULL_NAMES = ("premium_payment.account_holder", "authorized_representative.name", "agent.name")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Letters (any script), spaces, and the punctuation names really carry: O'BRIEN, SMITH-JONES, JR., ST. JOHN
_NAME = re.compile(r"[^\W\d_]+(?:[ '’.,\-]+[^\W\d_]+)*\.?")
_ABA_WEIGHTS = (3, 7, 1, 3, 7, 1, 3, 7, 1)
# Federal Reserve routing symbols: 00-12 banks, 21-32 thrifts, 61-72 electronic, 80 traveller's cheques.
_ABA_PREFIXES = frozenset(f"{n:02d}" for n in (*range(0, 13), *range(21, 33), *range(61, 73), 80))


@dataclass(frozen=True)
class Finding:
    """One path a person should confirm, and why (a stable snake_case code)."""

    field: str
    code: str


def _text(values: Values, path: str) -> str | None:
    value = values.get(path)
    return value.strip() if isinstance(value, str) and value.strip() else None


def _date(values: Values, path: str) -> date | None:
    value = values.get(path)
    if isinstance(value, date):
        return value
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def check_address(values: Values, prefix: str, lookup: ZipLookup = lookup_zip) -> list[Finding]:
    """ZIP against state (prefix table, then the dataset), against city, and county against ZIP."""
    zip_path, state_path, city_path, county_path = (f"{prefix}.{k}" for k in ("zip", "state", "city", "county"))
    zip_code, state = _text(values, zip_path), _text(values, state_path)
    if zip_code is None:
        return []
    place = lookup(zip_code)
    city = _text(values, city_path)
    expected_state = place.state if place is not None else state_of_zip(zip_code)
    if state is not None and expected_state is not None and state.upper() != expected_state:
        # Two of three decide: a city the ZIP's own place names makes the state the odd one out;
        # otherwise the five-digit ZIP is the likelier misread (a two-letter state rarely is).
        # City and county are not judged against a doubtful ZIP.
        city_agrees = place is not None and city is not None and place_key(city) in place.cities
        return [Finding(state_path if city_agrees else zip_path, "zip_state_mismatch")]
    if place is None:
        return [Finding(zip_path, "zip_unknown")] if expected_state is not None else []
    found: list[Finding] = []
    if city is not None and place.cities and place_key(city) not in place.cities:
        found += [Finding(zip_path, "zip_city_mismatch"), Finding(city_path, "zip_city_mismatch")]
    county = _text(values, county_path)
    if county is not None and place.county and place_key(county) != place.county:
        found.append(Finding(county_path, "county_zip_mismatch"))
    return found


def check_dates(values: Values, received_on: date | None) -> list[Finding]:
    """Birth, signature and requested start dates against each other and the receipt date."""
    found: list[Finding] = []
    birth = _date(values, "applicant.birth_date")
    signed = _date(values, "signature.date")
    effective = _date(values, "requested_effective_date")
    reference = received_on or signed
    if birth is not None and reference is not None:
        age = reference.year - birth.year - ((reference.month, reference.day) < (birth.month, birth.day))
        if not MIN_AGE <= age <= MAX_AGE:
            found.append(Finding("applicant.birth_date", "age_out_of_range"))
    if birth is not None and signed is not None and birth > signed:
        found.append(Finding("applicant.birth_date", "birth_after_signature"))
    if signed is not None and received_on is not None:
        if signed > received_on:
            found.append(Finding("signature.date", "signature_after_receipt"))
        elif (received_on - signed).days > SIGNATURE_MAX_DAYS_BEFORE_RECEIPT:
            found.append(Finding("signature.date", "signature_long_before_receipt"))
    if effective is not None:
        if effective.day != 1:
            found.append(Finding("requested_effective_date", "effective_not_first_of_month"))
        if received_on is not None:
            if effective - received_on > timedelta(days=EFFECTIVE_MAX_DAYS_AFTER_RECEIPT):
                found.append(Finding("requested_effective_date", "effective_far_after_receipt"))
            elif received_on - effective > timedelta(days=EFFECTIVE_MAX_DAYS_BEFORE_RECEIPT):
                found.append(Finding("requested_effective_date", "effective_long_before_receipt"))
    return found


def check_phones(values: Values) -> list[Finding]:
    """A phone whose area code is not in service (any real code is fine, whatever the address's
    state), or a 555 number outside the 555-01xx range set aside for fiction and tests."""
    found = []
    for path in _PHONES:
        phone = _text(values, path)
        if phone is None or not re.fullmatch(r"\d{10}", phone):
            continue
        if not is_nanp_area_code(phone[:3]):
            found.append(Finding(path, "unknown_area_code"))
        elif phone[3:6] == "555" and phone[6:8] != "01":
            # NANP assigns 555 lines to services (555-1212 directory) or not at all, never to a subscriber.
            found.append(Finding(path, "unassigned_exchange"))
    return found


def check_names(values: Values) -> list[Finding]:
    """Names with digits or symbols; a whole name of one word; a middle initial that is not one letter."""
    found = [Finding(path, "name_odd_characters") for path in _NAMES
             if (name := _text(values, path)) is not None and not _NAME.fullmatch(name)]
    found += [Finding(path, "name_incomplete") for path in _FULL_NAMES
              if (name := _text(values, path)) is not None and len(_words(name)) < 2]
    initial = _text(values, "applicant.middle_initial")
    if initial is not None and not re.fullmatch(r"[^\W\d_]\.?", initial):
        found.append(Finding("applicant.middle_initial", "middle_initial_not_letter"))
    return found


def _words(name: str | None) -> set[str]:
    return {w for w in re.findall(r"[^\W\d_]+", (name or "").upper()) if len(w) >= 2}


def check_account_holder(values: Values) -> list[Finding]:
    """The account holder's name against the applicant's and the representative's."""
    holder = _words(_text(values, "premium_payment.account_holder"))
    if not holder:
        return []
    applicant = {path: _words(_text(values, path)) for path in ("applicant.first_name", "applicant.last_name")}
    known = set().union(*applicant.values(), _words(_text(values, "authorized_representative.name")))
    if not known:
        return []
    found: list[Finding] = []
    # A word one or two letters off (OLSON / OLSEN) means one side is probably misread; an exact
    # word elsewhere does not clear it, since a couple's account shares the surname, not the first name.
    for path, words in applicant.items():
        for word in words - holder:
            if len(word) >= 4 and any(0 < Levenshtein.distance(word, h) <= (1 if len(word) < 6 else 2)
                                      and len(h) >= 4 and h not in words for h in holder):
                found += [Finding("premium_payment.account_holder", "name_near_miss"), Finding(path, "name_near_miss")]
                break
    if not holder & known and not found:
        found.append(Finding("premium_payment.account_holder", "account_holder_unrelated"))
    return found


def check_routing_number(values: Values) -> list[Finding]:
    """A routing number needs a Federal Reserve prefix and a good ABA 3-7-1 checksum."""
    number = _text(values, "premium_payment.routing_number")
    if number is None or not re.fullmatch(r"\d{9}", number):
        return []
    if number[:2] not in _ABA_PREFIXES:
        return [Finding("premium_payment.routing_number", "routing_bad_prefix")]
    if sum(int(d) * w for d, w in zip(number, _ABA_WEIGHTS)) % 10:
        return [Finding("premium_payment.routing_number", "routing_bad_checksum")]
    return []


def check_unanswered(values: Values) -> list[Finding]:
    """Questions every application answers, read as unanswered: more often a missed mark than a blank."""
    return [Finding(path, "unanswered_question") for path in _ALWAYS_ANSWERED if values.get(path) is None]


def check_plausibility(
    values: Values, received_on: date | None, *, scanned: bool = True, lookup: ZipLookup = lookup_zip
) -> list[Finding]:
    """Every finding of every check, each (field, code) once, in check order.

    ``scanned``: the values were read from page images (fax, mail), where a blank
    answer is often a missed mark; typed sources (portal, text layer) are not
    asked about unanswered questions.
    """
    found: list[Finding] = []
    for prefix in _ADDRESSES:
        found += check_address(values, prefix, lookup)
    found += check_dates(values, received_on)
    found += check_phones(values)
    found += check_names(values)
    found += check_account_holder(values)
    found += check_routing_number(values)
    if scanned:
        found += check_unanswered(values)
    return list(dict.fromkeys(found))

