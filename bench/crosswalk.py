"""Do the es-afp-plover annotators follow the published CAMEO -> PLOVER crosswalk? Prints one JSON object.

    .venv/bin/python bench/crosswalk.py [--no-casus]

es-afp-cameo and es-afp-plover (../shared/eval/dev/) label sentences of the same AFP Spanish wire, from the
same annotation project: one with CAMEO codes, the other with PLOVER types. For every sentence in both, each
gold CAMEO code is paired with the gold PLOVER types of that sentence, and checked against casus's crosswalk
(`casus.ontology.plover_of`, i.e. CAMEO2PLOVER 2021 and the PLOVER manual):

- `cameo_gold_through_crosswalk`: the CAMEO gold itself, turned into PLOVER types by the crosswalk and
  scored against the PLOVER gold of the same sentences, type detection as `casus evaluate` does it: the
  precision a perfect CAMEO coder that follows the published crosswalk would reach on this set.
- `agreement`: the share of (sentence, CAMEO code) pairs whose crosswalk type is among the sentence's gold
  PLOVER types, overall and per 3-digit code of root 14 (protest), where the sets disagree most.
- `annotators_mapping`: the PLOVER type the annotators chose most often for each 3-digit code (two or more
  sentences), where it differs from the crosswalk.
- `casus` (unless --no-casus): casus's es-afp-plover type precision/recall as scored, and again with its
  CAMEO codes turned into PLOVER types by `annotators_mapping` instead of the crosswalk. This measures how
  much of the set's low precision is the annotators' convention, not casus's event detection.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from casus.evaluate.gold import read_gold
from casus.ontology import is_valid, plover_of

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("CASUS_SHARED", REPO.parent / "shared")).resolve()
CAMEO_SET = SHARED / "eval" / "dev" / "es-afp-cameo.jsonl"
PLOVER_SET = SHARED / "eval" / "dev" / "es-afp-plover.jsonl"


def _code3(cameo: str) -> str:
    return cameo[:3] if len(cameo) >= 3 else cameo


def compare(cameo_records: list[Any], plover_records: list[Any]) -> dict[str, Any]:
    plover_by_text = {r.text: {t for e in r.events for t in (e.plover or [])} for r in plover_records}
    pairs: dict[str, Counter[str]] = defaultdict(Counter)
    agree = total = shared = 0
    oracle: Counter[str] = Counter()
    for rec in cameo_records:
        gold_types = plover_by_text.get(rec.text)
        if gold_types is None:
            continue
        shared += 1
        # the oracle: the CAMEO gold itself, through the crosswalk, scored as a prediction of the PLOVER gold
        mapped = {plover_of(_code3(e.cameo)) for e in rec.events if e.cameo and is_valid(_code3(e.cameo))}
        mapped.discard(None)
        oracle["tp"] += len(mapped & gold_types)
        oracle["fp"] += len(mapped - gold_types)
        oracle["fn"] += len(gold_types - mapped)
        for ev in rec.events:
            if not ev.cameo or not is_valid(_code3(ev.cameo)):
                continue
            for c3 in (_code3(ev.cameo),):
                total += 1
                agree += plover_of(c3) in gold_types
                for t in gold_types:
                    pairs[c3][t] += 1
                if not gold_types:
                    pairs[c3]["(none)"] += 1
    root14 = {
        c3: {"crosswalk": plover_of(c3), "gold": dict(cnt.most_common())}
        for c3, cnt in sorted(pairs.items())
        if c3.startswith("14")
    }
    mapping = {}
    for c3, cnt in sorted(pairs.items()):
        best, n = cnt.most_common(1)[0]
        if n >= 2 and best != plover_of(c3) and best != "(none)":
            mapping[c3] = best
    return {
        "shared_sentences": shared,
        "cameo_gold_through_crosswalk": _prf(oracle),
        "code_pairs": total,
        "agreement": round(agree / total, 3) if total else None,
        "root14": root14,
        "annotators_mapping": mapping,
    }


def casus_scores(plover_records: list[Any], mapping: dict[str, str]) -> dict[str, Any]:
    from casus.evaluate.runner import PipelinePredictor

    predict = PipelinePredictor()
    counts = {"crosswalk": Counter(), "annotators_mapping": Counter()}
    for rec in plover_records:
        gold = {t for e in rec.events for t in (e.plover or [])}
        events = predict(rec)
        for name in counts:
            if name == "crosswalk":
                pred = {e.get("plover") for e in events if e.get("plover")}
            else:
                pred = {mapping.get(_code3(e.get("cameo") or ""), e.get("plover")) for e in events}
                pred.discard(None)
            counts[name]["tp"] += len(pred & gold)
            counts[name]["fp"] += len(pred - gold)
            counts[name]["fn"] += len(gold - pred)
    return {name: _prf(c) for name, c in counts.items()}


def _prf(c: Counter[str]) -> dict[str, Any]:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3), **c}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-casus", action="store_true", help="only compare the two gold files")
    args = ap.parse_args(argv)
    for path in (CAMEO_SET, PLOVER_SET):
        if not path.exists():
            print(f"crosswalk: {path}: not found (set CASUS_SHARED to the shared folder)", file=sys.stderr)
            return 2
    cameo_records = list(read_gold(CAMEO_SET))
    plover_records = list(read_gold(PLOVER_SET))
    out: dict[str, Any] = {"bench": "crosswalk", **compare(cameo_records, plover_records)}
    if not args.no_casus:
        out["casus"] = casus_scores(plover_records, out["annotators_mapping"])
    print(json.dumps(out, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
