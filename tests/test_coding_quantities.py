"""Quantities by each language's number conventions, with qualifiers and units."""

from __future__ import annotations

import pytest

from casus.coding.quantities import extract


def one(text: str, lang: str):
    found = extract(text, lang)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit", "qualifier"),
    [
        (
            "il Ciad ha deciso di schierare fino a 3.000 soldati per sostenere il Niger.",
            "it",
            3000,
            "soldiers",
            "up_to",
        ),
        (
            "Circa 800 soldati delle forze speciali ciadiane sono già in Niger.",
            "it",
            800,
            "soldiers",
            "about",
        ),
        (
            "il Ciad potrebbe mandare migliaia di soldati a combattere accanto al Niger",
            "it",
            1000,
            "soldiers",
            "thousands",
        ),
        ("Nell’attacco sono morte almeno 35 persone.", "it", 35, "people", "at_least"),
        ("Più di 200 manifestanti sono stati arrestati a Teheran.", "it", 200, "protesters", "more_than"),
        ("Il conflitto ha prodotto 3,5 milioni di profughi.", "it", 3500000, "refugees", "exact"),
        ("Mosca ha schierato 12mila militari al confine.", "it", 12000, "soldiers", "exact"),
        ("Due milioni di persone hanno lasciato il paese.", "it", 2000000, "people", "exact"),
        ("Le autorità hanno arrestato mille manifestanti.", "it", 1000, "protesters", "exact"),
        ("Decine di civili sono stati uccisi nel bombardamento.", "it", 10, "civilians", "dozens"),
        ("North Korea may send up to 12,000 troops to Russia.", "en", 12000, "troops", "up_to"),
        ("About 2,500 Belarusian special forces are at the border.", "en", 2500, "troops", "about"),
        ("At least 20 people were killed in the blast.", "en", 20, "killed", "at_least"),
        ("More than 3.5 million refugees have fled.", "en", 3500000, "refugees", "more_than"),
        ("Thousands of protesters marched in Paris.", "en", 1000, "protesters", "thousands"),
        ("Police detained dozens of demonstrators.", "en", 12, "protesters", "dozens"),
        ("Jusqu'à 12 000 soldats nord-coréens pourraient être déployés.", "fr", 12000, "soldiers", "up_to"),
        ("Environ 1\u202f500 soldats sont déjà en Russie.", "fr", 1500, "soldiers", "about"),
        ("Des milliers de manifestants ont défilé à Paris.", "fr", 1000, "protesters", "thousands"),
        ("Plus de 40 personnes ont été tuées.", "fr", 40, "killed", "more_than"),
        ("Des dizaines de soldats ont été blessés.", "fr", 10, "soldiers", "dozens"),
        ("Hasta 12.000 soldados norcoreanos podrían llegar a Rusia.", "es", 12000, "soldiers", "up_to"),
        ("Unos 1.500 soldados están ya en Rusia.", "es", 1500, "soldiers", "about"),
        ("Miles de manifestantes marcharon en Bogotá.", "es", 1000, "protesters", "thousands"),
        ("Más de 30 guerrilleros murieron en el combate.", "es", 30, "rebels", "more_than"),
        ("La policía detuvo a 25 manifestantes.", "es", 25, "protesters", "exact"),
        ("Bis zu 12.000 Soldaten könnten nach Russland geschickt werden.", "de", 12000, "soldiers", "up_to"),
        ("Etwa 1.500 Soldaten sind bereits in Russland.", "de", 1500, "soldiers", "about"),
        ("Tausende Demonstranten zogen durch Berlin.", "de", 1000, "protesters", "thousands"),
        ("Mehr als 200 Tote wurden gemeldet.", "de", 200, "dead", "more_than"),
        ("Dutzende Menschen wurden festgenommen.", "de", 12, "arrested", "dozens"),
    ],
)
def test_coding_quantities_conventions(text, lang, value, unit, qualifier):
    got = one(text, lang)
    assert got.value == value
    assert got.unit == unit
    assert got.qualifier == qualifier


def test_coding_quantities_text_and_offsets():
    text = "il Ciad ha deciso di schierare fino a 3.000 soldati per sostenere il Niger."
    got = one(text, "it")
    assert got.text == "fino a 3.000 soldati"
    found = extract(text, "it", base_offset=100)[0]
    assert (found.start, found.end) == (100 + text.index("fino"), 100 + text.index(" per"))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Il presidente ha parlato lunedì 21 ottobre 2024.", "it"),
        ("Putin visited Pyongyang on June 19, 2024.", "en"),
        ("Le sommet a eu lieu le 3 mars à 10:30.", "fr"),
        ("El 21 de octubre de 2024 se reunió el consejo.", "es"),
        ("Am 21. Oktober sprach der Kanzler.", "de"),
        ("The 3rd brigade and the G7 met; turnout was 45%.", "en"),
        ("Chiamare il numero +39 06 1234 5678.", "it"),
        ("La 2e division a quitté la ville.", "fr"),
        ("The F-16 jets flew over Kyiv in 2023.", "en"),
        ("I tre paesi hanno firmato l’accordo.", "it"),
    ],
)
def test_coding_quantities_skip_dates_years_ordinals_phones(text, lang):
    assert extract(text, lang) == []


def test_coding_quantities_several_in_order():
    found = extract("Russia fired 40 missiles and 25 drones overnight, killing 3 civilians.", "en")
    assert [(q.value, q.unit) for q in found] == [(40, "missiles"), (25, "drones"), (3, "civilians")]


def test_coding_quantities_number_without_unit_kept():
    found = extract("Il bilancio è salito a 47.", "it")
    assert [(q.value, q.unit) for q in found] == [(47, None)]


def test_coding_quantities_more_units_and_demonyms():
    found = extract("Austria said on Monday it expelled two Russian diplomats posted in Vienna.", "en")
    assert [(q.value, q.unit) for q in found] == [(2, "diplomats")]
    found = extract("Kenyan authorities have deported 240 Somalis for entering without visas.", "en")
    assert [(q.value, q.unit) for q in found] == [(240, "people")]
    found = extract("Le autorità hanno espulso quattro diplomatici russi.", "it")
    assert [(q.value, q.unit) for q in found] == [(4, "diplomats")]


def test_coding_quantities_german_ordinal_at_end():
    assert extract("Die Chemikalie sei am 21.", "de") == []


@pytest.mark.parametrize(
    ("text", "lang", "unit"),
    [
        ("A well-known journalist was killed when a car bomb exploded in Mogadishu.", "en", "journalists"),
        ("Un giornalista è stato ucciso a Kharkiv.", "it", "journalists"),
        ("Un manifestant a été blessé par la police.", "fr", "protesters"),
        ("Un periodista fue asesinado en Guerrero.", "es", "journalists"),
        ("Ein junger Demonstrant wurde festgenommen.", "de", "protesters"),
    ],
)
def test_coding_quantities_article_counts_one(text, lang, unit):
    assert [(q.value, q.unit) for q in extract(text, lang)] == [(1, unit)]


def test_coding_quantities_article_needs_a_victim_noun():
    assert extract("An official said a group of protesters marched.", "en") == []


def test_coding_quantities_compound_adjectives_are_not_counts():
    found = extract("Troops forced out more than 1,000 refugees during a 48-hour search.", "en")
    assert [(q.value, q.unit) for q in found] == [(1000, "refugees")]
