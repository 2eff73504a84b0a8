"""The plain-text page reader: a scraped page as it was saved. Clean-up (title, debris) is the clean stage's."""

from __future__ import annotations

from casus.doc import Doc
from casus.options import Options


def doc_from_text(name: str, text: str, opts: Options) -> Doc:
    """A document whose id and origin are the input's name and whose raw text is the whole page."""
    return Doc(id=name, raw=text, source_format="text", origin=name, published=opts.published)
