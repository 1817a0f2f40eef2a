"""A ``BlobStore`` on an S3 bucket (AWS, or MinIO via ``INTAKE_S3_ENDPOINT_URL``).

Every write asks for server-side encryption (``INTAKE_S3_SSE``: AES256 or
aws:kms with ``INTAKE_S3_KMS_KEY_ID``); uploads and copies above the
multipart threshold go in parts (boto3's managed transfer). botocore errors
are translated to ``StorageError``/``NotFound`` here, where they enter.
"""

from __future__ import annotations

import contextlib
import tempfile
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from intake.errors import ConfigError, NotFound, StorageError
from storage.blobs import BlobStat, Payload
from storage.keys import check_key

if TYPE_CHECKING:
    import boto3

__all__ = ["S3BlobStore", "DEFAULT_MULTIPART_THRESHOLD"]

DEFAULT_MULTIPART_THRESHOLD = 16 * 1024 * 1024
_MISSING = {"404", "NoSuchKey", "NotFound"}


class S3BlobStore:
    """Objects under ``s3://bucket/prefix/``; a key is the part after the prefix."""

    def __init__(
        self,
        bucket: str,
        prefix: str = "",
        *,
        endpoint_url: str | None = None,
        region: str = "us-east-1",
        sse: str = "AES256",
        kms_key_id: str | None = None,
        session: "boto3.Session | None" = None,
        multipart_threshold: int = DEFAULT_MULTIPART_THRESHOLD,
    ) -> None:
        import boto3
        from boto3.s3.transfer import TransferConfig
        from botocore.config import Config

        if sse not in ("AES256", "aws:kms"):
            raise ConfigError("INTAKE_S3_SSE must be AES256 or aws:kms")
        self.bucket = bucket
        self.prefix = prefix.strip("/") + "/" if prefix.strip("/") else ""
        self.url = f"s3://{bucket}/{self.prefix}"
        session = session or boto3.Session()
        self._client = session.client(
            "s3",
            endpoint_url=endpoint_url,
            region_name=region,
            config=Config(retries={"max_attempts": 5, "mode": "standard"}, s3={"addressing_style": "path"}),
        )
        self._extra: dict[str, Any] = {"ServerSideEncryption": sse}
        if sse == "aws:kms" and kms_key_id:
            self._extra["SSEKMSKeyId"] = kms_key_id
        self._transfer = TransferConfig(
            multipart_threshold=multipart_threshold, multipart_chunksize=max(multipart_threshold, 5 * 1024 * 1024)
        )

    # -- helpers ---------------------------------------------------------------
    def _name(self, key: str) -> str:
        return self.prefix + check_key(key)

    def _translate(self, exc: Exception, key: str, action: str) -> StorageError:
        from botocore.exceptions import ClientError

        if isinstance(exc, ClientError):
            code = str(exc.response.get("Error", {}).get("Code", ""))
            if code in _MISSING:
                return NotFound(f"no stored object under {key!r}; it may have been moved or deleted")
        return StorageError(
            f"S3 {action} of {key!r} failed; check the bucket, credentials and INTAKE_S3_ENDPOINT_URL"
        )

    def _errors(self) -> tuple[type[BaseException], ...]:
        from boto3.exceptions import Boto3Error
        from botocore.exceptions import BotoCoreError, ClientError

        return (ClientError, BotoCoreError, Boto3Error)

    # -- BlobStore -------------------------------------------------------------
    def put(self, key: str, data: Payload) -> BlobStat:
        name = self._name(key)
        try:
            if isinstance(data, Path):
                self._client.upload_file(
                    str(data), self.bucket, name, ExtraArgs=self._extra, Config=self._transfer
                )
            else:
                import io

                stream = io.BytesIO(data) if isinstance(data, bytes) else data
                self._client.upload_fileobj(stream, self.bucket, name, ExtraArgs=self._extra, Config=self._transfer)
        except self._errors() as exc:
            raise self._translate(exc, key, "upload") from exc
        return self.stat(key)

    def get(self, key: str) -> bytes:
        with self.open(key) as fh:
            return fh.read()

    @contextlib.contextmanager
    def open(self, key: str) -> Iterator[BinaryIO]:
        try:
            body = self._client.get_object(Bucket=self.bucket, Key=self._name(key))["Body"]
        except self._errors() as exc:
            raise self._translate(exc, key, "download") from exc
        try:
            yield body
        finally:
            body.close()

    def exists(self, key: str) -> bool:
        try:
            self.stat(key)
        except NotFound:
            return False
        return True

    def delete(self, key: str) -> None:
        try:
            self._client.delete_object(Bucket=self.bucket, Key=self._name(key))
        except self._errors() as exc:
            raise self._translate(exc, key, "delete") from exc

    def list(self, prefix: str) -> Iterator[BlobStat]:
        paginator = self._client.get_paginator("list_objects_v2")
        try:
            for page in paginator.paginate(Bucket=self.bucket, Prefix=self.prefix + prefix):
                for item in page.get("Contents", []):
                    key = item["Key"][len(self.prefix) :]
                    yield BlobStat(key=key, size=int(item["Size"]), mtime=item["LastModified"].astimezone(UTC))
        except self._errors() as exc:
            raise self._translate(exc, prefix, "listing") from exc

    def copy(self, source: str, destination: str) -> BlobStat:
        try:
            self._client.copy(
                {"Bucket": self.bucket, "Key": self._name(source)},
                self.bucket,
                self._name(destination),
                ExtraArgs=self._extra,
                Config=self._transfer,
            )
        except self._errors() as exc:
            raise self._translate(exc, source, "copy") from exc
        return self.stat(destination)

    def stat(self, key: str) -> BlobStat:
        try:
            head = self._client.head_object(Bucket=self.bucket, Key=self._name(key))
        except self._errors() as exc:
            raise self._translate(exc, key, "stat") from exc
        return BlobStat(key=key, size=int(head["ContentLength"]), mtime=head["LastModified"].astimezone(UTC))

    def head(self, key: str) -> dict[str, Any]:
        """The raw object metadata (encryption, ETag); for operators and tests."""
        try:
            return self._client.head_object(Bucket=self.bucket, Key=self._name(key))
        except self._errors() as exc:
            raise self._translate(exc, key, "stat") from exc

    @contextlib.contextmanager
    def local_copy(self, key: str) -> Iterator[Path]:
        suffix = Path(key).suffix if "." in key.rsplit("/", 1)[-1] else ""
        with tempfile.TemporaryDirectory(prefix="intake-blob-") as folder:
            path = Path(folder) / f"object{suffix}"
            try:
                self._client.download_file(self.bucket, self._name(key), str(path), Config=self._transfer)
            except self._errors() as exc:
                raise self._translate(exc, key, "download") from exc
            path.chmod(0o400)
            yield path
