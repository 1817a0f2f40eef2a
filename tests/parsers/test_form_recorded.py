"""The form parser on recorded OCR output of sample faxes and scans (no OCR run: milliseconds)."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from intake.config import Settings
from intake.extraction import FIELD_PATHS
from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box, PageText
from intake.parsers.form import extract_fields

RECORDED = Path(__file__).parent / "recorded"
# Read from the image (boxes, ink): the recorded text alone cannot give them.
IMAGE_FIELDS = {
    "plan.id", "plan.name", "applicant.sex", "dental_rider", "premium_payment.method",
    "premium_payment.account_type", "signature.signed", "signature.by",
}  # fmt: skip


def _truth(data: dict, path: str):
    value = data
    for part in path.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def _pages(recorded: Path) -> list[RecognizedPage]:
    data = json.loads(recorded.read_text())
    rules = data.get("rules") or [[] for _ in data["pages"]]
    pages = []
    for raw, page_rules in zip(data["pages"], rules):
        text = PageText.model_validate(raw)
        boxes = tuple(Box(left=x, top=y, width=w, height=h) for x, y, w, h in page_rules)
        image = np.full((text.height, text.width), 255, np.uint8)
        pages.append(RecognizedPage(number=text.page, text=text, image=image, rules=boxes))
    return pages


@pytest.mark.parametrize("recorded", sorted(RECORDED.glob("*.pages.json")), ids=lambda p: p.name.split(".")[0])
def test_recorded_form_has_no_silent_errors(recorded: Path, settings: Settings) -> None:
    """Text fields read from real OCR output are right or flagged for review; most are right."""
    truth = json.loads(recorded.with_name(recorded.name.replace(".pages.json", ".truth.json")).read_text())
    extraction = extract_fields(_pages(recorded), settings)
    checked = right = 0
    silent = []
    for path in FIELD_PATHS:
        if path in IMAGE_FIELDS:
            continue
        want = _truth(truth, path)
        field = extraction.fields.get(path)
        got = None if field is None else field.value
        checked += 1
        right += got == want
        if got is not None and got != want and not field.needs_review:
            silent.append(path)
    assert silent == []
    assert right / checked >= 0.8  # a floor against regressions; the rest are flagged or missing
