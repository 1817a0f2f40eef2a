"""Fixtures: a real Redis (DB 15, flushed before and after), stores on SQLite or PostgreSQL, sample drops."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis

from intake.config import Settings
from storage.testing import temporary_database_url
from workers.context import WorkerContext, build_context, install, uninstall

TEST_REDIS_URL = "redis://127.0.0.1:6379/15"


@pytest.fixture
def redis_conn() -> Iterator[Redis]:
    """Redis DB 15 only: flushed before and after each test, never another DB."""
    connection = Redis.from_url(TEST_REDIS_URL)
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


def make_settings(tmp_path: Path, database_url: str, **overrides) -> Settings:
    values = dict(
        storage_url=f"file://{tmp_path / 'storage'}",
        database_url=database_url,
        redis_url=TEST_REDIS_URL,
        queue_name=f"test-{uuid.uuid4().hex[:8]}",
        stable_seconds=0.5,
        sidecar_grace_seconds=2.0,
        retry_intervals=[0, 0, 0],
        job_timeout_base_seconds=60,
        job_timeout_per_page_seconds=30,
    )
    values.update(overrides)
    return Settings(**values)


@pytest.fixture(params=["sqlite", "postgresql"])
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Each test using it runs on SQLite and on a fresh PostgreSQL schema."""
    with temporary_database_url(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def sqlite_url(tmp_path: Path) -> Iterator[str]:
    with temporary_database_url("sqlite", tmp_path) as url:
        yield url


@pytest.fixture
def worker_settings(tmp_path: Path, any_database_url: str) -> Settings:
    return make_settings(tmp_path, any_database_url)


@pytest.fixture
def ctx(worker_settings: Settings) -> Iterator[WorkerContext]:
    """Both stores for ``worker_settings``, installed as the jobs' context."""
    context = install(build_context(worker_settings))
    yield context
    uninstall()
    context.records.engine.dispose()


def portal_submission(seed: int, *, submitted_at: str = "2026-11-30T23:41:07-06:00") -> bytes:
    """A synthetic portal submission (made-up test values, no real person)."""
    return json.dumps(
        {
            "submission_id": f"P-TEST-{seed:06d}",
            "submitted_at": submitted_at,
            "plan": {"id": "H5652-002"},
            "applicant": {
                "first_name": "TESTFIRST", "last_name": f"TESTLAST{seed}", "birth_date": "1950-01-01",
                "sex": "F", "phone": "7155550100",
                "permanent_address": {"street": "1 TEST ST", "city": "WAUSAU", "state": "WI", "zip": "54401"},
            },
            "medicare_number": "1EG4TE5MK73",
            "requested_effective_date": "2027-01-01",
            "signature": {"signed": True, "date": "2026-11-20", "by": "applicant"},
            "premium_payment": {"method": "bill"},
            "agent": {"name": "TEST AGENT", "npn": str(17650000 + seed)},
        }
    ).encode()
