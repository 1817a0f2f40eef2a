"""A worker SIGKILLed mid-job does not strand its document (real subprocess workers, real Redis)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

from redis import Redis

from storage.records import DocumentRecord
from workers.context import build_context
from workers.ingest import ingest_file
from workers.queue import enqueue_document, open_queue

from worker_helpers import make_settings, portal_submission  # type: ignore[import-not-found]

INTAKE = Path(sys.executable).with_name("intake")


def _env(settings, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("INTAKE_")}
    env.update(
        INTAKE_STORAGE_URL=settings.storage_url,
        INTAKE_DATABASE_URL=settings.database_url,
        INTAKE_REDIS_URL=settings.redis_url,
        INTAKE_QUEUE_NAME=settings.queue_name,
        INTAKE_JOB_TIMEOUT_BASE_SECONDS=str(settings.job_timeout_base_seconds),
        INTAKE_RETRY_INTERVALS="[0, 0, 0]",
    )
    env.update(extra)
    return env


def _wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def test_sigkilled_worker_then_new_worker_processes_exactly_once(
    tmp_path: Path, any_database_url: str, redis_conn: Redis
) -> None:
    """Kill -9 during processing; the next worker re-enqueues it once: one application, events show the retry."""
    settings = make_settings(tmp_path, any_database_url, job_timeout_base_seconds=3)
    ctx = build_context(settings)
    source = tmp_path / "sub.json"
    source.write_bytes(portal_submission(4))
    document = ingest_file(ctx, source, channel="portal", filename="sub.json", dropped_at=datetime.now(UTC)).document
    enqueue_document(ctx, open_queue(settings, redis_conn), document)

    doomed = subprocess.Popen(
        [str(INTAKE), "worker", "--burst"], env=_env(settings, INTAKE_FAULT_INJECTION="sleep:60"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    try:
        _wait_for(lambda: ctx.records.get_document(document.id).state == "processing", 60, "the claim")
    finally:
        os.killpg(doomed.pid, signal.SIGKILL)  # the worker and its work horse, as a lost machine would
        doomed.wait(timeout=10)
    held: DocumentRecord = ctx.records.get_document(document.id)
    assert held.state == "processing" and held.attempts == 1
    assert ctx.records.get_application(document.id) is None

    # Once the job timeout has passed, the document counts as stuck; a new worker picks it up.
    _wait_for(lambda: ctx.records.stuck_documents() != [], 30, "the job timeout to pass")
    rescuer = subprocess.run(
        [str(INTAKE), "worker", "--burst"], env=_env(settings), capture_output=True, text=True, timeout=120,
    )
    assert rescuer.returncode == 0, rescuer.stderr[-2000:]

    final = ctx.records.get_document(document.id)
    assert final.state == "processed" and final.attempts == 2
    assert ctx.records.list_applications().total == 1
    application = ctx.records.get_application(document.id)
    assert application is not None and len(application.confirmation_number or "") == 8
    actions = [e.action for e in ctx.records.events_for("document", document.id)]
    assert actions.count("requeued_stuck") == 1
    assert actions.count("processing_started") == 2
    assert actions.count("processed") == 1 and "reprocessed" not in actions
    ctx.records.engine.dispose()
