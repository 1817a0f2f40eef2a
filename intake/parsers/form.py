"""The enrollment form parser: page text and images in, fields by contract path out.

Every field is found by its label's wording (``labels``), the section it sits
in (``sections``) and the page geometry (``values``: right of the label or
under it), never by the pixel position of one template. Ticked boxes are read
from the image (``checkboxes``, ``choices``); the signature from pen ink
(``signature``). Each value goes through the normalisers, and its confidence
comes from the OCR word confidences and validation (``candidates``).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field, replace
from typing import get_args

import numpy as np
from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from intake.application import PaymentMethod
from intake.config import Settings
from intake.extraction import Extraction, FieldValue
from intake.ocr.page import RecognizedPage
from intake.ocr.page_text import Box
from intake.parsers import normalize
from intake.parsers.addresses import split_city_state_zip, split_full_address
from intake.parsers.candidates import Candidate, candidate_from, choose
from intake.parsers.checkboxes import Checkbox, find_checkboxes
from intake.parsers.choices import (
    PLAN_ID,
    Choice,
    Option,
    account_type_of,
    decide,
    method_of,
    read_options,
    sex_of,
    sex_of_misread_pair,
    ticked_unread_of_pair,
    unread_answer,
    yes_no_of,
)
from intake.parsers.field_map import NORMALIZERS, TEXT_PATHS, path_for
from intake.parsers.combs import join_comb_characters
from intake.parsers.hand_marks import answers_to_circle
from intake.parsers.label_keywords import KEY_WORD_SCORE, keyword_headings, keyword_labels, prefer_key_words
from intake.parsers.label_cells import first_line_top, join_stacked_labels, label_block, stacked_print_block
from intake.parsers.labels import (
    LABEL_VOCABULARY,
    LabelHit,
    clean_token,
    find_headings,
    find_labels,
    is_label_wording,
    join_wrapped_labels,
    values_mistaken_for_labels,
)
from intake.parsers.layout import PageLayout, is_filler, page_furniture, split_glued_labels
from intake.parsers.merged_lines import with_lines_split
from intake.parsers.name_order import find_name_orders, split_name, split_name_as_written
from intake.parsers.paragraphs import in_a_paragraph
from intake.parsers.ringed_words import with_ringed_words
from intake.parsers.sections import Heading, running_headers, section_of
from intake.parsers.signature import signature_ink
from intake.parsers.second_reading import Blank, second_look
from intake.parsers.typed_answers import typed_answer
from intake.parsers.values import (
    ValueSpot, find_value, heads_a_column, next_row_below, rule_above, under_its_line, value_above, value_area,
)
from intake.plans import PLANS

__all__ = ["extract_fields"]

log = logging.getLogger(__name__)


@dataclass
class _Page:
    """Everything read from one page, once."""

    layout: PageLayout
    image: np.ndarray
    labels: list[LabelHit]
    checkboxes: list[Checkbox]
    options: list[Option]
    stop: set[int] = field(default_factory=set)  # words no value may contain: labels, boxes, option text
    headings: list[LabelHit] = field(default_factory=list)
    name_orders: dict[int, tuple[str, ...]] = field(default_factory=dict)  # whole-name labels' order, by id


@dataclass
class _Found:
    candidates: dict[str, list[Candidate]] = field(default_factory=dict)
    located: set[str] = field(default_factory=set)  # paths whose label (or option group) is on the page

    def add(self, cand: Candidate) -> None:
        self.candidates.setdefault(cand.path, []).append(cand)


def _read_page(page: RecognizedPage) -> _Page:
    text = join_comb_characters(split_glued_labels(page.text), page.rules)
    layout = PageLayout.build(text, page.rules)
    checkboxes = find_checkboxes(page.image, text, page.rules)
    words = text.words
    box_words: set[int] = set()
    for cb in checkboxes:
        for i, word in enumerate(words):
            cx, cy = word.box.center
            if cb.box.left - 2 <= cx <= cb.box.right + 2 and cb.box.top - 2 <= cy <= cb.box.bottom + 2:
                box_words.add(i)
    options = read_options(layout, checkboxes, box_words)
    option_words = {i for o in options for i in o.indices}
    # A label wholly inside an option's text is part of that option ("...bank account each month").
    labels = [h for h in find_labels(layout) if not set(h.indices) <= option_words]
    labels = prefer_key_words(layout, labels, box_words | option_words)
    labels = _drop_values_read_as_labels(layout, labels, box_words | option_words)
    # Whole heading lines ("6. AGENT / BROKER") never hold a value.
    label_words = {i for h in labels for i in h.indices}
    heading_words: set[int] = set()
    headings = find_headings(layout)
    for heading in headings:
        chunk = _chunk_of(layout, heading)
        if label_words.intersection(heading.indices):
            # A heading that is also a label ("Mailing address (if different) PO BOX 12"): its value may follow.
            chunk = chunk[: chunk.index(heading.indices[-1]) + 1]
        else:
            # a heading ending in a colon ("If signed by someone else: name MARILYN BRANDT"): what follows
            # the colon is a label's and its value's, not the heading's
            ends = [k for k in range(chunk.index(heading.indices[-1]), len(chunk))
                    if layout.word(chunk[k]).text.rstrip().endswith(":")]
            chunk = chunk[: ends[0] + 1] if ends else chunk
        heading_words.update(chunk)
    # Wordings the phrase table does not know, by their key words, among the words left.
    taken = box_words | option_words | heading_words | label_words
    more = keyword_headings(layout, taken)
    headings += more
    heading_words.update(i for h in more for i in h.indices)
    # ... and then "St: MI" is Michigan, not a middle-initial label, whichever table found "St:"
    labels = values_mistaken_for_labels(layout, labels + keyword_labels(layout, labels, taken | heading_words))
    labels = join_stacked_labels(layout, join_wrapped_labels(layout, labels))
    # "Agents and brokers who help you fill out this form must ...": a paragraph's words, no label
    labels = [h for h in labels if not in_a_paragraph(layout, h)]
    # ... nor headings ("If signed by an authorized representative, ..."); and a heading's words inside a longer
    # label, after its first word, are that label's ("Signature of applicant or authorized representative")
    headings = [h for h in headings if not in_a_paragraph(layout, h) and not any(
        set(h.indices) < set(label.indices) and label.indices[0] != h.indices[0] for label in labels)]
    labels, orders = find_name_orders(layout, labels)
    # a footer's "Page 1 of 2" under the last row is never that row's value
    stop = box_words | option_words | heading_words | {i for h in labels for i in h.indices} | page_furniture(layout)
    stop |= answers_to_circle(text)
    return _Page(layout=layout, image=page.image, labels=labels, checkboxes=checkboxes, options=options, stop=stop,
                 headings=headings, name_orders={id(o.hit): o.order for o in orders})


def _chunk_of(layout: PageLayout, hit: LabelHit) -> list[int]:
    """The chunk of its row the hit stands in (both, for a label across a gap OCR left for a dash)."""
    row = layout.rows[layout.row_of[hit.indices[0]]]
    out = [i for chunk in layout.chunks(row) if set(hit.indices) & set(chunk) for i in chunk]
    return out or list(hit.indices)


def _is_short(hit: LabelHit, layout: PageLayout) -> bool:
    text = "".join(layout.word(i).text for i in hit.indices).strip(":")
    return len(text) <= 3 and not hit.colon


def _drop_values_read_as_labels(layout: PageLayout, labels: list[LabelHit], stop: set[int]) -> list[LabelHit]:
    """A short label ("MI", "ST") sitting where another label's value goes is that value (Michigan)."""
    short = [h for h in labels if _is_short(h, layout)]
    if not short:
        return labels
    others = [h for h in labels if h not in short]
    label_words = stop | {i for h in others for i in h.indices}
    drop = set()
    for hit in others:
        spot = find_value(layout, hit, others, label_words)
        if spot is None or (spot.where == "right" and not hit.colon):
            continue
        for s in short:
            if set(s.indices) <= set(spot.indices):
                drop.add(id(s))
    return [h for h in labels if id(h) not in drop]


def _headings(pages: list[_Page]) -> list[Heading]:
    out = []
    for p in pages:
        label_starts = {}
        for label in p.labels:
            for i in label.indices:
                label_starts[i] = label.indices[0]
        # the chunk each label starts, and where in it
        label_chunks = [(chunk, chunk.index(label.indices[0])) for label in p.labels
                        for chunk in [_chunk_of(p.layout, label)] if label.indices[0] in chunk]
        for h in p.headings:
            # Words of a longer label ("Signature of applicant or authorized representative") are no heading,
            # nor are words after a label in its own text ("Signature of beneficiary or legal representative").
            if any(i in label_starts and label_starts[i] < h.indices[0] and label_starts[i] not in h.indices
                   for i in h.indices):
                continue
            if any(h.indices[0] in chunk and chunk.index(h.indices[0]) > at for chunk, at in label_chunks):
                continue
            out.append(Heading(kind=h.kind, page=h.page, top=first_line_top(p.layout, h), left=h.chunk_left,
                               right=h.box.right, em=p.layout.em))
        for label in p.labels:
            # "Mail to:", "Representative's name:" open their own block: the city, state and
            # phone labels after them are the mailing address's and the representative's.
            kind = _SECTION_OPENERS.get(label.kind) or ("representative" if _names_and_relationship(p.layout, label) else None)
            if kind is not None and not _a_sentence(p.layout, label):
                out.append(Heading(kind=kind, page=label.page, top=label.box.top, left=label.chunk_left,
                                   right=label.box.right, em=p.layout.em))
    return out + _ends_of_contact_blocks(pages, out)


#: What an emergency contact's block asks: a label of any other kind is past its end.
_CONTACT_KINDS = frozenset({"name", "first_name", "last_name", "middle_initial", "phone", "rep_phone", "relationship",
                            "street", "address", "city", "state", "zip", "city_state_zip", "other"})


def _ends_of_contact_blocks(pages: list[_Page], headings: list[Heading]) -> list[Heading]:
    """An emergency contact's block ends at the first label below it that asks something no contact's block
    does (the plan, the effective date, a doctor): from there on the labels are the applicant's again, until
    the next heading."""
    ends: list[Heading] = []
    for heading in (h for h in headings if h.kind == "emergency"):
        after = sorted((label for p in pages for label in p.labels
                        if (label.page, label.box.top) > (heading.page, heading.top + 0.5 * heading.em)),
                       key=lambda label: (label.page, label.box.top))
        other = next((label for label in after if label.kind not in _CONTACT_KINDS), None)
        if other is not None:
            ends.append(Heading(kind="other", page=other.page, top=other.box.top - 0.2 * heading.em, left=0.0,
                                right=other.box.right, em=heading.em))
    return ends


def _a_sentence(layout: PageLayout, label: LabelHit) -> bool:
    """Key words found in a sentence's line ("... we will / mail you a bill each month."): no label's block."""
    words = [layout.word(i).text for i in label.indices]
    return words[-1].rstrip().endswith(".") or (len(words) > _MOST_KEY_WORD_RUN and label.score <= KEY_WORD_SCORE)


_MOST_KEY_WORD_RUN = 5  # words of a label found by its key words alone ("Representative's mailing address")
_SECTION_OPENERS = {"mailing_street": "mailing", "rep_name": "representative", "rep_address": "representative"}


def _text_of(p: _Page, spot: ValueSpot) -> tuple[str, float]:
    raw, conf, _ = _words_read(p, list(spot.indices))
    return raw, conf


def _words_read(p: _Page, indices: list[int]) -> tuple[str, float, Box]:
    """What the words say, their lowest confidence and the box round them."""
    words = p.layout.text.words
    return " ".join(words[i].text for i in indices), min(words[i].conf for i in indices), p.layout.union_box(indices)


def _read_text_fields(
    pages: list[_Page], headings: list[Heading], found: _Found, blanks: list[Blank]
) -> dict[str, list[tuple[LabelHit, str | None]]]:
    """Labelled text fields; returns the labels by kind (with their section) for the choice and signature steps.

    A label with no value words goes to ``blanks`` with the area its value would fill.
    """
    by_kind: dict[str, list[tuple[LabelHit, str | None]]] = {}
    captioned = _captioned_form(pages)
    for p in pages:
        spots = _value_spots(p, headings, captioned)
        for hit in p.labels:
            section = section_of(hit, headings, p.layout.em)
            by_kind.setdefault(hit.kind, []).append((hit, section))
            if id(hit) in p.name_orders:
                _read_whole_name(p, hit, spots.get(id(hit)), section, found)
                continue
            if _names_and_relationship(p.layout, hit):
                _read_name_and_relationship(p, hit, spots.get(id(hit)), found)
                continue
            if _names_the_applicant(p.layout, hit, section):
                _read_name_as_written(p, hit, spots.get(id(hit)), found)
                continue
            path = path_for(hit.kind, section)
            _locate(found, path, hit.kind)
            if path is None or hit.kind in ("sex", "date", "signature", "rep_signature"):
                continue
            spot = spots.get(id(hit))
            if spot is not None and spot.where == "below" and _in_label_print(p, hit, spot):
                # the label's own last line ("... (cannot be a / P.O. Box)"): the answer is beside the label, or
                # none; an answer column may stand a little further off than writing near a label would
                beside = _beside_a_label_block(p, hit, reach=_ANSWER_COLUMN_REACH) if hit.strong else None
                spot = ValueSpot(tuple(beside), "right", p.layout.row_of[beside[0]]) if beside else None
            beside = _beside_a_label_block(p, hit) if hit.strong and (spot is None or spot.where == "right") else None
            if beside and _written_taller(p, hit, beside) and (spot is None or set(spot.indices) < set(beside)):
                # writing level with a label set on several lines, beside it, that the rows missed or cut short
                spot = ValueSpot(tuple(beside), "right", p.layout.row_of[beside[0]])
            if spot is None:
                if ":" not in path:
                    areas = _blank_areas(p, hit)
                    if areas:
                        blanks.append(Blank(path, hit.page, areas))
                continue
            raw, conf = _text_of(p, spot)
            box = p.layout.union_box(list(spot.indices))
            weak = not hit.strong
            if hit.kind == "city_state_zip" or path.endswith(":city_state_zip"):
                _add_city_line(found, path.rsplit(".", 1)[0] if ":" not in path else path.split(":")[0], raw, conf, hit.page, box, rank=0)
                continue
            if ":" in path:  # a part of a composite field (representative's name or address)
                found.add(Candidate(path, raw.strip(), conf, conf < 0.8, None, raw, hit.page, box))
                continue
            if path.endswith(".street"):
                base = path.rsplit(".", 1)[0]
                whole = split_full_address(raw)
                if whole is not None:
                    street, rest = whole
                    found.add(_normalised(f"{base}.street", street, conf, hit.page, box, weak=weak))
                    _add_parts(found, base, rest, conf, hit.page, box, rank=1)
                    continue
                extra = next_row_below(p.layout, spot, p.stop, p.labels)
                if extra:
                    words = p.layout.text.words
                    line = " ".join(words[i].text for i in extra)
                    line_conf = min(words[i].conf for i in extra)
                    _add_city_line(found, base, line, line_conf, hit.page, p.layout.union_box(extra), rank=1)
            if path == "agent.name" and _PRODUCER_NUMBER.fullmatch(raw.strip()):
                # "National Producer [Number (NPN)]" whose last line OCR lost: a number is never a name
                npn = _normalised("agent.npn", raw, conf, hit.page, box)
                found.add(replace(npn, needs_review=True, note=npn.note or "label_unread", confidence=min(npn.confidence, 0.6)))
                continue
            cand = _normalised(path, raw, conf, hit.page, box, weak=weak and path in TEXT_PATHS)
            if path in TEXT_PATHS and cand.valid and _split_inside_a_word(p.layout, spot):
                cand = replace(cand, needs_review=True, note=cand.note or "word_split_doubtful")
            found.add(cand)
            if not cand.valid and not normalize.is_placeholder(raw):
                # the words taken are no value of the field (another label's print beside it, a date whose
                # digits OCR left out): its value may still be written where none was read; "Not provided"
                # typed there says it is blank
                areas = _blank_areas(p, hit)
                if areas:
                    blanks.append(Blank(path, hit.page, areas))
    return by_kind


_PRODUCER_NUMBER = re.compile(r"\d{5,10}")


def _read_whole_name(p: _Page, hit: LabelHit, spot: ValueSpot | None, section: str | None, found: _Found) -> None:
    """A name written on one line in the order the label's bracket gives ("KRUEGER, DUANE H" under "Name (Last,
    First, M.I.)"): the applicant's parts each from their piece; someone else's name as one, first name first."""
    if section in ("representative", "office"):
        base = "authorized_representative.name" if section == "representative" else "agent.name"
    elif section in (None, "applicant"):
        base = "applicant"
    else:
        return
    for part in ("first_name", "last_name", "middle_initial"):
        _locate(found, f"{base}.{part}" if base == "applicant" else base, part)
    indices = _whole_line_value(p, hit, spot)
    if not indices:
        return
    raw, conf, box = _words_read(p, indices)
    parts, doubtful = split_name(raw, p.name_orders[id(hit)])
    if base != "applicant":
        whole = " ".join(parts[k] for k in ("first_name", "middle_initial", "last_name") if k in parts)
        found.add(_normalised(base, whole, conf, hit.page, box))
        return
    for part, value in parts.items():
        cand = _normalised(f"applicant.{part}", value, conf, hit.page, box)
        if doubtful and cand.valid:
            cand = replace(cand, needs_review=True, note=cand.note or "name_split_doubtful",
                           confidence=min(cand.confidence, 0.6))
        found.add(cand)


def _names_the_applicant(layout: PageLayout, hit: LabelHit, section: str | None) -> bool:
    """A "Name" label of the applicant's own ("Applicant name", "Full name") that starts its line, outside
    anybody else's section; not "Print name" under a signature, which may be a representative's."""
    tokens = {clean_token(layout.word(i).text) for i in hit.indices}
    return (hit.kind == "name" and section in (None, "applicant") and hit.at_chunk_start and "name" in tokens
            and not tokens & {"print", "printed"})


def _read_name_as_written(p: _Page, hit: LabelHit, spot: ValueSpot | None, found: _Found) -> None:
    """The applicant's name on one line in the order people write it ("Kathleen M. Hoffmann"). A name read
    from its parts' own labels outranks it."""
    indices = _whole_line_value(p, hit, spot) or (list(spot.indices) if spot is not None else [])
    raw, conf, box = _words_read(p, indices) if indices else ("", 1.0, hit.box)
    if any(ch in raw for ch in "()[]{}"):
        return  # the label's own bracket read with it ("(Last, First, M.I.)" unread as an order): not a name alone
    for part in ("first_name", "last_name", "middle_initial"):
        _locate(found, f"applicant.{part}", part)
    parts, doubtful = split_name_as_written(raw)
    if doubtful and "middle_initial" not in parts:
        # "Mary Ann Van Dyke": a middle name or a two-word surname; whether an initial is among them is a guess
        found.add(Candidate("applicant.middle_initial", None, 0.3, True, "name_split_doubtful", raw, hit.page, box,
                            rank=1))
    for part, value in parts.items():
        cand = replace(_normalised(f"applicant.{part}", value, conf, hit.page, box), rank=1)
        if doubtful and cand.valid:
            cand = replace(cand, needs_review=True, note=cand.note or "name_split_doubtful",
                           confidence=min(cand.confidence, 0.6))
        found.add(cand)


def _names_and_relationship(layout: PageLayout, hit: LabelHit) -> bool:
    """"Name and relationship of person signing for applicant": one line for someone else's name and who
    they are to the applicant."""
    return hit.kind == "relationship" and any(clean_token(layout.word(i).text) == "name" for i in hit.indices)


def _read_name_and_relationship(p: _Page, hit: LabelHit, spot: ValueSpot | None, found: _Found) -> None:
    """"CAROL WOJCIK, legal guardian": the representative's name before the last comma, the relationship after;
    without a comma which words are which is unknown, so the whole is the name, for a person to look at."""
    rep = "authorized_representative"
    _locate(found, f"{rep}.name", "rep_name")
    _locate(found, f"{rep}.relationship", "relationship")
    indices = _whole_line_value(p, hit, spot)
    if not indices:
        return
    raw, conf, box = _words_read(p, indices)
    name, comma, relationship = raw.rpartition(",")
    if not comma:
        cand = _normalised(f"{rep}.name", raw, conf, hit.page, box)
        found.add(replace(cand, needs_review=True, note=cand.note or "relationship_not_apart",
                          confidence=min(cand.confidence, 0.5)))
        return
    found.add(_normalised(f"{rep}.name", name, conf, hit.page, box))
    found.add(_normalised(f"{rep}.relationship", relationship, conf, hit.page, box))


def _written_taller(p: _Page, hit: LabelHit, words: list[int]) -> bool:
    """The words stand taller than the label's print, as writing on a scan does (print beside is no value)."""
    heights = sorted(p.layout.word(i).box.height for i in words)
    return heights[len(heights) // 2] >= 1.15 * max(p.layout.word(i).box.height for i in hit.indices)


def _whole_line_value(p: _Page, hit: LabelHit, spot: ValueSpot | None) -> list[int]:
    """The words of a one-line answer to a label: beside the label's block when it is set on two or more
    lines (nothing there is a blank, not a reason to look under it), else where the label's value is."""
    beside = _beside_a_label_block(p, hit)
    if beside is not None:
        return beside
    return list(spot.indices) if spot is not None else []


def _in_label_print(p: _Page, hit: LabelHit, spot: ValueSpot) -> bool:
    """The words taken under a label close the bracket its line left open ("... (cannot be a / P.O. Box)"): the
    label's own print, not a value."""
    layout = p.layout
    row = layout.rows[layout.row_of[hit.indices[-1]]]
    line = " ".join(layout.word(i).text for i in row.indices if layout.word(i).box.left >= hit.box.left)
    taken = " ".join(layout.word(i).text for i in spot.indices)
    return line.count("(") > line.count(")") and ")" in taken and all(
        is_label_wording(layout.word(i).text) for i in spot.indices)


_ANSWER_COLUMN_REACH = 6.0  # em from a label's block to the answer beside it, when nothing else is its value


def _hint_print(text: str) -> bool:
    """A word of a label's bracketed hint: it opens a bracket, or it is lower-case wording."""
    letters = text.strip("().,;:")
    return text.startswith("(") or (letters.isalpha() and letters.islower())


def _beside_a_label_block(p: _Page, hit: LabelHit, reach: float = 4.0) -> list[int] | None:
    """The writing level with a label set on two or more lines, right of it, left to right: a hand's words
    wander up and down beside such a label, so they may fall in different rows of the page. None for a label
    on one line."""
    layout, em = p.layout, p.layout.em
    block = stacked_print_block(layout, hit, {i for other in p.labels if other is not hit for i in other.indices})
    if block.height < 1.6 * em:
        return None
    beside = sorted((i for i, w in enumerate(layout.text.words)
                     if w.box.left > block.right and block.top - 0.3 * em <= w.box.center[1] <= block.bottom + 0.3 * em
                     and i not in p.stop and not is_filler(w.text) and w.box.height >= 0.5 * em),
                    key=lambda i: layout.word(i).box.left)
    picked: list[int] = []
    for i in beside:
        if not picked and layout.word(i).box.left - block.right > reach * em:
            break  # nothing written near the label
        if not picked and _hint_print(layout.word(i).text):
            continue  # the label's own bracketed hint running on ("(cannot | be a P.O. Box)")
        if picked and layout.gap(picked[-1], i) > 3 * em:
            break
        picked.append(i)
    return picked


def _value_spots(p: _Page, headings: list[Heading], captioned: bool = False) -> dict[int, ValueSpot]:
    """Where each text label's value is, by ``id`` of the label: right of it or under it; or, for a
    caption printed under its line ("Street address", "City  State  ZIP code"), on the line above.

    A label is a caption when words stand on a line just above it that no label of another kind
    reads as its own value; the line under a caption is then the next row of the form, not its value.
    (Under "Last name"'s line the next label is "Address", whose line above holds the last name:
    that is the name label's value, so "Address" is not a caption.)
    """
    spots: dict[int, ValueSpot] = {}
    for hit in p.labels:
        spot = find_value(p.layout, hit, p.labels, p.stop)
        if spot is not None and not (spot.where == "below" and heads_a_column(p.layout, spot)):
            spots[id(hit)] = spot
    by_id = {id(hit): hit for hit in p.labels}
    # a table's label cell: the lines printed under a label whose value stands beside them are label print
    stop = p.stop | {i for spot in spots.values() for i in spot.label_print}
    if not captioned:
        # ... and so are those under a label left blank ("Representative's phone number / Teléfono del
        # representante"): never the value over the next label
        stop |= {i for hit in p.labels if id(hit) not in spots or spots[id(hit)].where == "right"
                 for i in label_block(p.layout, hit, p.labels)[1]}
    # the writing just above each label that may be a caption (its own value, if any, is below it)
    aboves = {
        id(hit): above for hit in p.labels
        if hit.kind not in _NOT_CAPTIONS and (id(hit) not in spots or spots[id(hit)].where == "below")
        and (above := value_above(p.layout, hit, p.labels, stop)) is not None
    }
    for hit in sorted(p.labels, key=lambda h: (h.box.top, h.box.left)):
        own, above = spots.get(id(hit)), aboves.get(id(hit))
        if above is None:
            continue
        owners = [by_id[key] for key, spot in spots.items() if key != id(hit) and set(spot.indices) & set(above.indices)]
        if (own is None and not owners) or (owners and all(owner.kind == hit.kind for owner in owners)):
            # nothing under the label and nobody else's value over it; or the same field's value, also read
            # by a question or label above it ("7. ... give your street address.")
            spots[id(hit)] = above
    _captions_in_a_chain(p, spots, aboves)
    if captioned:
        _captions_take_their_lines(p, spots, aboves)
    return spots


def _page_captions(p: _Page) -> tuple[list[LabelHit], int]:
    """The labels standing tight under their lines (``under_its_line``), and how many have a line above."""
    ruled = [hit for hit in p.labels if hit.kind not in _NOT_CAPTIONS and rule_above(p.layout, hit) is not None]
    return [hit for hit in ruled if under_its_line(p.layout, hit)], len(ruled)


def _captioned_form(pages: list[_Page]) -> bool:
    """A form that prints its captions under their lines.

    Label over line and caption under line repeat the same stripes down a page (writing, line, small
    print), so one label alone cannot say which it is. The form can: most of its labels with a line
    above them stand tight under it. Judged over the whole form, so a page with few labels (a
    signature page) reads as the rest.

    A label at the top of a ruled box stands tight under the box's top edge too; but the writing is then
    under it, in the box, and the edge has nothing written on it. Captions have: a good share of them
    have writing on the line over them (the rest are fields left blank)."""
    captions = ruled = written = 0
    for p in pages:
        tight, count = _page_captions(p)
        captions, ruled = captions + len(tight), ruled + count
        written += sum(value_above(p.layout, hit, p.labels, p.stop) is not None for hit in tight)
    return (captions >= _CAPTIONS_AT_LEAST and captions >= 0.5 * ruled
            and written >= _CAPTIONS_AT_LEAST and written >= _WRITTEN_ON_THE_LINE * captions)


def _captions_take_their_lines(p: _Page, spots: dict[int, ValueSpot], aboves: dict[int, ValueSpot]) -> None:
    """On a form of captions, each caption takes the writing on its own line (a blank line leaves it
    blank), and the writing under a caption is the next row's, not its value nor any other label's
    below it."""
    captions, _ = _page_captions(p)
    ids = {id(hit) for hit in captions}
    for hit in captions:
        own = spots.get(id(hit))
        if id(hit) in aboves:
            spots[id(hit)] = aboves[id(hit)]
        elif own is not None and own.where == "below":
            del spots[id(hit)]  # a blank line: what is under its caption is the next row's
        elif own is not None and own.where == "right":
            # what stands right of a caption is the rest of its print or the next caption's
            above = value_above(p.layout, hit, p.labels, p.stop)
            if above is not None:
                spots[id(hit)] = above
            else:
                del spots[id(hit)]
    written = {i for key in ids if key in spots and spots[key].where == "above" for i in spots[key].indices}
    for key in [key for key, spot in spots.items() if key not in ids and spot.where == "below"]:
        if written & set(spots[key].indices):
            del spots[key]


#: Labels whose value is no writing on a line (a signature, tick boxes).
_NOT_CAPTIONS = ("sex", "signature", "rep_signature")
#: How many captions under their lines (over the whole form) make a form of captions ...
_CAPTIONS_AT_LEAST = 4
#: ... and the share of them with writing on their line
_WRITTEN_ON_THE_LINE = 0.25


def _captions_in_a_chain(p: _Page, spots: dict[int, ValueSpot], aboves: dict[int, ValueSpot]) -> None:
    """Captions stacked under their lines ("Street address or PO Box" / writing / "City"): a caption
    that read the writing under it as its own, while that writing is the caption below's (which has
    nothing else) and the writing over it is nobody's, takes the writing over it and gives the
    writing under it to the caption below. ``aboves``: the writing just above each possible caption."""
    for hit in sorted(p.labels, key=lambda h: (h.box.top, h.box.left)):
        own, above = spots.get(id(hit)), aboves.get(id(hit))
        if own is None or own.where != "below" or above is None:
            continue
        if any(set(spot.indices) & set(above.indices) for key, spot in spots.items() if key != id(hit)):
            continue
        below = [b for b in p.labels if b is not hit and b.kind != hit.kind and id(b) not in spots
                 and id(b) in aboves and set(aboves[id(b)].indices) == set(own.indices)]
        if len(below) == 1:
            spots[id(hit)] = above
            spots[id(below[0])] = ValueSpot(own.indices, "above", own.row)


def _locate(found: _Found, path: str | None, kind: str) -> None:
    """Note that the label for ``path`` is printed on the form: its value is read, or seen to be left blank."""
    if path is None:
        return
    base = path.split(":")[0]
    if kind == "city_state_zip" or path.endswith(":city_state_zip"):
        prefix = base if ":" in path else base.rsplit(".", 1)[0]
        found.located.update(f"{prefix}.{part}" for part in ("city", "state", "zip"))
    else:
        found.located.add(base)


def _blank_areas(p: _Page, hit: LabelHit) -> tuple[Box, ...]:
    """Where a label with no value words could hold one: right of it (cut short at the first word no
    value may hold, such as option text), and the strip just under it (forms that write values below).
    """
    em = p.layout.em
    words = p.layout.text.words
    areas = []
    area = value_area(p.layout, hit, p.labels)
    if area is not None:
        stops = [words[i].box.left for i in p.stop if i not in hit.indices
                 and area.left <= words[i].box.center[0] <= area.right and area.top <= words[i].box.center[1] <= area.bottom]
        right = min(stops, default=area.right) - 0.3 * em
        if right - area.left >= em:
            areas.append(Box(left=area.left, top=area.top, width=int(right - area.left), height=area.height))
    # under the label: as wide as the label's column, down to the next words (the next row of fields)
    left = max(0, int(hit.box.left - 0.5 * em))
    right = int((area.right if area is not None else hit.box.right) + 0.3 * em)
    top = int(hit.box.bottom + 0.2 * em)
    # the next words below close the strip; a short low-confidence mark may be the unread value itself
    lower = [w.box.top for w in words if w.box.top > top and w.box.left < right and w.box.right > left
             and not (len(w.text.strip()) <= 2 and w.conf < 0.6)]
    bottom = int(min([top + 3.0 * em] + [t - 0.2 * em for t in lower]))
    if bottom - top >= 0.8 * em:
        areas.append(Box(left=left, top=top, width=right - left, height=bottom - top))
    return tuple(areas)


def _split_inside_a_word(layout: PageLayout, spot: ValueSpot) -> bool:
    """Two words of a value closer than a third of a letter apart: OCR may have split one word ("JA NET")."""
    words = [layout.word(i) for i in spot.indices]
    if len(words) < 2:
        return False
    letters = sum(len(w.text) for w in words)
    letter_width = sum(w.box.width for w in words) / max(1, letters)
    return any(b.box.left - a.box.right < 0.35 * letter_width for a, b in zip(words, words[1:]))


def _normalised(path: str, raw: str, conf: float, page: int, box, *, rank: int = 0, weak: bool = False) -> Candidate:
    normaliser = NORMALIZERS.get(path, normalize.text)
    cand = candidate_from(path, normaliser(raw), raw=raw, word_conf=conf, page=page, box=box, rank=rank, weak_label=weak)
    if cand.valid and path in TEXT_PATHS and not cand.needs_review and _reads_like_label_print(raw):
        return replace(cand, needs_review=True, note="looks_like_label", confidence=min(cand.confidence, 0.5))
    return cand


def _reads_like_label_print(raw: str) -> bool:
    """A text value holding a misread label word ("ADORESS") or a bracketed hint ("(NO P.O. BOX)") may be
    the form's own print taken for writing: a person should look. A label word spelt right is a
    plausible value ("STATE ST", "... CLINIC") and is left alone."""
    if "(" in raw and ")" in raw:
        return True
    for token in (clean_token(t) for t in raw.split()):
        if len(token) >= 5 and token not in LABEL_VOCABULARY and token.isalpha():
            if any(len(word) >= 5 and fuzz.ratio(token, word) >= 85 for word in LABEL_VOCABULARY):
                return True
    return False


def _add_parts(found: _Found, base: str, parts, conf: float, page: int, box, rank: int) -> None:
    for name, value in (("city", parts.city), ("state", parts.state), ("zip", parts.zip)):
        if value:
            found.add(_normalised(f"{base}.{name}", value, conf, page, box, rank=rank))


def _add_city_line(found: _Found, base: str, raw: str, conf: float, page: int, box, rank: int) -> None:
    parts = split_city_state_zip(raw)
    if parts is None:
        if rank == 0:
            found.add(Candidate(f"{base}.city", None, 0.2, True, "bad_format", raw, page, box))
        return
    if base == "authorized_representative.address":
        found.add(Candidate(f"{base}:city_state_zip", raw.strip(), conf, conf < 0.8, None, raw, page, box))
        return
    _add_parts(found, base, parts, conf, page, box, rank)


_METHODS = frozenset(get_args(PaymentMethod))


def _choice_field(found: _Found, path: str, choice: Choice | None) -> None:
    if choice is None:
        return
    o = choice.option
    found.add(Candidate(path, choice.value, choice.confidence, choice.needs_review, choice.note, o.text, o.page, o.box))


def _near(hit: LabelHit, o: Option, em: float, rows_below: float = 3.5) -> bool:
    """An option on the label's row to its right, or in the rows just under it."""
    if o.page != hit.page:
        return False
    oy = o.box.center[1]
    same_row = abs(oy - hit.box.center[1]) <= 0.8 * em and o.box.left >= hit.box.left - 0.5 * em
    under = hit.box.bottom - 0.3 * em <= oy <= hit.box.bottom + rows_below * em and o.box.left >= hit.box.left - 3 * em
    return same_row or under


_FOREIGN_SECTIONS = ("representative", "office", "emergency")  # someone else's answers


def _read_choices(pages: list[_Page], headings: list[Heading], by_kind, found: _Found) -> None:
    options = [o for p in pages for o in p.options]
    em_of = {p.layout.page: p.layout.em for p in pages}

    # Sex: boxes by the "Sex"/"Gender" label; else a written letter or word.
    sex_labels = [h for h, section in by_kind.get("sex", []) if section not in _FOREIGN_SECTIONS]
    near = by_label = [o for o in options for h in sex_labels if _near(h, o, em_of[o.page])]
    if not any(sex_of(o.text) for o in near):
        # No "Sex" label by its boxes ("Are you male or female?"): boxes that say only Male / Female,
        # outside someone else's section, are the applicant's.
        near = [o for o in options if _says_only_sex(o.text)
                and _section_of_option(o, headings, em_of[o.page]) not in ("representative", "office", "emergency")]
    choice = decide(near, sex_of) or ticked_unread_of_pair(near, sex_of, ("M", "F")) or sex_of_misread_pair(by_label)
    if sex_labels or any(sex_of(o.text) for o in near):
        found.located.add("applicant.sex")
    if choice is None and not near:
        for hit in sex_labels:
            p = next(p for p in pages if p.layout.page == hit.page)
            spot = find_value(p.layout, hit, p.labels, p.stop)
            if spot is not None:
                raw, conf = _text_of(p, spot)
                first = p.layout.word(spot.indices[0]).box
                beside = [w.text for w in p.layout.text.words if 0 <= w.box.left - first.left <= 15 * p.layout.em
                          and abs(w.box.center[1] - first.center[1]) <= p.layout.em]
                if {sex_of(text) for text in beside} >= {"M", "F"}:
                    continue  # "M  F": the answers printed to be circled or marked, not one written
                found.add(_normalised("applicant.sex", raw, conf, hit.page, p.layout.union_box(list(spot.indices))))
    _choice_field(found, "applicant.sex", choice)

    # Plan: an option naming a contract-PBP id.
    def plan_meaning(text: str) -> str | None:
        m = PLAN_ID.search(text.upper().replace("O", "0"))
        by_id = normalize.plan_id(m.group(0)).value if m else None
        if by_id in PLANS:
            return by_id
        # an id OCR broke ("5652-001"): the plan's own catalogue names the option
        return _plan_by_name(text) or by_id

    plan = decide(options, plan_meaning)
    if any(plan_meaning(o.text) for o in options):
        found.located.add("plan.id")
    elif plan is None:
        typed = _typed_answer(pages, by_kind, ("plan", "plan_name"), "plan.id", plan_meaning, found)
        if typed is not None and typed.value in PLANS:
            found.add(replace(typed, path="plan.name", value=PLANS[typed.value]))
    if plan is not None:
        _choice_field(found, "plan.id", plan)
        if plan.value is not None:
            name = PLANS.get(plan.value) or PLAN_ID.sub("", plan.option.text).strip(" -–,")
            found.add(Candidate("plan.name", name, plan.confidence, plan.needs_review, plan.note, plan.option.text,
                                plan.option.page, plan.option.box))

    # Premium method and account type: options in the payment section when there is one.
    payment = [o for o in options if _section_of_option(o, headings, em_of[o.page]) == "payment"] or options
    method = decide(payment, method_of) or unread_answer(payment, method_of, _METHODS)
    _choice_field(found, "premium_payment.method", method)
    method_value = method.value if method is not None else None
    if any(method_of(o.text) for o in payment):
        found.located.add("premium_payment.method")
    elif method is None:
        typed = _typed_answer(pages, by_kind, ("payment_method",), "premium_payment.method", method_of, found)
        method_value = typed.value if typed is not None else None
    account_type = decide(payment, account_type_of)
    if account_type is None and not any(account_type_of(o.text) for o in payment):
        _typed_answer(pages, by_kind, ("account_type",), "premium_payment.account_type", account_type_of, found)
    if account_type is None and method_value == "eft":
        # a bank draft names its account's type: none ticked is a mark left unread more often than a blank
        asked = [o for o in payment if account_type_of(o.text)]
        if asked:
            account_type = Choice(None, 0.3, True, "account_type_unread", asked[0])
    _choice_field(found, "premium_payment.account_type", account_type)

    # Dental rider: yes/no boxes on or just under a line that mentions dental, or an option naming it.
    dental_rows = [
        (p.layout.page, w.box)
        for p in pages
        for w in p.layout.text.words
        if clean_token(w.text) == "dental" or clean_token(w.text).startswith("dental")
    ]
    dental_opts = [
        o for o in options
        if any(page == o.page and -0.8 * em_of[page] <= o.box.center[1] - box.center[1] <= 3.5 * em_of[page]
               for page, box in dental_rows)
    ]

    def dental_meaning(text: str) -> bool | None:
        yes_no = yes_no_of(text)
        return yes_no

    _choice_field(found, "dental_rider",
                  decide(dental_opts, dental_meaning) or ticked_unread_of_pair(dental_opts, dental_meaning, (True, False)))
    if not dental_opts:
        _typed_answer(pages, by_kind, ("dental",), "dental_rider", dental_meaning, found)


def _typed_answer(pages: list[_Page], by_kind, kinds: tuple[str, ...], path: str, meaning, found: _Found) -> Candidate | None:
    """A choice answered in words where its label's value goes (``typed_answers``), outside anybody else's
    section."""
    page_of = {p.layout.page: p for p in pages}
    questions = [(hit, page_of[hit.page]) for kind in kinds for hit, section in by_kind.get(kind, [])
                 if section not in _FOREIGN_SECTIONS]
    cand, located = typed_answer(questions, path, meaning)
    if cand is not None:
        found.add(cand)
    if located:
        found.located.add(path)
    return cand


def _says_only_sex(text: str) -> bool:
    return clean_token(text) in ("male", "female")


def _plan_by_name(text: str) -> str | None:
    """The catalogue plan whose marketing name the option text spells, when exactly one is close."""
    name = re.sub(r"[A-Z]?\d[\d\s\-–.]*", " ", text).strip(" -–,").lower()
    if len(name) < 8:
        return None
    # token_set: extra words around the name ("..., contract") do not count against it
    scores = sorted(((fuzz.token_set_ratio(name, plan.lower(), processor=default_process), plan_id) for plan_id, plan in PLANS.items()),
                    reverse=True)
    best = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    return best[1] if best[0] >= 90 and best[0] - runner_up >= 4 else None


def _section_of_option(o: Option, headings: list[Heading], em: float) -> str | None:
    probe = LabelHit(kind="option", page=o.page, indices=(), box=o.box, score=100, at_chunk_start=True, colon=False, chunk_len=1)
    return section_of(probe, headings, em)


def _read_signature(pages: list[_Page], by_kind, found: _Found, blanks: list[Blank]) -> None:
    page_of = {p.layout.page: p for p in pages}
    # a "Signature" heading over its block is no place to sign when the block has its own signature label
    titles = {(p.layout.page, tuple(h.indices)) for p in pages for h in p.headings if h.kind == "signature"}
    signs = [hit for hit, _ in by_kind.get("signature", []) if (hit.page, tuple(hit.indices)) not in titles]
    applicant_sigs, rep_sigs = [], []
    for kind in ("signature", "rep_signature"):
        for hit, section in by_kind.get(kind, []):
            if section in ("office", "emergency") or (signs and (hit.page, tuple(hit.indices)) in titles):
                continue
            target = rep_sigs if kind == "rep_signature" or section == "representative" else applicant_sigs
            target.append(hit)
    measured = []
    for hit in applicant_sigs:
        p = page_of[hit.page]
        measured.append((hit, signature_ink(p.layout, p.image, hit, p.labels)))
    rep_signed = any(signature_ink(page_of[h.page].layout, page_of[h.page].image, h, page_of[h.page].labels).signed
                     for h in rep_sigs)
    if measured:
        hit, ink = max(measured, key=lambda m: (m[1].signed, m[1].ink))
        signed = ink.signed or rep_signed
        found.located.add("signature.signed")
        conf = 0.95 if (ink.signed and not ink.unsure) or (not ink.signed and ink.ink < 0.1) else 0.5
        found.add(Candidate("signature.signed", bool(signed), conf, ink.unsure and not rep_signed, "signature_unsure" if ink.unsure else None,
                            None, hit.page, hit.box))
        _read_signature_date(page_of[hit.page], hit, by_kind, found, blanks)
    elif rep_sigs:
        found.add(Candidate("signature.signed", rep_signed, 0.8, True, "signature_label_missing", None, rep_sigs[0].page, rep_sigs[0].box))
    # Who signed: the representative block is filled in, or a "representative" box is ticked.
    rep_box = any(
        o.checkbox.checked and "representative" in o.text.lower()
        for p in pages for o in p.options
    )
    names = [c for c in found.candidates.get("authorized_representative.name", []) if c.valid]
    # a name read with doubt decides who signed only when it reads like a name (two words), not a speck
    # read "t" or a stray "I"; either way the signer is then reviewed
    rep_name = any(not c.needs_review or _reads_like_a_name(str(c.value)) for c in names)
    signed = [c for c in found.candidates.get("signature.signed", []) if c.value]
    if signed:
        by = "authorized_representative" if (rep_box or rep_name or rep_signed) else "applicant"
        unsure = not (rep_box or rep_signed) and bool(names) and all(c.needs_review for c in names)
        # who signed is no surer than that anybody signed: a doubtful signature makes its signer doubtful
        doubted = all(c.needs_review for c in signed)
        note = "representative_unsure" if unsure else ("signature_unsure" if doubted else None)
        found.add(Candidate("signature.by", by, 0.6 if unsure or doubted else 0.9, unsure or doubted, note,
                            None, None, None))


def _reads_like_a_name(text: str) -> bool:
    words = [word.strip(".,") for word in text.split()]  # "MARILYN. BRANDT": a speck read as a period
    return sum(1 for word in words if len(word) >= 2 and word.isalpha()) >= 2


def _read_signature_date(p: _Page, sig: LabelHit, by_kind, found: _Found, blanks: list[Blank]) -> None:
    em = p.layout.em
    best, best_d = None, None
    for hit, section in by_kind.get("date", []):
        if hit.page != sig.page or section in ("office", "emergency"):
            continue
        dy = hit.box.center[1] - sig.box.center[1]
        dx = hit.box.left - sig.box.right
        if abs(dy) > 6 * em or (abs(dy) < 0.8 * em and dx < -em):
            continue
        d = abs(dy) * 3 + abs(dx) / 4
        if best_d is None or d < best_d:
            best, best_d = hit, d
    if best is None:
        return
    found.located.add("signature.date")
    spot = find_value(p.layout, best, p.labels, p.stop) or value_above(p.layout, best, p.labels, p.stop)
    if spot is None:
        # nothing read by the date's label: its area is looked at again (digits in comb boxes, spaced
        # wide, can be left out of the page's reading)
        areas = _blank_areas(p, best)
        if areas:
            blanks.append(Blank("signature.date", best.page, areas))
        return
    raw, conf = _text_of(p, spot)
    found.add(_normalised("signature.date", raw, conf, best.page, p.layout.union_box(list(spot.indices))))


def _compose(found: _Found) -> None:
    """Join the parts of the representative's name and address into their single fields."""
    for base, order in (
        ("authorized_representative.name", ("first_name", "middle_initial", "last_name")),
        ("agent.name", ("first_name", "middle_initial", "last_name")),
    ):
        parts = [choose(found.candidates.pop(f"{base}:{k}", [])) for k in order]
        parts = [c for c in parts if c is not None and c.value]
        if parts:
            raw = " ".join(str(c.value) for c in parts)
            conf = min(c.confidence for c in parts)
            found.add(_normalised(base, raw, conf, parts[0].page, parts[0].box, rank=1))
    addr = "authorized_representative.address"
    tail = [choose(found.candidates.pop(f"{addr}:{k}", [])) for k in ("city_state_zip", "city", "state", "zip")]
    tail = [c for c in tail if c is not None and c.value]
    if tail:
        streets = found.candidates.get(addr, [])
        street = choose(streets)
        pieces = ([street.value] if street is not None and street.value else []) + [str(c.value) for c in tail]
        conf = min([c.confidence for c in tail] + ([street.confidence] if street is not None and street.valid else []))
        found.candidates[addr] = [_normalised(addr, ", ".join(pieces), conf, tail[0].page, tail[0].box)]


_WRITTEN_SURNAME_FIRST = re.compile(r"^([A-Za-z][A-Za-z'\-]+),\s*([A-Za-z][A-Za-z'\-]+)(?:\s+([A-Za-z])\.?)?$")


def _name_with_its_label_unread(pages: list[_Page], headings: list[Heading], found: _Found) -> None:
    """With no name label read anywhere (a two-line label OCR ran together into one garbled word), a name
    written surname first ("KLEIN, MARGARET J"), taller than the form's print, in the applicant's part of the
    first page is taken for the applicant's, reviewed (``label_unread``). Only the first such line."""
    parts = ("applicant.last_name", "applicant.first_name", "applicant.middle_initial")
    if any(path in found.located for path in parts) or not pages:
        return
    p = pages[0]
    layout = p.layout
    print_height = float(np.percentile([w.box.height for w in layout.text.words], 25)) if layout.text.words else 0.0
    for row in layout.rows:
        for chunk in layout.chunks(row):
            words = [i for i in chunk if i not in p.stop]
            match = _WRITTEN_SURNAME_FIRST.match(" ".join(layout.word(i).text for i in words)) if words else None
            if match is None or min(layout.word(i).box.height for i in words) < 1.25 * print_height:
                continue
            box = layout.union_box(words)
            probe = LabelHit(kind="name", page=p.layout.page, indices=tuple(words), box=box, score=0.0,
                             at_chunk_start=True, colon=False, chunk_len=len(chunk))
            if section_of(probe, headings, layout.em) not in (None, "applicant"):
                continue
            conf = min(layout.word(i).conf for i in words)
            for path, value in zip(parts, match.groups()):
                if value:
                    cand = _normalised(path, value, conf, p.layout.page, box)
                    found.add(replace(cand, needs_review=True, note=cand.note or "label_unread",
                                      confidence=min(cand.confidence, 0.6)))
            found.located.update(parts)
            return


def _is_certificate(page: RecognizedPage) -> bool:
    """A DocuSign certificate of completion page: envelope data, no form fields."""
    text = " ".join(w.text for w in page.text.words[:80]).lower()
    return "certificate of completion" in text or ("envelope" in text and "signer events" in text)


_DATE_HINT = re.compile(r"^[(\[{]?[mnil]{2}[/il1|]?[dao]{1,2}[/il1|]?[dao]?[/il1|]?[yv]{2,4}[)\]}]?[:;.,]?$")


def _birth_date_by_its_hint(pages: list[_Page], headings: list[Heading]) -> bool:
    """With no birth date label read anywhere, a word OCR could not read followed by a date format hint
    ("D086 (mm/dd/yyyy)", "DOB" misread) in the applicant's part of the form is taken for it; its value
    is then reviewed (``label_unread``). Only the first such hint, and only one no label already owns."""
    if any(h.kind == "birth_date" for p in pages for h in p.labels):
        return False
    for p in pages:
        words = p.layout.text.words
        owned = {i for h in p.labels for i in h.indices} | p.stop
        for row in p.layout.rows:
            for chunk in p.layout.chunks(row):
                for k, i in enumerate(chunk[1:], start=1):
                    if not _DATE_HINT.match(words[i].text.strip().lower()) or owned.intersection(chunk[: k + 1]):
                        continue
                    if words[chunk[k - 1]].text.strip(".,:;").islower():
                        continue  # a word read as plain print ("are requesting (MM/DD/YYYY)"), not an unread label
                    ids = (chunk[k - 1], i)
                    hit = LabelHit(kind="birth_date", page=p.layout.page, indices=ids, box=p.layout.union_box(list(ids)),
                                   score=60.0, at_chunk_start=k == 1, colon=False, chunk_len=len(chunk), matched=2)
                    if section_of(hit, headings, p.layout.em) not in (None, "applicant"):
                        continue
                    p.labels.append(hit)
                    p.stop.update(ids)
                    return True
    return False


def extract_fields(pages: list[RecognizedPage], settings: Settings) -> Extraction:
    """Read every form field of an enrollment application from its recognised pages."""
    # a printed answer a hand's ring hid from OCR is read again from inside the ring
    # ... and two lines of small print OCR ran together into tall garbled words are read again as a block
    forms = [replace(page, text=with_ringed_words(page.image, with_lines_split(page.image, page.text, settings),
                                                  settings))
             for page in pages if not _is_certificate(page)]
    read = [_read_page(page) for page in forms]
    headings = _headings(read)
    headings += running_headers([(p.layout, p.labels) for p in read], headings)
    guessed = _birth_date_by_its_hint(read, headings)
    found = _Found()
    blanks: list[Blank] = []
    by_kind = _read_text_fields(read, headings, found, blanks)
    if guessed:
        found.candidates["applicant.birth_date"] = [
            replace(c, needs_review=True, note=c.note or "label_unread", confidence=min(c.confidence, 0.6))
            for c in found.candidates.get("applicant.birth_date", [])
        ]
    _name_with_its_label_unread(read, headings, found)
    _read_choices(read, headings, by_kind, found)
    _compose(found)
    _read_signature(read, by_kind, found, blanks)
    candidates = second_look(found.candidates, blanks, forms, {p.layout.page: p.layout.em for p in read}, settings)
    fields: dict[str, FieldValue] = {}
    for path, cands in candidates.items():
        best = choose(cands)
        if best is not None:
            fields[path] = best.field()
    warnings = sorted({f"{path}:{fv.note}" for path, fv in fields.items() if fv.note and fv.needs_review})
    log.info("form fields found=%d review=%d pages=%d", sum(f.value is not None for f in fields.values()),
             sum(f.needs_review for f in fields.values()), len(pages))
    return Extraction(fields=fields, warnings=warnings, located=sorted(found.located))
