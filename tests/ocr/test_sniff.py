"""File kind comes from the bytes, never the name."""

from __future__ import annotations

import pytest

from intake.errors import UnsupportedType
from intake.ocr.sniff import sniff_kind


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "pdf"),
        (b"\r\n\x00junk before header %PDF-1.4\n", "pdf"),
        (b"II*\x00\x08\x00\x00\x00", "tiff"),
        (b"MM\x00*\x00\x00\x00\x08", "tiff"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "png"),
        (b"P4\n1728 1100\n", "pbm"),
        (b"P1\n# comment\n2 2\n", "pbm"),
    ],
)
def test_kind_is_detected_from_leading_bytes(head: bytes, kind: str) -> None:
    """Each supported signature maps to its kind."""
    assert sniff_kind(head) == kind


@pytest.mark.parametrize(
    "head",
    [b"<!DOCTYPE html><html><body>%PD", b"From: someone\r\nSubject: fax", b"PK\x03\x04", b"GIF89a", b"P7\n"],
)
def test_other_content_is_unsupported(head: bytes) -> None:
    """HTML, e-mail, ZIP, GIF and the like raise unsupported_type."""
    with pytest.raises(UnsupportedType) as info:
        sniff_kind(head)
    assert info.value.code == "unsupported_type"
