"""Alerts: a pair's escalation index crossing a threshold, explained by the events that drove it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from casus.analysis.series import SeriesOptions, dyad_series, happened, period_events


@dataclass(slots=True)
class AlertOptions:
    threshold: float = 2.0  # escalation index (z-score) at or above which a period raises an alert
    min_events: int = 2  # events that happened in the period, at least
    max_pairs: int = 200  # the most active pairs examined
    explain: int = 5  # events listed per alert
    series: SeriesOptions = field(default_factory=SeriesOptions)


def active_pairs(con: duckdb.DuckDBPyConnection, opts: AlertOptions) -> list[tuple[str, str]]:
    """Unordered pairs of actor primaries (country or IGO code) with events, most active first."""
    sql = """
        WITH p AS (
            SELECT CASE WHEN source_code LIKE 'IGO%' OR source_code LIKE 'NGO%' THEN source_code
                        ELSE left(source_code, 3) END AS a,
                   CASE WHEN target_code LIKE 'IGO%' OR target_code LIKE 'NGO%' THEN target_code
                        ELSE left(target_code, 3) END AS b
            FROM events
            WHERE source_code IS NOT NULL AND target_code IS NOT NULL
              AND NOT starts_with(source_code, '---') AND NOT starts_with(target_code, '---')
        )
        SELECT least(a, b) AS x, greatest(a, b) AS y, count(*) AS n FROM p WHERE a <> b
        GROUP BY x, y ORDER BY n DESC, x, y LIMIT ?
    """
    return [(x, y) for x, y, _ in con.execute(sql, [opts.max_pairs]).fetchall()]


def find_alerts(
    con: duckdb.DuckDBPyConnection,
    opts: AlertOptions | None = None,
    pairs: list[tuple[str, str]] | None = None,
) -> list[dict[str, Any]]:
    """Every period where a pair's escalation index reaches the threshold, newest first."""
    opts = opts or AlertOptions()
    alerts: list[dict[str, Any]] = []
    for a, b in pairs or active_pairs(con, opts):
        frame = dyad_series(con, a, b, opts.series)
        for row in frame.iter_rows(named=True):
            index = row["escalation_index"]
            if index is None or index < opts.threshold or row["events"] < opts.min_events:
                continue
            drivers = period_events(con, a, b, row["period"], opts.series)[: opts.explain]
            alerts.append(
                {
                    "pair": [a, b],
                    "period": row["period"].isoformat(),
                    "escalation_index": index,
                    "pressure": row["pressure"],
                    "baseline_mean": row["baseline_mean"],
                    "events": row["events"],
                    "not_happened": {
                        k: row[k] for k in ("hypothetical", "intended", "unconfirmed", "denied")
                    },
                    "drivers": [
                        {
                            "event_id": d["event_id"],
                            "date": d["event_date"].isoformat(),
                            "source": d["source_code"],
                            "cameo": d["cameo"],
                            "target": d["target_code"],
                            "goldstein": d["goldstein"],
                            "confidence": d["confidence"],
                            "modality": d["modality"],
                            "counted": happened(d),
                            "evidence": d["evidence_text"],
                            "url": d["url"],
                            "doc_id": d["doc_id"],
                        }
                        for d in drivers
                    ],
                }
            )
    alerts.sort(key=lambda x: (x["period"], x["escalation_index"]), reverse=True)
    return alerts
