"""A document as it arrived: its bytes on disk, how it came and when."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

__all__ = ["Channel", "SourceDocument", "sha256_of"]


class Channel(StrEnum):
    FAX = "fax"
    MAIL = "mail"
    DOCUSIGN = "docusign"
    PORTAL = "portal"
    EMAIL = "email"


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class SourceDocument:
    """One dropped file. ``path`` is a local, read-only copy of the original bytes."""

    path: Path
    filename: str  # the name it arrived with (display only; never used to pick a parser)
    sha256: str
    channel: Channel
    dropped_at: datetime  # timezone-aware: when the file landed in storage
    sidecar: dict[str, Any] | None = None  # the fax gateway's metadata file, parsed
    document_id: int | None = None  # the record store's id, once there is one
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_path(
        cls,
        path: Path,
        channel: Channel | str,
        dropped_at: datetime,
        *,
        filename: str | None = None,
        sidecar: dict[str, Any] | None = None,
        document_id: int | None = None,
    ) -> "SourceDocument":
        return cls(
            path=path,
            filename=filename or path.name,
            sha256=sha256_of(path),
            channel=Channel(channel),
            dropped_at=dropped_at,
            sidecar=sidecar,
            document_id=document_id,
        )
