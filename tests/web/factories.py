"""Synthetic application records for the web tests (made-up people, never real PHI)."""

from __future__ import annotations

import copy
import hashlib
from datetime import datetime
from typing import Any

from storage.records import ApplicationRecord, RecordStore

BASE_CONTRACT: dict[str, Any] = {
    "schema": "enrollment-application/v1",
    "document": {"sha256": "", "filename": "fax-test.tif", "pages": 1, "channel": "fax",
                 "kind": "enrollment_application"},
    "receipt": {"received_at": "2026-11-30T23:41:07-06:00", "source": "fax_metadata"},
    "confirmation_number": None,
    "applicant": {
        "first_name": "TESTY", "middle_initial": "Q", "last_name": "SAMPLEPERSON", "birth_date": "1957-03-14",
        "sex": "F", "phone": "7155550142",
        "permanent_address": {"street": "1 TEST ST", "city": "WAUSAU", "state": "WI", "zip": "54401"},
        "mailing_address": None,
    },
    "medicare_number": "1EG4TE5MK73",
    "plan": {"id": "H5652-002", "name": "Aspirus Advantage Plus (HMO-POS)"},
    "requested_effective_date": "2027-01-01",
    "primary_care_clinic": None,
    "dental_rider": False,
    "premium_payment": {"method": "eft", "account_holder": "TESTY Q SAMPLEPERSON", "routing_number": "075911988",
                        "account_number": "000123456789", "account_type": "checking"},
    "signature": {"signed": True, "date": "2026-11-20", "by": "applicant"},
    "authorized_representative": None,
    "agent": {"name": "AGENT TESTER", "npn": "17654321"},
    "status": "in_progress",
    "rejection_reason": None,
    "missing": [],
    "effective_date_check": {"earliest_allowed": "2026-12-01", "requested_allowed": True},
    "confidence": {"medicare_number": 0.97, "agent.npn": 0.99, "applicant.birth_date": 0.61},
    "review": ["applicant.birth_date"],
}

_counter = [0]


def make_contract(**changes: Any) -> dict[str, Any]:
    """A copy of the base record with top-level keys replaced (dotted keys set nested values)."""
    contract = copy.deepcopy(BASE_CONTRACT)
    for key, value in changes.items():
        node = contract
        *parents, leaf = key.split("__")
        for part in parents:
            node = node[part]
        node[leaf] = value
    return contract


def seed_application(records: RecordStore, *, number: str | None = None, dropped_at: datetime | None = None,
                     **changes: Any) -> ApplicationRecord:
    """Record a document and its application as the worker would, with a unique sha256."""
    _counter[0] += 1
    sha = hashlib.sha256(f"web-test-{_counter[0]}-{number}".encode()).hexdigest()
    contract = make_contract(**changes)
    contract["document"]["sha256"] = sha
    contract["confirmation_number"] = number or f"{40000000 + _counter[0]}"
    channel = contract["document"]["channel"]
    document, _ = records.add_document(
        sha256=sha, channel=channel, filename="test.tif", source_key=None, size=10,
        dropped_at=dropped_at or datetime.fromisoformat("2026-12-01T05:41:07+00:00"),
    )
    return records.save_application(document.id, contract)
