"""Layout "compact": a two-column form, labels LEFT of the values, other wordings, two pages."""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["build"]

L, MID = 40.0, 312.0
COL = 262.0


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.title(L, 30, "ASPIRUS HEALTH PLAN - MEDICARE ADVANTAGE ENROLLMENT APPLICATION", 12)
    b.text(L, 48, "Please print clearly in blue or black ink. Return to: Aspirus Health Plan Enrollment, PO Box 1890, "
                  "Wausau WI 54402", size=7)
    b.hline(L, 572, 60, 1.2)
    b.bold(L, 68, "1. APPLICANT")
    y = 86
    b.field_left("Surname", "applicant.last_name", L, y, 58, COL)
    y = b.field_left("Given name", "applicant.first_name", MID, y, 62, COL)
    b.field_left("M.I.", "applicant.middle_initial", L, y, 58, 120)
    y = b.field_left("Date of Birth (MM/DD/YYYY)", "applicant.birth_date", MID, y, 128, COL)
    b.text(L, y + 2, "Gender")
    b.checkbox(L + 60, y + 1, c["sex"] == "M", "M")
    b.checkbox(L + 95, y + 1, c["sex"] == "F", "F")
    y = b.field_left("Daytime phone", "applicant.phone", MID, y, 72, COL)
    y = b.field_left("Residence address", "applicant.permanent_address.street", L, y, 90, 572 - L)
    b.field_left("City/Town", "applicant.permanent_address.city", L, y, 58, COL)
    y = b.field_left("County", "applicant.permanent_address.county", MID, y, 50, COL)
    b.field_left("State", "applicant.permanent_address.state", L, y, 58, 150)
    y = b.field_left("Zip", "applicant.permanent_address.zip", MID, y, 50, 160)
    y = b.field_left("Mailing address (if different)", "applicant.mailing_address.street", L, y, 140, 572 - L)
    b.field_left("City/Town", "applicant.mailing_address.city", L, y, 58, COL)
    b.field_left("State", "applicant.mailing_address.state", MID, y, 36, 100)
    y = b.field_left("Zip", "applicant.mailing_address.zip", MID + 110, y, 24, 572 - MID - 110)
    b.hline(L, 572, y, 1.2)
    b.bold(L, y + 8, "2. MEDICARE")
    y = b.field_left("Medicare ID", "medicare_number", L, y + 28, 70, COL)
    y = b.field_left("Coverage start date (MM/DD/YYYY)", "requested_effective_date", L, y, 160, COL + 40)
    b.hline(L, 572, y, 1.2)
    b.bold(L, y + 8, "3. PLAN CHOICE (mark one)")
    y += 28
    for plan_id, name in PLANS.items():
        b.checkbox(L + 4, y, c["plan"] == plan_id, f"{plan_id}  {name}")
        y += 14
    y += 6
    y = b.field_left("Clinic", "primary_care_clinic", L, y, 40, COL + 80)
    b.text(L, y + 2, "Dental add-on")
    b.checkbox(L + 80, y + 1, c["dental"] is True, "Yes")
    b.checkbox(L + 125, y + 1, c["dental"] is False, "No")
    b.text(L, 764, "Form AHP-MA-ENR (compact)   1/2", size=6.5)
    return b.page


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.bold(L, 36, "4. PREMIUM PAYMENT OPTION")
    y = 54
    x = b.checkbox(L + 4, y, c["method"] == "bill", "Monthly bill")
    x = b.checkbox(x + 10, y, c["method"] == "eft", "Automatic bank withdrawal (EFT)")
    y += 16
    x = b.checkbox(L + 4, y, c["method"] == "ssa", "Social Security deduction")
    b.checkbox(x + 10, y, c["method"] == "rrb", "Railroad Retirement Board deduction")
    y += 22
    y = b.field_left("Name on account", "premium_payment.account_holder", L, y, 86, 572 - L)
    b.field_left("Bank routing #", "premium_payment.routing_number", L, y, 86, COL)
    y = b.field_left("Account #", "premium_payment.account_number", MID, y, 56, COL)
    b.text(L, y + 2, "Type")
    b.checkbox(L + 40, y + 1, c["account_type"] == "checking", "Checking")
    b.checkbox(L + 110, y + 1, c["account_type"] == "savings", "Savings")
    y += 24
    b.hline(L, 572, y, 1.2)
    b.bold(L, y + 8, "5. SIGNATURE")
    y += 26
    b.text(L, y, "I have read and understand the enrollment terms. I authorize the plan to release my information to "
                 "Medicare.", size=7)
    y += 24
    b.text(L, y + 16, "Signature of applicant")
    b.signature(rng, L + 110, y - 8, 200, 28)
    b.hline(L + 108, L + 330, y + 24)
    b.field_left("Date signed", "signature.date", L + 340, y + 6, 62, 572 - L - 340)
    y += 42
    y = b.field_left("Authorized representative", "authorized_representative.name", L, y, 128, 572 - L)
    b.field_left("Relationship", "authorized_representative.relationship", L, y, 70, COL)
    y = b.field_left("Rep. phone", "authorized_representative.phone", MID, y, 60, COL)
    y = b.field_left("Rep. address", "authorized_representative.address", L, y, 70, 572 - L)
    b.hline(L, 572, y, 1.2)
    b.bold(L, y + 8, "6. AGENT / BROKER")
    y += 28
    b.field_left("Agent/Broker name", "agent.name", L, y, 96, COL + 40)
    b.field_left("Agent NPN", "agent.npn", MID + 50, y, 60, COL - 50)
    b.text(L, 764, "Form AHP-MA-ENR (compact)   2/2", size=6.5)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
