"""Plausibility checks: table-driven cases on made-up values (no sample document)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from intake.assemble import build_application
from intake.config import Settings
from intake.rules.area_codes import is_nanp_area_code
from intake.rules.plausibility import Finding, check_plausibility
from intake.rules.zip_codes import lookup_zip, place_key, state_of_zip
from tests.test_assemble import APPLICATION, VALUES, extraction, receipt, source, validate

RECEIVED = date(2026, 11, 30)
ADDR = "applicant.permanent_address"


def _app(**overrides: object) -> dict[str, object]:
    """A consistent made-up application (keyed by contract path); overrides use __ for dots."""
    values: dict[str, object] = {
        "applicant.first_name": "MARGARET", "applicant.middle_initial": "A", "applicant.last_name": "OLSON",
        "applicant.birth_date": "1957-03-14", "applicant.phone": "7155550142",
        f"{ADDR}.city": "WAUSAU", f"{ADDR}.county": "MARATHON", f"{ADDR}.state": "WI", f"{ADDR}.zip": "54401",
        "requested_effective_date": "2027-01-01", "dental_rider": True,
        "premium_payment.account_holder": "MARGARET A OLSON", "premium_payment.routing_number": "075911988",
        "signature.date": "2026-11-20", "agent.name": "DANIEL KOWALSKI",
    }
    values.update({key.replace("__", "."): value for key, value in overrides.items()})
    return values


def test_consistent_application_has_no_finding() -> None:
    """A made-up but consistent application raises nothing."""
    assert check_plausibility(_app(), RECEIVED) == []


CASES = [
    # (overrides, expected findings)
    ({f"{ADDR}__zip": "94401"}, [(f"{ADDR}.zip", "zip_state_mismatch")]),
    ({f"{ADDR}__state": "MN"}, [(f"{ADDR}.state", "zip_state_mismatch")]),
    ({f"{ADDR}__state": "MN", f"{ADDR}__city": "WAUSAV"}, [(f"{ADDR}.zip", "zip_state_mismatch")]),
    ({f"{ADDR}__zip": "54400"}, [(f"{ADDR}.zip", "zip_unknown")]),
    ({f"{ADDR}__zip": "54481"}, [(f"{ADDR}.zip", "zip_city_mismatch"), (f"{ADDR}.city", "zip_city_mismatch"),
                                 (f"{ADDR}.county", "county_zip_mismatch")]),
    ({f"{ADDR}__city": "Rib Mountain"}, []),
    ({f"{ADDR}__county": "Marathon County"}, []),
    ({f"{ADDR}__county": "PORTAGE"}, [(f"{ADDR}.county", "county_zip_mismatch")]),
    ({f"{ADDR}__zip": "54401-1234"}, []),
    ({"applicant__birth_date": "2017-03-14"}, [("applicant.birth_date", "age_out_of_range")]),
    ({"applicant__birth_date": "1907-03-14"}, [("applicant.birth_date", "age_out_of_range")]),
    ({"applicant__birth_date": "1916-12-01"}, []),
    ({"applicant__birth_date": "2026-11-25"}, [("applicant.birth_date", "age_out_of_range"),
                                               ("applicant.birth_date", "birth_after_signature")]),
    ({"signature__date": "2026-12-02"}, [("signature.date", "signature_after_receipt")]),
    ({"signature__date": "2026-11-30"}, []),
    ({"signature__date": "2026-06-20"}, [("signature.date", "signature_long_before_receipt")]),
    ({"requested_effective_date": "2027-01-15"}, [("requested_effective_date", "effective_not_first_of_month")]),
    ({"requested_effective_date": "2027-07-01"}, [("requested_effective_date", "effective_far_after_receipt")]),
    ({"requested_effective_date": "2026-11-01"}, []),
    ({"requested_effective_date": "2026-01-01"}, [("requested_effective_date", "effective_long_before_receipt")]),
    ({"applicant__phone": "5555550142"}, [("applicant.phone", "unknown_area_code")]),
    ({"applicant__phone": "2745550142"}, []),
    ({"applicant__phone": "6125550142"}, []),
    ({"applicant__phone": "7155556112"}, [("applicant.phone", "unassigned_exchange")]),
    ({"authorized_representative__phone": "9005550142"}, [("authorized_representative.phone", "unknown_area_code")]),
    ({"applicant__last_name": "0LSON"}, [("applicant.last_name", "name_odd_characters"),
                                         ("premium_payment.account_holder", "name_near_miss"),
                                         ("applicant.last_name", "name_near_miss")]),
    ({"applicant__last_name": "O'BRIEN-SMITH"}, []),
    ({"applicant__first_name": "MARG@RET"}, [("applicant.first_name", "name_odd_characters")]),
    ({"applicant__middle_initial": "4"}, [("applicant.middle_initial", "middle_initial_not_letter")]),
    ({"agent__name": "KOWALSKI"}, [("agent.name", "name_incomplete")]),
    ({"premium_payment__account_holder": "DAVID H NELSON"},
     [("premium_payment.account_holder", "account_holder_unrelated")]),
    ({"premium_payment__account_holder": "DAVID H NELSON", "authorized_representative__name": "SUSAN NELSON"}, []),
    ({"premium_payment__account_holder": "ROBERT OLSON"}, []),
    ({"premium_payment__account_holder": "MARGARET A OLSEN"},
     [("premium_payment.account_holder", "name_near_miss"), ("applicant.last_name", "name_near_miss")]),
    ({"premium_payment__routing_number": "175911988"},
     [("premium_payment.routing_number", "routing_bad_prefix")]),
    ({"premium_payment__routing_number": "075911989"},
     [("premium_payment.routing_number", "routing_bad_checksum")]),
    ({"dental_rider": None}, [("dental_rider", "unanswered_question")]),
    ({"dental_rider": False}, []),
    ({"requested_effective_date": None}, [("requested_effective_date", "unanswered_question")]),
]


@pytest.mark.parametrize(("overrides", "expected"), CASES)
def test_check_plausibility_finds_exactly_the_expected(overrides: dict[str, object], expected: list) -> None:
    """Each implausible value is named by its path and code, and nothing else is."""
    found = check_plausibility(_app(**overrides), RECEIVED)
    assert found == [Finding(path, code) for path, code in expected]


def test_without_receipt_the_signature_date_is_the_reference() -> None:
    """With no receipt date, age is judged on the signature date and receipt-relative checks are skipped."""
    found = check_plausibility(_app(applicant__birth_date="2015-01-01", signature__date="2020-01-01"), None)
    assert found == [Finding("applicant.birth_date", "age_out_of_range")]


def test_unreadable_values_are_not_judged() -> None:
    """Values that are not in the contract's format (set aside upstream) raise no finding."""
    values = _app(applicant__birth_date="14/03/1957", applicant__phone="715555", **{f"{ADDR}__zip": "5440"})
    assert check_plausibility(values, RECEIVED) == []


def test_typed_sources_are_not_asked_about_unanswered_questions() -> None:
    """A blank answer from a portal or text layer is taken as written: no unanswered_question."""
    values = _app(dental_rider=None, requested_effective_date=None)
    assert check_plausibility(values, RECEIVED, scanned=False) == []


@pytest.mark.parametrize(("zip_code", "state"), [
    ("54401", "WI"), ("53703", "WI"), ("55101", "MN"), ("49938", "MI"), ("60601", "IL"), ("05501", "MA"),
    ("00601", "PR"), ("99501", "AK"), ("09001", None), ("1234", None),
])
def test_state_of_zip_reads_the_prefix_table(zip_code: str, state: str | None) -> None:
    """The USPS prefix table names the state of a ZIP, or None where it does not say."""
    assert state_of_zip(zip_code) == state


def test_zip_dataset_is_bundled_and_knows_wausau() -> None:
    """The bundled ZIP dataset answers offline with the USPS city and the county."""
    place = lookup_zip("54401")
    assert place is not None and place.state == "WI" and "WAUSAU" in place.cities and place.county == "MARATHON"
    assert lookup_zip("00000") is None


def test_place_key_spells_common_words_alike() -> None:
    """Saint/St, Fort/Ft and a trailing County are compared alike."""
    assert place_key("Saint Paul") == place_key("ST. PAUL") == "ST PAUL"
    assert place_key("Fort Atkinson") == "FT ATKINSON"
    assert place_key("Marathon County") == place_key("marathon") == "MARATHON"


@pytest.mark.parametrize(("code", "real"), [
    ("715", True), ("920", True), ("274", True), ("906", True), ("416", True), ("800", True), ("787", True),
    ("555", False), ("911", False), ("900", False), ("199", False), ("000", False),
])
def test_area_codes_are_nanp_codes_in_service(code: str, real: bool) -> None:
    """Only area codes in service count as real."""
    assert is_nanp_area_code(code) is real


def test_assembly_reviews_implausible_values_without_changing_them(tmp_path: Path, settings: Settings) -> None:
    """build_application adds implausible paths to review[] and lists path+code in plausibility[], values kept."""
    values = dict(VALUES, **{f"{ADDR}.zip": "94433", "applicant.phone": "7155556142"})
    record = validate(build_application(source(tmp_path), settings, pages=2, classification=APPLICATION,
                                        extraction=extraction(values), receipt=receipt()))
    assert record["applicant"]["permanent_address"]["zip"] == "94433"
    assert record["applicant"]["phone"] == "7155556142"
    assert record["review"] == ["applicant.phone", f"{ADDR}.zip"]
    assert record["plausibility"] == [{"field": f"{ADDR}.zip", "code": "zip_state_mismatch"},
                                      {"field": "applicant.phone", "code": "unassigned_exchange"}]
    clean = build_application(source(tmp_path), settings, pages=2, classification=APPLICATION,
                              extraction=extraction(), receipt=receipt())
    assert clean.review == [] and clean.plausibility == []


@pytest.mark.parametrize(
    ("written", "city", "state", "expected"),
    [
        ("94481", "STEVENS POINT", "WI", "54481"),  # one digit OCR slipped; the city names the ZIP
        ("94481-1234", "STEVENS POINT", "WI", "54481-1234"),
        ("54481", "STEVENS POINT", "WI", None),  # already right: nothing to repair
        ("99999", "STEVENS POINT", "WI", None),  # more than one digit away
        ("94481", "NO SUCH PLACE", "WI", None),
    ],
)
def test_zip_one_digit_away_from_the_city_written(written: str, city: str, state: str, expected: str | None) -> None:
    from intake.rules.zip_codes import zip_one_digit_away

    assert zip_one_digit_away(written, city, state) == expected


def test_assembly_repairs_a_scanned_zip_one_digit_from_its_city_and_reviews_it(tmp_path: Path, settings: Settings) -> None:
    values = dict(VALUES, **{f"{ADDR}.zip": "94401"})  # Wausau, WI is 54401
    record = validate(build_application(source(tmp_path), settings, pages=2, classification=APPLICATION,
                                        extraction=extraction(values), receipt=receipt()))
    assert record["applicant"]["permanent_address"]["zip"] == "54401"
    assert f"{ADDR}.zip" in record["review"]
