"""Matching predicted events to gold events inside one document.

A prediction is an event record (shared/spec/event-record.md) as a dict. Actors are compared by their
*primary*: the country (first three letters of the code) or, for an organisation, the whole `IGO...` /
`NGO...` code. A gold actor left out, or given as `---ROLE` (no known country), is not judged.

Matching is a maximum bipartite matching (augmenting paths, Kuhn's algorithm) in two phases: first the
required gold events (so that as many as possible are found), then the optional ones, whose augmenting paths
may move a required event to another of its candidates but never unmatch it (a prediction that matches an
optional event is neither rewarded nor punished). Each gold event
matches at most one prediction and each prediction at most one gold event; candidates are tried in order of
specificity (exact code, then the gold root, then an alternative's root), so ties go to the closest code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from casus.doc import code_primary
from casus.evaluate.gold import GoldEvent, Values

Pred = dict[str, Any]


def actor_primary(code: str | None) -> str | None:
    """`RUSGOV` -> `RUS`; `IGOWSTNAT` -> `IGOWSTNAT`; `---REB` and empty -> None (no known primary)."""
    if not code:
        return None
    return code_primary(str(code).strip().upper())


def gold_actor_primaries(values: Values) -> frozenset[str] | None:
    """The acceptable primaries of a gold actor field; None when the field is not judged.

    A list that holds a `---ROLE` member accepts an actor of unknown country, so it is not judged either.
    """
    if not values:
        return None
    prims: set[str] = set()
    for value in values:
        prim = actor_primary(str(value))
        if prim is None:
            return None
        prims.add(prim)
    return frozenset(prims)


def pred_actor_code(pred: Pred, key: str) -> str | None:
    """The code of a predicted actor (`source`, `target`, `attribution`), as a dict with `code` or a string."""
    actor = pred.get(key)
    if isinstance(actor, dict):
        code = actor.get("code")
        return str(code) if code else None
    if isinstance(actor, str):
        return actor or None
    return None


def pred_code(pred: Pred) -> str:
    code = pred.get("cameo")
    return str(code).strip() if code else ""


def pred_root(pred: Pred) -> str | None:
    code = pred_code(pred)
    return code[:2] if len(code) >= 2 else None


def pred_plover(pred: Pred) -> str | None:
    plover = pred.get("plover")
    return str(plover).strip().upper() if plover else None


def actors_match(gold: GoldEvent, pred: Pred) -> bool:
    """Every judged gold actor (source, target) matches the predicted actor's primary."""
    for key, values in (("source", gold.source), ("target", gold.target)):
        prims = gold_actor_primaries(values)
        if prims is None:
            continue
        if actor_primary(pred_actor_code(pred, key)) not in prims:
            return False
    return True


def cameo_compatible(gold: GoldEvent, pred: Pred) -> bool:
    """The prediction's root is the gold root (or an alternative's root) and every judged actor matches."""
    root = pred_root(pred)
    return root is not None and root in gold.roots and actors_match(gold, pred)


def plover_compatible(gold: GoldEvent, pred: Pred) -> bool:
    """The prediction's PLOVER type is one the gold gives and every judged actor matches."""
    plover = pred_plover(pred)
    return plover is not None and plover in gold.plover and actors_match(gold, pred)


def cameo_preference(gold: GoldEvent, pred: Pred) -> int:
    """Higher is closer: the exact code or a more specific one, then the gold root, then an alternative."""
    code = pred_code(pred)
    if gold.cameo and code.startswith(gold.cameo):
        return 3
    if any(code.startswith(alt) for alt in gold.alt_cameo if len(alt) > 2):
        return 2
    return 1 if gold.root and code[:2] == gold.root else 0


@dataclass(slots=True)
class Matching:
    """The result of matching one document: index pairs, and what is left on each side."""

    pairs: list[tuple[int, int]] = field(default_factory=list)  # (gold index, pred index), required gold
    excused: list[tuple[int, int]] = field(default_factory=list)  # (gold index, pred index), optional gold
    missed: list[int] = field(default_factory=list)  # required gold indexes left unmatched
    spurious: list[int] = field(default_factory=list)  # pred indexes matched to nothing: false positives
    duplicates: list[int] = field(default_factory=list)  # the spurious ones that restate a matched gold event


def kuhn_matching(
    golds: Sequence[int], cands: dict[int, list[int]], pred_taken: dict[int, int], gold_of: dict[int, int]
) -> None:
    """Augmenting-path maximum matching of `golds` onto predictions; updates `pred_taken` (pred -> gold)."""

    def augment(g: int, seen: set[int]) -> bool:
        for p in cands.get(g, []):
            if p in seen:
                continue
            seen.add(p)
            if p not in pred_taken or augment(pred_taken[p], seen):
                pred_taken[p] = g
                gold_of[g] = p
                return True
        return False

    # Gold events with fewer candidates first: they have the least room to manoeuvre.
    for g in sorted(golds, key=lambda i: (len(cands.get(i, [])), i)):
        augment(g, set())


def match_events(
    golds: Sequence[GoldEvent],
    preds: Sequence[Pred],
    compatible: Callable[[GoldEvent, Pred], bool],
    required: Sequence[bool],
    preference: Callable[[GoldEvent, Pred], int] | None = None,
) -> Matching:
    """Match predictions to gold events. `required[i]` False makes gold event i optional."""
    cands: dict[int, list[int]] = {}
    for gi, gold in enumerate(golds):
        found = [pi for pi, pred in enumerate(preds) if compatible(gold, pred)]
        if preference is not None:
            found.sort(key=lambda pi, gold=gold: (-preference(gold, preds[pi]), pi))
        cands[gi] = found
    req = [gi for gi in range(len(golds)) if required[gi]]
    opt = [gi for gi in range(len(golds)) if not required[gi]]
    pred_taken: dict[int, int] = {}
    gold_of: dict[int, int] = {}
    kuhn_matching(req, cands, pred_taken, gold_of)
    # Phase 2: optional events take the predictions left over. An augmenting path may move a required event
    # to another of its candidates but never leaves it unmatched, so the required matches stay maximal.
    kuhn_matching(opt, cands, pred_taken, gold_of)
    is_required = set(req)
    result = Matching()
    result.pairs = sorted((g, p) for p, g in pred_taken.items() if g in is_required)
    result.excused = sorted((g, p) for p, g in pred_taken.items() if g not in is_required)
    result.missed = [gi for gi in req if gi not in gold_of]
    matched_gold = {g for g, _ in result.pairs}
    for pi in range(len(preds)):
        if pi in pred_taken:
            continue
        result.spurious.append(pi)
        if any(pi in cands[g] for g in matched_gold):
            result.duplicates.append(pi)
    return result
