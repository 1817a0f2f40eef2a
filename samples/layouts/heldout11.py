"""Layout "heldout11": used ONLY for evaluation, never for tuning parsers.

A small broker agency's home-made enrollment WORKSHEET, the kind photocopied
for years ("Northwoods Senior Insurance Services", "Medicare Advantage
Enrollment Worksheet", a one-paragraph instruction: "Please print clearly in
ink. Circle or mark your answers. Return to your agent or fax to
1-715-555-0100."). Every row is a narrow light-grey LABEL CELL on the left
with its words small and RIGHT-aligned (7.5 pt sans, long ones wrapped to two
lines) and the answer written in the free white space to its right, with NO
underline or box; thin hairline rules run across the page between the rows.
Short items share a row two by two ("Birth date | Best phone number"), long
ones have a row of their own. Several items are COMBINED into one line that
the applicant fills as one string: "Applicant name (Last, First, M.I.)"
("KRUEGER, DUANE H", on some documents in mixed case "Krueger, Duane H."),
"City / State / ZIP" ("Wausau WI 54401", "WAUSAU, WI 54401"), "Mailing
address, if different (street, city, state, ZIP)" ("PO BOX 12, WAUSAU WI
54402") and "Name and relationship of person signing for applicant"
("MARILYN BRANDT, daughter"). Short choices are CIRCLED by hand: the options
are printed words ("Sex (circle one)  M   F", "Add the dental rider?
(circle)  YES   NO", "Account type (circle)  CHECKING   SAVINGS") and the
chosen one gets a slightly irregular hand-drawn ellipse in the value ink,
sometimes not quite closed, sometimes overshooting. Lists (the plan list
with plan ID and "$38.00/mo", the four ways to pay) are columns of options
each after a short BLANK LINE; the chosen option has an X or a check written
on its blank. Dates are written as people write them, chosen per field per
document: "03/04/1948", "3/4/1948", "March 4, 1948", "Mar 4 1948" or "4
March 1948" (never a two-digit year); the coverage start as "January 1,
2027" or "01/01/2027". Phones as "(715) 555-0123" or "715.555.0123".
Section headings are full-width dark-blue bars with white capitals: "STEP
ONE — TELL US ABOUT YOURSELF", "STEP TWO — YOUR MEDICARE", "STEP THREE —
CHOOSE A PLAN" on page 1; "STEP FOUR — HOW YOU WILL PAY", "STEP FIVE — SIGN
HERE", "AGENT SECTION" and "INTERNAL USE ONLY" (its office items always
blank) on page 2. Footer "AHP Worksheet W-11 • page N of 2". Wordings:
"Applicant name (Last, First, M.I.)", "Birth date", "Best phone number",
"Sex (circle one)", "E-mail (optional)", "Home address (street — no PO
boxes)", "City / State / ZIP", "County", "Mailing address, if different
(street, city, state, ZIP)", "Medicare ID (MBI) from your card", "Other
health or drug coverage? (circle)", "Plan choice (mark one line)", "Coverage
to begin", "Add the dental rider? (circle)", "Doctor or clinic you use",
"Premium payment (mark one line)", "Bank account holder", "Account type
(circle)", "Bank ABA / routing no.", "Bank account no.", "Applicant's
signature", "Date", "Name and relationship of person signing for applicant",
"Signer's phone", "Legal papers attached? (circle)", "Signer's address",
"Agent name", "Agent NPN", "Agency", "Agent phone", "Date keyed", "Keyed
by", "Batch #", "Plan confirmation #", "Sent to plan on".
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Union

from intake.plans import PLANS
from samples.fonts import text_width, wrap_words
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import Checkbox, PageLayout, Rect, Stroke, Text

__all__ = ["build"]

L, R = 36.0, 576.0
W = R - L
ROW = 30.0  # an ordinary row's height
PAD = 4.0  # inside a label cell, the words' distance from its right edge
LEAD = 1.5  # space between a label's two lines
HAIR = 0.3  # the rules between rows
OPT = 8.5  # printed option words (the circled ones and the lists)
LIST = 16.0  # one option of a list
BLANK = 26.0  # the short blank line before a list option
NAVY = (24, 44, 112)
WHITE = (255, 255, 255)
GREY = (226, 226, 226)
PREMIUMS = ("$0.00", "$38.00", "$86.00", "$0.00", "$58.00")
FOOTER = "AHP Worksheet W-11 • page {n} of 2"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
#: ways to write a date (m, d, y numbers; M the month's name, Mon its first three letters); no two-digit years
DATE_FORMS = ("{m:02d}/{d:02d}/{y}", "{m}/{d}/{y}", "{M} {d}, {y}", "{Mon} {d} {y}", "{d} {M} {y}")
START_FORMS = ("{M} {d}, {y}", "{m:02d}/{d:02d}/{y}")

#: what the white space right of a label holds: a key of the written answers, None (left blank), printed words
#: to circle (word, chosen), or a drawing function (builder, x, y, width, height)
Content = Union[str, None, list[tuple[str, bool]], Callable[[PageBuilder, float, float, float, float], None]]
#: one label/answer pair on a row: (label, label cell width, content, answer width)
Pair = tuple[str, float, Content, float]




# -- what the applicant wrote ------------------------------------------------------------------------------------

def _date(printed: str | None, forms: tuple[str, ...], rng: random.Random) -> str | None:
    """A MM/DD/YYYY date rewritten in one of ``forms``; anything that is not such a date stays as written."""
    if not printed:
        return printed
    try:
        when: date = datetime.strptime(printed, "%m/%d/%Y").date()
    except ValueError:
        return printed
    name = MONTHS[when.month - 1]
    return rng.choice(forms).format(m=when.month, d=when.day, y=when.year, M=name, Mon=name[:3])


def _phone(printed: str | None, rng: random.Random) -> str | None:
    """A phone number as "(715) 555-0123" or "715.555.0123" (anything but ten digits stays as written)."""
    digits = re.sub(r"\D", "", printed or "")
    if len(digits) != 10:
        return printed
    style = rng.choice(["({a}) {b}-{c}", "{a}.{b}.{c}"])
    return style.format(a=digits[:3], b=digits[3:6], c=digits[6:])


def _zip(printed: str | None) -> str | None:
    """Five digits, or ZIP+4 with its dash when nine digits were given."""
    digits = re.sub(r"\D", "", printed or "")
    return f"{digits[:5]}-{digits[5:]}" if len(digits) == 9 else printed


def _joined(head: str | None, tail: str | None, sep: str) -> str | None:
    """'head<sep>tail'; a missing head keeps its separator (', DUANE H': the first slot was left empty)."""
    if head and tail:
        return f"{head}{sep}{tail}"
    if tail:
        return f"{sep.strip()} {tail}" if sep.strip() else tail
    return head or None


def _place(city: str | None, state: str | None, zip_code: str | None, comma: bool) -> str | None:
    """'WAUSAU WI 54401' or 'WAUSAU, WI 54401' (parts left blank are left out)."""
    rest = " ".join(p for p in (state, _zip(zip_code)) if p) or None
    return _joined(city, rest, ", " if comma else " ")


def _name(last: str | None, first: str | None, initial: str | None) -> str | None:
    """'KRUEGER, DUANE H'; an empty slot keeps its comma (', DUANE H', 'KRUEGER, , H')."""
    if first:
        given = " ".join(x for x in (first, initial) if x)
    else:
        given = f", {initial}" if initial else None
    if last and given:
        return f"{last}, {given}"
    return f", {given}" if given else last


def _written(form: FormData, rng: random.Random) -> dict[str, str | None]:
    """Every answer as written on this worksheet: the form's own strings, combined fields joined, dates and
    phones rewritten the way this document's writer writes them (one choice per field)."""
    p = form.printed
    mixed = rng.random() < 0.35  # this writer uses mixed case for names and places
    case = (lambda s: s.title() if s else s) if mixed else (lambda s: s)

    initial = p.get("applicant.middle_initial")
    name = _name(case(p.get("applicant.last_name")), case(p.get("applicant.first_name")),
                 f"{initial}." if initial and mixed else initial)

    home = _place(case(p.get("applicant.permanent_address.city")), p.get("applicant.permanent_address.state"),
                  p.get("applicant.permanent_address.zip"), rng.random() < 0.5)
    box = _place(p.get("applicant.mailing_address.city"), p.get("applicant.mailing_address.state"),
                 p.get("applicant.mailing_address.zip"), rng.random() < 0.3)
    mailing = _joined(p.get("applicant.mailing_address.street"), box, ", ")

    relationship = p.get("authorized_representative.relationship")
    if relationship and (mixed or rng.random() < 0.5):
        relationship = relationship.lower()
    signer = _joined(case(p.get("authorized_representative.name")), relationship, ", ")

    written = dict(p)
    written.update({
        "name": name,
        "place": home,
        "mailing": mailing,
        "signer": signer,
        "applicant.birth_date": _date(p.get("applicant.birth_date"), DATE_FORMS, rng),
        "requested_effective_date": _date(p.get("requested_effective_date"), START_FORMS, rng),
        "signature.date": _date(p.get("signature.date"), DATE_FORMS, rng),
        "applicant.phone": _phone(p.get("applicant.phone"), rng),
        "authorized_representative.phone": _phone(p.get("authorized_representative.phone"), rng),
    })
    return written


# -- cells, rows and marks ---------------------------------------------------------------------------------------

def _label(b: PageBuilder, x: float, y: float, w: float, h: float, label: str, *, top: bool = False) -> None:
    """A light-grey label cell (no outline), its words RIGHT-aligned, centred top to bottom (or at the top)."""
    s = b.style
    b.page.add(Rect(x, y, w, h, HAIR, GREY, GREY))
    lines = wrap_words(label, s.label_font, s.label_size, w - 2 * PAD)
    assert len(lines) <= 3, label
    height = len(lines) * s.label_size + (len(lines) - 1) * LEAD
    ty = y + 5 if top else y + (h - height) / 2
    for line in lines:
        b.text(x + w - PAD - text_width(line, s.label_font, s.label_size), ty, line)
        ty += s.label_size + LEAD


def _circle(b: PageBuilder, rng: random.Random, x: float, y: float, w: float, size: float) -> None:
    """A hand-drawn ellipse around the printed word whose box is (x, y, w, size): a little tilted and wobbly,
    sometimes stopping short of closing, sometimes running on past its start."""
    cx = x + w / 2 + rng.uniform(-0.8, 0.8)
    cy = y + 0.47 * size + rng.uniform(-0.5, 0.5)
    rx = w / 2 + rng.uniform(5.0, 7.5)
    ry = 0.5 * size + rng.uniform(3.2, 4.6)
    tilt = math.radians(rng.uniform(-6, 6))
    start = rng.uniform(0, 2 * math.pi)
    turns = rng.uniform(0.88, 0.95) if rng.random() < 0.35 else rng.uniform(1.04, 1.16)
    wobble, phase, drift = rng.uniform(0.01, 0.035), rng.uniform(0, 2 * math.pi), rng.uniform(0.0, 0.09)
    steps = 56
    points = []
    for i in range(steps + 1):
        t = start + 2 * math.pi * turns * i / steps
        k = 1 + wobble * math.sin(3 * t + phase) + drift * i / steps
        dx, dy = rx * k * math.cos(t), ry * k * math.sin(t)
        points.append((round(cx + dx * math.cos(tilt) - dy * math.sin(tilt), 2),
                       round(cy + dx * math.sin(tilt) + dy * math.cos(tilt), 2)))
    b.page.add(Stroke(points=tuple(points), width=rng.choice([0.9, 1.1, 1.3]), ink=b.style.value_ink))


def _words(b: PageBuilder, rng: random.Random, x: float, y: float, options: list[tuple[str, bool]],
           gap: float = 24.0) -> float:
    """Printed option words on one line (their top at ``y``); the chosen one circled. Returns the x after."""
    font = b.style.label_font
    for word, chosen in options:
        w = text_width(word, font, OPT)
        b.text(x, y, word, size=OPT)
        if chosen:
            _circle(b, rng, x, y, w, OPT)
        x += w + gap
    return x - gap


def _mark_kind(form: FormData, rng: random.Random) -> str:
    """How this writer marks a blank line: their usual X or check (a writer who fills boxes uses either)."""
    return form.mark if form.mark in ("x", "check") else rng.choice(["x", "check"])


def _blank_list(b: PageBuilder, rng: random.Random, x: float, y: float, options: list[tuple[str, bool]],
                kind: str) -> float:
    """A column of options, each after a short blank line; an X or check written ON the chosen one's blank.

    ``options`` are (words, chosen), the words may hold tab-separated columns at fixed offsets (see
    ``_list_columns``). Returns the y below the list.
    """
    for text, chosen in options:
        line_y = y + 0.8 * OPT + 1.2
        b.hline(x, x + BLANK, line_y, 0.6)
        _list_columns(b, x + BLANK + 6, y, text)
        if chosen:
            size = round(rng.uniform(9.5, 12.5), 2)
            mx = x + rng.uniform(3, BLANK - size - 3)
            my = line_y - size * rng.uniform(0.8, 0.95)
            b.page.add(Checkbox(round(mx, 2), round(my, 2), size, kind, mark_ink=b.style.value_ink, shape="bare"))
        y += LIST
    return y


#: where a list option's tab-separated columns start, after its words (plan ID, premium)
COLUMNS = (0.0, 232.0, 300.0)


def _list_columns(b: PageBuilder, x: float, y: float, text: str) -> None:
    for offset, part in zip(COLUMNS, text.split("\t")):
        b.text(x + offset, y, part, size=OPT)


def _answer(b: PageBuilder, rng: random.Random, written: dict[str, str | None], x: float, y: float, w: float,
            h: float, content: Content) -> None:
    """The answer in the white space (x, y, w, h) right of a label: written, circled, or drawn by ``content``."""
    s = b.style
    if isinstance(content, str):
        text = written.get(content)
        if text:
            # a combined answer whose first part was left empty starts further in, where that part would be
            shift = 34.0 if text.startswith(",") else 0.0
            b.value(x + 7 + shift, y + (h - s.value_size) / 2 + 0.5, text)
    elif isinstance(content, list):
        _words(b, rng, x + 12, y + (h - OPT) / 2, content)
    elif content is not None:
        content(b, x, y, w, h)


def _row(b: PageBuilder, rng: random.Random, written: dict[str, str | None], y: float, pairs: list[Pair], *,
         h: float = ROW) -> float:
    """Label/answer pairs across the page (widths add up to the page's), a hairline rule under; returns the y below."""
    x = L
    for label, label_w, content, answer_w in pairs:
        _label(b, x, y, label_w, h, label, top=h > 2 * ROW)
        _answer(b, rng, written, x + label_w, y, answer_w, h, content)
        x += label_w + answer_w
    assert abs(x - R) < 0.01, f"row widths add up to {x - L}, not {W}"
    b.hline(L, R, y + h, HAIR)
    return y + h


def _bar(b: PageBuilder, y: float, text: str) -> float:
    """A full-width dark-blue heading bar with white capitals; returns the y below it."""
    h = 15.0
    b.rect(L, y, W, h, width=0.5, fill=NAVY)
    b.page.add(Text(L + 7, y + 3.4, text, b.style.label_bold, 8.5, "label", WHITE))
    return y + h


def _paragraph(b: PageBuilder, x: float, y: float, text: str, width: float, *, size: float = 7.5,
               font: str | None = None, lead: float = 2.4) -> float:
    """Words wrapped to ``width``; returns the y below the last line."""
    font = font or b.style.label_font
    for line in wrap_words(text, font, size, width):
        b.text(x, y, line, font=font, size=size)
        y += size + lead
    return y


def _footer(b: PageBuilder, page: int) -> None:
    s = b.style
    b.hline(L, R, 752, 0.5)
    text = FOOTER.format(n=page)
    b.text(R - text_width(text, s.label_font, 7), 756, text, size=7)
    b.text(L, 756, "Photocopy OK — keep the original in the client file.", font="serif-italic", size=6.5)


# -- page 1 ----------------------------------------------------------------------------------------------------

def _plans(form: FormData, rng: random.Random, kind: str) -> Callable[[PageBuilder, float, float, float, float], None]:
    """The plan list: a blank line, the plan's name, its ID and monthly premium."""
    chosen = form.choice["plan"]

    def draw(b: PageBuilder, x: float, y: float, w: float, h: float) -> None:
        options = [(f"{name}\t{plan_id}\t{PREMIUMS[i % len(PREMIUMS)]}/mo", chosen == plan_id)
                   for i, (plan_id, name) in enumerate(PLANS.items())]
        _blank_list(b, rng, x + 12, y + 6, options, kind)

    return draw


def _dental(form: FormData, rng: random.Random) -> Callable[[PageBuilder, float, float, float, float], None]:
    """YES / NO to circle, and what the rider costs."""
    dental = form.choice["dental"]

    def draw(b: PageBuilder, x: float, y: float, w: float, h: float) -> None:
        ty = y + (h - OPT) / 2
        end = _words(b, rng, x + 12, ty, [("YES", dental is True), ("NO", dental is False)])
        b.text(end + 20, ty + 0.8, "(+$29.60/mo)", font="serif-italic", size=7)

    return draw


def _page1(form: FormData, style: Style, rng: random.Random, written: dict[str, str | None], kind: str) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.text(L, 24, "NORTHWOODS SENIOR INSURANCE SERVICES", font=style.label_bold, size=8)
    b.text(L, 34, "Independent agents appointed with Aspirus Health Plan  •  Wausau, Wisconsin", size=7)
    b.title(L, 48, "Medicare Advantage Enrollment Worksheet", 15)
    sub = "Aspirus Health Plan  •  plan year 2027"
    b.text(R - text_width(sub, style.label_font, 8), 54, sub, size=8)
    b.hline(L, R, 70, 1.2)
    y = _paragraph(b, L, 76, "Please print clearly in ink. Circle or mark your answers. Return to your agent or fax "
                             "to 1-715-555-0100. Your agent will copy these answers onto the plan's enrollment "
                             "form with you; if something is missing we will call you before anything is sent.",
                   W, size=8, font="serif-italic")
    y += 6

    # STEP ONE: the applicant
    y = _bar(b, y, "STEP ONE — TELL US ABOUT YOURSELF")
    y = _row(b, rng, written, y, [("Applicant name (Last, First, M.I.)", 108, "name", 432)])
    y = _row(b, rng, written, y, [("Birth date", 108, "applicant.birth_date", 176),
                                  ("Best phone number", 84, "applicant.phone", 172)])
    y = _row(b, rng, written, y, [("Sex (circle one)", 108, [("M", c["sex"] == "M"), ("F", c["sex"] == "F")], 176),
                                  ("E-mail (optional)", 84, None, 172)])
    y = _row(b, rng, written, y, [("Home address (street — no PO boxes)", 108,
                                   "applicant.permanent_address.street", 432)])
    y = _row(b, rng, written, y, [("City / State / ZIP", 108, "place", 252),
                                  ("County", 56, "applicant.permanent_address.county", 124)])
    y = _row(b, rng, written, y, [("Mailing address, if different (street, city, state, ZIP)", 108, "mailing", 432)],
             h=ROW + 4)
    y += 8

    # STEP TWO: Medicare
    y = _bar(b, y, "STEP TWO — YOUR MEDICARE")
    y = _row(b, rng, written, y, [("Medicare ID (MBI) from your card", 108, "medicare_number", 176),
                                  ("Other health or drug coverage? (circle)", 112, [("YES", False), ("NO", False)],
                                   144)])
    y = _paragraph(b, L + 112, y + 4, "Copy the Medicare ID exactly as it is printed on your red, white and blue "
                                      "card. Do not write your Social Security number.", W - 112, size=7,
                   font="serif-italic")
    b.hline(L, R, y + 2, HAIR)
    y += 10

    # STEP THREE: the plan
    y = _bar(b, y, "STEP THREE — CHOOSE A PLAN")
    y = _row(b, rng, written, y, [("Plan choice (mark one line)", 108, _plans(form, rng, kind), 432)],
             h=len(PLANS) * LIST + 10)
    y = _row(b, rng, written, y, [("Coverage to begin", 108, "requested_effective_date", 176),
                                  ("Add the dental rider? (circle)", 84, _dental(form, rng), 172)])
    y = _row(b, rng, written, y, [("Doctor or clinic you use", 108, "primary_care_clinic", 432)])
    b.text(L + 112, y + 5, "Not sure? Leave it blank; your agent can help you find a clinic in the network.",
           font="serif-italic", size=7)
    _footer(b, 1)
    return b.page


# -- page 2 ----------------------------------------------------------------------------------------------------

ATTESTATION = (
    "By signing I agree that: Aspirus Health Plan is a Medicare Advantage plan with a contract with the federal "
    "government. I must keep Medicare Part A and Part B, and I can be in only one Medicare Advantage plan at a time; "
    "joining this plan ends my enrollment in any other Medicare health or drug plan. I will get my care from the "
    "plan's network except in an emergency or for urgent care. What I wrote here is true to the best of my knowledge. "
    "If someone signs for me, that person may do so under the laws of the State where I live and can show proof if "
    "Medicare asks."
)


def _page2(form: FormData, style: Style, rng: random.Random, written: dict[str, str | None], kind: str) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    b.text(L, 28, "Medicare Advantage Enrollment Worksheet (continued)", font=style.label_bold, size=10)
    note = "Northwoods Senior Insurance Services"
    b.text(R - text_width(note, style.label_font, 7), 30, note, size=7)
    b.hline(L, R, 44, 1.2)
    y = 54.0

    # STEP FOUR: the premium
    y = _bar(b, y, "STEP FOUR — HOW YOU WILL PAY")
    ways = [("Send me a bill each month", c["method"] == "bill"),
            ("Automatic draft from my bank account (EFT)", c["method"] == "eft"),
            ("Take it from my Social Security check", c["method"] == "ssa"),
            ("Take it from my Railroad Retirement (RRB) check", c["method"] == "rrb")]

    def pay(b: PageBuilder, x: float, y: float, w: float, h: float) -> None:
        _blank_list(b, rng, x + 12, y + 6, ways, kind)
        b.text(x + 300, y + 8, "If you mark nothing, we will", font="serif-italic", size=7)
        b.text(x + 300, y + 17, "mail you a bill each month.", font="serif-italic", size=7)

    y = _row(b, rng, written, y, [("Premium payment (mark one line)", 108, pay, 432)], h=len(ways) * LIST + 10)
    y = _paragraph(b, L + 112, y + 4, "Automatic draft only: fill in the bank items below and staple a voided check "
                                      "to this page.", W - 112, size=7, font="serif-italic")
    b.hline(L, R, y + 2, HAIR)
    y += 2
    y = _row(b, rng, written, y, [("Bank account holder", 108, "premium_payment.account_holder", 252),
                                  ("Account type (circle)", 56,
                                   [("CHECKING", c["account_type"] == "checking"),
                                    ("SAVINGS", c["account_type"] == "savings")], 124)])
    y = _row(b, rng, written, y, [("Bank ABA / routing no.", 108, "premium_payment.routing_number", 176),
                                  ("Bank account no.", 84, "premium_payment.account_number", 172)])
    y += 8

    # STEP FIVE: the signature
    y = _bar(b, y, "STEP FIVE — SIGN HERE")
    y = _paragraph(b, L + 6, y + 5, ATTESTATION, W - 12, size=7.5)
    b.hline(L, R, y + 2, HAIR)
    y += 2

    def sign(b: PageBuilder, x: float, y: float, w: float, h: float) -> None:
        b.signature(rng, x + 4, y + 3, w - 40, h - 8)

    y = _row(b, rng, written, y, [("Applicant's signature", 108, sign, 200), ("Date", 50, "signature.date", 182)],
             h=ROW + 12)
    y = _row(b, rng, written, y, [("Name and relationship of person signing for applicant", 108, "signer", 432)],
             h=ROW + 4)
    y = _row(b, rng, written, y, [("Signer's phone", 108, "authorized_representative.phone", 176),
                                  ("Legal papers attached? (circle)", 84, [("YES", False), ("NO", False)], 172)])
    y = _row(b, rng, written, y, [("Signer's address", 108, "authorized_representative.address", 432)])
    b.text(L + 112, y + 4, "Fill in the three lines above only if someone signs for the applicant (power of "
                           "attorney, guardian, or as State law allows).", font="serif-italic", size=7)
    y += 20

    # the agent
    y = _bar(b, y, "AGENT SECTION")
    y = _row(b, rng, written, y, [("Agent name", 108, "agent.name", 232), ("Agent NPN", 64, "agent.npn", 136)])
    y = _row(b, rng, written, y, [("Agency", 108, None, 232), ("Agent phone", 64, None, 136)])
    y += 14

    # the office block, always blank
    y = _bar(b, y, "INTERNAL USE ONLY")
    y = _row(b, rng, written, y, [("Date keyed", 70, None, 110), ("Keyed by", 60, None, 120),
                                  ("Batch #", 60, None, 120)])
    _row(b, rng, written, y, [("Plan confirmation #", 108, None, 176), ("Sent to plan on", 84, None, 172)])
    _footer(b, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    written = _written(form, rng)
    kind = _mark_kind(form, rng)
    return [_page1(form, style, rng, written, kind), _page2(form, style, rng, written, kind)]
