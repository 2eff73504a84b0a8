"""Events as polars (or pandas) DataFrames, straight from the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from casus.analysis.filters import EventFilter
from casus.errors import StoreError

EVENT_COLUMNS = """
    e.event_id, e.doc_id, e.lang, e.sentence, e.event_date, e.date_precision, e.date_source,
    e.source_code, e.source_text, e.source_country, e.source_org, e.source_name,
    e.target_code, e.target_text, e.target_country, e.target_org, e.target_name,
    e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class, e.modality, e.negated,
    e.attribution_code, e.attribution_text, e.quantities, e.location_text, e.location_country, e.lat, e.lon,
    e.confidence, e.coder, e.mentions, e.rule, e.evidence_text, e.evidence_start, e.evidence_end,
    d.url AS source_url, d.title AS doc_title, d.published
"""


def open_db(path: str | Path) -> duckdb.DuckDBPyConnection:
    """Open a casus database read-only, with a clear error naming the file."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"{path}: no such database (run `casus ingest` first)")
    try:
        return duckdb.connect(str(path), read_only=True)
    except duckdb.Error as err:
        raise StoreError(f"{path}: cannot open database: {err}") from err


def select_events(
    filt: EventFilter | None = None, limit: int | None = None, offset: int = 0
) -> tuple[str, list]:
    """SQL selecting events joined with their document, filtered, newest first."""
    filt = (filt or EventFilter()).validate()
    where, params = filt.where("e")
    sql = (
        f"SELECT {EVENT_COLUMNS} FROM events e LEFT JOIN documents d USING (doc_id) WHERE {where} "
        "ORDER BY e.event_date DESC NULLS LAST, e.event_id"
    )
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return sql, params


def page_events(
    con: duckdb.DuckDBPyConnection, filt: EventFilter | None = None, limit: int = 50, offset: int = 0
) -> list[dict[str, Any]]:
    """One page of events (newest first) as dicts, fast on large stores.

    The page is chosen on the narrow columns first (date and row id, no string sort), then only its rows are
    read in full and joined with their documents: a page of 50 from a million events takes milliseconds.
    """
    filt = (filt or EventFilter()).validate()
    where, params = filt.where("e")
    rowids = [
        r[0]
        for r in con.execute(
            f"SELECT e.rowid FROM events e WHERE {where} "
            "ORDER BY e.event_date DESC NULLS LAST, e.rowid LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()
    ]
    if not rowids:
        return []
    event_cols = ", ".join(c.strip() for c in EVENT_COLUMNS.split(",") if c.strip().startswith("e."))
    cur = con.execute(
        f"SELECT e.rowid, {event_cols} FROM events e WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))", [rowids]
    )
    cols = [c[0] for c in cur.description]
    by_rowid = {r[0]: dict(zip(cols[1:], r[1:], strict=True)) for r in cur.fetchall()}
    doc_ids = sorted({row["doc_id"] for row in by_rowid.values()})
    docs = {
        r[0]: {"source_url": r[1], "doc_title": r[2], "published": r[3]}
        for r in con.execute(
            "SELECT doc_id, url, title, published FROM documents WHERE doc_id IN (SELECT unnest(?::VARCHAR[]))",
            [doc_ids],
        ).fetchall()
    }
    empty = {"source_url": None, "doc_title": None, "published": None}
    return [{**by_rowid[r], **docs.get(by_rowid[r]["doc_id"], empty)} for r in rowids if r in by_rowid]


def events_frame(
    db: str | Path | duckdb.DuckDBPyConnection, filt: EventFilter | None = None, limit: int | None = None
) -> pl.DataFrame:
    """The stored events (with their document's URL and title) as a polars DataFrame.

    `events_frame(db).to_pandas()` gives pandas where pandas and pyarrow are installed.
    """
    con = db if isinstance(db, duckdb.DuckDBPyConnection) else open_db(db)
    sql, params = select_events(filt, limit)
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    rows = cur.fetchall()
    return pl.DataFrame(rows, schema=cols, orient="row", infer_schema_length=None)
