"""The model input (shared/examples/nato-dprk-troops.it.txt) through read + clean + language + segment."""

from __future__ import annotations

from pathlib import Path

import pytest

from casus.doc import Doc
from casus.ingest import read_inputs
from casus.options import Options
from casus.pipeline import Pipeline

TITLE = (
    "Guerra in Ucraina: l’invio di truppe nordcoreane a sostegno della Russia segnerebbe "
    "“una significativa escalation”, secondo la NATO"
)


def run(path: Path) -> Doc:
    opts = Options()
    (doc,) = list(read_inputs([str(path)], opts))
    return Pipeline(opts, until="segment").run(doc)


@pytest.fixture(scope="module")
def doc(model_input: Path) -> Doc:
    return run(model_input)


def test_ingest_model_input_title_once(doc: Doc) -> None:
    assert doc.title == TITLE
    assert doc.text.startswith(TITLE + "\n\n")
    assert doc.text.count(TITLE) == 1
    assert doc.paragraphs[0].kind == "title"
    assert [d.reason for d in doc.debris].count("repeated-title") == 2


def test_ingest_model_input_no_navigation_or_related(doc: Doc) -> None:
    for gone in (
        "PREV",
        "NEXT",
        "Leggi anche",
        "Pordic",
        "un turista americano",
        "Guerra in Ucraina: secondo l’intelligence sudcoreana",
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
    assert text.endswith("segnerebbe una significativa escalation.")
    sents = [s for s in doc.sentences if s.embedded]
    assert sents and all(s.paragraph == doc.paragraphs.index(embedded[0]) for s in sents)
    assert doc.meta["embedded_posts"][0]["handle"] == "SecGenNATO"


def test_ingest_model_input_language(doc: Doc) -> None:
    assert doc.lang == "it" and doc.lang_score > 0.8


def test_ingest_model_input_sentences(doc: Doc) -> None:
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts[0] == TITLE
    for expected in (
        "Secondo l’agenzia di intelligence della Corea del Sud, la Corea del Nord ha deciso di inviare fino a "
        "12.000 soldati per aiutare la Russia.",
        "Circa 1.500 soldati delle forze speciali nordcoreane sono già in Russia per acclimatarsi e dovrebbero "
        "presto andare al fronte, secondo la stessa fonte.",
        "“Ma, ovviamente, ciò può cambiare”, ha aggiunto.",
        "“L’invio di truppe da parte della Corea del Nord per combattere la Russia in Ucraina segnerebbe una "
        "significativa escalation”, ha aggiunto.",
        "1.500 soldati delle forze speciali già in Russia",
        "Il presidente russo Vladimir Putin ha effettuato una rara visita a Pyongyang a giugno, durante la quale "
        "i due paesi hanno firmato un trattato di mutua difesa, i cui dettagli non sono stati resi noti.",
    ):
        assert expected in texts, expected
    rutte = next(t for t in texts if t.startswith("“Ho parlato con il presidente sudcoreano"))
    assert rutte.endswith("”, ha affermato il capo dell’Alleanza su X.")
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
