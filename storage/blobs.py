"""The ``BlobStore`` Protocol: where files live (a local folder or an S3 bucket).

Keys follow ``storage.keys``; both implementations refuse keys that could
leave their root. ``open_blob_store(settings)`` picks one from
``INTAKE_STORAGE_URL``: ``file:///abs/path``, ``file://./relative/path`` or
``s3://bucket/prefix``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol, runtime_checkable

from intake.config import Settings
from intake.errors import ConfigError

if TYPE_CHECKING:
    import boto3

__all__ = ["BlobStat", "BlobStore", "Payload", "open_blob_store"]

Payload = bytes | BinaryIO | Path


@dataclass(frozen=True)
class BlobStat:
    """A stored object: its key, size in bytes and last modification time (timezone-aware)."""

    key: str
    size: int
    mtime: datetime


@runtime_checkable
class BlobStore(Protocol):
    """Files by key. Writes are whole-object and atomic: a reader sees the old or the new bytes."""

    url: str

    def put(self, key: str, data: Payload) -> BlobStat:
        """Store ``data`` (bytes, a readable binary file or a local path) under ``key``, replacing it."""

    def get(self, key: str) -> bytes:
        """The whole object; ``NotFound`` if absent."""

    def open(self, key: str) -> contextlib.AbstractContextManager[BinaryIO]:
        """A readable binary stream of the object; ``NotFound`` if absent."""

    def exists(self, key: str) -> bool: ...

    def delete(self, key: str) -> None:
        """Remove the object; absent is fine."""

    def list(self, prefix: str) -> Iterator[BlobStat]:
        """Every object whose key starts with ``prefix`` (recursively), sorted by key."""

    def copy(self, source: str, destination: str) -> BlobStat:
        """Copy within the store (server-side where possible)."""

    def stat(self, key: str) -> BlobStat:
        """Size and mtime; ``NotFound`` if absent."""

    def local_copy(self, key: str) -> contextlib.AbstractContextManager[Path]:
        """A local file with the object's bytes for the duration of the ``with`` (read it, never write it)."""


def open_blob_store(settings: Settings, *, boto_session: "boto3.Session | None" = None) -> BlobStore:
    """The store named by ``settings.storage_url``."""
    url = settings.storage_url
    if url.startswith("file://"):
        from storage.local import LocalBlobStore

        root = settings.local_storage_root()
        assert root is not None
        return LocalBlobStore(root)
    if url.startswith("s3://"):
        from storage.s3 import S3BlobStore

        bucket, _, prefix = url[len("s3://") :].partition("/")
        if not bucket:
            raise ConfigError("INTAKE_STORAGE_URL s3://… needs a bucket name: s3://bucket/prefix")
        return S3BlobStore(
            bucket,
            prefix,
            endpoint_url=settings.s3_endpoint_url,
            region=settings.s3_region,
            sse=settings.s3_sse,
            kms_key_id=settings.s3_kms_key_id,
            session=boto_session,
        )
    raise ConfigError(
        "INTAKE_STORAGE_URL must start with file:// or s3:// (e.g. file://./var/storage or s3://bucket/intake)"
    )

