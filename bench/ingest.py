"""Ingest throughput over ../shared/corpus: read + clean + detect + segment, single process.

Plain text: the Wikinews and 10kGNAD JSONL corpora. HTML: every `html/*/html/*.html.gz` page.
Prints one JSON object with, for each: documents/s, MB/s of input files and of text read (the page, or the
main text HTML extraction gave), documents per CPU-second (less sensitive to a busy machine than wall-clock
rates), seconds per stage; then peak RSS, core count and load average. Each corpus runs twice: cold, then
warm. Usage: `python bench/ingest.py [--shared DIR] [--limit N] [--cold-only]`.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

from casus.doc import Doc
from casus.ingest import read_inputs
from casus.ingest.clean import make_stage as make_clean
from casus.language import dictionaries
from casus.language.data import coded
from casus.language.detect import make_stage as make_detect
from casus.language.segment import make_stage as make_segment
from casus.language.tokens import Lemmatizer
from casus.options import Options

REPO = Path(__file__).resolve().parents[1]
WARM_LANGS = ["it", "en", "fr", "de", "es", "pt", "pl", "ru", "id"]  # the languages of the corpus


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("CASUS_SHARED") or REPO.parent / "shared").resolve()


def run(name: str, inputs: list[str], opts: Options, limit: int | None) -> dict:
    stages = [("clean", make_clean(opts)), ("language", make_detect(opts)), ("segment", make_segment(opts))]
    seconds = dict.fromkeys(["read"] + [n for n, _ in stages], 0.0)
    docs = rejected = sentences = tokens = 0
    chars = 0
    t_start = time.perf_counter()
    cpu_start = time.process_time()
    t_read = t_start
    for item in read_inputs(inputs, opts):
        seconds["read"] += time.perf_counter() - t_read
        if not isinstance(item, Doc):
            rejected += 1
        else:
            chars += len(item.raw.encode("utf-8"))
            for stage_name, stage in stages:
                t0 = time.perf_counter()
                item = stage(item)
                seconds[stage_name] += time.perf_counter() - t0
            docs += 1
            sentences += len(item.sentences)
            tokens += sum(len(s.tokens) for s in item.sentences)
        if limit and docs >= limit:
            break
        t_read = time.perf_counter()
    total = time.perf_counter() - t_start
    cpu = time.process_time() - cpu_start
    input_bytes = sum(os.path.getsize(p) for p in inputs if os.path.isfile(p))
    return {
        "corpus": name,
        "docs": docs,
        "rejected": rejected,
        "sentences": sentences,
        "tokens": tokens,
        "seconds": round(total, 3),
        "docs_per_s": round(docs / total, 1) if total else None,
        "cpu_seconds": round(cpu, 3),
        "docs_per_cpu_s": round(docs / cpu, 1) if cpu else None,
        "text_mb_per_s": round(chars / 1e6 / total, 3) if total else None,
        "input_mb": round(input_bytes / 1e6, 2),
        "input_mb_per_s": round(input_bytes / 1e6 / total, 3) if total else None,
        "ingest_only_docs_per_s": round(docs / seconds["read"], 1) if seconds["read"] else None,
        "stage_seconds": {k: round(v, 3) for k, v in seconds.items()},
        "stage_ms_per_doc": {k: round(1000 * v / docs, 3) for k, v in seconds.items()} if docs else {},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared data folder (default ../shared or $CASUS_SHARED)")
    parser.add_argument("--limit", type=int, help="stop each corpus after N documents")
    parser.add_argument("--cold-only", action="store_true", help="skip the second (warm) pass")
    args = parser.parse_args(argv)
    corpus = shared_dir(args.shared) / "corpus"
    if not corpus.is_dir():
        print(json.dumps({"error": f"corpus not found at {corpus}"}))
        return 2
    opts = Options()
    text_inputs = [str(corpus / "wikinews" / "articles.jsonl"), str(corpus / "de-10kgnad" / "articles.jsonl")]
    html_inputs = sorted(str(p) for p in corpus.glob("html/*/html/*.html.gz"))
    t0 = time.perf_counter()
    make_segment(opts)  # data loads once, outside the timed runs ...
    for lang in WARM_LANGS:  # ... and so do the lemma dictionaries of the corpus languages casus codes
        if coded(lang):  # the segmenter lemmatises no other language (casus.language.segment)
            Lemmatizer(lang)("casus")
    warmup = time.perf_counter() - t0
    result = {
        "plain_text": run("wikinews + de-10kgnad (JSONL)", text_inputs, opts, args.limit),
        "html": run("html/*/html/*.html.gz", html_inputs, opts, args.limit),
    }
    if not args.cold_only:  # a second pass: lemmas and lxml/trafilatura state warm, as in a long-running job
        result["plain_text_warm"] = run(
            "wikinews + de-10kgnad (JSONL), second pass", text_inputs, opts, args.limit
        )
        result["html_warm"] = run("html/*/html/*.html.gz, second pass", html_inputs, opts, args.limit)
    result.update(
        {
            "setup_seconds": round(warmup, 3),
            "setup_note": f"stage data and lemma dictionaries for {', '.join(filter(coded, WARM_LANGS))} loaded before timing "
            "(mapped from the dictionary cache, or decoded and cached: see lemma_dictionaries)",
            "lemma_dictionaries": dict(sorted(dictionaries.LOADED.items())),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
            "cores": os.cpu_count(),
            "processes": 1,
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "python": sys.version.split()[0],
        }
    )
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
