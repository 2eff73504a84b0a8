"""Tokens and lemmas: elisions, hyphens, numbers, handles, possessives; lemmas per language."""

from __future__ import annotations

import pytest

from casus.doc import Doc, Paragraph
from casus.language.segment import make_stage
from casus.language.tokens import Lemmatizer, tokenize
from casus.options import Options


def toks(text: str, lang: str) -> list[str]:
    return [t.text for t in tokenize(text, 0, len(text), lang, Lemmatizer(lang))]


def test_language_tokens_italian_elision_and_numbers() -> None:
    assert toks("L’invio di 12.000 soldati nell’area euro-atlantica, il 3,5%.", "it") == [
        "L’", "invio", "di", "12.000", "soldati", "nell’", "area", "euro-atlantica", ",", "il", "3,5", "%", ".",
    ]  # fmt: skip


def test_language_tokens_french_elision() -> None:
    assert toks("L'armée s'est retirée d'Alep jusqu'à lundi.", "fr") == [
        "L'", "armée", "s'", "est", "retirée", "d'", "Alep", "jusqu'", "à", "lundi", ".",
    ]  # fmt: skip


def test_language_tokens_english_apostrophes_and_acronyms() -> None:
    assert toks("Russia's envoy O'Brien said the U.S. won't pay $1,500,000.", "en") == [
        "Russia", "'s", "envoy", "O'Brien", "said", "the", "U.S.", "won't", "pay", "$", "1,500,000", ".",
    ]  # fmt: skip


def test_language_tokens_handles_hashtags_and_urls() -> None:
    assert toks("Ho parlato con @President_KR di #NATO: https://x.com/SecGenNATO/status/1.", "it") == [
        "Ho", "parlato", "con", "@President_KR", "di", "#NATO", ":", "https://x.com/SecGenNATO/status/1", ".",
    ]  # fmt: skip


def test_language_tokens_german_and_spanish_words_stay_whole() -> None:
    assert toks("Die CDU/CSU-Fraktion stimmte zu.", "de") == [
        "Die",
        "CDU",
        "/",
        "CSU-Fraktion",
        "stimmte",
        "zu",
        ".",
    ]
    assert toks("¿Negociará el Gobierno con el ELN?", "es") == [
        "¿", "Negociará", "el", "Gobierno", "con", "el", "ELN", "?",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("lang", "word", "lemma"),
    [
        ("it", "soldati", "soldato"),
        ("it", "Inviare", "inviare"),
        ("en", "troops", "troop"),
        ("fr", "soldats", "soldat"),
        ("es", "soldados", "soldado"),
        ("de", "Soldaten", "soldat"),
    ],
)
def test_language_tokens_lemmas(lang: str, word: str, lemma: str) -> None:
    lem = Lemmatizer(lang)
    assert lem(word) == lemma
    assert lem.cache[word] == lemma


def test_language_tokens_unknown_language_lower_cases() -> None:
    lem = Lemmatizer("xx")
    assert lem("Pyongyang") == "pyongyang"
    assert lem("12.000") == "12.000"


def test_language_tokens_attached_to_sentences() -> None:
    text = "Kim Jong Un ha visitato Mosca. Putin lo ha accolto."
    doc = Doc(id="t", text=text, lang="it", paragraphs=[Paragraph(0, len(text))])
    doc = make_stage(Options())(doc)
    first, second = doc.sentences
    assert [t.text for t in second.tokens] == ["Putin", "lo", "ha", "accolto", "."]
    assert all(text[t.start : t.end] == t.text for s in doc.sentences for t in s.tokens)
    assert first.tokens[3].lemma == "avere"
