"""Applications as flat rows (CSV) or contract lines (JSON Lines) for `intake export`."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from storage.records import ApplicationFilter, ApplicationRecord, RecordStore

__all__ = ["flatten_contract", "iter_applications", "write_csv", "write_jsonl"]

# The columns people look at first; everything else follows in contract order.
_LEADING = [
    "confirmation_number",
    "status",
    "document.channel",
    "document.kind",
    "document.sha256",
    "document.filename",
    "document.pages",
    "receipt.received_at",
    "receipt.source",
]


def flatten_contract(contract: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested objects become dotted columns; lists of missing items / review paths become ``;``-joined text."""
    flat: dict[str, Any] = {}
    for key, value in contract.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten_contract(value, f"{name}."))
        elif isinstance(value, list):
            parts = [item.get("field", json.dumps(item)) if isinstance(item, dict) else str(item) for item in value]
            flat[name] = ";".join(parts)
        else:
            flat[name] = value
    return flat


def iter_applications(records: RecordStore, filters: ApplicationFilter, page_size: int = 500) -> Iterator[ApplicationRecord]:
    offset = 0
    while True:
        page = records.list_applications(filters, limit=page_size, offset=offset)
        yield from page.items
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def write_jsonl(applications: Iterable[ApplicationRecord], out: TextIO) -> int:
    count = 0
    for application in applications:
        out.write(json.dumps(application.contract, ensure_ascii=False) + "\n")
        count += 1
    return count


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    # A text cell starting like a formula would run in a spreadsheet (CSV injection).
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def write_csv(applications: Iterable[ApplicationRecord], out: TextIO) -> int:
    rows = [flatten_contract(a.contract) for a in applications]
    columns = [c for c in _LEADING if any(c in row for row in rows)]
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    out.write(buffer.getvalue())
    return len(rows)
