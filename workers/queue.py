"""The RQ side: the queue, enqueueing a document, putting work back, recovering lost jobs.

Queue state lives in RQ's registries; the document's state lives in the record
store. A document is set ``queued`` (with its job id and timeout) before its
job is pushed, so a worker can never claim it before the record says so.
"""

from __future__ import annotations

import logging
import uuid
from datetime import timedelta

from redis import Redis
from redis.exceptions import RedisError
from rq import Queue, Retry
from rq.job import Job
from rq.registry import FailedJobRegistry, clean_registries

from intake.config import Settings
from intake.errors import NotFound, QueueUnavailable
from storage.database import utcnow
from storage.records import DocumentRecord
from workers.context import WorkerContext
from workers.jobs import process_document

__all__ = [
    "redis_connection",
    "open_queue",
    "job_timeout_for",
    "max_attempts",
    "enqueue_document",
    "requeue_document",
    "requeue_failed",
    "recover",
]

log = logging.getLogger(__name__)

RESULT_TTL = 24 * 3600
FAILURE_TTL = 30 * 24 * 3600
UNQUEUED_AFTER = timedelta(minutes=5)  # a document `received` this long was never enqueued (a crash)


def redis_connection(settings: Settings) -> Redis:
    """A connection to ``settings.redis_url`` that answered a PING."""
    try:
        connection = Redis.from_url(settings.redis_url, socket_connect_timeout=5, health_check_interval=30)
        connection.ping()
    except (RedisError, ValueError) as exc:
        raise QueueUnavailable(
            "Redis did not answer; check INTAKE_REDIS_URL and that Redis is running "
            "(or use `intake process`, which needs no Redis)"
        ) from exc
    return connection


def open_queue(settings: Settings, connection: Redis | None = None) -> Queue:
    return Queue(settings.queue_name, connection=connection or redis_connection(settings))


def job_timeout_for(settings: Settings, pages: int | None) -> int:
    """Seconds a job may run: a base plus a share per page (OCR time grows with pages)."""
    return settings.job_timeout_base_seconds + settings.job_timeout_per_page_seconds * max(0, pages or 0)


def max_attempts(settings: Settings) -> int:
    return 1 + len(settings.retry_intervals)


def enqueue_document(
    ctx: WorkerContext, queue: Queue, document: DocumentRecord, *, action: str = "queued", actor: str = "system"
) -> str:
    """Mark the document queued and push its job; returns the job id."""
    job_id = f"doc-{document.id}-{uuid.uuid4().hex[:10]}"
    timeout = job_timeout_for(ctx.settings, document.pages)
    intervals = list(ctx.settings.retry_intervals)
    ctx.records.set_state(
        document.id, "queued", action=action, actor=actor, job_id=job_id, job_timeout=timeout,
        details={"job_id": job_id, "job_timeout": timeout},
    )
    try:
        queue.enqueue(
            process_document,
            document.id,
            job_id=job_id,
            job_timeout=timeout,
            retry=Retry(max=len(intervals), interval=intervals) if intervals else None,
            result_ttl=RESULT_TTL,
            failure_ttl=FAILURE_TTL,
            description=f"process document {document.id}",
        )
    except RedisError as exc:
        ctx.records.set_state(
            document.id, "received", action="enqueue_failed", actor=actor, reason_code="queue_unavailable",
            reason_message="the queue was unavailable; the document is enqueued again by the next recovery",
        )
        raise QueueUnavailable("Redis refused the job; check INTAKE_REDIS_URL and that Redis is running") from exc
    log.info("enqueued document=%d job=%s timeout=%ds", document.id, job_id, timeout)
    return job_id


def requeue_document(ctx: WorkerContext, queue: Queue, ref: str, *, actor: str = "cli") -> str:
    """Put one document (id, sha256 prefix or confirmation number) back on the queue."""
    document = ctx.records.resolve_document(ref)
    if document.state == "processing" and document not in ctx.records.stuck_documents():
        raise NotFound(
            f"document {document.id} is being processed by a live job; wait for it or for its timeout",
            code="in_progress",
        )
    return enqueue_document(ctx, queue, document, action="requeued", actor=actor)


def requeue_failed(ctx: WorkerContext, queue: Queue, *, actor: str = "cli") -> list[int]:
    """Every failed document (and every job in RQ's failed registry) back on the queue, once each."""
    registry = FailedJobRegistry(queue=queue)
    document_ids: set[int] = set()
    for job_id in registry.get_job_ids():
        job = Job.fetch(job_id, connection=queue.connection) if Job.exists(job_id, queue.connection) else None
        if job is not None and job.func_name == f"{process_document.__module__}.{process_document.__name__}":
            document_ids.add(int(job.args[0]))
        registry.remove(job_id, delete_job=True)
    page = ctx.records.list_documents(state="failed", limit=10_000)
    document_ids.update(d.id for d in page.items)
    requeued = []
    for document_id in sorted(document_ids):
        document = ctx.records.get_document(document_id)
        if document.state in ("processed", "quarantined"):
            continue
        enqueue_document(ctx, queue, document, action="requeued", actor=actor)
        requeued.append(document_id)
    return requeued


def recover(ctx: WorkerContext, queue: Queue) -> list[int]:
    """Find work a dead worker or a crash left behind and put it back, once. Returns the document ids.

    1. RQ's own maintenance: abandoned jobs in the started registry are retried or failed.
    2. Documents ``processing`` for longer than their job timeout: re-enqueued (attempts are
       counted by the claim; after ``max_attempts`` they are failed with ``worker_lost``).
    3. Documents ``received`` but never enqueued, or ``queued`` whose job no longer exists in Redis.
    """
    try:
        clean_registries(queue)
    except RedisError as exc:
        raise QueueUnavailable("Redis did not answer during recovery; check INTAKE_REDIS_URL") from exc
    recovered: list[int] = []
    for stuck in ctx.records.stuck_documents():
        released = ctx.records.release_stuck(stuck.id, max_attempts=max_attempts(ctx.settings))
        if released is None:
            continue
        if released.state == "queued":
            enqueue_document(ctx, queue, released, action="queued")
            recovered.append(released.id)
        log.warning("recovered stuck document=%d now=%s attempts=%d", released.id, released.state, released.attempts)
    now = utcnow()
    for state in ("received", "queued"):
        for document in ctx.records.list_documents(state=state, limit=10_000).items:
            if now - document.updated_at < UNQUEUED_AFTER:
                continue
            if state == "queued" and document.job_id and Job.exists(document.job_id, connection=queue.connection):
                continue
            enqueue_document(ctx, queue, document, action="requeued_lost")
            recovered.append(document.id)
    return recovered
