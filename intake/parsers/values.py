"""Where a label's value is: right of it on its row, or under it in its column.

The rules, in order: skip a hint printed after the label ("(MM/DD/YYYY)",
"(optional)"); take the words to the right up to the next label, a checkbox or
a wide gap; if there are none, a table's label cell has its value beside the
label's whole block, across the cell's border (``label_cells``); else take the
first row below that has words in the label's column, unless that row starts with
a label or a heading (the field was left blank) or the words there belong to a
label on their own row.
"""

from __future__ import annotations

import re
from statistics import median
from dataclasses import dataclass

from intake.ocr.page_text import Box
from intake.parsers.label_cells import label_block, value_cell
from intake.parsers.labels import LABEL_VOCABULARY, LabelHit, clean_token, is_label_wording
from intake.parsers.layout import PageLayout, Row, in_brackets, is_filler, is_item_number
from intake.parsers.written_dates import parse_written_date

__all__ = ["ValueSpot", "find_value", "next_row_below", "value_above", "value_area"]

_CONNECTIVES = {"to", "of", "for", "on", "the", "your", "my", "if"}
_LOWER_WORD = re.compile(r"^[a-z][a-z'’]*[.,]?$")
_HINT_WORDS = {"mm/dd/yyyy", "mm/dd/yy", "mmddyyyy", "optional", "(optional)", "required", "(required)", "#"}


@dataclass(frozen=True)
class ValueSpot:
    indices: tuple[int, ...]
    where: str  # "right", "below" or "above" (a caption printed under the value's line)
    row: int  # index of the row the value sits on
    label_print: tuple[int, ...] = ()  # lines printed under the label in its cell (never anyone's value)


def _hints(layout: PageLayout, row: Row, hit: LabelHit) -> set[int]:
    """Words right after the label that only explain it: a digit-free parenthesis, a format hint."""
    words = layout.text.words
    after = [i for i in layout.band(hit.box, row) if words[i].box.left >= hit.box.right - 0.2 * layout.em]
    skip: set[int] = set()
    k = 0
    while k < len(after):
        text = words[after[k]].text.strip()
        low = text.lower().strip(":")
        if text.startswith(("(", "{", "[")) and (not any(ch.isdigit() for ch in text) or _wordy_group(words, after, k)):
            # OCR reads a printed "(" as "{" or "[" now and then
            group = [after[k]]
            while not _closes_bracket(words[group[-1]].text) and k + 1 < len(after) \
                    and len(group) < 8 and layout.gap(group[-1], after[k + 1]) <= 1.5 * layout.em:
                k += 1  # a hint is print at word spacing: an open bracket broken onto the next line ends at a gap
                group.append(after[k])
            if any(ch.isdigit() for i in group for ch in words[i].text) and not _wordy_group(words, group, 0):
                break  # "(715) 555-0142": a value in brackets, not a hint
            if not _closes_bracket(words[group[-1]].text) and any(
                ch.isdigit() for ch in words[group[0]].text
            ):
                break  # "(10/18/1952" with no bracket closing: a value OCR gave a stray "(", not a hint
            skip.update(group)
            k += 1
            continue
        if low in _HINT_WORDS or is_filler(text):
            skip.add(after[k])
            k += 1
            continue
        # The label goes on in words a value never holds: lower-case words ("of representative."),
        # and after those a few digit-free words up to a colon ("or P.O. Box:").
        if low in _CONNECTIVES and k + 1 < len(after) and _tight(layout, hit, after, k):
            # "RELATIONSHIP TO MEMBER": a connective and the word after it, set tight to the label
            skip.update(after[k : k + 2])
            k += 2
            continue
        tail = _label_tail(layout, hit, after, k)
        if tail:
            skip.update(tail)
            k += len(tail)
            continue
        if _LOWER_WORD.match(text) and k + 1 < len(after) and _gap_before(layout, hit, after, k) < 0.8 * layout.em:
            skip.add(after[k])
            k += 1
            rest = after[k:]
            colon = next((n for n, i in enumerate(rest[:3]) if words[i].text.rstrip().endswith(":")), None)
            if colon is not None and not any(ch.isdigit() for i in rest[: colon + 1] for ch in words[i].text):
                skip.update(rest[: colon + 1])
                k += colon + 1
            elif low in ("or", "and"):
                # "Street address or PO Box": an alternative the label names, set tight, ending the line
                alternative = _tight_run(layout, rest, 3)
                if alternative and not any(ch.isdigit() for i in alternative for ch in words[i].text):
                    skip.update(alternative)
                    k += len(alternative)
            continue
        if re.fullmatch(r"[a-z]+[.:;,]*", text) and _gap_before(layout, hit, after, k) < 0.8 * layout.em and _abbreviation(low):
            skip.add(after[k])  # "Middle init.:" - a shortened label word, whatever follows
            k += 1
            continue
        break
    return skip


def _abbreviation(token: str) -> bool:
    """A shortened label word ("init" of "initial", "tel" of "telephone"), not a word of its own."""
    token = token.strip(".:;, ")
    return len(token) >= 3 and token.isalpha() and token not in LABEL_VOCABULARY and any(
        len(word) > len(token) + 1 and word.startswith(token) for word in LABEL_VOCABULARY
    )


def _tight_run(layout: PageLayout, indices: list[int], most: int) -> list[int]:
    """The first words of ``indices`` set at word spacing, up to ``most``; empty when more follow tight."""
    run = indices[:1]
    for i in indices[1:]:
        if layout.gap(run[-1], i) > 0.8 * layout.em:
            break
        run.append(i)
    return run if len(run) <= most else []


def _closes_bracket(text: str) -> bool:
    """The word closes a bracket, whatever OCR read for the colon after it ("allowed)," "allowed):")."""
    return text.strip().rstrip(":;,.").endswith((")", "}", "]"))


def _wordy_group(words, indices: list[int], k: int) -> bool:
    """A bracketed group from ``indices[k]`` that holds a word of letters ("(9 DIGITS)", "(3 letters)"):
    a hint even with a digit in it."""
    for i in indices[k : k + 6]:
        text = words[i].text.strip("()[]{}:,. ")
        if len(text) >= 3 and text.isalpha():
            return True
        if _closes_bracket(words[i].text):
            return False
    return False


def _column_left(layout: PageLayout, hit: LabelHit) -> float:
    """Where the label's column starts: at the words printed before it in its cell ("LICENSED" of
    "LICENSED AGENT NAME", "COVERAGE" of "COVERAGE EFFECTIVE DATE"), not only at the matched phrase;
    for a label inside a numbered question, at the question ("6. What is the best phone number ...")."""
    if hit.chunk_left and 0 < hit.box.left - hit.chunk_left < 12 * layout.em:
        return hit.chunk_left
    if hit.chunk_left and 0 < hit.box.left - hit.chunk_left and _closes_its_sentence(layout, hit):
        return hit.chunk_left  # "Please choose the name of a primary care physician (PCP), clinic or health center:"
    start = _question_start(layout, hit)
    return start if start is not None else hit.box.left


def _closes_its_sentence(layout: PageLayout, hit: LabelHit) -> bool:
    """The label's colon ends the text it stands in: the answer goes under the whole sentence, from its start."""
    last = hit.indices[-1]
    if not layout.word(last).text.rstrip().endswith(":") or last not in layout.row_of:
        return False
    row = layout.rows[layout.row_of[last]]
    return any(chunk[-1] == last for chunk in layout.chunks(row))


def _question_start(layout: PageLayout, hit: LabelHit) -> float | None:
    """The left edge of the numbered item ("6.", "b)") or sentence the label's words stand in, on its line."""
    words = layout.text.words
    row = layout.rows[layout.row_of[hit.indices[0]]]
    line = [i for i in layout.band(hit.box, row) if words[i].box.right <= hit.box.left + 0.2 * layout.em]
    for k in range(len(line) - 1, -1, -1):
        if is_item_number(words[line[k]].text, marked=True):
            return float(words[line[k]].box.left)
    for k in range(len(line) - 2, -1, -1):
        if words[line[k]].text.strip().endswith("?"):
            return float(words[line[k + 1]].box.left)
    return None


_NAME_PARTICLES = {"of", "and", "the", "de", "la", "le", "van", "von", "der", "del", "du", "st"}


def _prose(layout: PageLayout, picked: list[int]) -> bool:
    """Two or more lower-case words: printed instructions, not a value (values are written in
    capitals or typed as names and numbers)."""
    lower = [t for t in (layout.word(i).text.strip(".,;:!?()[]").replace("'", "").replace("’", "") for i in picked)
             if len(t) >= 2 and t.isalpha() and t.islower() and t not in _NAME_PARTICLES]
    return len(lower) >= 2


def _run_before(layout: PageLayout, row: Row, hit: LabelHit, picked: list[int]) -> list[int]:
    """The words between a label and what was picked right of it ("... representative under the laws
    of your State (for"): a label inside a sentence is followed by the sentence."""
    first = layout.word(picked[0]).box.left
    between = [i for i in layout.band(hit.box, row) if hit.box.right <= layout.word(i).box.left < first and i not in hit.indices]
    hints = in_brackets(layout.text.words, between)  # "(with area code)" is the label's hint, not a sentence
    return [i for i in between if i not in hints]


def _run_after(layout: PageLayout, row: Row, picked: list[int]) -> list[int]:
    """The words that carry on from ``picked`` along its line at word spacing (a sentence going on)."""
    line = layout.band(layout.word(picked[-1]).box, row)
    run: list[int] = []
    last = picked[-1]
    for i in line[line.index(last) + 1 :]:
        if layout.gap(last, i) > 1.5 * layout.em:
            break
        run.append(i)
        last = i
    return run


_FUNCTION_WORDS = frozenset({"to", "on", "of", "the", "and", "or", "for", "if", "in", "by", "at", "a", "an", "your", "you"})


def _no_value(layout: PageLayout, picked: list[int]) -> bool:
    """Words that are never a value: the next question ("Add optional dental?"), printed wording ending
    in a colon ("Agency:", "Date received:", a label of no known kind), function words alone ("to" left
    of a label wrapped onto two lines, "Relationship to / applicant:"), wording after a slash with no
    digit in it (the second language of a bilingual label or heading)."""
    words = [layout.word(i).text.strip() for i in picked]
    if not words:
        return False
    if any(_asks(w) for w in words) or all(w.strip(".,:;") in _FUNCTION_WORDS for w in words):
        return True
    if words[0] == "/" and not any(ch.isdigit() for w in words for ch in w):
        return True  # "/ REPRESENTANTE AUTORIZADO": a label's or heading's wording in a second language
    return words[-1].endswith(":") and len(words) <= 4 and all(is_label_wording(w) for w in words)


def _asks(word: str) -> bool:
    """A word ending a question ("dental?"); "499?" is a written 2 OCR read as a question mark."""
    return word.endswith("?") and not any(ch.isdigit() for ch in word)


def _label_tail(layout: PageLayout, hit: LabelHit, after: list[int], k: int) -> list[int]:
    """The rest of the label's cell when every word of it is label wording or a mark: "REQUESTED
    (MM/DD/YYYY) *" after "EFFECTIVE DATE". Empty when any word could be a value."""
    words = layout.text.words
    run = [after[k]]
    for i in after[k + 1 :]:
        if words[i].box.left - words[run[-1]].box.right > 1.6 * layout.em:
            break
        run.append(i)
    if _gap_before(layout, hit, after, k) > 1.6 * layout.em:
        return []
    has_word = False
    for i in run:
        text = words[i].text.strip()
        token = clean_token(text)
        if token in LABEL_VOCABULARY:
            has_word = True
        elif not (is_filler(text) or text in ("*", "#") or text.startswith(("(", "{", "[")) or text.endswith(")")):
            return []
    return run if has_word else []


def _gap_before(layout: PageLayout, hit: LabelHit, after: list[int], k: int) -> float:
    words = layout.text.words
    before = words[after[k - 1]].box.right if k else hit.box.right
    return words[after[k]].box.left - before


def _tight(layout: PageLayout, hit: LabelHit, after: list[int], k: int) -> bool:
    """Words ``k`` and ``k+1`` follow the label (or the word before) at word spacing, with no digits."""
    words = layout.text.words
    gaps = (_gap_before(layout, hit, after, k), words[after[k + 1]].box.left - words[after[k]].box.right)
    texts = (words[after[k]].text, words[after[k + 1]].text)
    return max(gaps) < 0.8 * layout.em and not any(ch.isdigit() for t in texts for ch in t)


def _on_its_line(layout: PageLayout, hit: LabelHit) -> Box:
    """The label's box down to its words' baseline: OCR sometimes stretches a word's box over the line
    below ("date" of "date of birth" reaching into the written date under it)."""
    bottom = min(layout.word(i).box.bottom for i in hit.indices)
    if bottom >= hit.box.bottom:
        return hit.box
    return Box(left=hit.box.left, top=hit.box.top, width=hit.box.width, height=max(1, bottom - hit.box.top))


def _limit_x(layout: PageLayout, hit: LabelHit, labels: list[LabelHit], row: Row) -> float:
    """The left edge of the next label to the right on the same row (the next column)."""
    row_set = set(layout.band(hit.box, row))
    lefts = [
        # the next label's cell starts with its first words ("COVERAGE" of "COVERAGE EFFECTIVE DATE")
        other.chunk_left if hit.box.right < other.chunk_left < other.box.left else other.box.left
        for other in labels
        if other is not hit and other.indices[0] in row_set and other.box.left > hit.box.right - 0.2 * layout.em
    ]
    return min(lefts) if lefts else float(layout.text.width)


def _owned_by_row_label(layout: PageLayout, row: Row, first: int, label_words: set[int]) -> bool:
    """The nearest word left of ``first`` on its row is a label: the value is that label's."""
    words = layout.text.words
    line = layout.band(words[first].box, row)
    value = words[first].box
    left_of = [i for i in line if words[i].box.right <= value.left + 0.2 * layout.em and i != first]
    # words of another row reach this one only when OCR stretched their boxes: their middle is off this line
    left_of = [i for i in left_of if not is_filler(words[i].text)
               and (i in row.indices or value.top <= words[i].box.center[1] <= value.bottom)]
    return bool(left_of) and left_of[-1] in label_words


def find_value(
    layout: PageLayout,
    hit: LabelHit,
    labels: list[LabelHit],
    stop: set[int],
    *,
    below_em: float = 4.5,
) -> ValueSpot | None:
    """The words holding ``hit``'s value, or None when the field is blank."""
    row_index = layout.row_of[hit.indices[-1]]
    row = layout.rows[row_index]
    limit = _limit_x(layout, hit, labels, row)
    hints = _hints(layout, row, hit)
    right = layout.right_of(hit.box, row=row, stop=stop, limit_x=limit, skip=hints | set(hit.indices))
    goes_on = _label_goes_on(layout, hit, right)
    if goes_on:
        # the label's wording runs on ("Primary care provider | / clinic"): the value starts after it, however
        # far ("... / clinic          Aspirus Wausau Clinic")
        wording = right[:goes_on]
        right = layout.right_of(layout.union_box(list(hit.indices) + wording), row=row, stop=stop, limit_x=limit,
                                skip=hints | set(hit.indices) | set(wording))
    label_words = {i for other in labels for i in other.indices}
    if right and not hit.strong and _prose(layout, _run_before(layout, row, hit, right) + right
                                           + _run_after(layout, row, right)):
        # label words inside a sentence ("... as their authorized representative under the laws of your
        # State (for"): the rest of the sentence, and nothing beside or under it, is its value
        return None
    if right and _prose(layout, right):
        # "A P.O. Box is fine here.": an instruction printed beside the label, or the rest of the
        # sentence a label's words stand in ("... your street address. A PO. Box can't be used here.")
        right = []
    if right and _next_numbered_item(layout, right):
        right = []  # "39 Agent NPN  40 Agency / FMO": the next numbered box's label, not this one's value
    if right and not _label_prefix(layout, row, right, label_words) and not _no_value(layout, right):
        right += _rest_of_its_line(layout, right, stop, limit)
        spot = ValueSpot(tuple(right), "right", row_index)
        if _in_print_of(layout, hit, right):
            # "EFFECTIVE DATE (MM/DD/YYYY)   ADD OPTIONAL DENTAL (+$31.20 A MONTH)" over the date's boxes: words in
            # the label's own print beside it are the next item's label when writing stands under the label
            under = _beside_or_below(layout, hit, labels, stop, row_index, limit, hints, label_words, below_em)
            if under is not None and under.where == "below" and _written_larger(layout, hit, under.indices):
                return under
        return spot
    floor = layout.entry_box_floor(hit.box)
    if floor is not None:
        below_em = max(below_em, (floor - hit.box.bottom) / layout.em)  # a deep box's answer, typed low in it
    return _beside_or_below(layout, hit, labels, stop, row_index, limit, hints, label_words, below_em)


def _rest_of_its_line(layout: PageLayout, picked: list[int], stop: set[int], limit: float) -> list[int]:
    """Words after the value on the value's own line that the label's line left out: typed or written a little
    lower than a label on two lines ("Permanent residence address (cannot | 6356 Stewart Ave"), the value's
    later words overlap the label's line too little to be counted on it."""
    last = picked[-1]
    more = layout.right_of(layout.word(last).box, row=layout.rows[layout.row_of[last]], stop=stop, limit_x=limit,
                           skip=set(picked))
    # right_of lets a value start any distance off; going on, it must stand at word spacing
    return more if more and layout.gap(last, more[0]) <= layout.max_gap(last, more[0]) else []


def _title_print(layout: PageLayout, hit: LabelHit, picked: list[int]) -> bool:
    """On a scan, words in Title Case no taller than the label's print: a form's print (hand printing is in
    capitals or stands taller). A text layer's typed answers keep the label's size, so it is never judged so."""
    if layout.text.source != "ocr" or not _in_print_of(layout, hit, picked):
        return False
    if layout.in_entry_box(hit.box, layout.union_box(picked)):
        return False  # typed into the entry box under the label ("Barbara Nowak"): a form prints nothing there
    words = [layout.word(i).text.strip(".,:;()") for i in picked]
    # four letters or more: a two-letter state read "Wi" is writing OCR lowered, not print
    return all(len(w) >= 4 and w[0].isupper() and w[1:].islower() and w.isalpha() for w in words)


def _print_height(layout: PageLayout, hit: LabelHit) -> int:
    return max(layout.word(i).box.height for i in hit.indices)


def _in_print_of(layout: PageLayout, hit: LabelHit, picked: list[int]) -> bool:
    """Words no taller than the label's print (written values on scans and typed answers on text layers stand
    taller than a form's small label print). The middle height is compared: brackets and a "$" stand taller
    than the letters of the same print ("(+$31.20 A MONTH)")."""
    return median(layout.word(i).box.height for i in picked) <= 1.15 * _print_height(layout, hit)


def _written_larger(layout: PageLayout, hit: LabelHit, picked: tuple[int, ...]) -> bool:
    return max(layout.word(i).box.height for i in picked) >= 1.3 * _print_height(layout, hit)


def _beside_or_below(
    layout: PageLayout, hit: LabelHit, labels: list[LabelHit], stop: set[int], row_index: int, limit: float,
    hints: set[int], label_words: set[int], below_em: float,
) -> ValueSpot | None:
    """The value beside the label's block of lines, or on the rows under it."""
    row = layout.rows[row_index]
    block, block_words = label_block(layout, hit, labels)
    beside = _beside_block(layout, hit, block, set(block_words) | hints, labels, stop, row)
    if beside is not None:
        return beside
    left, span_right = _column_left(layout, hit) - 1.0 * layout.em, limit - 0.3 * layout.em
    for below in layout.rows_below(block if block_words else _on_its_line(layout, hit), below_em):
        below_index = layout.rows.index(below)
        if below_index <= row_index:
            continue
        inside = [
            i for i in layout.in_span(below, left, span_right) if not is_filler(layout.word(i).text) and i not in layout.tall
        ]
        if inside and inside[0] in label_words:
            return None  # the next field's label: this one was left blank
        if inside and inside[0] in stop and _goes_on_in_print(layout, below, inside[0], stop):
            return None  # a heading's or label's line ("SECTION 2 MEDICARE AND YOUR PLAN"): nothing past it is ours
        if inside and any(layout.word(i).text.rstrip().endswith("?") for c in layout.chunks(below) if inside[0] in c for i in c):
            return None  # the next question ("8. Do you get your mail somewhere else?"): nothing past it is ours
        # Checkbox option rows in between (a neighbouring question's Yes/No) are passed over.
        inside = [i for i in inside if i not in stop or i in label_words]
        if not inside:
            continue
        if inside[0] in stop or _owned_by_row_label(layout, below, inside[0], label_words):
            return None
        picked: list[int] = []
        for i in inside:
            if i in stop:
                break
            if picked and not _runs_on(layout, picked[-1], i):
                break
            if picked and layout.wall_between(layout.word(picked[-1]).box, layout.word(i).box):
                break
            picked.append(i)
        if picked and _prose(layout, picked) and layout.word(picked[0]).box.left > hit.box.right + 2 * layout.em:
            continue  # an instruction printed off to the side, a little higher than the writing under the label
        if not picked or _label_prefix(layout, below, picked, label_words) or _no_value(layout, picked) or _prose(layout, picked):
            return None
        if _next_numbered_item(layout, picked):
            return None  # "25c.": the next item's number, its label a stop word
        if _sentence_print(layout, picked):
            return None  # "Add the optional": the next item's print, not writing
        if _title_print(layout, hit, picked):
            return None  # "Agency" under a blank "Agent name": the next row's label in the same print
        if layout.floor_between(hit.box, layout.union_box(picked)):
            return None  # below the label's cell or line: the next field's value, this one is blank
        return ValueSpot(tuple(picked), "below", below_index)
    return None


def _label_goes_on(layout: PageLayout, hit: LabelHit, right: list[int]) -> int:
    """How many of the words right of a label are the rest of its printed wording ("Surname | of enrollee",
    "Phone number | where we can reach you", "Claim Number | / MBI (from your card)"): lower-case words,
    another label wording after a slash, or a bracketed hint, no taller than the label's print, at word spacing after it. Values are written
    in capitals."""
    tallest = max(layout.word(i).box.height for i in hit.indices)
    hint = in_brackets(layout.text.words, right)  # "(from your red, white & blue card)"
    count, previous = 0, hit.indices[-1]
    for k, i in enumerate(right):
        word = layout.word(i)
        text = word.text.strip(".,;:()'")
        printed = len(text) >= 2 and text.isalpha() and text.islower()
        # another wording of the label after a slash ("Medicare Claim Number / MBI")
        other_wording = text in ("/", "") and k + 1 < len(right) and clean_token(
            layout.word(right[k + 1]).text) in LABEL_VOCABULARY
        after_slash = k > 0 and layout.word(right[k - 1]).text.strip() == "/" and clean_token(text) in LABEL_VOCABULARY
        if not (printed or other_wording or after_slash or (i in hint and _closed_hint(layout, right, k, hint))):
            break
        if layout.gap(previous, i) > 1.5 * layout.em or (word.box.height > 1.15 * tallest and i not in hint):
            break  # (brackets and commas reach below and above the letters)
        count, previous = count + 1, i
    return count


def _closed_hint(layout: PageLayout, right: list[int], k: int, hint: set[int]) -> bool:
    """Word ``right[k]`` is in a bracketed hint of print that closes before the words run out: lower-case
    words in brackets, not a written "(715)"."""
    group: list[int] = []
    for j in right[k:]:
        if j not in hint:
            break
        group.append(j)
        if layout.word(j).text.rstrip(":;,.*").endswith(")"):
            return any(ch.islower() for g in group for ch in layout.word(g).text)
    return False


def _beside_block(
    layout: PageLayout, hit: LabelHit, block: Box, skip: set[int], labels: list[LabelHit], stop: set[int], row: Row
) -> ValueSpot | None:
    """A table's label cell: the value right of the label's whole block (it is written in the middle of
    the cell's height), across the cell's border when the label is alone in its cell."""
    cell = value_cell(layout, block, skip | set(hit.indices))
    if cell is None and block == hit.box:
        return None  # nothing to add to the search right of the label
    # past the border (the border itself must not count as a wall between the anchor and the value)
    anchor = block if cell is None else Box(left=int(cell[0] + 0.2 * layout.em), top=block.top, width=1, height=block.height)
    band = set(layout.band(anchor))
    lefts = [other.box.left - 0.3 * layout.em for other in labels
             if other is not hit and other.indices[0] in band and other.box.left > anchor.right - 0.2 * layout.em]
    limit = min([*lefts, cell[1] if cell is not None else float(layout.text.width)])
    right = layout.right_of(anchor, row=row, stop=stop, limit_x=limit, skip=skip | set(hit.indices))
    right = [i for i in right if i not in skip]
    if not right or _prose(layout, right) or _no_value(layout, right) or _next_numbered_item(layout, right):
        return None
    label_words = {i for other in labels for i in other.indices}
    first_row = layout.rows[layout.row_of[right[0]]]
    if _label_prefix(layout, first_row, right, label_words) or _runs_into_label(layout, first_row, right, label_words):
        return None
    return ValueSpot(tuple(right), "right", layout.row_of[right[0]], tuple(sorted(skip)))


def _runs_into_label(layout: PageLayout, row: Row, picked: list[int], label_words: set[int]) -> bool:
    """The words run tight into a label: they start that label's cell ("16" of "16 State"), whatever they are."""
    line = layout.band(layout.word(picked[-1]).box, row)
    position = line.index(picked[-1])
    return position + 1 < len(line) and line[position + 1] in label_words and layout.gap(picked[-1], line[position + 1]) < layout.em


def _goes_on_in_print(layout: PageLayout, row: Row, first: int, stop: set[int]) -> bool:
    """Word ``first`` (a stop word: heading, label, option) runs on into words no label or option owns:
    a line of print (a heading set wide, whose other words matched nothing), not an option row."""
    chunk = next(c for c in layout.chunks(row, gap_em=_HEADING_GAP_EM) if first in c)
    return any(i not in stop for i in chunk[chunk.index(first) + 1 :])


_HEADING_GAP_EM = 3.0  # a heading bar's words may be set this far apart ("SECTION 2   MEDICARE AND YOUR PLAN")


def _sentence_print(layout: PageLayout, picked: list[int]) -> bool:
    """Print in sentence case ("Add the optional"): after its first word, a lower-case word that is no
    name particle. Names and places, written or typed, are in capitals or Title Case."""
    texts = [layout.word(i).text.strip(".,;:()") for i in picked]
    return len(texts) >= 2 and any(
        len(t) >= 3 and t.isalpha() and t.islower() and t not in _NAME_PARTICLES for t in texts[1:]
    )


def _next_numbered_item(layout: PageLayout, picked: list[int]) -> bool:
    """The words start with an item number and go on in printed (not capitals) wording: "40 Agency / FMO";
    or they are an item's number alone ("23.", "25c."), the next item's label being a stop word."""
    first = layout.word(picked[0]).text.strip() if picked else ""
    if len(picked) == 1:
        return first[:1].isdigit() and is_item_number(first, marked=True)
    if len(picked) < 2 or not is_item_number(first):
        return False
    if parse_written_date(" ".join(layout.word(i).text for i in picked[:3])) is not None:
        return False  # "5 August 1938": a day and its month
    following = layout.word(picked[1]).text.strip(".,:;")
    return following.isalpha() and not following.isupper() and following[:1].isupper()


def _runs_on(layout: PageLayout, a: int, b: int) -> bool:
    """Word ``b`` goes on the value that ends with word ``a`` (in the label's own column): within a
    value's word gap, or two words written in capitals or a number and capitals up to 5 text heights
    apart, since hand printing and comb boxes leave wide gaps ("ASPIRUS WAUSAU    CLINIC", "2837  CLARK")
    and cutting there would drop the value's end unseen. Two numbers that far apart are two values."""
    if layout.gap(a, b) <= layout.max_gap(a, b):
        return True
    first, second = layout.word(a).text.strip(".,"), layout.word(b).text.strip(".,")
    # a lone capital is a middle initial ("DUANE | H | KRUEGER"), but not the I a box's wall leaves
    return _written_word(first) and _written_word(second) and second != "I" \
        and not (first.isdigit() and second.isdigit()) and layout.gap(a, b) <= 5.0 * layout.em


def _written_word(text: str) -> bool:
    """Hand printing: capitals, or a number ("2837 | CLARK | ST" in comb boxes, "PO BOX | 1179")."""
    return text.isdigit() or (text.isalpha() and text.isupper())


def _initial(text: str) -> bool:
    """One capital letter, maybe with its dot: a middle initial written on its line."""
    letter = text.strip().rstrip(".")
    return len(letter) == 1 and letter.isalpha() and letter.isupper()


def value_above(layout: PageLayout, hit: LabelHit, labels: list[LabelHit], stop: set[int]) -> ValueSpot | None:
    """A caption printed just under a line ("Street address", "City   State   ZIP code" under the
    lines they name): the words standing on that line, in the caption's column.

    Only for a label that found no value of its own; ``stop`` holds the words other labels took,
    so a value above that belongs to the label above it is never taken.
    """
    em = layout.em
    anchor = _on_its_line(layout, hit)
    # the line may be drawn (or scanned) in pieces, and the writing on it may have taken the piece over
    # the caption's start: any piece just above the caption that reaches into its column counts
    # (OCR may stretch the caption's box up over its line: a line through its top still counts)
    row_index = layout.row_of[hit.indices[-1]]
    limit = _limit_x(layout, hit, labels, layout.rows[row_index])
    level = [r for r in layout.rules if r.width >= 3 * r.height and r.width >= 2 * em
             and -0.4 * em <= anchor.top - r.center[1] <= 0.9 * em]
    line = [r for r in level if r.left < min(limit, hit.box.left + 12 * em) and r.right >= hit.box.left + em]
    if not level and layout.rules:
        return None
    # a text layer carries no drawing: its caption's line is where the caption's top is; a line whose
    # pieces stand at the caption's height elsewhere on the row (the writing took its own piece) is there
    line_y = max(r.center[1] for r in (line or level)) if level else max(0, int(anchor.top - 0.3 * em)) + 0.5
    line_end = max(r.right for r in line) if line else layout.text.width
    left = _column_left(layout, hit) - 1.0 * em  # a caption's line starts under its first words
    right = min(line_end, limit) - 0.3 * em
    for k, row in enumerate(layout.rows):
        # writing stands on the line; large hand printing may cross it, but starts above it
        if k == row_index or not (-0.6 * em <= line_y - row.bottom <= 1.2 * em) or row.top >= line_y:
            continue
        if anchor.top - median(layout.word(i).box.bottom for i in row.indices) > 1.4 * em:
            continue  # a caption sits tight under its line; further up is another field's row
        inside = [i for i in layout.in_span(row, left, right) if not is_filler(layout.word(i).text) and i not in layout.tall]
        if not inside or any(i in stop for i in inside):
            continue
        picked = [inside[0]]
        # the writing may run on past the end of the line as faxed (drawn in pieces), up to the next column
        onward = [i for i in layout.in_span(row, left, limit - 0.3 * em) if layout.word(i).box.left > layout.word(inside[0]).box.left
                  and not is_filler(layout.word(i).text) and i not in layout.tall and i not in stop]
        for i in onward:
            if not _runs_on(layout, picked[-1], i):
                break
            picked.append(i)
        text = "".join(layout.word(i).text for i in picked)
        if sum(ch.isalnum() for ch in text) < 2 and not (hit.kind == "middle_initial" and _initial(text)):
            continue  # a speck or a stub of the line read as "1" or "!"
        if _no_value(layout, picked) or _prose(layout, picked):
            return None
        return ValueSpot(tuple(picked), "above", k)
    return None


def rule_above(layout: PageLayout, hit: LabelHit) -> Box | None:
    """The drawn line nearest above the label's start, up to 1.6 text heights over its top."""
    em, box = layout.em, _on_its_line(layout, hit)
    over = [r for r in layout.rules if r.width >= 3 * r.height and r.width >= 2 * em
            and r.left < box.left + em and r.right > box.left + 2 * em and -0.3 * em <= box.top - r.center[1] <= 1.6 * em]
    return max(over, key=lambda r: r.center[1], default=None)


def under_its_line(layout: PageLayout, hit: LabelHit) -> bool:
    """The label is printed tight under a drawn line, as a caption is (under half a text height or so;
    a label over its own line stands a line's spacing below the row above), and that line is no
    cell's top border: no wall beside the label meets it (a bordered cell's label sits tight under
    the cell's top too; a box drawn round captioned lines stands clear of their ends)."""
    rule = rule_above(layout, hit)
    em = layout.em
    if rule is None or _on_its_line(layout, hit).top - rule.center[1] > 0.8 * em:
        return False
    box = hit.box
    for wall in layout.rules:
        if wall.height < 1.5 * em or wall.height < 3 * wall.width:
            continue
        beside = box.left - 4 * em <= wall.center[0] <= box.left + 0.2 * em
        if beside and wall.top <= rule.center[1] + 0.5 * em and wall.bottom >= box.bottom \
                and rule.left - 0.6 * em <= wall.center[0] <= rule.right + 0.6 * em:
            return False
    return True


def value_area(layout: PageLayout, hit: LabelHit, labels: list[LabelHit], *, max_em: float = 24.0) -> Box | None:
    """Where ``hit``'s value is written when it sits right of the label: past any format hint,
    up to the next label on the row (or ``max_em`` text heights), the height of the label's row.
    """
    row = layout.rows[layout.row_of[hit.indices[-1]]]
    words = layout.text.words
    hints = _hints(layout, row, hit)
    left = max([hit.box.right] + [words[i].box.right for i in hints]) + 0.3 * layout.em
    right = min(_limit_x(layout, hit, labels, row) - 0.3 * layout.em, left + max_em * layout.em)
    top, bottom = hit.box.top - 0.35 * layout.em, hit.box.bottom + 0.35 * layout.em
    if right - left < layout.em:
        return None
    return Box(left=int(left), top=int(max(0, top)), width=int(right - left), height=int(bottom - max(0, top)))


def _label_prefix(layout: PageLayout, row: Row, picked: list[int], label_words: set[int]) -> bool:
    """Words run tight into a following label ("Bank" in "Bank routing #") are the start of that label."""
    last = picked[-1]
    line = layout.band(layout.word(last).box, row)
    position = line.index(last)
    if position + 1 >= len(line):
        return False
    following = line[position + 1]
    text = " ".join(layout.word(i).text for i in picked)
    return (
        following in label_words
        and layout.gap(last, following) < 0.9 * layout.em
        and len(picked) <= 2
        and not any(ch.isdigit() for ch in text)
    )


_CITY_LINE = re.compile(r"^[A-Za-z .'\-]+,?\s+[A-Za-z]{2}\.?,?\s+\d{5}(?:-?\d{4})?$")


def heads_a_column(layout: PageLayout, spot: ValueSpot) -> bool:
    """The writing under a label is the first entry of a chart's column: the next rows hold more
    entries of its shape at its left edge ("Plan ID" over H5652-001, H5652-002, H5652-003), so the label
    is the column's heading, not a field with that one value."""
    first = layout.word(spot.indices[0])
    shape = _SHAPE.sub("9", _LETTERS.sub("A", first.text))
    if len(first.text) < 4:
        return False
    em, bottom, same = layout.em, first.box.bottom, 0
    for row in layout.rows[spot.row + 1 :]:
        if row.top - bottom > 2.5 * em:
            break
        column = [i for i in row.indices if abs(layout.word(i).box.left - first.box.left) <= em]
        if not column:
            continue
        if _SHAPE.sub("9", _LETTERS.sub("A", layout.word(column[0]).text)) != shape:
            break
        same, bottom = same + 1, row.bottom
    return same >= 2


_LETTERS = re.compile(r"[A-Za-z]")
_SHAPE = re.compile(r"[0-9]")


def next_row_below(layout: PageLayout, spot: ValueSpot, stop: set[int], labels: list[LabelHit]) -> list[int]:
    """Unlabelled words on the row right under a value, in its span (a second address line)."""
    words = layout.text.words
    box = layout.union_box(list(spot.indices))
    label_words = {i for hit in labels for i in hit.indices}
    for below in layout.rows[spot.row + 1 : spot.row + 3]:
        if below.top - box.bottom > 1.6 * layout.em:
            return []
        inside = [
            i
            for i in layout.in_span(below, box.left - 1.0 * layout.em, box.right + 12 * layout.em)
            if not is_filler(words[i].text)
        ]
        if not inside:
            continue
        if any(i in stop or i in label_words for i in inside):
            return []
        return inside
    return []
