"""The qualifiers on the model input, through the real pipeline (clean, language, segment, actors)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from casus.coding import attribution, dates, location, modality, quantities
from casus.doc import Doc, Sentence
from casus.options import Options
from casus.pipeline import Pipeline

PUBLISHED = date(2024, 10, 22)


@pytest.fixture(scope="module")
def doc(model_input: Path) -> Doc:
    pipe = Pipeline(Options(published=PUBLISHED), until="actors")
    return pipe.run(Doc(id="model", raw=model_input.read_text(encoding="utf-8"), origin=str(model_input)))


def sentence(doc: Doc, needle: str) -> Sentence:
    return next(s for s in doc.sentences if needle in doc.sentence_text(s))


def span(doc: Doc, sent: Sentence, needle: str) -> tuple[int, int]:
    at = doc.text.index(needle, sent.start)
    return at, at + len(needle)


def test_ontology_qualifiers_model_modality(doc: Doc):
    title = sentence(doc, "segnerebbe")
    a, b = span(doc, title, "invio")
    assert modality.detect(doc, title, a, b, "it").modality == "hypothetical"
    decided = sentence(doc, "ha deciso di inviare")
    a, b = span(doc, decided, "inviare")
    assert modality.detect(doc, decided, a, b, "it").modality == "intended"
    unconfirmed = sentence(doc, "non può confermare")
    a, b = span(doc, unconfirmed, "spiegamento")
    result = modality.detect(doc, unconfirmed, a, b, "it")
    assert result.modality == "unconfirmed" and not result.negated


def test_ontology_qualifiers_model_attribution(doc: Doc):
    first = sentence(doc, "Secondo l’agenzia di intelligence")
    found = attribution.find(doc, first, "it")
    assert found is not None and found.mention is not None and found.mention.code == "KORSPY"
    nxt = doc.sentences[first.index + 1]
    carried = attribution.find(doc, nxt, "it", prev=found)
    assert carried is not None and carried.kind == "same_source" and carried.mention.code == "KORSPY"


def test_ontology_qualifiers_model_quantities(doc: Doc):
    decided = sentence(doc, "fino a 12.000")
    got = quantities.extract(doc.sentence_text(decided), "it", decided.start)
    assert [(q.value, q.unit, q.qualifier) for q in got] == [(12000, "soldiers", "up_to")]
    assert doc.text[got[0].start : got[0].end] == "fino a 12.000 soldati"
    about = sentence(doc, "Circa 1.500")
    got = quantities.extract(doc.sentence_text(about), "it", about.start)
    assert [(q.value, q.unit, q.qualifier) for q in got] == [(1500, "soldiers", "about")]


def test_ontology_qualifiers_model_dates(doc: Doc):
    said = sentence(doc, "lunedì 21 ottobre")
    assert dates.resolve(doc, said, "it", PUBLISHED).date == "2024-10-21"
    asked = sentence(doc, "Interrogato venerdì")
    assert dates.resolve(doc, asked, "it", PUBLISHED).date == "2024-10-18"
    visit = sentence(doc, "rara visita a Pyongyang")
    got = dates.resolve(doc, visit, "it", PUBLISHED, span=span(doc, visit, "firmato"))
    assert (got.date, got.precision) == ("2024-06", "month")


def test_ontology_qualifiers_model_location(doc: Doc):
    visit = sentence(doc, "rara visita a Pyongyang")
    got = location.find(doc, visit, "it")
    assert got is not None and got["text"] == "Pyongyang" and got["country"] == "PRK"
    assert got["lat"] == pytest.approx(39.03, abs=0.1) and got["lon"] == pytest.approx(125.75, abs=0.1)
