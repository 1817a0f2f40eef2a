"""Shared fixtures: settings pointing at a temporary storage root."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.config import Settings

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "samples" / "corpus"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings on the embedded defaults, storage and SQLite under a temp folder."""
    return Settings(storage_url=f"file://{tmp_path / 'storage'}", database_url=None)
