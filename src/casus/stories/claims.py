"""Claims: what became of an event first seen as reported, unconfirmed or intended (talk of it as a mere
possibility before that does not count; an event stated as fact before anyone claimed it is no claim).

Each mention, in the order the world saw it (publication date, then position in the document), moves the claim:
- asserted by the writer, or reported by a source other than the one that made the claim -> confirmed;
- denied, or negated -> denied;
- explicitly not confirmed ("cannot confirm") -> unconfirmed, unless already confirmed or denied;
- reported again by the claim's own source -> stays as it is (repetition is not confirmation).
"""

from __future__ import annotations

from typing import Any

from casus.doc import code_primary as primary

CLAIM_MODALITIES = {"reported", "unconfirmed", "intended"}


def claim_history(mentions: list[dict[str, Any]]) -> tuple[str, list[dict[str, Any]]] | None:
    """(status, history) where the first mention makes a claim, else None. `mentions` sorted by time."""
    start = next((i for i, m in enumerate(mentions) if m["modality"] in CLAIM_MODALITIES), None)
    if start is None or any(m["modality"] == "asserted" and not m.get("negated") for m in mentions[:start]):
        return None  # never claimed, or stated as fact before anyone claimed it
    mentions = mentions[start:]  # talk of it as a mere possibility ("would be an escalation") comes before
    first = mentions[0]
    claimant = primary(first.get("attribution_code"))
    status = "unconfirmed" if first["modality"] == "unconfirmed" else "open"
    history = []
    for i, m in enumerate(mentions):
        modality, attr = m["modality"], primary(m.get("attribution_code"))
        if i == 0:
            change = status
        elif m.get("negated") or modality == "denied":
            change = "denied"
        elif modality == "asserted" or (modality == "reported" and attr and claimant and attr != claimant):
            change = "confirmed"
        elif modality == "unconfirmed" and status not in ("confirmed", "denied"):
            change = "unconfirmed"
        else:
            change = status
        status = change
        history.append(
            {
                "date": m["day"].isoformat() if m.get("day") else None,
                "doc_id": m["doc_id"],
                "event_id": m["event_id"],
                "modality": modality,
                "attribution": m.get("attribution_code"),
                "attribution_text": m.get("attribution_text"),
                "status": status,
                "evidence": m.get("evidence_text"),
            }
        )
    return status, history
