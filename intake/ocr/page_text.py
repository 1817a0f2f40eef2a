"""Page text with positions: what reading and OCR produce, what parsers consume.

Coordinates are pixels of the page image the words were read from (top-left
origin), so parsers can look at the same image (checkboxes, crops). Text-layer
pages are scaled into the rendered image's pixel space and carry
confidence 1.0.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

__all__ = ["Box", "Word", "Line", "PageText", "TextSource"]

TextSource = Literal["ocr", "text_layer"]


class Box(BaseModel):
    model_config = ConfigDict(frozen=True)

    left: int
    top: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    @property
    def center(self) -> tuple[float, float]:
        return (self.left + self.width / 2, self.top + self.height / 2)

    def overlap_area(self, other: "Box") -> int:
        """Pixels the two boxes share (0 when they do not meet)."""
        width = min(self.right, other.right) - max(self.left, other.left)
        height = min(self.bottom, other.bottom) - max(self.top, other.top)
        return max(0, width) * max(0, height)

    def union(self, other: "Box") -> "Box":
        left, top = min(self.left, other.left), min(self.top, other.top)
        right, bottom = max(self.right, other.right), max(self.bottom, other.bottom)
        return Box(left=left, top=top, width=right - left, height=bottom - top)


class Word(BaseModel):
    """One recognised word. ``line`` numbers the line it belongs to on its page."""

    model_config = ConfigDict(frozen=True)

    text: str
    box: Box
    conf: float  # 0..1
    line: int


class Line(BaseModel):
    model_config = ConfigDict(frozen=True)

    number: int
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        box = self.words[0].box
        for word in self.words[1:]:
            box = box.union(word.box)
        return box

    @property
    def conf(self) -> float:
        return min(w.conf for w in self.words)


class PageText(BaseModel):
    """The text of one page: words in reading order with boxes and confidences."""

    model_config = ConfigDict(frozen=True)

    page: int  # 1-based
    width: int  # of the image the boxes refer to
    height: int
    dpi: int
    source: TextSource
    words: tuple[Word, ...] = ()
    rotation: int = 0  # degrees the page image was turned before reading (0/90/180/270)

    @property
    def lines(self) -> list[Line]:
        grouped: dict[int, list[Word]] = {}
        for word in self.words:
            grouped.setdefault(word.line, []).append(word)
        return [
            Line(number=n, words=tuple(sorted(ws, key=lambda w: w.box.left)))
            for n, ws in sorted(grouped.items(), key=lambda item: (min(w.box.top for w in item[1]), item[0]))
        ]

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def mean_conf(self) -> float:
        return sum(w.conf for w in self.words) / len(self.words) if self.words else 0.0
