"""The embedded mode (``intake process``): the same ingest and job functions, in-process, no Redis.

``collect_inputs`` turns command-line paths into (file, channel, sidecar)
items: a folder whose subfolders are channel names gives each file the
channel of its folder; ``truth/`` is skipped; a fax gateway file ``x.tif.json``
beside ``x.tif`` is that fax's sidecar, not a document.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from intake.document import Channel
from intake.errors import ConfigError, IntakeError
from intake.logs import safe_traceback
from storage.keys import CHANNELS
from workers.context import WorkerContext
from workers.ingest import ingest_file
from workers.jobs import JobOutcome, run_document

__all__ = ["InputFile", "collect_inputs", "process_inputs"]

log = logging.getLogger(__name__)

SKIPPED_FOLDERS = {"truth"}


@dataclass(frozen=True)
class InputFile:
    path: Path
    channel: Channel
    sidecar_path: Path | None = None


def _sidecar_of(path: Path) -> Path | None:
    candidate = path.with_name(path.name + ".json")
    return candidate if candidate.is_file() else None


def _is_sidecar(path: Path) -> bool:
    return path.suffix == ".json" and path.with_name(path.name[: -len(".json")]).is_file()


def _files_in(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*")
        if p.is_file() and not p.name.startswith(".") and not (set(p.relative_to(folder).parts) & SKIPPED_FOLDERS)
    )


def collect_inputs(paths: Iterable[Path], channel: str | None = None) -> list[InputFile]:
    """Files to process, each with its channel; ``channel`` applies where no folder names one."""
    items: list[InputFile] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            channel_dirs = [d for d in sorted(path.iterdir()) if d.is_dir() and d.name in CHANNELS]
            if channel_dirs and channel is None:
                for folder in channel_dirs:
                    items.extend(_inputs(_files_in(folder), Channel(folder.name)))
                continue
            items.extend(_inputs(_files_in(path), _channel_for(path, channel)))
        elif path.is_file():
            items.extend(_inputs([path], _channel_for(path.parent, channel)))
        else:
            raise ConfigError(f"{path} does not exist; give files or folders to process")
    return items


def _channel_for(folder: Path, channel: str | None) -> Channel:
    if channel is not None:
        return Channel(channel)
    if folder.name in CHANNELS:
        return Channel(folder.name)
    raise ConfigError(
        "cannot tell the channel of the files; give --channel (fax, mail, docusign, portal, email) "
        "or put them in a folder named after it"
    )


def _inputs(files: list[Path], channel: Channel) -> list[InputFile]:
    return [InputFile(f, channel, _sidecar_of(f)) for f in files if not _is_sidecar(f)]


def _load_sidecar(path: Path | None) -> dict[str, Any] | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        log.warning("fax metadata file unreadable; processing the fax without it")
        return None
    return data if isinstance(data, dict) else None


def process_inputs(
    ctx: WorkerContext,
    inputs: list[InputFile],
    *,
    on_done: Callable[[InputFile, JobOutcome], None] | None = None,
) -> list[JobOutcome]:
    """Ingest and process each file in turn; a known file is reported as a duplicate, not processed again."""
    outcomes: list[JobOutcome] = []
    for item in inputs:
        started = time.perf_counter()
        document_id = 0
        try:
            ingested = ingest_file(
                ctx,
                item.path,
                channel=item.channel,
                filename=item.path.name,
                dropped_at=datetime.fromtimestamp(item.path.stat().st_mtime, UTC),
                sidecar=_load_sidecar(item.sidecar_path),
                actor="cli",
            )
            document = ingested.document
            document_id = document.id
            if ingested.created or document.state in ("received", "queued", "failed"):
                outcome = run_document(ctx, document.id)
            else:
                outcome = _duplicate(ctx, document.id, time.perf_counter() - started)
        except IntakeError as exc:
            log.error("could not process an input: %s", exc.code)
            outcome = JobOutcome(document_id, "failed", "failed", reason_code=exc.code, seconds=time.perf_counter() - started)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
            # The type only: messages and tracebacks of third-party errors may quote file contents.
            log.error("unexpected %s on document=%s; rerun with -vv for the traceback", type(exc).__name__,
                      document_id or "-")
            log.debug("%s", safe_traceback(exc))
            outcome = JobOutcome(document_id, "failed", "failed", reason_code="internal_error",
                                 seconds=time.perf_counter() - started)
        outcomes.append(outcome)
        if on_done is not None:
            on_done(item, outcome)
    return outcomes


def _duplicate(ctx: WorkerContext, document_id: int, seconds: float) -> JobOutcome:
    document = ctx.records.get_document(document_id)
    application = ctx.records.get_application(document_id)
    if application is None:
        return JobOutcome(document.id, "duplicate", document.state, document.attempts,
                          reason_code=document.reason_code, seconds=seconds)
    return JobOutcome.of_application("duplicate", document, application, seconds)
