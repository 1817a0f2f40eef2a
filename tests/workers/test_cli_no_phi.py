"""What `intake process` prints besides the records themselves carries no PHI, even at -vv."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus"
# A text-layer DocuSign export and an OCR'd fax, both paying by bank draft (EFT).
SAMPLES = ("docusign/007-docusign-central-compact-aep-dec8.pdf", "fax/021-fax-g4-normal-none-cms-complete.tif")
PHI_PARTS = ("applicant", "medicare_number", "premium_payment", "authorized_representative", "agent")
AGENT_CODES = {"npn"}  # the agent's NPN is an id the logs may name


def _phi_values(node: Any, key: str = "") -> set[str]:
    if isinstance(node, dict):
        return {v for k, child in node.items() if k not in AGENT_CODES for v in _phi_values(child, k)}
    if isinstance(node, str) and len(node) >= 5 and key not in ("sex", "state", "method", "account_type", "by"):
        values = {node}
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", node):  # a birth date as a form or a log might write it
            year, month, day = node.split("-")
            values.add(f"{month}/{day}/{year}")
        return values
    return set()


def _withheld(sample: str) -> set[str]:
    channel, name = sample.split("/")
    truth = json.loads((CORPUS / "truth" / channel / f"{name}.truth.json").read_text(encoding="utf-8"))
    return {value for part in PHI_PARTS for value in _phi_values(truth.get(part), part)}


def test_process_at_debug_level_logs_no_value_of_the_applications(tmp_path: Path) -> None:
    """Names, birth dates, Medicare and bank numbers, addresses of the processed documents stay out of stderr."""
    inbox = tmp_path / "in"
    for sample in SAMPLES:
        channel, name = sample.split("/")
        (inbox / channel).mkdir(parents=True, exist_ok=True)
        shutil.copy(CORPUS / sample, inbox / channel / name)
    withheld = set().union(*(_withheld(s) for s in SAMPLES))
    assert len(withheld) >= 16  # names, birth dates, addresses, phone, MBI, bank numbers of both

    env = {
        **os.environ,
        "INTAKE_STORAGE_URL": f"file://{tmp_path / 'storage'}",
        "INTAKE_OCR_WORKERS": "1",
    }
    env.pop("INTAKE_DATABASE_URL", None)
    intake = Path(sys.executable).with_name("intake")
    result = subprocess.run(
        [str(intake), "-vv", "process", str(inbox)], env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert " DEBUG " in result.stderr  # -vv really logged at debug level
    leaked = sorted(value for value in withheld if value.upper() in (result.stderr + result.stdout).upper())
    assert leaked == [], f"{len(leaked)} applicant value(s) in the output"

    # The same check finds the values where they belong: in the exported records.
    exported = subprocess.run(
        [str(intake), "export", "--format", "jsonl"], env=env, capture_output=True, text=True, timeout=60
    )
    found = [value for value in withheld if value.upper() in exported.stdout.upper()]
    assert len(found) >= len(withheld) // 2
