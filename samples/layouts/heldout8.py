"""Layout "heldout8": used ONLY for evaluation, never for tuning parsers.

A government-style fill-in-the-line form (think an SSA or state-agency paper
form, or a carrier's scannable form): every answer is written ON a plain
horizontal line and its small caption is printed UNDER the line, left-aligned
with it; most rows hold two to four lines of varied widths ("____ ____ __"
over "Last name (family name)", "First name (given name)", "Middle initial (if
any)"). Parts run "Part I — Information about the person applying" ... "Part
VI — Authorized representative", each heading in bold with a thin full-width
rule ABOVE it (no shaded bars). Every choice is a round answer BUBBLE before
its words ("Sex:  ( ) Male  ( ) Female", "( ) Yes  ( ) No"); the question sits
LEFT of its bubbles or ABOVE them (the plan list, one bubble per plan with its
plan ID and monthly premium; the four payment ways two by two). A chosen
bubble is marked as people mark them: an X, a check or filled in. The form
number "Form AHP-EN-08 (rev. 2026)" in the top-right corner and the footer.
Parts I-III on page 1; the optional questions (all blank), the signature,
the representative, a bordered "For licensed agent / broker use" box and a
grey office-use box on page 2. Serif 7 pt captions, serif bold headings.
Wordings: "Last name (family name)", "First name (given name)", "Middle
initial (if any)", "Date of birth (month / day / year)", "Sex:", "Daytime
telephone (include area code)", "Medicare number (as shown on your red, white
and blue card)", "Home street address where you live (not a P.O. box)", "City
or town", "County you live in", "State (abbr.)", "ZIP code (5 digits)",
"Mailing address, if different from home (P.O. box is OK)", "Which plan do
you want to join?", "Preferred start date (month / day / year)", "Primary care
doctor or clinic you want to use (optional)", "Do you want to add the
optional dental rider?", "How do you want to pay your monthly premium?",
"Account owner's name (as printed on your checks)", "Type of account:",
"Routing transit number (9 digits)", "Account number (checking or savings)",
"Signature of person applying (or authorized representative)", "Date (month
/ day / year)", "Name of representative (print)", "Relationship to person
applying", "Representative's telephone", "Representative's mailing address
(number and street, city, state, ZIP)", "Writing broker (print name)", "Broker
NPN".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Union

from intake.plans import PLANS
from samples.fonts import text_width
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import Checkbox, PageLayout

__all__ = ["build"]

L, R = 40.0, 572.0
W = R - L
GAP = 12.0  # space between two lines on one row
ZONE = 17.0  # a row's top to its line (the value is written in this zone)
PITCH = 35.0  # a row's top to the next row's top (the caption sits under the line)
BUBBLE = 8.5  # answer bubble diameter
QSIZE = 8.0  # questions and the words after bubbles
HEAD = 9.5  # part headings
FORM_NO = "Form AHP-EN-08 (rev. 2026)"
PREMIUMS = ("$0.00", "$36.00", "$84.00", "$0.00", "$57.00")

#: one line on a row: (width, caption, field path or None), or (width, drawing function)
Field = Union[tuple[float, str, Union[str, None]], tuple[float, Callable[[PageBuilder, float, float, float], None]]]



def _paragraph(b: PageBuilder, x: float, y: float, text: str, width: float, *, size: float = 7.5,
               font: str | None = None, lead: float = 2.2) -> float:
    """Words wrapped to ``width``; returns the y below the last line."""
    font = font or b.style.label_font
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and text_width(trial, font, size) > width:
            b.text(x, y, line, font=font, size=size)
            y += size + lead
            line = word
        else:
            line = trial
    if line:
        b.text(x, y, line, font=font, size=size)
        y += size + lead
    return y


# -- lines, captions and bubbles --------------------------------------------------------------------------------

def _line(b: PageBuilder, x: float, y: float, w: float, caption: str, path: str | None) -> None:
    """A value written ON a line, its caption under the line; ``y`` is the row's top."""
    s = b.style
    line_y = y + ZONE
    if path is not None:
        b.value(x + 3, line_y - 2.5 - 0.8 * s.value_size, b.val(path))
    b.hline(x, x + w, line_y, 0.6)
    b.text(x, line_y + 1.8, caption)


def _row(b: PageBuilder, y: float, fields: list[Field], *, x: float = L, width: float = W) -> float:
    """Lines side by side (their widths and gaps add up to ``width``); returns the next row's top."""
    start = x
    for field in fields:
        w = field[0]
        if callable(field[1]):
            field[1](b, x, y, w)
        else:
            _line(b, x, y, w, field[1], field[2])  # type: ignore[misc]
        x += w + GAP
    assert abs(x - GAP - (start + width)) < 0.01, f"row widths add up to {x - GAP - start}, not {width}"
    return y + PITCH


def _bubble(b: PageBuilder, x: float, y: float, checked: bool) -> None:
    b.page.add(Checkbox(x, y, BUBBLE, b.form.mark if checked else None, mark_ink=b.style.value_ink, shape="circle"))


def _choices(b: PageBuilder, x: float, y: float, options: list[tuple[str, bool]], *, gap: float = 13.0,
             size: float = QSIZE) -> float:
    """Bubbles, each BEFORE its words, on one line whose words' top is ``y``; returns the x after the last."""
    font = b.style.label_font
    for text, checked in options:
        _bubble(b, x, y + 0.5 * size - BUBBLE / 2, checked)
        b.text(x + BUBBLE + 3.5, y, text, size=size)
        x += BUBBLE + 3.5 + text_width(text, font, size) + gap
    return x - gap


def _ask(b: PageBuilder, x: float, y: float, question: str, options: list[tuple[str, bool]],
         options_x: float | None = None) -> float:
    """A question with its bubbles LEFT to right after it (at ``options_x`` when given); returns the x after."""
    end = x + text_width(question, b.style.label_font, QSIZE)
    b.text(x, y, question, size=QSIZE)
    if options_x is None:
        options_x = end + 9
    assert end + 6 <= options_x, question
    return _choices(b, options_x, y, options)


def _inline(question: str, options: list[tuple[str, bool]]) -> Callable[[PageBuilder, float, float, float], None]:
    """A question and its bubbles standing in a row where a line would be, level with the written values."""

    def draw(b: PageBuilder, x: float, y: float, w: float) -> None:
        ty = y + ZONE - 2.5 - 0.8 * QSIZE
        end = _ask(b, x, ty, question, options)
        assert end <= x + w + 0.5, question

    return draw


def _part(b: PageBuilder, y: float, text: str) -> float:
    """A part heading: a thin full-width rule above bold words; returns the y below."""
    b.hline(L, R, y, 0.6)
    b.text(L, y + 4, text, font=b.style.label_bold, size=HEAD)
    return y + 4 + HEAD + 8


def _corner(b: PageBuilder) -> None:
    """The form number and version in the top-right corner."""
    s = b.style
    b.text(R - text_width(FORM_NO, s.label_bold, 8), 20, FORM_NO, font=s.label_bold, size=8)


def _footer(b: PageBuilder, page: int) -> None:
    s = b.style
    b.hline(L, R, 752, 0.4)
    b.text(L, 756, FORM_NO, font=s.label_bold, size=7)
    code = "Y0108_AHPEN08_C"
    b.text((L + R) / 2 - text_width(code, s.label_font, 6.5) / 2, 756.5, code, size=6.5)
    text = f"Page {page} of 2"
    b.text(R - text_width(text, s.label_font, 7), 756, text, size=7)


# -- page 1 ----------------------------------------------------------------------------------------------------

def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    _corner(b)
    b.text(R - text_width("OMB No. 0938-1378", style.label_font, 7), 31, "OMB No. 0938-1378", size=7)
    b.title(L, 24, "Aspirus Health Plan", 15)
    b.text(L, 44, "Application to Enroll in a Medicare Advantage Plan", font=style.label_bold, size=11.5)
    b.text(L, 60, "Individual enrollment for coverage in plan year 2027", font="serif-italic", size=8)
    b.hline(L, R, 73, 1.4)
    y = _paragraph(b, L, 79, "Please print in ink, one answer on each line, and fill in the bubble next to each "
                             "answer you choose. Complete Parts I, II, III and V; Part IV is optional. If something "
                             "we need is left blank, we will contact you before we can process your enrollment. "
                             "Return this form to Aspirus Health Plan, Attn: Medicare Enrollment, P.O. Box 1890, "
                             "Wausau, WI 54402, or fax it to 1-715-787-7328. Questions? Call 1-855-711-2500 "
                             "(TTY 711), 8 a.m. to 8 p.m., seven days a week.", W)

    # Part I: the person applying
    y = _part(b, y + 8, "Part I  —  Information about the person applying")
    y = _row(b, y, [(214, "Last name (family name)", "applicant.last_name"),
                    (214, "First name (given name)", "applicant.first_name"),
                    (80, "Middle initial (if any)", "applicant.middle_initial")])
    y = _row(b, y, [(140, "Date of birth (month / day / year)", "applicant.birth_date"),
                    (150, _inline("Sex:", [("Male", c["sex"] == "M"), ("Female", c["sex"] == "F")])),
                    (218, "Daytime telephone (include area code)", "applicant.phone")])
    y = _row(b, y, [(250, "Medicare number (as shown on your red, white and blue card)", "medicare_number"),
                    (270, "Personal e-mail address (optional)", None)])
    y = _row(b, y, [(440, "Home street address where you live (not a P.O. box)", "applicant.permanent_address.street"),
                    (80, "Apt. or unit no.", None)])
    y = _row(b, y, [(190, "City or town", "applicant.permanent_address.city"),
                    (134, "County you live in", "applicant.permanent_address.county"),
                    (56, "State (abbr.)", "applicant.permanent_address.state"),
                    (116, "ZIP code (5 digits)", "applicant.permanent_address.zip")])
    y = _row(b, y, [(200, "Mailing address, if different from home (P.O. box is OK)",
                     "applicant.mailing_address.street"),
                    (170, "City or town", "applicant.mailing_address.city"),
                    (50, "State (abbr.)", "applicant.mailing_address.state"),
                    (76, "ZIP code (5 digits)", "applicant.mailing_address.zip")])

    # Part II: the plan
    y = _part(b, y + 6, "Part II  —  The plan you are choosing")
    b.text(L, y, "Which plan do you want to join? Fill in ONE bubble.", size=QSIZE)
    b.text(L + 262, y + 1, "Plan ID", font="serif-italic", size=6.5)
    head = "Premium per month"
    b.text(R - 4 - text_width(head, "serif-italic", 6.5), y + 1, head, font="serif-italic", size=6.5)
    y += 14
    for i, (plan_id, name) in enumerate(PLANS.items()):
        _choices(b, L + 10, y, [(name, c["plan"] == plan_id)])
        b.text(L + 262, y, plan_id, size=QSIZE)
        premium = PREMIUMS[i % len(PREMIUMS)]
        b.text(R - 4 - text_width(premium, style.label_font, QSIZE), y, premium, size=QSIZE)
        y += 14
    y += 4
    y = _row(b, y, [(170, "Preferred start date (month / day / year)", "requested_effective_date"),
                    (350, "Primary care doctor or clinic you want to use (optional)", "primary_care_clinic")])
    opts = L + 440
    _ask(b, L, y, "Do you want to add the optional dental rider? It adds $28.40 to your monthly premium.",
         [("Yes", c["dental"] is True), ("No", c["dental"] is False)], opts)
    y += 15
    _ask(b, L, y, "Will you have other prescription drug coverage (for example VA, TRICARE, a union)?",
         [("Yes", False), ("No", False)], opts)
    y += 15
    _ask(b, L, y, "Do you live in a nursing home or other long-term care facility?", [("Yes", False), ("No", False)],
         opts)
    y += 24

    # Part III: the premium
    y = _part(b, y, "Part III  —  How you will pay your premium")
    y = _paragraph(b, L, y, "How do you want to pay your monthly premium? Fill in one bubble. If you do not choose, "
                            "we will mail you a bill each month.", W, size=QSIZE)
    y += 3
    _choices(b, L + 10, y, [("A paper bill mailed to me each month", c["method"] == "bill")])
    _choices(b, L + 292, y, [("Deducted from my Social Security payment", c["method"] == "ssa")])
    y += 14
    _choices(b, L + 10, y, [("Automatic withdrawal from my checking or savings account", c["method"] == "eft")])
    _choices(b, L + 292, y, [("Deducted from my Railroad Retirement (RRB) payment", c["method"] == "rrb")])
    y += 17
    y = _paragraph(b, L, y, "Automatic withdrawal only: fill in the lines below and attach a voided check. Benefit "
                            "deductions can take up to three months to start.", W,
                   size=7.0, font="serif-italic")
    y += 1
    y = _row(b, y, [(330, "Account owner's name (as printed on your checks)", "premium_payment.account_holder"),
                    (190, _inline("Type of account:", [("Checking", c["account_type"] == "checking"),
                                                       ("Savings", c["account_type"] == "savings")]))])
    y = _row(b, y, [(150, "Routing transit number (9 digits)", "premium_payment.routing_number"),
                    (180, "Account number (checking or savings)", "premium_payment.account_number"),
                    (178, "Financial institution name", None)])
    b.text(R - text_width("Please go on to page 2.", "serif-italic", 7.5), y + 2, "Please go on to page 2.",
           font="serif-italic", size=7.5)
    _footer(b, 1)
    return b.page


# -- page 2 ----------------------------------------------------------------------------------------------------

ATTESTATION = (
    "Please read this before you sign. By signing, I agree that: Aspirus Health Plan is a Medicare Advantage plan "
    "with a contract with the federal government. I must keep both Medicare Part A and Part B to stay in the plan, "
    "and I can be in only one Medicare Advantage plan at a time; joining this plan will end my enrollment in any "
    "other Medicare health or drug plan. I will use the plan's network doctors and clinics, except in an "
    "emergency or when I need urgent care. The answers on this form are true to the best of my knowledge; if I "
    "knowingly give false information, I may be disenrolled. If a representative signs for me, that person is "
    "authorized under the laws of the State where I live to do so and can give proof of this if Medicare asks."
)


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    _corner(b)
    b.text(L, 26, "Aspirus Health Plan  —  Application to Enroll (continued)", font=style.label_bold, size=10.5)
    b.hline(L, R, 43, 1.4)

    # Part IV: optional questions, left blank
    y = _part(b, 58, "Part IV  —  Optional questions")
    y = _paragraph(b, L, y, "You do not have to answer these questions. Your answers will not change whether you "
                            "can join the plan.", W, size=7.5, font="serif-italic")
    y += 3
    b.text(L, y, "Should we send you plan materials in another language or format? Fill in any that apply.", size=QSIZE)
    y += 13
    _choices(b, L + 10, y, [("Spanish", False), ("Hmong", False), ("Large print", False), ("Braille", False),
                            ("Audio CD", False)], gap=18)
    y += 17
    opts = L + 440
    _ask(b, L, y, "Do you or your spouse work and get health coverage through that job?",
         [("Yes", False), ("No", False)], opts)
    y += 17
    _ask(b, L, y, "How would you like us to contact you?", [("Phone call", False), ("Mail", False), ("E-mail", False)],
         L + 260)
    y += 30

    # Part V: the signature
    y = _part(b, y, "Part V  —  Your signature")
    y = _paragraph(b, L, y, ATTESTATION, W, size=7.5, lead=2.6)
    y += 6

    def sign(b: PageBuilder, x: float, y: float, w: float) -> None:
        b.signature(rng, x + 4, y + ZONE - 30, w - 40, 28)
        b.hline(x, x + w, y + ZONE, 0.6)
        b.text(x, y + ZONE + 1.8, "Signature of person applying (or authorized representative)")

    y += 20  # room for the signature above its line
    y = _row(b, y, [(360, sign), (160, "Date (month / day / year)", "signature.date")])
    y += 12

    # Part VI: the authorized representative
    y = _part(b, y, "Part VI  —  Authorized representative")
    y = _paragraph(b, L, y, "Complete this part only if you signed above for the person applying, as their "
                            "authorized representative under the laws of your State (for example, a power of "
                            "attorney or a court-appointed guardian). Attach a copy of your proof of authority.",
                   W, size=7.5, font="serif-italic")
    y += 4
    y = _row(b, y, [(200, "Name of representative (print)", "authorized_representative.name"),
                    (176, "Relationship to person applying", "authorized_representative.relationship"),
                    (132, "Representative's telephone", "authorized_representative.phone")])
    y = _row(b, y, [(W, "Representative's mailing address (number and street, city, state, ZIP)",
                     "authorized_representative.address")])
    y += 14

    # the agent / broker box
    top = y
    inner_x, inner_w = L + 8, W - 16
    b.text(inner_x, y + 5, "For licensed agent / broker use", font=style.label_bold, size=HEAD)
    b.text(inner_x + text_width("For licensed agent / broker use", style.label_bold, HEAD) + 10, y + 6.5,
           "(to be completed by the agent or broker who helped with this application)", font="serif-italic", size=7)
    y += 20
    y = _row(b, y, [(236, "Writing broker (print name)", "agent.name"), (120, "Broker NPN", "agent.npn"),
                    (136, "Broker telephone", None)], x=inner_x, width=inner_w)
    y = _row(b, y, [(236, "Agency or marketing organization", None),
                    (268, _inline("Election period:", [("AEP", False), ("IEP", False), ("OEP", False),
                                                       ("SEP", False)]))], x=inner_x, width=inner_w)
    b.rect(L, top, W, y - top + 2, width=0.8)
    y += 18

    # the office-use box, left blank
    top = y
    box_h = 20 + 2 * PITCH + 4
    b.rect(L, top, W, box_h, width=0.8, fill=(238, 238, 238))
    b.text(inner_x, y + 5, "Office use only  —  do not write in this box", font=style.label_bold, size=8.5)
    y += 20
    y = _row(b, y, [(114, "Received on", None), (144, "Application number", None),
                    (114, "Entered by (initials)", None), (108, "Contract / PBP", None)], x=inner_x, width=inner_w)
    _row(b, y, [(300, _inline("Election type:", [("ICEP", False), ("IEP", False), ("AEP", False), ("OEP", False),
                                                 ("SEP", False)])),
                (204, "SEP code", None)], x=inner_x, width=inner_w)
    _paragraph(b, L, top + box_h + 12, "Keep a copy of this application for your records. After we get it, we "
               "will send you a letter telling you whether you have been enrolled and the date your coverage starts. "
               "Until then, keep using your current Medicare coverage.", W, size=7.5, font="serif-italic")
    _footer(b, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
