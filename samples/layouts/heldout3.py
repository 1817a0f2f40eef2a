"""Layout "heldout3": used ONLY for evaluation, never for tuning parsers.

A regional-plan style form (think Security Health Plan / Medica paper forms):
label: value pairs in two columns, each label RIGHT-aligned against its value
line in a narrow label column, lettered parts, condensed serif labels.
Wordings: "Surname:", "Given name:", "M.I.:", "Gender:", "Date born:",
"Medicare Beneficiary ID #:", "Street (home):", "City/Town:", "St:", "ZIP+4:",
"Evening phone:", "Send correspondence to (if different):", "Start my coverage
on:", "Enrolling agent:", "Producer ID (NPN):".
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.fonts import text_width
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["build"]

L, R = 36.0, 576.0
LX = 158.0  # right edge of the left column's labels
LEND = 324.0  # end of the left column's value lines
RX = 440.0  # right edge of the right column's labels



def _pair(b: PageBuilder, label: str, path: str | None, right: float, end: float, y: float,
          *, text: str | None = None) -> float:
    """A right-aligned label ending at ``right``, the value line from there to ``end``; returns the y below."""
    s = b.style
    b.text(right - text_width(label, s.label_font, s.label_size), y + s.value_size - s.label_size, label)
    line_y = y + s.value_size + 3
    b.value(right + 6, y, text if path is None else b.val(path))
    b.hline(right + 3, end, line_y)
    return line_y + 10


def _label(b: PageBuilder, label: str, right: float, y: float) -> None:
    """A right-aligned label (for a line of tick boxes) whose baseline sits where a value's would."""
    s = b.style
    b.text(right - text_width(label, s.label_font, s.label_size), y + s.value_size - s.label_size, label)


def _part(b: PageBuilder, y: float, text: str) -> float:
    b.bold(L, y, text, size=10)
    b.hline(L, R, y + 14, 0.8)
    return y + 22


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.rect(L, 26, R - L, 52, width=1.2)
    b.title(L + 8, 32, "ASPIRUS HEALTH PLAN", 14)
    b.text(L + 8, 52, "Individual Enrollment Form - Medicare Advantage Plans", font=style.label_bold, size=9.5)
    b.text(L + 8, 65, "Form AHP-MA-IEF  (rev. 07/2026)", size=7)
    b.text(L + 330, 34, "Return to: Medicare Enrollment", size=7.5)
    b.text(L + 330, 44, "PO Box 1890, Wausau WI 54402", size=7.5)
    b.text(L + 330, 54, "Fax: 1-715-787-7328", size=7.5)
    b.text(L + 330, 64, "Print clearly. Use one letter per space.", size=7.5)
    sex_boxes = style.value_size + 3 - 10  # tick boxes sit on the value line

    y = _part(b, 90, "PART A.  Personal information")
    _pair(b, "Surname:", "applicant.last_name", LX, LEND, y)
    y = _pair(b, "Given name:", "applicant.first_name", RX, R, y)
    _pair(b, "M.I.:", "applicant.middle_initial", LX, LX + 50, y)
    _label(b, "Gender:", RX, y)
    b.checkbox(RX + 8, y + sex_boxes, c["sex"] == "F", "F")
    b.checkbox(RX + 40, y + sex_boxes, c["sex"] == "M", "M")
    y += style.value_size + 13
    _pair(b, "Date born (MM/DD/YYYY):", "applicant.birth_date", LX, LEND, y)
    y = _pair(b, "Evening phone:", "applicant.phone", RX, R, y)

    y = _part(b, y + 6, "PART B.  Where you live")
    y = _pair(b, "Street (home):", "applicant.permanent_address.street", LX, R, y)
    _pair(b, "City/Town:", "applicant.permanent_address.city", LX, LEND, y)
    y = _pair(b, "County:", "applicant.permanent_address.county", RX, R, y)
    _pair(b, "St:", "applicant.permanent_address.state", LX, LX + 60, y)
    y = _pair(b, "ZIP+4:", "applicant.permanent_address.zip", RX, R - 60, y)
    b.text(L, y, "Send correspondence to (if different):")
    b.text(L + 200, y, "A P.O. Box is fine here.", size=7)
    y += 14
    y = _pair(b, "Street or P.O. Box:", "applicant.mailing_address.street", LX, R, y)
    _pair(b, "City/Town:", "applicant.mailing_address.city", LX, LEND, y)
    _pair(b, "St:", "applicant.mailing_address.state", RX - 80, RX - 20, y)
    y = _pair(b, "ZIP+4:", "applicant.mailing_address.zip", RX + 40, R, y)

    y = _part(b, y + 6, "PART C.  Medicare")
    _pair(b, "Medicare Beneficiary ID #:", "medicare_number", LX, LEND, y)
    y = _pair(b, "Start my coverage on:", "requested_effective_date", RX, R, y)
    b.text(L, y, "Coverage starts on the first day of a month. We will write to you if it can't start on that date.",
           size=7.5)
    y += 18

    y = _part(b, y, "PART D.  Plan selection (check one)")
    for plan_id, name in PLANS.items():
        b.checkbox(L + 10, y, c["plan"] == plan_id, f"{name}  -  Plan ID {plan_id}")
        y += 15
    y += 6
    y = _pair(b, "Primary doctor's clinic:", "primary_care_clinic", LX, R, y)
    _label(b, "Dental option:", LX, y)
    b.checkbox(LX + 8, y + sex_boxes, c["dental"] is True, "Add dental (extra premium)")
    b.checkbox(LX + 160, y + sex_boxes, c["dental"] is False, "Decline dental")
    b.text(L, 762, "Aspirus Health Plan   Form AHP-MA-IEF   Side 1", size=6.5)
    return b.page


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    boxes = style.value_size + 3 - 10
    y = _part(b, 36, "PART E.  How you'll pay your premium")
    b.text(L, y, "Pay my monthly premium by (check one):")
    y += 15
    b.checkbox(L + 10, y, c["method"] == "bill", "Paper statement each month")
    b.checkbox(L + 270, y, c["method"] == "eft", "Auto-pay from my bank account (EFT)")
    y += 15
    b.checkbox(L + 10, y, c["method"] == "ssa", "Withholding from my Social Security payment")
    b.checkbox(L + 270, y, c["method"] == "rrb", "Withholding from my Railroad Retirement payment")
    y += 20
    y = _pair(b, "Bank account holder:", "premium_payment.account_holder", LX, R, y)
    _pair(b, "Transit/ABA #:", "premium_payment.routing_number", LX, LEND, y)
    y = _pair(b, "Bank account #:", "premium_payment.account_number", RX, R, y)
    _label(b, "Acct. type:", LX, y)
    b.checkbox(LX + 8, y + boxes, c["account_type"] == "checking", "Checking")
    b.checkbox(LX + 80, y + boxes, c["account_type"] == "savings", "Savings")
    y += style.value_size + 18

    y = _part(b, y, "PART F.  Signature")
    for sentence in (
        "I understand that I must keep Medicare Parts A and B and that I can belong to only one Medicare Advantage",
        "plan at a time. Enrolling in this plan will end my enrollment in any other Medicare health or drug plan.",
        "My signature below means I have read this form and that what I wrote on it is true.",
    ):
        b.text(L, y, sentence, size=7.5)
        y += 10
    y += 16
    _label(b, "Signature of applicant:", LX, y + 8)
    b.signature(rng, LX + 6, y - 6, 200, 28)
    b.hline(LX + 3, LEND + 40, y + style.value_size + 11)
    y = _pair(b, "Date of signature:", "signature.date", RX + 20, R, y + 8)
    b.text(L, y, "If a legal representative (power of attorney, guardian) signed for the applicant:")
    y += 15
    _pair(b, "Name of representative:", "authorized_representative.name", LX, LEND + 42, y)
    y = _pair(b, "Contact phone:", "authorized_representative.phone", RX, R, y)
    y = _pair(b, "Relation to applicant:", "authorized_representative.relationship", LX, LEND + 60, y)
    y = _pair(b, "Address of representative:", "authorized_representative.address", LX, R, y)

    y += 10
    b.rect(L, y, R - L, 46, width=1.0, fill=(236, 236, 236))
    b.text(L + 4, y + 3, "For plan / agent use only", font=style.label_bold, size=8)
    _pair(b, "Enrolling agent:", "agent.name", LX - 40, LEND + 20, y + 18)
    _pair(b, "Producer ID (NPN):", "agent.npn", RX + 10, R - 8, y + 18)
    b.text(L, 762, "Aspirus Health Plan   Form AHP-MA-IEF   Side 2", size=6.5)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
