"""Multiple-choice fields: which ticked box means what.

Each checkbox is read with its option text: the words on the side the page
prints them (right of the box on most forms, left of it on forms that say "put
an X in the box after your answer"), else the words on the other side. A choice
field looks at the boxes whose option text names one of its options, optionally only near a question
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
from intake.parsers.glyphs import BOX_GLYPHS
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
    """Each checkbox with its option words: on the side the page prints them, else on the other side.

    Most forms print a box before its words ("[x] Male  [ ] Female"); some after them
    ("M [ ]  F [x]", "Put an X in the box after your answer", a plan chart whose boxes stand at the
    column's right edge). The page's side is the one most of its boxes have their nearest words on.
    """
    words = layout.text.words
    rows = {id(cb): sorted((i for i in range(len(words)) if i not in box_words and _same_row(layout, cb.box, i)),
                           key=lambda i: words[i].box.left) for cb in boxes}
    before = _words_before_boxes(layout, boxes, rows)
    glued = _glued_answers(layout, boxes, box_words)
    options: list[Option] = []
    for cb in boxes:
        row = rows[id(cb)]
        if not before and id(cb) in glued:
            i, answer = glued[id(cb)]
            rest = _words_right(layout, boxes, cb, [k for k in row if words[k].box.left > words[i].box.right])
            picked = [i] + rest
            text = " ".join([answer] + [words[k].text for k in rest])
            conf = min(words[k].conf for k in picked)
            options.append(Option(checkbox=cb, indices=tuple(picked), text=text, conf=conf))
            continue
        if before:
            picked = _words_left(layout, boxes, cb, row, wide=True) or _words_right(layout, boxes, cb, row)
        else:
            picked = _words_right(layout, boxes, cb, row) or _words_left(layout, boxes, cb, row, wide=False)
        if not picked:
            # A box alone in its column ("Mark | Plan name | Contract-PBP"): the row's first words right of it.
            picked = _first_words_right(layout, row, cb, _next_box(layout, boxes, cb))
        text = " ".join(words[i].text for i in picked)
        conf = min((words[i].conf for i in picked), default=0.0)
        options.append(Option(checkbox=cb, indices=tuple(picked), text=text, conf=conf))
    return options




def _glued_answers(layout: PageLayout, boxes: list[Checkbox], box_words: set[int]) -> dict[int, tuple[int, str]]:
    """Answers OCR read as one word with their box ("ONo", "©ONo", "OvYes"): the word starts over the box
    and runs on past it; the answer is the word without the characters the box takes of its width
    (one or two, and only characters a box is read as: "OOEP" is the bubble and "OEP")."""
    words = layout.text.words
    found: dict[int, tuple[int, str]] = {}
    for cb in boxes:
        for i, word in enumerate(words):
            b, text = word.box, word.text.strip()
            if i in box_words or len(text) < 3 or not (cb.box.left - 0.3 * layout.em <= b.left < cb.box.center[0]):
                continue
            if not (b.top < cb.box.center[1] < b.bottom) or b.right < cb.box.right + layout.em:
                continue
            share = (cb.box.right - b.left) / max(1, b.width)
            cut = min(2, max(1, int(len(text) * share + 0.5)))
            k = 0
            while k < cut and text[k] in BOX_GLYPHS:
                k += 1
            if k and text[k:][:1].isalnum():
                found[id(cb)] = (i, text[k:])
    return found


def _next_box(layout: PageLayout, boxes: list[Checkbox], cb: Checkbox) -> float:
    return min((o.box.left for o in boxes if o is not cb and o.box.left > cb.box.right
                and abs(o.box.center[1] - cb.box.center[1]) < layout.em), default=float(layout.text.width))


def _previous_box(layout: PageLayout, boxes: list[Checkbox], cb: Checkbox) -> float:
    return max((o.box.right for o in boxes if o is not cb and o.box.right < cb.box.left
                and abs(o.box.center[1] - cb.box.center[1]) < layout.em), default=0.0)


def _rule_between(layout: PageLayout, cb: Checkbox, x0: float, x1: float) -> float | None:
    """The x of a drawn vertical rule crossing the box's row between ``x0`` and ``x1`` (a column's edge)."""
    cy = cb.box.center[1]
    xs = [r.center[0] for r in layout.rules if r.height >= 3 * r.width and r.top <= cy <= r.bottom
          and min(x0, x1) < r.center[0] < max(x0, x1)]
    return (min(xs) if x1 > x0 else max(xs)) if xs else None


def _ends_a_question(text: str) -> bool:
    return text.rstrip().endswith((":", "?", ";", "’"))  # OCR reads some colons as ';' or '’' ("Gender’")


def _words_right(layout: PageLayout, boxes: list[Checkbox], cb: Checkbox, row: list[int]) -> list[int]:
    """Words right of the box up to the next box, a column's edge or a wide gap."""
    words = layout.text.words
    limit = min(_next_box(layout, boxes, cb), _rule_between(layout, cb, cb.box.right, layout.text.width) or 1e9)
    picked: list[int] = []
    edge = cb.box.right
    for i in row:
        box = words[i].box
        if box.left < cb.box.right - 0.3 * layout.em or box.left >= limit:
            continue
        if box.left - edge > (2.0 if picked else 2.5) * layout.em:
            break
        if is_filler(words[i].text):
            continue
        picked.append(i)
        edge = box.right
    return picked


_LEADER_BELOW = 0.5  # a word read with less confidence than this after a price may be its leader's dots


def _words_left(layout: PageLayout, boxes: list[Checkbox], cb: Checkbox, row: list[int], *, wide: bool) -> list[int]:
    """Words left of the box back to the previous box, a column's edge, a label or question ("Sex:",
    "coverage?") or a wide gap; ``wide``: the first word may stand far off (a box at the column's edge)."""
    words = layout.text.words
    limit = max(_previous_box(layout, boxes, cb), _rule_between(layout, cb, cb.box.left, 0) or 0.0)
    left = [i for i in row if words[i].box.right <= cb.box.left + 0.3 * layout.em and words[i].box.left > limit]
    run: list[int] = []
    edge = cb.box.left
    for i in reversed(left):
        # a price just before its box ("Aspirus Advantage Plus  H5652-002 ........ $38.00 [ ]"): its option is
        # the row's words, across a dotted leader however long, which OCR reads as dots or doubtful scraps
        # ("fees cee ee"), and across the gaps between the row's columns
        priced = bool(run) and not any(ch.isalpha() for ch in words[run[-1]].text)
        if priced and len(run) == 1 and (is_filler(words[i].text) or words[i].conf < _LEADER_BELOW):
            continue
        if edge - words[i].box.right > (2.0 if run or not wide else 24.0) * layout.em and not priced:
            break
        if _ends_a_question(words[i].text):
            break
        if is_filler(words[i].text) and not run:
            continue
        run.insert(0, i)
        edge = words[i].box.left
    return run


def _words_before_boxes(layout: PageLayout, boxes: list[Checkbox], rows: dict[int, list[int]]) -> bool:
    """Whether the page prints option words before their boxes: a clear majority of the boxes with words
    near them have their nearest words on the left."""
    words = layout.text.words
    votes = {"before": 0, "after": 0}
    for cb in boxes:
        row = rows[id(cb)]
        right = [words[i].box.left - cb.box.right for i in row if words[i].box.left >= cb.box.right - 0.3 * layout.em
                 and not is_filler(words[i].text)]
        left = [cb.box.left - words[i].box.right for i in row if words[i].box.right <= cb.box.left + 0.3 * layout.em
                and not is_filler(words[i].text)]
        gap_right, gap_left = min(right, default=1e9), min(left, default=1e9)
        if min(gap_right, gap_left) > 2.5 * layout.em:
            continue
        votes["before" if gap_left < gap_right else "after"] += 1
    return votes["before"] >= 3 and votes["before"] > 2 * votes["after"]


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


def unread_answer(options: list[Option], meaning: Callable[[str], object | None],
                  answers: frozenset) -> Choice | None:
    """A question none of whose read boxes is ticked while some of its ``answers`` have no box read: the
    mark may sit on the box that went unread ("Monthly statement" whose bracket a mark turned into
    "I"), so the blank answer is for a person to confirm, not a reading to vouch for."""
    read = [(o, v) for o in options if (v := meaning(o.text)) is not None]
    if not read or any(o.checkbox.checked for o, _ in read) or {v for _, v in read} >= answers:
        return None
    return Choice(None, 0.3, True, "option_unread", read[0][0])


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


def sex_of_misread_pair(options: list[Option]) -> Choice | None:
    """Two answer boxes by a "Sex" label whose words OCR garbled ("mme", "remae" for MALE, FEMALE): each read
    as the closer of the two words, when they come out one of each and one box is ticked. Reviewed."""
    if len(options) != 2 or any(sex_of(o.text) for o in options):
        return None
    firsts = [(_tokens(o.text) or [""])[0] for o in options]
    closer = ["F" if fuzz.ratio(t, "female") > fuzz.ratio(t, "male") else "M" for t in firsts]
    if set(closer) != {"F", "M"} or max(max(fuzz.ratio(t, "female"), fuzz.ratio(t, "male")) for t in firsts) < 50:
        return None
    ticked = [(o, v) for o, v in zip(options, closer) if o.checkbox.checked]
    if len(ticked) != 1:
        return None
    return Choice(ticked[0][1], 0.5, True, "option_text_guessed", ticked[0][0])


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


_NEGATIVE = {"no", "not", "dont", "decline", "declined", "declines", "waive", "waived", "without", "none"}


def yes_no_of(text: str) -> bool | None:
    """True for "Yes ..." options, False for "No ..."/"I decline ..." ones."""
    tokens = _tokens(text)
    if not tokens:
        return None
    if tokens[0] in ("yes", "y"):
        return None if "no" in tokens[1:3] else True  # "YES  NO": the printed pair, no answer
    if tokens[0] in _NEGATIVE or (len(tokens) > 1 and tokens[0] == "i" and tokens[1] in _NEGATIVE):
        return False
    return None
