"""Masking of the identifiers that must not be shown in full outside the application page.

Medicare numbers and bank account numbers show only their last four
characters (``****MK73``). Masking works on a copy of the contract dict so the
same rule applies to pages, the JSON API and CSV exports.
"""

from __future__ import annotations

import copy
from typing import Any

__all__ = ["MASKED_PATHS", "mask_value", "masked_record"]

#: Contract paths whose values are masked everywhere but the application page for reviewers.
MASKED_PATHS: tuple[str, ...] = ("medicare_number", "premium_payment.account_number")


def mask_value(value: Any) -> Any:
    """``1EG4TE5MK73`` -> ``****MK73``; short values lose everything; None stays None."""
    if value is None:
        return None
    text = str(value)
    if len(text) <= 4:
        return "****"
    return "****" + text[-4:]


def masked_record(record: dict[str, Any]) -> dict[str, Any]:
    """A deep copy of a contract record with every ``MASKED_PATHS`` value masked."""
    out = copy.deepcopy(record)
    for path in MASKED_PATHS:
        *parents, leaf = path.split(".")
        node: Any = out
        for part in parents:
            node = node.get(part) if isinstance(node, dict) else None
        if isinstance(node, dict) and node.get(leaf) is not None:
            node[leaf] = mask_value(node[leaf])
    return out
