"""Layout "heldout7": used ONLY for evaluation, never for tuning parsers.

A bilingual TABLE form (think a regional plan's English/Spanish print of the
CMS model enrollment form): every section is a bordered table topped by a
navy bar with white words ("SECTION 1  ABOUT THE APPLICANT / INFORMACIÓN DEL
SOLICITANTE" ... "FOR AGENT / BROKER USE ONLY"); each row is a light-grey
label cell on the LEFT, its words centred top to bottom (up to four lines,
the Spanish ones smaller and in italics), and a white value cell to its right
where the answer is written; most rows hold two or three label/value pairs
side by side ("City | ... | State | ... | ZIP code | ..."). Tick boxes sit
BEFORE their words inside the value cells ("[ ] Male  [ ] Female", "[ ] Yes
[ ] No", the plan list with a thin rule between plans, the four payment ways
two by two). Sections 1-3 on page 1; optional questions, the signature row,
the representative, the agent table and a blank plan-use table on page 2.
Condensed serif 7.5 pt labels, condensed sans bold bars. Wordings: "Surname / Apellido", "Given
name / Nombre", "Middle initial / Inicial", "Date of birth (MM/DD/YYYY) /
Fecha de nacimiento", "Sex / Sexo", "Primary phone / Teléfono principal",
"Street address of permanent residence (P.O. Box not allowed) / Domicilio
permanente", "City / Ciudad", "State / Estado", "ZIP code / Código postal",
"County / Condado", "Mailing address (only if different; P.O. Box OK) /
Dirección postal", "Medicare Beneficiary Identifier (MBI) / Número de
Medicare", "Coverage effective date you are requesting (MM/DD/YYYY) / Fecha de
inicio de la cobertura", "Plan you want to join (mark ONE box)", "Name of
primary care provider or clinic", "Add the optional dental rider?", "How do
you want to pay your premium?", "Name of account holder", "Bank routing
number (9 digits)", "Bank account number", "Account type", "Signature of
applicant or authorized representative", "Today's date (MM/DD/YYYY)",
"Representative's full name", "Relationship to the applicant",
"Representative's phone number", "Representative's address (street, city,
state, ZIP)", "Writing agent / broker name", "National Producer Number
(NPN)".
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Union

from intake.plans import PLANS
from samples.fonts import text_width
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import Line, PageLayout, Text

__all__ = ["build"]

L, R = 36.0, 576.0
W = R - L
NAVY = (28, 52, 94)
WHITE = (255, 255, 255)
GREY = (228, 228, 228)  # the label cells' fill
BOX = 8.5  # tick box size
SPANISH_FONT = "serif-italic"
SPANISH_SIZE = 6.2
LEAD = 1.4  # space between a label's lines
PREMIUMS = ("$0.00", "$36.00", "$84.00", "$0.00", "$57.00")

#: what a value cell holds: a field path, None (left blank), tick-box options, or a drawing function
Content = Union[str, None, list[tuple[str, bool]], Callable[[PageBuilder, float, float, float, float], None]]


def _label(b: PageBuilder, x: float, y: float, w: float, h: float, label: str) -> None:
    """A grey label cell; its lines ('~' starts a Spanish line) centred top to bottom."""
    s = b.style
    b.rect(x, y, w, h, width=0.5, fill=GREY)
    lines = []
    for line in label.split("\n"):
        if line.startswith("~"):
            lines.append((line[1:], SPANISH_FONT, SPANISH_SIZE))
        else:
            lines.append((line, s.label_font, s.label_size))
    height = sum(size for _, _, size in lines) + LEAD * (len(lines) - 1)
    ty = y + (h - height) / 2
    for text, font, size in lines:
        b.text(x + 3.5, ty, text, font=font, size=size)
        ty += size + LEAD


def _options(b: PageBuilder, x: float, y: float, h: float, options: list[tuple[str, bool]], gap: float = 14) -> None:
    """Tick boxes, each BEFORE its words, across a value cell."""
    s = b.style
    box_y = y + (h - BOX) / 2
    x += 6
    for text, checked in options:
        b.checkbox(x, box_y, checked, size=BOX)
        b.text(x + BOX + 3.5, y + (h - s.label_size) / 2, text)
        x += BOX + 3.5 + text_width(text, s.label_font, s.label_size) + gap


def _value_cell(b: PageBuilder, x: float, y: float, w: float, h: float, content: Content) -> None:
    s = b.style
    b.rect(x, y, w, h, width=0.5)
    if isinstance(content, str):
        b.value(x + 5, y + h / 2 - 0.45 * s.value_size, b.val(content))
    elif isinstance(content, list):
        _options(b, x, y, h, content)
    elif content is not None:
        content(b, x, y, w, h)


def _row(b: PageBuilder, y: float, h: float, pairs: list[tuple[str, float, Content, float]]) -> float:
    """Label/value pairs side by side across the table (widths add up to the page's width); returns the y below."""
    x = L
    for label, label_w, content, value_w in pairs:
        _label(b, x, y, label_w, h, label)
        _value_cell(b, x + label_w, y, value_w, h, content)
        x += label_w + value_w
    assert abs(x - R) < 0.01, f"row widths add up to {x - L}, not {W}"
    return y + h


def _note_row(b: PageBuilder, y: float, lines: list[str], *, size: float = 7.0) -> float:
    """A full-width white row of small instructions; returns the y below."""
    h = len(lines) * (size + 2.5) + 5
    b.rect(L, y, W, h, width=0.5)
    ty = y + 3.5
    for line in lines:
        b.text(L + 4, ty, line, font="serif-italic", size=size)
        ty += size + 2.5
    return y + h


def _bar(b: PageBuilder, y: float, english: str, spanish: str | None = None) -> float:
    """The navy section bar (white words) that tops a table; returns the y below it."""
    h = 15.0
    b.rect(L, y, W, h, width=0.8, fill=NAVY)
    font = b.style.label_bold
    b.page.add(Text(L + 6, y + 3.2, english, font, 8.5, "label", WHITE))
    if spanish:
        x = L + 6 + text_width(english, font, 8.5) + 5
        b.page.add(Text(x, y + 4.0, f"/  {spanish}", SPANISH_FONT, 7.3, "label", WHITE))
    return y + h


def _frame(b: PageBuilder, top: float, bottom: float) -> None:
    """A heavier outline around a whole table."""
    b.rect(L, top, W, bottom - top, width=1.1)


def _footer(b: PageBuilder, page: int) -> None:
    b.hline(L, R, 754, 0.5)
    b.text(L, 758, "Y0108_ENR27T_C   AHP-MA-ENR-T (09/2026)   Aspirus Health Plan Medicare Advantage enrollment "
                   "application (English / Español)", size=6.5)
    text = f"Page {page} of 2  /  Página {page} de 2"
    b.text(R - text_width(text, b.style.label_font, 6.5), 758, text, size=6.5)


# -- page 1 ---------------------------------------------------------------------------------------------------

def _plans(form: FormData) -> Callable[[PageBuilder, float, float, float, float], None]:
    """The plan list drawn inside its value cell: box, plan name, plan ID and premium, a thin rule between."""
    chosen = form.choice["plan"]

    def draw(b: PageBuilder, x: float, y: float, w: float, h: float) -> None:
        s = b.style
        step = (h - 6) / len(PLANS)
        ly = y + 3
        for i, (plan_id, name) in enumerate(PLANS.items()):
            b.checkbox(x + 8, ly + (step - BOX) / 2, chosen == plan_id, size=BOX)
            ty = ly + (step - s.label_size) / 2
            b.text(x + 24, ty, name)
            b.text(x + 250, ty, plan_id)
            premium = f"{PREMIUMS[i % len(PREMIUMS)]} a month"
            b.text(x + w - 8 - text_width(premium, s.label_font, s.label_size), ty, premium)
            if i:
                b.page.add(Line(x + 4, ly, x + w - 4, ly, 0.3))
            ly += step

    return draw


def _page1(form: FormData, style: Style) -> PageLayout:
    b = PageBuilder(form, style)
    c = form.choice
    # header: plan name and form title left, OMB box and help line right
    b.title(L, 26, "Aspirus Health Plan", 15)
    b.text(L, 45, "Medicare Advantage Enrollment Application  —  Plan Year 2027", font=style.label_bold, size=10)
    b.text(L, 58, "Solicitud de inscripción en Medicare Advantage  —  Año del plan 2027", font=SPANISH_FONT, size=8)
    for i, line in enumerate(("OMB No. 0938-1378   Expires: 12/31/2027", "Questions? Call 1-855-711-2500 (TTY 711)",
                              "¿Preguntas? Llame al 1-855-711-2500 (TTY 711)")):
        size = 7.0
        font = SPANISH_FONT if i == 2 else style.label_font
        b.text(R - text_width(line, font, size), 28 + 10 * i, line, font=font, size=size)
    b.hline(L, R, 70, 1.2)
    b.text(L, 74, "Print in capital letters with blue or black ink and mark your choices with an X. "
                  "Fields in Sections 1-3 are required unless they say optional.", size=7)
    b.text(L, 83, "Escriba con letra de molde y tinta azul o negra, y marque sus opciones con una X.",
           font=SPANISH_FONT, size=6.5)

    # SECTION 1: the applicant
    top = y = 96.0
    y = _bar(b, y, "SECTION 1   ABOUT THE APPLICANT", "INFORMACIÓN DEL SOLICITANTE")
    y = _row(b, y, 26, [("Surname\n~Apellido", 62, "applicant.last_name", 150),
                        ("Given name\n~Nombre", 62, "applicant.first_name", 140),
                        ("Middle initial\n~Inicial", 66, "applicant.middle_initial", 60)])
    y = _row(b, y, 32, [("Date of birth\n(MM/DD/YYYY)\n~Fecha de nacimiento", 82, "applicant.birth_date", 106),
                        ("Sex\n~Sexo", 44, [("Male", c["sex"] == "M"), ("Female", c["sex"] == "F")], 100),
                        ("Primary phone\n~Teléfono principal", 78, "applicant.phone", 130)])
    y = _row(b, y, 32, [("Street address of permanent residence\n(P.O. Box not allowed)\n~Domicilio permanente",
                         150, "applicant.permanent_address.street", 390)])
    y = _row(b, y, 26, [("City\n~Ciudad", 50, "applicant.permanent_address.city", 190),
                        ("State\n~Estado", 50, "applicant.permanent_address.state", 60),
                        ("ZIP code\n~Código postal", 70, "applicant.permanent_address.zip", 120)])
    y = _row(b, y, 26, [("County\n~Condado", 50, "applicant.permanent_address.county", 190),
                        ("E-mail address (optional)\n~Correo electrónico (opcional)", 110, None, 190)])
    y = _row(b, y, 32, [("Mailing address (only if different;\nP.O. Box OK)\n~Dirección postal (si es diferente)",
                         150, "applicant.mailing_address.street", 390)])
    y = _row(b, y, 26, [("City\n~Ciudad", 50, "applicant.mailing_address.city", 190),
                        ("State\n~Estado", 50, "applicant.mailing_address.state", 60),
                        ("ZIP code\n~Código postal", 70, "applicant.mailing_address.zip", 120)])
    _frame(b, top, y)

    # SECTION 2: Medicare and the plan
    top = y = y + 10
    y = _bar(b, y, "SECTION 2   MEDICARE AND YOUR PLAN", "MEDICARE Y SU PLAN")
    y = _row(b, y, 32, [("Medicare Beneficiary\nIdentifier (MBI)\n~Número de Medicare", 92, "medicare_number", 150),
                        ("Coverage effective date you\nare requesting (MM/DD/YYYY)\n~Fecha de inicio de la cobertura",
                         148, "requested_effective_date", 150)])
    y = _row(b, y, 92, [("Plan you want to join\n(mark ONE box)\n~Plan que desea\n~(marque solo uno)", 92,
                         _plans(form), 448)])
    y = _row(b, y, 32, [("Name of primary care\nprovider or clinic\n~Médico o clínica primaria", 100,
                         "primary_care_clinic", 270),
                        ("Provider ID #\n(if known)\n~Núm. del proveedor", 70, None, 100)])
    y = _row(b, y, 32, [("Add the optional\ndental rider?\n~¿Desea cobertura dental?", 100,
                         [("Yes, add dental (adds $28.40 to my monthly premium)", c["dental"] is True),
                          ("No", c["dental"] is False)], 440)])
    y = _row(b, y, 32, [("Other drug coverage?\n(VA, TRICARE, employer)\n~¿Otra cobertura?", 100,
                         [("Yes", False), ("No", False)], 170),
                        ("Do you live in a nursing\nhome or long-term care\nfacility?", 100,
                         [("Yes", False), ("No", False)], 170)])
    _frame(b, top, y)

    # SECTION 3: the premium
    top = y = y + 10
    y = _bar(b, y, "SECTION 3   PAYING YOUR PLAN PREMIUM", "PAGO DE LA PRIMA DEL PLAN")

    def ways(b: PageBuilder, x: float, y: float, w: float, h: float) -> None:
        half = (h - 4) / 2
        _options(b, x, y + 2, half, [("Monthly paper bill (coupon book)", c["method"] == "bill")], gap=0)
        _options(b, x, y + 2 + half, half, [("Automatic withdrawal from my bank account (EFT)", c["method"] == "eft")],
                 gap=0)
        _options(b, x + 200, y + 2, half, [("Deduction from my Social Security benefit", c["method"] == "ssa")], gap=0)
        _options(b, x + 200, y + 2 + half, half,
                 [("Deduction from my Railroad Retirement (RRB) benefit", c["method"] == "rrb")], gap=0)

    y = _row(b, y, 36, [("How do you want to\npay your premium?\n(mark one)\n~¿Cómo desea pagar?", 100, ways, 440)])
    y = _note_row(b, y, ["Complete the rows below only if you chose automatic withdrawal (EFT). Attach a voided "
                         "check if you can.  /  Complete solo si eligió el retiro automático."], size=6.8)
    y = _row(b, y, 26, [("Name of account holder\n~Titular de la cuenta", 100, "premium_payment.account_holder", 440)])
    y = _row(b, y, 32, [("Bank routing number\n(9 digits)\n~Número de ruta", 100, "premium_payment.routing_number",
                         150),
                        ("Bank account number\n~Número de cuenta", 100, "premium_payment.account_number", 190)])
    y = _row(b, y, 26, [("Account type\n~Tipo de cuenta", 100,
                         [("Checking", c["account_type"] == "checking"), ("Savings", c["account_type"] == "savings")],
                         150),
                        ("Name of bank or credit\nunion (optional)", 100, None, 190)])
    _frame(b, top, y)
    _footer(b, 1)
    return b.page


# -- page 2 ---------------------------------------------------------------------------------------------------

ATTESTATION = (
    "By signing this application, I agree that: Aspirus Health Plan is a Medicare Advantage plan with a contract "
    "with the federal government. I must keep",
    "my Medicare Part A and Part B. I can be in only one Medicare Advantage plan at a time, and enrolling in this plan "
    "ends my enrollment in any other",
    "Medicare health or drug plan. The information on this form is correct to the best of my knowledge. If an "
    "authorized representative signs, that person",
    "is authorized under the laws of the State where I live to sign for me.",
)
ATTESTATION_ES = (
    "Al firmar, acepto que Aspirus Health Plan tiene un contrato con el gobierno federal, que debo mantener la Parte A "
    "y la Parte B de Medicare y que la",
    "información de esta solicitud es correcta. Si firma un representante autorizado, esa persona tiene autoridad "
    "legal según las leyes de mi estado.",
)


def _page2(form: FormData, style: Style, rng: random.Random) -> PageLayout:
    b = PageBuilder(form, style)
    b.text(L, 30, "Aspirus Health Plan  —  Medicare Advantage Enrollment Application (continued)",
           font=style.label_bold, size=9.5)
    b.text(L, 43, "Solicitud de inscripción (continuación)", font=SPANISH_FONT, size=7.5)
    b.hline(L, R, 55, 1.2)

    # SECTION 4: optional questions, all left blank
    top = y = 66.0
    y = _bar(b, y, "SECTION 4   OPTIONAL INFORMATION", "INFORMACIÓN OPCIONAL")
    y = _note_row(b, y, ["Answering these questions is your choice. You can't be denied coverage because you don't "
                         "fill them out.  /  Estas preguntas son opcionales."])
    y = _row(b, y, 32, [("Send me materials in\nanother language\n~Otro idioma", 100,
                         [("Spanish", False), ("Hmong", False), ("Other", False)], 170),
                        ("Accessible format\n~Formato accesible", 90,
                         [("Large print", False), ("Braille", False), ("Audio", False)], 180)])
    y = _row(b, y, 32, [("Do you or your spouse\nwork and have coverage\nthrough that job?", 100,
                         [("Yes", False), ("No", False)], 170),
                        ("Best way to reach you\n~Cómo contactarle", 90,
                         [("Phone", False), ("Mail", False), ("E-mail", False)], 180)])
    _frame(b, top, y)

    # SECTION 5: what the applicant agrees to, then the signature row
    top = y = y + 10
    y = _bar(b, y, "SECTION 5   READ AND SIGN BELOW", "LEA Y FIRME A CONTINUACIÓN")
    h = 8 + 9.5 * len(ATTESTATION) + 8.5 * len(ATTESTATION_ES)
    b.rect(L, y, W, h, width=0.5)
    ty = y + 4
    for line in ATTESTATION:
        b.text(L + 4, ty, line, size=6.8)
        ty += 9.5
    for line in ATTESTATION_ES:
        b.text(L + 4, ty, line, font=SPANISH_FONT, size=6.0)
        ty += 8.5
    y += h

    def sign(b: PageBuilder, x: float, y: float, w: float, h: float) -> None:
        b.signature(rng, x + 4, y + 3, w - 30, h - 8)

    y = _row(b, y, 46, [("Signature of applicant\nor authorized\nrepresentative\n~Firma del solicitante", 100, sign,
                         260),
                        ("Today's date\n(MM/DD/YYYY)\n~Fecha de hoy", 76, "signature.date", 104)])
    _frame(b, top, y)

    # SECTION 6: the authorized representative
    top = y = y + 10
    y = _bar(b, y, "SECTION 6   AUTHORIZED REPRESENTATIVE", "REPRESENTANTE AUTORIZADO")
    y = _note_row(b, y, ["Complete only if you signed above for the applicant as the applicant's authorized "
                         "representative (power of attorney, court-appointed guardian).",
                         "Complete solo si usted firmó en nombre del solicitante."])
    y = _row(b, y, 32, [("Representative's\nfull name\n~Nombre del representante", 92,
                         "authorized_representative.name", 196),
                        ("Relationship to\nthe applicant\n~Parentesco", 72,
                         "authorized_representative.relationship", 180)])
    y = _row(b, y, 32, [("Representative's\nphone number\n~Teléfono", 92, "authorized_representative.phone", 196),
                        ("Proof of authority\nattached?", 72, [("Yes", False), ("No", False)], 180)])
    y = _row(b, y, 32, [("Representative's address\n(street, city, state, ZIP)\n~Dirección", 100,
                         "authorized_representative.address", 440)])
    _frame(b, top, y)

    # the agent / broker table
    top = y = y + 10
    y = _bar(b, y, "FOR AGENT / BROKER USE ONLY")
    y = _row(b, y, 28, [("Writing agent /\nbroker name", 86, "agent.name", 206),
                        ("National Producer\nNumber (NPN)", 80, "agent.npn", 168)])
    y = _row(b, y, 28, [("Agency / FMO", 86, None, 206), ("Agent phone", 80, None, 168)])
    y = _row(b, y, 28, [("Election period", 86, [("AEP", False), ("IEP", False), ("OEP", False), ("SEP", False)], 206),
                        ("Date received\nby agent", 80, None, 168)])
    _frame(b, top, y)

    # the plan's own table, left blank
    top = y = y + 10
    y = _bar(b, y, "PLAN USE ONLY  —  DO NOT WRITE BELOW THIS LINE")
    y = _row(b, y, 24, [("Application ID", 86, None, 206), ("Date stamped", 80, None, 168)])
    y = _row(b, y, 24, [("Election type", 86, [("ICEP", False), ("AEP", False), ("MA-OEP", False), ("SEP", False)],
                         206),
                        ("SEP reason code", 80, None, 168)])
    y = _row(b, y, 24, [("Entered by", 86, None, 206), ("Date entered", 80, None, 168)])
    _frame(b, top, y)
    _footer(b, 2)
    return b.page


def build(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [_page1(form, style), _page2(form, style, rng)]
