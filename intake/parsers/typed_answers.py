"""Choices answered in words where a label's value goes.

A printout of an electronic enrollment has no boxes to tick: its table answers "Dental rider  Declined",
"Plan selected  Aspirus Advantage Plus (HMO-POS) (H5652-002)", "How will you pay your premium?  Withhold
from Social Security benefit". The words where the question's value goes (or the answer cell right of it,
up to the next question) are given to the field's meaning; a question whose answer cell is empty or says
so ("—", "Not provided") is known to be left blank.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from intake.parsers import normalize
from intake.parsers.candidates import REVIEW_BELOW, Candidate
from intake.parsers.checkboxes import Checkbox
from intake.parsers.label_keywords import KEY_WORD_SCORE
from intake.parsers.labels import LabelHit
from intake.parsers.layout import PageLayout
from intake.parsers.values import find_value

__all__ = ["AnswerPage", "typed_answer"]

_NO_BOXES_BELOW = 8.0  # text heights under a question in which boxes would be its answers


class AnswerPage(Protocol):
    """What a page read once gives: its layout, labels, the words no value may hold, its boxes."""

    layout: PageLayout
    labels: list[LabelHit]
    stop: set[int]
    checkboxes: list[Checkbox]


def typed_answer(questions: Iterable[tuple[LabelHit, AnswerPage]], path: str,
                 meaning: Callable[[str], object | None]) -> tuple[Candidate | None, bool]:
    """The first question's answer that means something, as a candidate for ``path``; and whether the field
    is located (answered, or a question's answer left blank)."""
    located = False
    for hit, p in questions:
        spot = find_value(p.layout, hit, p.labels, p.stop)
        for words in (list(spot.indices) if spot else [], _cell_beside(p, hit)):
            # specks and a table's rule read before the answer ("| 7. - Declined") are no part of it
            words = words[next((k for k, i in enumerate(words) if _letters(p.layout.word(i).text) >= 2),
                               len(words)):]
            if not words:
                continue
            read = [p.layout.word(i) for i in words]
            raw, conf = " ".join(w.text for w in read), min(w.conf for w in read)
            value = meaning(raw)
            if value is None:
                continue
            review = conf < REVIEW_BELOW or not hit.strong
            return Candidate(path, value, conf, review, None, raw, hit.page, p.layout.union_box(words)), True
        located = located or _answered_blank(p, hit)
    return None, located


def _answered_blank(p: AnswerPage, hit: LabelHit) -> bool:
    """A question whose answer cell is empty or says so ("—", "Not provided"), with no boxes under it to be
    answered in (a section title over a list of options is not left blank by an empty line beside it)."""
    cell = _cell_beside(p, hit)
    if cell and not normalize.is_placeholder(" ".join(p.layout.word(i).text for i in cell)):
        return False
    em = p.layout.em
    return not any(0 <= cb.box.top - hit.box.top <= _NO_BOXES_BELOW * em for cb in p.checkboxes)


def _letters(text: str) -> int:
    return sum(ch.isalpha() for ch in text)


def _cell_beside(p: AnswerPage, hit: LabelHit) -> list[int]:
    """The words right of a label on its line up to the next label, as a table's answer cell holds them, whether
    or not they read as a value ("Withhold from Social Security benefit", "Yes — add dental rider"); none when
    any is another answer's print (an option, an answer to circle)."""
    layout = p.layout
    chunks = layout.chunks(layout.rows[layout.row_of[hit.indices[-1]]])
    own = next(k for k, chunk in enumerate(chunks) if hit.indices[-1] in chunk)
    label_words = {i for h in p.labels for i in h.indices}
    # a label found by a key word alone in the answer's words ("Monthly invoice by MAIL") is the answer's
    worded = {i for h in p.labels if h.score > KEY_WORD_SCORE for i in h.indices}
    cell: list[int] = []
    for chunk in chunks[own + 1 :]:
        if chunk[0] in worded:
            break  # the next question on the line
        if any(i in p.stop and i not in label_words for i in chunk):
            return []
        cell += chunk
    return cell
