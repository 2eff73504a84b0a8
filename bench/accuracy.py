"""`casus evaluate` over every dev set and the model input; prints one JSON object.

    .venv/bin/python bench/accuracy.py [--coder NAME] [--limit N] [--by lang|set|type] [--misses N]
                                       [--min-confidence X]

Per set: the scores (with their counts) and the seconds it took, and `by_confidence`: precision, recall and
predictions kept with only the events of confidence >= 0.3/0.5/0.7/0.9; overall and per language as
`casus evaluate --json` reports them; and each set's floors from eval/floors.json beside its scores.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import UTC, datetime

from casus.evaluate import floors as fl
from casus.evaluate.report import to_json
from casus.evaluate.runner import Evaluation, PipelinePredictor, evaluate_files
from casus.options import Options


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--coder", default="lexicon")
    parser.add_argument("--limit", type=int, default=None, help="first N records of each set")
    parser.add_argument("--by", choices=["lang", "set", "type"], default=None)
    parser.add_argument("--misses", type=int, default=0, help="include the N worst misses")
    parser.add_argument(
        "--min-confidence", type=float, default=None, help="score only events of at least this confidence"
    )
    args = parser.parse_args(argv)

    paths = fl.default_gold_paths()
    if not paths:
        print(f"accuracy: no gold files under {fl.shared_dir()} (set CASUS_SHARED)", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    predictor = PipelinePredictor(Options(coder=args.coder, min_confidence=args.min_confidence))
    build_s = time.perf_counter() - t0
    floors = fl.load_floors()
    combined = Evaluation()
    sets: dict[str, dict] = {}
    for path in paths:
        s0 = time.perf_counter()
        ev = evaluate_files([path], predictor, args.limit)
        seconds = time.perf_counter() - s0
        combined.scored.extend(ev.scored)
        combined.files.extend(ev.files)
        summary = ev.overall()
        name = fl.set_name(path)
        sets[name] = {
            "path": fl.relative_to_shared(path),
            "seconds": round(seconds, 2),
            "docs_per_s": round(summary.docs / seconds, 1) if seconds else None,
            "scores": summary.scores(),
            "floors": floors["sets"].get(name, {}).get("floors"),
            "by_confidence": ev.by_confidence()["overall"],
            **summary.to_dict(with_types=args.by == "type"),
        }
    report = to_json(combined, args.by, args.misses, args.coder)
    out = {
        "bench": "accuracy",
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": fl.git_commit(),
        "coder": args.coder,
        "limit": args.limit,
        "min_confidence": args.min_confidence,
        "build_pipeline_s": round(build_s, 2),
        "sets": sets,
        "overall": report["overall"],
        "per_lang": report["per_lang"],
        "confusion": report["confusion"],
    }
    if args.by == "set":
        out["per_set"] = report["per_set"]
    if args.misses:
        out["misses"] = report["misses"]
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
