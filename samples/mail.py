"""Mail channel: the mailroom's scans (tone, skew, blur, noise, upside-down pages, the RECEIVED stamp)."""

from __future__ import annotations

import random
from datetime import datetime
from pathlib import Path

import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageFilter

from samples.fonts import pil_font

__all__ = ["stamp_lines", "apply_stamp", "scan_page", "zero_tiff_padding"]

STAMP_RED = (200, 30, 40)


def stamp_lines(when: datetime, *, with_time: bool, style: int) -> list[str]:
    date_text = f"{when.strftime('%b').upper()} {when.day:02d} {when.year}"
    if style == 1:
        date_text = f"{when.strftime('%b').upper()} {when.day} {when.year}"
    lines = ["RECEIVED", date_text]
    if with_time:
        lines.append(when.strftime("%I:%M %p").lstrip("0"))
    lines.append("ASPIRUS HEALTH PLAN")
    return lines


def apply_stamp(page: Image.Image, lines: list[str], rng: random.Random) -> Image.Image:
    """Ink a rotated rubber stamp onto the upper part of a 300 dpi RGB page, over the print."""
    fonts = [pil_font("sans-bold" if i == 0 else "sans-cond-bold", 92 if i == 0 else 66) for i in range(len(lines))]
    w = round(max(f.getlength(line) for f, line in zip(fonts, lines, strict=True))) + 80
    h = 110 + 95 * (len(lines) - 1)
    stamp = Image.new("L", (w, h), 0)  # ink coverage
    draw = ImageDraw.Draw(stamp)
    draw.rounded_rectangle([6, 6, w - 6, h - 6], radius=28, outline=255, width=10)
    y = 24
    for i, line in enumerate(lines):
        font = fonts[i]
        width = font.getlength(line)
        draw.text(((w - width) / 2, y), line, font=font, fill=255)
        y += 110 if i == 0 else 88
    # rubber stamps never ink evenly
    mottled = np.asarray(stamp, dtype=np.float32) * np.random.default_rng(rng.getrandbits(32)).uniform(
        0.55, 1.0, (h, w))
    stamp = Image.fromarray(mottled.astype(np.uint8)).rotate(rng.uniform(-15, 15), expand=True,
                                                             resample=Image.Resampling.BILINEAR)
    layer = Image.new("RGB", page.size, (255, 255, 255))
    red = Image.new("RGB", stamp.size, STAMP_RED)
    x = rng.randint(page.width // 2 - 200, page.width - stamp.width - 60)
    y = rng.randint(60, 620)
    layer.paste(red, (x, y), stamp)
    return ImageChops.multiply(page, layer)


def scan_page(page: Image.Image, rng: random.Random, *, dpi: int, grey: bool, skew: float,
              upside_down: bool = False) -> Image.Image:
    """A mailroom scan of a 300 dpi page: paper tone, skew, resampling, blur and sensor noise."""
    tone = Image.new("RGB", page.size, (rng.randint(238, 252), rng.randint(234, 248), rng.randint(218, 240)))
    img = ImageChops.multiply(page, tone)
    if skew:
        img = img.rotate(skew, resample=Image.Resampling.BILINEAR, fillcolor=(232, 232, 228))
    if upside_down:
        img = img.rotate(180)
    if dpi != 300:
        img = img.resize((round(img.width * dpi / 300), round(img.height * dpi / 300)), Image.Resampling.BILINEAR)
    img = img.filter(ImageFilter.GaussianBlur(rng.uniform(0.4, 1.0)))
    arr = np.asarray(img, dtype=np.int16)
    noise = np.random.default_rng(rng.getrandbits(32)).normal(0, rng.uniform(1.5, 3.5), arr.shape[:2])
    arr = np.clip(arr + noise[..., None], 0, 255).astype(np.uint8)
    out = Image.fromarray(arr, "RGB")
    if grey:
        out = out.convert("L")
    out.info["dpi"] = (dpi, dpi)
    return out


def zero_tiff_padding(path: Path) -> None:
    """Set the byte libtiff pads an odd-length page's data with (left as it was in memory) to zero, so the
    same seed writes the same bytes."""
    with Image.open(path) as tiff:
        pads = []
        for page in range(getattr(tiff, "n_frames", 1)):
            tiff.seek(page)
            offsets, counts = tiff.tag_v2.get(273), tiff.tag_v2.get(279)
            if offsets and counts:
                starts = set(offsets)
                end = max(o + c for o, c in zip(offsets, counts))
                if end % 2 and end not in starts:
                    pads.append(end)
    if pads:
        with open(path, "r+b") as handle:
            for offset in pads:
                handle.seek(offset)
                handle.write(b"\0")
