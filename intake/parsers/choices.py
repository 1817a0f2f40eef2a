"""Multiple-choice fields: which ticked box means what.

Each checkbox is read with its option text (the words just right of it, or
left of it when nothing is to the right). A choice field looks at the boxes
whose option text names one of its options, optionally only near a question
(the "Sex" label, a line mentioning "dental"). One ticked option gives the
value; two ticked options, or a box with too little ink to be sure, put the
field up for review.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rapidfuzz import fuzz

from intake.ocr.page_text import Box
from intake.parsers.checkboxes import CHECKED_AT, Checkbox
from intake.parsers.labels import clean_token
from intake.parsers.layout import PageLayout, is_filler

__all__ = [
    "Option", "read_options", "Choice", "decide", "ticked_unread_of_pair", "sex_of", "method_of", "account_type_of",
    "yes_no_of", "PLAN_ID",
]

PLAN_ID = re.compile(r"\b([HRS])\s?(\d{4})\s?[-–]\s?(\d{3})\b")


@dataclass(frozen=True)
class Option:
    """A checkbox and the text printed beside it."""

    checkbox: Checkbox
    indices: tuple[int, ...]  # option words on the page
    text: str
    conf: float

    @property
    def page(self) -> int:
        return self.checkbox.page

    @property
    def box(self) -> Box:
        return self.checkbox.box


def _same_row(layout: PageLayout, box: Box, i: int) -> bool:
    word = layout.word(i).box
    centre = word.top + word.height / 2
    return box.top - 0.4 * layout.em <= centre <= box.bottom + 0.4 * layout.em


def read_options(layout: PageLayout, boxes: list[Checkbox], box_words: set[int]) -> list[Option]:
    """Each checkbox with its option words: to the right up to the next box or a wide gap, else to the left."""
    words = layout.text.words
    options: list[Option] = []
    for cb in boxes:
        row = [i for i in range(len(words)) if i not in box_words and _same_row(layout, cb.box, i)]
        row.sort(key=lambda i: words[i].box.left)
        next_box = min((o.box.left for o in boxes if o is not cb and o.box.left > cb.box.right
                        and abs(o.box.center[1] - cb.box.center[1]) < layout.em), default=float(layout.text.width))
        picked: list[int] = []
        edge = cb.box.right
        for i in row:
            box = words[i].box
            if box.left < cb.box.right - 0.3 * layout.em or box.left >= next_box:
                continue
            if box.left - edge > (2.0 if picked else 2.5) * layout.em:
                break
            if is_filler(words[i].text):
                continue
            picked.append(i)
            edge = box.right
        if not picked:
            prev_box = max((o.box.right for o in boxes if o is not cb and o.box.right < cb.box.left
                            and abs(o.box.center[1] - cb.box.center[1]) < layout.em), default=0.0)
            left = [i for i in row if words[i].box.right <= cb.box.left + 0.3 * layout.em and words[i].box.left > prev_box]
            run: list[int] = []
            edge = cb.box.left
            for i in reversed(left):
                if edge - words[i].box.right > 2.0 * layout.em:
                    break
                run.insert(0, i)
                edge = words[i].box.left
            picked = run
        if not picked:
            # A box alone in its column ("Mark | Plan name | Contract-PBP"): the row's first words right of it.
            picked = _first_words_right(layout, row, cb, next_box)
        text = " ".join(words[i].text for i in picked)
        conf = min((words[i].conf for i in picked), default=0.0)
        options.append(Option(checkbox=cb, indices=tuple(picked), text=text, conf=conf))
    return options


def _first_words_right(layout: PageLayout, row: list[int], cb: Checkbox, next_box: float) -> list[int]:
    words = layout.text.words
    picked: list[int] = []
    edge = cb.box.right
    for i in row:
        box = words[i].box
        if box.left < cb.box.right or box.left >= next_box or is_filler(words[i].text):
            continue
        if box.left - edge > (2.0 if picked else 12.0) * layout.em:
            break
        picked.append(i)
        edge = box.right
    # option text starts with a word ("Aspirus Advantage ..."), never with a number written in a field
    return picked if picked and words[picked[0]].text.strip()[:1].isalpha() else []


@dataclass(frozen=True)
class Choice:
    """The outcome of one multiple-choice field."""

    value: object
    confidence: float
    needs_review: bool
    note: str | None
    option: Option


def decide(options: list[Option], meaning: Callable[[str], object | None]) -> Choice | None:
    """The value of the ticked option among those ``meaning`` recognises; None if none is ticked."""
    relevant = [(o, meaning(o.text)) for o in options]
    relevant = [(o, v) for o, v in relevant if v is not None]
    if not relevant:
        return None
    ticked = [(o, v) for o, v in relevant if o.checkbox.checked]
    unsure = [o for o, _ in relevant if o.checkbox.unsure]
    if not ticked:
        if unsure:
            o = max(unsure, key=lambda o: o.checkbox.fill)
            return Choice(None, 0.3, True, "checkbox_unsure", o)
        return None
    values = {v for _, v in ticked}
    best, value = max(ticked, key=lambda ov: ov[0].checkbox.fill)
    if len(values) > 1:
        return Choice(value, 0.4, True, "several_boxes_checked", best)
    margin = min(1.0, (best.checkbox.fill - CHECKED_AT) / CHECKED_AT)
    confidence = min(0.99, 0.85 + 0.14 * margin) * max(0.6, min(1.0, best.conf + 0.1))
    doubtful = bool([o for o in unsure if o is not best]) or best.checkbox.unsure
    return Choice(value, round(confidence, 3), doubtful, "checkbox_unsure" if doubtful else None, best)


def ticked_unread_of_pair(options: list[Option], meaning: Callable[[str], object | None],
                          pair: tuple[object, object]) -> Choice | None:
    """The other answer of a two-answer question whose ticked box's words went unread.

    A mark or a stamp over the words beside a box can leave them unread ("" or "oF"): when one
    answer of the pair was read, unticked, and the one other box on its row is ticked with words
    that say nothing, that box is the other answer, for a person to confirm.
    """
    known = [(o, v) for o in options if (v := meaning(o.text)) is not None]
    if len(known) != 1 or known[0][0].checkbox.checked or known[0][1] not in pair:
        return None
    read, value = known[0]
    size = max(read.box.height, 1)
    others = [
        o for o in options
        if o is not read and o.page == read.page and meaning(o.text) is None
        and abs(o.box.center[1] - read.box.center[1]) < 0.5 * size and abs(o.box.left - read.box.left) < 12 * size
    ]
    if len(others) != 1 or not others[0].checkbox.checked:
        return None
    other = pair[1] if value == pair[0] else pair[0]
    return Choice(other, 0.5, True, "option_text_unread", others[0])


def _tokens(text: str) -> list[str]:
    return [t for t in (clean_token(w) for w in text.split()) if t]


def _has(tokens: list[str], word: str, cutoff: float = 80) -> bool:
    return any(fuzz.ratio(t, word) >= cutoff for t in tokens)


def sex_of(text: str) -> str | None:
    tokens = _tokens(text)
    if not tokens:
        return None
    first = tokens[0]
    exact = {"f": "F", "female": "F", "woman": "F", "m": "M", "male": "M", "man": "M"}
    if first in exact:
        return exact[first]
    # "male" is four letters of "female": compare with both and take the closer one.
    female, male = fuzz.ratio(first, "female"), fuzz.ratio(first, "male")
    if max(female, male) >= 75 and female != male:
        return "F" if female > male else "M"
    return None


def method_of(text: str) -> str | None:
    """bill / eft / ssa / rrb from an option's wording."""
    tokens = _tokens(text)
    joined = " ".join(tokens)
    if "rrb" in tokens or (_has(tokens, "railroad") and _has(tokens, "retirement")):
        return "rrb"
    if _has(tokens, "social") and _has(tokens, "security") or "ssa" in tokens or "ss" in tokens:
        return "ssa"
    if "eft" in tokens or _has(tokens, "electronic") or "funds transfer" in joined or _has(tokens, "bank") \
            or "automatic withdrawal" in joined or "auto pay" in joined or "autopay" in tokens:
        return "eft"
    if _has(tokens, "bill") or _has(tokens, "invoice") or _has(tokens, "coupon") or _has(tokens, "statement") \
            or "pay by check" in joined or "monthly bill" in joined:
        return "bill"
    return None


def account_type_of(text: str) -> str | None:
    tokens = _tokens(text)
    if not tokens:
        return None
    if fuzz.ratio(tokens[0], "checking") >= 75:
        return "checking"
    if fuzz.ratio(tokens[0], "savings") >= 75 or fuzz.ratio(tokens[0], "saving") >= 75:
        return "savings"
    return None


_NEGATIVE = {"no", "not", "dont", "decline", "without", "none"}


def yes_no_of(text: str) -> bool | None:
    """True for "Yes ..." options, False for "No ..."/"I decline ..." ones."""
    tokens = _tokens(text)
    if not tokens:
        return None
    if tokens[0] in ("yes", "y"):
        return True
    if tokens[0] in _NEGATIVE or (len(tokens) > 1 and tokens[0] == "i" and tokens[1] in _NEGATIVE):
        return False
    return None
