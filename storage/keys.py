"""Blob keys: the layout of the store and the rules that keep a key inside it.

::

    inbox/<channel>/<name>          drops waiting for the watcher (channel: fax, mail, docusign, portal, email)
    inbox/<channel>/<name>.json     a fax gateway's metadata file beside its fax
    originals/<sha256>              the received bytes, immutable, named by content
    derived/<sha256>/<name>         page images, OCR JSON, made from an original
    quarantine/<sha256>             a copy of an original that cannot be processed
    quarantine/<sha256>.reason.json why, as a code and a message (no PHI)

Keys are ``/``-separated relative paths. ``check_key`` rejects anything that
could leave the store's root (``..``, absolute paths, backslashes, control
characters); the builders also reduce drop names to plain ASCII, so a name
like ``../../Zoë's form.pdf`` becomes ``Zoe_s_form.pdf``.
"""

from __future__ import annotations

import re
import unicodedata

from intake.document import Channel
from intake.errors import StorageError

__all__ = [
    "CHANNELS",
    "UnsafeKey",
    "INBOX",
    "ORIGINALS",
    "DERIVED",
    "QUARANTINE",
    "check_key",
    "safe_name",
    "inbox_key",
    "inbox_prefix",
    "original_key",
    "derived_key",
    "quarantine_key",
    "quarantine_reason_key",
]

CHANNELS: tuple[str, ...] = tuple(channel.value for channel in Channel)
INBOX, ORIGINALS, DERIVED, QUARANTINE = "inbox", "originals", "derived", "quarantine"

_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_UNSAFE_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_NAME = 200


class UnsafeKey(StorageError):
    """A key that could leave the store; never retried."""

    code = "unsafe_key"
    retryable = False


def check_key(key: str) -> str:
    """Return ``key`` if it is a relative path that stays inside the store, else raise ``UnsafeKey``."""
    if not key or key.startswith("/") or "\\" in key or "\x00" in key:
        raise UnsafeKey("refused a storage key that is empty, absolute or has a backslash; this is a bug")
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in key):
        raise UnsafeKey("refused a storage key with control characters; rename the file")
    for part in key.split("/"):
        if part in ("", ".", ".."):
            raise UnsafeKey("refused a storage key with an empty, '.' or '..' segment; rename the file")
    return key


def safe_name(name: str) -> str:
    """A drop name reduced to one ASCII path segment: the basename, accents folded, odd characters -> ``_``."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    folded = unicodedata.normalize("NFKD", base).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE_CHARS.sub("_", folded).strip("._") or "unnamed"
    if len(cleaned) > _MAX_NAME:
        stem, dot, ext = cleaned.rpartition(".")
        cleaned = (stem[: _MAX_NAME - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else cleaned[:_MAX_NAME]
    return cleaned


def _channel(channel: str) -> str:
    value = str(channel)
    if value not in CHANNELS:
        raise UnsafeKey(f"unknown channel {value!r}; use one of {', '.join(CHANNELS)}")
    return value


def inbox_prefix(channel: str) -> str:
    return f"{INBOX}/{_channel(channel)}/"


def inbox_key(channel: str, name: str) -> str:
    return check_key(f"{INBOX}/{_channel(channel)}/{safe_name(name)}")


def _sha(sha256: str) -> str:
    if not _SHA256.match(sha256):
        raise UnsafeKey("a content key needs a lowercase hex sha256; this is a bug")
    return sha256


def original_key(sha256: str) -> str:
    return f"{ORIGINALS}/{_sha(sha256)}"


def derived_key(sha256: str, *parts: str) -> str:
    if not parts:
        raise UnsafeKey("a derived key needs a name under the document's folder")
    return check_key("/".join([DERIVED, _sha(sha256), *(safe_name(p) for p in parts)]))


def quarantine_key(sha256: str) -> str:
    return f"{QUARANTINE}/{_sha(sha256)}"


def quarantine_reason_key(sha256: str) -> str:
    return f"{QUARANTINE}/{_sha(sha256)}.reason.json"
