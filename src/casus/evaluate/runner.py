"""Running the pipeline over gold records and scoring what it predicts.

The pipeline is built once per language (lexicons and gazetteers load once) and each record's text is read
the way `casus extract` reads a JSONL record, with the record's own `lang` (overriding detection, as
`--lang` does) and `published` (the document's publication date, against which dates resolve). A record the pipeline rejects is scored with no
predictions (recall 0, never an error) and counted as rejected.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from casus.doc import Doc
from casus.errors import CasusError, ConfigError, InputError
from casus.evaluate.aggregate import GROUP_KEYS, Summary, summarise
from casus.evaluate.by_confidence import confidence_of, grouped, score_thresholds
from casus.evaluate.gold import GoldRecord, read_gold
from casus.evaluate.metrics import PRF
from casus.evaluate.score import DocScore, Miss, file_vocabularies, score_doc
from casus.options import Options
from casus.pipeline import Pipeline

log = logging.getLogger(__name__)

Predictor = Callable[[GoldRecord], list[dict[str, Any]]]


def _iso_date(value: str | None) -> date | None:
    if not value or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _doc_from_gold(record: GoldRecord, opts: Options) -> Doc:
    """The document the pipeline reads, built by the JSONL reader, with the record's date and language."""
    try:
        from casus.ingest.jsonl import doc_from_record
    except ImportError:  # the JSONL reader is not there: build the document the same way
        doc = Doc(id=record.id, raw=record.text, source_format="jsonl", origin=record.origin)
    else:
        raw = dict(record.raw)
        raw["id"] = record.id
        doc = doc_from_record(raw, record.origin, opts)
    doc.published = _iso_date(record.published)
    doc.lang_hint = record.lang or doc.lang_hint
    return doc


class PipelinePredictor:
    """Predict the events of a gold record with the full pipeline.

    The record's `lang` overrides language detection, as `--lang` does: stages read `opts.lang` when they
    are built, so one pipeline is built per language met (and kept); its `published` is the document's
    publication date.
    """

    def __init__(self, opts: Options | None = None):
        self.opts = opts or Options()
        self.pipelines: dict[str | None, Pipeline] = {}
        self.rejected: Counter = Counter()  # reason (stage and error, without the input name) -> records
        self.pipeline_for(self.opts.lang)  # fail early when the pipeline cannot be built

    def pipeline_for(self, lang: str | None) -> Pipeline:
        if lang not in self.pipelines:
            opts = replace(self.opts, lang=lang or self.opts.lang, published=None)
            try:
                self.pipelines[lang] = Pipeline(opts)
            except ImportError as err:
                raise ConfigError(f"the pipeline cannot be built: {err}") from err
        return self.pipelines[lang]

    def __call__(self, record: GoldRecord) -> list[dict[str, Any]]:
        pipeline = self.pipeline_for(record.lang)
        try:
            doc = pipeline.run(_doc_from_gold(record, pipeline.opts))
        except CasusError as err:
            reason = err.reason if isinstance(err, InputError) else str(err)
            log.info("%s: rejected: %s", record.origin, reason)
            self.rejected[reason] += 1
            raise
        return [event.to_record() for event in doc.events]


@dataclass(slots=True)
class Scored:
    record: GoldRecord
    score: DocScore
    rejected: bool = False
    # threshold -> metric -> counts with only the predictions at or above that confidence
    by_confidence: dict[float, dict[str, PRF]] = field(default_factory=dict)


@dataclass(slots=True)
class Evaluation:
    """Every document's score; groups and misses are computed from them."""

    scored: list[Scored] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # gold records or events left out, with the reason

    def pairs(self) -> Iterable[tuple[DocScore, bool]]:
        return ((s.score, s.rejected) for s in self.scored)

    def overall(self) -> Summary:
        return summarise(self.pairs())["overall"]

    def groups(self, by: str) -> dict[str, Summary]:
        if by == "type":
            raise ConfigError("per-type figures are in each summary's by_type, not a grouping")
        if by not in GROUP_KEYS:
            raise ConfigError(f"unknown grouping {by!r}: use file, lang or set")
        return summarise(self.pairs(), GROUP_KEYS[by])

    def by_confidence(self, by: str | None = None) -> dict[str, dict[str, dict[str, Any]]]:
        """Precision and recall at each confidence threshold, overall or per `by` (file, lang, set)."""
        if by is None:
            return grouped(("overall", s.by_confidence) for s in self.scored)
        key = GROUP_KEYS[by]
        return grouped((key(s.score), s.by_confidence) for s in self.scored)

    def misses(self, limit: int) -> list[Miss]:
        """The worst misses first: a document where something else was predicted says more than silence."""
        all_misses = [m for s in self.scored for m in s.score.misses]
        ranked = sorted(enumerate(all_misses), key=lambda im: (not im[1].confused, im[0]))
        return [m for _, m in ranked[:limit]]


def evaluate_records(records: Sequence[GoldRecord], predict: Predictor) -> list[Scored]:
    """Score each record against what `predict` returns for it; a CasusError scores as no predictions."""
    out: list[Scored] = []
    by_file: dict[str, list[GoldRecord]] = {}
    for record in records:
        by_file.setdefault(record.file, []).append(record)
    vocab = {name: file_vocabularies(recs) for name, recs in by_file.items()}
    for record in records:
        rejected = False
        try:
            preds = predict(record)
        except CasusError:
            preds, rejected = [], True
        fv = vocab[record.file]
        thresholds = score_thresholds(record, preds, fv)
        out.append(Scored(record, score_doc(record, preds, fv), rejected, thresholds))
    return out


def evaluate_files(
    paths: Sequence[Path | str],
    predict: Predictor,
    limit: int | None = None,
    progress: Callable[[int], None] | None = None,
) -> Evaluation:
    """Read each gold file (the first `limit` records of each), predict and score every record.

    A malformed gold record or event is left out and named in `problems`, so one bad line does not stop
    an evaluation.
    """
    result = Evaluation()
    for path in paths:
        records = read_gold(path, limit, result.problems)
        result.files.append(str(path))
        for record in records:
            result.scored.extend(evaluate_records([record], predict))
            if progress is not None:
                progress(1)
    return result


class FilePredictor:
    """Predictions read from event records (JSONL, e.g. `casus extract --format jsonl`), by `doc_id`;
    with `min_confidence`, only those of at least that confidence."""

    def __init__(self, path: Path | str, min_confidence: float | None = None):
        import json

        self.by_doc: dict[str, list[dict[str, Any]]] = {}
        path = Path(path)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as err:
            raise ConfigError(f"{path}: cannot read predictions: {err}") from err
        for n, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
            except json.JSONDecodeError as err:
                raise ConfigError(f"{path}:{n}: not valid JSON: {err.msg}") from err
            if not isinstance(rec, dict) or "doc_id" not in rec:
                raise ConfigError(f"{path}:{n}: an event record needs a `doc_id`")
            if min_confidence is not None and confidence_of(rec) < min_confidence:
                continue
            self.by_doc.setdefault(str(rec["doc_id"]), []).append(rec)

    def __call__(self, record: GoldRecord) -> list[dict[str, Any]]:
        return self.by_doc.get(record.id, [])
