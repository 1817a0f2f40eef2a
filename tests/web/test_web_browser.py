"""One end-to-end flow in a real browser (Debian's chromium through Playwright) against ``intake web``.

Set INTAKE_SCREENSHOTS_DIR to write the screenshots of docs/screenshots/ while it runs
(``scripts/screenshots.py`` does that).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from intake.web.testing import BROWSER_USERS, CHROMIUM, launch_chromium, served
from tests.conftest import CORPUS

pytestmark = pytest.mark.browser

SAMPLE = CORPUS / "fax" / "004-fax-g4-fine-tags-compact-missing-npn.tif"
PROCESSING_TIMEOUT_MS = 240_000


def _shot(page, name: str) -> None:
    folder = os.environ.get("INTAKE_SCREENSHOTS_DIR")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=False)


def _sign_in(page, url: str, name: str) -> None:
    page.goto(url + "/login")
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(BROWSER_USERS[name][1])
    page.get_by_role("button", name="Sign in").click()


def test_upload_process_correct_change_status_sign_out(tmp_path):
    """Staff upload a fax and watch it get processed; a supervisor corrects a field, logs outreach, changes status."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed (make test installs it: apt-get install chromium)")
    if not SAMPLE.exists():
        pytest.skip(f"sample {SAMPLE.name} not generated yet (intake samples)")
    from playwright.sync_api import expect, sync_playwright

    with served(tmp_path / "web") as server, sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        page.set_default_timeout(20_000)

        page.goto(server.url + "/queue")
        expect(page).to_have_url(re.compile(r"/login\?next=/queue$"))
        _shot(page, "login")

        # Intake staff: upload, see the document id, then the confirmation number and status, no reload.
        _sign_in(page, server.url, "sam")
        expect(page).to_have_url(server.url + "/upload")
        page.get_by_label("Fax").check()
        page.get_by_label(re.compile("^Files")).set_input_files(str(SAMPLE))
        page.get_by_role("button", name="Upload").click()
        row = page.locator("#progress tbody tr").first
        expect(row.locator(".doc-id")).to_have_text(re.compile(r"^\d+$"))
        expect(row.locator(".confirmation")).to_have_text(re.compile(r"^\d{8}$"), timeout=PROCESSING_TIMEOUT_MS)
        expect(row.locator(".state")).to_have_text("processed")
        expect(row.locator(".status")).to_have_text("on_hold_applicant_outreach")
        confirmation = row.locator(".confirmation").inner_text()
        _shot(page, "upload")
        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(server.url + "/login")

        # Supervisor: the queue lists it; open it, correct the NPN, log a call, change status.
        _sign_in(page, server.url, "sue")
        expect(page).to_have_url(server.url + "/queue")
        link = page.get_by_role("link", name=f"Application {confirmation}")
        expect(link).to_be_visible()
        _shot(page, "queue")
        link.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text(confirmation)
        # The first page image is rendered from the original (a broken image has naturalWidth 0).
        page.wait_for_function("() => document.querySelector('img.page-image').naturalWidth > 1000")
        npn_form = page.locator("#f-agent-npn")
        npn_form.get_by_label("Agent NPN").fill("17654321")
        npn_form.get_by_role("button", name="Save").click()
        expect(page.locator(".flash")).to_have_text(re.compile("^Saved"))
        expect(page.locator("#f-agent-npn").get_by_label("Agent NPN")).to_have_value("17654321")
        page.evaluate("window.scrollTo(0, 0); document.querySelector('.fields').scrollTo(0, 0)")
        page.wait_for_function("() => document.querySelector('img.page-image').naturalWidth > 1000")
        _shot(page, "application")

        page.get_by_role("link", name="Outreach").click()
        case = page.locator("article.case").filter(has_text=confirmation)
        expect(case).to_contain_text("Must arrive by")
        case.get_by_label("Outcome").select_option("left_message")
        case.get_by_role("button", name="Log attempt").click()
        expect(page.locator("article.case").filter(has_text=confirmation)).to_contain_text("left_message")
        _shot(page, "outreach")

        page.locator("article.case").filter(has_text=confirmation).get_by_role("link").first.click()
        page.get_by_label(re.compile("^Change status from")).select_option("in_progress")
        page.get_by_role("button", name="Change status").click()
        expect(page.locator(".flash")).to_have_text("Status changed.")
        expect(page.locator(".status-badge")).to_have_text("in_progress")

        page.get_by_role("button", name="Sign out").click()
        expect(page).to_have_url(server.url + "/login")
        page.goto(server.url + "/queue")
        expect(page).to_have_url(re.compile(r"/login"))
        browser.close()

    # The audit trail says who did what (read with the server's own settings).
    from intake.config import Settings
    from storage.sql_records import open_record_store

    records = open_record_store(Settings(storage_url=server.env["INTAKE_STORAGE_URL"]))
    [application] = records.list_applications().items
    actions = {(e.action, e.actor) for e in records.events_for("application", application.id)}
    assert {("application_viewed", "sue"), ("field_corrected", "sue"), ("outreach_attempt", "sue"),
            ("status_changed", "sue")} <= actions
    assert application.status == "in_progress" and application.npn == "17654321"
