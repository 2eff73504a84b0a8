"""Reading gold files, running a predictor over them, the report and the `casus evaluate` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from casus.cli import COMMAND_MODULES
from casus.errors import InputError
from casus.evaluate.gold import read_gold
from casus.evaluate.report import print_report, to_json
from casus.evaluate.runner import FilePredictor, evaluate_files


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


GOLD = [
    {
        "id": "it-1",
        "lang": "it",
        "text": "Il presidente russo ha visitato Pyongyang a giugno e i due paesi hanno firmato un trattato.",
        "published": "2024-10-22",
        "scope": None,
        "events": [
            {"source": ["RUSGOV", "RUS"], "cameo": "042", "target": "PRK", "date": "2024-06"},
            {"source": "RUS", "cameo": "057", "target": "PRK", "optional": True},
        ],
    },
    {
        "id": "es-1",
        "lang": "es",
        "text": "Campesinos bloquearon las carreteras en protesta por la nueva ley agraria.",
        "published": "1994-06-17",
        "scope": ["PROTEST"],
        "events": [{"source": None, "target": None, "plover": "PROTEST"}],
    },
    {
        "id": "es-2",
        "lang": "es",
        "text": "El ministro de hacienda presentó el presupuesto del año próximo.",
        "published": "1994-06-18",
        "scope": None,
        "events": [],
    },
]

PREDICTIONS = [
    {
        "doc_id": "it-1",
        "cameo": "042",
        "plover": "CONSULT",
        "source": {"code": "RUSGOV"},
        "target": {"code": "PRK"},
        "date": "2024-06-19",
        "modality": "asserted",
        "evidence": {"text": "Il presidente russo ha visitato Pyongyang"},
    },
    {
        "doc_id": "es-1",
        "cameo": "141",
        "plover": "PROTEST",
        "source": None,
        "target": None,
        "evidence": {"text": "Campesinos bloquearon las carreteras"},
    },
    {
        "doc_id": "es-2",
        "cameo": "112",
        "plover": "ACCUSE",
        "source": {"code": "ESPGOV"},
        "target": None,
        "evidence": {"text": "El ministro de hacienda"},
    },
]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture
def gold_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "hand-gold.jsonl", GOLD)


@pytest.fixture
def preds_file(tmp_path: Path) -> Path:
    return write_jsonl(tmp_path / "preds.jsonl", PREDICTIONS)


def test_evaluate_gold_reader_normalises_lists_and_scope(gold_file: Path):
    records = read_gold(gold_file)
    assert [r.id for r in records] == ["it-1", "es-1", "es-2"]
    assert records[0].events[0].source == ("RUSGOV", "RUS")
    assert records[0].events[1].optional
    assert records[1].scope == ("PROTEST",) and records[2].scope is None
    assert records[0].set_name == "hand-gold" and records[0].origin.endswith("hand-gold.jsonl:1")
    assert len(read_gold(gold_file, limit=2)) == 2


def test_evaluate_gold_reader_names_the_bad_line(tmp_path: Path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "events": []}\n{"id": "b", "text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2: not valid JSON"):
        read_gold(bad)
    untyped = write_jsonl(
        tmp_path / "untyped.jsonl", [{"id": "c", "text": "x", "events": [{"source": "RUS"}]}]
    )
    with pytest.raises(
        InputError, match=r"untyped.jsonl:1 event 1: a gold event needs a `cameo` or a `plover`"
    ):
        read_gold(untyped)


def test_evaluate_files_with_a_predictor(gold_file: Path, preds_file: Path):
    ev = evaluate_files([gold_file], FilePredictor(preds_file))
    overall = ev.overall()
    assert overall.docs == 3 and overall.predicted == 3
    assert (overall.prf["triples"].tp, overall.prf["triples"].fp, overall.prf["triples"].fn) == (1, 1, 0)
    # it-1 gives no PLOVER: only es-1 (found) and es-2 (nothing there) are judged on PLOVER
    assert (overall.prf["type_plover"].tp, overall.prf["type_plover"].fp) == (1, 1)
    assert overall.accuracy["date"].correct == 1
    by_lang = ev.groups("lang")
    assert set(by_lang) == {"it", "es"} and by_lang["es"].docs == 2


def test_evaluate_files_with_no_predictions_scores_zero(gold_file: Path):
    ev = evaluate_files([gold_file], lambda record: [])
    scores = ev.overall().scores()
    assert scores["triples.recall"] == 0.0 and scores["type_plover.f1"] == 0.0
    assert [m.record_id for m in ev.misses(5)] == ["it-1", "es-1"]


def test_evaluate_report_json_and_tables(gold_file: Path, preds_file: Path, capsys):
    ev = evaluate_files([gold_file], FilePredictor(preds_file))
    out = to_json(ev, by="type", misses=3, coder="lexicon")
    assert out["overall"]["triples"]["tp"] == 1
    assert set(out["per_lang"]) == {"it", "es"}
    assert "by_type" in out["overall"] and out["confusion"]["none"]["11"] == 1
    print_report(ev, by="lang", misses=3)
    text = capsys.readouterr().out
    assert "triples" in text and "lang es" in text


def test_evaluate_command_scores_prediction_file(gold_file: Path, preds_file: Path, capsys):
    code = run_evaluate([str(gold_file), "--predictions", str(preds_file), "--json", "--by", "set"])
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert out["overall"]["docs"] == 3 and "hand-gold" in out["per_set"]


def test_evaluate_command_refuses_a_missing_gold_file(tmp_path: Path, capsys):
    assert run_evaluate([str(tmp_path / "nope.jsonl")]) == 2
    assert "no such gold file" in capsys.readouterr().err


def test_evaluate_command_runs_the_pipeline_on_the_model_input(shared_dir: Path, capsys):
    gold = shared_dir / "examples" / "nato-dprk-troops.it.gold.jsonl"
    assert run_evaluate([str(gold), "--json", "--misses", "3"]) == 0
    out = json.loads(capsys.readouterr().out)
    overall = out["overall"]
    assert overall["docs"] == 1 and overall["rejected"] == 0
    assert overall["triples"]["tp"] + overall["triples"]["fn"] == 9  # the required CAMEO events of the page
    assert set(out["per_lang"]) == {"it"}
    assert overall["must_not_code"]["lines"] == 2


def test_evaluate_command_is_registered():
    assert "casus.commands.evaluate" in COMMAND_MODULES


def test_evaluate_files_leave_out_bad_gold_lines_and_say_so(tmp_path: Path, capsys):
    rows = [
        json.dumps({"id": "ok", "lang": "es", "text": "Los mineros marcharon.", "events": []}),
        '{"id": "broken", "text": ',
        json.dumps(
            {
                "id": "half",
                "lang": "es",
                "text": "La policía detuvo a dos dirigentes.",
                "events": [{"source": "COL"}, {"source": "COLCOP", "cameo": "173"}],
            }
        ),
    ]
    gold = tmp_path / "mixed.jsonl"
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    ev = evaluate_files([gold], lambda record: [])
    assert [s.record.id for s in ev.scored] == ["ok", "half"]
    assert len(ev.scored[1].record.events) == 1
    assert len(ev.problems) == 2
    assert "mixed.jsonl:2: not valid JSON" in ev.problems[0] and "record left out" in ev.problems[0]
    assert "mixed.jsonl:3 event 1" in ev.problems[1] and "event left out" in ev.problems[1]
    preds = write_jsonl(tmp_path / "none.jsonl", [])
    assert run_evaluate([str(gold), "--predictions", str(preds), "--json"]) == 0
    captured = capsys.readouterr()
    assert "record left out" in captured.err
    assert len(json.loads(captured.out)["gold_problems"]) == 2
