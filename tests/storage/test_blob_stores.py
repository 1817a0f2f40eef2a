"""Both blob stores behave the same behind the BlobStore Protocol."""

from __future__ import annotations

import hashlib
import io
import os
from pathlib import Path

import boto3
import pytest

from intake.config import Settings
from intake.errors import ConfigError, NotFound, StorageError
from storage.blobs import BlobStore, open_blob_store
from storage.keys import UnsafeKey, derived_key, inbox_key, original_key, quarantine_key
from storage.local import LocalBlobStore
from storage.s3 import S3BlobStore


@pytest.fixture(params=["local", "s3"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> BlobStore:
    if request.param == "local":
        return LocalBlobStore(tmp_path / "root")
    return request.getfixturevalue("s3_store")


def test_put_get_stat_list_copy_delete_round_trip(store: BlobStore, tmp_path: Path) -> None:
    """Every Protocol operation works and agrees on sizes and keys."""
    assert isinstance(store, BlobStore)
    stat = store.put("inbox/fax/a.tif", b"abc")
    assert (stat.key, stat.size) == ("inbox/fax/a.tif", 3)
    assert stat.mtime.tzinfo is not None
    local = tmp_path / "src.bin"
    local.write_bytes(b"from a path")
    store.put("inbox/mail/b.pdf", local)
    store.put("inbox/mail/c.pdf", io.BytesIO(b"from a stream"))
    assert store.get("inbox/fax/a.tif") == b"abc"
    with store.open("inbox/mail/c.pdf") as fh:
        assert fh.read() == b"from a stream"
    assert [s.key for s in store.list("inbox/mail/")] == ["inbox/mail/b.pdf", "inbox/mail/c.pdf"]
    assert [s.key for s in store.list("inbox/")] == ["inbox/fax/a.tif", "inbox/mail/b.pdf", "inbox/mail/c.pdf"]
    copied = store.copy("inbox/mail/b.pdf", "originals/" + "0" * 64)
    assert copied.size == len(b"from a path")
    with store.local_copy("originals/" + "0" * 64) as path:
        assert path.read_bytes() == b"from a path"
    assert store.exists("inbox/fax/a.tif")
    store.delete("inbox/fax/a.tif")
    store.delete("inbox/fax/a.tif")  # absent is fine
    assert not store.exists("inbox/fax/a.tif")
    with pytest.raises(NotFound):
        store.get("inbox/fax/a.tif")
    with pytest.raises(NotFound):
        store.stat("inbox/fax/a.tif")
    assert list(store.list("nothing/")) == []


@pytest.mark.parametrize(
    "key",
    ["../escape.txt", "inbox/fax/../../../escape.txt", "/etc/passwd", "inbox\\..\\x", "inbox//x", "inbox/./x"],
)
def test_unsafe_keys_are_refused_by_every_store(store: BlobStore, key: str, tmp_path: Path) -> None:
    """A key with '..', an absolute path or a backslash never reaches the backend."""
    with pytest.raises(UnsafeKey) as raised:
        store.put(key, b"x")
    assert raised.value.retryable is False
    assert not (tmp_path / "escape.txt").exists()


def test_drop_names_with_traversal_or_non_ascii_stay_under_the_root(tmp_path: Path) -> None:
    """Names from outside are folded to one ASCII segment inside inbox/<channel>/."""
    root = tmp_path / "root"
    store = LocalBlobStore(root)
    for name in ["../../escape.pdf", "..\\..\\escape.pdf", "Zoë Ünïcødé 申请.pdf", "/abs/olé.tif", "..", "..."]:
        key = inbox_key("fax", name)
        assert key.startswith("inbox/fax/") and key.isascii() and ".." not in key.split("/")
        store.put(key, b"x")
    written = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()}
    assert all(path.startswith("root/inbox/fax/") for path in written)
    assert inbox_key("fax", "Zoë's form.pdf") == "inbox/fax/Zoe_s_form.pdf"
    with pytest.raises(UnsafeKey):
        inbox_key("../fax", "a.pdf")
    with pytest.raises(UnsafeKey):
        original_key("../" + "a" * 61)
    assert derived_key("a" * 64, "../page-1.png") == f"derived/{'a' * 64}/page-1.png"


def test_local_store_reads_a_non_ascii_drop_and_refuses_a_symlink_out(tmp_path: Path) -> None:
    """A file someone dropped with a non-ASCII name is listed and readable; a symlink leaving the root is not."""
    store = LocalBlobStore(tmp_path / "root")
    folder = tmp_path / "root" / "inbox" / "mail"
    folder.mkdir(parents=True)
    (folder / "façade.pdf").write_bytes(b"pdf")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"outside")
    os.symlink(secret, folder / "link.pdf")
    keys = [s.key for s in store.list("inbox/mail/")]
    assert "inbox/mail/façade.pdf" in keys
    assert store.get("inbox/mail/façade.pdf") == b"pdf"
    with pytest.raises(UnsafeKey):
        store.get("inbox/mail/link.pdf")


def test_local_put_is_atomic_and_leaves_no_temp_files(tmp_path: Path) -> None:
    """A write goes through a hidden temp file and a rename; listings never show the temp file."""
    store = LocalBlobStore(tmp_path)
    store.put("originals/" + "1" * 64, b"x" * 100_000)
    assert [p.name for p in (tmp_path / "originals").iterdir()] == ["1" * 64]


def test_s3_every_put_and_copy_is_encrypted_and_large_files_go_multipart(
    s3_endpoint: str, s3_bucket: str, boto_session: boto3.Session, tmp_path: Path
) -> None:
    """SSE is requested on each write; above the threshold the upload is multipart (ETag with a part count)."""
    store = S3BlobStore(
        s3_bucket, "pre/fix", endpoint_url=s3_endpoint, session=boto_session, multipart_threshold=5 * 1024 * 1024
    )
    big = tmp_path / "big.bin"
    payload = os.urandom(11 * 1024 * 1024)
    big.write_bytes(payload)
    store.put("originals/" + "2" * 64, big)
    store.put("inbox/fax/small.tif", b"small")
    store.copy("inbox/fax/small.tif", "quarantine/" + "3" * 64)
    for key in ("originals/" + "2" * 64, "inbox/fax/small.tif", "quarantine/" + "3" * 64):
        assert store.head(key)["ServerSideEncryption"] == "AES256"
    assert store.head("originals/" + "2" * 64)["ETag"].strip('"').endswith("-3")
    raw = boto_session.client("s3", endpoint_url=s3_endpoint).list_objects_v2(Bucket=s3_bucket)
    assert sorted(o["Key"] for o in raw["Contents"])[0].startswith("pre/fix/")
    with store.local_copy("originals/" + "2" * 64) as path:
        assert hashlib.sha256(path.read_bytes()).digest() == hashlib.sha256(payload).digest()


def test_s3_kms_encryption_is_requested_with_the_key_id(
    s3_endpoint: str, s3_bucket: str, boto_session: boto3.Session
) -> None:
    """With s3_sse=aws:kms the object records KMS encryption."""
    store = S3BlobStore(
        s3_bucket, "", endpoint_url=s3_endpoint, session=boto_session, sse="aws:kms", kms_key_id="alias/intake"
    )
    store.put("inbox/mail/a.pdf", b"x")
    assert store.head("inbox/mail/a.pdf")["ServerSideEncryption"] == "aws:kms"


def test_open_blob_store_picks_the_store_from_the_url(
    tmp_path: Path, s3_endpoint: str, s3_bucket: str, boto_session: boto3.Session
) -> None:
    """file:// gives the local store, s3:// the S3 store; anything else is a configuration error."""
    local = open_blob_store(Settings(storage_url=f"file://{tmp_path}/abs"))
    assert isinstance(local, LocalBlobStore) and local.root == (tmp_path / "abs").resolve()
    s3 = open_blob_store(
        Settings(storage_url=f"s3://{s3_bucket}/intake", s3_endpoint_url=s3_endpoint), boto_session=boto_session
    )
    assert isinstance(s3, S3BlobStore) and s3.prefix == "intake/"
    s3.put(quarantine_key("4" * 64), b"q")
    assert s3.exists("quarantine/" + "4" * 64)
    with pytest.raises(ConfigError):
        open_blob_store(Settings(storage_url="ftp://host/x"))


def test_s3_errors_are_translated_at_the_boundary(s3_endpoint: str, boto_session: boto3.Session) -> None:
    """A missing bucket surfaces as StorageError (retryable), not a botocore exception."""
    store = S3BlobStore("no-such-bucket", "", endpoint_url=s3_endpoint, session=boto_session)
    with pytest.raises(StorageError) as raised:
        store.put("inbox/fax/a.tif", b"x")
    assert raised.value.retryable
