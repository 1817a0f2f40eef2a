"""Comb writing: one character per box, joined back into the value it spells.

A scannable form gives each character its own box ("N|E|L|S|O|N", "0|1|/|1|8|/|1|9|5|8"). A text
layer, and often OCR, returns every box's character as a word of its own, so a name would reach
the parser as seven one-letter words. Here a run of one-character words on a line, standing at the
steady pitch of the boxes, becomes one word:

- the pitch is what a comb looks like, wider than letters of print: at least
  ``_MIN_PITCH`` character heights from one box's centre to the next (typed letters with a space
  between them stand closer) and at most ``_MAX_PITCH``;
- a separator the form prints between groups of boxes ("/", "-", "(", ")") stands inside the run
  and is kept ("(715)555-0163");
- one empty box between characters ("734 BRIDGE ST") is a space, when one ruled comb runs on across
  it (the gap between two combs side by side, "ST | W I |   | ZIP | 5 4 4 0 3", is no space of either);
  two or more empty boxes end the value;
- a lone character is left alone (a middle initial's single box reads as it is).
"""

from __future__ import annotations

from functools import reduce
from statistics import median

from intake.ocr.page_text import Box, PageText, Word
from intake.parsers.layout import PageLayout

__all__ = ["join_comb_characters"]

_SEPARATORS = frozenset("/-()")
_MIN_PITCH = 1.3  # box centre to box centre, in character heights
_MAX_PITCH = 3.2
_STEADY = 0.25  # each step within this share of the run's pitch
_SEPARATOR_STEP = (0.55, 1.15)  # a printed separator stands between two boxes, a little off the pitch


def _cell(word: Word) -> bool:
    text = word.text.strip()
    return len(text) == 1 and (text.isalnum() or text in _SEPARATORS)


def _centre(word: Word) -> float:
    return word.box.center[0]


def _runs(words: tuple[Word, ...], line: list[int]) -> list[list[int]]:
    """Maximal runs of one-character words next to each other on the line (a layout row, left to right)."""
    runs: list[list[int]] = [[]]
    for i in line:
        if not _cell(words[i]):
            if runs[-1]:
                runs.append([])
            continue
        if runs[-1] and words[i].box.left < words[runs[-1][-1]].box.right:
            runs.append([])  # read on top of the one before: no box of its own
        runs[-1].append(i)
    return [run for run in runs if run]


def _one_comb(a: Word, b: Word, rules: tuple[Box, ...]) -> bool:
    """A ruled line runs over or under both ``a`` and ``b``, close to them: they are in one comb."""
    reach = 1.5 * max(a.box.height, b.box.height)
    top, bottom = min(a.box.top, b.box.top), max(a.box.bottom, b.box.bottom)
    return any(
        r.width > r.height and r.left <= _centre(a) and r.right >= _centre(b)
        and (top - reach <= r.bottom <= top + 2 or bottom - 2 <= r.top <= bottom + reach)
        for r in rules
    )


def _spelled(words: tuple[Word, ...], run: list[int], rules: tuple[Box, ...]) -> list[tuple[list[int], str]]:
    """The values a run spells: its characters at the comb's pitch, cut where two or more boxes stand empty."""
    letters = [i for i in run if words[i].text.strip() not in _SEPARATORS]
    if len(letters) < 2:
        return []
    height = median(words[i].box.height for i in letters)
    steps = [_centre(words[b]) - _centre(words[a]) for a, b in zip(letters, letters[1:])]
    if min(steps) <= 0:
        return []  # characters read on top of each other stand at no pitch
    pitch = median(s for s in steps if s <= 1.45 * min(steps))
    if not _MIN_PITCH * height <= pitch <= _MAX_PITCH * height:
        return []
    values: list[tuple[list[int], str]] = []
    members: list[int] = [run[0]]
    text = words[run[0]].text.strip()
    for a, b in zip(run, run[1:]):
        step = _centre(words[b]) - _centre(words[a])
        separator = words[a].text.strip() in _SEPARATORS or words[b].text.strip() in _SEPARATORS
        low, high = _SEPARATOR_STEP if separator else (1 - _STEADY, 1 + _STEADY)
        if low * pitch <= step <= high * pitch:
            text += words[b].text.strip()
        elif not separator and (2 - _STEADY) * pitch <= step <= (2 + _STEADY) * pitch \
                and _one_comb(words[a], words[b], rules):
            text += " " + words[b].text.strip()  # one empty box: a space
        else:
            values.append((members, text))
            members, text = [b], words[b].text.strip()
            continue
        members.append(b)
    values.append((members, text))
    return [(m, t) for m, t in values if sum(1 for i in m if words[i].text.strip() not in _SEPARATORS) >= 2]


def _joined(words: tuple[Word, ...], members: list[int], text: str) -> Word:
    box = reduce(Box.union, (words[i].box for i in members))
    return Word(text=text, box=box, conf=min(words[i].conf for i in members), line=words[members[0]].line)


def join_comb_characters(text: PageText, rules: tuple[Box, ...] = ()) -> PageText:
    """``text`` with each comb-written value as one word (see the module's notes); the same object when
    the page has none. ``rules``: the page's ruled lines, which tell one comb from two side by side."""
    words = text.words
    if sum(1 for w in words if _cell(w)) < 2:
        return text
    replaced: dict[int, Word] = {}
    dropped: set[int] = set()
    for row in PageLayout.build(text, rules).rows:
        for run in _runs(words, row.indices):
            for members, value in _spelled(words, run, rules):
                replaced[members[0]] = _joined(words, members, value)
                dropped.update(members[1:])
    if not replaced:
        return text
    out = tuple(replaced.get(i, w) for i, w in enumerate(words) if i not in dropped)
    return text.model_copy(update={"words": out})
