"""Precision and recall by confidence: what each `--min-confidence` threshold buys.

Every document is scored again with only the predictions whose confidence is at least each threshold
(0.3, 0.5, 0.7, 0.9); the counts are summed per file and overall, so a user sees, per set, how much precision
a threshold gains and how much recall it costs before choosing one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from casus.evaluate.gold import GoldRecord
from casus.evaluate.match import Pred
from casus.evaluate.metrics import PRF
from casus.evaluate.score import PRF_METRICS, score_doc

THRESHOLDS: tuple[float, ...] = (0.3, 0.5, 0.7, 0.9)


def confidence_of(pred: Pred) -> float:
    value = pred.get("confidence")
    try:
        return float(value) if value is not None else 0.0
    except (TypeError, ValueError):
        return 0.0


def at_least(preds: Sequence[Pred], threshold: float) -> list[Pred]:
    return [p for p in preds if confidence_of(p) >= threshold]


def score_thresholds(
    record: GoldRecord, preds: Sequence[Pred], file_vocab: tuple[bool, bool] | None
) -> dict[float, dict[str, PRF]]:
    """threshold -> the document's counts per metric with only the predictions at or above it."""
    return {t: score_doc(record, at_least(preds, t), file_vocab).prf for t in THRESHOLDS}


def sum_thresholds(per_doc: Iterable[dict[float, dict[str, PRF]]]) -> dict[float, dict[str, PRF]]:
    total: dict[float, dict[str, PRF]] = {}
    for doc in per_doc:
        for t, prf in doc.items():
            mine = total.setdefault(t, {})
            for name, counts in prf.items():
                mine.setdefault(name, PRF()).add(counts)
    return total


def to_rows(total: dict[float, dict[str, PRF]]) -> dict[str, dict[str, Any]]:
    """`">=0.5"` -> metric -> precision, recall, F1 and the counts, for the judged metrics."""
    out: dict[str, dict[str, Any]] = {}
    for t in sorted(total):
        row: dict[str, Any] = {}
        for name in PRF_METRICS:
            counts = total[t].get(name)
            if counts is not None and counts.judged:
                row[name] = {**counts.to_dict(), "kept": counts.predicted}
        out[f">={t}"] = row
    return out


def grouped(
    items: Iterable[tuple[str, dict[float, dict[str, PRF]]]], key: Callable[[str], str] = lambda k: k
) -> dict[str, dict[str, dict[str, Any]]]:
    """(group name, per-document counts) pairs -> group -> to_rows of the group's sums."""
    groups: dict[str, list[dict[float, dict[str, PRF]]]] = {}
    for name, counts in items:
        groups.setdefault(key(name), []).append(counts)
    return {name: to_rows(sum_thresholds(docs)) for name, docs in groups.items()}
