"""What a layout produces: a page as a list of drawing primitives.

Coordinates are PDF points (1/72 in) from the page's top-left corner, y down.
Both renderers (``render_image`` at 300 dpi, ``render_pdf`` with a text
layer) draw exactly these, so a page looks the same on every channel and its
drawn text (the OCR ground truth) is known.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

__all__ = [
    "LETTER",
    "Ink",
    "Text",
    "Line",
    "Rect",
    "Checkbox",
    "Stroke",
    "Primitive",
    "PageLayout",
    "page_text",
]

LETTER = (612.0, 792.0)

Ink = tuple[int, int, int]
BLACK: Ink = (0, 0, 0)


@dataclass(frozen=True)
class Text:
    """One run of text; ``y`` is the top of the text box, ``role`` says what it is."""

    x: float
    y: float
    text: str
    font: str
    size: float
    role: Literal["label", "value", "title", "note", "header"] = "label"
    ink: Ink = BLACK
    hand: bool = False  # drawn with a handwriting-like jitter on images


@dataclass(frozen=True)
class Line:
    x1: float
    y1: float
    x2: float
    y2: float
    width: float = 0.6
    ink: Ink = BLACK


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    width: float = 0.6
    fill: Ink | None = None
    ink: Ink = BLACK


@dataclass(frozen=True)
class Checkbox:
    x: float
    y: float
    size: float
    mark: Literal["x", "check", "fill"] | None = None  # None: unchecked
    ink: Ink = BLACK
    mark_ink: Ink = BLACK
    #: "circle": a round answer bubble (the "fill" mark fills it); "bare": no outline at all, only the mark (a hand
    #: mark over brackets typed as text, "[ ]" or "( )")
    shape: Literal["square", "circle", "bare"] = "square"


@dataclass(frozen=True)
class Stroke:
    """A pen stroke (the signature scribble): a polyline."""

    points: tuple[tuple[float, float], ...]
    width: float = 1.2
    ink: Ink = BLACK


Primitive = Text | Line | Rect | Checkbox | Stroke


@dataclass
class PageLayout:
    items: list[Primitive] = field(default_factory=list)
    size: tuple[float, float] = LETTER

    def add(self, item: Primitive) -> None:
        self.items.append(item)


def page_text(page: PageLayout, extra_top: list[str] | None = None) -> str:
    """The page's text in reading order: runs on one visual line (overlapping heights) left to right."""
    runs = sorted((t for t in page.items if isinstance(t, Text) and t.text.strip()), key=lambda t: (t.y + t.size / 2, t.x))
    lines: list[tuple[float, float, list[Text]]] = []  # top, bottom, runs
    for run in runs:
        centre = run.y + run.size / 2
        if lines and lines[-1][0] <= centre <= lines[-1][1]:
            top, bottom, members = lines[-1]
            members.append(run)
            lines[-1] = (min(top, run.y), max(bottom, run.y + run.size), members)
        else:
            lines.append((run.y, run.y + run.size, [run]))
    out = list(extra_top or [])
    for _, _, members in lines:
        out.append(" ".join(" ".join(t.text.split()) for t in sorted(members, key=lambda t: t.x)))
    return "\n".join(out)
