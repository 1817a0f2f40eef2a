"""Fixtures: a record store on SQLite and on PostgreSQL, an S3 API over HTTP (moto server)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest

from storage.database import make_engine, migrate
from storage.s3 import S3BlobStore
from storage.sql_records import SqlRecordStore
from storage.testing import moto_s3_server, temporary_database_url


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database URL: a SQLite file, or a fresh PostgreSQL schema dropped afterwards."""
    with temporary_database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def records(database_url: str) -> Iterator[SqlRecordStore]:
    """A migrated record store on each backend."""
    engine = make_engine(database_url)
    migrate(engine)
    yield SqlRecordStore(engine)
    engine.dispose()


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    """moto's S3 server on 127.0.0.1 (a real HTTP S3 API), one per test session."""
    with moto_s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def boto_session() -> boto3.Session:
    return boto3.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")


@pytest.fixture
def s3_bucket(s3_endpoint: str, boto_session: boto3.Session, request: pytest.FixtureRequest) -> str:
    """A fresh bucket per test."""
    import re

    name = "t-" + re.sub(r"[^a-z0-9-]", "-", request.node.name.lower())[:50].strip("-")
    boto_session.client("s3", endpoint_url=s3_endpoint).create_bucket(Bucket=name)
    return name


@pytest.fixture
def s3_store(s3_endpoint: str, s3_bucket: str, boto_session: boto3.Session) -> S3BlobStore:
    return S3BlobStore(s3_bucket, "intake", endpoint_url=s3_endpoint, session=boto_session)
