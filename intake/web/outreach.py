"""Outreach deadlines: by when missing information must arrive.

The deadline is ``settings.outreach_days`` calendar days after the request
for information; for an Annual Election Period request (received Oct 15 to
Dec 7) it is Dec 7 of that year when that is later and
``settings.outreach_aep_deadline`` is on. Past the deadline the application
is a denial candidate.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from intake.config import Settings

__all__ = ["is_aep_request", "outreach_deadline", "is_denial_candidate", "Attempt", "OutreachCase", "load_outreach"]


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


# -- the worklist ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Attempt:
    contact: str
    outcome: str
    by_user: str
    at: datetime


@dataclass(frozen=True)
class OutreachCase:
    """One application on hold: whom to call first and at which number, what is missing, by when."""

    application_id: int
    confirmation_number: str | None
    applicant: str | None  # PHI: shown to reviewers only, never logged
    contact_first: str  # "applicant" or "agent"
    phone: str | None  # of whom to contact first, when the record has it
    agent: str | None
    agent_npn: str | None
    missing: list[dict[str, Any]]
    requested_on: date
    deadline: date
    denial_candidate: bool
    attempts: list[Attempt] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "application_id": self.application_id,
            "confirmation_number": self.confirmation_number,
            "contact_first": self.contact_first,
            "phone": self.phone,
            "agent_npn": self.agent_npn,
            "missing": self.missing,
            "requested_on": self.requested_on.isoformat(),
            "deadline": self.deadline.isoformat(),
            "denial_candidate": self.denial_candidate,
            "attempts": [
                {"contact": a.contact, "outcome": a.outcome, "by": a.by_user, "at": a.at.isoformat()}
                for a in self.attempts
            ],
        }


def _contact_first(missing: list[dict[str, Any]]) -> str:
    """The applicant when any missing item is faster had from them (the plan's rule), else the agent."""
    wanted = {m.get("contact_first") for m in missing}
    return "agent" if wanted == {"agent"} else "applicant"


def _phone(contract: dict[str, Any], whom: str) -> str | None:
    if whom == "agent":
        return None  # the contract has no agent phone: the agent roster (by NPN) has it
    applicant = contract.get("applicant") or {}
    representative = contract.get("authorized_representative") or {}
    return applicant.get("phone") or representative.get("phone")


def load_outreach(db: Session, settings: Settings, *, today: date | None = None) -> list[OutreachCase]:
    """Every application on hold for outreach, the nearest deadline first."""
    from intake.web.models import OutreachAttempt
    from intake.web.worklist import requested_on
    from storage.models import ApplicationRow

    today = today or datetime.now(settings.tz).date()
    rows = db.execute(
        sa.select(ApplicationRow).where(ApplicationRow.status == "on_hold_applicant_outreach")
    ).scalars().all()
    ids = [row.id for row in rows]
    asked = requested_on(db, ids, settings)
    attempts: dict[int, list[Attempt]] = {}
    if ids:
        for attempt in db.execute(
            sa.select(OutreachAttempt).where(OutreachAttempt.application_id.in_(ids)).order_by(OutreachAttempt.at)
        ).scalars():
            attempts.setdefault(attempt.application_id, []).append(
                Attempt(attempt.contact, attempt.outcome, attempt.by_user, attempt.at)
            )
    cases = []
    for row in rows:
        contract = row.contract or {}
        missing = [dict(m) for m in contract.get("missing") or []]
        whom = _contact_first(missing)
        start = asked.get(row.id) or row.created_at.astimezone(settings.tz).date()
        received = row.received_at.astimezone(settings.tz).date() if row.received_at else None
        deadline = outreach_deadline(start, received, settings)
        person = contract.get("applicant") or {}
        agent = contract.get("agent") or {}
        name = " ".join(p for p in (person.get("first_name"), person.get("last_name")) if p) or None
        cases.append(
            OutreachCase(
                application_id=row.id,
                confirmation_number=row.confirmation_number,
                applicant=name,
                contact_first=whom,
                phone=_phone(contract, whom),
                agent=agent.get("name"),
                agent_npn=agent.get("npn"),
                missing=missing,
                requested_on=start,
                deadline=deadline,
                denial_candidate=is_denial_candidate(deadline, today),
                attempts=attempts.get(row.id, []),
            )
        )
    cases.sort(key=lambda c: (c.deadline, c.application_id))
    return cases
