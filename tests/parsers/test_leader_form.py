"""A typewriter-style form: numbered items whose dotted leaders preprocessing erased, so each value follows its
label's print on the line; answer boxes typed as brackets ("[ ] Male") and marked by hand."""

from __future__ import annotations

import cv2

from intake.config import Settings
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import CHAR, form_page

ITEMS = [
    (100, 100, "SECTION A - THE ENROLLEE"),
    (100, 160, "1. Surname of enrollee KOWALSKI"),
    (1300, 160, "2. Enrollee's first name WAYNE"),
    (100, 220, "5. Gender: [ ] Male [ ] Female"),
    (100, 280, "6. Phone number where we can reach you 715 555 0197"),
    (100, 340, "7. Medicare Claim Number / MBI (from your red, white & blue card) 2NY5CC0WT19"),
    (100, 400, "15. Start coverage on 12/01/2026"),
    (1300, 400, "8. Permanent street address (no P.O. boxes) 499? COUNTY RD N"),
    (100, 460, "16. Add dental? ( ) Yes ( ) No"),
    (100, 1000, "Election period: [ ] AEP [ ] OEP"),
    (100, 560, "SECTION G - IF SOMEONE ELSE SIGNED FOR THE ENROLLEE"),
    (100, 620, "25a. If signed by someone else: name MARILYN BRANDT"),
    (100, 680, "25b. Their relationship to you DAUGHTER"),
    (100, 740, "25c. Their phone 715 555 0184"),
    (100, 840, "AGENT/BROKER USE ONLY"),
    (100, 900, "26. Selling agent TOUA JOHNSON"),
    (1300, 900, "27. Agent NPN # 7870740"),
]


def _left_of(text: str, index: int, x: int = 100) -> int:
    """Where word ``index`` starts in an item drawn from ``x`` (form_kit: CHAR px a character, one CHAR between
    words)."""
    return x + sum(CHAR * len(word) + CHAR for word in text.split()[:index])


def _mark(page, item: str, y: int, nth: int) -> None:  # noqa: ANN001 - RecognizedPage
    """A hand X between the ``nth`` pair of brackets of ``item`` (OCR read the brackets, not the mark)."""
    opening = [k for k, word in enumerate(item.split()) if word in ("[", "(")][nth]
    x = _left_of(item, opening)
    cv2.line(page.image, (x + 22, y + 4), (x + 38, y + 26), 0, 4)
    cv2.line(page.image, (x + 38, y + 4), (x + 22, y + 26), 0, 4)


def _marked_page():  # noqa: ANN202 - RecognizedPage
    page = form_page(ITEMS)
    _mark(page, "5. Gender: [ ] Male [ ] Female", 220, 0)
    _mark(page, "16. Add dental? ( ) Yes ( ) No", 460, 1)
    return page


def _values() -> dict:
    extraction = extract_fields([_marked_page()], Settings())
    return {path: field.value for path, field in extraction.fields.items()}


def test_the_rest_of_a_labels_print_is_no_part_of_its_value() -> None:
    """'of enrollee', 'where we can reach you', '/ MBI (from your ... card)' are the label's own print."""
    values = _values()
    assert values["applicant.last_name"] == "KOWALSKI"
    assert values["applicant.phone"] == "7155550197"
    assert values["medicare_number"] == "2NY5CC0WT19"


def test_a_labels_print_ends_where_the_written_value_starts() -> None:
    """Key-word labels with no colon: 'Start coverage on' before a date, 'Selling agent' before capitals."""
    values = _values()
    assert values["requested_effective_date"] == "2026-12-01"
    assert values["agent.name"] == "TOUA JOHNSON"
    assert values["agent.npn"] == "7870740"


def test_typed_brackets_are_answer_boxes_marked_by_hand() -> None:
    """'[ ] Male [ ] Female' and '( ) Yes ( ) No' with a hand X between one pair of brackets: that is the answer."""
    values = _values()
    assert values["applicant.sex"] == "M"
    assert values["dental_rider"] is False


def test_a_section_for_someone_else_signing_holds_the_representative() -> None:
    """'IF SOMEONE ELSE SIGNED FOR THE ENROLLEE' heads the representative's items: 'Their phone' is theirs."""
    values = _values()
    assert values["authorized_representative.phone"] == "7155550184" and values["applicant.phone"] == "7155550197"
    assert values["authorized_representative.relationship"] == "DAUGHTER"


def test_a_written_digit_read_as_a_question_mark_is_no_question() -> None:
    """'499? COUNTY RD N' (a hand 2 read as '?') is the street, not the next question printed beside the label."""
    assert _values()["applicant.permanent_address.street"].startswith("499")
