"""`POST /ingest`: JSON records ({id, text, title?, url?, published?, lang?}) through the pipeline into the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from casus.doc import Doc, Rejected
from casus.errors import InputError
from casus.ingest.jsonl import doc_from_record
from casus.options import Options
from casus.pipeline import Pipeline
from casus.store import Store

_pipeline: Pipeline | None = None


def ingest_records(db_path: Path, records: list[dict[str, Any]]) -> dict[str, Any]:
    """Run the records through the pipeline and store them; bad records are reported, never stop the rest."""
    global _pipeline
    if _pipeline is None:
        _pipeline = Pipeline(Options())
    items: list[Doc | Rejected] = []
    for n, rec in enumerate(records, 1):
        try:
            items.append(doc_from_record(rec, f"request#{n}", Options()))
        except InputError as err:
            items.append(Rejected(input=err.input_name, reason=err.reason))
    results = list(_pipeline.pipe(items))
    # DuckDB shares one database instance per file inside a process: this joins the app's connection.
    with Store(db_path) as store:
        stats = store.add_many(results)
    return {
        "added": stats.added,
        "duplicates": stats.duplicates,
        "rejected": [str(r) for r in results if isinstance(r, Rejected)],
        "events": sum(len(d.events) for d in results if not isinstance(d, Rejected)),
    }
