"""Table forms: a label alone in its (shaded) cell, maybe over a second line in another language,
and its value in the cell to the right, written at the middle of the cell's height."""

from __future__ import annotations

from dataclasses import replace

import cv2

from intake.config import Settings
from intake.ocr.page_text import Box
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page

# Two table rows: "Surname / Apellido | value | Given name / Nombre | value", then "City / Ciudad | value".
# Rows are 100 px tall (y 80-180, 180-280); the label's two lines at the top, the value half-way down.
_WALLS = (420, 900, 1320, 1800)  # cell borders (x), left to right, across both rows
_FLOORS = (80, 180, 280)  # the rows' top and bottom borders (y)


def _table_page(items: list[tuple[int, int, str]], *, drawn: bool = True, source: str = "ocr",
                walls: tuple[int, ...] = _WALLS):  # noqa: ANN202
    page = form_page(items, source=source)
    if not drawn:
        return page
    image = page.image.copy()
    rules = []
    for x in (80, *walls):
        cv2.line(image, (x, _FLOORS[0]), (x, _FLOORS[-1]), 0, 3)
        rules.append(Box(left=x - 1, top=_FLOORS[0], width=3, height=_FLOORS[-1] - _FLOORS[0]))
    for y in _FLOORS:
        cv2.line(image, (80, y), (walls[-1], y), 0, 3)
        rules.append(Box(left=80, top=y - 1, width=walls[-1] - 80, height=3))
    return replace(page, image=image, rules=tuple(rules))


def _labels(first: str | None, last: str | None, city: str | None) -> list[tuple[int, int, str]]:
    items = [(100, 90, "Surname"), (100, 125, "Apellido"), (920, 90, "Given name"), (920, 125, "Nombre"),
             (100, 190, "City"), (100, 225, "Ciudad")]
    values = [(460, 115, last), (1360, 115, first), (460, 215, city)]
    return items + [(x, y, text) for x, y, text in values if text]


def _values(settings: Settings, page) -> dict:  # noqa: ANN001
    return {path: f.value for path, f in extract_fields([page], settings).fields.items()}


def _text_layer_values(settings: Settings, items: list[tuple[int, int, str]]) -> dict:
    """The values read from ``items`` as a DocuSign text layer gives them: words, no drawn borders."""
    return _values(settings, _table_page(items, drawn=False, source="text_layer"))


def test_the_value_is_in_the_cell_right_of_a_label_alone_in_its_cell(settings: Settings) -> None:
    values = _values(settings, _table_page(_labels("TOUA", "KLEIN", "ASHLAND")))
    assert values["applicant.last_name"] == "KLEIN"
    assert values["applicant.first_name"] == "TOUA"
    assert values["applicant.permanent_address.city"] == "ASHLAND"


def test_a_blank_value_cell_is_blank_not_the_labels_second_language_line(settings: Settings) -> None:
    """"Nombre" under "Given name" is the label's own print: with the value cell empty the field is blank."""
    fields = extract_fields([_table_page(_labels(None, "KLEIN", None))], settings).fields
    assert fields["applicant.last_name"].value == "KLEIN"
    for path in ("applicant.first_name", "applicant.permanent_address.city"):
        assert path not in fields or fields[path].value is None, path


def test_a_text_layer_table_without_drawn_borders_reads_beside_the_label_block(settings: Settings) -> None:
    """A DocuSign page's text layer has no borders: the value, half-way down the cell, stands beside
    the label's two lines, not on the label's first line."""
    values = _values(settings, _table_page(_labels("TOUA", "KLEIN", "ASHLAND"), drawn=False, source="text_layer"))
    assert values["applicant.last_name"] == "KLEIN"
    assert values["applicant.first_name"] == "TOUA"
    assert values["applicant.permanent_address.city"] == "ASHLAND"


def test_a_label_sharing_its_cell_with_its_value_keeps_it_and_never_takes_the_next_cell(settings: Settings) -> None:
    """A grid cell holds its small label at the top and the value under it: the next cell is another
    field's, even when this one's value is blank."""
    items = [(100, 90, "LAST NAME"), (100, 135, "OLSON"), (440, 90, "FIRST NAME"), (440, 135, "ANNA"),
             (100, 190, "CITY"), (920, 190, "COUNTY"), (920, 235, "MARATHON")]
    values = _values(settings, _table_page(items))
    assert values["applicant.last_name"] == "OLSON"
    assert values["applicant.first_name"] == "ANNA"
    assert values.get("applicant.permanent_address.city") is None
    assert values["applicant.permanent_address.county"] == "MARATHON"


def test_a_label_of_three_lines_starting_before_its_key_words_reads_beside_all_of_them(settings: Settings) -> None:
    """"Coverage effective date you / are requesting (MM/DD/YYYY) / Fecha de inicio de la cobertura": the
    label's cell starts at "Coverage", and the date is written beside its second line."""
    items = [(100, 85, "Street address of permanent"), (100, 117, "(P.O. Box not allowed)"),
             (100, 149, "Domicilio permanente"), (960, 117, "1204 N 5TH AVE"),
             (100, 190, "Coverage effective date you"), (100, 222, "are requesting (MM/DD/YYYY)"),
             (100, 250, "Fecha de inicio de la cobertura"), (960, 222, "01/01/2027")]
    values = _values(settings, _table_page(items, walls=(900, 1800)))
    assert values["applicant.permanent_address.street"] == "1204 N 5TH AVE"
    assert values["requested_effective_date"] == "2027-01-01"


def test_a_value_row_between_the_label_and_its_translation_is_not_the_end_of_the_block(settings: Settings) -> None:
    """A text layer puts the value, a little lower than the label, on a row of its own between the
    label's lines: the label's second line is still its own print, and the value is beside them."""
    items = [(100, 90, "Surname"), (460, 112, "KLEIN"), (100, 140, "Apellido"),
             (920, 90, "Given name"), (1360, 112, "TOUA"), (920, 140, "Nombre")]
    values = _text_layer_values(settings, items)
    assert values["applicant.last_name"] == "KLEIN"
    assert values["applicant.first_name"] == "TOUA"


def test_a_label_broken_over_two_lines_is_the_kind_its_whole_wording_names(settings: Settings) -> None:
    """"National Producer / Number (NPN)": the first line alone reads as the agent's name ("Producer"),
    the second as the NPN; together they are the NPN's label, and "Writing agent / / broker name" one
    agent-name label (its trailing slash is not a value)."""
    items = [(100, 90, "Writing agent /"), (100, 122, "broker name"), (460, 106, "WAYNE HANSON"),
             (920, 90, "National Producer"), (920, 122, "Number (NPN)"), (1360, 106, "62576393")]
    values = _text_layer_values(settings, items)
    assert values["agent.name"] == "WAYNE HANSON"
    assert values["agent.npn"] == "62576393"


def test_print_after_a_slash_or_in_sentence_case_or_a_heading_line_is_no_value(settings: Settings) -> None:
    """Blank fields of a bilingual form: the heading's Spanish after a slash, the next row's sentence-case
    label and a section title below are the form's print, never the blank field's value."""
    items = [(100, 40, "SECTION 6 AUTHORIZED REPRESENTATIVE / REPRESENTANTE AUTORIZADO"),
             (100, 90, "Representative's"), (100, 122, "full name"),
             (100, 190, "Name of primary care provider or clinic"),
             (100, 240, "Add the optional"), (100, 272, "dental rider?"),
             (1000, 190, "City"), (1000, 240, "SECTION 2 MEDICARE AND YOUR PLAN")]
    fields = extract_fields([_table_page(items, drawn=False, source="text_layer")], settings).fields
    for path in ("authorized_representative.name", "primary_care_clinic", "applicant.permanent_address.city"):
        assert path not in fields or fields[path].value is None, path


def test_a_question_in_a_cell_opens_its_section_at_its_first_line(settings: Settings) -> None:
    """"How do you want to / pay your premium? / (mark one)": the payment question's key words are on its
    second line, but its options start level with its first line; they are the payment section's."""
    items = [(100, 20, "Mailing address (if different)"),
             (100, 90, "How do you want to"), (100, 122, "pay your premium?"), (100, 154, "(mark one)"),
             (520, 92, "Monthly paper bill (coupon book)"), (520, 152, "Automatic withdrawal (EFT)")]
    page = form_page(items, boxes=[(460, 88, "x"), (460, 148, None)])
    values = _values(settings, page)
    assert values["premium_payment.method"] == "bill"


def test_a_label_cell_with_a_hint_beside_it_and_more_print_under_it_is_still_alone(settings: Settings) -> None:
    """"Mailing address (only if different; / P.O. Box OK) / Direccion postal (si es diferente)": the
    hint beside the label, its other lines and a speck OCR read ("-o") are all the label cell's print."""
    items = [(100, 85, "Mailing address (only if different;"), (100, 117, "P.O. Box OK)"),
             (100, 149, "Direccion postal (si es diferente)"), (130, 172, "-o"), (960, 117, "PO BOX 374")]
    values = _values(settings, _table_page(items, walls=(900, 1800)))
    assert values["applicant.mailing_address.street"] == "PO BOX 374"


def test_a_written_value_ocr_read_in_lower_case_keeps_its_cell_from_the_next_one(settings: Settings) -> None:
    """A small label at a cell's top with "wi" under it (a written WI read in lower case): the value is in
    the label's cell, and the next cell ("ZIP code 54401") is never taken for it."""
    items = [(440, 90, "State"), (440, 135, "wi"), (920, 90, "ZIP code"), (920, 135, "54401")]
    values = _values(settings, _table_page(items))
    assert values.get("applicant.permanent_address.state") in (None, "WI")
    assert values["applicant.permanent_address.zip"] == "54401"


def test_a_value_ocr_read_in_lower_case_under_a_small_label_is_not_the_labels_print(settings: Settings) -> None:
    """"wl" (a written WI read in lower case) under "STATE" is the value, not a line of the label: a
    one-word line of print is a Title Case word or a bracketed hint."""
    items = [(100, 90, "CITY"), (100, 135, "WAUSAU"), (920, 90, "STATE"), (920, 135, "wl")]
    state = extract_fields([_table_page(items)], settings).fields["applicant.permanent_address.state"]
    assert state.value == "WI" and state.needs_review  # "wl" repaired to WI, for a person to confirm


def test_a_number_under_a_producer_label_is_the_npn_not_the_agents_name(settings: Settings) -> None:
    """"National Producer" whose second line ("Number (NPN)") OCR lost reads as the agent-name label; the
    number beside it is never a name: it is the NPN, reviewed since its label was not read whole."""
    items = [(100, 30, "FOR AGENT / BROKER USE ONLY"), (100, 90, "Writing agent"), (460, 94, "DONALD DUMKE"),
             (920, 90, "National Producer"), (1360, 94, "263413046")]
    fields = extract_fields([_table_page(items, drawn=False, source="text_layer")], settings).fields
    assert fields["agent.name"].value == "DONALD DUMKE"
    assert fields["agent.npn"].value == "263413046" and fields["agent.npn"].needs_review


def test_michigan_half_way_down_a_state_cell_is_the_state_not_a_middle_initial_label(settings: Settings) -> None:
    """"State / Estado | MI": MI, written a little below the label's first line, is the state's value
    (Michigan), not an "MI" (middle initial) label that would leave the state blank."""
    items = [(100, 90, "State"), (100, 140, "Estado"), (460, 118, "MI")]
    values = _text_layer_values(settings, items)
    assert values["applicant.permanent_address.state"] == "MI"


def test_a_blank_labels_second_language_line_is_not_the_value_over_the_next_label(settings: Settings) -> None:
    """"Representative's phone number / Teléfono del representante" left blank over a blank "Representative's
    address": the Spanish line is the phone label's print, not an address written above the address label."""
    items = [(100, 90, "Representative's phone"), (100, 125, "Telefono"), (920, 90, "Relationship"),
             (920, 125, "Parentesco"), (100, 190, "Representative's address"), (100, 225, "Direccion")]
    fields = extract_fields([_table_page(items)], settings).fields
    for path in ("authorized_representative.phone", "authorized_representative.address"):
        assert path not in fields or fields[path].value is None, path
