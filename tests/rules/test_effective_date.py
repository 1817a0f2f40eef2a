"""Earliest allowed coverage start from the receipt stamp, in plan local time."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from intake.rules.effective_date import check_effective_date, earliest_allowed

CHICAGO = ZoneInfo("America/Chicago")


def local(*args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=CHICAGO, fold=fold)


@pytest.mark.parametrize(
    ("received", "expected"),
    [
        (local(2026, 11, 30, 12, 0), date(2026, 12, 1)),
        (local(2026, 11, 30, 23, 59, 59), date(2026, 12, 1)),  # already Dec 1 in UTC
        (datetime(2026, 12, 1, 5, 59, 59, tzinfo=timezone.utc), date(2026, 12, 1)),  # same instant, given in UTC
        (local(2026, 12, 1, 0, 0), date(2027, 1, 1)),
        (local(2026, 12, 7, 23, 59), date(2027, 1, 1)),  # last minute of the AEP
        (local(2026, 12, 8, 0, 0), date(2027, 2, 1)),  # first minute after it
        (datetime(2026, 12, 8, 5, 30, tzinfo=timezone.utc), date(2027, 1, 1)),  # Dec 7 23:30 local
        (local(2026, 12, 31, 23, 59), date(2027, 2, 1)),
        (local(2027, 1, 1, 0, 0), date(2027, 2, 1)),
        (local(2026, 10, 15, 9, 0), date(2026, 11, 1)),
        (local(2026, 3, 31, 23, 30), date(2026, 4, 1)),  # CDT month end, 04:30 UTC Apr 1
        (local(2026, 3, 8, 3, 30), date(2026, 4, 1)),  # the morning clocks spring forward
        (local(2026, 10, 31, 23, 59), date(2026, 11, 1)),  # the night before fall back
        (local(2026, 11, 1, 1, 30, fold=1), date(2026, 12, 1)),  # second 01:30 (CST)
        (datetime(2026, 2, 28, 23, 0, tzinfo=CHICAGO), date(2026, 3, 1)),
    ],
)
def test_earliest_allowed(received: datetime, expected: date) -> None:
    """First of the next month by the local date; Jan 1 needs receipt by Dec 7 local time."""
    assert earliest_allowed(received, CHICAGO) == expected


def test_earliest_allowed_needs_aware_time() -> None:
    """A naive receipt time is a programming error, not a guess."""
    with pytest.raises(ValueError):
        earliest_allowed(datetime(2026, 11, 30, 12, 0), CHICAGO)


def test_other_plan_zone_changes_the_answer() -> None:
    """The same instant is Nov 30 in Chicago but Dec 1 in New York."""
    instant = local(2026, 11, 30, 23, 30)
    assert earliest_allowed(instant, CHICAGO) == date(2026, 12, 1)
    assert earliest_allowed(instant, ZoneInfo("America/New_York")) == date(2027, 1, 1)


@pytest.mark.parametrize(
    ("received", "requested", "earliest", "allowed"),
    [
        (local(2026, 11, 30, 23, 41), "2026-12-01", "2026-12-01", True),
        (local(2026, 11, 30, 23, 41), "2027-01-01", "2026-12-01", True),
        (local(2026, 11, 30, 23, 41), "2026-11-01", "2026-12-01", False),  # already past
        (local(2026, 11, 30, 23, 41), "2026-12-15", "2026-12-01", False),  # not a first of the month
        (local(2026, 12, 7, 16, 0), "2027-01-01", "2027-01-01", True),
        (local(2026, 12, 8, 9, 0), "2027-01-01", "2027-02-01", False),
        (local(2026, 12, 8, 9, 0), date(2027, 2, 1), "2027-02-01", True),
        (local(2026, 11, 30, 23, 41), None, "2026-12-01", None),
        (local(2026, 11, 30, 23, 41), "not a date", "2026-12-01", None),
        (None, "2027-01-01", None, None),
    ],
)
def test_check_effective_date(received: datetime | None, requested, earliest: str | None,
                              allowed: bool | None) -> None:
    """requested_allowed: a first of a month on or after earliest_allowed; None without receipt or request."""
    check = check_effective_date(received, requested, CHICAGO)
    assert check.earliest_allowed == earliest and check.requested_allowed is allowed
