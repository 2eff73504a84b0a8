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
import re
from collections.abc import Callable
from datetime import date

from casus.actors.adjectival import AdjectivalRoles
from casus.actors.compose import Composer, Part
from casus.actors.coref import Memory, home_country
from casus.actors.fold import fold
from casus.actors.gazetteer import Atom, Gazetteer, all_caps, select_longest
from casus.actors.load import Lexicon, load_builtin
from casus.actors.names import COUNTRY_KINDS, dateline, in_name
from casus.actors.places import PlaceReading, builtin_places
from casus.actors.userdata import load_user_dirs, user_dirs
from casus.doc import Doc, Mention, Sentence
from casus.options import Options

log = logging.getLogger(__name__)

_PLACE_KINDS = {"country", "capital", "seat"}  # entries that read a place name as a country


def doc_lang(doc: Doc) -> str | None:
    lang = (doc.lang or "").lower()[:2]
    return lang or None


class ActorFinder:
    """The actor layer, built once: `find(doc)` fills doc.mentions."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.gazetteer = Gazetteer(lexicon)
        self.composer = Composer(lexicon.grammar, lexicon.igo_seats)
        self.adjectival = AdjectivalRoles(lexicon.grammar)
        self.places = builtin_places()
        self.not_actor = _context_patterns(lexicon.grammar, "not_actor_contexts")
        self.languages = _context_patterns(lexicon.grammar, "language_contexts")

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
        places = self.places.read(text, folded)
        atoms_all = self._local(self.gazetteer.scan(text, folded, lang), places)
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
                atoms = self._local(
                    self.gazetteer.scan(
                        text[sent.start : sent.end],
                        folded[sent.start : sent.end],
                        lang,
                        caps=True,
                        offset=sent.start,
                    ),
                    places,
                )
            mentions.extend(self._sentence(atoms, sent, text, folded, lang, day, memory))
        # a dateline ("Wien –") names no actor but still says where the story is: it counts for the home country
        home_country(
            mentions + memory.datelines, memory.located, lambda: self.places.home(text, folded, places)
        )
        return mentions

    @staticmethod
    def _local(atoms: list[Atom], places: PlaceReading) -> list[Atom]:
        """No country, capital or seat in a local place's name ("META , PUERTO RICO", "vereda Buenos Aires")."""
        if not places.local:
            return atoms
        out = []
        for atom in atoms:
            if places.in_local(atom.start, atom.end):
                atom.entries = [e for e in atom.entries if e.kind not in _PLACE_KINDS]
                if not atom.entries:
                    continue
            out.append(atom)
        return out

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
        roles_end = {a.end for a in atoms if any(e.kind == "role" for e in a.entries)}
        atoms = [a for a in (self._guard(a, text, sent, lang, roles_end) for a in atoms) if a is not None]
        atoms = self._not_actors(atoms, folded, sent, lang)
        atoms = self._not_countries(atoms, text, folded, sent, lang)
        earlier: set[str] = set()
        parts: list[Part] = []
        for atom in select_longest(atoms):
            part = self.composer.part_of(atom, day, memory, earlier)
            if part is None:
                continue
            if part.kind == "igo" and part.base:
                earlier.add(part.base)
            parts.append(part)
        parts = self.adjectival.drop(parts, sent, text, lang)  # "aiuti militari e civili": no actors
        parts = self.composer.bind(parts, folded, text, lang, 0)
        out: list[Mention] = []
        for part in parts:
            mention = self.composer.finish(part, sent.index, text, folded, lang, sent.start, memory)
            if mention is None:
                continue
            if out and mention.start < out[-1].end:  # an article pulled back over the previous mention
                mention.start = out[-1].end
                mention.text = text[mention.start : mention.end]
            if out and self._acronym_after(out[-1], mention, text):
                continue  # "la Organización Nacional Indígena de Colombia (ONIC)": one mention
            if mention.kind == "capital" and dateline(mention.start, mention.end, text, sent):
                memory.datelines.append(mention)  # "ROMA -", "Berlin (dpa) -": where the report was filed
                if mention.country:
                    memory.located.add(mention.country)
                continue
            out.append(mention)
            self.composer.remember(mention, part, folded, lang, sent.start, memory)
        return out

    def _not_actors(self, atoms: list[Atom], folded: str, sent: Sentence, lang: str | None) -> list[Atom]:
        """Role readings that the words around them rule out (grammar.yaml not_actor_contexts): es "portaban
        carteles" are placards, not drug cartels."""
        spans = _context_spans(self.not_actor, lang, folded, sent)
        if not spans:
            return atoms
        out = []
        for atom in atoms:
            if _within(atom, spans):
                atom.entries = [e for e in atom.entries if e.kind != "role"]
                if not atom.entries:
                    continue
            out.append(atom)
        return out

    def _not_countries(
        self, atoms: list[Atom], text: str, folded: str, sent: Sentence, lang: str | None
    ) -> list[Atom]:
        """Country and demonym readings inside an organisation's name or naming a language (casus.actors.names,
        grammar.yaml language_contexts): "Forza Italia", "Banca d'Italia", "Deutsche Bank", "audio inglese"."""
        if not atoms:
            return atoms
        spans: list[tuple[int, int]] | None = None  # the language phrases, looked for only when needed
        taken = {a.end for a in atoms}
        role_starts = {a.start for a in atoms if any(e.kind == "role" for e in a.entries)}
        out = []
        for atom in atoms:
            drop = False
            if all(e.kind == "demonym" for e in atom.entries):  # "in Serbia" stays the country
                if spans is None:
                    spans = _context_spans(self.languages, lang, folded, sent)
                drop = _within(atom, spans)
            if not drop and not any(e.kind not in COUNTRY_KINDS for e in atom.entries):
                drop = in_name(atom, text, sent, lang, taken - {atom.end}, role_starts) is not None
            if drop:
                atom.entries = [e for e in atom.entries if e.kind not in COUNTRY_KINDS]
                if not atom.entries:
                    continue
            out.append(atom)
        return out

    @staticmethod
    def _acronym_after(name: Mention, acronym: Mention, text: str) -> bool:
        """An organisation's acronym in parentheses right after its name joins the name's mention, which then
        ends at the closing parenthesis."""
        if not (name.org and name.org == acronym.org and name.code == acronym.code):
            return False
        if text[name.end : acronym.start].strip() != "(" or text[acronym.end : acronym.end + 1] != ")":
            return False
        name.end = acronym.end + 1
        name.text = text[name.start : name.end]
        return True

    def _guard(
        self, atom: Atom, text: str, sent: Sentence, lang: str | None, roles_end: set[int]
    ) -> Atom | None:
        """Drop country readings that the sentence rules out (Georgia the US state, turkey the bird), and
        demonym readings of a surname (see `_surname`)."""
        surname = lang in _LOWER_DEMONYMS and _surname(atom, text, sent, roles_end)
        keep = []
        for entry in atom.entries:
            guards = self.lexicon.unless.get(entry.code) if entry.kind == "country" else None
            if guards and any(g.search(text, sent.start, sent.end) for g in guards):
                continue
            if surname and entry.kind == "demonym":
                continue
            keep.append(entry)
        if not keep:
            return None
        atom.entries = keep
        return atom


_LOWER_DEMONYMS = {"it"}  # where demonyms are lower case and common surnames (Russo, Greco, Romano, Tedesco)
_NAME_WORD = re.compile(r"([A-ZÀ-Ý][a-zà-ÿ'’]+)\s+$")


def _surname(atom: Atom, text: str, sent: Sentence, roles_end: set[int]) -> bool:
    """A capitalised singular demonym right after a capitalised name, inside a sentence, is a surname:
    "Gabriele Russo", "Maria Greco", "Paolo Romano" (Italian writes "russo" the adjective in lower case).
    Not after a role word ("il Presidente Russo") nor after a sentence's first word (a title-cased headline)."""
    word = text[atom.start : atom.end]
    if not word[:1].isupper() or word.isupper() or " " in word.strip():
        return False
    m = _NAME_WORD.search(text, max(sent.start, atom.start - 30), atom.start)
    if m is None or m.start(1) == sent.start or m.end(1) in roles_end or not word.endswith(("o", "e")):
        return False  # "Russo" after a sentence-initial word may be a title-cased headline
    return not text[sent.start : m.start(1)].strip().endswith((":", "—", "-", "«", '"', "“"))


def make_stage(opts: Options) -> Callable[[Doc], Doc]:
    finder = ActorFinder.from_options(opts)

    def stage(doc: Doc) -> Doc:
        doc.mentions = finder.find(doc, opts.published or doc.published)
        return doc

    return stage


def _context_patterns(grammar: dict, key: str) -> dict[str, list[re.Pattern[str]]]:
    """A grammar.yaml list of regexes per language (matched on the folded text), compiled."""
    return {
        lang: [re.compile(str(p)) for p in patterns or []]
        for lang, patterns in (grammar.get(key) or {}).items()
    }


def _context_spans(
    patterns: dict[str, list[re.Pattern[str]]], lang: str | None, folded: str, sent: Sentence
) -> list[tuple[int, int]]:
    """Where the language's context patterns match inside the sentence."""
    return [
        (m.start(), m.end())
        for p in patterns.get(lang or "", [])
        for m in p.finditer(folded, sent.start, sent.end)
    ]


def _within(atom: Atom, spans: list[tuple[int, int]]) -> bool:
    return any(s <= atom.start and atom.end <= e for s, e in spans)
