"""Write pages as PDF with reportlab: vector pages with a real text layer, or image-only scans.

``invariant=1`` plus fixed document dates make the bytes depend only on the
content (same seed, same file).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from samples.fonts import reportlab_font
from samples.primitives import Checkbox, Line, PageLayout, Rect, Stroke, Text

__all__ = ["write_vector_pdf", "write_image_pdf", "draw_primitives"]


def _rgb(ink) -> tuple[float, float, float]:
    return (ink[0] / 255, ink[1] / 255, ink[2] / 255)


def _canvas(path: Path, size: tuple[float, float], *, title: str, created: datetime, producer: str) -> Canvas:
    canvas = Canvas(str(path), pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("Aspirus Health Plan")
    canvas.setCreator(producer)
    canvas.setProducer(producer)
    # invariant mode would stamp 2000-01-01; the document's own (fixed) date is as stable and more realistic.
    stamp = created.strftime("D:%Y%m%d%H%M%S")
    offset = created.strftime("%z")
    if offset:
        stamp += f"{offset[:3]}'{offset[3:]}'"
    canvas.setDateFormatter(lambda *_ignored: stamp)
    return canvas


def draw_primitives(canvas: Canvas, page: PageLayout) -> None:
    height = page.size[1]
    for item in page.items:
        if isinstance(item, Text):
            canvas.setFillColorRGB(*_rgb(item.ink))
            canvas.setFont(reportlab_font(item.font), item.size)
            canvas.drawString(item.x, height - item.y - item.size * 0.8, item.text)
        elif isinstance(item, Line):
            canvas.setStrokeColorRGB(*_rgb(item.ink))
            canvas.setLineWidth(item.width)
            canvas.line(item.x1, height - item.y1, item.x2, height - item.y2)
        elif isinstance(item, Rect):
            canvas.setStrokeColorRGB(*_rgb(item.ink))
            canvas.setLineWidth(item.width)
            if item.fill is not None:
                canvas.setFillColorRGB(*_rgb(item.fill))
            canvas.rect(item.x, height - item.y - item.h, item.w, item.h, stroke=1, fill=1 if item.fill else 0)
        elif isinstance(item, Checkbox):
            _checkbox(canvas, item, height)
        elif isinstance(item, Stroke):
            canvas.setStrokeColorRGB(*_rgb(item.ink))
            canvas.setLineWidth(item.width)
            path = canvas.beginPath()
            first, *rest = item.points
            path.moveTo(first[0], height - first[1])
            for x, y in rest:
                path.lineTo(x, height - y)
            canvas.drawPath(path, stroke=1, fill=0)


def _checkbox(canvas: Canvas, item: Checkbox, height: float) -> None:
    x, s = item.x, item.size
    top = height - item.y
    canvas.setStrokeColorRGB(*_rgb(item.ink))
    canvas.setLineWidth(0.7)
    if item.shape == "circle":
        canvas.circle(x + s / 2, top - s / 2, s / 2, stroke=1, fill=0)
    elif item.shape == "square":
        canvas.rect(x, top - s, s, s, stroke=1, fill=0)
    canvas.setStrokeColorRGB(*_rgb(item.mark_ink))
    canvas.setFillColorRGB(*_rgb(item.mark_ink))
    canvas.setLineWidth(1.3)
    if item.mark == "x":
        canvas.line(x + 0.15 * s, top - 0.15 * s, x + 0.85 * s, top - 0.85 * s)
        canvas.line(x + 0.85 * s, top - 0.15 * s, x + 0.15 * s, top - 0.85 * s)
    elif item.mark == "check":
        path = canvas.beginPath()
        path.moveTo(x + 0.1 * s, top - 0.5 * s)
        path.lineTo(x + 0.4 * s, top - 0.9 * s)
        path.lineTo(x + 1.1 * s, top + 0.2 * s)
        canvas.drawPath(path, stroke=1, fill=0)
    elif item.mark == "fill" and item.shape == "circle":
        canvas.circle(x + s / 2, top - s / 2, 0.38 * s, stroke=0, fill=1)
    elif item.mark == "fill":
        canvas.rect(x + 0.2 * s, top - 0.8 * s, 0.6 * s, 0.6 * s, stroke=0, fill=1)


def write_vector_pdf(
    path: Path,
    pages: Sequence[PageLayout],
    *,
    title: str,
    created: datetime,
    producer: str = "Aspirus enrollment forms",
    overlay: Callable[[Canvas, int], None] | None = None,
) -> None:
    """One PDF page per layout page, text drawn as text; ``overlay(canvas, index)`` adds per-page extras."""
    canvas = _canvas(path, pages[0].size, title=title, created=created, producer=producer)
    for index, page in enumerate(pages):
        canvas.setPageSize(page.size)
        draw_primitives(canvas, page)
        if overlay is not None:
            overlay(canvas, index)
        canvas.showPage()
    canvas.save()


def write_image_pdf(
    path: Path,
    images: Sequence[Image.Image],
    dpis: Sequence[tuple[float, float]],
    *,
    title: str,
    created: datetime,
    producer: str,
    jpeg_quality: int | None = 70,
) -> None:
    """An image-only PDF (a scan or an e-fax): one image per page, no text layer."""
    first_w, first_h = images[0].size
    canvas = _canvas(path, (first_w * 72 / dpis[0][0], first_h * 72 / dpis[0][1]), title=title, created=created,
                     producer=producer)
    for image, (dx, dy) in zip(images, dpis, strict=True):
        w, h = image.size[0] * 72 / dx, image.size[1] * 72 / dy
        canvas.setPageSize((w, h))
        if jpeg_quality is not None and image.mode != "1":
            buffer = io.BytesIO()
            image.save(buffer, format="JPEG", quality=jpeg_quality, optimize=False)
            buffer.seek(0)
            reader = ImageReader(buffer)
        else:
            reader = ImageReader(image.convert("L"))
        canvas.drawImage(reader, 0, 0, width=w, height=h)
        canvas.showPage()
    canvas.save()
