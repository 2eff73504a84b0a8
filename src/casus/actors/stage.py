"""Pipeline stage: find actor mentions in every sentence (filled by the actors layer)."""

from __future__ import annotations

from casus.doc import Doc
from casus.options import Options


def make_stage(opts: Options):
    def stage(doc: Doc) -> Doc:
        return doc

    return stage
