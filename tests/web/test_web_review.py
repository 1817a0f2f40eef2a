"""The application page: field corrections through the validators, confirmations, status changes, audit, masking."""

from __future__ import annotations

import json

import pytest

from intake.web.transitions import TransitionRefused, check_transition, next_statuses
from tests.web.factories import seed_application

#: Tests here that use the database run on SQLite and on PostgreSQL (see conftest).
BOTH_DATABASES = True

MBI = "1EG4TE5MK73"
ACCOUNT = "000123456789"


def _events(context, record, action):
    return [e for e in context.records.events_for("application", record.id) if e.action == action]


def test_reviewer_sees_full_numbers_on_the_application_page_and_each_view_is_audited(client_for, context):
    """Reviewers see the Medicare and account numbers in full on the page; every view is an audit event."""
    record = seed_application(context.records)
    client, _ = client_for("reviewer")
    for _ in range(2):
        page = client.get(f"/applications/{record.id}")
        assert page.status_code == 200
    assert MBI in page.text and ACCOUNT in page.text
    views = _events(context, record, "application_viewed")
    assert len(views) == 2 and {v.actor for v in views} == {"rita"}
    assert all(MBI not in json.dumps(v.details) for v in views)


def test_numbers_are_masked_in_the_api_and_the_queue(client_for, context):
    """Outside the application page Medicare and account numbers show only their last four characters."""
    record = seed_application(context.records)
    client, _ = client_for("reviewer")
    api = client.get(f"/api/applications/{record.id}").json()["record"]
    assert api["medicare_number"] == "****MK73"
    assert api["premium_payment"]["account_number"] == "****6789"
    listing = client.get("/api/applications").text
    queue = client.get("/queue").text
    csv = client.get("/queue.csv").text
    for text in (listing, queue, csv):
        assert MBI not in text and ACCOUNT not in text


def test_a_valid_correction_is_normalised_stored_and_leaves_review(client_for, context):
    """A corrected value passes the parser's validator, is stored normalised and leaves review[]."""
    record = seed_application(context.records)
    client, csrf = client_for("reviewer")
    response = client.post(f"/applications/{record.id}/fields", data={
        "path": "applicant.birth_date", "value": "03/15/1957", "csrf_token": csrf, "action": "save"},
        follow_redirects=False)
    assert response.status_code == 303
    stored = context.records.get_application(record.document_id).contract
    assert stored["applicant"]["birth_date"] == "1957-03-15"
    assert "applicant.birth_date" not in stored["review"]
    [event] = _events(context, record, "field_corrected")
    assert event.actor == "rita" and event.details["path"] == "applicant.birth_date"
    assert "1957" not in json.dumps(event.details)  # the path and who, never the value


def test_correcting_the_receipt_recomputes_the_effective_date_check(client_for, context):
    """A receipt corrected to Dec 8 no longer allows a Jan 1 start (the rules engine's AEP cut-off)."""
    record = seed_application(context.records, review=["receipt.received_at"],
                              receipt={"received_at": "2026-12-01T09:00:00-06:00", "source": "drop_time"})
    client, csrf = client_for("reviewer")
    answer = client.post(f"/api/applications/{record.id}/fields", headers={"X-CSRF-Token": csrf},
                         json={"path": "receipt.received_at", "value": "2026-12-08T10:15"}).json()["record"]
    assert answer["receipt"]["received_at"] == "2026-12-08T10:15:00-06:00"
    assert answer["effective_date_check"] == {"earliest_allowed": "2027-02-01", "requested_allowed": False}
    assert answer["review"] == []


def test_an_invalid_correction_is_refused_with_the_validator_code(client_for, context):
    """An SSN typed into the Medicare number is refused (ssn_in_medicare_box) and nothing changes."""
    record = seed_application(context.records)
    client, csrf = client_for("reviewer")
    response = client.post(f"/api/applications/{record.id}/fields", headers={"X-CSRF-Token": csrf},
                           json={"path": "medicare_number", "value": "123-45-6789"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "ssn_in_medicare_box"
    assert "123-45-6789" not in response.text
    assert context.records.get_application(record.document_id).contract["medicare_number"] == MBI
    page = client.post(f"/applications/{record.id}/fields", data={
        "path": "agent.npn", "value": "12AB", "csrf_token": csrf})
    assert page.status_code == 422 and "agent" in page.text.lower()


def test_a_repaired_value_is_stored_but_stays_in_review(client_for, context):
    """A value the validator had to repair (look-alike letters) is kept in review[] for a person to confirm."""
    record = seed_application(context.records, review=[])
    client, csrf = client_for("reviewer")
    answer = client.post(f"/api/applications/{record.id}/fields", headers={"X-CSRF-Token": csrf},
                         json={"path": "medicare_number", "value": "1EG4TE5MK7B"}).json()
    assert answer["still_in_review"] is True
    stored = context.records.get_application(record.document_id).contract
    assert stored["medicare_number"] == "1EG4TE5MK78" and "medicare_number" in stored["review"]


def test_confirming_a_field_removes_it_from_review(client_for, context):
    """Confirm vouches for a field as it is: it leaves review[], the value is unchanged."""
    record = seed_application(context.records)
    client, csrf = client_for("reviewer")
    client.post(f"/applications/{record.id}/fields", data={
        "path": "applicant.birth_date", "value": "ignored", "action": "confirm", "csrf_token": csrf})
    stored = context.records.get_application(record.document_id).contract
    assert stored["review"] == [] and stored["applicant"]["birth_date"] == "1957-03-14"
    assert _events(context, record, "fields_confirmed")[0].details["paths"] == ["applicant.birth_date"]


def _phone_unread(context):
    """A submitted application whose phone the machine could not read (``unread``, in review)."""
    return seed_application(context.records, applicant__phone=None, status="submitted",
                            review=["applicant.phone"], unread=[{"field": "applicant.phone", "code": "ink_unread"}])


def test_an_unread_item_confirmed_empty_becomes_missing_and_puts_the_application_on_hold(client_for, context):
    """The machine could not read the phone (``unread``); a reviewer confirms the page has none: it is missing."""
    record = _phone_unread(context)
    client, csrf = client_for("reviewer")
    client.post(f"/applications/{record.id}/fields", data={
        "path": "applicant.phone", "value": "", "action": "confirm", "csrf_token": csrf})
    stored = context.records.get_application(record.document_id).contract
    assert stored["status"] == "on_hold_applicant_outreach"
    assert [(m["field"], m["contact_first"]) for m in stored["missing"]] == [("applicant.phone", "applicant")]
    assert stored["unread"] == [] and stored["review"] == []
    details = _events(context, record, "fields_confirmed")[0].details
    assert details["now_missing"] == ["applicant.phone"]
    assert details["status"] == {"from": "submitted", "to": "on_hold_applicant_outreach"}


def test_an_unread_item_typed_in_leaves_unread_and_the_status_stands(client_for, context):
    """The reviewer reads the phone from the page and types it: nothing is missing, the status stays."""
    record = _phone_unread(context)
    client, csrf = client_for("reviewer")
    client.post(f"/applications/{record.id}/fields", data={
        "path": "applicant.phone", "value": "715-555-0142", "action": "save", "csrf_token": csrf})
    stored = context.records.get_application(record.document_id).contract
    assert stored["applicant"]["phone"] == "7155550142" and stored["unread"] == []
    assert stored["status"] == "submitted" and stored["missing"] == []


def test_status_moves_along_allowed_transitions_with_old_and_new_recorded(client_for, context):
    """in_progress -> on hold -> in_progress -> pending -> enrolled; each change is an event with from/to."""
    record = seed_application(context.records, status="in_progress")
    client, csrf = client_for("reviewer")
    for new in ("on_hold_applicant_outreach", "in_progress", "pending_medicare_approval", "enrolled"):
        response = client.post(f"/api/applications/{record.id}/status", headers={"X-CSRF-Token": csrf},
                               json={"status": new})
        assert response.status_code == 200, response.text
    changes = [(e.details["from"], e.details["to"], e.actor) for e in _events(context, record, "status_changed")]
    assert changes == [
        ("in_progress", "on_hold_applicant_outreach", "rita"),
        ("on_hold_applicant_outreach", "in_progress", "rita"),
        ("in_progress", "pending_medicare_approval", "rita"),
        ("pending_medicare_approval", "enrolled", "rita"),
    ]


def test_a_skipped_transition_is_refused(client_for, context):
    """submitted cannot jump to enrolled; the record keeps its status."""
    record = seed_application(context.records, status="submitted")
    client, csrf = client_for("supervisor")
    response = client.post(f"/api/applications/{record.id}/status", headers={"X-CSRF-Token": csrf},
                           json={"status": "enrolled"})
    assert response.status_code == 409 and response.json()["error"]["code"] == "transition_not_allowed"
    assert context.records.get_application(record.document_id).status == "submitted"


def test_only_a_supervisor_may_deny_or_cancel(client_for, context):
    """A reviewer's denial is refused (403); a supervisor's goes through."""
    record = seed_application(context.records, status="on_hold_applicant_outreach")
    reviewer, reviewer_csrf = client_for("reviewer")
    refused = reviewer.post(f"/api/applications/{record.id}/status", headers={"X-CSRF-Token": reviewer_csrf},
                            json={"status": "denied"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "supervisor_required"
    assert "denied" not in reviewer.get(f"/applications/{record.id}").text.split('id="new-status"')[1][:400]
    supervisor, csrf = client_for("supervisor")
    assert supervisor.post(f"/api/applications/{record.id}/status", headers={"X-CSRF-Token": csrf},
                           json={"status": "denied"}).status_code == 200
    assert context.records.get_application(record.document_id).status == "denied"


def test_rejection_needs_a_reason(client_for, context):
    """Rejecting without a reason code is refused; with one, it is stored as rejection_reason."""
    record = seed_application(context.records, status="pending_medicare_approval")
    client, csrf = client_for("reviewer")
    url = f"/api/applications/{record.id}/status"
    assert client.post(url, headers={"X-CSRF-Token": csrf}, json={"status": "rejected"}).status_code == 400
    ok = client.post(url, headers={"X-CSRF-Token": csrf},
                     json={"status": "rejected", "rejection_reason": "cms_rejected"})
    assert ok.status_code == 200 and ok.json()["record"]["rejection_reason"] == "cms_rejected"


def test_an_edit_against_a_stale_version_is_refused(client_for, context):
    """Two reviewers editing the same record: the second, sent with the old version, gets 409."""
    record = seed_application(context.records)
    client, csrf = client_for("reviewer")
    version = client.get(f"/api/applications/{record.id}").json()["version"]
    first = client.post(f"/api/applications/{record.id}/fields", headers={"X-CSRF-Token": csrf},
                        json={"path": "agent.npn", "value": "1234567", "version": version})
    assert first.status_code == 200
    second = client.post(f"/api/applications/{record.id}/fields", headers={"X-CSRF-Token": csrf},
                         json={"path": "agent.npn", "value": "7654321", "version": version})
    assert second.status_code == 409
    assert context.records.get_application(record.document_id).contract["agent"]["npn"] == "1234567"


def test_page_image_is_rendered_from_the_original(client_for, context):
    """Page images come from the stored original through the OCR reader, as PNG."""
    import io

    from PIL import Image

    from workers.ingest import ingest_file

    buffer = io.BytesIO()
    Image.new("L", (850, 1100), 255).save(buffer, format="PNG")
    path = context.settings.local_storage_root() / "page.png"
    path.write_bytes(buffer.getvalue())
    from storage.database import utcnow

    document = ingest_file(context.jobs, path, channel="mail", filename="page.png", dropped_at=utcnow()).document
    contract = seed_application.__globals__["make_contract"]()
    contract["document"].update(sha256=document.sha256, pages=1, channel="mail")
    contract["boxes"] = {"agent.npn": {"page": 1, "left": 100, "top": 200, "width": 300, "height": 40}}
    record = context.records.save_application(document.id, contract)
    client, _ = client_for("reviewer")
    image = client.get(f"/applications/{record.id}/pages/1.png")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(image.content)).size == (850, 1100)
    crop = client.get(f"/applications/{record.id}/crops/agent.npn.png")
    assert crop.status_code == 200 and Image.open(io.BytesIO(crop.content)).size == (324, 64)
    assert client.get(f"/applications/{record.id}/crops/medicare_number.png").status_code == 404
    assert client.get(f"/applications/{record.id}/pages/2.png").status_code == 404


@pytest.mark.parametrize(
    ("current", "new", "supervisor", "ok"),
    [
        ("submitted", "in_progress", False, True),
        ("in_progress", "pending_medicare_approval", False, True),
        ("pending_medicare_approval", "rejected", False, True),
        ("on_hold_applicant_outreach", "in_progress", False, True),
        ("in_progress", "denied", False, False),
        ("in_progress", "canceled", True, True),
        ("enrolled", "canceled", True, False),
        ("denied", "in_progress", True, False),
        ("submitted", "pending_medicare_approval", True, False),
    ],
)
def test_transition_table(current, new, supervisor, ok):
    """The allowed transitions, including supervisor-only denied/canceled from open statuses."""
    if ok:
        check_transition(current, new, supervisor=supervisor)
        assert new in next_statuses(current, supervisor=supervisor)
    else:
        with pytest.raises(TransitionRefused):
            check_transition(current, new, supervisor=supervisor)
