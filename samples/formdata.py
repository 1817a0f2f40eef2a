"""One filled-in application: what is written on the form and what the contract record should say.

``FormData.printed`` holds the strings as a person wrote them (dashes in the
Medicare number, punctuation in phone numbers, MM/DD/YYYY dates); ``None``
means the line was left blank. ``FormData.truth`` holds the contract's
normalised values for the same fields. Cases blank or spoil fields through
``blank`` and ``spoil`` so both stay in step.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from intake.plans import PLANS
from samples import people

__all__ = ["FormData", "draw_form", "APPLICATION_SECTIONS"]

#: The contract's application sections (everything a form carries).
APPLICATION_SECTIONS = (
    "applicant",
    "medicare_number",
    "plan",
    "requested_effective_date",
    "primary_care_clinic",
    "dental_rider",
    "premium_payment",
    "signature",
    "authorized_representative",
    "agent",
)


def _us_date(value: date) -> str:
    return value.strftime("%m/%d/%Y")


def _phone_text(rng: random.Random, digits: str) -> str:
    style = rng.choice(["({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}", "{a} {b} {c}"])
    return style.format(a=digits[:3], b=digits[3:6], c=digits[6:])


def _mbi_text(rng: random.Random, mbi: str) -> str:
    return f"{mbi[:4]}-{mbi[4:7]}-{mbi[7:]}" if rng.random() < 0.5 else mbi


@dataclass
class FormData:
    truth: dict[str, Any]  # contract-shaped application sections
    printed: dict[str, str | None]  # field path -> text written on the form
    mark: str = "x"  # how boxes are ticked: x / check / fill
    notes: list[str] = field(default_factory=list)

    # -- helpers for the case catalogue -------------------------------------------------
    def _set_truth(self, path: str, value: Any) -> None:
        node = self.truth
        parts = path.split(".")
        for part in parts[:-1]:
            node = node[part]
        node[parts[-1]] = value

    def get(self, path: str) -> Any:
        node: Any = self.truth
        for part in path.split("."):
            if node is None:
                return None
            node = node.get(part)
        return node

    def blank(self, path: str) -> None:
        """Leave a field empty on the form; the record then has null there."""
        self.printed[path] = None
        if path == "signature.signed":
            self.truth["signature"]["signed"] = False
            self.truth["signature"]["by"] = None
        else:
            self._set_truth(path, None)
            if path == "plan.id":
                self.truth["plan"]["name"] = None

    def spoil(self, path: str, written: str) -> None:
        """Write something on the form that is not a valid value (the record keeps null)."""
        self.printed[path] = written
        self._set_truth(path, None)

    @property
    def choice(self) -> dict[str, Any]:
        """The tick-box choices, read from the truth (a blank choice is None)."""
        pay = self.truth["premium_payment"] or {}
        return {
            "plan": self.truth["plan"]["id"] if self.truth["plan"] else None,
            "sex": self.truth["applicant"]["sex"],
            "dental": self.truth["dental_rider"],
            "method": pay.get("method"),
            "account_type": pay.get("account_type"),
            "signed": self.truth["signature"]["signed"],
            "by": self.truth["signature"]["by"],
        }


def draw_form(
    rng: random.Random,
    *,
    signed_on: date,
    requested: date,
    method: str | None = None,
    with_rep: bool = False,
    with_agent: bool | None = None,
    with_mailing: bool | None = None,
) -> FormData:
    """Draw a complete, valid application (cases then take pieces away)."""
    sex = rng.choice("MF")
    first, middle, last = people.draw_name(rng, sex)
    birth = people.draw_birth_date(rng)
    phone = people.draw_phone(rng)
    home = rng.choice(people.PLACES)
    street = people.draw_street(rng)
    mbi = people.draw_mbi(rng)
    plan_id = rng.choice(sorted(PLANS))
    clinic = rng.choice(people.CLINICS) if rng.random() < 0.7 else None
    dental = rng.random() < 0.4
    method = method or rng.choice(["bill", "eft", "eft", "ssa", "rrb", "bill"])
    with_mailing = rng.random() < 0.25 if with_mailing is None else with_mailing
    with_agent = rng.random() < 0.7 if with_agent is None else with_agent

    mailing = None
    if with_mailing:
        box = rng.choice(people.PLACES)
        mailing = {"street": f"PO BOX {rng.randint(10, 2999)}", "city": box.city, "state": box.state, "zip": box.zip}

    payment: dict[str, Any] = {
        "method": method, "account_holder": None, "routing_number": None, "account_number": None, "account_type": None,
    }
    if method == "eft":
        payment.update(
            account_holder=f"{first} {middle} {last}" if rng.random() < 0.6 else f"{first} {last}",
            routing_number=people.draw_routing_number(rng),
            account_number="".join(rng.choice("0123456789") for _ in range(rng.randint(8, 12))),
            account_type=rng.choice(["checking", "checking", "savings"]),
        )

    rep = None
    if with_rep:
        rep_first, _, rep_last = people.draw_name(rng, rng.choice("MF"))
        rep_place = rng.choice(people.PLACES)
        rep = {
            "name": f"{rep_first} {rep_last if rng.random() < 0.6 else last}",
            "address": f"{people.draw_street(rng)}, {rep_place.city}, {rep_place.state} {rep_place.zip}",
            "phone": people.draw_phone(rng),
            "relationship": rng.choice(people.RELATIONSHIPS),
        }

    agent = None
    if with_agent:
        a_first, _, a_last = people.draw_name(rng, rng.choice("MF"))
        agent = {"name": f"{a_first} {a_last}", "npn": people.draw_npn(rng)}

    truth: dict[str, Any] = {
        "applicant": {
            "first_name": first,
            "middle_initial": middle,
            "last_name": last,
            "birth_date": birth.isoformat(),
            "sex": sex,
            "phone": phone,
            "permanent_address": {
                "street": street, "city": home.city, "state": home.state, "zip": home.zip, "county": home.county,
            },
            "mailing_address": mailing,
        },
        "medicare_number": mbi,
        "plan": {"id": plan_id, "name": PLANS[plan_id]},
        "requested_effective_date": requested.isoformat(),
        "primary_care_clinic": clinic,
        "dental_rider": dental,
        "premium_payment": payment,
        "signature": {"signed": True, "date": signed_on.isoformat(), "by": "authorized_representative" if rep else "applicant"},
        "authorized_representative": rep,
        "agent": agent,
    }
    printed: dict[str, str | None] = {
        "applicant.first_name": first,
        "applicant.middle_initial": middle,
        "applicant.last_name": last,
        "applicant.birth_date": _us_date(birth),
        "applicant.phone": _phone_text(rng, phone),
        "applicant.permanent_address.street": street,
        "applicant.permanent_address.city": home.city,
        "applicant.permanent_address.county": home.county,
        "applicant.permanent_address.state": home.state,
        "applicant.permanent_address.zip": home.zip,
        "applicant.mailing_address.street": mailing["street"] if mailing else None,
        "applicant.mailing_address.city": mailing["city"] if mailing else None,
        "applicant.mailing_address.state": mailing["state"] if mailing else None,
        "applicant.mailing_address.zip": mailing["zip"] if mailing else None,
        "medicare_number": _mbi_text(rng, mbi),
        "requested_effective_date": _us_date(requested),
        "primary_care_clinic": clinic,
        "premium_payment.account_holder": payment["account_holder"],
        "premium_payment.routing_number": payment["routing_number"],
        "premium_payment.account_number": payment["account_number"],
        "signature.date": _us_date(signed_on),
        "authorized_representative.name": rep["name"] if rep else None,
        "authorized_representative.address": rep["address"] if rep else None,
        "authorized_representative.phone": _phone_text(rng, rep["phone"]) if rep else None,
        "authorized_representative.relationship": rep["relationship"] if rep else None,
        "agent.name": agent["name"] if agent else None,
        "agent.npn": agent["npn"] if agent else None,
        "signature.signed": "yes",
    }
    return FormData(truth=truth, printed=printed, mark=rng.choice(["x", "check", "fill", "x"]))
