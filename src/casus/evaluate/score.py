"""Scoring one gold document against the events predicted for it (shared/spec/gold-format.md).

Pure functions over a `GoldRecord` and event records (dicts in the shape of shared/spec/event-record.md),
so every rule can be tested without the pipeline. What is judged in a document:

- CAMEO (type detection over roots, triples, full-code accuracy) when the gold speaks CAMEO: `scope` lists
  CAMEO codes, or `scope` is null and an event carries `cameo` (or there are no events at all: then every
  prediction is a false positive).
- PLOVER (type detection, and PLOVER triples: source primary, PLOVER type, target primary) when the gold
  speaks PLOVER in the same way. A plover-only record cannot be scored on CAMEO triples; where it names
  actors they are judged through the PLOVER triples.
- A gold event in the other vocabulary only (a plover-only event in a CAMEO document, or the reverse)
  acts as optional: a prediction that matches it is neither rewarded nor punished.
- `scope` as a list restricts gold and predictions alike to the listed types (CAMEO code prefixes or
  PLOVER names); an empty list judges no event at all.
- Predictions with `negated: true` state that an event did not happen; they are not events and are left
  out (counted in `negated_ignored`).

Field accuracy is taken on the CAMEO triple matches, or on the PLOVER triple matches where the document is
not judged in CAMEO, so no event is counted twice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from casus.evaluate.fields import FIELD_CHECKS
from casus.evaluate.gold import GoldEvent, GoldRecord, is_cameo_item
from casus.evaluate.match import (
    Matching,
    Pred,
    cameo_compatible,
    cameo_preference,
    kuhn_matching,
    match_events,
    plover_compatible,
    pred_actor_code,
    pred_code,
    pred_plover,
    pred_root,
)
from casus.evaluate.metrics import PRF, Ratio

PRF_METRICS = ("type_cameo", "type_plover", "triples", "plover_triples")
ACCURACY_METRICS = ("full_code", "date", "modality", "attribution", "quantity")
NONE = "none"


@dataclass(slots=True)
class Miss:
    """A required gold event no prediction matched, with what was predicted for the document instead."""

    record_id: str
    file: str
    lang: str | None
    metric: str
    gold: str
    note: str | None
    text: str
    predicted: list[dict[str, str]]
    confused: bool  # something was predicted for the document but did not match

    def to_dict(self) -> dict[str, Any]:
        return {
            "record": self.record_id,
            "file": self.file,
            "lang": self.lang,
            "metric": self.metric,
            "gold": self.gold,
            "note": self.note,
            "text": self.text,
            "predicted": self.predicted,
        }


@dataclass(slots=True)
class DocScore:
    """The counts of one document. Metrics not judged in it are absent from `prf` and `accuracy`."""

    record_id: str
    file: str
    set_name: str
    lang: str | None
    predicted: int = 0
    negated_ignored: int = 0
    prf: dict[str, PRF] = field(default_factory=dict)
    accuracy: dict[str, Ratio] = field(default_factory=dict)
    by_type: dict[str, dict[str, PRF]] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    misses: list[Miss] = field(default_factory=list)
    duplicates: dict[str, int] = field(default_factory=dict)  # false positives restating a matched event
    must_not: Ratio | None = None  # correct = must-not-code lines no prediction came from
    quotes: PRF | None = None


# ---------------------------------------------------------------- scope


def gold_in_scope(event: GoldEvent, scope: tuple[str, ...] | None) -> bool:
    if scope is None:
        return True
    for item in scope:
        if is_cameo_item(item):
            if event.cameo and event.cameo.startswith(item):
                return True
        elif item in event.plover:
            return True
    return False


def pred_in_scope(pred: Pred, scope: tuple[str, ...] | None) -> bool:
    if scope is None:
        return True
    code, plover = pred_code(pred), pred_plover(pred)
    return any(
        (code.startswith(item) if code else False) if is_cameo_item(item) else item == plover
        for item in scope
    )


def judged_vocabularies(
    record: GoldRecord, file_vocabularies: tuple[bool, bool] | None = None
) -> tuple[bool, bool]:
    """(CAMEO judged, PLOVER judged) for this document.

    An exhaustive record with no events says "nothing happened here" in the vocabularies its file is coded in
    (`file_vocabularies`; both when unknown): a CAMEO-coded set judges no PLOVER types.
    """
    if record.scope is not None:
        return any(is_cameo_item(s) for s in record.scope), any(not is_cameo_item(s) for s in record.scope)
    if not record.events:
        return file_vocabularies or (True, True)
    return any(e.cameo for e in record.events), any(e.plover for e in record.events)


# ---------------------------------------------------------------- type detection


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """How one type vocabulary (CAMEO roots or PLOVER types) reads gold and predicted events."""

    name: str
    has: Callable[[GoldEvent], bool]
    primary: Callable[[GoldEvent], str]
    accepts: Callable[[GoldEvent], frozenset[str]]
    pred_type: Callable[[Pred], str | None]
    compatible: Callable[[GoldEvent, Pred], bool]


def _root_of(event: GoldEvent) -> str:
    return event.root or ""


CAMEO = Vocabulary(
    name="cameo",
    has=lambda e: bool(e.cameo),
    primary=_root_of,
    accepts=lambda e: e.roots,
    pred_type=pred_root,
    compatible=cameo_compatible,
)
PLOVER = Vocabulary(
    name="plover",
    has=lambda e: bool(e.plover),
    primary=lambda e: e.plover[0],
    accepts=lambda e: frozenset(e.plover),
    pred_type=pred_plover,
    compatible=plover_compatible,
)


def _other(vocab: Vocabulary) -> Vocabulary:
    return PLOVER if vocab is CAMEO else CAMEO


def type_detection(
    vocab: Vocabulary, golds: Sequence[GoldEvent], preds: Sequence[Pred]
) -> tuple[PRF, dict[str, PRF], list[str], list[str]]:
    """Micro counts over (document, type) pairs; also per type, and the missed and spurious types.

    A gold type is found when it is predicted, or when one of the type's gold events accepts a predicted
    type through `alt_cameo`; each predicted type finds at most one gold type (a maximum matching, the
    type itself first). A predicted type is a false positive when no gold event (required or
    optional) accepts it and it is not explained by a gold event of the other vocabulary.
    """
    own = [e for e in golds if vocab.has(e)]
    foreign = [e for e in golds if not vocab.has(e)]
    predicted = {t for t in (vocab.pred_type(p) for p in preds) if t}
    required = {vocab.primary(e) for e in own if not e.optional}
    accepted: set[str] = set()
    for e in own:
        accepted |= vocab.accepts(e)
    other = _other(vocab)
    excused = {vocab.pred_type(p) for p in preds if any(_other_ok(other, e, p) for e in foreign)}
    # Each predicted type confirms at most one gold type: itself first, else one whose event accepts it.
    gold_types = sorted(required)
    pred_types = sorted(predicted)
    cands: dict[int, list[int]] = {}
    for gi, gtype in enumerate(gold_types):
        acceptable: set[str] = set()
        for e in own:
            if vocab.primary(e) == gtype:
                acceptable |= vocab.accepts(e)
        direct = [pi for pi, t in enumerate(pred_types) if t == gtype]
        cands[gi] = direct + [pi for pi, t in enumerate(pred_types) if t != gtype and t in acceptable]
    taken: dict[int, int] = {}
    found: dict[int, int] = {}
    kuhn_matching(range(len(gold_types)), cands, taken, found)
    counts = PRF()
    per_type: dict[str, PRF] = {}
    missed: list[str] = []
    for gi, gtype in enumerate(gold_types):
        slot = per_type.setdefault(gtype, PRF())
        if gi in found:
            counts.tp += 1
            slot.tp += 1
        else:
            counts.fn += 1
            slot.fn += 1
            missed.append(gtype)
    spurious = sorted(t for t in predicted if t not in accepted and t not in excused)
    for ptype in spurious:
        counts.fp += 1
        per_type.setdefault(ptype, PRF()).fp += 1
    return counts, per_type, missed, spurious


def _other_ok(other: Vocabulary, event: GoldEvent, pred: Pred) -> bool:
    ptype = other.pred_type(pred)
    return ptype is not None and ptype in other.accepts(event)


# ---------------------------------------------------------------- triples


def triple_matching(vocab: Vocabulary, golds: Sequence[GoldEvent], preds: Sequence[Pred]) -> Matching:
    """Match on (source primary, type, target primary). Gold events of the other vocabulary act as optional."""
    other = _other(vocab)

    def compatible(gold: GoldEvent, pred: Pred) -> bool:
        return (vocab if vocab.has(gold) else other).compatible(gold, pred)

    required = [vocab.has(e) and not e.optional for e in golds]
    preference = cameo_preference if vocab is CAMEO else None
    return match_events(golds, preds, compatible, required, preference)


def _triple_counts(
    vocab: Vocabulary, golds: Sequence[GoldEvent], preds: Sequence[Pred], matching: Matching
) -> tuple[PRF, dict[str, PRF]]:
    counts = PRF(tp=len(matching.pairs), fp=len(matching.spurious), fn=len(matching.missed))
    per_type: dict[str, PRF] = {}
    for gi, _ in matching.pairs:
        per_type.setdefault(vocab.primary(golds[gi]), PRF()).tp += 1
    for gi in matching.missed:
        per_type.setdefault(vocab.primary(golds[gi]), PRF()).fn += 1
    for pi in matching.spurious:
        per_type.setdefault(vocab.pred_type(preds[pi]) or NONE, PRF()).fp += 1
    return counts, per_type


# ---------------------------------------------------------------- labels, misses, extras


def pred_label(pred: Pred) -> str:
    src = pred_actor_code(pred, "source") or "-"
    tgt = pred_actor_code(pred, "target") or "-"
    code = pred_code(pred) or "-"
    plover = pred_plover(pred)
    return f"{src} {code} {tgt}" + (f" ({plover})" if plover else "")


def _evidence(pred: Pred) -> str:
    ev = pred.get("evidence")
    return str(ev.get("text") or "") if isinstance(ev, dict) else ""


def _excerpt(text: str, limit: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def must_not_check(record: GoldRecord, preds: Sequence[Pred]) -> Ratio | None:
    """Of the `must_not_code` lines, how many no prediction's evidence came from."""
    if not record.must_not_code:
        return None
    evidences = [_norm(_evidence(p)) for p in preds]
    result = Ratio()
    for line in record.must_not_code:
        line_n = _norm(line)
        hit = any(ev and (line_n in ev or ev in line_n) for ev in evidences)
        result.count(not hit)
    return result


_WORD = re.compile(r"\w+")


def _overlap(a: str, b: str) -> bool:
    ta, tb = set(_WORD.findall(a.casefold())), set(_WORD.findall(b.casefold()))
    if not ta or not tb:
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.5


def quote_check(record: GoldRecord, preds: Sequence[Pred]) -> PRF | None:
    """Beyond the spec: do the predicted attributions name the speakers of the gold `quotes`?

    A gold quote is found when the text of some predicted attribution shares at least half of its words
    (of the shorter of the two) with the quote's source; a predicted attribution that matches no quote is a
    false positive. Every prediction of the document counts here, whatever the `scope`.
    """
    if record.quotes is None:
        return None
    sources = [str(q.get("source") or "") for q in record.quotes if isinstance(q, dict)]
    attributions: list[str] = []
    for pred in preds:
        attr = pred.get("attribution")
        text = attr.get("text") if isinstance(attr, dict) else None
        if text and text not in attributions:
            attributions.append(str(text))
    result = PRF()
    for source in sources:
        if any(_overlap(source, a) for a in attributions):
            result.tp += 1
        else:
            result.fn += 1
    result.fp = sum(1 for a in attributions if not any(_overlap(s, a) for s in sources))
    return result


def _confusion(
    golds: Sequence[GoldEvent], preds: Sequence[Pred], missed: list[str], spurious: list[str]
) -> Counter:
    """Gold root vs predicted root in one document; a gold root found is counted on the diagonal
    (or against the alternative root that found it); a missed root against each spurious root of the same
    document, or against "none"; a spurious root with nothing missed against "none"."""
    table: Counter = Counter()
    predicted = {t for t in (pred_root(p) for p in preds) if t}
    found = sorted({e.root for e in golds if e.cameo and not e.optional} - set(missed))
    for root in found:
        if root in predicted:
            table[(root, root)] += 1
            continue
        alts = sorted(
            set().union(*(e.roots & predicted for e in golds if e.cameo and e.root == root)) or {root}
        )
        table[(root, alts[0])] += 1
    for root in missed:
        for other in spurious or [NONE]:
            table[(root, other)] += 1
    if not missed:
        for other in spurious:
            table[(NONE, other)] += 1
    return table


# ---------------------------------------------------------------- one document


def file_vocabularies(records: Sequence[GoldRecord]) -> tuple[bool, bool]:
    """(CAMEO, PLOVER): which vocabularies the records of one gold file are coded in."""
    cameo = plover = False
    for record in records:
        if record.scope is not None or record.events:
            c, p = judged_vocabularies(record)
            cameo, plover = cameo or c, plover or p
    return (cameo, plover) if cameo or plover else (True, True)


def score_doc(
    record: GoldRecord, preds: Sequence[Pred], file_vocab: tuple[bool, bool] | None = None
) -> DocScore:
    """Every count for one gold document and the events predicted for it."""
    live = [p for p in preds if not p.get("negated")]
    score = DocScore(
        record_id=record.id,
        file=record.file,
        set_name=record.set_name,
        lang=record.lang,
        predicted=len(live),
        negated_ignored=len(preds) - len(live),
    )
    golds = [e for e in record.events if gold_in_scope(e, record.scope)]
    scoped = [p for p in live if pred_in_scope(p, record.scope)]
    cameo_judged, plover_judged = judged_vocabularies(record, file_vocab)
    field_source: tuple[Vocabulary, Matching] | None = None
    for vocab, judged, type_key, triple_key in (
        (CAMEO, cameo_judged, "type_cameo", "triples"),
        (PLOVER, plover_judged, "type_plover", "plover_triples"),
    ):
        if not judged:
            continue
        counts, per_type, missed_types, spurious_types = type_detection(vocab, golds, scoped)
        score.prf[type_key] = counts
        score.by_type[type_key] = per_type
        if vocab is CAMEO:
            score.confusion = _confusion(golds, scoped, missed_types, spurious_types)
        matching = triple_matching(vocab, golds, scoped)
        score.prf[triple_key], score.by_type[triple_key] = _triple_counts(vocab, golds, scoped, matching)
        score.duplicates[triple_key] = len(matching.duplicates)
        if field_source is None:
            field_source = (vocab, matching)
            score.misses = _misses(record, triple_key, golds, scoped, matching)
    if field_source is not None:
        _, matching = field_source
        for name, check in FIELD_CHECKS.items():
            ratio = Ratio()
            for gi, pi in matching.pairs:
                ok = check(golds[gi], scoped[pi])
                if ok is not None:
                    ratio.count(ok)
            score.accuracy[name] = ratio
    score.must_not = must_not_check(record, live)
    score.quotes = quote_check(record, live)
    return score


def _misses(
    record: GoldRecord, metric: str, golds: Sequence[GoldEvent], preds: Sequence[Pred], matching: Matching
) -> list[Miss]:
    if not matching.missed:
        return []
    predicted = [{"event": pred_label(p), "evidence": _excerpt(_evidence(p), 200)} for p in preds]
    return [
        Miss(
            record_id=record.id,
            file=record.file,
            lang=record.lang,
            metric=metric,
            gold=golds[gi].label(),
            note=golds[gi].note,
            text=_excerpt(record.text),
            predicted=predicted,
            confused=bool(matching.spurious),
        )
        for gi in matching.missed
    ]
