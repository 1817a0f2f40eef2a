"""OCR character accuracy against the text the generator drew, and speed against plain Tesseract.

Accuracy is ``1 - normalised Levenshtein distance`` (rapidfuzz) between the
whitespace-normalised recognised text and drawn text of each page. Three
readings of every image page are compared: ours (from the pipeline run), ours
with every ``preprocess_*`` step off, and the plain ``tesseract`` command line
on the page image as read.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import cv2
from rapidfuzz.distance import Levenshtein

from intake.config import Settings
from intake.errors import OcrTimeout, OcrUnavailable
from intake.evaluation.runner import EvaluatedDocument

__all__ = ["char_accuracy", "normalise_text", "no_preprocessing", "ocr_figures", "PREPROCESS_FLAGS"]

PREPROCESS_FLAGS = (
    "preprocess_orientation",
    "preprocess_deskew",
    "preprocess_despeckle",
    "preprocess_binarize",
    "preprocess_red_ink",
    "preprocess_upscale",
)


def normalise_text(text: str) -> str:
    return " ".join(text.split())


def char_accuracy(recognised: str, drawn: str) -> float:
    """1 - normalised Levenshtein distance of the whitespace-normalised texts (1.0 = identical)."""
    a, b = normalise_text(recognised), normalise_text(drawn)
    if not a and not b:
        return 1.0
    return 1.0 - Levenshtein.normalized_distance(a, b)


def no_preprocessing(settings: Settings) -> Settings:
    return settings.model_copy(update={flag: False for flag in PREPROCESS_FLAGS})


def _plain_tesseract(image, settings: Settings, tmp: Path) -> tuple[str, float]:
    image_path = tmp / "page.png"
    cv2.imwrite(str(image_path), image)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [settings.tesseract_cmd, str(image_path), "stdout", "-l", settings.tesseract_lang],
            capture_output=True, env=settings.ocr_env(), timeout=settings.ocr_timeout_seconds, check=True,
        )
    except FileNotFoundError as exc:
        raise OcrUnavailable(f"the OCR program '{settings.tesseract_cmd}' was not found; install tesseract-ocr") from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrTimeout("plain tesseract timed out on a page") from exc
    return done.stdout.decode("utf-8", "replace"), time.perf_counter() - started


def ocr_figures(evaluated: list[EvaluatedDocument], settings: Settings) -> dict[str, Any]:
    """Per channel: mean character accuracy (ours / no preprocessing / plain CLI) and seconds per page."""
    from intake.ocr.reader import read_file
    from intake.ocr.recognize import recognize_pages

    bare = no_preprocessing(settings)
    sums: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    with tempfile.TemporaryDirectory(prefix="intake-eval-") as tmp_name:
        tmp = Path(tmp_name)
        for item in evaluated:
            drawn = item.labeled.page_texts
            if not drawn or item.extracted is None or item.extracted.read is None:
                continue
            channel = item.labeled.channel.value
            read = item.extracted.read
            image_pages = [p for p in read.pages if p.origin != "text_layer"]
            ours = item.page_texts
            without = [p.text.text for p in recognize_pages(read, bare)] if image_pages else ours
            bucket = sums[channel]
            for index, expected in enumerate(drawn):
                page = read.pages[index] if index < len(read.pages) else None
                bucket["ours"].append(char_accuracy(ours[index] if index < len(ours) else "", expected))
                bucket["no_preprocessing"].append(
                    char_accuracy(without[index] if index < len(without) else "", expected))
                if page is None:
                    continue
                if page.origin == "text_layer":
                    bucket["plain"].append(bucket["ours"][-1])
                    continue
                text, seconds = _plain_tesseract(page.image, settings, tmp)
                bucket["plain"].append(char_accuracy(text, expected))
                bucket["plain_seconds"].append(seconds)
                if index < len(item.page_seconds):
                    bucket["ours_seconds"].append(item.page_seconds[index])
    out: dict[str, Any] = {}
    for channel, bucket in sorted(sums.items()):
        def mean(key: str) -> float | None:
            values = bucket.get(key) or []
            return round(sum(values) / len(values), 4) if values else None

        out[channel] = {
            "pages": len(bucket["ours"]),
            "char_accuracy": mean("ours"),
            "char_accuracy_no_preprocessing": mean("no_preprocessing"),
            "char_accuracy_plain_tesseract": mean("plain"),
            "ours_seconds_per_page": mean("ours_seconds"),
            "plain_seconds_per_page": mean("plain_seconds"),
            "ocr_pages_timed": len(bucket["plain_seconds"]),
        }
    all_ours = [v for b in sums.values() for v in b["ours"]]
    out["_all"] = {"pages": len(all_ours),
                   "char_accuracy": round(sum(all_ours) / len(all_ours), 4) if all_ours else None}
    return out
