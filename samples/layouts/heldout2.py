"""Layout "heldout2": used ONLY for evaluation, never for tuning parsers.

A national-carrier style application (think Humana / UnitedHealthcare paper
forms): numbered sections ("Section 1 – Applicant" ... "Section 6 – For
Broker/Agent Use"), small upper-case labels ABOVE underlined value lines in a
two- and three-column grid, comb boxes for the Medicare ID, blank extras a
real form has (Apt/Unit, e-mail, bank name, agency). Wordings: "MEMBER LAST
NAME", "DATE OF BIRTH (MM/DD/YYYY)", "PRIMARY PHONE", "RESIDENCE ADDRESS (NO
P.O. BOX)", "MAILING ADDRESS (IF DIFFERENT FROM ABOVE)", "MEDICARE ID",
"COVERAGE EFFECTIVE DATE REQUESTED", "LICENSED AGENT NAME", "AGENT NPN/WRITING #".
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["build"]

L, R = 36.0, 576.0
W = R - L


def _section(b: PageBuilder, y: float, text: str) -> float:
    """A black rule with the numbered section title under it; returns the y below it."""
    b.hline(L, R, y, 1.8)
    b.bold(L, y + 5, text, size=10.5)
    return y + 24


def _footer(b: PageBuilder, page: int, pages: int) -> None:
    b.hline(L, R, 752, 0.4)
    b.text(L, 758, "Y0042_AHP27MAENR_C   Aspirus Health Plan Medicare Advantage enrollment application", size=6.5)
    b.text(R - 60, 758, f"Page {page} of {pages}", size=6.5)


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.title(L, 30, "Aspirus Health Plan", 15)
    b.text(L, 50, "2027 Medicare Advantage Plan Enrollment Application", font=style.label_bold, size=11)
    b.text(R - 170, 32, "Questions? Call 1-855-711-2500 (TTY 711)", size=6.5)
    b.text(R - 170, 41, "8 a.m. - 8 p.m., 7 days a week", size=6.5)
    b.text(L, 67, "Please print in CAPITAL LETTERS with blue or black ink. Items marked * are required.", size=7.5)
    y = _section(b, 82, "Section 1 – Applicant")
    b.field_above("MEMBER LAST NAME *", "applicant.last_name", L, y, 230)
    b.field_above("FIRST NAME *", "applicant.first_name", L + 245, y, 200)
    y = b.field_above("MIDDLE INITIAL", "applicant.middle_initial", L + 460, y, 80)
    b.field_above("DATE OF BIRTH (MM/DD/YYYY) *", "applicant.birth_date", L, y, 150)
    b.text(L + 165, y, "SEX *")
    b.checkbox(L + 167, y + 15, c["sex"] == "M", "Male")
    b.checkbox(L + 217, y + 15, c["sex"] == "F", "Female")
    b.field_above("PRIMARY PHONE *", "applicant.phone", L + 285, y, 140)
    y = b.field_above("E-MAIL (OPTIONAL)", None, L + 440, y, 100)
    b.field_above("RESIDENCE ADDRESS (NO P.O. BOX) *", "applicant.permanent_address.street", L, y, 430)
    y = b.field_above("APT/UNIT", None, L + 445, y, 95)
    b.field_above("CITY *", "applicant.permanent_address.city", L, y, 190)
    b.field_above("COUNTY", "applicant.permanent_address.county", L + 205, y, 140)
    b.field_above("STATE *", "applicant.permanent_address.state", L + 360, y, 55)
    y = b.field_above("ZIP CODE *", "applicant.permanent_address.zip", L + 430, y, 110)
    b.field_above("MAILING ADDRESS (IF DIFFERENT FROM ABOVE)", "applicant.mailing_address.street", L, y, 250)
    b.field_above("CITY", "applicant.mailing_address.city", L + 265, y, 130)
    b.field_above("STATE", "applicant.mailing_address.state", L + 410, y, 45)
    y = b.field_above("ZIP CODE", "applicant.mailing_address.zip", L + 470, y, 70)

    y = _section(b, y + 4, "Section 2 – Medicare Information")
    b.text(L, y, "MEDICARE ID * (from your red, white and blue Medicare card)")
    b.comb(L, y + 12, b.val("medicare_number"), 11, cell_w=18, h=22)
    b.field_above("COVERAGE EFFECTIVE DATE REQUESTED (MM/DD/YYYY) *", "requested_effective_date", L + 260, y, 250)
    y += 44
    b.text(L, y, "Do you have other health or drug coverage, such as a group plan, VA or TRICARE?", size=7.5)
    b.checkbox(L + 330, y - 1, False, "Yes", label_size=7.5)
    b.checkbox(L + 370, y - 1, False, "No", label_size=7.5)
    y += 20

    y = _section(b, y, "Section 3 – Plan Selection")
    b.text(L, y, "Check ONE plan. Monthly premiums are shown for plan year 2027.", size=7.5)
    y += 14
    premiums = ("$0", "$39", "$89", "$0", "$59")
    for i, (plan_id, name) in enumerate(PLANS.items()):
        col_x = L + (i % 2) * 270
        b.checkbox(col_x + 2, y + (i // 2) * 15, c["plan"] == plan_id, f"{plan_id}  {name}  {premiums[i % 5]}",
                   label_size=7.5)
    y += 15 * ((len(PLANS) + 1) // 2) + 6
    b.field_above("PRIMARY CARE CLINIC OR PCP NAME (OPTIONAL)", "primary_care_clinic", L, y, 300)
    b.text(L + 320, y, "ADD OPTIONAL DENTAL (EXTRA MONTHLY PREMIUM)?")
    b.checkbox(L + 322, y + 15, c["dental"] is True, "Yes, add dental")
    b.checkbox(L + 420, y + 15, c["dental"] is False, "No")
    _footer(b, 1, 2)
    return b.page


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    y = _section(b, 36, "Section 4 – Premium Payment Options")
    b.text(L, y, "Choose one. If you don't choose, we will send you a bill each month.", size=7.5)
    y += 14
    b.checkbox(L + 2, y, c["method"] == "bill", "Monthly coupon book / paper bill")
    b.checkbox(L + 270, y, c["method"] == "eft", "Automatic withdrawal from my bank account (EFT)")
    y += 15
    b.checkbox(L + 2, y, c["method"] == "ssa", "Deduction from my Social Security (SSA) benefit")
    b.checkbox(L + 270, y, c["method"] == "rrb", "Deduction from my Railroad Retirement (RRB) benefit")
    y += 20
    b.text(L, y, "For automatic withdrawal, complete all of the following:", size=7.5)
    y += 12
    b.field_above("ACCOUNT OWNER NAME", "premium_payment.account_holder", L, y, 300)
    y = b.field_above("BANK NAME", None, L + 315, y, 225)
    b.field_above("ROUTING NUMBER (9 DIGITS)", "premium_payment.routing_number", L, y, 180)
    b.field_above("ACCOUNT NUMBER", "premium_payment.account_number", L + 195, y, 200)
    b.text(L + 410, y, "ACCOUNT TYPE")
    b.checkbox(L + 412, y + 15, c["account_type"] == "checking", "Checking")
    b.checkbox(L + 475, y + 15, c["account_type"] == "savings", "Savings")
    y += 44

    y = _section(b, y, "Section 5 – Read and Sign")
    for sentence in (
        "I understand that Aspirus Health Plan contracts with the federal government and that I must keep Medicare",
        "Parts A and B. I can be in only one Medicare Advantage plan at a time. By signing, I confirm that the",
        "information on this application is correct. If signed by an authorized representative, that person is",
        "authorized under State law to complete this enrollment.",
    ):
        b.text(L, y, sentence, size=7.5)
        y += 10
    y += 8
    b.text(L, y, "SIGNATURE OF APPLICANT OR AUTHORIZED REPRESENTATIVE *")
    b.signature(rng, L + 10, y + 8, 300, 28)
    b.hline(L, L + 360, y + 38)
    y = b.field_above("DATE SIGNED (MM/DD/YYYY) *", "signature.date", L + 380, y + 9, 160)
    y += 6
    b.text(L, y, "AUTHORIZED REPRESENTATIVE - complete only if someone signs for the applicant:", font=style.label_bold)
    y += 14
    b.field_above("REPRESENTATIVE NAME", "authorized_representative.name", L, y, 200)
    b.field_above("RELATIONSHIP TO MEMBER", "authorized_representative.relationship", L + 212, y, 175)
    y = b.field_above("PHONE", "authorized_representative.phone", L + 400, y, 140)
    y = b.field_above("ADDRESS (STREET, CITY, STATE, ZIP)", "authorized_representative.address", L, y, W)

    y = _section(b, y + 4, "Section 6 – For Broker/Agent Use")
    b.field_above("LICENSED AGENT NAME", "agent.name", L, y, 220)
    b.field_above("AGENT NPN/WRITING #", "agent.npn", L + 235, y, 150)
    y = b.field_above("AGENCY NAME", None, L + 400, y, 140)
    b.text(L, y, "Plan use only:  Election period   AEP   OEP   SEP   ICEP      Received ________   Entered ________",
           size=7)
    _footer(b, 2, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
