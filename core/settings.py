"""Book settings: business rules stored in the book (JSON values), with defaults in one place.

UI state (window geometry, column widths, language) is not here: it lives in QSettings.
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.models import Setting

DEFAULTS: dict[str, Any] = {
    "shop_name": "",
    "timezone": "Asia/Shanghai",
    # lifecycle stage thresholds (DOMAIN.md §1)
    "stage.loyal_min_purchase_days": 5,
    "stage.loyal_min_spend_cents": 200000,
    "stage.churn_default_days": 180,
    "stage.churn_cycle_multiplier": 2,
    # dormant: past this share of the churn threshold (1.5 cycles, or 135 days by default)
    "stage.dormant_fraction": 0.75,
    # privacy
    "privacy.mask_phones": False,
}


def get_setting(session: Session, key: str) -> Any:
    """The stored value of `key`, else its default (KeyError for an unknown key with no value)."""
    row = session.get(Setting, key)
    if row is not None:
        return json.loads(row.value_json)
    return DEFAULTS[key]


def get_settings(session: Session, prefix: str = "") -> dict[str, Any]:
    """Every setting whose key starts with `prefix`, defaults filled in."""
    values = {k: v for k, v in DEFAULTS.items() if k.startswith(prefix)}
    for row in session.scalars(select(Setting).where(Setting.key.startswith(prefix))):
        values[row.key] = json.loads(row.value_json)
    return values


def set_setting(session: Session, key: str, value: Any) -> None:
    encoded = json.dumps(value, ensure_ascii=False)
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value_json=encoded))
    else:
        row.value_json = encoded
