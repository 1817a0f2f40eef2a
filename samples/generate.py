"""Generate sample documents and their ground truth: ``generate(out, count, seed, ...)``.

The tree mirrors the storage inbox: ``OUT/<channel>/<file>`` (plus the fax
gateway's ``OUT/fax/<file>.json`` sidecar where there is one) and, outside
the channel folders, ``OUT/truth/<channel>/<file>.truth.json`` (the expected
contract record plus a ``_sample`` object) and ``<file>.text.json`` (the text
drawn on each page, for OCR accuracy). The same seed gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import logging
import random
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from PIL import Image

from samples import fax as faxmod
from samples import mail as mailmod
from samples.cases import ALL_CHANNELS, CASES, Spec, Timing, _ordinary, plan_specs
from samples.clock import after
from samples.docusign import certificate_page, draw_envelope
from samples.formdata import APPLICATION_SECTIONS, FormData, draw_form
from samples.layouts import HELDOUT_LAYOUTS, LABEL_FONTS, LAYOUTS, TUNING_LAYOUTS
from samples.layouts.base import draw_style
from samples.layouts.others import OTHER_KINDS
from samples.people import AGENCIES, draw_phone
from samples.primitives import PageLayout, Text, page_text
from samples.render_image import render_page
from samples.render_pdf import write_image_pdf, write_vector_pdf
from samples.truth import PLAN_TZ, build_truth

__all__ = ["generate", "Generated"]

log = logging.getLogger(__name__)

FAX_RECEIPTS = ("sidecar", "tags", "header", "sidecar", "none")
MAIL_RECEIPTS = ("stamp_time", "stamp_date", "none", "stamp_time")


@dataclass(frozen=True)
class Generated:
    path: Path
    truth_path: Path
    channel: str
    case: str
    layout: str


def generate(out: Path, count: int, seed: int, *, layouts: tuple[str, ...] = TUNING_LAYOUTS,
             channels: tuple[str, ...] = ALL_CHANNELS, cases: tuple[str, ...] | None = None) -> list[Generated]:
    """Write ``count`` documents under ``out``; returns what was written."""
    specs = plan_specs(count, seed, layouts=layouts, channels=channels, cases=cases)
    results = []
    for spec in specs:
        results.append(_one(out, spec))
        log.info("generated sample index=%d channel=%s case=%s", spec.index, spec.channel, spec.case)
    return results


# -- one document ---------------------------------------------------------------------------


def _one(out: Path, spec: Spec) -> Generated:
    rng = spec.rng
    case = CASES[spec.case]
    timing: Timing = (case.timing or _ordinary)(rng)
    received = timing.received
    signed_on = received.astimezone(PLAN_TZ).date()
    if spec.channel in ("fax", "mail", "email"):
        signed_on -= timedelta(days=rng.randint(0, 5) if spec.channel == "fax" else rng.randint(2, 6))
    form = draw_form(rng, signed_on=signed_on, requested=timing.requested, **case.form)
    if case.change:
        case.change(form, rng)
    label, bold, size = LABEL_FONTS[spec.layout]
    style = draw_style(rng, typed=spec.channel == "docusign", label_font=label, label_bold=bold, label_size=size)
    # Some paper forms were filled in on a computer, then printed. A separate generator keeps every
    # other draw (and so the corpus file names others rely on) unchanged.
    extra = random.Random(f"typed:{spec.seed}:{spec.index}")
    if spec.channel in ("fax", "mail") and extra.random() < 0.3:
        style = replace(style, value_font=extra.choice(["sans", "serif", "mono"]), value_size=extra.choice([10.0, 11.0]),
                        hand=False)
    if case.kind == "enrollment_application":
        pages = LAYOUTS[spec.layout](form, style, rng)
        layout = spec.layout
    elif case.kind == "cover_letter":
        pages = OTHER_KINDS["cover_letter"](form, style, rng, sent_on=received.date(), pages=rng.randint(3, 4))
        layout = "-"
    else:
        pages = OTHER_KINDS[case.kind](form, style, rng)
        layout = "-"

    writer = {"fax": _fax, "mail": _mail, "docusign": _docusign, "portal": _portal, "email": _email}[spec.channel]
    stem = f"{spec.index:03d}"
    result = writer(out, stem, spec, rng, pages, form, received, case)
    path, n_pages, texts, received_at, source, dropped_at, variant = result

    application = {k: form.truth[k] for k in APPLICATION_SECTIONS} if case.kind == "enrollment_application" else None
    if spec.channel == "email":
        application = None
    sample = {
        "case": spec.case,
        "layout": layout,
        "heldout": layout in HELDOUT_LAYOUTS,
        "dropped_at": dropped_at.isoformat(),
        "seed": spec.seed,
        "index": spec.index,
        "variant": variant,
    }
    truth = build_truth(
        application=application, kind=case.kind, channel=spec.channel, filename=path.name,
        sha256=hashlib.sha256(path.read_bytes()).hexdigest(), pages=n_pages, received_at=received_at,
        source=source, sample=sample,
    )
    truth_dir = out / "truth" / spec.channel
    truth_dir.mkdir(parents=True, exist_ok=True)
    truth_path = truth_dir / f"{path.name}.truth.json"
    truth_path.write_text(json.dumps(truth, indent=2, ensure_ascii=False) + "\n")
    if texts is not None:
        (truth_dir / f"{path.name}.text.json").write_text(json.dumps(texts, indent=1, ensure_ascii=False) + "\n")
    return Generated(path, truth_path, spec.channel, spec.case, layout)


def _name(stem: str, variant: str, layout: str, case: str, ext: str) -> str:
    middle = "" if layout == "-" else f"-{layout}"
    return f"{stem}-{variant}{middle}-{case}.{ext}"


def _layout_name(spec: Spec) -> str:
    return spec.layout if CASES[spec.case].kind == "enrollment_application" else "-"


# -- channels --------------------------------------------------------------------------------


def _fax(out, stem, spec, rng, pages, form, received, case):
    folder = out / "fax"
    folder.mkdir(parents=True, exist_ok=True)
    # variants cycle so even a small corpus shows each of them
    receipt = case.fax_receipt or FAX_RECEIPTS[spec.ordinal % len(FAX_RECEIPTS)]
    efax = receipt == "header" and (spec.ordinal // len(FAX_RECEIPTS)) % 2 == 0
    fine = rng.random() < 0.5
    compression = rng.choice(["group3", "group4"])
    header_style = rng.choice(faxmod.HEADER_STYLES) if receipt != "none" else None
    agency = rng.choice(AGENCIES)
    sender = draw_phone(rng)
    local = received.astimezone(PLAN_TZ)
    header_clock = local.replace(tzinfo=None)
    if receipt in ("sidecar", "tags"):
        header_clock += timedelta(minutes=rng.randint(-4, 3))  # the sender's clock is its own
    if spec.case == "dst-spring-forward":
        header_clock = (received.astimezone(timezone.utc) - timedelta(hours=6)).replace(tzinfo=None)  # still CST
    images, texts = [], []
    n = len(pages)
    for i, page in enumerate(pages):
        header = None
        if header_style:
            header = faxmod.header_line(header_style, header_clock, sender_name=agency, sender_number=sender,
                                        page=i + 1, pages=n)
        skew = round(rng.uniform(-2, 2), 2)
        rendered = render_page(page, seed=rng.getrandbits(32))
        images.append(faxmod.fax_page(rendered, rng, fine=fine, skew=skew, header=header))
        texts.append(page_text(page, [header.replace("|", " ")] if header else None))
    dropped = after(received, timedelta(seconds=rng.randint(20, 150)))
    variant = {"receipt": receipt, "header_style": header_style, "resolution": "fine" if fine else "normal"}
    if efax:
        variant["format"] = "efax-pdf"
        path = folder / _name(stem, "fax-efax-pdf", _layout_name(spec), spec.case, "pdf")
        write_image_pdf(path, images, [(204, 196 if fine else 98)] * n, title="Fax", created=local,
                        producer="eFax Messenger", jpeg_quality=None)
    else:
        variant["format"] = f"tiff-{compression}"
        tags = None
        if receipt in ("sidecar", "tags"):
            tags = {
                270: agency[:20],
                305: "HylaFAX (tm) Version 7.0.7",
                306: local.strftime("%Y:%m:%d %H:%M:%S"),
                34910: rng.randint(25, 140),
            }
        kind = f"fax-{'g3' if compression == 'group3' else 'g4'}-{'fine' if fine else 'normal'}-{receipt}"
        path = folder / _name(stem, kind, _layout_name(spec), spec.case, "tif")
        faxmod.write_fax_tiff(path, images, compression=compression, tags=tags)
    if receipt == "sidecar":
        in_utc = spec.case == "dst-spring-forward" or rng.random() < 0.3
        stamp = received.astimezone(timezone.utc) if in_utc else local
        faxmod.write_sidecar(folder / f"{path.name}.json", stamp, sender_number=sender, pages=n,
                             csid=f"{sender[:3]} {sender[3:6]} {sender[6:]}")
        received_at, source = received.replace(microsecond=0), "fax_metadata"
    elif receipt == "tags":
        received_at, source = received.replace(microsecond=0), "fax_metadata"
    elif receipt == "header":
        printed = header_clock if header_style == "hylafax" else header_clock.replace(second=0)
        received_at, source = printed.replace(tzinfo=PLAN_TZ), "fax_header"
    else:
        received_at, source = dropped, "drop_time"
    return path, n, texts, received_at, source, dropped, variant


def _mail(out, stem, spec, rng, pages, form, received, case):
    folder = out / "mail"
    folder.mkdir(parents=True, exist_ok=True)
    receipt = MAIL_RECEIPTS[spec.ordinal % len(MAIL_RECEIPTS)]
    if spec.case.startswith("aep-") and receipt == "none":
        receipt = "stamp_date"
    local = received.astimezone(PLAN_TZ)
    if receipt != "none":
        # the mailroom works office hours
        local = local.replace(hour=rng.randint(8, 16))
    n = len(pages)
    fmt = ("jpeg", "png")[spec.ordinal % 2] if n == 1 else ("pdf", "tiff", "pdf")[spec.ordinal % 3]
    # PNG and TIFF scans are grey (colour ones of these are many megabytes); JPEG and PDF may be colour.
    grey = fmt in ("png", "tiff") or spec.ordinal % 2 == 1
    dpi = 200 if fmt == "png" else rng.choice([200, 240, 300])
    flip = rng.randint(1, n - 1) if n > 1 and rng.random() < 0.3 else None
    images, texts = [], []
    for i, page in enumerate(pages):
        rendered = render_page(page, seed=rng.getrandbits(32))
        if i == 0 and receipt != "none":
            lines = mailmod.stamp_lines(local, with_time=receipt == "stamp_time", style=rng.randint(0, 1))
            rendered = mailmod.apply_stamp(rendered, lines, rng)
        images.append(mailmod.scan_page(rendered, rng, dpi=dpi, grey=grey, skew=round(rng.uniform(-5, 5), 2),
                                        upside_down=i == flip))
        texts.append(page_text(page))
    dropped = after(local, timedelta(hours=rng.randint(1, 30))).replace(microsecond=0)
    tone = "grey" if grey else "colour"
    kind = f"mail-{fmt}-{tone}-{dpi}dpi-{receipt.replace('_', '')}" + ("-flipped" if flip else "")
    ext = {"jpeg": "jpg", "png": "png", "pdf": "pdf", "tiff": "tif"}[fmt]
    path = folder / _name(stem, kind, _layout_name(spec), spec.case, ext)
    if fmt == "jpeg":
        images[0].save(path, format="JPEG", quality=70, dpi=(dpi, dpi))
    elif fmt == "png":
        images[0].save(path, format="PNG", dpi=(dpi, dpi), optimize=False)
    elif fmt == "tiff":
        images[0].save(path, format="TIFF", compression="jpeg", quality=60, save_all=True,
                       append_images=images[1:], dpi=(dpi, dpi))
        mailmod.zero_tiff_padding(path)
    else:
        write_image_pdf(path, images, [(dpi, dpi)] * n, title="Scan", created=dropped, producer="Mailroom scanner",
                        jpeg_quality=60)
    if receipt == "stamp_time":
        received_at, source = local.replace(second=0, microsecond=0), "mail_stamp"
    elif receipt == "stamp_date":
        received_at, source = datetime.combine(local.date(), datetime.min.time(), tzinfo=PLAN_TZ), "mail_stamp"
    else:
        received_at, source = dropped, "drop_time"
    variant = {"receipt": receipt, "format": fmt, "tone": tone, "dpi": dpi, "upside_down_page": (flip + 1) if flip else None}
    return path, n, texts, received_at, source, dropped, variant


def _with_envelope_id(page: PageLayout, envelope_id: str) -> PageLayout:
    stamped = PageLayout(items=list(page.items), size=page.size)
    stamped.items.insert(0, Text(20, 8, f"DocuSign Envelope ID: {envelope_id}", "sans", 7, "note"))
    return stamped


def _docusign(out, stem, spec, rng, pages, form, received, case):
    folder = out / "docusign"
    folder.mkdir(parents=True, exist_ok=True)
    zone = rng.choice(["central", "central", "eastern"])
    signer_name = form.truth["authorized_representative"]["name"] if form.truth.get("authorized_representative") \
        and form.truth["authorized_representative"].get("name") else " ".join(
        x for x in (form.printed.get("applicant.first_name"), form.printed.get("applicant.last_name")) if x) or "SIGNER"
    originator = (form.printed.get("agent.name") or "ENROLLMENT TEAM").title()
    env = draw_envelope(rng, received.replace(microsecond=0), zone_key=zone, originator=originator,
                        signer=signer_name.title())
    stamped = [_with_envelope_id(p, env.dashed_id) for p in pages]
    all_pages = stamped + [certificate_page(env, document_pages=len(pages))]
    path = folder / _name(stem, f"docusign-{zone}", _layout_name(spec), spec.case, "pdf")
    write_vector_pdf(path, all_pages, title="Aspirus Medicare Advantage Enrollment Application",
                     created=env.completed, producer="DocuSign")
    texts = [page_text(p) for p in all_pages]
    dropped = after(env.completed, timedelta(minutes=rng.randint(1, 90))).astimezone(PLAN_TZ).replace(microsecond=0)
    variant = {"time_zone": zone, "format": "pdf-text"}
    return path, len(all_pages), texts, env.signed, "docusign_certificate", dropped, variant


def _portal_payload(form: FormData, rng: random.Random) -> dict[str, Any]:
    t = form.truth
    p = form.printed
    applicant = dict(t["applicant"])
    applicant["phone"] = p.get("applicant.phone")  # as typed, with punctuation
    return {
        "plan": {"id": t["plan"]["id"]} if t["plan"] and t["plan"]["id"] else None,
        "applicant": applicant,
        "medicare_number": p.get("medicare_number"),
        "requested_effective_date": t["requested_effective_date"],
        "primary_care_clinic": t["primary_care_clinic"],
        "dental_rider": t["dental_rider"],
        "premium_payment": t["premium_payment"],
        "signature": {"signed": t["signature"]["signed"], "date": t["signature"]["date"],
                      "by": t["signature"]["by"]},
        "authorized_representative": t["authorized_representative"],
        "agent": t["agent"],
    }


def _portal(out, stem, spec, rng, pages, form, received, case):
    folder = out / "portal"
    folder.mkdir(parents=True, exist_ok=True)
    local = received.astimezone(PLAN_TZ).replace(microsecond=0)
    in_utc = rng.random() < 0.4
    submitted = local.astimezone(timezone.utc) if in_utc else local
    payload = {
        "portal": "aspirus-agent-portal",
        "version": 1,
        "submission_id": f"PS-{rng.randint(10**7, 10**8 - 1)}",
        "submitted_at": submitted.isoformat().replace("+00:00", "Z") if in_utc else submitted.isoformat(),
        "application": _portal_payload(form, rng),
    }
    path = folder / _name(stem, "portal", "-", spec.case, "json")
    path.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    dropped = after(local, timedelta(seconds=rng.randint(2, 60)))
    return path, 0, None, local, "portal_submission", dropped, {"format": "json", "utc": in_utc}


def _email(out, stem, spec, rng, pages, form, received, case):
    folder = out / "email"
    folder.mkdir(parents=True, exist_ok=True)
    local = received.astimezone(PLAN_TZ).replace(microsecond=0)
    path = folder / _name(stem, "email-pdf", spec.layout, spec.case, "pdf")
    write_vector_pdf(path, pages, title="Enrollment application", created=local, producer="Scanned attachment")
    texts = [page_text(p) for p in pages]
    return path, 0, texts, local, "drop_time", local, {"format": "pdf"}
