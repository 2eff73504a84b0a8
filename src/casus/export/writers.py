"""Write filtered events from a store in one of the export formats."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import IO, Any

import duckdb

from casus.analysis.canonical import canon_info, collapse
from casus.analysis.filters import EventFilter
from casus.analysis.frames import events_frame, select_events
from casus.errors import ConfigError
from casus.export.gdelt import COLUMNS as GDELT_COLUMNS
from casus.export.gdelt import gdelt_row
from casus.export.plover import plover_record
from casus.store.sql import fetch_dicts

FORMATS = ("gdelt", "plover", "csv", "parquet", "jsonl")
BINARY = {"parquet"}

CSV_DROP = {"quantities"}


def _rows(con: duckdb.DuckDBPyConnection, filt: EventFilter | None, canonical: bool) -> list[dict[str, Any]]:
    sql, params = select_events(filt)
    sql = sql.replace("d.published", "d.published, d.ingested_at", 1)
    rows = fetch_dicts(con, sql, params)
    info = canon_info(con, [r["event_id"] for r in rows])
    if canonical:
        return collapse(rows, info)
    return [{**r, **info.get(r["event_id"], {})} for r in rows]


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def export_events(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    out: IO[str] | Path,
    filt: EventFilter | None = None,
    canonical: bool = False,
) -> int:
    """Write the events matching `filt` as `fmt` to `out` (a text stream, or a path for parquet).

    Where `casus stories` has run, each row carries its canonical event's counts (GDELT's NumMentions,
    NumSources, NumArticles); `canonical=True` writes one row per canonical event instead of one per record.
    Returns the number of events written.
    """
    if fmt not in FORMATS:
        raise ConfigError(f"format {fmt!r}: use one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        if not isinstance(out, Path):
            raise ConfigError("parquet export needs an output file (--output PATH)")
        frame = events_frame(con, filt)
        frame.write_parquet(out)
        return frame.height
    if isinstance(out, Path):
        with out.open("w", encoding="utf-8", newline="") as fh:
            return export_events(con, fmt, fh, filt, canonical)
    rows = _rows(con, filt, canonical)
    if fmt == "gdelt":
        writer = csv.writer(out, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(GDELT_COLUMNS)
        for row in rows:
            writer.writerow(gdelt_row(row))
    elif fmt == "plover":
        for row in rows:
            out.write(json.dumps(plover_record(row), ensure_ascii=False) + "\n")
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps({k: _plain(v) for k, v in row.items()}, ensure_ascii=False) + "\n")
    else:
        cols = [c for c in rows[0] if c not in CSV_DROP] if rows else []
        writer = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore", lineterminator="\n")
        if cols:
            writer.writeheader()
        for row in rows:
            writer.writerow({k: _plain(v) for k, v in row.items() if k in cols})
    return len(rows)
