"""What OCR makes of a form's marks and boxes when it reads them as text."""

from __future__ import annotations

__all__ = ["BOX_GLYPHS", "MARK_GLYPHS"]

#: What OCR reads a hand mark as, in a box or between typed brackets ("[X]", "(xX)", "[v]", "(“4").
MARK_GLYPHS = frozenset("xXvVyYkK4/\\%*+\"'`~^“”‘’«»<>@©®&#°")

#: What OCR reads an answer bubble or box itself as, alone or glued to its answer ("ONo", "©Yes", "OvYes":
#: a tick read as v). Not "C": "OChecking" is the bubble and "Checking".
BOX_GLYPHS = frozenset("O0oQ©®@[]|vV")
