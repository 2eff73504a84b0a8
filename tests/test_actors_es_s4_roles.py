"""Spanish role words in context: "carteles" carried or listed beside banners are placards, not drug cartels;
union, student and peasant leaders take their sector's role. Sentences written for these tests."""

from __future__ import annotations

import pytest

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
    "text",
    [
        "Los jubilados portaban carteles contra el ajuste del gobierno frente al Congreso.",
        "Centenares de estudiantes desfilaron con carteles en contra de la reforma.",
        "Banderas, pancartas y carteles llenaban la plaza durante el acto.",
        "En la marcha se vieron carteles con la leyenda 'Fuera el FMI'.",
        "Los vecinos colgaron carteles en las ventanas para rechazar el desalojo.",
        "Las consignas de los maestros estaban escritas en carteles de cartón.",
    ],
)
def test_actors_es_placards_are_no_criminals(finder: ActorFinder, text: str) -> None:
    assert not [m for m in find(finder, text) if m.code.endswith("CRM")], text


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Los carteles de la droga financiaron la campaña del alcalde.", "---CRM"),
        ("La policía desarticuló una red de los carteles mexicanos en la frontera.", "MEXCRM"),
        ("El cartel de Medellín ordenó el atentado contra el juez.", "COLCRM"),
        ("El gobierno prometió combatir a los carteles que trafican cocaína.", "---CRM"),
    ],
)
def test_actors_es_drug_cartels_stay_criminals(finder: ActorFinder, text: str, code: str) -> None:
    assert code in codes(find(finder, text)).values(), text


@pytest.mark.parametrize(
    ("text", "actor", "code"),
    [
        ("Pistoleros asesinaron al dirigente sindical Luis Mora en su casa.", "dirigente sindical", "---LAB"),
        ("Hombres armados secuestraron a un sindicalista del sector bananero.", "sindicalista", "---LAB"),
        ("La policía detuvo al dirigente estudiantil Andrés Rojas.", "dirigente estudiantil", "---EDU"),
        ("Desconocidos mataron a un líder campesino en la vereda.", "líder campesino", "---AGR"),
    ],
)
def test_actors_es_sector_leaders(finder: ActorFinder, text: str, actor: str, code: str) -> None:
    found = codes(find(finder, text))
    assert found.get(actor) == code or found.get(actor.capitalize()) == code, found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("La dirigente Nina Pacheco encabezó la marcha hacia el Congreso.", "Nina"),
        ("El delantero Nino Pereira anotó dos goles.", "Nino"),
    ],
)
def test_actors_es_name_without_tilde_is_no_child(finder: ActorFinder, text: str, name: str) -> None:
    assert name not in codes(find(finder, text)), text


def test_actors_es_children_still_found(finder: ActorFinder) -> None:
    found = codes(find(finder, "Niños y niñas marcharon por la paz."))
    assert found.get("Niños") == "---CVL" and found.get("niñas") == "---CVL", found


@pytest.mark.parametrize(
    ("text", "lang", "span"),
    [
        ("Los serbios bosnios bombardearon la ciudad durante la noche.", "es", "serbios bosnios"),
        ("I serbi bosniaci hanno respinto l'offensiva.", "it", "serbi bosniaci"),
    ],
)
def test_actors_romance_people_noun_keeps_its_code(
    finder: ActorFinder, text: str, lang: str, span: str
) -> None:
    found = {m.text: m.code for m in finder.find(Doc(id="t", text=text, lang=lang))}
    assert found.get(span) == "SRB", found


def test_actors_es_civil_servants_are_government(finder: ActorFinder) -> None:
    found = codes(
        find(finder, "Los empleados públicos paraguayos iniciaron una huelga por tiempo indefinido.")
    )
    assert found.get("Los empleados públicos paraguayos") == "PRYGOV", found


@pytest.mark.parametrize(
    ("text", "actor", "code"),
    [
        ("Los mineros bolivianos bloquearon la carretera.", "Los mineros bolivianos", "BOLLAB"),
        ("Cientos de camioneros paralizaron el puerto.", "camioneros", "---LAB"),
        (
            "Los jubilados ecuatorianos iniciaron una huelga de hambre.",
            "Los jubilados ecuatorianos",
            "ECUCVL",
        ),
    ],
)
def test_actors_es_occupations(finder: ActorFinder, text: str, actor: str, code: str) -> None:
    assert codes(find(finder, text)).get(actor) == code, codes(find(finder, text))


@pytest.mark.parametrize(
    ("text", "actor", "code"),
    [
        (
            "Sicarios mataron a Luis Mora, presidente del sindicato bananero.",
            "presidente del sindicato",
            "---LAB",
        ),
        ("El jefe de la policía presentó su renuncia.", "El jefe de la policía", "---COP"),
        (
            "El presidente del sindicato colombiano criticó al ministro.",
            "El presidente del sindicato colombiano",
            "COLLAB",
        ),
        ("El presidente de Colombia criticó a Venezuela.", "El presidente de Colombia", "COLGOV"),
    ],
)
def test_actors_es_head_of_a_body_takes_its_sector(
    finder: ActorFinder, text: str, actor: str, code: str
) -> None:
    assert codes(find(finder, text)).get(actor) == code, codes(find(finder, text))


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Guerrilleros secuestraron a la alcaldesa del pueblo.", "---GOV"),
        ("Desconocidos atacaron a la senadora cuando salía del Congreso.", "---LEG"),
        ("La gobernadora de la provincia denunció amenazas.", "---GOV"),
    ],
)
def test_actors_es_feminine_titles(finder: ActorFinder, text: str, code: str) -> None:
    assert code in codes(find(finder, text)).values(), codes(find(finder, text))
