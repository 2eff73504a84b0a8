"""PLOVER / POLECAT-style event JSON: one object per event, PLOVER type first, CAMEO kept alongside.

Field names follow the PLOVER data-interchange format where it has them (event_id, event_date, event_type,
mode, context, source, target, ...); casus adds what PLOVER leaves to the producer: modality, attribution,
evidence span, confidence and the source URL.
"""

from __future__ import annotations

import json
from typing import Any


def _actor(row: dict[str, Any], side: str) -> dict[str, Any] | None:
    code = row.get(f"{side}_code")
    if not code:
        return None
    return {
        "code": code,
        "text": row.get(f"{side}_text"),
        "country": row.get(f"{side}_country"),
        "org": row.get(f"{side}_org"),
        "name": row.get(f"{side}_name"),
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    day = row.get("event_date")
    quantities = row.get("quantities")
    if isinstance(quantities, str):
        quantities = json.loads(quantities)
    return {
        "event_id": row["event_id"],
        "event_date": day.isoformat() if day else None,
        "date_precision": row.get("date_precision"),
        "event_type": row.get("plover"),
        "mode": None,
        "context": [],
        "cameo": row.get("cameo"),
        "goldstein": row.get("goldstein"),
        "quad_class": row.get("quad_class"),
        "source": _actor(row, "source"),
        "target": _actor(row, "target"),
        "modality": row.get("modality"),
        "negated": bool(row.get("negated")),
        "attribution": (
            {"code": row.get("attribution_code"), "text": row.get("attribution_text")}
            if row.get("attribution_code") or row.get("attribution_text")
            else None
        ),
        "quantities": quantities or [],
        "location": (
            {
                "text": row.get("location_text"),
                "country": row.get("location_country"),
                "lat": row.get("lat"),
                "lon": row.get("lon"),
            }
            if row.get("location_text")
            else None
        ),
        "evidence": {
            "text": row.get("evidence_text"),
            "start": row.get("evidence_start"),
            "end": row.get("evidence_end"),
        },
        "confidence": row.get("confidence"),
        "num_mentions": row.get("mentions"),
        "language": row.get("lang"),
        "doc_id": row.get("doc_id"),
        "url": row.get("source_url"),
        "coder": row.get("coder"),
    }
