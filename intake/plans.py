"""The plan's Medicare Advantage plan catalog (contract-PBP id -> marketing name)."""

from __future__ import annotations

__all__ = ["PLANS", "plan_name"]

PLANS: dict[str, str] = {
    "H5652-001": "Aspirus Advantage Essential (HMO-POS)",
    "H5652-002": "Aspirus Advantage Plus (HMO-POS)",
    "H5652-003": "Aspirus Advantage Premier (HMO-POS)",
    "H5652-004": "Aspirus Advantage Dual Care (HMO D-SNP)",
    "H7833-001": "Aspirus Medicare Choice (PPO)",
}


def plan_name(plan_id: str | None) -> str | None:
    return PLANS.get(plan_id) if plan_id else None
