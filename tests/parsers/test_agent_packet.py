"""An agent's packet: a fillable PDF typed by the agent's software, between a fax cover sheet and a Scope of Sales
Appointment page. Typed answers sit in entry boxes under their labels, in Title Case and the labels' own size."""

from __future__ import annotations

from intake.config import Settings
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page, ruled_page

#: form_kit draws 20 px a character and words 30 px tall


def _values(settings: Settings, *pages) -> dict:
    return {path: f.value for path, f in extract_fields(list(pages), settings).fields.items()}


def _boxed(label_x: int, label_y: int, label: str, value: str | None) -> tuple[list, list]:
    """A label over an entry box (lid 15 px under the label, floor 60 px under the lid), ``value`` typed in it."""
    items = [(label_x, label_y, label)] + ([(label_x + 10, label_y + 57, value)] if value else [])
    lid, floor = label_y + 45, label_y + 105
    return items, [(label_x - 5, label_x + 800, lid), (label_x - 5, label_x + 800, floor)]


def test_a_title_case_answer_typed_in_the_entry_box_under_its_label_is_its_value(settings: Settings) -> None:
    """"Barbara Nowak" typed in the box under "Agent name", as small as the label: no print of the form stands in
    an entry box, so it is the answer, not the next row's label."""
    name, name_lines = _boxed(100, 100, "Agent name", "Barbara Nowak")
    agency, agency_lines = _boxed(100, 260, "Agency", "River City Insurance")
    values = _values(settings, ruled_page(name + agency, name_lines + agency_lines))
    assert values["agent.name"].upper() == "BARBARA NOWAK"
    assert values.get("applicant.permanent_address.city") is None  # "City" of the agency's name is no label


def test_a_paragraphs_short_last_line_is_no_label(settings: Settings) -> None:
    """The attestation's last line, "the date my coverage begins.", set solid under the paragraph, is not a label
    of the effective date, and the signature's label under it stays the signature's."""
    page = form_page([
        (100, 100, "I understand that my signature on this application means that I have read and understand"),
        (100, 135, "its contents. If signed by an authorized representative, the date I sign is not"),
        (100, 170, "the date my coverage begins."),
        (100, 215, "Signature of applicant or authorized representative"),
        (1500, 215, "Date"), (1500, 290, "10/29/2026"),
    ], scribble=(150, 265, 500, 80))
    values = _values(settings, page)
    assert values.get("requested_effective_date") is None
    assert values["signature.signed"] is True
    assert values["signature.date"] == "2026-10-29"
    # the paragraph's "signed by an authorized representative" is no heading of a representative's block
    assert values["signature.by"] == "applicant"


def test_the_date_in_a_tall_box_under_its_label_is_its_value(settings: Settings) -> None:
    """A box as tall as the signature's beside it, "Date" over it and the date typed half-way down: the box's lid
    is no floor between the label and its value."""
    page = ruled_page([(100, 100, "Applicant signature"), (1500, 100, "Date"), (1520, 200, "11/30/2026")],
                      [(95, 1400, 140), (95, 1400, 290), (1495, 2300, 140), (1495, 2300, 290)],
                      scribble=(150, 170, 600, 90))
    values = _values(settings, page)
    assert values["signature.signed"] is True
    assert values["signature.date"] == "2026-11-30"


def test_the_answer_typed_low_in_a_deep_box_is_its_labels_value(settings: Settings) -> None:
    """A DocuSign page's date box as deep as the signature's, the date typed near its floor, farther under the
    label than an answer usually stands: the search goes down to the box's floor."""
    page = ruled_page([(100, 100, "Applicant signature"), (1500, 100, "Date"), (1520, 300, "11/25/2026")],
                      [(95, 1400, 140), (95, 1400, 360), (1495, 2300, 140), (1495, 2300, 360)],
                      scribble=(150, 170, 600, 90))
    assert _values(settings, page)["signature.date"] == "2026-11-25"



def test_a_paragraphs_last_line_may_close_a_bracket() -> None:
    """"... another person authorized under the laws of your / State law)." ends the paragraph: its "State" is no
    label (a representative's address left blank once took "law)." for its value)."""
    from intake.parsers.labels import find_labels
    from intake.parsers.layout import PageLayout
    from intake.parsers.paragraphs import in_a_paragraph

    page = form_page([
        (100, 100, "Complete only if someone other than the applicant signed above (power of attorney, legal"),
        (100, 135, "guardian or another person who is authorized to act for you under the laws of your"),
        (100, 170, "State law)."),
        (100, 260, "Name"), (900, 260, "Relationship to applicant"), (100, 400, "Address"),
    ])
    layout = PageLayout.build(page.text, page.rules)
    states = [h for h in find_labels(layout) if h.kind == "state"]
    assert states and all(in_a_paragraph(layout, h) for h in states)
