"""Alembic environment for the record store.

Called by ``storage.database.migrate`` with an open connection in
``config.attributes["connection"]``; run from the ``alembic`` command it
connects to ``-x url=...`` or the configured ``INTAKE_DATABASE_URL``.
"""

from __future__ import annotations

from alembic import context

import storage.models  # noqa: F401  - registers the tables on Base.metadata
from storage.database import Base, make_engine

# Other packages' tables (the web app's users/sessions) are registered here for autogenerate.
for _module in ("intake.web.models",):
    try:
        __import__(_module)
    except ModuleNotFoundError as exc:
        if exc.name != _module:
            raise

target_metadata = Base.metadata


def _run(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",  # ALTER TABLE via copy on SQLite
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url")
    if not url:
        from intake.config import Settings

        url = Settings().resolved_database_url()
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
