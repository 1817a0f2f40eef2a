"""Comparing one produced record with its expected record, field by field.

Values are compared after a light normalisation (case, whitespace, commas and
periods; ``signature.signed`` false counts as not found). ``null == null`` is
correct. A wrong value is SILENT when neither its path nor a parent path is in
the record's ``review[]`` and it is not listed in ``missing[]`` (a listed
item gets a person's attention through outreach).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from intake.application import value_at as leaf
from intake.extraction import FIELD_PATHS

__all__ = [
    "FieldResult",
    "DocumentScore",
    "leaf",
    "normalise_value",
    "compare_records",
    "MISSING_ALIASES",
]

#: Paths some producers use for the same missing item.
MISSING_ALIASES = {"signature": "signature.signed", "plan": "plan.id"}

_PUNCT = re.compile(r"[.,;]+")
_SPACE = re.compile(r"\s+")


def normalise_value(path: str, value: Any) -> Any:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        if path == "signature.signed" and value is False:
            return None
        return value
    if isinstance(value, (int, float)):
        return str(value)
    text = _SPACE.sub(" ", _PUNCT.sub(" ", str(value))).strip().upper()
    return text or None


@dataclass(frozen=True)
class FieldResult:
    path: str
    correct: bool
    expected_null: bool
    predicted_null: bool
    flagged: bool  # in review[] (itself or a parent) or in missing[]

    @property
    def silent(self) -> bool:
        return not self.correct and not self.flagged


@dataclass
class DocumentScore:
    """Everything measured on one document (no values, only paths and verdicts)."""

    name: str
    channel: str
    case: str
    layout: str
    pages: int
    crashed: str | None = None  # error code when extract_document raised
    seconds: float = 0.0
    fields: list[FieldResult] = field(default_factory=list)
    receipt_correct: bool | None = None
    receipt_silent: bool | None = None  # wrong to the minute and not in review[]: the worst receipt outcome
    receipt_reviewed: bool | None = None  # receipt.received_at is in review[] (right or wrong)
    source_correct: bool | None = None
    kind_correct: bool | None = None
    decision_correct: bool | None = None
    status_correct: bool | None = None
    missing_correct: bool | None = None
    date_check_correct: bool | None = None
    schema_valid: bool | None = None
    confirmation_ok: bool | None = None
    missing_extra: list[str] = field(default_factory=list)  # paths listed but not expected
    missing_absent: list[str] = field(default_factory=list)  # paths expected but not listed


def _minute(value: str | None) -> tuple[datetime, Any] | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    utc = moment.astimezone(timezone.utc).replace(second=0, microsecond=0)
    return utc, moment.utcoffset()


def _flagged(path: str, review: set[str], missing: set[str]) -> bool:
    parts = path.split(".")
    prefixes = {".".join(parts[:i]) for i in range(1, len(parts) + 1)}
    return bool(prefixes & review) or path in missing


def _missing_paths(record: dict[str, Any]) -> set[str]:
    out = set()
    for item in record.get("missing") or []:
        path = item.get("field") if isinstance(item, dict) else None
        if path:
            out.add(MISSING_ALIASES.get(path, path))
    return out


def _date_check(record: dict[str, Any]) -> tuple[Any, Any] | None:
    check = record.get("effective_date_check")
    if not check:
        return None
    if check.get("earliest_allowed") is None and check.get("requested_allowed") is None:
        return None
    return check.get("earliest_allowed"), check.get("requested_allowed")


def compare_records(
    predicted: dict[str, Any],
    truth: dict[str, Any],
    *,
    paths: tuple[str, ...] = FIELD_PATHS,
    compare_fields: bool = True,
) -> DocumentScore:
    """Score ``predicted`` (a contract record) against ``truth`` (an expected record)."""
    sample = truth.get("_sample", {})
    document = truth["document"]
    score = DocumentScore(
        name=document["filename"], channel=document["channel"], case=sample.get("case", "?"),
        layout=sample.get("layout", "?"), pages=int(document.get("pages") or 0),
    )
    review = set(predicted.get("review") or [])
    predicted_missing = _missing_paths(predicted)
    if compare_fields:
        for path in paths:
            expected = normalise_value(path, leaf(truth, path))
            got = normalise_value(path, leaf(predicted, path))
            score.fields.append(FieldResult(
                path=path, correct=expected == got, expected_null=expected is None, predicted_null=got is None,
                flagged=_flagged(path, review, predicted_missing),
            ))
    expected_receipt = _minute(leaf(truth, "receipt.received_at"))
    got_receipt = _minute(leaf(predicted, "receipt.received_at"))
    score.receipt_correct = expected_receipt == got_receipt
    score.receipt_reviewed = bool(review & {"receipt", "receipt.received_at"})
    score.receipt_silent = not score.receipt_correct and not score.receipt_reviewed
    score.source_correct = leaf(truth, "receipt.source") == leaf(predicted, "receipt.source")
    if document["channel"] != "email":  # email is never read, so its kind is not judged
        score.kind_correct = leaf(truth, "document.kind") == leaf(predicted, "document.kind")
    expected_missing = _missing_paths(truth)
    score.status_correct = truth.get("status") == predicted.get("status")
    score.missing_correct = expected_missing == predicted_missing
    score.missing_extra = sorted(predicted_missing - expected_missing)
    score.missing_absent = sorted(expected_missing - predicted_missing)
    score.date_check_correct = _date_check(truth) == _date_check(predicted)
    score.decision_correct = bool(score.status_correct and score.missing_correct and score.date_check_correct)
    number = predicted.get("confirmation_number")
    score.confirmation_ok = number is None or (isinstance(number, str) and re.fullmatch(r"\d{8}", number) is not None)
    return score
