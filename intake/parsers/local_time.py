"""Wall-clock times without a zone, placed in the plan's zone across daylight-saving changes.

A fax machine's DateTime tag, a header line or a RECEIVED stamp prints local
time with no offset. Twice a year that is not one instant: in the autumn hour
that repeats (01:00-01:59 on the first Sunday of November in Central time)
it is two instants an hour apart, and in the spring hour that is skipped
(02:00-02:59) it is none. ``localize`` returns the instant and says when the
clock reading was ambiguous or impossible, so the receipt can be reviewed.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = ["ClockIssue", "localize", "to_local"]

ClockIssue = Literal["ambiguous_local_time", "nonexistent_local_time"]


def to_local(moment: datetime, tz: ZoneInfo) -> datetime:
    """An aware instant in plan local time (a naive one is taken to be local wall time already)."""
    if moment.tzinfo is None:
        return localize(moment, tz)[0]
    return moment.astimezone(tz)


def localize(
    naive: datetime, tz: ZoneInfo, *, not_after: datetime | None = None, near: datetime | None = None
) -> tuple[datetime, ClockIssue | None]:
    """Place a wall-clock reading in ``tz``.

    Ambiguous readings (the repeated autumn hour) take the first occurrence,
    unless ``near`` (a trusted instant from another source, e.g. the fax
    gateway's sidecar) picks the closer one, or ``not_after`` (the moment the
    file landed) rules one out: when only the earlier instant lies before it,
    that one is certain. Nonexistent
    readings (the skipped spring hour) are read with the offset in force
    before the change, as a clock that was not yet set forward shows them.
    """
    wall = naive.replace(tzinfo=None)
    first = wall.replace(tzinfo=tz, fold=0)
    second = wall.replace(tzinfo=tz, fold=1)
    round_trip = first.astimezone(timezone.utc).astimezone(tz).replace(tzinfo=None)
    if round_trip != wall:
        return first.astimezone(timezone.utc).astimezone(tz), "nonexistent_local_time"
    if first.utcoffset() == second.utcoffset():
        return first.astimezone(tz), None
    early, late = sorted((first, second), key=lambda d: d.astimezone(timezone.utc))
    if near is not None:
        closest = min((early, late), key=lambda d: abs(d.astimezone(timezone.utc) - near.astimezone(timezone.utc)))
        return closest.astimezone(tz), None
    if not_after is not None:
        limit = not_after.astimezone(timezone.utc)
        if early.astimezone(timezone.utc) <= limit < late.astimezone(timezone.utc):
            return early.astimezone(tz), None
    return early.astimezone(tz), "ambiguous_local_time"
