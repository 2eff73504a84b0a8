"""`casus explain DOC`: run the pipeline on one document and show why each event was coded."""

from __future__ import annotations

import argparse
import json
import sys

from rich.console import Console
from rich.markup import escape

from casus.coding import calibration
from casus.coding.explain import explain, render
from casus.doc import Doc, Rejected
from casus.ingest import read_inputs
from casus.options import Options
from casus.pipeline import Pipeline


def register(sub: argparse._SubParsersAction) -> None:
    from casus.commands.core import _add_input_options

    p = sub.add_parser(
        "explain",
        help="show why each event of a document was coded: actors, trigger, rule, modality, attribution",
        description="Run casus on DOC and show, per event, the actor spans, the trigger and the rule that "
        "fired, the modality and attribution cues, the quantities, the date and the confidence (a calibrated "
        "probability that the event is right, learned on the dev sets; the last line says from what). "
        "Exit status: 0 explained, 1 the input was rejected, 2 usage or fatal error.",
    )
    p.add_argument("file", metavar="DOC", help="a page (.txt, .html, .jsonl) or - for standard input")
    p.add_argument("--json", action="store_true", help="print JSON (one object per document)")
    p.add_argument("--coder", default="lexicon", help="the coder to explain (default: lexicon)")
    _add_input_options(p)
    p.set_defaults(func=cmd_explain)


def cmd_explain(args: argparse.Namespace) -> int:
    from casus.commands.core import options_from

    opts: Options = options_from(args)
    opts.coder = args.coder
    pipeline = Pipeline(opts)
    about = calibration.describe(opts.calibration)
    console = Console(highlight=False)
    status = 0
    for item in pipeline.pipe(read_inputs([args.file], opts)):
        if isinstance(item, Rejected):
            print(f"casus: {item}", file=sys.stderr)
            status = 1
            continue
        doc: Doc = item
        if args.json:
            out = explain(doc)
            out["confidence_model"] = about
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
        else:
            render(doc, console)
            console.print(f"[dim]{escape(about)}[/dim]")
    return status
