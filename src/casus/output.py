"""Write event records (shared/spec/event-record.md) as JSON lines, CSV or a rich table.

Each writer takes records one at a time (`write(record)`) and is finished with `close()`: JSON lines and
CSV stream as they come; the table is drawn at the end. `make_writer(fmt, stream)` picks one by name.
"""

from __future__ import annotations

import csv
import json
from typing import Any, Protocol, TextIO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from casus.errors import ConfigError

FORMATS = ("jsonl", "csv", "table")

# The CSV columns: the record flattened; nested values (quantities, location) as JSON text.
CSV_COLUMNS = [
    "id",
    "doc_id",
    "lang",
    "sentence",
    "date",
    "date_precision",
    "date_source",
    "source_code",
    "source_text",
    "source_country",
    "source_org",
    "source_name",
    "cameo",
    "plover",
    "target_code",
    "target_text",
    "target_country",
    "target_org",
    "target_name",
    "goldstein",
    "quad_class",
    "modality",
    "negated",
    "attribution_code",
    "attribution_text",
    "quantities",
    "location",
    "confidence",
    "coder",
    "mentions",
    "rule",
    "evidence_start",
    "evidence_end",
    "evidence_text",
]


class RecordWriter(Protocol):
    def write(self, record: dict[str, Any]) -> None: ...

    def close(self) -> None: ...


def flatten(record: dict[str, Any]) -> dict[str, Any]:
    """One flat row of CSV_COLUMNS from an event record."""
    row: dict[str, Any] = {col: record.get(col) for col in CSV_COLUMNS if col in record}
    for side in ("source", "target"):
        actor = record.get(side) or {}
        for key in ("code", "text", "country", "org", "name"):
            row[f"{side}_{key}"] = actor.get(key)
    attribution = record.get("attribution") or {}
    row["attribution_code"] = attribution.get("code")
    row["attribution_text"] = attribution.get("text")
    evidence = record.get("evidence") or {}
    row["evidence_start"] = evidence.get("start")
    row["evidence_end"] = evidence.get("end")
    row["evidence_text"] = evidence.get("text")
    quantities = record.get("quantities") or []
    row["quantities"] = json.dumps(quantities, ensure_ascii=False) if quantities else None
    location = record.get("location")
    row["location"] = json.dumps(location, ensure_ascii=False) if location else None
    return row


class JsonlWriter:
    """One JSON object per line, UTF-8 kept as is."""

    def __init__(self, stream: TextIO):
        self.stream = stream

    def write(self, record: dict[str, Any]) -> None:
        self.stream.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.stream.flush()


class CsvWriter:
    """A header row, then one row per event (CSV_COLUMNS)."""

    def __init__(self, stream: TextIO):
        self.stream = stream
        self.writer = csv.DictWriter(
            stream, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n"
        )
        self.writer.writeheader()

    def write(self, record: dict[str, Any]) -> None:
        row = flatten(record)
        self.writer.writerow({k: ("" if v is None else v) for k, v in row.items()})

    def close(self) -> None:
        self.stream.flush()


def _actor_cell(actor: dict[str, Any] | None) -> str:
    if not actor:
        return "-"
    return f"{escape(str(actor.get('code')))}\n[dim]{escape(actor.get('text') or '')}[/dim]"


def _clip(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


class TableWriter:
    """A rich table: date and language, source, CAMEO/PLOVER/modality, target, and the evidence."""

    def __init__(self, stream: TextIO, evidence_width: int = 90):
        # A terminal gets its own width; a pipe or a file a wide table rather than rich's default of 80.
        width = None if stream.isatty() else 140
        self.console = Console(file=stream, soft_wrap=False, width=width)
        self.records: list[dict[str, Any]] = []
        self.evidence_width = evidence_width

    def write(self, record: dict[str, Any]) -> None:
        self.records.append(record)

    def close(self) -> None:
        n = len(self.records)
        table = Table(title=f"{n} event" + ("" if n == 1 else "s"), show_lines=True)
        table.add_column("date", no_wrap=True)
        table.add_column("source", overflow="fold", max_width=24)
        table.add_column("event", no_wrap=True)
        table.add_column("target", overflow="fold", max_width=24)
        table.add_column("evidence", overflow="fold", ratio=1)
        for rec in self.records:
            event = escape(str(rec.get("cameo")))
            if rec.get("plover"):
                event += f"\n[dim]{escape(str(rec['plover']))}[/dim]"
            modality = str(rec.get("modality") or "")
            if rec.get("negated"):
                modality += ", negated"
            if modality:
                event += f"\n[italic]{escape(modality)}[/italic]"
            date = escape(str(rec.get("date") or "-"))
            if rec.get("lang"):
                date += f"\n[dim]{escape(str(rec['lang']))}[/dim]"
            evidence = (rec.get("evidence") or {}).get("text") or ""
            table.add_row(
                date,
                _actor_cell(rec.get("source")),
                event,
                _actor_cell(rec.get("target")),
                escape(_clip(evidence, self.evidence_width)),
            )
        self.console.print(table)


def make_writer(fmt: str, stream: TextIO) -> RecordWriter:
    """The writer for `fmt` (one of FORMATS) writing to `stream`."""
    if fmt == "jsonl":
        return JsonlWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "table":
        return TableWriter(stream)
    raise ConfigError(f"unknown output format {fmt!r}; choose one of {', '.join(FORMATS)}")
