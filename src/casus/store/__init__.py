"""casus.store: the embedded DuckDB database behind one `Store` class (SQL in the .sql files here)."""

from casus.store.duckdb_store import DEFAULT_DB, AddStats, Store

__all__ = ["DEFAULT_DB", "AddStats", "Store"]
