"""Bad files end with a reason code, a one-line message and a documented exit code, fast and small."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PIL import Image
from pypdf import PdfWriter

from tests.ocr.synth import save_tiff, text_page, to_fax_normal

# Runs `intake ocr FILE` in a child and reports its exit code, stderr, seconds and peak memory.
_PROBE = r"""
import json, resource, subprocess, sys, time
started = time.perf_counter()
cli = "import sys; from intake.cli import main; sys.argv[0] = 'intake'; main()"
done = subprocess.run([sys.executable, "-c", cli, "ocr", sys.argv[1]], capture_output=True, text=True)
seconds = time.perf_counter() - started
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"code": done.returncode, "stderr": done.stderr, "seconds": seconds, "peak_mib": peak_kib / 1024}))
"""


def _zero(tmp: Path) -> Path:
    (tmp / "empty.pdf").write_bytes(b"")
    return tmp / "empty.pdf"


def _truncated_pdf(tmp: Path) -> Path:
    writer = PdfWriter()
    for _ in range(3):
        writer.add_blank_page(612, 792)
    writer.write(tmp / "cut.pdf")
    data = (tmp / "cut.pdf").read_bytes()
    (tmp / "cut.pdf").write_bytes(data[: len(data) // 2])
    return tmp / "cut.pdf"


def _encrypted_pdf(tmp: Path) -> Path:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-256")
    writer.write(tmp / "locked.pdf")
    return tmp / "locked.pdf"


def _many_pages(tmp: Path) -> Path:
    writer = PdfWriter()
    for _ in range(5000):
        writer.add_blank_page(612, 792)
    writer.write(tmp / "5000.pdf")
    return tmp / "5000.pdf"


def _huge_image(tmp: Path) -> Path:
    # 30,000 x 30,000 bilevel G4: tiny on disk, 900 Mpx (and ~1 GB grey) if ever decoded
    path = tmp / "huge.tif"
    Image.new("1", (30000, 30000), 1).save(path, compression="group4")
    return path


def _corrupt_strip(tmp: Path) -> Path:
    path = save_tiff(tmp / "fax.tif", [to_fax_normal(text_page(150))], compression="group4")
    with Image.open(path) as image:
        offset, count = image.tag_v2[273][0], image.tag_v2[279][0]
    data = bytearray(path.read_bytes())
    data[offset + 10 : offset + count - 10] = np.random.default_rng(5).integers(0, 256, count - 20, np.uint8).tobytes()
    path.write_bytes(bytes(data))
    return path


def _html_as_pdf(tmp: Path) -> Path:
    (tmp / "application.pdf").write_text("<!DOCTYPE html><html><body>Not a PDF</body></html>")
    return tmp / "application.pdf"


CASES = [
    ("zero_byte", _zero, "empty_file", 65),
    ("truncated_pdf", _truncated_pdf, "corrupt_file", 65),
    ("password_pdf", _encrypted_pdf, "encrypted_pdf", 65),
    ("pdf_5000_pages", _many_pages, "too_many_pages", 65),
    ("image_30000x30000", _huge_image, "too_many_pixels", 65),
    ("tiff_corrupt_strip", _corrupt_strip, "corrupt_file", 65),
    ("html_renamed_pdf", _html_as_pdf, "unsupported_type", 65),
]


@pytest.mark.parametrize(("case", "make", "code", "exit_code"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gets_code_exit_status_in_time_and_memory(tmp_path: Path, case, make, code, exit_code) -> None:
    """`intake ocr` ends with 'error [code]: message' on one line, the exit code, < 10 s, < 1 GB."""
    path = make(tmp_path)
    probe = subprocess.run([sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, check=True)
    result = json.loads(probe.stdout)
    lines = [line for line in result["stderr"].splitlines() if line.strip()]
    assert result["code"] == exit_code, result["stderr"][-500:]
    assert lines == [lines[-1]] and lines[-1].startswith(f"error [{code}]: "), lines
    assert "Traceback" not in result["stderr"]
    assert result["seconds"] < 10 and result["peak_mib"] < 1024, result


def test_odd_file_name_reads_like_any_other(tmp_path: Path, settings) -> None:
    """A name with '..' parts and non-ASCII characters is read by content, like any other."""
    from intake.ocr.reader import read_file

    folder = tmp_path / "in" / "ÄÖÜ ☃"
    folder.mkdir(parents=True)
    save_tiff(folder / "..fax ..Ølsen.tif", [to_fax_normal(text_page(150))])
    weird = tmp_path / "in" / "ÄÖÜ ☃" / ".." / "ÄÖÜ ☃" / "..fax ..Ølsen.tif"
    read = read_file(weird, settings)
    assert read.kind == "tiff" and len(read.pages) == 1
