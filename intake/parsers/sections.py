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

from intake.parsers.labels import LabelHit, clean_token
from intake.parsers.layout import PageLayout

__all__ = ["Heading", "running_headers", "section_of"]

#: A running header's labels stand in this top share of the page.
_HEADER_BAND = 0.15


@dataclass(frozen=True)
class Heading:
    kind: str | None  # None: no section, as before the first heading
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


def running_headers(pages: list[tuple[PageLayout, list[LabelHit]]], headings: list[Heading]) -> list[Heading]:
    """Where a running header stands: the same labels at the same place atop two or more pages ("Applicant name:
    ____  Medicare Number: ____" over pages 2 to 4 of a packet).

    They ask for the applicant's own details again, whatever section the page before ended in: "Name" on top of
    the page after the premium section is no account holder's. Each page's header is an applicant block; under
    it the section the page would have had goes on.
    """
    alike: dict[tuple[str, str], list[tuple[PageLayout, LabelHit]]] = {}
    for layout, labels in pages:
        for hit in labels:
            if hit.box.top > _HEADER_BAND * layout.text.height:
                continue
            if any(h.page == hit.page and h.top < hit.box.top for h in headings):
                continue  # under a heading of its own page: the page's content
            words = " ".join(clean_token(layout.word(i).text) for i in hit.indices)
            alike.setdefault((hit.kind, words), []).append((layout, hit))
    header: dict[int, list[tuple[PageLayout, LabelHit]]] = {}
    for found in alike.values():
        for layout, hit in found:
            if any(other.page != hit.page and abs(other.box.top - hit.box.top) <= 2 * layout.em
                   and abs(other.box.left - hit.box.left) <= 3 * layout.em for _, other in found):
                header.setdefault(hit.page, []).append((layout, hit))
    out: list[Heading] = []
    for page, items in sorted(header.items()):
        layout = items[0][0]
        first = min((hit for _, hit in items), key=lambda hit: hit.box.top)
        bottom = max(hit.box.bottom for _, hit in items)
        resumes = section_of(first, headings, layout.em)
        wide = float(layout.text.width)
        out.append(Heading(kind="applicant", page=page, top=first.box.top - 0.3 * layout.em, left=0.0, right=wide,
                           em=layout.em))
        out.append(Heading(kind=resumes, page=page, top=bottom + 0.3 * layout.em, left=0.0, right=wide, em=layout.em))
    return out
