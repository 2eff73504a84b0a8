"""Pipeline stage: code events with the coder named in the options (`--coder`, default `lexicon`)."""

from __future__ import annotations

from collections.abc import Callable

from casus.coding.registry import make_coder
from casus.doc import Doc
from casus.options import Options


def make_stage(opts: Options) -> Callable[[Doc], Doc]:
    coder = make_coder(opts)

    def stage(doc: Doc) -> Doc:
        doc.events = coder.code(doc)
        return doc

    return stage
