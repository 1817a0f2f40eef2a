"""ZIP codes: which state a ZIP prefix belongs to, and the place a ZIP names (offline).

``state_of_zip`` reads a table of USPS three-digit ZIP prefix ranges per state
(public knowledge; a few prefixes that cross a range, such as 055 for
Massachusetts inside Vermont's range, are listed apart). ``lookup_zip`` reads
the ``zipcodes`` package's bundled dataset (no network at run time) for the
city names the USPS accepts for a ZIP, and its county.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import zipcodes

__all__ = ["ZipPlace", "state_of_zip", "lookup_zip", "place_key", "zip_one_digit_away"]

# (first prefix, last prefix, state), inclusive. Military (AA/AE/AP) and the Pacific
# territories are left out: a prefix not in the table is simply not judged.
_PREFIX_RANGES: tuple[tuple[int, int, str], ...] = (
    (5, 5, "NY"), (6, 7, "PR"), (8, 8, "VI"), (9, 9, "PR"),
    (10, 27, "MA"), (28, 29, "RI"), (30, 38, "NH"), (39, 49, "ME"),
    (50, 54, "VT"), (55, 55, "MA"), (56, 59, "VT"), (60, 69, "CT"),
    (70, 89, "NJ"), (100, 149, "NY"), (150, 196, "PA"), (197, 199, "DE"),
    (200, 200, "DC"), (201, 201, "VA"), (202, 205, "DC"), (206, 219, "MD"), (220, 246, "VA"),
    (247, 268, "WV"), (270, 289, "NC"), (290, 299, "SC"), (300, 319, "GA"), (320, 339, "FL"),
    (341, 342, "FL"), (344, 344, "FL"), (346, 347, "FL"), (349, 349, "FL"),
    (350, 369, "AL"), (370, 385, "TN"), (386, 397, "MS"), (398, 399, "GA"), (400, 427, "KY"),
    (430, 459, "OH"), (460, 479, "IN"), (480, 499, "MI"), (500, 528, "IA"), (530, 549, "WI"),
    (550, 567, "MN"), (569, 569, "DC"), (570, 577, "SD"), (580, 588, "ND"), (590, 599, "MT"),
    (600, 629, "IL"), (630, 658, "MO"), (660, 679, "KS"), (680, 693, "NE"), (700, 714, "LA"),
    (716, 729, "AR"), (730, 732, "OK"), (733, 733, "TX"), (734, 749, "OK"), (750, 799, "TX"),
    (800, 816, "CO"), (820, 831, "WY"), (832, 838, "ID"), (840, 847, "UT"), (850, 865, "AZ"),
    (870, 884, "NM"), (885, 885, "TX"), (889, 898, "NV"), (900, 961, "CA"), (967, 968, "HI"),
    (970, 979, "OR"), (980, 994, "WA"), (995, 999, "AK"),
)
_STATE_BY_PREFIX: dict[int, str] = {
    prefix: state for first, last, state in _PREFIX_RANGES for prefix in range(first, last + 1)
}

# Spellings people and the USPS use for the same place word.
_PLACE_WORDS = {"SAINT": "ST", "SAINTE": "STE", "FORT": "FT", "MOUNT": "MT", "TOWN": "TWN"}
_NOT_LETTERS = re.compile(r"[^A-Z ]+")


@dataclass(frozen=True)
class ZipPlace:
    """What the dataset says about one ZIP code (names already in ``place_key`` form)."""

    state: str
    cities: frozenset[str]
    county: str | None


def state_of_zip(zip_code: str) -> str | None:
    """The state a ZIP's three-digit prefix belongs to, or None when the table does not say."""
    if not re.fullmatch(r"\d{5}(-\d{4})?", zip_code):
        return None
    return _STATE_BY_PREFIX.get(int(zip_code[:3]))


def place_key(name: str) -> str:
    """A city or county name reduced for comparison: upper case, letters only, common words abbreviated."""
    words = _NOT_LETTERS.sub(" ", name.upper().replace("'", "")).split()
    words = [_PLACE_WORDS.get(word, word) for word in words]
    if words and words[-1] in {"COUNTY", "CO", "CNTY", "PARISH", "BOROUGH"}:
        words = words[:-1]
    return " ".join(words)


@lru_cache(maxsize=4096)
def lookup_zip(zip_code: str) -> ZipPlace | None:
    """The place the bundled dataset gives for a ZIP (ZIP+4 judged by its first five digits), or None."""
    if not re.fullmatch(r"\d{5}(-\d{4})?", zip_code):
        return None
    found = zipcodes.matching(zip_code[:5])
    if not found:
        return None
    entry = found[0]
    names = [entry.get("city") or "", *(entry.get("acceptable_cities") or []),
             # names the USPS discourages are still what residents write
             *(entry.get("unacceptable_cities") or [])]
    county = entry.get("county")
    return ZipPlace(
        state=str(entry.get("state") or ""),
        cities=frozenset(place_key(n) for n in names if n),
        county=place_key(county) if county else None,
    )


def zip_one_digit_away(zip_code: str, city: str, state: str, lookup=lookup_zip) -> str | None:
    """The one ZIP code that differs from ``zip_code`` in a single digit and is a ZIP of ``city``
    in ``state``, when ``zip_code`` itself is not; None when the ZIP already fits, or when none
    or several do. An OCR slip in one digit ("94455" for Wausau's "54455") is undone by the
    city and state written beside it; ZIP+4 keeps its four-digit tail."""
    if not re.fullmatch(r"\d{5}(-\d{4})?", zip_code):
        return None
    wanted = place_key(city)

    def fits(code: str) -> bool:
        place = lookup(code)
        return place is not None and place.state == state and wanted in place.cities

    if not wanted or fits(zip_code):
        return None
    five, tail = zip_code[:5], zip_code[5:]
    found = {
        five[:k] + digit + five[k + 1 :]
        for k in range(5)
        for digit in "0123456789"
        if digit != five[k] and fits(five[:k] + digit + five[k + 1 :])
    }
    return found.pop() + tail if len(found) == 1 else None
