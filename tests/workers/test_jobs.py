"""Jobs on a real Redis with an in-process burst worker: success, quarantine, retry, requeue."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image
from redis import Redis
from rq import Worker
from rq.job import Job
from rq.registry import FailedJobRegistry

from intake.config import Settings
from storage.keys import quarantine_key, quarantine_reason_key
from workers.context import WorkerContext, build_context, install, uninstall
from workers.ingest import ingest_file
from workers.queue import enqueue_document, open_queue, requeue_failed

from worker_helpers import make_settings, portal_submission  # type: ignore[import-not-found]


def _ingest(ctx: WorkerContext, tmp_path: Path, name: str, data: bytes, channel: str = "portal"):
    path = tmp_path / name
    path.write_bytes(data)
    return ingest_file(ctx, path, channel=channel, filename=name, dropped_at=datetime.now(UTC)).document


def _burst(ctx: WorkerContext, redis_conn: Redis) -> None:
    queue = open_queue(ctx.settings, redis_conn)
    Worker([queue], connection=redis_conn).work(burst=True, logging_level="WARNING")


def test_burst_worker_processes_a_portal_document(ctx: WorkerContext, redis_conn: Redis, tmp_path: Path) -> None:
    """Enqueued by id, processed by a real RQ worker: one application with an 8-digit number."""
    document = _ingest(ctx, tmp_path, "sub.json", portal_submission(1))
    job_id = enqueue_document(ctx, open_queue(ctx.settings, redis_conn), document)
    _burst(ctx, redis_conn)
    assert Job.fetch(job_id, connection=redis_conn).get_status() == "finished"
    stored = ctx.records.get_document(document.id)
    application = ctx.records.get_application(document.id)
    assert stored.state == "processed" and stored.attempts == 1
    assert application is not None and application.channel == "portal"
    assert len(application.confirmation_number or "") == 8 and application.confirmation_number.isdigit()
    assert application.contract["receipt"]["source"] == "portal_submission"
    actions = [e.action for e in ctx.records.events_for("document", document.id)]
    assert actions == ["received", "queued", "processing_started", "processed"]


def test_job_timeout_scales_with_pages_and_retries_are_configured(
    ctx: WorkerContext, redis_conn: Redis, tmp_path: Path
) -> None:
    """A 3-page fax gets base + 3 x per-page seconds and the configured retry schedule."""
    path = tmp_path / "three.tif"
    pages = [Image.new("1", (64, 64), 1) for _ in range(3)]
    pages[0].save(path, save_all=True, append_images=pages[1:], compression="group4")
    document = ingest_file(ctx, path, channel="fax", filename="three.tif", dropped_at=datetime.now(UTC)).document
    assert document.pages == 3
    job = Job.fetch(enqueue_document(ctx, open_queue(ctx.settings, redis_conn), document), connection=redis_conn)
    settings = ctx.settings
    assert job.timeout == settings.job_timeout_base_seconds + 3 * settings.job_timeout_per_page_seconds
    assert job.retries_left == 3 and job.retry_intervals == [0, 0, 0]
    assert ctx.records.get_document(document.id).job_timeout == job.timeout


def test_unreadable_document_is_quarantined_with_its_reason(
    ctx: WorkerContext, redis_conn: Redis, tmp_path: Path
) -> None:
    """An InputError parks the document under quarantine/ with a reason file; RQ does not retry it."""
    document = _ingest(ctx, tmp_path, "broken.json", b"{this is not json")
    job_id = enqueue_document(ctx, open_queue(ctx.settings, redis_conn), document)
    _burst(ctx, redis_conn)
    stored = ctx.records.get_document(document.id)
    assert stored.state == "quarantined" and stored.attempts == 1
    assert stored.reason_code and stored.reason_message
    assert ctx.blobs.get(quarantine_key(stored.sha256)) == b"{this is not json"
    reason = json.loads(ctx.blobs.get(quarantine_reason_key(stored.sha256)))
    assert reason["code"] == stored.reason_code and reason["document_id"] == document.id
    assert ctx.records.get_application(document.id) is None
    assert Job.fetch(job_id, connection=redis_conn).get_status() == "finished"
    assert [e.action for e in ctx.records.events_for("document", document.id)][-1] == "quarantined"


def test_crash_after_commit_is_retried_into_one_application(
    tmp_path: Path, any_database_url: str, redis_conn: Redis
) -> None:
    """The first attempt commits then fails; the retry re-runs and keeps the same confirmation number."""
    settings = make_settings(tmp_path, any_database_url, fault_injection="crash_after_save")
    ctx = install(build_context(settings))
    try:
        document = _ingest(ctx, tmp_path, "sub.json", portal_submission(2))
        enqueue_document(ctx, open_queue(settings, redis_conn), document)
        _burst(ctx, redis_conn)
        events = ctx.records.events_for("document", document.id)
        actions = [e.action for e in events]
        assert actions == [
            "received", "queued", "processing_started", "processed", "retry_scheduled",
            "processing_started", "reprocessed",
        ]
        first_number = events[3].details["confirmation_number"]
        application = ctx.records.get_application(document.id)
        assert application is not None and application.confirmation_number == first_number
        assert ctx.records.list_applications().total == 1
        assert ctx.records.get_document(document.id).attempts == 2
    finally:
        uninstall()
        ctx.records.engine.dispose()


def test_requeue_failed_puts_a_failed_document_back(tmp_path: Path, sqlite_url: str, redis_conn: Redis) -> None:
    """Without retries a retryable error fails the job; `requeue --failed` processes it and clears RQ's registry."""
    failing = make_settings(tmp_path, sqlite_url, fault_injection="crash_after_save", retry_intervals=[])
    ctx = install(build_context(failing))
    try:
        document = _ingest(ctx, tmp_path, "sub.json", portal_submission(3))
        queue = open_queue(failing, redis_conn)
        enqueue_document(ctx, queue, document)
        _burst(ctx, redis_conn)
        stored = ctx.records.get_document(document.id)
        assert (stored.state, stored.reason_code) == ("failed", "injected_fault")
        assert FailedJobRegistry(queue=queue).count == 1
        number = ctx.records.get_application(document.id).confirmation_number
    finally:
        uninstall()
    healthy = Settings(**{**failing.model_dump(), "fault_injection": None})
    ctx = install(WorkerContext(settings=healthy, blobs=ctx.blobs, records=ctx.records))
    try:
        assert requeue_failed(ctx, queue) == [document.id]
        assert FailedJobRegistry(queue=queue).count == 0
        _burst(ctx, redis_conn)
        assert ctx.records.get_document(document.id).state == "processed"
        assert ctx.records.get_application(document.id).confirmation_number == number
        assert FailedJobRegistry(queue=queue).count == 0
    finally:
        uninstall()
        ctx.records.engine.dispose()
