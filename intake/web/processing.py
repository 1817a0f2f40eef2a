"""How an upload gets processed: enqueued for RQ workers, or run in a thread of the web process.

``settings.web_processing`` picks: ``rq`` always enqueues (``intake worker``
processes it), ``thread`` always runs ``workers.jobs.run_document`` on one
background thread of the web process (one document at a time, so OCR does not
starve the requests), and ``auto`` — the default — enqueues when Redis answers
and at least one RQ worker listens on ``settings.queue_name``, else uses the
thread, so an upload is processed whether or not workers run. The choice is
made per upload, so workers started later are used from then on. Either way
the document's state lives in the record store, which is what the page polls.
"""

from __future__ import annotations

import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from intake.config import Settings
from intake.errors import QueueUnavailable
from workers.context import WorkerContext

__all__ = ["Processor", "ThreadProcessor", "RqProcessor", "AutoProcessor", "make_processor"]

log = logging.getLogger(__name__)


class Processor(Protocol):
    """Takes a recorded document id and sees that it gets processed."""

    def submit(self, document_id: int) -> str:
        """Hand the document on; returns how (``rq`` or ``thread``)."""

    def close(self) -> None: ...


class ThreadProcessor:
    """Runs jobs in the web process, one at a time, in submission order."""

    def __init__(self, worker_context: WorkerContext) -> None:
        self._context = worker_context
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="intake-web-job")
        self._idle = threading.Event()
        self._idle.set()
        self._pending = 0
        self._lock = threading.Lock()

    def submit(self, document_id: int) -> str:
        with self._lock:
            self._pending += 1
            self._idle.clear()
        self._pool.submit(self._run, document_id)
        return "thread"

    def _run(self, document_id: int) -> None:
        from workers.jobs import run_document

        try:
            run_document(self._context, document_id)
        except Exception as exc:  # noqa: BLE001 - the job recorded the failure; keep the thread alive
            log.error("in-process job ended with %s document_id=%d", type(exc).__name__, document_id)
        finally:
            with self._lock:
                self._pending -= 1
                if self._pending == 0:
                    self._idle.set()

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Block until every submitted job has finished (for tests and shutdown)."""
        return self._idle.wait(timeout)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=False)


class RqProcessor:
    """Enqueues ``workers.jobs.process_document`` on the configured RQ queue (``workers.queue``)."""

    def __init__(self, worker_context: WorkerContext) -> None:
        self._context = worker_context

    def submit(self, document_id: int) -> str:
        from workers.queue import enqueue_document, open_queue

        document = self._context.records.get_document(document_id)
        enqueue_document(self._context, open_queue(self._context.settings), document, actor="web")
        return "rq"

    def close(self) -> None:
        return None


def _workers_listening(settings: Settings) -> bool:
    """Whether Redis answers and an RQ worker listens on our queue (a quick check, 0.5 s at most)."""
    from redis import Redis
    from redis.exceptions import RedisError
    from rq import Queue, Worker

    try:
        connection = Redis.from_url(settings.redis_url, socket_connect_timeout=0.5, socket_timeout=0.5)
        try:
            return bool(Worker.all(queue=Queue(settings.queue_name, connection=connection)))
        finally:
            connection.close()
    except (RedisError, OSError):
        return False


class AutoProcessor:
    """RQ when a worker listens, else the in-process thread; decided per upload."""

    def __init__(self, worker_context: WorkerContext) -> None:
        self._settings = worker_context.settings
        self.rq = RqProcessor(worker_context)
        self.thread = ThreadProcessor(worker_context)

    def submit(self, document_id: int) -> str:
        if _workers_listening(self._settings):
            try:
                return self.rq.submit(document_id)
            except QueueUnavailable:
                log.warning("queue refused document_id=%d; processing it in the web process", document_id)
        return self.thread.submit(document_id)

    def close(self) -> None:
        self.thread.close()


def make_processor(worker_context: WorkerContext) -> Processor:
    mode = worker_context.settings.web_processing
    if mode == "rq":
        return RqProcessor(worker_context)
    if mode == "thread":
        return ThreadProcessor(worker_context)
    return AutoProcessor(worker_context)
