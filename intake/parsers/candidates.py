"""Candidate values for a field, how much each is trusted, and picking one.

A field can be read from several places (a labelled box and a combined
"City, State ZIP" line; the same label on two pages). Each reading becomes a
``Candidate`` with a confidence from the OCR word confidences and from
validation. The best valid candidate wins; two valid candidates that disagree
put the field up for review, because a wrong value nobody looks at is the
worst outcome.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from intake.extraction import FieldValue
from intake.ocr.page_text import Box
from intake.parsers.normalize import Normalized

__all__ = ["Candidate", "candidate_from", "choose", "REVIEW_BELOW"]

#: Word confidence under which a value is never vouched for.
REVIEW_BELOW = 0.85


@dataclass(frozen=True)
class Candidate:
    path: str
    value: Any
    confidence: float
    needs_review: bool
    note: str | None
    raw: str | None
    page: int | None
    box: Box | None
    rank: int = 0  # 0: read from its own label; higher: derived (combined lines, fallbacks)

    @property
    def valid(self) -> bool:
        return self.value is not None

    def field(self) -> FieldValue:
        return FieldValue(
            value=self.value,
            confidence=round(self.confidence, 3),
            needs_review=self.needs_review,
            note=self.note,
            raw=self.raw,
            page=self.page,
            box=self.box,
        )


def candidate_from(
    path: str,
    result: Normalized,
    *,
    raw: str | None,
    word_conf: float,
    page: int | None,
    box: Box | None,
    rank: int = 0,
    weak_label: bool = False,
) -> Candidate:
    """Combine a normalised reading with the confidence of the words it came from."""
    confidence = word_conf
    review = result.needs_review or word_conf < REVIEW_BELOW
    if not result.ok:
        confidence = min(confidence, 0.2)
        review = review or result.note not in (None, "empty")
    if result.repaired:
        confidence *= 0.7
    if result.doubtful:
        confidence *= 0.8
    if weak_label:
        confidence *= 0.85
        review = True
    return Candidate(
        path=path,
        value=result.value if result.ok else None,
        confidence=max(0.0, min(1.0, confidence)),
        needs_review=review,
        note=result.note,
        raw=raw,
        page=page,
        box=box,
        rank=rank,
    )


def choose(candidates: list[Candidate]) -> Candidate | None:
    """The best candidate; flagged when valid candidates of the best rank disagree."""
    if not candidates:
        return None
    valid = [c for c in candidates if c.valid]
    if not valid:
        # Keep the most telling failure (an SSN in the Medicare box beats "nothing written").
        failures = [c for c in candidates if c.note not in (None, "empty")]
        return max(failures, key=lambda c: c.confidence) if failures else None
    best_rank = min(c.rank for c in valid)
    top = [c for c in valid if c.rank == best_rank]
    best = max(top, key=lambda c: c.confidence)
    if len({_key(c.value) for c in top}) > 1:
        return Candidate(**{**best.__dict__, "needs_review": True, "note": best.note or "ambiguous",
                            "confidence": min(best.confidence, 0.5)})
    others = [c for c in valid if c.rank > best_rank and _key(c.value) != _key(best.value)]
    if others and best.needs_review:
        return Candidate(**{**best.__dict__, "note": best.note or "sources_disagree"})
    return best


def _key(value: Any) -> Any:
    return value.upper().replace(" ", "") if isinstance(value, str) else value
