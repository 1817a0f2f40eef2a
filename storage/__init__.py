"""Storage: blob stores (local folder, S3) and the SQL record store.

Both sit behind small Protocols (``BlobStore``, ``RecordStore``) that entry
points build from ``Settings`` (``open_blob_store``, ``open_record_store``)
and inject into jobs, the CLI and the web app.
"""
