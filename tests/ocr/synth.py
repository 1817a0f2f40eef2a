"""Synthetic page images for the OCR tests (no PHI: invented form-like text)."""

from __future__ import annotations

import io
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

LINES = (
    "ENROLLMENT REQUEST FORM SECTION 1",
    "Last name: Example   First name: Sample",
    "Birth date: 04/12/1951   Sex: F",
    "Medicare number: 1EG4-TE5-MK73",
    "Permanent address: 1204 North Fifth Avenue",
    "City: Wausau   State: WI   ZIP: 54401",
    "Plan: Advantage Plus HMO-POS   Phone: 715-555-0142",
    "Signature on file   Date: 11/20/2026",
)


def text_page(dpi: int = 300, lines: tuple[str, ...] = LINES, size_pt: float = 11.0) -> np.ndarray:
    """A letter-size grey page with ``lines`` of black text at ``dpi``."""
    width, height = int(8.5 * dpi), int(11 * dpi)
    image = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, round(size_pt * dpi / 72))
    step = round(size_pt * dpi / 72 * 1.8)
    for index, line in enumerate(lines):
        draw.text((int(0.8 * dpi), int(0.8 * dpi) + index * step), line, font=font, fill=0)
    return np.asarray(image).copy()


def rotate(image: np.ndarray, degrees: float) -> np.ndarray:
    """Tilt counter-clockwise by ``degrees`` on a white background (same size)."""
    h, w = image.shape[:2]
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    border = 255 if image.ndim == 2 else (255, 255, 255)
    return cv2.warpAffine(image, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=border)


def speckle(image: np.ndarray, count: int = 3000, seed: int = 7) -> np.ndarray:
    """Sprinkle single black pixels (fax line noise)."""
    rng = np.random.default_rng(seed)
    out = image.copy()
    ys = rng.integers(0, image.shape[0], count)
    xs = rng.integers(0, image.shape[1], count)
    out[ys, xs] = 0
    return out


def to_fax_normal(image_300: np.ndarray) -> np.ndarray:
    """A 300 dpi page as a fax at 204 x 98 dpi, 1728 px wide, bilevel (0/255)."""
    height = round(image_300.shape[0] * 98 / 300)
    small = cv2.resize(image_300, (1728, height), interpolation=cv2.INTER_AREA)
    return np.where(small < 150, 0, 255).astype(np.uint8)


def add_red_stamp(grey: np.ndarray, dpi: int, text: str = "RECEIVED", date: str = "NOV 30 2026",
                  angle: float = 12.0, at: tuple[float, float] = (4.5, 1.2)) -> np.ndarray:
    """BGR page with a red two-line stamp, tilted ``angle`` degrees, over the print at ``at`` inches."""
    font = ImageFont.truetype(FONT_BOLD, round(16 * dpi / 72))
    w, h = int(3.2 * dpi), int(1.2 * dpi)
    stamp = Image.new("L", (w, h), 0)
    draw = ImageDraw.Draw(stamp)
    draw.rectangle((4, 4, w - 5, h - 5), outline=255, width=max(2, dpi // 60))
    draw.text((int(0.25 * dpi), int(0.12 * dpi)), text, font=font, fill=255)
    draw.text((int(0.25 * dpi), int(0.62 * dpi)), date, font=font, fill=255)
    stamp = stamp.rotate(angle, expand=True, resample=Image.BICUBIC)
    mask = np.asarray(stamp).astype(np.float32) / 255.0
    bgr = cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR).astype(np.float32)
    x, y = int(at[0] * dpi), int(at[1] * dpi)
    region = bgr[y : y + mask.shape[0], x : x + mask.shape[1]]
    m = mask[: region.shape[0], : region.shape[1], None]
    ink = np.array([40, 30, 210], dtype=np.float32)  # BGR red ink, multiplied onto the paper
    region[:] = region * (1 - m) + np.minimum(region, ink) * m
    return bgr.clip(0, 255).astype(np.uint8)


def save_tiff(path: Path, pages: list[np.ndarray], *, compression: str = "group4", dpi=(204, 98),
              fill_order: int = 1, min_is_white: bool = True, tags: dict | None = None) -> Path:
    """A bilevel (multi-page) TIFF; ``compression`` tiff_ccitt (MH), group3, group4."""
    from PIL import TiffImagePlugin

    images = [Image.fromarray(p).convert("1") for p in pages]
    info = TiffImagePlugin.ImageFileDirectory_v2()
    info[266] = fill_order
    info[262] = 0 if min_is_white else 1
    for tag, (value, tagtype) in (tags or {}).items():
        info[tag] = value
        info.tagtype[tag] = tagtype
    images[0].save(path, compression=compression, tiffinfo=info, dpi=dpi, save_all=len(images) > 1,
                   append_images=images[1:])
    return path


def jpeg_bytes(image: np.ndarray, *, orientation: int | None = None, dpi=(300, 300)) -> bytes:
    """JPEG of ``image`` (grey or BGR), optionally with an EXIF Orientation tag."""
    pil = Image.fromarray(image if image.ndim == 2 else image[:, :, ::-1])
    exif = Image.Exif()
    if orientation:
        exif[0x0112] = orientation
    out = io.BytesIO()
    pil.save(out, format="JPEG", quality=90, exif=exif.tobytes(), dpi=dpi)
    return out.getvalue()
