"""Which kind of file this is, from its first bytes (never from its name)."""

from __future__ import annotations

from intake.errors import UnsupportedType
from intake.ocr.page import FileKind

__all__ = ["sniff_kind", "HEAD_BYTES"]

HEAD_BYTES = 1024  # the PDF header may follow some junk; the spec allows it within the first 1 KB

_NETPBM_MAGIC = (b"P1", b"P2", b"P3", b"P4", b"P5", b"P6")


def sniff_kind(head: bytes) -> FileKind:
    """The file kind from its leading bytes; anything we cannot read raises ``UnsupportedType``."""
    if head.startswith((b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+")):
        return "tiff"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head[:2] in _NETPBM_MAGIC and len(head) > 2 and head[2:3] in b" \t\r\n#":
        return "pbm"  # the netpbm family (PBM/PGM/PPM): Pillow reads all of them
    if b"%PDF-" in head[:HEAD_BYTES]:
        return "pdf"
    raise UnsupportedType(
        "the file is not a PDF, TIFF, JPEG, PNG or PBM (checked its content, not its name); "
        "ask the sender for a PDF or an image of the document"
    )
