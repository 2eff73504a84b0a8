"""The model input (shared/examples/nato-dprk-troops.it.txt) through read + clean + language + segment."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.doc import Doc
from casus.ingest import read_inputs
from casus.options import Options
from casus.pipeline import Pipeline
from conftest import span


def run(path: Path) -> Doc:
    opts = Options()
    (doc,) = list(read_inputs([str(path)], opts))
    return Pipeline(opts, until="segment").run(doc)


@pytest.fixture(scope="module")
def doc(model_input: Path) -> Doc:
    return run(model_input)


@pytest.fixture(scope="module")
def title(model_text: str) -> str:
    return model_text.splitlines()[0]


def test_ingest_model_input_title_once(doc: Doc, title: str) -> None:
    assert title.startswith("Guerra in Ucraina") and title.endswith("secondo la NATO")
    assert doc.title == title
    assert doc.text.startswith(title + "\n\n")
    assert doc.text.count(title) == 1
    assert doc.paragraphs[0].kind == "title"
    assert [d.reason for d in doc.debris].count("repeated-title") == 2


def test_ingest_model_input_no_navigation_or_related(doc: Doc) -> None:
    for gone in (
        "PREV",
        "NEXT",
        "Leggi anche",
        "Pordic",
        "un turista americano",
        "Guerra in Ucraina: secondo",
        "l’essenziale",
        "(@SecGenNATO)",
    ):
        assert gone not in doc.text, gone
    assert "\n-\n" not in doc.text


def test_ingest_model_input_embedded_post(doc: Doc) -> None:
    embedded = [p for p in doc.paragraphs if p.kind == "embedded"]
    assert len(embedded) == 1
    text = doc.text[embedded[0].start : embedded[0].end]
    assert text.startswith("Ho parlato con @President_KR")
    assert text.endswith("una significativa escalation.")
    sents = [s for s in doc.sentences if s.embedded]
    assert sents and all(s.paragraph == doc.paragraphs.index(embedded[0]) for s in sents)
    assert doc.meta["embedded_posts"][0]["handle"] == "SecGenNATO"


def test_ingest_model_input_language(doc: Doc) -> None:
    assert doc.lang == "it" and doc.lang_score > 0.8


def test_ingest_model_input_sentences(doc: Doc, model_text: str, title: str) -> None:
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts[0] == title
    for first, last in (
        ("Secondo l’agenzia", "aiutare la Russia."),
        ("Circa 1.500 soldati", "la stessa fonte."),
        ("“Ma, ovviamente", "ha aggiunto."),
        ("“L’invio di truppe", "ha aggiunto."),
        ("1.500 soldati delle", "già in Russia"),
        ("Il presidente russo", "resi noti."),
    ):
        expected = span(model_text, first, last)
        assert "\n" not in expected and expected in texts, expected
    rutte = next(t for t in texts if t.startswith("“Ho parlato con il"))
    assert rutte.endswith(span(model_text, "”, ha affermato il capo", "su X."))
    heading = next(s for s in doc.sentences if doc.text[s.start : s.end].startswith("1.500 soldati"))
    assert heading.kind == "heading"
    assert len(texts) == 15


def test_ingest_model_input_sentences_stay_in_paragraphs(doc: Doc) -> None:
    for sent in doc.sentences:
        para = doc.paragraphs[sent.paragraph]
        assert para.start <= sent.start < sent.end <= para.end
        assert sent.kind == para.kind
        for tok in sent.tokens:
            assert sent.start <= tok.start < tok.end <= sent.end
            assert doc.text[tok.start : tok.end] == tok.text


def test_ingest_model_input_gold_record_reads_the_same(shared_dir: Path, doc: Doc) -> None:
    gold = shared_dir / "examples" / "nato-dprk-troops.it.gold.jsonl"
    (record_doc,) = list(read_inputs([str(gold)], Options()))
    record_doc = Pipeline(Options(), until="segment").run(record_doc)
    assert record_doc.id == "seed-nato-dprk-troops-it"
    assert record_doc.text == doc.text
    assert record_doc.published is not None and record_doc.published.isoformat() == "2024-10-22"
