"""Colombian case summaries: "DEPARTMENT , TOWN" and "vereda X" name local places (no foreign country read in a
town called Granada, La Unión, Buenos Aires or Puerto Rico), shared department names (Bolívar, Córdoba,
Santander) are decided by the town after them, bare roles take the document's country; Latin American unions
and parties. Sentences written for these tests."""

from __future__ import annotations

import pytest

from casus.actors.places import MUNICIPALITIES, builtin_places, read_towns
from casus.actors.stage import ActorFinder
from casus.doc import Doc, Mention


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder.from_options(None)


def find(finder: ActorFinder, text: str) -> list[Mention]:
    return finder.find(Doc(id="t", text=text, lang="es"))


def codes(mentions: list[Mention]) -> dict[str, str]:
    return {m.text: m.code for m in mentions}


@pytest.mark.parametrize(
    ("text", "actor", "code", "foreign"),
    [
        (
            "Tropas del Ejército retuvieron a un comerciante en zona rural , META , GRANADA",
            "Tropas",
            "COLMIL",
            "NIC",
        ),
        (
            "Un grupo armado asesinó a un tendero en su casa , NARIÑO , LA UNIÓN , LA UNIÓN",
            "grupo armado",
            "COLUAF",
            "SLV",
        ),
        (
            "Hombres armados quemaron dos viviendas en el casco urbano , META , PUERTO RICO",
            "Hombres armados",
            "COLUAF",
            "PRI",
        ),
        (
            "Soldados detuvieron a tres jornaleros en la vereda Buenos Aires , CAUCA , EL TAMBO",
            "Soldados",
            "COLMIL",
            "ARG",
        ),
    ],
)
def test_colombia_town_after_department_is_no_foreign_place(finder, text, actor, code, foreign):
    ms = find(finder, text)
    assert codes(ms)[actor] == code
    assert not any(m.code.startswith(foreign) for m in ms), [(m.text, m.code) for m in ms]


@pytest.mark.parametrize(
    "text",
    [
        "Paramilitares asesinaron a un motorista en la vía principal , BOLÍVAR , SANTA ROSA DEL SUR",
        "Paramilitares asesinaron a un motorista en la vía principal , BOLIVAR , MAGANGUE",
        "Paramilitares asesinaron a un motorista en la vía principal , CÓRDOBA , TIERRALTA",
        "Paramilitares asesinaron a un motorista en la vía principal , SANTANDER , BARRANCABERMEJA",
    ],
)
def test_colombia_shared_department_decided_by_its_town(finder, text):
    assert codes(find(finder, text))["Paramilitares"] == "COLUAF"


def test_colombia_shared_department_without_a_listed_town_stays_open(finder):
    ms = find(
        finder, "Paramilitares asesinaron a un motorista en la vía principal , BOLÍVAR , VILLA INVENTADA"
    )
    assert codes(ms)["Paramilitares"] == "---UAF"


def test_colombia_shared_department_decided_by_the_other_places(finder):
    text = (
        "Guerrilleros atacaron un puesto de policía en Córdoba y luego huyeron hacia el Urabá de Antioquia ."
    )
    assert codes(find(finder, text))["Guerrilleros"] == "COLREB"


@pytest.mark.parametrize("dept", ["CHOCO", "CHOCÓ", "CAQUETA", "BOYACA", "NARINO", "NARIÑO", "GUAJIRA"])
def test_colombia_departments_in_capitals_with_or_without_accents(finder, dept):
    text = f"Paramilitares amenazaron de muerte a los campesinos de la región , {dept} , SAN PEDRO"
    ms = codes(find(finder, text))
    assert ms["Paramilitares"] == "COLUAF"
    assert ms["los campesinos"] == "COLAGR"


def test_colombia_municipio_de_town_comma_department(finder):
    ms = codes(
        find(
            finder, "Campesinos bloquearon la vía que conduce al municipio de Granada, Meta, desde el lunes."
        )
    )
    assert ms["Campesinos"] == "COLAGR"


def test_colombia_plural_municipios_names_the_department(finder):
    ms = codes(find(finder, "Paramilitares recorren varios municipios de Antioquia desde hace un mes ."))
    assert ms["Paramilitares"] == "COLUAF"


def test_colombia_foreign_province_stays_foreign(finder):
    ms = codes(find(finder, "Miles de obreros marcharon en la provincia de Córdoba contra los despidos ."))
    assert not ms["obreros"].startswith("COL")


def test_places_read_local_spans():
    places = builtin_places()
    text = "Desconocidos incendiaron una escuela en la vereda Buenos Aires , RISARALDA , QUINCHÍA"
    reading = places.read(text)
    assert places.home(text) == ("COL", ["RISARALDA"])
    local = [text[a:b] for a, b in reading.local]
    assert "Buenos Aires" in local and "QUINCHÍA" in local
    assert not reading.in_local(text.index("RISARALDA"), text.index("RISARALDA") + 9)


def test_municipalities_file_names_its_source_and_lists_towns():
    head = MUNICIPALITIES.read_text(encoding="utf-8").splitlines()[:6]
    assert any("GeoNames" in line for line in head)
    towns = read_towns()
    assert "santa rosa del sur" in towns[("COL", "Bolívar")]
    assert "monteria" in towns[("COL", "Córdoba")]


# ---- organisations ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "code"),
    [
        ("La Fecode anunció un paro nacional de maestros .", "Fecode", "COLLABEDU"),
        ("Militantes de la Unión Patriótica denunciaron amenazas .", "Unión Patriótica", "COLPTY"),
        ("La Unace pidió la renuncia del ministro .", "Unace", "PRYPTY"),
        ("La Central Obrera Boliviana convocó a una marcha .", "Central Obrera Boliviana", "BOLLAB"),
        ("La Conaie bloqueó las carreteras de la sierra .", "Conaie", "ECUCVL"),
        ("El PIT-CNT paralizó el transporte .", "PIT-CNT", "URYLAB"),
        ("La CTM anunció una marcha hacia el Zócalo .", "CTM", "MEXLAB"),
        ("La SIP condenó la nueva ley de prensa .", "SIP", "NGOWSTMED"),
        ("Un barco del PMA llevaba alimentos al puerto .", "PMA", "IGOUNOWFP"),
    ],
)
def test_latin_american_organisations(finder, text, name, code):
    ms = [m for m in find(finder, text) if name in m.text]
    assert ms and ms[0].code == code, [(m.text, m.code) for m in find(finder, text)]


def test_shared_union_acronym_takes_its_country_from_an_adjective_or_the_document(finder):
    assert codes(find(finder, "La CGT argentina convocó una huelga general ."))["CGT argentina"] == "ARGLAB"
    ms = codes(find(finder, "La CGT convocó una huelga general contra el gobierno argentino ."))
    assert ms["CGT"] == "ARGLAB"
    assert codes(find(finder, "La CGT convocó una huelga general ."))["CGT"] == "---LAB"


def test_armed_group_without_country_takes_none_from_the_document(finder):
    ms = codes(find(finder, "El Estado Islámico reivindicó el atentado en Siria ."))
    assert ms["Estado Islámico"] == "---REB"


def test_name_and_acronym_in_parentheses_are_one_mention(finder):
    ms = find(finder, "La Organización Nacional Indígena de Colombia (ONIC) convocó a una minga .")
    orgs = [m for m in ms if m.org == "ONIC"]
    assert [m.text for m in orgs] == ["Organización Nacional Indígena de Colombia (ONIC)"]


def test_capitalised_article_makes_another_place_name():
    places = builtin_places()
    text = (
        "Sicarios asesinaron a un concejal de El Zulia en la vía a la vereda La Y , NORTE DE SANTANDER , TIBU"
    )
    assert places.home(text) == ("COL", ["NORTE DE SANTANDER"])
    assert [h.text for h in places.scan("La policía del estado Zulia detuvo a dos hombres .")] == ["Zulia"]


def test_headline_in_capitals_is_no_department_and_town(finder):
    ms = codes(find(finder, "ENFRENTAMIENTOS EN ANTIOQUIA , ISRAEL BOMBARDEA GAZA"))
    assert ms.get("ISRAEL") == "ISR"
