"""Layout "heldout14": used ONLY for evaluation, never for tuning parsers.

A plan's LONG-FORM enrollment PACKET on the CMS model (CMS-10718), four
Letter pages full of PROSE: instruction and legal paragraphs (7.5-8.5 pt,
justified or ragged per document, 3-8 lines each) that USE the fields' own
words in sentences ("Please provide your Medicare Number exactly as it
appears on your red, white and blue Medicare card.", "We may call you at the
phone number you give us.", "a P.O. Box is not a permanent residence", "they
must give their name, phone number and relationship to you", "Your agent must
include their National Producer Number (NPN).", "The date you sign is not your
coverage start date.", "Premiums can be paid by check, by automatic
withdrawal from your bank account (EFT), or from your Social Security
benefit."), each sentence in one of two or three wordings per document, plus
the plan's own P.O. Box, ZIP, fax and phone numbers, 1-800-MEDICARE and a
Paperwork Reduction Act notice.

Page 1: "Aspirus Health Plan", "2027 Enrollment Form — Medicare Advantage (Part
C)", "OMB No. 0938-1378  Expires: 12/31/2027" top right, then a boxed
instructions block ("Who can use this form?", "When do I use this form?", "To
enroll, please:", "Once you complete this form:") and "STEP 1: Enter your
information". Steps are bold 10-11 pt headings (a rule under them on some
documents); "STEP 2: Answer these important questions" on page 2, "STEP 3:
Choose your plan and how to pay" on page 3, "STEP 4: Read and sign below",
"For agents and brokers" and a grey-bordered "Office use only" box on page 4
(a block that would run past the bottom margin moves to the next page, and a
step that flowed on starts the next step on the same page).

Fields: the label LEFT of a long underline (or, per document, a light grey
box) on the same baseline, two to four to a row, the later fields' x
positions drawn per document (+-10 %): "Last name:", "First name:", "Middle
initial:"; "Birth date (MM/DD/YYYY):", "Sex: [ ] Male [ ] Female" (every box
BEFORE its words); "Phone number:", "Email address (optional):" (blank);
"Permanent residence street address (P.O. Box is not allowed):"; "City:",
"County:", "State:", "ZIP Code:"; "Mailing address, if different from your
permanent address (P.O. Box allowed):" over "Street address:", "City:",
"State:", "ZIP Code:"; "Your Medicare information:" over "Medicare Number:"
in an 11-character comb or on a line (per document).

STEP 2: four to six Yes/No questions in whole sentences, the "[ ] Yes [ ] No"
boxes after their last line (never ticked), in an order drawn per document:
other health or drug coverage (VA, TRICARE, employer or union) with "Name of
other coverage:", "Member ID for this coverage:", "Group ID:" lines that are
usually blank but on some documents hold an invented plan name, member ID
("W123456789") and group number, none of them a field of the application;
"Are you a resident in a long-term care facility, like a nursing home?" with
"Name of institution:" and "Address & phone number of institution (number
and street):" (blank); and some of Medicaid ("Medicaid number:"), working
spouse ("Name of employer:"), another Medicare plan ("Name of current
plan:"), ESRD and paperless-delivery questions. Blank language and
accessible-format boxes, then "Please choose the name of a primary care
physician (PCP), clinic or health center:" with the clinic on a line under it.

STEP 3: a ruled plan table (a box before each row; "Plan name", "Plan ID",
"Monthly premium" with invented premiums), "Requested effective date:",
"Would you like to add Optional Supplemental Dental for $NN.NN a month?
[ ] Yes [ ] No", a premium-payment paragraph then one box per line: "Get a
bill", "Automatic deduction from your monthly Social Security benefit",
"Automatic deduction from your monthly Railroad Retirement Board (RRB)
benefit", "Electronic funds transfer (EFT) from your bank account each month";
for EFT "Account holder name:", "Bank routing number:", "Bank account
number:", "Account type: [ ] Checking [ ] Saving".

STEP 4: a 12-16 line attestation (its sentences say "signature", "date",
"Medicare", "phone", "representative", "relationship"), "Signature:" (the
scribble over the line) and "Today's date:", then "If you are the authorized
representative, sign above and fill out these fields:" with the GENERIC
labels "Name:", "Address:", "Phone number:", "Relationship to enrollee:"
(the representative's, not the applicant's). "For agents and brokers":
"Agent/Broker name:", "Agent NPN (National Producer Number):", "Agency
name:" (blank or an invented agency) and "Agent phone:" (on some documents a
handwritten number that is never the applicant's or representative's phone).
"Office use only" (always blank): "Name of staff member/agent:", "ICEP/IEP:",
"AEP:", "SEP (type):", "Plan ID #:", "Effective date of coverage:", "Date
received:".

A REPEATED HEADER under the top margin of every page after the first:
"Applicant name: ______   Medicare Number: ______", on about half of the
documents filled in by hand with the applicant's "FIRST LAST" as one line and
the same Medicare number as Step 1 (left blank where Step 1's is blank or not
a Medicare number). Footer "Y0038_ENR27_14_M   Form CMS-10718   Page N of 4"
(the Y-number's form drawn per document). Sans or condensed-sans labels at
8-9 pt, 0.6-0.75 in margins, 4 pages.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from intake.plans import PLANS
from samples.fonts import pil_font, text_width, wrap_words
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style, shared_widths
from samples.people import AGENCIES
from samples.primitives import LETTER, Checkbox, Ink, Line, PageLayout, Rect, Text

__all__ = ["build"]

PAGE_W, PAGE_H = LETTER
SPREAD = 1.12  # handwriting runs up to ~10 % wider than its font (render_image's jitter), plus a margin
MIN_VALUE = 7.0  # the smallest a value is shrunk to so it fits its line
SIGN_H = 24.0  # room above the signature line for the scribble
LIGHT: Ink = (165, 165, 165)  # the light boxed fields' border
OFFICE_GREY: Ink = (120, 120, 120)
TABLE_FILL: Ink = (232, 232, 232)
FORM = "Form CMS-10718"
Y_CODES = ("Y0038_ENR27_14_M", "Y0038_ENR2714_C", "Y0038_MAENR27_14", "Y0038_27ENR14_M")
PREMIUMS = dict(zip(PLANS, ("$0.00", "$42.00", "$87.00", "$0.00", "$61.00")))
DENTAL_PRICES = ("$24.80", "$29.00", "$32.60", "$35.40")
YES_NO = (("Yes", False), ("No", False))


# -- the prose ---------------------------------------------------------------------------------------------------

WHO = ("People with Medicare who want to join a Medicare Advantage Plan. To join Aspirus Health Plan, you must: be a "
       "United States citizen or be lawfully present in the U.S.; live in the plan's service area, the Wisconsin and "
       "Upper Michigan counties listed in your plan materials; and have both Medicare Part A (Hospital Insurance) and "
       "Part B (Medical Insurance).")
WHEN = ("You can join a plan between October 15 and December 7 each year (for coverage starting January 1), within "
        "3 months of first getting Medicare, or in certain situations where you're allowed to join or switch plans. "
        "Visit Medicare.gov to learn more about when you can sign up for a plan.")
PRINT = ("Print clearly in blue or black ink and answer the questions in Steps 1 to 4.",
         "Please print in capital letters with a blue or black pen, one answer on each line.",
         "Use blue or black ink and print clearly; fill in every line that applies to you.")
MBI = ("Please provide your Medicare Number exactly as it appears on your red, white and blue Medicare card.",
       "Write your Medicare Number exactly as it is shown on your red, white and blue Medicare card; do not use your "
       "Social Security Number.",
       "Copy your Medicare Number from your red, white and blue Medicare card, exactly as it appears there.")
PHONE = ("We may call you at the phone number you give us.",
         "We may call you at the phone number you give us if we need more information.",
         "Give us a phone number where we can reach you during the day; we may call you to check your answers.")
RESIDENCE = ("Your permanent residence must be in our service area; a P.O. Box is not a permanent residence.",
             "Your permanent residence address must be in our service area. A P.O. Box is not a permanent "
             "residence, but you may give one as your mailing address.",
             "You must live in our service area, so give the street address where you live. A P.O. Box is not a "
             "permanent residence.")
SIGNER = ("If someone signs for you, they must give their name, phone number and relationship to you.",
          "If someone signs this form for you, they must give their name, address, phone number and relationship "
          "to you in Step 4.",
          "If you have someone sign for you, that person must write their name, phone number and relationship to "
          "you.")
AGENT = ("Your agent must include their National Producer Number (NPN).",
         "If an agent or broker helped you, your agent must include their name and National Producer Number (NPN).",
         "Agents and brokers who help you fill out this form must include their National Producer Number (NPN).")
SIGN_DATE = ("The date you sign is not your coverage start date.",
             "Please date the form when you sign it. The date you sign is not your coverage start date.",
             "The date you sign is not the date your coverage starts; we will tell you your start date in writing.")
PREMIUM = ("Premiums can be paid by check, by automatic withdrawal from your bank account (EFT), or from your Social "
           "Security benefit.",
           "Premiums can be paid by check, by automatic withdrawal from your bank account (EFT), or from your Social "
           "Security or Railroad Retirement Board benefit.",
           "You can pay premiums by check when you get a bill, by automatic withdrawal from your bank account (EFT), "
           "or from your Social Security benefit.")
ONCE = ("Mail or fax it to Aspirus Health Plan, Attn: Medicare Enrollment, P.O. Box 1890, Wausau, WI 54402, fax "
        "1-715-787-7328. Questions? Call Aspirus Health Plan at 1-855-711-2500, 8 a.m. to 8 p.m., seven days a week "
        "(TTY users call 711). For information about Medicare, or to get this form in another language or an "
        "accessible format, you can also call 1-800-MEDICARE (1-800-633-4227), 24 hours a day, 7 days a week. We "
        "will send you a letter that tells you whether your enrollment was accepted and when your coverage begins.")
STEP2_INTRO = ("Answering these questions is your choice. You can't be denied coverage because you don't fill them "
               "out. Your answers help us coordinate your benefits with any other coverage you have and send you "
               "information in the way that works best for you. If a question does not apply to you, leave it blank.",
               "These questions are optional: you cannot be denied coverage because you do not answer them. We use "
               "your answers to coordinate your benefits with any other insurance you have, and to reach you in the "
               "language and format you prefer. Skip any question that does not apply to you.")
PRA = ("According to the Paperwork Reduction Act of 1995, no persons are required to respond to a collection of "
       "information unless it displays a valid OMB control number. The valid OMB control number for this information "
       "collection is 0938-1378. The time required to complete this information is estimated to average 20 minutes "
       "per response, including the time to review instructions, search existing data resources, gather the data "
       "needed, and complete and review the information collection. IMPORTANT: Do not send this form or any items "
       "with your personal information to the PRA Reports Clearance Office.")
PLAN_INTRO = ("Please check which plan you want to enroll in. Mark only ONE box. The monthly premium shown does not "
              "include your Medicare Part B premium, which you must continue to pay. All plans are offered in every "
              "county of our service area; if you are not sure which plan is right for you, call us before you send "
              "this form.")
START_NOTE = ("Coverage usually starts on the first day of the month after we get your complete form. Tell us the "
              "date you would like your coverage to begin. The date you sign is not your coverage start date; if we "
              "cannot give you the date you ask for, we will call you at the phone number in Step 1.")
PAYING = ("Paying your plan premiums: You can pay your monthly plan premium (including any late enrollment penalty "
          "that you currently have or may owe) by mail or by electronic funds transfer (EFT) each month. You can also "
          "choose to have it automatically taken out of your Social Security or Railroad Retirement Board (RRB) "
          "benefit each month. If you are assessed a Part D Income Related Monthly Adjustment Amount (Part D-IRMAA), "
          "you must pay this extra amount in addition to your plan premium. If you don't select a payment option, "
          "you will get a bill each month.")
EFT_NOTE = ("Electronic funds transfer (EFT): please attach a VOIDED check or fill in the lines below. We will take "
            "your premium from this account each month. The account holder's name must match the name on the "
            "account; the routing number is the 9-digit number at the bottom left of your check.")
REP_NOTE = "If you are the authorized representative, sign above and fill out these fields:"
AGENT_NOTE = ("To be completed by the licensed agent or broker who helped with this application. Print your name and "
              "your National Producer Number (NPN) as licensed in the State, and a phone number where we can reach "
              "you with questions about this enrollment.")

#: the attestation: each item one of its wordings, in this order, as two paragraphs
ATTEST_1 = (
    ("By completing this enrollment application, I agree to the following:",
     "Please read this information carefully. By signing, I agree to the following:"),
    ("Aspirus Health Plan is a Medicare Advantage plan and has a contract with the federal government.",),
    ("I will need to keep my Medicare Parts A and B. I can be in only one Medicare Advantage plan at a time, and my "
     "enrollment in this plan will automatically end my enrollment in another Medicare health or drug plan.",
     "I must keep both Medicare Part A and Part B. I can be in only one Medicare Advantage plan at a time; joining "
     "this plan ends my enrollment in any other Medicare health plan or prescription drug plan."),
    ("Enrollment is generally for the entire year; I may leave or make changes only at certain times of the year or "
     "in special circumstances.",),
    ("If I move out of the area that Aspirus Health Plan serves, I need to notify the plan so I can disenroll and "
     "find a new plan in my new area.",
     "Aspirus Health Plan serves a specific service area; if I move out of it, I will tell the plan so I can "
     "disenroll and find a new plan."),
    ("Once my coverage begins, I must get my health care from Aspirus Health Plan, except for emergency or urgently "
     "needed services.",),
    ("Aspirus Health Plan may call me at the phone number on this form to confirm my enrollment.",
     "The plan may use the phone number I gave to call me about this enrollment."),
)
ATTEST_2 = (
    ("Release of Information: by joining, I agree that Aspirus Health Plan will release my information to Medicare "
     "and other plans as needed for treatment, payment and health care operations.",),
    ("The information on this enrollment form is correct to the best of my knowledge. If I intentionally provide "
     "false information on this form, I will be disenrolled from the plan.",),
    ("My signature (or the signature of the person legally authorized to act on my behalf) on this application means "
     "that I have read and understand the contents of this application.",),
    ("If signed by an authorized representative, this signature certifies that this person is authorized under State "
     "law to complete this enrollment, that proof of this authority is available if Medicare asks for it, and that "
     "their name, address, phone number and relationship to me are written below.",
     "If a representative signs for me, that person is authorized to do so under the laws of the State where I live, "
     "can show proof of it if Medicare asks, and gives their name, phone number and relationship to me below."),
    ("The date I sign this form is not the date my coverage begins.",
     "I understand that my coverage does not begin on the date I sign."),
)


# -- what changes from document to document ------------------------------------------------------------------------

@dataclass(frozen=True)
class Look:
    margin: float
    prose_size: float
    lead: float  # prose line pitch as a multiple of its size
    justified: bool
    boxed: bool  # light grey boxed fields instead of underlines
    comb: bool  # the Medicare number in an 11-character comb
    heading_size: float
    heading_rule: bool
    row_gap: float
    gap: float  # between two fields on a row
    box: float  # tick box size
    y_code: str
    footer_spread: bool  # footer in three parts across the page (else one run at the left margin)


@dataclass(frozen=True)
class Extras:
    """Handwriting on the form that is no field of the application (drawn as "note")."""

    header_name: str | None  # the repeated header on pages 2-4
    header_mbi: str | None
    coverage: tuple[str, str, str] | None  # other coverage: name, member ID, group ID
    agency: str | None
    agent_phone: str | None


def _style(style: Style, rng: random.Random) -> Style:
    font, bold = rng.choice([("sans", "sans-bold"), ("sans", "sans-bold"), ("sans-cond", "sans-cond-bold")])
    return replace(style, label_font=font, label_bold=bold, title_font=bold, label_size=rng.choice([8.0, 8.5, 9.0]))


def _look(rng: random.Random) -> Look:
    return Look(
        margin=round(rng.uniform(43.2, 54.0), 1), prose_size=rng.choice([7.5, 8.0, 8.5]),
        lead=round(rng.uniform(1.2, 1.32), 2), justified=rng.random() < 0.5, boxed=rng.random() < 0.35,
        comb=rng.random() < 0.5, heading_size=rng.choice([10.0, 10.5, 11.0]), heading_rule=rng.random() < 0.5,
        row_gap=round(rng.uniform(3.0, 6.0), 1), gap=round(rng.uniform(11.0, 16.0), 1),
        box=rng.choice([8.0, 8.5, 9.0]), y_code=rng.choice(Y_CODES), footer_spread=rng.random() < 0.5,
    )


def _other_phone(rng: random.Random, form: FormData) -> str:
    """A 555-01xx number that is neither the applicant's nor the representative's phone."""
    keys = ("applicant.phone", "authorized_representative.phone")
    taken = {re.sub(r"\D", "", form.printed.get(k) or "") for k in keys}
    while True:
        digits = f"{rng.choice(['715', '715', '920', '608'])}55501{rng.randint(0, 99):02d}"
        if digits not in taken:
            break
    style = rng.choice(["({a}) {b}-{c}", "{a}-{b}-{c}", "{a}.{b}.{c}"])
    return style.format(a=digits[:3], b=digits[3:6], c=digits[6:])


def _coverage(rng: random.Random) -> tuple[str, str, str]:
    """Another insurer's card: a plan name, a letter-prefixed member ID and a group number."""
    name = rng.choice(["TRICARE FOR LIFE", "VA HEALTH CARE", "WPS HEALTH INSURANCE", "IBEW LOCAL 388 RETIREE PLAN",
                       "STATE OF WI RETIREE PLAN", "ANTHEM BCBS"])
    member = rng.choice("WXRJ") + "".join(rng.choice("0123456789") for _ in range(rng.choice([8, 9])))
    group = rng.choice([f"{rng.randint(10000, 99999)}", f"GRP {rng.randint(1000, 9999)}",
                        f"{rng.randint(100, 999)}-{rng.randint(1000, 9999)}"])
    return name, member, group


def _extras(form: FormData, rng: random.Random) -> Extras:
    p = form.printed
    name = mbi = None
    if rng.random() < 0.5:  # the applicant fills the repeated header on pages 2-4
        if p.get("applicant.first_name") and p.get("applicant.last_name"):
            name = f"{p['applicant.first_name']} {p['applicant.last_name']}"
        mbi = p.get("medicare_number") if form.truth["medicare_number"] else None
    coverage = _coverage(rng) if rng.random() < 0.3 else None
    has_agent = bool(form.truth["agent"] or p.get("agent.name") or p.get("agent.npn"))
    agency = rng.choice(AGENCIES) if has_agent and rng.random() < 0.6 else None
    phone = _other_phone(rng, form) if has_agent and rng.random() < 0.5 else None
    return Extras(name, mbi, coverage, agency, phone)


# -- fields on a row -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    """One labelled field on a row: a value line, tick boxes, a comb or the signature."""

    label: str
    path: str | None = None  # the value written on the line (None: a line left blank)
    share: float = 1.0  # nominal part of the row's width
    options: tuple[tuple[str, bool], ...] = ()  # boxes BEFORE their words instead of a line
    note: str | None = None  # handwriting that is no field of the application
    comb: int = 0  # a comb of this many one-character cells instead of a line
    sign: bool = False  # the signature line
    min_line: float = 36.0
    spacer: bool = False  # empty room at the end of a row: nothing drawn


def _space(share: float) -> Field:
    return Field("", share=share, min_line=0.0, spacer=True)


class Packet:
    """The pages of one document; blocks flow down a page and move to the next one when they do not fit."""

    def __init__(self, form: FormData, style: Style, rng: random.Random, look: Look, extras: Extras) -> None:
        self.form, self.style, self.rng, self.look, self.extras = form, style, rng, look, extras
        self.left, self.right = look.margin, PAGE_W - look.margin
        self.width = self.right - self.left
        self.bottom = PAGE_H - look.margin
        self.builders: list[PageBuilder] = []
        self.stepped: list[bool] = []  # a step began on this page
        self.y = 0.0

    @property
    def b(self) -> PageBuilder:
        return self.builders[-1]

    # pages ------------------------------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.builders.append(PageBuilder(self.form, self.style))
        self.stepped.append(False)
        self.y = self.look.margin
        if len(self.builders) > 1:
            self.running_header()

    def fits(self, h: float) -> bool:
        return self.y + h <= self.bottom

    def room(self, h: float) -> float:
        """Make sure ``h`` points fit below the cursor (else go on to a new page); returns the cursor."""
        if not self.fits(h):
            self.new_page()
        assert self.fits(h), f"a block of {h} pt is taller than a page"
        return self.y

    # plain pieces -----------------------------------------------------------------------------------------------
    def text(self, x: float, y: float, text: str, *, size: float | None = None, bold: bool = False,
             font: str | None = None) -> None:
        s = self.style
        self.b.page.add(Text(round(x, 2), round(y, 2), text, font or (s.label_bold if bold else s.label_font),
                             size or s.label_size, "label"))

    def measure(self, text: str, *, size: float | None = None, bold: bool = False) -> float:
        """The printed width: the wider of the 300 dpi raster's (hinted) and the PDF's (exact) measure."""
        s = self.style
        font, size = (s.label_bold if bold else s.label_font), size or s.label_size
        return max(text_width(text, font, size), pil_font(font, 1000).getlength(text) * size / 1000)

    def rule(self, x1: float, x2: float, y: float, width: float = 0.6, ink: Ink = (0, 0, 0)) -> None:
        self.b.page.add(Line(round(x1, 2), round(y, 2), round(x2, 2), round(y, 2), width, ink))

    def fit(self, text: str, room: float) -> float:
        """The value size (the style's, or smaller so the handwriting fits ``room`` points)."""
        s = self.style
        size = s.value_size
        while size > MIN_VALUE and text_width(text, s.value_font, size) * SPREAD > room:
            size -= 0.5
        return size

    def written(self, x: float, line_y: float, room: float, text: str | None, *, note: bool = False) -> None:
        """Handwriting (or typing) sitting on the line at ``line_y``: a value of the application or a note."""
        if not text:
            return
        s = self.style
        size = self.fit(text, room)
        top = round(line_y - 0.8 * size - 2.5, 2)
        if note:
            self.b.page.add(Text(round(x, 2), top, text, s.value_font, size, "note", s.value_ink, s.hand))
        else:
            self.b.value(round(x, 2), top, text, size=size)

    def blank(self, x1: float, x2: float, line_y: float) -> None:
        """The place a value goes: an underline, or a light box around the line's zone."""
        if self.look.boxed:
            h = self.style.value_size + 6.0
            self.b.page.add(Rect(round(x1, 2), round(line_y - h + 2.5, 2), round(x2 - x1, 2), round(h, 2), 0.5, None,
                                 LIGHT))
        else:
            self.rule(x1, x2, line_y)

    def box(self, x: float, y: float, checked: bool) -> None:
        self.b.page.add(Checkbox(round(x, 2), round(y, 2), self.look.box, self.form.mark if checked else None,
                                 mark_ink=self.style.value_ink))

    def options(self, x: float, top: float, options: tuple[tuple[str, bool], ...], *, size: float | None = None
                ) -> float:
        """Tick boxes each BEFORE its words, on a line of words whose top is ``top``; returns the x after."""
        size = size or self.style.label_size
        bx = self.look.box
        for word, checked in options:
            self.box(x, top + 0.45 * size - bx / 2, checked)
            self.text(x + bx + 3.5, top, word, size=size)
            x += bx + 3.5 + self.measure(word, size=size) + 12.0
        return x - 12.0

    def options_width(self, options: tuple[tuple[str, bool], ...], size: float | None = None) -> float:
        return sum(self.look.box + 3.5 + self.measure(w, size=size) for w, _ in options) + 12.0 * (len(options) - 1)

    # prose ------------------------------------------------------------------------------------------------------
    def lines(self, text: str, width: float, size: float, bold: bool = False) -> list[str]:
        """Words wrapped to ``width`` (less a little: the PDF's exact widths run wider than the raster's)."""
        s = self.style
        return wrap_words(text, s.label_bold if bold else s.label_font, size, width * 0.985)

    def prose_height(self, text: str, width: float | None = None, size: float | None = None) -> float:
        size = size or self.look.prose_size
        return len(self.lines(text, width or self.width, size)) * size * self.look.lead

    def paragraph(self, text: str, *, x: float | None = None, width: float | None = None, size: float | None = None,
                  after: float = 4.0, keep: float = 0.0) -> None:
        """A paragraph, justified or ragged per document, kept on one page (with ``keep`` points after it)."""
        x = self.left if x is None else x
        width = width or (self.right - x)
        size = size or self.look.prose_size
        lines = self.lines(text, width, size)
        lead = size * self.look.lead
        y = self.room(len(lines) * lead + keep)
        for i, line in enumerate(lines):
            if self.look.justified and i < len(lines) - 1:
                self.justified(x, y, line, size, width)
            else:
                self.text(x, y, line, size=size)
            y += lead
        self.y = y + after

    def justified(self, x: float, y: float, line: str, size: float, width: float) -> None:
        """One line spread to ``width``: each word its own run (a loose line stays ragged)."""
        words = line.split()
        widths = [self.measure(w, size=size) for w in words]
        space = (width - sum(widths)) / max(1, len(words) - 1)
        natural = self.measure(" ", size=size)
        if len(words) < 2 or not natural <= space <= 3.0 * natural:
            self.text(x, y, line, size=size)
            return
        for word, w in zip(words, widths):
            self.text(x, y, word, size=size)
            x += w + space

    def heading(self, text: str, *, keep: float = 40.0, size: float | None = None) -> None:
        size = size or self.look.heading_size
        y = self.room(size + 10 + keep)
        self.text(self.left, y, text, size=size, bold=True)
        if self.look.heading_rule:
            self.rule(self.left, self.right, y + size + 2.5, 0.8)
        self.y = y + size + 9

    def step(self, number: int, title: str) -> None:
        """A step heading; a step starts a page unless the step before it flowed onto this one."""
        if self.stepped[-1]:
            self.new_page()
        self.stepped[-1] = True
        self.y += 2.0
        self.heading(f"STEP {number}: {title}")

    # rows of fields ---------------------------------------------------------------------------------------------
    def cell_w(self) -> float:
        return max(15.0, round(self.style.value_size * 1.3, 1))

    def need(self, f: Field) -> float:
        """The narrowest a field may be: its label plus its options, comb, scribble or value."""
        s = self.style
        label = self.measure(f.label + ":") + 4 if f.label else 0.0
        if f.options:
            return label + 2 + self.options_width(f.options)
        if f.comb:
            return label + 2 + f.comb * self.cell_w()
        if f.sign:
            return label + 170
        text = f.note if f.note is not None else (self.form.printed.get(f.path) if f.path else None)
        value = text_width(text, s.value_font, s.value_size) * SPREAD + 8 if text else 0.0
        return label + max(f.min_line, value)

    def widths(self, fields: list[Field], total: float) -> list[float]:
        """Widths from the shares (the later fields' starts moved +-10 % per document), each at least its need."""
        room = total - self.look.gap * (len(fields) - 1)
        return shared_widths([f.share for f in fields], room, self.rng, (0.9, 1.1), lambda: [self.need(f) for f in fields])

    def row(self, fields: list[Field], *, x: float | None = None, width: float | None = None) -> None:
        """Fields side by side, each label LEFT of its line on the line's baseline."""
        x = self.left if x is None else x
        width = width or (self.right - x)
        zone = self.style.value_size + 6.0 + (SIGN_H if any(f.sign for f in fields) else 0.0)
        y = self.room(zone + 3.0)
        line_y = y + zone
        for f, w in zip(fields, self.widths(fields, width)):
            self.field(f, x, line_y, w)
            x += w + self.look.gap
        self.y = line_y + 3.0 + self.look.row_gap + 4.0

    def field(self, f: Field, x: float, line_y: float, w: float) -> None:
        if f.spacer:
            return
        ls = self.style.label_size
        top = line_y - 0.8 * ls - 1.5
        start = x
        if f.label:
            self.text(x, top, f.label + ":")
            start = x + self.measure(f.label + ":") + 4
        end = x + w
        if f.options:
            self.options(start + 2, top, f.options)
        elif f.comb:
            self.comb(start + 2, line_y, f.comb, self.form.printed.get(f.path) if f.path else None)
        elif f.sign:
            self.rule(start, end, line_y)
            self.b.signature(self.rng, start + 4, line_y - SIGN_H - 1, min(end - start - 16, 260.0), SIGN_H)
        else:
            self.blank(start, end, line_y)
            text = f.note if f.note is not None else (self.form.printed.get(f.path) if f.path else None)
            self.written(start + 3, line_y, end - start - 6, text, note=f.note is not None)

    def comb(self, x: float, line_y: float, n: int, chars: str | None) -> None:
        """One character per cell (the dashes are not written), each centred in its cell."""
        s, cw = self.style, self.cell_w()
        h = s.value_size + 6.0
        top = line_y - h + 2.5
        for i in range(n):
            self.b.page.add(Rect(round(x + i * cw, 2), round(top, 2), cw, round(h, 2), 0.6))
        for i, ch in enumerate([c for c in (chars or "") if c != "-"][:n]):
            cx = x + i * cw + (cw - text_width(ch, s.value_font, s.value_size)) / 2
            self.b.value(round(cx, 2), round(top + (h - s.value_size) / 2, 2), ch)

    def question(self, text: str, options: tuple[tuple[str, bool], ...] = YES_NO, *, keep: float = 0.0) -> None:
        """A question in whole sentences, its boxes after the last line at the right."""
        size = self.style.label_size
        ow = self.options_width(options)
        lines = self.lines(text, self.width - ow - 18, size)
        lead = size + 3.0
        y = self.room(len(lines) * lead + keep)
        for line in lines:
            self.text(self.left, y, line, size=size)
            y += lead
        self.options(self.right - ow, y - lead, options)
        self.y = y + 3.0

    # the running header and the footers -------------------------------------------------------------------------
    def running_header(self) -> None:
        """"Applicant name: ___   Medicare Number: ___" under the top margin (filled on some documents)."""
        s, ex = self.style, self.extras
        line_y = self.y + s.value_size + 4.0
        top = line_y - 0.8 * s.label_size - 1.5
        labels = ("Applicant name:", "Medicare Number:")
        lines = self.width - sum(self.measure(label) + 4 for label in labels) - 24
        x = self.left
        for label, value, w in zip(labels, (ex.header_name, ex.header_mbi), (0.58 * lines, 0.42 * lines)):
            self.text(x, top, label)
            x += self.measure(label) + 4
            self.rule(x, x + w, line_y)
            self.written(x + 3, line_y, w - 6, value, note=True)
            x += w + 24
        self.rule(self.left, self.right, line_y + 6.0, 1.0)
        self.y = line_y + 16.0

    def footers(self) -> list[PageLayout]:
        lk, s = self.look, self.style
        pages = []
        n = len(self.builders)
        y = PAGE_H - lk.margin + 12.0
        for i, b in enumerate(self.builders, 1):
            page = f"Page {i} of {n}"
            if lk.footer_spread:
                parts = ((self.left, lk.y_code), ((self.left + self.right - text_width(FORM, s.label_font, 7)) / 2,
                                                  FORM), (self.right - text_width(page, s.label_font, 7), page))
            else:
                parts = ((self.left, f"{lk.y_code}   {FORM}   {page}"),)
            for x, words in parts:
                b.page.add(Text(round(x, 2), round(y, 2), words, s.label_font, 7, "label"))
            pages.append(b.page)
        return pages


# -- page 1: header, instructions, STEP 1 --------------------------------------------------------------------------

def _masthead(pk: Packet) -> None:
    y = pk.y
    omb = "OMB No. 0938-1378  Expires: 12/31/2027"
    pk.text(pk.right - pk.measure(omb, size=7.5), y, omb, size=7.5)
    pk.b.title(pk.left, y, "Aspirus Health Plan", 15)
    pk.text(pk.left, y + 21, "2027 Enrollment Form — Medicare Advantage (Part C)", size=12, bold=True)
    pk.rule(pk.left, pk.right, y + 39, 1.4)
    pk.y = y + 47


def _instructions(pk: Packet) -> None:
    """The boxed "Who can use this form?" / "To enroll, please:" block of prose."""
    rng = pk.rng
    enroll_1 = " ".join(rng.choice(v) for v in (PRINT, MBI, PHONE, RESIDENCE))
    enroll_2 = " ".join(rng.choice(v) for v in (SIGNER, AGENT, SIGN_DATE, PREMIUM))
    parts = [("Who can use this form?", WHO), ("When do I use this form?", WHEN), ("To enroll, please:", enroll_1),
             (None, enroll_2), ("Once you complete this form:", ONCE)]
    pad = 8.0
    inner = pk.width - 2 * pad
    size = pk.look.prose_size
    head = pk.style.label_size + 0.5
    height = pad * 2 - 4.0 + sum((head + 4 if h else 0) + pk.prose_height(t, inner) + 4 for h, t in parts)
    top = pk.room(height)
    pk.b.page.add(Rect(round(pk.left, 2), round(top, 2), round(pk.width, 2), round(height, 2), 0.8))
    pk.y = top + pad
    for title, text in parts:
        if title:
            pk.text(pk.left + pad, pk.y, title, size=head, bold=True)
            pk.y += head + 4
        pk.paragraph(text, x=pk.left + pad, width=inner, size=size)
    pk.y = top + height + 10


def _step1(pk: Packet) -> None:
    c = pk.form.choice
    pk.step(1, "Enter your information")
    pk.row([Field("Last name", "applicant.last_name", 0.42), Field("First name", "applicant.first_name", 0.38),
            Field("Middle initial", "applicant.middle_initial", 0.2, min_line=20)])
    pk.row([Field("Birth date (MM/DD/YYYY)", "applicant.birth_date", 0.5),
            Field("Sex", share=0.5, options=(("Male", c["sex"] == "M"), ("Female", c["sex"] == "F")))])
    pk.row([Field("Phone number", "applicant.phone", 0.45), Field("Email address (optional)", share=0.55)])
    pk.row([Field("Permanent residence street address (P.O. Box is not allowed)",
                  "applicant.permanent_address.street")])
    pk.row([Field("City", "applicant.permanent_address.city", 0.34),
            Field("County", "applicant.permanent_address.county", 0.28),
            Field("State", "applicant.permanent_address.state", 0.14, min_line=24),
            Field("ZIP Code", "applicant.permanent_address.zip", 0.24)])
    pk.y += 3.0
    top = pk.room(pk.style.label_size + 4 + 30)
    pk.text(pk.left, top, "Mailing address, if different from your permanent address (P.O. Box allowed):")
    pk.y = top + pk.style.label_size + 2
    pk.row([Field("Street address", "applicant.mailing_address.street", 0.36),
            Field("City", "applicant.mailing_address.city", 0.3),
            Field("State", "applicant.mailing_address.state", 0.13, min_line=24),
            Field("ZIP Code", "applicant.mailing_address.zip", 0.21)])
    pk.y += 3.0
    top = pk.room(pk.style.label_size + 4 + 34)
    pk.text(pk.left, top + 2, "Your Medicare information:", bold=True)
    pk.y = top + pk.style.label_size + 5
    if pk.look.comb:
        pk.row([Field("Medicare Number", "medicare_number", comb=11)])
    else:
        pk.row([Field("Medicare Number", "medicare_number", 0.55), _space(0.45)])


# -- page 2: STEP 2 ------------------------------------------------------------------------------------------------

def _other_coverage(pk: Packet) -> None:
    cover = pk.extras.coverage or (None, None, None)
    pk.question(pk.rng.choice([
        "Do you have other health insurance or prescription drug coverage, like VA, TRICARE, or coverage through an "
        "employer or union?",
        "Some people have other health or drug coverage, like VA benefits, TRICARE, Federal employee health benefits, "
        "or coverage through an employer or union. Do you have other health insurance or prescription drug coverage?",
    ]), keep=60)
    indent = pk.left + 14
    pk.row([Field("Name of other coverage", note=cover[0])], x=indent)
    pk.row([Field("Member ID for this coverage", share=0.55, note=cover[1]), Field("Group ID", share=0.45,
                                                                                     note=cover[2])], x=indent)


def _long_term_care(pk: Packet) -> None:
    pk.question("Are you a resident in a long-term care facility, like a nursing home? If yes, please provide the "
                "following information:", keep=60)
    indent = pk.left + 14
    pk.row([Field("Name of institution")], x=indent)
    pk.row([Field("Address & phone number of institution (number and street)")], x=indent)


def _follow_up(question: str, label: str | None) -> Callable[["Packet"], None]:
    def draw(pk: Packet) -> None:
        pk.question(question, keep=30 if label else 0)
        if label:
            pk.row([Field(label, share=0.6), _space(0.4)], x=pk.left + 14)

    return draw


OPTIONAL_QUESTIONS = (
    _follow_up("Are you enrolled in your State Medicaid program?", "Medicaid number"),
    _follow_up("Are you or your spouse working now and covered by a group health plan through that work?",
               "Name of employer"),
    _follow_up("Are you currently a member of another Medicare health or drug plan that you want to leave when this "
               "coverage begins?", "Name of current plan"),
    _follow_up("Have you been told by a doctor that you have End-Stage Renal Disease (ESRD) and need regular "
               "dialysis or a kidney transplant?", None),
    _follow_up("Would you like to get your plan documents, like the Evidence of Coverage, by email instead of by "
               "mail? (Give your email address in Step 1.)", None),
)


def _format_choices(pk: Packet) -> None:
    """Blank language and accessible-format boxes."""
    size = pk.style.label_size
    for prompt, options in (
        ("Select one if you want us to send you information in a language other than English:",
         (("Spanish", False), ("Hmong", False), ("Other", False))),
        ("Select one if you want us to send you information in an accessible format:",
         (("Braille", False), ("Large print", False), ("Audio CD", False), ("Data CD", False))),
    ):
        top = pk.room(2 * size + 14)
        pk.text(pk.left, top, prompt)
        pk.options(pk.left + 14, top + size + 5, options)
        pk.y = top + 2 * size + 12


def _step2(pk: Packet) -> None:
    rng = pk.rng
    pk.step(2, "Answer these important questions")
    pk.paragraph(rng.choice(STEP2_INTRO), after=8)
    blocks = [_other_coverage, _long_term_care] + rng.sample(OPTIONAL_QUESTIONS, rng.randint(2, 4))
    rng.shuffle(blocks)
    for block in blocks:
        block(pk)
        pk.y += 5
    _format_choices(pk)
    pk.y += 3
    top = pk.room(pk.style.label_size + 6 + 30)
    pk.text(pk.left, top, "Please choose the name of a primary care physician (PCP), clinic or health center:")
    pk.y = top + pk.style.label_size
    pk.row([Field("", "primary_care_clinic")], x=pk.left + 14)
    h = pk.prose_height(PRA, size=7.0)
    if pk.fits(h + 14):
        pk.y = max(pk.y + 10, pk.bottom - h - 4)
        pk.paragraph(PRA, size=7.0)


# -- page 3: STEP 3 ------------------------------------------------------------------------------------------------

def _plan_table(pk: Packet) -> None:
    """A ruled table: a box before each row, the plan's name, its ID and its monthly premium."""
    c = pk.form.choice
    size = pk.style.label_size
    pitch = size + 8.0
    h = pitch * (len(PLANS) + 1)
    top = pk.room(h + 6)
    left, right = pk.left, pk.right
    name_x = left + 24
    id_x = name_x + max(pk.measure(n) for n in PLANS.values()) + pk.rng.uniform(20, 50)
    pk.b.page.add(Rect(round(left, 2), round(top, 2), round(right - left, 2), round(pitch, 2), 0.6, TABLE_FILL))
    head_top = top + (pitch - size) / 2
    pk.text(name_x, head_top, "Plan name", bold=True)
    pk.text(id_x, head_top, "Plan ID", bold=True)
    pk.text(right - 8 - pk.measure("Monthly premium", bold=True), head_top, "Monthly premium", bold=True)
    y = top + pitch
    for plan_id, name in PLANS.items():
        ty = y + (pitch - size) / 2
        pk.box(left + 8, ty + 0.45 * size - pk.look.box / 2, c["plan"] == plan_id)
        pk.text(name_x, ty, name)
        pk.text(id_x, ty, plan_id)
        premium = PREMIUMS[plan_id]
        pk.text(right - 8 - pk.measure(premium), ty, premium)
        y += pitch
        pk.rule(left, right, y, 0.4)
    pk.b.page.add(Rect(round(left, 2), round(top, 2), round(right - left, 2), round(h, 2), 0.8))
    pk.b.page.add(Line(round(id_x - 8, 2), round(top, 2), round(id_x - 8, 2), round(top + h, 2), 0.4))
    pk.y = top + h + 8


def _payment(pk: Packet) -> None:
    c = pk.form.choice
    size = pk.style.label_size
    pk.paragraph(PAYING, keep=size + 6)
    ways = (("Get a bill", "bill"),
            ("Automatic deduction from your monthly Social Security benefit", "ssa"),
            ("Automatic deduction from your monthly Railroad Retirement Board (RRB) benefit", "rrb"),
            ("Electronic funds transfer (EFT) from your bank account each month", "eft"))
    top = pk.room(size + 6 + len(ways) * (size + 6))
    pk.text(pk.left, top, "Please select a premium payment option:", bold=True)
    y = top + size + 6
    for words, method in ways:
        pk.options(pk.left + 14, y, ((words, c["method"] == method),))
        y += size + 6
    pk.y = y + 4
    indent = pk.left + 14
    pk.paragraph(EFT_NOTE, x=indent, keep=60)
    pk.row([Field("Account holder name", "premium_payment.account_holder", 0.7), _space(0.3)],
           x=indent)
    pk.row([Field("Bank routing number", "premium_payment.routing_number", 0.46),
            Field("Bank account number", "premium_payment.account_number", 0.54)], x=indent)
    pk.row([Field("Account type", options=(("Checking", c["account_type"] == "checking"),
                                           ("Saving", c["account_type"] == "savings")))], x=indent)


def _step3(pk: Packet) -> None:
    c = pk.form.choice
    pk.step(3, "Choose your plan and how to pay")
    pk.paragraph(PLAN_INTRO, after=6)
    _plan_table(pk)
    pk.paragraph(START_NOTE, after=2)
    pk.row([Field("Requested effective date", "requested_effective_date", 0.55), _space(0.45)])
    price = pk.rng.choice(DENTAL_PRICES)
    pk.question(f"Would you like to add Optional Supplemental Dental for {price} a month? It covers two cleanings a "
                f"year, fillings and extractions.",
                (("Yes", c["dental"] is True), ("No", c["dental"] is False)))
    pk.y += 8
    _payment(pk)


# -- page 4: STEP 4, the representative, the agent, office use ----------------------------------------------------

def _attestation(rng: random.Random) -> tuple[str, str]:
    return (" ".join(rng.choice(v) for v in ATTEST_1), " ".join(rng.choice(v) for v in ATTEST_2))


def _step4(pk: Packet) -> None:
    pk.step(4, "Read and sign below")
    for text in _attestation(pk.rng):
        pk.paragraph(text, after=5)
    pk.y += 4
    pk.row([Field("Signature", share=0.62, sign=True), Field("Today's date", "signature.date", 0.38)])
    pk.y += 4
    top = pk.room(pk.style.label_size + 6 + 30)
    pk.text(pk.left, top, REP_NOTE, bold=True)
    pk.y = top + pk.style.label_size + 4
    pk.row([Field("Name", "authorized_representative.name", 0.55),
            Field("Phone number", "authorized_representative.phone", 0.45)])
    pk.row([Field("Address", "authorized_representative.address")])
    pk.row([Field("Relationship to enrollee", "authorized_representative.relationship", 0.6),
            _space(0.4)])


def _agent(pk: Packet) -> None:
    ex = pk.extras
    pk.y += 6
    pk.heading("For agents and brokers", keep=70)
    pk.paragraph(AGENT_NOTE, after=4)
    pk.row([Field("Agent/Broker name", "agent.name", 0.48), Field("Agent NPN (National Producer Number)", "agent.npn",
                                                                  0.52)])
    pk.row([Field("Agency name", share=0.58, note=ex.agency), Field("Agent phone", share=0.42, note=ex.agent_phone)])


def _office(pk: Packet) -> None:
    """The grey-bordered, always blank "Office use only" box."""
    pad = 7.0
    row_h = pk.style.value_size + 13.0 + pk.look.row_gap
    h = pad + pk.style.label_size + 6 + 3 * row_h + 2
    top = pk.room(h + 10) + 8
    pk.b.page.add(Rect(round(pk.left, 2), round(top, 2), round(pk.width, 2), round(h, 2), 1.2, None, OFFICE_GREY))
    pk.text(pk.left + pad, top + pad, "Office use only", bold=True)
    pk.y = top + pad + pk.style.label_size + 2
    x, w = pk.left + pad, pk.width - 2 * pad
    pk.row([Field("Name of staff member/agent", share=0.7), _space(0.3)], x=x, width=w)
    pk.row([Field("ICEP/IEP", share=0.3), Field("AEP", share=0.25), Field("SEP (type)", share=0.45)], x=x, width=w)
    pk.row([Field("Plan ID #", share=0.28), Field("Effective date of coverage", share=0.4),
            Field("Date received", share=0.32)], x=x, width=w)
    pk.y = max(pk.y, top + h + 4)


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    style = _style(style, rng)
    look = _look(rng)
    pk = Packet(form, style, rng, look, _extras(form, rng))
    pk.new_page()
    _masthead(pk)
    _instructions(pk)
    _step1(pk)
    _step2(pk)
    _step3(pk)
    _step4(pk)
    _agent(pk)
    _office(pk)
    return pk.footers()
