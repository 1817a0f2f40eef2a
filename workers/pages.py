"""A cheap page count before processing, to size a job's timeout.

It reads headers only (PDF page tree, TIFF directory count); anything it
cannot count is one page. The real count comes from the pipeline later.
"""

from __future__ import annotations

import logging
from pathlib import Path

__all__ = ["estimate_pages"]

log = logging.getLogger(__name__)


def estimate_pages(path: Path, channel: str) -> int:
    """0 for documents that are not read as images (portal JSON, email), else a page count >= 1."""
    if channel in ("portal", "email"):
        return 0
    try:
        with path.open("rb") as fh:
            head = fh.read(8)
        if head.startswith(b"%PDF"):
            from pypdf import PdfReader

            return max(1, len(PdfReader(str(path), strict=False).pages))
        if head[:4] in (b"II*\x00", b"MM\x00*"):
            import warnings

            from PIL import Image

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # odd fax tags; the reader reports real problems
                with Image.open(path) as image:
                    return max(1, int(getattr(image, "n_frames", 1)))
    except Exception as exc:  # noqa: BLE001 - a broken file is the pipeline's to report; here it is 1 page
        log.info("page count unavailable (%s); assuming one page", type(exc).__name__)
    return 1
