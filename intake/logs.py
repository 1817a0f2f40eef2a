"""Logging set-up for entry points, with the current document/job id on every line.

Never log PHI (names, birth dates, Medicare or bank numbers, addresses, OCR
text): log ids and codes. ``subject_id`` is a ContextVar the pipeline and jobs
set, so every record carries it without passing it around.
"""

from __future__ import annotations

import logging
from contextvars import ContextVar

__all__ = ["subject_id", "configure_logging", "safe_traceback"]

subject_id: ContextVar[str] = ContextVar("subject_id", default="-")


class _SubjectFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.subject = subject_id.get()
        return True


def configure_logging(level: int = logging.INFO) -> None:
    """Configure the root logger once (entry points only)."""
    root = logging.getLogger()
    if any(getattr(h, "_intake", False) for h in root.handlers):
        root.setLevel(level)
        return
    handler = logging.StreamHandler()
    handler._intake = True  # type: ignore[attr-defined]
    handler.addFilter(_SubjectFilter())
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s [%(subject)s] %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(level)


def safe_traceback(exc: BaseException) -> str:
    """The exception's type and stack frames, without its message or locals.

    Third-party messages may quote document text (PHI), so the message is left
    out; file names, line numbers and function names are enough to find a bug.
    """
    import traceback

    frames = "".join(traceback.format_list(traceback.extract_tb(exc.__traceback__)))
    return f"Traceback (message withheld: may quote document text):\n{frames}{type(exc).__qualname__}"
