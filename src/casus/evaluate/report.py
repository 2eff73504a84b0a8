"""The evaluation as JSON and as readable tables (rich): per file, per language, overall, and more on demand."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from casus.evaluate.aggregate import Summary
from casus.evaluate.metrics import PRF
from casus.evaluate.runner import Evaluation
from casus.evaluate.score import ACCURACY_METRICS, NONE, PRF_METRICS, Miss

TITLES = {
    "type_cameo": "type CAMEO",
    "type_plover": "type PLOVER",
    "triples": "triples",
    "plover_triples": "PLOVER triples",
}


def confusion_dict(table: Counter) -> dict[str, dict[str, int]]:
    out: dict[str, dict[str, int]] = {}
    for (gold, pred), n in sorted(table.items()):
        out.setdefault(gold, {})[pred] = n
    return out


def to_json(
    ev: Evaluation, by: str | None = None, misses: int = 10, coder: str | None = None
) -> dict[str, Any]:
    """Everything `casus evaluate --json` prints."""
    with_types = by == "type"
    overall = ev.overall()
    out: dict[str, Any] = {
        "coder": coder,
        "files": ev.files,
        "overall": overall.to_dict(with_types),
        "per_file": {k: s.to_dict(with_types) for k, s in ev.groups("file").items()},
        "per_lang": {k: s.to_dict(with_types) for k, s in ev.groups("lang").items()},
    }
    if by == "set":
        out["per_set"] = {k: s.to_dict() for k, s in ev.groups("set").items()}
    out["by_confidence"] = {"overall": ev.by_confidence()["overall"], "per_file": ev.by_confidence("file")}
    out["gold_problems"] = ev.problems
    out["confusion"] = confusion_dict(overall.confusion)
    out["misses"] = [m.to_dict() for m in ev.misses(misses)]
    return out


def _cell(counts: PRF | None, duplicates: int = 0) -> str:
    if counts is None or not counts.judged:
        return "[dim]-[/dim]"
    dup = f" (dup {duplicates})" if duplicates else ""
    return (
        f"[bold]{counts.f1:.3f}[/bold] P {counts.precision:.3f} R {counts.recall:.3f}\n"
        f"[dim]tp {counts.tp} fp {counts.fp}{dup} fn {counts.fn}[/dim]"
    )


def _scores_table(title: str, groups: dict[str, Summary]) -> Table:
    table = Table(title=title, show_lines=True, title_justify="left")
    table.add_column("group", no_wrap=True, min_width=12)
    table.add_column("docs", justify="right", no_wrap=True, min_width=5)
    table.add_column("pred", justify="right", no_wrap=True, min_width=5)
    for name in PRF_METRICS:
        table.add_column(f"{TITLES[name]}\nF1  P  R", no_wrap=True)
    for name, summary in groups.items():
        label = escape(name if len(name) <= 40 else "…" + name[-39:])
        docs = f"{summary.docs}" + (f"\n[red]{summary.rejected} rej[/red]" if summary.rejected else "")
        table.add_row(
            label,
            docs,
            str(summary.predicted),
            *(_cell(summary.prf.get(n), summary.duplicates.get(n, 0)) for n in PRF_METRICS),
        )
    return table


def _accuracy_table(groups: dict[str, Summary]) -> Table:
    table = Table(title="accuracy on matched events (correct/total)", title_justify="left")
    table.add_column("group", no_wrap=True, min_width=12)
    for name in ACCURACY_METRICS:
        table.add_column(name.replace("_", " "), justify="right")
    table.add_column("must-not-code\nviolated", justify="right")
    table.add_column("quotes\nF1 (tp/fp/fn)", justify="right")
    for name, summary in groups.items():
        cells = []
        for metric in ACCURACY_METRICS:
            ratio = summary.accuracy.get(metric)
            cells.append(
                f"{ratio.value:.3f} ({ratio.correct}/{ratio.total})" if ratio and ratio.total else "-"
            )
        mn = summary.must_not
        cells.append(f"{mn.total - mn.correct}/{mn.total}" if mn else "-")
        q = summary.quotes
        cells.append(f"{q.f1:.3f} ({q.tp}/{q.fp}/{q.fn})" if q else "-")
        table.add_row(escape(name if len(name) <= 40 else "…" + name[-39:]), *cells)
    return table


def _types_table(summary: Summary) -> Table:
    table = Table(title="per type (overall)", title_justify="left")
    table.add_column("metric")
    table.add_column("type")
    table.add_column("F1", justify="right")
    table.add_column("P", justify="right")
    table.add_column("R", justify="right")
    table.add_column("tp/fp/fn", justify="right")
    for metric in PRF_METRICS:
        for type_, c in sorted(summary.by_type.get(metric, {}).items()):
            table.add_row(
                TITLES[metric],
                type_,
                f"{c.f1:.3f}",
                f"{c.precision:.3f}",
                f"{c.recall:.3f}",
                f"{c.tp}/{c.fp}/{c.fn}",
            )
    return table


def _confusion_table(confusion: Counter) -> Table:
    golds = sorted({g for g, _ in confusion} - {NONE}) + [NONE]
    preds = sorted({p for _, p in confusion} - {NONE}) + [NONE]
    table = Table(title="CAMEO roots per document: gold (rows), predicted (columns)", title_justify="left")
    table.add_column("gold\\pred")
    for pred in preds:
        table.add_column(pred, justify="right")
    for gold in golds:
        row = [str(confusion.get((gold, p), "")) for p in preds]
        if any(row):
            table.add_row(gold, *row)
    return table


def _confidence_table(groups: dict[str, dict[str, dict[str, Any]]]) -> Table:
    """Per group and threshold: precision, recall and predictions kept for each judged metric."""
    table = Table(
        title="by confidence: precision, recall and predictions kept at each --min-confidence",
        show_lines=False,
        title_justify="left",
        caption="on the dev sets the confidence was calibrated on, these figures are optimistic: "
        "bench/calibrate.py reports held-out ones",
        caption_justify="left",
    )
    table.add_column("group", no_wrap=True, min_width=12)
    table.add_column("conf", no_wrap=True)
    for name in PRF_METRICS:
        table.add_column(f"{TITLES[name]}\nP  R  (kept)", no_wrap=True)
    for group, rows in groups.items():
        label = escape(group if len(group) <= 40 else "…" + group[-39:])
        for n, (threshold, row) in enumerate(rows.items()):
            cells = []
            for name in PRF_METRICS:
                c = row.get(name)
                if c is None:
                    cells.append("[dim]-[/dim]")
                elif not c["kept"]:
                    cells.append(f"P - R {c['recall']:.3f} (0)")
                else:
                    cells.append(f"P {c['precision']:.3f} R {c['recall']:.3f} ({c['kept']})")
            table.add_row(label if n == 0 else "", threshold, *cells, end_section=n == len(rows) - 1)
    return table


def _miss_lines(misses: list[Miss]) -> list[str]:
    lines: list[str] = []
    for m in misses:
        lines.append(
            f"[bold]{escape(m.record_id)}[/bold] ({m.lang}) missed [yellow]{escape(m.gold)}[/yellow]"
            f" \\[{m.metric}]"
        )
        if m.note:
            lines.append(f"  note: {escape(m.note)}")
        if not m.note or len(m.text) < 300:
            lines.append(f"  text: {escape(m.text)}")
        if not m.predicted:
            lines.append("  predicted: nothing")
        for p in m.predicted[:5]:
            lines.append(f"  predicted: [cyan]{escape(p['event'])}[/cyan]  «{escape(p['evidence'])}»")
        if len(m.predicted) > 5:
            lines.append(f"  … and {len(m.predicted) - 5} more predictions")
    return lines


def print_report(
    ev: Evaluation, by: str | None = None, misses: int = 10, console: Console | None = None
) -> None:
    if console is None:
        console = Console()
        if not console.is_terminal:
            console = Console(width=160)
    overall = ev.overall()
    groups: dict[str, Summary] = {"overall": overall}
    files = ev.groups("file")
    if len(files) > 1:
        groups.update({f"file {Path(k).name.removesuffix('.jsonl')}": v for k, v in files.items()})
    langs = ev.groups("lang")
    if len(langs) > 1 or by == "lang":
        groups.update({f"lang {k}": v for k, v in langs.items()})
    if by == "set":
        groups.update({f"set {k}": v for k, v in ev.groups("set").items()})
    console.print(_scores_table("casus evaluate: micro precision, recall, F1 (with counts)", groups))
    console.print(_accuracy_table(groups))
    conf_groups = {"overall": ev.by_confidence()["overall"]}
    if len(files) > 1:
        conf_groups.update(
            {f"file {Path(k).name.removesuffix('.jsonl')}": v for k, v in ev.by_confidence("file").items()}
        )
    console.print(_confidence_table(conf_groups))
    if by == "type":
        console.print(_types_table(overall))
    if overall.confusion:
        console.print(_confusion_table(overall.confusion))
    shown = ev.misses(misses)
    if shown:
        console.print(f"[bold]worst misses[/bold] ({len(shown)} shown)")
        for line in _miss_lines(shown):
            console.print(line, highlight=False, markup=True)
    if overall.negated_ignored:
        console.print(f"[dim]{overall.negated_ignored} negated predictions left out[/dim]")
