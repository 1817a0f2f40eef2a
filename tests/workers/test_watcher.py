"""The watcher takes stable drops once, links duplicates and waits for fax metadata."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import boto3
import pytest

from storage.keys import original_key
from storage.s3 import S3BlobStore
from storage.testing import moto_s3_server
from workers.context import WorkerContext
from workers.watcher import Watcher

from worker_helpers import make_settings, portal_submission  # type: ignore[import-not-found]

OLD = time.time() - 3600


def _collector(ctx: WorkerContext) -> tuple[list, object]:
    """A dispatch that records what it got and marks it queued, as enqueueing does."""
    dispatched: list = []

    def dispatch(document) -> None:
        dispatched.append(document)
        ctx.records.set_state(document.id, "queued", action="queued")

    return dispatched, dispatch


def _drop(ctx: WorkerContext, relative: str, data: bytes, mtime: float | None = OLD) -> Path:
    path = ctx.blobs.root / relative  # type: ignore[attr-defined]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def test_same_file_dropped_twice_is_one_document_and_one_dispatch(ctx: WorkerContext) -> None:
    """The second drop of the same bytes is a duplicate event on the first document, not a new job."""
    dispatched, dispatch = _collector(ctx)
    watcher = Watcher(ctx, dispatch)
    data = portal_submission(1)
    _drop(ctx, "inbox/portal/sub-1.json", data)
    first = watcher.poll_once()
    _drop(ctx, "inbox/mail/copy-of-sub-1.json", data)
    second = watcher.poll_once()
    assert (first.new, first.duplicates, second.new, second.duplicates) == (1, 0, 0, 1)
    assert [d.id for d in dispatched] == [first.taken[0].document.id]
    document = ctx.records.get_document(dispatched[0].id)
    assert document.duplicates == 1 and document.channel == "portal"
    assert ctx.blobs.get(original_key(hashlib.sha256(data).hexdigest())) == data
    assert list(ctx.blobs.list("inbox/")) == []
    actions = [e.action for e in ctx.records.events_for("document", document.id)]
    assert actions == ["received", "queued", "duplicate_received"]


def test_file_still_being_written_is_not_taken_until_stable(ctx: WorkerContext) -> None:
    """A growing file is left alone; once unchanged for stable_seconds the whole file is taken."""
    dispatched, dispatch = _collector(ctx)
    watcher = Watcher(ctx, dispatch)
    path = _drop(ctx, "inbox/mail/scan.pdf", b"%PDF-1.4 first half", mtime=None)
    assert watcher.poll_once().waiting == 1
    with path.open("ab") as fh:
        fh.write(b" second half")
    assert watcher.poll_once().taken == []
    with path.open("ab") as fh:
        fh.write(b" end")
    assert watcher.poll_once().taken == []  # changed since the last poll: the wait starts again
    time.sleep(ctx.settings.stable_seconds + 0.2)
    result = watcher.poll_once()
    assert result.new == 1
    full = b"%PDF-1.4 first half second half end"
    assert result.taken[0].document.sha256 == hashlib.sha256(full).hexdigest()
    assert result.taken[0].document.size == len(full)


def test_fax_waits_for_its_metadata_file_then_takes_both(ctx: WorkerContext) -> None:
    """A fresh fax without its .json waits; with the .json the metadata becomes the document's sidecar."""
    dispatched, dispatch = _collector(ctx)
    watcher = Watcher(ctx, dispatch)
    now = time.time() - 1.0  # stable, but inside the sidecar grace period
    _drop(ctx, "inbox/fax/fax00042.tif", b"II*\x00 fake fax", mtime=now)
    assert watcher.poll_once().waiting == 1
    _drop(ctx, "inbox/fax/fax00042.tif.json", b'{"received_at": "2026-11-30T23:41:07-06:00", "pages": 3}', mtime=now)
    result = watcher.poll_once()
    assert result.new == 1
    assert result.taken[0].document.sidecar == {"received_at": "2026-11-30T23:41:07-06:00", "pages": 3}
    assert list(ctx.blobs.list("inbox/")) == []


def test_fax_without_metadata_is_taken_after_the_grace_period(ctx: WorkerContext) -> None:
    """After sidecar_grace_seconds a fax goes on without its metadata file."""
    watcher = Watcher(ctx, lambda _d: None)
    _drop(ctx, "inbox/fax/fax00043.tif", b"II*\x00 another", mtime=time.time() - ctx.settings.sidecar_grace_seconds - 1)
    result = watcher.poll_once()
    assert result.new == 1 and result.taken[0].document.sidecar is None


def test_drop_with_non_ascii_name_is_taken_inside_the_root(ctx: WorkerContext, tmp_path: Path) -> None:
    """A drop named with accents and odd characters is stored by content; its recorded name is ASCII."""
    watcher = Watcher(ctx, lambda _d: None)
    _drop(ctx, "inbox/mail/Zoë ..żółw.pdf", b"%PDF-1.4 accents")
    result = watcher.poll_once()
    document = result.taken[0].document
    assert document.filename.isascii() and "/" not in document.filename
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and "storage" not in p.parts and p.suffix != ".sqlite3"
               and not p.name.startswith("records.sqlite3")]
    assert outside == []


@pytest.mark.parametrize("channel", ["portal"])
def test_watcher_takes_drops_from_an_s3_inbox(tmp_path: Path, sqlite_url: str, channel: str) -> None:
    """With s3:// storage the same watcher lists, copies server-side and deletes in the bucket."""
    from storage.sql_records import open_record_store

    session = boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
    with moto_s3_server() as endpoint:
        session.client("s3", endpoint_url=endpoint).create_bucket(Bucket="intake-watch")
        settings = make_settings(tmp_path, sqlite_url, storage_url="s3://intake-watch/prod", s3_endpoint_url=endpoint)
        blobs = S3BlobStore("intake-watch", "prod", endpoint_url=endpoint, session=session)
        ctx = WorkerContext(settings=settings, blobs=blobs, records=open_record_store(settings))
        data = portal_submission(9)
        blobs.put(f"inbox/{channel}/sub.json", data)
        # S3 objects appear only when complete; stability is judged on LastModified.
        time.sleep(settings.stable_seconds + 0.1)
        result = Watcher(ctx, lambda _d: None).poll_once()
        assert result.new == 1
        sha = hashlib.sha256(data).hexdigest()
        assert blobs.get(original_key(sha)) == data
        assert blobs.head(original_key(sha))["ServerSideEncryption"] == "AES256"
        assert not blobs.exists(f"inbox/{channel}/sub.json")
        ctx.records.engine.dispose()
