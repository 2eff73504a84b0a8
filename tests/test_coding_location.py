"""Event locations: places after locative prepositions, cities, countries, actors excluded."""

from __future__ import annotations

import pytest

from casus.coding import location
from casus.doc import Doc, Mention, Sentence


def find(text: str, lang: str, exclude=(), mentions: list[tuple[str, str]] = ()):
    doc = Doc(id="t", text=text, lang=lang)
    sent = Sentence(index=0, start=0, end=len(text), paragraph=0)
    for surface, code in mentions:
        at = text.index(surface)
        doc.mentions.append(Mention(at, at + len(surface), surface, code, 0, kind="capital"))
    return location.find(doc, sent, lang, exclude=list(exclude))


def test_coding_location_visit_to_pyongyang():
    text = "Il ministro degli Esteri cinese ha compiuto una breve visita a Pyongyang in agosto."
    got = find(text, "it")
    assert got["text"] == "Pyongyang" and got["country"] == "PRK"
    assert got["lat"] == pytest.approx(39.03, abs=0.1) and got["lon"] == pytest.approx(125.75, abs=0.1)


def test_coding_location_locative_wins_even_when_excluded_as_actor():
    text = "Il ministro degli Esteri cinese ha compiuto una breve visita a Pyongyang in agosto."
    at = text.index("Pyongyang")
    got = find(text, "it", exclude=[(at, at + 9)], mentions=[("Pyongyang", "PRKGOV")])
    assert got["text"] == "Pyongyang"


def test_coding_location_capital_as_actor_is_not_location():
    text = "Con il peggioramento dei rapporti tra Pyongyang e Seul nelle ultime settimane."
    assert find(text, "it", mentions=[("Pyongyang", "PRKGOV"), ("Seul", "KORGOV")]) is None
    at = text.index("Pyongyang")
    assert find("Ieri Pyongyang ha dichiarato lo stato di allerta.", "it", exclude=[(5, 14)]) is None
    assert at > 0


@pytest.mark.parametrize(
    ("text", "lang", "name", "country"),
    [
        ("Migliaia di manifestanti hanno sfilato a Mosca contro la guerra.", "it", "Mosca", "RUS"),
        ("Circa 1.500 soldati nordcoreani sono già in Russia.", "it", "Russia", "RUS"),
        ("Des milliers de manifestants ont défilé à Moscou.", "fr", "Moscou", "RUS"),
        ("Les soldats sont arrivés en Ukraine mardi.", "fr", "Ukraine", "UKR"),
        ("Miles de manifestantes marcharon en Bogotá.", "es", "Bogotá", "COL"),
        ("Las tropas llegaron a Rusia en octubre.", "es", "Rusia", "RUS"),
        ("Tausende Demonstranten protestierten in Moskau.", "de", "Moskau", "RUS"),
        ("Putin reiste im Juni nach Pjöngjang.", "de", "Pjöngjang", "PRK"),
        ("Police arrested 20 protesters in Lagos on Monday.", "en", "Lagos", "NGA"),
        ("Russian missiles struck Kharkiv overnight.", "en", "Kharkiv", "UKR"),
        ("North Korean troops arrived in Russia last week.", "en", "Russia", "RUS"),
    ],
)
def test_coding_location_languages(text, lang, name, country):
    got = find(text, lang)
    assert got is not None and got["text"] == name and got["country"] == country


def test_coding_location_bare_country_is_not_location():
    assert find("Russia and North Korea signed a treaty.", "en") is None
    assert find("La Russia ha firmato un trattato con la Corea del Nord.", "it") is None


def test_coding_location_lowercase_words_are_not_places():
    assert find("the army will march on and sale of arms grew", "en") is None


def test_coding_location_none_without_place():
    assert find("Il ministro ha parlato con i giornalisti.", "it") is None


def test_coding_location_place_offsets():
    text = "Prima frase. Gli scontri sono avvenuti a Kharkiv."
    doc = Doc(id="t", text=text)
    sent = Sentence(index=1, start=13, end=len(text), paragraph=0)
    place = location.find_place(doc, sent, "it")
    assert text[place.start : place.end] == "Kharkiv" and place.locative and place.kind == "city"


def test_coding_location_sentence_initial_word_is_not_a_city():
    assert find("“Ho incontrato il primo ministro giapponese”, ha affermato Rutte.", "it") is None


@pytest.mark.parametrize(
    ("text", "lang", "name", "country", "lat"),
    [
        ("Protesters gathered in Florida on Sunday.", "en", "Florida", "USA", 28.0),
        ("The summit took place in Washington last week.", "en", "Washington", "USA", 38.9),
        ("Russian drones struck Odessa overnight.", "en", "Odessa", "UKR", 46.5),
    ],
)
def test_coding_location_ambiguous_names(text, lang, name, country, lat):
    got = find(text, lang)
    assert got is not None and got["text"] == name and got["country"] == country
    assert got["lat"] == pytest.approx(lat, abs=2.5)


def test_coding_location_person_names_are_not_places():
    assert find("Yesterday President Vladimir Putin met George Bush.", "en") is None
    assert find("Ieri il ministro ha incontrato Nancy Pelosi.", "it") is None
    assert find("Officials at the White House declined to comment.", "en") is None
