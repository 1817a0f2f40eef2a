"""Helpers shared by the worker tests (a module with a unique name, importable from each test file)."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from intake.config import Settings

__all__ = ["TEST_REDIS_URL", "make_settings", "portal_submission"]

TEST_REDIS_URL = "redis://127.0.0.1:6379/15"


def make_settings(tmp_path: Path, database_url: str, **overrides) -> Settings:
    values = dict(
        storage_url=f"file://{tmp_path / 'storage'}",
        database_url=database_url,
        redis_url=TEST_REDIS_URL,
        queue_name=f"test-{uuid.uuid4().hex[:8]}",
        stable_seconds=0.5,
        sidecar_grace_seconds=2.0,
        retry_intervals=[0, 0, 0],
        job_timeout_base_seconds=60,
        job_timeout_per_page_seconds=30,
    )
    values.update(overrides)
    return Settings(**values)


def portal_submission(seed: int, *, submitted_at: str = "2026-11-30T23:41:07-06:00") -> bytes:
    """A synthetic portal submission (made-up test values, no real person)."""
    return json.dumps(
        {
            "submission_id": f"P-TEST-{seed:06d}",
            "submitted_at": submitted_at,
            "plan": {"id": "H5652-002"},
            "applicant": {
                "first_name": "TESTFIRST", "last_name": f"TESTLAST{seed}", "birth_date": "1950-01-01",
                "sex": "F", "phone": "7155550100",
                "permanent_address": {"street": "1 TEST ST", "city": "WAUSAU", "state": "WI", "zip": "54401"},
            },
            "medicare_number": "1EG4TE5MK73",
            "requested_effective_date": "2027-01-01",
            "signature": {"signed": True, "date": "2026-11-20", "by": "applicant"},
            "premium_payment": {"method": "bill"},
            "agent": {"name": "TEST AGENT", "npn": str(17650000 + seed)},
        }
    ).encode()
