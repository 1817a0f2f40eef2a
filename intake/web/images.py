"""Page images and field crops for the application page, rendered from the original.

Pages are read with ``intake.ocr.reader.read_file`` (the same reading the
pipeline does) and encoded as PNG; the last few documents are kept in memory
so paging and zooming do not re-read the file. A field's crop uses the box
the record carries for it (``contract["boxes"][path]`` =
``{"page", "left", "top", "width", "height"}`` and optionally ``"rotation"``,
the degrees the page was turned before reading, and ``"image_width"`` /
``"image_height"`` of the image the box refers to, when the pipeline scaled
it). A record without boxes simply shows no crops.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import cv2
import numpy as np

from intake.config import Settings
from intake.errors import NotFound
from intake.ocr.preprocess import rotate_quarter
from storage.blobs import BlobStore
from storage.keys import original_key

__all__ = ["PageImages", "field_box"]

_CACHE_DOCUMENTS = 8
_DISPLAY_WIDTH = 1700  # pixels; plenty for zooming a 200-dpi letter page
_CROP_PADDING = 12


def field_box(contract: dict[str, Any], path: str) -> dict[str, Any] | None:
    """The box the record carries for ``path``, when it is usable."""
    box = (contract.get("boxes") or {}).get(path)
    if not isinstance(box, dict):
        return None
    try:
        if int(box["page"]) < 1 or int(box["width"]) <= 0 or int(box["height"]) <= 0:
            return None
    except (KeyError, TypeError, ValueError):
        return None
    return box


def _png(image: np.ndarray) -> bytes:
    ok, encoded = cv2.imencode(".png", image)
    if not ok:
        raise NotFound("the page image could not be encoded; open the original document instead")
    return encoded.tobytes()


def _as_display(image: np.ndarray) -> np.ndarray:
    height, width = image.shape[:2]
    if width <= _DISPLAY_WIDTH:
        return image
    scale = _DISPLAY_WIDTH / width
    return cv2.resize(image, (_DISPLAY_WIDTH, int(height * scale)), interpolation=cv2.INTER_AREA)


class PageImages:
    """Renders pages of stored originals, with a small in-memory cache of decoded pages."""

    def __init__(self, blobs: BlobStore, settings: Settings) -> None:
        self._blobs = blobs
        self._settings = settings
        self._cache: OrderedDict[str, list[np.ndarray]] = OrderedDict()
        self._lock = threading.Lock()

    def _pages(self, sha256: str) -> list[np.ndarray]:
        with self._lock:
            if sha256 in self._cache:
                self._cache.move_to_end(sha256)
                return self._cache[sha256]
        from intake.ocr.reader import read_file

        with self._blobs.local_copy(original_key(sha256)) as path:
            pages = [page.image for page in read_file(path, self._settings).pages]
        with self._lock:
            self._cache[sha256] = pages
            while len(self._cache) > _CACHE_DOCUMENTS:
                self._cache.popitem(last=False)
        return pages

    def page_count(self, sha256: str) -> int:
        return len(self._pages(sha256))

    def page_png(self, sha256: str, number: int) -> bytes:
        pages = self._pages(sha256)
        if not 1 <= number <= len(pages):
            raise NotFound("no such page in this document")
        return _png(_as_display(pages[number - 1]))

    def crop_png(self, sha256: str, box: dict[str, Any]) -> bytes:
        pages = self._pages(sha256)
        number = int(box["page"])
        if not 1 <= number <= len(pages):
            raise NotFound("the field's page is not in this document")
        # the box refers to the page as the pipeline turned it before reading
        image = rotate_quarter(pages[number - 1], (int(box.get("rotation") or 0) // 90) * 90)
        height, width = image.shape[:2]
        sx = width / float(box.get("image_width") or width)
        sy = height / float(box.get("image_height") or height)
        left = max(0, int(int(box["left"]) * sx) - _CROP_PADDING)
        top = max(0, int(int(box["top"]) * sy) - _CROP_PADDING)
        right = min(width, int((int(box["left"]) + int(box["width"])) * sx) + _CROP_PADDING)
        bottom = min(height, int((int(box["top"]) + int(box["height"])) * sy) + _CROP_PADDING)
        if right <= left or bottom <= top:
            raise NotFound("the field's box lies outside its page")
        return _png(image[top:bottom, left:right])
