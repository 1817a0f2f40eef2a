"""Run the pipeline over a labelled corpus and score every document.

A document whose extraction raises is recorded as crashed with the error's
code (an ``IntakeError`` code, else the exception's class name) — never its
message, which could carry document content.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jsonschema

from intake.application import contract_schema
from intake.config import Settings
from intake.errors import IntakeError
from intake.evaluation.compare import DocumentScore, FieldResult, compare_records
from intake.evaluation.corpus import LabeledDocument
from intake.extraction import FIELD_PATHS

__all__ = ["EvaluatedDocument", "evaluate_documents", "error_code"]

log = logging.getLogger(__name__)


@dataclass
class EvaluatedDocument:
    labeled: LabeledDocument
    score: DocumentScore
    extracted: Any = None  # intake.pipeline.Extracted, when it ran
    page_texts: list[str] = field(default_factory=list)  # recognised text per page (kept in memory only)
    page_seconds: list[float] = field(default_factory=list)


def error_code(exc: BaseException) -> str:
    return exc.code if isinstance(exc, IntakeError) else type(exc).__name__


def _crashed_score(doc: LabeledDocument, code: str, seconds: float) -> DocumentScore:
    score = compare_records({}, doc.truth, compare_fields=False)
    # a crash is loud: its fields count as wrong, never as silent
    score.fields = [FieldResult(p, False, False, True, True) for p in FIELD_PATHS]
    score.receipt_correct = score.source_correct = score.decision_correct = False
    score.status_correct = score.missing_correct = score.date_check_correct = False
    if score.kind_correct is not None:
        score.kind_correct = False
    score.crashed = code
    score.seconds = seconds
    return score


def evaluate_documents(
    docs: list[LabeledDocument],
    settings: Settings,
    *,
    extract: Callable | None = None,
    on_done: Callable[[EvaluatedDocument], None] | None = None,
) -> list[EvaluatedDocument]:
    """Extract and score each document; ``extract`` defaults to ``intake.pipeline.extract_document``."""
    if extract is None:
        from intake.pipeline import extract_document as extract
    validator = jsonschema.Draft202012Validator(contract_schema())
    out: list[EvaluatedDocument] = []
    for doc in docs:
        started = time.perf_counter()
        try:
            extracted = extract(doc.source_document(), settings)
        except Exception as exc:  # noqa: BLE001 - every failure is a measured outcome here
            code = error_code(exc)
            log.warning("extraction crashed code=%s channel=%s", code, doc.channel.value)
            evaluated = EvaluatedDocument(doc, _crashed_score(doc, code, time.perf_counter() - started))
        else:
            seconds = time.perf_counter() - started
            record = extracted.application.to_contract()
            score = compare_records(record, doc.truth, compare_fields=doc.channel.value != "email")
            score.seconds = seconds
            score.schema_valid = validator.is_valid(record)
            pages = list(getattr(extracted, "pages", None) or [])
            evaluated = EvaluatedDocument(
                doc, score, extracted,
                page_texts=[p.text.text for p in pages],
                page_seconds=[float(getattr(p, "seconds", 0.0)) for p in pages],
            )
        out.append(evaluated)
        if on_done is not None:
            on_done(evaluated)
    return out
