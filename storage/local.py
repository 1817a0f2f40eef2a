"""A ``BlobStore`` on a local folder (the embedded default)."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from intake.errors import NotFound, StorageError
from storage.blobs import BlobStat, Payload
from storage.keys import UnsafeKey, check_key

__all__ = ["LocalBlobStore"]

# Our own in-progress writes; never listed, so the watcher never sees half a file we wrote.
_TEMP_PREFIX = ".tmp-"


class LocalBlobStore:
    """Objects are files under ``root``; a key is their relative path."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root).resolve()
        self.root.mkdir(parents=True, exist_ok=True)
        self.url = self.root.as_uri()

    def _path(self, key: str) -> Path:
        path = (self.root / check_key(key)).resolve()
        # resolve() follows symlinks: a link inside the inbox pointing elsewhere is refused too.
        if not path.is_relative_to(self.root):
            raise UnsafeKey("refused a storage key outside the storage root; rename the file")
        return path

    def _stat(self, key: str, path: Path) -> BlobStat:
        try:
            st = path.stat()
        except FileNotFoundError as exc:
            raise NotFound(f"no stored object under {key!r}; it may have been moved or deleted") from exc
        return BlobStat(key=key, size=st.st_size, mtime=datetime.fromtimestamp(st.st_mtime, UTC))

    def put(self, key: str, data: Payload) -> BlobStat:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp_name = tempfile.mkstemp(prefix=_TEMP_PREFIX, dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as out:
                    if isinstance(data, bytes):
                        out.write(data)
                    elif isinstance(data, Path):
                        with data.open("rb") as src:
                            shutil.copyfileobj(src, out, 1 << 20)
                    else:
                        shutil.copyfileobj(data, out, 1 << 20)
                    out.flush()
                    os.fsync(out.fileno())
                os.replace(tmp_name, path)
            except BaseException:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp_name)
                raise
        except OSError as exc:
            raise StorageError(f"could not write {key!r} to local storage; check free space and permissions") from exc
        return self._stat(key, path)

    def get(self, key: str) -> bytes:
        with self.open(key) as fh:
            return fh.read()

    @contextlib.contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        path = self._path(key)
        try:
            fh = path.open("rb")
        except FileNotFoundError as exc:
            raise NotFound(f"no stored object under {key!r}; it may have been moved or deleted") from exc
        with fh:
            yield fh

    def exists(self, key: str) -> bool:
        return self._path(key).is_file()

    def delete(self, key: str) -> None:
        try:
            self._path(key).unlink(missing_ok=True)
        except OSError as exc:
            raise StorageError(f"could not delete {key!r} from local storage; check permissions") from exc

    def list(self, prefix: str) -> Iterator[BlobStat]:
        # The folder part of the prefix bounds the walk; the rest filters names.
        folder_part = prefix.rsplit("/", 1)[0] if "/" in prefix else ""
        start = self._path(folder_part) if folder_part else self.root
        if not start.is_dir():
            return iter(())
        found: list[BlobStat] = []
        for dirpath, _dirnames, filenames in os.walk(start):
            for name in filenames:
                if name.startswith(_TEMP_PREFIX):
                    continue
                path = Path(dirpath) / name
                key = path.relative_to(self.root).as_posix()
                if not key.startswith(prefix):
                    continue
                with contextlib.suppress(NotFound):  # deleted between walk and stat
                    found.append(self._stat(key, path))
        return iter(sorted(found, key=lambda s: s.key))

    def copy(self, source: str, destination: str) -> BlobStat:
        with self.open(source) as fh:
            return self.put(destination, fh)

    def stat(self, key: str) -> BlobStat:
        return self._stat(key, self._path(key))

    @contextlib.contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        path = self._path(key)
        if not path.is_file():
            raise NotFound(f"no stored object under {key!r}; it may have been moved or deleted")
        yield path
