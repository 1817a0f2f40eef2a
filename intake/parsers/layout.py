"""Page layout: visual rows of words, gaps, and where a label's value sits.

A form puts a value to the right of its label (``Last name: OLSON``), on the
row below it (label at the top of a cell, value under it), or far to the right
across a wide gap in a two-column layout. Everything here is relative to the
page's own text height, never to pixel positions of one template, so the same
rules hold at 100 dpi fax and 300 dpi scans.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from statistics import median

from intake.ocr.page_text import Box, PageText, Word

__all__ = ["Row", "PageLayout", "is_filler", "is_item_number", "split_glued_labels", "in_brackets", "page_furniture"]

# Words that are only underline/leader characters or box borders carry no value.
_FILLER = re.compile(r"^[_\-\u2014\u2013.:|\[\]{}()~=*•·]+$")


# "NPN:23130593", "Phone:715-555": a label OCR read as one word with its value.
_GLUED = re.compile(r"^([A-Za-z#][A-Za-z#.'/()]{1,24}:)([^:\s]+)$")


def split_glued_labels(text: PageText) -> PageText:
    """Split each word that is a label glued to its value at the colon into two words, the box
    divided by character count, so the label and the value are found as if OCR had seen the gap."""
    words: list[Word] = []
    changed = False
    for word in text.words:
        match = _GLUED.match(word.text)
        if match is None:
            words.append(word)
            continue
        label, value = match.groups()
        cut = round(word.box.width * len(label) / len(word.text))
        box = word.box
        words.append(word.model_copy(update={"text": label, "box": box.model_copy(update={"width": max(1, cut)})}))
        words.append(word.model_copy(update={
            "text": value,
            "box": box.model_copy(update={"left": box.left + cut, "width": max(1, box.width - cut)}),
        }))
        changed = True
    return text.model_copy(update={"words": tuple(words)}) if changed else text


def in_brackets(words, indices) -> set[int]:
    """Which of ``indices`` (one line's words, left to right) lie inside round brackets, the words
    holding the brackets included: "(from your ... card)", "(home)"."""
    inside: set[int] = set()
    depth = 0
    for i in indices:
        text = words[i].text
        if text.startswith("("):
            depth += 1
        if depth:
            inside.add(i)
        if text.rstrip(":;,.*").endswith(")"):
            depth = max(0, depth - 1)
    return inside


# A form's item number: "6", "20.", "(3)", "16a", "10," or a letter with its mark ("b.", "c)").
_ITEM_NUMBER = re.compile(r"^\(?(\d{1,2}[a-h]?[.),]?|[a-hA-H][.)])$")


def is_item_number(text: str, *, marked: bool = False) -> bool:
    """The number (or letter) a form prints before an item: "6.", "20", "16a", "b)". ``marked``: only
    one printed with its mark ("6.", "10,", "b)"), as numbered questions are; a bare "18" also starts
    a claim-form box."""
    text = text.strip()
    return bool(_ITEM_NUMBER.match(text)) and (not marked or text.endswith((".", ")", ",")))


def is_filler(text: str) -> bool:
    """An underline, leader dots, a lone colon or a box border read as text."""
    return bool(_FILLER.match(text.strip())) or not text.strip()


_DEEPEST_BOX_EM = 8.0  # an entry box this deep still closes under its words (a signature's or its date's)


@dataclass
class Row:
    """Words that share one visual line, left to right (indices into the page's words)."""

    indices: list[int]
    top: float
    bottom: float

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass
class PageLayout:
    """One page's words grouped into visual rows, with its typical text height."""

    page: int
    text: PageText
    rows: list[Row]
    em: float  # median word height: the unit for every distance on the page
    row_of: dict[int, int] = field(default_factory=dict)  # word index -> row index
    tall: set[int] = field(default_factory=set)  # words far taller than text: scribbles, borders, never values
    rules: tuple[Box, ...] = ()  # printed rules (underlines, cell borders) found on the image, if any

    @classmethod
    def build(cls, text: PageText, rules: tuple[Box, ...] = ()) -> "PageLayout":
        words = text.words
        heights = [w.box.height for w in words if not is_filler(w.text)] or [20]
        em = max(8.0, float(median(heights)))
        order = sorted(range(len(words)), key=lambda i: (words[i].box.top + words[i].box.height / 2))
        rows: list[Row] = []
        tall: set[int] = set()
        for i in order:
            box = words[i].box
            if box.height > 2.5 * em and not _tall_text(words[i], em) and not _in_box_row(box, rules, em):
                # A scribble or a box border read as one tall "word": it would glue lines together.
                tall.add(i)
                rows.append(Row(indices=[i], top=box.top, bottom=box.bottom))
                continue
            centre = box.top + box.height / 2
            placed = False
            # Compare with the last few rows only: rows are built top to bottom.
            for row in reversed([r for r in rows[-6:] if r.indices[0] not in tall]):
                # Same line: centres close, or mostly overlapping vertically (a taller
                # handwritten value sits on the label's baseline but reaches higher).
                overlap = min(row.bottom, box.bottom) - max(row.top, box.top)
                close = abs(row.centre - centre) <= 0.45 * em or overlap >= 0.6 * min(box.height, em)
                if close and not _collides(words, row, i):
                    row.indices.append(i)
                    row.top = min(row.top, box.top)
                    row.bottom = max(row.bottom, box.bottom)
                    placed = True
                    break
            if not placed:
                rows.append(Row(indices=[i], top=box.top, bottom=box.bottom))
        for row in rows:
            row.indices.sort(key=lambda i: words[i].box.left)
        rows.sort(key=lambda r: r.centre)
        row_of = {i: n for n, row in enumerate(rows) for i in row.indices}
        return cls(page=text.page, text=text, rows=rows, em=em, row_of=row_of, tall=tall, rules=tuple(rules))

    def word(self, index: int) -> Word:
        return self.text.words[index]

    def chunks(self, row: Row, gap_em: float = 1.6) -> list[list[int]]:
        """Split a row where the horizontal gap exceeds ``gap_em`` text heights."""
        out: list[list[int]] = []
        for i in row.indices:
            if out and self.word(i).box.left - self.word(out[-1][-1]).box.right <= gap_em * self.em:
                out[-1].append(i)
            else:
                out.append([i])
        return out

    def band(self, anchor: Box, row: Row | None = None) -> list[int]:
        """Words on the anchor's line: its row, plus words overlapping it vertically by half the smaller height."""
        picked = set(row.indices) if row is not None else set()
        for i, word in enumerate(self.text.words):
            box = word.box
            overlap = min(box.bottom, anchor.bottom) - max(box.top, anchor.top)
            if overlap >= 0.5 * min(box.height, anchor.height, self.em):
                picked.add(i)
        return sorted(picked, key=lambda i: self.word(i).box.left)

    def right_of(
        self,
        anchor: Box,
        *,
        row: Row,
        stop: set[int],
        limit_x: float,
        gap_em: float = 2.2,
        skip: set[int] | frozenset[int] = frozenset(),
    ) -> list[int]:
        """Words after ``anchor`` on its row, up to a stop word, ``limit_x`` or a wide gap.

        The first gap (label to value) may be any width, since two-column forms
        push values far right; once a value has started, a wide gap ends it.
        """
        picked: list[int] = []
        for i in self.band(anchor, row):
            box = self.word(i).box
            if box.left < anchor.right - 0.2 * self.em:
                continue
            if box.left >= limit_x:
                break
            if i in skip or i in self.tall or is_filler(self.word(i).text):
                continue
            if i in stop:
                break
            if picked and self.gap(picked[-1], i) > self.max_gap(picked[-1], i, gap_em):
                break
            if self.wall_between(anchor, box):
                break  # the next cell of a table: another field's text
            picked.append(i)
        return picked

    def wall_between(self, left: Box, right: Box) -> bool:
        """A cell border (a vertical rule taller than a text line) stands between two boxes on one row."""
        top, bottom = min(left.top, right.top), max(left.bottom, right.bottom)
        for rule in self.rules:
            if rule.height < 2.5 * self.em or rule.height < 3 * rule.width:
                continue
            if left.right - 0.1 * self.em < rule.center[0] < right.left + 0.1 * self.em:
                overlap = min(rule.bottom, bottom) - max(rule.top, top)
                if overlap >= 0.5 * (bottom - top):
                    return True
        return False

    def floor_between(self, upper: Box, lower: Box, *, lids: bool = False) -> bool:
        """A horizontal rule runs between a label and a row below it, across the row's words (a cell's floor);
        with ``lids``, also the lid of an entry box drawn around the row's words."""
        for rule in self.rules:
            if rule.width < 3 * rule.height or rule.width < 2 * self.em:
                continue
            if not (upper.bottom - 0.1 * self.em <= rule.center[1] <= lower.top + 0.1 * self.em):
                continue
            overlap = min(rule.right, lower.right) - max(rule.left, lower.left)
            if overlap >= 0.5 * lower.width and (lids or not self._boxed(rule, lower)):
                return True
        return False

    def entry_box_floor(self, label: Box) -> float | None:
        """The floor of the entry box drawn right under ``label`` (its lid within a line of the label, a rule with
        the lid's ends closing it up to 8 lines lower), or None."""
        em = self.em
        for lid in self.rules:
            if lid.width < 3 * lid.height or lid.width < 2 * em:
                continue
            if not (label.bottom - 0.1 * em <= lid.center[1] <= label.bottom + 1.2 * em):
                continue
            if not lid.left - em <= label.left <= lid.right:
                continue
            floors = [r.center[1] for r in self.rules if r is not lid and r.width >= 3 * r.height
                      and abs(r.left - lid.left) <= em and abs(r.right - lid.right) <= em
                      and 0 < r.center[1] - lid.center[1] <= _DEEPEST_BOX_EM * em]
            if floors:
                return min(floors)
        return None

    def in_entry_box(self, upper: Box, lower: Box) -> bool:
        """``lower``'s words are inside an entry box drawn under ``upper`` (its lid between them)."""
        return self.floor_between(upper, lower, lids=True) and not self.floor_between(upper, lower)

    def _boxed(self, top: Box, words: Box) -> bool:
        """``top`` is the lid of a box drawn around ``words`` (a comb or entry box), not a cell floor: a rule under
        the words closes it, tight around them, or deeper with the lid's own ends (a tall box to sign and date in)."""
        for rule in self.rules:
            if rule is top or rule.width < 3 * rule.height or rule.center[1] <= words.center[1]:
                continue
            overlap = min(rule.right, top.right) - max(rule.left, top.left)
            depth = rule.center[1] - top.center[1]
            if overlap >= 0.5 * min(rule.width, top.width) and depth <= 3.5 * max(words.height, self.em):
                return True
            same_ends = abs(rule.left - top.left) <= self.em and abs(rule.right - top.right) <= self.em
            if same_ends and depth <= _DEEPEST_BOX_EM * self.em:
                return True
        return False

    def gap(self, a: int, b: int) -> float:
        return self.word(b).box.left - self.word(a).box.right

    def max_gap(self, a: int, b: int, gap_em: float = 2.2) -> float:
        """The widest gap inside one value; wider between single characters (comb boxes)."""
        comb = len(self.word(a).text.strip()) == 1 and len(self.word(b).text.strip()) == 1
        return (4.0 if comb else gap_em) * self.em

    def rows_below(self, anchor: Box, max_em: float) -> list[Row]:
        """Rows whose top lies below the anchor, within ``max_em`` text heights."""
        return [
            r for r in self.rows if r.top >= anchor.bottom - 0.3 * self.em and r.top - anchor.bottom <= max_em * self.em
        ]

    def in_span(self, row: Row, left: float, right: float) -> list[int]:
        """Words of ``row`` lying mostly within the horizontal span."""
        out = []
        for i in row.indices:
            box = self.word(i).box
            overlap = min(box.right, right) - max(box.left, left)
            if overlap >= 0.5 * box.width:
                out.append(i)
        return out

    def union_box(self, indices: list[int]) -> Box:
        box = self.word(indices[0]).box
        for i in indices[1:]:
            box = box.union(self.word(i).box)
        return box


#: Print every page of a form carries, never an answer: "Page 1 of 2", "(Rev. 10/2026)", "please turn over".
_FURNITURE = re.compile(
    r"\bpage\s*\d{1,2}\s*(?:of|/)\s*\d{1,2}\b|\(?\brev[.:]?\s*\d{1,2}[/-]\d{2,4}\)?|\b(?:please\s+)?turn\s+over\b"
    r"|\bcontinued\s+on\s+(?:the\s+)?(?:next|back)\b|\bcontinue\s+on\s+(?:the\s+)?(?:next\s+|back\s+)?page\b",
    re.IGNORECASE,
)


def page_furniture(layout: PageLayout) -> set[int]:
    """Words of the chunks that hold a page's running print (a footer's page number, the form's revision,
    "please turn over"): a label's value is never looked for there."""
    words = layout.text.words
    out: set[int] = set()
    for row in layout.rows:
        for chunk in layout.chunks(row):
            if _FURNITURE.search(" ".join(words[i].text for i in chunk)):
                out.update(chunk)
    return out


def _tall_text(word: Word, em: float) -> bool:
    """A tall word that is still plain text: a large handwritten value OCR read with confidence
    ("ZIELINSKI" at three times the label height), not a scribble or a box border."""
    letters = sum(ch.isalnum() for ch in word.text)
    return word.conf >= 0.8 and letters >= 3 and letters == len(word.text.strip(".,")) and word.box.height <= 4 * em


def _in_box_row(box: Box, rules, em: float) -> bool:
    """A word as tall as the entry boxes it was written in (a comb's lid and floor are rules at its
    top and bottom): text read with the box borders, not a scribble."""
    def near(y: float) -> bool:
        return any(
            rule.width >= 3 * rule.height and abs(rule.center[1] - y) <= 1.2 * em
            and min(rule.right, box.right) - max(rule.left, box.left) >= 0.5 * box.width
            for rule in rules
        )
    return near(box.top) and near(box.bottom)


_BRACKET = re.compile(r"[()\[\]{}]")


def _collides(words: tuple[Word, ...], row: Row, index: int) -> bool:
    """A word overlapping another word horizontally cannot share its row (stacked lines); but a
    bracket OCR split off a word ("(abbr" + ")") overlaps it on the same line."""
    box = words[index].box
    bracket = _BRACKET.fullmatch(words[index].text.strip()) is not None
    for i in row.indices:
        other = words[i].box
        if bracket or _BRACKET.fullmatch(words[i].text.strip()):
            if min(other.bottom, box.bottom) - max(other.top, box.top) >= 0.5 * min(other.height, box.height):
                continue
        if min(other.right, box.right) - max(other.left, box.left) > 0.5 * min(other.width, box.width):
            return True
    return False
