"""Event dates from the text, resolved against the publication date, in it/en/fr/es/de."""

from __future__ import annotations

from datetime import date

import pytest

from casus.coding import dates
from casus.doc import Doc, Sentence

PUBLISHED = date(2024, 10, 22)  # a Tuesday


def resolve(text: str, lang: str, trigger: str | None = None, published: date | None = PUBLISHED):
    doc = Doc(id="t", text=text, lang=lang, published=published)
    sent = Sentence(index=0, start=0, end=len(text), paragraph=0)
    span = None
    if trigger is not None:
        at = text.index(trigger)
        span = (at, at + len(trigger))
    return dates.resolve(doc, sent, lang, published, span=span)


@pytest.mark.parametrize(
    ("text", "lang", "iso", "precision"),
    [
        (
            "ha dichiarato martedì 15 ottobre il ministro della Difesa polacco Marek Nowak.",
            "it",
            "2024-10-15",
            "day",
        ),
        ("Interpellato venerdì sulla questione, il ministro ha spiegato che...", "it", "2024-10-18", "day"),
        ("Il premier ha compiuto una breve visita a Hanoi a giugno.", "it", "2024-06", "month"),
        ("Ieri la polizia ha arrestato venti manifestanti.", "it", "2024-10-21", "day"),
        ("La settimana scorsa i ribelli hanno attaccato un convoglio.", "it", "2024-10-15", "day"),
        ("Il trattato è stato firmato nel 2019.", "it", "2019", "year"),
        (
            "L’accordo è stato firmato il 3 novembre.",
            "it",
            "2023-11-03",
            "day",
        ),  # later than publication: last year
        ("Putin visited Pyongyang in June.", "en", "2024-06", "month"),
        ("On Friday, NATO said it could not confirm the reports.", "en", "2024-10-18", "day"),
        ("Troops crossed the border on October 21, 2024.", "en", "2024-10-21", "day"),
        ("Police arrested 20 people yesterday.", "en", "2024-10-21", "day"),
        ("The talks collapsed last month.", "en", "2024-09", "month"),
        ("Poutine s'est rendu à Pyongyang en juin.", "fr", "2024-06", "month"),
        ("Le 21 octobre, l'Otan a réagi.", "fr", "2024-10-21", "day"),
        ("Hier, des manifestants ont bloqué la route.", "fr", "2024-10-21", "day"),
        ("Mardi dernier, le ministre a démissionné.", "fr", "2024-10-15", "day"),
        ("Putin visitó Pyongyang en junio.", "es", "2024-06", "month"),
        ("El 21 de octubre de 2023 el ejército atacó la aldea.", "es", "2023-10-21", "day"),
        ("Ayer la policía detuvo a veinte manifestantes.", "es", "2024-10-21", "day"),
        ("El viernes, la OTAN no pudo confirmar el despliegue.", "es", "2024-10-18", "day"),
        ("Putin besuchte im Juni Pjöngjang.", "de", "2024-06", "month"),
        ("Am 21. Oktober erklärte die NATO ihre Sorge.", "de", "2024-10-21", "day"),
        ("Gestern nahm die Polizei 20 Demonstranten fest.", "de", "2024-10-21", "day"),
        ("Am Freitag sagte Rutte, die NATO könne nichts bestätigen.", "de", "2024-10-18", "day"),
    ],
)
def test_coding_dates_resolve(text, lang, iso, precision):
    got = resolve(text, lang)
    assert (got.date, got.precision, got.source) == (iso, precision, "text")
    assert got.text and got.text in text


def test_coding_dates_fallback_to_published():
    got = resolve("La Corea del Nord ha inviato truppe in Russia.", "it")
    assert (got.date, got.precision, got.source, got.text) == ("2024-10-22", "day", "published", None)
    got = resolve("La Corea del Nord ha inviato truppe in Russia.", "it", published=None)
    assert got.date is None and got.source == "published"


def test_coding_dates_nearest_to_trigger_wins():
    text = (
        "Il presidente cinese Xi Jinping ha compiuto una visita ufficiale a Hanoi a giugno, durante la "
        "quale i due governi hanno firmato un accordo di cooperazione economica, ha ricordato ieri il ministro."
    )
    assert resolve(text, "it", trigger="firmato").date == "2024-06"
    assert resolve(text, "it", trigger="ricordato").date == "2024-10-21"


def test_coding_dates_offsets_point_into_doc_text():
    text = "Primo. Venerdì i soldati sono entrati a Kursk."
    doc = Doc(id="t", text=text, published=PUBLISHED)
    sent = Sentence(index=1, start=7, end=len(text), paragraph=0)
    got = dates.resolve(doc, sent, "it", PUBLISHED)
    assert text[got.start : got.end] == "Venerdì" and got.date == "2024-10-18"


def test_coding_dates_numeric_dates_by_language():
    assert resolve("Il vertice si è tenuto il 03/10/2024.", "it").date == "2024-10-03"
    assert resolve("The summit was held on 10/03/2024.", "en").date == "2024-10-03"
    assert resolve("Attack reported 2024-09-30 near Kharkiv.", "en").date == "2024-09-30"


def test_coding_dates_modal_may_is_not_a_month():
    got = resolve("Russia may send more troops.", "en")
    assert got.source == "published"


def test_coding_dates_relative_needs_publication_date():
    assert resolve("Ieri la polizia ha arrestato venti manifestanti.", "it", published=None).date is None


def test_coding_dates_english_months_need_a_capital():
    assert resolve("Protesters march 5 miles to the capital.", "en").source == "published"
    assert resolve("Protesters marched on March 5.", "en").date == "2024-03-05"
