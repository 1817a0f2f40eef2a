"""The record's status and rejection reason, from its channel, kind and missing items.

* email: ``rejected`` with ``email_not_accepted`` (the plan cannot accept
  applications by email; the document is still kept and shown);
* an enrollment application: ``submitted`` when complete,
  ``on_hold_applicant_outreach`` when something required is missing;
* anything else (dental-only form, disenrollment request, cover letter,
  blank, unknown): ``not_yet_submitted`` -- there is no enrollment
  application to submit yet; ``document.kind`` says what arrived and a
  person routes it.
"""

from __future__ import annotations

from collections.abc import Sequence

from intake.application import MissingItem, Status
from intake.document import Channel

__all__ = ["APPLICATION_KIND", "EMAIL_NOT_ACCEPTED", "decide_status"]

APPLICATION_KIND = "enrollment_application"
EMAIL_NOT_ACCEPTED = "email_not_accepted"


def decide_status(channel: Channel | str, kind: str, missing: Sequence[MissingItem]) -> tuple[Status, str | None]:
    """(status, rejection_reason) for a freshly processed document."""
    if Channel(channel) is Channel.EMAIL:
        return "rejected", EMAIL_NOT_ACCEPTED
    if kind != APPLICATION_KIND:
        return "not_yet_submitted", None
    return ("on_hold_applicant_outreach" if missing else "submitted"), None
