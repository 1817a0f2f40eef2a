"""Layout "heldout9": used ONLY for evaluation, never for tuning parsers.

An old-fashioned typewriter / word-processor form (think a small plan's or a
broker agency's Word template, printed in a monospaced font): every item is
NUMBERED ("1." ... "29.", some lettered: "13a.", "18c.", "25d.") and its label
is followed on the same line by a DOTTED LEADER of typed periods that runs to
where the next item starts or to the right margin; the answer is written over
the dots, on the label's line. Several short items share one row ("9. Town
......  10. State ....  11. Zip ......"). Choices are brackets TYPED as text,
never drawn boxes: "[ ] Male  [ ] Female", "( ) Yes  ( ) No", the plan list
("[ ] Aspirus Advantage Plus (HMO-POS) .... H5652-002 .... $38.00 a month"),
the four ways to pay two by two and the account type; a choice is marked by
hand with an X, a check or a blacked-in bracket over the typed brackets.
Section headings are bold capitals with a row of "=" typed under them
("SECTION A - THE ENROLLEE" ... "SECTION D - PAYING THE PREMIUM"), the agent
block's heading "AGENT/BROKER USE ONLY" with a row of "-" and the office
block "OFFICE USE ONLY -- DO NOT WRITE BELOW THIS LINE" under a typed cut
line. Sections A-D on page 1; the optional questions (section E, all
blank), the signature on a dotted line (F), the person signing for the
enrollee (G), the agent block and the office block on page 2. Monospaced 9 pt labels (DejaVu Sans
Mono), bold monospaced headings. Wordings: "Surname of enrollee",
"Enrollee's first name", "Initial", "Birthdate (mo/day/yr)", "Gender:",
"Phone number where we can reach you", "Medicare Claim Number / MBI (from
your red, white & blue card)", "Permanent street address (no P.O. boxes)",
"Town", "State", "Zip", "County", "Mailing address (only if not the same as
above)", "Plan you are enrolling in (mark ONE):", "Start coverage on", "Add
dental ($27.90 a month)?", "Doctor / clinic of choice (optional)",
"Premium payment (mark one).", "Monthly statement in the mail", "Automatic
draft from my bank account (EFT)", "Taken from my Social Security benefit",
"Taken from my Railroad Retirement benefit", "Name on bank account",
"Checking or savings?", "Bank routing #", "Bank account #", "Signature of
enrollee", "Date signed", "If signed by someone else: name", "Their
relationship to you", "Their phone", "Their address", "Selling agent", "Agent
NPN #".
"""

from __future__ import annotations

import random
import re
from typing import Union

from intake.plans import PLANS
from samples.fonts import text_width
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import Checkbox, PageLayout

__all__ = ["build"]

L = 42.0
COLS = 95  # characters across the typed line (9.12 pt monospaced: about 528 pt)
PITCH = 22.0  # a fill-in row's top to the next row's top (room for the handwriting above the dots)
LIST_PITCH = 14.5  # rows of typed choices (the plan list, the ways to pay)
PREMIUMS = ("$0.00", "$38.00", "$86.00", "$0.00", "$58.00")
FORM_NO = "AHP-ENR-W9 (Rev. 10/2026)"
TOKEN = re.compile(r"\[ \]|\( \)")  # a typed choice: "[ ]" or "( )"

#: one item on a row: a fill-in (start column, label, field path or None[, last column of its dots]) or typed
#: choices (start column, text holding "[ ]"/"( )" tokens, whether each token is chosen)
Item = Union[tuple[int, str, Union[str, None]], tuple[int, str, Union[str, None], int], tuple[int, str, list[bool]]]



def _right(b: PageBuilder) -> float:
    s = b.style
    return L + text_width("." * COLS, s.label_font, s.label_size)


def _mark(b: PageBuilder, x: float, y: float, token_w: float, checked: bool, rng: random.Random) -> None:
    """The hand mark over typed brackets starting at ``x`` on a line whose top is ``y`` (nothing when unchosen)."""
    if not checked:
        return
    size = round(rng.uniform(8.5, 10.0), 2)
    cx = x + token_w / 2 + rng.uniform(-0.6, 0.6)
    cy = y + 0.55 * b.style.label_size + rng.uniform(-0.5, 0.5)
    b.page.add(Checkbox(round(cx - size / 2, 2), round(cy - size / 2, 2), size, b.form.mark,
                        mark_ink=b.style.value_ink, shape="bare"))


def _row(b: PageBuilder, y: float, items: list[Item], rng: random.Random, *, x: float = L,
         cols: int = COLS) -> list[tuple[float, float]]:
    """One typed line of items; fill-ins get a dotted leader, written over by their value.

    Returns each fill-in's dotted stretch (x from, x to), in order.
    """
    s = b.style
    line = ""
    runs: list[tuple[int, str]] = []  # (first column, text): each label and each leader is its own run
    fills: list[tuple[int, int, str | None]] = []  # first dot column, last column, path
    marks: list[tuple[int, bool]] = []
    for i, item in enumerate(items):
        col, text, what = item[0], item[1], item[2]
        assert len(line) + (2 if line else 0) <= col, f"item {text!r} starts at column {col}, after {line!r}"
        line = line.ljust(col) + text
        runs.append((col, text))
        if isinstance(what, list):
            tokens = [col + m.start() for m in TOKEN.finditer(text)]
            assert len(tokens) == len(what), text
            marks += list(zip(tokens, what))
            continue
        end = item[3] if len(item) > 3 else (items[i + 1][0] - 2 if i + 1 < len(items) else cols)  # type: ignore[misc]
        line += " "
        assert end - len(line) >= 3, f"no room for the dots after {text!r}"
        fills.append((len(line), end, what))
        runs.append((len(line), "." * (end - len(line))))
        line += runs[-1][1]
    assert len(line) <= cols, f"{line!r} is {len(line)} characters"
    width = lambda n: text_width(line[:n], s.label_font, s.label_size)  # noqa: E731
    for col, text in runs:  # where the typed line puts them (a monospaced line: column x character width)
        b.text(x + width(col), y, text)
    spans = []
    for first, last, path in fills:
        spans.append((x + width(first), x + width(last)))
        if path is not None:
            # written on the dots: the value's baseline a little above the typed line's
            b.value(x + width(first) + 2.0, y + 0.8 * s.label_size - 1.0 - 0.8 * s.value_size, b.val(path))
    for col, checked in marks:
        _mark(b, x + width(col), y, width(col + 3) - width(col), checked, rng)
    return spans


def _section(b: PageBuilder, y: float, text: str, rule: str = "=") -> float:
    """A bold capital heading with a row of ``rule`` characters typed under it; returns the next row's top."""
    s = b.style
    b.text(L, y, text, font=s.label_bold, size=s.label_size)
    n = max(3, round(text_width(text, s.label_bold, s.label_size) / text_width(rule, s.label_font, s.label_size)))
    b.text(L, y + s.label_size + 1.5, rule * n)
    return y + 2 * s.label_size + 11


def _paragraph(b: PageBuilder, y: float, text: str, *, size: float | None = None, indent: int = 0) -> float:
    """Typed text wrapped at the right margin; returns the y below the last line."""
    s = b.style
    size = size or s.label_size - 0.5
    x = L + text_width(" " * indent, s.label_font, size)
    width = _right(b) - x - 4
    line = ""
    for word in text.split():
        trial = f"{line} {word}".strip()
        if line and text_width(trial, s.label_font, size) > width:
            b.text(x, y, line, size=size)
            y += size + 2.6
            line = word
        else:
            line = trial
    if line:
        b.text(x, y, line, size=size)
        y += size + 2.6
    return y


def _centred(b: PageBuilder, y: float, text: str, *, font: str | None = None, size: float | None = None) -> None:
    s = b.style
    font = font or s.label_font
    size = size or s.label_size
    b.text((L + _right(b)) / 2 - text_width(text, font, size) / 2, y, text, font=font, size=size)


def _footer(b: PageBuilder, page: int) -> None:
    s = b.style
    size = 7.5
    b.text(L, 758, FORM_NO, size=size)
    text = f"Page {page} of 2" + ("  -- please turn over" if page == 1 else "")
    b.text(_right(b) - text_width(text, s.label_font, size), 758, text, size=size)


def _leadered(left: str, mid: str, right: str, mid_col: int, cols: int = COLS) -> str:
    """'left .... mid .... right' typed across ``cols`` characters, ``mid`` starting at ``mid_col``."""
    head = f"{left} "
    head += "." * (mid_col - 1 - len(head)) + f" {mid} "
    return head + "." * (cols - len(head) - len(right) - 1) + f" {right}"


# -- page 1 ----------------------------------------------------------------------------------------------------

def _page1(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    right = _right(b)
    b.text(right - text_width(FORM_NO, style.label_font, 7.5), 16, FORM_NO, size=7.5)
    _centred(b, 26, "ASPIRUS HEALTH PLAN", font=style.label_bold, size=13)
    _centred(b, 43, "MEDICARE ADVANTAGE PLAN ENROLLMENT APPLICATION", font=style.label_bold, size=10)
    _centred(b, 56, "Individual enrollment -- plan year 2027", size=9)
    _centred(b, 68, "Return to: Aspirus Health Plan, Medicare Enrollment, P.O. Box 1890, Wausau, WI 54402", size=8)
    _centred(b, 78, "Fax 1-715-787-7328     Questions: 1-855-711-2500 (TTY 711), 8 a.m. - 8 p.m., 7 days", size=8)
    y = _paragraph(b, 94, "INSTRUCTIONS: Please print in ink. Write each answer on the dotted line after its "
                           "item. Put an X in the brackets next to each choice you make. Answer items 1 through 18 "
                           "unless an item says (optional); if something we need is missing, we will call you "
                           "before we can process your enrollment.")

    # SECTION A: the enrollee
    y = _section(b, y + 10, "SECTION A - THE ENROLLEE")
    _row(b, y, [(0, "1. Surname of enrollee", "applicant.last_name"),
                (50, "2. Enrollee's first name", "applicant.first_name")], rng)
    y += PITCH
    _row(b, y, [(0, "3. Initial", "applicant.middle_initial"),
                (18, "4. Birthdate (mo/day/yr)", "applicant.birth_date"),
                (61, "5. Gender:  [ ] Male  [ ] Female", [c["sex"] == "M", c["sex"] == "F"])], rng)
    y += PITCH
    _row(b, y, [(0, "6. Phone number where we can reach you", "applicant.phone")], rng)
    y += PITCH
    _row(b, y, [(0, "7. Medicare Claim Number / MBI (from your red, white & blue card)", "medicare_number")], rng)
    y += PITCH + 4

    # SECTION B: where the enrollee lives
    y = _section(b, y, "SECTION B - WHERE YOU LIVE")
    _row(b, y, [(0, "8. Permanent street address (no P.O. boxes)", "applicant.permanent_address.street")], rng)
    y += PITCH
    _row(b, y, [(0, "9. Town", "applicant.permanent_address.city"),
                (39, "10. State", "applicant.permanent_address.state"),
                (56, "11. Zip", "applicant.permanent_address.zip", 74)], rng)
    y += PITCH
    _row(b, y, [(0, "12. County", "applicant.permanent_address.county", 44)], rng)
    y += PITCH
    _row(b, y, [(0, "13. Mailing address (only if not the same as above)", "applicant.mailing_address.street")], rng)
    y += PITCH
    _row(b, y, [(4, "13a. Town", "applicant.mailing_address.city"),
                (45, "13b. State", "applicant.mailing_address.state"),
                (63, "13c. Zip", "applicant.mailing_address.zip", 82)], rng)
    y += PITCH + 4

    # SECTION C: the plan
    y = _section(b, y, "SECTION C - YOUR PLAN")
    _row(b, y, [(0, "14. Plan you are enrolling in (mark ONE):", [])], rng)
    y += LIST_PITCH + 1
    for i, (plan_id, name) in enumerate(PLANS.items()):
        text = _leadered(f"[ ] {name}", plan_id, f"{PREMIUMS[i % len(PREMIUMS)]} a month", 52 - 4, COLS - 4)
        _row(b, y, [(4, text, [c["plan"] == plan_id])], rng)
        y += LIST_PITCH
    y += PITCH - LIST_PITCH + 2
    _row(b, y, [(0, "15. Start coverage on", "requested_effective_date"),
                (46, "16. Add dental ($27.90 a month)?  ( ) Yes  ( ) No",
                 [c["dental"] is True, c["dental"] is False])], rng)
    y += PITCH
    _row(b, y, [(0, "17. Doctor / clinic of choice (optional)", "primary_care_clinic")], rng)
    y += PITCH + 4

    # SECTION D: the premium
    y = _section(b, y, "SECTION D - PAYING THE PREMIUM")
    _row(b, y, [(0, "18. Premium payment (mark one). If nothing is marked, we will mail you a statement.", [])], rng)
    y += LIST_PITCH + 1
    _row(b, y, [(4, "[ ] Monthly statement in the mail", [c["method"] == "bill"]),
                (48, "[ ] Automatic draft from my bank account (EFT)", [c["method"] == "eft"])], rng)
    y += LIST_PITCH
    _row(b, y, [(4, "[ ] Taken from my Social Security benefit", [c["method"] == "ssa"]),
                (48, "[ ] Taken from my Railroad Retirement benefit", [c["method"] == "rrb"])], rng)
    y += LIST_PITCH + 4
    _row(b, y, [(4, "If you chose the automatic draft, fill in 18a - 18d and attach a voided check.", [])], rng)
    y += PITCH - 2
    _row(b, y, [(0, "18a. Name on bank account", "premium_payment.account_holder")], rng)
    y += PITCH
    _row(b, y, [(0, "18b. Checking or savings?  [ ] Checking  [ ] Savings",
                 [c["account_type"] == "checking", c["account_type"] == "savings"])], rng)
    y += PITCH
    _row(b, y, [(0, "18c. Bank routing #", "premium_payment.routing_number"),
                (40, "18d. Bank account #", "premium_payment.account_number")], rng)
    _footer(b, 1)
    return b.page


# -- page 2 ----------------------------------------------------------------------------------------------------

ATTESTATION = (
    "PLEASE READ BEFORE SIGNING. By signing this application I agree that: Aspirus Health Plan is a Medicare "
    "Advantage plan that contracts with the federal government. I must keep Medicare Part A and Part B. I can be "
    "in only one Medicare Advantage plan at a time, and joining this plan ends my enrollment in any other Medicare "
    "health or drug plan. Except in an emergency or for urgent care, I will get my care from the plan's network. "
    "What I wrote on this form is true to the best of my knowledge. If someone else signs for me, that person is "
    "allowed to do so under the laws of the State where I live and can show proof if Medicare asks."
)


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    right = _right(b)
    b.text(right - text_width(FORM_NO, style.label_font, 7.5), 16, FORM_NO, size=7.5)
    b.text(L, 30, "ASPIRUS HEALTH PLAN -- MEDICARE ADVANTAGE ENROLLMENT APPLICATION (continued)",
           font=style.label_bold, size=9)

    # SECTION E: optional questions, left blank
    y = _section(b, 52, "SECTION E - OPTIONAL QUESTIONS")
    y = _paragraph(b, y, "You do not have to answer items 19 through 22. Leaving them blank will not affect your "
                         "enrollment.")
    y += 6
    _row(b, y, [(0, "19. Other drug coverage (VA, TRICARE, union or employer)?", []),
                (70, "( ) Yes  ( ) No", [False, False])], rng)
    y += LIST_PITCH + 3
    _row(b, y, [(0, "20. Do you live in a nursing home or long-term care facility?", []),
                (70, "( ) Yes  ( ) No", [False, False])], rng)
    y += LIST_PITCH + 3
    _row(b, y, [(0, "21. Mail plan materials in:  [ ] Spanish  [ ] Hmong  [ ] Large print  [ ] Braille  [ ] Audio",
                 [False] * 5)], rng)
    y += PITCH
    _row(b, y, [(0, "22. E-mail address (optional)", None)], rng)
    y += PITCH + 4

    # SECTION F: the signature
    y = _section(b, y, "SECTION F - SIGNATURE")
    y = _paragraph(b, y, ATTESTATION)
    y += 26  # room for the signature above its dotted line
    spans = _row(b, y, [(0, "23. Signature of enrollee", None), (62, "24. Date signed", "signature.date")], rng)
    x0, x1 = spans[0]
    b.signature(rng, x0 + 2, y - 20, x1 - x0 - 10, 26)
    y += PITCH + 8

    # SECTION G: someone signing for the enrollee
    y = _section(b, y, "SECTION G - IF SOMEONE ELSE SIGNED FOR THE ENROLLEE")
    y = _paragraph(b, y, "Fill in 25a - 25e only if you signed above as the enrollee's authorized representative "
                         "(power of attorney, court-appointed guardian or other person allowed by State law).")
    y += 8
    _row(b, y, [(0, "25a. If signed by someone else: name", "authorized_representative.name")], rng)
    y += PITCH
    _row(b, y, [(0, "25b. Their relationship to you", "authorized_representative.relationship")], rng)
    y += PITCH
    _row(b, y, [(0, "25c. Their phone", "authorized_representative.phone"),
                (44, "25d. Legal papers enclosed?  ( ) Yes  ( ) No", [False, False])], rng)
    y += PITCH
    _row(b, y, [(0, "25e. Their address", "authorized_representative.address")], rng)
    y += PITCH + 8

    # the agent block
    y = _section(b, y, "AGENT/BROKER USE ONLY", "-")
    _row(b, y, [(0, "26. Selling agent", "agent.name"), (57, "27. Agent NPN #", "agent.npn")], rng)
    y += PITCH
    _row(b, y, [(0, "28. Agency / FMO", None), (57, "29. Agent phone", None)], rng)
    y += PITCH
    _row(b, y, [(0, "Election period:  [ ] AEP  [ ] OEP  [ ] SEP  [ ] IEP", [False] * 4),
                (57, "Date rec'd by agent", None)], rng)
    y += PITCH + 4

    # the office block, left blank
    b.text(L, y, "- " * (COLS // 2))
    y += 16
    y = _section(b, y, "OFFICE USE ONLY -- DO NOT WRITE BELOW THIS LINE")
    _row(b, y, [(0, "Date received", None), (32, "Application #", None), (64, "Entered by", None)], rng)
    y += PITCH
    _row(b, y, [(0, "Election type:  [ ] ICEP  [ ] AEP  [ ] MA-OEP  [ ] SEP", [False] * 4),
                (58, "SEP code", None)], rng)
    y += PITCH
    _row(b, y, [(0, "Contract/PBP", None), (32, "Effective date", None), (64, "Verified by", None)], rng)
    _footer(b, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style, rng), _page2(form, style, rng)]
