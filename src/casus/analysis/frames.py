"""Events as polars (or pandas) DataFrames, straight from the store."""

from __future__ import annotations

from pathlib import Path

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
