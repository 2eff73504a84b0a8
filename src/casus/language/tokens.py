"""Tokens and lemmas: a regular-expression tokenizer and simplemma lemmas, cached per language.

The tokenizer keeps URLs, @handles and #hashtags whole, numbers with their separators (12.000, 3,5, 1,500),
acronyms with dots (U.S.), hyphenated words (Euro-Atlantico) and words with an inner apostrophe (O'Brien,
don't); in languages that elide (Italian, French, Catalan) the elided article stands apart ("l’invio" ->
"l’" + "invio"). English possessive "'s" is its own token. Lemmas are lower-case; words simplemma does not
know, numbers and punctuation keep their lower-cased text.
"""

from __future__ import annotations

import re
from functools import cache

from simplemma import Lemmatizer as _Simplemma
from simplemma.strategies import DefaultStrategy

from casus.doc import Token
from casus.language.dictionaries import FlatDictionaryFactory

ELIDING = frozenset({"it", "fr", "ca", "oc", "lb"})
_URL = r"(?:https?://|www\.)[^\s<>«»“”\"]*[^\s<>«»“”\".,;:!?)\]'’]"
_COMMON = [
    _URL,
    r"[@#][^\W_][\w.]*\w|[@#]\w",  # handles and hashtags
    r"\d+(?:[.,'’\u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\d])",  # 12.000  1,500,000  12 000
    r"\d+(?:[.,]\d+)?",  # 3,5  2024
    r"(?:[^\W\d_]\.){2,}",  # U.S.  z.B.
]
_ELISION = r"[^\W\d_]{1,7}['’](?=[^\W\d_])"
_POSSESSIVE = r"['’]s\b"
_WORD_APOS = r"\w+(?:[-‐]\w+)*(?:['’](?!s\b)[^\W\d_]+)*"  # O'Brien, don't, Euro-Atlantico
_WORD = r"\w+(?:[-‐]\w+)*"
_ELLIPSIS = r"\.{3}|…"
_OTHER = r"[^\w\s]"

_LEMMA_CACHE_MAX = 200_000
# simplemma's module-level lemmatizer keeps 8 languages' dictionaries: a multilingual batch would evict and
# decode them again and again (seconds each). Ours keeps every language it has used, as flat dictionaries
# that later processes map from a disk cache instead of decoding (casus.language.dictionaries).
_SIMPLEMMA = _Simplemma(lemmatization_strategy=DefaultStrategy(dictionary_factory=FlatDictionaryFactory()))


@cache
def token_pattern(lang: str | None) -> re.Pattern[str]:
    """The tokenizer for a language: elision splitting where the language elides."""
    if lang in ELIDING:
        parts = [*_COMMON, _ELISION, _WORD, _ELLIPSIS, _OTHER]
    elif lang == "en":
        parts = [*_COMMON, _POSSESSIVE, _WORD_APOS, _ELLIPSIS, _OTHER]
    else:
        parts = [*_COMMON, _WORD_APOS, _ELLIPSIS, _OTHER]
    return re.compile("|".join(f"(?:{p})" for p in parts))


def supported(lang: str | None) -> bool:
    return bool(lang) and lang in _SIMPLEMMA_LANGS


try:  # the languages simplemma has dictionaries for
    from simplemma.strategies.dictionaries.dictionary_factory import SUPPORTED_LANGUAGES as _SUPPORTED

    _SIMPLEMMA_LANGS = frozenset(_SUPPORTED)
except ImportError:  # pragma: no cover - an older simplemma layout
    _SIMPLEMMA_LANGS = frozenset({"it", "en", "fr", "es", "de", "pt", "ru", "cs", "pl", "nl", "ar", "uk"})


class Lemmatizer:
    """Lower-cased simplemma lemmas for one language, cached (lemmatising is the tokenizer's slow part)."""

    def __init__(self, lang: str | None):
        self.lang = lang if supported(lang) else None
        self.cache: dict[str, str] = {}

    def __call__(self, text: str) -> str:
        lemma = self.cache.get(text)
        if lemma is not None:
            return lemma
        low = text.lower().replace("’", "'")
        if self.lang and any(c.isalpha() for c in low):
            try:
                lemma = _SIMPLEMMA.lemmatize(low, self.lang).lower()
            except (ValueError, KeyError):
                lemma = low
        else:
            lemma = low
        if len(self.cache) >= _LEMMA_CACHE_MAX:
            self.cache.clear()
        self.cache[text] = lemma
        return lemma


def tokenize(text: str, start: int, end: int, lang: str | None, lemmatize: Lemmatizer) -> list[Token]:
    """Tokens of `text[start:end]`, with offsets into `text`."""
    cached = lemmatize.cache.get  # most words were seen before: skip the call for them (a million a corpus)
    tokens: list[Token] = []
    append = tokens.append
    for m in token_pattern(lang).finditer(text, start, end):
        word = m.group()
        lemma = cached(word)
        if lemma is None:
            lemma = lemmatize(word)
        append(Token(m.start(), m.end(), word, lemma))
    return tokens
