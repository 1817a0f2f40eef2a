"""Layout "heldout15": used ONLY for evaluation, never for tuning parsers.

An insurance agent's FAXED (or mailed) ENROLLMENT PACKET: a fax COVER SHEET
(left out on 1 document in 4; three designs), the APPLICATION as a fillable
PDF the agent TYPED and printed (2 pages, 3 when the agent's section starts a
page of its own), and a SCOPE OF SALES APPOINTMENT confirmation (only when the
application names an agent; last, or first after the cover on 1 in 4).

The application's fields are thin-bordered boxes (light blue, pale yellow or
white) with 6.5-8 pt labels ABOVE or LEFT of them (per document), the answers
typed in one font, inset, vertically centred and shrunk down to 5.5 pt when
too long (Acrobat's auto size); ALL CAPS or Title Case, "03/04/1948" or
"3/4/1948", "(715) 555-0123" or "715-555-0123", the Medicare number dashed or
not by the software (an SSN stays as written); tick boxes before their words;
the signature scribbled by hand, its date typed or handwritten.

Nothing on the cover sheet or the SOA is a field of the application: their
names, phones and dates are the agent's, the agency's or other days' (the fax
date 0-3 days after the signature, the SOA signed 2-14 days before it), and
the applicant's name, phone or address appear there only when the application
has them. samples/README.md lists the wordings.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from intake.plans import PLANS
from samples.fax import PLAN_FAX
from samples.fonts import pil_font, text_width, wrap_words
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style, scribble, shared_widths
from samples.people import AGENCIES, draw_name
from samples.primitives import BLACK, LETTER, Checkbox, Ink, Line, PageLayout, Rect, Text

__all__ = ["build", "is_enclosure", "ENCLOSURE_TITLES"]

PAGE_W = LETTER[0]
WHITE: Ink = (255, 255, 255)
HAIR: Ink = (150, 150, 150)
SHADE: Ink = (228, 228, 228)
FORM_NO = "AHP-IEF-2027-15"
PLAN_FAX_TEXT = f"({PLAN_FAX[1:4]}) {PLAN_FAX[4:7]}-{PLAN_FAX[7:]}"
PLAN_PHONE = "1-855-711-2500"
BOTTOM = 742.0  # the application's body stops above its footer
MIN_TYPED = 5.5  # the smallest an auto-sized answer gets
INSET = 3.0  # between a box's border and its typed answer
HAND_SPREAD = 1.12  # handwriting runs up to ~10 % wider than its font (render_image's jitter)
PREMIUMS = dict(zip(PLANS, ("$0.00", "$36.00", "$84.00", "$0.00", "$59.00")))
DENTAL_PRICES = ("$24.80", "$29.00", "$32.60", "$35.40")
FILLS: tuple[Ink | None, ...] = ((221, 231, 250), (214, 226, 252), (255, 250, 208), None, None)
BARS: tuple[Ink, ...] = ((22, 54, 110), (0, 88, 96), (70, 40, 100), (45, 45, 45))
COVER_TITLES = ("FAX", "Facsimile Transmittal", "FAX COVER SHEET")
SOA_TITLE = "Scope of Sales Appointment Confirmation Form"
#: the title runs that mark a page as no part of the application (the test reads them)
ENCLOSURE_TITLES = COVER_TITLES + (SOA_TITLE,)
AGENCY_ADDRESSES = ("2204 Stewart Ave, Suite 3, Wausau, WI 54401", "118 Brown St, Suite 200, Rhinelander, WI 54501",
                    "1525 Strongs Ave, Stevens Point, WI 54481", "600 E Grand Ave, Ste B, Wisconsin Rapids, WI 54494")

ATTESTATION = (
    "By signing, I agree that Aspirus Health Plan contracts with the federal government; that I must keep Medicare "
    "Part A and Part B; that I can be in only one Medicare Advantage plan at a time and that joining this plan ends my "
    "enrollment in any other Medicare health or drug plan. The information on this form is correct to the best of my "
    "knowledge. If an authorized representative signs for me, that person is authorized under State law to do so. "
    "The date I sign is not the date my coverage begins.")
AGENT_NOTE = ("To be completed by the licensed agent or broker. By submitting this application I certify that I am "
              "licensed and appointed with Aspirus Health Plan, that I reviewed the plan's benefits, costs and rules "
              "with the applicant, and that the applicant's Scope of Sales Appointment was documented before our "
              "meeting.")
NOTICE = ("CONFIDENTIALITY NOTICE: This facsimile contains confidential information, including protected health "
          "information, intended only for the use of the individual or entity named above. If you are not the "
          "intended recipient, you are hereby notified that any review, disclosure, copying, distribution or use of "
          "this information is strictly prohibited. If you received this fax in error, please notify the sender "
          "immediately by telephone and destroy the original.")
SOA_INTRO = (
    "The Centers for Medicare and Medicaid Services requires agents to document the scope of a marketing appointment "
    "prior to any face-to-face sales meeting to ensure understanding of what will be discussed between the agent and "
    "the Medicare beneficiary (or their authorized representative). All information provided on this form is "
    "confidential and should be completed by each person with Medicare or his/her authorized representative.")
SOA_AGREE = (
    "By signing this form, you agree to a meeting with a sales agent to discuss the types of products you checked "
    "above. Please note, the person who will discuss the products is either employed or contracted by a Medicare "
    "plan. They do not work directly for the Federal government. This individual may also be paid based on your "
    "enrollment in a plan. Signing this form does NOT obligate you to enroll in a plan, affect your current or future "
    "enrollment status, or enroll you in a Medicare plan.")
PRODUCTS = ("Medicare Advantage Plans (Part C) and Cost Plans", "Stand-alone Medicare Prescription Drug Plans (Part D)",
            "Dental/Vision/Hearing Products", "Medicare Supplement (Medigap) Products", "Hospital Indemnity Products")
CONTACTS = ("Phone call from beneficiary", "Referral", "Walk-in", "Reply card", "Seminar", "Existing client")
REPRESENTED = ("Aspirus Health Plan", "Aspirus Health Plan (MA)", "Aspirus Health Plan; Delta Dental of WI",
               "Aspirus Medicare Advantage plans")


# -- what the agent's software types -------------------------------------------------------------------------------

def _title(text: str) -> str:
    """'1234 N 5TH AVE, WAUSAU, WI 54401' -> '1234 N 5th Ave, Wausau, WI 54401' (PO, WI, MI and a state code after a
    comma stay upper case, 'of'/'and' lower case)."""
    words: list[str] = []
    for i, word in enumerate(text.split(" ")):
        core = word.strip(",.")
        if core in ("PO", "WI", "MI") or (len(core) == 2 and core.isalpha() and words and words[-1].endswith(",")):
            words.append(word)
        elif i and core in ("OF", "AND"):
            words.append(word.lower())
        else:
            words.append(word[:1].upper() + word[1:].lower())
    return " ".join(words)


@dataclass(frozen=True)
class Typist:
    """How one document's software formats what the agent keyed in (the value itself never changes)."""

    caps: bool
    padded_dates: bool  # 03/04/1948 (else 3/4/1948)
    dashed_phone: bool  # 715-555-0123 (else (715) 555-0123)
    dashed_mbi: bool  # 1EG4-TE5-MK73 (else 1EG4TE5MK73)

    def __call__(self, path: str, raw: str | None) -> str | None:
        if not raw:
            return raw
        leaf = path.rsplit(".", 1)[-1]
        if leaf.endswith("date"):
            return self.date(raw)
        if leaf == "phone":
            return self.phone(raw)
        if path == "medicare_number":
            return self.mbi(raw)
        if leaf in ("state", "zip", "middle_initial", "npn", "routing_number", "account_number"):
            return raw
        return self.words(raw)

    def words(self, text: str) -> str:
        return text.upper() if self.caps else _title(text.upper())

    def date(self, text: str) -> str:
        match = re.fullmatch(r"(\d{2})/(\d{2})/(\d{4})", text)
        if not match or self.padded_dates:
            return text
        month, day, year = match.groups()
        return f"{int(month)}/{int(day)}/{year}"

    def phone(self, text: str) -> str:
        digits = re.sub(r"\D", "", text)
        if len(digits) != 10:
            return text
        a, b, c = digits[:3], digits[3:6], digits[6:]
        return f"{a}-{b}-{c}" if self.dashed_phone else f"({a}) {b}-{c}"

    def mbi(self, text: str) -> str:
        compact = text.replace("-", "")
        if not re.fullmatch(r"[1-9][A-Z][A-Z0-9]\d[A-Z][A-Z0-9]\d[A-Z]{2}\d{2}", compact):
            return text  # an SSN or anything else stays as written
        return f"{compact[:4]}-{compact[4:7]}-{compact[7:]}" if self.dashed_mbi else compact


# -- what changes from document to document ------------------------------------------------------------------------

@dataclass(frozen=True)
class Look:
    margin: float
    above: bool  # labels above the boxes' top-left corner (else left of the boxes)
    label_size: float
    fill: Ink | None  # the fields' background
    border: Ink
    box_h: float
    row_gap: float
    gap: float  # between two fields on a row
    bar: Ink | None  # headings white on this colour (None: bold over a rule)
    mark: str  # how the software draws a checked box
    tick: float
    sex_words: tuple[str, str]
    buttons: bool  # "Print Form" / "Clear Form" on page 1
    hand_date: bool  # the signature date written by hand (else typed before printing)
    agent_page: bool  # the agent's section starts a page of its own (a 3-page application)
    sign_label: str


def _look(rng: random.Random) -> Look:
    label_size = rng.choice([6.5, 7.0, 7.5, 8.0])
    return Look(
        margin=round(rng.uniform(34.0, 42.0), 1), above=rng.random() < 0.5, label_size=label_size,
        fill=rng.choice(FILLS), border=rng.choice([(0, 0, 0), (90, 90, 90), (60, 70, 110)]),
        box_h=round(rng.uniform(14.5, 18.0), 1), row_gap=round(rng.uniform(5.0, 8.0), 1),
        gap=round(rng.uniform(7.0, 12.0), 1), bar=rng.choice(BARS) if rng.random() < 0.55 else None,
        mark=rng.choice(["check", "x", "fill"]), tick=rng.choice([7.5, 8.0, 9.0]),
        sex_words=rng.choice([("M", "F"), ("Male", "Female")]), buttons=rng.random() < 0.5,
        hand_date=rng.random() < 0.5, agent_page=rng.random() < 0.2,
        sign_label=rng.choice(["Applicant signature", "Signature of applicant or authorized representative"]),
    )


@dataclass(frozen=True)
class Packet:
    """The people, numbers and dates around the application: none of them is a field of it."""

    agency: tuple[str, str, str, str]  # name, address, phone, fax
    agent: str | None  # the application's agent name as typed
    agent_phone: str | None
    writing_id: str | None
    sender: str  # who sends the fax: the agent or an assistant
    applicant: str | None  # "MARGARET OLSON" when the form has both names
    fax_date: date
    soa_date: date
    met_on: date
    plans: tuple[str, ...]  # the plan IDs the form lists
    dental_price: str
    cover: bool
    soa: bool
    soa_first: bool


def _other_phones(rng: random.Random, form: FormData, n: int) -> list[str]:
    """``n`` different 555-01xx numbers, none the applicant's or the representative's."""
    keys = ("applicant.phone", "authorized_representative.phone")
    taken = {re.sub(r"\D", "", form.printed.get(k) or "") for k in keys}
    out: list[str] = []
    while len(out) < n:
        digits = f"{rng.choice(['715', '715', '920'])}55501{rng.randint(0, 99):02d}"
        if digits not in taken and digits not in out:
            out.append(digits)
    return out


def _dates(form: FormData, rng: random.Random) -> tuple[date, date, date]:
    """The fax date (0-3 days after the signature), the SOA's date (2-14 days before it) and the meeting's."""
    signed, start = form.truth["signature"]["date"], form.truth["requested_effective_date"]
    if signed:
        base = date.fromisoformat(signed)
    elif start:
        base = date.fromisoformat(start) - timedelta(days=rng.randint(25, 50))
    else:
        base = date(2026, 10, 20) + timedelta(days=rng.randint(0, 40))
    soa = base - timedelta(days=rng.randint(2, 14))
    met = soa + timedelta(days=rng.randint(0, (base - soa).days - 2))
    return base + timedelta(days=rng.choice([0, 1, 1, 2, 3])), soa, met


def _packet(form: FormData, rng: random.Random, typist: Typist) -> Packet:
    p = form.printed
    has_agent = bool(form.truth["agent"] or p.get("agent.name") or p.get("agent.npn"))
    phone, fax, own = (typist.phone(d) for d in _other_phones(rng, form, 3))
    agency = (_title(rng.choice(AGENCIES)), rng.choice(AGENCY_ADDRESSES), phone, fax)
    agent = typist("agent.name", p.get("agent.name"))
    npn = (form.truth["agent"] or {}).get("npn") or p.get("agent.npn") or ""
    writing = None
    if has_agent:
        number = str(rng.randint(10000, 9999999))
        while number == npn:
            number = str(rng.randint(10000, 9999999))
        writing = rng.choice([number, f"W{number}", f"AHP-{number}"])
    first, _, last = draw_name(rng, rng.choice("MF"))
    assistant = f"{first.title()} {last.title()}"
    sender = agent if agent and rng.random() < 0.6 else assistant
    both = p.get("applicant.first_name") and p.get("applicant.last_name")
    applicant = f"{p['applicant.first_name']} {p['applicant.last_name']}" if both else None
    fax_date, soa_date, met_on = _dates(form, rng)
    chosen = form.choice["plan"]
    others = [pid for pid in PLANS if pid != chosen]
    listed = set(rng.sample(others, rng.choice([3, 4]) - (1 if chosen else 0))) | ({chosen} if chosen else set())
    return Packet(agency=agency, agent=agent, agent_phone=own if has_agent else None, writing_id=writing,
                  sender=sender, applicant=applicant, fax_date=fax_date, soa_date=soa_date, met_on=met_on,
                  plans=tuple(pid for pid in PLANS if pid in listed), dental_price=rng.choice(DENTAL_PRICES),
                  cover=rng.random() < 0.75, soa=has_agent, soa_first=rng.random() < 0.25)


# -- fields on a row -----------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Field:
    label: str
    path: str | None = None  # the answer typed in the box (None: a box left blank)
    share: float = 1.0
    options: tuple[tuple[str, bool], ...] = ()  # tick boxes instead of a text box
    note: str | None = None  # typed by the software but no field of the application
    min_box: float = 34.0
    sign: bool = False  # the box the applicant signs in
    hand: bool = False  # the answer written by hand after printing


def _colon(label: str) -> str:
    return label if label.endswith(("?", ":")) else label + ":"


def _measure(text: str, font: str, size: float) -> float:
    """The printed width: the wider of the 300 dpi raster's (hinted) and the PDF's (exact) measure."""
    return max(text_width(text, font, size), pil_font(font, 1000).getlength(text) * size / 1000)


def _fit(words: str, style: Style, room: float, floor: float) -> float:
    """The style's value size, or smaller (not under ``floor``) so the words fit ``room`` points."""
    size, spread = style.value_size, HAND_SPREAD if style.hand else 1.0
    while size > floor and _measure(words, style.value_font, size) * spread > room:
        size -= 0.25
    return size


class Application:
    """The fillable form's pages: rows flow down a page and move to the next one when they do not fit."""

    def __init__(self, form: FormData, look: Look, typed: Style, hand: Style, typist: Typist, packet: Packet,
                 rng: random.Random) -> None:
        self.form, self.look, self.typed, self.hand = form, look, typed, hand
        self.typist, self.packet, self.rng = typist, packet, rng
        self.left, self.right = look.margin, PAGE_W - look.margin
        self.width = self.right - self.left
        self.builders: list[PageBuilder] = []
        self.y = 0.0
        self.new_page()

    @property
    def b(self) -> PageBuilder:
        return self.builders[-1]

    @property
    def label_h(self) -> float:
        """Room a label above a box takes (none when labels sit left of the boxes)."""
        return self.look.label_size + 2.0 if self.look.above else 0.0

    # pages ------------------------------------------------------------------------------------------------------
    def new_page(self) -> None:
        self.builders.append(PageBuilder(self.form, self.typed))
        if len(self.builders) == 1:
            self.masthead()
        else:
            self.continued()

    def masthead(self) -> None:
        top, right = 34.0, self.right
        self.b.title(self.left, top, "Aspirus Health Plan", 15)
        self.text(self.left, top + 20, "Medicare Advantage Individual Enrollment Form 2027", size=11, bold=True)
        self.text(right - _measure(FORM_NO, self.typed.label_font, 8), top + 2, FORM_NO, size=8)
        if self.look.buttons:
            x = right
            for word in ("Clear Form", "Print Form"):
                w = _measure(word, self.typed.label_font, 7.5) + 14
                x -= w
                self.b.page.add(Rect(round(x, 2), top + 16, round(w, 2), 14, 0.6, SHADE, HAIR))
                self.text(x + 7, top + 19.5, word, size=7.5)
                x -= 6
        self.y = top + 37
        self.paragraph(f"Complete this form on your computer, print it, then sign and date it by hand. Fax it to "
                       f"{PLAN_FAX_TEXT} or mail it to Aspirus Health Plan, P.O. Box 1890, Wausau, WI 54402.", 7.0)
        self.b.hline(self.left, right, self.y, 1.2)
        self.y += 10

    def continued(self) -> None:
        words = "Aspirus Health Plan  •  Individual Enrollment Form 2027 (continued)"
        self.text(self.left, 30, words, size=8, bold=True)
        self.text(self.right - _measure(FORM_NO, self.typed.label_font, 8), 30, FORM_NO, size=8)
        self.b.hline(self.left, self.right, 43, 0.8)
        self.y = 52.0

    def room(self, h: float) -> float:
        if self.y + h > BOTTOM:
            self.new_page()
        return self.y

    def pages(self) -> list[PageLayout]:
        n = len(self.builders)
        for i, b in enumerate(self.builders, 1):
            b.page.add(Line(self.left, 752, self.right, 752, 0.4, HAIR))
            b.text(self.left, 757, f"{FORM_NO} (07/2026)", size=7)
            words = f"Page {i} of {n}"
            b.text(self.right - _measure(words, self.typed.label_font, 7), 757, words, size=7)
        return [b.page for b in self.builders]

    # plain pieces -----------------------------------------------------------------------------------------------
    def text(self, x: float, y: float, words: str, *, size: float | None = None, bold: bool = False,
             ink: Ink = BLACK) -> None:
        s = self.typed
        self.b.page.add(Text(round(x, 2), round(y, 2), words, s.label_bold if bold else s.label_font,
                             size or self.look.label_size, "label", ink))

    def measure(self, words: str, size: float | None = None, bold: bool = False) -> float:
        s = self.typed
        return _measure(words, s.label_bold if bold else s.label_font, size or self.look.label_size)

    def paragraph_height(self, words: str, size: float) -> float:
        return len(wrap_words(words, self.typed.label_font, size, self.width * 0.985)) * size * 1.25 + 4

    def paragraph(self, words: str, size: float) -> None:
        lines = wrap_words(words, self.typed.label_font, size, self.width * 0.985)
        y = self.room(self.paragraph_height(words, size))
        for line in lines:
            self.text(self.left, y, line, size=size)
            y += size * 1.25
        self.y = y + 4

    def heading(self, title: str, keep: float | None = None) -> None:
        """A section heading kept with the ``keep`` points under it (a row): white on a bar, or bold over a rule."""
        lk = self.look
        y = self.room(25 + (keep or self.label_h + lk.box_h + lk.row_gap)) + 4
        if lk.bar:
            self.b.page.add(Rect(self.left, round(y, 2), round(self.width, 2), 14.0, 0.4, lk.bar, lk.bar))
            self.text(self.left + 5, y + 3, title, size=9, bold=True, ink=WHITE)
        else:
            self.text(self.left, y + 1, title, size=10, bold=True)
            self.b.hline(self.left, self.right, y + 14, 0.9)
        self.y = y + 21

    def box(self, x: float, y: float, w: float, h: float) -> None:
        self.b.page.add(Rect(round(x, 2), round(y, 2), round(w, 2), round(h, 2), 0.75, self.look.fill,
                             self.look.border))

    def typed_in(self, x: float, y: float, w: float, h: float, words: str | None, role: str = "value") -> None:
        """Typed left-aligned and vertically centred, auto-sized down so it fits the box."""
        if not words:
            return
        s = self.typed
        size = _fit(words, s, w - 2 * INSET, MIN_TYPED)
        top = y + h / 2 - 0.44 * size
        self.b.page.add(Text(round(x + INSET, 2), round(top, 2), words, s.value_font, size, role))

    def tick(self, x: float, y: float, checked: bool) -> None:
        self.b.page.add(Checkbox(round(x, 2), round(y, 2), self.look.tick, self.look.mark if checked else None,
                                 ink=self.look.border))

    def options(self, x: float, top: float, options: tuple[tuple[str, bool], ...]) -> float:
        """Tick boxes each BEFORE its words, the words' top at ``top``; returns the x after the last."""
        size, t = self.look.label_size + 0.5, self.look.tick
        for word, checked in options:
            self.tick(x, top + 0.45 * size - t / 2, checked)
            self.text(x + t + 3.5, top, word, size=size)
            x += t + 3.5 + self.measure(word, size) + 12.0
        return x - 12.0

    def options_width(self, options: tuple[tuple[str, bool], ...]) -> float:
        size = self.look.label_size + 0.5
        return sum(self.look.tick + 3.5 + self.measure(w, size) for w, _ in options) + 12.0 * (len(options) - 1)

    # rows of fields ---------------------------------------------------------------------------------------------
    def answer(self, f: Field) -> str | None:
        return f.note if f.note is not None else self.typist(f.path, self.form.printed.get(f.path)) if f.path else None

    def label_w(self, f: Field) -> float:
        return self.measure(_colon(f.label)) + 4.0 if f.label and not self.look.above else 0.0

    def need(self, f: Field) -> float:
        """The narrowest a field may be: its label and its options, or a box its answer fits at the smallest size."""
        if f.options:
            inner = self.options_width(f.options) + 2
        else:
            words = self.answer(f)
            typed = _measure(words, self.typed.value_font, MIN_TYPED) + 2 * INSET + 1 if words else 0.0
            inner = max(f.min_box, typed)
        if self.look.above:
            return max(inner, self.measure(f.label) + 2)
        return self.label_w(f) + inner

    def widths(self, fields: list[Field], total: float) -> list[float]:
        """Widths from the shares (the later starts moved +-6 % per document), each at least its need."""
        room = total - self.look.gap * (len(fields) - 1)
        return shared_widths([f.share for f in fields], room, self.rng, (0.94, 1.06), lambda: [self.need(f) for f in fields])

    def row(self, fields: list[Field], *, x: float | None = None, width: float | None = None) -> None:
        """Fields side by side; a row too crowded for its room (labels left of the boxes) goes on two rows."""
        lk = self.look
        x = self.left if x is None else x
        if len(fields) > 2 and sum(self.need(f) for f in fields) > 0.8 * ((width or self.right - x) - lk.gap):
            half = len(fields) // 2
            for part in (fields[:half], fields[half:]):
                self.one_row(part + [Field("", share=0.25 * len(part), min_box=0)], x, width)
            return
        self.one_row(fields, x, width)

    def one_row(self, fields: list[Field], x: float, width: float | None, h: float | None = None) -> None:
        lk = self.look
        h = h or lk.box_h
        y = self.room(self.label_h + h + lk.row_gap)
        for f, w in zip(fields, self.widths(fields, width or self.right - x)):
            if f.label or f.path or f.options:
                self.field(f, x, y, w, h)
            x += w + lk.gap
        self.y = y + self.label_h + h + lk.row_gap

    def field(self, f: Field, x: float, y: float, w: float, h: float) -> None:
        lk = self.look
        box_y = y + self.label_h
        if lk.above:
            self.text(x + 0.5, y, f.label)
        else:
            self.text(x, box_y + (h - lk.label_size) / 2 - 0.5, _colon(f.label))
        bx = x + self.label_w(f)
        bw = x + w - bx
        if f.options:
            self.options(bx + 2, box_y + (h - lk.label_size - 0.5) / 2, f.options)
            return
        self.box(bx, box_y, bw, h)
        if f.sign and self.form.choice["signed"]:
            width = min(bw - 30, 230.0) * self.rng.uniform(0.6, 1.0)
            self.b.page.add(scribble(self.rng, bx + 10, box_y + 2, width, h - 5, self.hand.value_ink))
        elif f.hand and self.answer(f):  # written by hand after printing, near the box's bottom
            s, words = self.hand, self.answer(f)
            size = _fit(words, s, bw - 8, 7.0)
            self.b.page.add(Text(round(bx + 5, 2), round(box_y + h - size - 2, 2), words, s.value_font, size, "value",
                                 s.value_ink, s.hand))
        elif not f.sign:
            self.typed_in(bx, box_y, bw, h, self.answer(f), "note" if f.note is not None else "value")

    def option_line(self, words: str, options: tuple[tuple[str, bool], ...]) -> None:
        """A line of words (a question, or none) with tick boxes right after them."""
        size = self.look.label_size + 0.5
        y = self.room(size + 8)
        if words:
            self.text(self.left, y, words, size=size)
        self.options(self.left + 2 + (self.measure(words, size) + 12 if words else 0), y, options)
        self.y = y + size + 7

    # blocks -----------------------------------------------------------------------------------------------------
    def plan_list(self) -> None:
        """A box before each plan's name, its plan ID and its monthly premium."""
        c, lk = self.form.choice, self.look
        size = lk.label_size + 1.0
        pitch = max(lk.tick, size) + 6.0
        plans = self.packet.plans
        top = self.room(size + 6 + pitch * (len(plans) + 1))
        self.text(self.left, top, "Select ONE plan:", size=size, bold=True)
        y = top + size + 6
        name_x = self.left + lk.tick + 10
        id_x = name_x + max(self.measure(PLANS[pid], size) for pid in plans) + 28
        premium_x = id_x + self.measure("H5652-000", size) + 40
        for x, words in ((name_x, "Plan name"), (id_x, "Plan ID"), (premium_x, "Monthly premium")):
            self.text(x, y, words, size=lk.label_size, bold=True)
        y += pitch
        for pid in plans:
            self.tick(self.left + 2, y + 0.45 * size - lk.tick / 2, c["plan"] == pid)
            for x, words in ((name_x, PLANS[pid]), (id_x, pid), (premium_x, PREMIUMS[pid])):
                self.text(x, y, words, size=size)
            self.b.page.add(Line(self.left, round(y + pitch - 3, 2), round(premium_x + 80, 2), round(y + pitch - 3, 2),
                                 0.3, HAIR))
            y += pitch
        self.y = y + 4

    def office_box(self) -> None:
        """The plan's own box, always blank."""
        lk = self.look
        h = 14 + self.label_h + lk.box_h + 8
        y = self.room(h + 8) + 4
        self.b.page.add(Rect(self.left, round(y, 2), round(self.width, 2), round(h, 2), 0.8, None, HAIR))
        self.text(self.left + 6, y + 4, "For plan use only", size=lk.label_size + 0.5, bold=True)
        self.y = y + 14
        self.row([Field("Date received", share=0.25), Field("Election period", share=0.25),
                  Field("Plan ID", share=0.2), Field("Entered by", share=0.3)], x=self.left + 6,
                 width=self.width - 12)
        self.y = y + h + 4


# -- the application's sections --------------------------------------------------------------------------------

def _applicant(app: Application) -> None:
    c, (male, female) = app.form.choice, app.look.sex_words
    app.heading("1. Applicant information")
    app.row([Field("Last name", "applicant.last_name", 0.4), Field("First name", "applicant.first_name", 0.4),
             Field("M.I.", "applicant.middle_initial", 0.1, min_box=16)])
    app.row([Field("Birth date (MM/DD/YYYY)", "applicant.birth_date", 0.24),
             Field("Sex", share=0.16, options=((male, c["sex"] == "M"), (female, c["sex"] == "F"))),
             Field("Home phone", "applicant.phone", 0.26), Field("Email address (optional)", share=0.34)])
    street = app.rng.uniform(0.45, 0.75)
    app.row([Field("Permanent residence street address (no P.O. Box)", "applicant.permanent_address.street", street),
             Field("Apt./Unit", share=0.14, min_box=24), Field("", share=0.86 - street, min_box=0)])
    app.row([Field("City", "applicant.permanent_address.city", 0.36),
             Field("County", "applicant.permanent_address.county", 0.28),
             Field("State", "applicant.permanent_address.state", 0.12, min_box=20),
             Field("ZIP code", "applicant.permanent_address.zip", 0.2)])
    y = app.room(app.look.label_size + 6 + app.label_h + app.look.box_h)
    app.text(app.left, y, "Mailing address (only if different from your permanent residence; a P.O. Box is allowed)",
             bold=True)
    app.y = y + app.look.label_size + 5
    app.row([Field("Street or P.O. Box", "applicant.mailing_address.street", 0.42),
             Field("City", "applicant.mailing_address.city", 0.3),
             Field("State", "applicant.mailing_address.state", 0.1, min_box=20),
             Field("ZIP code", "applicant.mailing_address.zip", 0.18)])


def _medicare(app: Application) -> None:
    app.heading("2. Medicare information")
    app.row([Field("Medicare Number (MBI)", "medicare_number", 0.46), Field("", share=0.54, min_box=0)])
    questions = ["Do you have other health or prescription drug coverage (employer, union, VA, TRICARE)?",
                 "Are you a resident of a long-term care facility, like a nursing home?",
                 "Are you enrolled in your State Medicaid program?"]
    for words in app.rng.sample(questions, app.rng.randint(1, 3)):
        app.option_line(words, (("Yes", False), ("No", False)))


def _plan(app: Application) -> None:
    c = app.form.choice
    app.heading("3. Plan selection")
    app.plan_list()
    clinic = app.rng.uniform(0.34, 0.6)
    app.row([Field("Requested effective date", "requested_effective_date", 0.3),
             Field("Primary care physician (PCP) / clinic", "primary_care_clinic", clinic),
             Field("", share=0.7 - clinic, min_box=0)])
    dental = f"Add Optional Supplemental Dental ({app.packet.dental_price}/month)?"
    app.row([Field(dental, share=1.0, options=(("Yes", c["dental"] is True), ("No", c["dental"] is False)))])


def _payment(app: Application) -> None:
    c = app.form.choice
    app.heading("4. Premium payment")
    app.paragraph("Select one way to pay your monthly plan premium. If you do not select an option, you will get a "
                  "bill each month. For EFT, enter your bank information below.", app.look.label_size)
    for words, key in (("Get a monthly bill", "bill"), ("Electronic funds transfer (EFT) from my bank account", "eft"),
                       ("Automatic deduction from my Social Security benefit", "ssa"),
                       ("Automatic deduction from my Railroad Retirement Board (RRB) benefit", "rrb")):
        app.option_line("", ((words, c["method"] == key),))
    app.row([Field("Account holder name", "premium_payment.account_holder", 0.52),
             Field("Account type", share=0.48, options=(("Checking", c["account_type"] == "checking"),
                                                        ("Savings", c["account_type"] == "savings")))])
    app.row([Field("Bank routing number", "premium_payment.routing_number", 0.4),
             Field("Bank account number", "premium_payment.account_number", 0.44), Field("", share=0.16, min_box=0)])


def _optional(app: Application) -> None:
    """Blank optional questions (none, some or all of them per document)."""
    no = False
    blocks = [[Field("Preferred language (if not English)", options=(("Spanish", no), ("Hmong", no), ("Other", no)))],
              [Field("Accessible format", options=(("Braille", no), ("Large print", no), ("Audio CD", no)))],
              [Field("Send plan documents by email instead of mail?", options=(("Yes", no), ("No", no)))],
              [Field("Emergency contact name", share=0.45), Field("Emergency contact phone", share=0.3),
               Field("Relationship", share=0.25)]]
    chosen = app.rng.sample(blocks, app.rng.randint(0, len(blocks)))
    if chosen:
        app.heading("Optional information")
    for fields in chosen:
        app.row(fields)


def _signature(app: Application) -> None:
    lk = app.look
    sign_h = lk.box_h * 2 + 4
    keep = app.paragraph_height(ATTESTATION, lk.label_size) + app.label_h + sign_h + lk.row_gap
    app.heading("5. Signature", keep=keep)
    app.paragraph(ATTESTATION, lk.label_size)
    app.one_row([Field(lk.sign_label, share=0.64, min_box=190, sign=True),
                 Field("Date", "signature.date", 0.36, min_box=80, hand=lk.hand_date)], app.left, None, sign_h)


def _representative(app: Application) -> None:
    app.heading("6. Authorized representative")
    app.paragraph("Complete only if someone other than the applicant signed above (power of attorney, legal guardian "
                  "or another person authorized under State law).", app.look.label_size)
    app.row([Field("Name", "authorized_representative.name", 0.36),
             Field("Relationship to applicant", "authorized_representative.relationship", 0.36),
             Field("Phone", "authorized_representative.phone", 0.28)])
    app.row([Field("Address", "authorized_representative.address", 0.74), Field("Email (optional)", share=0.26)])


def _agent(app: Application) -> None:
    pk = app.packet
    if app.look.agent_page:
        app.new_page()
    app.heading("7. Agent / broker information")
    app.paragraph(AGENT_NOTE, app.look.label_size)
    app.row([Field("Agent name", "agent.name", 0.4), Field("Agent NPN", "agent.npn", 0.3),
             Field("Agent phone", share=0.3, note=pk.agent_phone)])
    agency = app.typist.words(pk.agency[0]) if pk.agent_phone else None
    app.row([Field("Agency", share=0.6, note=agency), Field("Agent writing #/ID", share=0.4, note=pk.writing_id)])


def _application(app: Application) -> list[PageLayout]:
    for section in (_applicant, _medicare, _plan, _payment, _optional, _signature, _representative, _agent):
        section(app)
    app.office_box()
    return app.pages()


# -- the enclosures: plain pages of their own --------------------------------------------------------------------

class Sheet:
    """One enclosure page drawn with fixed margins; every filled-in word on it is a note."""

    def __init__(self, form: FormData, typed: Style, hand: Style, rng: random.Random) -> None:
        self.b = PageBuilder(form, typed)
        self.typed, self.hand, self.rng = typed, hand, rng
        self.left, self.right = 48.0, PAGE_W - 48.0
        self.width = self.right - self.left

    def text(self, x: float, y: float, words: str, size: float = 9.0, *, bold: bool = False, ink: Ink = BLACK) -> None:
        self.b.page.add(Text(round(x, 2), round(y, 2), words, "sans-bold" if bold else "sans", size, "label", ink))

    def note(self, x: float, y: float, words: str | None, *, hand: bool = False, room: float = 400.0) -> None:
        """A filled-in word, typed or handwritten, its top at ``y`` (smaller if it would not fit ``room``)."""
        if not words:
            return
        s = self.hand if hand else self.typed
        size = _fit(words, s, room, 6.5)
        ink = s.value_ink if hand else BLACK
        self.b.page.add(Text(round(x, 2), round(y, 2), words, s.value_font, size, "note", ink, hand and s.hand))

    def paragraph(self, x: float, y: float, words: str, size: float) -> float:
        """Returns the y under the paragraph."""
        for line in wrap_words(words, "sans", size, (self.right - x) * 0.985):
            self.text(x, y, line, size)
            y += size * 1.3
        return y

    def line_field(self, x: float, y: float, label: str, x2: float, words: str | None, *, hand: bool = False,
                   size: float = 9.0) -> None:
        """"Label: ______" with the words written on the line (the line's baseline at ``y`` + 12)."""
        self.text(x, y + 12 - 0.8 * size, label, size, bold=True)
        start = x + _measure(label, "sans-bold", size) + 6
        self.b.hline(start, x2, y + 13, 0.5)
        value = (self.hand if hand else self.typed).value_size
        self.note(start + 4, y + 12 - 0.8 * value - 1, words, hand=hand, room=x2 - start - 8)

    def signature(self, x: float, y: float, w: float, h: float) -> None:
        self.b.page.add(scribble(self.rng, x, y, w, h, self.hand.value_ink))  # signed with a pen


def _cover_fields(pk: Packet, typist: Typist, rng: random.Random, pages: int) -> dict[str, str]:
    """What the sender types on the cover: no field of the application."""
    phone, soa, when = pk.agent_phone or pk.agency[2], " SOA attached." if pk.soa else "", pk.fax_date
    re_line = "New MAPD enrollment application"
    if pk.applicant:
        first, last = (typist.words(part) for part in pk.applicant.split(" ", 1))
        re_line = rng.choice([f"New enrollment — {first} {last}", f"MAPD app for {last}, {first}"])
    return {"to": "Aspirus Health Plan — Enrollment", "from": pk.sender, "pages": f"{pages} (incl. cover)",
            "date": rng.choice([f"{when:%m/%d/%Y}", f"{when:%B} {when.day}, {when.year}"]), "re": re_line,
            "comment": rng.choice([f"Please process.{soa} Call me at {phone} with questions.",
                                   f"New MAPD enrollment for plan year 2027.{soa} Please call {phone} with any "
                                   f"questions.",
                                   f"Please process the attached application.{soa} Questions? {phone}. Thank you!"])}


def _comment_box(sh: Sheet, x: float, y: float, w: float, h: float, words: str, hand: bool) -> None:
    sh.b.rect(x, y, w, h, width=0.8)
    s = sh.hand if hand else sh.typed
    spread = HAND_SPREAD if hand else 1.0
    line_y = y + 10
    for line in wrap_words(words, s.value_font, s.value_size, (w - 24) / spread):
        sh.note(x + 10, line_y, line, hand=hand, room=w - 20)
        line_y += s.value_size * 1.6


def _cover_fax(sh: Sheet, pk: Packet, fields: dict[str, str], hand: bool, ink: Ink) -> None:
    """Design 1: monogram and agency at the top, "FAX" on the right, a To/From grid, urgency boxes, comments."""
    left, right, (name, address, phone, fax) = sh.left, sh.right, pk.agency
    initials = "".join(word[0] for word in name.split() if word[0].isalpha())[:3].upper()
    sh.b.page.add(Rect(left, 48, 40, 40, 0.6, ink, ink))  # the agency's monogram
    sh.text(left + 20 - _measure(initials, "sans-bold", 13) / 2, 61, initials, 13, bold=True, ink=WHITE)
    sh.text(left + 50, 49, name, 14, bold=True)
    sh.text(left + 50, 67, "Medicare & Senior Insurance Solutions", 8)
    sh.text(left + 50, 78, f"{address}  •  Phone {phone}  •  Fax {fax}", 7.5)
    sh.text(right - _measure("FAX", "sans-bold", 34), 44, "FAX", 34, bold=True)
    sh.b.hline(left, right, 100, 2.0)
    half = sh.width / 2
    grid = (("To:", fields["to"], "From:", fields["from"]), ("Fax:", PLAN_FAX_TEXT, "Phone:", phone),
            ("Phone:", PLAN_PHONE, "Fax:", fax), ("Date:", fields["date"], "Pages:", fields["pages"]))
    y = 114.0
    for row in grid:
        for i in (0, 1):
            x = left + i * (half + 10)
            sh.line_field(x, y, row[2 * i], x + half - 10, row[2 * i + 1])
        y += 28
    sh.line_field(left, y, "Re:", right, fields["re"])
    y += 38
    x = left
    urgent = sh.rng.choice([None, None, "Urgent", "For Review", "Please Reply"])
    for word in ("Urgent", "For Review", "Please Comment", "Please Reply", "Please Recycle"):
        sh.b.page.add(Checkbox(x, y, 9, "x" if word == urgent else None))
        sh.text(x + 13, y + 0.5, word, 9)
        x += 26 + _measure(word, "sans", 9)
    sh.text(left, y + 30, "Comments:", 10, bold=True)
    _comment_box(sh, left, y + 46, sh.width, 170, fields["comment"], hand)


def _cover_transmittal(sh: Sheet, pk: Packet, fields: dict[str, str], hand: bool, ink: Ink) -> None:
    """Design 2: a coloured band with the agency, "Facsimile Transmittal", a ruled table, a message box."""
    left, right, (name, address, phone, fax) = sh.left, sh.right, pk.agency
    sh.b.page.add(Rect(left, 44, sh.width, 36, 0.6, ink, ink))
    sh.text(left + 10, 55, name, 14, bold=True, ink=WHITE)
    for i, words in enumerate((f"Tel {phone}", f"Fax {fax}")):
        sh.text(right - 10 - _measure(words, "sans", 8), 50 + 12 * i, words, 8, ink=WHITE)
    sh.text(left, 92, address, 8)
    sh.text(left, 118, "Facsimile Transmittal", 22, bold=True)
    rows = (("Date", fields["date"]), ("To", fields["to"]), ("Fax number", PLAN_FAX_TEXT), ("From", fields["from"]),
            ("Phone", phone), ("Fax", fax), ("Pages (incl. cover)", fields["pages"]), ("Re", fields["re"]))
    y, pitch, split = 160.0, 24.0, left + 130
    sh.b.page.add(Rect(left, y, 130, pitch * len(rows), 0.6, SHADE, SHADE))
    for label, words in rows:
        sh.text(left + 6, y + 7, label, 9.5, bold=True)
        sh.note(split + 8, y + (pitch - sh.typed.value_size) / 2, words, room=right - split - 16)
        sh.b.hline(left, right, y + pitch, 0.5)
        y += pitch
    sh.b.rect(left, 160, sh.width, pitch * len(rows), width=0.8)
    sh.b.page.add(Line(split, 160, split, y, 0.5))
    sh.text(left, y + 18, "Message:", 10, bold=True)
    _comment_box(sh, left, y + 34, sh.width, 180, fields["comment"], hand)


def _cover_memo(sh: Sheet, pk: Packet, fields: dict[str, str], hand: bool, ink: Ink) -> None:
    """Design 3: centred agency, a "FAX COVER SHEET" bar, TO and FROM boxes, ruled notes lines."""
    left, right, (name, address, phone, fax) = sh.left, sh.right, pk.agency
    mid = PAGE_W / 2
    for y, words, size, bold in ((46, name, 16, True), (68, address, 8.5, False),
                                 (80, f"Phone {phone}   |   Fax {fax}", 8.5, False)):
        font = "sans-bold" if bold else "sans"
        sh.text(mid - _measure(words, font, size) / 2, y, words, size, bold=bold)
    sh.b.page.add(Rect(left, 100, sh.width, 24, 0.6, ink, ink))
    sh.text(mid - _measure(COVER_TITLES[2], "sans-bold", 13) / 2, 105, COVER_TITLES[2], 13, bold=True, ink=WHITE)
    half = (sh.width - 16) / 2
    blocks = (("TO", (("Name:", "Enrollment Department"), ("Company:", "Aspirus Health Plan"),
                      ("Fax:", PLAN_FAX_TEXT), ("Phone:", PLAN_PHONE))),
              ("FROM", (("Name:", fields["from"]), ("Company:", name), ("Phone:", phone), ("Fax:", fax))))
    for i, (title, rows) in enumerate(blocks):
        x = left + i * (half + 16)
        sh.b.rect(x, 138, half, 130, width=0.8)
        sh.text(x + 8, 144, title, 10, bold=True)
        for j, (label, words) in enumerate(rows):
            sh.line_field(x + 8, 160 + 26 * j, label, x + half - 8, words)
    y = 284.0
    for label, words in (("DATE:", fields["date"]), ("PAGES (INCL. COVER):", fields["pages"]), ("RE:", fields["re"])):
        sh.line_field(left, y, label, right, words)
        y += 28
    sh.text(left, y + 10, "NOTES / COMMENTS:", 10, bold=True)
    y += 28
    s = sh.hand if hand else sh.typed
    lines = wrap_words(fields["comment"], s.value_font, s.value_size, (sh.width - 12) / (HAND_SPREAD if hand else 1.0))
    for i in range(7):
        line_y = y + 24 * (i + 1)
        sh.b.hline(left, right, line_y, 0.5)
        if i < len(lines):
            sh.note(left + 4, line_y - 0.8 * s.value_size - 2, lines[i], hand=hand, room=sh.width - 8)


def _cover(form: FormData, pk: Packet, typist: Typist, typed: Style, hand: Style, rng: random.Random,
           pages: int) -> PageLayout:
    sh = Sheet(form, replace(typed, value_font=rng.choice(["sans", "serif", "mono"]), value_size=10.5), hand, rng)
    design = rng.choice([_cover_fax, _cover_transmittal, _cover_memo])
    design(sh, pk, _cover_fields(pk, typist, rng, pages), rng.random() < 0.4, rng.choice(BARS))
    y = sh.paragraph(sh.left, 680, NOTICE, 7.5)
    assert y < 760, "the confidentiality notice runs off the page"
    return sh.b.page


# -- the Scope of Sales Appointment -------------------------------------------------------------------------------

def _soa_beneficiary(form: FormData, pk: Packet, typist: Typist, rng: random.Random) -> tuple[str | None, ...]:
    """The applicant's name, phone and address as the agent copies them (each optional one sometimes left blank;
    never a value the application leaves blank)."""
    p = form.printed
    home = [p.get(f"applicant.permanent_address.{k}") for k in ("street", "city", "state", "zip")]
    return (typist.words(pk.applicant) if pk.applicant and rng.random() < 0.9 else None,
            typist.phone(p["applicant.phone"]) if p.get("applicant.phone") and rng.random() < 0.6 else None,
            typist.words("{}, {}, {} {}".format(*home)) if all(home) and rng.random() < 0.5 else None)


def _soa(form: FormData, pk: Packet, typist: Typist, typed: Style, hand: Style, rng: random.Random) -> PageLayout:
    sh = Sheet(form, replace(typed, value_size=10.0), hand, rng)
    left, right = sh.left, sh.right
    sh.text(left, 44, SOA_TITLE, 15, bold=True)
    sh.b.hline(left, right, 66, 1.2)
    y = sh.paragraph(left, 74, SOA_INTRO, 8.5) + 6
    sh.text(left, y, "Please initial beside or check the type of product(s) you want the agent to discuss.", 9,
            bold=True)
    y += 18
    ticked = {PRODUCTS[0]} | set(rng.sample(PRODUCTS[1:], rng.randint(0, 2)))
    for product in PRODUCTS:
        sh.b.page.add(Checkbox(left + 4, y, 10, rng.choice(["x", "check"]) if product in ticked else None,
                               mark_ink=hand.value_ink))
        sh.text(left + 22, y + 0.5, product, 9.5)
        y += 19
    y = _soa_signature(sh, pk, sh.paragraph(left, y + 6, SOA_AGREE, 8.5) + 10)
    _soa_agent(sh, form, pk, typist, y)
    sh.text(left, 757, "SOA 2027  •  Keep a copy for your records", 7)
    return sh.b.page


def _soa_signature(sh: Sheet, pk: Packet, y: float) -> float:
    """The beneficiary's signature and its date, the blank representative lines; returns the y under them."""
    left, right, rng = sh.left, sh.right, sh.rng
    sh.text(left, y, "Beneficiary or Authorized Representative Signature and Signature Date:", 9, bold=True)
    sign_y = y + 40
    sh.b.hline(left, left + 300, sign_y, 0.6)
    sh.b.hline(left + 330, right, sign_y, 0.6)
    sh.signature(left + 10, sign_y - 30, rng.uniform(140, 220), 28)
    sh.note(left + 336, sign_y - 0.8 * sh.hand.value_size - 2, rng.choice(["{:%m/%d/%Y}", "{:%m/%d/%y}"]).format(
        pk.soa_date), hand=True, room=right - left - 340)
    sh.text(left, sign_y + 4, "Signature", 7)
    sh.text(left + 330, sign_y + 4, "Signature Date", 7)
    y = sign_y + 20
    sh.text(left, y, "If you are the authorized representative, please sign above and print below:", 8.5)
    sh.line_field(left, y + 10, "Representative's Name:", left + 250, None, size=8.5)
    sh.line_field(left + 262, y + 10, "Your Relationship to the Beneficiary:", right, None, size=8.5)
    return y + 44


def _soa_agent(sh: Sheet, form: FormData, pk: Packet, typist: Typist, y: float) -> None:
    """The boxed "To be completed by Agent:" lines, typed or handwritten, and the agent's signature."""
    left, right, rng = sh.left, sh.right, sh.rng
    box_top = y
    sh.b.page.add(Rect(left, y, sh.width, 18, 0.6, SHADE, SHADE))
    sh.text(left + 6, y + 4, "To be completed by Agent:", 10, bold=True)
    name, phone, address = _soa_beneficiary(form, pk, typist, rng)
    hand_filled = rng.random() < 0.5
    agent_rows = (("Beneficiary Name:", name), ("Beneficiary Phone (optional):", phone),
                  ("Beneficiary Address (optional):", address), ("Agent Name:", pk.agent),
                  ("Agent Phone:", pk.agent_phone), ("Initial Method of Contact:", rng.choice(CONTACTS)),
                  ("Plan(s) the agent represented during this meeting:", rng.choice(REPRESENTED)),
                  ("Date Appointment Completed:", typist.date(f"{pk.met_on:%m/%d/%Y}")), ("Agent's Signature:", None))
    y += 24
    for label, words in agent_rows:
        sh.line_field(left + 6, y, label, right - 6, words, hand=hand_filled, size=8.5)
        y += 24
    sh.signature(left + 110, y - 32, rng.uniform(110, 170), 20)
    sh.b.rect(left, box_top, sh.width, y - box_top + 2, width=0.8)
    sh.text(left, y + 14, "[Plan use only:]  Scope of Appointment documentation is subject to CMS record retention "
                          "requirements.", 7.5)


# -- the packet -------------------------------------------------------------------------------------------------

def is_enclosure(page: PageLayout) -> bool:
    """The cover sheet and the Scope of Sales Appointment: pages that are no part of the application."""
    return any(isinstance(t, Text) and t.role == "label" and t.text in ENCLOSURE_TITLES for t in page.items)


def _styles(style: Style, rng: random.Random) -> tuple[Style, Style]:
    """The software's typed answers and the handwriting added after printing."""
    font, bold = rng.choice([("sans", "sans-bold"), ("sans", "sans-bold"), ("sans-cond", "sans-cond-bold")])
    typed = replace(style, label_font=font, label_bold=bold, title_font=bold, value_font=rng.choice(["sans", "mono"]),
                    value_size=rng.choice([9.0, 9.5, 10.0]), value_ink=BLACK, hand=False)
    hand = style if style.hand else replace(style, value_font=rng.choice(["serif-italic", "sans-oblique"]),
                                            value_size=rng.choice([11.0, 12.0]), hand=True)
    return typed, hand


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    typed, hand = _styles(style, rng)
    look = _look(rng)
    typist = Typist(caps=rng.random() < 0.5, padded_dates=rng.random() < 0.6, dashed_phone=rng.random() < 0.5,
                    dashed_mbi=rng.random() < 0.4)
    pk = _packet(form, rng, typist)
    application = _application(Application(form, look, typed, hand, typist, pk, rng))
    soa = [_soa(form, pk, typist, typed, hand, rng)] if pk.soa else []
    pages = soa + application if pk.soa_first else application + soa
    if pk.cover:
        pages = [_cover(form, pk, typist, typed, hand, rng, len(pages) + 1)] + pages
    return pages

