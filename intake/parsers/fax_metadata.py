"""The fax gateway's own record of a receive: its sidecar file and the TIFF tags.

Both are ``fax_metadata`` evidence, the most trustworthy receipt source:

* the sidecar ``{"received_at": ISO-8601 with offset, "from", "to", "pages", "csid"}``
  the gateway drops beside the document;
* the TIFF tags HylaFAX writes: DateTime (306, ``YYYY:MM:DD HH:MM:SS`` in the
  gateway's local time, no zone), ImageDescription (270, the sender's TSI)
  and its private tags 34908-34911. FaxRecvTime (34910) is the seconds the
  receive took, not a time of day, so it cannot date the fax; a value that
  is plainly a Unix timestamp (some gateways write one) is used as one.

The gateway runs in the plan's zone, so DateTime is read as plan local time;
a reading in the repeated autumn hour is resolved against the file's drop
time when it can be, and otherwise flagged (``ambiguous_local_time``).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from intake.extraction import ReceiptFinding
from intake.parsers.local_time import localize, to_local

__all__ = [
    "TAG_IMAGE_DESCRIPTION",
    "TAG_DATETIME",
    "TAG_FAX_RECV_TIME",
    "from_sidecar",
    "from_tiff_tags",
    "sender_tsi",
]

log = logging.getLogger(__name__)

TAG_IMAGE_DESCRIPTION = 270
TAG_DATETIME = 306
TAG_FAX_RECV_PARAMS = 34908
TAG_FAX_SUB_ADDRESS = 34909
TAG_FAX_RECV_TIME = 34910
TAG_FAX_DCS = 34911

# Later than 2001-09-09: a number this large in FaxRecvTime is a timestamp, not a duration.
_EPOCH_FLOOR = 1_000_000_000


def _parse_iso(raw: str) -> datetime | None:
    text = raw.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def from_sidecar(sidecar: dict[str, Any] | None, tz: ZoneInfo) -> ReceiptFinding | None:
    """The gateway's ``received_at``, in plan local time; None when the sidecar has no usable value.

    A value without an offset is read as plan local time and marked
    ``sidecar_no_offset`` (lower confidence), as the gateway runs in the plan's zone.
    """
    if not sidecar:
        return None
    raw = sidecar.get("received_at")
    if not isinstance(raw, str):
        if raw is not None:
            log.warning("fax sidecar received_at is not a string: code=sidecar_bad_received_at")
        return None
    moment = _parse_iso(raw)
    if moment is None:
        log.warning("fax sidecar received_at is unreadable: code=sidecar_bad_received_at")
        return None
    if moment.tzinfo is None:
        local, issue = localize(moment, tz)
        return ReceiptFinding(
            received_at=local,
            source="fax_metadata",
            confidence=0.8 if issue is None else 0.6,
            detail="sidecar_no_offset" if issue is None else f"sidecar_no_offset_{issue}",
        )
    return ReceiptFinding(received_at=to_local(moment, tz), source="fax_metadata", confidence=1.0, detail="sidecar")


def _tag(tags: dict[Any, Any], number: int) -> Any:
    # Tags may arrive keyed by int (Pillow) or by str (after a JSON round trip).
    value = tags.get(number, tags.get(str(number)))
    if isinstance(value, (tuple, list)) and len(value) == 1:
        value = value[0]
    if isinstance(value, bytes):
        value = value.decode("latin-1", "replace")
    return value


_TIFF_DATETIME = re.compile(r"^\s*(\d{4})[:\-/](\d{2})[:\-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2})\s*$")


def from_tiff_tags(
    tags: dict[Any, Any] | None, tz: ZoneInfo, *, not_after: datetime | None = None, near: datetime | None = None
) -> list[ReceiptFinding]:
    """Receipt evidence in the TIFF tags: DateTime (local wall time) and a timestamp-valued FaxRecvTime."""
    if not tags:
        return []
    findings: list[ReceiptFinding] = []
    raw = _tag(tags, TAG_DATETIME)
    if isinstance(raw, str):
        m = _TIFF_DATETIME.match(raw)
        wall = None
        if m:
            try:
                wall = datetime(*(int(g) for g in m.groups()))
            except ValueError:
                wall = None
        if wall is None:
            log.warning("TIFF DateTime tag is unreadable: code=tiff_bad_datetime")
        else:
            local, issue = localize(wall, tz, not_after=not_after, near=near)
            findings.append(
                ReceiptFinding(
                    received_at=local,
                    source="fax_metadata",
                    confidence=0.95 if issue is None else 0.6,
                    detail="tiff_datetime" if issue is None else f"tiff_datetime_{issue}",
                )
            )
    recv = _tag(tags, TAG_FAX_RECV_TIME)
    if isinstance(recv, (int, float)) and recv >= _EPOCH_FLOOR:
        moment = datetime.fromtimestamp(float(recv), tz=timezone.utc)
        findings.append(
            ReceiptFinding(received_at=moment.astimezone(tz), source="fax_metadata", confidence=0.9,
                           detail="tiff_fax_recv_time")
        )
    return findings


def sender_tsi(tags: dict[Any, Any] | None) -> str | None:
    """The sender's TSI (first line of ImageDescription), or None. Not PHI, but not logged either."""
    if not tags:
        return None
    raw = _tag(tags, TAG_IMAGE_DESCRIPTION)
    if not isinstance(raw, str) or not raw.strip():
        return None
    return raw.strip().splitlines()[0].strip() or None
