"""What a job needs besides its document id: settings, the blob store and the record store.

Jobs are module-level functions that RQ calls with ids only, so the entry
point that starts a worker (``intake worker``, a test) builds one
``WorkerContext`` from its ``Settings`` and ``install``s it; ``current()``
returns it inside the job. A worker started some other way (plain ``rq
worker``) gets one built from the environment on first use.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass

from intake.config import Settings
from storage.blobs import BlobStore, open_blob_store
from storage.records import RecordStore
from storage.sql_records import SqlRecordStore, open_record_store

__all__ = ["WorkerContext", "build_context", "install", "current", "uninstall"]


@dataclass
class WorkerContext:
    settings: Settings
    blobs: BlobStore
    records: RecordStore


_lock = threading.Lock()
_installed: WorkerContext | None = None


def build_context(settings: Settings) -> WorkerContext:
    """Open both stores for ``settings`` (the database is migrated to head)."""
    return WorkerContext(settings=settings, blobs=open_blob_store(settings), records=open_record_store(settings))


def _after_fork_in_child() -> None:
    # RQ forks a work horse per job. Pooled database connections belong to the
    # parent; the child must open its own (SQLAlchemy's documented fork recipe).
    ctx = _installed
    if ctx is not None and isinstance(ctx.records, SqlRecordStore):
        ctx.records.engine.dispose(close=False)


os.register_at_fork(after_in_child=_after_fork_in_child)


def install(ctx: WorkerContext) -> WorkerContext:
    global _installed
    with _lock:
        _installed = ctx
    return ctx


def uninstall() -> None:
    global _installed
    with _lock:
        _installed = None


def current() -> WorkerContext:
    global _installed
    with _lock:
        if _installed is None:
            # Entry point of last resort: a worker not started by `intake worker`.
            _installed = build_context(Settings())
        return _installed
