"""What the watcher has seen, kept in its own tables of the same DuckDB database, so restarts lose nothing.

- `watch_feeds`: per feed or sitemap URL, the ETag / Last-Modified of its last 200 answer (conditional GET),
  when it was polled, its last status and how many entries it listed.
- `watch_seen`: per article URL, what became of it (stored, duplicate, rejected, failed), its doc id and
  content hash, the page's ETag / Last-Modified and the number of attempts. `failed` means a transient error
  (timeout, 5xx, connection): such a URL is tried again in later cycles, up to `MAX_ATTEMPTS` in all.

Article outcomes are buffered and written together (one multi-row upsert per `FLUSH_ROWS` articles and at the
end of each cycle, before the feeds' validators). A process killed between two writes forgets at most that
many outcomes: those articles are fetched again on restart and the store, keyed on the content hash, keeps
them from being stored twice.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

MAX_ATTEMPTS = 3
FLUSH_ROWS = 200  # article outcomes buffered before one multi-row write

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_feeds (
    url           VARCHAR PRIMARY KEY,
    kind          VARCHAR,
    etag          VARCHAR,
    last_modified VARCHAR,
    last_status   VARCHAR,
    entries       INTEGER,
    polled_at     TIMESTAMP DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS watch_seen (
    url           VARCHAR PRIMARY KEY,
    status        VARCHAR NOT NULL,
    doc_id        VARCHAR,
    content_hash  VARCHAR,
    etag          VARCHAR,
    last_modified VARCHAR,
    reason        VARCHAR,
    attempts      INTEGER DEFAULT 1,
    source        VARCHAR,
    first_seen    TIMESTAMP DEFAULT current_timestamp,
    last_seen     TIMESTAMP DEFAULT current_timestamp
);
"""


@dataclass(slots=True)
class FeedValidators:
    etag: str | None = None
    last_modified: str | None = None


class SeenState:
    """The watcher's memory. Use from one thread (the watcher's main loop)."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con
        self._pending: dict[str, tuple] = {}  # url -> row, written by flush()
        self._pending_hashes: set[str] = set()
        for stmt in SCHEMA.split(";"):
            if stmt.strip():
                self.con.execute(stmt)

    # -- feeds --------------------------------------------------------------------------------------------

    def feed_validators(self, url: str) -> FeedValidators:
        row = self.con.execute("SELECT etag, last_modified FROM watch_feeds WHERE url = ?", [url]).fetchone()
        return FeedValidators(*row) if row else FeedValidators()

    def save_feed(
        self,
        url: str,
        kind: str,
        status: str,
        entries: int | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> None:
        """Record a poll. Validators are stored only with status 'ok' (a 304, an error or an interrupted cycle
        keeps the old ones)."""
        if status != "ok":
            etag = last_modified = None
        self.con.execute(
            """
            INSERT INTO watch_feeds (url, kind, etag, last_modified, last_status, entries, polled_at)
            VALUES (?, ?, ?, ?, ?, ?, now())
            ON CONFLICT (url) DO UPDATE SET
                kind = excluded.kind,
                etag = CASE WHEN excluded.last_status = 'ok' THEN excluded.etag ELSE watch_feeds.etag END,
                last_modified = CASE WHEN excluded.last_status = 'ok'
                                     THEN excluded.last_modified ELSE watch_feeds.last_modified END,
                last_status = excluded.last_status,
                entries = coalesce(excluded.entries, watch_feeds.entries),
                polled_at = excluded.polled_at
            """,
            [url, kind, etag, last_modified, status, entries],
        )

    # -- articles -----------------------------------------------------------------------------------------

    def unseen(self, urls: list[str]) -> list[str]:
        """The URLs never seen, or seen only with transient failures and fewer than MAX_ATTEMPTS tries."""
        if not urls:
            return []
        self.flush()
        rows = self.con.execute(
            "SELECT url, status, attempts FROM watch_seen WHERE url IN (SELECT unnest(?))", [urls]
        ).fetchall()
        done = {u for u, status, attempts in rows if status != "failed" or attempts >= MAX_ATTEMPTS}
        return [u for u in urls if u not in done]

    def retry_due(self) -> list[tuple[str, str | None]]:
        """(url, source) of articles that failed transiently and may be tried again."""
        self.flush()
        return self.con.execute(
            "SELECT url, source FROM watch_seen WHERE status = 'failed' AND attempts < ? ORDER BY first_seen",
            [MAX_ATTEMPTS],
        ).fetchall()

    def hash_known(self, content_hash: str) -> bool:
        if content_hash in self._pending_hashes:
            return True
        row = self.con.execute(
            "SELECT 1 FROM watch_seen WHERE content_hash = ? AND status = 'stored' LIMIT 1", [content_hash]
        ).fetchone()
        return row is not None

    def mark(
        self,
        url: str,
        status: str,
        *,
        doc_id: str | None = None,
        content_hash: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        reason: str | None = None,
        source: str | None = None,
    ) -> None:
        """Remember what became of an article. Buffered: written by `flush()` (automatic every FLUSH_ROWS)."""
        self._pending[url] = (url, status, doc_id, content_hash, etag, last_modified, reason, source)
        if status == "stored" and content_hash:
            self._pending_hashes.add(content_hash)
        if len(self._pending) >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        """Write the buffered marks in one statement (DuckDB is slow at one-row upserts: ~10 ms each)."""
        if not self._pending:
            return
        rows = list(self._pending.values())
        self._pending.clear()
        self._pending_hashes.clear()
        values = ", ".join(["(?, ?, ?, ?, ?, ?, ?, ?)"] * len(rows))
        self.con.execute(
            f"""
            INSERT INTO watch_seen (url, status, doc_id, content_hash, etag, last_modified, reason, source)
            VALUES {values}
            ON CONFLICT (url) DO UPDATE SET
                status = excluded.status,
                doc_id = excluded.doc_id,
                content_hash = excluded.content_hash,
                etag = excluded.etag,
                last_modified = excluded.last_modified,
                reason = excluded.reason,
                attempts = watch_seen.attempts + 1,
                last_seen = now()
            """,
            [v for row in rows for v in row],
        )

    def counts(self) -> dict[str, int]:
        self.flush()
        rows = self.con.execute("SELECT status, count(*) FROM watch_seen GROUP BY status").fetchall()
        return {status: int(n) for status, n in rows}
