"""Checks on an uploaded file before anything is stored: size and type by magic bytes.

Only what the staff upload form is for is accepted: PDF, TIFF, JPEG and PNG.
Portal JSON arrives through the portal, never through this form; the file's
name and the browser's content type are not trusted.
"""

from __future__ import annotations

from typing import BinaryIO

from intake.errors import EmptyFile, LimitExceeded, UnsupportedType

__all__ = ["UPLOAD_CHANNELS", "sniff_type", "read_checked"]

#: Channels a person may choose when uploading (portal and email have their own intake).
UPLOAD_CHANNELS: tuple[str, ...] = ("fax", "mail", "docusign")

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "pdf"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"\x89PNG\r\n\x1a\n", "png"),
)


def sniff_type(head: bytes) -> str | None:
    """``pdf``, ``tiff``, ``jpeg`` or ``png`` from the first bytes, else None."""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            return kind
    return None


def read_checked(stream: BinaryIO, max_bytes: int, chunk_size: int = 1 << 20) -> tuple[bytes, str]:
    """Read an upload, refusing it as soon as it passes ``max_bytes`` or shows an unsupported type.

    Returns the bytes and the sniffed kind. Raises ``LimitExceeded``
    (``too_large``), ``EmptyFile`` or ``UnsupportedType``.
    """
    parts: list[bytes] = []
    total = 0
    kind: str | None = None
    while True:
        chunk = stream.read(chunk_size)
        if not chunk:
            break
        if not parts:
            kind = sniff_type(chunk[:16])
            if kind is None:
                raise UnsupportedType(
                    "the file is not a PDF, TIFF, JPEG or PNG; upload the scan or fax itself"
                )
        total += len(chunk)
        if total > max_bytes:
            raise LimitExceeded(
                f"the file is larger than the {max_bytes} byte upload limit; split it or ask a supervisor",
                code="too_large",
            )
        parts.append(chunk)
    if not parts or kind is None:
        raise EmptyFile("the file is empty; upload it again")
    return b"".join(parts), kind
