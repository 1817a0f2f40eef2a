"""Accessibility basics on every page: each input has a label, the focus outline is never removed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from intake.web.context import STATIC_DIR
from tests.web.factories import seed_application


class _Inputs(HTMLParser):
    """Collects form controls and labels (by ``for`` and by nesting)."""

    def __init__(self) -> None:
        super().__init__()
        self.controls: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self._label_depth = 0

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        attributes = dict(attrs)
        if tag == "label":
            self._label_depth += 1
            if attributes.get("for"):
                self.label_for.add(attributes["for"])
        elif tag in ("input", "select", "textarea") and attributes.get("type") not in ("hidden", "submit"):
            self.controls.append({**attributes, "_wrapped": "yes" if self._label_depth else None})

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "label":
            self._label_depth -= 1


@pytest.mark.parametrize(
    ("role", "path"),
    [("intake_staff", "/upload"), ("reviewer", "/queue"), ("reviewer", "/application"),
     ("reviewer", "/outreach"), ("supervisor", "/admin/users"), (None, "/login")],
)
def test_every_input_has_a_label(client_for, context, role, path):
    """Each visible input and select has a <label> (by for= or by nesting)."""
    record = seed_application(context.records, status="on_hold_applicant_outreach")
    client, _ = client_for(role)
    url = f"/applications/{record.id}" if path == "/application" else path
    html = client.get(url).text
    parser = _Inputs()
    parser.feed(html)
    assert parser.controls, "the page has no inputs to check"
    for control in parser.controls:
        assert control["_wrapped"] or control.get("id") in parser.label_for, control


def test_focus_stays_visible():
    """The stylesheet gives focus a visible outline and never removes it."""
    css = (STATIC_DIR / "app.css").read_text()
    assert ":focus-visible { outline: 3px" in css and "outline: none" not in css and "outline: 0" not in css
