"""Checkboxes read from the page image: X, tick and fill are checked, empty is not, comb fields are no checkboxes."""

from __future__ import annotations

from intake.parsers.checkboxes import find_checkboxes
from tests.parsers.form_kit import form_page


def test_marks_are_checked_and_empty_box_is_not() -> None:
    """An X, a tick running out of the box and a filled square count as checked; an empty box does not."""
    page = form_page([], boxes=[(100, 100, "x"), (300, 100, "check"), (500, 100, "fill"), (700, 100, None)])
    found = find_checkboxes(page.image, page.text)
    assert [(round(c.box.left / 100), c.checked) for c in sorted(found, key=lambda c: c.box.left)] == [(1, True), (3, True), (5, True), (7, False)]


def test_comb_boxes_are_not_checkboxes() -> None:
    """A row of touching boxes (one character each) is a comb field, not a set of options."""
    page = form_page([], boxes=[(100 + k * 42, 300, None) for k in range(11)] + [(100, 500, "x")])
    found = find_checkboxes(page.image, page.text)
    assert [(round(c.box.top, -1), c.checked) for c in found] == [(500, True)]


def test_box_inside_a_word_is_a_letter() -> None:
    """A square shape inside a longer recognised word (an O in a square font) is not a checkbox."""
    page = form_page([(90, 105, "XXOXXXX")], boxes=[(120, 100, None)])
    assert find_checkboxes(page.image, page.text) == []


def test_text_layer_box_glyphs_count() -> None:
    """A ☒ glyph in a text layer is a checked box even where the image shows none."""
    page = form_page([(100, 100, "☒ Female")], source="text_layer")
    (box,) = find_checkboxes(page.image, page.text)
    assert box.checked
