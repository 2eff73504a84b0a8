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
from casus.store.sql import fetch_dicts, insert_columns, query, read_sql

log = logging.getLogger(__name__)

DEFAULT_DB = Path("casus.duckdb")
SCHEMA_VERSION = "1"


@dataclass
class AddStats:
    """What a batch did: documents added, documents already stored, rejected inputs recorded, failures."""

    added: int = 0
    duplicates: int = 0
    rejected: int = 0
    added_ids: list[str] = field(default_factory=list)
    failed: list[Rejected] = field(default_factory=list)  # documents that could not be stored


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
        self._types: dict[str, dict[str, str]] = {}
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

    def _column_types(self, table: str) -> dict[str, str]:
        if table not in self._types:
            rows_ = self.con.execute(
                "SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ?", [table]
            ).fetchall()
            self._types[table] = dict(rows_)
        return self._types[table]

    def _insert_rows(self, name: str, values: list[tuple]) -> None:
        """Insert `values` (rows in the column order of statement `name`) with one statement: each column
        goes in as one typed list parameter, unnested side by side."""
        if not values:
            return
        table, cols = insert_columns(name)
        for row in values:
            if len(row) != len(cols):
                raise StoreError(f"{name}: a row of {len(row)} values, expected {len(cols)}")
        types = self._column_types(table)
        select = ", ".join(f"unnest(?::{types[col]}[])" for col in cols)
        columns = [list(column) for column in zip(*values, strict=True)]
        self.con.execute(f"INSERT INTO {table} ({', '.join(cols)}) SELECT {select}", columns)

    def _write(self, docs: list[Doc]) -> list[bool]:
        """Store `docs` (distinct ids and content hashes) in ONE transaction; which of them were added.

        A document whose content hash is already stored is skipped; one whose id is stored with another
        text replaces that version. On any failure the transaction is rolled back: nothing of `docs` stays.
        """
        self._check_writable()
        ids = [doc.id for doc in docs]
        names = ", ".join(ids[:3]) + (f" and {len(ids) - 3} more" if len(ids) > 3 else "")
        try:
            prepared = [
                (
                    doc,
                    rows.document_row(doc),
                    rows.sentence_rows(doc),
                    rows.mention_rows(doc),
                    rows.event_rows(doc),
                )
                for doc in docs
            ]
        except Exception as err:  # a malformed document (a stage bug) must not stop a batch
            raise StoreError(f"{self.path}: cannot store {names}: {type(err).__name__}: {err}") from err
        hashes = [doc.content_hash for doc in docs]
        self.con.execute("BEGIN TRANSACTION")
        try:
            found = self.con.execute(query("find_documents"), [hashes, ids]).fetchall()
            stored_hashes = {content_hash for _, content_hash in found}
            keep = [p for p in prepared if p[0].content_hash not in stored_hashes]
            keep_ids = {p[0].id for p in keep}
            replaced = sorted({doc_id for doc_id, _ in found if doc_id in keep_ids})
            if replaced:  # the same doc_id with another text: the new version replaces the old one
                log.info(
                    "replacing the stored version of %d documents: %s", len(replaced), ", ".join(replaced[:5])
                )
                for stmt in ("delete_events", "delete_mentions", "delete_sentences", "delete_documents"):
                    self.con.execute(query(stmt), [replaced])
            self._insert_rows("insert_document", [p[1] for p in keep])
            self._insert_rows("insert_sentences", [r for p in keep for r in p[2]])
            self._insert_rows("insert_mentions", [r for p in keep for r in p[3]])
            self._insert_rows("insert_events", [r for p in keep for r in p[4]])
            self.con.execute("COMMIT")
        except BaseException as err:
            self.con.execute("ROLLBACK")
            if isinstance(err, duckdb.Error):
                raise StoreError(f"{self.path}: cannot store {names}: {err}") from err
            raise
        return [doc.id in keep_ids and doc.content_hash not in stored_hashes for doc in docs]

    def add(self, doc: Doc) -> bool:
        """Store a document with its sentences, mentions and events in one transaction.

        Returns False (and adds nothing) when a document with the same content hash is already stored.
        A stored document with the same id but another text is replaced. On any failure nothing of the
        document is stored and StoreError names the document.
        """
        return self._write([doc])[0]

    def add_rejected(self, rej: Rejected) -> None:
        """Record an input that could not be read (the same input and reason again counts `times` up)."""
        self._check_writable()
        try:
            self.con.execute(query("record_rejected"), [rej.input, rej.reason, rej.stage])
        except duckdb.Error as err:
            raise StoreError(f"{self.path}: cannot record rejected input {rej.input}: {err}") from err

    def add_many(self, items: Iterable[Doc | Rejected], batch_size: int = 200) -> AddStats:
        """Store a stream of documents and rejected inputs, `batch_size` documents per transaction.

        Every document is stored whole or not at all: an interrupted run loses at most the current batch,
        never part of a document. A batch that fails is retried one document at a time, and a document that
        cannot be stored becomes a rejected input (stage `store`) instead of stopping the stream.
        """
        stats = AddStats()
        batch: list[Doc] = []
        batch_ids: set[str] = set()
        batch_hashes: set[str] = set()

        def flush() -> None:
            self._flush(batch, stats)
            batch.clear()
            batch_ids.clear()
            batch_hashes.clear()

        for item in items:
            if isinstance(item, Rejected):
                self.add_rejected(item)
                stats.rejected += 1
                continue
            if item.content_hash in batch_hashes:
                stats.duplicates += 1
                continue
            if item.id in batch_ids:  # a new version of a document of this batch: store the first one first
                flush()
            batch.append(item)
            batch_ids.add(item.id)
            batch_hashes.add(item.content_hash)
            if len(batch) >= batch_size:
                flush()
        flush()
        return stats

    def _flush(self, batch: list[Doc], stats: AddStats) -> None:
        if not batch:
            return
        try:
            results = list(zip(batch, self._write(batch), strict=True))
        except StoreError as err:
            log.warning("%s; storing the batch one document at a time", err)
            results = []
            for doc in batch:
                try:
                    results.append((doc, self.add(doc)))
                except StoreError as doc_err:
                    rej = Rejected(doc.origin or doc.id, f"cannot store: {doc_err}", stage="store")
                    self.add_rejected(rej)
                    stats.failed.append(rej)
        for doc, added in results:
            if added:
                stats.added += 1
                stats.added_ids.append(doc.id)
            else:
                stats.duplicates += 1

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
        return fetch_dicts(self.con, sql, params)

    def has(self, doc: Doc) -> bool:
        """Whether a document with this content hash is stored."""
        found = self.con.execute(query("find_documents"), [[doc.content_hash], [doc.id]]).fetchall()
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
