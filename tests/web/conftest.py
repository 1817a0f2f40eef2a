"""Fixtures for the web app: a context on temporary storage, users of each role, signed-in clients."""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from argon2 import PasswordHasher

from intake.config import Settings
from intake.web import build_context, create_app
from intake.web.context import WebContext
from storage.testing import postgres_available, temporary_database_url

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

PASSWORDS = {
    "intake_staff": "staff-password-1",
    "reviewer": "reviewer-password-1",
    "supervisor": "supervisor-password-1",
}
# Argon2id with small parameters: the production defaults cost ~0.25 s a hash on this machine.
FAST_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
USERS = {"intake_staff": "sam", "reviewer": "rita", "supervisor": "sue"}


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Modules that set BOTH_DATABASES run their database tests on SQLite and PostgreSQL."""
    if "database" in metafunc.fixturenames and getattr(metafunc.module, "BOTH_DATABASES", False):
        metafunc.parametrize("database", ["sqlite", "postgresql"], indirect=True)


@pytest.fixture
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """SQLite unless a module parametrizes it (indirect) to also run on a fresh PostgreSQL schema."""
    kind = getattr(request, "param", "sqlite")
    if kind == "postgresql" and not postgres_available():
        pytest.skip("PostgreSQL is not running on 127.0.0.1:5432 (make services starts it)")
    with temporary_database_url(kind, tmp_path) as url:
        yield url


@pytest.fixture
def web_settings(tmp_path: Path, database: str) -> Settings:
    """Plain-http cookies for the test client on 127.0.0.1; uploads processed in a thread."""
    return Settings(
        storage_url=f"file://{tmp_path / 'storage'}",
        database_url=database,
        secure_cookies=False,
        web_processing="thread",
        login_max_failures=3,
        login_lockout_minutes=15,
        max_upload_bytes=200_000,
        session_secret="test-secret-not-for-production",
    )


@pytest.fixture
def context(web_settings: Settings) -> Iterator[WebContext]:
    ctx = build_context(web_settings, password_hasher=FAST_HASHER)
    for role, name in USERS.items():
        ctx.accounts.add_user(name, PASSWORDS[role], role)
    yield ctx
    ctx.processor.close()


@pytest.fixture
def app(context: WebContext):  # type: ignore[no-untyped-def]
    return create_app(context)


def csrf_from(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "page has no CSRF field"
    return match.group(1)


def sign_in(client: TestClient, role: str) -> str:
    """Sign the client in as the user of ``role``; returns the session's CSRF token."""
    form = client.get("/login")
    response = client.post(
        "/login",
        data={"username": USERS[role], "password": PASSWORDS[role], "csrf_token": csrf_from(form.text)},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text
    return client.get("/api/me").json()["csrf_token"]


@pytest.fixture
def client_for(app) -> Iterator[Callable[[str | None], tuple[TestClient, str | None]]]:  # type: ignore[no-untyped-def]
    """A factory: ``client_for("reviewer")`` -> (signed-in client, its CSRF token); None = anonymous."""
    clients: list[TestClient] = []

    def make(role: str | None) -> tuple[TestClient, str | None]:
        client = TestClient(app, base_url="http://127.0.0.1")
        clients.append(client)
        return client, (sign_in(client, role) if role else None)

    yield make
    for client in clients:
        client.close()
