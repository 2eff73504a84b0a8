"""Stories and copies, measured: precision and recall of copy detection and of story clustering, the share of
events merged correctly across documents, and throughput and memory on a large generated collection.

    .venv/bin/python bench/stories.py [--copies 300] [--docs 20000] [--shared ../shared]

Quality set: the articles of ../shared/corpus (each its own story), edited copies of some of them generated here
(another outlet, a changed title, a dropped sentence, a few words changed: truth = copy of its original, same
story), and bench/data/cross_language_reports.jsonl (six real happenings reported in it/en/fr, written by us:
truth = one story each). Everything runs through the full pipeline, the store and `casus stories`.
Throughput set: --docs documents made from the corpus texts with edits, stored directly (no coding), then filed.
Prints JSON.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

import duckdb

from casus.doc import Doc
from casus.doc import code_primary as primary
from casus.options import Options
from casus.pipeline import Pipeline
from casus.store import Store
from casus.stories.canonical import roots_compatible
from casus.stories.update import update

HERE = Path(__file__).resolve().parent


def corpus_records(shared: Path) -> list[dict]:
    recs = []
    for path in [shared / "corpus/wikinews/articles.jsonl", shared / "corpus/de-10kgnad/articles.jsonl"]:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                r = json.loads(line)
                if r.get("text") and len(r["text"]) > 200:
                    recs.append(r)
    return recs


def edit(text: str, rng: random.Random, rate: float = 0.03) -> str:
    """A light rewrite: maybe drop one middle paragraph line, change a few words, new first line."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) > 4:
        lines.pop(rng.randrange(2, len(lines) - 1))
    out = []
    for line in lines:
        words = line.split(" ")
        for i in range(len(words)):
            if rng.random() < rate:
                words[i] = rng.choice(["inoltre", "also", "aussi", "ancora", "now", "déjà"])
        out.append(" ".join(words))
    out[0] = "UPDATE: " + out[0]
    return "\n\n".join(out)


def pairs_scores(truth: dict[str, str], pred: dict[str, str]) -> dict:
    """Pairwise precision/recall of a clustering (doc -> cluster) against the truth (doc -> cluster)."""

    def pairs(assign: dict[str, str]) -> set[tuple[str, str]]:
        groups = defaultdict(list)
        for doc, c in assign.items():
            groups[c].append(doc)
        return {tuple(sorted(p)) for g in groups.values() for p in itertools.combinations(g, 2)}

    t, p = pairs(truth), pairs(pred)
    tp = len(t & p)
    prec = tp / len(p) if p else 1.0
    rec = tp / len(t) if t else 1.0
    return {
        "precision": round(prec, 3),
        "recall": round(rec, 3),
        "true_pairs": len(t),
        "predicted_pairs": len(p),
        "correct_pairs": tp,
    }


def quality(shared: Path, n_copies: int, rng: random.Random, workdir: Path) -> dict:
    recs = corpus_records(shared)
    docs, truth_story, truth_copy = [], {}, {}
    base = date(2024, 1, 1)
    for i, r in enumerate(recs):
        day = base + timedelta(days=i % 365)
        doc_id = f"orig-{r['id']}"
        docs.append(
            Doc(
                id=doc_id,
                raw=r["text"],
                title=r.get("title"),
                published=day,
                lang_hint=r.get("lang"),
                url=f"https://outlet{i % 40}.example/{i}",
                source_format="jsonl",
                origin=doc_id,
            )
        )
        truth_story[doc_id] = doc_id
    for k, i in enumerate(rng.sample(range(len(recs)), min(n_copies, len(recs)))):
        r = recs[i]
        doc_id = f"copy-{k}-{r['id']}"
        day = base + timedelta(days=i % 365 + rng.choice([0, 0, 1]))
        docs.append(
            Doc(
                id=doc_id,
                raw=edit(r["text"], rng),
                title=None,
                published=day,
                lang_hint=r.get("lang"),
                url=f"https://syndicate{k % 7}.example/{k}",
                source_format="jsonl",
                origin=doc_id,
            )
        )
        truth_story[doc_id] = f"orig-{r['id']}"
        truth_copy[doc_id] = f"orig-{r['id']}"
    with (HERE / "data/cross_language_reports.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            if "id" not in r:
                continue
            docs.append(
                Doc(
                    id=r["id"],
                    raw=r["text"],
                    title=r["title"],
                    published=date.fromisoformat(r["published"]),
                    lang_hint=r["lang"],
                    url=r["url"],
                    source_format="jsonl",
                    origin=r["id"],
                )
            )
            truth_story[r["id"]] = r["story"]
    db = workdir / "quality.duckdb"
    pipeline = Pipeline(Options())
    t0 = time.perf_counter()
    with Store(db) as store:
        store.add_many(pipeline.pipe(docs))
    coded_s = time.perf_counter() - t0
    con = duckdb.connect(str(db))
    stats = update(con)
    filed = {
        r[0]: (r[1], r[2]) for r in con.execute("SELECT doc_id, story_id, copy_of FROM story_docs").fetchall()
    }
    pred_story = {d: s for d, (s, _) in filed.items() if d in truth_story}
    truth_story = {d: s for d, s in truth_story.items() if d in filed}
    # Copies: pairs of documents linked as copies of one source text, whichever of them came first.
    pred_group = {d: (c or d) for d, (_, c) in filed.items()}
    truth_group = {d: truth_copy.get(d, d) for d in filed}
    copy_scores = pairs_scores(truth_group, pred_group)
    cross = {d: s for d, s in truth_story.items() if not d.startswith(("orig-", "copy-"))}
    # Events: two records should merge when their documents report one happening and their triples agree.
    evs = con.execute("""SELECT e.event_id, e.doc_id, e.source_code, e.cameo, e.target_code, m.canon_id
                         FROM events e JOIN canonical_members m USING (event_id)""").fetchall()
    should, did = set(), set()
    for a, b in itertools.combinations(evs, 2):
        if a[1] == b[1]:
            continue
        same_truth = truth_story.get(a[1]) is not None and truth_story.get(a[1]) == truth_story.get(b[1])
        same_triple = (primary(a[2]), primary(a[4])) == (primary(b[2]), primary(b[4])) and roots_compatible(
            a[3][:2], b[3][:2]
        )
        key = (a[0], b[0])
        if same_truth and same_triple:
            should.add(key)
        if a[5] == b[5]:
            did.add(key)
    merged_ok = len(should & did)
    return {
        "documents": len(docs),
        "coding_s": round(coded_s, 1),
        "stories_update_s": round(stats.seconds, 1),
        "copies": copy_scores,
        "stories_all": pairs_scores(truth_story, pred_story),
        "stories_cross_language": pairs_scores(cross, {d: pred_story[d] for d in cross}),
        "events": {
            "records": len(evs),
            "should_merge_pairs": len(should),
            "merged_pairs": len(did),
            "merged_correctly": merged_ok,
            "share_merged_correctly": round(merged_ok / len(should), 3) if should else None,
            "merge_precision": round(merged_ok / len(did), 3) if did else None,
        },
    }


def throughput(shared: Path, n_docs: int, rng: random.Random, workdir: Path) -> dict:
    recs = corpus_records(shared)
    db = workdir / "throughput.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    base = date(2023, 1, 1)
    rows = []
    for i in range(n_docs):
        r = recs[i % len(recs)]
        text = r["text"] if i < len(recs) else edit(r["text"], rng, rate=0.2)
        rows.append(
            (
                f"d{i}",
                f"h{i}",
                f"https://outlet{i % 500}.example/{i}",
                r.get("title"),
                base + timedelta(days=(i * 365) // n_docs),
                r.get("lang"),
                text,
            )
        )
    con.executemany(
        "INSERT INTO documents (doc_id, content_hash, url, title, published, lang, text) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    del rows
    t0 = time.perf_counter()
    stats = update(con)
    secs = time.perf_counter() - t0
    return {
        "documents": n_docs,
        "seconds": round(secs, 1),
        "docs_per_s": round(n_docs / secs, 1),
        "copies": stats.copies,
        "stories": con.execute("SELECT count(*) FROM stories").fetchone()[0],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument(
        "--shared", type=Path, default=Path(os.environ.get("CASUS_SHARED", HERE.parent.parent / "shared"))
    )
    ap.add_argument("--copies", type=int, default=300)
    ap.add_argument("--docs", type=int, default=20_000, help="documents for the throughput run (0: skip)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not (args.shared / "corpus").is_dir():
        print(f"bench/stories.py: {args.shared}/corpus not found (use --shared)", file=sys.stderr)
        return 2
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        result = {"quality": quality(args.shared, args.copies, rng, Path(tmp))}
        if args.docs:
            result["throughput"] = throughput(args.shared, args.docs, rng, Path(tmp))
    result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    result["cores"] = os.cpu_count()
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
