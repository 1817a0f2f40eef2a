"""The earliest coverage start a receipt stamp allows (contract, "Official receipt stamp").

Coverage can start on the first of a month when the application was received
by the end of the month before, in plan local time. January is the
exception: a Jan 1 start needs receipt by Dec 7 (the last day of the Annual
Election Period), so a receipt from Dec 8 to Dec 31 allows Feb 1 at the
earliest.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from intake.application import EffectiveDateCheck

__all__ = ["AEP_LAST_DAY", "earliest_allowed", "check_effective_date"]

#: The last day of December on which a receipt still allows a Jan 1 start.
AEP_LAST_DAY = 7


def earliest_allowed(received_at: datetime, tz: ZoneInfo) -> date:
    """The first coverage day the receipt allows; the receipt is judged by its plan-local date."""
    if received_at.tzinfo is None:
        raise ValueError("received_at must be timezone-aware")
    local = received_at.astimezone(tz).date()
    if local.month == 12:
        return date(local.year + 1, 1 if local.day <= AEP_LAST_DAY else 2, 1)
    return date(local.year, local.month + 1, 1)


def check_effective_date(received_at: datetime | None, requested: str | date | None, tz: ZoneInfo) -> EffectiveDateCheck:
    """``earliest_allowed`` and whether the requested date is a first of the month on or after it.

    ``requested_allowed`` is None when there is no receipt or no (readable) requested date.
    """
    if received_at is None:
        return EffectiveDateCheck(earliest_allowed=None, requested_allowed=None)
    earliest = earliest_allowed(received_at, tz)
    wanted: date | None
    if isinstance(requested, str):
        try:
            wanted = date.fromisoformat(requested)
        except ValueError:
            wanted = None
    else:
        wanted = requested
    allowed = None if wanted is None else (wanted.day == 1 and wanted >= earliest)
    return EffectiveDateCheck(earliest_allowed=earliest.isoformat(), requested_allowed=allowed)
