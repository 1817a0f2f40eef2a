"""Timing: our recognition vs the plain ``tesseract IMG out tsv`` CLI, per page.

For each file, every page is read once; then each page is recognised by us
(preprocessing, OCR, orientation retry, stamp) and, separately, the page image
as read (no preprocessing) is written to a temporary PNG and given to the
``tesseract`` command line as an operator would. Both run one page at a time
with the same environment (``Settings.ocr_env()``), so the ratio compares the
work, not the parallelism.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import cv2

from intake.config import Settings
from intake.errors import OcrTimeout, OcrUnavailable
from intake.ocr.reader import read_file
from intake.ocr.recognize import recognize_page

__all__ = ["PageTiming", "compare_with_plain_tesseract", "summarize"]


@dataclass(frozen=True)
class PageTiming:
    file: str  # the file's name (for the report; never logged)
    page: int
    origin: str
    ours_seconds: float
    plain_seconds: float

    @property
    def ratio(self) -> float:
        return self.ours_seconds / self.plain_seconds if self.plain_seconds > 0 else float("inf")


def _plain_tesseract(image_path: Path, settings: Settings) -> float:
    started = time.perf_counter()
    try:
        subprocess.run(
            [settings.tesseract_cmd, str(image_path), str(image_path.with_suffix("")), "-l", settings.tesseract_lang, "tsv"],
            capture_output=True,
            env=settings.ocr_env(),
            timeout=settings.ocr_timeout_seconds,
            check=True,
        )
    except FileNotFoundError as exc:
        raise OcrUnavailable(f"the OCR program '{settings.tesseract_cmd}' was not found; install tesseract-ocr") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrTimeout("plain tesseract timed out on a page") from exc
    return time.perf_counter() - started


def compare_with_plain_tesseract(files: list[Path], settings: Settings) -> list[PageTiming]:
    """Per-page seconds of ``recognize_page`` vs the plain CLI on the same, unpreprocessed page image."""
    timings: list[PageTiming] = []
    with tempfile.TemporaryDirectory(prefix="intake-bench-") as tmp:
        for path in files:
            read = read_file(path, settings)
            for page in read.pages:
                image_path = Path(tmp) / f"page-{page.number}.png"
                cv2.imwrite(str(image_path), page.image)
                plain = _plain_tesseract(image_path, settings)
                started = time.perf_counter()
                recognize_page(page, settings)
                ours = time.perf_counter() - started
                timings.append(PageTiming(Path(path).name, page.number, page.origin, ours, plain))
    return timings


def summarize(timings: list[PageTiming]) -> dict[str, float]:
    """Totals and the overall ratio (ours / plain) over OCR'd pages (text-layer pages excluded)."""
    ocr_pages = [t for t in timings if t.origin != "text_layer"]
    ours = sum(t.ours_seconds for t in ocr_pages)
    plain = sum(t.plain_seconds for t in ocr_pages)
    return {
        "pages": float(len(ocr_pages)),
        "ours_seconds_per_page": ours / len(ocr_pages) if ocr_pages else 0.0,
        "plain_seconds_per_page": plain / len(ocr_pages) if ocr_pages else 0.0,
        "ratio": ours / plain if plain else 0.0,
    }
