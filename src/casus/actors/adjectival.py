"""Role words that are adjectives here: "aiuti militari e civili a Kiev", "obiettivi civili e militari",
"victimes civiles et militaires", "military and civilian aid".

Some role nouns are also adjectives (militare/civile, militaire/civil, militar/civil, military/civilian). Two
of them joined by a conjunction describe a noun when they stand right after it (it/fr/es) or right before it
(en): the aid, the targets, the victims. They then name no actor, and the event's target is found elsewhere
(Kiev). They stay nouns, and actors, where the word before them is a function word, a numeral or a verb
("tra militari e civili", "decine di militari e civili", "sono morti militari e civili", "colpiscono
militari e civili"), or, in English, where the word after them is one ("military and civilian were killed")
or another actor ("military and civilian officials").

One such word right after a noun is an adjective too ("la guerra civile del Congo", "abitazioni civili").

The words come from data/actors/grammar.yaml (adjective_roles, not_nouns, numerals, auxiliaries, infinitives).
"""

from __future__ import annotations

from casus.actors.compose import PRENOMINAL, ROMANCE, Part
from casus.actors.fold import fold_pattern
from casus.doc import Sentence, Token
from casus.language.tokens import Lemmatizer, tokenize

RULE = "adjective, not an actor"


def _words(grammar: dict[str, dict[str, list[str]]], key: str) -> dict[str, frozenset[str]]:
    return {
        lang: frozenset(fold_pattern(str(w)) for w in words or [])
        for lang, words in (grammar.get(key) or {}).items()
    }


class AdjectivalRoles:
    """Built once from the actor grammar; `drop(parts, sent, lang)` removes the role parts that are
    adjectives of a noun."""

    def __init__(self, grammar: dict[str, dict[str, list[str]]]):
        self.adjectives = _words(grammar, "adjective_roles")
        numerals = _words(grammar, "numerals")
        self.not_nouns = {
            lang: words | numerals.get(lang, frozenset())
            for lang, words in _words(grammar, "not_nouns").items()
        }
        self.auxiliaries = _words(grammar, "auxiliaries")
        self.conjunctions = _words(grammar, "conjunctions")
        self.infinitives = {
            lang: tuple(sorted(words, key=len, reverse=True))
            for lang, words in _words(grammar, "infinitives").items()
        }
        self.lemmatizers: dict[str, Lemmatizer] = {}

    def drop(self, parts: list[Part], sent: Sentence, text: str, lang: str | None) -> list[Part]:
        adjectives = self.adjectives.get(lang or "")
        if not adjectives or not any(fold_pattern(text[p.start : p.end]) in adjectives for p in parts):
            return parts
        tokens = sent.tokens  # the segmenter's; a sentence built by hand is tokenized here
        if not tokens:
            lemmatize = self.lemmatizers.setdefault(lang or "", Lemmatizer(lang))
            tokens = tokenize(text, sent.start, sent.end, lang, lemmatize)
        spans = self._adjective_spans(tokens, parts, lang or "", adjectives)
        if not spans:
            return parts
        # a role that is the adjective itself goes; one that only starts there ("civili ucraini") leaves its
        # demonym to stand alone; a longer phrase that ends in it ("vittime civili") stays
        return [p for p in parts if not (p.kind == "role" and p.base is None and p.start in spans)]

    def _adjective_spans(
        self, tokens: list[Token], parts: list[Part], lang: str, adjectives: frozenset[str]
    ) -> set[int]:
        conj = self.conjunctions.get(lang, frozenset())
        words = [fold_pattern(t.text) for t in tokens]
        out: set[int] = set()
        for i in range(len(tokens)):
            if (
                lang in ROMANCE
                and words[i] in adjectives
                and self._noun_before(tokens, words, i, parts, lang)
            ):
                out.add(tokens[i].start)  # "la guerra civile del Congo", "abitazioni civili": one adjective
            if i + 2 >= len(tokens):
                continue
            if not (words[i] in adjectives and words[i + 1] in conj and words[i + 2] in adjectives):
                continue
            romance = lang in ROMANCE and self._noun_before(tokens, words, i, parts, lang)
            if romance or (lang in PRENOMINAL and self._noun_after(tokens, words, i + 3, parts, lang)):
                out.update((tokens[i].start, tokens[i + 2].start))
        return out

    def _noun_before(
        self, tokens: list[Token], words: list[str], i: int, parts: list[Part], lang: str
    ) -> bool:
        """Is the word before the pair a noun the pair describes ("aiuti", "obiettivi", "vittime")?"""
        if i == 0:
            return False
        w, word = tokens[i - 1], words[i - 1]
        if not word.isalpha() or word in self.not_nouns.get(lang, ()):
            return False
        if any(p.start <= w.start < p.end and p.kind == "role" and p.bound_only for p in parts):
            return False  # "le autorità civili e militari": the pair is what makes the head an actor
        if any(p.start <= w.start < p.end and p.kind != "role" for p in parts):
            return False  # a country, a person: "Kiev, militari e civili"
        if w.lemma.endswith(self.infinitives.get(lang, ())):
            return False  # a verb: "colpiscono militari e civili"
        return not (i >= 2 and words[i - 2] in self.auxiliaries.get(lang, ()))  # "sono morti ..."

    def _noun_after(
        self, tokens: list[Token], words: list[str], j: int, parts: list[Part], lang: str
    ) -> bool:
        """Is the word after the pair a noun the pair describes ("aid", "targets", "casualties")?"""
        if j >= len(tokens):
            return False
        w, word = tokens[j], words[j]
        if not (word.isalpha() and w.text[:1].islower()) or word in self.not_nouns.get(lang, ()):
            return False
        return not any(p.start <= w.start < p.end for p in parts)  # "military and civilian officials"
