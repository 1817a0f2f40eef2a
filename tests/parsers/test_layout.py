"""Where a label's value is: same row, row below, across a column gap, in comb boxes; never another label."""

from __future__ import annotations

import pytest

from intake.ocr.page_text import Box
from intake.parsers.labels import find_labels
from intake.parsers.layout import PageLayout, is_item_number
from intake.parsers.values import find_value
from tests.parsers.form_kit import form_page


def _values(*items: tuple[int, int, str], rules: list[tuple[int, int, int, int]] = ()) -> dict[str, str | None]:
    """Each label's value on a page of ``items``, with printed rules (x, y, width, height) if given."""
    boxes = tuple(Box(left=x, top=y, width=w, height=h) for x, y, w, h in rules)
    layout = PageLayout.build(form_page(list(items)).text, boxes)
    labels = find_labels(layout)
    stop = {i for hit in labels for i in hit.indices}
    out: dict[str, str | None] = {}
    for hit in labels:
        spot = find_value(layout, hit, labels, stop)
        out[hit.kind] = None if spot is None else " ".join(layout.word(i).text for i in spot.indices)
    return out


def test_value_after_colon_on_the_same_row() -> None:
    """"Last name: OLSON" gives OLSON."""
    assert _values((100, 100, "Last name: OLSON"))["last_name"] == "OLSON"


def test_value_on_the_row_below_the_label() -> None:
    """A label on top of its cell has its value under it."""
    assert _values((100, 100, "Last name"), (110, 150, "OLSON"))["last_name"] == "OLSON"


def test_two_columns_keep_their_own_values() -> None:
    """Labels side by side with values under each: each value stays in its column."""
    values = _values((100, 100, "Last name"), (900, 100, "First name"), (110, 150, "OLSON"), (910, 150, "MARGARET"))
    assert values == {"last_name": "OLSON", "first_name": "MARGARET"}


def test_blank_field_does_not_take_the_next_label() -> None:
    """A blank "Last name" followed by "First name: X" on its row stays blank."""
    values = _values((100, 100, "Last name:"), (900, 100, "First name: MARGARET"), (100, 150, "Birth date: 03/14/1957"))
    assert values["last_name"] is None
    assert values["first_name"] == "MARGARET"
    assert values["birth_date"] == "03/14/1957"


def test_value_far_right_across_a_wide_gap() -> None:
    """Two-column forms push the value far from its label; it is still the label's."""
    assert _values((100, 100, "Phone"), (1200, 100, "715-555-0142"))["phone"] == "715-555-0142"


def test_value_ends_at_a_wide_gap() -> None:
    """Once a value started, a wide gap ends it (the rest is another column)."""
    values = _values((100, 100, "City: WAUSAU"), (1400, 100, "1EG4TE5MK73"))
    assert values["city"] == "WAUSAU"


def test_format_hint_after_label_is_not_the_value() -> None:
    """"(MM/DD/YYYY)" printed after the label is skipped."""
    assert _values((100, 100, "Birth Date (MM/DD/YYYY) 03/14/1957"))["birth_date"] == "03/14/1957"


def test_value_owned_by_a_label_on_its_row_is_not_taken_from_above() -> None:
    """A blank label above a "Label: value" row does not steal that row's value."""
    values = _values((100, 100, "Medicare number"), (100, 150, "Phone: 715-555-0142"))
    assert values["medicare_number"] is None


def test_comb_box_characters_form_one_value() -> None:
    """One character per comb box, spaced wider than words, still reads as one value."""
    chars = [(110 + k * 70, 150, ch) for k, ch in enumerate("1EG4TE5MK73")]
    values = _values((100, 100, "Medicare Number"), *chars)
    assert values["medicare_number"] == "1 E G 4 T E 5 M K 7 3"


def test_a_cell_border_ends_the_value_on_the_label_row() -> None:
    """In a table, the text beyond a vertical cell border is the next cell's; the value is under the label."""
    items = [(100, 100, "FIRST NAME"), (900, 100, "Mt"), (110, 150, "DONNA")]
    assert _values(*items, rules=[])["first_name"] == "Mt"
    assert _values(*items, rules=[(800, 80, 4, 140)])["first_name"] == "DONNA"


def test_a_cell_floor_between_label_and_text_below_means_blank() -> None:
    """Text below the floor of the label's cell belongs to the next cell, but a box drawn round the value does not."""
    items = [(100, 100, "Middle name"), (110, 250, "OLSON")]
    assert _values(*items, rules=[])["middle_initial"] == "OLSON"
    assert _values(*items, rules=[(80, 200, 900, 4)])["middle_initial"] is None
    assert _values(*items, rules=[(80, 240, 900, 4), (80, 290, 900, 4)])["middle_initial"] == "OLSON"


def test_a_label_glued_to_its_value_is_split_at_the_colon() -> None:
    from intake.ocr.page_text import Box, PageText, Word
    from intake.parsers.layout import split_glued_labels

    glued = Word(text="NPN:23130593", box=Box(left=100, top=50, width=240, height=20), conf=0.9, line=0)
    times = Word(text="10:45", box=Box(left=400, top=50, width=100, height=20), conf=0.9, line=0)
    text = PageText(page=1, width=1000, height=200, dpi=200, source="ocr", words=(glued, times))
    words = split_glued_labels(text).words
    assert [w.text for w in words] == ["NPN:", "23130593", "10:45"]  # a time is no label
    assert words[0].box.left == 100 and words[1].box.left == words[0].box.left + words[0].box.width
    assert words[0].box.width + words[1].box.width == 240


def test_a_word_as_tall_as_its_entry_boxes_is_text_not_a_scribble() -> None:
    from intake.ocr.page_text import Box, PageText, Word

    comb = Word(text="7GH4TR", box=Box(left=100, top=100, width=300, height=70), conf=0.4, line=0)
    label = Word(text="MBI", box=Box(left=100, top=40, width=60, height=20), conf=0.9, line=1)
    others = tuple(Word(text=t, box=Box(left=500 + 80 * k, top=40, width=60, height=20), conf=0.9, line=1)
                   for k, t in enumerate(("Medicare", "card", "number")))
    text = PageText(page=1, width=1000, height=400, dpi=300, source="ocr", words=(label, comb) + others)
    lid, floor = Box(left=95, top=98, width=320, height=4), Box(left=95, top=168, width=320, height=4)
    assert 1 in PageLayout.build(text).tall  # no boxes drawn: a tall low-confidence mark
    assert 1 not in PageLayout.build(text, (lid, floor)).tall


@pytest.mark.parametrize(("text", "bare", "marked"), [
    ("6.", True, True), ("10,", True, True), ("(3)", True, True), ("b)", True, True), ("16a", True, False),
    ("20", True, False), ("a", False, False), ("A.", True, True), ("123", False, False), ("PO.", False, False),
])
def test_item_numbers(text: str, bare: bool, marked: bool) -> None:
    """Item numbers: a bare number starts a claim-form box; a numbered question carries its mark."""
    assert is_item_number(text) is bare and is_item_number(text, marked=True) is marked


def test_a_bracket_ocr_split_off_its_word_keeps_the_line_one_row() -> None:
    """"State (abbr )": OCR gave the closing bracket as a word of its own, taller than the text and
    overlapping "(abbr"; it is a piece of that word on the same line, not a line stacked over it, so the
    words after it ("Mailing ...") stay on the row."""
    from intake.ocr.page_text import PageText, Word

    def word(text: str, left: int, top: int, width: int, height: int) -> Word:
        return Word(text=text, box=Box(left=left, top=top, width=width, height=height), conf=0.9, line=0)

    words = (word("State", 100, 100, 75, 22), word(")", 281, 95, 15, 35), word("(abbr", 200, 100, 93, 26),
             word("Mailing", 400, 100, 108, 28), word("address,", 520, 101, 120, 25))
    layout = PageLayout.build(PageText(page=1, width=2000, height=1000, dpi=300, source="ocr", words=words))
    assert len({layout.row_of[i] for i in range(len(words))}) == 1
