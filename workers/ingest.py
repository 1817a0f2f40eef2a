"""Taking in one file: keep its bytes under ``originals/<sha256>`` and record the document.

Order matters for crash safety: the original is written first, then the
document row is committed, and only then may the caller remove the drop from
the inbox. A crash at any point leaves the file either still in the inbox (it
is taken again; the same sha256 finds the same record) or fully recorded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from intake.document import Channel, sha256_of
from storage.keys import original_key, safe_name
from storage.records import DocumentRecord
from workers.context import WorkerContext
from workers.pages import estimate_pages

__all__ = ["Ingested", "ingest_file"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Ingested:
    document: DocumentRecord
    created: bool  # False: the same bytes were already known (a duplicate drop)


def ingest_file(
    ctx: WorkerContext,
    path: Path,
    *,
    channel: Channel | str,
    filename: str,
    dropped_at: datetime,
    sidecar: dict[str, Any] | None = None,
    source_key: str | None = None,
    actor: str = "watcher",
) -> Ingested:
    """Store ``path`` as an original (server-side copy from ``source_key`` when given) and record it."""
    channel = Channel(channel)
    sha256 = sha256_of(path)
    key = original_key(sha256)
    if not ctx.blobs.exists(key):  # originals are immutable: never rewrite one
        if source_key is not None:
            ctx.blobs.copy(source_key, key)
        else:
            ctx.blobs.put(key, path)
    document, created = ctx.records.add_document(
        sha256=sha256,
        channel=channel.value,
        filename=safe_name(filename) if not filename.isascii() or "/" in filename else filename,
        source_key=source_key,
        size=path.stat().st_size,
        dropped_at=dropped_at,
        sidecar=sidecar,
        pages=estimate_pages(path, channel.value),
        actor=actor,
    )
    log.info("ingested document=%d sha=%s created=%s", document.id, sha256[:12], created)
    return Ingested(document=document, created=created)
