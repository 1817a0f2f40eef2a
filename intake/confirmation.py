"""Confirmation numbers: the plan's 8-digit reference callers use for an application.

Drawn from the operating system's CSPRNG (``secrets``), so they cannot be
guessed or enumerated from one another, and checked against every number
ever issued: ``is_taken`` must answer for retired numbers too (a number is
never reused, even after its record is deleted). The first digit is never 0,
so a number survives spreadsheets and phone keypads intact.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable

from intake.errors import StorageError

__all__ = ["DIGITS", "MAX_ATTEMPTS", "new_confirmation_number", "is_confirmation_number"]

log = logging.getLogger(__name__)

DIGITS = 8
#: Draws before giving up; with 90 million numbers a collision run this long means the store is broken.
MAX_ATTEMPTS = 50
_LOW = 10 ** (DIGITS - 1)
_SPAN = 9 * _LOW


def is_confirmation_number(text: str) -> bool:
    """True for 8 ASCII digits not starting with 0."""
    return len(text) == DIGITS and text.isascii() and text.isdigit() and text[0] != "0"


def new_confirmation_number(is_taken: Callable[[str], bool] | None = None) -> str:
    """A fresh 8-digit number; draws again while ``is_taken`` says the number was ever issued."""
    for attempt in range(MAX_ATTEMPTS):
        number = str(_LOW + secrets.randbelow(_SPAN))
        if is_taken is None or not is_taken(number):
            if attempt:
                log.info("confirmation number drawn after %d collisions", attempt)
            return number
    raise StorageError(
        "No free confirmation number was found; check that the record store answers correctly.",
        code="confirmation_exhausted",
    )
