"""`casus explain`: the per-event explanation (actors, trigger, rule, cues) as JSON and as text."""

from __future__ import annotations

import json

from rich.console import Console

from casus.cli import main
from casus.coding.explain import explain, render
from casus.coding.lexicon import LexiconCoder
from casus.options import Options
from test_coding_lexicon import build_doc


def _coded_doc():
    doc = build_doc(
        [("body", "Ecuador's police arrested 40 protesters in Quito on Friday.")],
        "en",
        {"Ecuador's police": "ECUCOP", "40 protesters": "ECUCVL"},
    )
    doc.events = LexiconCoder(Options()).code(doc)
    return doc


def test_explain_json_has_actor_spans_trigger_and_rule():
    out = explain(_coded_doc())
    ev = next(e for e in out["events"] if e["cameo"].startswith("17"))
    assert ev["source"]["code"] == "ECUCOP" and ev["source"]["start"] < ev["trigger"]["start"]
    assert ev["target"]["code"] == "ECUCVL"
    assert ev["rule"].startswith("en.arrest")
    assert "modality" in ev and "roles" in ev and ev["label"]
    json.dumps(out)  # serialisable


def test_explain_render_is_readable():
    console = Console(record=True, width=120)
    render(_coded_doc(), console)
    text = console.export_text()
    assert "trigger «arrested»" in text and "ECUCOP" in text and "rule en.arrest" in text


def test_explain_command_json(tmp_path, capsys):
    page = tmp_path / "page.txt"
    page.write_text("Ecuador's police arrested 40 protesters in Quito on Friday.\n", encoding="utf-8")
    status = main(["explain", str(page), "--lang", "en", "--published", "2024-03-01", "--json"])
    assert status == 0
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["lang"] == "en" and isinstance(out["events"], list)
