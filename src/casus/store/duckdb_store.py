"""The DuckDB store: documents, sentences, mentions, events and rejected inputs in one file.

Every document goes in with one transaction (document row, sentences, mentions, events together), so a run
that is interrupted — an exception, Ctrl-C, a killed process — leaves whole documents or nothing of them.
The content hash of the cleaned text is the duplicate key: adding the same document again adds nothing.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from casus.doc import Doc, Rejected
from casus.errors import StoreError
from casus.store import rows
from casus.store.sql import multi_row_insert, placeholders, query, read_sql

log = logging.getLogger(__name__)

DEFAULT_DB = Path("casus.duckdb")
SCHEMA_VERSION = "1"
_CHUNK_ROWS = 400  # rows per multi-row INSERT statement


@dataclass
class AddStats:
    """What a batch did: documents added, documents already stored, rejected inputs recorded."""

    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    added_ids: list[str] = field(default_factory=list)


def _open_error(path: Path, err: Exception) -> StoreError:
    msg = str(err)
    if "lock" in msg.lower():
        holder = msg.split("Conflicting lock is held in", 1)[-1].split(". See also")[0].strip()
        detail = f" (held by {holder})" if holder and holder != msg else ""
        return StoreError(
            f"{path}: database is in use by another process{detail}; close it or use another --db"
        )
    if "not a valid DuckDB database" in msg:
        return StoreError(f"{path}: exists but is not a DuckDB database file")
    return StoreError(f"{path}: cannot open database: {msg}")


class Store:
    """A casus database. `Store(path)` opens (or creates) it; use it as a context manager or call close()."""

    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a database file")
        if read_only and not self.path.exists():
            raise StoreError(f"{self.path}: no such database (run `casus ingest` first)")
        if not read_only:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as err:
                raise StoreError(f"{self.path}: cannot create its folder: {err.strerror or err}") from err
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as err:
            raise _open_error(self.path, err) from err
        if not read_only:
            self._create_schema()

    # -- life cycle -------------------------------------------------------------------------------------------

    def _create_schema(self) -> None:
        try:
            self.con.execute(read_sql("schema.sql"))
            self.con.execute(
                "INSERT INTO casus_meta VALUES ('schema_version', ?) ON CONFLICT (key) DO NOTHING",
                [SCHEMA_VERSION],
            )
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot create the casus tables: {err}") from err

    def close(self) -> None:
        con = getattr(self, "con", None)
        if con is not None:
            con.close()
            self.con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------------------------

    def _insert_many(self, name: str, values: list[tuple]) -> None:
        if not values:
            return
        width = placeholders(name)
        for i in range(0, len(values), _CHUNK_ROWS):
            chunk = values[i : i + _CHUNK_ROWS]
            flat: list[Any] = []
            for row in chunk:
                if len(row) != width:
                    raise StoreError(f"{name}: row of {len(row)} values, expected {width}")
                flat.extend(row)
            self.con.execute(multi_row_insert(name, len(chunk)), flat)

    def _write_doc(self, doc: Doc, doc_row: tuple, table_rows: list[tuple[str, list[tuple]]]) -> bool:
        found = self.con.execute(query("find_document"), [doc.content_hash, doc.id]).fetchall()
        if any(content_hash == doc.content_hash for _, content_hash in found):
            return False
        if found:  # the same doc_id with another text: the new version replaces the old one
            log.info("%s: stored text changed; replacing the stored version", doc.id)
            for stmt in (
                "delete_document_events",
                "delete_document_mentions",
                "delete_document_sentences",
                "delete_document",
            ):
                self.con.execute(query(stmt), [doc.id])
        self._insert_many("insert_document", [doc_row])
        for name, values in table_rows:
            self._insert_many(name, values)
        return True

    def add(self, doc: Doc) -> bool:
        """Store a document with its sentences, mentions and events in one transaction.

        Returns False (and adds nothing) when a document with the same content hash is already stored.
        A stored document with the same id but another text is replaced. On any failure nothing of the
        document is stored and StoreError names the document.
        """
        self._check_writable()
        doc_row = rows.document_row(doc)
        table_rows = [
            ("insert_sentences", rows.sentence_rows(doc)),
            ("insert_mentions", rows.mention_rows(doc)),
            ("insert_events", rows.event_rows(doc)),
        ]
        self.con.execute("BEGIN TRANSACTION")
        try:
            added = self._write_doc(doc, doc_row, table_rows)
        except BaseException as err:
            self.con.execute("ROLLBACK")
            if isinstance(err, duckdb.Error):
                raise StoreError(f"{self.path}: cannot store {doc.id}: {err}") from err
            raise
        self.con.execute("COMMIT" if added else "ROLLBACK")
        return added

    def add_rejected(self, rej: Rejected) -> None:
        """Record an input that could not be read (the same input and reason again counts `times` up)."""
        self._check_writable()
        try:
            self.con.execute(query("record_rejected"), [rej.input, rej.reason, rej.stage])
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot record rejected input {rej.input}: {err}") from err

    def add_many(self, items: Iterable[Doc | Rejected]) -> AddStats:
        """Store a stream of documents and rejected inputs, one transaction per document."""
        stats = AddStats()
        for item in items:
            if isinstance(item, Rejected):
                self.add_rejected(item)
                stats.rejected += 1
            elif self.add(item):
                stats.added += 1
                stats.added_ids.append(item.id)
            else:
                stats.duplicates += 1
        return stats

    def _check_writable(self) -> None:
        if self.con is None:
            raise StoreError(f"{self.path}: the store is closed")
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")

    # -- reading ------------------------------------------------------------------------------------------------

    def _scalar(self, name: str, params: list[Any] | None = None) -> Any:
        row = self.con.execute(query(name), params or []).fetchone()
        return row[0] if row else None

    def _dicts(self, sql: str, params: list[Any]) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, params)
        cols = [d[0] for d in cur.description]
        return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]

    def has(self, doc: Doc) -> bool:
        found = self.con.execute(query("find_document"), [doc.content_hash, doc.id]).fetchall()
        return any(content_hash == doc.content_hash for _, content_hash in found)

    def summary(self) -> dict[str, Any]:
        """Counts of what the database holds: documents, languages, sentences, events, rejected, path."""
        languages = dict(self.con.execute(query("languages")).fetchall())
        return {
            "path": str(self.path),
            "documents": self._scalar("count_documents"),
            "languages": languages,
            "sentences": self._scalar("count_sentences"),
            "events": self._scalar("count_events"),
            "rejected": self._scalar("count_rejected"),
        }

    def events(
        self,
        doc_id: str | None = None,
        cameo: str | None = None,
        lang: str | None = None,
        limit: int | None = None,
    ) -> list[dict[str, Any]]:
        """Event records (shared/spec/event-record.md), optionally for one document, a CAMEO prefix, a language."""
        params = [doc_id, doc_id, cameo, cameo, lang, lang, limit]
        return [json.loads(rec) for (rec,) in self.con.execute(query("events"), params).fetchall()]

    def documents(self, limit: int | None = None) -> list[dict[str, Any]]:
        return self._dicts(query("documents"), [limit])

    def document_text(self, doc_id: str) -> str | None:
        return self._scalar("document_text", [doc_id])

    def rejected(self, limit: int | None = None) -> list[dict[str, Any]]:
        return self._dicts(query("rejected"), [limit])
