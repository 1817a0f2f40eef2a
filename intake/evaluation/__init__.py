"""Evaluation of the pipeline on a labelled sample corpus (``intake eval``).

``find_labeled`` finds documents with truth files, ``evaluate_documents``
runs ``extract_document`` on each and scores it (``compare_records``),
``summarise`` aggregates the figures, ``ocr_figures`` measures OCR character
accuracy and speed, ``print_report`` shows rich tables. Nothing here prints
or logs a field value: only field paths, counts and rates.
"""

from __future__ import annotations

from intake.evaluation.compare import DocumentScore, FieldResult, compare_records, normalise_value
from intake.evaluation.corpus import LabeledDocument, find_labeled
from intake.evaluation.metrics import summarise
from intake.evaluation.ocr_accuracy import char_accuracy, ocr_figures
from intake.evaluation.report import print_report
from intake.evaluation.runner import EvaluatedDocument, evaluate_documents

__all__ = [
    "DocumentScore",
    "FieldResult",
    "LabeledDocument",
    "EvaluatedDocument",
    "compare_records",
    "normalise_value",
    "find_labeled",
    "evaluate_documents",
    "summarise",
    "char_accuracy",
    "ocr_figures",
    "print_report",
]
