"""Which predicted events are right: a label per prediction, by the scorer's own matching (casus.evaluate.score).

Used to learn and check the confidence calibration (bench/calibrate.py). For one gold document and its
predictions, each prediction gets

- `triple`: 1 when the triple matching pairs it with a required gold event (CAMEO triples where the document
  is judged in CAMEO, else PLOVER triples), 0 when it is a false positive there, None when it is not judged
  (negated, outside the record's `scope`, or matched to an optional gold event: neither right nor wrong);
- `type`: 1 when its type (CAMEO root or PLOVER type) is one a required gold event of the document gives or
  accepts, 0 when the scorer counts it a spurious type, None otherwise.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from casus.evaluate.gold import GoldRecord
from casus.evaluate.match import Pred
from casus.evaluate.score import (
    CAMEO,
    PLOVER,
    gold_in_scope,
    judged_vocabularies,
    pred_in_scope,
    triple_matching,
    type_detection,
)


@dataclass(slots=True)
class Label:
    triple: int | None = None
    type: int | None = None
    vocabulary: str | None = None  # cameo or plover: which triples judged it


def prediction_labels(
    record: GoldRecord, preds: Sequence[Pred], file_vocab: tuple[bool, bool] | None = None
) -> list[Label]:
    """One Label per prediction, in order."""
    labels = [Label() for _ in preds]
    scoped = [i for i, p in enumerate(preds) if not p.get("negated") and pred_in_scope(p, record.scope)]
    golds = [e for e in record.events if gold_in_scope(e, record.scope)]
    cameo_judged, plover_judged = judged_vocabularies(record, file_vocab)
    vocab = CAMEO if cameo_judged else PLOVER if plover_judged else None
    if vocab is None or not scoped:
        return labels
    live = [preds[i] for i in scoped]
    matching = triple_matching(vocab, golds, live)
    for _, pi in matching.pairs:
        labels[scoped[pi]].triple = 1
    for pi in matching.spurious:
        labels[scoped[pi]].triple = 0
    # the scorer's own type detection says which predicted types are spurious
    spurious = set(type_detection(vocab, golds, live)[3])
    required_ok: set[str] = set()
    for e in golds:
        if vocab.has(e) and not e.optional:
            required_ok |= vocab.accepts(e)
    for pi, pred in enumerate(live):
        label = labels[scoped[pi]]
        label.vocabulary = vocab.name
        ptype = vocab.pred_type(pred)
        if ptype and ptype in required_ok:
            label.type = 1
        elif ptype in spurious:
            label.type = 0  # optional, excused or untyped predictions stay None
    return labels
