"""Throw-away databases for tests (SQLite file or a fresh PostgreSQL schema).

    with temporary_database_url("postgresql", tmp_path) as url:
        engine = make_engine(url); migrate(engine)

``moto_s3_server()`` runs moto's S3 API over HTTP on 127.0.0.1 (a real
server, not an in-process mock) and yields its endpoint URL.

A PostgreSQL URL gets ``options=-csearch_path=<schema>``, so every connection
(also in a worker subprocess given the URL) sees only that schema; the schema
is dropped afterwards. The server is ``INTAKE_TEST_POSTGRES_URL`` or the local
``postgresql+psycopg://postgres@127.0.0.1:5432/test``.
"""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import sqlalchemy as sa

__all__ = ["DEFAULT_TEST_POSTGRES_URL", "temporary_database_url", "postgres_available", "moto_s3_server"]

DEFAULT_TEST_POSTGRES_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"


def postgres_available(server_url: str = DEFAULT_TEST_POSTGRES_URL) -> bool:
    engine = sa.create_engine(server_url, connect_args={"connect_timeout": 3})
    try:
        with engine.connect():
            return True
    except sa.exc.OperationalError:
        return False
    finally:
        engine.dispose()


@contextlib.contextmanager
def temporary_database_url(
    kind: str, folder: Path, *, server_url: str = DEFAULT_TEST_POSTGRES_URL
) -> Iterator[str]:
    """A URL of an empty database of ``kind`` ("sqlite" or "postgresql"), removed on exit."""
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'records.sqlite3'}"
        return
    if kind != "postgresql":
        raise ValueError(f"unknown database kind {kind!r}")
    schema = f"t_{secrets.token_hex(6)}"
    admin = sa.create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'CREATE SCHEMA "{schema}"')
        separator = "&" if "?" in server_url else "?"
        yield f"{server_url}{separator}options={quote(f'-csearch_path={schema}')}"
    finally:
        with admin.connect() as conn:
            conn.exec_driver_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
        admin.dispose()


@contextlib.contextmanager
def moto_s3_server() -> Iterator[str]:
    """moto's threaded S3 server on 127.0.0.1 and a free port; yields ``http://127.0.0.1:PORT``."""
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    try:
        host, port = server.get_host_and_port()
        yield f"http://{host}:{port}"
    finally:
        server.stop()
