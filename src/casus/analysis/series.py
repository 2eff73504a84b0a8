"""Dyad series: what happens between two actors, period by period, and whether it is escalating.

For an actor pair, per day or week:
- counts of events that happened (modality asserted or reported, not negated) by quad class;
- the Goldstein sum and mean, weighted by each event's confidence; where `casus stories` has run, a happening
  reported by many documents counts once, weighted by the confidence its independent sources give it;
- hypothetical, intended, unconfirmed, denied, negated and question events counted apart: they never count
  as if they happened;
- an escalation index: the period's conflict pressure (minus the confidence-weighted Goldstein sum of what
  happened) against the pair's own trailing baseline, as a z-score: (pressure - mean) / max(std, floor) over
  the previous `baseline` periods (empty periods count as zero pressure).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb
import polars as pl

from casus.analysis.canonical import canon_info, collapse
from casus.analysis.filters import FACTUAL, EventFilter
from casus.errors import ConfigError
from casus.store.sql import fetch_dicts

APART = ("hypothetical", "intended", "unconfirmed", "denied", "question")


@dataclass(slots=True)
class SeriesOptions:
    period: str = "week"  # day or week
    baseline: int = 8  # trailing periods the index compares against
    std_floor: float = 1.0  # keeps a quiet baseline from turning one event into an enormous z-score
    directed: bool = False  # False: a->b and b->a together
    since: date | None = None
    until: date | None = None
    min_confidence: float | None = None

    def validate(self) -> SeriesOptions:
        if self.period not in ("day", "week"):
            raise ConfigError(f"period {self.period!r}: use day or week")
        if self.baseline < 2:
            raise ConfigError(f"baseline {self.baseline}: needs at least 2 periods")
        return self


def period_start(d: date, period: str) -> date:
    return d - timedelta(days=d.weekday()) if period == "week" else d


def _step(period: str) -> timedelta:
    return timedelta(days=7 if period == "week" else 1)


def _pair_rows(con: duckdb.DuckDBPyConnection, a: str, b: str, opts: SeriesOptions) -> list[dict[str, Any]]:
    filt = EventFilter(since=opts.since, until=opts.until, min_confidence=opts.min_confidence)
    where, params = filt.where("e")
    a, b = a.upper(), b.upper()
    if opts.directed:
        pair_sql = "(starts_with(e.source_code, ?) AND starts_with(e.target_code, ?))"
        pair_params = [a, b]
    else:
        pair_sql = (
            "((starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)) OR "
            "(starts_with(e.source_code, ?) AND starts_with(e.target_code, ?)))"
        )
        pair_params = [a, b, b, a]
    sql = (
        "SELECT e.event_id, e.event_date, e.source_code, e.target_code, e.cameo, e.plover, e.quad_class, "
        "e.goldstein, e.confidence, e.modality, e.negated, e.evidence_text, e.doc_id, d.url "
        f"FROM events e LEFT JOIN documents d USING (doc_id) WHERE {where} AND {pair_sql} "
        "AND e.event_date IS NOT NULL ORDER BY e.event_date"
    )
    rows = fetch_dicts(con, sql, params + pair_params)
    info = canon_info(con, [r["event_id"] for r in rows])
    if not info:
        return rows
    # One happening reported by many outlets counts once, weighted by the confidence its independent
    # sources give it together (copies add nothing).
    return [{**r, "confidence": r.get("canon_confidence", r["confidence"])} for r in collapse(rows, info)]


def happened(row: dict[str, Any]) -> bool:
    return row["modality"] in FACTUAL and not row["negated"]


def dyad_series(
    con: duckdb.DuckDBPyConnection, a: str, b: str, opts: SeriesOptions | None = None
) -> pl.DataFrame:
    """One row per period from the pair's first to its last event (empty periods included)."""
    opts = (opts or SeriesOptions()).validate()
    rows = _pair_rows(con, a, b, opts)
    schema = {
        "period": pl.Date,
        "events": pl.Int64,
        "quad1": pl.Int64,
        "quad2": pl.Int64,
        "quad3": pl.Int64,
        "quad4": pl.Int64,
        "goldstein_sum": pl.Float64,
        "goldstein_mean": pl.Float64,
        "pressure": pl.Float64,
        "baseline_mean": pl.Float64,
        "baseline_std": pl.Float64,
        "escalation_index": pl.Float64,
        **{name: pl.Int64 for name in (*APART, "negated")},
    }
    if not rows:
        return pl.DataFrame(schema=schema)
    buckets: dict[date, list[dict[str, Any]]] = {}
    for row in rows:
        buckets.setdefault(period_start(row["event_date"], opts.period), []).append(row)
    first, last = min(buckets), max(buckets)
    if opts.since:
        first = min(first, period_start(opts.since, opts.period))
    out: list[dict[str, Any]] = []
    history: list[float] = []
    cur = first
    while cur <= last:
        evs = buckets.get(cur, [])
        real = [r for r in evs if happened(r)]
        weights = [float(r["confidence"] or 0.5) for r in real]
        gsum = sum(float(r["goldstein"] or 0.0) * w for r, w in zip(real, weights, strict=True))
        pressure = -gsum
        window = history[-opts.baseline :]
        if len(window) >= 2:
            mean = sum(window) / len(window)
            std = math.sqrt(sum((x - mean) ** 2 for x in window) / (len(window) - 1))
            index = (pressure - mean) / max(std, opts.std_floor)
        else:
            mean, std, index = None, None, None
        row = {
            "period": cur,
            "events": len(real),
            **{f"quad{q}": sum(1 for r in real if r["quad_class"] == q) for q in (1, 2, 3, 4)},
            "goldstein_sum": round(gsum, 3),
            "goldstein_mean": round(gsum / sum(weights), 3) if weights and sum(weights) else None,
            "pressure": round(pressure, 3),
            "baseline_mean": None if mean is None else round(mean, 3),
            "baseline_std": None if std is None else round(std, 3),
            "escalation_index": None if index is None else round(index, 3),
            **{m: sum(1 for r in evs if r["modality"] == m) for m in APART},
            "negated": sum(1 for r in evs if r["negated"]),
        }
        out.append(row)
        history.append(pressure)
        cur += _step(opts.period)
    return pl.DataFrame(out, schema=schema)


def period_events(
    con: duckdb.DuckDBPyConnection, a: str, b: str, start: date, opts: SeriesOptions
) -> list[dict[str, Any]]:
    """The events of one period of the pair, most conflictual contribution first (for explaining alerts)."""
    rows = [r for r in _pair_rows(con, a, b, opts) if period_start(r["event_date"], opts.period) == start]
    rows.sort(key=lambda r: (not happened(r), float(r["goldstein"] or 0) * float(r["confidence"] or 0.5)))
    return rows
