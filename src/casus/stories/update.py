"""Bring the stories tables up to date with the store: new documents join copies, stories and canonical events.

Incremental and idempotent: documents already filed are not filed again; canonical events and claims touched by
new documents are recomputed from all their members. `rebuild=True` starts over from the documents.
"""

from __future__ import annotations

import json
import logging
import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import duckdb
import numpy as np

from casus.doc import code_primary as primary
from casus.store.sql import fetch_dicts
from casus.stories.canonical import CanonIndex, CanonOptions, combined_confidence
from casus.stories.claims import claim_history
from casus.stories.cluster import Story, StoryIndex, StoryOptions
from casus.stories.copies import CopyIndex, CopyOptions, from_values, signature
from casus.stories.embed import embed, lead_text

log = logging.getLogger(__name__)
SCHEMA = Path(__file__).with_name("schema.sql")
BATCH = 64
TABLES = ("story_docs", "stories", "canonical_events", "canonical_members", "claims")


@dataclass
class UpdateOptions:
    copies: CopyOptions = field(default_factory=CopyOptions)
    stories: StoryOptions = field(default_factory=StoryOptions)
    canon: CanonOptions = field(default_factory=CanonOptions)
    rebuild: bool = False


@dataclass
class UpdateStats:
    documents: int = 0
    copies: int = 0
    new_stories: int = 0
    events: int = 0
    canonical_touched: int = 0
    claims: int = 0
    seconds: float = 0.0


def source_key(url: str | None, doc_id: str) -> str:
    host = urlsplit(url).hostname if url else None
    if host:
        return host.removeprefix("www.")
    return f"doc:{doc_id}"


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA.read_text(encoding="utf-8"))


def _load(
    con: duckdb.DuckDBPyConnection, opts: UpdateOptions
) -> tuple[CopyIndex, StoryIndex, CanonIndex, dict]:
    copies, stories, canons = CopyIndex(opts.copies), StoryIndex(opts.stories), CanonIndex(opts.canon)
    filed: dict[str, str] = {}
    for row in fetch_dicts(
        con, "SELECT doc_id, story_id, copy_of, minhash FROM story_docs ORDER BY day, doc_id"
    ):
        copies.add(row["doc_id"], from_values(row["minhash"], opts.copies))
        if row["copy_of"]:
            copies.root[row["doc_id"]] = row["copy_of"]
        filed[row["doc_id"]] = row["story_id"]
    for row in fetch_dicts(con, "SELECT * FROM stories"):
        stories.add_story(
            Story(
                story_id=row["story_id"],
                centroid=np.asarray(row["centroid"], dtype=np.float32),
                first_seen=row["first_seen"],
                last_seen=row["last_seen"],
                n_docs=row["n_docs"],
                title=row["title"],
                languages=set(row["languages"] or []),
            )
        )
    story_of_doc = filed
    for ev in fetch_dicts(
        con,
        """
            SELECT m.canon_id, e.event_id, e.source_code, e.target_code, e.cameo, e.event_date, e.lang,
                   e.evidence_text, m.doc_id
            FROM canonical_members m JOIN events e USING (event_id) ORDER BY m.canon_id""",
    ):
        canons.add(ev, story_of_doc.get(ev["doc_id"]), canon_id=ev["canon_id"])
    return copies, stories, canons, filed


def update(con: duckdb.DuckDBPyConnection, opts: UpdateOptions | None = None) -> UpdateStats:
    """File every document not yet in a story; recompute the canonical events and claims they touch."""
    opts = opts or UpdateOptions()
    t0 = time.perf_counter()
    ensure_schema(con)
    if opts.rebuild:
        for table in TABLES:
            con.execute(f"DELETE FROM {table}")
    copies, stories, canons, filed = _load(con, opts)
    stats = UpdateStats()
    docs = fetch_dicts(
        con,
        """
        SELECT doc_id, title, text, url, lang, coalesce(published, ingested_at::DATE) AS day
        FROM documents WHERE doc_id NOT IN (SELECT doc_id FROM story_docs)
        ORDER BY day NULLS LAST, doc_id""",
    )
    if not docs:
        stats.seconds = time.perf_counter() - t0
        return stats
    ids = [d["doc_id"] for d in docs]
    events_by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in fetch_dicts(
        con,
        """
            SELECT event_id, doc_id, source_code, target_code, cameo, event_date, lang, evidence_text
            FROM events WHERE doc_id IN (SELECT unnest(?::VARCHAR[])) ORDER BY doc_id, sentence""",
        [ids],
    ):
        events_by_doc[ev["doc_id"]].append(ev)
    member_rows: list[tuple] = []
    touched: set[str] = set()
    n_before = len(stories.stories)
    con.execute("BEGIN TRANSACTION")  # all or nothing; rows are written batch by batch to keep memory flat
    try:
        for start in range(0, len(docs), BATCH):
            batch = docs[start : start + BATCH]
            vecs = embed([lead_text(d["title"], d["text"] or "") for d in batch])
            doc_rows = []
            for d, vec in zip(batch, vecs, strict=True):
                day = d["day"] or date.today()
                sig = signature(d.pop("text") or "", opts.copies)
                root = copies.add(d["doc_id"], sig)
                evs = events_by_doc.pop(d["doc_id"], [])
                pairs = {(primary(e["source_code"]), primary(e["target_code"])) for e in evs}
                pairs.discard((None, None))
                src = source_key(d["url"], d["doc_id"])
                story_id = stories.assign(
                    d["doc_id"],
                    vec,
                    day,
                    pairs,
                    d["lang"],
                    src,
                    d["title"],
                    story_id=filed.get(root) if root else None,
                )
                filed[d["doc_id"]] = story_id
                stats.copies += bool(root)
                doc_rows.append(
                    (d["doc_id"], story_id, root, src, day, d["lang"], sig.hashvalues.tolist(), vec.tolist())
                )
                for ev in evs:
                    cid = canons.add(ev, story_id)
                    member_rows.append((cid, ev["event_id"], d["doc_id"]))
                    touched.add(cid)
            con.executemany("INSERT INTO story_docs VALUES (?, ?, ?, ?, ?, ?, ?, ?)", doc_rows)
        stats.documents = len(docs)
        stats.new_stories = len(stories.stories) - n_before
        stats.events = len(member_rows)
        if member_rows:
            con.executemany("INSERT OR REPLACE INTO canonical_members VALUES (?, ?, ?)", member_rows)
        _write_stories(con, stories)
        stats.claims = _recompute(con, sorted(touched))
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    stats.canonical_touched = len(touched)
    stats.seconds = time.perf_counter() - t0
    log.info("stories: %s", stats)
    return stats


def _write_stories(con: duckdb.DuckDBPyConnection, stories: StoryIndex) -> None:
    rows = []
    sources = dict(
        con.execute("""SELECT s.story_id, count(DISTINCT coalesce(r.source_key, s.source_key))
        FROM story_docs s LEFT JOIN story_docs r ON r.doc_id = s.copy_of GROUP BY s.story_id""").fetchall()
    )
    for s in stories.stories.values():
        rows.append(
            (
                s.story_id,
                s.title,
                s.first_seen,
                s.last_seen,
                s.n_docs,
                sources.get(s.story_id, 0),
                sorted(s.languages),
                s.centroid.tolist(),
            )
        )
    con.execute("DELETE FROM stories")
    con.executemany("INSERT INTO stories VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)


def statements(member: dict[str, Any]) -> list[dict[str, Any]]:
    """A stored event as the statements the coder merged into it (each sentence with its own modality and
    source), in document order; an event without that record is one statement."""
    cues = member.get("cues")
    if isinstance(cues, str):
        cues = json.loads(cues)
    found = (cues or {}).get("statements") or []
    if len(found) <= 1:
        return [member]
    return [
        {
            **member,
            "modality": st.get("modality") or member["modality"],
            "negated": st.get("negated"),
            "attribution_code": st.get("attribution"),
            "attribution_text": st.get("attribution_text"),
            "evidence_text": st.get("evidence") or member["evidence_text"],
        }
        for st in found
    ]


def _recompute(con: duckdb.DuckDBPyConnection, canon_ids: list[str]) -> int:
    """Aggregates and claim status of the given canonical events, from all their members."""
    if not canon_ids:
        return 0
    members = fetch_dicts(
        con,
        """
        SELECT m.canon_id, e.*, s.story_id, s.day, coalesce(r.source_key, s.source_key) AS independent_source
        FROM canonical_members m JOIN events e USING (event_id) JOIN story_docs s ON s.doc_id = m.doc_id
        LEFT JOIN story_docs r ON r.doc_id = s.copy_of
        WHERE m.canon_id IN (SELECT unnest(?::VARCHAR[]))
        ORDER BY m.canon_id, s.day, e.doc_id, e.sentence""",
        [canon_ids],
    )
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for m in members:
        groups[m["canon_id"]].append(m)
    histories = {cid: [st for m in ms for st in statements(m)] for cid, ms in groups.items()}
    con.execute("DELETE FROM canonical_events WHERE canon_id IN (SELECT unnest(?::VARCHAR[]))", [canon_ids])
    con.execute("DELETE FROM claims WHERE canon_id IN (SELECT unnest(?::VARCHAR[]))", [canon_ids])
    canon_rows, claim_rows = [], []
    for cid, ms in groups.items():
        best = max(ms, key=lambda m: (m["confidence"] or 0, -ms.index(m)))
        per_source: dict[str, float] = {}
        for m in ms:
            src = m["independent_source"]
            per_source[src] = max(per_source.get(src, 0.0), float(m["confidence"] or 0.5))
        days = [m["day"] for m in ms if m["day"]]
        canon_rows.append(
            (
                cid,
                best["source_code"],
                best["target_code"],
                best["cameo"],
                best["plover"],
                best["goldstein"],
                best["quad_class"],
                best["event_date"],
                min(days) if days else None,
                max(days) if days else None,
                sum(int(m["mentions"] or 1) for m in ms),
                len({m["doc_id"] for m in ms}),
                len(per_source),
                sorted({m["lang"] for m in ms if m["lang"]}),
                sorted({m["story_id"] for m in ms}),
                combined_confidence(list(per_source.values())),
                best["evidence_text"],
            )
        )
        claim = claim_history(histories[cid])
        if claim:
            status, history = claim
            claim_rows.append(
                (
                    cid,
                    status,
                    days[0] if days else None,
                    days[-1] if days else None,
                    json.dumps(history, ensure_ascii=False),
                )
            )
    con.executemany("INSERT INTO canonical_events VALUES (" + ", ".join("?" * 17) + ")", canon_rows)
    if claim_rows:
        con.executemany("INSERT INTO claims VALUES (?, ?, ?, ?, ?)", claim_rows)
    return len(claim_rows)
