"""Core commands: ingest, extract, clean, demo.

Exit status (all four): 0 when every input was read, 1 when some input was rejected (each one named on
stderr and recorded in the database), 2 for a usage error or a fatal error (bad option, database that cannot
be opened), 130 when interrupted (Ctrl-C; the database keeps whole documents only). `casus demo` exits 0
although its samples include one deliberately broken file.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from casus.doc import Doc, Event, Rejected
from casus.ingest import read_inputs
from casus.options import Options
from casus.output import FORMATS, make_writer
from casus.pipeline import Pipeline
from casus.store import DEFAULT_DB, Store

DEMO_DB = Path("out") / "demo.duckdb"
# The bundled sample articles (package data, no Python in that folder so it reads as plain inputs).
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
EXIT_OK, EXIT_REJECTED, EXIT_FATAL, EXIT_INTERRUPTED = 0, 1, 2, 130


# -- the batch loop -------------------------------------------------------------------------------------------


@dataclass
class BatchReport:
    """What one run read: documents, how many the store added or already held, rejected inputs, counts."""

    read: int = 0
    added: int = 0
    duplicates: int = 0
    sentences: int = 0
    events: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    languages: Counter = field(default_factory=Counter)
    debris: int = 0
    sample_events: list[dict[str, Any]] = field(default_factory=list)
    doc_rows: list[tuple[str, str, int, int, int, str]] = field(default_factory=list)


def _with_progress(items: Iterable[Doc | Rejected]) -> Iterator[Doc | Rejected]:
    """A live count of documents on stderr while `items` runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} read"))
    with Progress(*columns, TimeElapsedColumn(), console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading", total=None)
        for item in items:
            progress.advance(task)
            yield item


def _event_weight(event: Event) -> tuple[int, float]:
    """Events with both actors and a high confidence first."""
    return (int(event.source is not None) + int(event.target is not None), event.confidence)


def _record_weight(rec: dict[str, Any]) -> tuple[int, float]:
    return (int(bool(rec.get("source"))) + int(bool(rec.get("target"))), rec.get("confidence") or 0.0)


def _count(report: BatchReport, doc: Doc, keep_events: int, keep_docs: bool) -> None:
    report.read += 1
    report.sentences += len(doc.sentences)
    report.events += len(doc.events)
    report.debris += len(doc.debris)
    report.languages[doc.lang or "und"] += 1
    if keep_docs:
        row = (doc.id, doc.lang or "?", len(doc.sentences), len(doc.debris), len(doc.events), doc.title or "")
        report.doc_rows.append(row)
    if keep_events and doc.events and len(report.sample_events) < 50:
        best = max(doc.events, key=_event_weight)  # one per document, so the summary shows variety
        report.sample_events.append(best.to_record())


def run_batch(
    items: Iterable[Doc | Rejected],
    store: Store | None = None,
    on_doc: Callable[[Doc], None] | None = None,
    on_rejected: Callable[[Rejected], None] | None = None,
    keep_events: int = 0,
    keep_docs: bool = False,
) -> BatchReport:
    """Consume a stream of documents and rejected inputs: store them (when a store is given; documents that
    cannot be stored become rejected inputs), call the callbacks, count everything. `keep_events` keeps the
    best event of each document for a summary; `keep_docs` keeps a row per document (id, language,
    sentences, debris, events, title)."""
    report = BatchReport()

    def observed() -> Iterator[Doc | Rejected]:
        for item in _with_progress(items):
            if isinstance(item, Rejected):
                report.rejected.append(item)
                if on_rejected:
                    on_rejected(item)
            else:
                _count(report, item, keep_events, keep_docs)
                if on_doc:
                    on_doc(item)
            yield item

    if store is None:
        for _ in observed():
            pass
        return report
    stats = store.add_many(observed())  # whole documents only, a batch per transaction
    report.added, report.duplicates = stats.added, stats.duplicates
    for rej in stats.failed:
        report.rejected.append(rej)
        if on_rejected:
            on_rejected(rej)
    return report


# -- arguments ------------------------------------------------------------------------------------------------


def iso_date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2024-10-22") from None


def _lang(value: str) -> str:
    if not re.fullmatch(r"[a-z]{2,3}", value):
        raise argparse.ArgumentTypeError(f"{value!r} is not a language code like it, en, fr, es, de")
    return value


def _megabytes(value: str) -> float:
    try:
        mb = float(value)
    except ValueError:
        mb = -1.0
    if mb <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not a positive number of megabytes")
    return mb


def _add_input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--published", type=iso_date, metavar="DATE", help="publication date for every input (ISO)"
    )
    p.add_argument("--lang", type=_lang, metavar="L", help="language of every input, instead of detecting it")
    p.add_argument(
        "--max-mb",
        type=_megabytes,
        metavar="N",
        help="reject any single input larger than N megabytes (default 20)",
    )


def options_from(args: argparse.Namespace) -> Options:
    opts = Options()
    if getattr(args, "published", None):
        opts.published = args.published
    if getattr(args, "lang", None):
        opts.lang = args.lang
    if getattr(args, "max_mb", None):
        opts.max_bytes = int(args.max_mb * 1024 * 1024)
    if getattr(args, "db", None):
        opts.db = Path(args.db)
    if getattr(args, "min_confidence", None) is not None:
        opts.min_confidence = args.min_confidence
    return opts


def confidence_value(value: str) -> float:
    """A --min-confidence value: a probability between 0 and 1."""
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= number <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} must lie between 0 and 1")
    return number


def add_min_confidence(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--min-confidence",
        type=confidence_value,
        default=None,
        metavar="X",
        help="keep only events whose calibrated confidence (the probability that the event is right, "
        "learned on the dev sets) is at least X, 0..1 (default: keep every event); `casus evaluate` "
        "shows the precision and recall each threshold gives",
    )


def register(sub: argparse._SubParsersAction) -> None:
    inputs_help = "files, folders, glob patterns or - for standard input (.txt pages, .html, .jsonl, .gz)"

    p = sub.add_parser(
        "ingest",
        help="read inputs into the database: documents, sentences, actors, events",
        description="Read news inputs, clean and code them, and store everything in a DuckDB file. "
        "Exit status: 0 all read, 1 some input rejected, 2 usage or fatal error.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument(
        "--db", type=Path, default=DEFAULT_DB, metavar="PATH", help=f"database file (default {DEFAULT_DB})"
    )
    _add_input_options(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "extract",
        help="write event records to stdout (jsonl, csv or table)",
        description="Read news inputs and write one event record per event "
        "(shared/spec/event-record.md). Exit status: 0 all read, 1 some input rejected, 2 fatal.",
    )
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=inputs_help)
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl)")
    p.add_argument("--db", type=Path, metavar="PATH", help="also store everything in this database file")
    _add_input_options(p)
    add_min_confidence(p)
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser(
        "clean",
        help="print the cleaned text casus reads from a page (--debris: what was removed and why)",
        description="Print the cleaned text of FILE: the title once, without navigation and related-link "
        "debris. With --debris also list each removed piece with its reason and line, and the paragraphs "
        "that are title, heading or embedded post.",
    )
    p.add_argument("file", metavar="FILE", help="a page (.txt, .html, .jsonl) or - for standard input")
    p.add_argument("--debris", action="store_true", help="also show what was removed and why")
    _add_input_options(p)
    p.set_defaults(func=cmd_clean)

    p = sub.add_parser(
        "demo",
        help="run casus on the bundled sample articles and summarise what it found",
        description=f"Ingest the bundled sample articles (it, en, fr, es, de; one deliberately broken) into "
        f"a database (default {DEMO_DB}) and print a summary.",
    )
    p.add_argument(
        "--db", type=Path, default=DEMO_DB, metavar="PATH", help=f"database file (default {DEMO_DB})"
    )
    p.set_defaults(func=cmd_demo)


# -- commands -------------------------------------------------------------------------------------------------


def _print_rejected(rej: Rejected) -> None:
    print(f"casus: rejected {rej.input}: {rej.reason}", file=sys.stderr, flush=True)


def _exit_status(report: BatchReport) -> int:
    return EXIT_REJECTED if report.rejected else EXIT_OK


def _n(count: int, noun: str) -> str:
    """`1 document`, `2 documents`."""
    return f"{count} {noun}" + ("" if count == 1 else "s")


def _summary_line(report: BatchReport, db: Path | None) -> str:
    parts = [f"{_n(report.read, 'document')} read"]
    if db is not None:
        parts[0] += f" ({report.added} added, {report.duplicates} already stored)"
    parts.append(f"{len(report.rejected)} rejected")
    parts.append(_n(report.sentences, "sentence"))
    parts.append(_n(report.events, "event"))
    line = "casus: " + ", ".join(parts)
    return line + (f"; database {db}" if db is not None else "")


def _items(args: argparse.Namespace, opts: Options) -> Iterator[Doc | Rejected]:
    return Pipeline(opts).pipe(read_inputs(args.inputs, opts))


def _interrupted(db: Path | None) -> int:
    where = f"; {db} holds whole documents only: run again to go on (stored ones are skipped)" if db else ""
    print(f"casus: interrupted{where}", file=sys.stderr)
    return EXIT_INTERRUPTED


def cmd_ingest(args: argparse.Namespace) -> int:
    opts = options_from(args)
    try:
        with Store(args.db) as store:
            report = run_batch(_items(args, opts), store=store, on_rejected=_print_rejected)
    except KeyboardInterrupt:
        return _interrupted(args.db)
    print(_summary_line(report, args.db))
    return _exit_status(report)


def cmd_extract(args: argparse.Namespace) -> int:
    opts = options_from(args)
    writer = make_writer(args.format, sys.stdout)

    def write_events(doc: Doc) -> None:
        for event in doc.events:
            writer.write(event.to_record())

    try:
        if args.db:
            with Store(args.db) as store:
                report = run_batch(
                    _items(args, opts), store=store, on_doc=write_events, on_rejected=_print_rejected
                )
        else:
            report = run_batch(_items(args, opts), on_doc=write_events, on_rejected=_print_rejected)
    except KeyboardInterrupt:
        writer.close()
        return _interrupted(args.db)
    writer.close()
    print(_summary_line(report, args.db), file=sys.stderr)
    return _exit_status(report)


def _one_line(text: str, width: int = 100) -> str:
    flat = " ⏎ ".join(line.strip() for line in text.strip().splitlines() if line.strip())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _print_clean(doc: Doc, debris: bool, header: bool) -> None:
    if header:
        print(f"=== {doc.id}")
    print(doc.text)
    if not debris:
        return
    print()
    print(f"--- removed ({len(doc.debris)})")
    for piece in doc.debris:
        where = f"line {piece.line}" if piece.line is not None else "line ?"
        print(f"{where:>9}  {piece.reason:<18} {_one_line(piece.text)}")
    flagged = [(i, p) for i, p in enumerate(doc.paragraphs) if p.kind != "body"]
    print(f"--- paragraphs ({len(doc.paragraphs)}; {len(flagged)} not body text)")
    for i, para in flagged:
        print(f"{i:>4} {para.kind:<9} {para.start}-{para.end}  {_one_line(doc.text[para.start : para.end])}")
    print()


def cmd_clean(args: argparse.Namespace) -> int:
    opts = options_from(args)
    items = list(Pipeline(opts, until="clean").pipe(read_inputs([args.file], opts)))
    docs = [item for item in items if isinstance(item, Doc)]
    status = EXIT_OK
    for item in items:
        if isinstance(item, Rejected):
            _print_rejected(item)
            status = EXIT_REJECTED
        else:
            _print_clean(item, args.debris, header=len(docs) > 1)
    return status


# -- demo -----------------------------------------------------------------------------------------------------


def _relative_ids(items: Iterable[Doc | Rejected], root: Path) -> Iterator[Doc | Rejected]:
    """Name the samples `samples/<file>` rather than by their install path."""
    prefix = str(root)

    def short(name: str | None) -> str | None:
        if name and name.startswith(prefix):
            return "samples" + name[len(prefix) :]
        return name

    for item in items:
        if isinstance(item, Rejected):
            item.input = short(item.input) or item.input
        else:
            item.id = short(item.id) or item.id
            item.origin = short(item.origin)
        yield item


def _shown(path: Path) -> str:
    """`path` relative to the working folder when it lies inside it, so hints can be pasted as they are."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def cmd_demo(args: argparse.Namespace) -> int:
    root = SAMPLES
    opts = options_from(args)
    items = Pipeline(opts).pipe(_relative_ids(read_inputs([str(root)], opts), root))
    with Store(args.db) as store:
        report = run_batch(items, store=store, keep_events=5, keep_docs=True)
        totals = store.summary()
    _print_demo(Console(highlight=False), report, totals, root, args.db)
    return EXIT_OK


def _print_demo(console: Console, report: BatchReport, totals: dict, root: Path, db: Path) -> None:
    def out(text: str = "") -> None:
        console.print(text, markup=False, soft_wrap=True)

    console.print(f"[bold]casus demo[/bold]: the bundled sample articles in {_shown(root)}", soft_wrap=True)
    table = Table(box=box.SIMPLE, pad_edge=False)
    table.add_column("document", no_wrap=True, overflow="ellipsis", max_width=40)
    for col in ("lang", "sentences", "debris", "events"):
        table.add_column(col, justify="left" if col == "lang" else "right", no_wrap=True, min_width=len(col))
    if console.width >= 120:
        table.add_column("title", no_wrap=True, overflow="ellipsis", max_width=60)
    for doc_id, lang, n_sent, n_debris, n_events, title in report.doc_rows:
        cells = [escape(doc_id), lang, str(n_sent), str(n_debris), str(n_events)]
        table.add_row(*cells, *([escape(title)] if console.width >= 120 else []))
    console.print(table)
    added = f"{report.added} added to the database, {report.duplicates} already there"
    out(f"  Documents read : {report.read} ({added})")
    langs = ", ".join(f"{lang} {n}" for lang, n in sorted(report.languages.items())) or "none"
    out(f"  Languages      : {langs}")
    out(f"  Sentences      : {report.sentences}")
    out(f"  Page debris    : {report.debris} pieces removed (see casus clean FILE --debris)")
    out(f"  Events found   : {report.events}")
    shown = sorted(report.sample_events, key=_record_weight, reverse=True)[:5]
    for rec in shown:
        src, tgt = rec.get("source") or {}, rec.get("target") or {}
        src_text = f"{src.get('code')} ({_one_line(src.get('text') or '', 30)})" if src else "?"
        tgt_text = f"{tgt.get('code')} ({_one_line(tgt.get('text') or '', 30)})" if tgt else "-"
        evidence = _one_line((rec.get("evidence") or {}).get("text") or "", 110)
        out(
            f"    {rec.get('date') or 'no date'}  {src_text} -[{rec.get('cameo')} {rec.get('plover') or ''}]-> {tgt_text}"
        )
        out(f"        “{evidence}”")
        out(f"        {rec.get('doc_id')}, sentence {rec.get('sentence')}, {rec.get('modality')}")
    if report.events > len(shown):
        out(f"    … and {report.events - len(shown)} more: casus extract … --format table lists them all")
    out(f"  Rejected inputs: {len(report.rejected)}")
    for rej in report.rejected:
        out(f"    casus: rejected {rej.input}: {rej.reason}")
    out(
        f"  Database       : {_shown(db)} (holds {_n(totals['documents'], 'document')}, "
        f"{_n(totals['sentences'], 'sentence')}, {_n(totals['events'], 'event')}, "
        f"{_n(totals['rejected'], 'rejected input')})"
    )
    out(
        f"Next: casus extract {_shown(root)} --format table    "
        f"or: casus clean {_shown(root / 'it-zelensky-roma.txt')} --debris"
    )
