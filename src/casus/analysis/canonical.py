"""What the stories layer knows about stored events: their canonical event, its independent sources.

The analysis and exports use it where `casus stories` has run; without its tables every event stands alone.
"""

from __future__ import annotations

from typing import Any

import duckdb


def has_stories(con: duckdb.DuckDBPyConnection) -> bool:
    return bool(
        con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('canonical_events', "
            "'canonical_members')"
        ).fetchone()[0]
        == 2
    )


def canon_info(con: duckdb.DuckDBPyConnection, event_ids: list[str]) -> dict[str, dict[str, Any]]:
    """event id -> {canon_id, num_mentions, num_sources, num_articles, canon_confidence, representative}.

    The representative of a canonical event is its member with the highest confidence (then the earliest id).
    """
    if not event_ids or not has_stories(con):
        return {}
    rows = con.execute(
        """
        WITH m AS (
            SELECT cm.event_id, cm.canon_id,
                   row_number() OVER (PARTITION BY cm.canon_id ORDER BY e.confidence DESC, e.event_id) AS rank
            FROM canonical_members cm JOIN events e USING (event_id)
            WHERE cm.canon_id IN (SELECT canon_id FROM canonical_members
                                  WHERE event_id IN (SELECT unnest(?::VARCHAR[])))
        )
        SELECT m.event_id, m.canon_id, c.num_mentions, c.num_sources, c.num_articles, c.confidence, m.rank = 1
        FROM m JOIN canonical_events c USING (canon_id)
        WHERE m.event_id IN (SELECT unnest(?::VARCHAR[]))
        """,
        [event_ids, event_ids],
    ).fetchall()
    return {
        r[0]: {
            "canon_id": r[1],
            "num_mentions": r[2],
            "num_sources": r[3],
            "num_articles": r[4],
            "canon_confidence": r[5],
            "representative": r[6],
        }
        for r in rows
    }


def collapse(rows: list[dict[str, Any]], info: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per canonical event (its representative, carrying the canonical counts); others pass unchanged."""
    out = []
    seen: set[str] = set()
    for row in rows:
        extra = info.get(row["event_id"])
        if extra is None:
            out.append(row)
            continue
        if extra["canon_id"] in seen:
            continue
        seen.add(extra["canon_id"])
        out.append({**row, **extra})
    return out
