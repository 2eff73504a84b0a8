"""Spanish precision, session 4: a closing reporting frame (", acusó la policía.", ", denunció el ministro.")
reports the sentence's events and is no accusation of its own.

Every sentence is written for this test (none is corpus or gold text).
"""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer


def _events(text: str) -> list:
    return code_with_gazetteer("es", text)


@pytest.mark.parametrize(
    "text",
    [
        "Cientos de estudiantes saquearon tres comercios en el centro de Caracas, acusó la policía el martes.",
        "Los rebeldes atacaron una base militar en el norte, denunció este lunes el ministro de Defensa.",
    ],
)
def test_es_closing_frame_is_attribution_not_accusation(text):
    events = _events(text)
    assert events, text
    assert not any(e.cameo.startswith("11") for e in events), [(e.cameo, e.rule) for e in events]
    assert all(e.attribution is not None and e.modality == "reported" for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "El gobierno de Perú acusó a los sindicatos de organizar disturbios.",
        "Los manifestantes quemaron dos autobuses, acusó la policía de haber actuado con violencia.",
        "Miles de obreros marcharon en Lima, acusando al gobierno de corrupción.",
    ],
)
def test_es_accusation_with_target_or_content_stays(text):
    assert any(e.cameo.startswith("112") for e in _events(text)), text


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Rusia cortó el suministro de gas a Ucrania para protestar contra el gobierno de Kiev.", "163"),
        ("Venezuela retiró a su embajador en Colombia para protestar contra el presidente Uribe.", "161"),
        (
            "Argelia suspendió el 5 de marzo todas sus exportaciones de gas a España para protestar contra Madrid.",
            "163",
        ),
    ],
)
def test_es_protest_as_purpose_of_an_official_act_is_the_act(text, act):
    codes = {e.cameo for e in _events(text)}
    assert act in codes, codes
    assert not any(c.startswith("14") for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "Miles de campesinos marcharon por el centro de Quito para protestar contra el gobierno.",
        "Los maestros de Honduras iniciaron una huelga para protestar por los salarios.",
        "La marcha, dispersada por la policía, fue organizada por los sindicatos para protestar contra la reforma.",
    ],
)
def test_es_protest_purpose_of_a_protest_stays(text):
    assert any(e.cameo.startswith("14") for e in _events(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "El ejército de Haití protestó este martes contra la irrupción de una patrulla norteamericana.",
        "El gobierno de Chile protestó por las declaraciones del presidente de Bolivia.",
    ],
)
def test_es_state_that_protests_complains_officially(text):
    codes = {e.cameo for e in _events(text)}
    assert "114" in codes, codes
    assert not any(c.startswith("14") for c in codes), codes


@pytest.mark.parametrize(
    "text",
    [
        "Miles de salvadoreños protestaron contra el tratado de libre comercio.",
        "Estudiantes de Costa Rica protestaron frente a la embajada de Estados Unidos.",
    ],
)
def test_es_people_who_protest_still_protest(text):
    assert any(e.cameo.startswith("14") for e in _events(text)), text


def test_es_segun_denuncio_is_attribution():
    text = "Según denunció la cancillería de Ecuador, los rebeldes atacaron una base militar en la frontera."
    events = _events(text)
    assert not any(e.cameo.startswith("11") for e in events), [(e.cameo, e.rule) for e in events]


def test_es_guarded_participle_is_no_protection_event():
    text = "Las armas pesadas, custodiadas por los cascos azules, fueron robadas del depósito."
    assert not any(e.cameo == "074" for e in _events(text))


def test_es_law_sanctioned_is_enacted_not_sanctioned():
    assert not any(e.cameo.startswith("16") for e in _events("La ley deberá ser sancionada por el Senado."))
    assert any(
        e.cameo == "163"
        for e in _events("Estados Unidos sancionó a Venezuela por violar los derechos humanos.")
    )


@pytest.mark.parametrize(
    "text",
    [
        "Un grupo de mineros mantenían retenidas el jueves a 12 personas en una planta de cobre.",
        "La policía retuvo a 30 turistas en el aeropuerto de Lima.",
    ],
)
def test_es_people_held_are_detained(text):
    assert any(e.cameo == "173" for e in _events(text)), text


def test_es_retained_office_is_no_detention():
    assert not any(e.cameo == "173" for e in _events("El partido logró retener la alcaldía de Lima."))


@pytest.mark.parametrize(
    "text",
    [
        "Los sin techo se desnudan para protestar contra el desalojo.",
        "Cientos de campesinos sin tierra ocuparon una hacienda en el estado de Pará.",
    ],
)
def test_es_sin_techo_sin_tierra_name_people_not_a_negation(text):
    events = _events(text)
    assert events and not any(e.negated for e in events), [(e.cameo, e.negated) for e in events]


def test_es_puestos_en_libertad_is_a_release():
    codes = {
        e.cameo for e in _events("Los arrestados, unos 40, fueron puestos en libertad al día siguiente.")
    }
    assert "0841" in codes, codes


def test_es_arrest_with_personal_a_survives_a_war_in_the_sentence():
    text = "La policía detuvo a 40 activistas durante una marcha contra la guerra en Chicago."
    assert any(e.cameo == "173" for e in _events(text))
    assert not any(
        e.cameo == "173" for e in _events("Los países vecinos intentan detener la violencia en Darfur.")
    )


def test_es_agentless_burning_is_no_seizure():
    text = 'La asociación dijo que "los bosques se incendian y las aguas se contaminan" cada verano.'
    assert not any(e.cameo.startswith("171") for e in _events(text))
    guerrilla = "Guerrilleros de las FARC quemaron dos camiones de carga en la vía a Barrancabermeja."
    assert any(e.cameo.startswith("171") for e in _events(guerrilla))


def test_es_starting_a_hunger_strike_is_the_main_act():
    text = "Una veintena de mineros iniciaron este viernes una huelga de hambre en Oruro exigiendo mejores salarios."
    assert any(e.cameo == "142" for e in _events(text)), [(e.cameo, e.rule) for e in _events(text)]
    declared = {
        e.cameo for e in _events("Un suboficial de policía se declaró en huelga de hambre en Cochabamba.")
    }
    assert "142" in declared and "143" not in declared, declared


def test_es_remaining_in_the_streets_is_a_protest():
    text = "Los opositores permanecieron este jueves en las calles en reclamo de nuevas elecciones."
    assert any(e.cameo.startswith("14") for e in _events(text)), [(e.cameo, e.rule) for e in _events(text)]
    assert not any(
        e.cameo.startswith("14")
        for e in _events("Los cuerpos de tres hombres permanecieron en la calle principal.")
    )


def test_es_showing_indignation_is_disapproval():
    text = "El presidente de Brasil se mostró molesto por las declaraciones del canciller de Argentina."
    assert any(e.cameo.startswith("11") for e in _events(text)), [(e.cameo, e.rule) for e in _events(text)]


def test_es_receiving_threats_makes_the_receiver_the_target():
    events = _events("El alcalde de Cali recibió amenazas de muerte durante la campaña.")
    threats = [e for e in events if e.cameo.startswith("13")]
    assert threats and threats[0].target is not None and threats[0].target.code == "COLGOV", [
        (e.cameo, e.source and e.source.code, e.target and e.target.code) for e in events
    ]


def test_es_coordinated_purpose_infinitive_is_no_event():
    text = "El jueves los médicos haremos una marcha nacional para protestar y defender la sanidad pública."
    codes = {e.cameo for e in _events(text)}
    assert not any(c.startswith("05") for c in codes), codes
    finite = {e.cameo for e in _events("Los soldados llegaron para patrullar y atacaron a los rebeldes.")}
    assert any(c.startswith("18") for c in finite), finite
