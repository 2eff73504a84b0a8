"""Language detection: the bundled offline model, overrides, and reader hints used only when detection is weak."""

from __future__ import annotations

import pytest

from casus.doc import Doc, Paragraph
from casus.language.detect import identify, make_stage
from casus.options import Options


def doc_of(text: str, hint: str | None = None) -> Doc:
    return Doc(id="d", text=text, paragraphs=[Paragraph(0, len(text))], lang_hint=hint)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        (
            "it",
            "Il consiglio dei ministri ha approvato ieri sera il decreto sulle pensioni dopo una lunga riunione.",
        ),
        ("en", "The foreign ministers agreed on Tuesday to extend the ceasefire for another two weeks."),
        ("fr", "Le président a reçu mardi les représentants des syndicats agricoles à l'Élysée."),
        ("es", "El presidente anunció este lunes un paquete de ayudas para los agricultores afectados."),
        ("de", "Die Bundesregierung hat am Mittwoch neue Hilfen für die Landwirte beschlossen."),
    ],
)
def test_language_detect_five_languages(lang: str, text: str) -> None:
    doc = make_stage(Options())(doc_of(text))
    assert doc.lang == lang and doc.lang_score > 0.6


def test_language_detect_override_wins() -> None:
    doc = make_stage(Options(lang="es"))(
        doc_of("The ministers met in Brussels on Monday to discuss the budget.")
    )
    assert doc.lang == "es" and doc.lang_score == 1.0


def test_language_detect_hint_only_when_weak() -> None:
    stage = make_stage(Options())
    strong = stage(
        doc_of("Les députés ont adopté le projet de loi sur l'immigration en première lecture.", "it")
    )
    assert strong.lang == "fr"
    weak = stage(doc_of("OK", "pt"))
    assert weak.lang == "pt"


def test_language_detect_all_capitals_headline() -> None:
    code, score = identify("GUERRILLA DINAMITA DOS TORRES DE ENERGIA EN EL NORTE DEL PAIS".lower())
    doc = make_stage(Options())(doc_of("GUERRILLA DINAMITA DOS TORRES DE ENERGIA EN EL NORTE DEL PAIS"))
    assert doc.lang == code == "es"


def test_language_detect_nothing_to_judge() -> None:
    assert identify("12.000 — 3,5 %") == (None, 0.0)


def test_language_detect_date_line_gives_publication_date() -> None:
    from datetime import date

    from casus.ingest.clean import make_stage as make_clean

    raw = (
        "Grève des contrôleurs aériens\n"
        "mercredi 11 septembre 2019\n\n"
        "Les contrôleurs aériens ont cessé le travail mercredi matin à Marseille et à Lyon.\n"
    )
    doc = make_clean(Options())(Doc(id="fr", raw=raw))
    doc = make_stage(Options())(doc)
    assert doc.lang == "fr"
    assert doc.published == date(2019, 9, 11) and doc.meta["published_from"] == "date-line"
    dated = make_clean(Options())(Doc(id="fr2", raw=raw, published=date(2019, 9, 12)))
    assert make_stage(Options())(dated).published == date(2019, 9, 12)
