"""Helpers for the coder tests: code one text with the real tokenizer and lemmas, either with the actor
mentions the test gives or with the packaged actor gazetteer. One home for what many test files need."""

from __future__ import annotations

import re
from datetime import date

from casus.coding.lexicon import LexiconCoder
from casus.doc import Doc, Mention
from casus.options import Options
from casus.pipeline import Pipeline

_TO_ACTORS: dict[str, Pipeline] = {}


def code_with_actors(segmenter: Pipeline, lang: str, text: str, actors: dict[str, str] | None = None) -> list:
    """Events of one text segmented by `segmenter` (a Pipeline until "segment"); the actor mentions are
    exactly `actors` (surface -> code), found wherever the surface occurs."""
    doc = segmenter.run(Doc(id="t", raw=text))
    doc.lang = lang
    doc.mentions = []
    for surface, code in (actors or {}).items():
        for m in re.finditer(re.escape(surface), doc.text):
            sent = next(s.index for s in doc.sentences if s.start <= m.start() < s.end)
            doc.mentions.append(Mention(m.start(), m.end(), surface, code, sent))
    doc.mentions.sort(key=lambda m: m.start)
    return LexiconCoder(Options(lang=lang)).code(doc)


def code_with_gazetteer(lang: str, text: str) -> list:
    """Events of one text: the real tokenizer, lemmas and actor gazetteer (one pipeline per language)."""
    if lang not in _TO_ACTORS:
        _TO_ACTORS[lang] = Pipeline(Options(lang=lang), until="actors")
    doc = _TO_ACTORS[lang].run(Doc(id="t", raw=text))
    doc.lang = lang
    return LexiconCoder(Options(lang=lang)).code(doc)


def triples(
    pipeline: Pipeline,
    text: str,
    *,
    lang: str | None = None,
    published: date | None = None,
    keep_negated: bool = False,
) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source code, target code) of the events the whole pipeline finds in `text`; negated
    events are left out unless `keep_negated`. With `lang` or `published`, the text is read as a raw page
    (cleaned first) with that language hint and publication date; without, as already clean text."""
    if lang is None and published is None:
        doc = pipeline.run(Doc(id="t", text=text))
    else:
        doc = pipeline.run(Doc(id="t", raw=text, lang_hint=lang, published=published))
    return [(e.cameo, *actor_codes(e)) for e in doc.events if keep_negated or not e.negated]


def actor_codes(e) -> tuple[str | None, str | None]:
    """(source code, target code) of one event."""
    return (e.source.code if e.source else None, e.target.code if e.target else None)


def gazetteer_triples(
    lang: str, text: str, keep_negated: bool = True
) -> list[tuple[str, str | None, str | None]]:
    """(CAMEO code, source code, target code) of the events code_with_gazetteer finds."""
    return [
        (e.cameo, *actor_codes(e)) for e in code_with_gazetteer(lang, text) if keep_negated or not e.negated
    ]


def gazetteer_roles(lang: str, text: str, root: str) -> list[tuple[str | None, str | None]]:
    """(source code, target code) of the events code_with_gazetteer finds whose code starts with `root`."""
    return [actor_codes(e) for e in code_with_gazetteer(lang, text) if e.cameo.startswith(root)]


def asserted(events, code: str) -> list:
    """Asserted, unnegated events whose CAMEO code starts with `code`."""
    return [e for e in events if e.cameo.startswith(code) and e.modality == "asserted" and not e.negated]
