"""Form pages built by hand for form-parser tests: words at chosen positions, boxes and ink drawn on a blank image."""

from __future__ import annotations

import math

import cv2
import numpy as np

from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box, PageText, Word

__all__ = ["form_page", "ruled_page", "CHAR", "HEIGHT"]

CHAR = 20  # px per character
HEIGHT = 30  # px per word
BOX = 40  # checkbox side, px (about 1/8 inch at 300 dpi)


def _words(items: list[tuple[int, int, str]], conf: float) -> list[Word]:
    words = []
    for line, (x, y, text) in enumerate(items):
        left = x
        for token in text.split():
            width = CHAR * len(token)
            words.append(Word(text=token, box=Box(left=left, top=y, width=width, height=HEIGHT), conf=conf, line=line))
            left += width + CHAR
    return words


def _draw_box(image: np.ndarray, x: int, y: int, mark: str | None) -> None:
    cv2.rectangle(image, (x, y), (x + BOX, y + BOX), 0, 2)
    if mark == "x":
        cv2.line(image, (x + 6, y + 6), (x + BOX - 6, y + BOX - 6), 0, 4)
        cv2.line(image, (x + BOX - 6, y + 6), (x + 6, y + BOX - 6), 0, 4)
    elif mark == "check":
        pts = np.array([(x + 4, y + 20), (x + 16, y + 36), (x + 46, y - 8)], np.int32)
        cv2.polylines(image, [pts], False, 0, 4)
    elif mark == "fill":
        cv2.rectangle(image, (x + 8, y + 8), (x + BOX - 8, y + BOX - 8), 0, -1)


def form_page(
    items: list[tuple[int, int, str]],
    *,
    boxes: list[tuple[int, int, str | None]] = (),
    scribble: tuple[int, int, int, int] | None = None,
    rules: list[tuple[int, int, int]] = (),
    number: int = 1,
    conf: float = 0.95,
    source: str = "ocr",
    size: tuple[int, int] = (2550, 1600),
) -> RecognizedPage:
    """A page with words at (x, y), checkboxes at (x, y, mark), a pen scribble (x, y, w, h) and underlines (x1, x2, y)."""
    width, height = size
    image = np.full((height, width), 255, np.uint8)
    for x, y, mark in boxes:
        _draw_box(image, x, y, mark)
    for x1, x2, y in rules:
        cv2.line(image, (x1, y), (x2, y), 0, 2)
    if scribble is not None:
        x, y, w, h = scribble
        pts = [
            (int(x + w * t / 80 + 10 * math.sin(t / 3)), int(y + h / 2 + h / 2.5 * math.sin(t / 2.2)))
            for t in range(81)
        ]
        cv2.polylines(image, [np.array(pts, np.int32)], False, 0, 3)
    text = PageText(
        page=number, width=width, height=height, dpi=300, source=source, words=tuple(_words(items, conf))
    )
    return RecognizedPage(number=number, text=text, image=image)


def ruled_page(
    items: list[tuple[int, int, str]], lines: list[tuple[int, int, int]], *, walls: tuple[Box, ...] = (), **kwargs
) -> RecognizedPage:
    """A ``form_page`` with underlines (x1, x2, y) drawn and reported as preprocessing reports them, plus
    any other rules (``walls``: cell borders)."""
    from dataclasses import replace

    page = form_page(items, rules=lines, **kwargs)
    underlines = tuple(Box(left=x1, top=y - 1, width=x2 - x1, height=3) for x1, x2, y in lines)
    return replace(page, rules=underlines + tuple(walls))
