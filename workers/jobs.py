"""The job: process one document by id, and map the outcome to the record store.

``process_document(document_id)`` is what RQ runs; ``run_document(ctx, id)``
is the same body for in-process use (``intake process``). Only this module
turns an exception into a document state:

* success                      -> processed (one application per document, confirmation kept on re-runs)
* InputError / OcrTimeout      -> quarantined: copy to quarantine/<sha256> + reason file, never retried
* retryable (StorageError, …)  -> queued again while RQ has retries left, else failed
* anything else                -> failed (the job lands in RQ's failed registry for `intake requeue --failed`)

A job that finds its document already processed, quarantined or held by a
live job does nothing, so duplicate deliveries are harmless.
"""

from __future__ import annotations

import json
import logging
import time
from dataclasses import asdict, dataclass, replace
from typing import Any

from intake.document import Channel, SourceDocument
from intake.errors import ExtractionError, IntakeError
from intake.logs import safe_traceback, subject_id
from storage.keys import quarantine_key, quarantine_reason_key
from storage.records import ApplicationRecord, DocumentRecord
from workers import faults
from workers.context import WorkerContext, current

__all__ = ["JobOutcome", "process_document", "run_document", "quarantine_document"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobOutcome:
    """What one run did, without PHI (ids, codes, counts)."""

    document_id: int
    outcome: str  # processed / quarantined / retry / failed / skipped
    state: str
    attempt: int = 0
    pages: int = 0
    kind: str | None = None
    status: str | None = None
    confirmation_number: str | None = None
    receipt_source: str | None = None
    missing: int = 0
    review: int = 0
    reason_code: str | None = None
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def of_application(
        cls, outcome: str, document: DocumentRecord, application: ApplicationRecord, seconds: float
    ) -> JobOutcome:
        """The outcome for a document that has an application: its counts and codes, never its values."""
        contract = application.contract
        return cls(
            document_id=document.id,
            outcome=outcome,
            state=document.state,
            attempt=document.attempts,
            pages=int((contract.get("document") or {}).get("pages") or 0),
            kind=application.kind,
            status=application.status,
            confirmation_number=application.confirmation_number,
            receipt_source=(contract.get("receipt") or {}).get("source"),
            missing=len(contract.get("missing") or []),
            review=len(contract.get("review") or []),
            seconds=seconds,
        )


def quarantine_document(ctx: WorkerContext, document: DocumentRecord, error: IntakeError) -> DocumentRecord:
    """Park the document: copy the original to quarantine/ with a reason file, then record the state."""
    ctx.blobs.copy(document.original_key, quarantine_key(document.sha256))
    reason = {"document_id": document.id, "code": error.code, "message": error.message}
    ctx.blobs.put(quarantine_reason_key(document.sha256), json.dumps(reason, indent=2).encode())
    return ctx.records.set_state(
        document.id,
        "quarantined",
        action="quarantined",
        reason_code=error.code,
        reason_message=error.message,
    )


def _source(ctx: WorkerContext, document: DocumentRecord, path: Any) -> SourceDocument:
    return SourceDocument(
        path=path,
        filename=document.filename,
        sha256=document.sha256,
        channel=Channel(document.channel),
        dropped_at=document.dropped_at.astimezone(ctx.settings.tz),
        sidecar=document.sidecar,
        document_id=document.id,
    )


def run_document(
    ctx: WorkerContext,
    document_id: int,
    *,
    job_id: str | None = None,
    retries_left: int = 0,
    raise_failures: bool = False,
) -> JobOutcome:
    """Claim, extract and save one document.

    ``retries_left`` says whether a retryable error will be retried (by RQ);
    ``raise_failures`` re-raises a final failure so RQ files the job as failed.
    """
    from intake.pipeline import extract_document

    token = subject_id.set(f"doc-{document_id}")
    started = time.perf_counter()
    try:
        document = ctx.records.claim_for_processing(document_id, job_id=job_id)
        if document is None:
            state = ctx.records.get_document(document_id).state
            log.info("nothing to do: document is %s or held by a live job", state)
            return JobOutcome(document_id, "skipped", state)
        faults.after_claim(ctx.settings)
        try:
            with ctx.blobs.local_copy(document.original_key) as path:
                extracted = extract_document(
                    _source(ctx, document, path), ctx.settings, is_taken=ctx.records.confirmation_taken
                )
            saved = ctx.records.save_application(document.id, extracted.application.to_contract())
            faults.after_save(ctx.settings, document.attempts)
        except IntakeError as exc:
            return _on_error(ctx, document, exc, retries_left, raise_failures, started)
        except Exception as exc:
            # The type names the fault without quoting anything from the document.
            log.error("unexpected %s on attempt %d\n%s", type(exc).__name__, document.attempts, safe_traceback(exc))
            ctx.records.set_state(
                document.id,
                "failed",
                action="failed",
                reason_code="internal_error",
                reason_message=f"an unexpected {type(exc).__name__} stopped processing; "
                "see the worker log for this document id, then `intake requeue` it",
                details={"error_type": type(exc).__name__},
            )
            # Re-raised without its message (RQ stores and logs what it gets): a code and the type.
            raise ExtractionError(
                f"an unexpected {type(exc).__name__} stopped processing document {document.id}",
                code="internal_error",
            ) from None
        log.info("processed status=%s attempt=%d", saved.status, document.attempts)
        return JobOutcome.of_application(
            "processed", replace(document, state="processed"), saved, time.perf_counter() - started
        )
    finally:
        subject_id.reset(token)


def _on_error(
    ctx: WorkerContext,
    document: DocumentRecord,
    exc: IntakeError,
    retries_left: int,
    raise_failures: bool,
    started: float,
) -> JobOutcome:
    elapsed = time.perf_counter() - started
    if exc.quarantine:
        log.warning("quarantined code=%s", exc.code)
        quarantine_document(ctx, document, exc)
        return JobOutcome(document.id, "quarantined", "quarantined", document.attempts, reason_code=exc.code,
                          seconds=elapsed)
    if exc.retryable and retries_left > 0:
        log.warning("retryable error code=%s attempt=%d retries_left=%d", exc.code, document.attempts, retries_left)
        ctx.records.set_state(
            document.id, "queued", action="retry_scheduled", reason_code=exc.code, reason_message=exc.message,
            details={"retries_left": retries_left},
        )
        raise exc  # RQ schedules the retry
    log.error("failed code=%s attempt=%d", exc.code, document.attempts)
    ctx.records.set_state(document.id, "failed", action="failed", reason_code=exc.code, reason_message=exc.message)
    if raise_failures:
        raise exc  # into RQ's failed registry, where `intake requeue --failed` finds it
    return JobOutcome(document.id, "failed", "failed", document.attempts, reason_code=exc.code, seconds=elapsed)


def process_document(document_id: int) -> dict[str, Any]:
    """RQ job: process one document by id (JSON-safe argument and result)."""
    from rq import get_current_job

    job = get_current_job()
    retries_left = int(job.retries_left or 0) if job is not None else 0
    outcome = run_document(
        current(),
        int(document_id),
        job_id=job.id if job else None,
        retries_left=retries_left,
        raise_failures=job is not None,
    )
    return outcome.as_dict()
