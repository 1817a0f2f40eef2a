"""Fixtures: a real Redis (DB 15, flushed before and after), stores on SQLite or PostgreSQL, sample drops."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from redis import Redis

from intake.config import Settings
from storage.testing import temporary_database_url
from workers.context import WorkerContext, build_context, install, uninstall
from worker_helpers import TEST_REDIS_URL, make_settings  # type: ignore[import-not-found]


@pytest.fixture
def redis_conn() -> Iterator[Redis]:
    """Redis DB 15 only: flushed before and after each test, never another DB."""
    connection = Redis.from_url(TEST_REDIS_URL)
    connection.flushdb()
    yield connection
    connection.flushdb()
    connection.close()


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
