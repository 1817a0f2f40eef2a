"""Roles and what each may do.

``intake_staff`` uploads and sees the status of what they uploaded;
``reviewer`` works the queue (corrections, confirmations, outreach, status
changes along the normal path); ``supervisor`` may do everything, including
the terminal ``denied``/``canceled`` statuses and user administration.
"""

from __future__ import annotations

from enum import StrEnum

__all__ = ["Role", "Permission", "ROLE_PERMISSIONS", "allowed"]


class Role(StrEnum):
    INTAKE_STAFF = "intake_staff"
    REVIEWER = "reviewer"
    SUPERVISOR = "supervisor"


class Permission(StrEnum):
    UPLOAD = "upload"  # upload documents and follow their processing
    SEE_ALL_DOCUMENTS = "see_all_documents"  # not only the ones this user uploaded
    REVIEW = "review"  # queue, application page, corrections, export
    OUTREACH = "outreach"  # outreach worklist and contact log
    CHANGE_STATUS = "change_status"  # along the normal path
    CLOSE_APPLICATION = "close_application"  # -> denied / canceled
    SEE_PHI = "see_phi"  # unmasked Medicare / bank numbers on the application page
    ADMIN_USERS = "admin_users"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.INTAKE_STAFF: frozenset({Permission.UPLOAD}),
    Role.REVIEWER: frozenset(
        {
            Permission.SEE_ALL_DOCUMENTS,
            Permission.REVIEW,
            Permission.OUTREACH,
            Permission.CHANGE_STATUS,
            Permission.SEE_PHI,
        }
    ),
    Role.SUPERVISOR: frozenset(Permission),
}


def allowed(role: str, permission: Permission) -> bool:
    """Whether ``role`` (a stored role string) holds ``permission``; unknown roles hold nothing."""
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False
