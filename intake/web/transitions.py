"""Allowed status changes of an application.

The normal path is ``submitted -> in_progress -> pending_medicare_approval ->
enrolled | rejected``, with ``in_progress <-> on_hold_applicant_outreach``
while information is missing. ``denied`` and ``canceled`` are reachable from
any open status, by a supervisor only.
"""

from __future__ import annotations

from intake.errors import IntakeError

__all__ = [
    "OPEN_STATUSES",
    "SUPERVISOR_ONLY",
    "TRANSITIONS",
    "TransitionRefused",
    "check_transition",
    "next_statuses",
]

OPEN_STATUSES = frozenset(
    {"not_yet_submitted", "submitted", "in_progress", "pending_medicare_approval", "on_hold_applicant_outreach"}
)
SUPERVISOR_ONLY = frozenset({"denied", "canceled"})

TRANSITIONS: dict[str, frozenset[str]] = {
    "not_yet_submitted": frozenset({"submitted"}),
    "submitted": frozenset({"in_progress"}),
    "in_progress": frozenset({"pending_medicare_approval", "on_hold_applicant_outreach"}),
    "on_hold_applicant_outreach": frozenset({"in_progress"}),
    "pending_medicare_approval": frozenset({"enrolled", "rejected"}),
}


class TransitionRefused(IntakeError):
    """A status change that the workflow or the user's role does not allow."""

    code = "transition_not_allowed"
    exit_code = 65


_ORDER = (
    "submitted", "in_progress", "on_hold_applicant_outreach", "pending_medicare_approval", "enrolled",
    "rejected", "denied", "canceled",
)


def next_statuses(current: str, *, supervisor: bool) -> list[str]:
    """The statuses ``current`` may move to for this kind of user: the normal path first, closing ones last."""
    options = set(TRANSITIONS.get(current, frozenset()))
    if supervisor and current in OPEN_STATUSES:
        options |= SUPERVISOR_ONLY
    return sorted(options, key=_ORDER.index)


def check_transition(current: str, new: str, *, supervisor: bool) -> None:
    """Raise ``TransitionRefused`` unless ``current -> new`` is allowed for this user."""
    if new in SUPERVISOR_ONLY and not supervisor and current in OPEN_STATUSES:
        raise TransitionRefused(
            f"only a supervisor can set status {new}; ask a supervisor", code="supervisor_required"
        )
    if new not in next_statuses(current, supervisor=supervisor):
        raise TransitionRefused(
            f"status {current} cannot change to {new}; pick one of the offered statuses"
        )
