"""Sections of a form: which heading governs a label.

The same label means different things in different sections: "Name" under
"Authorized representative" is the representative's name, under "Office use
only" the agent's, under the premium section the account holder's. A label
belongs to the nearest heading above it (on its page or an earlier page) that
starts at or left of the label, so a heading in a right-hand column does not
govern the left-hand column.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.parsers.labels import LabelHit

__all__ = ["Heading", "section_of"]


@dataclass(frozen=True)
class Heading:
    kind: str
    page: int
    top: float
    left: float
    right: float
    em: float


def section_of(hit: LabelHit, headings: list[Heading], em: float) -> str | None:
    """The kind of the heading that governs ``hit``; None before any heading."""
    best: Heading | None = None
    best_key: tuple[float, ...] | None = None
    for heading in headings:
        # a label on the heading's own line, after it ("MAILING ADDRESS (ONLY IF DIFFERENT)  CITY  ST  ZIP"),
        # is in its block even when OCR put the label's top a little higher
        level = heading.page == hit.page and abs(heading.top - hit.box.top) <= em and heading.right <= hit.box.left
        if (heading.page, heading.top) > (hit.page, hit.box.top + 0.3 * em) and not level:
            continue
        if heading.left - 4.0 * heading.em > hit.box.left:
            continue  # a heading in a column to the right (not one whose number badge or indent stands before it)
        # A heading wholly left of a label that sits in a column it does not reach
        # still governs it when it is the latest one; ties go to the nearer column.
        key = (heading.page, heading.top, heading.left)
        if best_key is None or key > best_key:
            best, best_key = heading, key
    return None if best is None else best.kind
