"""The coder's own confidence of a coded event: how specific the rule was, how complete the actors are, how
firm the modality is. A number in [0.05, 0.99].

This hand-set score is not a probability: on the dev sets, filtering on it leaves precision flat. The `code`
stage replaces it with a calibrated probability that the event is right (casus.coding.calibration, learned
by bench/calibrate.py) and keeps this value in `Event.cues["formula_confidence"]`; it stays the event's
confidence only when no calibration file can be read."""

from __future__ import annotations

# how much each modality lowers confidence that the event happened as coded
MODALITY_PENALTY: dict[str, float] = {
    "asserted": 0.0,
    "reported": 0.05,
    "intended": 0.1,
    "hypothetical": 0.2,
    "unconfirmed": 0.2,
    "denied": 0.25,
    "question": 0.3,
}


def score(
    n_elements: int,
    code_digits: int,
    has_source: bool,
    has_target: bool,
    modality: str,
    mentions: int = 1,
) -> float:
    """0.35 base; + rule specificity (multiword pattern, 3-4 digit code); + actors; - modality."""
    value = 0.35
    value += min(n_elements - 1, 2) * 0.08
    value += 0.05 if code_digits >= 3 else 0.0
    value += 0.2 if has_source else 0.0
    value += 0.12 if has_target else 0.0
    value += min(mentions - 1, 3) * 0.03
    value -= MODALITY_PENALTY.get(modality, 0.1)
    return max(0.05, min(0.99, value))
