"""A fault-injection seam for tests of crashes and retries (``settings.fault_injection``).

Never set in production. Values:

* ``sleep:SECONDS`` — the job sleeps after claiming its document, so a test
  can kill the worker while the document is ``processing``;
* ``crash_after_save`` — the first attempt raises a retryable error right
  after its result was committed, as a crash between commit and
  acknowledgement would.
"""

from __future__ import annotations

import logging
import time

from intake.config import Settings
from intake.errors import StorageError

__all__ = ["InjectedFault", "after_claim", "after_save"]

log = logging.getLogger(__name__)


class InjectedFault(StorageError):
    """Raised only by the test seam; retryable like the crash it stands for."""

    code = "injected_fault"


def after_claim(settings: Settings) -> None:
    fault = settings.fault_injection or ""
    if fault.startswith("sleep:"):
        seconds = float(fault.split(":", 1)[1])
        log.warning("fault injection: sleeping %.1fs inside the job", seconds)
        time.sleep(seconds)


def after_save(settings: Settings, attempt: int) -> None:
    if settings.fault_injection == "crash_after_save" and attempt == 1:
        log.warning("fault injection: failing after the commit of attempt %d", attempt)
        raise InjectedFault("injected fault after save (testing only); the job is retried")
