"""The SQL database behind the record store: declarative ``Base``, engine, sessions, migrations.

Every table of the project (documents, applications, events here; users and
sessions from the web app) is declared on :class:`Base` and created only by
the Alembic revisions shipped in ``storage/migrations/versions``. Opening the
database runs ``upgrade head`` first, so a fresh SQLite file or PostgreSQL
schema is usable at once.

    engine = open_database(settings)          # make_engine + migrate
    Session = session_factory(engine)
    with Session.begin() as session: ...
"""

from __future__ import annotations

import contextlib
import fcntl
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import MetaData, event
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker
from sqlalchemy.types import TypeDecorator

from intake.config import Settings
from intake.errors import ConfigError, StorageError

__all__ = [
    "Base",
    "UtcDateTime",
    "JsonDocument",
    "utcnow",
    "make_engine",
    "session_factory",
    "migrate",
    "open_database",
    "MIGRATIONS_DIR",
]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

# Stable constraint names, so migrations can drop/alter them on both SQLite and PostgreSQL.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base of every table; its metadata is Alembic's ``target_metadata``."""

    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """A timezone-aware timestamp stored as UTC on every backend.

    SQLite has no time zones: values are normalised to naive UTC on the way in
    and made aware again on the way out, so comparisons and sorting agree with
    PostgreSQL's ``timestamptz``.
    """

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime: pass a timezone-aware value")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: sa.Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


# JSON everywhere, JSONB on PostgreSQL (indexable, compact).
JsonDocument = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def _is_sqlite(url: sa.URL) -> bool:
    return url.get_backend_name() == "sqlite"


def make_engine(url: str) -> Engine:
    """An engine for ``url`` (SQLite file or ``postgresql+psycopg://``), tuned for several processes.

    For SQLite the parent folder is created, foreign keys are enforced and WAL
    mode lets the watcher, workers and web app read while one of them writes.
    """
    try:
        parsed = sa.make_url(url)
    except sa.exc.ArgumentError as exc:
        raise ConfigError(
            "INTAKE_DATABASE_URL is not a database URL; use e.g. postgresql+psycopg://user@host/db",
            code="config_error",
        ) from exc
    if _is_sqlite(parsed):
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(parsed, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # pysqlite's own transaction handling is disabled (isolation_level=None)
            # so that SQLAlchemy's "begin" event below can issue BEGIN IMMEDIATE:
            # writers then queue on the lock instead of failing mid-transaction.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: sa.Connection) -> None:
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    return sa.create_engine(parsed, pool_pre_ping=True, pool_size=5, max_overflow=5)


def session_factory(engine: Engine) -> sessionmaker[Session]:
    """Sessions whose objects stay readable after commit (records are handed back as plain data)."""
    return sessionmaker(engine, expire_on_commit=False)


def _alembic_config(connection: sa.Connection | None = None) -> Any:
    from alembic.config import Config

    config = Config(str(MIGRATIONS_DIR / "alembic.ini"))
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@contextlib.contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One migrating process at a time (workers, watcher and web may start together)."""
    url = engine.url
    if _is_sqlite(url) and url.database and url.database != ":memory:":
        lock_path = Path(url.database + ".migrate.lock")
        with lock_path.open("a") as fh:
            fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(fh, fcntl.LOCK_UN)
    else:
        yield


def migrate(engine: Engine) -> None:
    """Bring the database to the newest revision (``alembic upgrade head``)."""
    from alembic import command

    try:
        with _migration_lock(engine), engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                # Held until this transaction ends: concurrent starters wait, then find head.
                connection.execute(sa.text("SELECT pg_advisory_xact_lock(727274)"))
            command.upgrade(_alembic_config(connection), "head")
    except SQLAlchemyError as exc:
        raise StorageError(
            "the database could not be migrated; check INTAKE_DATABASE_URL and that the server is up",
            code="database_unavailable",
        ) from exc


def open_database(settings: Settings) -> Engine:
    """The engine for ``settings.resolved_database_url()``, migrated to head."""
    engine = make_engine(settings.resolved_database_url())
    migrate(engine)
    return engine
