"""Learn the confidence calibration from the dev sets; write src/casus/data/calibration/confidence.json.

    .venv/bin/python bench/calibrate.py [--folds 5] [--l2 1.0] [--dry-run] [--out PATH]

Runs the pipeline over every dev set under the shared folder (../shared/eval/dev/*.jsonl, or $CASUS_SHARED;
quotes-cs-ru is left out: it judges quotes, not events) and labels each predicted, non-negated, in-scope
event 1 when the scorer's triple matching pairs it with a gold event, else 0 (casus.evaluate.labels; events
matched to optional gold events are left out). The features are those of casus.coding.calibration; the rule
reliability is target-encoded out of fold, so a rule's own events never vouch for it.

A logistic regression (L2, Newton steps, in pure Python: no numpy needed) is cross-validated by source
document: the records of one `group` never sit in both the training and the test folds. The held-out
(out-of-fold) predictions give the honest figures: Brier score, expected calibration error (10 bins), log
loss, ROC AUC, and precision at confidence >= 0.3/0.5/0.7/0.9 per set, beside the same figures for the old
rule-based formula. The final model is fitted on all events. Prints one JSON object (the held-out report);
the data file keeps counts per rule and root and the coefficients, never gold text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import math
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casus.coding import calibration as cal
from casus.evaluate import floors as fl
from casus.evaluate.by_confidence import THRESHOLDS  # the thresholds casus evaluate reports
from casus.evaluate.gold import read_gold
from casus.evaluate.labels import prediction_labels
from casus.evaluate.runner import PipelinePredictor, _doc_from_gold
from casus.evaluate.score import file_vocabularies
from casus.options import Options

SKIP_SETS = ("quotes-cs-ru",)
RULE_STRENGTH, ROOT_STRENGTH = 5.0, 20.0
LABEL = "triple match"
LABEL_DEFINITION = (
    "1 when the scorer's triple matching (casus.evaluate.score.triple_matching: source primary, type, target "
    "primary; CAMEO triples where the gold document is judged in CAMEO, PLOVER triples where in PLOVER) "
    "pairs the predicted event with a required gold event, 0 when it is a false positive; negated, "
    "out-of-scope events and those matched to optional gold events are not labelled"
)


# ------------------------------------------------------------------------------------------- the events


def collect(paths: list[Path]) -> list[dict[str, Any]]:
    """One row per labelled predicted event: its set, group, rule, root, features and labels."""
    predictor = PipelinePredictor(Options())
    logging.getLogger("casus.pipeline").setLevel(logging.CRITICAL)
    rows: list[dict[str, Any]] = []
    for path in paths:
        records = read_gold(path, None, [])
        vocab = file_vocabularies(records)
        for record in records:
            pipeline = predictor.pipeline_for(record.lang)
            try:
                doc = pipeline.run(_doc_from_gold(record, pipeline.opts))
            except Exception:  # a rejected record has no predictions to label
                continue
            preds = [ev.to_record() for ev in doc.events]
            labels = prediction_labels(record, preds, vocab)
            counts = cal.sentence_counts(doc.events)
            for ev, label in zip(doc.events, labels, strict=True):
                if label.triple is None:
                    continue
                rows.append(
                    {
                        "set": record.set_name or fl.set_name(path),
                        "group": str(record.raw.get("group") or record.id),
                        "lang": (ev.lang or doc.lang or "").split("-")[0],
                        "rule": cal.rule_key(ev.rule),
                        "root": cal.event_root(ev),
                        "feats": cal.features(ev, doc, counts),
                        "y": label.triple,
                        "y_type": label.type,
                        "formula": float(ev.cues.get(cal.FORMULA_CUE, ev.confidence)),
                    }
                )
    return rows


def fold_of(row: dict[str, Any], folds: int, salt: str = "") -> int:
    key = f"{salt}|{row['set']}|{row['group']}".encode()
    return int(hashlib.sha1(key).hexdigest(), 16) % folds


# ------------------------------------------------------------------------------------------- the model


def stats_of(rows: list[dict[str, Any]]) -> cal.RuleStats:
    return cal.RuleStats.count([(r["rule"], r["root"], r["y"]) for r in rows], RULE_STRENGTH, ROOT_STRENGTH)


def oof_reliability(rows: list[dict[str, Any]], folds: int) -> list[float]:
    """Each training row's rule reliability from the other (inner, by document) folds only."""
    inner = [fold_of(r, folds, "inner") for r in rows]
    out = [0.0] * len(rows)
    for k in range(folds):
        stats = stats_of([r for r, f in zip(rows, inner, strict=True) if f != k])
        for i, r in enumerate(rows):
            if inner[i] == k:
                out[i] = cal.logit(stats.reliability(r["rule"], r["root"]))
    return out


def feature_names(rows: list[dict[str, Any]], langs: list[str]) -> list[str]:
    base = sorted(rows[0]["feats"])
    return ["rule_reliability", *base, *(f"lang={lang}" for lang in langs[1:])]


Row = list[tuple[int, float]]  # a sparse feature row: (column, value) for the non-zero features


def design(rows: list[dict[str, Any]], names: list[str], reliability: list[float]) -> list[Row]:
    """Sparse rows; column 0 is the intercept, column j + 1 the feature names[j]."""
    out: list[Row] = []
    for i, r in enumerate(rows):
        vals = dict(r["feats"])
        vals["rule_reliability"] = reliability[i]
        vals[f"lang={r['lang']}"] = 1.0
        row = [(0, 1.0)]
        row.extend((j + 1, float(vals[n])) for j, n in enumerate(names) if vals.get(n))
        out.append(row)
    return out


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """a x = b by Gaussian elimination with partial pivoting (a is small and positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            if f:
                for c in range(col, n + 1):
                    m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def fit_logistic(x: list[Row], y: list[int], d: int, l2: float, iters: int = 50) -> list[float]:
    """L2-penalised logistic regression by Newton's method, in pure Python (the intercept, weight 0, is
    not penalised). Returns d + 1 weights."""
    w = [0.0] * (d + 1)
    for _ in range(iters):
        grad = [l2 * wj for wj in w]
        grad[0] = 0.0
        hess = [[0.0] * (d + 1) for _ in range(d + 1)]
        for j in range(1, d + 1):
            hess[j][j] = l2 + 1e-9
        hess[0][0] = 1e-9
        for row, yi in zip(x, y, strict=True):
            p = cal.sigmoid(sum(w[j] * v for j, v in row))
            g, h = p - yi, p * (1 - p)
            for j, v in row:
                grad[j] += g * v
                hj = hess[j]
                for k, u in row:
                    hj[k] += h * v * u
        step = solve(hess, grad)
        w = [wj - sj for wj, sj in zip(w, step, strict=True)]
        if max(abs(sj) for sj in step) < 1e-8:
            break
    return w


# A mood that says the event may not have happened never raises its confidence above the same event asserted.
# The dev sets hold few such events (about 40 hypothetical ones), too few to overrule that; where the fit gives
# one of these a positive weight, the feature is left out (weight 0) and the rest refitted.
NOT_ABOVE_ZERO = frozenset(
    {
        "modality=hypothetical",
        "modality=intended",
        "modality=denied",
        "modality=question",
        "modality=unconfirmed",
    }
)


def fit_constrained(x: list[Row], y: list[int], names: list[str], l2: float) -> list[float]:
    """fit_logistic, refitted without any NOT_ABOVE_ZERO feature that came out positive."""
    dropped: set[int] = set()
    while True:
        w = fit_logistic(x, y, len(names), l2)
        wrong = {j + 1 for j, n in enumerate(names) if n in NOT_ABOVE_ZERO and w[j + 1] > 0} - dropped
        if not wrong:
            return w
        dropped |= wrong
        x = [[(j, v) for j, v in row if j not in dropped] for row in x]


def train(rows: list[dict[str, Any]], folds: int, l2: float) -> dict[str, Any]:
    """The model fitted on `rows`, as the data file's `model` block."""
    langs = sorted(
        Counter(r["lang"] for r in rows), key=lambda lang: (-sum(r["lang"] == lang for r in rows), lang)
    )
    names = feature_names(rows, langs)
    x = design(rows, names, oof_reliability(rows, folds))
    w = fit_constrained(x, [r["y"] for r in rows], names, l2)
    intercept, coef = w[0], w[1:]
    # the first (most frequent) language is the reference level: its dummy is folded into the intercept
    coef_map = {n: round(float(c), 6) for n, c in zip(names, coef, strict=True)}
    coef_map[f"lang={langs[0]}"] = 0.0
    shares = Counter(r["lang"] for r in rows)
    return {
        "intercept": round(intercept, 6),
        "coef": coef_map,
        "langs": {lang: round(shares[lang] / len(rows), 6) for lang in langs},
        "rule_stats": stats_of(rows).to_dict(),
    }


def predict(model: dict[str, Any], rows: list[dict[str, Any]]) -> list[float]:
    calibrator = cal.Calibrator.from_dict({"model": model, "meta": {}})
    out = []
    for r in rows:
        vals = dict(r["feats"])
        vals["rule_reliability"] = cal.logit(calibrator.stats.reliability(r["rule"], r["root"]))
        for lang, share in calibrator.langs.items():
            vals[f"lang={lang}"] = (
                (1.0 if r["lang"] == lang else 0.0) if r["lang"] in calibrator.langs else share
            )
        z = calibrator.intercept + sum(w * vals.get(n, 0.0) for n, w in calibrator.coef.items())
        out.append(cal.sigmoid(z))
    return out


# ------------------------------------------------------------------------------------------- the figures


def auc(p: list[float], y: list[int]) -> float | None:
    pos = [a for a, b in zip(p, y, strict=True) if b]
    neg = [a for a, b in zip(p, y, strict=True) if not b]
    if not pos or not neg:
        return None
    order = sorted(range(len(p)), key=lambda i: p[i])
    ranks = [0.0] * len(p)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and p[order[j + 1]] == p[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    rank_pos = sum(r for r, b in zip(ranks, y, strict=True) if b)
    return (rank_pos - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def figures(p: list[float], y: list[int]) -> dict[str, Any]:
    n = len(p)
    if not n:
        return {"events": 0}
    brier = sum((a - b) ** 2 for a, b in zip(p, y, strict=True)) / n
    logloss = -sum(math.log(min(max(a if b else 1 - a, 1e-9), 1.0)) for a, b in zip(p, y, strict=True)) / n
    ece = 0.0
    for b in range(10):
        lo, hi = b / 10, (b + 1) / 10
        idx = [i for i in range(n) if lo <= p[i] < hi or (b == 9 and p[i] == 1.0)]
        if idx:
            ece += len(idx) / n * abs(sum(p[i] for i in idx) / len(idx) - sum(y[i] for i in idx) / len(idx))
    right = sum(y)
    at: dict[str, Any] = {}
    for t in THRESHOLDS:
        kept = [i for i in range(n) if p[i] >= t]
        k_right = sum(y[i] for i in kept)
        at[f">={t}"] = {
            "kept": len(kept),
            "precision": round(k_right / len(kept), 4) if kept else None,
            "right_kept": round(k_right / right, 4) if right else None,
        }
    a = auc(p, y)
    return {
        "events": n,
        "right": right,
        "precision_all": round(right / n, 4),
        "mean_confidence": round(sum(p) / n, 4),
        "brier": round(brier, 4),
        "ece": round(ece, 4),
        "log_loss": round(logloss, 4),
        "auc": round(a, 4) if a is not None else None,
        "at": at,
    }


def report(rows: list[dict[str, Any]], probs: list[float]) -> dict[str, Any]:
    out: dict[str, Any] = {"overall": figures(probs, [r["y"] for r in rows])}
    for name in sorted({r["set"] for r in rows}):
        idx = [i for i, r in enumerate(rows) if r["set"] == name]
        out[name] = figures([probs[i] for i in idx], [rows[i]["y"] for i in idx])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--out", type=Path, default=cal.CALIBRATION_PATH)
    parser.add_argument("--dry-run", action="store_true", help="print the report, write no file")
    parser.add_argument(
        "--markdown", action="store_true", help="print the held-out table of docs/confidence.md, not JSON"
    )
    args = parser.parse_args(argv)

    paths = [p for p in fl.default_gold_paths() if "/dev/" in str(p) and fl.set_name(p) not in SKIP_SETS]
    if not paths:
        print(f"calibrate: no dev sets under {fl.shared_dir()} (set CASUS_SHARED)", file=sys.stderr)
        return 2
    rows = collect(paths)
    folds = [fold_of(r, args.folds) for r in rows]
    heldout = [0.0] * len(rows)
    for k in range(args.folds):
        train_rows = [r for r, f in zip(rows, folds, strict=True) if f != k]
        test_idx = [i for i, f in enumerate(folds) if f == k]
        model = train(train_rows, args.folds, args.l2)
        for i, p in zip(test_idx, predict(model, [rows[i] for i in test_idx]), strict=True):
            heldout[i] = p
    calibrated = report(rows, heldout)
    formula = report(rows, [r["formula"] for r in rows])
    type_rows = [i for i, r in enumerate(rows) if r["y_type"] is not None]
    type_check = figures([heldout[i] for i in type_rows], [rows[i]["y_type"] for i in type_rows])
    final = train(rows, args.folds, args.l2)
    meta = {
        "what": "casus event confidence calibration: a logistic regression over event features "
        "(casus.coding.calibration); confidence = sigmoid(intercept + sum(coef * feature))",
        "label": LABEL,
        "label_definition": LABEL_DEFINITION,
        "coder": "lexicon",
        "trained_on": {
            "sets": sorted({r["set"] for r in rows}),
            "files": [fl.relative_to_shared(p) for p in paths],
            "events": len(rows),
            "right": sum(r["y"] for r in rows),
            "documents": len({(r["set"], r["group"]) for r in rows}),
            "per_set_events": dict(sorted(Counter(r["set"] for r in rows).items())),
        },
        "date": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": fl.git_commit(),
        "method": {
            "cross_validation": f"{args.folds} folds by source document (the gold `group`)",
            "l2": args.l2,
            "rule_reliability": f"right/seen per rule, smoothed towards its CAMEO root (strength "
            f"{RULE_STRENGTH}) and the root towards the overall rate (strength {ROOT_STRENGTH}); "
            "out-of-fold for the training rows; a rule not seen takes its root's rate",
            "unseen_language": "the language dummies take the training shares of each language",
        },
        "heldout": calibrated,
        "heldout_formula": formula,
        "heldout_vs_type_match": type_check,
        "written_by": "bench/calibrate.py",
    }
    out = {"meta": meta, "model": final}
    if not args.dry_run:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.markdown:
        print(markdown_table(meta))
    else:
        print(
            json.dumps(
                {"bench": "calibrate", "out": None if args.dry_run else str(args.out), **meta}, indent=2
            )
        )
    return 0


def _pair(model: float | None, formula: float | None, digits: int) -> str:
    def fmt(x: float | None) -> str:
        return "–" if x is None else f"{x:.{digits}f}"

    return f"{fmt(model)} ({fmt(formula)})"


def markdown_table(meta: dict[str, Any]) -> str:
    """The held-out table of docs/confidence.md: per set, the calibrated model's figures and, in brackets,
    the old formula's; P@>=t with the number of events kept."""
    calibrated, formula = meta["heldout"], meta["heldout_formula"]
    lines = [
        f"Held out ({meta['method']['cross_validation']}; {meta['trained_on']['events']} labelled events, "
        f"commit {meta['commit']}, {meta['date'][:10]}):",
        "",
        "| set | events | right | Brier (formula) | ECE (formula) | AUC (formula) | P@>=0.5 (kept) "
        "| P@>=0.7 (kept) | P@>=0.9 (kept) |",
        "|---|---:|---:|---|---|---|---|---|---|",
    ]
    for name, fig in calibrated.items():
        old = formula[name]
        cells = [
            name,
            str(fig["events"]),
            f"{fig['precision_all']:.2f}",
            _pair(fig["brier"], old["brier"], 3),
            _pair(fig["ece"], old["ece"], 3),
            _pair(fig["auc"], old["auc"], 2),
        ]
        for t in (">=0.5", ">=0.7", ">=0.9"):
            at = fig["at"][t]
            precision = "–" if at["precision"] is None else f"{at['precision']:.2f}"
            cells.append(f"{precision} ({at['kept']})")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
