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
