"""Storage: blob stores (local folder, S3) and the SQL record store.

Both sit behind small Protocols (``BlobStore``, ``RecordStore``) that entry
points build from ``Settings`` (``open_blob_store``, ``open_record_store``)
and inject into jobs, the CLI and the web app. Tables are declared on
``storage.database.Base`` and created by the Alembic revisions in
``storage/migrations``.
"""

from storage.blobs import BlobStat, BlobStore, open_blob_store
from storage.records import (
    ApplicationFilter,
    ApplicationRecord,
    DocumentRecord,
    EventRecord,
    Page,
    RecordStore,
)
from storage.sql_records import SqlRecordStore, open_record_store

__all__ = [
    "BlobStat",
    "BlobStore",
    "open_blob_store",
    "ApplicationFilter",
    "ApplicationRecord",
    "DocumentRecord",
    "EventRecord",
    "Page",
    "RecordStore",
    "SqlRecordStore",
    "open_record_store",
]
