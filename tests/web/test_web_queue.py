"""The review queue: what needs a person, filters, deadline order, paging, CSV export."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from intake.web.worklist import QueueFilter, load_queue
from tests.web.factories import seed_application

#: Tests here that use the database run on SQLite and on PostgreSQL (see conftest).
BOTH_DATABASES = True


def _queue(context, **params):
    with context.db() as db:
        return load_queue(db, QueueFilter.from_params(params), context.settings, today=date(2026, 12, 10))


def test_only_items_that_need_a_person_are_listed(context):
    """Clean records and closed ones stay out; review, drop-time receipts, missing items and problems come in."""
    clean = seed_application(context.records, review=[])
    closed = seed_application(context.records, status="enrolled")
    review = seed_application(context.records)
    drop = seed_application(context.records, review=["receipt.received_at"], receipt={"received_at": "2026-12-01T08:00:00-06:00",
                                                                 "source": "drop_time"})
    hold = seed_application(context.records, review=[], status="on_hold_applicant_outreach",
                            missing=[{"field": "premium_payment.account_number", "contact_first": "applicant",
                                      "reason": "unreadable"}])
    bad, _ = context.records.add_document(sha256="c" * 64, channel="mail", filename="x.pdf", source_key=None,
                                          size=5, dropped_at=datetime.fromisoformat("2026-12-02T10:00:00+00:00"))
    context.records.set_state(bad.id, "quarantined", action="quarantined", reason_code="encrypted_pdf",
                              reason_message="the PDF is password-protected; ask the sender for an open copy")
    page = _queue(context)
    listed = {(i.kind, i.application_id or i.document_id) for i in page.items}
    assert ("application", clean.id) not in listed and ("application", closed.id) not in listed
    assert {("application", review.id), ("application", drop.id), ("application", hold.id),
            ("document", bad.id)} <= listed
    by_id = {i.application_id or i.document_id: i for i in page.items}
    assert "receipt_drop_time" in by_id[drop.id].reasons
    assert {"on_hold_outreach", "missing_items"} <= set(by_id[hold.id].reasons)
    assert by_id[bad.id].reasons == ("quarantined", "encrypted_pdf")


def test_filters_by_status_channel_npn_and_received_date(context):
    """Each filter narrows the queue to matching items."""
    fax = seed_application(context.records)
    mail = seed_application(context.records, document__channel="mail", agent={"name": "X", "npn": "999"},
                            receipt={"received_at": "2026-11-02T09:00:00-06:00", "source": "mail_stamp"})
    held = seed_application(context.records, status="on_hold_applicant_outreach")
    ids = lambda page: {i.application_id for i in page.items}  # noqa: E731
    assert ids(_queue(context, channel="mail")) == {mail.id}
    assert ids(_queue(context, npn="999")) == {mail.id}
    assert ids(_queue(context, status="on_hold_applicant_outreach")) == {held.id}
    assert ids(_queue(context, received_from="2026-11-30", received_to="2026-11-30")) == {fax.id, held.id}
    assert ids(_queue(context, received_to="2026-11-29")) == {mail.id}


def test_bad_filter_values_are_refused(client_for):
    """An unknown status or a malformed date is a 400 with code bad_filter, not a crash."""
    client, _ = client_for("reviewer")
    assert client.get("/api/queue?status=bogus").json()["error"]["code"] == "bad_filter"
    assert client.get("/queue?received_from=30/11/2026").status_code == 400


def test_sorted_by_deadline_then_paged(context):
    """The nearest deadline comes first; 25 a page; later pages continue the order."""
    for month in (6, 3, 9, 1, 4):
        seed_application(context.records, requested_effective_date=f"2027-{month:02d}-01")
    page = _queue(context)
    deadlines = [i.deadline for i in page.items]
    assert deadlines == sorted(deadlines) and deadlines[0] == date(2026, 12, 31)
    with context.db() as db:
        first = load_queue(db, QueueFilter(page=1), context.settings, per_page=2)
        second = load_queue(db, QueueFilter(page=2), context.settings, per_page=2)
    assert first.pages == 3 and [i.deadline for i in first.items + second.items] == deadlines[:4]


def test_outreach_deadline_and_denial_candidate_in_the_queue(context):
    """An application on hold past its outreach deadline is a denial candidate."""
    record = seed_application(context.records, status="in_progress")
    context.records.update_application(
        record.document_id, {**record.contract, "status": "on_hold_applicant_outreach"}, actor="rita",
        action="status_changed", details={"from": "in_progress", "to": "on_hold_applicant_outreach"},
    )
    with context.db() as db:
        asked_on = datetime.now(context.settings.tz).date()
        soon = load_queue(db, QueueFilter(), context.settings, today=asked_on)
        late = load_queue(db, QueueFilter(), context.settings, today=date(2031, 1, 1))
    [item] = soon.items
    assert item.deadline_kind == "outreach" and item.denial_candidate is False
    assert (item.deadline - asked_on).days >= context.settings.outreach_days
    assert late.items[0].denial_candidate is True


def test_csv_export_follows_the_filter_and_carries_no_phi(client_for, context):
    """The CSV has the filtered rows (all pages), ids and codes only, and neutralises formula cells."""
    for _ in range(3):
        seed_application(context.records, document__channel="mail")
    seed_application(context.records)
    client, _ = client_for("reviewer")
    response = client.get("/queue.csv?channel=mail")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert len(rows) == 3 and {r["channel"] for r in rows} == {"mail"}
    assert "SAMPLEPERSON" not in response.text and "TESTY" not in response.text
    exported = [e for e in context.records.events_for("queue", "export") if e.action == "queue_exported"]
    assert exported and exported[0].details["rows"] == 3


def test_csv_cells_that_look_like_formulas_are_quoted():
    """A value starting with = + - @ cannot run as a spreadsheet formula."""
    from intake.web.worklist import _cell

    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and _cell("-1") == "'-1" and _cell("abc") == "abc"


def test_queue_page_is_keyboard_navigable(client_for, context):
    """Rows are links (focusable); the filter inputs all have labels."""
    seed_application(context.records)
    client, _ = client_for("reviewer")
    html = client.get("/queue").text
    assert 'class="row-link" href="/applications/' in html
    import re

    for input_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html):
        assert f'for="{input_id}"' in html, input_id
