"""The drop-folder / bucket watcher: takes stable files from ``inbox/<channel>/`` in the blob store.

A drop is taken only once it is stable — unchanged in size and mtime for
``settings.stable_seconds`` — and, for a fax, once its gateway metadata file
``<name>.json`` is there (or ``settings.sidecar_grace_seconds`` passed without
one). Taking is crash-safe (see ``workers.ingest``): copy to
``originals/<sha256>``, commit the record, only then delete from the inbox.
Bytes seen before are recorded as a duplicate of the first document and not
processed again. New documents are handed to ``dispatch`` (enqueue them).
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from intake.document import Channel
from intake.errors import IntakeError, NotFound
from storage.blobs import BlobStat
from storage.keys import CHANNELS, inbox_prefix
from storage.records import DocumentRecord
from workers.context import WorkerContext
from workers.ingest import Ingested, ingest_file

__all__ = ["Watcher", "PollResult"]

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".json"


@dataclass
class PollResult:
    """What one pass over the inbox did (counts only)."""

    taken: list[Ingested] = field(default_factory=list)
    waiting: int = 0  # present but not yet stable, or a fax waiting for its metadata file
    errors: int = 0

    @property
    def new(self) -> int:
        return sum(1 for item in self.taken if item.created)

    @property
    def duplicates(self) -> int:
        return sum(1 for item in self.taken if not item.created)


class Watcher:
    """Polls the inbox; ``poll_once`` is one pass, ``run`` loops until ``stop()``."""

    def __init__(
        self,
        ctx: WorkerContext,
        dispatch: Callable[[DocumentRecord], object],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.ctx = ctx
        self.dispatch = dispatch
        self.clock = clock
        self._seen: dict[str, tuple[int, datetime]] = {}
        self._stopping = False

    def _stable(self, stat: BlobStat, now: float) -> bool:
        """Unchanged since the last poll and not modified for ``stable_seconds``."""
        previous = self._seen.get(stat.key)
        self._seen[stat.key] = (stat.size, stat.mtime)
        if previous is not None and previous != (stat.size, stat.mtime):
            return False
        return now - stat.mtime.timestamp() >= self.ctx.settings.stable_seconds

    def _sidecar(self, key: str) -> dict | None:
        try:
            data = json.loads(self.ctx.blobs.get(key))
        except (ValueError, UnicodeDecodeError):
            log.warning("fax metadata file is not valid JSON; taking the fax without it")
            return None
        return data if isinstance(data, dict) else None

    def poll_once(self) -> PollResult:
        result = PollResult()
        now = self.clock()
        present: set[str] = set()
        for channel in CHANNELS:
            listing = {stat.key: stat for stat in self.ctx.blobs.list(inbox_prefix(channel))}
            present.update(listing)
            for key, stat in listing.items():
                name = key.rsplit("/", 1)[-1]
                if name.startswith("."):
                    continue  # hidden: an upload in progress by convention
                if channel == Channel.FAX and name.endswith(SIDECAR_SUFFIX):
                    continue  # a gateway metadata file; taken with its fax
                if not self._stable(stat, now):
                    result.waiting += 1
                    continue
                sidecar_key = None
                if channel == Channel.FAX:
                    candidate = key + SIDECAR_SUFFIX
                    sidecar_stat = listing.get(candidate)
                    if sidecar_stat is not None:
                        if not self._stable(sidecar_stat, now):
                            result.waiting += 1
                            continue
                        sidecar_key = candidate
                    elif now - stat.mtime.timestamp() < self.ctx.settings.sidecar_grace_seconds:
                        result.waiting += 1
                        continue
                try:
                    result.taken.append(self._take(key, stat, channel, sidecar_key))
                except NotFound:
                    continue  # another watcher took it first
                except IntakeError as exc:
                    result.errors += 1
                    log.error("could not take a drop from inbox/%s: %s", channel, exc.code)
        # Forget files that left the inbox, so the map does not grow for ever.
        for key in list(self._seen):
            if key not in present:
                del self._seen[key]
        if result.taken or result.errors:
            log.info("poll: new=%d duplicates=%d waiting=%d errors=%d",
                     result.new, result.duplicates, result.waiting, result.errors)
        return result

    def _take(self, key: str, stat: BlobStat, channel: str, sidecar_key: str | None) -> Ingested:
        sidecar = self._sidecar(sidecar_key) if sidecar_key else None
        with self.ctx.blobs.local_copy(key) as path:
            ingested = ingest_file(
                self.ctx,
                path,
                channel=channel,
                filename=key.rsplit("/", 1)[-1],
                dropped_at=stat.mtime.astimezone(UTC),
                sidecar=sidecar,
                source_key=key,
            )
        # Only now, with the original stored and the record committed, may the drop go.
        self.ctx.blobs.delete(key)
        if sidecar_key:
            self.ctx.blobs.delete(sidecar_key)
        document = ingested.document
        if ingested.created or document.state == "received":
            self.dispatch(document)
        return ingested

    def stop(self) -> None:
        self._stopping = True

    def run(self, *, every: Callable[[], object] | None = None, every_seconds: float = 30.0) -> None:
        """Poll until ``stop()``; ``every`` (e.g. stuck-job recovery) runs every ``every_seconds``."""
        last_every = 0.0
        while not self._stopping:
            try:
                self.poll_once()
                if every is not None and self.clock() - last_every >= every_seconds:
                    every()
                    last_every = self.clock()
            except IntakeError as exc:
                log.error("watcher pass failed: %s; retrying after the poll interval", exc.code)
            slept = 0.0
            while slept < self.ctx.settings.poll_seconds and not self._stopping:
                time.sleep(0.2)
                slept += 0.2
