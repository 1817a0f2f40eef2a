"""Layout "heldout6": used ONLY for evaluation, never for tuning parsers.

A two-column carrier form (think a regional Blue plan's or a broker-printed
MA application): each part's small bold header is underlined under its own
words only ("PART A — ABOUT YOU", "PART B — YOUR PLAN", "PART C — PAYING
YOUR PREMIUM", "PART D — SIGNATURE", "FOR BROKER/AGENT USE"); under it the
page splits into a left and a right column with a thin rule between them,
each column a stack of rows whose labels end in a colon and are RIGHT-aligned
against a short value underline after them (long labels wrap onto two
right-aligned lines, the value on the second line's row); rows too wide for
a column (clinic, representative's address) run across the page. Every tick
box sits AFTER its words: "M [ ]  F [ ]", "Yes [ ]  No [ ]", and the plan and
payment lists have their boxes at the column's right edge. Parts A-C on page
1; optional questions (all blank), the signature, the representative and the
broker box on page 2. Serif labels, sans bold headers. Wordings: "Legal last name:", "First name:",
"Middle init.:", "Birthdate (mm/dd/yyyy):", "Gender:", "Home phone:",
"Medicare Number (MBI):", "Residential address (no P.O. Box):", "Town or
city:", "State:", "Zip code:", "County of residence:", "Mailing address (if
not above):", "Effective date requested:", "Add optional dental coverage?",
"Primary care clinic or doctor:", "Bill me monthly (coupon book)",
"Automatic bank withdrawal (EFT)", "Deduct from my Social Security check",
"Name(s) on account:", "ABA routing #:", "Account #:", "Applicant
signature:", "Today's date:", "Relationship to applicant:", "Broker name:",
"Writing agent NPN:".
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.fonts import text_width
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import Line, PageLayout

__all__ = ["build"]

L, R = 36.0, 576.0
BOX = 9.0  # tick box size
LEAD = 1.6  # extra space between the lines of a two-line label
PREMIUMS = ("$0", "$42", "$96", "$0", "$61")



def _rlabel(b: PageBuilder, text: str, right: float, y: float, *, size: float | None = None) -> None:
    """One label line whose right edge is at ``right``."""
    s = b.style
    size = size or s.label_size
    b.text(right - text_width(text, s.label_font, size), y, text, size=size)


def _label_lines(b: PageBuilder, label: str, right: float, y: float) -> float:
    """A right-aligned label (lines split at '|') ending on the row of a value written at ``y``.

    Returns the top of the value row (the label's earlier lines sit above it).
    """
    s = b.style
    lines = label.split("|")
    lh = s.label_size + LEAD
    top = y + (len(lines) - 1) * lh  # the value row's top
    base = top + s.value_size - s.label_size  # the last label line sits on the value's baseline
    for i, line in enumerate(lines):
        _rlabel(b, line, right, base - (len(lines) - 1 - i) * lh)
    return top


def _pair(b: PageBuilder, label: str, path: str | None, right: float, end: float, y: float) -> float:
    """Label right-aligned at ``right``, the value on an underline from there to ``end``; returns the y below."""
    s = b.style
    top = _label_lines(b, label, right, y)
    line_y = top + s.value_size + 3
    b.value(right + 7, top, b.val(path) if path else None)
    b.hline(right + 4, end, line_y)
    return line_y + 9


def _boxes_after(b: PageBuilder, x: float, top: float, options: list[tuple[str, bool]], gap: float = 14) -> float:
    """Words each followed by their tick box ("Yes [ ]  No [ ]"), on a value row starting at ``top``."""
    s = b.style
    box_y = top + s.value_size + 3 - BOX - 1  # the boxes stand on the row's (missing) underline
    for text, checked in options:
        b.text(x, box_y + (BOX - s.label_size) / 2, text)
        x += text_width(text, s.label_font, s.label_size) + 3
        b.checkbox(x, box_y, checked, size=BOX)
        x += BOX + gap
    return x


def _ask(b: PageBuilder, label: str, right: float, y: float, options: list[tuple[str, bool]]) -> float:
    """A right-aligned question whose answer is a row of word-then-box options; returns the y below."""
    s = b.style
    top = _label_lines(b, label, right, y)
    _boxes_after(b, right + 8, top, options)
    return top + s.value_size + 12


def _listed(b: PageBuilder, x: float, box_x: float, y: float, checked: bool, lines: list[tuple[str, float]],
            rule_to: float | None = None) -> float:
    """A list entry: its line(s) of text at ``x``, its tick box at ``box_x`` (the column's right edge)."""
    height = sum(size + LEAD for _, size in lines) - LEAD
    ty = y
    for text, size in lines:
        b.text(x, ty, text, size=size)
        ty += size + LEAD
    b.checkbox(box_x, y + (height - BOX) / 2, checked, size=BOX)
    y += height + 5
    if rule_to is not None:
        b.page.add(Line(x, y - 2, rule_to, y - 2, 0.5))
    return y + 1


def _part(b: PageBuilder, x: float, y: float, text: str) -> float:
    """A small bold header underlined under its own words; returns the y below it."""
    s = b.style
    size = 8.5
    b.text(x, y, text, font=s.label_bold, size=size)
    b.hline(x, x + text_width(text, s.label_bold, size), y + size + 2.5, 0.8)
    return y + size + 11


def _rule(b: PageBuilder, x: float, top: float, bottom: float) -> None:
    """The thin vertical rule between the two columns."""
    b.page.add(Line(x, top, x, bottom, 0.5))


def _note(b: PageBuilder, x: float, y: float, text: str, size: float = 7) -> None:
    b.text(x, y, text, font="serif-italic", size=size)


def _footer(b: PageBuilder, page: int) -> None:
    b.hline(L, R, 756, 0.4)
    b.text(L, 760, "AHP-IEA-2C  Rev. 06/2026   Aspirus Health Plan Medicare Advantage individual enrollment", size=6.5)
    _rlabel(b, f"Page {page} of 2", R, 760, size=6.5)


# -- page 1 ---------------------------------------------------------------------------------------------------

C1 = L  # left column
C1R = 270.0  # left column's right edge
GUT1 = 277.0  # the rule between the columns
C2 = 284.0  # right column
LR1 = C1 + 84  # right edge of the left column's labels
LR2 = C2 + 84  # right edge of the right column's labels
P1R = 252.0  # the payment options' column right edge
GUT2 = 259.0
P2 = 266.0
PR2 = P2 + 66  # bank labels' right edge


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    # header: title left, return address right-aligned, a double rule under both
    b.title(L, 28, "Aspirus Health Plan", 15)
    b.text(L, 47, "Individual Enrollment Application  —  Medicare Advantage (Part C)", font=style.label_bold, size=9.5)
    for i, line in enumerate(("Return to: Enrollment Services, PO Box 1890", "Wausau, WI 54402-1890",
                              "Fax 1-715-787-7328   TTY 711", "Plan year 2027")):
        _rlabel(b, line, R, 28 + 9.5 * i, size=7)
    b.hline(L, R, 66, 1.4)
    b.hline(L, R, 69, 0.5)
    _note(b, L, 74, "Print in ink. Complete every line unless it says (optional). Put an X in the box after "
                    "your answer.", size=7.5)

    # PART A: the applicant left, the addresses right
    y = _part(b, L, 92, "PART A — ABOUT YOU")
    top = y
    yl = _pair(b, "Legal last name:", "applicant.last_name", LR1, C1R, y)
    yl = _pair(b, "First name:", "applicant.first_name", LR1, C1R, yl)
    yl = _pair(b, "Middle init.:", "applicant.middle_initial", LR1, LR1 + 34, yl)
    yl = _pair(b, "Birthdate|(mm/dd/yyyy):", "applicant.birth_date", LR1, LR1 + 104, yl)
    yl = _ask(b, "Gender:", LR1, yl, [("M", c["sex"] == "M"), ("F", c["sex"] == "F")])
    yl = _pair(b, "Home phone:", "applicant.phone", LR1, C1R, yl)
    yl = _pair(b, "Medicare Number|(MBI):", "medicare_number", LR1, C1R, yl)
    _note(b, LR1 + 4, yl - 6, "Exactly as on your Medicare card")
    yl += 4

    yr = _pair(b, "Residential address|(no P.O. Box):", "applicant.permanent_address.street", LR2, R, y)
    yr = _pair(b, "Town or city:", "applicant.permanent_address.city", LR2, R, yr)
    _pair(b, "State:", "applicant.permanent_address.state", LR2, LR2 + 34, yr)
    yr = _pair(b, "Zip code:", "applicant.permanent_address.zip", LR2 + 96, LR2 + 168, yr)
    yr = _pair(b, "County of residence:", "applicant.permanent_address.county", LR2, R, yr)
    yr = _pair(b, "Mailing address|(if not above):", "applicant.mailing_address.street", LR2, R, yr + 4)
    yr = _pair(b, "Town or city:", "applicant.mailing_address.city", LR2, R, yr)
    _pair(b, "State:", "applicant.mailing_address.state", LR2, LR2 + 34, yr)
    yr = _pair(b, "Zip code:", "applicant.mailing_address.zip", LR2 + 96, LR2 + 168, yr)
    _note(b, LR2 + 4, yr - 6, "A P.O. Box is fine for mail.")
    yr += 4
    y = max(yl, yr)
    _rule(b, GUT1, top - 2, y - 6)

    # PART B: the plans left (boxes at the right edge), the start date and questions right
    y = _part(b, L, y + 4, "PART B — YOUR PLAN")
    top = y
    b.text(C1, y, "Mark ONE plan. The box is to the right of each plan.", size=7.5)
    yl = y + 14
    for i, (plan_id, name) in enumerate(PLANS.items()):
        yl = _listed(b, C1 + 2, C1R - BOX - 2, yl, c["plan"] == plan_id,
                     [(name, style.label_size), (f"{plan_id}     {PREMIUMS[i % len(PREMIUMS)]} per month", 7)],
                     rule_to=C1R)

    yr = _pair(b, "Effective date|requested:", "requested_effective_date", LR2, LR2 + 104, y)
    _note(b, LR2 + 4, yr - 6, "Coverage begins on the 1st day of a month.")
    yr += 6
    yr = _ask(b, "Add optional dental|coverage?", LR2, yr, [("Yes", c["dental"] is True), ("No", c["dental"] is False)])
    _note(b, LR2 + 8, yr - 7, "Extra monthly premium; see the rider insert.")
    yr += 6
    yr = _ask(b, "Other health or drug|coverage (VA, job)?", LR2, yr, [("Yes", False), ("No", False)])
    yr = _ask(b, "Live in a nursing|home or LTC facility?", LR2, yr, [("Yes", False), ("No", False)])
    y = max(yl, yr)
    _rule(b, GUT1, top - 2, y - 4)

    # too wide for a column: the clinic runs across the page
    y = _pair(b, "Primary care clinic|or doctor:", "primary_care_clinic", LR1, R - 80, y + 4)
    _note(b, LR1 + 4, y - 6, "(optional) If left blank, we will assign a clinic near your home.")

    # PART C: the ways to pay left (boxes at the right edge), the bank account right
    y = _part(b, L, y + 8, "PART C — PAYING YOUR PREMIUM")
    top = y
    b.text(L, y, "If you owe a premium, mark how you will pay.", size=7.5)
    b.text(L, y + 10, "If you mark nothing, we will bill you monthly.", size=7.5)
    yl = y + 26
    for checked, text in ((c["method"] == "bill", "Bill me monthly (coupon book)"),
                          (c["method"] == "eft", "Automatic bank withdrawal (EFT)"),
                          (c["method"] == "ssa", "Deduct from my Social Security check"),
                          (c["method"] == "rrb", "Deduct from my Railroad Retirement check")):
        yl = _listed(b, L + 2, P1R - BOX - 2, yl, checked, [(text, style.label_size)], rule_to=P1R)

    b.text(P2 + 4, y, "For bank withdrawal (EFT) only. Attach a voided check if you can.", size=7.5)
    yr = _pair(b, "Name(s) on|account:", "premium_payment.account_holder", PR2, R, y + 16)
    yr = _pair(b, "ABA routing #:", "premium_payment.routing_number", PR2, PR2 + 140, yr)
    yr = _pair(b, "Account #:", "premium_payment.account_number", PR2, PR2 + 180, yr)
    yr = _ask(b, "Account type:", PR2, yr, [("Checking", c["account_type"] == "checking"),
                                           ("Savings", c["account_type"] == "savings")])
    y = max(yl, yr)
    _rule(b, GUT2, top - 2, y - 4)
    _footer(b, 1)
    return b.page


# -- page 2 ---------------------------------------------------------------------------------------------------

S1R = 300.0  # attestation column's right edge
GUT3 = 307.0
S2 = 314.0
SR2 = S2 + 62  # signature labels' right edge
RR1 = L + 50  # representative / agent labels (left)
RR2 = S2 + 80  # representative / agent labels (right)
OR1 = L + 92  # optional questions' labels (left)
OR2 = S2 + 72  # optional questions' labels (right)

ATTESTATION = (
    "By signing, I agree that: Aspirus Health Plan contracts",
    "with the federal government; I must keep Medicare Part A",
    "and Part B; I can belong to only one Medicare Advantage",
    "plan at a time, and enrolling in this plan ends my",
    "enrollment in any other Medicare health or drug plan. I",
    "release the information on this form to Medicare and my",
    "plan. What I wrote here is true. If an authorized",
    "representative signs, that person may do so under the",
    "laws of the State where I live.",
)


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    b.text(L, 30, "Aspirus Health Plan  —  Individual Enrollment Application (continued)", font=style.label_bold,
           size=9)
    b.hline(L, R, 44, 1.4)
    b.hline(L, R, 47, 0.5)

    # optional questions: two columns of word-then-box answers, blank extras
    y = _part(b, L, 58, "OPTIONAL QUESTIONS")
    _note(b, L + 118, y - 18, "You may leave these blank. Your answers will not affect your enrollment.", size=7.5)
    top = y
    yl = _ask(b, "Send plan mail in|another language?", OR1, y, [("Spanish", False), ("Hmong", False),
                                                                   ("Other", False)])
    yl = _ask(b, "Do you or your spouse|work for an employer?", OR1, yl, [("Yes", False), ("No", False)])
    yr = _ask(b, "Accessible format:", OR2, y, [("Large print", False), ("Braille", False), ("Audio", False)])
    yr = _pair(b, "E-mail (optional):", None, OR2, R, yr)
    y = max(yl, yr)
    _rule(b, GUT3, top - 2, y - 4)

    # PART D: what the applicant agrees to left, the signature right
    y = _part(b, L, y + 8, "PART D — SIGNATURE")
    top = y
    yl = y
    for line in ATTESTATION:
        b.text(L, yl, line, size=7.5)
        yl += 10
    yr = y + 18
    _label_lines(b, "Applicant|signature:", SR2, yr)
    sig_top = yr + style.label_size + LEAD
    b.signature(rng, SR2 + 2, sig_top - 5, R - SR2 - 8, 24)
    b.hline(SR2 + 4, R, sig_top + style.value_size + 3)
    yr = sig_top + style.value_size + 12
    yr = _pair(b, "Today's date:", "signature.date", SR2, SR2 + 110, yr + 2)
    y = max(yl, yr)
    _rule(b, GUT3, top - 2, y - 4)

    # the authorized representative: two columns, the address across the page
    y += 10
    b.text(L, y, "If signed by an authorized representative (power of attorney, guardian), complete:",
           font=style.label_bold, size=8)
    y += 16
    top = y
    yl = _pair(b, "Name:", "authorized_representative.name", RR1, S1R, y)
    yl = _pair(b, "Phone:", "authorized_representative.phone", RR1, S1R - 60, yl)
    yr = _pair(b, "Relationship to|applicant:", "authorized_representative.relationship", RR2, R, y)
    y = max(yl, yr)
    _rule(b, GUT3, top - 2, y - 4)
    y = _pair(b, "Address:", "authorized_representative.address", RR1, R, y)

    # the broker box
    y = _part(b, L, y + 10, "FOR BROKER/AGENT USE")
    b.rect(L, y - 4, R - L, 62, width=0.8)
    top = y
    yl = _pair(b, "Broker name:", "agent.name", RR1 + 12, S1R, y + 2)
    _pair(b, "Agency:", None, RR1 + 12, S1R, yl)
    yr = _pair(b, "Writing agent NPN:", "agent.npn", RR2, R - 8, y + 2)
    _pair(b, "Date received:", None, RR2, R - 8, yr)
    _rule(b, GUT3, top - 4, top + 58)
    _footer(b, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
