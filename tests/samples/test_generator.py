"""The sample generator: deterministic bytes, truth that follows the rules, valid made-up values."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import jsonschema
import pytest

from intake.application import contract_schema
from samples.generate import generate
from intake.parsers.normalize import is_npi
from samples.people import aba_checksum_ok, draw_mbi, draw_npn, draw_routing_number
from samples.truth import earliest_allowed, effective_date_check, required_missing

MBI = re.compile(r"^[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9][0-9]"
                 r"[AC-HJKMNP-RT-Y]{2}[0-9]{2}$")


def _bytes(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(
    ("channel", "case", "suffix"),
    [("fax", "complete", ".tif"), ("docusign", "complete", ".pdf"), ("mail", "blank", ".jpg")],
)
def test_same_seed_gives_identical_bytes(tmp_path: Path, channel: str, case: str, suffix: str) -> None:
    """Two runs with one seed write byte-identical documents and truth; another seed differs."""
    runs = []
    for name, seed in (("a", 11), ("b", 11), ("c", 12)):
        generate(tmp_path / name, 1, seed, layouts=("compact",), channels=(channel,), cases=(case,))
        runs.append(_bytes(tmp_path / name))
    assert runs[0] == runs[1]
    assert any(key.endswith(suffix) for key in runs[0])
    document = next(key for key in runs[0] if key.endswith(suffix) and "truth" not in key)
    assert runs[2].get(document) != runs[0][document]


def test_generated_truth_is_consistent_for_a_missing_item(tmp_path: Path) -> None:
    """A case that blanks the NPN yields a truth with agent.npn null and listed as missing for the agent."""
    generate(tmp_path, 1, 5, layouts=("grid",), channels=("portal",), cases=("missing-npn",))
    truth = json.loads(next((tmp_path / "truth" / "portal").glob("*.truth.json")).read_text())
    jsonschema.validate(truth, contract_schema())
    assert truth["agent"]["npn"] is None and truth["agent"]["name"]
    assert {"field": "agent.npn", "contact_first": "agent", "reason": "agent NPN not given"} in truth["missing"]
    assert truth["status"] == "on_hold_applicant_outreach"
    assert truth["receipt"]["source"] == "portal_submission"


def test_made_up_identifiers_are_valid() -> None:
    """MBIs match the CMS position rule, routing numbers pass the ABA checksum, NPNs have 6-10 digits and
    are never also a valid NPI (which the domain rules would refuse as an NPN)."""
    rng = random.Random(3)
    npns = []
    for _ in range(3000):
        assert MBI.match(draw_mbi(rng))
        assert aba_checksum_ok(draw_routing_number(rng))
        npns.append(draw_npn(rng))
        assert re.fullmatch(r"[1-9]\d{5,9}", npns[-1])
    assert not any(is_npi(n) for n in npns)
    assert not aba_checksum_ok("075911989")
    assert aba_checksum_ok("075911988")


def test_effective_date_rules_follow_the_contract() -> None:
    """Next month's first; Jan 1 needs receipt by Dec 7; the requested date must be a first on or after that."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    tz = ZoneInfo("America/Chicago")
    assert earliest_allowed(datetime(2026, 11, 30, 23, 41, tzinfo=tz)).isoformat() == "2026-12-01"
    assert earliest_allowed(datetime(2026, 12, 7, 23, 0, tzinfo=tz)).isoformat() == "2027-01-01"
    assert earliest_allowed(datetime(2026, 12, 8, 0, 5, tzinfo=tz)).isoformat() == "2027-02-01"
    check = effective_date_check(datetime(2026, 12, 8, 9, 0, tzinfo=tz), "2027-01-01")
    assert check == {"earliest_allowed": "2027-02-01", "requested_allowed": False}
    assert effective_date_check(datetime(2026, 5, 3, 9, 0, tzinfo=tz), "2026-06-15")["requested_allowed"] is False


def test_required_missing_depends_on_choices() -> None:
    """Routing/account are required only with EFT, rep fields only with a representative, NPN only with an agent."""
    app = {
        "plan": {"id": "H5652-001"}, "medicare_number": "1EG4TE5MK73",
        "applicant": {"first_name": "A", "last_name": "B", "birth_date": "1950-01-01", "sex": "F", "phone": "7155550100",
                      "permanent_address": {"street": "1 MAIN ST", "city": "WAUSAU", "state": "WI", "zip": "54401"}},
        "signature": {"signed": True, "date": "2026-11-20"},
        "premium_payment": {"method": "bill"}, "authorized_representative": None, "agent": None,
    }
    assert required_missing(app) == []
    app["premium_payment"] = {"method": "eft", "routing_number": None, "account_number": "12"}
    app["agent"] = {"name": "C D", "npn": None}
    app["authorized_representative"] = {"name": "E F", "phone": None, "relationship": "SON"}
    fields = {(m["field"], m["contact_first"]) for m in required_missing(app)}
    assert fields == {("premium_payment.routing_number", "applicant"), ("agent.npn", "agent"),
                      ("authorized_representative.phone", "applicant")}


@pytest.mark.parametrize("layout", ["heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
                                    "heldout8", "heldout9", "heldout10", "heldout11", "heldout12",
                                    "heldout13", "heldout14", "heldout15"])
def test_other_heldout_layouts_write_what_heldout_writes(tmp_path: Path, layout: str) -> None:
    """Every held-out layout draws the same values and ticks the same boxes as "heldout"; its truth says heldout."""
    from collections import Counter
    from datetime import date, datetime

    from samples.fonts import pil_font
    from samples.formdata import draw_form
    from samples.layouts import HELDOUT_LAYOUTS, LAYOUTS
    from samples.layouts.base import Style
    from samples.primitives import Checkbox, Stroke, Text

    # heldout10 prints the slashes, parentheses and dashes between its comb boxes: the hand writes the rest
    skip = " -/()." if layout == "heldout10" else " -"
    # heldout11 has the applicant write some fields as one line ("KRUEGER, DUANE H", "WAUSAU, WI 54401", "PO BOX 12,
    # WAUSAU WI 54402", "MARILYN BRANDT, daughter"), on some documents in mixed case ("Krueger, Duane H."), phones as
    # "(715) 555-0123" or "715.555.0123" and dates as "March 4, 1948", "Mar 4 1948", "4 March 1948" or "3/4/1948".
    # So for it (and for "heldout" beside it) a value that is a whole date in one of those forms is read back as
    # MM/DD/YYYY, letters are compared upper-cased and the joining commas and periods are not counted; every other
    # character must still match one for one (a two-digit year, a lost digit or a dropped field fails).
    # heldout12 is a software printout read back the same way ("Duane H. Krueger", "1234 Main St, Wausau, WI 54401",
    # "March 4, 1948", "(715) 555-0123"); its choices are TYPED answer words instead of ticked boxes.
    # heldout15's software types Title Case on some documents ("Krueger", "PO Box 12"), dates as "3/4/1948", phones as
    # "715-555-0123" and dashes into the Medicare number; its fax cover sheet and Scope of Sales Appointment pages
    # (their ticks and signatures too) are no part of the application and hold no values.
    written11 = layout == "heldout11"
    written = written11 or layout in ("heldout12", "heldout15")
    if written:
        skip = " -().,"

    def canonical(text: str) -> str:
        if not written:
            return text
        for pattern in ("%m/%d/%Y", "%B %d, %Y", "%b %d %Y", "%d %B %Y"):
            try:
                return datetime.strptime(text, pattern).strftime("%m/%d/%Y")
            except ValueError:
                pass
        return text.upper()

    def circled(items: list) -> list[str]:
        """heldout11 answers short choices by circling a printed word: the words inside each pen stroke's box."""
        words = []
        for stroke in (s for s in items if isinstance(s, Stroke)):
            xs, ys = [x for x, _ in stroke.points], [y for _, y in stroke.points]
            for t in items:
                if isinstance(t, Text) and t.role == "label":
                    right = t.x + pil_font(t.font, round(t.size * 300 / 72)).getlength(t.text) * 72 / 300
                    inside_x = min(xs) < t.x and right < max(xs)
                    if inside_x and min(ys) < t.y + 0.1 * t.size and t.y + 0.8 * t.size < max(ys):
                        words.append(t.text)
        return sorted(words)

    def typed_choices(texts: list[str], form) -> tuple[list[str], int]:
        """heldout12 types the chosen option of each choice once, in one of its spellings, and no other option (a
        lone letter may still be a middle initial): take the typed answers out of the values and count them."""
        from samples.layouts import heldout12

        c = form.choice
        rest, typed = list(texts), 0
        for words, chosen in ((heldout12.SEX_WORDS, c["sex"]), (heldout12.DENTAL_WORDS, c["dental"]),
                              (heldout12.METHOD_WORDS, c["method"]), (heldout12.ACCOUNT_WORDS, c["account_type"]),
                              (heldout12.PLAN_WORDS, c["plan"])):
            for option, spellings in words.items():
                hits = [t for t in rest if t in spellings]
                if chosen is not None and option == chosen:
                    assert hits, (option, texts)
                    rest.remove(max(hits, key=len))
                    typed += 1
                else:
                    assert all(len(t) == 1 for t in hits), (option, texts)
        return rest, typed

    def drawn(name: str, form, build_seed: int = 1) -> tuple[Counter, int, int]:
        pages = LAYOUTS[name](form, Style(), random.Random(build_seed))
        if name == "heldout15":
            from samples.layouts import heldout15

            enclosures = [page for page in pages if heldout15.is_enclosure(page)]
            assert not [t for page in enclosures for t in page.items if isinstance(t, Text) and t.role == "value"]
            pages = [page for page in pages if not heldout15.is_enclosure(page)]
        items = [item for page in pages for item in page.items]
        texts = [t.text for t in items if isinstance(t, Text) and t.role == "value"]
        typed = 0
        if name == "heldout12":  # a typed answer word stands for a ticked box
            texts, typed = typed_choices(texts, form)
        values = [canonical(text) for text in texts]
        chars = Counter(ch for text in values for ch in text if ch not in skip)
        ticks = sum(1 for c in items if isinstance(c, Checkbox) and c.mark)
        strokes = sum(1 for s in items if isinstance(s, Stroke))
        if name == "heldout11":  # a circled word stands for a ticked box; the signature is the other stroke
            rings = len(circled(items))
            return chars, ticks + rings, strokes - rings
        return chars, ticks + typed, strokes

    assert layout in HELDOUT_LAYOUTS
    for seed in range(8):
        form = draw_form(random.Random(seed), signed_on=date(2026, 11, 20), requested=date(2027, 1, 1),
                         with_rep=seed % 2 == 0, with_agent=True, with_mailing=seed % 3 == 0)
        assert drawn(layout, form) == drawn("heldout", form)
    if written:
        # each document's writer is drawn from the build's random numbers: try several, with parts of the combined
        # lines left blank, and (heldout11) check each circle holds the chosen word
        blanks = ["applicant.first_name", "applicant.last_name", "applicant.permanent_address.city",
                  "applicant.permanent_address.zip", "authorized_representative.name",
                  "authorized_representative.relationship", "applicant.sex", "signature.date"]
        for seed in range(24):
            blank = blanks[seed % len(blanks)] if seed >= 8 else None
            form = draw_form(random.Random(seed), signed_on=date(2026, 9, 28), requested=date(2026, 11, 1),
                             with_rep=seed % 2 == 0 or (blank or "").startswith("authorized"), with_agent=True,
                             with_mailing=seed % 3 == 0, method="eft" if seed % 4 == 0 else None)
            if blank:
                form.blank(blank)
            assert drawn(layout, form, seed) == drawn("heldout", form)
            if not written11:
                continue
            c = form.choice
            expected = [w for w, on in (("M", c["sex"] == "M"), ("F", c["sex"] == "F"), ("YES", c["dental"] is True),
                                        ("NO", c["dental"] is False), ("CHECKING", c["account_type"] == "checking"),
                                        ("SAVINGS", c["account_type"] == "savings")) if on]
            pages = LAYOUTS[layout](form, Style(), random.Random(seed))
            assert circled([item for page in pages for item in page.items]) == sorted(expected)
    generate(tmp_path, 1, 5, layouts=(layout,), channels=("fax",), cases=("complete",))
    truth = json.loads(next((tmp_path / "truth" / "fax").glob("*.truth.json")).read_text())
    assert truth["_sample"]["layout"] == layout and truth["_sample"]["heldout"] is True


def test_a_jpeg_tiff_pages_padding_byte_is_zeroed(tmp_path: Path) -> None:
    """libtiff pads an odd-length page's JPEG data with one byte it leaves unset, so the same scan could be
    written with different bytes; the generator zeroes it, and the pixels are untouched."""
    import numpy as np
    from PIL import Image

    from samples.mail import zero_tiff_padding

    rng = np.random.default_rng(3)
    for attempt in range(20):
        pages = [Image.fromarray(rng.integers(0, 255, (64, 64), dtype=np.uint8)) for _ in range(2)]
        path = tmp_path / f"scan{attempt}.tif"
        pages[0].save(path, format="TIFF", compression="jpeg", quality=60, save_all=True, append_images=pages[1:])
        with Image.open(path) as tiff:
            end = max(o + c for o, c in zip(tiff.tag_v2[273], tiff.tag_v2[279]))
        if end % 2:
            break
    else:
        pytest.skip("no odd-length page data in 20 tries")
    data = bytearray(path.read_bytes())
    data[end] = 0xAB  # what libtiff may leave there
    path.write_bytes(bytes(data))
    before = [np.array(page) for page in _frames(path)]
    zero_tiff_padding(path)
    assert path.read_bytes()[end] == 0
    assert all(np.array_equal(a, b) for a, b in zip(before, _frames(path)))


def _frames(path: Path) -> list:
    from PIL import Image, ImageSequence

    with Image.open(path) as tiff:
        return [frame.copy() for frame in ImageSequence.Iterator(tiff)]
