"""Words with boxes from a PDF page's text layer (PDFium's character boxes).

Each character's box is mapped through PDFium's own page-to-device transform,
so the boxes land in the pixel space of the page rendered at the same size
(page rotation and crop box included). Characters drawn invisibly (the OCR
layer a scanner puts under its image) are not "real text" and are skipped.
"""

from __future__ import annotations

import ctypes
import unicodedata
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from intake.ocr.page_text import Box, PageText, Word

__all__ = ["TextLayer", "read_text_layer", "text_layer_page_text"]

_INVISIBLE = 3  # FPDF_TEXTRENDERMODE_INVISIBLE


@dataclass(frozen=True)
class TextLayer:
    """What a page's text layer holds: its words, and whether it is real, readable text."""

    words: tuple[Word, ...]
    visible_chars: int
    readable_ratio: float


@dataclass
class _Char:
    text: str
    left: float
    top: float
    right: float
    bottom: float


def _readable(ch: str) -> bool:
    category = unicodedata.category(ch)
    return ch != "\ufffd" and category not in ("Co", "Cn", "Cc", "Cs")


class _Mapper:
    """PDF user space -> device pixels of a ``width`` x ``height`` rendering."""

    def __init__(self, page: pdfium.PdfPage, width: int, height: int) -> None:
        self.page, self.width, self.height = page, width, height
        self._x, self._y = ctypes.c_int(), ctypes.c_int()

    def __call__(self, x: float, y: float) -> tuple[int, int]:
        pdfium_c.FPDF_PageToDevice(
            self.page, 0, 0, self.width, self.height, 0, x, y, ctypes.byref(self._x), ctypes.byref(self._y)
        )
        return self._x.value, self._y.value


def _chars(page: pdfium.PdfPage, textpage: pdfium.PdfTextPage, mapper: _Mapper) -> tuple[list[_Char | None], int]:
    """Characters in reading order; ``None`` marks a word break. Also counts visible characters."""
    out: list[_Char | None] = []
    visible = 0
    left, right, bottom, top = (ctypes.c_double() for _ in range(4))
    for index in range(textpage.count_chars()):
        code = pdfium_c.FPDFText_GetUnicode(textpage, index)
        ch = chr(code) if 0 < code < 0x110000 else ""
        if not ch or ch.isspace() or ch in ("\u00ad", "\ufffe"):
            out.append(None)
            continue
        textobj = pdfium_c.FPDFText_GetTextObject(textpage, index)
        if textobj and pdfium_c.FPDFTextObj_GetTextRenderMode(textobj) == _INVISIBLE:
            out.append(None)
            continue
        if not pdfium_c.FPDFText_GetCharBox(
            textpage, index, ctypes.byref(left), ctypes.byref(right), ctypes.byref(bottom), ctypes.byref(top)
        ):
            out.append(None)
            continue
        visible += 1
        x0, y0 = mapper(left.value, top.value)
        x1, y1 = mapper(right.value, bottom.value)
        out.append(_Char(ch, min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
    return out, visible


def _words(chars: list[_Char | None]) -> list[tuple[str, Box, int]]:
    """Group characters into words and lines by breaks and by geometry."""
    words: list[tuple[str, Box, int]] = []
    current: list[_Char] = []
    line = 0
    last_word_box: Box | None = None

    def flush() -> None:
        nonlocal current, line, last_word_box
        if not current:
            return
        text = "".join(c.text for c in current)
        l, t = min(c.left for c in current), min(c.top for c in current)
        r, b = max(c.right for c in current), max(c.bottom for c in current)
        box = Box(left=int(l), top=int(t), width=max(1, int(r - l)), height=max(1, int(b - t)))
        if last_word_box is not None:
            height = max(box.height, last_word_box.height, 1)
            same_line = abs(box.center[1] - last_word_box.center[1]) < 0.6 * height and box.left >= last_word_box.left
            if not same_line:
                line += 1
        words.append((text, box, line))
        last_word_box = box
        current = []

    for char in chars:
        if char is None:
            flush()
            continue
        if current:
            prev = current[-1]
            height = max(prev.bottom - prev.top, char.bottom - char.top, 1)
            gap = char.left - prev.right
            jumped = abs((char.top + char.bottom) / 2 - (prev.top + prev.bottom) / 2) > 0.6 * height
            if jumped or gap > 0.6 * height or gap < -2 * height:
                flush()
        current.append(char)
    flush()
    return words


def _dots_only(text: str) -> bool:
    return bool(text) and all(ch in ".\u00b7\u2026" for ch in text)


def _without_leaders(words: list[tuple[str, Box, int]]) -> list[tuple[str, Box, int]]:
    """The words without dotted leaders (". . . . ." after a label: drawing, not text, as on a scan
    where ``lines`` erases them). A leader is a word of four dots or more, or a dot next to another
    dots-only word on its line; a full stop stays with its word."""
    def leader(k: int) -> bool:
        text, _, line = words[k]
        if not _dots_only(text):
            return False
        if len(text) >= 4:
            return True
        return any(0 <= j < len(words) and words[j][2] == line and _dots_only(words[j][0]) for j in (k - 1, k + 1))

    return [word for k, word in enumerate(words) if not leader(k)]


def read_text_layer(page: pdfium.PdfPage, width: int, height: int) -> TextLayer:
    """The page's visible text as words in the pixel space of a ``width`` x ``height`` rendering."""
    textpage = page.get_textpage()
    try:
        chars, visible = _chars(page, textpage, _Mapper(page, width, height))
    finally:
        textpage.close()
    letters = [c.text for c in chars if c is not None]
    readable = sum(1 for ch in letters if _readable(ch)) / len(letters) if letters else 0.0
    words = tuple(Word(text=text, box=box, conf=1.0, line=line) for text, box, line in _without_leaders(_words(chars)))
    return TextLayer(words=words, visible_chars=visible, readable_ratio=readable)


def text_layer_page_text(layer: TextLayer, number: int, width: int, height: int, dpi: int) -> PageText:
    """The text layer as ``PageText`` (confidence 1.0)."""
    return PageText(page=number, width=width, height=height, dpi=dpi, source="text_layer", words=layer.words)
