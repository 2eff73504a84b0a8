"""The floors gate (eval/floors.json) and the rules for moving a floor.

The gate runs the default pipeline over every pinned gold set once per session and fails when a score drops
below its floor by more than the file's tolerance, or when a gold file is not the one the floors were
pinned on. Raise floors with `casus evaluate --update-floors --reason '...'`.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from casus.errors import ConfigError
from casus.evaluate import floors as fl
from casus.evaluate.runner import PipelinePredictor, evaluate_files
from casus.options import Options

FLOORS = Path(__file__).resolve().parents[1] / "eval" / "floors.json"
WHEN = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def run_evaluate(argv: list[str]) -> int:
    """`casus evaluate ARGV` through its own sub-parser (independent of the other commands' modules)."""
    import argparse

    from casus.commands import evaluate as evaluate_command
    from casus.errors import CasusError

    parser = argparse.ArgumentParser(prog="casus")
    evaluate_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["evaluate", *argv])
    try:
        return args.func(args)
    except CasusError as err:
        print(f"casus: {err}", file=sys.stderr)
        return 2


def measured(name: str = "es-demo", sha: str = "abc", **scores: float) -> dict[str, fl.Measured]:
    flat = {k.replace("__", "."): v for k, v in scores.items()}
    return {name: fl.Measured(name=name, path=f"eval/dev/{name}.jsonl", sha256=sha, records=3, scores=flat)}


def pinned(**scores: float) -> dict:
    data = fl.empty_floors()
    data, _ = fl.update(data, measured(**scores), reason="first pin", commit="c0", now=WHEN)
    return data


# ---------------------------------------------------------------- rules for moving floors


def test_floors_first_pin_records_scores_hash_and_history():
    data = pinned(triples__f1=0.41237, type_cameo__f1=0.6)
    entry = data["sets"]["es-demo"]
    assert entry["sha256"] == "abc" and entry["records"] == 3
    assert entry["floors"] == {"type_cameo.f1": 0.6, "triples.f1": 0.4123}  # rounded down, never up
    assert data["history"][-1]["reason"] == "first pin" and data["history"][-1]["commit"] == "c0"
    assert data["history"][-1]["date"] == "2026-11-25T12:00:00Z"
    assert data["history"][-1]["changes"] == [{"set": "es-demo", "pinned": entry["floors"]}]


def test_floors_update_raises_and_keeps_history():
    data = pinned(triples__f1=0.4)
    new, changes = fl.update(data, measured(triples__f1=0.5), reason="better coder", commit="c1", now=WHEN)
    assert new["sets"]["es-demo"]["floors"]["triples.f1"] == 0.5
    assert changes == [{"set": "es-demo", "metric": "triples.f1", "from": 0.4, "to": 0.5}]
    assert [h["reason"] for h in new["history"]] == ["first pin", "better coder"]


def test_floors_update_refuses_to_lower_without_the_flag():
    data = pinned(triples__f1=0.5, type_cameo__f1=0.7)
    with pytest.raises(ConfigError, match=r"refusing to lower floors.*triples.f1 0.5000 -> 0.4000"):
        fl.update(data, measured(triples__f1=0.4, type_cameo__f1=0.9), commit="c1", now=WHEN)
    new, _ = fl.update(
        data, measured(triples__f1=0.4, type_cameo__f1=0.9), allow_lower=True, reason="trade-off", commit="c1"
    )
    assert new["sets"]["es-demo"]["floors"] == {"triples.f1": 0.4, "type_cameo.f1": 0.9}
    assert new["history"][-1]["lowered"] == ["es-demo triples.f1 0.5000 -> 0.4000"]


def test_floors_update_with_nothing_new_changes_nothing():
    data = pinned(triples__f1=0.5)
    new, changes = fl.update(data, measured(triples__f1=0.5), commit="c1", now=WHEN)
    assert changes == [] and new["history"] == data["history"]


def test_floors_check_tolerates_small_drops_only():
    data = pinned(triples__f1=0.5)
    assert fl.check(data, measured(triples__f1=0.495)) == []
    failures = fl.check(data, measured(triples__f1=0.45))
    assert len(failures) == 1 and "triples.f1 0.4500 is below its floor 0.5000" in failures[0]


def test_floors_check_fails_when_the_gold_file_changed():
    data = pinned(triples__f1=0.5)
    failures = fl.check(data, measured(sha="def", triples__f1=0.9))
    assert len(failures) == 1 and "changed" in failures[0] and "--update-floors" in failures[0]


def test_floors_changed_gold_is_repinned_as_measured():
    data = pinned(triples__f1=0.5)
    new, changes = fl.update(data, measured(sha="def", triples__f1=0.6), commit="c1", now=WHEN)
    assert new["sets"]["es-demo"]["sha256"] == "def"
    assert {"set": "es-demo", "sha256": {"from": "abc", "to": "def"}} in changes


def test_floors_file_round_trip(tmp_path: Path):
    path = tmp_path / "floors.json"
    assert fl.load_floors(path)["sets"] == {}
    fl.save_floors(pinned(triples__f1=0.5), path)
    assert fl.load_floors(path)["sets"]["es-demo"]["floors"]["triples.f1"] == 0.5
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot read the floors file"):
        fl.load_floors(path)


# ---------------------------------------------------------------- the gate


@pytest.fixture(scope="session")
def floors_data() -> dict:
    data = fl.load_floors(FLOORS)
    if not data["sets"]:
        pytest.fail(f"{FLOORS} pins no gold set: run `casus evaluate --update-floors --reason 'first pin'`")
    return data


@pytest.fixture(scope="session")
def gate_paths(shared_dir: Path, floors_data: dict) -> list[Path]:
    paths = [shared_dir / entry["path"] for entry in floors_data["sets"].values()]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        pytest.fail(f"gold files pinned in {FLOORS.name} are missing: {', '.join(missing)}")
    return paths


@pytest.fixture(scope="session")
def gate_run(gate_paths: list[Path]) -> tuple[dict[str, fl.Measured], str]:
    predictor = PipelinePredictor(Options())  # built once for every set
    evaluation = evaluate_files(gate_paths, predictor)
    rejected = "".join(
        f"\n  {n} record(s) rejected: {reason[:300]}" for reason, n in predictor.rejected.most_common(5)
    )
    return fl.measure(evaluation.groups("file"), gate_paths), rejected


def test_floors_every_gold_set_is_pinned(shared_dir: Path, floors_data: dict):
    unpinned = [
        fl.set_name(p) for p in fl.default_gold_paths(shared_dir) if fl.set_name(p) not in floors_data["sets"]
    ]
    assert not unpinned, f"gold sets without floors: {unpinned}; pin them with casus evaluate --update-floors"


def test_floors_gold_files_are_the_pinned_ones(floors_data: dict, gate_paths: list[Path]):
    changed = [
        f"{p} (sha256 {fl.file_sha256(p)[:12]}, pinned {entry['sha256'][:12]})"
        for p, entry in zip(gate_paths, floors_data["sets"].values(), strict=True)
        if fl.file_sha256(p) != entry["sha256"]
    ]
    assert not changed, (
        "gold files changed since their floors were pinned: "
        + "; ".join(changed)
        + ". Re-pin on purpose: casus evaluate --update-floors --allow-lower --reason '...'"
    )


def test_floors_no_score_below_its_floor(floors_data: dict, gate_run: tuple[dict[str, fl.Measured], str]):
    measured, rejected = gate_run
    failures = [f for f in fl.check(floors_data, measured) if "changed" not in f]
    assert not failures, "scores below their floors:\n" + "\n".join(failures) + rejected


def test_floors_command_pins_checks_and_refuses_to_lower(tmp_path: Path, capsys):
    gold = tmp_path / "hand-it.jsonl"
    gold.write_text(
        json.dumps(
            {
                "id": "it-weather",
                "lang": "it",
                "text": "Domani il cielo sarà sereno su tutta la penisola, con temperature in lieve aumento.",
                "scope": None,
                "events": [{"source": "ZZZ", "cameo": "190", "target": None}],
            }
        )
        + "\n",
        encoding="utf-8",
    )
    floors_file = tmp_path / "floors.json"
    args = [str(gold), "--floors", str(floors_file)]
    assert run_evaluate([*args, "--update-floors", "--reason", "first pin"]) == 0
    data = json.loads(floors_file.read_text(encoding="utf-8"))
    assert data["sets"]["hand-it"]["floors"]["triples.f1"] == 0.0
    assert data["history"][-1]["reason"] == "first pin"
    assert run_evaluate([*args, "--check-floors", "--json"]) == 0
    data["sets"]["hand-it"]["floors"]["triples.f1"] = 0.5  # a floor the coder cannot reach here
    floors_file.write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert run_evaluate([*args, "--check-floors", "--json"]) == 1
    assert "triples.f1 0.0000 is below its floor 0.5000" in capsys.readouterr().err
    assert run_evaluate([*args, "--update-floors"]) == 2
    assert "refusing to lower floors" in capsys.readouterr().err
    assert run_evaluate([*args, "--update-floors", "--allow-lower", "--reason", "test"]) == 0
    data = json.loads(floors_file.read_text(encoding="utf-8"))
    assert data["sets"]["hand-it"]["floors"]["triples.f1"] == 0.0
    assert data["history"][-1]["lowered"] == ["hand-it triples.f1 0.5000 -> 0.0000"]


def test_floors_not_pinned_while_the_pipeline_rejects_records(tmp_path: Path, monkeypatch, capsys):
    from casus.errors import InputError
    from casus.evaluate.runner import PipelinePredictor as Predictor

    def broken(self, record):
        self.rejected["code: TypeError: a stage is broken"] += 1
        raise InputError(record.origin, "code: TypeError: a stage is broken")

    monkeypatch.setattr(Predictor, "__call__", broken)
    gold = tmp_path / "hand-es.jsonl"
    gold.write_text(
        json.dumps(
            {"id": "es-1", "lang": "es", "text": "Los mineros marcharon hacia la capital.", "events": []}
        )
        + "\n",
        encoding="utf-8",
    )
    floors_file = tmp_path / "floors.json"
    assert run_evaluate([str(gold), "--floors", str(floors_file), "--update-floors"]) == 2
    err = capsys.readouterr().err
    assert "1 x code: TypeError: a stage is broken" in err and "floors are not pinned" in err
    assert not floors_file.exists()
