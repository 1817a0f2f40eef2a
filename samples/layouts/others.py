"""Documents that are NOT Medicare Advantage enrollment applications (for classification).

A fax cover letter, a blank page, a dental-only enrollment form and a
disenrollment request. Their contract records carry only ``document.kind``.
"""

from __future__ import annotations

import random
from datetime import date

from samples import people
from samples.formdata import FormData
from samples.layouts.base import PageBuilder, Style
from samples.primitives import PageLayout

__all__ = ["cover_letter", "blank", "dental_enrollment", "disenrollment_request", "OTHER_KINDS"]

L = 54.0


def cover_letter(form: FormData, style: Style, rng: random.Random, *, sent_on: date, pages: int) -> list[PageLayout]:
    b = PageBuilder(form, style)
    agency = rng.choice(people.AGENCIES)
    b.title(L, 50, agency, 16)
    b.text(L, 72, "FAX COVER SHEET", font=style.label_bold, size=20)
    y = 120
    for label, text in (
        ("To:", "Aspirus Health Plan - Medicare Enrollment"),
        ("Fax:", "1-715-787-7328"),
        ("From:", form.printed.get("agent.name") or "Front desk"),
        ("Date:", sent_on.strftime("%m/%d/%Y")),
        ("Pages (including cover):", str(pages)),
        ("Re:", "Enrollment application"),
    ):
        b.text(L, y, label, size=11)
        b.value(L + 160, y - 1, text)
        b.hline(L + 155, 540, y + 15)
        y += 30
    b.text(L, y + 20, "Comments:", size=11)
    b.value(L, y + 40, "PLEASE PROCESS THE ATTACHED APPLICATION. CALL WITH QUESTIONS.")
    b.text(L, 700, "CONFIDENTIALITY NOTICE: This facsimile contains information that is confidential and privileged.",
           size=7)
    b.text(L, 710, "If you are not the intended recipient, please notify the sender and destroy all copies.", size=7)
    return [b.page]


def blank(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    return [PageLayout()]


def dental_enrollment(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    b = PageBuilder(form, style)
    b.title(L, 40, "Aspirus Health Plan", 14)
    b.text(L, 60, "Optional Supplemental Dental Rider - Enrollment Form (dental only)", font=style.label_bold, size=11)
    b.text(L, 78, "Use this form to add the dental rider to your existing Medicare Advantage coverage.", size=8)
    y = 100
    y = b.field_above("Member last name:", "applicant.last_name", L, y, 240)
    y = b.field_above("Member first name:", "applicant.first_name", L, y, 240)
    y = b.field_above("Member ID number:", None, L, y, 240, text=f"A{rng.randint(10**8, 10**9 - 1)}")
    y = b.field_above("Phone:", "applicant.phone", L, y, 240)
    b.text(L, y + 6, "Dental rider option:")
    b.checkbox(L + 110, y + 5, True, "Dental Preferred")
    b.checkbox(L + 220, y + 5, False, "Dental Basic")
    y += 30
    y = b.field_above("Dental coverage to begin:", "requested_effective_date", L, y, 240)
    b.text(L, y + 8, "Member signature:")
    b.signature(rng, L + 100, y, 220, 26)
    b.hline(L + 95, L + 340, y + 30)
    b.field_above("Date:", "signature.date", L + 360, y, 140)
    return [b.page]


def disenrollment_request(form: FormData, style: Style, rng: random.Random) -> list[PageLayout]:
    b = PageBuilder(form, style)
    b.title(L, 40, "Aspirus Health Plan", 14)
    b.text(L, 60, "Request to Disenroll from a Medicare Advantage Plan", font=style.label_bold, size=12)
    b.text(L, 80, "I want to end my membership in the plan named below. I understand my disenrollment is "
                  "effective the first of the month after the plan receives this request.", size=7.5)
    y = 110
    b.field_above("Last name:", "applicant.last_name", L, y, 230)
    y = b.field_above("First name:", "applicant.first_name", L + 260, y, 230)
    y = b.field_above("Member ID / Medicare number:", "medicare_number", L, y, 230)
    y = b.field_above("Plan you are leaving:", None, L, y, 400, text=form.truth["plan"]["name"].upper())
    y = b.field_above("Requested disenrollment date:", "requested_effective_date", L, y, 230)
    b.text(L, y + 4, "Reason (optional):")
    b.checkbox(L + 100, y + 3, True, "Moving out of service area")
    b.checkbox(L + 260, y + 3, False, "Other")
    y += 30
    b.text(L, y + 8, "Signature:")
    b.signature(rng, L + 70, y, 220, 26)
    b.hline(L + 65, L + 320, y + 30)
    b.field_above("Date signed:", "signature.date", L + 350, y, 150)
    return [b.page]


OTHER_KINDS = {
    "cover_letter": cover_letter,
    "blank": blank,
    "dental_enrollment": dental_enrollment,
    "disenrollment_request": disenrollment_request,
}
