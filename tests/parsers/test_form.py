"""The form parser end to end on hand-built pages: labels, layout, boxes, signature, confidence and review flags."""

from __future__ import annotations

from dataclasses import replace

import pytest

from intake.config import Settings
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page, ruled_page

SIGNED_PAGE = [
    (100, 100, "Select the plan you want to join:"),
    (160, 165, "Aspirus Advantage Plus (HMO-POS) H5652-002"),
    (160, 225, "Aspirus Medicare Choice (PPO) H7833-001"),
    (100, 300, "Last name: OLSON"),
    (1200, 300, "First name: MARGARET"),
    (100, 360, "Birth date (MM/DD/YYYY) 03/14/1957"),
    (1200, 360, "Sex:"),
    (1360, 365, "Male"),
    (1560, 365, "Female"),
    (100, 420, "Phone: (715) 555-0142"),
    (100, 480, "Home address: 1204 N 5TH AVE"),
    (400, 530, "WAUSAU, WI 54401"),
    (100, 700, "Paying your plan premium"),
    (160, 765, "Get a monthly bill"),
    (160, 825, "Electronic funds transfer (EFT)"),
    (100, 1000, "Signature:"),
    (1200, 1000, "Date: 11/20/2026"),
    (100, 1150, "Office use only"),
    (100, 1210, "Agent name: DANIEL KOWALSKI"),
    (1200, 1210, "NPN: 17654321"),
]
BOXES = [(100, 160, "x"), (100, 220, None), (1300, 360, None), (1500, 360, "x"), (100, 760, None), (100, 820, "check")]


def _values(settings: Settings, items, **kwargs) -> dict:
    extraction = extract_fields([form_page(items, **kwargs)], settings)
    return {path: field.value for path, field in extraction.fields.items()}


def test_complete_form_reads_every_field(settings: Settings) -> None:
    """Labels, a second address line, ticked boxes, pen ink and the office box all give their fields."""
    values = _values(settings, SIGNED_PAGE, boxes=BOXES, scribble=(300, 960, 600, 90))
    assert values["plan.id"] == "H5652-002"
    assert values["plan.name"] == "Aspirus Advantage Plus (HMO-POS)"
    assert (values["applicant.last_name"], values["applicant.first_name"]) == ("OLSON", "MARGARET")
    assert values["applicant.birth_date"] == "1957-03-14"
    assert values["applicant.sex"] == "F"
    assert values["applicant.phone"] == "7155550142"
    assert values["applicant.permanent_address.street"] == "1204 N 5TH AVE"
    assert (values["applicant.permanent_address.city"], values["applicant.permanent_address.state"],
            values["applicant.permanent_address.zip"]) == ("WAUSAU", "WI", "54401")
    assert values["premium_payment.method"] == "eft"
    assert values["signature.signed"] is True
    assert values["signature.date"] == "2026-11-20"
    assert values["signature.by"] == "applicant"
    assert (values["agent.name"], values["agent.npn"]) == ("DANIEL KOWALSKI", "17654321")


def test_no_pen_ink_means_unsigned(settings: Settings) -> None:
    """Without ink next to the signature label the form is not signed."""
    values = _values(settings, SIGNED_PAGE, boxes=BOXES)
    assert values["signature.signed"] is False


def test_a_signature_ocr_read_as_letters_is_still_pen_ink(settings: Settings) -> None:
    """OCR may read a scribble as a "word" ("Ww", confidence 0.62) several text heights tall: that is the
    signature, not print to be taken off before measuring the ink."""
    from dataclasses import replace

    from intake.ocr.page_text import Box

    page = form_page(SIGNED_PAGE + [(300, 960, "Ww")], boxes=BOXES, scribble=(300, 960, 600, 90))
    words = list(page.text.words)
    words[-1] = words[-1].model_copy(update={"box": Box(left=300, top=950, width=600, height=110), "conf": 0.62})
    page = replace(page, text=page.text.model_copy(update={"words": tuple(words)}))
    assert extract_fields([page], settings).fields["signature.signed"].value is True


def test_representative_block_makes_the_representative_the_signer(settings: Settings) -> None:
    """A filled authorized-representative block sets signature.by and its own fields."""
    items = SIGNED_PAGE + [
        (100, 1300, "Authorized representative"),
        (100, 1360, "Name: JOHN OLSON"),
        (1200, 1360, "Relationship to enrollee: SON"),
    ]
    values = _values(settings, items, boxes=BOXES, scribble=(300, 960, 600, 90), size=(2550, 1500))
    assert values["authorized_representative.name"] == "JOHN OLSON"
    assert values["authorized_representative.relationship"] == "SON"
    assert values["signature.by"] == "authorized_representative"
    assert values["applicant.last_name"] == "OLSON"


def test_a_doubtful_speck_in_the_representative_block_does_not_make_it_the_signer(settings: Settings) -> None:
    """A speck read "t" (low confidence) as the representative's name: the applicant signed, and who
    signed is put up for review rather than given to a representative nobody named."""
    from dataclasses import replace

    page = form_page(SIGNED_PAGE + [(100, 1300, "Authorized representative"), (100, 1360, "Name:"), (400, 1360, "t")],
                     boxes=BOXES, scribble=(300, 960, 600, 90), size=(2550, 1500))
    words = list(page.text.words)
    words[-1] = words[-1].model_copy(update={"conf": 0.3})
    page = replace(page, text=page.text.model_copy(update={"words": tuple(words)}))
    by = extract_fields([page], settings).fields["signature.by"]
    assert by.value == "applicant" and by.needs_review


def test_ssn_in_medicare_box_is_refused(settings: Settings) -> None:
    """A 9-digit SSN written as the Medicare number gives no value and says why."""
    extraction = extract_fields([form_page([(100, 100, "Medicare Number: 123-45-6789")])], settings)
    field = extraction.fields["medicare_number"]
    assert field.value is None and field.note == "ssn_in_medicare_box"


def test_repaired_or_unsure_values_are_flagged(settings: Settings) -> None:
    """An MBI with look-alikes repaired, or words read with low confidence, go to review."""
    repaired = extract_fields([form_page([(100, 100, "MBI: 1EG4TE5MK7O")])], settings).fields["medicare_number"]
    assert repaired.value == "1EG4TE5MK70" and repaired.needs_review
    faint = extract_fields([form_page([(100, 100, "Last name: OLSON")], conf=0.5)], settings).fields
    assert faint["applicant.last_name"].needs_review
    clear = extract_fields([form_page([(100, 100, "Last name: OLSON")])], settings).fields
    assert not clear["applicant.last_name"].needs_review and clear["applicant.last_name"].confidence > 0.9


def test_two_different_readings_are_flagged(settings: Settings) -> None:
    """The same field labelled twice with different values is ambiguous and goes to review."""
    items = [(100, 100, "Phone: 715-555-0142"), (100, 300, "Telephone: 715-555-0199")]
    field = extract_fields([form_page(items)], settings).fields["applicant.phone"]
    assert field.needs_review


def test_two_ticked_plans_are_flagged(settings: Settings) -> None:
    """Two plans ticked: the field is up for review, never silently one of them."""
    boxes = [(100, 160, "x"), (100, 220, "x")]
    field = extract_fields([form_page(SIGNED_PAGE[:3], boxes=boxes)], settings).fields["plan.id"]
    assert field.needs_review and field.note == "several_boxes_checked"


def test_a_plan_whose_id_ocr_broke_is_known_by_its_name(settings: Settings) -> None:
    """"H5652-0063" names no plan; "Aspirus Advantage Premier (HMO-POS), contract" names one."""
    items = [(100, 100, "Choose your plan:"), (160, 165, "Aspirus Advantage Premier (HMO-POS), contract H5652-0063"),
             (160, 225, "Aspirus Advantage Plus (HMO-POS), contract H5652-002")]
    fields = extract_fields([form_page(items, boxes=[(100, 160, "x"), (100, 220, None)])], settings).fields
    assert fields["plan.id"].value == "H5652-003"


@pytest.mark.parametrize(("ticked", "sex"), [(0, "M"), (1, "F")])
def test_male_female_boxes_under_a_question_without_a_sex_label(settings: Settings, ticked: int, sex: str) -> None:
    """"5. Are you male or female?" has no Sex/Gender label: boxes saying only Male / Female still answer it."""
    items = [(100, 100, "5. Are you male or female?"), (160, 165, "Male"), (160, 225, "Female")]
    boxes = [(100, 160, "x" if ticked == 0 else None), (100, 220, "x" if ticked == 1 else None)]
    assert extract_fields([form_page(items, boxes=boxes)], settings).fields["applicant.sex"].value == sex


@pytest.mark.parametrize("unread", ["", "oF"])
def test_the_ticked_box_of_a_pair_whose_words_went_unread_is_the_other_answer_for_review(
    settings: Settings, unread: str
) -> None:
    """"Sex [ ] M [x] F" with the "F" lost under the mark or a stamp (nothing read, or "oF"): the ticked box
    is the pair's other answer, put up for review; an unticked unread box answers nothing."""
    items = [(100, 100, "Sex:"), (360, 100, "M")] + ([(560, 100, unread)] if unread else [])
    fields = extract_fields([form_page(items, boxes=[(300, 95, None), (500, 95, "x")])], settings).fields
    assert fields["applicant.sex"].value == "F" and fields["applicant.sex"].needs_review
    fields = extract_fields([form_page(items, boxes=[(300, 95, None), (500, 95, None)])], settings).fields
    assert fields.get("applicant.sex") is None or fields["applicant.sex"].value is None


def test_a_form_that_prints_its_boxes_after_their_words(settings: Settings) -> None:
    """"Put an X in the box after your answer": "M [ ] F [x]", "Yes [x] No [ ]", and a plan list whose
    boxes stand at the column's right edge. Each box's words are the ones before it, so the ticked
    F is F (not the M before it), Yes is yes, and the plan is the one on the ticked box's row."""
    items = [
        (100, 100, "Gender:"), (300, 100, "M"), (460, 100, "F"),
        (100, 200, "Add optional dental coverage?"), (800, 200, "Yes"), (1000, 200, "No"),
        (100, 300, "Aspirus Advantage Essential (HMO-POS)"), (100, 400, "Aspirus Advantage Plus (HMO-POS)"),
        (100, 500, "Aspirus Medicare Choice (PPO)"),
    ]
    boxes = [(360, 95, None), (510, 95, "x"), (900, 195, "x"), (1080, 195, None),
             (1000, 295, None), (1000, 395, "x"), (1000, 495, None)]
    fields = extract_fields([form_page(items, boxes=boxes)], settings).fields
    assert fields["applicant.sex"].value == "F"
    assert fields["dental_rider"].value is True
    assert fields["plan.id"].value == "H5652-002"


@pytest.mark.parametrize("leader", ["", "fees cee ee ae ee ."])
def test_a_plan_row_whose_box_follows_its_price_across_a_dotted_leader(settings: Settings, leader: str) -> None:
    """"Aspirus Advantage Plus (HMO-POS) H5652-002 ........ $38.00 [x]": the words just before the box are a
    price; the plan is the row's words across the leader, whether it was erased (a text layer draws none)
    or OCR read its dots as doubtful scraps."""
    items = [(100, 100, "Gender:"), (300, 100, "M"), (460, 100, "F")]
    for y, plan, plan_id, price in ((300, "Aspirus Advantage Essential (HMO-POS)", "H5652-001", "$0.00"),
                                    (400, "Aspirus Advantage Plus (HMO-POS)", "H5652-002", "$38.00"),
                                    (500, "Aspirus Medicare Choice (PPO)", "H7833-001", "$54.00")):
        items += [(100, y, plan), (1000, y, plan_id), (1900, y, price)]
        if leader:
            items.append((1250, y, leader))
    boxes = [(360, 95, None), (510, 95, "x"), (2060, 295, None), (2060, 395, "x"), (2060, 495, None)]
    page = form_page(items, boxes=boxes)
    if leader:  # the scraps are read with little confidence
        words = tuple(w.model_copy(update={"conf": 0.2}) if 1250 <= w.box.left < 1800 else w for w in page.text.words)
        page = replace(page, text=page.text.model_copy(update={"words": words}))
    fields = extract_fields([page], settings).fields
    assert fields["plan.id"].value == "H5652-002"
    assert fields["plan.name"].value == "Aspirus Advantage Plus (HMO-POS)"
    # the ticked row's plan ID misread ("H§652-002" for H5652-001): its name, a column further left, still says
    words = tuple(w.model_copy(update={"text": "H§652-002"}) if w.text == "H5652-001" else w for w in page.text.words)
    boxes = [(360, 95, None), (510, 95, "x"), (2060, 295, "x"), (2060, 395, None), (2060, 495, None)]
    page = replace(form_page([], boxes=boxes), text=page.text.model_copy(update={"words": words}))
    fields = extract_fields([page], settings).fields
    assert fields["plan.name"].value == "Aspirus Advantage Essential (HMO-POS)"


def test_labels_printed_on_two_lines_end_at_their_colon_on_the_second(settings: Settings) -> None:
    """A right-aligned label column wraps long labels: "Birthdate / (mm/dd/yyyy):", "Relationship to /
    applicant:", "Name(s) on / account:". The value follows the colon on the second line; the words
    left on the first line ("to", "on") are label, never a value."""
    items = [
        (150, 100, "Birthdate"), (100, 135, "(mm/dd/yyyy): 02/23/1957"),
        (100, 300, "Name(s) on"), (140, 335, "account:"),
        (100, 500, "Authorized representative name:"), (700, 500, "JANE DOE"),
        (100, 600, "Relationship to"), (140, 635, "applicant:"), (420, 635, "DAUGHTER"),
    ]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["applicant.birth_date"].value == "1957-02-23"
    assert fields["authorized_representative.relationship"].value == "DAUGHTER"
    holder = fields.get("premium_payment.account_holder")
    assert holder is None or holder.value is None


def test_printed_wording_ending_in_a_colon_is_the_next_label_not_a_value(settings: Settings) -> None:
    """"Broker name:" left blank with "Agency:" printed under it: a label of no known kind is not the
    broker's name (nor is "Date received:")."""
    items = [(100, 100, "FOR BROKER/AGENT USE"), (100, 160, "Broker name:"), (100, 220, "Agency:"),
             (100, 280, "Date received:")]
    fields = extract_fields([form_page(items)], settings).fields
    agent = fields.get("agent.name")
    assert agent is None or agent.value is None


def test_a_function_word_left_of_a_wrapped_label_is_no_value(settings: Settings) -> None:
    """When OCR splits "Relationship to / applicant:" so that the two lines cannot be joined, the "to"
    after "Relationship" is still no relationship (it would make a representative appear to sign)."""
    items = [(100, 40, "If signed by an authorized representative, complete:"), (100, 100, "Name:"),
             (100, 160, "Relationship to"), (100, 220, "Phone:")]
    fields = extract_fields([form_page(items)], settings).fields
    relationship = fields.get("authorized_representative.relationship")
    assert relationship is None or relationship.value is None


def test_a_value_that_reads_like_misread_label_print_is_put_up_for_review(settings: Settings) -> None:
    """"ADORESS (NO P.O. BOX)" under a street label is the form's own print misread, not an address
    written there: it is reviewed, never vouched for; a clinic named with a label word spelt right is not."""
    fields = extract_fields([form_page([(100, 100, "Street:"), (300, 100, "ADORESS (NO P.O. BOX)")])], settings).fields
    assert fields["applicant.permanent_address.street"].needs_review
    fields = extract_fields([form_page([(100, 100, "Primary care clinic:"), (600, 100, "ASPIRUS MERRILL CLINIC")])],
                            settings).fields
    assert not fields["primary_care_clinic"].needs_review


@pytest.mark.parametrize("gap", [60, 110])
def test_a_value_hand_printed_in_wide_spaced_capitals_is_read_whole(settings: Settings, gap: int) -> None:
    """"ASPIRUS ANTIGO   CLINIC" under "PRIMARY CARE CLINIC": the last written word is neither a label
    (its capitals follow written capitals) nor cut off at hand printing's wide gap."""
    items = [(100, 100, "PRIMARY CARE CLINIC (OPTIONAL)"), (100, 160, "ASPIRUS ANTIGO"), (380 + gap, 160, "CLINIC"),
             (100, 280, "PHONE")]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["primary_care_clinic"].value == "ASPIRUS ANTIGO CLINIC"


def test_ocr_slips_in_a_boxes_after_words_form(settings: Settings) -> None:
    """The colon of "Gender:" read as "’" still ends the words before the M box; a wrapped format hint
    whose colon was lost ("Birthdate / {mm/dd/yyyy) 05/17/1946") still ends the label."""
    items = [
        (150, 100, "Birthdate"), (100, 135, "{mm/dd/yyyy) 05/17/1946"),
        (100, 250, "Gender’"), (300, 250, "M"), (460, 250, "F"),
        (100, 350, "Add optional dental coverage?"), (800, 350, "Yes"), (1000, 350, "No"),
        (100, 450, "Bill me monthly (coupon book)"),
    ]
    boxes = [(360, 245, "x"), (510, 245, None), (900, 345, None), (1080, 345, "x"), (900, 445, "x")]
    fields = extract_fields([form_page(items, boxes=boxes)], settings).fields
    assert fields["applicant.sex"].value == "M"
    assert fields["applicant.birth_date"].value == "1946-05-17"


def test_a_shortened_label_word_is_no_value(settings: Settings) -> None:
    """"Middle init.:" whose written initial OCR dropped: the shortened "init." is label, never the initial."""
    fields = extract_fields([form_page([(100, 100, "Middle init..")])], settings).fields
    middle = fields.get("applicant.middle_initial")
    assert middle is None or middle.value is None
    fields = extract_fields([form_page([(100, 100, "Middle init.: S")])], settings).fields
    assert fields["applicant.middle_initial"].value == "S"


def test_a_value_with_a_stray_opening_bracket_is_still_the_value(settings: Settings) -> None:
    """OCR may read a box edge before a value as "(": "(10/18/1952" never closes, so it is the birth date,
    not a bracketed hint to skip (with the row's next labels swallowed into it)."""
    items = [(100, 100, "Birthdate:"), (400, 100, "(10/18/1952"), (1200, 100, "Gender:"), (1500, 100, "Female")]
    fields = extract_fields([form_page(items)], settings).fields
    assert fields["applicant.birth_date"].value == "1952-10-18"


def test_a_birth_date_whose_label_ocr_garbled_is_found_by_its_format_hint_for_review(settings: Settings) -> None:
    """"4 DOB (mm/dd/yyyy)" read as "4 D086 (mmiddiyyyy)": no birth date label anywhere, but an unread word
    with a date format hint in the applicant's part: its value is the birth date, put up for review. With
    the label read, nothing is guessed."""
    items = [(100, 100, "1 Last name"), (100, 150, "SORENSON"), (900, 100, "4 D086 (mmiddiyyyy)"), (900, 150, "05/28/1940")]
    field = extract_fields([form_page(items)], settings).fields["applicant.birth_date"]
    assert field.value == "1940-05-28" and field.needs_review
    items[2] = (900, 100, "4 DOB (mm/dd/yyyy)")
    field = extract_fields([form_page(items)], settings).fields["applicant.birth_date"]
    assert field.value == "1940-05-28" and not field.needs_review


def test_male_female_boxes_in_the_representative_section_are_not_the_applicant(settings: Settings) -> None:
    items = [(100, 40, "AUTHORIZED REPRESENTATIVE"), (100, 100, "Are you male or female?"), (160, 165, "Male"),
             (160, 225, "Female")]
    fields = extract_fields([form_page(items, boxes=[(100, 160, "x"), (100, 220, None)])], settings).fields
    assert fields.get("applicant.sex") is None or fields["applicant.sex"].value is None


CAPTIONED_ADDRESS = [
    (100, 100, "7. Where do you live? Please give your street address."),
    (100, 160, "5843 STEWART AVE"),
    (100, 205, "Street address"),
    (100, 265, "MINOCQUA"), (800, 265, "WI"), (1100, 265, "54548"),
    (100, 310, "City"), (800, 310, "State"), (1100, 310, "ZIP code"),
    (100, 420, "8. Do you get your mail somewhere else?"),
]


@pytest.mark.parametrize("rules", [
    [(100, 1200, 195), (100, 700, 300), (800, 1000, 300), (1100, 1400, 300)],
    # a fax breaks thin lines into pieces and the piece under the writing may go with it: no piece under
    # "MINOCQUA"'s start or under "5843", the pieces start past the captions' words
    [(420, 700, 195), (760, 1200, 195), (330, 700, 300), (860, 1000, 300), (1160, 1400, 300)],
], ids=["whole lines", "lines in pieces"])
def test_captions_printed_under_their_lines_take_the_values_written_on_the_lines(settings: Settings, rules) -> None:
    """"Street address", "City  State  ZIP code" printed under the lines they name: each value is the
    writing on the line just above its caption, not the next row below it; one piece of the line
    reaching into the caption's column is enough."""
    values = _ruled_values(settings, CAPTIONED_ADDRESS, rules)
    assert values["applicant.permanent_address.street"] == "5843 STEWART AVE"
    assert values["applicant.permanent_address.city"] == "MINOCQUA"
    assert values["applicant.permanent_address.state"] == "WI"
    assert values["applicant.permanent_address.zip"] == "54548"


def test_a_caption_whose_own_piece_of_line_was_lost_under_the_writing(settings: Settings) -> None:
    """"WI" written over the State caption's piece of line took that piece with it on the fax; the pieces
    of the same line under City and ZIP code show where it runs, so "WI" is still the State caption's."""
    items = [
        (100, 265, "MINOCQUA"), (800, 265, "WI"), (1100, 265, "54548"),
        (100, 310, "City"), (800, 310, "State"), (1100, 310, "ZIP code"),
        (100, 420, "8. Do you get your mail somewhere else?"),
    ]
    rules = [(330, 700, 300), (1160, 1400, 300)]
    values = _ruled_values(settings, items, rules)
    assert values["applicant.permanent_address.state"] == "WI"
    assert values["applicant.permanent_address.city"] == "MINOCQUA"


def test_a_chain_of_captions_under_a_question_each_take_the_writing_above(settings: Settings) -> None:
    """"8. Do you get your mail somewhere else?" / PO BOX 1928 / "Street address or PO Box" / MOSINEE /
    "City": the street caption reads MOSINEE under it at first, but MOSINEE is the City caption's (it has
    nothing else) and PO BOX 1928 over the street caption is nobody's: each caption takes the writing above."""
    items = [
        (100, 100, "8. Do you get your mail somewhere else?"),
        (100, 160, "PO BOX 1928"),
        (100, 205, "Street address or PO Box"),
        (100, 265, "MOSINEE"), (800, 265, "WI"), (1100, 265, "54455"),
        (100, 310, "City"), (800, 310, "State"), (1100, 310, "ZIP code"),
        (100, 420, "STEP 2: Tell us about your Medicare"),
    ]
    rules = [(100, 1200, 195), (100, 700, 300), (800, 1000, 300), (1100, 1400, 300)]
    values = _ruled_values(settings, items, rules)
    assert values["applicant.mailing_address.street"] == "PO BOX 1928"
    assert values["applicant.mailing_address.city"] == "MOSINEE"


def test_a_blank_field_under_another_fields_line_takes_nothing_from_it(settings: Settings) -> None:
    """Labels above their lines: "Street address" left blank sits under the last name's line, and the
    last name there is the "Last name" label's value, never the street."""
    items = [(100, 100, "Last name"), (100, 150, "OLSON"), (100, 205, "Street address"), (100, 330, "City"),
             (100, 380, "WAUSAU")]
    rules = [(100, 1200, 190), (100, 1200, 295), (100, 1200, 420)]
    values = _ruled_values(settings, items, rules)
    assert values["applicant.last_name"] == "OLSON" and values["applicant.permanent_address.city"] == "WAUSAU"
    assert values.get("applicant.permanent_address.street") is None


def _ruled_values(settings: Settings, items, rules) -> dict:
    return {path: f.value for path, f in extract_fields([ruled_page(items, rules)], settings).fields.items()}


def test_the_rest_of_a_question_sentence_is_no_value() -> None:
    """"... give your street address. A PO. Box can't be used here." - words after a label in the middle
    of a sentence finish that sentence, even where the reading right of it stops early ("PO. Box")."""
    from intake.parsers.labels import find_labels
    from intake.parsers.layout import PageLayout
    from intake.parsers.values import find_value

    words = [(100, "7."), (160, "Where"), (280, "do"), (340, "you"), (420, "live?"), (725, "Please"), (870, "give"),
             (973, "your"), (1081, "street"), (1218, "address."), (1406, "A"), (1451, "PO."), (1541, "Box"), (1631, "can't"),
             (1748, "be"), (1815, "used"), (1928, "here.")]
    layout = PageLayout.build(form_page([(x, 100, text) for x, text in words]).text)
    (hit,) = [h for h in find_labels(layout) if h.kind == "street"]
    cant = next(i for i, w in enumerate(layout.text.words) if w.text == "can't")
    # the reading right of the label stops at "can't" (a wall, a gap): "PO. Box" alone is not prose
    assert find_value(layout, hit, [hit], set(hit.indices) | {cant}) is None


def test_questions_name_their_answers_and_open_their_sections(settings: Settings) -> None:
    """"10, When would you like your coverage to start?" is the effective-date label; "8. Do you get your
    mail somewhere else?" opens the mailing block; "Street address or PO Box" names an alternative,
    it is not a value."""
    items = [
        (100, 100, "10, When would you like your coverage to start?"),
        (100, 160, "07/01/2026"),
        (100, 260, "8. Do you get your mail somewhere else? If so, tell us where (a P.O. Box is fine)."),
        (100, 330, "PO BOX 1928"),
        (100, 380, "Street address or PO Box"),
    ]
    page = ruled_page(items, [(100, 1400, 370)])
    values = {path: f.value for path, f in extract_fields([page], settings).fields.items()}
    assert values["requested_effective_date"] == "2026-07-01"
    assert values["applicant.mailing_address.street"] == "PO BOX 1928"
    assert values.get("applicant.permanent_address.street") is None


def test_a_plan_chart_with_its_tick_boxes_in_their_own_column(settings: Settings) -> None:
    """"Mark | Plan name | Contract-PBP": each box stands alone in the Mark column; its option is the row's
    text right of it, so the ticked row is the plan and the "Plan name" column heading reads no value."""
    items = [(100, 100, "Mark"), (500, 100, "Plan name"), (1500, 100, "Contract-PBP"),
             (500, 165, "Aspirus Advantage Essential (HMO-POS)"), (1500, 165, "H5652-001"),
             (500, 225, "Aspirus Advantage Premier (HMO-POS)"), (1500, 225, "H5652-003")]
    boxes = [(120, 160, None), (120, 220, "x")]
    fields = extract_fields([form_page(items, boxes=boxes)], settings).fields
    assert fields["plan.id"].value == "H5652-003"
    assert fields.get("plan.name") is None or fields["plan.name"].value == "Aspirus Advantage Premier (HMO-POS)"


def test_captions_on_a_text_layer_page_without_drawn_lines(settings: Settings) -> None:
    """A DocuSign text layer has words but no drawing: a caption just under the value's line still
    names the writing above it."""
    items = [(100, 100, "Applicant details"), (100, 160, "MINOCQUA"), (800, 160, "WI"), (1100, 160, "54548"),
             (100, 205, "City"), (800, 205, "State"), (1100, 205, "ZIP code")]
    page = form_page(items, source="text_layer", conf=1.0)
    values = {path: f.value for path, f in extract_fields([page], settings).fields.items()}
    assert values["applicant.permanent_address.city"] == "MINOCQUA"
    assert values["applicant.permanent_address.state"] == "WI"
    assert values["applicant.permanent_address.zip"] == "54548"


def test_a_long_label_whose_length_is_mostly_its_hint(settings: Settings) -> None:
    """"Account owner's name (as printed on your checks)": six words of hint do not make the label a
    sentence; it names the account holder by its key words."""
    values = _values(settings, [(100, 100, "Account owner's name (as printed on your checks)"), (100, 150, "DONNA B KRUEGER")])
    assert values["premium_payment.account_holder"] == "DONNA B KRUEGER"


def test_label_words_inside_an_instruction_sentence_hold_no_value(settings: Settings) -> None:
    """"... as their authorized representative under the laws of your State (for": the label words stand
    in a sentence, so the capitalised words the sentence goes on to are not the representative's name."""
    items = [
        (100, 40, "Part VI - Authorized representative"),
        # as a fax's OCR read it ("ther", "Suute (far")
        (100, 100, "Complete this part only if you signed above for the person applying, as ther authorized "
                   "representative under the laws of your Suute (far"),
        (100, 150, "example, a power of attorney or a court-appointed guardian). Attach a copy of your proof of authority."),
    ]
    page = form_page(items, size=(3000, 1600))
    fields = extract_fields([page], settings).fields
    assert fields.get("authorized_representative.name") is None


def test_a_date_written_beside_the_signature_area_does_not_cut_it(settings: Settings) -> None:
    """"Signature ... | Date" captions under their lines: the signature is written above its caption, the
    date above its own; the date's writing, which starts where the signature area ends, does not
    bound that area from above."""
    items = [(1295, 232, "06/08/2026"), (100, 300, "Signature of applicant"), (1300, 300, "Date")]
    values = _values(settings, items, scribble=(150, 185, 500, 75))
    assert values["signature.signed"] is True


def test_a_doubtful_signature_makes_its_signer_doubtful(settings: Settings) -> None:
    """A short squiggle by the signature label is read as signed, but in doubt: who signed is derived from it,
    so it is put up for review too, never vouched for while the signature itself is not."""
    page = form_page(SIGNED_PAGE, boxes=BOXES, scribble=(300, 985, 80, 20))  # a short, small squiggle
    fields = extract_fields([page], settings).fields
    assert fields["signature.signed"].value is True and fields["signature.signed"].needs_review
    assert fields["signature.by"].value == "applicant" and fields["signature.by"].needs_review
    sure = form_page(SIGNED_PAGE, boxes=BOXES, scribble=(300, 960, 600, 90))
    by = extract_fields([sure], settings).fields["signature.by"]
    assert by.value == "applicant" and not by.needs_review
