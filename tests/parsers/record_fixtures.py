"""Re-record the OCR fixtures of the form-parser tests from the sample corpus.

Run after a change to preprocessing or OCR that changes what Tesseract reads:

    .venv/bin/python -m tests.parsers.record_fixtures            # every recorded fixture
    .venv/bin/python -m tests.parsers.record_fixtures NAME...    # or corpus files by name

Each fixture is the recognised page text and the form rules found on each page
(``<name>.pages.json``) and a copy of the truth (``<name>.truth.json``) of one
corpus document. The corpus holds
made-up people only.
"""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

from intake.config import Settings
from intake.ocr.reader import read_file
from intake.ocr.recognize import recognize_pages

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "samples" / "corpus"
RECORDED = Path(__file__).parent / "recorded"


def record(name: str, settings: Settings) -> Path:
    """OCR the corpus document ``name`` and write its fixture pair; returns the pages file."""
    matches = [p for p in CORPUS.glob(f"*/{name}") if p.parent.name != "truth"]
    if len(matches) != 1:
        raise SystemExit(f"{name}: expected one corpus document of that name, found {len(matches)}")
    source = matches[0]
    pages = recognize_pages(read_file(source, settings), settings)
    data = {
        "source": str(source.relative_to(REPO)),
        "pages": [page.text.model_dump(mode="json") for page in pages],
        "rules": [[[r.left, r.top, r.width, r.height] for r in page.rules] for page in pages],
    }
    out = RECORDED / f"{name}.pages.json"
    out.write_text(json.dumps(data, separators=(",", ":")) + "\n")
    truth = CORPUS / "truth" / source.parent.name / f"{name}.truth.json"
    shutil.copyfile(truth, RECORDED / f"{name}.truth.json")
    return out


def main(argv: list[str]) -> None:
    names = argv or sorted(p.name[: -len(".pages.json")] for p in RECORDED.glob("*.pages.json"))
    settings = Settings()
    for name in names:
        print(record(name, settings).relative_to(REPO))


if __name__ == "__main__":
    main(sys.argv[1:])
