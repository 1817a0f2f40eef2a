"""The business cases the corpus covers, and the plan of which document shows which case.

A case says what kind of document it is, which channels it can arrive by,
when it is received and what coverage start it asks for, and how it changes
a complete application (blank a field, write an SSN for the MBI, ...).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from samples.formdata import FormData
from samples.truth import PLAN_TZ

__all__ = ["Case", "CASES", "Spec", "plan_specs", "ALL_CHANNELS", "Timing"]

ALL_CHANNELS = ("fax", "mail", "docusign", "portal", "email")
PAPER = ("fax", "mail")
ANY_APP = ("fax", "mail", "docusign", "portal")


@dataclass(frozen=True)
class Timing:
    received: datetime  # aware, true instant of receipt
    requested: date


@dataclass(frozen=True)
class Case:
    name: str
    kind: str = "enrollment_application"
    channels: tuple[str, ...] = ANY_APP
    timing: Callable[[random.Random], Timing] | None = None  # None: an ordinary date
    change: Callable[[FormData, random.Random], None] | None = None
    form: dict = field(default_factory=dict)  # draw_form options (method, with_rep, with_agent)
    fax_receipt: str | None = None  # force a fax receipt variant (sidecar/tags/header/none)


def _local(y: int, mo: int, d: int, h: int, mi: int, s: int = 0, fold: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=PLAN_TZ, fold=fold)


def _ordinary(rng: random.Random) -> Timing:
    """A receipt in AEP (asking for Jan 1) or in another month (asking for the first of a later month)."""
    if rng.random() < 0.55:
        day = date(2026, 10, 15) + timedelta(days=rng.randint(0, 52))  # Oct 15 .. Dec 6
        received = _local(day.year, day.month, day.day, rng.randint(7, 20), rng.randint(0, 59), rng.randint(0, 59))
        return Timing(received, date(2027, 1, 1))
    month = rng.choice([4, 5, 6, 7, 8, 9])
    received = _local(2026, month, rng.randint(2, 27), rng.randint(7, 20), rng.randint(0, 59), rng.randint(0, 59))
    ahead = rng.choice([1, 1, 2])
    return Timing(received, date(2026, month + ahead, 1))


def _late(rng: random.Random) -> Timing:
    month = rng.choice([5, 6, 8, 9])
    received = _local(2026, month, rng.randint(2, 6), rng.randint(8, 16), rng.randint(0, 59))
    return Timing(received, date(2026, month, 1))  # asks for a start already past


def _blank(path: str) -> Callable[[FormData, random.Random], None]:
    def change(form: FormData, rng: random.Random) -> None:
        form.blank(path)

    return change


def _ssn(form: FormData, rng: random.Random) -> None:
    from samples.people import draw_ssn

    ssn = draw_ssn(rng)
    form.spoil("medicare_number", f"{ssn[:3]}-{ssn[3:5]}-{ssn[5:]}" if rng.random() < 0.6 else ssn)


_MISSING = {
    "missing-plan": ("plan.id", {}),
    "missing-first-name": ("applicant.first_name", {}),
    "missing-last-name": ("applicant.last_name", {}),
    "missing-birth-date": ("applicant.birth_date", {}),
    "missing-sex": ("applicant.sex", {}),
    "missing-phone": ("applicant.phone", {}),
    "missing-street": ("applicant.permanent_address.street", {}),
    "missing-city": ("applicant.permanent_address.city", {}),
    "missing-state": ("applicant.permanent_address.state", {}),
    "missing-zip": ("applicant.permanent_address.zip", {}),
    "missing-medicare-number": ("medicare_number", {}),
    "missing-signature": ("signature.signed", {}),
    "missing-signature-date": ("signature.date", {}),
    "missing-rep-name": ("authorized_representative.name", {"with_rep": True}),
    "missing-rep-phone": ("authorized_representative.phone", {"with_rep": True}),
    "missing-rep-relationship": ("authorized_representative.relationship", {"with_rep": True}),
    "missing-routing-number": ("premium_payment.routing_number", {"method": "eft"}),
    "missing-account-number": ("premium_payment.account_number", {"method": "eft"}),
    "missing-npn": ("agent.npn", {"with_agent": True}),
}

CASES: dict[str, Case] = {
    "complete": Case("complete"),
    "rep-signed": Case("rep-signed", form={"with_rep": True}),
    "ssn-in-medicare-box": Case("ssn-in-medicare-box", change=_ssn),
    "eft-without-routing": Case("eft-without-routing", change=_blank("premium_payment.routing_number"),
                                form={"method": "eft"}),
    "late-receipt": Case("late-receipt", timing=_late),
    "aep-dec7": Case("aep-dec7", timing=lambda r: Timing(_local(2026, 12, 7, 16, r.randint(0, 59), r.randint(0, 59)),
                                                         date(2027, 1, 1))),
    "aep-dec8": Case("aep-dec8", timing=lambda r: Timing(_local(2026, 12, 8, 9, r.randint(0, 59), r.randint(0, 59)),
                                                         date(2027, 1, 1))),
    # 23:41 CST on Nov 30 is already Dec 1 in UTC: a UTC reading would wrongly refuse a Dec 1 start.
    "month-end-midnight": Case("month-end-midnight", channels=("fax", "portal", "docusign"),
                               timing=lambda r: Timing(_local(2026, 11, 30, 23, 41, r.randint(0, 59)), date(2026, 12, 1)),
                               fax_receipt="sidecar"),
    # 01:30 happens twice on Nov 1 2026 in Central time; the gateway's offset says which.
    "dst-fall-back": Case("dst-fall-back", channels=("fax",),
                          timing=lambda r: Timing(_local(2026, 11, 1, 1, 30, r.randint(0, 59), fold=r.randint(0, 1)),
                                                  date(2026, 12, 1)),
                          fax_receipt="sidecar"),
    # 02:00-03:00 does not exist on Mar 8 2026; the sender's header clock has not moved on.
    "dst-spring-forward": Case("dst-spring-forward", channels=("fax",),
                               timing=lambda r: Timing(_local(2026, 3, 8, 3, 10, r.randint(0, 59)), date(2026, 4, 1)),
                               fax_receipt="sidecar"),
    "cover-letter": Case("cover-letter", kind="cover_letter", channels=PAPER),
    "blank": Case("blank", kind="blank", channels=PAPER),
    "dental-enrollment": Case("dental-enrollment", kind="dental_enrollment", channels=PAPER),
    "disenrollment-request": Case("disenrollment-request", kind="disenrollment_request", channels=PAPER),
    "email": Case("email", channels=("email",)),
}
for _name, (_path, _opts) in _MISSING.items():
    CASES[_name] = Case(_name, change=_blank(_path), form=_opts)

#: The order documents are generated in: the first ~25 cover every channel, receipt edge and kind.
CURRICULUM: tuple[tuple[str, str], ...] = (
    ("complete", "fax"), ("complete", "mail"), ("complete", "docusign"), ("complete", "portal"),
    ("missing-npn", "fax"), ("month-end-midnight", "fax"), ("aep-dec7", "mail"), ("aep-dec8", "docusign"),
    ("rep-signed", "mail"), ("ssn-in-medicare-box", "fax"), ("eft-without-routing", "mail"),
    ("late-receipt", "portal"), ("dst-fall-back", "fax"), ("dst-spring-forward", "fax"),
    ("cover-letter", "fax"), ("blank", "mail"), ("dental-enrollment", "mail"), ("disenrollment-request", "fax"),
    ("email", "email"), ("missing-signature", "mail"), ("missing-birth-date", "fax"), ("complete", "fax"),
    ("complete", "mail"), ("missing-plan", "docusign"), ("missing-zip", "portal"),
    ("missing-rep-phone", "fax"), ("missing-account-number", "mail"), ("missing-sex", "fax"),
    ("missing-medicare-number", "mail"), ("missing-signature-date", "fax"), ("month-end-midnight", "portal"),
    ("missing-first-name", "mail"), ("missing-last-name", "fax"), ("missing-phone", "mail"),
    ("missing-street", "fax"), ("missing-city", "mail"), ("missing-state", "fax"), ("missing-rep-name", "mail"),
    ("missing-rep-relationship", "docusign"), ("missing-routing-number", "fax"), ("complete", "docusign"),
    ("rep-signed", "docusign"), ("aep-dec8", "mail"), ("aep-dec7", "fax"),
)


@dataclass(frozen=True)
class Spec:
    index: int
    case: str
    channel: str
    layout: str
    seed: int
    ordinal: int = 0  # how many documents of this channel came before (variants cycle on it)

    @property
    def rng(self) -> random.Random:
        return random.Random(f"{self.seed}:{self.index}:{self.case}:{self.channel}:{self.layout}")


def plan_specs(count: int, seed: int, *, layouts: tuple[str, ...], channels: tuple[str, ...] = ALL_CHANNELS,
               cases: tuple[str, ...] | None = None) -> list[Spec]:
    """Which case, channel and layout each of ``count`` documents shows (deterministic in ``seed``)."""
    pairs = [(c, ch) for c, ch in CURRICULUM if cases is None or c in cases]
    if cases is not None:
        pairs += [(c, ch) for c in cases for ch in CASES[c].channels if (c, ch) not in pairs]
    usable: list[tuple[str, str]] = []
    for case, channel in pairs:
        allowed = [ch for ch in CASES[case].channels if ch in channels]
        if not allowed:
            continue
        usable.append((case, channel if channel in allowed else allowed[0]))
    if not usable:
        raise ValueError("no case can be generated for these channels")
    rng = random.Random(seed)
    specs = []
    seen: dict[str, int] = {}
    for index in range(count):
        if index < len(usable):
            case, channel = usable[index]
        else:
            case, channel = rng.choice(usable)
        ordinal = seen.get(channel, 0)
        seen[channel] = ordinal + 1
        specs.append(Spec(index=index, case=case, channel=channel, layout=layouts[index % len(layouts)], seed=seed,
                          ordinal=ordinal))
    return specs
