"""The ordered pipeline stages: run(doc) for one document, pipe(docs) for a stream.

Every stage module exposes `make_stage(opts) -> Callable[[Doc], Doc]`; the stage is built once (gazetteers
and lexicons load once) and then called per document. A stage that fails on a document turns it into a
`Rejected` record naming the stage and the reason; the batch goes on.
"""

from __future__ import annotations

import importlib
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from casus.doc import Doc, Rejected
from casus.errors import CasusError, InputError
from casus.options import Options

log = logging.getLogger(__name__)

Stage = Callable[[Doc], Doc]

# (name, module) in the order they run. Each module has make_stage(opts).
STAGES: list[tuple[str, str]] = [
    ("clean", "casus.ingest.clean"),
    ("language", "casus.language.detect"),
    ("segment", "casus.language.segment"),
    ("actors", "casus.actors.stage"),
    ("code", "casus.coding.stage"),
]


@dataclass
class PipelineStats:
    docs: int = 0
    rejected: int = 0
    sentences: int = 0
    events: int = 0
    seconds: Counter = field(default_factory=Counter)
    rejected_by_reason: Counter = field(default_factory=Counter)
    languages: Counter = field(default_factory=Counter)


class Pipeline:
    """Build the stages once from `opts`; `until` stops after the named stage (e.g. "segment")."""

    def __init__(self, opts: Options | None = None, until: str | None = None):
        self.opts = opts or Options()
        self.stats = PipelineStats()
        self.stages: list[tuple[str, Stage]] = []
        for name, module in STAGES:
            mod = importlib.import_module(module)
            self.stages.append((name, mod.make_stage(self.opts)))
            if name == until:
                break

    def run(self, doc: Doc) -> Doc:
        """Run every stage on one document. Raises InputError naming the document on failure."""
        for name, stage in self.stages:
            t0 = time.perf_counter()
            try:
                doc = stage(doc)
            except CasusError as err:
                raise InputError(doc.origin or doc.id, f"{name}: {err}") from err
            except Exception as err:  # a bug or an input no stage foresaw: name it, never stop the batch
                log.exception("stage %s failed on %s", name, doc.id)
                raise InputError(doc.origin or doc.id, f"{name}: {type(err).__name__}: {err}") from err
            finally:
                self.stats.seconds[name] += time.perf_counter() - t0
        self.stats.docs += 1
        self.stats.sentences += len(doc.sentences)
        self.stats.events += len(doc.events)
        if doc.lang:
            self.stats.languages[doc.lang] += 1
        return doc

    def pipe(self, items: Iterable[Doc | Rejected]) -> Iterator[Doc | Rejected]:
        """Run the stages over a stream of documents; rejected inputs pass through, failures become Rejected."""
        for item in items:
            if isinstance(item, Rejected):
                self._count_rejected(item)
                yield item
                continue
            try:
                yield self.run(item)
            except InputError as err:
                rej = Rejected(input=err.input_name, reason=err.reason, stage="pipeline")
                self._count_rejected(rej)
                yield rej

    def _count_rejected(self, rej: Rejected) -> None:
        self.stats.rejected += 1
        self.stats.rejected_by_reason[rej.reason.split(":")[0]] += 1
