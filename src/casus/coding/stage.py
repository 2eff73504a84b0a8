"""Pipeline stage: code events with the coder named in the options (filled by the coding layer)."""

from __future__ import annotations

from casus.doc import Doc
from casus.options import Options


def make_stage(opts: Options):
    def stage(doc: Doc) -> Doc:
        return doc

    return stage
