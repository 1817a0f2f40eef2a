"""Addresses written on one or two lines: "WAUSAU, WI 54401", "1204 N 5TH AVE, WAUSAU WI 54401".

Only the tail is parsed (state code or name, then ZIP); everything before it
is the city, or the street and the city when they are separated by a comma.
Values stay as written; the normalisers make the state and ZIP canonical.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["CityStateZip", "split_city_state_zip", "split_full_address"]

# "<city>[,] <state>[.,] <zip>" with the state as a code or a name of up to three words.
_TAIL = re.compile(
    r"^(?P<head>.*?)[\s,]+(?P<state>[A-Za-z]{2}\.?|[A-Za-z][A-Za-z.]+(?:\s+[A-Za-z]+){0,2})[\s,.]+"
    r"(?P<zip>[0-9OoIlSB]{5}(?:\s*-\s*[0-9OoIlSB]{4})?)\s*$"
)


@dataclass(frozen=True)
class CityStateZip:
    city: str | None
    state: str | None
    zip: str | None


def split_city_state_zip(text: str) -> CityStateZip | None:
    """City, state and ZIP from one line; None when the line does not end in a state and ZIP."""
    from intake.parsers.normalize import state as normal_state

    text = " ".join(text.split()).strip(" ,")
    match = _TAIL.match(text)
    if not match:
        return None
    head, state_text = match.group("head").strip(" ,"), match.group("state")
    if not normal_state(state_text).ok:
        # A state written as a two-word name may have swallowed part of the city.
        words = state_text.split()
        for cut in range(1, len(words)):
            if normal_state(" ".join(words[cut:])).ok:
                head = f"{head} {' '.join(words[:cut])}".strip()
                state_text = " ".join(words[cut:])
                break
        else:
            return None
    return CityStateZip(city=head or None, state=state_text, zip=match.group("zip"))


def split_full_address(text: str) -> tuple[str, CityStateZip] | None:
    """``(street, city/state/zip)`` from "1204 N 5TH AVE, WAUSAU, WI 54401"; None if not that shape."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) < 2:
        return None
    for cut in range(1, len(parts)):
        rest = split_city_state_zip(", ".join(parts[cut:]))
        if rest is not None and rest.city:
            street = ", ".join(parts[:cut]).strip()
            if street and any(ch.isdigit() for ch in street[:8]):
                return street, rest
    return None
