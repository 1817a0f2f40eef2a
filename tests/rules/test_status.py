"""Status and rejection reason by channel, kind and completeness."""

from __future__ import annotations

import pytest

from intake.application import MissingItem
from intake.rules.status import decide_status

GAP = [MissingItem(field="applicant.phone", contact_first="applicant", reason="The phone number is not given.")]


@pytest.mark.parametrize(
    ("channel", "kind", "missing", "expected"),
    [
        ("fax", "enrollment_application", [], ("submitted", None)),
        ("portal", "enrollment_application", GAP, ("on_hold_applicant_outreach", None)),
        ("mail", "dental_enrollment", [], ("not_yet_submitted", None)),
        ("fax", "disenrollment_request", [], ("not_yet_submitted", None)),
        ("fax", "cover_letter", [], ("not_yet_submitted", None)),
        ("mail", "blank", [], ("not_yet_submitted", None)),
        ("docusign", "unknown", [], ("not_yet_submitted", None)),
        ("email", "enrollment_application", [], ("rejected", "email_not_accepted")),
        ("email", "enrollment_application", GAP, ("rejected", "email_not_accepted")),
        ("email", "unknown", [], ("rejected", "email_not_accepted")),
    ],
)
def test_decide_status(channel: str, kind: str, missing: list, expected: tuple) -> None:
    """Email is rejected; a complete application is submitted, an incomplete one on hold; other kinds wait."""
    assert decide_status(channel, kind, missing) == expected
