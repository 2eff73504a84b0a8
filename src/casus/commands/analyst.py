"""Analyst commands: export, series, alerts."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from casus.analysis.alerts import AlertOptions, find_alerts
from casus.analysis.filters import MODALITIES, EventFilter
from casus.analysis.frames import open_db
from casus.analysis.series import SeriesOptions, dyad_series
from casus.commands.core import iso_date
from casus.errors import ConfigError
from casus.export import FORMATS, export_events


def add_filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--actor", help="events whose source or target code starts with this (RUS, RUSGOV, IGOWSTNAT)"
    )
    p.add_argument("--pair", nargs=2, metavar=("A", "B"), help="events between A and B, either direction")
    p.add_argument("--cameo", help="CAMEO code prefix (19, 0332)")
    p.add_argument("--plover", help="PLOVER type (ASSAULT, PROTEST, ...)")
    p.add_argument("--since", type=iso_date, help="first event date, YYYY-MM-DD")
    p.add_argument("--until", type=iso_date, help="last event date, YYYY-MM-DD")
    p.add_argument("--lang", help="document language (it, en, ...)")
    p.add_argument(
        "--modality", action="append", default=[], choices=MODALITIES, help="only this modality (repeatable)"
    )
    p.add_argument("--min-confidence", type=float, help="minimum event confidence, 0..1")
    p.add_argument(
        "--factual", action="store_true", help="only events that happened: asserted or reported, not negated"
    )


def filter_from_args(args: argparse.Namespace) -> EventFilter:
    return EventFilter(
        actor=args.actor,
        pair=tuple(args.pair) if args.pair else None,
        cameo=args.cameo,
        plover=args.plover,
        since=args.since,
        until=args.until,
        lang=args.lang,
        modality=args.modality,
        min_confidence=args.min_confidence,
        factual_only=args.factual,
    ).validate()


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="export stored events: GDELT TSV, PLOVER JSON, CSV, Parquet, JSONL",
        description="Export stored events, filtered.",
    )
    p.add_argument("--db", default="casus.duckdb", help="database (default casus.duckdb)")
    p.add_argument("--format", choices=FORMATS, default="jsonl")
    p.add_argument(
        "--output", "-o", type=Path, help="output file (default standard output; parquet needs one)"
    )
    p.add_argument(
        "--canonical",
        action="store_true",
        help="one row per canonical event (after `casus stories`), not one per document's record",
    )
    add_filter_args(p)
    p.set_defaults(func=run_export)

    p = sub.add_parser(
        "series",
        help="a pair's event series and escalation index, per day or week",
        description="Event counts, Goldstein and escalation index for actor pair A-B.",
    )
    p.add_argument("a", help="first actor (RUS, PRK, IGOWSTNAT, RUSGOV)")
    p.add_argument("b", help="second actor")
    p.add_argument("--db", default="casus.duckdb")
    _series_args(p)
    p.add_argument("--directed", action="store_true", help="only events from A to B")
    p.add_argument("--json", action="store_true", help="JSON lines instead of a table")
    p.set_defaults(func=run_series)

    p = sub.add_parser(
        "alerts",
        help="periods where a pair's escalation index crosses a threshold",
        description="Escalation alerts, explained by the events that drove them.",
    )
    p.add_argument("--db", default="casus.duckdb")
    _series_args(p)
    p.add_argument("--threshold", type=float, default=2.0, help="escalation index threshold (default 2.0)")
    p.add_argument("--min-events", type=int, default=2, help="events that happened in the period, at least")
    p.add_argument("--pair", nargs=2, metavar=("A", "B"), help="only this pair")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_alerts)


def _series_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", choices=("day", "week"), default="week")
    p.add_argument("--baseline", type=int, default=8, help="trailing periods of the baseline (default 8)")
    p.add_argument("--since", type=iso_date)
    p.add_argument("--until", type=iso_date)
    p.add_argument("--min-confidence", type=float)


def _series_opts(args: argparse.Namespace, directed: bool = False) -> SeriesOptions:
    return SeriesOptions(
        period=args.period,
        baseline=args.baseline,
        since=args.since,
        until=args.until,
        min_confidence=args.min_confidence,
        directed=directed,
    ).validate()


def run_export(args: argparse.Namespace) -> int:
    filt = filter_from_args(args)
    con = open_db(args.db)
    if args.format == "parquet" and not args.output:
        raise ConfigError("parquet export needs --output FILE")
    n = export_events(con, args.format, args.output or sys.stdout, filt, canonical=args.canonical)
    print(
        f"casus: exported {n} events as {args.format}" + (f" to {args.output}" if args.output else ""),
        file=sys.stderr,
    )
    return 0


def run_series(args: argparse.Namespace) -> int:
    con = open_db(args.db)
    frame = dyad_series(con, args.a, args.b, _series_opts(args, args.directed))
    if args.json:
        for row in frame.iter_rows(named=True):
            row["period"] = row["period"].isoformat()
            print(json.dumps(row))
        return 0
    if frame.is_empty():
        print(f"no events between {args.a} and {args.b} in {args.db}")
        return 0
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{args.a.upper()} – {args.b.upper()} per {args.period}")
    cols = [
        "period",
        "events",
        "quad1",
        "quad2",
        "quad3",
        "quad4",
        "goldstein_sum",
        "escalation_index",
        "hypothetical",
        "intended",
        "unconfirmed",
        "denied",
    ]
    for c in cols:
        table.add_column(c, justify="right" if c != "period" else "left")
    for row in frame.iter_rows(named=True):
        table.add_row(*["" if row[c] is None else str(row[c]) for c in cols])
    Console().print(table)
    return 0


def run_alerts(args: argparse.Namespace) -> int:
    con = open_db(args.db)
    opts = AlertOptions(threshold=args.threshold, min_events=args.min_events, series=_series_opts(args))
    alerts = find_alerts(con, opts, pairs=[tuple(args.pair)] if args.pair else None)
    if args.json:
        for alert in alerts:
            print(json.dumps(alert, ensure_ascii=False, default=str))
        return 0
    if not alerts:
        print(f"no alerts at threshold {args.threshold} in {args.db}")
        return 0
    for alert in alerts:
        a, b = alert["pair"]
        print(
            f"ALERT {a}–{b} week of {alert['period']}: escalation index {alert['escalation_index']} "
            f"({alert['events']} events, pressure {alert['pressure']} vs baseline {alert['baseline_mean']})"
        )
        for d in alert["drivers"]:
            flag = "" if d["counted"] else f" [{d['modality']}, not counted]"
            print(
                f"  {d['date']} {d['source']} {d['cameo']} {d['target']} (Goldstein {d['goldstein']}){flag}: "
                f"{(d['evidence'] or '')[:160]}"
            )
    return 0
