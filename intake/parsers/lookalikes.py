"""OCR look-alikes: letters read where digits were written (O for 0, I or l for 1, S for 5, ...)."""

from __future__ import annotations

__all__ = ["TO_DIGIT", "repair_digits"]

#: Letters (and marks) OCR reads where a digit was written.
TO_DIGIT: dict[str, str] = {
    "O": "0", "Q": "0", "D": "0",
    "I": "1", "L": "1", "|": "1", "!": "1",
    "Z": "2",
    "S": "5",
    "G": "6", "b": "6",
    "B": "8",
}


def repair_digits(
    raw: str, *, allowed_separators: str = " -.", min_real: float = 0.5
) -> tuple[str, bool] | None:
    """Digits of ``raw`` with look-alike letters turned into digits; None if other characters remain.

    Separators are dropped. Repair is only accepted when at least half the characters are
    real digits, so a word is never turned into a number.
    """
    chars = [c for c in raw.strip() if c not in allowed_separators]
    if not chars:
        return None
    real = sum(c.isdigit() for c in chars)
    out: list[str] = []
    repaired = False
    for c in chars:
        if c.isdigit():
            out.append(c)
            continue
        sub = TO_DIGIT.get(c) or TO_DIGIT.get(c.upper())
        if c == "l":
            sub = "1"
        if sub is None:
            return None
        out.append(sub)
        repaired = True
    if repaired and real < min_real * len(chars):
        return None
    return "".join(out), repaired
