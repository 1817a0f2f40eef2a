"""Layout "heldout13": used ONLY for evaluation, never for tuning parsers.

A print vendor's TWO-COLOUR "dropout-ink" enrollment form, made for
scanning: ALL of the form's own ink (labels, headings, rules, box outlines,
tick boxes, footer) is ONE dark spot colour drawn per document from a dark
teal / dark green / dark blue family (dark enough to go black on a fax), and
every field area is a PALE tint of that colour behind the answer; the
applicant writes in black or blue pen as on the other layouts. A header band
(solid spot colour with white words, or tint with spot words): "Aspirus
Health Plan", "Medicare Advantage Enrollment Request" and the form number
"AHP-MA-13 (11/2026)", then "Please print in CAPITAL letters with black or
blue ink. Do not write outside the boxes.". Sections are headed by their
number, white in a filled spot-colour circle or square, then the title ("1
About you", "2  Where you live", "3  Your Medicare", "4  Plan choice", "5
Paying your premium", "6  Signature", "7  Authorized representative", "8  For
agent use"). Under them DENSE rows of 2 to 4 tinted field rectangles (widths
drawn per document), each with its small UPPER-CASE 6-7 pt label printed
INSIDE its top-left corner and the handwritten answer in its lower part.
Every tick box comes AFTER its words ("Male [ ]  Female [ ]", "Yes [ ]  No
[ ]"); the plan list is one row per plan in a tall tinted field: name, plan
ID, a dotted leader, the monthly premium and the box at the row's right end
("Aspirus Advantage Plus (HMO-POS)  H5652-002 ........ $38.00 [ ]"); the
four ways to pay two per row, a box after each. The signature row: the
attestation paragraph (6.5 pt) above a tall "SIGNATURE OF APPLICANT" box with
the scribble beside "TODAY'S DATE". The agent's box also holds a handwritten
"AGENCY CODE" (never the NPN, never ten digits). A grey or tinted "FOR PLAN
USE ONLY" box (always blank: "Date received", "Rec'd by", "Plan ID" over
short rules) sits at the bottom of the last page; footer "AHP-MA-13 (11/2026)
Page N of 2" in the spot colour. Sections 1-3 on page 1, the plan choice and
the premium on page 1 or 2 (per document), the rest on page 2; page 1's spare
room takes blank optional questions (language and format, nursing home,
Medicaid, work coverage, emergency contact) under "3  Your Medicare", then a
little wider spacing, and "PLEASE CONTINUE ON PAGE 2". Wordings:
"LAST NAME", "FIRST NAME", "M.I.", "DATE OF BIRTH (MM/DD/YYYY)", "SEX",
"HOME PHONE", "E-MAIL (OPTIONAL)", "PERMANENT RESIDENCE — STREET (NO P.O.
BOX)", "CITY", "ST", "ZIP", "COUNTY", "MAILING ADDRESS (ONLY IF DIFFERENT)",
"MEDICARE NUMBER (MBI)", "OTHER HEALTH OR DRUG COVERAGE (EMPLOYER, UNION,
VA)?", "PLAN YOU CHOOSE", "DESIRED EFFECTIVE DATE", "ADD OPTIONAL DENTAL?",
"PRIMARY CARE PROVIDER OR CLINIC (OPTIONAL)", "PREMIUM PAYMENT METHOD", "NAME
OF ACCOUNT HOLDER", "ACCOUNT TYPE", "BANK ROUTING NO.", "BANK ACCOUNT NO.",
"BANK NAME (OPTIONAL)", "SIGNATURE OF APPLICANT", "TODAY'S DATE",
"REPRESENTATIVE'S NAME", "RELATIONSHIP", "REPRESENTATIVE'S PHONE",
"REPRESENTATIVE'S ADDRESS", "AGENT NAME", "AGENT NPN", "AGENCY CODE".
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from dataclasses import dataclass

from intake.plans import PLANS
from samples.fonts import text_width, wrap_words
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import Checkbox, Ink, Line, PageLayout, Rect, Text

__all__ = ["build", "SPOT_FAMILY"]

L, R = 36.0, 576.0
W = R - L
BOTTOM = 744.0  # the body stops above the footer
FOOTER_Y = 756.0
FORM_NO = "AHP-MA-13 (11/2026)"
WHITE: Ink = (255, 255, 255)
GREY: Ink = (226, 226, 226)
HAND_SPREAD = 1.1  # handwriting runs up to 10 % wider than the font (render_image's jitter)

#: the spot colours the vendor prints in (each document jitters one a little)
SPOT_FAMILY: tuple[Ink, ...] = ((0, 100, 110), (20, 95, 60), (30, 60, 140), (0, 82, 98), (14, 84, 50),
                                (24, 52, 128), (0, 88, 122))
PREMIUMS = dict(zip(PLANS, ("$0.00", "$38.00", "$79.00", "$0.00", "$54.00")))

ATTESTATION = (
    "Please read and sign. By signing this form I agree that Aspirus Health Plan contracts with the federal "
    "government; that I must keep Medicare Part A and Part B to stay in the plan; that I can be in only one Medicare "
    "Advantage plan at a time, and that joining this plan ends my enrollment in any other Medicare health or drug "
    "plan. I will get my care from the plan's network providers except in an emergency or for urgently needed care. "
    "I release the information on this form to Medicare and to the plan. The answers I gave are true; if I knowingly "
    "give false information I may be disenrolled. If someone signs for me, that person is authorized to do so under "
    "the laws of the State where I live and can show proof of it if Medicare asks."
)
REP_NOTE = ("Complete only if someone other than the applicant signed above: a person with power of attorney, a "
            "court-appointed guardian or another person authorized under State law.")


def _luma(ink: Ink) -> float:
    return 0.299 * ink[0] + 0.587 * ink[1] + 0.114 * ink[2]


@dataclass(frozen=True)
class Look:
    """One document's print: colours and measures drawn per document."""

    spot: Ink
    tint: Ink
    plan_box: Ink  # the FOR PLAN USE ONLY box's fill
    outline: bool  # tinted fields outlined in the spot colour (else borderless tint)
    white_boxes: bool  # tick boxes printed white inside the tint
    solid_band: bool  # header band in solid spot colour (white words) or in tint
    badge: str  # "circle" | "square"
    rule: str  # heading rule: "none" | "under" | "after"
    label_size: float
    option_size: float
    row_h: float
    row_gap: float
    col_gap: float
    section_gap: float
    box: float
    pad: float
    ids_aligned: bool  # plan IDs in an aligned column (else right after the name)
    footer_centred: bool


def _look(rng: random.Random, style: Style) -> Look:
    base = rng.choice(SPOT_FAMILY)
    while True:
        spot = tuple(max(0, min(150, v + rng.randint(-9, 9))) for v in base)
        if _luma(spot) < 85:
            break
    k = rng.uniform(0.84, 0.9)
    tint = tuple(round(v + (255 - v) * k) for v in spot)
    label_size = rng.choice([6.0, 6.5, 7.0])
    return Look(
        spot=spot, tint=tint, plan_box=rng.choice([GREY, tint]),
        outline=rng.random() < 0.6, white_boxes=rng.random() < 0.5, solid_band=rng.random() < 0.55,
        badge=rng.choice(["circle", "square"]), rule=rng.choice(["none", "under", "after"]),
        label_size=label_size, option_size=label_size + rng.choice([1.0, 1.5]),
        row_h=round(label_size + style.value_size + rng.uniform(9.0, 12.5), 1),
        row_gap=round(rng.uniform(3.0, 5.5), 1), col_gap=round(rng.uniform(3.0, 6.0), 1),
        section_gap=round(rng.uniform(7.0, 11.0), 1), box=rng.choice([8.0, 8.5, 9.0]),
        pad=round(rng.uniform(3.0, 4.5), 1), ids_aligned=rng.random() < 0.6, footer_centred=rng.random() < 0.4,
    )


# -- cells and blocks --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Cell:
    """One tinted field on a row: its label inside the top-left corner, the answer in its lower part."""

    label: str
    weight: float
    path: str | None = None  # the handwritten value
    options: tuple[tuple[str, bool], ...] = ()  # word-then-box choices instead of a value
    kind: str = "value"  # value | sign (the scribble) | note (handwritten, no field of the record)
    text: str | None = None  # kind "note": what is written


@dataclass
class Block:
    height: float
    draw: Callable[["Sheet", float], None]


class Sheet:
    """The pages of one document in the spot colour; blocks flow down a page."""

    def __init__(self, form: FormData, style: Style, rng: random.Random, look: Look) -> None:
        self.form, self.style, self.rng, self.look = form, style, rng, look
        self.builders: list[PageBuilder] = []

    @property
    def b(self) -> PageBuilder:
        return self.builders[-1]

    # spot-colour pieces ---------------------------------------------------------------------------------------
    def ink(self, x: float, y: float, text: str, *, size: float, font: str | None = None, ink: Ink | None = None,
            role: str = "label") -> None:
        self.b.page.add(Text(round(x, 2), round(y, 2), text, font or self.style.label_font, size, role,
                             ink or self.look.spot))

    def rule(self, x1: float, x2: float, y: float, width: float = 0.6) -> None:
        self.b.page.add(Line(round(x1, 2), round(y, 2), round(x2, 2), round(y, 2), width, self.look.spot))

    def tinted(self, x: float, y: float, w: float, h: float, fill: Ink | None = None) -> None:
        lk = self.look
        fill = fill or lk.tint
        self.b.page.add(Rect(round(x, 2), round(y, 2), round(w, 2), round(h, 2), 0.6 if lk.outline else 0.2, fill,
                             lk.spot if lk.outline else fill))

    def tick_box(self, x: float, y: float, checked: bool) -> None:
        lk = self.look
        x, y = round(x, 2), round(y, 2)
        if lk.white_boxes:
            self.b.page.add(Rect(x, y, lk.box, lk.box, 0.2, WHITE, WHITE))
        self.b.page.add(Checkbox(x, y, lk.box, self.form.mark if checked else None, ink=lk.spot,
                                 mark_ink=self.style.value_ink))

    def words_then_boxes(self, x: float, box_y: float, options: tuple[tuple[str, bool], ...], gap: float = 12.0
                         ) -> float:
        """Words each followed by their tick box ("Yes [ ]  No [ ]"); returns the x after the last box."""
        lk, font = self.look, self.style.label_font
        for word, checked in options:
            self.ink(x, box_y + (lk.box - lk.option_size) / 2, word, size=lk.option_size)
            x += text_width(word, font, lk.option_size) + 4
            self.tick_box(x, box_y, checked)
            x += lk.box + gap
        return x - gap

    def options_width(self, options: tuple[tuple[str, bool], ...], gap: float = 12.0) -> float:
        lk = self.look
        return sum(text_width(w, self.style.label_font, lk.option_size) + 4 + lk.box for w, _ in options) + \
            gap * (len(options) - 1)

    def label(self, x: float, y: float, text: str) -> None:
        """A field's label inside the top-left corner of its tint."""
        self.ink(x + self.look.pad, y + 2.2, text, size=self.look.label_size)

    def written(self, x: float, y: float, w: float, h: float, text: str | None, role: str = "value") -> None:
        """Handwriting in the lower part of a field (a little smaller only if it would not fit)."""
        if not text:
            return
        s, pad = self.style, self.look.pad + 1.5
        size = s.value_size
        while size > 7.0 and text_width(text, s.value_font, size) * HAND_SPREAD > w - 2 * pad:
            size -= 0.5
        top = round(y + h - size - 3.5, 2)
        if role == "value":
            self.b.value(round(x + pad, 2), top, text, size=size)
        else:
            self.b.page.add(Text(round(x + pad, 2), top, text, s.value_font, size, role, s.value_ink, s.hand))

    # measures -------------------------------------------------------------------------------------------------
    def need(self, cell: Cell) -> float:
        """The narrowest a cell may be: its label, its options or its value must fit."""
        lk, s = self.look, self.style
        need = text_width(cell.label, s.label_font, lk.label_size) + 2 * lk.pad + 2
        if cell.options:
            need = max(need, self.options_width(cell.options) + 2 * lk.pad + 4)
        text = cell.text if cell.kind == "note" else (self.form.printed.get(cell.path) if cell.path else None)
        if text:
            need = max(need, text_width(text, s.value_font, s.value_size) * HAND_SPREAD + 2 * lk.pad + 5)
        if cell.kind == "sign":
            need = max(need, 160.0)
        return need

    def widths(self, cells: list[Cell], total: float) -> list[float]:
        """Widths drawn around the cells' weights, each at least what it needs, adding up to ``total``."""
        raw = [c.weight * self.rng.uniform(0.85, 1.15) for c in cells]
        needs = [self.need(c) for c in cells]
        if sum(needs) >= total:
            widths = [total * n / sum(needs) for n in needs]
        else:
            fixed: dict[int, float] = {}
            while True:
                free = [i for i in range(len(cells)) if i not in fixed]
                room = total - sum(fixed.values())
                share = sum(raw[i] for i in free)
                trial = {i: room * raw[i] / share for i in free}
                short = [i for i in free if trial[i] < needs[i]]
                if not short:
                    break
                for i in short:
                    fixed[i] = needs[i]
            widths = [fixed.get(i, trial.get(i, 0.0)) for i in range(len(cells))]
        widths = [round(w, 1) for w in widths]
        widths[-1] = round(total - sum(widths[:-1]), 1)
        return widths

    # drawing a row --------------------------------------------------------------------------------------------
    def row(self, cells: list[Cell], y: float, h: float, *, x: float = L, width: float = W) -> None:
        lk = self.look
        widths = self.widths(cells, width - lk.col_gap * (len(cells) - 1))
        for cell, w in zip(cells, widths):
            self.cell(cell, x, y, w, h)
            x += w + lk.col_gap

    def cell(self, cell: Cell, x: float, y: float, w: float, h: float) -> None:
        lk = self.look
        self.tinted(x, y, w, h)
        self.label(x, y, cell.label)
        if cell.options:
            self.words_then_boxes(x + lk.pad + 2, y + h - lk.box - 4.5, cell.options)
        elif cell.kind == "sign":
            top = y + lk.label_size + 4.5
            self.b.signature(self.rng, x + lk.pad, top, min(w - 2 * lk.pad - 10, 300.0), y + h - 3 - top)
        elif cell.kind == "note":
            self.written(x, y, w, h, cell.text, role="note")
        else:
            self.written(x, y, w, h, self.form.printed.get(cell.path) if cell.path else None)

    # pages ----------------------------------------------------------------------------------------------------
    def new_page(self) -> float:
        """A new page with its header; returns the y where the body starts."""
        lk, s = self.look, self.style
        self.builders.append(PageBuilder(self.form, self.style))
        first = len(self.builders) == 1
        h = 46.0 if first else 24.0
        fg = WHITE if lk.solid_band else lk.spot
        if lk.solid_band:
            self.b.page.add(Rect(L, 22, W, h, 0.4, lk.spot, lk.spot))
        else:
            self.tinted(L, 22, W, h)
            self.rule(L, R, 22 + h, 1.2)
        number_w = text_width(FORM_NO, s.label_bold, 8)
        if first:
            self.ink(L + 10, 28, "Aspirus Health Plan", size=15, font=s.label_bold, ink=fg, role="title")
            self.ink(L + 10, 49, "Medicare Advantage Enrollment Request", size=10, ink=fg)
            self.ink(R - 10 - number_w, 29, FORM_NO, size=8, font=s.label_bold, ink=fg)
            year = "Plan year 2027"
            self.ink(R - 10 - text_width(year, s.label_font, 7.5), 51, year, size=7.5, ink=fg)
            note = "Please print in CAPITAL letters with black or blue ink. Do not write outside the boxes."
            self.ink(L, 22 + h + 6, note, size=7.5, font=s.label_bold)
            return FIRST_BODY
        self.ink(L + 10, 29.5, "Aspirus Health Plan  —  Medicare Advantage Enrollment Request (continued)", size=9,
                 font=s.label_bold, ink=fg)
        self.ink(R - 10 - number_w, 30, FORM_NO, size=8, font=s.label_bold, ink=fg)
        return 22 + h + 12

    def footers(self) -> list[PageLayout]:
        lk, s = self.look, self.style
        pages = []
        for n, b in enumerate(self.builders, 1):
            text = f"{FORM_NO}   Page {n} of {len(self.builders)}"
            x = (L + R) / 2 - text_width(text, s.label_font, 7) / 2 if lk.footer_centred else L
            b.page.add(Line(L, FOOTER_Y - 4, R, FOOTER_Y - 4, 0.8, lk.spot))
            b.page.add(Text(round(x, 2), FOOTER_Y, text, s.label_font, 7, "label", lk.spot))
            pages.append(b.page)
        return pages


# -- blocks of the form -------------------------------------------------------------------------------------------

def _heading(sheet: Sheet, number: int, title: str) -> Block:
    lk = sheet.look
    size = 13.0

    def draw(sh: Sheet, y: float) -> None:
        s, spot = sh.style, lk.spot
        if lk.badge == "square":
            sh.b.page.add(Rect(L, round(y, 2), size, size, 0.4, spot, spot))
        else:  # a filled disc: close concentric rings, no mark of their own
            r = size / 2
            while r > 0.3:
                sh.b.page.add(Checkbox(round(L + size / 2 - r, 2), round(y + size / 2 - r, 2), round(2 * r, 2), None,
                                       ink=spot, shape="circle"))
                r -= 0.45
        num = str(number)
        sh.ink(L + size / 2 - text_width(num, s.label_bold, 8.5) / 2, y + (size - 8.5) / 2 + 0.3, num, size=8.5,
               font=s.label_bold, ink=WHITE)
        tx = L + size + 6
        sh.ink(tx, y + (size - 10) / 2 + 0.3, title, size=10, font=s.label_bold)
        if lk.rule == "under":
            sh.rule(L, R, y + size + 2.5, 0.8)
        elif lk.rule == "after":
            end = tx + text_width(title, s.label_bold, 10) + 8
            sh.rule(end, R, y + size / 2, 0.8)

    return Block(size + 6.0, draw)


def _row(sheet: Sheet, cells: list[Cell], *, extra: float = 0.0) -> Block:
    h = sheet.look.row_h + extra

    def draw(sh: Sheet, y: float) -> None:
        sh.row(cells, y, h)

    return Block(h + sheet.look.row_gap, draw)


def _paragraph(sheet: Sheet, text: str, size: float = 6.5) -> Block:
    lines = wrap_words(text, sheet.style.label_font, size, W)
    lead = size + 2.0

    def draw(sh: Sheet, y: float) -> None:
        for line in lines:
            sh.ink(L, y, line, size=size)
            y += lead

    return Block(len(lines) * lead + 3.0, draw)


def _plans(sheet: Sheet) -> Block:
    """The tall "PLAN YOU CHOOSE" field: one row per plan, the box at its right end after a dotted leader."""
    lk, c = sheet.look, sheet.form.choice
    pitch = lk.option_size + 6.0
    top = lk.label_size + 7.0
    h = top + len(PLANS) * pitch + 2.0

    def draw(sh: Sheet, y: float) -> None:
        s = sh.style
        font, size = s.label_font, lk.option_size
        sh.tinted(L, y, W, h)
        sh.label(L, y, "PLAN YOU CHOOSE")
        note = "(mark ONE box)"
        sh.ink(L + lk.pad + text_width("PLAN YOU CHOOSE", s.label_font, lk.label_size) + 6, y + 2.2, note,
               size=lk.label_size)
        x = L + lk.pad + 4
        box_x = R - lk.pad - lk.box - 2
        id_col = x + max(text_width(name, font, size) for name in PLANS.values()) + sh.rng.uniform(10, 24)
        dot = text_width(".", font, size)
        ry = y + top
        for plan_id, name in PLANS.items():
            ty = ry + (pitch - size) / 2 - 1.0
            sh.ink(x, ty, name, size=size)
            id_x = id_col if lk.ids_aligned else x + text_width(name, font, size) + 7
            sh.ink(id_x, ty, plan_id, size=size)
            premium = PREMIUMS[plan_id]
            premium_x = box_x - 6 - text_width(premium, font, size)
            start = id_x + text_width(plan_id, font, size) + 5
            dots = max(3, math.floor((premium_x - 5 - start) / dot))
            sh.ink(start, ty, "." * dots, size=size)
            sh.ink(premium_x, ty, premium, size=size)
            sh.tick_box(box_x, ty + (size - lk.box) / 2, c["plan"] == plan_id)
            ry += pitch

    return Block(h + lk.row_gap, draw)


def _payment(sheet: Sheet) -> Block:
    """The tall "PREMIUM PAYMENT METHOD" field: the four ways two per row, a box after each."""
    lk, c = sheet.look, sheet.form.choice
    pitch = lk.option_size + 7.0
    top = lk.label_size + 7.0
    h = top + 2 * pitch + 2.0
    ways = ((("Monthly bill (coupon book)", c["method"] == "bill"),
             ("Automatic draft from my bank account (EFT)", c["method"] == "eft")),
            (("Deduct from my Social Security benefit", c["method"] == "ssa"),
             ("Deduct from my Railroad Retirement (RRB) benefit", c["method"] == "rrb")))

    def draw(sh: Sheet, y: float) -> None:
        s = sh.style
        sh.tinted(L, y, W, h)
        sh.label(L, y, "PREMIUM PAYMENT METHOD")
        note = "(mark one; if none is marked, we will send you a bill each month)"
        sh.ink(L + lk.pad + text_width("PREMIUM PAYMENT METHOD", s.label_font, lk.label_size) + 6, y + 2.2, note,
               size=lk.label_size)
        second = L + W / 2 + sh.rng.uniform(-20, 10)
        ry = y + top
        for left, right in ways:
            box_y = ry + (pitch - lk.box) / 2 - 1.0
            sh.words_then_boxes(L + lk.pad + 4, box_y, (left,))
            sh.words_then_boxes(second, box_y, (right,))
            ry += pitch

    return Block(h + lk.row_gap, draw)


def _plan_use(sheet: Sheet) -> tuple[float, Callable[[Sheet, float], None]]:
    """The always-blank FOR PLAN USE ONLY box (height, draw)."""
    lk = sheet.look
    h = 40.0

    def draw(sh: Sheet, y: float) -> None:
        s = sh.style
        sh.b.page.add(Rect(L, round(y, 2), W, h, 1.0, lk.plan_box, lk.spot))
        sh.ink(L + 6, y + 4, "FOR PLAN USE ONLY", size=7.5, font=s.label_bold)
        sh.ink(L + 6 + text_width("FOR PLAN USE ONLY", s.label_bold, 7.5) + 8, y + 4.5,
               "Do not write in this box.", size=6.5)
        x = L + 6
        for label, blank in (("Date received", 110.0), ("Rec'd by", 90.0), ("Plan ID", 110.0)):
            sh.ink(x, y + 22, label, size=7.5)
            x += text_width(label, s.label_font, 7.5) + 4
            sh.rule(x, x + blank, y + 22 + 7.5, 0.8)
            x += blank + 18

    return h, draw


def _agency_code(form: FormData, rng: random.Random) -> str | None:
    """The agency's own code the agent writes beside the NPN: never the NPN, never ten digits."""
    p = form.printed
    if not (form.truth["agent"] or p.get("agent.name") or p.get("agent.npn")):
        return None
    npn = (form.truth["agent"] or {}).get("npn") or p.get("agent.npn") or ""
    while True:
        digits = str(rng.randint(10 ** 3, 10 ** rng.randint(4, 7) - 1))
        if not npn or (digits not in npn and npn not in digits):
            break
    return rng.choice([digits, f"AG-{digits}", f"WI{digits}", f"{digits}-A"])


def _sections(sheet: Sheet) -> list[list[Block]]:
    form, rng = sheet.form, sheet.rng
    c = form.choice
    yes_no = (("Yes", False), ("No", False))
    return [
        [_heading(sheet, 1, "About you"),
         _row(sheet, [Cell("LAST NAME", 3.0, "applicant.last_name"), Cell("FIRST NAME", 2.6, "applicant.first_name"),
                      Cell("M.I.", 0.5, "applicant.middle_initial")]),
         _row(sheet, [Cell("DATE OF BIRTH (MM/DD/YYYY)", 1.8, "applicant.birth_date"),
                      Cell("SEX", 1.3, options=(("Male", c["sex"] == "M"), ("Female", c["sex"] == "F"))),
                      Cell("HOME PHONE", 1.8, "applicant.phone"), Cell("E-MAIL (OPTIONAL)", 2.4)])],
        [_heading(sheet, 2, "Where you live"),
         _row(sheet, [Cell("PERMANENT RESIDENCE — STREET (NO P.O. BOX)", 4.0, "applicant.permanent_address.street"),
                      Cell("COUNTY", 1.6, "applicant.permanent_address.county")]),
         _row(sheet, [Cell("CITY", 3.0, "applicant.permanent_address.city"),
                      Cell("ST", 0.6, "applicant.permanent_address.state"),
                      Cell("ZIP", 1.2, "applicant.permanent_address.zip")]),
         _row(sheet, [Cell("MAILING ADDRESS (ONLY IF DIFFERENT)", 3.0, "applicant.mailing_address.street"),
                      Cell("CITY", 2.0, "applicant.mailing_address.city"),
                      Cell("ST", 0.5, "applicant.mailing_address.state"),
                      Cell("ZIP", 1.0, "applicant.mailing_address.zip")])],
        [_heading(sheet, 3, "Your Medicare"),
         _row(sheet, [Cell("MEDICARE NUMBER (MBI)", 2.0, "medicare_number"),
                      Cell("OTHER HEALTH OR DRUG COVERAGE (EMPLOYER, UNION, VA)?", 2.0, options=yes_no)])],
        [_heading(sheet, 4, "Plan choice"), _plans(sheet),
         _row(sheet, [Cell("DESIRED EFFECTIVE DATE", 1.5, "requested_effective_date"),
                      Cell("ADD OPTIONAL DENTAL?", 1.3, options=(("Yes", c["dental"] is True),
                                                                ("No", c["dental"] is False))),
                      Cell("PRIMARY CARE PROVIDER OR CLINIC (OPTIONAL)", 3.0, "primary_care_clinic")])],
        [_heading(sheet, 5, "Paying your premium"), _payment(sheet),
         _row(sheet, [Cell("NAME OF ACCOUNT HOLDER", 3.0, "premium_payment.account_holder"),
                      Cell("ACCOUNT TYPE", 1.4, options=(("Checking", c["account_type"] == "checking"),
                                                        ("Savings", c["account_type"] == "savings")))]),
         _row(sheet, [Cell("BANK ROUTING NO.", 1.5, "premium_payment.routing_number"),
                      Cell("BANK ACCOUNT NO.", 1.9, "premium_payment.account_number"),
                      Cell("BANK NAME (OPTIONAL)", 1.8)])],
        [_heading(sheet, 6, "Signature"), _paragraph(sheet, ATTESTATION),
         _row(sheet, [Cell("SIGNATURE OF APPLICANT", 3.4, kind="sign"), Cell("TODAY'S DATE", 1.4, "signature.date")],
              extra=round(rng.uniform(8.0, 14.0), 1))],
        [_heading(sheet, 7, "Authorized representative"), _paragraph(sheet, REP_NOTE),
         _row(sheet, [Cell("REPRESENTATIVE'S NAME", 2.6, "authorized_representative.name"),
                      Cell("RELATIONSHIP", 1.6, "authorized_representative.relationship"),
                      Cell("REPRESENTATIVE'S PHONE", 1.7, "authorized_representative.phone")]),
         _row(sheet, [Cell("REPRESENTATIVE'S ADDRESS", 1.0, "authorized_representative.address")])],
        [_heading(sheet, 8, "For agent use"),
         _row(sheet, [Cell("AGENT NAME", 2.6, "agent.name"), Cell("AGENT NPN", 1.5, "agent.npn"),
                      Cell("AGENCY CODE", 1.2, kind="note", text=_agency_code(form, rng))])],
    ]


def _optional_rows(sheet: Sheet) -> list[Block]:
    """Blank optional questions the vendor fits into page 1's spare room (shuffled per document)."""
    yes_no = (("Yes", False), ("No", False))
    rows = [
        [Cell("PREFERRED LANGUAGE (IF NOT ENGLISH)", 2.0),
         Cell("ACCESSIBLE FORMAT", 2.2, options=(("Large print", False), ("Braille", False), ("Audio CD", False)))],
        [Cell("DO YOU LIVE IN A NURSING HOME OR LONG-TERM CARE FACILITY?", 2.4, options=yes_no),
         Cell("NAME OF FACILITY", 2.0)],
        [Cell("ARE YOU ENROLLED IN YOUR STATE MEDICAID PROGRAM?", 2.2, options=yes_no),
         Cell("MEDICAID NUMBER", 1.6)],
        [Cell("DO YOU OR YOUR SPOUSE WORK AND HAVE HEALTH COVERAGE THROUGH THAT JOB?", 2.6, options=yes_no),
         Cell("EMPLOYER NAME", 1.8)],
        [Cell("EMERGENCY CONTACT (OPTIONAL)", 2.4), Cell("CONTACT PHONE", 1.4), Cell("CONTACT RELATIONSHIP", 1.4)],
    ]
    sheet.rng.shuffle(rows)
    return [_row(sheet, cells) for cells in rows]


FIRST_BODY = 92.0  # where page 1's body starts (below the header band and the instruction line)
CONTINUE = "PLEASE CONTINUE ON PAGE 2"


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    look = _look(rng, style)
    sheet = Sheet(form, style, rng, look)
    sections = _sections(sheet)
    extras = _optional_rows(sheet)
    wanted = rng.choice([3, 4, 4, 5])  # the plan choice and premium may go to page 2
    box_h, box_draw = _plan_use(sheet)
    end1 = BOTTOM - 16  # page 1's body stops above the "continue" note

    def height(blocks: list[Block]) -> float:
        return sum(block.height for block in blocks) + look.section_gap

    # how many sections page 1 holds; its spare room takes blank optional questions, then wider spacing
    y, first = FIRST_BODY, 0
    for i, blocks in enumerate(sections):
        if i >= wanted or y + height(blocks) > end1:
            break
        y += height(blocks)
        first += 1
    assert first >= 3, "sections 1-3 always fit on page 1"
    spare = end1 - y
    intro = _paragraph(sheet, "Optional questions. You do not have to answer them; your answers will not affect "
                              "your enrollment.")
    if extras and spare >= intro.height + extras[0].height:
        sections[2].append(intro)
        spare -= intro.height
        for block in extras:
            if block.height > spare:
                break
            sections[2].append(block)
            spare -= block.height
    stretch = round(min(6.0, spare / sum(len(blocks) for blocks in sections[:first])), 1)

    y = sheet.new_page()
    for i, blocks in enumerate(sections):
        if i == first:
            sheet.ink(R - text_width(CONTINUE, style.label_bold, 7.5), BOTTOM - 9, CONTINUE, size=7.5,
                      font=style.label_bold)
            y = sheet.new_page()
        for block in blocks:
            block.draw(sheet, y)
            y += block.height + (stretch if i < first else 0.0)
        y += look.section_gap
    box_y = BOTTOM - box_h
    assert y <= box_y + look.section_gap - 4, f"page {len(sheet.builders)} overflows: {y} > {box_y}"
    box_draw(sheet, box_y)
    return sheet.footers()
