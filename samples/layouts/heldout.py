"""Layout "heldout": used ONLY for evaluation, never for tuning parsers.

Another order (Medicare number first, plan choice last), other synonyms
("Medicare Beneficiary Identifier (MBI)", "Home address", "Telephone",
"Family name", "Postal code", "Producer NPN"), serif labels of another size.
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["build"]

L = 48.0


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.title(L, 30, "Enrollment Request  -  Aspirus Health Plan Medicare Advantage", 13)
    b.text(L, 50, "Complete every item marked with an asterisk (*). Use capital letters.", size=8)
    b.hline(L, 564, 64, 2)
    y = 76
    b.bold(L, y, "Step 1  Your Medicare card", size=11)
    y += 20
    y = b.field_left("* Medicare Beneficiary Identifier (MBI):", "medicare_number", L, y, 200, 460)
    y = b.field_left("* I want my coverage to begin on:", "requested_effective_date", L, y, 170, 400)
    y += 6
    b.bold(L, y, "Step 2  About you", size=11)
    y += 20
    y = b.field_left("* Family name:", "applicant.last_name", L, y, 80, 330)
    b.field_left("* First:", "applicant.first_name", L, y, 80, 300)
    y = b.field_left("Initial:", "applicant.middle_initial", L + 320, y, 40, 430)
    b.field_left("* Birthdate:", "applicant.birth_date", L, y, 80, 250)
    b.text(L + 280, y + 3, "* Gender:")
    b.checkbox(L + 330, y + 2, c["sex"] == "F", "Female")
    b.checkbox(L + 390, y + 2, c["sex"] == "M", "Male")
    y += 24
    y = b.field_left("* Telephone:", "applicant.phone", L, y, 80, 300)
    y = b.field_left("* Home address:", "applicant.permanent_address.street", L, y, 80, 516)
    b.field_left("* Town:", "applicant.permanent_address.city", L, y, 80, 280)
    y = b.field_left("County:", "applicant.permanent_address.county", L + 300, y, 46, 516)
    b.field_left("* State:", "applicant.permanent_address.state", L, y, 80, 160)
    y = b.field_left("* Postal code:", "applicant.permanent_address.zip", L + 180, y, 72, 360)
    y += 4
    b.text(L, y, "Where should we send mail? (only if not your home address)", size=8.5)
    y += 16
    y = b.field_left("Mail to:", "applicant.mailing_address.street", L, y, 80, 516)
    b.field_left("Town:", "applicant.mailing_address.city", L, y, 80, 280)
    b.field_left("State:", "applicant.mailing_address.state", L + 300, y, 40, 390)
    y = b.field_left("Postal code:", "applicant.mailing_address.zip", L + 400, y, 60, 516)
    b.text(L, 766, "AHP enrollment request (rev. 2026)  -  sheet 1 of 2", size=7)
    return b.page


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    y = 36
    b.bold(L, y, "Step 3  Choose your plan", size=11)
    y += 20
    for plan_id, name in reversed(list(PLANS.items())):
        b.checkbox(L + 4, y, c["plan"] == plan_id, f"{name}, contract {plan_id}")
        y += 15
    y += 4
    y = b.field_left("Preferred clinic:", "primary_care_clinic", L, y, 90, 516)
    b.text(L, y + 2, "Add the dental rider?")
    b.checkbox(L + 120, y + 1, c["dental"] is False, "No thanks")
    b.checkbox(L + 200, y + 1, c["dental"] is True, "Yes, add dental")
    y += 26
    b.bold(L, y, "Step 4  How will you pay your premium?", size=11)
    y += 20
    b.checkbox(L + 4, y, c["method"] == "ssa", "Take it from my Social Security check")
    b.checkbox(L + 260, y, c["method"] == "rrb", "Take it from my RRB check")
    y += 15
    b.checkbox(L + 4, y, c["method"] == "eft", "Take it from my bank account")
    b.checkbox(L + 260, y, c["method"] == "bill", "Send me a bill every month")
    y += 20
    y = b.field_left("Name(s) on the account:", "premium_payment.account_holder", L, y, 120, 516)
    b.field_left("ABA/Routing no.:", "premium_payment.routing_number", L, y, 90, 250)
    y = b.field_left("Account no.:", "premium_payment.account_number", L + 270, y, 66, 516)
    b.checkbox(L + 4, y, c["account_type"] == "savings", "Savings account")
    b.checkbox(L + 120, y, c["account_type"] == "checking", "Checking account")
    y += 26
    b.bold(L, y, "Step 5  Signature", size=11)
    y += 20
    b.text(L, y, "Signed by the applicant (or the person authorized to act for the applicant):", size=8.5)
    y += 18
    b.signature(rng, L + 20, y - 4, 260, 30)
    b.hline(L, L + 300, y + 28)
    b.text(L, y + 32, "signature", size=7)
    b.field_left("Date:", "signature.date", L + 320, y + 14, 30, 516)
    y += 50
    y = b.field_left("Representative's name:", "authorized_representative.name", L, y, 120, 516)
    b.field_left("Relationship:", "authorized_representative.relationship", L, y, 70, 280)
    y = b.field_left("Telephone:", "authorized_representative.phone", L + 300, y, 60, 516)
    y = b.field_left("Representative's address:", "authorized_representative.address", L, y, 130, 516)
    y += 8
    b.rect(L - 4, y, 524, 40, width=0.8)
    b.text(L, y + 3, "Plan use - producer information", size=7.5)
    b.field_left("Producer:", "agent.name", L, y + 17, 52, 300)
    b.field_left("Producer NPN:", "agent.npn", L + 310, y + 17, 70, 512)
    b.text(L, 766, "AHP enrollment request (rev. 2026)  -  sheet 2 of 2", size=7)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
