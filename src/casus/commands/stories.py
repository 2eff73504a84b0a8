"""`casus stories` (file new documents into copies, stories and canonical events) and `casus claims`."""

from __future__ import annotations

import argparse
import json

import duckdb

from casus.errors import ConfigError, StoreError

STATUSES = ("open", "unconfirmed", "confirmed", "denied")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "stories",
        help="link copies, cluster stories and merge events across documents",
        description="File documents not yet in a story; recompute the canonical events and claims "
        "they touch. Incremental: run it after every ingest.",
    )
    p.add_argument("--db", default="casus.duckdb")
    p.add_argument("--rebuild", action="store_true", help="start over from all documents")
    p.add_argument("--top", type=int, default=10, help="stories to list (default 10)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_stories)

    p = sub.add_parser(
        "claims",
        help="claims (events first reported, unconfirmed or intended) and their fate",
        description="Each claim with its status history and the evidence for each change.",
    )
    p.add_argument("--db", default="casus.duckdb")
    p.add_argument("--status", choices=STATUSES, help="only claims with this status")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=run_claims)


def _connect(path: str, read_only: bool) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(path, read_only=read_only)
    except duckdb.Error as err:
        raise StoreError(f"{path}: cannot open database: {err}") from err


def run_stories(args: argparse.Namespace) -> int:
    try:
        from casus.stories.update import UpdateOptions, update
    except ImportError as err:
        raise ConfigError(
            f"casus stories needs the stories extra: pip install 'casus[stories]' ({err})"
        ) from err
    from pathlib import Path

    if not Path(args.db).is_file():
        raise StoreError(f"{args.db}: no such database (run `casus ingest` first)")
    con = _connect(args.db, read_only=False)
    stats = update(con, UpdateOptions(rebuild=args.rebuild))
    top = con.execute(
        """SELECT story_id, n_docs, n_sources, languages, first_seen, last_seen, title
                         FROM stories ORDER BY n_docs DESC, last_seen DESC LIMIT ?""",
        [args.top],
    ).fetchall()
    if args.json:
        print(
            json.dumps(
                {
                    "update": vars(stats),
                    "stories": [
                        {
                            "story_id": s[0],
                            "documents": s[1],
                            "sources": s[2],
                            "languages": s[3],
                            "first_seen": str(s[4]),
                            "last_seen": str(s[5]),
                            "title": s[6],
                        }
                        for s in top
                    ],
                },
                ensure_ascii=False,
                default=str,
            )
        )
        return 0
    print(
        f"filed {stats.documents} new documents ({stats.copies} copies, {stats.new_stories} new stories), "
        f"{stats.events} events into {stats.canonical_touched} canonical events, {stats.claims} claims "
        f"in {stats.seconds:.1f}s"
    )
    for sid, n, ns, langs, first, last, title in top:
        print(f"  {sid}  {n} docs, {ns} sources, {'/'.join(langs or [])}, {first}..{last}  {title or ''}")
    return 0


def run_claims(args: argparse.Namespace) -> int:
    con = _connect(args.db, read_only=True)
    try:
        rows = con.execute(
            """
            SELECT c.canon_id, c.status, c.first_seen, c.updated, c.history, k.source_code, k.cameo,
                   k.target_code, k.num_sources
            FROM claims c JOIN canonical_events k USING (canon_id)
            WHERE ? IS NULL OR c.status = ? ORDER BY c.updated DESC, c.canon_id""",
            [args.status, args.status],
        ).fetchall()
    except duckdb.CatalogException as err:
        raise StoreError(f"{args.db}: no claims yet (run `casus stories --db {args.db}` first)") from err
    if args.json:
        for cid, status, first, updated, history, src, cameo, tgt, ns in rows:
            print(
                json.dumps(
                    {
                        "canon_id": cid,
                        "status": status,
                        "first_seen": str(first),
                        "updated": str(updated),
                        "source": src,
                        "cameo": cameo,
                        "target": tgt,
                        "sources": ns,
                        "history": json.loads(history),
                    },
                    ensure_ascii=False,
                )
            )
        return 0
    if not rows:
        print("no claims")
        return 0
    for cid, status, _first, updated, history, src, cameo, tgt, ns in rows:
        print(f"{status.upper():12} {src} {cameo} {tgt or '-'}  ({ns} sources, as of {updated})  [{cid}]")
        for h in json.loads(history):
            who = (
                f"according to {h['attribution_text'] or h['attribution']}"
                if h["attribution"]
                else "the writer"
            )
            print(
                f"    {h['date']} {h['modality']:<11} {who} -> {h['status']}: {(h['evidence'] or '')[:140]}"
            )
    return 0
