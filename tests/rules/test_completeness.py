"""Required items of an enrollment application: what is missing, why, and whom to contact first."""

from __future__ import annotations

import re

import pytest

from intake.extraction import FieldValue
from intake.rules.completeness import REQUIRED_PERSONAL, UnreadItem, assess, find_missing

COMPLETE = {
    "plan.id": "H5652-002",
    "applicant.first_name": "MARGARET",
    "applicant.last_name": "OLSON",
    "applicant.birth_date": "1957-03-14",
    "applicant.sex": "F",
    "applicant.phone": "7155550142",
    "applicant.permanent_address.street": "1204 N 5TH AVE",
    "applicant.permanent_address.city": "WAUSAU",
    "applicant.permanent_address.state": "WI",
    "applicant.permanent_address.zip": "54401",
    "medicare_number": "1EG4TE5MK73",
    "signature.signed": True,
    "signature.date": "2026-11-20",
    "signature.by": "applicant",
}
PHI_VALUES = [v for v in COMPLETE.values() if isinstance(v, str) and len(v) > 2] + ["075911988", "123456789"]


def fields(base: dict = COMPLETE, **changes) -> dict[str, FieldValue]:
    values = {**base, **{k.replace("__", "."): v for k, v in changes.items()}}
    return {path: FieldValue(value=v, confidence=0.95) for path, v in values.items() if v is not None}


def missing_paths(fv: dict[str, FieldValue], **kwargs) -> list[tuple[str, str]]:
    return [(m.field, m.contact_first) for m in find_missing(fv, **kwargs)]


def test_complete_application_has_nothing_missing() -> None:
    """Every required item present: nothing missing."""
    assert find_missing(fields()) == []


@pytest.mark.parametrize("path", [p for p, _ in REQUIRED_PERSONAL] + ["signature.date"])
def test_each_required_item_absent(path: str) -> None:
    """Each always-required item, when absent, is one missing entry for the applicant."""
    values = {k: v for k, v in COMPLETE.items() if k != path}
    (item,) = find_missing(fields(values))
    assert item.field == path and item.contact_first == "applicant"
    assert item.reason.endswith("is not given.")


def test_plan_chosen_by_name_counts() -> None:
    """A plan read by name only is still a plan choice."""
    values = {k: v for k, v in COMPLETE.items() if k != "plan.id"}
    assert find_missing(fields(values, **{"plan__name": "Aspirus Advantage Plus (HMO-POS)"})) == []


@pytest.mark.parametrize("signed", [False, None])
def test_unsigned(signed: bool | None) -> None:
    """An unsigned (or signature-not-found) application misses signature.signed."""
    assert missing_paths(fields(signature__signed=signed)) == [("signature.signed", "applicant")]


def test_ssn_in_medicare_box_reason() -> None:
    """An SSN in the Medicare box makes medicare_number missing, and the reason says an SSN was written."""
    fv = fields()
    fv["medicare_number"] = FieldValue(value=None, confidence=0.0, needs_review=True, note="ssn_in_medicare_box",
                                       raw="123-45-6789")
    (item,) = find_missing(fv)
    assert item.field == "medicare_number" and item.contact_first == "applicant"
    assert "Social Security number was written" in item.reason


@pytest.mark.parametrize(
    ("path", "note", "words"),
    [
        ("applicant.birth_date", "implausible_birth_date", "not a plausible birth date"),
        ("applicant.phone", "bad_area_code", "not a valid US phone number"),
        ("applicant.permanent_address.zip", "bad_format", "could not be read as a valid value"),
        ("applicant.last_name", None, "could not be read as a valid value"),
    ],
)
def test_unreadable_or_invalid_counts_as_missing(path: str, note: str | None, words: str) -> None:
    """On exact text, a value read but refused is missing, with a reason saying it was not valid."""
    fv = fields()
    fv[path] = FieldValue(value=None, confidence=0.1, needs_review=True, note=note, raw="##")
    (item,) = find_missing(fv)
    assert item.field == path and words in item.reason


@pytest.mark.parametrize(
    "changes",
    [
        {"signature__by": "authorized_representative"},
        {"authorized_representative__name": "JOHN OLSON"},
        {"authorized_representative__phone": "7155550199"},
    ],
)
def test_representative_items_required_when_a_rep_is_involved(changes: dict) -> None:
    """A representative who signs or is named must give name, phone and relationship."""
    got = missing_paths(fields(**changes))
    wanted = [(p, "applicant") for p in ("authorized_representative.name", "authorized_representative.phone",
                                         "authorized_representative.relationship")]
    assert got == [w for w in wanted if w[0].replace(".", "__") not in changes]


def test_complete_representative() -> None:
    """A representative with name, phone and relationship leaves nothing missing."""
    fv = fields(signature__by="authorized_representative", authorized_representative__name="JOHN OLSON",
                authorized_representative__phone="7155550199", authorized_representative__relationship="SON")
    assert find_missing(fv) == []


def test_eft_needs_routing_and_account() -> None:
    """EFT without bank numbers misses both, for the applicant; other methods need none."""
    assert missing_paths(fields(premium_payment__method="eft")) == [
        ("premium_payment.routing_number", "applicant"), ("premium_payment.account_number", "applicant")]
    assert find_missing(fields(premium_payment__method="bill")) == []
    assert find_missing(fields(premium_payment__method="eft", premium_payment__routing_number="075911988",
                               premium_payment__account_number="000123456789")) == []


def test_routing_number_failing_checksum_reason() -> None:
    """A routing number refused by the ABA check is missing with a checksum reason."""
    fv = fields(premium_payment__method="eft", premium_payment__account_number="000123456789")
    fv["premium_payment.routing_number"] = FieldValue(value=None, note="bad_checksum", needs_review=True)
    (item,) = find_missing(fv)
    assert item.field == "premium_payment.routing_number" and "check digit" in item.reason


def test_agent_npn_required_when_agent_named() -> None:
    """A named agent without an NPN: the agent is contacted first."""
    assert missing_paths(fields(agent__name="DANIEL KOWALSKI")) == [("agent.npn", "agent")]
    assert find_missing(fields(agent__name="DANIEL KOWALSKI", agent__npn="17654321")) == []
    assert find_missing(fields()) == []


def test_phone_in_npn_box_reason() -> None:
    """A phone number in the NPN box is a missing NPN with a reason saying so."""
    fv = fields(agent__name="DANIEL KOWALSKI")
    fv["agent.npn"] = FieldValue(value=None, note="npn_looks_like_phone", needs_review=True)
    (item,) = find_missing(fv)
    assert item.contact_first == "agent" and "phone number was written in the NPN box" in item.reason


def test_require_agent_npn_setting() -> None:
    """With the plan requiring attribution, a missing NPN is always an item (applicant first when no agent named)."""
    assert missing_paths(fields(), require_agent_npn=True) == [("agent.npn", "applicant")]
    assert missing_paths(fields(agent__name="DANIEL KOWALSKI"), require_agent_npn=True) == [("agent.npn", "agent")]


def test_everything_missing_in_form_order_without_phi() -> None:
    """An empty extraction lists every always-required item in form order; no reason carries a value."""
    items = find_missing({}, require_agent_npn=True)
    assert [m.field for m in items][:11] == [p for p, _ in REQUIRED_PERSONAL]
    assert [m.field for m in items][11:] == ["signature.signed", "signature.date", "agent.npn"]
    for item in find_missing(fields(medicare_number=None, agent__name="DANIEL KOWALSKI")):
        assert not any(value in item.reason for value in PHI_VALUES)
        assert not re.search(r"\d{3}", item.reason)


# --- scanned forms: what the machine could not read is for a person to read, not for outreach ---

ALL_LOCATED = [p for p, _ in REQUIRED_PERSONAL] + ["signature.signed", "signature.date"]


@pytest.mark.parametrize(
    ("note", "raw", "code"),
    [
        ("ink_unread", None, "ink_unread"),
        ("bad_format", "5NK0KH1EM4", "bad_format"),
        ("bad_checksum", "075911989", "bad_checksum"),
        ("mbi_excluded_letter", "1EG4TE5MK7S", "mbi_excluded_letter"),
        (None, "##", "unreadable"),
    ],
)
def test_scanned_reading_refused_is_unread_not_missing(note: str | None, raw: str | None, code: str) -> None:
    """On a scan, ink read as nothing or a reading OCR may have garbled is for a person, not the applicant."""
    fv = fields()
    fv["medicare_number"] = FieldValue(value=None, confidence=0.1, needs_review=True, note=note, raw=raw)
    result = assess(fv, located=ALL_LOCATED, scanned=True)
    assert result.missing == []
    assert result.unread == [UnreadItem("medicare_number", code)]


@pytest.mark.parametrize("note", ["ssn_in_medicare_box", "hicn_in_medicare_box"])
def test_something_else_written_is_missing_even_on_a_scan(note: str) -> None:
    """An SSN or old claim number where the Medicare number belongs is missing on any channel."""
    fv = fields()
    fv["medicare_number"] = FieldValue(value=None, needs_review=True, note=note, raw="123-45-6789")
    result = assess(fv, located=ALL_LOCATED, scanned=True)
    assert [m.field for m in result.missing] == ["medicare_number"] and result.unread == []


@pytest.mark.parametrize("note", ["npn_looks_like_phone", "npn_looks_like_npi"])
def test_other_number_in_npn_box_is_missing_even_on_a_scan(note: str) -> None:
    fv = fields(agent__name="DANIEL KOWALSKI")
    fv["agent.npn"] = FieldValue(value=None, needs_review=True, note=note, raw="7155550142")
    result = assess(fv, located=ALL_LOCATED + ["agent.npn"], scanned=True)
    assert [(m.field, m.contact_first) for m in result.missing] == [("agent.npn", "agent")]


def test_exact_text_refusal_is_missing() -> None:
    """On exact text (a text layer, the portal) a refused value is what was written: missing."""
    fv = fields()
    fv["medicare_number"] = FieldValue(value=None, note="bad_format", needs_review=True, raw="5NK0KH1EM4")
    result = assess(fv, located=ALL_LOCATED, scanned=False)
    assert [m.field for m in result.missing] == ["medicare_number"] and result.unread == []


def test_label_not_found_is_unread_and_found_blank_is_missing() -> None:
    """A field whose label was never found may be written; one whose label was found empty is not given."""
    values = {k: v for k, v in COMPLETE.items() if k not in ("applicant.phone", "applicant.birth_date")}
    located = [p for p in ALL_LOCATED if p != "applicant.birth_date"]
    result = assess(fields(values), located=located, scanned=True)
    assert [m.field for m in result.missing] == ["applicant.phone"]
    assert result.missing[0].reason.endswith("is not given.")
    assert result.unread == [UnreadItem("applicant.birth_date", "not_located")]


def test_signature_label_not_found_is_unread() -> None:
    """No signature line found: whether it is signed is for a person to see, not a call to the applicant."""
    fv = fields(signature__signed=None)
    result = assess(fv, located=[p for p in ALL_LOCATED if p != "signature.signed"], scanned=True)
    assert result.missing == [] and result.unread == [UnreadItem("signature.signed", "not_located")]
    located = assess(fv, located=ALL_LOCATED, scanned=True)
    assert [m.field for m in located.missing] == ["signature.signed"]


def test_conditional_items_follow_the_same_rule() -> None:
    """EFT chosen, routing number inked but unread, account number's label found blank."""
    fv = fields(premium_payment__method="eft")
    fv["premium_payment.routing_number"] = FieldValue(value=None, needs_review=True, note="ink_unread")
    located = ALL_LOCATED + ["premium_payment.routing_number", "premium_payment.account_number"]
    result = assess(fv, located=located, scanned=True)
    assert [m.field for m in result.missing] == ["premium_payment.account_number"]
    assert result.unread == [UnreadItem("premium_payment.routing_number", "ink_unread")]
