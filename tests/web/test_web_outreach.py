"""Outreach: deadlines (21 days or Dec 7 for AEP), whom to call first, the contact log."""

from __future__ import annotations

from datetime import date

import pytest

from intake.web.outreach import is_aep_request, load_outreach, outreach_deadline
from tests.web.factories import seed_application

#: Tests here that use the database run on SQLite and on PostgreSQL (see conftest).
BOTH_DATABASES = True


@pytest.mark.parametrize(
    ("requested", "received", "expected"),
    [
        (date(2026, 11, 30), date(2026, 11, 28), date(2026, 12, 21)),  # AEP, 21 days is later than Dec 7
        (date(2026, 11, 10), date(2026, 11, 2), date(2026, 12, 7)),  # AEP, Dec 7 is later
        (date(2026, 3, 2), date(2026, 2, 27), date(2026, 3, 23)),  # outside AEP: 21 days
        (date(2026, 10, 14), date(2026, 10, 14), date(2026, 11, 4)),  # the day before AEP opens
    ],
)
def test_outreach_deadline(settings, requested, received, expected):
    """21 calendar days after the request, or Dec 7 for an AEP request, whichever is later."""
    assert outreach_deadline(requested, received, settings) == expected


def test_aep_deadline_can_be_switched_off(settings):
    """With outreach_aep_deadline off, AEP requests also get 21 days."""
    settings.outreach_aep_deadline = False
    assert outreach_deadline(date(2026, 11, 10), date(2026, 11, 2), settings) == date(2026, 12, 1)


def test_aep_window():
    """Oct 15 to Dec 7 inclusive is the Annual Election Period."""
    assert is_aep_request(date(2026, 10, 15)) and is_aep_request(date(2026, 12, 7))
    assert not is_aep_request(date(2026, 12, 8)) and not is_aep_request(date(2026, 10, 14))


def test_worklist_says_whom_to_call_first_and_logs_attempts(client_for, context):
    """Banking info missing: call the applicant first at their number; attempts are logged with who and when."""
    record = seed_application(
        context.records, status="on_hold_applicant_outreach",
        missing=[{"field": "premium_payment.account_number", "contact_first": "applicant", "reason": "unreadable"}],
    )
    agent_case = seed_application(
        context.records, status="on_hold_applicant_outreach", agent={"name": "AGENT TESTER", "npn": None},
        missing=[{"field": "agent.npn", "contact_first": "agent", "reason": "not on the form"}],
    )
    client, csrf = client_for("reviewer")
    response = client.post(f"/applications/{record.id}/outreach",
                           data={"contact": "applicant", "outcome": "left_message", "csrf_token": csrf},
                           follow_redirects=False)
    assert response.status_code == 303
    items = {i["application_id"]: i for i in client.get("/api/outreach").json()["items"]}
    assert items[record.id]["contact_first"] == "applicant" and items[record.id]["phone"] == "7155550142"
    assert items[agent_case.id]["contact_first"] == "agent" and items[agent_case.id]["phone"] is None
    [attempt] = items[record.id]["attempts"]
    assert attempt["outcome"] == "left_message" and attempt["by"] == "rita"
    page = client.get("/outreach").text
    assert "715-555-0142" in page and "premium_payment.account_number" in page


def test_past_the_deadline_is_a_denial_candidate(context):
    """Once the deadline has passed the case is flagged for denial."""
    seed_application(context.records, status="on_hold_applicant_outreach")
    with context.db() as db:
        [case] = load_outreach(db, context.settings, today=date(2031, 1, 1))
        [fresh] = load_outreach(db, context.settings, today=case.requested_on)
    assert case.denial_candidate is True and fresh.denial_candidate is False


def test_outreach_log_refuses_free_text(client_for, context):
    """Only the offered contacts and outcomes are accepted, so no PHI can be typed into the log."""
    record = seed_application(context.records, status="on_hold_applicant_outreach")
    client, csrf = client_for("reviewer")
    response = client.post(f"/applications/{record.id}/outreach",
                           data={"contact": "applicant", "outcome": "said her SSN is 123", "csrf_token": csrf})
    assert response.status_code == 400
    with context.db() as db:
        assert load_outreach(db, context.settings)[0].attempts == []
