"""The SQL record store on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from intake.errors import NotFound
from storage.database import Base, make_engine, migrate
from storage.models import DocumentRow, OutreachAttempt
from storage.records import ApplicationFilter, RecordChanged, RecordStore
from storage.sql_records import SqlRecordStore

DROPPED = datetime(2026, 11, 30, 23, 41, 7, tzinfo=UTC)


def _add(records: SqlRecordStore, sha: str, channel: str = "fax", **extra):
    return records.add_document(
        sha256=sha, channel=channel, filename=f"{sha[:4]}.tif", source_key=f"inbox/{channel}/{sha[:4]}.tif",
        size=10, dropped_at=DROPPED, **extra,
    )


def _contract(sha: str, number: str | None, status: str = "submitted", npn: str | None = "17654321") -> dict:
    return {
        "schema": "enrollment-application/v1",
        "document": {"sha256": sha, "filename": "x.tif", "pages": 3, "channel": "fax", "kind": "enrollment_application"},
        "receipt": {"received_at": "2026-11-30T23:41:07-06:00", "source": "fax_metadata"},
        "confirmation_number": number,
        "agent": {"name": None, "npn": npn},
        "requested_effective_date": "2027-01-01",
        "status": status,
    }


def test_migrations_match_the_models(database_url: str) -> None:
    """The shipped revisions create exactly the declared tables; upgrade twice is a no-op."""
    engine = make_engine(database_url)
    migrate(engine)
    migrate(engine)
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": False}), Base.metadata)
    mine = [d for d in diff if any(t in repr(d) for t in ("documents", "applications", "events"))]
    assert mine == []
    assert {"documents", "applications", "events", "alembic_version"} <= set(sa.inspect(engine).get_table_names())


def test_same_bytes_are_one_document_and_counted_as_duplicates(records: SqlRecordStore) -> None:
    """add_document with a known sha256 returns the existing record, counts it and logs an event."""
    assert isinstance(records, RecordStore)
    first, created = _add(records, "a" * 64)
    again, created_again = _add(records, "a" * 64, channel="mail")
    assert created and not created_again
    assert again.id == first.id and again.duplicates == 1
    assert records.list_documents().total == 1
    actions = [e.action for e in records.events_for("document", first.id)]
    assert actions == ["received", "duplicate_received"]
    assert first.dropped_at == DROPPED


def test_claim_is_exclusive_until_the_job_timeout_passes(records: SqlRecordStore) -> None:
    """A second claim is refused while the first is live, allowed once it is older than its job timeout."""
    doc, _ = _add(records, "b" * 64)
    records.set_state(doc.id, "queued", action="queued", job_id="j1", job_timeout=1)
    first = records.claim_for_processing(doc.id, job_id="j1")
    assert first is not None and first.attempts == 1 and first.state == "processing"
    assert records.claim_for_processing(doc.id, job_id="j2") is None
    assert records.stuck_documents() == []
    with records.engine.begin() as conn:  # the worker died two seconds ago
        conn.execute(
            sa.update(DocumentRow)
            .where(DocumentRow.id == doc.id)
            .values(processing_started_at=datetime.now(UTC) - timedelta(seconds=5))
        )
    assert [d.id for d in records.stuck_documents()] == [doc.id]
    second = records.claim_for_processing(doc.id, job_id="j2")
    assert second is not None and second.attempts == 2


def test_save_application_is_idempotent_and_keeps_the_confirmation_number(records: SqlRecordStore) -> None:
    """A re-run saves over the same row and keeps the first confirmation number."""
    doc, _ = _add(records, "c" * 64)
    records.claim_for_processing(doc.id)
    saved = records.save_application(doc.id, _contract("c" * 64, "48213377"))
    assert records.confirmation_taken("48213377") and not records.confirmation_taken("11111111")
    rerun = records.save_application(doc.id, _contract("c" * 64, "99999999", status="on_hold_applicant_outreach"))
    assert rerun.id == saved.id
    assert rerun.confirmation_number == "48213377" and rerun.contract["confirmation_number"] == "48213377"
    assert rerun.status == "on_hold_applicant_outreach"
    assert not records.confirmation_taken("99999999")
    assert records.list_applications().total == 1
    document = records.get_document(doc.id)
    assert document.state == "processed" and document.pages == 3
    app = records.get_application(doc.id)
    assert app is not None and app.received_at == datetime(2026, 12, 1, 5, 41, 7, tzinfo=UTC)
    assert str(app.requested_effective_date) == "2027-01-01" and app.npn == "17654321"


def test_list_applications_filters_and_pages(records: SqlRecordStore) -> None:
    """Filters by status/NPN/channel combine; paging returns the total."""
    for i, status in enumerate(["submitted", "submitted", "rejected", "on_hold_applicant_outreach"]):
        sha = f"{i:x}" * 64
        doc, _ = _add(records, sha)
        records.save_application(doc.id, _contract(sha, f"1000000{i}", status=status, npn=None if i == 3 else "42"))
    assert records.list_applications(ApplicationFilter(status="submitted")).total == 2
    assert records.list_applications(ApplicationFilter(npn="42", status="rejected")).total == 1
    page = records.list_applications(limit=2, offset=2)
    assert page.total == 4 and [a.confirmation_number for a in page.items] == ["10000002", "10000003"]
    assert records.list_applications(ApplicationFilter(channel="mail")).total == 0


def test_resolve_document_by_id_sha_prefix_or_confirmation_number(records: SqlRecordStore) -> None:
    """show/requeue accept any of the three references; unknown ones raise NotFound."""
    doc, _ = _add(records, "d" * 64)
    records.save_application(doc.id, _contract("d" * 64, "48213377"))
    assert records.resolve_document(str(doc.id)).id == doc.id
    assert records.resolve_document("dddddd").id == doc.id
    assert records.resolve_document("48213377").id == doc.id
    with pytest.raises(NotFound):
        records.resolve_document("eeeeee")


def test_update_application_records_who_edited(records: SqlRecordStore) -> None:
    """A reviewer's edit replaces the contract, keeps the number and is audited under the application."""
    doc, _ = _add(records, "f" * 64)
    saved = records.save_application(doc.id, _contract("f" * 64, "12345678"))
    edited = records.update_application(doc.id, _contract("f" * 64, None, status="in_progress"), actor="user:7")
    assert edited.confirmation_number == "12345678" and edited.status == "in_progress"
    events = records.events_for("application", saved.id)
    assert [(e.actor, e.action) for e in events] == [("user:7", "application_edited")]


def test_update_application_refuses_a_record_changed_since_it_was_read(records: SqlRecordStore) -> None:
    """With the version the editor read, a second edit made on that same version is refused, not applied."""
    doc, _ = _add(records, "9" * 64)
    read = records.save_application(doc.id, _contract("9" * 64, "12345670"))
    records.update_application(doc.id, _contract("9" * 64, None, status="in_progress"), actor="ann",
                               expected_version=read.updated_at)
    with pytest.raises(RecordChanged) as refused:
        records.update_application(doc.id, _contract("9" * 64, None, status="rejected"), actor="bob",
                                   expected_version=read.updated_at)
    assert refused.value.code == "changed_meanwhile"
    assert records.get_application(doc.id).status == "in_progress"
    assert [e.actor for e in records.events_for("application", read.id)] == ["ann"]


def test_outreach_attempt_is_logged_with_its_event(records: SqlRecordStore) -> None:
    """An outreach attempt lands in outreach_attempts and the audit trail; an unknown application is NotFound."""
    doc, _ = _add(records, "8" * 64)
    saved = records.save_application(doc.id, _contract("8" * 64, "12345671"))
    records.add_outreach_attempt(saved.id, contact="agent", outcome="left_message", actor="rita")
    with records.engine.connect() as conn:
        rows = conn.execute(sa.select(OutreachAttempt.contact, OutreachAttempt.outcome, OutreachAttempt.by_user)).all()
    assert [tuple(r) for r in rows] == [("agent", "left_message", "rita")]
    events = records.events_for("application", saved.id)
    assert [(e.action, e.details) for e in events] == [
        ("outreach_attempt", {"contact": "agent", "outcome": "left_message"})
    ]
    with pytest.raises(NotFound):
        records.add_outreach_attempt(saved.id + 1000, contact="agent", outcome="reached", actor="rita")


def test_state_changes_write_their_event_in_the_same_transaction(records: SqlRecordStore) -> None:
    """set_state stores the reason and an event carrying codes, not text from the document."""
    doc, _ = _add(records, "9" * 64)
    records.set_state(doc.id, "quarantined", action="quarantined", reason_code="corrupt_file",
                      reason_message="The file cannot be opened; ask the sender for a new copy.")
    stored = records.get_document(doc.id)
    assert (stored.state, stored.reason_code) == ("quarantined", "corrupt_file")
    last = records.events_for("document", doc.id)[-1]
    assert last.details["reason_code"] == "corrupt_file" and last.details["to"] == "quarantined"
    assert records.count_by_state() == {"quarantined": 1}
    with pytest.raises(NotFound):
        records.get_document(999)
