"""Pages as read from a file, and pages after OCR."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

from intake.ocr.page_text import Box, PageText

__all__ = ["Page", "ReadResult", "RecognizedPage", "FileKind", "PageOrigin"]

FileKind = Literal["pdf", "tiff", "jpeg", "png", "pbm"]
PageOrigin = Literal["text_layer", "embedded_image", "render", "tiff", "image"]


@dataclass(frozen=True, eq=False)
class Page:
    """One page image (grey ``uint8`` or BGR ``uint8``) and, for text-layer PDFs, its words.

    ``dpi`` is square after reading (fax normal resolution is stretched to
    square pixels); ``dpi_assumed`` says the file gave no usable value.
    """

    number: int  # 1-based
    image: np.ndarray
    dpi: int
    origin: PageOrigin
    text_layer: PageText | None = None
    dpi_assumed: bool = False


@dataclass(frozen=True, eq=False)
class ReadResult:
    """A whole file read: its detected kind, pages and file-level metadata.

    ``metadata`` holds what later stages may need for the receipt stamp, e.g.
    ``{"tiff_tags": {306: "2026:11:30 23:41:07", 270: "...", 34910: 41}}`` for
    the first TIFF page, or ``{"pdf_info": {...}}``.
    """

    kind: FileKind
    pages: list[Page]
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class RecognizedPage:
    """A page after preprocessing and OCR (or its text layer).

    ``image`` is the grey image the word boxes refer to (oriented and
    deskewed); ``colour`` the same geometry in BGR when the scan had colour;
    ``stamp_text`` the words read from the stamp alone (mail stamp), told
    apart from the print by ``stamp_ink``: "red" (a colour scan's red layer)
    or "grey" (a grey scan, by tone and stroke width; a weaker signal).
    ``stamp_alternates`` further readings of the same stamp (other scale, blur,
    page segmentation), made only when the first reading looked doubtful: the
    parser votes between them and reviews a disagreement.
    ``rules`` the printed form rules found before OCR (underlines, cell borders:
    thin horizontal and long vertical segments), in ``image`` pixels.
    """

    number: int
    text: PageText
    image: np.ndarray
    colour: np.ndarray | None = None
    stamp_text: PageText | None = None
    seconds: float = 0.0
    rules: tuple[Box, ...] = ()
    stamp_ink: Literal["red", "grey"] | None = None
    stamp_alternates: tuple[PageText, ...] = ()
