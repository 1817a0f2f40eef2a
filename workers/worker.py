"""Starting an RQ worker with the project's settings (``intake worker``)."""

from __future__ import annotations

import importlib
import logging

from redis import Redis
from rq import Worker

from intake.config import Settings
from workers.context import WorkerContext, build_context, install
from workers.queue import open_queue, recover, redis_connection

__all__ = ["run_worker"]

log = logging.getLogger(__name__)

# The modules `intake.pipeline.extract_document` imports when first called. RQ forks a
# work horse per job: importing them once here, before any fork, saves each job the
# import time (OpenCV, numpy, …) and makes a broken install fail at start, not per job.
PIPELINE_MODULES = (
    "intake.pipeline",
    "intake.assemble",
    "intake.ocr.reader",
    "intake.ocr.recognize",
    "intake.parsers.classify",
    "intake.parsers.form",
    "intake.parsers.portal",
    "intake.parsers.receipt",
)


def preload_pipeline() -> None:
    for name in PIPELINE_MODULES:
        importlib.import_module(name)


def run_worker(
    settings: Settings,
    *,
    burst: bool = False,
    name: str | None = None,
    ctx: WorkerContext | None = None,
    connection: Redis | None = None,
) -> bool:
    """Recover lost work, then process jobs (until the queue is empty with ``burst``)."""
    preload_pipeline()
    ctx = install(ctx or build_context(settings))
    connection = connection or redis_connection(settings)
    queue = open_queue(settings, connection)
    recovered = recover(ctx, queue)
    if recovered:
        log.warning("re-enqueued %d document(s) left behind by a stopped worker", len(recovered))
    worker = Worker([queue], connection=connection, name=name)
    level = logging.getLevelName(max(logging.getLogger().getEffectiveLevel(), logging.INFO))
    # The scheduler moves retries whose back-off has passed back onto the queue.
    return worker.work(burst=burst, with_scheduler=True, logging_level=level)
