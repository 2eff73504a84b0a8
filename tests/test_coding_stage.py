"""The `code` pipeline stage runs the coder named in the options; coders plug in by name."""

from __future__ import annotations

import pytest

from casus.coding import registry
from casus.coding.base import Coder
from casus.coding.lexicon import LexiconCoder
from casus.coding.stage import make_stage
from casus.doc import Doc, Event
from casus.errors import ConfigError
from casus.options import Options
from test_coding_lexicon import build_doc


def test_coding_stage_default_is_lexicon():
    coder = registry.make_coder(Options())
    assert isinstance(coder, LexiconCoder) and isinstance(coder, Coder)


def test_coding_stage_unknown_coder_is_a_config_error():
    with pytest.raises(ConfigError, match="unknown coder"):
        registry.make_coder(Options(coder="no-such-coder"))


def test_coding_stage_runs_a_registered_coder():
    class Fixed:
        name = "fixed"
        version = "fixed/0"

        def code(self, doc: Doc) -> list[Event]:
            return [Event(doc.id, "en", 0, 0, 1, "x", "010")]

    registry.register("fixed", lambda opts: Fixed())
    doc = make_stage(Options(coder="fixed"))(Doc(id="d", text="x"))
    assert [e.cameo for e in doc.events] == ["010"]


def test_coding_stage_codes_a_segmented_document():
    doc = build_doc(
        [("body", "Spanish police detained six activists in Bilbao on Saturday.")],
        "en",
        {"Spanish police": "ESPCOP", "six activists": "ESPCVL"},
    )
    doc = make_stage(Options())(doc)
    assert any(e.cameo.startswith("17") and e.source and e.source.code == "ESPCOP" for e in doc.events)


def test_coding_stage_model_input_events_are_explainable(model_input):
    from datetime import date

    from casus.ingest import read_inputs
    from casus.pipeline import Pipeline

    opts = Options(published=date(2024, 10, 22), lang="it")
    doc = next(iter(Pipeline(opts).pipe(read_inputs([str(model_input)], opts))))
    assert isinstance(doc, Doc) and doc.events
    for ev in doc.events:
        assert doc.text[ev.evidence_start : ev.evidence_end] == ev.evidence_text
        assert ev.rule and ev.trigger and ev.evidence_start <= ev.trigger["start"] < ev.evidence_end
        assert "PREV" not in ev.evidence_text and "NEXT" not in ev.evidence_text
    triples = {(e.source.code[:3] if e.source else None, e.cameo[:2]) for e in doc.events}
    assert ("RUS", "04") in triples and ("PRK", "03") in triples  # Putin's visit; troops decided
    assert sum(e.mentions for e in doc.events) > len(doc.events)  # title/body/post merged
