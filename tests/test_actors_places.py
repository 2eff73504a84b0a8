"""A document that names no country but only its places (departments, states, oblasts, cities) gives the one
country they point to to its bare domestic roles; ambiguous or mixed places give none."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from casus.actors.places import PlaceIndex, builtin_places, read_admin1
from casus.actors.stage import ActorFinder
from casus.doc import Doc, Mention, Sentence
from casus.errors import ConfigError


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder.from_options(None)


def doc_of(text: str, lang: str) -> Doc:
    sentences = []
    for m in re.finditer(r"[^.!?]+[.!?]?", text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        if start < end:
            sentences.append(Sentence(index=len(sentences), start=start, end=end, paragraph=0))
    return Doc(id="t", text=text, lang=lang, sentences=sentences)


def find(finder: ActorFinder, text: str, lang: str) -> list[Mention]:
    return finder.find(doc_of(text, lang))


def code_of(mentions: list[Mention], text: str) -> str:
    hits = [m for m in mentions if m.text.casefold() == text.casefold()]
    assert hits, f"no mention {text!r} in {[m.text for m in mentions]}"
    return hits[0].code


def test_actors_places_admin1_table_covers_colombia():
    rows = read_admin1()
    colombia = {forms[0] for country, forms, _ in rows if country == "COL"}
    assert len(colombia) == 33  # 32 departments and the capital district
    assert {"Antioquia", "Norte de Santander", "Nariño", "Bogotá", "Valle del Cauca"} <= colombia
    assert sum(1 for country, _, _ in rows if country == "MEX") == 32
    assert sum(1 for country, _, _ in rows if country == "NGA") == 37  # 36 states and the capital territory


def test_actors_places_caps_department_at_the_end(finder):
    ms = find(
        finder,
        "Paramilitares ejecutaron en la vereda La Esperanza a tres campesinos , ANTIOQUIA , YARUMAL , YARUMAL",
        "es",
    )
    para = [m for m in ms if m.text == "Paramilitares"][0]
    assert para.code == "COLUAF"
    assert "from places: ANTIOQUIA" in (para.rule or "")
    assert code_of(ms, "campesinos") == "COLAGR"


def test_actors_places_accents_dropped_by_the_source(finder):
    # a source that writes ñ as "nn" and drops accents as lower-case letters
    ms = find(
        finder,
        "Hombres armados asesinaron de varios disparos a un comerciante en el barrio El Tejar , NARInnO , TUMACO",
        "es",
    )
    assert code_of(ms, "Hombres armados") == "COLUAF"


def test_actors_places_weak_department_needs_capitals_or_a_division_word(finder):
    caps = find(finder, "Guerrilleros incineraron un bus en la via a Pailitas , CESAR , PELAYA", "es")
    assert code_of(caps, "Guerrilleros") == "COLREB"
    word = find(finder, "Guerrilleros quemaron dos camiones en el departamento del Meta .", "es")
    assert code_of(word, "Guerrilleros") == "COLREB"
    # "Meta" the company, "Cesar" a first name: no place
    bare = find(finder, "Los empleados de Meta dijeron que Cesar llegó tarde.", "es")
    assert all(not m.code.startswith("COL") for m in bare)


def test_actors_places_municipality_and_city(finder):
    ms = find(
        finder,
        "Desconocidos asesinaron a un concejal en el municipio de San Vicente del Caguán, Caquetá. "
        "La policía de Florencia investiga el crimen.",
        "es",
    )
    assert any(m.code == "COLCOP" for m in ms)


def test_actors_places_english_nigerian_state(finder):
    ms = find(
        finder,
        "Gunmen abducted 30 villagers and killed a police officer in Zamfara on Sunday, residents said.",
        "en",
    )
    roles = [m for m in ms if m.kind == "role"]
    assert roles and all(m.code.startswith("NGA") for m in roles)


def test_actors_places_ukrainian_oblast(finder):
    ms = find(
        finder,
        "Rescuers pulled two civilians from the rubble after a drone strike on an apartment block in "
        "the Zaporizhzhia region overnight, the governor said.",
        "en",
    )
    roles = [m for m in ms if m.kind == "role"]
    assert roles and all(m.code.startswith("UKR") for m in roles)


def test_actors_places_two_countries_give_none(finder):
    ms = find(
        finder,
        "Paramilitares desplazaron a cien familias de Arauca hacia Apure en la frontera , ARAUCA , SARAVENA ,"
        " APURE",
        "es",
    )
    # Arauca is Colombian, Apure Venezuelan: no single country
    assert code_of(ms, "Paramilitares") == "---UAF"


def test_actors_places_ambiguous_name_gives_none(finder):
    # Amazonas is a department of Colombia, a state of Venezuela and Brazil and a region of Peru
    ms = find(finder, "Guerrilleros atacaron una patrulla en una zona rural , AMAZONAS .", "es")
    assert code_of(ms, "Guerrilleros") == "---REB"


def test_actors_places_named_country_keeps_the_old_rule(finder):
    # a foreign country named as an actor: the places do not override the document's countries
    ms = find(
        finder,
        "Estados Unidos condenó el ataque de guerrilleros contra una base militar en Arauca.",
        "es",
    )
    assert code_of(ms, "guerrilleros") == "---REB"


def test_actors_places_index_scan_and_bad_file(tmp_path: Path):
    index = PlaceIndex.build(
        [("COL", ["Antioquia"], False), ("COL", ["Meta"], True), ("VEN", ["Zulia"], False)], cities=False
    )
    hits = index.scan("Ataque en Antioquia y en la Meta final; ZULIA .")
    assert [(h.text, sorted(h.countries)) for h in hits] == [("Antioquia", ["COL"]), ("ZULIA", ["VEN"])]
    assert index.home("Combates en Antioquia .") == ("COL", ["Antioquia"])
    bad = tmp_path / "admin1.tsv"
    bad.write_text("# comment\ncountry\tname\nCOLOMBIA\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="admin1.tsv"):
        read_admin1(bad)


def test_actors_places_long_document_scans_quickly():
    index = builtin_places()
    text = (
        "Hombres armados quemaron tres viviendas en la vereda El Carmen y amenazaron a los pobladores , "
        "CAUCA , TORIBiO . "
    ) * 300
    found = index.home(text)  # a long document: one automaton pass, no timing asserted
    assert found is not None and found[0] == "COL"


def test_actors_places_division_outranks_a_foreign_city_of_the_same_name():
    index = builtin_places()
    # San Francisco is also a town of Antioquia; El Zulia a town of Norte de Santander, not Venezuela's Zulia
    assert index.home("Un campesino murió al pisar una mina , ANTIOQUIA , SAN FRANCISCO")[0] == "COL"
    found = index.home("Hombres armados mataron a un comerciante , NORTE DE SANTANDER , EL ZULIA")
    assert found == ("COL", ["NORTE DE SANTANDER"])


def test_actors_places_weak_name_in_an_all_caps_headline_is_not_a_place():
    index = builtin_places()
    assert index.home("LA POLICIA DETIENE A CESAR TRAS EL PARTIDO") is None
    assert index.home("La policía detuvo a dos jóvenes tras el partido , CESAR , VALLEDUPAR")[0] == "COL"


def test_actors_places_cities_alone(finder):
    ms = find(
        finder, "Unknown gunmen shot dead two police officers near a market in Maiduguri on Friday.", "en"
    )
    roles = [m for m in ms if m.kind == "role"]
    assert roles and all(m.code.startswith("NGA") for m in roles)
    # a surname that is also a city: "Carlos Mesa" ... "Mesa" gives no place
    assert builtin_places().home("El presidente Carlos Mesa llegó. Luego Mesa habló con la policía.") is None
