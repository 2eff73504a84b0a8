"""Labels for the confidence calibration, precision and recall by confidence, `--min-confidence` in
`casus evaluate` and bench/accuracy.py, and bench/calibrate.py's held-out report."""

from __future__ import annotations

import json
from pathlib import Path

from casus.evaluate.by_confidence import THRESHOLDS, score_thresholds
from casus.evaluate.labels import prediction_labels
from casus.evaluate.runner import FilePredictor, evaluate_files
from test_evaluate_bench import run_script
from test_evaluate_runner import run_evaluate, write_jsonl
from test_evaluate_score import gold, pred

GOLD = [
    {
        "id": "en-1",
        "lang": "en",
        "text": "Militants attacked an army convoy in northern Mali and the government condemned it.",
        "published": "2024-06-20",
        "scope": None,
        "events": [
            {"source": "---REB", "cameo": "190", "target": "MLIMIL"},
            {"source": "MLIGOV", "cameo": "111", "target": None},
        ],
    },
    {
        "id": "en-2",
        "lang": "en",
        "text": "The finance minister presented next year's budget to parliament.",
        "published": "2024-06-21",
        "scope": None,
        "events": [],
    },
]
PREDICTIONS = [
    {"doc_id": "en-1", "cameo": "190", "target": {"code": "MLIMIL"}, "confidence": 0.82},
    {"doc_id": "en-1", "cameo": "111", "source": {"code": "MLIGOV"}, "confidence": 0.55},
    {"doc_id": "en-2", "cameo": "112", "source": {"code": "MLIGOV"}, "confidence": 0.35},
]


def test_evaluate_labels_follow_the_triple_matching():
    g = gold(
        [
            {"source": "COLREB", "cameo": "190", "target": "COLCOP"},
            {"source": "COL", "cameo": "057", "target": "VEN", "optional": True},
        ]
    )
    preds = [
        pred("193", "COL", "COLMIL"),  # right: root and both primaries
        pred("190", "VEN", "COLCOP"),  # wrong source: a false positive
        pred("057", "COL", "VEN"),  # matches an optional event: not judged
        pred("190", "COL", "COL", negated=True),  # negated: not an event
        pred("120", "COL", "VEN"),  # a spurious root
    ]
    labels = prediction_labels(g, preds)
    assert [lab.triple for lab in labels] == [1, 0, None, None, 0]
    assert [lab.type for lab in labels] == [1, 1, None, None, 0]
    assert labels[0].vocabulary == "cameo"


def test_evaluate_labels_plover_documents_use_plover_triples():
    g = gold([{"source": "EGY", "plover": "PROTEST", "target": None}])
    labels = prediction_labels(
        g, [pred("141", "EGY", plover="PROTEST"), pred("141", "SYR", plover="PROTEST")]
    )
    assert [(lab.triple, lab.vocabulary) for lab in labels] == [(1, "plover"), (0, "plover")]


def test_evaluate_thresholds_drop_low_confidence_predictions():
    g = gold([{"source": "COLREB", "cameo": "190", "target": "COLCOP"}])
    preds = [pred("190", "COL", "COLCOP", confidence=0.8), pred("120", "COL", confidence=0.4)]
    by_t = score_thresholds(g, preds, None)
    assert set(by_t) == set(THRESHOLDS)
    t03, t05, t09 = by_t[0.3]["triples"], by_t[0.5]["triples"], by_t[0.9]["triples"]
    assert (t03.tp, t03.fp, t03.fn) == (1, 1, 0)
    assert (t05.tp, t05.fp, t05.fn) == (1, 0, 0)
    assert (t09.tp, t09.fp, t09.fn) == (0, 0, 1)


def test_evaluate_by_confidence_in_json_and_tables(tmp_path: Path, capsys):
    gold_file = write_jsonl(tmp_path / "hand-gold.jsonl", GOLD)
    preds_file = write_jsonl(tmp_path / "preds.jsonl", PREDICTIONS)
    assert run_evaluate([str(gold_file), "--predictions", str(preds_file), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    table = out["by_confidence"]["overall"]
    assert table[">=0.3"]["triples"]["kept"] == 3 and table[">=0.3"]["triples"]["precision"] == 0.6667
    assert table[">=0.5"]["triples"] == {**table[">=0.5"]["triples"], "kept": 2, "tp": 2, "fp": 0}
    assert table[">=0.7"]["triples"]["precision"] == 1.0 and table[">=0.7"]["triples"]["recall"] == 0.5
    assert table[">=0.9"]["triples"]["kept"] == 0
    assert str(gold_file) in out["by_confidence"]["per_file"]
    assert run_evaluate([str(gold_file), "--predictions", str(preds_file), "--misses", "0"]) == 0
    assert "by confidence" in capsys.readouterr().out


def test_evaluate_min_confidence_filters_predictions(tmp_path: Path, capsys):
    gold_file = write_jsonl(tmp_path / "hand-gold.jsonl", GOLD)
    preds_file = write_jsonl(tmp_path / "preds.jsonl", PREDICTIONS)
    every = evaluate_files([gold_file], FilePredictor(preds_file)).overall()
    high = evaluate_files([gold_file], FilePredictor(preds_file, 0.7)).overall()
    assert (every.predicted, high.predicted) == (3, 1)
    assert high.prf["triples"].precision == 1.0
    argv = [str(gold_file), "--predictions", str(preds_file), "--json", "--min-confidence", "0.5"]
    assert run_evaluate(argv) == 0
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert overall["predicted_events"] == 2
    assert run_evaluate([str(gold_file), "--check-floors", "--min-confidence", "0.5"]) == 2


def test_evaluate_model_input_is_all_right_with_no_threshold(shared_dir: Path, capsys):
    gold_file = shared_dir / "examples" / "nato-dprk-troops.it.gold.jsonl"
    assert run_evaluate([str(gold_file), "--json", "--misses", "0"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["overall"]["triples"]["f1"] == 1.0  # every event is still emitted: only its confidence changed
    assert out["by_confidence"]["overall"][">=0.3"]["triples"]["kept"] >= 1


def test_evaluate_bench_accuracy_reports_by_confidence(shared_dir: Path):
    result = run_script("accuracy.py", "--limit", "20", shared=shared_dir)
    table = result["sets"]["es-afp-cameo"]["by_confidence"]
    assert set(table) == {">=0.3", ">=0.5", ">=0.7", ">=0.9"}
    limited = run_script("accuracy.py", "--limit", "20", "--min-confidence", "0.5", shared=shared_dir)
    assert limited["min_confidence"] == 0.5
    assert (
        limited["sets"]["es-afp-cameo"]["predicted_events"]
        <= result["sets"]["es-afp-cameo"]["predicted_events"]
    )


def test_evaluate_bench_calibrate_reports_held_out_figures(shared_dir: Path, tmp_path: Path):
    result = run_script("calibrate.py", "--out", str(tmp_path / "c.json"), shared=shared_dir)
    written = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert written["meta"]["heldout"]["overall"]["events"] == result["heldout"]["overall"]["events"] > 100
    for name in ("es-afp-cameo", "arabic-gsr"):
        assert {">=0.5", ">=0.7", ">=0.9"} <= set(result["heldout"][name]["at"])


def test_evaluate_bench_calibrate_markdown_table_pairs_model_and_formula():
    import importlib.util

    from test_evaluate_bench import BENCH

    spec = importlib.util.spec_from_file_location("bench_calibrate", BENCH / "calibrate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)

    def figures(brier: float, kept_07: int, p_09: float | None) -> dict:
        at = {
            ">=0.5": {"kept": 40, "precision": 0.7},
            ">=0.7": {"kept": kept_07, "precision": 0.8},
            ">=0.9": {"kept": 0 if p_09 is None else 2, "precision": p_09},
        }
        return {"events": 50, "precision_all": 0.64, "brier": brier, "ece": 0.05, "auc": 0.66, "at": at}

    meta = {
        "method": {"cross_validation": "5 folds by source document"},
        "trained_on": {"events": 50},
        "commit": "abc1234",
        "date": "2026-11-26T00:00:00Z",
        "heldout": {"overall": figures(0.2, 12, None)},
        "heldout_formula": {"overall": figures(0.25, 9, 1.0)},
    }
    table = module.markdown_table(meta).splitlines()
    assert table[0].startswith("Held out (5 folds by source document; 50 labelled events, commit abc1234")
    row = table[-1].split(" | ")
    assert row[0] == "| overall" and row[3] == "0.200 (0.250)"
    assert row[-2] == "0.80 (12)" and row[-1] == "– (0) |"


def test_evaluate_bench_calibrate_a_non_factual_mood_never_raises_confidence():
    import importlib.util

    from test_evaluate_bench import BENCH

    spec = importlib.util.spec_from_file_location("bench_calibrate_fit", BENCH / "calibrate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    names = ["modality=hypothetical", "source"]
    # hypothetical events all right, asserted ones half right: an unconstrained fit would reward the mood
    x = [[(0, 1.0), (1, 1.0)]] * 6 + [[(0, 1.0), (2, 1.0)]] * 10
    y = [1] * 6 + [1, 0] * 5
    free = module.fit_logistic(x, y, len(names), 1.0)
    assert free[1] > 0
    constrained = module.fit_constrained(x, y, names, 1.0)
    assert constrained[1] == 0.0
