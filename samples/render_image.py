"""Draw a page's primitives onto a PIL image (300 dpi by default)."""

from __future__ import annotations

import random

from PIL import Image, ImageDraw

from samples.fonts import pil_font
from samples.primitives import Checkbox, Line, PageLayout, Rect, Stroke, Text

__all__ = ["render_page"]


def render_page(page: PageLayout, *, dpi: int = 300, seed: int = 0, paper=(255, 255, 255)) -> Image.Image:
    """An RGB image of the page; ``seed`` drives the handwriting jitter only."""
    k = dpi / 72.0
    width, height = round(page.size[0] * k), round(page.size[1] * k)
    img = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(img)
    rng = random.Random(seed)
    for item in page.items:
        if isinstance(item, Text):
            _text(draw, item, k, rng)
        elif isinstance(item, Line):
            draw.line([(item.x1 * k, item.y1 * k), (item.x2 * k, item.y2 * k)], fill=item.ink,
                      width=max(1, round(item.width * k)))
        elif isinstance(item, Rect):
            box = [item.x * k, item.y * k, (item.x + item.w) * k, (item.y + item.h) * k]
            draw.rectangle(box, fill=item.fill, outline=item.ink, width=max(1, round(item.width * k)))
        elif isinstance(item, Checkbox):
            _checkbox(draw, item, k)
        elif isinstance(item, Stroke):
            draw.line([(x * k, y * k) for x, y in item.points], fill=item.ink, width=max(1, round(item.width * k)),
                      joint="curve")
    return img


def _text(draw: ImageDraw.ImageDraw, item: Text, k: float, rng: random.Random) -> None:
    size_px = max(6, round(item.size * k))
    if not item.hand:
        draw.text((item.x * k, item.y * k), item.text, font=pil_font(item.font, size_px), fill=item.ink)
        return
    # Handwriting-like: each character a little off the baseline and a little bigger or smaller.
    # Characters share a baseline (anchor "ls") so a bigger one grows upwards, as in writing.
    x, baseline = item.x * k, item.y * k + size_px * 0.8
    wobble = max(1, round(size_px * 0.06))
    for ch in item.text:
        font = pil_font(item.font, max(6, size_px + rng.randint(-wobble, wobble)))
        draw.text((x, baseline + rng.uniform(-wobble, wobble) * 0.7), ch, font=font, fill=item.ink, anchor="ls")
        x += font.getlength(ch) * rng.uniform(0.97, 1.1)


def _checkbox(draw: ImageDraw.ImageDraw, item: Checkbox, k: float) -> None:
    x0, y0, s = item.x * k, item.y * k, item.size * k
    if item.shape == "circle":
        draw.ellipse([x0, y0, x0 + s, y0 + s], outline=item.ink, width=max(1, round(0.7 * k)))
    elif item.shape == "square":
        draw.rectangle([x0, y0, x0 + s, y0 + s], outline=item.ink, width=max(1, round(0.7 * k)))
    pen = max(2, round(1.3 * k))
    if item.mark == "x":
        draw.line([(x0 + 0.15 * s, y0 + 0.15 * s), (x0 + 0.85 * s, y0 + 0.85 * s)], fill=item.mark_ink, width=pen)
        draw.line([(x0 + 0.85 * s, y0 + 0.15 * s), (x0 + 0.15 * s, y0 + 0.85 * s)], fill=item.mark_ink, width=pen)
    elif item.mark == "check":
        draw.line([(x0 + 0.1 * s, y0 + 0.5 * s), (x0 + 0.4 * s, y0 + 0.9 * s), (x0 + 1.1 * s, y0 - 0.2 * s)],
                  fill=item.mark_ink, width=pen, joint="curve")
    elif item.mark == "fill" and item.shape == "circle":
        draw.ellipse([x0 + 0.12 * s, y0 + 0.12 * s, x0 + 0.88 * s, y0 + 0.88 * s], fill=item.mark_ink)
    elif item.mark == "fill":
        draw.rectangle([x0 + 0.2 * s, y0 + 0.2 * s, x0 + 0.8 * s, y0 + 0.8 * s], fill=item.mark_ink)
