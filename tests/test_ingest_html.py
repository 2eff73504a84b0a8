"""The HTML reader: main text and metadata through trafilatura, then the same clean-up as a text page."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from casus.doc import Doc, Rejected
from casus.ingest import read_inputs
from casus.ingest.clean import make_stage
from casus.options import Options

PAGE = """<!DOCTYPE html>
<html lang="it-IT">
<head>
<meta charset="utf-8">
<title>Migranti, accordo tra Italia e Albania | Il Quotidiano</title>
<meta property="og:title" content="Migranti, firmato l'accordo tra Italia e Albania">
<meta name="author" content="Giulia Ferri">
<meta property="article:published_time" content="2023-11-06T18:30:00+01:00">
<link rel="canonical" href="https://quotidiano.example.it/politica/migranti-albania">
</head>
<body>
<nav><a href="/">Home</a> <a href="/politica">Politica</a></nav>
<article>
<h1>Migranti, firmato l'accordo tra Italia e Albania</h1>
<p>La presidente del Consiglio e il primo ministro albanese hanno firmato lunedì a Roma un protocollo
d'intesa sulla gestione dei flussi migratori, che prevede due centri di accoglienza in territorio albanese.</p>
<p>«È un accordo che fa bene a entrambi i Paesi», ha detto il premier albanese durante la conferenza stampa
congiunta a Palazzo Chigi. L'opposizione ha chiesto che il testo passi dal Parlamento.</p>
<p>Leggi anche: Manovra, il governo pone la fiducia al Senato</p>
<p>Secondo il ministero dell'Interno, i centri potranno ospitare fino a 3.000 persone al mese a partire
dalla primavera del 2024.</p>
</article>
<footer><p>Questo sito utilizza cookie tecnici. Proseguendo accetti.</p></footer>
</body>
</html>
"""


def test_ingest_html_reader_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "albania.html"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], Options()))
    assert isinstance(doc, Doc) and doc.source_format == "html"
    assert doc.title == "Migranti, firmato l'accordo tra Italia e Albania"
    assert doc.author == "Giulia Ferri"
    assert doc.published == date(2023, 11, 6)
    assert doc.url == "https://quotidiano.example.it/politica/migranti-albania"
    assert doc.lang_hint == "it"
    assert "protocollo d'intesa" in doc.raw and "Home" not in doc.raw
    doc = make_stage(Options())(doc)
    assert doc.text.startswith("Migranti, firmato l'accordo tra Italia e Albania\n\n")
    assert doc.text.count("Migranti, firmato l'accordo") == 1
    assert "Leggi anche" not in doc.text and "cookie" not in doc.text
    assert "fino a 3.000 persone al mese" in doc.text


def test_ingest_html_published_override(tmp_path: Path) -> None:
    path = tmp_path / "albania.htm"
    path.write_text(PAGE, encoding="utf-8")
    (doc,) = list(read_inputs([str(path)], Options(published=date(2023, 11, 7))))
    assert doc.published == date(2023, 11, 7)


def test_ingest_html_without_main_text_rejected(tmp_path: Path) -> None:
    path = tmp_path / "vuota.html"
    path.write_text("<html><head><title>x</title></head><body><div></div></body></html>", encoding="utf-8")
    (rej,) = list(read_inputs([str(path)], Options()))
    assert isinstance(rej, Rejected) and rej.reason == "no main text found in the HTML page"


def test_ingest_html_corpus_snippets(shared_dir: Path) -> None:
    """Every third page of the trafilatura evaluation subset: must-contain snippets survive extraction and
    clean-up, must-not-contain snippets mostly stay out (floors a little under what we measure)."""
    base = shared_dir / "corpus" / "html" / "trafilatura-eval"
    evaldata = json.loads((base / "evaldata-subset.json").read_text(encoding="utf-8"))
    clean = make_stage(Options())
    found = wanted = leaked = unwanted = 0
    for entry in list(evaldata.values())[::3]:
        (doc,) = list(read_inputs([str(base / entry["file"])], Options()))
        assert isinstance(doc, Doc), doc
        text = " ".join(clean(doc).text.split())
        for snippet in entry.get("with", []):
            wanted += 1
            found += " ".join(snippet.split()) in text
        for snippet in entry.get("without", []):
            unwanted += 1
            leaked += " ".join(snippet.split()) in text
    assert found / wanted >= 0.9, (found, wanted)
    assert leaked / unwanted <= 0.2, (leaked, unwanted)
