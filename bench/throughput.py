"""Throughput of the whole pipeline over ../shared/corpus; prints one JSON object.

    .venv/bin/python bench/throughput.py [--limit N] [--html/--no-html] [--shared PATH] [--cold]

Reads the Wikinews and 10kGNAD JSONL articles and (with --html, the default) the HTML pages of the corpus
(read through trafilatura), runs every stage, and reports documents/s, sentences/s and events/s, the seconds
spent reading and in each stage (Pipeline.stats.seconds), peak RSS and the core count. Beside wall-clock
rates it reports documents per CPU-second of this process (`docs_per_cpu_s`: what one core does, whatever
else the machine runs), per corpus part and per source kind (JSONL, HTML). `--limit N` takes the first N
documents of each corpus part. Everything runs in this one process, on one core.

simplemma's lemma dictionaries are decoded once per machine and then mapped from the cache folder
(casus.language.dictionaries); `lemma_dictionaries` says, per language, whether this run found them there
("cache") or decoded them ("built"). `--cold` uses an empty temporary cache folder: a first run's cost.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

from casus.doc import Rejected
from casus.ingest import read_inputs
from casus.language import dictionaries
from casus.options import Options
from casus.pipeline import Pipeline

REPO = Path(__file__).resolve().parents[1]
JSONL_PARTS = ["wikinews/articles.jsonl", "de-10kgnad/articles.jsonl"]
HTML_PARTS = ["html/aeb/html/*.html.gz", "html/trafilatura-eval/html/*.html.gz"]


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("CASUS_SHARED") or REPO.parent / "shared").resolve()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each corpus part")
    parser.add_argument(
        "--html", action=argparse.BooleanOptionalAction, default=True, help="include HTML pages"
    )
    parser.add_argument(
        "--shared", default=None, help="the shared folder (default ../shared or $CASUS_SHARED)"
    )
    parser.add_argument("--coder", default="lexicon")
    parser.add_argument(
        "--cold", action="store_true", help="an empty lemma dictionary cache (a first run on a machine)"
    )
    args = parser.parse_args(argv)
    if args.cold:
        with tempfile.TemporaryDirectory(prefix="casus-cold-") as folder:
            os.environ[dictionaries.CACHE_ENV] = folder
            return measure(args)
    return measure(args)


def rates(docs: int, wall: float, cpu: float) -> dict:
    return {
        "docs_per_s": round(docs / wall, 1) if wall else None,
        "docs_per_cpu_s": round(docs / cpu, 1) if cpu else None,
    }


def measure(args: argparse.Namespace) -> int:
    corpus = shared_dir(args.shared) / "corpus"
    if not corpus.is_dir():
        print(f"throughput: no corpus at {corpus} (set CASUS_SHARED)", file=sys.stderr)
        return 2
    opts = Options(coder=args.coder)
    t0, c0 = time.perf_counter(), time.process_time()
    pipeline = Pipeline(opts)
    build_s, build_cpu = time.perf_counter() - t0, time.process_time() - c0

    parts = [("jsonl", p) for p in JSONL_PARTS] + ([("html", p) for p in HTML_PARTS] if args.html else [])
    per_part: dict[str, dict] = {}
    per_kind: dict[str, dict] = {}
    read_s = cpu_s = 0.0
    rejected = 0
    for kind, part in parts:
        docs = sentences = events = part_rejected = 0
        part_read = part_run = 0.0
        part_cpu0 = time.process_time()
        stream = islice(read_inputs([str(corpus / part)], opts), args.limit)
        while True:
            r0 = time.perf_counter()
            item = next(stream, None)
            part_read += time.perf_counter() - r0
            if item is None:
                break
            if isinstance(item, Rejected):
                part_rejected += 1
                continue
            p0 = time.perf_counter()
            out = next(iter(pipeline.pipe([item])))
            part_run += time.perf_counter() - p0
            if isinstance(out, Rejected):
                part_rejected += 1
                continue
            docs += 1
            sentences += len(out.sentences)
            events += len(out.events)
        total = part_read + part_run
        part_cpu = time.process_time() - part_cpu0
        per_part[part] = {
            "kind": kind,
            "docs": docs,
            "rejected": part_rejected,
            "sentences": sentences,
            "events": events,
            "read_s": round(part_read, 3),
            "pipeline_s": round(part_run, 3),
            "cpu_s": round(part_cpu, 3),
            **rates(docs, total, part_cpu),
        }
        acc = per_kind.setdefault(kind, {"docs": 0, "read_s": 0.0, "pipeline_s": 0.0, "cpu_s": 0.0})
        acc["docs"] += docs
        acc["read_s"] += part_read
        acc["pipeline_s"] += part_run
        acc["cpu_s"] += part_cpu
        read_s += part_read
        cpu_s += part_cpu
        rejected += part_rejected
    for acc in per_kind.values():
        acc.update(rates(acc["docs"], acc["read_s"] + acc["pipeline_s"], acc["cpu_s"]))
        acc.update({k: round(acc[k], 3) for k in ("read_s", "pipeline_s", "cpu_s")})

    stats = pipeline.stats
    stage_s = sum(stats.seconds.values())
    wall = read_s + stage_s
    result = {
        "bench": "throughput",
        "corpus": str(corpus),
        "limit_per_part": args.limit,
        "html": args.html,
        "coder": args.coder,
        "docs": stats.docs,
        "rejected": rejected,
        "sentences": stats.sentences,
        "events": stats.events,
        "seconds": {
            "build_pipeline": round(build_s, 3),
            "build_pipeline_cpu": round(build_cpu, 3),
            "read": round(read_s, 3),
            "stages": {name: round(sec, 3) for name, sec in stats.seconds.items()},
            "total": round(wall, 3),
            "total_cpu": round(cpu_s, 3),
        },
        "docs_per_s": round(stats.docs / wall, 1) if wall else None,
        "docs_per_cpu_s": round(stats.docs / cpu_s, 1) if cpu_s else None,
        "sentences_per_s": round(stats.sentences / wall, 1) if wall else None,
        "events_per_s": round(stats.events / wall, 1) if wall else None,
        "pipeline_only_docs_per_s": round(stats.docs / stage_s, 1) if stage_s else None,
        "languages": dict(stats.languages.most_common()),
        "kinds": per_kind,
        "parts": per_part,
        "lemma_dictionaries": dict(sorted(dictionaries.LOADED.items())),
        "cold_cache": args.cold,
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "cores": os.cpu_count(),
        "cores_available": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "python": platform.python_version(),
    }
    print(json.dumps(result, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
