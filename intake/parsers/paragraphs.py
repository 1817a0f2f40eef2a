"""Paragraphs of print: instructions and attestations, whose words are no labels.

A long-form enrollment packet explains itself in paragraphs that use the
fields' own words ("Agents and brokers who help you fill out this form must
include their National Producer Number", "We may call you at the phone number
you give us"). Where a line of such a paragraph starts with a label's words,
the line under it is the paragraph going on, not the answer. A paragraph line
is told by its print, not its words: a long run of lower-case words, set
close under or over another such line from the same margin (a form leaves
room to write between its rows; a paragraph does not). A paragraph's last line
may be short ("the date my coverage begins."): it ends a sentence, set solid
under a line of running text from the same margin.
"""

from __future__ import annotations

from intake.parsers.labels import LabelHit
from intake.parsers.layout import PageLayout, Row

__all__ = ["in_a_paragraph", "ends_a_sentence"]

_LINE_WORDS = 10  # words a line of running text holds at least (two captions run together hold fewer)
_LOWER_WORDS = 5  # ... of them lower-case words
_LEADING_EM = 0.6  # the most room between two lines of one paragraph (set solid), in text heights; a form leaves a line
_MARGIN_EM = 1.5  # lines of one paragraph start this close to one another (an indent, a slip of the scan)


def _running_text(layout: PageLayout, chunk: list[int]) -> bool:
    words = [layout.word(i).text.strip(".,;:!?()[]\"'") for i in chunk]
    lower = [w for w in words if len(w) >= 2 and w.isalpha() and w.islower()]
    return len(chunk) >= _LINE_WORDS and len(lower) >= _LOWER_WORDS


def ends_a_sentence(layout: PageLayout, chunk: list[int]) -> bool:
    """The words end a sentence: a lower-case word of three letters or more and a full stop ("begins."), not an
    abbreviation ("Apt.", "No.", "Init.")."""
    last = layout.word(chunk[-1]).text.strip()
    word = last.rstrip(".!?").rstrip(")]\"'")  # "... authorized under State law)."
    return last.endswith((".", "!", "?")) and len(word) >= 3 and word.isalpha() and word.islower()


def _running_chunks(layout: PageLayout, row: Row) -> list[list[int]]:
    return [chunk for chunk in layout.chunks(row) if _running_text(layout, chunk)]


def _same_margin(layout: PageLayout, a: list[int], b: list[int]) -> bool:
    """Two lines of one paragraph start at its margin (a question beside a caption starts elsewhere)."""
    return abs(layout.union_box(a).left - layout.union_box(b).left) <= _MARGIN_EM * layout.em


def in_a_paragraph(layout: PageLayout, hit: LabelHit) -> bool:
    """The label's words stand in a line of running text with another such line set close above or below it.

    A label whose colon ends its line ("... choose a primary care physician (PCP), clinic or health center:")
    asks for the answer under it, paragraph or not.
    """
    first = hit.indices[0]
    if first not in layout.row_of:
        return False
    index = layout.row_of[first]
    row = layout.rows[index]
    mine = next((chunk for chunk in layout.chunks(row) if first in chunk), None)
    if mine is None:
        return False
    if not _running_text(layout, mine):
        return _last_line(layout, index, mine)
    if layout.word(hit.indices[-1]).text.rstrip().endswith(":") and mine[-1] == hit.indices[-1]:
        return False
    for near in (index - 1, index + 1):
        if not 0 <= near < len(layout.rows):
            continue
        other = layout.rows[near]
        room = max(other.top - row.bottom, row.top - other.bottom)
        if room > _LEADING_EM * layout.em:
            continue
        if any(_same_margin(layout, mine, chunk) for chunk in _running_chunks(layout, other)):
            return True
    return False


def _last_line(layout: PageLayout, index: int, mine: list[int]) -> bool:
    """A short line ending a sentence, set solid under a line of running text from the same margin: the
    paragraph's last line."""
    if index == 0 or not ends_a_sentence(layout, mine):
        return False
    above, row = layout.rows[index - 1], layout.rows[index]
    if row.top - above.bottom > _LEADING_EM * layout.em:
        return False
    return any(_same_margin(layout, mine, chunk) for chunk in _running_chunks(layout, above))
