"""Decoding errors libtiff reports but does not return.

libtiff's CCITT decoders, on a corrupt strip ("Bad code word"), report through
the libtiff error handler and carry on with a partly blank page; Pillow does
not see it. A fax page with lost lines must not pass as good, so we install a
libtiff error handler (its public ``TIFFSetErrorHandler``) in the libtiff
instance Pillow is linked to and collect what it reports for the decoding
thread. If that libtiff cannot be found, decoding still works, only without
this check.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

__all__ = ["libtiff_errors"]

log = logging.getLogger(__name__)

_HANDLER_TYPE = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_void_p)
_state = threading.local()
_install_lock = threading.Lock()
_installed: object | None = None  # keeps the ctypes callback alive
_tried = False


def _on_error(module: bytes | None, fmt: bytes | None, _args: int | None) -> None:
    sink = getattr(_state, "sink", None)
    if sink is not None:
        # module and format string only (e.g. "Fax4Decode: Bad code word at line %u"): no data
        sink.append(f"{(module or b'').decode('ascii', 'replace')}: {(fmt or b'').decode('ascii', 'replace')}")


def _pillow_libtiff() -> Path | None:
    import PIL._imaging  # noqa: F401 - loads the libtiff Pillow uses into this process

    try:
        maps = Path("/proc/self/maps").read_text()
    except OSError:
        return None
    for line in maps.splitlines():
        path = line.split()[-1] if line.split() else ""
        if "libtiff" in Path(path).name and ".so" in path:
            return Path(path)
    return None


def _install() -> bool:
    global _installed, _tried
    with _install_lock:
        if _tried:
            return _installed is not None
        _tried = True
        path = _pillow_libtiff()
        if path is None:
            log.info("libtiff not found in process: corrupt CCITT strips are not detected")
            return False
        try:
            lib = ctypes.CDLL(str(path))
            lib.TIFFSetErrorHandler.restype = ctypes.c_void_p
            lib.TIFFSetErrorHandler.argtypes = [_HANDLER_TYPE]
            callback = _HANDLER_TYPE(_on_error)
            lib.TIFFSetErrorHandler(callback)
        except (OSError, AttributeError) as exc:
            log.info("cannot hook libtiff errors (%s): corrupt strips are not detected", type(exc).__name__)
            return False
        _installed = callback
        return True


@contextmanager
def libtiff_errors() -> Iterator[list[str]]:
    """Collect libtiff's error reports made by this thread inside the block."""
    _install()
    sink: list[str] = []
    previous = getattr(_state, "sink", None)
    _state.sink = sink
    try:
        yield sink
    finally:
        _state.sink = previous
