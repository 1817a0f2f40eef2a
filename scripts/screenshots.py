"""Regenerate docs/screenshots/ (login, upload, queue, application, outreach).

Runs the browser flow of tests/web/test_web_browser.py against a throw-away
``intake web`` with a synthetic sample fax (generated samples are made-up
people, not PHI), writing a screenshot at each page:

    .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    env = dict(os.environ, INTAKE_SCREENSHOTS_DIR=str(REPO / "docs" / "screenshots"))
    return subprocess.call(
        [sys.executable, "-m", "pytest", "-q", "tests/web/test_web_browser.py"], cwd=REPO, env=env
    )


if __name__ == "__main__":
    sys.exit(main())
