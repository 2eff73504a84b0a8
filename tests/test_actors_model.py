"""The actor layer on the model input, through the real pipeline (clean, language, segment, actors)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from casus.doc import Doc
from casus.options import Options
from casus.pipeline import Pipeline
from conftest import span


def test_actors_model_input_required_actors(model_input: Path, model_text: str):
    pipe = Pipeline(Options(published=date(2024, 10, 21)), until="actors")
    doc = pipe.run(Doc(id="model", raw=model_input.read_text(encoding="utf-8"), origin=str(model_input)))
    ms = doc.mentions
    found = {(m.code, m.name) for m in ms}
    assert ("IGOWSTNAT", "Mark Rutte") in found
    assert ("KORGOV", "Yoon Suk Yeol") in found
    assert ("RUSGOV", "Vladimir Putin") in found
    codes = {m.code for m in ms}
    assert {"PRK", "PRKMIL", "KORSPY", "USA", "IGOUNO", "RUSMIL"} <= codes
    rutte = next(m for m in ms if m.name == "Mark Rutte")
    assert rutte.text == span(model_text, "il segretario generale", "Mark Rutte")
    assert any(m.kind == "coref" and m.code == "IGOWSTNAT" and "Alleanza" in m.text for m in ms)
    pair = next(m for m in ms if m.members)
    assert pair.members == ["RUS", "PRK"]
    for m in ms:
        assert doc.text[m.start : m.end] == m.text
    assert [m.start for m in ms] == sorted(m.start for m in ms)
