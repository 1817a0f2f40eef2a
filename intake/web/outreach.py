"""Outreach deadlines: by when missing information must arrive.

The deadline is ``settings.outreach_days`` calendar days after the request
for information; for an Annual Election Period request (received Oct 15 to
Dec 7) it is Dec 7 of that year when that is later and
``settings.outreach_aep_deadline`` is on. Past the deadline the application
is a denial candidate.
"""

from __future__ import annotations

from datetime import date, timedelta

from intake.config import Settings

__all__ = ["is_aep_request", "outreach_deadline", "is_denial_candidate"]


def is_aep_request(received_on: date | None) -> bool:
    """Whether a request received on this date falls in the Annual Election Period (Oct 15 - Dec 7)."""
    if received_on is None:
        return False
    return date(received_on.year, 10, 15) <= received_on <= date(received_on.year, 12, 7)


def outreach_deadline(requested_on: date, received_on: date | None, settings: Settings) -> date:
    """The last day the missing information may arrive."""
    deadline = requested_on + timedelta(days=settings.outreach_days)
    if settings.outreach_aep_deadline and is_aep_request(received_on):
        assert received_on is not None
        deadline = max(deadline, date(received_on.year, 12, 7))
    return deadline


def is_denial_candidate(deadline: date | None, today: date) -> bool:
    """Past its deadline, an application on hold may be denied."""
    return deadline is not None and today > deadline
