"""Validators and normalisers: every format, every edge the contract names."""

from __future__ import annotations

from datetime import date as Date

import pytest

from intake.parsers import normalize as n

TODAY = Date(2026, 11, 30)
VALID_MBI = "1EG4TE5MK73"
EXCLUDED = "SLOIBZ"
LETTER_ONLY_POSITIONS = (2, 5, 8, 9)  # 1-based
LETTER_OR_DIGIT_POSITIONS = (3, 6)
DIGIT_OF = {"S": "5", "L": "1", "O": "0", "I": "1", "B": "8", "Z": "2"}


def _with(mbi: str, position: int, char: str) -> str:
    return mbi[: position - 1] + char + mbi[position:]


# --- Medicare number ---------------------------------------------------------


@pytest.mark.parametrize("raw", ["1EG4TE5MK73", "1EG4-TE5-MK73", " 1eg4 te5 mk73 ", "1EG4.TE5.MK73"])
def test_mbi_accepts_written_forms(raw: str) -> None:
    """Dashes, spaces, dots and lower case are normalised away without counting as a repair."""
    result = n.medicare_number(raw)
    assert result == n.Normalized(VALID_MBI, True)
    assert not result.needs_review


@pytest.mark.parametrize("position", LETTER_ONLY_POSITIONS)
@pytest.mark.parametrize("letter", EXCLUDED)
def test_mbi_rejects_excluded_letter_in_letter_position(letter: str, position: int) -> None:
    """S, L, O, I, B, Z never occur in an MBI; in a letter-only position nothing can repair them."""
    result = n.medicare_number(_with(VALID_MBI, position, letter))
    assert result.value is None and not result.ok
    assert result.note == "mbi_excluded_letter"
    assert result.needs_review


@pytest.mark.parametrize("position", LETTER_OR_DIGIT_POSITIONS)
@pytest.mark.parametrize("letter", EXCLUDED)
def test_mbi_repairs_excluded_letter_where_a_digit_may_stand(letter: str, position: int) -> None:
    """In a letter-or-digit position an excluded letter is the OCR look-alike of a digit."""
    result = n.medicare_number(_with(VALID_MBI, position, letter))
    assert result.value == _with(VALID_MBI, position, DIGIT_OF[letter])
    assert result.ok and result.repaired and result.note == "mbi_repaired"
    assert result.needs_review


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("lEG4TE5MK73", "1EG4TE5MK73"),  # position 1: l -> 1
        ("1EG4TE5MK7O", "1EG4TE5MK70"),  # position 11: O -> 0
        ("1EGATE5MK73", None),  # position 4: A has no digit look-alike
        ("1EGSTE5MK73", "1EG5TE5MK73"),  # position 4: S -> 5
        ("1EG4TE5MKB3", "1EG4TE5MK83"),  # position 10: B -> 8
        ("1EG4TEZMK73", "1EG4TE2MK73"),  # position 7: Z -> 2
        ("1E64TE5MK73", "1E64TE5MK73"),  # position 3 allows a digit: no change
        ("16G4TE5MK73", "1GG4TE5MK73"),  # position 2 must be a letter: 6 -> G
        ("1EG4TE5GK73", "1EG4TE5GK73"),  # G is a legal MBI letter
        ("1EG4TEGMK73", "1EG4TE6MK73"),  # position 7 must be a digit: G -> 6
    ],
)
def test_mbi_repairs_lookalikes_by_position(raw: str, expected: str | None) -> None:
    """A look-alike is turned into the class its position demands, and flagged as repaired."""
    result = n.medicare_number(raw)
    assert result.value == expected
    if expected is not None and expected != raw:
        assert result.repaired and result.note == "mbi_repaired"


@pytest.mark.parametrize("raw", ["0EG4TE5MK73", "OEG4TE5MK73", "AEG4TE5MK73"])
def test_mbi_first_character_is_one_to_nine(raw: str) -> None:
    """Position 1 is 1-9: a zero (or an O, whose look-alike is 0, or any letter) is invalid."""
    assert n.medicare_number(raw).value is None


@pytest.mark.parametrize("raw", ["123-45-6789", "123456789", "123 45 6789", "I23-45-6789"])
def test_ssn_in_medicare_box_is_not_a_medicare_number(raw: str) -> None:
    """A 9-digit SSN (dashed, spaced, or with an OCR slip) is refused with its own note."""
    result = n.medicare_number(raw)
    assert result.value is None and result.note == "ssn_in_medicare_box"


def test_legacy_hicn_is_not_a_medicare_number() -> None:
    """The old SSN-based claim number (SSN + letter) is refused too."""
    assert n.medicare_number("123456789A").note == "hicn_in_medicare_box"


@pytest.mark.parametrize("raw", ["1EG4TE5MK7", "1EG4TE5MK733", "1EG4TE5MK7#", "MEDICARE"])
def test_mbi_wrong_length_or_characters(raw: str) -> None:
    """Anything not 11 alphanumerics after cleaning is invalid."""
    assert n.medicare_number(raw) == n.Normalized(None, False, note="bad_format")


@pytest.mark.parametrize("raw", [None, "", "   "])
def test_absent_values_are_empty_not_invalid(raw: str | None) -> None:
    """Absent input gives note 'empty' and does not ask for review."""
    for fn in (n.medicare_number, n.npn, n.routing_number, n.account_number, n.phone, n.state,
               n.zip_code, n.person_name, n.middle_initial, n.sex, n.text, n.plan_id, n.date):
        result = fn(raw)
        assert result.value is None and result.note == "empty" and not result.needs_review


# --- NPN ---------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [("17654321", "17654321"), ("1", "1"), (" 876 5432 ", "8765432"),
                                               ("NPN: 17654321", "17654321"), ("0012345", "0012345")])
def test_npn_accepts_one_to_ten_digits(raw: str, expected: str) -> None:
    """An NPN is digits only; spaces and a printed 'NPN:' label are dropped."""
    result = n.npn(raw)
    assert result.value == expected and result.ok and not result.needs_review


@pytest.mark.parametrize("raw", ["(715) 555-0142", "715-555-0142", "715.555.0142", "17155550142",
                                 "1-715-555-0142"])
def test_npn_refuses_phone_numbers(raw: str) -> None:
    """A phone number in the NPN box, written as one or with the country code, is not an NPN."""
    result = n.npn(raw)
    assert result.value is None and result.note == "npn_looks_like_phone" and result.needs_review


def test_bare_ten_digits_that_could_dial_are_kept_for_review() -> None:
    """Ten bare digits are within the NPN's 1-10 digits: kept, but a person must confirm them."""
    result = n.npn("7155550142")
    assert result.value == "7155550142" and result.ok
    assert result.doubtful and result.needs_review and result.note == "npn_looks_like_phone"


@pytest.mark.parametrize("raw", ["1234567893", "1245319599"])
def test_npn_refuses_npi(raw: str) -> None:
    """A 10-digit NPI (Luhn over 80840 + number) is a provider id, not an NPN."""
    assert n.is_npi(raw)
    result = n.npn(raw)
    assert result.value is None and result.note == "npn_looks_like_npi"


def test_npi_check_rejects_wrong_check_digit() -> None:
    """Changing the NPI's check digit breaks the Luhn test."""
    assert not n.is_npi("1234567890")
    assert not n.is_npi("3234567893")  # NPIs start with 1 or 2


def test_ten_digit_npn_that_is_neither_is_kept_for_review() -> None:
    """A 10-digit value that is no NPI and no valid phone number is kept but doubtful."""
    result = n.npn("1034567890")  # area code 103 is not a NANP area code; not Luhn-valid
    assert not n.is_npi("1034567890")
    assert result.value == "1034567890" and result.ok
    assert result.doubtful and result.needs_review and result.note == "npn_ten_digits"


@pytest.mark.parametrize(("raw", "ok"), [("12345678901", False), ("17654A21", False), ("I7654321", True)])
def test_npn_length_and_lookalikes(raw: str, ok: bool) -> None:
    """More than 10 digits is invalid; a look-alike letter among digits is repaired and flagged."""
    result = n.npn(raw)
    assert result.ok is ok
    if ok:
        assert result.value == "17654321" and result.repaired


# --- Banking -----------------------------------------------------------------


@pytest.mark.parametrize("raw", ["075911988", "011000015", "021000021", "0759 1198 8", "O75911988"])
def test_routing_number_passes_aba_checksum(raw: str) -> None:
    """Valid ABA numbers pass the 3-7-1 check (look-alikes repaired and flagged)."""
    result = n.routing_number(raw)
    assert result.value == raw.replace(" ", "").replace("O", "0")
    assert result.repaired is ("O" in raw)


@pytest.mark.parametrize("position", range(9))
def test_routing_number_single_digit_error_fails_checksum(position: int) -> None:
    """Changing any one digit of a valid routing number breaks the checksum (weights 3, 7, 1 are prime to 10)."""
    good = "075911988"
    bad = good[:position] + str((int(good[position]) + 1) % 10) + good[position + 1 :]
    assert n.routing_number(bad).note == "bad_checksum"


def test_routing_number_rejects_bad_prefix_and_length() -> None:
    """A checksum-valid number with an unused Federal Reserve prefix, or the wrong length, is refused."""
    assert n.aba_checksum_ok("500000005") and n.routing_number("500000005").note == "bad_checksum"
    assert n.routing_number("07591198").note == "bad_format"


@pytest.mark.parametrize(("raw", "expected"), [("000123456789", "000123456789"), ("1234-5678 90", "1234567890"),
                                               ("1" * 17, "1" * 17), ("1" * 18, None), ("ACCT", None)])
def test_account_number(raw: str, expected: str | None) -> None:
    """Account numbers are 1-17 digits, leading zeros kept."""
    assert n.account_number(raw).value == expected


# --- Dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw",
    ["03/14/1957", "3/14/1957", "3/14/57", "03-14-1957", "03.14.1957", "1957-03-14", "1957/03/14",
     "March 14, 1957", "Mar 14 1957", "Mar. 14, 1957", "14 Mar 1957", "14-Mar-1957", "MAR-14-1957",
     "March 14th, 1957", "03 14 1957", "03141957"],
)
def test_date_written_forms(raw: str) -> None:
    """Every common written form gives the same ISO date, not flagged."""
    result = n.date(raw, kind="birth", today=TODAY)
    assert result.value == "1957-03-14" and result.ok and not result.needs_review


@pytest.mark.parametrize("raw", ["O3/14/1957", "03/l4/1957", "03/14/I957", "Marcn 14, 1957", "03/14/19S7", "03/1 4/1957", "0 3/14/1957"])
def test_date_ocr_slips_repaired_and_flagged(raw: str) -> None:
    """Look-alike digits, misspelt month names and a number OCR split in two are repaired but sent to review."""
    result = n.date(raw, kind="birth", today=TODAY)
    assert result.value == "1957-03-14" and result.repaired and result.needs_review


@pytest.mark.parametrize("raw", ["02/30/1957", "13/01/1957", "1957", "tomorrow", "03/14", "03/14 1957 2"])
def test_date_invalid(raw: str) -> None:
    """Impossible or incomplete dates are invalid."""
    assert n.date(raw, today=TODAY).value is None


@pytest.mark.parametrize(
    ("raw", "ok", "note"),
    [
        ("11/30/1906", True, None),  # exactly 120 today
        ("12/01/1905", True, None),  # 120, turns 121 tomorrow
        ("11/30/1905", False, "implausible_birth_date"),  # 121 today
        ("11/30/2026", True, None),  # age 0
        ("12/01/2026", False, "implausible_birth_date"),  # future
        ("06/01/1990", True, None),  # a younger (disabled) applicant
    ],
)
def test_birth_date_plausible_range(raw: str, ok: bool, note: str | None) -> None:
    """Birth dates must give an age of 0 to 120 on the reference day."""
    result = n.date(raw, kind="birth", today=TODAY)
    assert result.ok is ok and result.note == note


def test_two_digit_birth_year_choice() -> None:
    """A two-digit birth year never lands in the future, and a 'child' reading with an elderly alternative is doubtful."""
    assert n.date("3/14/57", kind="birth", today=TODAY).value == "1957-03-14"
    result = n.date("3/14/15", kind="birth", today=TODAY)
    assert result.value == "1915-03-14" and result.doubtful and result.note == "two_digit_year"
    assert n.date("3/14/26", kind="signature", today=TODAY).value == "2026-03-14"


@pytest.mark.parametrize(("raw", "ok"), [("11/20/2026", True), ("12/01/2026", True), ("12/02/2026", False),
                                         ("11/20/2023", False)])
def test_signature_date_range(raw: str, ok: bool) -> None:
    """A signature date is at most a day ahead and at most two years back."""
    result = n.date(raw, kind="signature", today=TODAY)
    assert result.ok is ok
    if not ok:
        assert result.note == "implausible_signature_date"


@pytest.mark.parametrize(("raw", "ok"), [("01/01/2027", True), ("01/01/2030", False), ("01/01/2024", False)])
def test_effective_date_range(raw: str, ok: bool) -> None:
    """A requested effective date lies within a year back and two calendar years ahead."""
    assert n.date(raw, kind="effective", today=TODAY).ok is ok


# --- Phone, state, ZIP ------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected", "note"),
    [
        ("(715) 555-0142", "7155550142", None),
        ("715-555-0142", "7155550142", None),
        ("715.555.0142", "7155550142", None),
        ("1 (715) 555-0142", "7155550142", None),
        ("+1 715 555 0142", "7155550142", None),
        ("715-555-0142 ext 12", "7155550142", None),
        ("715-555-O142", "7155550142", "digits_repaired"),
        ("555-0142", None, "bad_format"),
        ("015-555-0142", None, "bad_area_code"),
        ("715-055-0142", None, "bad_area_code"),
        ("911-555-0142", None, "bad_area_code"),
    ],
)
def test_phone(raw: str, expected: str | None, note: str | None) -> None:
    """Phones become 10 digits (country code 1 dropped); invalid area/exchange codes are refused."""
    result = n.phone(raw)
    assert result.value == expected and result.note == note


@pytest.mark.parametrize(
    ("raw", "expected", "repaired"),
    [("WI", "WI", False), ("wi", "WI", False), ("Wisconsin", "WI", False), ("WISCONSIN", "WI", False),
     ("Wis.", "WI", False), ("Wl", "WI", True), ("W1", "WI", True), ("Wisconsn", "WI", True),
     ("New York", "NY", False), ("DC", "DC", False), ("PR", "PR", False), ("XX", None, False), ("Narnia", None, False)],
)
def test_state(raw: str, expected: str | None, repaired: bool) -> None:
    """USPS codes and full names map to the code; OCR slips are repaired and flagged."""
    result = n.state(raw)
    assert result.value == expected and result.repaired is repaired


@pytest.mark.parametrize(("raw", "expected"), [("54401", "54401"), ("54401-1234", "54401-1234"),
                                               ("54401 1234", "54401-1234"), ("544011234", "54401-1234"),
                                               ("5440", None), ("544012", None), ("S4401", "54401")])
def test_zip_code(raw: str, expected: str | None) -> None:
    """ZIP and ZIP+4; anything else is invalid."""
    assert n.zip_code(raw).value == expected


# --- Names, sex, text, plan --------------------------------------------------


def test_person_name_keeps_case_and_collapses_spaces() -> None:
    """Names keep their case as written; spaces collapse; stray edge punctuation is dropped."""
    assert n.person_name("  MARGARET   ").value == "MARGARET"
    assert n.person_name("Mary  Ann,").value == "Mary Ann"
    assert n.person_name("O'Brien-Smith").value == "O'Brien-Smith"


def test_person_name_with_digits_is_doubtful() -> None:
    """A digit inside a name is an OCR slip nobody can repair safely: kept, but reviewed."""
    result = n.person_name("0LSON")
    assert result.value == "0LSON" and result.needs_review and result.note == "name_has_digits"
    assert n.person_name("1234").value is None


def test_a_name_of_one_letter_is_doubtful() -> None:
    """"r" under "FIRST NAME" is a speck or a stray letter OCR found, not a first name: kept, but reviewed;
    "Al" is a name."""
    result = n.person_name("r")
    assert result.value == "r" and result.needs_review and result.note == "name_too_short"
    assert not n.person_name("Al").needs_review


@pytest.mark.parametrize(("raw", "expected"), [("A", "A"), ("a.", "A"), ("Ann", "A"), ("4", None)])
def test_middle_initial(raw: str, expected: str | None) -> None:
    """One upper-case letter."""
    assert n.middle_initial(raw).value == expected


@pytest.mark.parametrize(("raw", "expected"), [("M", "M"), ("male", "M"), ("F", "F"), ("Female", "F"),
                                               ("FEMAIE", "F"), ("X", None), ("unknown", None)])
def test_sex(raw: str, expected: str | None) -> None:
    """M/F from letters or words, OCR-tolerant."""
    assert n.sex(raw).value == expected


def test_text_trims_and_collapses() -> None:
    """Generic text is trimmed with inner whitespace collapsed."""
    assert n.text("  ASPIRUS   WAUSAU\nCLINIC ").value == "ASPIRUS WAUSAU CLINIC"


@pytest.mark.parametrize(("raw", "expected", "repaired"), [("H5652-002", "H5652-002", False),
                                                          ("h5652 002", "H5652-002", False),
                                                          ("H5652OO2", "H5652-002", True),
                                                          ("X5652-002", None, False)])
def test_plan_id(raw: str, expected: str | None, repaired: bool) -> None:
    """Contract-PBP ids are normalised to H1234-567."""
    result = n.plan_id(raw)
    assert result.value == expected and result.repaired is repaired


# --- Choices and the field table -----------------------------------------------------

from intake.parsers import field_table as ft  # noqa: E402 - grouped with its tests


@pytest.mark.parametrize(("raw", "expected"), [(True, True), (False, False), ("Yes", True), ("X", True),
                                               ("no", False), ("0", False), ("maybe", None)])
def test_yes_no(raw, expected) -> None:
    """Booleans from real booleans, yes/no words and ticked boxes."""
    assert ft.yes_no(raw).value is expected


@pytest.mark.parametrize(("fn", "raw", "expected"), [
    (ft.payment_method, "EFT", "eft"), (ft.payment_method, "Electronic funds transfer", "eft"),
    (ft.payment_method, "Social Security", "ssa"), (ft.payment_method, "Railroad Retirement Board", "rrb"),
    (ft.payment_method, "monthly bill", "bill"), (ft.payment_method, "cash", None),
    (ft.account_type, "Checking", "checking"), (ft.account_type, "SAVINGS", "savings"),
    (ft.signer, "Authorized representative", "authorized_representative"), (ft.signer, "applicant", "applicant"),
    (ft.signer, "neighbour", None),
])
def test_choices(fn, raw: str, expected: str | None) -> None:
    """Enum fields map the form's wording to the contract's codes."""
    assert fn(raw).value == expected


@pytest.mark.parametrize(("path", "raw", "expected"), [
    ("applicant.birth_date", "03/14/1957", "1957-03-14"), ("signature.date", "11/20/2026", "2026-11-20"),
    ("requested_effective_date", "01/01/2027", "2027-01-01"), ("agent.npn", 17654321, "17654321"),
    ("applicant.permanent_address.zip", 54401, "54401"), ("applicant.mailing_address.state", "Wisconsin", "WI"),
    ("authorized_representative.phone", "715 555 0199", "7155550199"), ("medicare_number", "123-45-6789", None),
    ("dental_rider", "yes", True), ("primary_care_clinic", " ASPIRUS  CLINIC ", "ASPIRUS CLINIC"),
])
def test_for_field(path: str, raw, expected) -> None:
    """Each contract path gets its own normaliser (dates with their plausibility kind)."""
    assert ft.for_field(path, raw, today=TODAY).value == expected


@pytest.mark.parametrize(("raw", "doubtful"), [("SPOUSE", False), ("Daughter", False), ("POA", False),
                                                ("NTECE", True), ("S0N", True)])
def test_relationship_outside_the_usual_words_is_doubtful(raw: str, doubtful: bool) -> None:
    result = n.relationship(raw)
    assert result.value == raw and result.doubtful is doubtful


@pytest.mark.parametrize("raw", ["’", " . ", "|"])
def test_a_stray_mark_is_no_relationship(raw: str) -> None:
    """A speck or quote read in an empty relationship field is no value (it would make a representative sign)."""
    result = n.relationship(raw)
    assert result.value is None and not result.ok


@pytest.mark.parametrize(("raw", "street"), [
    ("9636 N STH AVE", "9636 N 5TH AVE"), ("123 ZND ST", "123 2ND ST"), ("12 IST AVE", "12 1ST AVE"),
    ("22 GTH ST", "22 6TH ST"), ("680 N Sth Ave", "680 N 5th Ave"), ("4 Znd St", "4 2nd St"),
])
def test_a_streets_ordinal_read_with_a_letter_for_its_digit_is_repaired_and_reviewed(raw: str, street: str) -> None:
    from intake.parsers.field_map import NORMALIZERS

    result = NORMALIZERS["applicant.permanent_address.street"](raw)
    assert (result.value, result.note, result.doubtful) == (street, "lookalike_repaired", True)


@pytest.mark.parametrize("raw", ["1204 N 5TH AVE", "100 MAIN ST", "4 SST RD", "100 Main St", "7 Old Rd", "2 Ash Ave"])
def test_streets_without_a_misread_ordinal_are_left_as_written(raw: str) -> None:
    from intake.parsers.field_map import NORMALIZERS

    result = NORMALIZERS["applicant.permanent_address.street"](raw)
    assert (result.value, result.note) == (raw, None)


@pytest.mark.parametrize(("raw", "value", "note"), [
    ("Sep 3 1956", "1956-09-03", None),  # the day and the year are two numbers, not "31956"
    ("Mar 4 1948", "1948-03-04", None),
    ("4 March 1948", "1948-03-04", None),
    ("03/0 4/1948", "1948-03-04", "digits_joined"),  # digits OCR split apart are joined, for review
])
def test_a_birth_date_field_joins_split_digits_but_not_a_day_and_its_year(raw: str, value: str, note: str | None) -> None:
    from intake.parsers.field_map import NORMALIZERS

    result = NORMALIZERS["applicant.birth_date"](raw)
    assert (result.value, result.note) == (value, note)


@pytest.mark.parametrize(("raw", "expected"), [
    ("[ARLENE", "ARLENE"),  # the entry box's left side read as a bracket
    ("|MEDFORD", "MEDFORD"),
    ("901 HILLTOP DR]", "901 HILLTOP DR"),
    ("APT [B]", "APT [B]"),  # a bracket closed in the value is the value's own
])
def test_a_box_side_ocr_glued_to_a_value_is_dropped(raw: str, expected: str) -> None:
    assert n.text(raw).value == expected
    assert n.person_name(raw).value == expected
