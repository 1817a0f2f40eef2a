"""Layout "heldout4": used ONLY for evaluation, never for tuning parsers.

A claim-form style election form (think UB-04 / tax forms, or a third-party
administrator's MA election form): every item is a NUMBERED box ("1", "2",
"19" ...) in full-width rows of boxes of varied widths that share their
borders, the tiny sentence-case label in the box's top-left corner and the
answer written in the box under it; lettered sections on reverse-video
(white on black) bars; the plans in a ruled chart with "Mark", "Plan name",
"Contract-PBP" and "Monthly premium" columns; the payment options lettered
a-d inside one box; blank extras a real form has (alternate phone, e-mail,
name of bank, agency/FMO, plan-use box). Wordings: "Beneficiary last name",
"First", "MI", "DOB (mm/dd/yyyy)", "Gender", "Primary phone", "Home address
(no P.O. Box)", "Town", "Zip code", "Mailing address, if different (P.O. Box
OK)", "MBI", "Proposed effective date", "Preferred provider / clinic", "Name on
bank account", "Bank routing (ABA) no.", "Signature of beneficiary or legal
representative", "Date signed", "Representative full name", "Relationship to
beneficiary", "Rep. daytime phone", "Writing agent", "Agent NPN".
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import Line, PageLayout, Text

__all__ = ["build"]

L, R = 36.0, 576.0
W = R - L
H = 34.0  # height of a one-line box
LABEL = 6.5  # the boxes' label size
WHITE = (255, 255, 255)
PREMIUMS = ("$0.00", "$39.00", "$89.00", "$0.00", "$59.00")


def _box(b: PageBuilder, num: str, label: str, path: str | None, x: float, y: float, w: float, h: float = H) -> None:
    """A numbered box: the item number in bold, the label after it, the answer lower in the box."""
    s = b.style
    b.rect(x, y, w, h, width=0.5)
    b.text(x + 2.5, y + 2, num, font=s.label_bold, size=LABEL)
    b.text(x + 4 + 4.2 * len(num), y + 2, label, size=LABEL)
    if path is not None:
        b.value(x + 5, y + h - s.value_size - 4, b.val(path))


def _row(b: PageBuilder, y: float, boxes: list[tuple[str, str, str | None, float]], h: float = H) -> float:
    """Boxes side by side from the left margin (widths must add up to the frame); returns the y below."""
    x = L
    for num, label, path, w in boxes:
        _box(b, num, label, path, x, y, w, h)
        x += w
    assert abs(x - R) < 0.01, f"row widths add up to {x - L}, not {W}"
    return y + h


def _bar(b: PageBuilder, y: float, letter: str, text: str) -> float:
    """A reverse-video section bar (white letters on black); returns the y below it."""
    b.rect(L, y, W, 14, width=0.5, fill=(35, 35, 35))
    b.page.add(Text(L + 5, y + 2.5, f"{letter}   {text}", b.style.label_bold, 8.5, "label", WHITE))
    return y + 14


def _ticks(b: PageBuilder, x: float, y: float, options: list[tuple[bool, str]], gap: float = 12) -> None:
    """Tick boxes in a row inside a box, starting at (x, y)."""
    for checked, label in options:
        x = b.checkbox(x, y, checked, label, size=8, label_size=7.5) + gap


def _footer(b: PageBuilder, page: int) -> None:
    b.text(L, 760, "Aspirus Health Plan  |  MA Election Form  EF-27  (08/2026)", size=6.5)
    b.text(R - 62, 760, f"Page {page} of 2", size=6.5)


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    # header: title left, a plan-use box right
    b.title(L, 28, "Aspirus Health Plan", 14)
    b.text(L, 46, "Medicare Advantage Election Form  -  Plan Year 2027", font=style.label_bold, size=10)
    b.text(L, 60, "Print in capital letters, one answer per box. Answer every numbered box unless it says optional.",
           size=7)
    b.rect(R - 170, 26, 170, 40, width=0.8)
    b.text(R - 166, 29, "PLAN USE ONLY", font=style.label_bold, size=6)
    b.text(R - 166, 40, "Application no. ______________", size=6)
    b.text(R - 166, 51, "Date stamped  ______________", size=6)

    y = _bar(b, 76, "A", "BENEFICIARY")
    y = _row(b, y, [("1", "Beneficiary last name", "applicant.last_name", 200),
                    ("2", "First", "applicant.first_name", 160),
                    ("3", "MI", "applicant.middle_initial", 40),
                    ("4", "DOB (mm/dd/yyyy)", "applicant.birth_date", 140)])
    _row(b, y, [("5", "Gender", None, 110),
                ("6", "Primary phone", "applicant.phone", 150),
                ("7", "Alternate phone", None, 130),
                ("8", "E-mail (optional)", None, 150)])
    _ticks(b, L + 8, y + 16, [(c["sex"] == "M", "Male"), (c["sex"] == "F", "Female")], gap=8)
    y += H

    y = _bar(b, y + 8, "B", "RESIDENCE")
    y = _row(b, y, [("9", "Home address (no P.O. Box)", "applicant.permanent_address.street", 330),
                    ("10", "Town", "applicant.permanent_address.city", 210)])
    y = _row(b, y, [("11", "County", "applicant.permanent_address.county", 240),
                    ("12", "State", "applicant.permanent_address.state", 90),
                    ("13", "Zip code", "applicant.permanent_address.zip", 210)])
    y = _row(b, y, [("14", "Mailing address, if different (P.O. Box OK)", "applicant.mailing_address.street", 200),
                    ("15", "Town", "applicant.mailing_address.city", 190),
                    ("16", "State", "applicant.mailing_address.state", 50),
                    ("17", "Zip code", "applicant.mailing_address.zip", 100)])

    y = _bar(b, y + 8, "C", "MEDICARE AND PLAN ELECTION")
    y = _row(b, y, [("18", "MBI", "medicare_number", 150),
                    ("19", "Proposed effective date", "requested_effective_date", 120),
                    ("20", "Preferred provider / clinic", "primary_care_clinic", 270)])
    # the plan chart: a ruled table
    b.rect(L, y, W, 14, width=0.5, fill=(225, 225, 225))
    b.text(L + 2.5, y + 3.5, "21", font=style.label_bold, size=LABEL)
    b.text(L + 14, y + 3.5, "Mark", size=LABEL)
    b.text(L + 48, y + 3.5, "Plan name", size=LABEL)
    b.text(L + 300, y + 3.5, "Contract-PBP", size=LABEL)
    b.text(L + 400, y + 3.5, "Monthly premium", size=LABEL)
    y += 14
    for i, (plan_id, name) in enumerate(PLANS.items()):
        b.rect(L, y, W, 16, width=0.5)
        b.checkbox(L + 16, y + 4, c["plan"] == plan_id, size=8)
        b.text(L + 48, y + 4.5, name, size=7.5)
        b.text(L + 300, y + 4.5, plan_id, size=7.5)
        b.text(L + 400, y + 4.5, PREMIUMS[i % len(PREMIUMS)], size=7.5)
        y += 16
    top = y - 16 * len(PLANS) - 14
    for x in (L + 40, L + 292, L + 392):  # the chart's column rules
        b.page.add(Line(x, top, x, y, 0.5))
    y = _row(b, y, [("22", "Optional supplemental dental rider (+$24.60 a month)", None, 300),
                    ("23", "Do you live in a long-term care facility?", None, 240)], h=H)
    _ticks(b, L + 8, y - 15, [(c["dental"] is True, "Yes, add dental"), (c["dental"] is False, "No dental")])
    _ticks(b, L + 308, y - 15, [(False, "Yes"), (False, "No")])

    y = _bar(b, y + 8, "D", "PREMIUM PAYMENT")
    b.rect(L, y, W, 44, width=0.5)
    b.text(L + 2.5, y + 2, "24", font=style.label_bold, size=LABEL)
    b.text(L + 14, y + 2, "Premium payment option (mark one; if none is marked you will be invoiced)", size=LABEL)
    options = [
        ("a", c["method"] == "bill", "Coupon book / monthly invoice"),
        ("b", c["method"] == "eft", "Automatic bank draft (EFT)"),
        ("c", c["method"] == "ssa", "Social Security benefit withholding"),
        ("d", c["method"] == "rrb", "Railroad Retirement benefit withholding"),
    ]
    for i, (letter, checked, label) in enumerate(options):
        x, oy = L + 8 + (i % 2) * 270, y + 14 + (i // 2) * 14
        b.text(x, oy + 1, letter, font=style.label_bold, size=7.5)
        b.checkbox(x + 10, oy, checked, label, size=8, label_size=7.5)
    y += 44
    y = _row(b, y, [("25", "Name on bank account", "premium_payment.account_holder", 240),
                    ("26", "Bank routing (ABA) no.", "premium_payment.routing_number", 120),
                    ("27", "Bank account no.", "premium_payment.account_number", 180)])
    _row(b, y, [("28", "Account type", None, 170), ("29", "Name of bank or credit union", None, 370)])
    _ticks(b, L + 8, y + 16, [(c["account_type"] == "checking", "Checking"),
                              (c["account_type"] == "savings", "Savings")])
    y += H
    _footer(b, 1)
    return b.page


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    y = _bar(b, 36, "E", "OPTIONAL INFORMATION  (you can't be denied coverage for leaving this blank)")
    _row(b, y, [("30", "Send me materials in (language)", None, 250),
                ("31", "Accessible format", None, 290)])
    _ticks(b, L + 8, y + 17, [(False, "Spanish"), (False, "Hmong"), (False, "Other: ________")])
    _ticks(b, L + 258, y + 17, [(False, "Large print"), (False, "Braille"), (False, "Audio CD")])
    y += H

    y = _bar(b, y + 8, "F", "ATTESTATION AND SIGNATURE")
    y += 6
    for sentence in (
        "I understand that I must keep Medicare Parts A and B to stay in this plan, and that I can be in only one",
        "Medicare Advantage plan at a time. Joining this plan ends my enrollment in any other Medicare health or",
        "drug plan. I confirm that the information I gave on this form is true to the best of my knowledge. If a",
        "legal representative signs, that person is authorized under the laws of the State where I live to do so.",
    ):
        b.text(L, y, sentence, size=7.5)
        y += 10
    y += 6
    _row(b, y, [("32", "Signature of beneficiary or legal representative", None, 380),
                ("33", "Date signed", "signature.date", 160)], h=46)
    b.signature(rng, L + 12, y + 10, 300, 32)
    y += 46

    y = _bar(b, y + 8, "G", "AUTHORIZED REPRESENTATIVE  (complete only if signing for the beneficiary)")
    y = _row(b, y, [("34", "Representative full name", "authorized_representative.name", 210),
                    ("35", "Relationship to beneficiary", "authorized_representative.relationship", 180),
                    ("36", "Rep. daytime phone", "authorized_representative.phone", 150)])
    y = _row(b, y, [("37", "Representative address (street, city, state, zip)", "authorized_representative.address",
                     540)])

    y = _bar(b, y + 8, "H", "AGENT / BROKER")
    y = _row(b, y, [("38", "Writing agent", "agent.name", 220),
                    ("39", "Agent NPN", "agent.npn", 130),
                    ("40", "Agency / FMO", None, 190)])
    y += 8
    b.rect(L, y, W, 30, width=0.5, fill=(240, 240, 240))
    b.text(L + 4, y + 3, "Plan use only", font=style.label_bold, size=6.5)
    b.text(L + 4, y + 15, "Election period:   ICEP     AEP     MA-OEP     SEP (code ____)        "
                          "Entered by ________     Date ________", size=6.5)
    _footer(b, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
