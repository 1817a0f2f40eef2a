"""Layout "cms": modelled on CMS-10718, the Model Individual Enrollment Request Form.

Sections with shaded headings, labels ABOVE underlined value lines, "Last
Name:", "First Name:", "Middle Initial:" side by side, three pages.
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["build"]

L, R = 36.0, 576.0


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.title(L, 34, "Aspirus Health Plan", 15)
    b.text(L, 54, "Medicare Advantage Individual Enrollment Request Form", font=style.label_bold, size=11)
    b.text(L, 70, "Who can use this form? People with Medicare who want to join a Medicare Advantage Plan.", size=7.5)
    b.text(L, 80, "To join a plan, you must be a United States citizen or lawfully present in the U.S. and live in "
                  "the plan service area.", size=7.5)
    y = b.bar(96, "Section 1 - All fields on this page are required (unless marked optional)")
    b.bold(L, y, "Select the plan you want to join:")
    y += 16
    for plan_id, name in PLANS.items():
        b.checkbox(L + 6, y, c["plan"] == plan_id, f"{name}   {plan_id}")
        y += 15
    y += 6
    b.field_above("Last Name:", "applicant.last_name", L, y, 220)
    b.field_above("First Name:", "applicant.first_name", L + 235, y, 190)
    y = b.field_above("Middle Initial:", "applicant.middle_initial", L + 440, y, 100)
    b.field_above("Birth Date: (MM/DD/YYYY)", "applicant.birth_date", L, y, 160)
    b.text(L + 180, y, "Sex:")
    b.checkbox(L + 182, y + 14, c["sex"] == "M", "Male")
    b.checkbox(L + 232, y + 14, c["sex"] == "F", "Female")
    y = b.field_above("Phone Number:", "applicant.phone", L + 300, y, 240)
    y = b.field_above("Permanent Residence street address (Don't enter a PO Box):", "applicant.permanent_address.street",
                      L, y, 540)
    b.field_above("City:", "applicant.permanent_address.city", L, y, 190)
    b.field_above("County:", "applicant.permanent_address.county", L + 200, y, 140)
    b.field_above("State:", "applicant.permanent_address.state", L + 350, y, 60)
    y = b.field_above("ZIP Code:", "applicant.permanent_address.zip", L + 420, y, 120)
    b.text(L, y, "Mailing address, if different from your permanent address (PO Box allowed):")
    y = b.field_above("Street address:", "applicant.mailing_address.street", L, y + 12, 540)
    b.field_above("City:", "applicant.mailing_address.city", L, y, 250)
    b.field_above("State:", "applicant.mailing_address.state", L + 270, y, 80)
    y = b.field_above("ZIP Code:", "applicant.mailing_address.zip", L + 370, y, 170)
    y = b.bar(y + 4, "Your Medicare information:")
    y = b.field_above("Medicare Number:", "medicare_number", L, y, 260)
    b.text(L, y, "Answer these important questions:", font=style.label_bold)
    b.text(L, y + 14, "Will you have other prescription drug coverage (like VA, TRICARE) in addition to this plan?",
           size=7.5)
    b.checkbox(L + 420, y + 13, False, "Yes")
    b.checkbox(L + 470, y + 13, True, "No")
    b.text(L, 760, "CMS-10718 model form adapted by Aspirus Health Plan   Page 1 of 3", size=6.5)
    return b.page


def _page2(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    y = b.bar(36, "Section 1 (continued)")
    y = b.field_above("Requested effective date of coverage (MM/DD/YYYY):", "requested_effective_date", L, y, 260)
    y = b.field_above("Primary care provider (PCP) or clinic name (optional):", "primary_care_clinic", L, y, 400)
    b.bold(L, y, "Optional Dental Rider")
    b.text(L, y + 14, "Do you want to add the optional supplemental dental benefit for an additional premium?")
    b.checkbox(L + 360, y + 13, c["dental"] is True, "Yes")
    b.checkbox(L + 410, y + 13, c["dental"] is False, "No")
    y = b.bar(y + 36, "Paying your plan premium")
    b.text(L, y, "If we determine that you owe a premium, you can pay by one of these options. Select one:", size=7.5)
    y += 16
    b.checkbox(L + 6, y, c["method"] == "bill", "Get a paper bill each month")
    y += 16
    b.checkbox(L + 6, y, c["method"] == "eft", "Electronic funds transfer (EFT) from your bank account each month")
    y += 18
    y = b.field_above("Account holder name:", "premium_payment.account_holder", L + 20, y, 300)
    b.field_above("Bank routing number:", "premium_payment.routing_number", L + 20, y, 200)
    y = b.field_above("Bank account number:", "premium_payment.account_number", L + 240, y, 240)
    b.text(L + 20, y, "Account type:")
    b.checkbox(L + 90, y - 1, c["account_type"] == "checking", "Checking")
    b.checkbox(L + 160, y - 1, c["account_type"] == "savings", "Saving")
    y += 20
    b.checkbox(L + 6, y, c["method"] == "ssa", "Automatic deduction from your monthly Social Security benefit check")
    y += 16
    b.checkbox(L + 6, y, c["method"] == "rrb", "Automatic deduction from your monthly Railroad Retirement Board (RRB) "
                                              "benefit check")
    y = b.bar(y + 24, "Section 2 - All fields in this section are optional")
    b.text(L, y, "Answering these questions is your choice. You can't be denied coverage because you don't fill them out.",
           size=7.5)
    b.text(L, y + 14, "Select one if you want us to send you information in a language other than English:", size=7.5)
    b.checkbox(L + 6, y + 28, False, "Spanish")
    b.checkbox(L + 80, y + 28, False, "Hmong")
    b.text(L, 760, "CMS-10718 model form adapted by Aspirus Health Plan   Page 2 of 3", size=6.5)
    return b.page


def _page3(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    y = b.bar(36, "Read and sign below")
    for sentence in (
        "By completing this enrollment application, I agree to the following: Aspirus Health Plan is a Medicare",
        "Advantage plan and has a contract with the federal government. I will need to keep my Medicare Parts A and B.",
        "I can be in only one Medicare Advantage plan at a time. My signature (or the signature of the person legally",
        "authorized to act on my behalf) on this application means that I have read and understand its contents.",
    ):
        b.text(L, y, sentence, size=7.5)
        y += 11
    y += 14
    b.text(L, y, "Signature:")
    b.signature(rng, L + 10, y + 2, 300, 30)
    b.hline(L, L + 330, y + 36)
    y = b.field_above("Today's Date:", "signature.date", L + 360, y, 180)
    y += 16
    b.text(L, y, "If you're the authorized representative, sign above and fill out these fields:", font=style.label_bold)
    y += 16
    b.field_above("Name:", "authorized_representative.name", L, y, 260)
    y = b.field_above("Phone Number:", "authorized_representative.phone", L + 280, y, 260)
    y = b.field_above("Address:", "authorized_representative.address", L, y, 540)
    y = b.field_above("Relationship to enrollee:", "authorized_representative.relationship", L, y, 260)
    y = b.bar(y + 10, "Office use only")
    b.field_above("Name of staff member/agent/broker (if assisted in enrollment):", "agent.name", L, y, 330)
    y = b.field_above("Agent NPN:", "agent.npn", L + 350, y, 190)
    b.field_above("Plan ID #:", None, L, y, 160)
    b.field_above("Effective date of coverage:", None, L + 180, y, 160)
    y = b.field_above("ICEP/IEP:   AEP:   SEP (type):", None, L + 360, y, 180)
    b.text(L, 760, "CMS-10718 model form adapted by Aspirus Health Plan   Page 3 of 3", size=6.5)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style), _page3(form, style, rng)]
