"""Counts and the ratios made from them. Every ratio is reported with the counts it comes from.

A ratio over nothing (no predictions, no gold) is 0.0, never an error: a system that predicts nothing
scores 0 precision and 0 recall.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


@dataclass(slots=True)
class PRF:
    """True positives, false positives and false negatives, and micro precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def gold(self) -> int:
        return self.tp + self.fn

    @property
    def judged(self) -> bool:
        """Whether anything was judged at all (a metric with no gold and no prediction is not reported)."""
        return bool(self.tp or self.fp or self.fn)

    @property
    def predicted(self) -> int:
        return self.tp + self.fp

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass(slots=True)
class Ratio:
    """A share: `correct` out of `total`."""

    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return _ratio(self.correct, self.total)

    def count(self, ok: bool) -> None:
        self.total += 1
        self.correct += int(ok)

    def add(self, other: Ratio) -> None:
        self.correct += other.correct
        self.total += other.total

    def to_dict(self) -> dict[str, Any]:
        value = round(self.value, 4) if self.total else None  # a share of nothing is no share
        return {"accuracy": value, "correct": self.correct, "total": self.total}
