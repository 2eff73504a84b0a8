"""Spanish event types the lexicon coder must get right in wire copy (sentences written for these tests):
words that are not the event they look like (defendants, topics of a protest, adjectives), events that a
sentence only recalls, and the cues that decide whether an event is asserted at all. Each case that drops a
coding also checks that the real event of the sentence is still coded."""

from __future__ import annotations

import pytest

from casus.coding.lexicon import LexiconCoder
from casus.doc import Doc
from casus.options import Options
from casus.pipeline import Pipeline


@pytest.fixture(scope="module")
def segmenter() -> Pipeline:
    return Pipeline(Options(lang="es"), until="segment")


@pytest.fixture(scope="module")
def coder() -> LexiconCoder:
    return LexiconCoder(Options(lang="es"))


def _events(segmenter, coder, text: str, negated: bool = False) -> list:
    doc = segmenter.run(Doc(id="t", raw=text))
    doc.lang = "es"
    doc.mentions = []
    return [e for e in coder.code(doc) if e.negated == negated]


def _roots(segmenter, coder, text: str) -> set[str]:
    return {e.cameo[:2] for e in _events(segmenter, coder, text)}


def test_sin_embargo_is_however_not_a_negation(segmenter, coder):
    text = "El ministro, sin embargo, rechazó la propuesta de los sindicatos de transporte."
    assert "12" in _roots(segmenter, coder, text)
    assert not _events(segmenter, coder, text, negated=True)


def test_sin_still_negates_what_it_governs(segmenter, coder):
    text = "La marcha terminó sin detenidos, según la policía."
    assert "17" not in _roots(segmenter, coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "Doce acusados de narcotráfico iniciaron una huelga de hambre en la cárcel de la capital.",
        "El ex gobernador, acusado de malversación de fondos, salió del país el domingo.",
    ],
)
def test_an_accusation_participle_names_the_accused_not_an_accusation(segmenter, coder, text):
    assert "11" not in _roots(segmenter, coder, text)


@pytest.mark.parametrize(
    "text",
    [
        "El alcalde fue acusado de corrupción por la fiscalía regional.",
        "La oposición ha acusado al gobierno de fraude en las elecciones municipales.",
        "El sindicato acusó a la empresa de despidos ilegales.",
    ],
)
def test_a_passive_or_perfect_accusation_is_still_coded(segmenter, coder, text):
    assert "11" in _roots(segmenter, coder, text)


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("Las protestas que exigen la nacionalización del gas continuaron el martes en El Alto.", "10"),
        ("Unos 3.000 estudiantes participaron en una marcha que apoyaba a los maestros en huelga.", "05"),
    ],
)
def test_a_relative_clause_on_a_protest_is_its_topic_not_an_event(segmenter, coder, text, topic):
    roots = _roots(segmenter, coder, text)
    assert "14" in roots
    assert topic not in roots


def test_a_demand_of_its_own_after_a_protest_is_still_coded(segmenter, coder):
    roots = _roots(segmenter, coder, "Los maestros marcharon el lunes y exigieron la renuncia del ministro.")
    assert "10" in roots


def test_a_purpose_through_an_infinitive_is_no_event(segmenter, coder):
    text = "Los enviados llegarán a Managua el próximo lunes para intentar alcanzar un acuerdo de paz."
    assert "05" not in _roots(segmenter, coder, text)


def test_an_agreement_before_a_purpose_clause_is_still_coded(segmenter, coder):
    text = "El gobierno firmó un acuerdo con los sindicatos para poner fin a la huelga."
    assert "05" in _roots(segmenter, coder, text)


def test_a_participle_of_support_describing_a_noun_is_no_event(segmenter, coder):
    text = "Unos 400 familiares de presos, apoyados por activistas, marcharon el viernes hasta el ministerio."
    roots = _roots(segmenter, coder, text)
    assert "14" in roots
    assert "05" not in roots


def test_a_passive_of_support_is_still_coded(segmenter, coder):
    assert "05" in _roots(segmenter, coder, "El presidente fue respaldado el martes por los gobernadores.")


@pytest.mark.parametrize(
    "text",
    [
        "La gobernación prohibió ayer las manifestaciones de apoyo a los huelguistas en la plaza mayor.",
        "La alcaldía impidió la marcha de los transportistas hacia la plaza principal.",
    ],
)
def test_a_banned_protest_is_not_a_protest(segmenter, coder, text):
    roots = _roots(segmenter, coder, text)
    assert "14" not in roots
    assert roots & {"12", "17"}


def test_a_protest_held_despite_a_ban_is_still_coded(segmenter, coder):
    text = "Miles de estudiantes marcharon el jueves por la capital pese a la prohibición del gobierno."
    assert "14" in _roots(segmenter, coder, text)


def test_a_suspension_of_aid_is_a_cut_not_aid(segmenter, coder):
    codes = {
        e.cameo
        for e in _events(
            segmenter, coder, "El gobierno anunció la suspensión de la ayuda económica al país vecino."
        )
    }
    assert "162" in codes
    assert not any(c.startswith("07") for c in codes)


def test_fireworks_at_a_protest_are_no_shelling(segmenter, coder):
    text = "Por la noche sonaron cacerolas y cohetes en varios barrios de la capital en rechazo al decreto."
    assert "19" not in _roots(segmenter, coder, text)
    assert "19" in _roots(
        segmenter, coder, "Los insurgentes dispararon cohetes contra el cuartel de la policía."
    )


def test_an_unaccented_denuncio_is_the_denunciation(segmenter, coder):
    roots = _roots(
        segmenter, coder, "El sindicato de maestros denuncio el asesinato de un profesor en zona rural."
    )
    assert "11" in roots
    assert "18" not in roots


def test_travelling_in_vehicles_is_no_demonstration(segmenter, coder):
    text = "Hombres armados que se movilizaban en dos vehiculos secuestraron a un comerciante."
    roots = _roots(segmenter, coder, text)
    assert "14" not in roots
    assert "18" in roots


def test_a_vehicle_torn_apart_by_an_explosion_is_no_riot(segmenter, coder):
    text = "Tres comerciantes murieron destrozados al explotar el camión en que viajaban."
    assert "14" not in _roots(segmenter, coder, text)
    assert "14" in _roots(segmenter, coder, "Los manifestantes incendiaron dos vehículos de la policía.")


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("La decisión del gobierno de respaldar la intervención provocó protestas en la capital.", "05"),
        ("El enviado reafirmó su compromiso de oponerse a los bombardeos sobre el puerto.", "11"),
    ],
)
def test_an_infinitive_after_a_noun_of_intention_is_no_event(segmenter, coder, text, root):
    assert root not in _roots(segmenter, coder, text)


def test_the_act_itself_is_still_coded(segmenter, coder):
    assert "05" in _roots(segmenter, coder, "El gobierno respaldó la intervención de la misión de paz.")


def test_a_trigger_in_parentheses_is_an_aside(segmenter, coder):
    text = "Efectivos de la Prefectura (guardia costera militarizada) desalojaron un muelle ocupado por pescadores."
    roots = _roots(segmenter, coder, text)
    assert "15" not in roots
    assert "17" in roots


def test_a_sentence_that_is_all_aside_still_codes_its_event(segmenter, coder):
    assert "17" in _roots(segmenter, coder, "(La policía detuvo a 20 manifestantes en la plaza central.)")


def test_a_clash_between_police_and_agitators_is_no_armed_fighting(segmenter, coder):
    text = (
        "Los choques entre fuerzas del orden y agitadores se produjeron durante los mitines de la oposición."
    )
    roots = _roots(segmenter, coder, text)
    assert "19" not in roots
    assert "14" in roots


@pytest.mark.parametrize(
    "text",
    [
        "Se cumplió el paro nacional en medio de protestas aisladas que la policía dispersó sin demora.",
        "Los profesores iniciaron la huelga con una marcha, disuelta con violencia por la policía, frente a la gobernación.",
    ],
)
def test_how_a_protest_ended_in_a_clause_on_it_describes_the_protest(segmenter, coder, text):
    roots = _roots(segmenter, coder, text)
    assert "14" in roots
    assert "17" not in roots


def test_a_dispersal_in_its_own_clause_is_still_coded(segmenter, coder):
    text = "La policía dispersó con gases lacrimógenos a los maestros que marchaban hacia el ministerio."
    assert "17" in _roots(segmenter, coder, text)
