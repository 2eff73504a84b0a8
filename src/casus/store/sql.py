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


@cache
def _insert_parts(name: str) -> tuple[str, str]:
    head, sep, group = query(name).rpartition("VALUES")
    if not sep:
        raise KeyError(f"{name} is not an INSERT ... VALUES statement")
    return head + "VALUES ", " ".join(group.split())


def multi_row_insert(name: str, n_rows: int) -> str:
    """The INSERT statement `name` with its `(?, ...)` row group repeated `n_rows` times."""
    head, group = _insert_parts(name)
    return head + ", ".join([group] * n_rows)


def placeholders(name: str) -> int:
    """How many values one row of the INSERT statement `name` takes."""
    return _insert_parts(name)[1].count("?")
