"""Layout "heldout5": used ONLY for evaluation, never for tuning parsers.

A plain-language questionnaire (think the large-print "easy read" paper
applications some plans mail to members): numbered questions written as full
sentences, running 1-22 across "STEP 1: Tell us about yourself" ... "STEP 5:
Agent/broker use only"; most answers on a line BELOW the question, short ones
after the question on the same line; addresses written on lines with small
captions UNDER them ("Street address", "City", "County", "State", "ZIP
code"); every set of tick boxes stacked vertically; larger sans labels, three
pages. Wordings: "What is your last name?", "What is your first name?",
"Middle initial (if you have one):", "Your date of birth (MM/DD/YYYY)", "Are
you male or female?", "What is the best phone number to reach you?", "Where do
you live?", "Do you get your mail somewhere else?", "Please list your
Medicare number exactly as shown on your red, white and blue card", "When
would you like your coverage to start?", "Which plan do you want to join?",
"Who is your primary care doctor or clinic?", "Whose name is on the
account?", "Signature of applicant", "Today's date", "Your name (authorized
representative)", "How are you related to the applicant?", "Agent/broker
name:", "National Producer Number (NPN):".
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.fonts import text_width
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["build"]

L, R = 54.0, 558.0
MID = 312.0  # left edge of the right column
NUM = 20.0  # the questions' hanging indent (the number sits left of it)
CAPTION = 7.5
PREMIUMS = ("$0", "$39", "$89", "$0", "$59")



def _question(b: PageBuilder, num: str, text: str, x: float, y: float) -> float:
    """The bold number hanging left, the question after it; returns the x where the question ends."""
    s = b.style
    b.text(x, y, f"{num}.", font=s.label_bold)
    b.text(x + NUM, y, text)
    return x + NUM + text_width(text, s.label_font, s.label_size)


def _below(b: PageBuilder, num: str, text: str, path: str | None, x: float, y: float, w: float) -> float:
    """A question with its answer on a line below it (indented under the question); returns the y below."""
    s = b.style
    _question(b, num, text, x, y)
    top = y + s.label_size + 5
    line_y = top + s.value_size + 3
    b.value(x + NUM + 4, top, b.val(path) if path else None)
    b.hline(x + NUM, x + w, line_y)
    return line_y + 12


def _after(b: PageBuilder, num: str, text: str, path: str | None, x: float, y: float, end: float) -> float:
    """A question with its answer after it on the same line; returns the y below."""
    s = b.style
    right = _question(b, num, text, x, y + s.value_size - s.label_size)
    line_y = y + s.value_size + 3
    b.value(right + 8, y, b.val(path) if path else None)
    b.hline(right + 4, end, line_y)
    return line_y + 12


def _captioned(b: PageBuilder, path: str | None, caption: str, x: float, y: float, w: float) -> float:
    """An answer line with a small caption UNDER it; ``y`` is the top of the answer; returns the y below."""
    s = b.style
    line_y = y + s.value_size + 3
    b.value(x + 4, y, b.val(path) if path else None)
    b.hline(x, x + w, line_y)
    b.text(x, line_y + 2, caption, size=CAPTION)
    return line_y + 2 + CAPTION + 9


def _options(b: PageBuilder, x: float, y: float, options: list[tuple[bool, str]]) -> float:
    """Tick boxes stacked one under another; returns the y below the last."""
    for checked, label in options:
        b.checkbox(x, y, checked, label, size=10)
        y += 17
    return y + 4


def _step(b: PageBuilder, y: float, step: int, text: str) -> float:
    """'STEP n: ...' with a thin rule above and a heavy one under it; returns the y below."""
    b.hline(L, R, y, 0.5)
    b.bold(L, y + 5, f"STEP {step}:  {text}", size=12.5)
    b.hline(L, R, y + 24, 2.2)
    return y + 34


def _note(b: PageBuilder, x: float, y: float, text: str) -> float:
    b.text(x, y, text, font="sans-oblique", size=8)
    return y + 13


def _footer(b: PageBuilder, page: int) -> None:
    b.hline(L, R, 750, 0.5)
    b.text(L, 755, "Aspirus Health Plan  -  Medicare Advantage Enrollment Application (plain language edition)  "
                   "AHP-ENR-PL-2027", size=7)
    b.text(R - 54, 755, f"Page {page} of 3", size=7)


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.title(L, 30, "Aspirus Health Plan", 17)
    b.text(L, 52, "Medicare Advantage Enrollment Application", font=style.label_bold, size=11.5)
    b.text(R - 168, 32, "Need help filling this out?", font=style.label_bold, size=8)
    b.text(R - 168, 42, "Call 1-855-711-2500 (TTY 711)", size=8)
    b.text(R - 168, 52, "8 a.m. to 8 p.m., 7 days a week", size=8)
    b.text(L, 70, "Please answer every question unless it says (optional). Print clearly with a blue or black pen.",
           size=8.5)

    y = _step(b, 86, 1, "Tell us about yourself")
    _below(b, "1", "What is your last name?", "applicant.last_name", L, y, MID - 18 - L)
    y = _below(b, "2", "What is your first name?", "applicant.first_name", MID, y, R - MID)
    _after(b, "3", "Middle initial (if you have one):", "applicant.middle_initial", L, y + 6, L + 250)
    y = _below(b, "4", "Your date of birth (MM/DD/YYYY)", "applicant.birth_date", MID, y, 150)
    _question(b, "5", "Are you male or female?", L, y)
    y6 = _below(b, "6", "What is the best phone number to reach you?", "applicant.phone", MID, y, R - MID)
    y = _options(b, L + NUM, y + style.label_size + 6, [(c["sex"] == "M", "Male"), (c["sex"] == "F", "Female")])
    y = max(y, y6)

    _question(b, "7", "Where do you live? Please give your street address. A P.O. Box can't be used here.", L, y)
    y += style.label_size + 6
    y = _captioned(b, "applicant.permanent_address.street", "Street address", L + NUM, y, R - L - NUM)
    _captioned(b, "applicant.permanent_address.city", "City", L + NUM, y, 170)
    _captioned(b, "applicant.permanent_address.county", "County", L + NUM + 182, y, 130)
    _captioned(b, "applicant.permanent_address.state", "State", L + NUM + 324, y, 50)
    y = _captioned(b, "applicant.permanent_address.zip", "ZIP code", L + NUM + 386, y, R - L - NUM - 386)

    _question(b, "8", "Do you get your mail somewhere else? If so, tell us where (a P.O. Box is fine).", L, y)
    y += style.label_size + 6
    y = _captioned(b, "applicant.mailing_address.street", "Street address or P.O. Box", L + NUM, y, R - L - NUM)
    _captioned(b, "applicant.mailing_address.city", "City", L + NUM, y, 250)
    _captioned(b, "applicant.mailing_address.state", "State", L + NUM + 262, y, 60)
    y = _captioned(b, "applicant.mailing_address.zip", "ZIP code", L + NUM + 334, y, R - L - NUM - 334)

    y = _step(b, y + 4, 2, "Tell us about your Medicare")
    y = _below(b, "9", "Please list your Medicare number exactly as shown on your red, white and blue card.",
               "medicare_number", L, y, 300)
    y = _below(b, "10", "When would you like your coverage to start?", "requested_effective_date", L, y, 300)
    y = _note(b, L + NUM, y - 6, "Coverage always starts on the first day of a month.")
    _question(b, "11", "Do you have other health or drug coverage, like TRICARE, VA or a job-based plan? (optional)", L,
              y + 4)
    _options(b, L + NUM, y + style.label_size + 10, [(False, "Yes"), (False, "No")])
    _footer(b, 1)
    return b.page


def _page2(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    y = _step(b, 36, 2, "Tell us about your Medicare (continued)")
    _question(b, "12", "Which plan do you want to join? Check only one.", L, y)
    y += style.label_size + 8
    for i, (plan_id, name) in enumerate(PLANS.items()):
        b.checkbox(L + NUM, y, c["plan"] == plan_id, f"{name}  -  {plan_id}  -  {PREMIUMS[i % 5]} a month", size=10)
        y += 17
    y += 6
    y = _below(b, "13", "Who is your primary care doctor or clinic? (optional)", "primary_care_clinic", L, y,
               R - L - 100)
    y = _note(b, L + NUM, y - 6, "If you leave this blank, we will choose a clinic near your home for you.")
    _question(b, "14", "Would you like to add our optional dental benefit? It has an extra monthly premium.", L, y + 4)
    y = _options(b, L + NUM, y + style.label_size + 10, [(c["dental"] is True, "Yes, add dental coverage"),
                                                          (c["dental"] is False, "No, I don't want dental coverage")])

    y = _step(b, y + 8, 3, "How do you want to pay your premium?")
    _question(b, "15", "Choose one way to pay. If you don't choose, we'll mail you a bill each month.", L, y)
    y = _options(b, L + NUM, y + style.label_size + 8, [
        (c["method"] == "bill", "Mail me a bill every month"),
        (c["method"] == "eft", "Take it out of my bank account automatically each month (answer question 16)"),
        (c["method"] == "ssa", "Take it out of my monthly Social Security check"),
        (c["method"] == "rrb", "Take it out of my monthly Railroad Retirement Board (RRB) check"),
    ])
    _question(b, "16", "If you chose your bank account, tell us about the account:", L, y + 4)
    y += style.label_size + 12
    x = L + NUM
    y = _after(b, "a", "Whose name is on the account?", "premium_payment.account_holder", x, y, R)
    y = _after(b, "b", "Bank routing number (9 digits):", "premium_payment.routing_number", x, y, x + 330)
    y = _after(b, "c", "Bank account number:", "premium_payment.account_number", x, y, x + 330)
    _question(b, "d", "Is it a checking or a savings account?", x, y + 2)
    _options(b, x + NUM, y + style.label_size + 8, [(c["account_type"] == "checking", "Checking"),
                                                    (c["account_type"] == "savings", "Savings")])
    _footer(b, 2)
    return b.page


def _page3(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    y = _step(b, 36, 4, "Please read this and sign below")
    for sentence in (
        "By signing, I agree that: Aspirus Health Plan has a contract with the federal government. I need to keep",
        "my Medicare Part A and Part B. I can only be in one Medicare Advantage plan at a time, and joining this plan",
        "will end my enrollment in any other Medicare health or drug plan. The answers on this form are true.",
        "If someone signs for me, that person has the legal right to do so under the laws of my State.",
    ):
        b.text(L, y, sentence, size=8.5)
        y += 12
    y += 22
    b.signature(rng, L + 10, y - 16, 260, 32)
    b.hline(L, L + 320, y + style.value_size + 3)
    b.text(L, y + style.value_size + 5, "Signature of applicant (or authorized representative)", size=CAPTION)
    y = _captioned(b, "signature.date", "Today's date (MM/DD/YYYY)", L + 350, y, R - L - 350)
    y += 6
    b.text(L, y, "Is someone else signing for the applicant? If you are the applicant's authorized",
           font=style.label_bold)
    b.text(L, y + 13, "representative (like a power of attorney or guardian), answer questions 17 to 20.",
           font=style.label_bold)
    y += 32
    _below(b, "17", "Your name (authorized representative):", "authorized_representative.name", L, y, MID - 18 - L)
    y = _below(b, "18", "How are you related to the applicant?", "authorized_representative.relationship", MID, y,
               R - MID)
    y = _after(b, "19", "Your phone number:", "authorized_representative.phone", L, y, L + 300)
    y = _below(b, "20", "Your address (street, city, state and ZIP code):", "authorized_representative.address", L, y,
               R - L)

    y = _step(b, y + 8, 5, "Agent/broker use only")
    b.rect(L, y - 4, R - L, 78, width=0.8)
    x = L + 8
    y = _after(b, "21", "Agent/broker name:", "agent.name", x, y + 2, R - 10)
    y = _after(b, "22", "National Producer Number (NPN):", "agent.npn", x, y, x + 330)
    b.text(x + NUM, y, "Agency name: ________________________     Date received: ____________", size=8)
    _footer(b, 3)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style), _page3(form, style, rng)]
