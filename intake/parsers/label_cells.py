"""Labels printed as a block in a table's label column, their value in the cell to the right.

Table forms give each label a (often shaded) cell of its own on the left and the value the
white cell right of it: "Surname / Apellido | KLEIN". The label may run onto more lines
in its cell ("Date of birth / (MM/DD/YYYY) / Fecha de nacimiento"), and the value is
written in the middle of its cell's height, not on the label's first line. So:

- ``label_block``: the label with the lines of print right under it in its cell (a second
  language, a format hint, the rest of a long label). A line written in capitals, a line
  of another label, or a rule between them ends the block.
- ``join_stacked_labels``: a label broken over two lines of its cell ("National Producer /
  Number (NPN)", "Writing agent / / broker name") is one label, of the kind its whole
  wording names, not two labels of the kinds each line's words suggest.
- ``value_cell``: where the next cell starts when the label is alone in its own cell (a
  border right of it, and nothing written in the cell beside or under the label): its
  value can only be across that border. A label that shares its cell with its value
  (a small label at a cell's top, the value under it) keeps its value in its cell.
"""

from __future__ import annotations

import re
from dataclasses import replace

from intake.ocr.page_text import Box
from intake.parsers.label_keywords import classify_words, tokens_of
from intake.parsers.labels import LabelHit
from intake.parsers.layout import PageLayout, Row, is_filler
from intake.parsers.paragraphs import ends_a_sentence

__all__ = ["first_line_top", "join_stacked_labels", "label_block", "stacked_print_block", "value_cell"]

_MOST_LINES = 3  # lines of print a label's block may add under the label
_LINE_GAP_EM = 0.9  # a block's lines are set this close (text heights between one line and the next)


def _print_line(layout: PageLayout, indices: list[int]) -> bool:
    """Printed label wording, not writing (which forms ask for in capitals): lower-case letters (a
    translation, the rest of a sentence-case label) and no digits, or a bracketed hint."""
    texts = [layout.word(i).text.strip() for i in indices]
    joined = " ".join(texts)
    if not any(ch.isalpha() for ch in joined):
        return False
    bracketed = joined.startswith(("(", "{", "[")) and joined.rstrip(":;.,").endswith((")", "}", "]"))
    if bracketed:
        return True
    if any(ch.isdigit() for ch in joined):
        return False
    # print is set in lower case or Title case (acronyms in capitals); OCR of handwriting mixes them ("wooD")
    cased = all(_PRINT_CASE.fullmatch(t) for t in (re.sub(r"[^A-Za-zÀ-ÿ]", "", t) for t in texts) if t)
    return cased and sum(ch.islower() for ch in joined) >= 2


_PRINT_CASE = re.compile(r"[A-ZÀ-Þ]?[a-zß-ÿ]+|[A-ZÀ-Þ]+")


def _line_at_left(layout: PageLayout, row: Row, left: float, right: float) -> list[int]:
    """The words of ``row`` that start near ``left`` and run on at word spacing, up to ``right``."""
    words = [i for i in row.indices if not is_filler(layout.word(i).text) and i not in layout.tall]
    start = next((k for k, i in enumerate(words) if abs(layout.word(i).box.left - left) <= 1.2 * layout.em), None)
    if start is None:
        return []
    line = [words[start]]
    for i in words[start + 1 :]:
        if layout.word(i).box.left >= right or layout.gap(line[-1], i) > 1.2 * layout.em:
            break
        line.append(i)
    return line


def _line_end(layout: PageLayout, hit: LabelHit) -> float:
    """Where the label's line of print ends (its bracketed hint and further words included)."""
    row = layout.rows[layout.row_of[hit.indices[-1]]]
    chunk = next((c for c in layout.chunks(row) if hit.indices[-1] in c), list(hit.indices))
    return float(layout.word(chunk[-1]).box.right)


def _line_at_right(layout: PageLayout, row: Row, left: float, end: float) -> list[int]:
    """The words of ``row`` that end near ``end`` and run back at word spacing, not left of ``left``: the next
    line of a label set flush right in its cell ("Medicare ID (MBI) from | your card")."""
    words = [i for i in row.indices if not is_filler(layout.word(i).text) and i not in layout.tall]
    last = next((k for k, i in enumerate(words) if abs(layout.word(i).box.right - end) <= 1.2 * layout.em), None)
    if last is None:
        return []
    line = [words[last]]
    for i in reversed(words[:last]):
        if layout.word(i).box.left < left - layout.em or layout.gap(i, line[0]) > 1.2 * layout.em:
            break
        line.insert(0, i)
    return line


def label_block(layout: PageLayout, hit: LabelHit, labels: list[LabelHit]) -> tuple[Box, list[int]]:
    """The label's box grown over the print lines right under it in its cell, and those lines' words."""
    other_labels = {i for other in labels if other.kind != hit.kind for i in other.indices}
    block = hit.box
    # the label's lines start where its cell's words do ("Coverage" of "Coverage effective date you")
    left = hit.chunk_left if hit.chunk_left and 0 < hit.box.left - hit.chunk_left < 12 * layout.em else hit.box.left
    added: list[int] = []
    lines = 0
    row_index = layout.row_of[hit.indices[-1]]
    for row in layout.rows[row_index + 1 :]:
        if lines >= _MOST_LINES or row.top - block.bottom > _LINE_GAP_EM * layout.em:
            break
        if row.centre < block.bottom:
            continue  # a row sharing the label's line (a taller value beside it)
        line = _line_at_left(layout, row, left, hit.box.right + 12 * layout.em) or _line_at_right(
            layout, row, left, _line_end(layout, hit))
        if not line and not layout.in_span(row, left - layout.em, block.right):
            continue  # a row only beside the block: the value, written a little lower than the label
        if not line or not _print_words(layout, line):
            break
        if any(i in other_labels for i in line):
            break  # the next label (the same label again in another language, "Domicilio permanente", is the block's)
        box = layout.union_box(line)
        if layout.floor_between(block, box, lids=True) or layout.wall_between(block, box) and box.left > block.right:
            break  # (a line typed in the entry box under the label is its value, not its print: "Barbara Nowak")
        block = block.union(box)
        added.extend(line)
        lines += 1
    return block, added


def _walls_right_of(layout: PageLayout, block: Box, x: float) -> list[Box]:
    """Cell borders right of ``x`` standing beside ``block`` (over half its height), nearest first."""
    em = layout.em
    return sorted(
        (r for r in layout.rules
         if r.height >= 2.0 * em and r.height >= 3 * r.width and r.center[0] > x
         and min(r.bottom, block.bottom) - max(r.top, block.top) >= 0.5 * block.height),
        key=lambda r: r.center[0],
    )


def _print_under(layout: PageLayout, index: int) -> bool:
    """Word ``index`` stands in a line of print (a label's further line, the next row's label)."""
    row = layout.rows[layout.row_of[index]]
    return _print_words(layout, next(c for c in layout.chunks(row) if index in c))


def _print_words(layout: PageLayout, chunk: list[int]) -> bool:
    """A line of print, not a value OCR read in lower case ("wl" for a written WI): one word must be a
    Title Case word ("Apellido", "City" read "Cis") or a bracketed hint; more words, print (``_print_line``)."""
    if len(chunk) == 1:
        text = layout.word(chunk[0]).text.strip(".,:;")
        titled = len(text) >= 3 and text.isalpha() and text[0].isupper() and text[1:].islower()
        return titled or (text.startswith(("(", "{", "[")) and _print_line(layout, chunk))
    return _print_line(layout, chunk)


def _speck(text: str) -> bool:
    """OCR of a speck or a stub of a rule ("-o", "'"): one lower-case letter or less, no digit or capital."""
    alnum = [ch for ch in text if ch.isalnum()]
    return len(alnum) <= 1 and not any(ch.isdigit() or ch.isupper() for ch in alnum)


def value_cell(layout: PageLayout, block: Box, words_of_block: set[int]) -> tuple[float, float] | None:
    """The left and right edges of the cell right of a label alone in its cell, or None when it is not alone.

    Alone: a cell border stands right of the block, nothing is written between the block and
    that border, and nothing under the block before the cell's floor (or within a few lines).
    """
    em = layout.em
    walls = _walls_right_of(layout, block, block.right - 0.1 * em)
    if not walls:
        return None
    wall = walls[0]
    floors = [
        r for r in layout.rules
        if r.width >= 3 * r.height and r.center[1] > block.bottom - 0.2 * em
        and min(r.right, wall.center[0]) - max(r.left, block.left) >= 0.5 * (wall.center[0] - block.left)
    ]
    floor = min((r.center[1] for r in floors), default=block.bottom + 3 * em)
    # the label's own cell starts at the border left of it (the label may be the end of its cell's words)
    behind = [r.right for r in layout.rules
              if r.height >= 2.0 * em and r.height >= 3 * r.width and r.center[0] < block.left
              and min(r.bottom, block.bottom) - max(r.top, block.top) >= 0.5 * block.height]
    cell_left = max(behind, default=0.0)
    for i, word in enumerate(layout.text.words):
        if i in words_of_block or i in layout.tall or is_filler(word.text):
            continue
        box = word.box
        if not (cell_left <= box.center[0] < wall.center[0]):
            continue
        beside = box.left >= block.right - 0.2 * em and min(box.bottom, block.bottom) - max(box.top, block.top) > 0
        under = block.bottom - 0.2 * em <= box.top and box.center[1] < floor
        if (beside or under) and not _speck(word.text) and not (under and _print_under(layout, i)):
            return None  # writing in the label's own cell (more lines of print under it are the label's)
    further = [r for r in walls[1:] if r.left > wall.right + em]
    return float(wall.right), float(further[0].left) if further else float(layout.text.width)


_MOST_LABEL_WORDS = 5  # words on a label's first line, when it goes on in the line under it


def _label_line(layout: PageLayout, chunk: list[int]) -> bool:
    """A short line of print with no colon and no digits: the first line of a label broken in two."""
    texts = [layout.word(i).text.strip() for i in chunk]
    if ends_a_sentence(layout, chunk):
        return False  # "the date my coverage begins.": a paragraph's last line, not a label's first
    return (len(chunk) <= _MOST_LABEL_WORDS and not texts[-1].endswith((":", ";"))
            and not any(ch.isdigit() for t in texts for ch in t) and any(ch.islower() for t in texts for ch in t))


def _next_line_at_left(layout: PageLayout, row_index: int, top: Box) -> list[int] | None:
    """The chunk starting at ``top``'s left (or, set flush right, ending at its right) on the next line under
    it, passing over a row that is only beside it (a value written a little lower); None when something else
    comes first."""
    em = layout.em
    for row in layout.rows[row_index + 1 :]:
        if row.centre <= top.bottom:
            continue
        if row.top - top.bottom > _LINE_GAP_EM * em:
            return None
        chunks = layout.chunks(row)
        lower = next((c for c in chunks if abs(layout.word(c[0]).box.left - top.left) <= 1.2 * em), None)
        # a label column set flush right ("Account / type (circle)"): the lines end together
        lower = lower or next((c for c in chunks if abs(layout.word(c[-1]).box.right - top.right) <= 1.2 * em
                               and layout.word(c[0]).box.left < top.left), None)
        if lower is not None:
            return lower
        if layout.in_span(row, top.left - em, top.right):
            return None
    return None


_WHOLE_LABEL = 90.0  # a label matched this well by its wording is whole on its line


def _a_whole_label_on_each(joined: list[LabelHit], upper: list[int], lower: list[int]) -> bool:
    """Each line is one label of its own kind, matched by its wording, not by a key word ("National Producer"
    over "Number (NPN)" is one label in two lines)."""
    def whole(line: list[int]) -> LabelHit | None:
        hits = [h for h in joined if set(h.indices) <= set(line)]
        return hits[0] if len(hits) == 1 and hits[0].score >= _WHOLE_LABEL else None
    top, bottom = whole(upper), whole(lower)
    return top is not None and bottom is not None and top.kind != bottom.kind


def _named_with_the_line_above(hit: LabelHit, upper: list[int], lower: list[int], layout: PageLayout) -> bool:
    """The label found on the lower line needs the upper line's words to name its kind ("Account / type
    (circle)": "type" alone names nothing the key words know): the upper line is the label's first."""
    return not set(hit.indices) & set(upper) and classify_words(tokens_of(layout.word(i).text for i in lower)) is None


def join_stacked_labels(layout: PageLayout, hits: list[LabelHit]) -> list[LabelHit]:
    """Labels printed over two lines of a cell, joined into one of the kind the whole wording names.

    The upper line is short print without a colon; the lower line starts at its left, tight under
    it, in print. Their words together must name one kind by key words, and that changes what was
    found: a line with no label of its own, or two labels of other kinds ("National Producer" read as
    the agent's name over "Number (NPN)"), or the same label twice ("Writing agent /" over "broker
    name"). A label whose lower line only goes on in its own kind is left as it is.
    """
    out = list(hits)
    for n, row in enumerate(layout.rows[:-1]):
        for upper in layout.chunks(row):
            if not _label_line(layout, upper):
                continue
            top = layout.union_box(upper)
            lower = _next_line_at_left(layout, n, top)
            if lower is None or len(lower) > _MOST_LABEL_WORDS + 1 or not _print_line(layout, lower):
                continue  # a sentence under a word is an instruction, not the rest of a label
            if layout.floor_between(top, layout.union_box(lower), lids=True):
                continue  # a cell's floor, or the lid of the entry box the line is typed in ("River City Insurance")
            kind = classify_words(tokens_of(layout.word(i).text for i in upper + lower))
            words = set(upper) | set(lower)
            joined = [h for h in out if words.intersection(h.indices)]
            if kind is None or any(not words.issuperset(h.indices) for h in joined):
                continue
            if len(joined) == 1 and joined[0].kind == kind and not _named_with_the_line_above(joined[0], upper, lower, layout):
                continue  # the label, and print going on under it: the label's block
            if _a_whole_label_on_each(joined, upper, lower):
                continue  # "Agent name" over "Agent NPN", "Agent NPN" over "Agency": two rows, not one label
            ids = tuple(upper + lower)
            base = joined[0] if joined else LabelHit(kind=kind, page=layout.page, indices=ids, box=top, score=80.0,
                                                     at_chunk_start=True, colon=False, chunk_len=len(upper))
            merged = replace(base, kind=kind, indices=ids, box=layout.union_box(list(ids)), chunk_left=top.left,
                             colon=layout.word(ids[-1]).text.rstrip().endswith(":"), at_chunk_start=True)
            out = [h for h in out if h not in joined] + [merged]
    return out


def first_line_top(layout: PageLayout, hit: LabelHit) -> int:
    """The top of the label's first line: a question in a cell may name its field only on a later
    line ("How do you want to / pay your premium? / (mark one)"), and what it asks starts above."""
    em = layout.em
    top = layout.union_box(list(hit.indices))
    left = hit.chunk_left or top.left
    taken = set(hit.indices)
    for _ in range(_MOST_LINES - 1):
        # the line above at the label's left (a row may also hold options or values set beside it)
        lines = [c for r in layout.rows if r.centre < top.bottom for c in layout.chunks(r)
                 if not taken.intersection(c) and abs(layout.word(c[0]).box.left - left) <= 1.2 * em]
        lines = [c for c in lines if 0 <= top.top - layout.union_box(c).bottom + 0.3 * em <= (_LINE_GAP_EM + 0.3) * em]
        if not lines:
            break
        line = max(lines, key=lambda c: layout.union_box(c).top)
        if not _label_line(layout, line) or layout.word(line[-1]).text.rstrip().endswith((".", "?", "!")):
            break
        box = layout.union_box(line)
        if layout.floor_between(box, top):
            break
        top = box.union(top)
        taken.update(line)
    return top.top


def stacked_print_block(layout: PageLayout, hit: LabelHit, others: set[int] = frozenset()) -> Box:
    """The label grown over the rest of its line and the lines of print stacked under it in its own column
    (set flush left or flush right), word by word, up to another label's words (``others``). Unlike
    ``label_block`` it does not go by the page's rows: a hand's writing beside such a label can knot them."""
    em, print_height = layout.em, max(layout.word(i).box.height for i in hit.indices)
    block = hit.box
    row = layout.rows[layout.row_of[hit.indices[-1]]]
    previous = hit.indices[-1]
    for i in row.indices:  # the rest of the label's line of print ("Home address | (street —")
        word = layout.word(i)
        if word.box.left <= hit.box.right or i in hit.indices or i in others:
            continue
        if layout.gap(previous, i) > 1.2 * em or word.box.height > 1.15 * print_height:
            break
        block, previous = block.union(word.box), i
    while True:
        under = [w.box for k, w in enumerate(layout.text.words)
                 if block.bottom - 0.3 * em <= w.box.top <= block.bottom + 0.8 * em and w.box.height <= 1.3 * print_height
                 and w.box.left >= block.left - em and w.box.right <= block.right + em and w.box.height >= 0.5 * em
                 and k not in others]
        if any(k in others for k, w in enumerate(layout.text.words)
               if block.bottom - 0.3 * em <= w.box.top <= block.bottom + 0.8 * em
               and w.box.left >= block.left - em and w.box.right <= block.right + em):
            return block  # the next label stands under this one: its lines end here
        grown = block
        for box in under:
            grown = grown.union(box)
        if grown == block or grown.bottom <= block.bottom:
            return block
        block = grown
