"""Quantities in text by the language's number conventions: "fino a 12.000 soldati" -> 12000 up_to soldiers.

Public API:

    extract(text, lang, base_offset=0) -> list[Quantity]

Returns casus.doc.Quantity(value, unit, qualifier, text, start, end) with start/end = base_offset + the
offset in `text` (pass sent.start and the sentence text to get doc offsets). `qualifier` is one of
exact, about, up_to, at_least, more_than, thousands (vague plurals "migliaia/thousands/milliers/miles/
Tausende", value 1000), hundreds (value 100), dozens (value 12), millions (value 1e6).
`unit` is a normalised English noun (soldiers, troops, dead, killed, injured, arrested, refugees,
protesters, people, civilians, weapons, missiles, ...) or None. Years, dates, times, phone numbers,
percentages-as-dates and ordinals are not quantities.
"""

from __future__ import annotations

from casus.doc import Quantity


def extract(text: str, lang: str, base_offset: int = 0) -> list[Quantity]:
    """Every quantity in `text` (a sentence or clause), in order of appearance."""
    return []
