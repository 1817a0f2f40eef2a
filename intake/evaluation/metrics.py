"""Aggregate document scores into the evaluation figures (counts and rates, never values)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from intake.evaluation.compare import DocumentScore

__all__ = ["summarise", "rate"]


def rate(good: int, total: int) -> float | None:
    return round(good / total, 4) if total else None


def _share(scores: Iterable[DocumentScore], attribute: str) -> dict[str, Any]:
    judged = [getattr(s, attribute) for s in scores if getattr(s, attribute) is not None]
    good = sum(1 for v in judged if v)
    return {"correct": good, "judged": len(judged), "accuracy": rate(good, len(judged))}


def _field_block(scores: list[DocumentScore]) -> dict[str, Any]:
    results = [f for s in scores for f in s.fields]
    correct = sum(1 for f in results if f.correct)
    silent = sum(1 for f in results if f.silent)
    filled = [f for f in results if not f.expected_null]
    return {
        "compared": len(results),
        "correct": correct,
        "accuracy": rate(correct, len(results)),
        "accuracy_non_null": rate(sum(1 for f in filled if f.correct), len(filled)),
        "silent_errors": silent,
        "silent_rate": rate(silent, len(results)),
    }


def _timing(scores: list[DocumentScore]) -> dict[str, Any]:
    ran = [s for s in scores if s.crashed is None]
    pages = sum(max(s.pages, 1) for s in ran)
    seconds = sum(s.seconds for s in ran)
    return {"pages": pages, "seconds": round(seconds, 3), "seconds_per_page": round(seconds / pages, 3) if pages else None}


def _group(scores: list[DocumentScore], key: str) -> dict[str, dict[str, Any]]:
    groups: dict[str, list[DocumentScore]] = defaultdict(list)
    for score in scores:
        groups[getattr(score, key)].append(score)
    out = {}
    for name, members in sorted(groups.items()):
        out[name] = {
            "documents": len(members),
            "crashed": sum(1 for s in members if s.crashed),
            "fields": _field_block(members),
            "receipt": _share(members, "receipt_correct"),
            "source": _share(members, "source_correct"),
            "kind": _share(members, "kind_correct"),
            "decision": _share(members, "decision_correct"),
            "timing": _timing(members),
        }
    return out


def summarise(scores: list[DocumentScore]) -> dict[str, Any]:
    """All figures as one JSON-ready dict."""
    per_field: dict[str, dict[str, Any]] = {}
    by_path: dict[str, list] = defaultdict(list)
    for score in scores:
        for result in score.fields:
            by_path[result.path].append(result)
    for path, results in by_path.items():
        correct = sum(1 for r in results if r.correct)
        per_field[path] = {
            "compared": len(results),
            "correct": correct,
            "accuracy": rate(correct, len(results)),
            "silent_errors": sum(1 for r in results if r.silent),
            "missed": sum(1 for r in results if not r.correct and r.predicted_null),
            "spurious": sum(1 for r in results if not r.correct and r.expected_null),
        }
    extra = Counter(p for s in scores for p in s.missing_extra)
    absent = Counter(p for s in scores for p in s.missing_absent)
    return {
        "documents": len(scores),
        "crashed": sum(1 for s in scores if s.crashed),
        "crashes_by_code": dict(Counter(s.crashed for s in scores if s.crashed)),
        "schema_invalid": sum(1 for s in scores if s.schema_valid is False),
        "confirmation_number_bad_format": sum(1 for s in scores if s.confirmation_ok is False),
        "fields": _field_block(scores),
        "per_field": per_field,
        "receipt": _share(scores, "receipt_correct"),
        "receipt_silent": sum(1 for s in scores if s.receipt_silent),
        "receipt_reviewed": sum(1 for s in scores if s.receipt_reviewed),
        "receipt_source": _share(scores, "source_correct"),
        "kind": _share(scores, "kind_correct"),
        "decision": {
            **_share(scores, "decision_correct"),
            "status": _share(scores, "status_correct"),
            "missing": _share(scores, "missing_correct"),
            "effective_date_check": _share(scores, "date_check_correct"),
            "missing_listed_not_expected": dict(extra),
            "missing_expected_not_listed": dict(absent),
        },
        "per_document": [
            {
                "name": s.name, "channel": s.channel, "case": s.case, "layout": s.layout, "crashed": s.crashed,
                "wrong_fields": sorted(f.path for f in s.fields if not f.correct),
                "silent_fields": sorted(f.path for f in s.fields if f.silent),
                "receipt": s.receipt_correct, "receipt_silent": s.receipt_silent, "source": s.source_correct,
                "kind": s.kind_correct,
                "decision": s.decision_correct, "missing_listed_not_expected": s.missing_extra,
                "missing_expected_not_listed": s.missing_absent, "seconds": round(s.seconds, 3),
            }
            for s in scores
        ],
        "per_channel": _group(scores, "channel"),
        "per_layout": _group(scores, "layout"),
        "per_case": _group(scores, "case"),
        "timing": _timing(scores),
    }
