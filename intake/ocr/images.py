"""Pages from image files: multi-page TIFF (incl. CCITT fax), JPEG, PNG, netpbm.

Dimensions are checked from the headers before any pixel is decoded, so a
decompression bomb costs nothing. TIFF pages keep their DPI (fax normal
resolution is stretched to square pixels); the first page's tags are kept for
the receipt parser.
"""

from __future__ import annotations

import logging
import struct
import warnings
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PIL import Image, ImageOps, UnidentifiedImageError

from intake.config import Settings
from intake.errors import CorruptFile, LimitExceeded
from intake.ocr.page import FileKind, Page
from intake.ocr.resolution import resolve_dpi, to_square_pixels
from intake.ocr.tiff_errors import libtiff_errors

__all__ = ["read_image_file", "pil_to_array", "colour_or_grey", "check_pixels", "KEPT_TIFF_TAGS"]

log = logging.getLogger(__name__)

# ImageDescription, Software, DateTime, Artist, HostComputer, Make, Model, PageNumber,
# and HylaFAX's private FaxRecvParams, FaxSubAddress, FaxRecvTime, FaxDcs
KEPT_TIFF_TAGS = (270, 271, 272, 285, 297, 305, 306, 315, 316, 34908, 34909, 34910, 34911)
_GREY_CHROMA = 10  # a "colour" scan whose channels never differ more than this is grey


def check_pixels(width: int, height: int, settings: Settings, page: int) -> None:
    """Raise ``too_many_pixels`` for a page larger than the limit (before decoding it)."""
    if width * height > settings.max_page_pixels:
        raise LimitExceeded(
            f"page {page} is {width} x {height} pixels, over the limit of {settings.max_page_pixels}; "
            "ask the sender for a lower-resolution scan (200-300 dpi)",
            code="too_many_pixels",
        )


def pil_to_array(image: Image.Image) -> np.ndarray:
    """Grey ``uint8`` for bilevel/grey images, BGR ``uint8`` for real colour."""
    mode = image.mode
    if mode in ("I;16", "I;16B", "I;16L", "I", "F"):  # deep grey: scale to 8 bit
        arr = np.asarray(image, dtype=np.float64)
        top = float(arr.max()) or 1.0
        return np.clip(arr * (255.0 / top), 0, 255).astype(np.uint8)
    if mode in ("1", "L"):
        return np.ascontiguousarray(np.asarray(image.convert("L"), dtype=np.uint8))
    if "A" in mode or (mode in ("P", "PA") and "transparency" in image.info):
        image = _flatten_alpha(image.convert("RGBA"))
    rgb = np.asarray(image.convert("RGB"), dtype=np.uint8)
    return colour_or_grey(np.ascontiguousarray(rgb[:, :, ::-1]))


def colour_or_grey(bgr: np.ndarray) -> np.ndarray:
    """BGR as given when it has real colour, else its grey version (half the work downstream)."""
    if bgr.ndim == 2:
        return bgr
    step_y, step_x = max(1, bgr.shape[0] // 600), max(1, bgr.shape[1] // 600)
    sample = bgr[::step_y, ::step_x].astype(np.int16)
    if int((sample.max(axis=2) - sample.min(axis=2)).max()) <= _GREY_CHROMA:
        return cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY)
    return bgr


def _flatten_alpha(image: Image.Image) -> Image.Image:
    background = Image.new("RGBA", image.size, (255, 255, 255, 255))
    return Image.alpha_composite(background, image).convert("RGB")


def _tag_value(value: Any) -> Any:
    """Tag values as plain JSON-friendly Python (rationals to float, bytes to text)."""
    if isinstance(value, tuple):
        return [_tag_value(v) for v in value]
    if isinstance(value, bytes):
        return value.rstrip(b"\x00").decode("latin-1")
    if isinstance(value, str):
        return value.rstrip("\x00")
    if isinstance(value, int):
        return value
    try:
        return float(value)
    except (TypeError, ValueError):
        return str(value)


def _tiff_resolution(image: Image.Image) -> tuple[float | None, float | None]:
    tags = image.tag_v2
    unit = tags.get(296, 2)
    x, y = tags.get(282), tags.get(283)
    if unit == 1 or (x is None and y is None):  # no absolute unit: an aspect ratio only
        return None, None
    factor = 2.54 if unit == 3 else 1.0  # centimetres
    return (float(x) * factor if x else None, float(y) * factor if y else None)


def _image_resolution(image: Image.Image) -> tuple[float | None, float | None]:
    dpi = image.info.get("dpi")
    if not dpi:
        return None, None
    x, y = (float(dpi[0]) if dpi[0] else None), (float(dpi[1]) if dpi[1] else None)
    if x == 1 and y == 1:  # "no unit" PNG/JFIF default, not a real resolution
        return None, None
    return x, y


def _decode_page(image: Image.Image, number: int, settings: Settings, kind: FileKind) -> Page:
    width, height = image.size
    check_pixels(width, height, settings, number)
    x, y = _tiff_resolution(image) if kind == "tiff" else _image_resolution(image)
    with libtiff_errors() as errors:
        image.load()
        oriented = ImageOps.exif_transpose(image) if kind in ("jpeg", "tiff", "png") else image
        array = pil_to_array(oriented)
    if errors:
        log.info("libtiff reported %d decoding error(s) on page %d", len(errors), number)
        raise CorruptFile(
            f"page {number} of the TIFF has damaged image data ({errors[0].split(':')[0]}); "
            "ask the sender to send the document again"
        )
    if oriented is not image and oriented.size != image.size:
        x, y = y, x  # turned by 90 degrees: the axes swap
    res = resolve_dpi(array.shape[1], array.shape[0], x, y, settings.assumed_dpi)
    array, dpi = to_square_pixels(array, res)
    origin = "tiff" if kind == "tiff" else "image"
    return Page(number=number, image=array, dpi=dpi, origin=origin, dpi_assumed=res.assumed)


def read_image_file(path: Path, kind: FileKind, settings: Settings) -> tuple[list[Page], dict[str, Any]]:
    """Every page of an image file, and its metadata (``tiff_tags`` of the first TIFF page)."""
    metadata: dict[str, Any] = {}
    try:
        with warnings.catch_warnings(), Image.open(path) as image:
            warnings.simplefilter("ignore")  # Pillow's own warnings (e.g. odd EXIF) are not failures
            frames = getattr(image, "n_frames", 1) if kind == "tiff" else 1
            if frames > settings.max_pages:
                raise LimitExceeded(
                    f"the file has {frames} pages, over the limit of {settings.max_pages}; "
                    "split it into smaller documents",
                    code="too_many_pages",
                )
            pages = []
            for index in range(frames):
                if index:
                    image.seek(index)
                if index == 0 and kind == "tiff":
                    metadata["tiff_tags"] = {
                        tag: _tag_value(image.tag_v2[tag]) for tag in KEPT_TIFF_TAGS if tag in image.tag_v2
                    }
                pages.append(_decode_page(image, index + 1, settings, kind))
            return pages, metadata
    except Image.DecompressionBombError as exc:
        raise LimitExceeded(
            "the image is far larger than any scanned page; ask the sender for a 200-300 dpi scan",
            code="too_many_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError, TypeError, KeyError, IndexError,
            struct.error) as exc:  # fmt: skip
        # whatever Pillow trips over in a malformed header is a damaged file, not our bug
        raise CorruptFile(
            f"the {kind.upper()} image is damaged or truncated and cannot be decoded; "
            "ask the sender to send it again"
        ) from exc
