"""Summing document scores into groups: per file, per language, per set, per type, and overall."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from casus.evaluate.metrics import PRF, Ratio
from casus.evaluate.score import ACCURACY_METRICS, PRF_METRICS, DocScore


@dataclass(slots=True)
class Summary:
    """The summed counts of a group of documents."""

    docs: int = 0
    rejected: int = 0
    predicted: int = 0
    negated_ignored: int = 0
    prf: dict[str, PRF] = field(default_factory=dict)
    accuracy: dict[str, Ratio] = field(default_factory=dict)
    by_type: dict[str, dict[str, PRF]] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    duplicates: Counter = field(default_factory=Counter)
    must_not: Ratio | None = None
    quotes: PRF | None = None

    def add(self, score: DocScore, rejected: bool = False) -> None:
        self.docs += 1
        self.rejected += int(rejected)
        self.predicted += score.predicted
        self.negated_ignored += score.negated_ignored
        for name, counts in score.prf.items():
            self.prf.setdefault(name, PRF()).add(counts)
        for name, ratio in score.accuracy.items():
            self.accuracy.setdefault(name, Ratio()).add(ratio)
        for metric, per_type in score.by_type.items():
            mine = self.by_type.setdefault(metric, {})
            for type_, counts in per_type.items():
                mine.setdefault(type_, PRF()).add(counts)
        self.confusion.update(score.confusion)
        self.duplicates.update(score.duplicates)
        if score.must_not is not None:
            if self.must_not is None:
                self.must_not = Ratio()
            self.must_not.add(score.must_not)
        if score.quotes is not None:
            if self.quotes is None:
                self.quotes = PRF()
            self.quotes.add(score.quotes)

    def scores(self) -> dict[str, float]:
        """Flat `metric.ratio` -> value for every judged metric (what floors pin)."""
        flat: dict[str, float] = {}
        for name in PRF_METRICS:
            if name in self.prf and self.prf[name].judged:
                counts = self.prf[name]
                flat[f"{name}.precision"] = round(counts.precision, 4)
                flat[f"{name}.recall"] = round(counts.recall, 4)
                flat[f"{name}.f1"] = round(counts.f1, 4)
        for name in ACCURACY_METRICS:
            ratio = self.accuracy.get(name)
            if ratio is not None and ratio.total:
                flat[f"{name}.accuracy"] = round(ratio.value, 4)
        return flat

    def to_dict(self, with_types: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "docs": self.docs,
            "rejected": self.rejected,
            "predicted_events": self.predicted,
            "negated_ignored": self.negated_ignored,
        }
        for name in PRF_METRICS:
            if name in self.prf and self.prf[name].judged:
                out[name] = self.prf[name].to_dict()
                if name in self.duplicates:
                    out[name]["duplicates"] = self.duplicates[name]
        out["accuracy"] = {n: self.accuracy[n].to_dict() for n in ACCURACY_METRICS if n in self.accuracy}
        if self.must_not is not None:
            out["must_not_code"] = {
                "lines": self.must_not.total,
                "violated": self.must_not.total - self.must_not.correct,
            }
        if self.quotes is not None:
            out["quotes"] = self.quotes.to_dict()
        if with_types:
            out["by_type"] = {
                metric: {t: c.to_dict() for t, c in sorted(per.items())}
                for metric, per in sorted(self.by_type.items())
            }
        return out


def summarise(
    scores: Iterable[tuple[DocScore, bool]], key: Callable[[DocScore], str] | None = None
) -> dict[str, Summary]:
    """Group (score, rejected) pairs by `key` (all into "overall" when None), in first-seen order."""
    groups: dict[str, Summary] = {}
    for score, rejected in scores:
        name = key(score) if key else "overall"
        groups.setdefault(name, Summary()).add(score, rejected)
    return groups


GROUP_KEYS: dict[str, Callable[[DocScore], str]] = {
    "file": lambda s: s.file,
    "lang": lambda s: s.lang or "?",
    "set": lambda s: s.set_name,
}
