"""Load the store's SQL from the .sql files beside this module."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

_NAME = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)


def read_sql(filename: str) -> str:
    return resources.files("casus.store").joinpath(filename).read_text(encoding="utf-8")


@cache
def queries() -> dict[str, str]:
    """The named statements of queries.sql: `-- name: x` starts the block of statement `x`."""
    text = read_sql("queries.sql")
    parts = _NAME.split(text)
    named: dict[str, str] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        lines = [ln for ln in body.strip().splitlines() if not ln.lstrip().startswith("--")]
        named[name] = "\n".join(lines).strip().rstrip(";")
    return named


def query(name: str) -> str:
    return queries()[name]


_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES", re.IGNORECASE | re.DOTALL)


@cache
def insert_columns(name: str) -> tuple[str, list[str]]:
    """The table and the column list of the `INSERT INTO t (a, b, ...) VALUES (...)` statement `name`."""
    match = _INSERT.match(query(name))
    if not match:
        raise KeyError(f"{name} is not an INSERT INTO t (columns) VALUES statement")
    return match.group(1), [col.strip() for col in match.group(2).split(",")]


def fetch_dicts(con, sql: str, params: list | tuple | None = None) -> list[dict]:
    """Run a query on a DuckDB connection or cursor; every row as a dict keyed by column name."""
    cur = con.execute(sql, params or [])
    cols = [c[0] for c in cur.description]
    return [dict(zip(cols, row, strict=True)) for row in cur.fetchall()]
