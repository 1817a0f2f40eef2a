"""Which contract path a label fills, given the section it sits in, and how its value is normalised."""

from __future__ import annotations

from collections.abc import Callable
import re

from intake.parsers import normalize
from intake.parsers.lookalikes import TO_DIGIT
from intake.parsers.normalize import Normalized

__all__ = ["path_for", "NORMALIZERS", "TEXT_PATHS"]

_PERM = "applicant.permanent_address"
_MAIL = "applicant.mailing_address"
_REP = "authorized_representative"

# Sections in which applicant fields are never found (someone else's data).
_FOREIGN = {"representative", "office", "emergency"}


def path_for(kind: str, section: str | None) -> str | None:
    """The contract path for a label of ``kind`` under a heading of ``section``; None to ignore it."""
    rep = section == "representative"
    office = section == "office"
    if kind in ("rep_name", "rep_phone", "rep_address"):  # named as the representative's: any section
        return f"{_REP}.{kind.removeprefix('rep_')}"
    if kind == "name":
        return {"representative": f"{_REP}.name", "office": "agent.name", "payment": "premium_payment.account_holder"}.get(
            section or ""
        )
    if kind in ("first_name", "last_name", "middle_initial"):
        if rep:
            return f"{_REP}.name:{kind}"  # parts joined into one name later
        if office:
            return f"agent.name:{kind}"
        return None if section in _FOREIGN else f"applicant.{kind}"
    if kind == "phone":
        if rep:
            return f"{_REP}.phone"
        return None if section in _FOREIGN else "applicant.phone"
    if kind in ("mailing_city", "mailing_state", "mailing_zip"):  # "Mailing city": the label names its address
        part = kind.removeprefix("mailing_")
        if rep:
            return f"{_REP}.address:{part}"
        return None if section in _FOREIGN else f"{_MAIL}.{part}"
    if kind in ("street", "address", "mailing_street", "permanent_street", "city", "state", "zip", "county", "city_state_zip"):
        if rep:
            return f"{_REP}.address" if kind in ("street", "address", "mailing_street", "permanent_street") else f"{_REP}.address:{kind}"
        if section in _FOREIGN:
            return None
        if kind == "permanent_street":
            return f"{_PERM}.street"
        base = _MAIL if (kind == "mailing_street" or section == "mailing") else _PERM
        if kind in ("street", "address", "mailing_street"):
            return f"{base}.street"
        if kind == "county":
            return f"{_PERM}.county" if base == _PERM else None
        return f"{base}.{kind}"
    if kind == "relationship":
        return f"{_REP}.relationship" if rep else None
    if kind == "agent_name":
        return "agent.name"
    if kind == "npn":
        return "agent.npn"
    if kind == "plan_id":
        return None if office else "plan.id"
    if kind == "plan_name":
        return None if office else "plan.name"
    if section in _FOREIGN and kind in ("birth_date", "medicare_number", "sex", "pcp"):
        return None
    simple = {
        "birth_date": "applicant.birth_date",
        "medicare_number": "medicare_number",
        "effective_date": None if office else "requested_effective_date",
        "pcp": "primary_care_clinic",
        "account_holder": "premium_payment.account_holder",
        "routing_number": "premium_payment.routing_number",
        "account_number": "premium_payment.account_number",
        "sex": "applicant.sex",
    }
    return simple.get(kind)


def _medicare(raw: str | None) -> Normalized:
    # Comb boxes and card print: characters split by box borders, spaces or dashes.
    cleaned = "".join(ch for ch in (raw or "") if ch.isalnum() or ch in " -")
    return normalize.medicare_number(cleaned)


def _state(raw: str | None) -> Normalized:
    # OCR adds stray marks around a two-letter code ("WI!", "(WI").
    return normalize.state("".join(ch for ch in (raw or "") if ch.isalnum() or ch in " .") or None)


_SPLIT_DIGITS = re.compile(r"\d \d")


# A street's ordinal with its digit read as a letter look-alike: "N STH AVE" is 5TH, "ZND ST" 2ND, "IST" 1ST.
_ORDINAL_MISREAD = re.compile(r"\b([A-Za-z])(ST|ND|RD|TH|st|nd|rd|th)\b")  # "N STH AVE", typed "N Sth Ave"
_ORDINAL_SUFFIX = {"1": "ST", "2": "ND", "3": "RD"}


def _repair_ordinal(match: re.Match) -> str:
    digit = TO_DIGIT.get(match.group(1)) or TO_DIGIT.get(match.group(1).upper())
    if digit in (None, "0") or _ORDINAL_SUFFIX.get(digit, "TH") != match.group(2).upper():
        return match.group(0)  # "IST" is 1ST, but "SST" and "OTH" are no ordinals
    return digit + match.group(2)


def _address_text(raw: str | None) -> Normalized:
    result = normalize.text(raw)
    if result.value is not None:
        repaired = _ORDINAL_MISREAD.sub(_repair_ordinal, result.value)
        if repaired != result.value:
            # a look-alike fixed by what an ordinal must be: likely right, never vouched for
            return Normalized(repaired.strip(" ,;"), True, True, "lookalike_repaired", True)
        # "PO BOX 1 815": OCR may split a number; which reading is right needs a person.
        doubtful = result.doubtful or bool(_SPLIT_DIGITS.search(result.value))
        return Normalized(result.value.strip(" ,;"), result.ok, result.repaired,
                          "digits_split" if doubtful and not result.note else result.note, doubtful)
    return result


# What OCR makes of a lone capital letter written in a box or on a line.
_INITIAL_LOOKALIKES = {"$": "S", "5": "S", "0": "O", "1": "I", "|": "I", "l": "I", "8": "B", "2": "Z", "6": "G", "4": "A"}


def _middle_initial(raw: str | None) -> Normalized:
    text = (raw or "").strip().strip(".,:;'\"")
    if len(text) == 1 and text in _INITIAL_LOOKALIKES:
        # a look-alike of a letter: likely right, never vouched for
        return Normalized(_INITIAL_LOOKALIKES[text], True, repaired=True, note="lookalike_repaired")
    result = normalize.middle_initial(raw)
    letters = "".join(ch for ch in text if ch.isalpha())
    if result.ok and result.value is not None and len(text) > 1 and not (len(letters) >= 3 and letters == text):
        # "ot", "I." misread: one letter plus noise is not a middle name; a person should look
        return Normalized(result.value, True, note="initial_with_noise", doubtful=True)
    return result


_MONTH_WORD = re.compile(r"[A-Za-z]{3}")


_ANSWER_WORDS = frozenset({"yes", "no", "none", "n/a"})


def _whole_name(raw: str | None) -> Normalized:
    """Someone's whole name; a lone answer word taken for it ("No" to "Is someone signing for the applicant?")
    is no name but the question's answer: nothing is written there."""
    if (raw or "").strip(" .,;:|").lower() in _ANSWER_WORDS:
        return Normalized(None, False, note="empty")
    return normalize.person_name(raw)


def _date(kind: str) -> Callable[[str | None], Normalized]:
    def read(raw: str | None) -> Normalized:
        text = (raw or "").strip().strip("()[]{}|,;:'\"")
        if _MONTH_WORD.search(text):
            # "Sep 3 1956": the day and the year are two numbers, not digits OCR split apart
            as_written = normalize.date(text, kind=kind)
            if as_written.ok:
                return as_written
        squeezed = re.sub(r"(?<=\d)\s+(?=\d)", "", text)
        result = normalize.date(squeezed or None, kind=kind)
        if squeezed != text and result.ok:
            # Digits OCR split apart were joined: likely right, but not vouched for.
            return Normalized(result.value, True, repaired=True, note="digits_joined")
        return result

    return read


NORMALIZERS: dict[str, Callable[[str | None], Normalized]] = {
    "applicant.first_name": normalize.person_name,
    "applicant.last_name": normalize.person_name,
    "applicant.middle_initial": _middle_initial,
    "applicant.birth_date": _date("birth"),
    "applicant.sex": normalize.sex,
    "applicant.phone": normalize.phone,
    f"{_PERM}.street": _address_text,
    f"{_PERM}.city": _address_text,
    f"{_PERM}.county": _address_text,
    f"{_PERM}.state": _state,
    f"{_PERM}.zip": normalize.zip_code,
    f"{_MAIL}.street": _address_text,
    f"{_MAIL}.city": _address_text,
    f"{_MAIL}.state": _state,
    f"{_MAIL}.zip": normalize.zip_code,
    "medicare_number": _medicare,
    "requested_effective_date": _date("effective"),
    "primary_care_clinic": normalize.text,
    "premium_payment.account_holder": _whole_name,
    "premium_payment.routing_number": normalize.routing_number,
    "premium_payment.account_number": normalize.account_number,
    # Plausibility against today is wrong for a signature: it is judged against the
    # receipt stamp by the rules, so any real calendar date is accepted here.
    "signature.date": _date("any"),
    f"{_REP}.name": _whole_name,
    f"{_REP}.address": _address_text,
    f"{_REP}.phone": normalize.phone,
    f"{_REP}.relationship": normalize.relationship,
    "agent.name": _whole_name,
    "agent.npn": normalize.npn,
    "plan.id": normalize.plan_id,
    "plan.name": normalize.text,
}

#: Free-text fields: nothing but the label's placement vouches for them.
TEXT_PATHS = frozenset(
    path for path, fn in NORMALIZERS.items() if fn in (normalize.person_name, _whole_name, normalize.text, _address_text)
)
