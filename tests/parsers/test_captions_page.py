"""A form that prints every caption UNDER its line: the values are the writing on the lines above them.

Label-over-line and caption-under-line pages repeat the same stripes (writing, line, small print), so
each small print alone could read the row under it; the page as a whole says which it is: its small
print stands tight under the lines.
"""

from __future__ import annotations


from intake.config import Settings
from intake.ocr.page_text import Box
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page, ruled_page

# writing at y, its line 35 px lower, the caption 10 px under the line (a third of a text height)
CAPTIONED = [
    (100, 100, "OLSON"), (900, 100, "MARGARET"), (1700, 100, "J"),
    (100, 145, "Last name (family name)"), (900, 145, "First name (given name)"), (1700, 145, "Middle initial"),
    (100, 230, "03/14/1957"), (900, 230, "715.555.0142"),
    (100, 275, "Date of birth (month / day / year)"), (900, 275, "Daytime telephone"),
    (100, 360, "1204 N 5TH AVE"),
    (100, 405, "Home street address (not a P.O. box)"), (1500, 405, "Apt. or unit no."),
    (100, 490, "WAUSAU"), (900, 490, "WI"), (1200, 490, "54401"),
    (100, 535, "City or town"), (900, 535, "State"), (1200, 535, "ZIP code"),
]
LINES = [(100, 800, 135), (900, 1600, 135), (1700, 1900, 135),
         (100, 800, 265), (900, 1600, 265),
         (100, 1400, 395), (1500, 1900, 395),
         (100, 800, 525), (900, 1100, 525), (1200, 1500, 525)]


def _values(settings: Settings, items, lines) -> dict:
    return {path: f.value for path, f in extract_fields([ruled_page(items, lines)], settings).fields.items()}


def test_every_caption_takes_the_writing_on_its_own_line(settings: Settings) -> None:
    values = _values(settings, CAPTIONED, LINES)
    assert (values["applicant.last_name"], values["applicant.first_name"]) == ("OLSON", "MARGARET")
    assert values["applicant.middle_initial"] == "J"  # one capital on its line is an initial, not a speck
    assert values["applicant.birth_date"] == "1957-03-14"
    assert values["applicant.phone"] == "7155550142"
    assert values["applicant.permanent_address.street"] == "1204 N 5TH AVE"
    assert values["applicant.permanent_address.city"] == "WAUSAU"
    assert values["applicant.permanent_address.state"] == "WI"
    assert values["applicant.permanent_address.zip"] == "54401"


def test_a_blank_line_leaves_its_caption_blank_not_reading_the_next_row(settings: Settings) -> None:
    """No birth date written: "Date of birth" stands under an empty line; the street under it is the
    next row's caption's, never the birth date's nor the phone's."""
    items = [item for item in CAPTIONED if item[2] not in ("03/14/1957",)]
    values = _values(settings, items, LINES)
    assert values.get("applicant.birth_date") is None
    assert values["applicant.phone"] == "7155550142"
    assert values["applicant.permanent_address.street"] == "1204 N 5TH AVE"


def test_labels_a_line_spacing_below_the_row_above_keep_their_values_under_them(settings: Settings) -> None:
    """The same stripes with the small print a full text height under the line above: labels over
    their lines (as on the CMS form), each reading the writing under it."""
    items = [
        (100, 100, "Last name"), (900, 100, "First name"),
        (100, 150, "OLSON"), (900, 150, "MARGARET"),
        (100, 245, "Date of birth (month / day / year)"), (900, 245, "Daytime telephone"),
        (100, 295, "03/14/1957"), (900, 295, "715.555.0142"),
        (100, 390, "City or town"), (900, 390, "State"), (1200, 390, "ZIP code"),
        (100, 440, "WAUSAU"), (900, 440, "WI"), (1200, 440, "54401"),
    ]
    lines = [(100, 800, 185), (900, 1600, 185), (100, 800, 330), (900, 1600, 330),
             (100, 800, 475), (900, 1100, 475), (1200, 1500, 475)]
    values = _values(settings, items, lines)
    assert (values["applicant.last_name"], values["applicant.first_name"]) == ("OLSON", "MARGARET")
    assert values["applicant.birth_date"] == "1957-03-14"
    assert values["applicant.phone"] == "7155550142"
    assert values["applicant.permanent_address.city"] == "WAUSAU"
    assert values["applicant.permanent_address.zip"] == "54401"


def test_cells_whose_labels_sit_under_the_cell_top_are_no_captions(settings: Settings) -> None:
    """A bordered cell's small label also sits tight under a line (the cell's top), with the row above's
    writing over it: the walls meeting that line make it a cell, whose value is under its label."""
    items = [
        (110, 110, "LAST NAME"), (910, 110, "FIRST NAME"),
        (120, 160, "OLSON"), (920, 160, "MARGARET"),
        (110, 230, "DATE OF BIRTH"), (910, 230, "HOME PHONE"),
        (120, 280, "03/14/1957"), (920, 280, "715-555-0142"),
        (110, 350, "CITY"), (910, 350, "STATE"), (1210, 350, "ZIP"),
        (120, 400, "WAUSAU"), (920, 400, "WI"), (1220, 400, "54401"),
    ]
    tops = [(100, 1600, y) for y in (100, 220, 340, 460)]
    walls = tuple(Box(left=x - 1, top=100, width=3, height=360) for x in (100, 900, 1200, 1600))
    page = ruled_page(items, tops, walls=walls)
    values = {path: f.value for path, f in extract_fields([page], settings).fields.items()}
    assert (values["applicant.last_name"], values["applicant.first_name"]) == ("OLSON", "MARGARET")
    assert values["applicant.birth_date"] == "1957-03-14"
    assert values["applicant.permanent_address.city"] == "WAUSAU"
    assert values["applicant.permanent_address.zip"] == "54401"


def test_labels_inside_the_top_of_ruled_boxes_are_no_captions(settings: Settings) -> None:
    """A dropout-ink form's fields are boxes with the label in the top-left corner: each label sits tight
    under a line (the box's top edge), but nothing is written on that line; the writing is under the label,
    in the box, over its bottom edge."""
    items = [
        (110, 110, "LAST NAME"), (910, 110, "FIRST NAME"),
        (120, 150, "OLSON"), (920, 150, "MARGARET"),
        (110, 250, "DATE OF BIRTH"), (910, 250, "HOME PHONE"),
        (120, 290, "03/14/1957"), (920, 290, "715-555-0142"),
        (110, 390, "CITY"), (910, 390, "ST"), (1210, 390, "ZIP"),
        (120, 430, "WAUSAU"), (920, 430, "WI"), (1220, 430, "54401"),
    ]
    edges = [(x1, x2, y) for top in (100, 240, 380) for x1, x2 in ((100, 880), (900, 1180), (1200, 1600))
             for y in (top, top + 95)]
    values = _values(settings, items, edges)
    assert (values["applicant.last_name"], values["applicant.first_name"]) == ("OLSON", "MARGARET")
    assert values["applicant.birth_date"] == "1957-03-14"
    assert values["applicant.phone"] == "7155550142"
    assert values["applicant.permanent_address.city"] == "WAUSAU"
    assert values["applicant.permanent_address.zip"] == "54401"


def test_a_page_of_few_captions_reads_as_the_rest_of_its_form(settings: Settings) -> None:
    """The agent box on page 2 has two captions only, and what stands right of "Broker NPN" is the next
    caption ("Broker telephone", garbled): the form's first page of captions says how to read it."""
    page1 = ruled_page(CAPTIONED, LINES)
    items = [
        (100, 100, "DELORES HANSON"), (1100, 100, "827384"),
        (100, 145, "Writing broker (print name)"), (1100, 145, "Broker NPN"), (1450, 145, "Broke: telephone"),
    ]
    lines = [(100, 1000, 135), (1100, 1400, 135), (1450, 1900, 135)]
    page2 = ruled_page(items, lines, number=2)
    values = {path: f.value for path, f in extract_fields([page1, page2], settings).fields.items()}
    assert values["applicant.last_name"] == "OLSON"
    assert values["agent.name"] == "DELORES HANSON"
    assert values["agent.npn"] == "827384"


def test_a_column_heading_over_a_chart_reads_none_of_its_rows(settings: Settings) -> None:
    """"Plan ID" heads a column of plan IDs beside the plan bubbles: its "value" under it would be the
    first row's ID whatever plan is marked; the marked box says which plan it is."""
    items = [
        (100, 100, "Which plan do you want to join?"), (1300, 100, "Plan ID"),
        (160, 160, "Aspirus Advantage Essential (HMO-POS)"), (1300, 160, "H5652-001"),
        (160, 220, "Aspirus Advantage Plus (HMO-POS)"), (1300, 220, "H5652-002"),
        (160, 280, "Aspirus Advantage Premier (HMO-POS)"), (1300, 280, "H5652-003"),
    ]
    page = form_page(items, boxes=[(100, 155, None), (100, 215, "x"), (100, 275, None)])
    fields = extract_fields([page], settings).fields
    assert fields["plan.id"].value == "H5652-002"
    assert not fields["plan.id"].needs_review


def test_instructions_over_a_blank_line_are_not_its_writing(settings: Settings) -> None:
    """No representative: the caption "Name of representative (print)" stands under a blank line, and
    over that line runs the last line of the instructions ("... under the laws of your State (for
    example, a court-appointed guardian)"); a piece of that sentence is no name, and neither is what
    follows "representative" inside the sentence."""
    items = CAPTIONED + [
        (100, 600, "Complete this part only if you sign as their authorized representative under the laws of your State (for"),
        (100, 650, "example, a court-appointed guardian). Attach a copy of your proof of authority."),
        (100, 745, "Name of representative (print)"), (1300, 745, "Relationship to person applying"),
    ]
    lines = LINES + [(100, 1200, 735), (1300, 1900, 735)]
    values = _values(settings, items, lines)
    assert values.get("authorized_representative.name") is None
    assert values.get("authorized_representative.relationship") is None
    assert values["applicant.last_name"] == "OLSON"


def test_writing_runs_on_past_the_piece_of_line_the_fax_kept(settings: Settings) -> None:
    """The fax kept only the start of the street's line: the writing on it still runs on to its end
    ("AVE" past the piece), up to the next column."""
    lines = [line for line in LINES if line[2] != 395] + [(100, 290, 395), (1500, 1900, 395)]
    values = _values(settings, CAPTIONED, lines)
    assert values["applicant.permanent_address.street"] == "1204 N 5TH AVE"


def test_mi_written_over_the_state_caption_is_michigan(settings: Settings) -> None:
    """"MI" on the State caption's line is the state's value, not a middle-initial label."""
    items = [(x, y, "MI" if text == "WI" else text) for x, y, text in CAPTIONED]
    items = [(x, y, "State (abbr.)" if text == "State" else text) for x, y, text in items]
    values = _values(settings, items, LINES)
    assert values["applicant.permanent_address.state"] == "MI"
    assert values["applicant.middle_initial"] == "J"


def test_large_hand_printing_may_cross_its_line(settings: Settings) -> None:
    """The city row is written big: its letters reach through the line, down to the captions' tops;
    it still stands on that line (it starts above it)."""
    items = [(x, 508 if y == 490 else y, text) for x, y, text in CAPTIONED]
    values = _values(settings, items, LINES)
    assert values["applicant.permanent_address.city"] == "WAUSAU"
    assert values["applicant.permanent_address.state"] == "WI"
    assert values["applicant.permanent_address.zip"] == "54401"
