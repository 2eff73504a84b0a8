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
