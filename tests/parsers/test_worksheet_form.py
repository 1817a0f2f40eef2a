"""A broker's worksheet: a whole name on one line, labels set flush right, answers circled or marked on a blank."""

from __future__ import annotations

from dataclasses import replace

import cv2
import numpy as np
import pytest

from intake.config import Settings
from intake.ocr.page_text import Box, Word
from intake.parsers.form import extract_fields
from intake.parsers.hand_marks import circled_words, marked_blanks
from intake.parsers.name_order import split_name
from tests.parsers.form_kit import CHAR, HEIGHT, form_page

ORDER = ("last_name", "first_name", "middle_initial")


@pytest.mark.parametrize(("written", "parts"), [
    ("KRUEGER, DUANE H", {"last_name": "KRUEGER", "first_name": "DUANE", "middle_initial": "H"}),
    ("Krueger, Duane H.", {"last_name": "Krueger", "first_name": "Duane", "middle_initial": "H"}),
    ("KRUEGER, DUANE", {"last_name": "KRUEGER", "first_name": "DUANE"}),
    ("KRUEGER, , H", {"last_name": "KRUEGER", "middle_initial": "H"}),
    (", DUANE H", {"first_name": "DUANE", "middle_initial": "H"}),
    ("KRUEGER DUANE H", {"last_name": "KRUEGER", "first_name": "DUANE", "middle_initial": "H"}),
])
def test_a_whole_name_splits_by_the_order_the_label_asks_for(written: str, parts: dict[str, str]) -> None:
    assert split_name(written, ORDER) == (parts, False)


def test_more_words_than_parts_without_commas_is_a_doubtful_split() -> None:
    """"VAN DYKE DUANE H": which words are the surname is a guess; the extra word goes with the first part."""
    parts, doubtful = split_name("VAN DYKE DUANE H", ORDER)
    assert parts == {"last_name": "VAN DYKE", "first_name": "DUANE", "middle_initial": "H"} and doubtful
    assert split_name("DUANE H KRUEGER", ("first_name", "middle_initial", "last_name")) == (
        {"first_name": "DUANE", "middle_initial": "H", "last_name": "KRUEGER"}, False)


def _written(page, items: list[tuple[int, int, str]], height: int = 40):  # noqa: ANN001, ANN202
    """``page`` with words written taller than the kit's print added."""
    words = list(page.text.words)
    for x, y, text in items:
        left = x
        for token in text.split():
            words.append(Word(text=token, box=Box(left=left, top=y, width=CHAR * len(token), height=height),
                              conf=0.93, line=len(words)))
            left += CHAR * (len(token) + 1)
    return replace(page, text=page.text.model_copy(update={"words": tuple(words)}))


@pytest.mark.parametrize("opening", ["(Last,", "{Last,"])
def test_a_whole_name_line_fills_the_applicants_three_name_fields(opening: str) -> None:
    """"Applicant name (Last, / First, M.I.)" on two lines, set flush right in its cell, with the name written
    beside it: the bracket's "First," is the order, not a first-name label of its own (also when OCR read the
    bracket as "{" and the label took "{Last," in as its own word)."""
    page = form_page([(100, 100, f"Applicant name {opening}"), (300, 136, "First, M.I.)"),
                      (100, 300, "Birth date")])
    page = _written(page, [(600, 112, "KRUEGER, DUANE H"), (400, 296, "5 August 1938")])
    fields = extract_fields([page], Settings()).fields
    assert fields["applicant.last_name"].value == "KRUEGER"
    assert fields["applicant.first_name"].value == "DUANE"
    assert fields["applicant.middle_initial"].value == "H"
    # "5 August" is a day and its month, not item 5's label
    assert fields["applicant.birth_date"].value == "1938-08-05"


def test_a_value_beside_the_second_line_of_a_flush_right_label_is_its_value() -> None:
    """"Medicare ID (MBI) from / your card" right-aligned in a grey cell, the number written level with the two
    lines, and another question's print further right: the number is the Medicare ID."""
    page = form_page([(100, 100, "Medicare ID (MBI) from"), (320, 130, "your card"),
                      (1400, 100, "Other health or drug"), (1480, 130, "coverage? (circle)")])
    page = _written(page, [(600, 110, "1VK2QA1RM64")], height=34)
    fields = extract_fields([page], Settings()).fields
    assert fields["medicare_number"].value == "1VK2QA1RM64"


def _ring(image: np.ndarray, word: Box, *, gap: float = 0.0) -> None:
    """A hand-drawn ellipse round a word; ``gap`` leaves that share of it open."""
    centre = (word.left + word.width // 2, word.top + word.height // 2)
    axes = (word.width // 2 + 30, word.height // 2 + 22)
    cv2.ellipse(image, centre, axes, 8, 0, int(360 * (1 - gap)), 0, 4)


def test_a_circled_answer_is_a_ticked_box_and_its_fellow_an_empty_one() -> None:
    page = form_page([(100, 100, "Sex (circle one)"), (600, 100, "M"), (800, 100, "F"),
                      (100, 300, "Add the dental rider? (circle)"), (900, 300, "YES"), (1100, 300, "NO")])
    words = {w.text: w.box for w in page.text.words}
    image = page.image.copy()
    _ring(image, words["F"])
    _ring(image, words["YES"], gap=0.08)  # not quite closed
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    found = circled_words(dark, page.text)
    ticked = sorted((b.top, b.left, fill) for b, fill in found)
    assert [fill for _, _, fill in ticked] == [0.0, 0.5, 0.5, 0.0]  # M empty, F marked; YES marked, NO empty
    fields = extract_fields([replace(page, image=image)], Settings()).fields
    assert fields["applicant.sex"].value == "F"
    assert fields["dental_rider"].value is True


def test_words_near_print_or_a_rule_are_not_circled() -> None:
    """Row rules above and below and neighbouring words beside an answer make no ring: nothing on the page
    is circled, so no boxes are made."""
    page = form_page([(100, 100, "Sex (circle one)"), (600, 100, "M"), (660, 100, "F"), (720, 100, "SEX")])
    image = page.image.copy()
    cv2.line(image, (50, 80), (1500, 80), 0, 2)
    cv2.line(image, (50, 150), (1500, 150), 0, 2)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    assert circled_words(dark, page.text) == []


def _blank_with(image: np.ndarray, x: int, y: int, mark: str | None) -> None:
    """A printed blank (x .. x+110 at y) and a hand mark written on it."""
    cv2.line(image, (x, y), (x + 110, y), 0, 2)
    if mark == "x":
        cv2.line(image, (x + 35, y - 30), (x + 75, y + 6), 0, 4)
        cv2.line(image, (x + 75, y - 30), (x + 35, y + 6), 0, 4)
    elif mark == "check":
        cv2.polylines(image, [np.array([(x + 30, y - 14), (x + 48, y), (x + 90, y - 44)], np.int32)], False, 0, 4)


def test_a_mark_on_the_blank_before_an_option_ticks_it() -> None:
    plans = ["Aspirus Advantage Essential (HMO-POS)", "Aspirus Advantage Plus (HMO-POS)",
             "Aspirus Medicare Choice (PPO)"]
    page = form_page([(100, 100, "Plan choice (mark one line)")]
                     + [(900, 100 + 60 * k, plan) for k, plan in enumerate(plans)])
    image = page.image.copy()
    for k in range(3):
        _blank_with(image, 760, 100 + 60 * k + HEIGHT, "check" if k == 1 else None)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    found = sorted(marked_blanks(dark, page.text, 300), key=lambda f: f[0].top)
    assert [fill for _, fill in found] == [0.0, 0.5, 0.0]
    fields = extract_fields([replace(page, image=image)], Settings()).fields
    assert fields["plan.id"].value == "H5652-002"


def test_an_underline_after_a_label_is_no_blank_to_mark() -> None:
    """"Agent name ________": the line follows print on its line, so it is a value's line, not an option's blank;
    and an X on a blank with no words after it is no answer either."""
    page = form_page([(100, 100, "Agent name")])
    image = page.image.copy()
    cv2.line(image, (330, 100 + HEIGHT), (440, 100 + HEIGHT), 0, 2)
    _blank_with(image, 100, 400, "x")
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    assert marked_blanks(dark, page.text, 300) == []


def test_letters_in_comb_boxes_are_neither_circled_nor_on_blanks() -> None:
    """One letter per comb box: the walls and the straight top and bottom edges round each letter make no ring,
    and the comb's floor, walls rising from it, is no blank before the next comb's letters."""
    page = form_page([(100, 100, "ST"), (400, 100, "J O H N S O N"), (1000, 100, "I")])
    words = [w.model_copy(update={"box": w.box.model_copy(update={"width": 8 if w.text in "JI" else 16})})
             for w in page.text.words]  # a J or an I is narrower than its box
    page = replace(page, text=page.text.model_copy(update={"words": tuple(words)}))
    image = page.image.copy()
    for x0, cells in ((390, 14), (990, 1)):  # the surname's comb runs on past the name; the initial's single box
        for k in range(cells + 1):
            cv2.line(image, (x0 + 40 * k, 80), (x0 + 40 * k, 150), 0, 2)
        cv2.rectangle(image, (x0, 80), (x0 + 40 * cells, 150), 0, 2)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    assert circled_words(dark, page.text) == []
    assert marked_blanks(dark, page.text, 300) == []


def test_ocr_readings_of_mi_in_the_bracket_still_name_the_middle_initial() -> None:
    from intake.parsers.name_order import _part_of

    assert [_part_of(t) for t in ("M.I.)", "ML.)", "M1", "Ml.", "(Last,", "Given", "Mr.")] == [
        "middle_initial", "middle_initial", "middle_initial", "middle_initial", "last_name", "first_name", None]


def test_a_name_written_unevenly_beside_a_two_line_label_is_read_whole() -> None:
    """The hand's words wander up and down beside "Applicant name (Last, / First, M.I.)", so "Shirley" sits in
    the row of the label's second line and "Nowak," and "C." in its first: all three are the name."""
    page = form_page([(100, 100, "Applicant name (Last,"), (300, 136, "First, M.I.)")])
    page = _written(page, [(600, 96, "Nowak,"), (940, 96, "C.")])
    page = _written(page, [(760, 124, "Shirley")])
    fields = extract_fields([page], Settings()).fields
    assert (fields["applicant.last_name"].value, fields["applicant.first_name"].value,
            fields["applicant.middle_initial"].value) == ("Nowak", "Shirley", "C")


def test_the_printed_answers_beside_the_sex_label_are_no_written_answer() -> None:
    """"Sex (circle one)  M  F" with no ring found: the printed pair is not the answer M."""
    page = form_page([(100, 100, "Sex (circle one)"), (600, 100, "M"), (800, 100, "F")])
    assert "applicant.sex" not in extract_fields([page], Settings()).fields or \
        extract_fields([page], Settings()).fields["applicant.sex"].value is None


def test_a_lone_piece_of_line_before_a_label_is_no_blank() -> None:
    """The end of an underline a fax broke up, just before "Given name:": blanks come in lists, one above the
    other; a single one is a piece of line, and the label after it stays a label."""
    page = form_page([(100, 100, "Surname: KRUEGER"), (900, 100, "Given name: KENNETH")])
    image = page.image.copy()
    cv2.line(image, (760, 100 + HEIGHT), (880, 100 + HEIGHT), 0, 2)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    assert marked_blanks(dark, page.text, 300) == []
    fields = extract_fields([replace(page, image=image)], Settings()).fields
    assert fields["applicant.first_name"].value == "KENNETH"


def test_name_and_relationship_on_one_line_are_the_representatives() -> None:
    """"Name and relationship of / person signing for / applicant" set flush right, "Carol Wojcik, legal guardian"
    beside it: the name before the last comma, the relationship after; "Signer's phone" is the signer's."""
    page = form_page([(100, 100, "Name and relationship of"), (260, 136, "person signing for"), (400, 172, "applicant"),
                      (320, 300, "Signer's phone")])
    page = _written(page, [(700, 120, "Carol Wojcik, legal guardian"), (700, 296, "715.555.0147")])
    fields = extract_fields([page], Settings()).fields
    assert fields["authorized_representative.name"].value == "Carol Wojcik"
    assert fields["authorized_representative.relationship"].value.lower() == "legal guardian"
    assert fields["authorized_representative.phone"].value == "7155550147"
    assert "applicant.phone" not in fields


def test_a_letter_in_a_box_that_fits_it_is_not_circled() -> None:
    """A middle initial's single box or a state's two, drawn tight round the letters: their edges meet in the
    corners, where a ring round a word leaves the paper white."""
    page = form_page([(100, 100, "MI"), (400, 100, "W"), (700, 100, "WI")])
    words = {w.text: w.box for w in page.text.words}
    image = page.image.copy()
    w, wi = words["W"], words["WI"]
    cv2.rectangle(image, (w.left - 10, w.top - 8), (w.right + 10, w.bottom + 8), 0, 2)
    cv2.rectangle(image, (wi.left - 8, wi.top - 8), (wi.right + 8, wi.bottom + 8), 0, 2)
    cv2.line(image, (wi.left + wi.width // 2, wi.top - 8), (wi.left + wi.width // 2, wi.bottom + 8), 0, 2)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    assert circled_words(dark, page.text) == []



def test_answers_printed_to_circle_are_no_neighbours_value() -> None:
    """"Bank account holder" left blank beside "Account / type (circle)  CHECKING  SAVINGS" with nothing circled:
    the printed answers are choices, not the holder's name."""
    page = form_page([(100, 100, "Bank account holder"), (1080, 84, "Account"), (1000, 116, "type (circle)"),
                      (1500, 100, "CHECKING"), (1760, 100, "SAVINGS")])
    fields = extract_fields([page], Settings()).fields
    holder = fields.get("premium_payment.account_holder")
    assert holder is None or holder.value is None


def test_answers_level_with_a_wrapped_instruction_label_are_no_neighbours_value() -> None:
    """An e-signed worksheet: "Account / type (circle)" wraps round the row's middle, so CHECKING and SAVINGS sit
    higher than "(circle)" by most of a line; they are still the answers to circle, not the holder's name."""
    page = form_page([(100, 100, "Bank account holder"), (1120, 91, "Account"), (1000, 126, "type (circle)"),
                      (1500, 100, "CHECKING"), (1760, 100, "SAVINGS")])
    fields = extract_fields([page], Settings()).fields
    holder = fields.get("premium_payment.account_holder")
    assert holder is None or holder.value is None


def test_a_wide_ring_hugging_its_word_and_left_open_is_circled() -> None:
    """A clean ring drawn flat round NO, touching the letters above and below and open for a fifth of its way
    at the bottom: one stroke round the word. A printed pair of brackets round YES is no ring."""
    page = form_page([(100, 100, "Add the dental rider? (circle)"), (900, 100, "(YES)"), (1200, 100, "NO")])
    no = {w.text: w.box for w in page.text.words}["NO"]
    image = page.image.copy()
    centre = (no.left + no.width // 2, no.top + no.height // 2)
    cv2.ellipse(image, centre, (no.width // 2 + 45, no.height // 2 + 2), 0, 110, 110 + 290, 0, 3)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    fills = sorted((b.left, fill) for b, fill in circled_words(dark, page.text))
    assert fills and fills[-1][1] == 0.5 and all(fill == 0.0 for _, fill in fills[:-1])
    fields = extract_fields([replace(page, image=image)], Settings()).fields
    assert fields["dental_rider"].value is False


def test_a_name_written_surname_first_is_taken_when_its_label_went_unread() -> None:
    """OCR ran the two lines of "Applicant name (Last, / First, M.I.)" together into one garbled word: the name
    written surname first beside it, taller than the print, is the applicant's, for a person to confirm."""
    page = form_page([(100, 100, "\u201cepteankoetigunt)"), (100, 300, "Birth date")])
    page = _written(page, [(600, 100, "KLEIN, MARGARET J"), (400, 296, "4/9/1943")])
    fields = extract_fields([page], Settings()).fields
    got = [fields[f"applicant.{k}"] for k in ("last_name", "first_name", "middle_initial")]
    assert [f.value for f in got] == ["KLEIN", "MARGARET", "J"]
    assert all(f.needs_review for f in got) and got[0].note == got[1].note == "label_unread"


def test_a_box_found_round_a_printed_answer_is_that_answer_circled() -> None:
    """A hand's ring the box finders took for a box: with a printed answer well inside it, or read with its letter
    as one glyph ("(™)"), it rings that answer; a box holding an X, or a bubble OCR read as itself, is a box."""
    from intake.parsers.hand_marks import line_height, rings_round_answers

    def rings_an_answer(box: Box, page_text) -> bool:  # noqa: ANN001
        return rings_round_answers([box], page_text, line_height(page_text)) == [box]

    ring = Box(left=600, top=80, width=90, height=80)
    print_words = form_page([(100, 100, "Sex (circle one)"), (1000, 100, "E-mail (optional)")]).text.words

    def text(word: str, box: Box, conf: float = 0.9):  # noqa: ANN202
        words = print_words + (Word(text=word, box=box, conf=conf, line=1),)
        return form_page([]).text.model_copy(update={"words": words})
    assert rings_an_answer(ring, text("F", Box(left=635, top=105, width=20, height=30)))
    assert rings_an_answer(ring, text("(™)", Box(left=600, top=80, width=88, height=80), conf=0.3))
    assert not rings_an_answer(ring, text("X", Box(left=635, top=105, width=20, height=30)))
    assert not rings_an_answer(ring, text("O", Box(left=602, top=82, width=86, height=76), conf=0.5))
    # an answer bubble about a letter's size holding a mark OCR read as a letter is the answer's bubble
    bubble = Box(left=600, top=95, width=36, height=36)
    assert not rings_an_answer(bubble, text("A", Box(left=608, top=100, width=18, height=26), conf=0.4))


def test_a_ring_whose_arcs_ocr_glued_to_its_letter_is_circled() -> None:
    """"(F)" read confidently, its box the ring's: the brackets are the ring's arcs, F the answer circled."""
    page = form_page([(100, 100, "Sex (circle one)"), (600, 100, "M")])
    ring = Word(text="(F)", box=Box(left=760, top=70, width=90, height=90), conf=0.89, line=0)
    page = replace(page, text=page.text.model_copy(update={"words": page.text.words + (ring,)}))
    image = page.image.copy()
    cv2.ellipse(image, (805, 115), (42, 42), 0, 0, 330, 0, 4)
    cv2.putText(image, "F", (792, 128), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 3)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    fills = sorted((b.left, fill) for b, fill in circled_words(dark, page.text))
    assert [fill for _, fill in fills] == [0.0, 0.5]  # M empty, the ringed F marked


def test_a_ring_not_made_out_among_answers_to_circle_makes_the_question_unsure() -> None:
    """"Account type (circle)  CHECKING  SAVINGS" with a hand's broken arc by SAVINGS that is no whole ring: each
    answer an unsure box, so the account type is reviewed instead of passing as left blank; with no ink but the
    print and the row's rules, nothing is made."""
    page = form_page([(100, 100, "Account type (circle)"), (700, 100, "CHECKING"), (1000, 100, "SAVINGS")])
    image = page.image.copy()
    cv2.line(image, (50, 70), (1500, 70), 0, 2)
    cv2.line(image, (50, 160), (1500, 160), 0, 2)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    assert circled_words(dark, page.text) == []
    cv2.ellipse(image, (1070, 115), (95, 34), 0, 200, 330, 0, 4)  # only the top left of a ring
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    assert [fill for _, fill in circled_words(dark, page.text)] == [0.06, 0.06]
    field = extract_fields([replace(page, image=image)], Settings()).fields["premium_payment.account_type"]
    assert field.value is None and field.needs_review


def test_a_street_written_unevenly_beside_a_two_line_label_is_found() -> None:
    """"Home address (street — / no PO boxes)" set flush right on two lines, the street written level with both,
    its words wandering up and down: found beside the block though no one row holds it."""
    page = form_page([(100, 100, "Home address (street \u2014"), (240, 136, "no PO boxes)")])
    page = _written(page, [(720, 84, "RIVER"), (850, 132, "DR")])
    page = _written(page, [(600, 126, "9352")])
    fields = extract_fields([page], Settings()).fields
    assert fields["applicant.permanent_address.street"].value == "9352 RIVER DR"


def test_a_misread_answer_word_as_tall_as_a_bubble_is_no_ring() -> None:
    """"mme" (MALE garbled) read with its bubble as one tall box: letters only are a misread word, not a ring's
    arcs read round a letter ("(F)", "Cu)")."""
    from intake.parsers.hand_marks import _ring_read_as_a_word

    image = np.full((300, 400), 255, np.uint8)
    cv2.ellipse(image, (150, 150), (40, 40), 0, 0, 360, 0, 4)
    cv2.putText(image, "M", (132, 165), cv2.FONT_HERSHEY_SIMPLEX, 1.0, 0, 3)
    dark = np.where(image < 128, 255, 0).astype(np.uint8)
    box = Box(left=108, top=108, width=84, height=84)
    assert _ring_read_as_a_word(dark, Word(text="Cu)", box=box, conf=0.7, line=0), 30.0)
    assert not _ring_read_as_a_word(dark, Word(text="mme", box=box, conf=0.4, line=0), 30.0)


def test_the_next_rows_label_in_print_under_a_blank_label_is_no_value() -> None:
    """"Agent name" left blank with "Agency" (a label the tables do not know) printed under it on a scan: Title
    Case words in the label's print are the form's, not the agent's name; written capitals under it would be."""
    page = form_page([(100, 100, "Agent name"), (100, 160, "Agency")])
    fields = extract_fields([page], Settings()).fields
    assert fields.get("agent.name") is None or fields["agent.name"].value is None
    written = _written(form_page([(100, 100, "Agent name")]), [(100, 150, "GARY HOFFMANN")])
    assert extract_fields([written], Settings()).fields["agent.name"].value == "GARY HOFFMANN"


def test_a_state_ocr_read_in_title_case_under_its_label_is_still_the_state() -> None:
    """"Wi" under "State": two letters in Title Case are a written state OCR lowered, not the form's print."""
    page = form_page([(100, 100, "City"), (700, 100, "State"), (1000, 100, "ZIP")])
    page = _written(page, [(100, 150, "WAUSAU"), (1000, 150, "54401")])
    page = replace(page, text=page.text.model_copy(update={"words": page.text.words + (
        Word(text="Wi", box=Box(left=700, top=150, width=40, height=30), conf=0.8, line=9),)}))
    assert extract_fields([page], Settings()).fields["applicant.permanent_address.state"].value == "WI"


def test_an_answer_a_ring_hid_from_ocr_is_read_from_inside_the_ring() -> None:
    """OCR read "NO" but skipped the "YES" a hand ringed tight: the ring holds ink and no word, so its inside
    is read again, and the dental rider is YES, circled."""
    from intake.parsers.ringed_words import with_ringed_words

    page = form_page([(100, 300, "Add the dental rider? (circle)"), (1100, 300, "NO")])
    image = page.image.copy()
    cv2.putText(image, "YES", (805, 328), cv2.FONT_HERSHEY_SIMPLEX, 1.1, 0, 3)
    cv2.ellipse(image, (858, 316), (95, 40), 0, 0, 360, 0, 3)
    page = replace(page, image=image)
    text = with_ringed_words(page.image, page.text, Settings())
    added = [w.text for w in text.words[len(page.text.words):]]
    assert added == ["YES"]
    assert extract_fields([page], Settings()).fields["dental_rider"].value is True


def test_a_ring_round_a_word_ocr_read_is_left_to_the_circled_answer_reader() -> None:
    from intake.parsers.ringed_words import with_ringed_words

    page = form_page([(100, 300, "Sex (circle one)"), (800, 300, "M"), (1000, 300, "F")])
    image = page.image.copy()
    cv2.ellipse(image, (1010, 315), (60, 40), 0, 0, 360, 0, 3)
    assert with_ringed_words(image, page.text, Settings()).words == page.text.words


def _garbled_label_page():  # noqa: ANN202
    """Two lines of small print drawn, "Add the dental" over "rider? (circle)", that OCR read as one line of
    three words each as tall as both lines."""
    page = form_page([(100, 600, "Best phone number"), (100, 700, "Doctor or clinic you use"),
                      (100, 800, "Bank account holder")])
    image = page.image.copy()
    cv2.putText(image, "Add the dental", (100, 325), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    cv2.putText(image, "rider? (circle)", (100, 368), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    garbled = tuple(Word(text=t, box=Box(left=x, top=298, width=w, height=78), conf=c, line=50)
                    for t, x, w, c in (("Ada", 100, 70, 0.7), ("the", 185, 60, 0.85), ("(crete)", 262, 130, 0.56)))
    return replace(page, image=image, text=page.text.model_copy(update={"words": page.text.words + garbled}))


def test_two_lines_of_print_ocr_ran_together_are_read_again_as_lines() -> None:
    from intake.parsers.merged_lines import with_lines_split

    page = _garbled_label_page()
    words = [w.text for w in with_lines_split(page.image, page.text, Settings()).words]
    assert "dental" in words and "(circle)" in words and "(crete)" not in words


def test_a_two_line_label_ocr_read_as_one_nonsense_word_is_read_again_as_lines() -> None:
    """"Applicant name (Last," over "First, M.I.)" set flush right came out of OCR as one word as tall as both lines
    and read as nonsense ("“epteankoetigunt)"): read again, its lines and the label are back."""
    from intake.parsers.merged_lines import with_lines_split

    page = form_page([(100, 600, "Best phone number"), (100, 700, "Doctor or clinic you use")])
    image = page.image.copy()
    cv2.putText(image, "Applicant name (Last,", (100, 325), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    cv2.putText(image, "First, M.I.)", (230, 368), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    garbled = Word(text="\u201cepteankoetigunt)", box=Box(left=100, top=298, width=380, height=78), conf=0.0, line=50)
    page = replace(page, image=image, text=page.text.model_copy(update={"words": page.text.words + (garbled,)}))
    words = [w.text for w in with_lines_split(page.image, page.text, Settings()).words]
    assert "Applicant" in words and "M.I.)" in words and garbled.text not in words


def test_a_tall_word_read_with_confidence_or_alone_on_its_line_is_left_as_read() -> None:
    """A written value stands taller than print and may read with doubt; read again it is still one line, so
    it stays as OCR read it."""
    from intake.parsers.merged_lines import with_lines_split

    page = form_page([(100, 600, "Best phone number")])
    image = page.image.copy()
    cv2.putText(image, "KRUEGER", (100, 360), cv2.FONT_HERSHEY_SIMPLEX, 2.2, 0, 4)
    written = Word(text="KRUEGFR", box=Box(left=100, top=300, width=330, height=64), conf=0.6, line=50)
    page = replace(page, image=image, text=page.text.model_copy(update={"words": page.text.words + (written,)}))
    assert with_lines_split(page.image, page.text, Settings()).words == page.text.words


def test_an_answer_word_read_with_its_ring_is_circled() -> None:
    """"CHECKING?" read three lines tall and unsure: OCR took the ring for the word's box and an arc for a "?";
    it is the answer circled, SAVINGS the other."""
    page = form_page([(100, 100, "Account type (circle)"), (1000, 100, "SAVINGS")])
    ringed = Word(text="CHECKING?", box=Box(left=620, top=70, width=260, height=90), conf=0.58, line=3)
    page = replace(page, text=page.text.model_copy(update={"words": page.text.words + (ringed,)}))
    dark = np.where(page.image < 128, 255, 0).astype(np.uint8)
    fills = sorted((b.left, fill) for b, fill in circled_words(dark, page.text))
    assert [fill for _, fill in fills] == [0.5, 0.0]


def test_key_words_in_a_sentence_open_no_block() -> None:
    """"If you mark nothing, we will / mail you a bill each month.": "mail" in a sentence opens no mailing
    address block, so the city under it is still the home address's."""
    page = form_page([(100, 100, "If you mark nothing, we will"), (100, 136, "mail you a bill each month."),
                      (100, 250, "City"), (600, 250, "WAUSAU")])
    fields = extract_fields([page], Settings()).fields
    assert fields["applicant.permanent_address.city"].value == "WAUSAU"



def test_a_bilingual_labels_doubtful_second_line_does_not_keep_it_garbled() -> None:
    """"Primary phone" over "Teléfono principal" in a script face: read again as a block, the English line is read
    surely and the second line with doubt. The first line and most of the words are sure, so the label is back."""
    from intake.parsers.merged_lines import with_lines_split

    page = form_page([(100, 600, "Best phone number"), (100, 700, "Doctor or clinic you use")])
    image = page.image.copy()
    cv2.putText(image, "Primary phone", (100, 325), cv2.FONT_HERSHEY_SIMPLEX, 0.9, 0, 2)
    cv2.putText(image, "Telefono principal", (100, 368), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX, 0.75, 0, 2)
    garbled = tuple(Word(text=t, box=Box(left=x, top=298, width=w, height=78), conf=c, line=50)
                    for t, x, w, c in (("Rajon", 100, 110, 0.5), ("primi", 215, 120, 0.15)))
    page = replace(page, image=image, text=page.text.model_copy(update={"words": page.text.words + garbled}))
    words = [w.text for w in with_lines_split(page.image, page.text, Settings()).words]
    assert "Primary" in words and "phone" in words and "Rajon" not in words
