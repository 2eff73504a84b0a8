"""Exports of stored events: GDELT 2.0 event table TSV, PLOVER/POLECAT-style JSON, CSV, Parquet, JSONL."""

from casus.export.writers import FORMATS, export_events

__all__ = ["FORMATS", "export_events"]
