"""Fax channel: sender header lines, fax-resolution 1-bit pages, HylaFAX-style TIFFs and sidecars."""

from __future__ import annotations

import json
import random
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np
from PIL import Image, ImageDraw, TiffImagePlugin, TiffTags

from samples.fonts import pil_font

__all__ = ["HEADER_STYLES", "header_line", "fax_page", "write_fax_tiff", "write_sidecar", "PLAN_FAX"]

PLAN_FAX = "17157877328"
HEADER_STYLES = ("brother", "numeric", "longdate", "hylafax")
FAX_WIDTH = 1728


def header_line(style: str, when: datetime, *, sender_name: str, sender_number: str, page: int, pages: int) -> str:
    """The line a sending machine prints across the top of each page (formats vary by machine)."""
    if style == "brother":
        return (f"{when.strftime('%b').upper()}-{when:%d-%Y} {when.strftime('%I:%M%p')} FROM: {sender_name} "
                f"{sender_number} TO: {PLAN_FAX} P.{page:03d}/{pages:03d}")
    if style == "numeric":
        return f"{when:%m/%d/%Y %H:%M} FROM {sender_number} Page {page} of {pages}"
    if style == "longdate":
        return f"{when:%b %d %Y} {when.strftime('%I:%M %p')}   {sender_name}   {sender_number}   P.{page}"
    if style == "hylafax":
        # HylaFAX's default TagLineFormat "From %%n|%c|Page %%P of %%T": '|' separates columns.
        return f"From {sender_number}|{when:%a %b %d %H:%M:%S %Y}|Page {page} of {pages}"
    raise ValueError(f"unknown header style {style!r}")


def _draw_header(img: Image.Image, text: str) -> None:
    """Print the header across the top 0.2 in of a 300 dpi page (columns for the '|' style)."""
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 0, img.width, 62], fill=255)
    font = pil_font("mono", 30)
    columns = text.split("|")
    if len(columns) == 1:
        draw.text((60, 18), text, font=font, fill=0)
        return
    span = (img.width - 120) / len(columns)
    for i, column in enumerate(columns):
        draw.text((60 + i * span, 18), column, font=font, fill=0)


def fax_page(page: Image.Image, rng: random.Random, *, fine: bool, skew: float, header: str | None,
             speckle: float = 0.0004) -> Image.Image:
    """A 300 dpi page as the plan's fax server stores it: skewed, header, 1728 px wide, 1-bit, speckled."""
    grey = page.convert("L")
    if skew:
        grey = grey.rotate(skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    if header:
        _draw_header(grey, header)
    vres = 196 if fine else 98
    height = round(grey.height / 300 * vres)
    small = grey.resize((FAX_WIDTH, height), Image.Resampling.BILINEAR)
    arr = np.asarray(small)
    threshold = rng.randint(150, 185)
    ink = arr < threshold
    noise = np.random.default_rng(rng.getrandbits(32))
    ink ^= noise.random(ink.shape) < speckle  # stray black dots on paper, white dropouts in strokes
    out = Image.fromarray(np.where(ink, 0, 255).astype(np.uint8)).convert("1", dither=Image.Dither.NONE)
    out.info["dpi"] = (204, vres)
    return out


def write_fax_tiff(path: Path, pages: list[Image.Image], *, compression: str, tags: dict[int, Any] | None) -> None:
    """A multi-page CCITT TIFF; ``tags`` (270 TSI, 306 local DateTime, 305 Software, 34910) when given."""
    info = TiffImagePlugin.ImageFileDirectory_v2()
    for tag, value in (tags or {}).items():
        info[tag] = value
        if tag == 34910:
            info.tagtype[tag] = TiffTags.LONG
    dpi = pages[0].info.get("dpi", (204, 98))
    pages[0].save(
        path, format="TIFF", compression=compression, save_all=True, append_images=pages[1:], dpi=dpi,
        tiffinfo=info,
    )


def write_sidecar(path: Path, received_at: datetime, *, sender_number: str, pages: int, csid: str) -> dict[str, Any]:
    payload = {
        "received_at": received_at.isoformat(),
        "from": sender_number,
        "to": PLAN_FAX,
        "pages": pages,
        "csid": csid,
    }
    path.write_text(json.dumps(payload, indent=2) + "\n")
    return payload
