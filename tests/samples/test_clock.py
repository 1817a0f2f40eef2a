"""Elapsed time in the generator: drop times lie after the receipt even across a DST change."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from samples.clock import after
from samples.generate import generate

CHICAGO = ZoneInfo("America/Chicago")


def test_after_counts_elapsed_time_across_fall_back() -> None:
    """One minute after 01:30 CST (the second 01:30 of Nov 1 2026) is 01:31 CST, not 01:31 CDT."""
    second_half_hour = datetime(2026, 11, 1, 1, 30, tzinfo=CHICAGO, fold=1)
    later = after(second_half_hour, timedelta(minutes=1))
    assert later - second_half_hour == timedelta(minutes=1)
    assert later.utcoffset() == timedelta(hours=-6)
    assert (later.hour, later.minute) == (1, 31)


def test_after_counts_elapsed_time_across_spring_forward() -> None:
    """An hour before 03:30 CDT on Mar 8 2026 is 01:30 CST (02:30 does not exist)."""
    later = datetime(2026, 3, 8, 3, 30, tzinfo=CHICAGO)
    earlier = after(later, -timedelta(hours=1))
    assert (earlier.hour, earlier.utcoffset()) == (1, timedelta(hours=-6))


def test_dst_fall_back_sample_is_dropped_after_its_receipt(tmp_path: Path) -> None:
    """The dst-fall-back fax received in the repeated hour (seed 1 draws the CST one) lands after its receipt."""
    generate(tmp_path, 1, 1, layouts=("compact",), channels=("fax",), cases=("dst-fall-back",))
    truth = json.loads(next((tmp_path / "truth" / "fax").glob("*.truth.json")).read_text())
    received = datetime.fromisoformat(truth["receipt"]["received_at"])
    dropped = datetime.fromisoformat(truth["_sample"]["dropped_at"])
    assert received.utcoffset() == timedelta(hours=-6)  # the second 01:30, the case the bug hit
    assert timedelta(seconds=20) <= dropped - received <= timedelta(seconds=150)
