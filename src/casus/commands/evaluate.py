"""`casus evaluate`: score the pipeline against gold files, and keep the floors in eval/floors.json."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from casus.errors import ConfigError
from casus.options import Options

if TYPE_CHECKING:
    from casus.evaluate.runner import Evaluation


def register(sub: argparse._SubParsersAction) -> None:
    from casus.commands.core import add_min_confidence

    p = sub.add_parser(
        "evaluate",
        help="score the events casus finds against gold files (shared/spec/gold-format.md)",
        description="Run the pipeline on each gold record's text (with its published date and language) and "
        "score the events: type detection (CAMEO roots, PLOVER types), triples, full-code and field "
        "accuracy, per file, per language and overall, with the counts beside every ratio; and the "
        "precision and recall with only the events of confidence >= 0.3, 0.5, 0.7 and 0.9.",
    )
    p.add_argument(
        "gold",
        nargs="*",
        type=Path,
        help="gold JSONL files (default with --update-floors or "
        "--check-floors: every dev set and example gold file in the shared folder)",
    )
    p.add_argument(
        "--predictions",
        type=Path,
        default=None,
        metavar="JSONL",
        help="score these event records (joined to gold records by doc_id) instead of running the pipeline",
    )
    p.add_argument("--coder", default="lexicon", help="the coder to evaluate (default: lexicon)")
    add_min_confidence(p)
    p.add_argument("--by", choices=["lang", "set", "type"], help="also break the scores down by this")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument(
        "--limit", type=int, default=None, metavar="N", help="score only the first N records of each file"
    )
    p.add_argument("--misses", type=int, default=10, metavar="N", help="show the N worst misses (default 10)")
    p.add_argument(
        "--check-floors", action="store_true", help="fail (exit 1) when a set scores below its floor"
    )
    p.add_argument(
        "--update-floors",
        action="store_true",
        help="raise the floors in eval/floors.json to the scores reached now",
    )
    p.add_argument("--allow-lower", action="store_true", help="with --update-floors: allow floors to go down")
    p.add_argument(
        "--margin",
        type=float,
        default=0.0,
        help="with --update-floors: pin each floor this much below the score reached (default 0)",
    )
    p.add_argument("--reason", default="", help="with --update-floors: why, recorded in the file's history")
    p.add_argument("--floors", type=Path, default=None, help="the floors file (default: eval/floors.json)")
    p.set_defaults(func=run)


def _gold_paths(args: argparse.Namespace, floors_mode: bool) -> list[Path]:
    from casus.evaluate import floors as fl

    paths: list[Path] = list(args.gold)
    if not paths and floors_mode:
        paths = fl.default_gold_paths()
        if not paths:
            raise ConfigError(f"no gold files under {fl.shared_dir()} (set CASUS_SHARED)")
    if not paths:
        raise ConfigError("name at least one gold JSONL file")
    for path in paths:
        if not path.is_file():
            raise ConfigError(f"{path}: no such gold file")
    return paths


def _say_what_went_wrong(problems: list[str], rejected: Counter | None) -> None:
    for problem in problems[:10]:
        print(f"casus: evaluate: gold: {problem}", file=sys.stderr)
    if len(problems) > 10:
        print(f"casus: evaluate: gold: … and {len(problems) - 10} more", file=sys.stderr)
    if rejected:
        total = sum(rejected.values())
        print(f"casus: evaluate: {total} record(s) rejected by the pipeline (-v for each):", file=sys.stderr)
        for reason, n in rejected.most_common(5):
            print(f"  {n} x {reason[:300]}", file=sys.stderr)


def _floors(
    args: argparse.Namespace, evaluation: Evaluation, paths: list[Path], rejected: Counter | None
) -> int:
    """--update-floors and --check-floors."""
    from casus.evaluate import floors as fl

    floors_path = args.floors or fl.FLOORS_PATH
    data = fl.load_floors(floors_path)
    measured = fl.measure(evaluation.groups("file"), paths)
    if args.check_floors and not args.update_floors:
        failures = fl.check(data, measured)
        for failure in failures:
            print(f"casus: floor: {failure}", file=sys.stderr)
        return 1 if failures else 0
    if rejected:
        raise ConfigError(
            f"{sum(rejected.values())} gold record(s) were rejected by the pipeline: floors are not "
            "pinned on a failing pipeline (run with -v to see each, fix it, then update)"
        )
    if args.margin:
        for got in measured.values():
            got.scores = {k: max(0.0, round(v - args.margin, 4)) for k, v in got.scores.items()}
    new, changes = fl.update(data, measured, args.allow_lower, args.reason, args.coder)
    if changes:
        fl.save_floors(new, floors_path)
    print(f"{floors_path}: {len(changes)} change(s)", file=sys.stderr)
    for change in changes:
        print(f"  {json.dumps(change, ensure_ascii=False)}", file=sys.stderr)
    return 0


def run(args: argparse.Namespace) -> int:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from casus.evaluate.gold import read_gold
    from casus.evaluate.report import print_report, to_json
    from casus.evaluate.runner import FilePredictor, PipelinePredictor, evaluate_files

    floors_mode = args.update_floors or args.check_floors
    if (args.allow_lower or args.margin) and not args.update_floors:
        raise ConfigError("--allow-lower and --margin only go with --update-floors")
    if floors_mode and (
        args.limit is not None or args.predictions is not None or args.min_confidence is not None
    ):
        raise ConfigError(
            "floors are measured with the pipeline on whole gold files and every event: "
            "drop --limit/--predictions/--min-confidence"
        )
    paths = _gold_paths(args, floors_mode)
    if not getattr(args, "verbose", False):
        # one line per failure reason after the run, not a traceback per record
        logging.getLogger("casus.pipeline").setLevel(logging.CRITICAL)
    total = sum(len(read_gold(p, args.limit, [])) for p in paths)
    if args.predictions is not None:
        predictor = FilePredictor(args.predictions, args.min_confidence)
    else:
        predictor = PipelinePredictor(Options(coder=args.coder, min_confidence=args.min_confidence))
    err = Console(stderr=True)
    with Progress(
        TextColumn("evaluating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("records", total=total)
        evaluation = evaluate_files(paths, predictor, args.limit, lambda n: progress.advance(task, n))
    rejected = getattr(predictor, "rejected", None)
    _say_what_went_wrong(evaluation.problems, rejected)

    if args.update_floors:
        return _floors(args, evaluation, paths, rejected)
    status = _floors(args, evaluation, paths, rejected) if args.check_floors else 0
    if args.json:
        print(json.dumps(to_json(evaluation, args.by, args.misses, args.coder), ensure_ascii=False, indent=2))
    else:
        print_report(evaluation, args.by, args.misses)
    return status
