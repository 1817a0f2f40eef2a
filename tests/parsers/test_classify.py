"""Document classification by fuzzy phrases: applications, dental-only, disenrollment, cover sheets, blank, unknown."""

from __future__ import annotations

import pytest
from handmade import page

from intake.parsers.classify import classify, page_scores

HEADER = "NOV-30-2026 11:41PM FROM: WAUSAU INSURANCE 7155551234 TO: 17157877328 P.001/004"

CMS_PAGE_1 = [
    "Aspirus Health Plan",
    "Medicare Advantage Individual Enrollment Request Form",
    "Who can use this form? People with Medicare who want to join a Medicare Advantage Plan.",
    "Select the plan you want to join:",
    "[X] Aspirus Advantage Plus (HMO-POS) $0 per month",
    "First name: MARGARET Last name: OLSON Middle initial: A",
    "Birth date (MM/DD/YYYY): 03/14/1957 Sex: F Phone number: (715) 555-0142",
    "Permanent residence street address: 1204 N 5TH AVE City: WAUSAU State: WI ZIP: 54401",
    "Mailing address, if different from your permanent address:",
    "Medicare Number: 1EG4-TE5-MK73",
    "CMS-10718 model form adapted by Aspirus Health Plan Page 1 of 3",
]
CMS_PAGE_2 = [
    "Optional Dental Rider",
    "[X] Add the optional dental rider",
    "Paying your plan premiums",
    "Premium payment options: Get a bill / Electronic funds transfer (EFT) from your bank account",
    "Account holder name: MARGARET A OLSON Routing number: 075911988 Account number: 000123456789",
    "Automatic deduction from your monthly Social Security or Railroad Retirement Board benefit check",
]
CMS_PAGE_3 = [
    "Read and sign below. By completing this enrollment application, I agree to the following:",
    "If you are the authorized representative, sign above and fill out these fields:",
    "Name: Address: Phone number: Relationship to enrollee:",
    "Office use only: Agent/Broker name: DANIEL KOWALSKI NPN: 17654321",
]
HELDOUT = [
    "Enrollment Request - Aspirus Health Plan Medicare Advantage",
    "Complete every item marked with an asterisk (*). Use capital letters.",
    "Step 1 Your Medicare card  Medicare Number 1EG4TE5MK73",
    "Step 2 About you  Date of birth 03/14/1957",
    "Step 3 Choose your plan",
    "Step 4 How will you pay your premium?",
    "Step 5 Signature",
]
DENTAL = [
    "Aspirus Health Plan",
    "Optional Supplemental Dental Rider - Enrollment Form (dental only)",
    "Use this form to add the dental rider to your existing Medicare Advantage coverage.",
    "Member last name: OLSON Member first name: MARGARET",
    "Member ID number: A123456789 Phone: 715-555-0142",
    "Dental rider option: [X] Dental Preferred [ ] Dental Basic",
    "Dental coverage to begin: 01/01/2027",
    "Member signature: Date: 11/20/2026",
]
DISENROLL = [
    "Aspirus Health Plan",
    "Request to Disenroll from a Medicare Advantage Plan",
    "I want to end my membership in the plan named below. I understand my disenrollment is effective the first",
    "Last name: OLSON First name: MARGARET",
    "Member ID / Medicare number: 1EG4TE5MK73",
    "Plan you are leaving: ASPIRUS ADVANTAGE PLUS (HMO-POS)",
    "Requested disenrollment date: 01/01/2027",
    "Signature: Date signed: 11/20/2026",
]
COVER = [
    "WAUSAU INSURANCE AGENCY",
    "FAX COVER SHEET",
    "To: Aspirus Health Plan - Medicare Enrollment",
    "Fax: 1-715-787-7328 From: DANIEL KOWALSKI Date: 11/30/2026",
    "Pages (including cover): 4 Re: Enrollment application",
    "Comments: PLEASE PROCESS THE ATTACHED APPLICATION. CALL WITH QUESTIONS.",
    "CONFIDENTIALITY NOTICE: This facsimile contains information that is confidential and privileged.",
    "If you are not the intended recipient, please notify the sender and destroy all copies.",
]
CERTIFICATE = [
    "Certificate Of Completion",
    "Envelope Id: 3F2A9C0E5B7D4E1FA2C3B4D5E6F70812 Status: Completed",
    "Time Zone: (UTC-06:00) Central Time (US & Canada)",
    "Signer Events Signature Timestamp",
    "Envelope Summary Events Status Timestamps",
    "Signing Complete Security Checked 11/20/2026 | 09:31:05 AM",
]
LETTER = [
    "Dear Aspirus Health Plan,",
    "Please update my mailing address for my account. I moved in October to my daughter's home",
    "and would like my statements sent there from now on. Thank you for your help with this matter.",
    "Sincerely, Margaret",
]


def doc(*page_lines: list[str]) -> list:
    return [page(lines, number=i + 1) for i, lines in enumerate(page_lines)]


def ocr_slips(lines: list[str]) -> list[str]:
    """The kind of damage Tesseract does on a poor fax: i->l, l->1, g->q, o->0 in places."""
    return [line.replace("i", "l").replace("ll", "1l").replace("g", "q").replace("Do", "D0") for line in lines]


@pytest.mark.parametrize(
    "pages",
    [
        doc(CMS_PAGE_1, CMS_PAGE_2, CMS_PAGE_3),
        doc(CMS_PAGE_1),
        doc(HELDOUT),
        doc(COVER, CMS_PAGE_1, CMS_PAGE_2, CMS_PAGE_3),
        doc(CMS_PAGE_1, CMS_PAGE_2, CMS_PAGE_3, CERTIFICATE),
        doc(ocr_slips(CMS_PAGE_1), ocr_slips(CMS_PAGE_2)),
        doc([HEADER, *CMS_PAGE_1], [HEADER, *CMS_PAGE_2]),
    ],
    ids=["cms", "cms-page1", "other-layout", "with-cover", "with-certificate", "ocr-slips", "fax-headers"],
)
def test_enrollment_application(pages: list) -> None:
    """Applications are recognised in any layout, with a cover sheet or certificate attached, through OCR slips."""
    result = classify(pages)
    assert result.kind == "enrollment_application", result
    assert result.reason.startswith("enrollment_phrases")


def test_cover_and_certificate_are_set_aside_in_reason() -> None:
    """The reason says which attached pages were set aside."""
    result = classify(doc(COVER, CMS_PAGE_1, CERTIFICATE))
    assert result.reason == "enrollment_phrases;cover_page_set_aside;certificate_page_set_aside"


SCOPE = [
    "Scope of Sales Appointment Confirmation Form",
    "The Centers for Medicare and Medicaid Services requires agents to document the scope of a marketing",
    "appointment prior to any sales meeting. Please initial below beside the type of product(s) you want discussed.",
    "Medicare Advantage Plans (Part C) and Cost Plans   Stand-alone Medicare Prescription Drug Plans (Part D)",
    "Dental/Vision/Hearing Products   Hospital Indemnity Products   Medicare Supplement (Medigap) Products",
    "Beneficiary or Authorized Representative Signature and Signature Date: 10/20/2026",
    "Agent Name: THOMAS JAKUBOWSKI Agent Phone: (715) 555-0177 Beneficiary Name: MARGARET OLSON",
    "Initial Method of Contact: phone   Date Appointment Completed: 10/21/2026",
    "Plan(s) the agent represented during this meeting: Aspirus Health Plan",
]


def test_pages_that_travel_with_the_application_are_set_aside_by_number() -> None:
    """A fax cover sheet and the agent's Scope of Appointment hold names, phones and dates that are no fields of
    the application: the classification names their pages, so the form is read without them."""
    result = classify(doc(COVER, CMS_PAGE_1, CMS_PAGE_2, SCOPE))
    assert result.kind == "enrollment_application"
    assert result.set_aside == (1, 4)
    assert result.reason == "enrollment_phrases;cover_page_set_aside;scope_of_appointment_set_aside"
    assert classify(doc(CMS_PAGE_1, CMS_PAGE_2, CMS_PAGE_3)).set_aside == ()


def test_a_scope_of_appointment_alone_is_no_application() -> None:
    result = classify(doc(SCOPE))
    assert result.kind == "unknown" and result.reason == "scope_of_appointment_only"


@pytest.mark.parametrize(("pages", "kind"), [
    (doc(DENTAL), "dental_enrollment"),
    (doc(COVER, DENTAL), "dental_enrollment"),
    (doc(ocr_slips(DENTAL)), "dental_enrollment"),
    (doc(DISENROLL), "disenrollment_request"),
    (doc(COVER, DISENROLL), "disenrollment_request"),
    (doc(ocr_slips(DISENROLL)), "disenrollment_request"),
    (doc(COVER), "cover_letter"),
    (doc(COVER, []), "cover_letter"),
    (doc(LETTER), "unknown"),
    (doc(CERTIFICATE), "unknown"),
])
def test_other_kinds(pages: list, kind: str) -> None:
    """Dental-only forms, disenrollment requests, lone cover sheets and letters are not applications."""
    assert classify(pages).kind == kind


@pytest.mark.parametrize("pages", [doc([]), doc([], []), doc([HEADER]), doc([HEADER], [HEADER]), doc(["~ |", ". ,"]), []])
def test_blank(pages: list) -> None:
    """Pages with no readable words (a fax header alone does not count) are blank."""
    result = classify(pages)
    assert result.kind == "blank" and result.reason == "no_text"


def test_dental_rider_section_does_not_make_application_dental() -> None:
    """The application's own 'Optional Dental Rider' section scores low for dental-only."""
    scores = page_scores(page(CMS_PAGE_2))
    assert scores.dental < scores.enrollment


def test_short_phrases_need_whole_words() -> None:
    """'NPN' counts as a word, not as letters inside another word."""
    assert page_scores(page(["SNPNX " * 10])).enrollment == 0
    assert page_scores(page(["Agent NPN 17654321 and more words here"])).enrollment == 1


def test_enrollment_request_title_is_not_a_disenrollment() -> None:
    """'Enrollment Request' does not fuzzily count as 'Disenrollment Request'."""
    assert page_scores(page(HELDOUT)).disenrollment == 0
    assert page_scores(page(["DlSENROLLMENT REQUEST for my plan, please process it soon"])).disenrollment == 3


def test_paper_grain_read_as_scraps_is_still_a_blank_page() -> None:
    """A blank page scanned in colour: Tesseract reads its grain as low-confidence scraps ("Paes", "gene")."""
    from dataclasses import replace

    from handmade import page_text

    noise = page(["ot RS Paes Lem See oes gene OSE oly Smee", "TR Ne vei bn Lem Paes See"])
    noise = replace(noise, text=page_text(["ot RS Paes Lem See oes gene OSE oly Smee",
                                           "TR Ne vei bn Lem Paes See"], conf=0.3))
    assert classify([noise]).kind == "blank"


def test_an_election_form_is_an_enrollment_application() -> None:
    """CMS calls joining a plan an election: "Medicare Advantage Election Form" is an application."""
    lines = ["Aspirus Health Plan", "Medicare Advantage Election Form - Plan Year 2027",
             "1 Beneficiary last name 2 First 3 MI 4 DOB (mm/dd/yyyy)", "18 MBI 19 Proposed effective date",
             "24 Premium payment option (mark one)"]
    assert classify(doc(lines)).kind == "enrollment_application"
