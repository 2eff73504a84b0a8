"""Spanish false codings the lexicon coder must not make (sentences written for these tests): words that
only look like event words, participles that name people, the reason of a protest, protest tolls,
walk-outs and purpose clauses. Each case also checks that the real event of the sentence is still coded."""

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


def _events(segmenter, coder, text: str) -> list:
    doc = segmenter.run(Doc(id="t", raw=text))
    doc.lang = "es"
    doc.mentions = []
    return [e for e in coder.code(doc) if not e.negated]


def _roots(segmenter, coder, text: str) -> set[str]:
    return {e.cameo[:2] for e in _events(segmenter, coder, text)}


@pytest.mark.parametrize(
    "text",
    [
        "La última reunión del comité terminó sin anuncios, según el portavoz.",
        "Los guardias portaban fusiles frente al palacio municipal.",
    ],
)
def test_lemma_false_friends_are_not_killings(segmenter, coder, text):
    assert "18" not in _roots(segmenter, coder, text)


def test_written_forms_of_fusilar_still_code_a_killing(segmenter, coder):
    assert "18" in _roots(
        segmenter, coder, "Los rebeldes fusilaron a tres prisioneros en la plaza del pueblo."
    )


@pytest.mark.parametrize(
    "text",
    [
        "El abogado del detenido denunció malos tratos en la cárcel de la capital.",
        "Los familiares de los presos marcharon hasta la sede del ministerio.",
    ],
)
def test_participle_after_a_determiner_names_people_not_an_arrest(segmenter, coder, text):
    assert "17" not in _roots(segmenter, coder, text)


def test_arrest_with_a_count_or_a_passive_is_still_coded(segmenter, coder):
    assert "17" in _roots(segmenter, coder, "Doce estudiantes fueron detenidos el martes por la policía.")
    assert "17" in _roots(segmenter, coder, "La policía informó de 40 detenidos en la capital.")


def test_the_reason_of_a_protest_is_not_a_new_event(segmenter, coder):
    roots = _roots(segmenter, coder, "Los periodistas marcharon en protesta por la detención de un colega.")
    assert "14" in roots
    assert "17" not in roots


def test_a_protest_toll_codes_the_protest_not_a_killing(segmenter, coder):
    roots = _roots(
        segmenter,
        coder,
        "Las protestas campesinas, que el fin de semana dejaron tres muertos, seguían el lunes.",
    )
    assert roots == {"14"}


def test_ending_a_protest_needs_the_protest_near_the_verb(segmenter, coder):
    assert "08" in _roots(
        segmenter, coder, "Los mineros levantaron el lunes la huelga tras un acuerdo salarial."
    )
    assert "08" in _roots(segmenter, coder, "Los presos pusieron fin a su huelga de hambre.")
    walk_out = "Los diputados abandonaron el recinto parlamentario en señal de protesta por la votación."
    assert "08" not in _roots(segmenter, coder, walk_out)
    assert "08" not in _roots(segmenter, coder, "El plan busca poner fin a la violencia en la región.")


def test_purpose_marker_of_several_words(segmenter, coder):
    text = "Los ministros aprobaron un plan destinado a poner fin al bloqueo de las carreteras."
    assert "08" not in _roots(segmenter, coder, text)


def test_asking_for_anonymity_is_not_a_demand(segmenter, coder):
    text = "Un funcionario, que solicitó el anonimato, dijo que el acuerdo está cerca."
    assert "10" not in _roots(segmenter, coder, text)


def test_oponer_as_pitting_two_sides_is_not_disapproval(segmenter, coder):
    assert "11" not in _roots(
        segmenter, coder, "Los choques que opusieron a hinchas y policías duraron horas."
    )
    assert "11" in _roots(segmenter, coder, "El sindicato se opuso a la reforma laboral del gobierno.")


def test_joining_a_protest_is_protesting(segmenter, coder):
    roots = _roots(segmenter, coder, "Los transportistas se sumaron a las protestas de los campesinos.")
    assert "14" in roots
    assert "05" not in roots


def test_not_ruling_out_is_a_negated_rejection(segmenter, coder):
    doc_events = _events(
        segmenter, coder, "El ministro no descartó una intervención de la policía en el puerto."
    )
    assert "12" not in {e.cameo[:2] for e in doc_events}


def test_what_is_condemned_is_not_a_new_event(segmenter, coder):
    roots = _roots(segmenter, coder, "El gobierno condenó la detención de dos periodistas en la frontera.")
    assert "11" in roots
    assert "17" not in roots


def test_participle_after_a_noun_with_its_determiner_names_people(segmenter, coder):
    text = "Los vecinos rezaron en memoria de sus compañeros muertos en la mina."
    assert "18" not in _roots(segmenter, coder, text)
    assert "17" in _roots(segmenter, coder, "La policía los ha detenido en el aeropuerto.")


def test_coordinated_reasons_of_a_protest(segmenter, coder):
    text = "Las madres marcharon para protestar contra las torturas y las desapariciones de sus hijos."
    roots = _roots(segmenter, coder, text)
    assert "14" in roots
    assert "18" not in roots


def test_taking_up_a_duty_is_not_claiming_responsibility(segmenter, coder):
    duty = "El obispo pidió a los partidos asumir su responsabilidad ante la crisis."
    assert "01" not in _roots(segmenter, coder, duty)
    claim = "El grupo armado asumió la responsabilidad del atentado contra el cuartel."
    assert "01" in _roots(segmenter, coder, claim)


def test_protesting_as_a_manner_is_not_a_call_to_protest(segmenter, coder):
    text = "El tenista decidió abandonar la cancha protestando por los gritos del público."
    assert "13" not in _roots(segmenter, coder, text)
    call = "El sindicato decidió protestar frente al ministerio el próximo lunes."
    assert _roots(segmenter, coder, call) & {"13", "14"}


def test_counted_casualties_and_nouns_ending_like_participles_still_code(segmenter, coder):
    assert "18" in _roots(
        segmenter, coder, "Una veintena de heridos dejó el choque entre policías y mineros."
    )
    assert "18" in _roots(segmenter, coder, "El ataque dejó un policía muerto en la frontera.")
    assert "18" in _roots(segmenter, coder, "Según la policía, esos atentados fueron obra de la guerrilla.")


def test_oppose_with_contrario(segmenter, coder):
    roots = _roots(segmenter, coder, "La dirigente se mostró contraria al apoyo del partido al candidato.")
    assert "11" in roots
    assert "05" not in roots


@pytest.mark.parametrize(
    ("text", "rule_root", "mood"),
    [
        ("Los balleneros vienen a matar las ballenas del golfo.", "18", "intended"),
        ("La policía se disponía a desalojar el puente ocupado.", "17", "intended"),
        ("El gobierno espera que los rebeldes liberen a los rehenes esta semana.", "08", "hypothetical"),
    ],
)
def test_intent_and_hope_set_the_modality(segmenter, coder, text, rule_root, mood):
    found = [e for e in _events(segmenter, coder, text) if e.cameo.startswith(rule_root)]
    assert found
    assert all(e.modality == mood for e in found)


def test_a_protest_toll_named_after_its_verb(segmenter, coder):
    text = "El saldo que dejó la marcha fue de dos muertos y varios comercios saqueados."
    roots = _roots(segmenter, coder, text)
    assert "14" in roots
    assert "18" not in roots


def _roots_published(segmenter, coder, text: str, published) -> set[str]:
    doc = segmenter.run(Doc(id="t", raw=text))
    doc.lang = "es"
    doc.published = published
    doc.mentions = []
    return {e.cameo[:2] for e in coder.code(doc) if not e.negated}


def test_an_event_recalled_with_an_old_date_is_background(segmenter, coder):
    from datetime import date

    text = "Miles de personas marcharon hacia la plaza donde el líder fue asesinado en marzo de 1990 por un comando."
    roots = _roots_published(segmenter, coder, text, date(2001, 5, 4))
    assert "14" in roots
    assert "18" not in roots
    # the same killing reported within the year is news
    assert "18" in _roots_published(segmenter, coder, text, date(1990, 6, 1))
    # a date that opens the sentence sets the scene of a story told as news
    scene = "En 1968, la policía reprimió con violencia a los estudiantes en la capital."
    assert "17" in _roots_published(segmenter, coder, scene, date(1996, 8, 24))


def test_blocking_an_issue_is_not_a_road_block(segmenter, coder):
    assert "14" not in _roots(segmenter, coder, "El gobierno intenta bloquear la cuestión de las fronteras.")
    assert "14" in _roots(segmenter, coder, "Los camioneros bloquearon el paso fronterizo durante horas.")
