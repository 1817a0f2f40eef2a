"""Box geometry every parser leans on."""

from __future__ import annotations

from intake.ocr.page_text import Box


def test_overlap_area_is_the_shared_pixels_and_zero_apart() -> None:
    a = Box(left=0, top=0, width=10, height=10)
    assert a.overlap_area(Box(left=5, top=5, width=10, height=10)) == 25
    assert a.overlap_area(Box(left=10, top=0, width=5, height=5)) == 0  # touching edges share nothing
    assert a.overlap_area(Box(left=20, top=20, width=5, height=5)) == 0
