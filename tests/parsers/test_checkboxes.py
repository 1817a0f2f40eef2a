"""Checkboxes read from the page image: X, tick and fill are checked, empty is not, comb fields are no checkboxes."""

from __future__ import annotations

from intake.parsers.checkboxes import find_checkboxes
from intake.ocr.page_text import Box, PageText, Word
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


def test_boxes_in_a_dark_bar_are_its_white_letters() -> None:
    """White words on a navy section bar leave square holes in the ink; a box stands on paper."""
    page = form_page([], boxes=[(100, 100, None), (300, 100, "x")])
    page.image[280:400, 80:1200] = 0  # the bar
    page.image[310:350, 600:640] = 255  # a square hole: a white letter's counter
    page.image[314:346, 604:636] = 0
    page.image[318:342, 608:632] = 255
    found = find_checkboxes(page.image, page.text)
    assert [(round(c.box.left / 100), round(c.box.top / 100)) for c in sorted(found, key=lambda c: c.box.left)] == [(1, 1), (3, 1)]


def _bubbles_page(items):  # noqa: ANN001, ANN202
    import cv2

    page = form_page(items)
    for x in (140, 440, 740):
        cv2.circle(page.image, (x, 120), 18, 0, 3)
    cv2.circle(page.image, (440, 120), 12, 0, -1)
    return page


def test_round_bubbles_are_checkboxes_with_their_marks() -> None:
    """"◯ Male ◯ Female ◯ Other": round bubbles count as boxes; the filled one is checked; OCR's glyph for
    a bubble glued to its answer ("ONo") does not make it a letter."""
    page = _bubbles_page([(122, 105, "O"), (422, 105, "ONo"), (722, 105, "©")])
    found = sorted(find_checkboxes(page.image, page.text), key=lambda c: c.box.left)
    assert [(c.box.center[0] // 100, c.checked) for c in found] == [(1, False), (4, True), (7, False)]


def test_a_round_letter_past_the_start_of_a_word_is_no_bubble() -> None:
    """The O of "POB" or "BOX" is round, but a letter of the word OCR read."""
    import cv2

    page = _bubbles_page([(100, 105, "POB"), (400, 105, "BOX"), (722, 105, "x")])
    cv2.circle(page.image, (1040, 120), 18, 0, 3)
    found = sorted(find_checkboxes(page.image, page.text), key=lambda c: c.box.left)
    assert [c.box.center[0] // 100 for c in found] == [7, 10]


def test_a_round_letter_read_apart_from_its_word_is_no_bubble() -> None:
    """Letter-spaced type read apart ("LIN C O LN"): the lone O has letters a letter's gap before and
    after it; a bubble has its answer after a space and nothing that close before it."""
    from dataclasses import replace

    from intake.ocr.page_text import Box, Word

    page = _bubbles_page([])
    words = (Word(text="LIN", box=Box(left=40, top=101, width=70, height=38), conf=0.9, line=0),
             Word(text="O", box=Box(left=122, top=102, width=36, height=37), conf=0.9, line=0),
             Word(text="LN", box=Box(left=170, top=102, width=60, height=36), conf=0.9, line=0),
             Word(text="Yes", box=Box(left=480, top=110, width=60, height=22), conf=0.9, line=0))
    page = replace(page, text=page.text.model_copy(update={"words": words}))
    found = sorted(find_checkboxes(page.image, page.text), key=lambda c: c.box.left)
    assert [c.box.center[0] // 100 for c in found] == [4, 7]


def test_an_answer_ocr_glued_to_its_bubble_is_read_without_the_bubble() -> None:
    """OCR reads a bubble as a letter and glues it to its answer ("OvYes", "©ONo"): the option is the
    answer without the characters the bubble takes of the word's width."""
    from intake.parsers.choices import read_options, yes_no_of
    from intake.parsers.layout import PageLayout

    page = _bubbles_page([(122, 105, "OvYes"), (422, 105, "©ONo")])
    boxes = find_checkboxes(page.image, page.text)
    options = read_options(PageLayout.build(page.text), boxes, set())
    answers = {o.text: (yes_no_of(o.text), o.checkbox.checked) for o in options}
    assert answers["Yes"] == (True, False)
    assert answers["No"] == (False, True)


def test_a_round_letter_alone_on_its_line_is_no_answer() -> None:
    """Answers stand in rows or columns: a ring with no other of its size level with it or straight
    above or below it is a round letter left over in a value ("ANTIG O")."""
    import cv2

    page = form_page([])
    for x in (140, 440):
        cv2.circle(page.image, (x, 120), 18, 0, 3)
    cv2.circle(page.image, (900, 600), 18, 0, 3)
    found = sorted(find_checkboxes(page.image, page.text), key=lambda c: c.box.left)
    assert [c.box.center[0] // 100 for c in found] == [1, 4]


def _typed(*items: tuple) -> PageText:
    """Words (text, left, top, conf[, width]) 34 px high, each on the line of its top."""
    words = tuple(
        Word(text=item[0], box=Box(left=item[1], top=item[2], width=item[4] if len(item) > 4 else 9 * len(item[0]) + 9,
                                   height=34), conf=item[3], line=item[2])
        for item in items
    )
    return PageText(page=1, width=2550, height=3300, dpi=300, source="ocr", words=words)


def test_typed_brackets_and_the_ones_a_mark_made_unreadable_are_boxes() -> None:
    """'[ ] Male' reads as two bracket words; the marked '[✓] Female' as 'i' (level with a pair), a marked plan's
    '[X]' as 'MM' (under a pair), '(“4' with its closing bracket lost: all are boxes. '(a)', '(optional)', an item
    number '4.' read badly, and a lone pair are not."""
    from intake.parsers.checkboxes import typed_brackets

    text = _typed(("[", 1850, 840, 0.8), ("]", 1895, 840, 0.8), ("Male", 1935, 840, 0.9), ("i", 2080, 830, 0.1, 55),
                  ("Female", 2170, 840, 0.9), ("4.", 590, 842, 0.04),
                  ("[", 275, 1915, 0.8), ("]", 318, 1915, 0.8), ("Plus", 360, 1915, 0.9),
                  ("MM", 274, 1975, 0.3, 53), ("Choice", 360, 1975, 0.9),
                  ("(“4", 2218, 2246, 0.5, 54), ("No", 2290, 2257, 0.9), ("(a)", 100, 2400, 0.9), ("(optional)", 300, 2400, 0.9))
    boxes = {(b.left, b.top) for b in typed_brackets(text)}
    assert boxes == {(1850, 840), (2080, 830), (275, 1915), (274, 1975), (2218, 2246)}
    assert typed_brackets(_typed(("[", 100, 100, 0.8), ("]", 140, 100, 0.8), ("Yes", 180, 100, 0.9))) == []


def test_a_square_printed_solid_is_no_answer_box() -> None:
    """A registration mark (a black square) and a section's number in white on a black square stand
    where a box might, but ink reaches their border all round: no box a hand marked. A box filled in
    by hand keeps paper inside its border."""
    import cv2

    page = form_page([], boxes=[(500, 100, "fill"), (700, 100, None)])
    cv2.rectangle(page.image, (100, 100), (140, 140), 0, -1)  # registration mark
    cv2.rectangle(page.image, (300, 100), (340, 140), 0, -1)
    cv2.putText(page.image, "5", (310, 133), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 255, 3)  # a section number
    found = find_checkboxes(page.image, page.text)
    assert [(round(c.box.left / 100), c.checked) for c in sorted(found, key=lambda c: c.box.left)] == [(5, True), (7, False)]
