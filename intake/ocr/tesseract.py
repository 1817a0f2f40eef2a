"""Tesseract, run as a subprocess: words with boxes and confidences, and OSD.

We run the ``tesseract`` binary ourselves (as pytesseract does) because the
subprocess needs its own environment (``OMP_THREAD_LIMIT=1`` from
``Settings.ocr_env()``; we parallelise by page) and pytesseract takes no
``env``. The image goes in on stdin as PNG, the TSV comes back on stdout: no
temporary files holding PHI.
"""

from __future__ import annotations

import csv
import io
import logging
import re
import subprocess
from dataclasses import dataclass

import cv2
import numpy as np

from intake.config import Settings
from intake.errors import OcrError, OcrTimeout, OcrUnavailable
from intake.ocr.page_text import Box, PageText, Word

__all__ = ["ocr_image", "detect_orientation", "Orientation", "parse_tsv", "tesseract_version"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Orientation:
    """Tesseract OSD: degrees to turn the image clockwise to make it upright, and how sure."""

    rotate: int
    confidence: float


def _png(image: np.ndarray) -> bytes:
    ok, data = cv2.imencode(".png", image, [cv2.IMWRITE_PNG_COMPRESSION, 1])
    if not ok:
        raise OcrError("the page image could not be encoded for OCR; report this document id", code="ocr_failed")
    return data.tobytes()


def _run(args: list[str], image: np.ndarray, settings: Settings, timeout: float, *, quiet: bool = False) -> str:
    command = [settings.tesseract_cmd, "stdin", "stdout", *args]
    try:
        done = subprocess.run(
            command,
            input=_png(image),
            capture_output=True,
            env=settings.ocr_env(),
            timeout=max(0.1, timeout),
            check=False,
        )
    except FileNotFoundError as exc:
        raise OcrUnavailable(
            f"the OCR program '{settings.tesseract_cmd}' was not found; install tesseract-ocr "
            "(with tesseract-ocr-eng) or set INTAKE_TESSERACT_CMD"
        ) from exc
    except PermissionError as exc:
        raise OcrUnavailable(
            f"the OCR program '{settings.tesseract_cmd}' cannot be run; check its permissions"
        ) from exc
    except subprocess.TimeoutExpired as exc:
        raise OcrTimeout(
            f"OCR of a page took longer than {settings.ocr_timeout_seconds:g} s; check the scan "
            "(size, noise) or raise INTAKE_OCR_TIMEOUT_SECONDS"
        ) from exc
    if done.returncode != 0:
        # stderr may quote file content in odd cases: log only its size
        (log.debug if quiet else log.warning)("tesseract exited %d (%d bytes on stderr)", done.returncode, len(done.stderr))
        if b"Failed loading language" in done.stderr or b"Error opening data file" in done.stderr:
            raise OcrUnavailable(
                f"Tesseract has no '{settings.tesseract_lang}' language data; install tesseract-ocr-"
                f"{settings.tesseract_lang} or fix INTAKE_TESSERACT_LANG"
            )
        raise OcrError("Tesseract failed on a page; retry, and report the document id if it persists")
    return done.stdout.decode("utf-8", "replace")


def parse_tsv(tsv: str, *, page: int, width: int, height: int, dpi: int, rotation: int = 0) -> PageText:
    """Tesseract's TSV (level 5 rows are words) as ``PageText``; lines numbered in reading order."""
    words: list[Word] = []
    line_ids: dict[tuple[str, str, str], int] = {}
    reader = csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    for row in reader:
        if row.get("level") != "5":
            continue
        text = (row.get("text") or "").strip()
        try:
            conf = float(row.get("conf") or -1)
        except ValueError:
            continue
        if not text or conf < 0:
            continue
        key = (row["block_num"], row["par_num"], row["line_num"])
        line = line_ids.setdefault(key, len(line_ids))
        box = Box(
            left=int(row["left"]), top=int(row["top"]), width=int(row["width"]), height=int(row["height"])
        )
        words.append(Word(text=text, box=box, conf=round(min(max(conf / 100.0, 0.0), 1.0), 4), line=line))
    return PageText(
        page=page, width=width, height=height, dpi=dpi, source="ocr", words=tuple(words), rotation=rotation
    )


def ocr_image(
    image: np.ndarray,
    settings: Settings,
    *,
    page: int,
    dpi: int,
    timeout: float,
    psm: int = 3,
    rotation: int = 0,
    whitelist: str | None = None,
) -> PageText:
    """Words of ``image`` (grey or binary) with boxes in its own pixel space.

    ``whitelist`` limits the characters Tesseract may answer with (a field's alphabet).
    """
    args = [
        "-l", settings.tesseract_lang,
        "--psm", str(psm),
        "--dpi", str(dpi),
        # no search for white-on-black text: our pages are dark print on light paper,
        # and the inverted pass costs time on every line
        "-c", "tessedit_do_invert=0",
    ]  # fmt: skip
    if whitelist:
        args += ["-c", f"tessedit_char_whitelist={whitelist}"]
    args.append("tsv")
    tsv = _run(args, image, settings, timeout)
    return parse_tsv(tsv, page=page, width=image.shape[1], height=image.shape[0], dpi=dpi, rotation=rotation)


_ROTATE = re.compile(r"Rotate:\s*(\d+)")
_CONFIDENCE = re.compile(r"Orientation confidence:\s*([\d.]+)")


def detect_orientation(image: np.ndarray, settings: Settings, *, dpi: int, timeout: float) -> Orientation | None:
    """Tesseract OSD (``--psm 0``); None when it finds too little text to tell."""
    try:
        # exits 1 with "Too few characters" on sparse pages: expected, not worth a warning
        out = _run(["--psm", "0", "--dpi", str(dpi), "-l", "osd"], image, settings, timeout, quiet=True)
    except OcrError as exc:
        if isinstance(exc, (OcrTimeout, OcrUnavailable)):
            raise
        return None  # "Too few characters": no opinion
    rotate, conf = _ROTATE.search(out), _CONFIDENCE.search(out)
    if not rotate or not conf:
        return None
    return Orientation(rotate=int(rotate.group(1)) % 360, confidence=float(conf.group(1)))


def tesseract_version(settings: Settings) -> str:
    """``tesseract --version``'s first line (raises ``OcrUnavailable`` when missing)."""
    try:
        done = subprocess.run(
            [settings.tesseract_cmd, "--version"], capture_output=True, env=settings.ocr_env(), timeout=20
        )
    except (FileNotFoundError, PermissionError) as exc:
        raise OcrUnavailable(
            f"the OCR program '{settings.tesseract_cmd}' was not found; install tesseract-ocr"
        ) from exc
    return (done.stdout or done.stderr).decode("utf-8", "replace").splitlines()[0]
