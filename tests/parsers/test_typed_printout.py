"""A printout of an electronic enrollment: a two-column table, each question left and its answer TYPED right,
choices answered in words rather than boxes, empty answers printed as "—" or "Not provided"."""

from __future__ import annotations

import pytest

from intake.config import Settings
from intake.parsers.choices import yes_no_of
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page

ANSWER_X = 1300  # the answer column's left edge


def _table(rows: list[tuple[str, str]], *, top: int = 100, pitch: int = 60, source: str = "text_layer") -> dict:
    items = []
    for k, (question, answer) in enumerate(rows):
        items.append((100, top + pitch * k, question))
        if answer:
            items.append((ANSWER_X, top + pitch * k, answer))
    return extract_fields([form_page(items, source=source)], Settings()).fields


def _value(fields: dict, path: str):  # noqa: ANN202
    return fields[path].value if path in fields else None


@pytest.mark.parametrize("source", ["text_layer", "ocr"])
def test_choices_typed_as_words_are_read_as_the_options_they_name(source: str) -> None:
    fields = _table([
        ("Plan selected", "Aspirus Advantage Plus (HMO-POS) (H5652-002)"),
        ("Dental rider", "Declined"),
        ("How will you pay your premium?", "Withhold from Railroad Retirement Board benefit"),
        ("Account type", "Savings"),
        ("Gender", "Female"),
    ], source=source)
    assert _value(fields, "plan.id") == "H5652-002"
    assert _value(fields, "plan.name") == "Aspirus Advantage Plus (HMO-POS)"
    assert _value(fields, "dental_rider") is False
    assert _value(fields, "premium_payment.method") == "rrb"
    assert _value(fields, "premium_payment.account_type") == "savings"
    assert _value(fields, "applicant.sex") == "F"


def test_a_typed_yes_that_repeats_the_question_is_yes() -> None:
    """"Yes — add dental rider": the answer's own words name the question again; the answer is still yes."""
    fields = _table([("Dental rider", "Yes — add dental rider"), ("Payment method", "Monthly bill (coupon book)")])
    assert _value(fields, "dental_rider") is True
    assert _value(fields, "premium_payment.method") == "bill"


def test_a_printed_yes_no_pair_is_no_answer() -> None:
    assert yes_no_of("YES NO") is None
    assert yes_no_of("Yes / No") is None
    assert yes_no_of("Yes, add the dental rider") is True
    assert yes_no_of("No") is False


@pytest.mark.parametrize("placeholder", ["—", "Not provided", "N/A", "-"])
def test_a_placeholder_typed_in_an_empty_answer_is_no_value(placeholder: str) -> None:
    fields = _table([("Last name", "Mueller"), ("Mailing address (if different)", placeholder),
                     ("Primary care provider / clinic", placeholder), ("Middle initial", placeholder)])
    assert _value(fields, "applicant.last_name") == "Mueller"
    for path in ("applicant.mailing_address.street", "primary_care_clinic", "applicant.middle_initial"):
        assert _value(fields, path) is None
        assert path not in fields or not fields[path].needs_review


def test_mailing_city_state_and_zip_rows_fill_the_mailing_address() -> None:
    fields = _table([
        ("City", "Plover"), ("State", "WI"), ("ZIP code", "54467"),
        ("Mailing address (if different) — street or P.O. Box", "PO Box 1564"),
        ("Mailing city", "Stevens Point"), ("Mailing state", "WI"), ("Mailing ZIP", "54481"),
    ])
    assert [_value(fields, f"applicant.permanent_address.{k}") for k in ("city", "state", "zip")] == [
        "Plover", "WI", "54467"]
    assert [_value(fields, f"applicant.mailing_address.{k}") for k in ("street", "city", "state", "zip")] == [
        "PO Box 1564", "Stevens Point", "WI", "54481"]


def test_an_answer_after_label_wording_that_runs_on_is_found_however_far() -> None:
    """"Primary care provider / clinic" with the answer in the far column: the wording after the slash is the
    label's, and the wide gap after it is the table's column, not the end of the value."""
    fields = _table([("Primary care provider / clinic", "Aspirus Rhinelander Clinic")])
    assert _value(fields, "primary_care_clinic") == "Aspirus Rhinelander Clinic"


def test_the_agent_of_record_block_is_the_agents_and_a_signature_heading_ends_it() -> None:
    """"Agent of record" heads the agent's block: its agency phone is nobody's on the application; the
    "Signature" heading line after it opens the applicant's signature block again."""
    items = [(100, 100, "Authorized representative"), (100, 160, "Is someone signing for the applicant?"),
             (ANSWER_X, 160, "No"),
             (100, 260, "Agent of record"), (100, 320, "Agent name"), (ANSWER_X, 320, "Robert Schultz"),
             (100, 380, "Agent NPN"), (ANSWER_X, 380, "5375263734"),
             (100, 440, "Agency phone"), (ANSWER_X, 440, "(715) 555-0158"),
             (100, 540, "Signature"), (100, 620, "Applicant signature"),
             (100, 700, "Date signed"), (ANSWER_X, 700, "November 7, 2026")]
    page = form_page(items, source="text_layer", scribble=(ANSWER_X, 590, 400, 70))
    fields = extract_fields([page], Settings()).fields
    assert _value(fields, "agent.name") == "Robert Schultz"
    assert _value(fields, "agent.npn") == "5375263734"
    assert _value(fields, "authorized_representative.phone") is None
    assert _value(fields, "applicant.phone") is None
    assert _value(fields, "signature.signed") is True
    assert _value(fields, "signature.by") == "applicant"


def test_a_label_whose_hint_closes_on_the_next_line_has_its_answer_beside_it() -> None:
    """"Permanent residence address (cannot be a / P.O. Box)" on two lines with the typed answer level with
    both: "Box)" under the label closes its hint; the answer is the address beside it."""
    items = [(100, 100, "Permanent residence address (cannot be a"), (100, 130, "P.O. Box)"),
             (1000, 112, "3402 Main St")]
    fields = extract_fields([form_page(items, source="text_layer")], Settings()).fields
    assert _value(fields, "applicant.permanent_address.street") == "3402 Main St"


@pytest.mark.parametrize(("written", "parts", "doubtful"), [
    ("Kathleen M. Hoffmann", {"first_name": "Kathleen", "middle_initial": "M", "last_name": "Hoffmann"}, False),
    ("Kathleen Hoffmann", {"first_name": "Kathleen", "last_name": "Hoffmann"}, False),
    ("HOFFMANN, KATHLEEN M", {"last_name": "HOFFMANN", "first_name": "KATHLEEN", "middle_initial": "M"}, False),
    ("Mary Ann Van Dyke", {"first_name": "Mary", "last_name": "Ann Van Dyke"}, True),
    ("Toua QO. Zielinski", {"first_name": "Toua", "middle_initial": "QO", "last_name": "Zielinski"}, True),
    ("Linda V, Schmidt", {"first_name": "Linda", "middle_initial": "V", "last_name": "Schmidt"}, True),
    ("Van Dyke, Mary", {"last_name": "Van Dyke", "first_name": "Mary"}, False),
])
def test_a_whole_name_with_no_order_given_splits_as_people_write_it(written: str, parts: dict, doubtful: bool) -> None:
    from intake.parsers.name_order import split_name_as_written

    assert split_name_as_written(written) == (parts, doubtful)


def test_an_applicant_name_row_fills_the_three_name_fields() -> None:
    fields = _table([("Applicant name", "Kathleen M. Hoffmann"), ("Date of birth", "February 2, 1943")])
    assert [_value(fields, f"applicant.{k}") for k in ("first_name", "middle_initial", "last_name")] == [
        "Kathleen", "M", "Hoffmann"]


def test_a_name_read_from_its_parts_labels_outranks_a_whole_name_line() -> None:
    """"Name" over a line nobody labelled (a signer's block whose heading OCR lost) and the applicant's own
    "First name" and "Last name" rows: the parts' labels give the applicant's name."""
    fields = _table([("First name", "Kathleen"), ("Last name", "Hoffmann"), ("Name", "Robert Schultz")])
    assert [_value(fields, f"applicant.{k}") for k in ("first_name", "last_name")] == ["Kathleen", "Hoffmann"]


def test_a_whole_name_split_in_doubt_puts_its_initial_up_for_review() -> None:
    """"Mary Ann Van Dyke": whether an initial is among the words is a guess, so the middle initial is reviewed,
    not passed as left blank."""
    fields = _table([("Applicant name", "Mary Ann Van Dyke")])
    initial = fields["applicant.middle_initial"]
    assert initial.value is None and initial.needs_review


@pytest.mark.parametrize("answer", ["No", "Yes", "none"])
def test_an_answer_word_taken_for_someones_name_is_no_name(answer: str) -> None:
    """"Authorized representative" over "Is someone signing for the applicant?  No": the "No" is the question's
    answer, not the representative's name."""
    from intake.parsers.field_map import NORMALIZERS

    for path in ("authorized_representative.name", "agent.name", "premium_payment.account_holder"):
        result = NORMALIZERS[path](answer)
        assert result.value is None and result.note == "empty"
    assert NORMALIZERS["authorized_representative.name"]("Carol No").value == "Carol No"


def test_whole_names_are_free_text_that_only_the_labels_place_vouches_for() -> None:
    """A whole name is free text: read under a weak label it is reviewed, whatever normaliser reads it."""
    from intake.parsers.field_map import TEXT_PATHS

    assert {"authorized_representative.name", "agent.name", "premium_payment.account_holder"} <= TEXT_PATHS


def test_a_label_over_the_next_rows_label_keeps_its_own_answer() -> None:
    """"Agent NPN" with "Agency" tight under it, each a whole label with its own answer: two rows, not one
    label "Agent NPN Agency" that has lost its answer."""
    fields = _table([("Agent name", "Robert Schultz"), ("Agent NPN", "358217"), ("Agency", "River City Insurance")],
                    pitch=55)
    assert _value(fields, "agent.npn") == "358217"
    assert _value(fields, "agent.name") == "Robert Schultz"



@pytest.mark.parametrize(("answer", "located"), [("—", True), ("", True), ("see attached", False)])
def test_a_choice_question_answered_blank_is_known_to_be_blank(answer: str, located: bool) -> None:
    """"Plan selected  —": the question is on the page and its answer left blank, so the plan is missing (not
    merely unread); words that name no plan leave it for a person."""
    items = [(100, 100, "Plan selected")] + ([(1300, 100, answer)] if answer else [])
    extraction = extract_fields([form_page(items, source="text_layer")], Settings())
    assert extraction.fields.get("plan.id") is None or extraction.fields["plan.id"].value is None
    assert ("plan.id" in extraction.located) is located


def test_a_signature_heading_is_no_place_to_sign_when_its_block_has_one() -> None:
    """"Signature" over the block, then the attestation, "Applicant signature" left unsigned and "Date signed"
    filled in: the date is read by the applicant's signature line, not looked for near the heading."""
    items = [(100, 100, "Signature"), (100, 160, "By signing, I confirm that the answers are correct."),
             (100, 400, "Applicant signature"), (100, 470, "Date signed"), (1300, 470, "11/17/2026")]
    fields = extract_fields([form_page(items, source="text_layer")], Settings()).fields
    assert _value(fields, "signature.signed") is False
    assert _value(fields, "signature.date") == "2026-11-17"


def test_label_words_inside_the_attestation_do_not_cut_the_signature_area_short() -> None:
    """"... If an authorized representative signs, that person may do so ..." printed above the signature line:
    its words are a sentence, not a label ending the signature's area before the pen's ink."""
    items = [(600, 100, "information to Medicare. If an authorized representative signs, that person may do so."),
             (100, 200, "Signature of applicant"), (100, 330, "Date signed"), (1300, 330, "11/17/2026")]
    page = form_page(items, scribble=(1250, 175, 500, 80))
    fields = extract_fields([page], Settings()).fields
    assert _value(fields, "signature.signed") is True


def _scan(words: list[tuple[int, int, int, str]]):  # noqa: ANN202
    """A scanned page with words at (x, y) of height h, as OCR boxes them (17 px a character)."""
    from dataclasses import replace

    from intake.ocr.page_text import Box, Word

    page = form_page([])
    boxes = tuple(Word(text=text, box=Box(left=x, top=y, width=17 * len(text), height=h), conf=0.93, line=k)
                  for k, (x, y, h, text) in enumerate(words))
    return replace(page, text=page.text.model_copy(update={"words": boxes}))


_LABEL = [(172, 896, 27, "Permanent"), (361, 895, 28, "residence"), (531, 895, 31, "address"),
          (714, 897, 26, "street"), (822, 896, 29, "(cannot")]


def test_a_typed_answer_a_little_lower_than_a_two_line_label_is_read_to_its_end() -> None:
    """The answer typed level with the middle of a label on two lines overlaps the label's first line less and
    less along its words: its own line gives the rest of it, not just "6356"."""
    words = _LABEL + [(1009, 910, 36, "6356"), (1128, 912, 34, "Stewart"), (1302, 913, 32, "Ave"),
                      (172, 936, 28, "be"), (224, 936, 27, "aPO"), (325, 936, 29, "Box)")]
    fields = extract_fields([_scan(words)], Settings()).fields
    assert _value(fields, "applicant.permanent_address.street") == "6356 Stewart Ave"


def test_an_answer_column_a_little_off_beside_a_label_whose_hint_closes_below_is_its_answer() -> None:
    """"... (cannot be a PO / Box)" with the whole address typed in the answer column four text heights off,
    level with the two lines: the answer, split into street, city, state and ZIP."""
    words = [(173, 1039, 26, "Permanent"), (363, 1039, 26, "residence"), (532, 1039, 26, "address"),
             (673, 1039, 29, "(cannot"), (810, 1039, 26, "be"), (861, 1045, 20, "a"), (893, 1039, 26, "PO"),
             (173, 1079, 29, "Box)"), (1060, 1057, 32, "1919"), (1173, 1057, 32, "3rd"), (1252, 1057, 36, "St,"),
             (1319, 1057, 40, "Eagle"), (1443, 1058, 35, "River,"), (1570, 1058, 31, "WI"), (1636, 1057, 32, "54521"),
             (172, 1153, 33, "County"), (1056, 1151, 32, "Vilas")]
    fields = extract_fields([_scan(words)], Settings()).fields
    assert [_value(fields, f"applicant.permanent_address.{k}") for k in ("street", "city", "state", "zip")] == [
        "1919 3rd St", "Eagle River", "WI", "54521"]

