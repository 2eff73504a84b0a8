"""The benchmark scripts run and print one JSON object (tiny limits: a smoke test, not a measurement)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parents[1] / "bench"


def run_script(name: str, *args: str, shared: Path) -> dict:
    env = {**os.environ, "CASUS_SHARED": str(shared)}
    out = subprocess.run(
        [sys.executable, str(BENCH / name), *args], capture_output=True, text=True, env=env, timeout=300
    )
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout)


def test_evaluate_bench_accuracy_prints_every_set(shared_dir: Path):
    result = run_script("accuracy.py", "--limit", "3", shared=shared_dir)
    assert "es-afp-cameo" in result["sets"] and "nato-dprk-troops.it.gold" in result["sets"]
    assert result["sets"]["es-afp-cameo"]["docs"] == 3
    assert "triples" in result["overall"] and "per_lang" in result


def test_evaluate_bench_throughput_counts_documents_and_stages(shared_dir: Path):
    result = run_script("throughput.py", "--limit", "2", "--no-html", shared=shared_dir)
    assert result["docs"] == 4 and result["cores"] >= 1
    assert set(result["seconds"]["stages"]) >= {"clean", "segment", "code"}
    assert result["peak_rss_mb"] > 0


def _crosswalk_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_crosswalk", BENCH / "crosswalk.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_evaluate_bench_crosswalk_scores_the_cameo_gold_through_the_crosswalk():
    from casus.evaluate.gold import record_from_dict

    crosswalk = _crosswalk_module()
    blockade = "Los mineros bloquearon el martes la carretera principal del país."
    march = "Miles de estudiantes marcharon en Lima contra la reforma."
    cameo = [
        record_from_dict({"id": "a", "lang": "es", "text": blockade, "events": [{"cameo": "1441"}]}),
        record_from_dict({"id": "b", "lang": "es", "text": march, "events": [{"cameo": "141"}]}),
        record_from_dict({"id": "c", "lang": "es", "text": "Otra frase.", "events": [{"cameo": "010"}]}),
    ]
    plover = [
        record_from_dict({"id": "a", "lang": "es", "text": blockade, "events": [{"plover": "MOBILIZE"}]}),
        record_from_dict({"id": "b", "lang": "es", "text": march, "events": [{"plover": "PROTEST"}]}),
    ]
    out = crosswalk.compare(cameo, plover)
    assert out["shared_sentences"] == 2 and out["code_pairs"] == 2
    assert out["agreement"] == 0.5  # 141 -> PROTEST agrees; 144 -> PROTEST where the gold says MOBILIZE
    assert out["root14"]["144"] == {"crosswalk": "PROTEST", "gold": {"MOBILIZE": 1}}
    oracle = out["cameo_gold_through_crosswalk"]
    assert (oracle["tp"], oracle["fp"], oracle["fn"]) == (1, 1, 1)
    assert out["annotators_mapping"] == {}  # one sentence per code is no convention


def test_evaluate_bench_crosswalk_runs_on_the_dev_sets(shared_dir: Path):
    result = run_script("crosswalk.py", "--no-casus", shared=shared_dir)
    assert result["shared_sentences"] > 100 and 0.0 <= result["agreement"] <= 1.0
    assert "casus" not in result
