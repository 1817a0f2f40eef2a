"""End to end on committed samples: a normal-resolution fax and a colour mail scan with a red stamp."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from intake.ocr.reader import read_file
from intake.ocr.recognize import recognize_pages
from tests.conftest import CORPUS


def _sample(pattern: str) -> Path:
    found = sorted(CORPUS.glob(pattern))
    if not found:
        pytest.skip(f"no sample matching {pattern} in samples/corpus")
    return found[0]


def _word_recall(pages, path: Path) -> float:
    """Share of the ground truth's words (as a multiset, order aside) found on the OCR'd pages."""
    truth_file = CORPUS / "truth" / path.parent.name / f"{path.name}.text.json"
    truth = json.loads(truth_file.read_text())
    want = Counter(w for page in truth for w in page.split())
    got = Counter(w for page in pages for w in page.text.text.split())
    return sum((want & got).values()) / sum(want.values())


@pytest.mark.ocr
def test_normal_resolution_g4_fax_sample(settings) -> None:
    """A G4 fax at 204x98 from the corpus: nearly every word of its truth text is read."""
    path = _sample("fax/*-fax-g4-normal-*.tif")
    read = read_file(path, settings)
    pages = recognize_pages(read, settings)
    assert read.kind == "tiff" and len(pages) == len(json.loads(
        (CORPUS / "truth" / "fax" / f"{path.name}.text.json").read_text()))
    assert _word_recall(pages, path) >= 0.9


@pytest.mark.ocr
def test_colour_mail_sample_with_red_stamp(settings) -> None:
    """A colour mail scan: the text is read and the red RECEIVED stamp is read on its own."""
    path = _sample("mail/*-mail-pdf-colour-*-stamptime-*.pdf")
    read = read_file(path, settings)
    pages = recognize_pages(read, settings)
    assert _word_recall(pages, path) >= 0.9
    stamps = [p.stamp_text for p in pages if p.stamp_text is not None]
    assert stamps and "RECEIVED" in stamps[0].text
