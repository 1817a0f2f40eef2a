"""Elapsed-time arithmetic on aware datetimes.

``aware + timedelta`` in Python is wall-clock arithmetic: it keeps the zone,
moves the wall clock and resets ``fold``. Across a DST change that is wrong by
an hour (on Nov 1 2026, 01:30 CST (fold=1) plus one minute gives 01:31 CDT,
an hour *before* it). Moving through UTC gives the instant that really lies
that long after (or before) the given one.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

__all__ = ["after"]


def after(when: datetime, delta: timedelta) -> datetime:
    """The instant ``delta`` after ``when`` (negative: before), in ``when``'s own zone."""
    if when.tzinfo is None:
        raise ValueError("after() needs an aware datetime; a naive wall clock has no elapsed time")
    return (when.astimezone(timezone.utc) + delta).astimezone(when.tzinfo)
