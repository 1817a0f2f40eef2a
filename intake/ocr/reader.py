"""Read a file into page images: ``read_file(path, settings) -> ReadResult``.

The kind is detected from the bytes, never the name, and every limit in
settings is checked before the expensive work (file size before reading, page
count before any page, pixel counts from headers before decoding). Every
failure is an ``InputError`` with a stable code and a message that says what
to do; third-party exceptions are translated here, at the boundary.
"""

from __future__ import annotations

import logging
from pathlib import Path

from intake.config import Settings
from intake.errors import CorruptFile, EmptyFile, LimitExceeded, NotFound
from intake.ocr.images import read_image_file
from intake.ocr.page import ReadResult
from intake.ocr.pdf import read_pdf
from intake.ocr.sniff import HEAD_BYTES, sniff_kind

__all__ = ["read_file"]

log = logging.getLogger(__name__)


def read_file(path: Path, settings: Settings) -> ReadResult:
    """Every page of ``path`` as an image (and text layer where a PDF has one)."""
    path = Path(path)
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except FileNotFoundError as exc:
        raise NotFound("the document file does not exist (any more); check the path or re-submit it") from exc
    except IsADirectoryError as exc:
        raise CorruptFile("the document is a folder, not a file; submit the file itself") from exc
    except OSError as exc:
        raise CorruptFile("the document file cannot be read; check its permissions and re-submit it") from exc
    if size == 0:
        raise EmptyFile("the file is empty (0 bytes); ask the sender to send the document again")
    if size > settings.max_file_bytes:
        raise LimitExceeded(
            f"the file is {size} bytes, over the limit of {settings.max_file_bytes}; "
            "ask the sender for a smaller scan (200-300 dpi, black and white)",
            code="too_large",
        )
    kind = sniff_kind(head)
    if kind == "pdf":
        pages, metadata = read_pdf(path, settings)
    else:
        pages, metadata = read_image_file(path, kind, settings)
    log.info("read kind=%s pages=%d", kind, len(pages))
    return ReadResult(kind=kind, pages=pages, metadata=metadata)
