"""The official receipt stamp of a document, decided from every piece of evidence.

By channel (contract, "Official receipt stamp"):

* fax: the gateway's record (sidecar, then TIFF tags; ``fax_metadata``), else
  the header line printed on the pages (``fax_header``);
* mail: the RECEIVED stamp (``mail_stamp``);
* docusign: the certificate's Signing Complete time (``docusign_certificate``);
* portal: the submission time (``portal_submission``; ``portal.parse_portal``);
* email: not accepted; the drop time is recorded (``drop_time``), nothing to review.

Metadata beats printed evidence, printed evidence beats the drop time
(``drop_time``, used only when nothing else was found and always reviewed).
The decision needs review when the chosen evidence is weak (ambiguous local
time, repaired OCR, a fallback DocuSign event), when two sources disagree by
more than ``DISAGREEMENT_MINUTES`` or on the local date, or when the stamp is
later than the moment the file landed. Every time is in plan local time.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from pydantic import BaseModel, ConfigDict, Field

from intake.application import ReceiptSource
from intake.config import Settings
from intake.document import Channel, SourceDocument
from intake.extraction import ReceiptFinding
from intake.ocr.page import ReadResult, RecognizedPage

__all__ = [
    "DISAGREEMENT_MINUTES",
    "LOW_CONFIDENCE",
    "ReceiptDecision",
    "decide",
    "find_receipt",
]

log = logging.getLogger(__name__)

#: Two timed sources further apart than this disagree (fax headers drift by a minute or two).
DISAGREEMENT_MINUTES = 10
#: A chosen finding below this confidence is reviewed.
LOW_CONFIDENCE = 0.8
#: How far a stamp may be later than the drop time (clock skew between machines).
_FUTURE_SLACK = timedelta(minutes=15)
#: How long before the drop time a printed stamp is still believable (mail sits a few days at most).
_PAST_WINDOW = timedelta(days=45)

_PRIORITY: dict[str, int] = {
    "portal_submission": 0,
    "fax_metadata": 0,
    "docusign_certificate": 1,
    "mail_stamp": 1,
    "fax_header": 1,
    "drop_time": 9,
}


class ReceiptDecision(BaseModel):
    """The receipt stamp chosen for a document, and why it may need a person's look.

    ``reasons`` are codes: ``no_receipt_evidence`` (drop time used),
    ``sources_disagree``, ``low_confidence``, ``ambiguous_local_time``,
    ``nonexistent_local_time``, ``receipt_after_drop``, ``receipt_long_before_drop``,
    ``docusign_no_signing_complete``, ``email_not_accepted``, ``grey_stamp`` (with
    ``Settings.review_grey_stamps``).
    """

    model_config = ConfigDict(frozen=True)

    received_at: datetime | None = None  # aware, plan local time
    source: ReceiptSource | None = None
    needs_review: bool = False
    reasons: list[str] = Field(default_factory=list)
    findings: list[ReceiptFinding] = Field(default_factory=list)


def _disagree(a: ReceiptFinding, b: ReceiptFinding, tz) -> bool:  # noqa: ANN001 - ZoneInfo
    if a.received_at.astimezone(tz).date() != b.received_at.astimezone(tz).date():
        return True
    if a.has_time and b.has_time:
        return abs(a.received_at - b.received_at) > timedelta(minutes=DISAGREEMENT_MINUTES)
    return False


def _plausible(finding: ReceiptFinding, dropped_at: datetime) -> bool:
    return dropped_at - _PAST_WINDOW <= finding.received_at <= dropped_at + _FUTURE_SLACK


def _first_plausible(findings: list[ReceiptFinding], dropped_at: datetime) -> list[ReceiptFinding]:
    """The first page's reading that is near the drop time (an OCR-garbled year is skipped), else the first."""
    for finding in findings:
        if _plausible(finding, dropped_at):
            return [finding]
    return findings[:1]


def decide(findings: list[ReceiptFinding], doc: SourceDocument, settings: Settings) -> ReceiptDecision:
    """Pick the best finding (metadata > printed > drop time) and say whether it needs review."""
    tz = settings.tz
    ranked = sorted(
        enumerate(findings),
        key=lambda item: (_PRIORITY.get(item[1].source, 5), -item[1].confidence, item[0]),
    )
    if not ranked:
        dropped = doc.dropped_at.astimezone(tz)
        fallback = ReceiptFinding(received_at=dropped, source="drop_time", confidence=0.5, detail="dropped_at")
        log.info("receipt: no evidence, using drop time: code=no_receipt_evidence")
        return ReceiptDecision(
            received_at=dropped, source="drop_time", needs_review=True,
            reasons=["no_receipt_evidence"], findings=[fallback],
        )
    best = ranked[0][1]
    reasons: list[str] = []
    for _, other in ranked[1:]:
        if _disagree(best, other, tz):
            reasons.append("sources_disagree")
            break
    if best.confidence < LOW_CONFIDENCE:
        reasons.append("low_confidence")
    for issue in ("ambiguous_local_time", "nonexistent_local_time"):
        if best.detail and issue in best.detail:
            reasons.append(issue)
    if best.source == "docusign_certificate" and best.detail and not best.detail.startswith("signing_complete"):
        reasons.append("docusign_no_signing_complete")
    if settings.review_grey_stamps and best.source == "mail_stamp" and (best.detail or "").startswith("stamp_grey"):
        reasons.append("grey_stamp")  # the plan chose to confirm every stamp whose red was scanned away
    if best.received_at > doc.dropped_at + _FUTURE_SLACK:
        reasons.append("receipt_after_drop")
    elif best.received_at < doc.dropped_at - _PAST_WINDOW:
        reasons.append("receipt_long_before_drop")
    if reasons:
        log.info("receipt needs review: source=%s reasons=%s", best.source, ",".join(reasons))
    return ReceiptDecision(
        received_at=best.received_at.astimezone(tz),
        source=best.source,
        needs_review=bool(reasons),
        reasons=reasons,
        findings=findings,
    )


def collect_findings(
    doc: SourceDocument, read: ReadResult | None, pages: list[RecognizedPage], settings: Settings
) -> list[ReceiptFinding]:
    """Every piece of receipt evidence the document's channel allows, strongest kinds first."""
    from intake.parsers import docusign_certificate, fax_header, fax_metadata, mail_stamp

    tz = settings.tz
    findings: list[ReceiptFinding] = []
    if doc.channel is Channel.FAX:
        sidecar = fax_metadata.from_sidecar(doc.sidecar, tz)
        if sidecar is not None:
            findings.append(sidecar)
        # A clock reading in the repeated autumn hour is read as the one nearer the gateway's own record.
        near = sidecar.received_at if sidecar is not None else None
        tags = (read.metadata.get("tiff_tags") if read is not None else None) or None
        tiff = fax_metadata.from_tiff_tags(tags, tz, not_after=doc.dropped_at, near=near)
        findings.extend(tiff)
        near = near or (tiff[0].received_at if tiff else None)
        # The header on the first page that has a believable one: later pages repeat it seconds on.
        headers = fax_header.header_findings(pages, tz, not_after=doc.dropped_at, near=near)
        findings.extend(_first_plausible(headers, doc.dropped_at))
    elif doc.channel is Channel.MAIL:
        stamps = mail_stamp.stamp_findings(pages, tz, not_after=doc.dropped_at)
        findings.extend(_first_plausible(stamps, doc.dropped_at))
    elif doc.channel is Channel.DOCUSIGN:
        signing = docusign_certificate.find_signing_complete(pages, tz)
        if signing is not None:
            findings.append(signing)
    return findings


def find_receipt(
    doc: SourceDocument, read: ReadResult | None, pages: list[RecognizedPage], settings: Settings
) -> ReceiptDecision:
    """The receipt stamp for a document from any channel (see the module docstring)."""
    if doc.channel is Channel.EMAIL:
        # Not accepted, so there is no official stamp; when it arrived is still recorded.
        dropped = doc.dropped_at.astimezone(settings.tz)
        return ReceiptDecision(received_at=dropped, source="drop_time", reasons=["email_not_accepted"])
    if doc.channel is Channel.PORTAL:
        from intake.parsers.portal import parse_portal

        return parse_portal(doc, settings)[1]
    return decide(collect_findings(doc, read, pages, settings), doc, settings)
