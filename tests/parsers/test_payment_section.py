"""The premium payment section: the bank row at a page's foot, and ways to pay whose boxes went unread."""

from __future__ import annotations

from intake.config import Settings
from intake.parsers.form import extract_fields
from tests.parsers.form_kit import form_page

PAYMENT = [
    (100, 100, "SECTION D - PAYING THE PREMIUM"),
    (100, 160, "Premium payment (mark one)."),
]


def _fields(items, boxes=()):  # noqa: ANN001, ANN202
    return extract_fields([form_page(PAYMENT + items, boxes=boxes)], Settings()).fields


def test_a_footer_under_the_last_row_is_no_value() -> None:
    """"Bank routing #" and "Bank account #" left blank on the page's last row: the form id and "Page 1 of 2"
    printed under them are the page's running print, not the place to read the numbers (a digits-only second
    reading of "Page 1 of 2." had made an account number "12")."""
    from intake.parsers import form
    from intake.parsers.values import find_value

    items = [
        (100, 400, "18c. Bank routing #"),
        (800, 400, "18d. Bank account #"),
        (100, 470, "AHP-ENR-W9 (Rev. 10/2026)"),
        (840, 470, "Page 1 of 2."),
        (1400, 470, "please turn over"),
    ]
    page = form._read_page(form_page(PAYMENT + items))
    bank = [hit for hit in page.labels if hit.kind in ("routing_number", "account_number")]
    assert len(bank) == 2
    assert [find_value(page.layout, hit, page.labels, page.stop) for hit in bank] == [None, None]


def test_ways_to_pay_with_a_box_unread_and_none_ticked_are_for_review() -> None:
    """Boxes read for three of the four ways to pay, none ticked: the fourth box (its bracket a mark made
    unreadable) may hold the answer, so the blank method is put up for review, not vouched for."""
    items = [
        (200, 220, "Monthly statement in the mail"),
        (1100, 220, "Automatic draft from my bank account (EFT)"),
        (200, 280, "Taken from my Social Security benefit"),
        (1100, 280, "Taken from my Railroad Retirement benefit"),
    ]
    unread_first = [(1040, 215, None), (140, 275, None), (1040, 275, None)]
    method = _fields(items, unread_first)["premium_payment.method"]
    assert method.value is None and method.needs_review
    every_box = _fields(items, [(140, 215, None)] + unread_first)
    assert every_box.get("premium_payment.method") is None or not every_box["premium_payment.method"].needs_review


def test_a_bank_draft_without_its_account_type_is_for_review() -> None:
    """EFT ticked, neither Checking nor Savings read as ticked: the account type is put up for review."""
    items = [
        (200, 220, "Monthly statement in the mail"),
        (1100, 220, "Automatic draft from my bank account (EFT)"),
        (200, 340, "Account type:"),
        (560, 340, "Checking"),
        (860, 340, "Savings"),
    ]
    fields = _fields(items, [(140, 215, None), (1040, 215, "x"), (500, 335, None), (800, 335, None)])
    assert fields["premium_payment.method"].value == "eft"
    assert fields["premium_payment.account_type"].value is None and fields["premium_payment.account_type"].needs_review
    fields = _fields(items, [(140, 215, None), (1040, 215, "x"), (500, 335, None), (800, 335, "x")])
    assert fields["premium_payment.account_type"].value == "savings" and not fields["premium_payment.account_type"].needs_review
