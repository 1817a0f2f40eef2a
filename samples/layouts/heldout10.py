"""Layout "heldout10": used ONLY for evaluation, never for tuning parsers.

A SCANNABLE ICR/OMR form, the kind a plan's print vendor makes for machine
data capture: black square registration marks in the four page corners, a
column of short black timing marks down the left margin, a printed bar code
over the form id "AHP-ENR-ICR 2027 v3   Page 1 of 2" at the top right, and a
boxed instruction at the top ("PRINT IN CAPITAL LETTERS, ONE LETTER OR NUMBER
PER BOX, IN BLACK OR BLUE INK. ...", "Fill in the bubble completely:" with a
printed solid bubble). Most answers are hand-printed in COMB boxes, one
capital letter or digit per box, left-justified, a space as an empty box,
under a label in small bold condensed capitals ABOVE the comb and
left-aligned with it: last name (18 boxes), first name (14), MI (1), street
(26), county (10), city (18), state (2), ZIP (5, a printed "-", 4 more left
empty), Medicare number (11), e-mail (32, always blank), phones as groups of
3, 3 and 4 boxes with "(", ")" and "-" PRINTED between them, dates as MM, DD
and YYYY groups with PRINTED slashes between them (birth date, effective
date, signature date), account holder (24), routing (9), account (17),
representative name (22) and relationship (18), agent NPN (10). Only the
signature, the PCP / clinic, the representative's address and the agent's
name are written on a plain underline under their label. Every choice is a
round OMR BUBBLE BEFORE its words, filled in when chosen: mostly solid,
sometimes a partial (off-centre) fill or a scribble, and now and then the
applicant's habitual X or check inside the bubble. Sections are numbered on
a light grey band, the number white in a black square: "1  APPLICANT", "2
PLAN SELECTION" (with optional questions, all blank) on page 1; "3  PREMIUM
PAYMENT", "4  SIGNATURE", "5  AUTHORIZED REPRESENTATIVE", "6  AGENT / BROKER
USE ONLY", "7  FOR PLAN USE ONLY" (its combs and bubbles blank) on page 2.
Bold condensed sans 6.5 pt labels (DejaVu Sans Condensed Bold), regular sans
option words and notes. Wordings: "LAST NAME", "FIRST NAME", "MI", "DATE OF
BIRTH (MM/DD/YYYY)", "SEX" ("MALE", "FEMALE"), "HOME PHONE", "MEDICARE
NUMBER (MBI)", "PERMANENT RESIDENCE ADDRESS (NO P.O. BOX)", "COUNTY", "CITY",
"ST", "ZIP CODE", "MAILING ADDRESS IF DIFFERENT (P.O. BOX OK)", "FILL IN ONE
BUBBLE FOR THE PLAN YOU WANT TO JOIN" ("CONTRACT-PBP", "MONTHLY PREMIUM"),
"EFFECTIVE DATE (MM/DD/YYYY)", "ADD OPTIONAL DENTAL (+$31.20 A MONTH)",
"PRIMARY CARE PHYSICIAN OR CLINIC (OPTIONAL)", "PAYMENT OPTION", "MONTHLY
BILL (COUPON BOOK)", "ELECTRONIC FUNDS TRANSFER (EFT) FROM MY BANK ACCOUNT",
"SOCIAL SECURITY BENEFIT DEDUCTION", "RAILROAD RETIREMENT BOARD (RRB)
BENEFIT DEDUCTION", "NAME OF ACCOUNT HOLDER", "ACCOUNT TYPE" ("CHECKING",
"SAVINGS"), "ROUTING NUMBER", "ACCOUNT NUMBER", "APPLICANT SIGNATURE", "DATE
(MM/DD/YYYY)", "REPRESENTATIVE NAME", "REPRESENTATIVE PHONE", "RELATIONSHIP
TO APPLICANT", "REPRESENTATIVE ADDRESS (STREET, CITY, STATE, ZIP)", "AGENT
NAME", "AGENT NPN".
"""

from __future__ import annotations

import random

from intake.plans import PLANS
from samples.fonts import text_width
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import BLACK, Checkbox, Line, PageLayout, Rect, Text

__all__ = ["build"]

L, R = 46.0, 568.0
W = R - L
CELL = 14.0  # a comb box's width
BOX_H = 17.0  # a comb box's height
SEP = 8.0  # room for a printed separator between two comb groups ("/", "-", "(", ")")
DROP = 9.0  # a row's top (its label) to the top of its boxes
PITCH = 34.0  # a row's top to the next row's top
GAP = 14.0  # space between two fields on a row
BUBBLE = 9.5  # OMR bubble diameter
BODY = "sans"  # notes, option words and paragraphs
GREY: tuple[int, int, int] = (218, 218, 218)
WHITE: tuple[int, int, int] = (255, 255, 255)
FORM_ID = "AHP-ENR-ICR 2027 v3"
PREMIUMS = ("$0.00", "$34.00", "$82.00", "$0.00", "$61.00")

#: how many boxes a comb has, or its groups with the separators printed between them ("#" is a box)
NAME, FIRST, STREET, CITY, COUNTY = "#" * 18, "#" * 14, "#" * 26, "#" * 18, "#" * 10
DATE, PHONE, ZIP = "##/##/####", "(###)###-####", "#####-####"



def _combtext_width(spec: str) -> float:
    return sum(CELL if ch == "#" else SEP for ch in spec)


# -- marks of a scannable form ------------------------------------------------------------------------------

def _solid(b: PageBuilder, x: float, y: float, w: float, h: float, ink=BLACK) -> None:
    b.page.add(Rect(x, y, w, h, 0.4, ink, ink))


def _scan_marks(b: PageBuilder, page: int) -> None:
    """Registration squares in the corners, timing marks down the left margin, the bar code and form id."""
    for x, y in ((18, 18), (583, 18), (18, 763), (583, 763)):
        _solid(b, x, y, 11, 11)
    y = 58.0
    while y < 740:
        _solid(b, 20, y, 10, 3.2)
        y += 20.0
    # a bar code of the form id and page (deterministic: the same on every copy of the form)
    code = f"{FORM_ID}-{page}"
    bits = "".join(format(ord(ch) * 7 % 97 + 16, "07b") for ch in code)
    x = R - 128.0
    for i, bit in enumerate(bits):
        if i % 2 == 0:  # every other element is a bar, the others are spaces
            w = 1.6 if bit == "1" else 0.8
            _solid(b, round(x, 2), 19, w, 12)
            x += w
        else:
            x += 1.4 if bit == "1" else 0.8
        if x > R - 2:
            break
    text = f"{FORM_ID}   Page {page} of 2"
    b.text(R - text_width(text, BODY, 7), 34, text, font=BODY, size=7)


def _footer(b: PageBuilder, page: int) -> None:
    b.hline(L, R, 742, 0.5)
    b.text(L, 746, FORM_ID, size=6.5)
    middle = "Y0108_AHPICR27_M     DO NOT FOLD, STAPLE OR WRITE OUTSIDE THE BOXES"
    b.text((L + R) / 2 - text_width(middle, BODY, 6.5) / 2, 746, middle, font=BODY, size=6.5)
    text = f"PAGE {page} OF 2"
    b.text(R - text_width(text, b.style.label_font, 6.5), 746, text, size=6.5)


def _section(b: PageBuilder, y: float, number: int, text: str) -> float:
    """A numbered heading on a light grey band, the number white in a black square; returns the y below."""
    s = b.style
    b.page.add(Rect(L, y, W, 14, 0.4, GREY, GREY))
    _solid(b, L, y, 14, 14)
    num = str(number)
    b.page.add(Text(L + 7 - text_width(num, s.label_bold, 8.5) / 2, y + 3, num, s.label_bold, 8.5, "label", WHITE))
    b.text(L + 20, y + 3, text, font=s.label_bold, size=8.5)
    return y + 20


def _paragraph(b: PageBuilder, x: float, y: float, text: str, width: float, *, size: float = 7.0,
               font: str = BODY, lead: float = 2.2) -> float:
    """Words wrapped to ``width``; returns the y below the last line."""
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


# -- comb boxes ---------------------------------------------------------------------------------------------

def _comb(b: PageBuilder, x: float, y: float, spec: str, text: str | None, rng: random.Random, *,
          digits: bool = False) -> float:
    """Character boxes along ``spec`` (``#`` a box, anything else a printed separator) with the text written
    one character per box, left-justified; returns the x after the comb.

    ``digits``: the comb takes letters and digits only (the form prints the punctuation); otherwise a space
    is an empty box. A text longer than the comb runs on past its end (never cut: the truth keeps it).
    """
    s = b.style
    boxes: list[float] = []
    cx = x
    group_start = None
    for ch in spec + " ":
        if ch == "#":
            if group_start is None:
                group_start = cx
            boxes.append(cx)
            cx += CELL
            continue
        if group_start is not None:  # close the group: its outline and the walls between its boxes
            b.page.add(Rect(group_start, y, cx - group_start, BOX_H, 0.75))
            wall = group_start + CELL
            while wall < cx - 0.5:
                b.page.add(Line(wall, y, wall, y + BOX_H, 0.7))
                wall += CELL
            group_start = None
        if ch != " ":
            size = 10.0 if ch in "()" else 11.0
            b.text(cx + SEP / 2 - text_width(ch, BODY, size) / 2, y + (BOX_H - 0.95 * size) / 2, ch, font=BODY,
                   size=size)
            cx += SEP
    if not text:
        return cx
    chars = [ch for ch in text if ch.isalnum()] if digits else list(" ".join(text.split()))
    while len(boxes) < len(chars):
        boxes.append(boxes[-1] + CELL)
    size = min(s.value_size, 11.0)
    for ch, left in zip(chars, boxes):
        if ch == " ":
            continue
        dx = dy = 0.0
        if s.hand:  # hand printing is never quite centred
            dx, dy = rng.uniform(-0.9, 0.9), rng.uniform(-0.8, 0.8)
        px = left + (CELL - text_width(ch, s.value_font, size)) / 2 + dx
        py = y + BOX_H / 2 - 0.45 * size + dy
        b.page.add(Text(round(px, 2), round(py, 2), ch, s.value_font, size, "value", s.value_ink, s.hand))
    return cx


def _field(b: PageBuilder, x: float, y: float, label: str, spec: str, path: str | None, rng: random.Random, *,
           digits: bool = False) -> float:
    """A small-capital label above its comb, left-aligned with it; returns the x after the comb."""
    b.text(x, y, label)
    return _comb(b, x, y + DROP, spec, b.val(path) if path else None, rng, digits=digits)


def _line_field(b: PageBuilder, x: float, y: float, label: str, path: str | None, w: float) -> None:
    """A label above a plain underline that the answer is written on."""
    s = b.style
    line_y = y + DROP + BOX_H
    b.text(x, y, label)
    if path:
        b.value(x + 3, line_y - 2.5 - 0.8 * s.value_size, b.val(path))
    b.hline(x, x + w, line_y, 0.6)


# -- OMR bubbles --------------------------------------------------------------------------------------------

def _rings(b: PageBuilder, cx: float, cy: float, outer: float, inner: float, ink) -> None:
    """Close concentric rings (no mark of their own) that fill the band between two radii with ink."""
    r = outer
    while r >= inner:
        b.page.add(Checkbox(round(cx - r, 2), round(cy - r, 2), round(2 * r, 2), None, ink=ink, shape="circle"))
        r -= 0.45


def _bubble(b: PageBuilder, x: float, y: float, checked: bool, how: str, rng: random.Random) -> None:
    """An OMR bubble whose top-left is (x, y); a chosen one is marked the way ``how`` says."""
    if not checked:
        b.page.add(Checkbox(x, y, BUBBLE, None, shape="circle"))
        return
    ink = b.style.value_ink
    if how in ("x", "check"):  # the applicant's own habit, whatever the instructions say
        b.page.add(Checkbox(x, y, BUBBLE, how, mark_ink=ink, shape="circle"))
        return
    kind = "solid" if how == "solid" else rng.choices(["solid", "partial", "scribble"], [0.7, 0.15, 0.15])[0]
    cx, cy = x + BUBBLE / 2, y + BUBBLE / 2
    if kind == "solid":  # pencil filled to the printed ring, sometimes a little past it
        b.page.add(Checkbox(x, y, BUBBLE, "fill", mark_ink=ink, shape="circle"))
        dx, dy = (rng.uniform(-0.35, 0.35), rng.uniform(-0.35, 0.35)) if how != "solid" else (0.0, 0.0)
        outer = BUBBLE / 2 - 0.4 + (rng.choice([0.0, 0.0, 0.5]) if how != "solid" else 0.0)
        _rings(b, cx + dx, cy + dy, outer, 0.34 * BUBBLE, ink)
        return
    b.page.add(Checkbox(x, y, BUBBLE, None, shape="circle"))
    if kind == "partial":  # filled most of the way, off centre
        r = BUBBLE / 2 * rng.uniform(0.62, 0.78)
        slack = BUBBLE / 2 - r
        ox, oy = rng.uniform(-slack, slack) * 0.8, rng.uniform(-slack, slack) * 0.8
        b.page.add(Checkbox(round(cx + ox - r, 2), round(cy + oy - r, 2), round(2 * r, 2), "fill", ink=ink,
                            mark_ink=ink, shape="circle"))
        _rings(b, cx + ox, cy + oy, r - 0.45, 0.3 * r, ink)
        return
    # a scribble: a quick zigzag across the bubble over a small blot
    blot = BUBBLE * 0.45
    b.page.add(Checkbox(round(cx - blot / 2 + rng.uniform(-1, 1), 2), round(cy - blot / 2 + rng.uniform(-1, 1), 2),
                        round(blot, 2), "fill", ink=ink, mark_ink=ink, shape="circle"))
    width = rng.choice([0.8, 1.0, 1.2])
    n = rng.randint(7, 10)
    top, bottom = y + rng.uniform(-0.3, 1.2), y + BUBBLE - rng.uniform(-0.3, 1.2)
    prev = (x + rng.uniform(0.0, 1.5), top)
    for i in range(1, n + 1):
        px = x + (BUBBLE + rng.uniform(-0.5, 1.0)) * i / n
        py = bottom if i % 2 else top
        py += rng.uniform(-0.6, 0.6)
        b.page.add(Line(round(prev[0], 2), round(prev[1], 2), round(px, 2), round(py, 2), width, ink))
        prev = (px, py)


def _choices(b: PageBuilder, x: float, y: float, options: list[tuple[str, bool]], how: str, rng: random.Random,
             *, size: float = 7.5, gap: float = 14.0) -> float:
    """Bubbles, each BEFORE its words, on a line whose words' top is ``y``; returns the x after the last."""
    for text, checked in options:
        _bubble(b, x, y + 0.42 * size - BUBBLE / 2, checked, how, rng)
        b.text(x + BUBBLE + 4, y, text, font=BODY, size=size)
        x += BUBBLE + 4 + text_width(text, BODY, size) + gap
    return x - gap


def _inline(b: PageBuilder, x: float, y: float, label: str, options: list[tuple[str, bool]], how: str,
            rng: random.Random) -> float:
    """A label above bubbles that sit level with the combs of its row."""
    b.text(x, y, label)
    return _choices(b, x + 2, y + DROP + BOX_H / 2 - 0.42 * 7.5, options, how, rng)


def _marking(form: FormData, style: Style, rng: random.Random) -> str:
    """How this applicant marks bubbles: filled in (pencil-like, some imperfect), or by habit an X or check."""
    if not style.hand:
        return "solid"  # typed into the form on a computer: every bubble filled the same way
    if rng.random() < 0.12 and form.mark in ("x", "check"):
        return form.mark
    return "pencil"


# -- page 1 ----------------------------------------------------------------------------------------------------

def _instructions(b: PageBuilder, y: float) -> float:
    b.rect(L, y, W, 28, width=0.9)
    b.text(L + 6, y + 4.5, "PRINT IN CAPITAL LETTERS, ONE LETTER OR NUMBER PER BOX, IN BLACK OR BLUE INK. "
                           "LEAVE A BOX EMPTY FOR A SPACE.", size=7.2)
    first = "Fill in the bubble completely:"
    b.text(L + 6, y + 16, first, font=BODY, size=7)
    bx = L + 6 + text_width(first, BODY, 7) + 5
    b.page.add(Checkbox(bx, y + 15.2, BUBBLE, None, shape="circle"))
    _rings(b, bx + BUBBLE / 2, y + 15.2 + BUBBLE / 2, BUBBLE / 2 - 0.4, 0.3, BLACK)
    rest = "Do not use X or check marks.  Return to Aspirus Health Plan, P.O. Box 1890, Wausau, WI 54402."
    b.text(bx + BUBBLE + 6, y + 16, rest, font=BODY, size=7)
    return y + 28


def _page1(form: FormData, style: Style, rng: random.Random, how: str) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    _scan_marks(b, 1)
    b.title(L, 21, "ASPIRUS HEALTH PLAN", 13)
    b.text(L, 38, "MEDICARE ADVANTAGE PLAN ENROLLMENT APPLICATION  -  PLAN YEAR 2027", font=style.label_bold,
           size=8.5)
    y = _instructions(b, 52)

    # 1 the applicant
    y = _section(b, y + 7, 1, "APPLICANT")
    x = _field(b, L, y, "LAST NAME", NAME, "applicant.last_name", rng)
    x = _field(b, x + GAP, y, "FIRST NAME", FIRST, "applicant.first_name", rng)
    _field(b, x + GAP, y, "MI", "#", "applicant.middle_initial", rng)
    y += PITCH
    x = _field(b, L, y, "DATE OF BIRTH (MM/DD/YYYY)", DATE, "applicant.birth_date", rng, digits=True)
    x = _inline(b, x + GAP + 4, y, "SEX", [("MALE", c["sex"] == "M"), ("FEMALE", c["sex"] == "F")], how, rng)
    _field(b, x + GAP + 8, y, "HOME PHONE", PHONE, "applicant.phone", rng, digits=True)
    y += PITCH
    x = _field(b, L, y, "MEDICARE NUMBER (MBI)", "#" * 11, "medicare_number", rng, digits=True)
    b.text(x + GAP, y + DROP + 1, "Copy the 11 letters and numbers from your red, white and blue Medicare card.",
           font=BODY, size=6.5)
    b.text(x + GAP, y + DROP + 9.5, "Do not write your Social Security number here.", font=BODY, size=6.5)
    y += PITCH
    x = _field(b, L, y, "PERMANENT RESIDENCE ADDRESS (NO P.O. BOX)", STREET, "applicant.permanent_address.street",
               rng)
    _field(b, x + GAP, y, "COUNTY", COUNTY, "applicant.permanent_address.county", rng)
    y += PITCH
    x = _field(b, L, y, "CITY", CITY, "applicant.permanent_address.city", rng)
    x = _field(b, x + GAP, y, "ST", "##", "applicant.permanent_address.state", rng)
    _field(b, x + GAP, y, "ZIP CODE", ZIP, "applicant.permanent_address.zip", rng, digits=True)
    y += PITCH
    _field(b, L, y, "MAILING ADDRESS IF DIFFERENT (P.O. BOX OK)", STREET, "applicant.mailing_address.street", rng)
    y += PITCH
    x = _field(b, L, y, "CITY", CITY, "applicant.mailing_address.city", rng)
    x = _field(b, x + GAP, y, "ST", "##", "applicant.mailing_address.state", rng)
    _field(b, x + GAP, y, "ZIP CODE", ZIP, "applicant.mailing_address.zip", rng, digits=True)
    y += PITCH
    _field(b, L, y, "E-MAIL ADDRESS (OPTIONAL)", "#" * 32, None, rng)
    y += PITCH

    # 2 the plan
    y = _section(b, y + 4, 2, "PLAN SELECTION")
    b.text(L, y, "FILL IN ONE BUBBLE FOR THE PLAN YOU WANT TO JOIN")
    b.text(L + 300, y, "CONTRACT-PBP")
    b.text(R - text_width("MONTHLY PREMIUM", style.label_font, style.label_size), y, "MONTHLY PREMIUM")
    y += 12
    for i, (plan_id, name) in enumerate(PLANS.items()):
        _choices(b, L + 4, y, [(name, c["plan"] == plan_id)], how, rng, size=8)
        b.text(L + 300, y, plan_id, font=BODY, size=8)
        premium = PREMIUMS[i % len(PREMIUMS)]
        b.text(R - text_width(premium, BODY, 8), y, premium, font=BODY, size=8)
        y += 15
    y += 4
    x = _field(b, L, y, "EFFECTIVE DATE (MM/DD/YYYY)", DATE, "requested_effective_date", rng, digits=True)
    _inline(b, x + GAP + 16, y, "ADD OPTIONAL DENTAL (+$31.20 A MONTH)",
            [("YES", c["dental"] is True), ("NO", c["dental"] is False)], how, rng)
    y += PITCH
    _line_field(b, L, y, "PRIMARY CARE PHYSICIAN OR CLINIC (OPTIONAL)", "primary_care_clinic", 380)
    y += PITCH + 2

    # optional questions, left blank
    y += 4
    b.text(L, y, "OPTIONAL QUESTIONS  -  YOUR ANSWERS DO NOT AFFECT YOUR ENROLLMENT")
    y += 12
    opts = L + 400
    for question in ("Will you have other prescription drug coverage (for example VA, TRICARE, a union or employer)?",
                     "Do you live in a nursing home or other long-term care facility?",
                     "Do you or your spouse work and have health coverage through that job?"):
        b.text(L + 4, y, question, font=BODY, size=7.5)
        _choices(b, opts, y, [("YES", False), ("NO", False)], how, rng)
        y += 15
    b.text(L + 4, y, "Send me plan materials in:", font=BODY, size=7.5)
    _choices(b, L + 130, y, [("SPANISH", False), ("HMONG", False), ("LARGE PRINT", False), ("BRAILLE", False),
                             ("AUDIO CD", False)], how, rng)
    y += 22
    b.text(R - text_width("PLEASE CONTINUE ON PAGE 2", style.label_font, 7), y, "PLEASE CONTINUE ON PAGE 2", size=7)
    _footer(b, 1)
    return b.page


# -- page 2 ----------------------------------------------------------------------------------------------------

ATTESTATION = (
    "Read before you sign. By signing this application, I agree that Aspirus Health Plan contracts with the "
    "federal government and that I must keep Medicare Part A and Part B to stay in the plan. I can belong to only "
    "one Medicare Advantage plan at a time, and enrolling in this plan will end my enrollment in any other Medicare "
    "health or prescription drug plan. Except for emergency or urgently needed care, I will get my care from "
    "providers in the plan's network. The information I gave on this form is correct to the best of my knowledge; "
    "if I knowingly give false information, I may be disenrolled from the plan. If someone signs for me, that "
    "person is authorized under the law of the State where I live to do so, and proof of that authority is "
    "available if Medicare asks for it."
)


def _page2(form: FormData, style: Style, rng: random.Random, how: str) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    _scan_marks(b, 2)
    b.text(L, 22, "ASPIRUS HEALTH PLAN", font=style.label_bold, size=10)
    b.text(L, 36, "MEDICARE ADVANTAGE PLAN ENROLLMENT APPLICATION (CONTINUED)", font=style.label_bold, size=8)

    # 3 the premium
    y = _section(b, 52, 3, "PREMIUM PAYMENT")
    b.text(L, y, "PAYMENT OPTION  -  FILL IN ONE. IF NONE IS FILLED IN, WE WILL MAIL YOU A BILL EACH MONTH.")
    y += 12
    _choices(b, L + 4, y, [("MONTHLY BILL (COUPON BOOK)", c["method"] == "bill")], how, rng)
    _choices(b, L + 250, y, [("ELECTRONIC FUNDS TRANSFER (EFT) FROM MY BANK ACCOUNT", c["method"] == "eft")],
             how, rng)
    y += 14
    _choices(b, L + 4, y, [("SOCIAL SECURITY BENEFIT DEDUCTION", c["method"] == "ssa")], how, rng)
    _choices(b, L + 250, y, [("RAILROAD RETIREMENT BOARD (RRB) BENEFIT DEDUCTION", c["method"] == "rrb")], how,
             rng)
    y += 16
    b.text(L, y, "For EFT, complete the boxes below and attach a voided check. Benefit deductions may take up to "
                 "three months to start.", font=BODY, size=6.8)
    y += 12
    x = _field(b, L, y, "NAME OF ACCOUNT HOLDER", "#" * 24, "premium_payment.account_holder", rng)
    _inline(b, x + GAP + 4, y, "ACCOUNT TYPE",
            [("CHECKING", c["account_type"] == "checking"), ("SAVINGS", c["account_type"] == "savings")], how, rng)
    y += PITCH
    x = _field(b, L, y, "ROUTING NUMBER", "#" * 9, "premium_payment.routing_number", rng, digits=True)
    _field(b, x + GAP, y, "ACCOUNT NUMBER", "#" * 17, "premium_payment.account_number", rng, digits=True)
    y += PITCH + 4

    # 4 the signature
    y = _section(b, y, 4, "SIGNATURE")
    y = _paragraph(b, L, y, ATTESTATION, W)
    y += 8
    b.text(L, y, "APPLICANT SIGNATURE")
    b.signature(rng, L + 6, y + 8, 300, 26)
    b.hline(L, L + 330, y + 36, 0.6)
    b.text(L, y + 39, "If you sign as the applicant's authorized representative, also complete section 5.",
           font=BODY, size=6.5)
    _field(b, L + 360, y + 10, "DATE (MM/DD/YYYY)", DATE, "signature.date", rng, digits=True)
    y += 56

    # 5 the authorized representative
    y = _section(b, y, 5, "AUTHORIZED REPRESENTATIVE")
    y = _paragraph(b, L, y, "Complete only if someone other than the applicant signed above: a person with power "
                            "of attorney, a court-appointed guardian or another person authorized under State law.",
                   W, size=6.8)
    y += 4
    x = _field(b, L, y, "REPRESENTATIVE NAME", "#" * 22, "authorized_representative.name", rng)
    _field(b, x + GAP, y, "REPRESENTATIVE PHONE", PHONE, "authorized_representative.phone", rng, digits=True)
    y += PITCH
    _field(b, L, y, "RELATIONSHIP TO APPLICANT", NAME, "authorized_representative.relationship", rng)
    y += PITCH
    _line_field(b, L, y, "REPRESENTATIVE ADDRESS (STREET, CITY, STATE, ZIP)", "authorized_representative.address", W)
    y += PITCH + 4

    # 6 the agent
    y = _section(b, y, 6, "AGENT / BROKER USE ONLY")
    _line_field(b, L, y, "AGENT NAME", "agent.name", 250)
    _field(b, L + 250 + GAP, y, "AGENT NPN", "#" * 10, "agent.npn", rng, digits=True)
    y += PITCH
    _line_field(b, L, y, "AGENCY / FMO", None, 250)
    _field(b, L + 250 + GAP, y, "AGENT PHONE", PHONE, None, rng)
    y += PITCH + 4

    # 7 the office, left blank
    y = _section(b, y, 7, "FOR PLAN USE ONLY")
    b.text(L, y, "Do not write in this section.", font=BODY, size=6.8)
    y += 11
    x = _field(b, L, y, "DATE RECEIVED", DATE, None, rng)
    x = _field(b, x + GAP, y, "APPLICATION ID", "#" * 12, None, rng)
    _field(b, x + GAP, y, "KEYED BY", "###", None, rng)
    y += PITCH
    x = _inline(b, L, y, "ELECTION PERIOD", [("AEP", False), ("OEP", False), ("SEP", False), ("IEP", False),
                                             ("ICEP", False)], how, rng)
    x = _field(b, x + GAP + 10, y, "SEP CODE", "###", None, rng)
    _field(b, x + GAP, y, "EFFECTIVE DATE ASSIGNED", DATE, None, rng)
    y += PITCH + 8
    _paragraph(b, L, y, "Keep a copy of this form. After we process it, we will send you a letter that tells you "
                        "whether you are enrolled and when your coverage starts. Questions? Call 1-855-711-2500 "
                        "(TTY 711), 8 a.m. to 8 p.m., 7 days a week. Fax completed forms to 1-715-787-7328.",
               W, size=6.8)
    _footer(b, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    how = _marking(form, style, rng)
    return [_page1(form, style, rng, how), _page2(form, style, rng, how)]
