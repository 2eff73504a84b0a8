"""The gazetteer: one Aho-Corasick automaton per language over folded surface forms, and the scan that
turns its hits into atoms (a span and the entries that accept it: word boundaries, case rules, guards).

Case rules, from how a form is written in the data: an all-capital form (NATO, UN, ONU) needs capitals in
the text, and a short one (up to 3 letters: UN, Xi, IS) its exact spelling; a capitalised form (Turkey,
Georgia, Mosca) needs a capital first letter; a lower-case form (soldati, russe) matches any case. In a
sentence written all in capitals the capital rules cannot tell, so short acronyms are skipped there.
"""

from __future__ import annotations

from dataclasses import dataclass

import ahocorasick

from casus.actors.entries import Entry
from casus.actors.fold import fold, fold_pattern, is_word_char
from casus.actors.load import LANGS, Lexicon

_ALL = "*"
_ARABIC_PROCLITICS = set("وبلفك")


@dataclass(slots=True)
class Atom:
    """A span of doc.text (absolute offsets) and the entries that matched it there."""

    start: int
    end: int
    entries: list[Entry]

    @property
    def length(self) -> int:
        return self.end - self.start


def _strip_accents_equal(a: str, b: str) -> bool:
    return fold(a) == fold(b) and all(
        (x.isupper() == y.isupper()) for x, y in zip(a, b, strict=False) if x.isalpha() and y.isalpha()
    )


def _name_without_tilde(form: str, span: str) -> bool:
    """A capitalised word written with "n" where the form has "ñ" is another word, a name: "Nina Pacari" is no
    "niña", "Nino" no "niño" (text written without accents writes the common noun in lower case: "ninos")."""
    if "ñ" not in form.lower() or not span[:1].isupper():
        return False
    return any(f == "ñ" and c == "n" for f, c in zip(form.lower(), span.lower(), strict=False))


def all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 8:
        return False
    upper = sum(1 for c in letters if c.isupper())
    return upper / len(letters) > 0.8


class Gazetteer:
    """Build once from a Lexicon; `scan(text, folded, lang)` finds every accepted atom in a text."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self._automata: dict[str, ahocorasick.Automaton] = {}

    def automaton(self, lang: str | None) -> ahocorasick.Automaton:
        key = lang if lang in LANGS else _ALL
        auto = self._automata.get(key)
        if auto is None:
            auto = self._build(key)
            self._automata[key] = auto
        return auto

    def _build(self, key: str) -> ahocorasick.Automaton:
        table: dict[str, list[Entry]] = {}
        for entry in self.lexicon.entries:
            if key != _ALL and entry.lang is not None and entry.lang != key:
                continue
            folded = fold_pattern(entry.form.strip("*"))
            if folded:
                table.setdefault(folded, []).append(entry)
        auto = ahocorasick.Automaton()
        for folded, entries in table.items():
            auto.add_word(folded, (len(folded), tuple(entries)))
        auto.make_automaton()
        return auto

    def scan(
        self, text: str, folded: str, lang: str | None, caps: bool = False, offset: int = 0
    ) -> list[Atom]:
        """Atoms in `text` (whose fold is `folded`); offsets are shifted by `offset`.

        `caps` says the text is written all in capitals (headline style): capital rules are relaxed.
        """
        found: dict[tuple[int, int], list[Entry]] = {}
        n = len(text)
        for last, (length, entries) in self.automaton(lang).iter(folded):
            start = last - length + 1
            end = last + 1
            for entry in entries:
                span = self._accept(entry, text, folded, start, end, n, caps)
                if span is not None:
                    found.setdefault(span, []).append(entry)
        return [Atom(s + offset, e + offset, ents) for (s, e), ents in found.items()]

    @staticmethod
    def _accept(
        entry: Entry, text: str, folded: str, start: int, end: int, n: int, caps: bool
    ) -> tuple[int, int] | None:
        form = entry.form
        if form.startswith("*"):
            while start > 0 and is_word_char(folded[start - 1]):
                start -= 1
        elif (
            start > 0
            and folded[start - 1] in _ARABIC_PROCLITICS
            and "\u0600" <= form[:1] <= "\u06ff"
            and (start == 1 or not is_word_char(folded[start - 2]))
        ):
            start -= 1  # Arabic "wa-", "bi-", "li-", "fa-", "ka-" written onto the word
        elif start > 0 and (is_word_char(folded[start - 1]) or folded[start - 1] == "@"):
            return None
        if form.endswith("*"):
            while end < n and is_word_char(folded[end]):
                end += 1
        elif end < n and is_word_char(folded[end]):
            return None
        # a form ending in "." (U.S., Jr.) may not eat a following letter; one not ending in "." may not
        # stop inside an abbreviation like "U.S.": "US" must not match in "U.S.A"
        rule = entry.case_rule
        span = text[start:end]
        if not caps and _name_without_tilde(form, span):
            return None
        if rule == "any":
            return start, end
        letters = sum(1 for c in form if c.isalpha())
        if caps:
            if rule == "upper" and letters <= 2:
                return None
            return start, end
        if rule == "upper":
            if letters <= 3:
                return (start, end) if _strip_accents_equal(span, form.strip("*")) else None
            return (start, end) if not any(c.islower() for c in span) else None
        # "cap": first letter capitalised; a short form (Xi) exactly as written
        first = next((c for c in span if c.isalpha()), "")
        if not first.isupper():
            return None
        if letters <= 3 and not _strip_accents_equal(span, form.strip("*")):
            return None
        return start, end


def select_longest(atoms: list[Atom]) -> list[Atom]:
    """Non-overlapping atoms, the longest first (ties: the earlier one), returned in text order."""
    chosen: list[Atom] = []
    for atom in sorted(atoms, key=lambda a: (-a.length, a.start)):
        if all(atom.end <= c.start or atom.start >= c.end for c in chosen):
            chosen.append(atom)
    chosen.sort(key=lambda a: a.start)
    return chosen
