"""A long-form enrollment packet: paragraphs of print that use the fields' own words around the fields, and a
running header that asks for the applicant's name and Medicare number again atop every later page."""

from __future__ import annotations

from intake.config import Settings
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page

#: form_kit draws 20 px a character and words 30 px tall
HEADER = [(100, 100, "Applicant name: CHARLES HOFFMANN"), (1300, 100, "Medicare Number: 8GH4UW6QG56")]


def _values(settings: Settings, *pages) -> dict:
    extraction = extract_fields(list(pages), settings)
    return {path: field.value for path, field in extraction.fields.items()}


def test_a_word_past_the_labels_colon_is_its_value(settings: Settings) -> None:
    """"Middle initial: S": the initial is the value, not a third word of the label (the label's phrase spelled with
    one more letter, "middle initials", is close enough to match)."""
    values = _values(settings, form_page([(100, 100, "Last name: HOFFMANN"), (800, 100, "First name: CHARLES"),
                                          (1500, 100, "Middle initial: S")]))
    assert values["applicant.middle_initial"] == "S"


def test_the_answer_under_a_sentence_ending_in_its_label_starts_where_the_sentence_does(settings: Settings) -> None:
    """"Please choose the name of a primary care physician (PCP), clinic or health center:" with the clinic written
    under the sentence, from its left: the whole line is the value, not only what stands under the label's words."""
    values = _values(settings, form_page([
        (100, 100, "Please choose the name of a primary care physician (PCP), clinic or health center:"),
        (150, 160, "ASPIRUS STEVENS POINT CLINIC"),
    ]))
    assert values["primary_care_clinic"] == "ASPIRUS STEVENS POINT CLINIC"


def test_a_running_headers_name_is_the_applicants_on_any_page(settings: Settings) -> None:
    """The page after the premium section opens with the running header: its "Applicant name" is no account
    holder's "Name", so a blank account holder stays blank."""
    payment = form_page(HEADER + [
        (100, 300, "Paying your plan premium"),
        (100, 400, "Account holder name:"),
        (100, 500, "Bank routing number:"),
    ], number=1)
    signing = form_page(HEADER + [(100, 400, "Signature:"), (1200, 400, "Today's date: 07/08/2026")],
                        scribble=(400, 370, 500, 80), number=2)
    values = _values(settings, payment, signing)
    assert values.get("premium_payment.account_holder") is None
    assert values["medicare_number"] == "8GH4UW6QG56"


def test_a_section_goes_on_under_a_running_header(settings: Settings) -> None:
    """Under the running header the page before's section goes on: "Name" there is still the account holder's."""
    payment = form_page(HEADER + [(100, 300, "Paying your plan premium"), (100, 400, "Bank routing number:")],
                        number=1)
    more = form_page(HEADER + [(100, 300, "Name: MARGARET OLSON")], number=2)
    values = _values(settings, payment, more)
    assert values["premium_payment.account_holder"] == "MARGARET OLSON"


def test_signature_is_measured_by_its_label_not_a_word_of_the_attestation(settings: Settings) -> None:
    """"My signature (or the signature of the person ...) means that I have read ..." above "Signature: ____
    Today's date: 07/08/2026": the form is signed where the label stands, and dated beside it. The
    representative's line under it ("If you are the authorized representative, sign above and fill out these
    fields:") does not cut the signature's area short."""
    page = form_page([
        (100, 100, "My signature (or the signature of the person legally authorized to act on my behalf) on this"),
        (100, 140, "application means that I have read and understand the contents of this application. The date I"),
        (100, 180, "sign this form is not the date my coverage begins."),
        (100, 400, "Signature:"),
        (1500, 400, "Today's date: 07/08/2026"),
        (100, 500, "If you are the authorized representative, sign above and fill out these fields:"),
    ], scribble=(700, 350, 600, 70))
    values = _values(settings, page)
    assert values["signature.signed"] is True
    assert values["signature.date"] == "2026-07-08"
    assert values["signature.by"] == "applicant"


def test_a_paragraphs_words_are_no_label(settings: Settings) -> None:
    """"Agents and brokers who help you fill out this form must include their National Producer Number" starts a
    line of a paragraph: the word under it (set apart by a justified line's wide gap) is the paragraph going on, not
    the agent's name, which is written by the agent's own label further down."""
    extraction = extract_fields([form_page([
        (100, 100, "If you have someone sign for you, that person must write their name, phone number and relationship."),
        (100, 140, "Agents and brokers who help you fill out this form must include their National Producer Number."),
        (100, 180, "from"), (300, 180, "this form is not your coverage start date and premiums can be paid by check."),
        (100, 400, "Agent/Broker name: LARRY JAKUBOWSKI"),
        (1300, 400, "Agent NPN: 93622001"),
    ])], settings)
    agent = extraction.fields["agent.name"]
    assert agent.value == "LARRY JAKUBOWSKI" and not agent.needs_review


def test_a_long_caption_beside_a_question_is_still_a_label(settings: Settings) -> None:
    """A caption under its line ("Primary care doctor or clinic you want to use (optional)") with a question set
    close under it from another margin is no paragraph: the clinic written over it is its value."""
    values = _values(settings, form_page([
        (900, 100, "ASPIRUS ANTIGO CLINIC"),
        (900, 140, "Primary care doctor or clinic you want to use at this time (optional)"),
        (100, 180, "Do you want to add the optional dental rider? It adds $28.40 to your monthly premium."),
    ], rules=[(880, 1900, 135)]))
    assert values["primary_care_clinic"] == "ASPIRUS ANTIGO CLINIC"


def test_an_item_numbers_point_does_not_end_the_label_after_it(settings: Settings) -> None:
    """"3. Initiat U" (a typewriter form's item, its label misread): the item number's point is no label's end, so
    the label and its number are still found, and the initial with them."""
    values = _values(settings, form_page([(100, 100, "3. Initiat U"), (700, 100, "4. Birthdate (mo/day/yr) 07/25/1939")]))
    assert values["applicant.middle_initial"] == "U"


def test_a_hint_whose_colon_ocr_read_as_a_comma_still_ends_at_its_bracket(settings: Settings) -> None:
    """"Permanent residence street address (P.O. Box is not allowed), 3981 BIRCH LN": the hint closes at "allowed),"
    (its colon read as a comma); the whole street after it is the value, not only its last word."""
    values = _values(settings, form_page([
        (100, 100, "Permanent residence street address (P.O. Box is not allowed), 3981 BIRCH LN"),
    ]))
    assert values["applicant.permanent_address.street"] == "3981 BIRCH LN"
