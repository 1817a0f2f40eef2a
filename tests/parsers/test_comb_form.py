"""A scannable form: one character per comb box, labels in small capitals over their combs."""

from __future__ import annotations

from intake.config import Settings
from intake.ocr.page_text import Box, PageText, Word
from intake.parsers.combs import join_comb_characters
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page

PITCH, LETTER = 40, 22  # box width and written letter height, px


def _comb(x: int, y: int, chars: str, line: int = 0) -> list[Word]:
    """One word per box; a space is an empty box."""
    return [Word(text=ch, box=Box(left=x + k * PITCH + 12, top=y, width=16, height=LETTER), conf=0.95, line=line)
            for k, ch in enumerate(chars) if ch != " "]


def _rules(x: int, y: int, boxes: int) -> tuple[Box, ...]:
    """The comb's top and bottom lines."""
    return (Box(left=x, top=y - 8, width=boxes * PITCH, height=2), Box(left=x, top=y + LETTER + 8, width=boxes * PITCH, height=2))


def _text(words: list[Word]) -> PageText:
    return PageText(page=1, width=2550, height=3300, dpi=300, source="ocr", words=tuple(words))


def _joined(words: list[Word], rules: tuple[Box, ...] = ()) -> list[str]:
    return [w.text for w in sorted(join_comb_characters(_text(words), rules).words, key=lambda w: (w.box.top, w.box.left))]


def test_characters_in_comb_boxes_are_one_value() -> None:
    assert _joined(_comb(100, 100, "NELSON")) == ["NELSON"]


def test_printed_separators_between_groups_stay_in_the_value() -> None:
    """"0 1 / 1 8 / 1 9 5 8" and "( 7 1 5 ) 5 5 5 - 0 1 6 3": the slashes, brackets and dash are the form's
    print between groups of boxes, a little off the boxes' pitch."""
    date = _comb(100, 100, "01") + [Word(text="/", box=Box(left=100 + 2 * PITCH + 2, top=98, width=10, height=26), conf=0.9, line=0)]
    date += _comb(100 + 2 * PITCH + 22, 100, "18")
    assert _joined(date) == ["01/18"]


def test_one_empty_box_inside_one_comb_is_a_space() -> None:
    words = _comb(100, 100, "734 BRIDGE ST")
    assert _joined(words, _rules(100, 100, 26)) == ["734 BRIDGE ST"]
    # with no ruled comb running across the gaps, the groups stay apart
    assert _joined(words) == ["734", "BRIDGE", "ST"]


def test_two_combs_side_by_side_are_two_values() -> None:
    """The state's two boxes and the ZIP's five, one box-width apart: each comb its own value."""
    words = _comb(100, 100, "WI") + _comb(100 + 3 * PITCH, 100, "54403")
    rules = _rules(100, 100, 2) + _rules(100 + 3 * PITCH, 100, 5)
    assert _joined(words, rules) == ["WI", "54403"]


def test_typed_initials_and_a_lone_box_are_left_alone() -> None:
    """"J R SMITH" typed at word spacing is print, not a comb; a middle initial's single box stays as read."""
    typed = [Word(text=t, box=Box(left=x, top=100, width=w, height=LETTER), conf=0.95, line=0)
             for t, x, w in (("J", 100, 10), ("R", 118, 12), ("SMITH", 138, 70))]
    assert _joined(typed) == ["J", "R", "SMITH"]
    assert _joined(_comb(100, 100, "H")) == ["H"]


def _comb_page(label_rows: list[tuple[int, int, str]], combs: list[tuple[int, int, str]]):  # noqa: ANN202
    """Labels in the kit's print, each comb's characters one word a box, written taller than the print."""
    page = form_page(label_rows)
    labels = [w.model_copy(update={"box": w.box.model_copy(update={"height": 16})}) for w in page.text.words]
    words = labels + [w for x, y, chars in combs for w in _comb(x, y, chars, line=1)]
    rules = tuple(r for x, y, chars in combs for r in _rules(x, y, len(chars) + 4))
    return page.__class__(number=1, text=page.text.model_copy(update={"words": tuple(words)}), image=page.image,
                          rules=rules)


def test_a_comb_form_reads_its_names_address_and_the_short_label_over_the_state() -> None:
    """"CITY ............ ST  ZIP CODE" over three combs: "ST" alone in the row of labels, in their print, is the
    state's label, not the city's value; an instruction printed beside the Medicare comb is not its value."""
    labels = [
        (100, 100, "LAST NAME"), (900, 100, "FIRST NAME"),
        (100, 300, "MEDICARE NUMBER (MBI)"), (700, 324, "Copy the 11 letters and numbers from your card."),
        (100, 500, "CITY"), (900, 500, "ST"), (1040, 500, "ZIP CODE"),
    ]
    combs = [(100, 140, "NELSON"), (900, 140, "ARLENE"), (100, 340, "1VK2QA1RM64"),
             (100, 540, "RHINELANDER"), (900, 540, "WI"), (1040, 540, "54501")]
    fields = extract_fields([_comb_page(labels, combs)], Settings()).fields
    assert fields["applicant.last_name"].value == "NELSON"
    assert fields["applicant.first_name"].value == "ARLENE"
    assert fields["medicare_number"].value == "1VK2QA1RM64"
    assert fields["applicant.permanent_address.city"].value == "RHINELANDER"
    assert fields["applicant.permanent_address.state"].value == "WI"
    assert fields["applicant.permanent_address.zip"].value == "54501"


def test_options_indented_less_than_their_numbered_heading_are_in_its_section() -> None:
    """"[3] PREMIUM PAYMENT" (its number in white on a black square) with the answer bubbles standing left of
    the heading's words: the options are the payment section's, not the section before."""
    from intake.parsers.labels import LabelHit
    from intake.parsers.sections import Heading, section_of

    headings = [Heading(kind="mailing", page=1, top=770, left=129, right=427, em=15.0),
                Heading(kind="payment", page=2, top=154, left=186, right=446, em=15.0)]
    option = LabelHit(kind="option", page=2, indices=(), box=Box(left=138, top=228, width=28, height=28), score=100,
                      at_chunk_start=True, colon=False, chunk_len=1)
    assert section_of(option, headings, 15.0) == "payment"
    right_column = LabelHit(kind="option", page=2, indices=(), box=Box(left=138, top=228, width=28, height=28),
                            score=100, at_chunk_start=True, colon=False, chunk_len=1)
    far = [headings[0], Heading(kind="payment", page=2, top=154, left=1300, right=1600, em=15.0)]
    assert section_of(right_column, far, 15.0) == "mailing"


def test_a_middle_initials_single_box_is_its_letter_not_a_checkbox() -> None:
    """"MI" over one box holding "H": a lone square, but the confident letter in it and nothing beside it make
    it a one-character comb, so the initial is read; a box with an X and its answer beside it is a checkbox."""
    from intake.parsers.checkboxes import find_checkboxes

    page = form_page([(1000, 100, "MI")], boxes=[(1000, 150, None), (100, 400, "x")])
    letter = Word(text="H", box=Box(left=1012, top=156, width=16, height=26), conf=0.96, line=1)
    mark = Word(text="X", box=Box(left=110, top=406, width=20, height=26), conf=0.96, line=2)
    answer = Word(text="Yes", box=Box(left=160, top=405, width=60, height=30), conf=0.96, line=2)
    text = page.text.model_copy(update={"words": page.text.words + (letter, mark, answer)})
    found = find_checkboxes(page.image, text)
    assert [(round(c.box.left, -1), c.checked) for c in found] == [(100, True)]
    page = page.__class__(number=1, text=text, image=page.image)
    assert extract_fields([page], Settings()).fields["applicant.middle_initial"].value == "H"


def test_a_street_read_from_its_comb_keeps_the_words_after_the_house_number() -> None:
    """OCR of a comb reads "2837", "CLARK" and "ST" as words an empty box apart, wider than a word gap: the
    house number and the street's name are one value, as capitals that far apart already were."""
    items = [(100, 100, "PERMANENT RESIDENCE ADDRESS (NO P.O. BOX)"), (100, 150, "2837"), (300, 150, "CLARK"),
             (520, 150, "ST"), (100, 300, "MAILING ADDRESS"), (100, 350, "PO BOX"), (340, 350, "1179")]
    fields = extract_fields([form_page(items)], Settings()).fields
    assert fields["applicant.permanent_address.street"].value == "2837 CLARK ST"
    assert fields["applicant.mailing_address.street"].value == "PO BOX 1179"


def test_a_short_label_in_a_row_whose_other_label_ocr_stretched_is_still_a_label() -> None:
    """"city" and "ZIP CODE" read with boxes stretched toward the writing under them and "sT" in the print of the
    page's other labels: "sT" is still the state's label, not the city's value."""
    page = _comb_page([(100, 100, "LAST NAME"), (900, 100, "FIRST NAME"), (100, 500, "city"), (900, 500, "sT"),
                       (1040, 500, "ZIP CODE")],
                      [(100, 140, "NELSON"), (900, 140, "ARLENE"), (100, 540, "PLOVER"), (900, 540, "WI"),
                       (1040, 540, "54467")])
    words = [w.model_copy(update={"box": w.box.model_copy(update={"height": 34})}) if w.text in ("city", "CODE") else w
             for w in page.text.words]
    page = page.__class__(number=1, text=page.text.model_copy(update={"words": tuple(words)}), image=page.image,
                          rules=page.rules)
    fields = extract_fields([page], Settings()).fields
    assert fields["applicant.permanent_address.city"].value == "PLOVER"
    assert fields["applicant.permanent_address.state"].value == "WI"


def test_two_sex_answers_ocr_garbled_are_read_as_the_closer_word_for_review() -> None:
    """"SEX  (filled) mme  ( ) remae": OCR glued the bubbles to MALE and FEMALE and garbled both. Each is the
    closer of the two words, one of each, so the ticked one is male, put up for review; garbling that fits
    no word, or both words the same way, gives nothing."""
    from intake.parsers.choices import Option, sex_of_misread_pair
    from intake.parsers.checkboxes import Checkbox

    def option(text: str, fill: float, x: int) -> Option:
        return Option(checkbox=Checkbox(page=1, box=Box(left=x, top=100, width=40, height=40), fill=fill),
                      indices=(), text=text, conf=0.4)

    choice = sex_of_misread_pair([option("mme", 1.0, 800), option("remae", 0.0, 1000)])
    assert choice is not None and choice.value == "M" and choice.needs_review
    assert sex_of_misread_pair([option("mme", 0.0, 800), option("remae", 1.0, 1000)]).value == "F"
    assert sex_of_misread_pair([option("xq", 1.0, 800), option("zz", 0.0, 1000)]) is None
    assert sex_of_misread_pair([option("mme", 1.0, 800), option("mle", 0.0, 1000)]) is None


def test_a_middle_initial_in_its_own_box_stays_in_the_name() -> None:
    """"DUANE  H  KRUEGER" read from a comb as three words an empty box apart: the lone capital is a middle
    initial, part of the account holder's name; an "I" a box's wall leaves is not taken in."""
    items = [(100, 100, "NAME OF ACCOUNT HOLDER"), (100, 150, "DUANE"), (300, 150, "H"), (400, 150, "KRUEGER"),
             (100, 300, "LAST NAME"), (100, 350, "NELSON"), (300, 350, "I")]
    fields = extract_fields([form_page(items)], Settings()).fields
    assert fields["premium_payment.account_holder"].value == "DUANE H KRUEGER"
    assert fields["applicant.last_name"].value == "NELSON"


def test_characters_read_on_top_of_each_other_are_no_comb() -> None:
    """Two one-character readings of the same spot (a mark read twice, a wide glyph with a narrow one inside
    it) stand at no pitch: they are left as read, and nothing fails."""
    wide = Word(text="W", box=Box(left=100, top=100, width=60, height=LETTER), conf=0.5, line=0)
    inside = Word(text="I", box=Box(left=110, top=100, width=6, height=LETTER), conf=0.5, line=0)
    assert _joined([wide, inside]) == ["W", "I"]
    assert _joined([wide, inside] + _comb(400, 100, "ABC")) == ["W", "I", "ABC"]


def test_the_next_items_label_in_print_beside_a_label_is_not_its_value() -> None:
    """"EFFECTIVE DATE (MM/DD/YYYY)   ADD OPTIONAL DENTAL (+$31.20 A MONTH)" in one row of small print over the
    date's boxes: the words beside the label are in its print, and writing stands under it, so the date is the
    writing; the same words written large beside a label with nothing under it would be its value."""
    page = _comb_page([(100, 100, "LAST NAME"), (100, 300, "EFFECTIVE DATE (MM/DD/YYYY)"),
                       (700, 300, "ADD OPTIONAL DENTAL (+$31.20 A MONTH)")],
                      [(100, 140, "NELSON"), (100, 340, "01/01/2027")])
    fields = extract_fields([page], Settings()).fields
    assert fields["requested_effective_date"].value == "2027-01-01"


def test_brackets_standing_taller_than_the_letters_keep_the_next_label_in_print() -> None:
    """OCR boxes "(+$31.20" and "MONTH)" a little taller than the label's letters (brackets and "$" reach above
    and below them): the words beside the label are still in its print as a whole, and the date is the writing
    under it."""
    page = _comb_page([(100, 100, "LAST NAME"), (100, 300, "EFFECTIVE DATE"),
                       (700, 300, "ADD OPTIONAL DENTAL (+$31.20 A MONTH)")],
                      [(100, 140, "NELSON"), (100, 340, "01/01/2027")])
    words = [w.model_copy(update={"box": w.box.model_copy(update={"height": 20})})
             if w.text in ("(+$31.20", "MONTH)") else w for w in page.text.words]
    page = page.__class__(number=1, text=page.text.model_copy(update={"words": tuple(words)}), image=page.image,
                          rules=page.rules)
    fields = extract_fields([page], Settings()).fields
    assert fields["requested_effective_date"].value == "2027-01-01"


def test_labels_on_a_block_openers_line_are_in_its_block_and_a_contact_block_ends_at_the_next_question(
        settings) -> None:
    """A dropout-ink form's rows of boxed fields: "MAILING ADDRESS (ONLY IF DIFFERENT)" opens the mailing block and
    the CITY, ST and ZIP after it on its line are the mailing address's, even with OCR putting "CITY" a little
    higher; the optional "EMERGENCY CONTACT" row ends where the form asks what no contact is asked (a start
    date, a doctor), so those are the applicant's again."""
    from intake.parsers.form import extract_fields

    items = [(100, 100, "PERMANENT RESIDENCE — STREET (NO P.O. BOX)"), (100, 140, "3813 HILLTOP DR"),
             (100, 220, "CITY"), (1700, 220, "ST"), (1900, 220, "ZIP"),
             (100, 260, "MARSHFIELD"), (1700, 260, "WI"), (1900, 260, "54449"),
             (100, 340, "MAILING ADDRESS (ONLY IF DIFFERENT)"), (1200, 324, "CITY"), (1700, 340, "ST"),
             (1900, 340, "ZIP"),
             (100, 380, "PO BOX 2663"), (1200, 380, "EAGLE RIVER"), (1700, 380, "WI"), (1900, 380, "54521"),
             (100, 460, "EMERGENCY CONTACT (OPTIONAL)"), (1200, 460, "CONTACT PHONE"),
             (100, 600, "DESIRED EFFECTIVE DATE"), (1200, 600, "PRIMARY CARE PROVIDER OR CLINIC (OPTIONAL)"),
             (100, 640, "01/01/2027"), (1200, 640, "ASPIRUS ANTIGO CLINIC")]
    values = {path: f.value for path, f in extract_fields([form_page(items)], settings).fields.items()}
    assert values["applicant.permanent_address.city"] == "MARSHFIELD"
    assert values["applicant.mailing_address.city"] == "EAGLE RIVER"
    assert values["applicant.mailing_address.zip"] == "54521"
    assert values["requested_effective_date"] == "2027-01-01"
    assert values["primary_care_clinic"] == "ASPIRUS ANTIGO CLINIC"
