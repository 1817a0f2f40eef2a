"""Realistic, made-up applicant values: Wisconsin names and places, valid MBIs and ABA numbers.

Every value is drawn from a seeded ``random.Random``; phone numbers use the
fictional 555-01xx range. Nothing here is a real person.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass
from datetime import date

from intake.parsers.normalize import is_npi

__all__ = [
    "Place",
    "PLACES",
    "draw_mbi",
    "draw_routing_number",
    "aba_checksum_ok",
    "draw_npn",
    "draw_phone",
    "draw_birth_date",
    "draw_name",
    "draw_street",
    "draw_ssn",
    "CLINICS",
    "AGENCIES",
    "RELATIONSHIPS",
]

FIRST_F = [
    "MARGARET", "DOROTHY", "JUDITH", "CAROL", "SHIRLEY", "BARBARA", "JANET", "LINDA", "KAREN", "DIANE",
    "MARILYN", "JOAN", "BEVERLY", "DONNA", "SANDRA", "KATHLEEN", "LOIS", "ARLENE", "DELORES", "MAI",
]
FIRST_M = [
    "ROBERT", "JAMES", "RICHARD", "GERALD", "DONALD", "DENNIS", "LARRY", "THOMAS", "ROGER", "DAVID",
    "KENNETH", "DUANE", "WAYNE", "EUGENE", "LEROY", "CHARLES", "VERNON", "ARNOLD", "TOUA", "GARY",
]
LAST = [
    "OLSON", "KOWALSKI", "SCHMIDT", "MUELLER", "NELSON", "JOHNSON", "ANDERSON", "LARSON", "KRUEGER", "WEBER",
    "BECKER", "NOWAK", "ZIELINSKI", "VANG", "XIONG", "THAO", "HANSON", "PETERSON", "SCHULTZ", "WAGNER",
    "HOFFMANN", "KLEIN", "NEUMANN", "JAKUBOWSKI", "LEMKE", "SORENSON", "BRANDT", "ZASTROW", "WOJCIK", "DUMKE",
]


@dataclass(frozen=True)
class Place:
    city: str
    county: str
    state: str
    zip: str


PLACES: tuple[Place, ...] = (
    Place("WAUSAU", "MARATHON", "WI", "54401"),
    Place("WAUSAU", "MARATHON", "WI", "54403"),
    Place("SCHOFIELD", "MARATHON", "WI", "54476"),
    Place("MOSINEE", "MARATHON", "WI", "54455"),
    Place("STEVENS POINT", "PORTAGE", "WI", "54481"),
    Place("PLOVER", "PORTAGE", "WI", "54467"),
    Place("RHINELANDER", "ONEIDA", "WI", "54501"),
    Place("MINOCQUA", "ONEIDA", "WI", "54548"),
    Place("MERRILL", "LINCOLN", "WI", "54452"),
    Place("TOMAHAWK", "LINCOLN", "WI", "54487"),
    Place("MARSHFIELD", "WOOD", "WI", "54449"),
    Place("WISCONSIN RAPIDS", "WOOD", "WI", "54494"),
    Place("ANTIGO", "LANGLADE", "WI", "54409"),
    Place("MEDFORD", "TAYLOR", "WI", "54451"),
    Place("EAGLE RIVER", "VILAS", "WI", "54521"),
    Place("ASHLAND", "ASHLAND", "WI", "54806"),
    Place("IRONWOOD", "GOGEBIC", "MI", "49938"),
)

STREET_NAMES = [
    "GRAND AVE", "N 5TH AVE", "STEWART AVE", "BRIDGE ST", "FRANKLIN ST", "MAIN ST", "WASHINGTON ST",
    "CHURCH ST", "DIVISION ST", "RIVER DR", "LAKE SHORE DR", "PINE RIDGE RD", "COUNTY RD N", "ELM ST",
    "BIRCH LN", "HILLTOP DR", "MAPLE RIDGE CT", "CLARK ST", "3RD ST", "W CAMPUS DR",
]
CLINICS = [
    "ASPIRUS WAUSAU CLINIC", "ASPIRUS STEVENS POINT CLINIC", "ASPIRUS RHINELANDER CLINIC",
    "ASPIRUS MERRILL CLINIC", "ASPIRUS ANTIGO CLINIC", "ASPIRUS MEDFORD CLINIC", "ASPIRUS TOMAHAWK CLINIC",
]
AGENCIES = [
    "WAUSAU INSURANCE AGENCY", "NORTHWOODS MEDICARE ADVISORS", "CENTRAL WI BENEFITS",
    "RIVER CITY INSURANCE", "PORTAGE CO SENIOR PLANS",
]
RELATIONSHIPS = ["DAUGHTER", "SON", "SPOUSE", "POWER OF ATTORNEY", "LEGAL GUARDIAN", "NIECE"]

# MBI alphabet: letters never used are S, L, O, I, B, Z.
_MBI_LETTERS = "".join(c for c in string.ascii_uppercase if c not in "SLOIBZ")
_DIGITS = string.digits


def draw_mbi(rng: random.Random) -> str:
    """An 11-character MBI valid by position (DOMAIN.md): C A AN N A AN N A A N N."""
    alnum = _MBI_LETTERS + _DIGITS
    pattern = [
        "123456789", _MBI_LETTERS, alnum, _DIGITS, _MBI_LETTERS, alnum, _DIGITS,
        _MBI_LETTERS, _MBI_LETTERS, _DIGITS, _DIGITS,
    ]
    return "".join(rng.choice(chars) for chars in pattern)


def aba_checksum_ok(number: str) -> bool:
    if len(number) != 9 or not number.isdigit():
        return False
    d = [int(c) for c in number]
    return (3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + (d[2] + d[5] + d[8])) % 10 == 0


def draw_routing_number(rng: random.Random) -> str:
    """A routing number with a valid ABA checksum, in the Chicago Fed district (07xx/27xx)."""
    prefix = rng.choice(["0759", "0719", "0759", "2759", "0729"])
    body = prefix + "".join(rng.choice(_DIGITS) for _ in range(4))
    for check in _DIGITS:
        if aba_checksum_ok(body + check):
            return body + check
    raise AssertionError("an ABA check digit always exists")


def draw_npn(rng: random.Random) -> str:
    """An NPN of 6-10 digits; never one that is also a valid NPI (a 10-digit number passing the NPI's
    Luhn check is an NPI by the domain rules, so the truth could not call it an NPN)."""
    length = rng.randint(6, 10)
    npn = str(rng.randint(1, 9)) + "".join(rng.choice(_DIGITS) for _ in range(length - 1))
    if is_npi(npn):
        npn = npn[:-1] + str((int(npn[-1]) + 1) % 10)  # no extra draw: every other value stays as it was
    return npn


def draw_phone(rng: random.Random) -> str:
    area = rng.choice(["715", "715", "715", "920", "608", "906"])
    return f"{area}555{rng.randint(100, 199):04d}"


def draw_birth_date(rng: random.Random) -> date:
    return date(rng.randint(1938, 1961), rng.randint(1, 12), rng.randint(1, 28))


def draw_name(rng: random.Random, sex: str) -> tuple[str, str, str]:
    first = rng.choice(FIRST_F if sex == "F" else FIRST_M)
    return first, rng.choice(string.ascii_uppercase.replace("X", "")), rng.choice(LAST)


def draw_street(rng: random.Random) -> str:
    return f"{rng.randint(12, 9850)} {rng.choice(STREET_NAMES)}"


def draw_ssn(rng: random.Random) -> str:
    return f"{rng.randint(100, 665):03d}{rng.randint(10, 99):02d}{rng.randint(1000, 9999):04d}"
