"""The segment stage: sentences as offsets into `doc.text`, never crossing a paragraph, each with its tokens.

A sentence ends at `.`, `!`, `?`, `…` (and their CJK, Arabic and Devanagari forms), together with any closing
quotes or brackets after it, when whitespace and a word that does not start in lower case follow. It does not
end:
- after an abbreviation of the document's language (`casus/data/language/abbreviations.yaml`) or an initial
  ("J. Biden"), or after an ordinal before a month in German ("am 21. August");
- inside a quotation in «» “” „“ marks that closes within the paragraph (a quote of several sentences stays
  with the clause that reports it: “... cambiare”, ha aggiunto.), unless the quotation is very long;
- numbers such as 12.000, 1.500 or 3,5 never contain a break (no whitespace follows their dot).
Every paragraph is at least one sentence (a headline without a final stop is one). Sentences inherit the
paragraph's kind (title, body, heading, embedded).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from casus.doc import Doc, Sentence
from casus.language.data import coded, load_yaml
from casus.language.tokens import Lemmatizer, tokenize
from casus.options import Options

_TERMINALS = ".!?…。！？؟।"
_CANDIDATE = re.compile(
    r"[.!?…؟।]+(?:[\"'’”»)\]]|[ \u00a0\u202f][»”](?=\s))*(?=\s+\S)"  # a stop, closers, then a space
    r"|[。！？]+(?![」』”’）)])(?=\s*\S)"  # Chinese and Japanese write no space after a stop ...
    r"|[。！？]+[」』”’）)]+(?=\s+\S|[「『“])",  # ... and 「…。」と述べた goes on after the quote
)
_QUOTE_MARKS = re.compile("[«»“”„「」『』]")
_STRAIGHT = re.compile('"')
_WORD_AFTER = re.compile(r"\s*(\w+)")
_OPENERS_STRIP = "\"'“‘«„([{¿¡"
_LONG_QUOTE = 700  # characters: a longer quotation is a quoted passage, split into its sentences
ABBREVIATIONS_DATA = "abbreviations.yaml"


@dataclass(slots=True)
class LanguageRules:
    abbreviations: frozenset[str]
    no_break_before: frozenset[str]
    may_end: frozenset[str] = frozenset()
    before_number: frozenset[str] = frozenset()
    starters: frozenset[str] = frozenset()


class Segmenter:
    """Sentence rules per language (loaded once) and one lemma cache per language."""

    def __init__(self) -> None:
        data = load_yaml(ABBREVIATIONS_DATA) or {}
        self._common = frozenset(str(a).lower() for a in data.get("any") or [])
        self._data = data
        self._rules: dict[str | None, LanguageRules] = {}
        self._lemmatizers: dict[str | None, Lemmatizer] = {}

    def rules(self, lang: str | None) -> LanguageRules:
        rules = self._rules.get(lang)
        if rules is None:
            entry = self._data.get(lang) if lang and lang != "any" else None
            entry = entry if isinstance(entry, dict) else {}
            rules = LanguageRules(
                abbreviations=self._common | {str(a).lower() for a in entry.get("abbreviations") or []},
                no_break_before=frozenset(str(w).lower() for w in entry.get("no_break_before") or []),
                may_end=frozenset(str(a).lower() for a in self._data.get("may_end") or []),
                before_number=frozenset(str(a).lower() for a in self._data.get("before_number") or []),
                starters=frozenset(str(w) for w in entry.get("starters") or []),
            )
            self._rules[lang] = rules
        return rules

    def lemmatizer(self, lang: str | None) -> Lemmatizer:
        """Lemmas where casus codes the language; elsewhere (Polish, Portuguese, ...) tokens keep their
        lower-cased text as lemma: nothing reads them, and a dictionary costs seconds to open."""
        lem = self._lemmatizers.get(lang)
        if lem is None:
            lem = self._lemmatizers[lang] = Lemmatizer(lang if coded(lang) else None)
        return lem

    def __call__(self, doc: Doc) -> Doc:
        rules = self.rules(doc.lang)
        lemmatize = self.lemmatizer(doc.lang)
        text = doc.text
        sentences: list[Sentence] = []
        for p_index, para in enumerate(doc.paragraphs):
            for start, end in split_paragraph(text, para.start, para.end, rules):
                sent = Sentence(len(sentences), start, end, p_index, para.kind)
                sent.tokens = tokenize(text, start, end, doc.lang, lemmatize)
                sentences.append(sent)
        doc.sentences = sentences
        return doc


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open, close) positions of the «», “”, „“, 「」 quotations that open and close inside text[start:end]."""
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for m in _QUOTE_MARKS.finditer(text, start, end):
        ch, pos = m.group(), m.start()
        if ch == "“" and stack and stack[-1][0] == "„":
            spans.append((stack.pop()[1], pos))
        elif ch in "«“„「『":
            stack.append((ch, pos))
        elif stack:  # » ” 」 』
            spans.append((stack.pop()[1], pos))
    return spans + straight_quote_spans(text, start, end)


def straight_quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quotations in straight double quotes, paired in order, when every pair reads as one: an even number of
    marks, each opening one after a space or bracket, each closing one before a space or punctuation."""
    marks = [m.start() for m in _STRAIGHT.finditer(text, start, end)]
    if not marks or len(marks) % 2:
        return []
    spans = []
    for open_at, close_at in zip(marks[::2], marks[1::2], strict=True):
        before = text[open_at - 1] if open_at > start else " "
        after = text[close_at + 1] if close_at + 1 < end else " "
        if not (before.isspace() or before in "([{—–-:") or not (after.isspace() or after in ",.;:!?)]}—–-"):
            return []
        spans.append((open_at, close_at))
    return spans


def split_paragraph(text: str, start: int, end: int, rules: LanguageRules) -> list[tuple[int, int]]:
    """Sentence spans of the paragraph text[start:end] (whitespace trimmed); at least one when it has text."""
    quotes = None
    bounds: list[tuple[int, int]] = []
    sent_start = start
    for m in _CANDIDATE.finditer(text, start, end):
        stop = m.end()
        nxt = _next_char(text, stop, end)
        if nxt is None or nxt.islower():
            continue
        if not _ends_here(text, sent_start, m.start(), stop, end, m.group(), rules):
            continue
        if quotes is None:
            quotes = quote_spans(text, start, end)
        if any(o < m.start() and stop <= c and c - o <= _LONG_QUOTE for o, c in quotes):
            continue
        bounds.append((sent_start, stop))
        sent_start = stop
    bounds.append((sent_start, end))
    out: list[tuple[int, int]] = []
    for s, e in bounds:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        if out and not any(c.isalnum() for c in text[s:e]):
            out[-1] = (out[-1][0], e)  # a stray closing quote or bracket belongs to the sentence before
        else:
            out.append((s, e))
    return out


def _next_char(text: str, pos: int, end: int) -> str | None:
    while pos < end and text[pos].isspace():
        pos += 1
    if pos >= end:
        return None
    ch = text[pos]
    if ch in _OPENERS_STRIP and pos + 1 < end:  # «l'Alleanza»: look at the word inside the quote
        return text[pos + 1]
    return ch


def _ends_here(
    text: str, sent_start: int, dot: int, stop: int, end: int, mark: str, rules: LanguageRules
) -> bool:
    """Whether the terminal punctuation at `dot` really ends the sentence begun at `sent_start`."""
    if mark[0] != "." or mark.startswith(".."):
        return True
    word_start = dot  # scan back to the whitespace before the word (a regex search would be quadratic)
    while word_start > sent_start and not text[word_start - 1].isspace():
        word_start -= 1
    if word_start == dot:
        return False  # a lone dot
    word = text[word_start:dot].lstrip(_OPENERS_STRIP)
    if not word:
        return True
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "J. Biden", "Kim J. Un"
    low = word.lower()
    if low in rules.before_number and text[stop:end].lstrip()[:1].isdigit():
        return False  # "No. 7966", "art. 5"
    if low in rules.abbreviations or low.rstrip(".") in rules.abbreviations:
        if low.rstrip(".") in rules.may_end and rules.starters:
            following = _WORD_AFTER.match(text, stop, end)
            return bool(following and following.group(1) in rules.starters)
        return False
    if word.isdigit():
        if word_start - sent_start <= 16 and not text[sent_start:word_start].strip():
            return False  # a list number "1." opening the paragraph
        if rules.no_break_before:
            following = _WORD_AFTER.match(text, stop, end)
            if following and following.group(1).lower() in rules.no_break_before:
                return False
    return True


def make_stage(opts: Options) -> Callable[[Doc], Doc]:
    return Segmenter()
