"""DocuSign channel: the envelope id stamp on each page and the Certificate Of Completion page."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from samples.clock import after
from samples.primitives import Line, PageLayout, Rect, Text

__all__ = ["Envelope", "draw_envelope", "certificate_page", "TIME_ZONES", "ds_time"]

#: the Time Zone line DocuSign prints, and the zone its timestamps are in
TIME_ZONES = {
    "central": ("(UTC-06:00) Central Time (US & Canada)", "America/Chicago"),
    "eastern": ("(UTC-05:00) Eastern Time (US & Canada)", "America/New_York"),
}


def ds_time(when: datetime) -> str:
    return when.strftime("%m/%d/%Y | %I:%M:%S %p")


@dataclass(frozen=True)
class Envelope:
    envelope_id: str
    zone_key: str
    sent: datetime  # all aware, in the certificate's zone
    viewed: datetime
    signed: datetime
    completed: datetime
    originator: str
    signer: str

    @property
    def dashed_id(self) -> str:
        e = self.envelope_id
        return f"{e[:8]}-{e[8:12]}-{e[12:16]}-{e[16:20]}-{e[20:]}"


def draw_envelope(rng: random.Random, signing_complete: datetime, *, zone_key: str, originator: str,
                  signer: str) -> Envelope:
    """Envelope times around the applicant's signing-complete instant, in the certificate's zone."""
    zone = ZoneInfo(TIME_ZONES[zone_key][1])
    signed = signing_complete.astimezone(zone)
    viewed = after(signed, -timedelta(minutes=rng.randint(3, 25), seconds=rng.randint(0, 59)))
    sent = after(viewed, -timedelta(hours=rng.randint(0, 30), minutes=rng.randint(1, 59), seconds=rng.randint(0, 59)))
    completed = after(signed, timedelta(seconds=rng.randint(1, 9)))
    env_id = "".join(rng.choice("0123456789ABCDEF") for _ in range(32))
    return Envelope(env_id, zone_key, sent, viewed, signed, completed, originator, signer)


def certificate_page(env: Envelope, *, document_pages: int) -> PageLayout:
    page = PageLayout()
    add = page.add
    f, fb = "sans", "sans-bold"
    add(Text(36, 36, "Certificate Of Completion", fb, 14, "title"))
    add(Line(36, 56, 576, 56, 0.8))
    y = 64.0
    rows = [
        (f"Envelope Id: {env.envelope_id}", "Status: Completed"),
        ("Subject: Please DocuSign: Aspirus Medicare Advantage Enrollment Application", ""),
        ("Source Envelope:", ""),
        (f"Document Pages: {document_pages}", "Signatures: 1"),
        ("Certificate Pages: 1", "Initials: 0"),
        ("AutoNav: Enabled", "Envelope Originator:"),
        ("EnvelopeId Stamping: Enabled", env.originator),
        (f"Time Zone: {TIME_ZONES[env.zone_key][0]}", "enrollment@example.org"),
    ]
    for left, right in rows:
        add(Text(36, y, left, f, 8.5))
        if right:
            add(Text(380, y, right, f, 8.5))
        y += 13
    y += 8
    add(Rect(36, y, 540, 15, 0.4, (225, 225, 225)))
    add(Text(40, y + 3.5, "Record Tracking", fb, 9))
    y += 22
    add(Text(36, y, "Status: Original", f, 8.5))
    add(Text(380, y, f"Holder: {env.originator}", f, 8.5))
    y += 13
    add(Text(36, y, f"     {ds_time(env.sent - timedelta(minutes=2))}", f, 8.5))
    add(Text(380, y, "Location: DocuSign", f, 8.5))
    y += 22
    add(Rect(36, y, 540, 15, 0.4, (225, 225, 225)))
    add(Text(40, y + 3.5, "Signer Events", fb, 9))
    add(Text(250, y + 3.5, "Signature", fb, 9))
    add(Text(400, y + 3.5, "Timestamp", fb, 9))
    y += 22
    add(Text(36, y, env.signer, f, 8.5))
    add(Text(250, y, "Signature Adoption: Drawn on Device", f, 7.5))
    add(Text(400, y, f"Sent: {ds_time(env.sent)}", f, 8.5))
    y += 13
    add(Text(36, y, "Security Level: Email, Account Authentication (None)", f, 7.5))
    add(Text(250, y, "Using IP Address: 192.0.2.41", f, 7.5))
    add(Text(400, y, f"Viewed: {ds_time(env.viewed)}", f, 8.5))
    y += 13
    add(Text(400, y, f"Signed: {ds_time(env.signed)}", f, 8.5))
    y += 20
    add(Text(36, y, "Electronic Record and Signature Disclosure:", f, 7.5))
    y += 11
    add(Text(48, y, f"Accepted: {ds_time(env.viewed)}", f, 7.5))
    y += 22
    for heading in ("In Person Signer Events", "Editor Delivery Events", "Agent Delivery Events",
                    "Intermediary Delivery Events", "Certified Delivery Events", "Carbon Copy Events"):
        add(Text(36, y, heading, fb, 8.5))
        add(Text(250, y, "Status", fb, 8.5))
        add(Text(400, y, "Timestamp", fb, 8.5))
        y += 16
    y += 6
    add(Rect(36, y, 540, 15, 0.4, (225, 225, 225)))
    add(Text(40, y + 3.5, "Envelope Summary Events", fb, 9))
    add(Text(250, y + 3.5, "Status", fb, 9))
    add(Text(400, y + 3.5, "Timestamps", fb, 9))
    y += 22
    for event, status, when in (
        ("Envelope Sent", "Hashed/Encrypted", env.sent),
        ("Certified Delivered", "Security Checked", env.viewed),
        ("Signing Complete", "Security Checked", env.signed),
        ("Completed", "Security Checked", env.completed),
    ):
        add(Text(36, y, event, f, 8.5))
        add(Text(250, y, status, f, 8.5))
        add(Text(400, y, ds_time(when), f, 8.5))
        y += 13
    y += 12
    add(Text(36, y, "Payment Events", fb, 8.5))
    add(Text(250, y, "Status", fb, 8.5))
    add(Text(400, y, "Timestamps", fb, 8.5))
    return page
