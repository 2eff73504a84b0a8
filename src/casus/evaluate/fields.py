"""Field accuracy on matched events: date, modality, attribution, quantity, and the full CAMEO code.

Each check returns None when the gold does not give the field (not judged), else whether the prediction is
right. A list-valued gold field accepts any of its values.
"""

from __future__ import annotations

import math
import re
from typing import Any

from casus.evaluate.gold import GoldEvent
from casus.evaluate.match import Pred, actor_primary, gold_actor_primaries, pred_actor_code, pred_code

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


def date_matches(gold: str, predicted: str | None) -> bool:
    """Same day; same month when the gold is month-level (`2024-06`); same year when it is a year."""
    if not predicted:
        return False
    gold_m = _DATE.match(str(gold).strip())
    pred_m = _DATE.match(str(predicted).strip())
    if not gold_m or not pred_m:
        return False
    gold_s, pred_s = gold_m.group(0), pred_m.group(0)
    return len(pred_s) >= len(gold_s) and pred_s[: len(gold_s)] == gold_s


def _number(value: Any) -> float | None:
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool):
        return None
    try:
        num = float(value)
    except (TypeError, ValueError):
        return None
    return num if math.isfinite(num) else None


def quantity_matches(gold: Any, quantities: Any) -> bool:
    """The gold value equals the value of any of the predicted event's quantities."""
    want = _number(gold)
    if want is None or not isinstance(quantities, list):
        return False
    for qty in quantities:
        got = _number(qty)
        if got is not None and math.isclose(got, want, rel_tol=1e-9, abs_tol=1e-9):
            return True
    return False


def check_full_code(gold: GoldEvent, pred: Pred) -> bool | None:
    """Among gold codes of 3+ digits: the predicted code starts with the gold code or an `alt_cameo`."""
    if not gold.cameo or len(gold.cameo) < 3:
        return None
    code = pred_code(pred)
    return bool(code) and any(code.startswith(c) for c in gold.codes)


def check_date(gold: GoldEvent, pred: Pred) -> bool | None:
    if not gold.date:
        return None
    return any(date_matches(str(g), pred.get("date")) for g in gold.date)


def check_modality(gold: GoldEvent, pred: Pred) -> bool | None:
    if not gold.modality:
        return None
    got = str(pred.get("modality") or "").strip().lower()
    return got in {str(m).strip().lower() for m in gold.modality}


def check_attribution(gold: GoldEvent, pred: Pred) -> bool | None:
    """Attribution primary; a gold attribution of unknown country (`---ROLE`) is not judged."""
    prims = gold_actor_primaries(gold.attribution)
    if prims is None:
        return None
    return actor_primary(pred_actor_code(pred, "attribution")) in prims


def check_quantity(gold: GoldEvent, pred: Pred) -> bool | None:
    if not gold.quantity:
        return None
    return any(quantity_matches(g, pred.get("quantities")) for g in gold.quantity)


FIELD_CHECKS = {
    "full_code": check_full_code,
    "date": check_date,
    "modality": check_modality,
    "attribution": check_attribution,
    "quantity": check_quantity,
}
