"""One line for a whole name: "Applicant name (Last, First, M.I.)" over "KRUEGER, DUANE H".

Many forms ask for the name on a single line and print the order they want in
brackets after the label. The bracket's words ("Last", "First", "M.I.") are
the order, not labels of their own; the value is split by that order: at its
commas when it has them ("KRUEGER, DUANE H"), else word by word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from intake.parsers.labels import LabelHit, clean_token
from intake.parsers.layout import PageLayout

__all__ = ["NameOrder", "find_name_orders", "split_name", "split_name_as_written"]

#: The words that name a part of a name in an order hint, by part.
_PART_WORDS: dict[str, tuple[str, ...]] = {
    "last_name": ("last", "surname", "family"),
    "first_name": ("first", "given"),
    "middle_initial": ("mi", "m.i", "middle", "initial", "init"),
}

_NAME_LABEL_KINDS = frozenset({"name", "first_name", "last_name", "middle_initial"})  # a bare "name" or one of its parts
_LOOK_AHEAD = 8  # words after the label in which its bracket must close


@dataclass(frozen=True)
class NameOrder:
    """A whole-name label with the order its bracket asks for, and the bracket's words."""

    hit: LabelHit
    order: tuple[str, ...]
    hint: tuple[int, ...]


def _part_of(token: str) -> str | None:
    word = clean_token(token).strip(".")
    if not word:
        return None
    if re.fullmatch(r"m\.?[il1|j]\.?", word):
        return "middle_initial"  # "M.I." as OCR reads it: "ML.", "M1", "Ml"
    for part, words in _PART_WORDS.items():
        for known in words:
            if word == known or (len(word) >= 4 and len(known) >= 4 and fuzz.ratio(word, known) >= 75):
                return part
    return None


def _following(layout: PageLayout, hit: LabelHit) -> list[int]:
    """The words after the label in reading order: the rest of its line, then the line under it that starts
    within the label's column (a label wrapped onto two lines)."""
    row_index = layout.row_of[hit.indices[-1]]
    row = layout.rows[row_index]
    em = layout.em
    after: list[int] = []
    previous = hit.indices[-1]
    for i in row.indices:  # the rest of the label's line of print, at word spacing (not a value beside it)
        if layout.word(i).box.left <= hit.box.left or i in hit.indices:
            continue
        if layout.gap(previous, i) > 1.5 * em:
            break
        after.append(i)
        previous = i
    for below in layout.rows[row_index + 1 : row_index + 3]:
        if below.top - row.bottom > 1.2 * em:
            break
        line = [i for i in below.indices if hit.box.left - 2 * em <= layout.word(i).box.left <= hit.box.right + 4 * em]
        if line:
            after += line
            break
    return after[:_LOOK_AHEAD]


def _hint_after(layout: PageLayout, hit: LabelHit) -> tuple[tuple[str, ...], tuple[int, ...]] | None:
    """The bracketed name order right after a label (or opening among its words: "Applicant name (Last," matched
    as one label, its bracket closing on the line under it): its parts in order and its words."""
    opened = [k for k, i in enumerate(hit.indices) if k and layout.word(i).text.lstrip().startswith(("(", "{", "["))]
    words = list(hit.indices[opened[0]:] if opened else ()) + _following(layout, hit)
    if not words or not layout.word(words[0]).text.lstrip().startswith(("(", "{", "[")):  # "(" as OCR reads it
        return None
    inside: list[int] = []
    for i in words:
        inside.append(i)
        if any(ch in layout.word(i).text for ch in ")}]"):
            break
    else:
        return None
    parts: list[str] = []
    for i in inside:
        for token in re.split(r"[,/;(){}\[\]]+", layout.word(i).text):
            part = _part_of(token)
            if part is not None and part not in parts:
                parts.append(part)
    if len(parts) < 2 or "last_name" not in parts or "first_name" not in parts:
        return None
    return tuple(parts), tuple(inside)


def find_name_orders(layout: PageLayout, labels: list[LabelHit]) -> tuple[list[LabelHit], list[NameOrder]]:
    """``labels`` with each whole-name label grown over its bracketed order and the part labels read inside
    that bracket dropped; and the whole-name labels found."""
    orders: dict[int, NameOrder] = {}
    for hit in labels:
        if hit.kind not in _NAME_LABEL_KINDS:
            continue
        found = _hint_after(layout, hit)
        if found is None:
            continue
        order, hint = found
        grown = replace(hit, kind="name", indices=tuple(dict.fromkeys(hit.indices + hint)),
                        box=hit.box.union(layout.union_box(list(hint))),
                        matched=hit.matched + len(set(hint) - set(hit.indices)))
        orders[id(hit)] = NameOrder(grown, order, hint)
    if not orders:
        return labels, []
    hinted = {i for o in orders.values() for i in o.hint}
    out = [orders[id(h)].hit if id(h) in orders else h for h in labels
           if id(h) in orders or not hinted.intersection(h.indices)]
    return out, list(orders.values())


def split_name(raw: str, order: tuple[str, ...]) -> tuple[dict[str, str], bool]:
    """The parts of a name written on one line in ``order``, and whether the split is doubtful.

    With commas the pieces follow the order ("KRUEGER, DUANE H": last, then first and initial); a lone
    letter at the end of the first name's piece is the initial. Without commas the words follow the order
    one each, which is doubtful when there are more words than parts (a two-word surname)."""
    text = re.sub(r"\s+", " ", raw).strip(" ;")
    if not text.strip(","):
        return {}, False
    pieces = [p.strip() for p in text.split(",")]  # an empty piece is a part left blank (", DUANE H")
    doubtful = False
    if len(pieces) < 2:
        pieces = text.split(" ")
        doubtful = len(pieces) > len(order)
        if doubtful:  # the extra words go with the part that comes first (a surname in two words)
            extra = len(pieces) - len(order)
            pieces = [" ".join(pieces[: extra + 1])] + pieces[extra + 1 :]
    out: dict[str, str] = {}
    for part, piece in zip(order, pieces):
        if piece:
            out[part] = piece
    if len(pieces) > len(order):
        doubtful = True
    first = out.get("first_name", "")
    words = first.split(" ")
    if "middle_initial" in order and "middle_initial" not in out and len(words) > 1 and len(words[-1].strip(".")) == 1:
        out["first_name"], out["middle_initial"] = " ".join(words[:-1]), words[-1].strip(".")
    if "middle_initial" in out:
        out["middle_initial"] = out["middle_initial"].strip(".")
    return out, doubtful


def split_name_as_written(raw: str) -> tuple[dict[str, str], bool]:
    """A whole name under a label that gives no order ("Applicant name  Kathleen M. Hoffmann"), and whether the
    split is doubtful: surname first when a comma follows it ("HOFFMANN, KATHLEEN M"), else first name first
    with a lone letter between as the initial. Three words with no initial, or more, are a guess."""
    text = re.sub(r"\s+", " ", raw).strip(" ;,")
    before = text.split(",", 1)[0].split(" ")
    if "," in text and len(before) > 1 and len(before[-1].strip(".")) == 1:
        # "Linda V, Schmidt": an initial's period read as a comma; a surname never ends in a lone letter
        text, doubtful = text.replace(",", ".", 1), True
        parts, _ = split_name_as_written(text)
        return parts, doubtful
    if "," in text:
        return split_name(text, ("last_name", "first_name", "middle_initial"))
    words = text.split(" ") if text else []
    if len(words) < 2:
        return {}, bool(words)
    if len(words) == 2:
        return {"first_name": words[0], "last_name": words[1]}, False
    if len(words) == 3 and len(words[1].strip(".")) == 1:
        return {"first_name": words[0], "middle_initial": words[1].strip("."), "last_name": words[2]}, False
    if len(words) == 3 and words[1].endswith(".") and len(words[1]) <= 3:
        # an initial OCR read as two letters ("QO."): an initial, which one for a person to say
        return {"first_name": words[0], "middle_initial": words[1].strip("."), "last_name": words[2]}, True
    return {"first_name": words[0], "last_name": " ".join(words[1:])}, True
