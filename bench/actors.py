"""The actor layer, measured; prints one JSON object.

    .venv/bin/python bench/actors.py [--limit N] [--speed-docs N] [--events] [--misses N]

(a) model_input: which of the required actors of the model input are found, with their codes.
(b) recall: on ../shared/eval/dev/es-afp-cameo.jsonl, es-nyn-cameo.jsonl and plover-gsr-en.jsonl, the share
    of gold source/target actor codes found among the record's mentions: by primary (the first three letters,
    or the whole IGO/NGO code) and by full code; gold codes whose primary is '---' are skipped. With --events
    (once a coder exists), also the source/target accuracy of predicted events matched to gold events by
    CAMEO root (`event_actor_accuracy`, the hook the integrator can extend).
(c) speed: sentences per second of the actor stage alone (one process, one core) over the corpus
    (wikinews + de-10kgnad), the documents segmented beforehand and not timed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from casus.actors.entries import primary_of
from casus.actors.stage import ActorFinder
from casus.doc import Doc
from casus.options import Options
from casus.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUS_SHARED", REPO.parent / "shared")).resolve()
DEV_SETS = ("es-afp-cameo", "es-nyn-cameo", "plover-gsr-en", "arabic-gsr")  # the last: beyond the brief
REQUIRED = [  # (what, code, name or None)
    ("NATO (Rutte)", "IGOWSTNAT", "Mark Rutte"),
    ("KOR (Yoon Suk Yeol)", "KORGOV", "Yoon Suk Yeol"),
    ("PRK", "PRK", None),
    ("RUS (Putin)", "RUSGOV", "Vladimir Putin"),
    ("KORSPY", "KORSPY", None),
    ("USA", "USA", None),
    ("IGOUNO", "IGOUNO", None),
]


def _date(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def model_input(shared: Path) -> dict[str, Any]:
    path = shared / "examples" / "nato-dprk-troops.it.txt"
    pipe = Pipeline(Options(published=date(2024, 10, 21)), until="actors")
    doc = pipe.run(Doc(id="model", raw=path.read_text(encoding="utf-8"), origin=str(path)))
    found = {}
    for what, code, name in REQUIRED:
        hits = [m for m in doc.mentions if m.code.startswith(code) and (name is None or m.name == name)]
        found[what] = {"found": bool(hits), "text": hits[0].text if hits else None, "code": code}
    return {
        "required_found": sum(v["found"] for v in found.values()),
        "required": len(REQUIRED),
        "actors": found,
        "mentions": len(doc.mentions),
    }


def gold_codes(record: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for event in record.get("events") or []:
        for key in ("source", "target"):
            value = event.get(key)
            for code in value if isinstance(value, list) else [value]:
                if isinstance(code, str) and code and not code.startswith("---"):
                    out.append(code)
    return out


def read_jsonl(path: Path, limit: int | None) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rows.append(json.loads(line))
            if limit and len(rows) >= limit:
                break
    return rows


def recall(shared: Path, limit: int | None, misses: int) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in DEV_SETS:
        path = shared / "eval" / "dev" / f"{name}.jsonl"
        if not path.is_file():
            out[name] = {"skipped": f"{path} not found"}
            continue
        records = read_jsonl(path, limit)
        pipes: dict[str, Pipeline] = {}
        gold = prim_hit = full_hit = mentions = 0
        missed: Counter[str] = Counter()
        examples: list[dict[str, Any]] = []
        for rec in records:
            lang = rec.get("lang") or None
            pipe = pipes.get(lang or "")
            if pipe is None:
                pipe = pipes[lang or ""] = Pipeline(Options(lang=lang), until="actors")
            doc = Doc(id=rec["id"], raw=rec["text"], published=_date(rec.get("published")), lang_hint=lang)
            doc = pipe.run(doc)
            mentions += len(doc.mentions)
            found_prim = {primary_of(m.code) for m in doc.mentions}
            for m in doc.mentions:
                found_prim.update(m.members)
            found_full = {m.code for m in doc.mentions}
            for code in gold_codes(rec):
                gold += 1
                if primary_of(code) in found_prim:
                    prim_hit += 1
                else:
                    missed[primary_of(code)] += 1
                    if len(examples) < misses:
                        examples.append(
                            {
                                "id": rec["id"],
                                "gold": code,
                                "text": rec["text"][:200],
                                "found": sorted(found_full),
                            }
                        )
                if code in found_full:
                    full_hit += 1
        out[name] = {
            "records": len(records),
            "gold_codes": gold,
            "primary_found": prim_hit,
            "primary_recall": round(prim_hit / gold, 3) if gold else None,
            "full_found": full_hit,
            "full_recall": round(full_hit / gold, 3) if gold else None,
            "mentions_per_record": round(mentions / len(records), 2) if records else None,
            "most_missed": missed.most_common(10),
        }
        if misses:
            out[name]["misses"] = examples
    return out


def event_actor_accuracy(shared: Path, limit: int | None) -> dict[str, Any]:
    """Hook: source/target primary accuracy of predicted events matched to gold events by CAMEO root."""
    out: dict[str, Any] = {}
    pipe = Pipeline(Options())
    for name in DEV_SETS:
        path = shared / "eval" / "dev" / f"{name}.jsonl"
        if not path.is_file():
            continue
        matched = src_ok = src_n = tgt_ok = tgt_n = 0
        for rec in read_jsonl(path, limit):
            doc = pipe.run(
                Doc(
                    id=rec["id"],
                    raw=rec["text"],
                    published=_date(rec.get("published")),
                    lang_hint=rec.get("lang"),
                )
            )
            for ev in rec.get("events") or []:
                root = str(ev.get("cameo") or "")[:2]
                plover = ev.get("plover")
                pred = next(
                    (
                        p
                        for p in doc.events
                        if (root and p.cameo[:2] == root) or (not root and plover and p.plover == plover)
                    ),
                    None,
                )
                if pred is None:
                    continue
                matched += 1
                for key, pm in (("source", pred.source), ("target", pred.target)):
                    gold = ev.get(key)
                    golds = [
                        g
                        for g in (gold if isinstance(gold, list) else [gold])
                        if g and not g.startswith("---")
                    ]
                    if not golds:
                        continue
                    ok = pm is not None and primary_of(pm.code) in {primary_of(g) for g in golds}
                    if key == "source":
                        src_n, src_ok = src_n + 1, src_ok + ok
                    else:
                        tgt_n, tgt_ok = tgt_n + 1, tgt_ok + ok
        out[name] = {
            "matched_events": matched,
            "source_accuracy": round(src_ok / src_n, 3) if src_n else None,
            "source_judged": src_n,
            "target_accuracy": round(tgt_ok / tgt_n, 3) if tgt_n else None,
            "target_judged": tgt_n,
        }
    return out


def speed(shared: Path, max_docs: int) -> dict[str, Any]:
    docs: list[Doc] = []
    for rel in ("corpus/wikinews/articles.jsonl", "corpus/de-10kgnad/articles.jsonl"):
        path = shared / rel
        if path.is_file():
            docs.extend(
                Doc(
                    id=r["id"],
                    raw=r.get("text") or "",
                    lang_hint=r.get("lang"),
                    published=_date(r.get("date")),
                )
                for r in read_jsonl(path, None)
            )
    docs = docs[:max_docs] if max_docs else docs
    segment = Pipeline(Options(), until="segment")
    ready = []
    for doc in docs:
        try:
            ready.append(segment.run(doc))
        except Exception:  # noqa: BLE001 - a document the earlier stages reject is not timed
            continue
    t0 = time.perf_counter()
    finder = ActorFinder.from_options(Options())
    build_s = time.perf_counter() - t0
    for lang in {d.lang for d in ready}:  # build each language's automaton before timing
        finder.gazetteer.automaton(lang)
    sentences = sum(len(d.sentences) for d in ready)
    mentions = 0
    t0 = time.perf_counter()
    for doc in ready:
        mentions += len(finder.find(doc))
    seconds = time.perf_counter() - t0
    return {
        "docs": len(ready),
        "sentences": sentences,
        "mentions": mentions,
        "seconds": round(seconds, 3),
        "sentences_per_s": round(sentences / seconds) if seconds else None,
        "build_s": round(build_s, 3),
        "languages": dict(Counter(d.lang for d in ready)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N records of each dev set")
    parser.add_argument(
        "--speed-docs", type=int, default=0, help="at most N corpus documents for speed (0: all)"
    )
    parser.add_argument(
        "--events", action="store_true", help="also event source/target accuracy (full pipeline)"
    )
    parser.add_argument("--misses", type=int, default=0, help="include N missed gold codes per set")
    args = parser.parse_args(argv)
    if not (SHARED / "eval").is_dir():
        print(f"actors bench: {SHARED} not found (set CASUS_SHARED)", file=sys.stderr)
        return 2
    report: dict[str, Any] = {
        "model_input": model_input(SHARED),
        "recall": recall(SHARED, args.limit, args.misses),
        "speed": speed(SHARED, args.speed_docs),
    }
    if args.events:
        report["events"] = event_actor_accuracy(SHARED, args.limit)
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
