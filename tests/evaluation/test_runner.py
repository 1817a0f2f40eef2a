"""Running the evaluation: crashes recorded by code, the CLI on a small generated corpus, OCR accuracy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from intake.cli import main
from intake.config import Settings
from intake.errors import CorruptFile
from intake.evaluation import char_accuracy, evaluate_documents, find_labeled, summarise
from samples.generate import generate


def test_char_accuracy_is_one_minus_normalised_levenshtein() -> None:
    """Identical texts (up to whitespace) score 1; one substitution in ten characters scores 0.9."""
    assert char_accuracy("Last  Name:\nOLSON", "Last Name: OLSON") == 1.0
    assert char_accuracy("ABCDEFGHIJ", "ABCDEFGHIX") == 0.9
    assert char_accuracy("", "") == 1.0
    assert char_accuracy("", "abc") == 0.0


def test_crash_is_counted_by_error_code(tmp_path: Path, settings: Settings) -> None:
    """An extraction that raises is a crash with the error's code; its fields are wrong but never silent."""
    generate(tmp_path, 2, 3, channels=("portal",), cases=("complete", "missing-zip"))
    docs = find_labeled(tmp_path)
    assert len(docs) == 2

    def broken(doc, settings):
        raise CorruptFile("cannot read it")

    evaluated = evaluate_documents(docs, settings, extract=broken)
    figures = summarise([e.score for e in evaluated])
    assert figures["crashed"] == 2 and figures["crashes_by_code"] == {"corrupt_file": 2}
    assert figures["fields"]["silent_errors"] == 0 and figures["fields"]["correct"] == 0
    assert figures["decision"]["correct"] == 0


def test_eval_command_on_portal_documents(tmp_path: Path) -> None:
    """`intake eval` runs the real pipeline on portal JSON, writes figures, and prints no field values."""
    runner = CliRunner()
    made = runner.invoke(main, ["samples", "generate", str(tmp_path / "c"), "--count", "2", "--seed", "9",
                                "--channels", "portal"])
    assert made.exit_code == 0, made.output
    result = runner.invoke(main, ["eval", str(tmp_path / "c"), "--json", str(tmp_path / "f.json")],
                           env={"INTAKE_STORAGE_URL": f"file://{tmp_path / 'storage'}"})
    assert result.exit_code == 0, result.output
    figures = json.loads((tmp_path / "f.json").read_text())
    assert figures["documents"] == 2 and figures["crashed"] == 0
    assert figures["per_channel"]["portal"]["documents"] == 2
    assert figures["receipt"]["judged"] == 2
    for truth_path in (tmp_path / "c" / "truth" / "portal").glob("*.truth.json"):
        truth = json.loads(truth_path.read_text())
        for value in (truth["applicant"]["last_name"], truth["medicare_number"], truth["applicant"]["phone"]):
            if value:
                assert value not in result.output


def test_eval_command_without_truth_says_what_to_do(tmp_path: Path) -> None:
    """A folder without truth files is an error that names the expected layout."""
    result = CliRunner().invoke(main, ["eval", str(tmp_path)])
    assert result.exit_code == 66
    assert "truth" in result.output


def test_generate_rejects_unknown_layout(tmp_path: Path) -> None:
    """An unknown layout name is a usage error listing the valid ones."""
    result = CliRunner().invoke(main, ["samples", "generate", str(tmp_path), "--layouts", "fancy"])
    assert result.exit_code == 2
    assert "heldout" in result.output


@pytest.mark.ocr
def test_ocr_figures_on_a_one_page_fax(tmp_path: Path, settings: Settings) -> None:
    """With real Tesseract, a faxed cover letter is read with high character accuracy by us and by plain tesseract."""
    from intake.evaluation import ocr_figures

    generate(tmp_path, 1, 21, channels=("fax",), cases=("cover-letter",))
    evaluated = evaluate_documents(find_labeled(tmp_path), settings)
    assert evaluated[0].score.crashed is None
    figures = ocr_figures(evaluated, settings)["fax"]
    assert figures["pages"] == 1 and figures["ocr_pages_timed"] == 1
    assert figures["char_accuracy"] > 0.8
    assert figures["char_accuracy_plain_tesseract"] > 0.5
    assert figures["plain_seconds_per_page"] > 0
