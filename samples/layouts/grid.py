"""Layout "grid": every field a bordered cell with a small label top-left; comb boxes for the MBI."""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["build"]

L, W = 36.0, 540.0
H = 34.0


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.rect(L, 28, W, 40, width=1.4)
    b.title(L + 8, 34, "Aspirus Health Plan", 13)
    b.text(L + 8, 52, "MEDICARE ADVANTAGE PLAN ENROLLMENT FORM", font=style.label_bold, size=9)
    b.text(L + 360, 40, "Mail or fax to Enrollment", size=7)
    b.text(L + 360, 50, "Fax 1-715-787-7328", size=7)
    y = 80
    b.text(L, y, "PART A. PLAN SELECTION - CHECK ONE", font=style.label_bold, size=8)
    y += 14
    for i, (plan_id, name) in enumerate(PLANS.items()):
        col_x = L + (i % 2) * 270
        b.checkbox(col_x + 4, y + (i // 2) * 15, c["plan"] == plan_id, f"{name} ({plan_id})", label_size=7.5)
    y += 15 * ((len(PLANS) + 1) // 2) + 8
    b.text(L, y, "PART B. APPLICANT INFORMATION", font=style.label_bold, size=8)
    y += 12
    b.cell("LAST NAME", "applicant.last_name", L, y, 220)
    b.cell("FIRST NAME", "applicant.first_name", L + 220, y, 220)
    b.cell("MI", "applicant.middle_initial", L + 440, y, 100)
    y += H
    b.cell("DATE OF BIRTH (MM/DD/YYYY)", "applicant.birth_date", L, y, 180)
    b.cell("SEX", None, L + 180, y, 110)
    b.checkbox(L + 190, y + 16, c["sex"] == "M", "M")
    b.checkbox(L + 235, y + 16, c["sex"] == "F", "F")
    b.cell("HOME PHONE", "applicant.phone", L + 290, y, 250)
    y += H
    b.cell("STREET ADDRESS (NO P.O. BOX)", "applicant.permanent_address.street", L, y, W)
    y += H
    b.cell("CITY", "applicant.permanent_address.city", L, y, 200)
    b.cell("COUNTY", "applicant.permanent_address.county", L + 200, y, 150)
    b.cell("STATE", "applicant.permanent_address.state", L + 350, y, 70)
    b.cell("ZIP", "applicant.permanent_address.zip", L + 420, y, 120)
    y += H
    b.cell("MAILING ADDRESS (IF DIFFERENT)", "applicant.mailing_address.street", L, y, 270)
    b.cell("CITY", "applicant.mailing_address.city", L + 270, y, 130)
    b.cell("STATE", "applicant.mailing_address.state", L + 400, y, 50)
    b.cell("ZIP", "applicant.mailing_address.zip", L + 450, y, 90)
    y += H + 10
    b.text(L, y, "PART C. MEDICARE INFORMATION", font=style.label_bold, size=8)
    y += 12
    b.rect(L, y, W, 44)
    b.text(L + 3, y + 2.5, "MEDICARE NUMBER (one character per box)", size=6.5)
    b.comb(L + 8, y + 16, b.val("medicare_number"), 11, cell_w=18, h=22)
    b.text(L + 230, y + 2.5, "REQUESTED EFFECTIVE DATE", size=6.5)
    b.value(L + 236, y + 20, b.val("requested_effective_date"))
    y += 44
    b.cell("PRIMARY CARE CLINIC (OPTIONAL)", "primary_care_clinic", L, y, 360)
    b.cell("DENTAL RIDER", None, L + 360, y, 180)
    b.checkbox(L + 372, y + 16, c["dental"] is True, "YES")
    b.checkbox(L + 430, y + 16, c["dental"] is False, "NO")
    b.text(L, 764, "AHP-ENR-GRID   page 1 of 2", size=6.5)
    return b.page


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    y = 36
    b.text(L, y, "PART D. PREMIUM PAYMENT", font=style.label_bold, size=8)
    y += 12
    b.rect(L, y, W, 30)
    b.checkbox(L + 8, y + 10, c["method"] == "bill", "MONTHLY BILL", label_size=7.5)
    b.checkbox(L + 110, y + 10, c["method"] == "eft", "EFT", label_size=7.5)
    b.checkbox(L + 170, y + 10, c["method"] == "ssa", "SOCIAL SECURITY", label_size=7.5)
    b.checkbox(L + 290, y + 10, c["method"] == "rrb", "RAILROAD RETIREMENT BOARD", label_size=7.5)
    y += 30
    b.cell("ACCOUNT HOLDER NAME", "premium_payment.account_holder", L, y, 300)
    b.cell("ACCOUNT TYPE", None, L + 300, y, 240)
    b.checkbox(L + 312, y + 16, c["account_type"] == "checking", "CHECKING")
    b.checkbox(L + 400, y + 16, c["account_type"] == "savings", "SAVINGS")
    y += H
    b.cell("ROUTING NUMBER", "premium_payment.routing_number", L, y, 240)
    b.cell("ACCOUNT NUMBER", "premium_payment.account_number", L + 240, y, 300)
    y += H + 10
    b.text(L, y, "PART E. SIGNATURE", font=style.label_bold, size=8)
    y += 12
    b.text(L, y, "I understand that my signature means I have read this form and that the information is correct.",
           size=7)
    y += 12
    b.rect(L, y, 380, 44)
    b.text(L + 3, y + 2.5, "SIGNATURE OF APPLICANT OR AUTHORIZED REPRESENTATIVE", size=6.5)
    b.signature(rng, L + 10, y + 10, 300, 30)
    b.cell("DATE", "signature.date", L + 380, y, 160, 44)
    y += 44
    b.cell("AUTHORIZED REPRESENTATIVE NAME", "authorized_representative.name", L, y, 270)
    b.cell("RELATIONSHIP TO APPLICANT", "authorized_representative.relationship", L + 270, y, 130)
    b.cell("REP PHONE", "authorized_representative.phone", L + 400, y, 140)
    y += H
    b.cell("REPRESENTATIVE ADDRESS", "authorized_representative.address", L, y, W)
    y += H + 10
    b.rect(L, y, W, 60, width=1.4, fill=(238, 238, 238))
    b.text(L + 4, y + 3, "FOR OFFICE USE ONLY", font=style.label_bold, size=7.5)
    b.text(L + 8, y + 18, "AGENT NAME", size=6.5)
    b.value(L + 12, y + 32, b.val("agent.name"))
    b.text(L + 300, y + 18, "AGENT NPN", size=6.5)
    b.comb(L + 300, y + 30, b.val("agent.npn"), 10, cell_w=16, h=20)
    b.text(L, 764, "AHP-ENR-GRID   page 2 of 2", size=6.5)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
