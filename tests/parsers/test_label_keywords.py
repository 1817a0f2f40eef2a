"""Labels by key words: wordings the phrase table does not know still name their field."""

from __future__ import annotations

import pytest

from intake.parsers.form import extract_fields
from intake.parsers.label_keywords import KEYWORD_HEADINGS, classify_words, tokens_of
from tests.parsers.form_kit import form_page


def _kind(text: str, table=None):
    return classify_words(tokens_of(text.split()), table) if table else classify_words(tokens_of(text.split()))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("I want my coverage to begin on:", "effective_date"),
        ("Start my coverage on", "effective_date"),
        ("Coverage effective date requested (MM/DD/YYYY)", "effective_date"),
        ("Date born:", "birth_date"),
        ("Producer ID (NPN):", "npn"),
        ("Primary doctor's chnic:", "pcp"),  # a possessive names what its singular does; "clinic" misread
        ("Agent NPN/Writing #", "npn"),
        ("Broker number:", "npn"),
        ("Enrolling agent:", "agent_name"),
        ("Licensed agent name", "agent_name"),
        ("Producer:", "agent_name"),
        ("Send correspondence to:", "mailing_street"),
        ("Mail to:", "mailing_street"),
        ("Street (home):", "permanent_street"),
        ("Residence address (no P.O. Box)", "permanent_street"),
        ("City/Town:", "city"),
        ("St:", "state"),
        ("ZIP+4:", "zip"),
        ("Postal code:", "zip"),
        ("Evening phone:", "phone"),
        ("Surname:", "last_name"),
        ("Given name:", "first_name"),
        ("Medicare Beneficiary ID #:", "medicare_number"),
        ("Name(s) on the account:", "account_holder"),
        ("Account owner name", "account_holder"),
        ("Transit/ABA #:", "routing_number"),
        ("Bank account #:", "account_number"),
        ("Primary doctor's clinic:", "pcp"),
        ("Name of representative:", "rep_name"),
        ("Representative's address:", "rep_address"),
        ("Relation to applicant:", "relationship"),
        ("Preferred start date (month / day / year)", "effective_date"),
        ("Start date:", "effective_date"),
        ("Personal e-mail address (optional)", "other"),  # an e-mail address is no mailing address
        ("E-mail:", "other"),
        ("Account owner's name (as printed on your checks)", "account_holder"),  # a hint is no part of its length
    ],
)
def test_label_wordings_name_their_field(text: str, kind: str) -> None:
    assert _kind(text) == kind


@pytest.mark.parametrize(
    "text",
    [
        "Mail or fax to Enrollment:",  # an instruction, not the mailing address
        "Please return the completed form to:",
        "Complete every item marked with an asterisk",
        "Thank you for choosing us",
    ],
)
def test_instructions_and_prose_are_no_label(text: str) -> None:
    assert _kind(text) is None


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Section 6 - For Broker/Agent Use", "office"),
        ("Plan use - producer information", "office"),
        ("For office use only", "office"),
        ("Section 4 - Premium Payment Options", "payment"),
        ("If you are the authorized representative", "representative"),
        ("Where should we send mail?", "mailing"),
        ("Part A. Plan selection - check one", None),  # "selection" is not "section"
        ("Plan information", None),  # the plan's, not the office's
        ("12. Which plan do you want to join? Check only one.", None),  # "only" is not "plan use"
        ("Agent only", "office"),
        ("Personal e-mail address", None),  # opens no mailing section
    ],
)
def test_heading_wordings(text: str, kind: str | None) -> None:
    assert _kind(text, KEYWORD_HEADINGS) == kind


def test_a_tie_between_two_kinds_is_no_label() -> None:
    # "phone" and "zip" both fit with one key word each: a person reads it, not a guess
    assert _kind("Phone or ZIP:") is None


def test_a_form_in_unfamiliar_wording_is_read_by_key_words(settings) -> None:
    """Labels worded unlike any phrase in the table, labels above values, a mailing block opened by
    its own label and a representative block opened by the representative's name."""

    items = [
        (100, 100, "Start my coverage on: 01/01/2027"),
        (100, 160, "Date born: 03/14/1957"),
        (100, 220, "Street (home): 1204 N 5TH AVE"),
        (100, 280, "City/Town: WAUSAU"),
        (900, 280, "St: WI"),
        (1300, 280, "ZIP+4: 54401"),
        (100, 340, "Send correspondence to: PO BOX 77"),
        (100, 400, "City/Town: MERRILL"),
        (900, 400, "St: WI"),
        (1300, 400, "ZIP+4: 54452"),
        (100, 520, "Section 6 - For Broker/Agent Use"),
        (100, 580, "ENROLLING AGENT"),
        (1200, 580, "PRODUCER ID (NPN)"),
        (100, 630, "DANIEL KOWALSKI"),
        (1200, 630, "17654321"),
    ]
    fields = extract_fields([form_page(items)], settings).fields
    values = {path: field.value for path, field in fields.items()}
    assert values["requested_effective_date"] == "2027-01-01"
    assert values["applicant.birth_date"] == "1957-03-14"
    assert values["applicant.permanent_address.street"] == "1204 N 5TH AVE"
    assert values["applicant.permanent_address.city"] == "WAUSAU"
    assert values["applicant.permanent_address.zip"] == "54401"
    assert values["applicant.mailing_address.street"] == "PO BOX 77"
    assert values["applicant.mailing_address.city"] == "MERRILL"
    assert values["applicant.mailing_address.zip"] == "54452"
    assert values["agent.name"] == "DANIEL KOWALSKI"
    assert values["agent.npn"] == "17654321"


def test_signature_line_naming_the_representative_opens_no_representative_section(settings) -> None:
    """"Signature of beneficiary or legal representative" is the applicant's signature line: its date is
    the signature date, not the start of the representative's block."""

    items = [
        (100, 100, "32 Signature of beneficiary or legal representative"),
        (1300, 100, "33 Date signed"),
        (1300, 160, "10/31/2026"),
    ]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["signature.date"].value == "2026-10-31"


def test_questionnaire_answers_under_their_numbered_question(settings) -> None:
    """A label inside a numbered question ("6. What is the best phone number to reach you?") has its
    answer on the line below, under the question, not under the label's own words."""

    items = [
        (100, 100, "5. Are you a veteran? 6. What is the best phone number to reach you?"),
        (560, 160, "715-555-0142"),
        (100, 260, "9. Please list your Medicare number exactly as shown on your card."),
        (100, 320, "1EG4-TE5-MK73"),
    ]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["applicant.phone"].value == "7155550142"
    assert fields["medicare_number"].value == "1EG4TE5MK73"


def test_a_label_word_box_stretched_over_the_line_below_does_not_hide_its_value(settings) -> None:
    """OCR sometimes stretches a label word's box down into the value written under it."""
    from dataclasses import replace

    from intake.ocr.page_text import Box

    page = form_page([(100, 100, "Middle initial"), (700, 100, "Date of birth"), (700, 150, "03/14/1957")])
    words = list(page.text.words)
    for k in (1, 2):  # "initial" (the label left of the value's line) and "Date"
        word = words[k]
        words[k] = word.model_copy(update={"box": Box(left=word.box.left, top=word.box.top, width=word.box.width,
                                                      height=70)})
    page = replace(page, text=page.text.model_copy(update={"words": tuple(words)}))
    fields = extract_fields([page], settings).fields
    assert fields["applicant.birth_date"].value == "1957-03-14"


def test_numbered_boxes_are_one_label_each_and_sentence_case_print_is_a_label(settings) -> None:
    """Claim-form style boxes ("19 Proposed effective date 20 Preferred provider / clinic") are cut at
    their item numbers; "Preferred provider / clinic" in sentence case is a label, while the same key
    words written in capitals are its value."""

    items = [
        (600, 100, "19 Proposed effective date 20 Preferred provider / clinic"),
        (600, 160, "12/01/2026"),
        (1140, 160, "ASPIRUS MEDFORD CLINIC"),
    ]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["requested_effective_date"].value == "2026-12-01"
    assert fields["primary_care_clinic"].value == "ASPIRUS MEDFORD CLINIC"


def test_printed_wording_names_the_representative_and_stops_before_the_writing(settings) -> None:
    """"Representative full name" is the representative's name label (not a bare "name"), and in
    "Name of representative. EUGENE BECKER" the print ends where the capitals written after it begin."""

    boxed = [(100, 100, "34 Representative full name 35 Relationship to beneficiary"), (100, 160, "GARY JOHNSON"),
             (1300, 160, "SON")]
    fields = extract_fields([form_page(boxed)], settings).fields
    assert fields["authorized_representative.name"].value == "GARY JOHNSON"
    inline = [(100, 100, "Name of representative. EUGENE BECKER")]
    fields = extract_fields([form_page(inline)], settings).fields
    assert fields["authorized_representative.name"].value == "EUGENE BECKER"


def test_a_misread_part_of_a_name_stays_that_part_not_a_bare_name(settings) -> None:
    """"1 Beneficiary tast name" ("last" misread): its key words say only "name", but the phrase
    matched "last name" in it; the bare name never wins over the part it is a misreading of."""
    items = [(100, 100, "1 Beneficlary tast name"), (100, 150, "SORENSON"), (900, 100, "2 First"), (900, 150, "DENNIS")]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["applicant.last_name"].value == "SORENSON"
    assert fields["applicant.first_name"].value == "DENNIS"


def test_the_next_numbered_box_is_no_value(settings) -> None:
    """"39 Agent NPN   40 Agency / FMO" on a text layer, the NPN written under its box: the words right of
    "Agent NPN" are the next box's label (an item number, then print), not the NPN."""
    items = [(100, 100, "38 Writing agent"), (700, 100, "39 Agent NPN"), (1080, 100, "40 Agency / FMO"),
             (100, 150, "RICHARD SCHULTZ"), (710, 150, "382106381")]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["agent.npn"].value == "382106381"


def test_a_long_run_is_named_by_its_words_outside_the_hint(settings) -> None:
    """A run long only by its bracketed hint is a label by the key words outside the hint: OCR debris
    "be meee cy (la mL aa ee)" is no middle-initial label because "mL" stands in brackets."""
    from intake.parsers.label_keywords import keyword_labels
    from intake.parsers.layout import PageLayout
    from tests.parsers.form_kit import form_page

    layout = PageLayout.build(form_page([(100, 100, "be meee cy (la mL aa ee)"),
                                         (100, 300, "Account owner's name (as printed on your checks)")]).text)
    kinds = {hit.kind for hit in keyword_labels(layout, [], set())}
    assert kinds == {"account_holder"}


def test_the_writing_after_a_labels_print_is_no_part_of_its_length(settings) -> None:
    """"Doctor / clinic of choice (optional) ASPIRUS MERRILL CLINIC" on one line (the leader between erased):
    seven words with the value, but the label is the print before the capitals, short enough to be one."""
    items = [(100, 100, "17. Doctor / clinic of choice (optional) ASPIRUS MERRILL CLINIC")]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["primary_care_clinic"].value == "ASPIRUS MERRILL CLINIC"


def test_a_lettered_item_number_does_not_put_its_label_inside_a_sentence(settings) -> None:
    """"13a. Town", "13b. State", "13c. Zip" under "13. Mailing address": a lettered item number before a
    one-word label is numbering, as "9." is, so the mailing address gets its town, state and ZIP."""
    items = [
        (100, 100, "13. Mailing address (only if not the same as above) PO BOX 2717"),
        (160, 160, "13a. Town PLOVER"),
        (1000, 160, "13b. State WI"),
        (1400, 160, "13c. Zip 54467"),
    ]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["applicant.mailing_address.street"].value == "PO BOX 2717"
    assert fields["applicant.mailing_address.city"].value == "PLOVER"
    assert fields["applicant.mailing_address.state"].value == "WI"
    assert fields["applicant.mailing_address.zip"].value == "54467"


def test_a_lower_case_key_word_after_a_headings_colon_labels_the_writing(settings) -> None:
    """"If signed by someone else: name MARILYN BRANDT": the words up to the colon head the representative's
    part, and "name" after the colon is its label's print; the capitals after it are the name, not heading."""
    items = [
        (100, 100, "SECTION G - IF SOMEONE ELSE SIGNED FOR THE ENROLLEE"),
        (100, 160, "25a. If signed by someone else: name MARILYN. BRANDT"),
        (100, 220, "25b. Their relationship to you DAUGHTER"),
    ]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["authorized_representative.name"].value == "MARILYN. BRANDT"
    assert fields["authorized_representative.relationship"].value == "DAUGHTER"


def test_a_short_word_ocr_glued_to_a_key_word_does_not_hide_it() -> None:
    """"Coverage tobegin": "to" glued to "begin" still names the requested start; "Town" stays a town, not "to" + "wn"."""
    from intake.parsers.label_keywords import classify_words, tokens_of

    assert classify_words(tokens_of(["Coverage", "tobegin"])) == "effective_date"
    assert classify_words(tokens_of(["Town"])) == "city"
