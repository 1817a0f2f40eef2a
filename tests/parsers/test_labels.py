"""Labels by wording: synonyms, OCR slips, longest match first, values that look like labels."""

from __future__ import annotations

import pytest

from intake.parsers.labels import find_headings, find_labels
from intake.parsers.layout import PageLayout
from tests.parsers.form_kit import form_page


def _kinds(*items: tuple[int, int, str]) -> list[str]:
    layout = PageLayout.build(form_page(list(items)).text)
    return [hit.kind for hit in find_labels(layout)]


@pytest.mark.parametrize(
    ("wording", "kind"),
    [
        ("Surname:", "last_name"),
        ("Family name:", "last_name"),
        ("Date of Birth:", "birth_date"),
        ("DOB:", "birth_date"),
        ("Medicare Beneficiary Identifier:", "medicare_number"),
        ("MBI:", "medicare_number"),
        ("Telephone:", "phone"),
        ("Home address:", "permanent_street"),
        ("PERMANENT RESIDENCE — STREET (NO P.O. BOX)", "permanent_street"),
        ("Permanent residence:", "permanent_street"),
        ("ST", "state"),
        ("National Producer Number:", "npn"),
        ("Producer #:", "npn"),
        ("Gender:", "sex"),
    ],
)
def test_label_synonyms_map_to_one_kind(wording: str, kind: str) -> None:
    """Each way a form words a label is found as the same kind."""
    assert _kinds((100, 100, wording)) == [kind]


def test_label_with_ocr_slips_is_found() -> None:
    """A label misread by OCR ("Birth Dale", "Phane") still matches."""
    assert _kinds((100, 100, "Birth Dale:"), (100, 200, "Phane Number:")) == ["birth_date", "phone"]


def test_longer_label_claims_its_words() -> None:
    """"Agent name" is one agent-name label, not an agent label plus a bare name label."""
    assert _kinds((100, 100, "Agent name:")) == ["agent_name"]


def test_label_runs_to_its_colon() -> None:
    """Wording between the matched phrase and the colon belongs to the label, not to the value."""
    layout = PageLayout.build(form_page([(100, 100, "Requested effective date of coverage (MM/DD/YYYY):")]).text)
    (hit,) = find_labels(layout)
    assert hit.kind == "effective_date" and len(hit.indices) == 6


def test_state_code_inside_a_value_is_not_a_label() -> None:
    """"MI" in "WAUSAU, MI 54401" is Michigan, not a middle-initial label."""
    assert "middle_initial" not in _kinds((100, 100, "City: IRON MOUNTAIN, MI 49801"))


def test_heading_inside_running_text_is_ignored() -> None:
    """"authorized representative" inside a long sentence does not open the representative section."""
    sentence = "I understand that my signature or that of an authorized representative on this application means I agree"
    layout = PageLayout.build(form_page([(100, 100, sentence)]).text)
    assert find_headings(layout) == []
    heading = PageLayout.build(form_page([(100, 100, "AUTHORIZED REPRESENTATIVE")]).text)
    assert [h.kind for h in find_headings(heading)] == ["representative"]
    # a sentence that merely starts with a heading's words runs on past it
    runs_on = "Legal representative signs, that person is authorized under the laws of the State where I live to do so."
    assert find_headings(PageLayout.build(form_page([(100, 100, runs_on)]).text)) == []


def test_value_words_close_to_a_label_spelling_are_no_labels() -> None:
    """"2437 BIRCH LN" holds no birth-date label, "ASPIRUS WAUSAU CLINIC" no clinic label."""
    assert _kinds((100, 100, "2437   BIRCH LN"), (100, 300, "ASPIRUS WAUSAU CLINIC")) == []


def test_one_word_labels_at_the_start_of_a_line() -> None:
    """"Clinic" opening a line is the primary-care label; "Plan" alone is no plan-id label."""
    assert _kinds((100, 100, "Clinic        ASPIRUS WAUSAU CLINIC")) == ["pcp"]
    assert _kinds((100, 100, "Plan")) == []


def test_a_label_written_with_slashes_matches_word_by_word() -> None:
    """"Name of staff member/agent/broker" is the agent's name label, not a bare "Name"."""
    assert _kinds((100, 100, "Name of staff member/agent/broker:")) == ["agent_name"]


def test_state_value_that_spells_a_short_label_is_a_value() -> None:
    """"State MI" beside or under the State label is Michigan, not a middle-initial label."""
    beside = _kinds((100, 100, "City IRONWOOD"), (700, 100, "State"), (900, 100, "MI"), (1200, 100, "Zip 49938"))
    assert "middle_initial" not in beside and "state" in beside
    under = _kinds((700, 100, "State"), (700, 150, "MI"))
    assert under == ["state"]


def test_middle_initial_label_beside_a_name_label_stays_a_label() -> None:
    """A real "MI" column heading after "First Name" is still the middle-initial label."""
    assert _kinds((100, 100, "First Name"), (700, 100, "MI"), (900, 100, "Last Name")) == [
        "first_name", "middle_initial", "last_name",
    ]


@pytest.mark.parametrize(
    ("misread", "kind"),
    [
        ("sumame", "last_name"),  # "rn" read as "m"
        ("Primary care dinic:", "pcp"),  # "cl" read as "d"
        ("M.1.", "middle_initial"),  # "I" read as "1"
        ("Mid.", "middle_initial"),  # "M.I." with its "." read as "d" (and the "Mid. init." some forms print)
        ("B1rth date:", "birth_date"),
    ],
)
def test_labels_with_letter_shape_slips_are_found(misread: str, kind: str) -> None:
    assert _kinds((100, 100, misread)) == [kind]


def test_a_number_label_needs_its_number_sign() -> None:
    """"Producer #" labels a number; "Producer:" alone labels the producer's name."""
    assert _kinds((100, 100, "Producer #:")) == ["npn"]
    assert "npn" not in _kinds((100, 100, "Producer:"))


def test_a_label_whose_dash_ocr_dropped_is_still_one_label() -> None:
    """"PERMANENT RESIDENCE — STREET (NO P.O. BOX)" with the dash lost leaves a gap wider than words have: the
    words either side are still one label, not "PERMANENT RESIDENCE" and a "STREET" label of its own."""
    # form_kit: 20 px a character, words 30 px tall; a 60 px gap is two text heights
    assert _kinds((100, 100, "PERMANENT RESIDENCE"), (540, 100, "STREET (NO P.O. BOX)")) == ["permanent_street"]


def test_a_short_state_label_inside_a_street_is_the_streets_word() -> None:
    """"ST" labels the state on a compact form, but "ST" ending "6228 BRIDGE ST" is the street's."""
    assert _kinds((100, 100, "Street"), (100, 150, "6228 BRIDGE ST")) == ["street"]


def test_a_short_label_ocr_all_but_guessed_is_no_label() -> None:
    """"ST" read with no confidence in the noise of a dark bar is no state label; read with some, it is. ("MI"
    keeps its label read with little confidence: Tesseract is seldom sure of two letters alone.)"""
    def kinds(conf: float) -> list[str]:
        page = form_page([(100, 100, "ST")])
        words = tuple(w.model_copy(update={"conf": conf}) for w in page.text.words)
        return [hit.kind for hit in find_labels(PageLayout.build(page.text.model_copy(update={"words": words})))]

    assert kinds(0.0) == [] and kinds(0.6) == ["state"]
    page = form_page([(100, 100, "MI")])
    words = tuple(w.model_copy(update={"conf": 0.05}) for w in page.text.words)
    assert [h.kind for h in find_labels(PageLayout.build(page.text.model_copy(update={"words": words})))] == [
        "middle_initial"]
