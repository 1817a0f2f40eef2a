"""The small drawing vocabulary every form layout is written in."""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from samples.formdata import FormData
from samples.primitives import BLACK, Checkbox, Ink, Line, PageLayout, Rect, Stroke, Text

__all__ = ["Style", "PageBuilder", "draw_style", "scribble"]

BLUE_INK: Ink = (20, 40, 140)


@dataclass(frozen=True)
class Style:
    label_font: str = "sans"
    label_bold: str = "sans-bold"
    label_size: float = 8.5
    title_font: str = "sans-bold"
    value_font: str = "mono"
    value_size: float = 11.0
    value_ink: Ink = BLACK
    hand: bool = True  # values jittered like handwriting on images


def draw_style(rng: random.Random, *, typed: bool = False, label_font: str = "sans", label_bold: str = "sans-bold",
               label_size: float = 8.5) -> Style:
    """A per-document look: values in a different font than labels, sizes varying."""
    value_font = rng.choice(["mono", "serif-italic", "sans-oblique", "sans-cond", "mono-bold", "serif"])
    return Style(
        label_font=label_font,
        label_bold=label_bold,
        label_size=label_size,
        title_font=label_bold,
        value_font="sans" if typed else value_font,
        value_size=10.0 if typed else rng.choice([10.5, 11.0, 12.0, 13.0]),
        value_ink=BLACK if typed or rng.random() < 0.5 else BLUE_INK,
        hand=not typed,
    )


def scribble(rng: random.Random, x: float, y: float, w: float, h: float, ink: Ink = BLACK) -> Stroke:
    """A signature-like loopy stroke inside the box (x, y, w, h)."""
    points = []
    steps = 60
    loops = rng.uniform(3, 6)
    phase = rng.uniform(0, math.pi)
    for i in range(steps + 1):
        t = i / steps
        px = x + w * (t + 0.06 * math.sin(loops * 2 * math.pi * t + phase))
        py = y + h * (0.55 + 0.35 * math.sin(loops * 2 * math.pi * t * 1.5) * (1 - 0.5 * t))
        points.append((round(px, 2), round(py, 2)))
    return Stroke(points=tuple(points), width=rng.choice([1.0, 1.3, 1.6]), ink=ink)


class PageBuilder:
    """Adds primitives for one page; field helpers take the value from ``FormData.printed``."""

    def __init__(self, form: FormData, style: Style) -> None:
        self.form = form
        self.style = style
        self.page = PageLayout()

    # plain pieces -----------------------------------------------------------------------
    def text(self, x: float, y: float, text: str, *, font: str | None = None, size: float | None = None,
             role: str = "label") -> None:
        self.page.add(Text(x, y, text, font or self.style.label_font, size or self.style.label_size, role))

    def title(self, x: float, y: float, text: str, size: float = 14) -> None:
        self.page.add(Text(x, y, text, self.style.title_font, size, "title"))

    def bold(self, x: float, y: float, text: str, size: float | None = None) -> None:
        self.page.add(Text(x, y, text, self.style.label_bold, size or self.style.label_size + 1, "label"))

    def hline(self, x1: float, x2: float, y: float, width: float = 0.6) -> None:
        self.page.add(Line(x1, y, x2, y, width))

    def rect(self, x: float, y: float, w: float, h: float, *, width: float = 0.6, fill: Ink | None = None) -> None:
        self.page.add(Rect(x, y, w, h, width, fill))

    def bar(self, y: float, text: str, *, x: float = 36, w: float = 540, h: float = 16) -> float:
        """A shaded section heading; returns the y below it."""
        self.rect(x, y, w, h, width=0.4, fill=(215, 215, 215))
        self.bold(x + 5, y + 3.5, text)
        return y + h + 8

    def value(self, x: float, y: float, text: str | None, *, size: float | None = None) -> None:
        if text:
            s = self.style
            self.page.add(Text(x, y, text, s.value_font, size or s.value_size, "value", s.value_ink, s.hand))

    def val(self, path: str) -> str | None:
        return self.form.printed.get(path)

    # field styles -----------------------------------------------------------------------
    def field_above(self, label: str, path: str | None, x: float, y: float, w: float, *, text: str | None = None) -> float:
        """Label above an underlined value line; returns the y below the field."""
        self.text(x, y, label)
        line_y = y + self.style.label_size + self.style.value_size + 9
        self.value(x + 3, line_y - self.style.value_size - 3, text if path is None else self.val(path))
        self.hline(x, x + w, line_y)
        return line_y + 8

    def field_left(self, label: str, path: str | None, x: float, y: float, label_w: float, w: float,
                   *, text: str | None = None) -> float:
        """Label left of an underlined value; returns the y below the field."""
        self.text(x, y + self.style.value_size - self.style.label_size, label)
        line_y = y + self.style.value_size + 3
        self.value(x + label_w + 3, y, text if path is None else self.val(path))
        self.hline(x + label_w, x + w, line_y)
        return line_y + 9

    def cell(self, label: str, path: str | None, x: float, y: float, w: float, h: float = 34,
             *, text: str | None = None, label_size: float = 6.5) -> None:
        """A bordered cell with a small label top-left inside the box."""
        self.rect(x, y, w, h)
        self.text(x + 3, y + 2.5, label, size=label_size)
        self.value(x + 6, y + h - self.style.value_size - 5, text if path is None else self.val(path))

    def comb(self, x: float, y: float, chars: str | None, n: int, cell_w: float = 16, h: float = 20) -> None:
        """Character comb boxes, one character per cell (dashes are skipped)."""
        for i in range(n):
            self.rect(x + i * cell_w, y, cell_w, h)
        if not chars:
            return
        s = self.style
        for i, ch in enumerate([c for c in chars if c != "-"][:n]):
            self.page.add(Text(x + i * cell_w + cell_w * 0.25, y + (h - s.value_size) / 2, ch, s.value_font,
                               s.value_size, "value", s.value_ink, s.hand))

    def checkbox(self, x: float, y: float, checked: bool, label: str | None = None, *, size: float = 9,
                 label_size: float | None = None) -> float:
        """A tick box with its label to the right; returns the x after the label."""
        self.page.add(Checkbox(x, y, size, self.form.mark if checked else None, mark_ink=self.style.value_ink))
        if label:
            ls = label_size or self.style.label_size
            self.text(x + size + 4, y + (size - ls) / 2, label, size=ls)
            return x + size + 8 + len(label) * ls * 0.55
        return x + size + 6

    def signature(self, rng: random.Random, x: float, y: float, w: float, h: float) -> None:
        if self.form.choice["signed"]:
            self.page.add(scribble(rng, x + 6, y, w * rng.uniform(0.45, 0.8), h, self.style.value_ink))


def shared_widths(shares: Sequence[float], room: float, rng: random.Random, moved: tuple[float, float],
                  needs: Callable[[], list[float]]) -> list[float]:
    """A row's field widths: ``room`` split by ``shares``, the later fields' starts scaled within ``moved`` per
    document, each at least its need (``needs`` is asked after the starts are drawn); when the needs
    do not fit, they shrink to fit."""
    total = sum(shares)
    starts, acc = [], 0.0
    for share in shares:
        starts.append(room * acc / total)
        acc += share
    starts = [starts[0]] + [st * rng.uniform(*moved) for st in starts[1:]]
    widths = [b - a for a, b in zip(starts, starts[1:] + [room])]
    wanted = needs()
    if all(w >= n for w, n in zip(widths, wanted)):
        return widths
    spare = room - sum(wanted)
    if spare >= 0:
        return [n + spare * share / total for n, share in zip(wanted, shares)]
    return [room * n / sum(wanted) for n in wanted]
