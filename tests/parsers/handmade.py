"""Pages built by hand for parser tests: text laid out line by line, no OCR."""

from __future__ import annotations

import numpy as np

from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box, PageText, Word

__all__ = ["page_text", "page"]

LINE_HEIGHT = 40
CHAR_WIDTH = 20


def page_text(lines: list[str], *, number: int = 1, conf: float = 0.95, top: int = 20) -> PageText:
    """A PageText whose words sit on the given lines, left to right, one line every 40 px."""
    words = []
    for n, line in enumerate(lines):
        left = 50
        for token in line.split():
            width = CHAR_WIDTH * len(token)
            box = Box(left=left, top=top + n * LINE_HEIGHT, width=width, height=30)
            words.append(Word(text=token, box=box, conf=conf, line=n))
            left += width + CHAR_WIDTH
    return PageText(page=number, width=2550, height=3300, dpi=300, source="ocr", words=tuple(words))


def page(lines: list[str], *, number: int = 1, stamp: list[str] | None = None) -> RecognizedPage:
    """A RecognizedPage with the given text (and red-ink stamp text, when given)."""
    return RecognizedPage(
        number=number,
        text=page_text(lines, number=number),
        image=np.zeros((4, 4), dtype=np.uint8),
        stamp_text=page_text(stamp, number=number, top=400) if stamp is not None else None,
    )
