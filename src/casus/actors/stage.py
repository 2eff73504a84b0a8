"""Pipeline stage: find actor mentions in every sentence and put them, sorted and non-overlapping, in
doc.mentions. The gazetteer is built once per stage (`ActorFinder`); each document keeps a small memory for
coreference ("l'Alleanza" after NATO, "i due paesi", "la stessa fonte", a bare "il presidente").

Mention.kind is one of: country, capital (a capital standing for its country), place (a capital after a
locative preposition: "a Pyongyang"), seat (Cremlino, Casa Bianca), demonym (an adjective or people noun
alone: "nordcoreani"), igo, group (named armed group), person, role (a role noun, bound to a country or not:
PRKMIL, ---REB), coref, user (a user-supplied actor).
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable
from datetime import date

from casus.actors.compose import Composer, Part
from casus.actors.coref import Memory, home_country
from casus.actors.fold import fold
from casus.actors.gazetteer import Atom, Gazetteer, all_caps, select_longest
from casus.actors.load import Lexicon, load_builtin
from casus.actors.places import builtin_places
from casus.actors.userdata import load_user_dirs, user_dirs
from casus.doc import Doc, Mention, Sentence
from casus.options import Options

log = logging.getLogger(__name__)


def doc_lang(doc: Doc) -> str | None:
    lang = (doc.lang or "").lower()[:2]
    return lang or None


class ActorFinder:
    """The actor layer, built once: `find(doc)` fills doc.mentions."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.gazetteer = Gazetteer(lexicon)
        self.composer = Composer(lexicon.grammar, lexicon.igo_seats)
        self.places = builtin_places()

    @classmethod
    def from_options(cls, opts: Options | None = None) -> ActorFinder:
        lexicon = load_builtin()
        load_user_dirs(lexicon, user_dirs(opts))
        return cls(lexicon)

    def find(self, doc: Doc, day: date | None = None) -> list[Mention]:
        text = doc.text
        folded = fold(text)
        lang = doc_lang(doc)
        day = day or doc.published
        sentences = doc.sentences or [Sentence(index=0, start=0, end=len(text), paragraph=0)]
        memory = Memory()
        mentions: list[Mention] = []
        atoms_all = self.gazetteer.scan(text, folded, lang)
        starts = [s.start for s in sentences]
        by_sentence: dict[int, list[Atom]] = {}
        for atom in atoms_all:
            k = bisect.bisect_right(starts, atom.start) - 1
            if k >= 0 and atom.end <= sentences[k].end:
                by_sentence.setdefault(k, []).append(atom)
        for k, sent in enumerate(sentences):
            atoms = by_sentence.get(k)
            if not atoms:
                continue
            if all_caps(text[sent.start : sent.end]):
                atoms = self.gazetteer.scan(
                    text[sent.start : sent.end],
                    folded[sent.start : sent.end],
                    lang,
                    caps=True,
                    offset=sent.start,
                )
            mentions.extend(self._sentence(atoms, sent, text, folded, lang, day, memory))
        home_country(mentions, memory.located, lambda: self.places.home(text, folded))
        return mentions

    def _sentence(
        self,
        atoms: list[Atom],
        sent: Sentence,
        text: str,
        folded: str,
        lang: str | None,
        day: date | None,
        memory: Memory,
    ) -> list[Mention]:
        atoms = [a for a in (self._guard(a, text, sent) for a in atoms) if a is not None]
        earlier: set[str] = set()
        parts: list[Part] = []
        for atom in select_longest(atoms):
            part = self.composer.part_of(atom, day, memory, earlier)
            if part is None:
                continue
            if part.kind == "igo" and part.base:
                earlier.add(part.base)
            parts.append(part)
        parts = self.composer.bind(parts, folded, text, lang, 0)
        out: list[Mention] = []
        for part in parts:
            mention = self.composer.finish(part, sent.index, text, folded, lang, sent.start, memory)
            if mention is None:
                continue
            if out and mention.start < out[-1].end:  # an article pulled back over the previous mention
                mention.start = out[-1].end
                mention.text = text[mention.start : mention.end]
            out.append(mention)
            self.composer.remember(mention, part, folded, lang, sent.start, memory)
        return out

    def _guard(self, atom: Atom, text: str, sent: Sentence) -> Atom | None:
        """Drop country readings that the sentence rules out (Georgia the US state, turkey the bird)."""
        keep = []
        for entry in atom.entries:
            guards = self.lexicon.unless.get(entry.code) if entry.kind == "country" else None
            if guards and any(g.search(text, sent.start, sent.end) for g in guards):
                continue
            keep.append(entry)
        if not keep:
            return None
        atom.entries = keep
        return atom


def make_stage(opts: Options) -> Callable[[Doc], Doc]:
    finder = ActorFinder.from_options(opts)

    def stage(doc: Doc) -> Doc:
        doc.mentions = finder.find(doc, opts.published or doc.published)
        return doc

    return stage
