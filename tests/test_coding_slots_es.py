"""Spanish source and target slots (sentences written for these tests): who acted and whom it touched in
violence verbs, protests against someone in a named city, passives with 'por miembros de', an armed clash
'con' a force, and asides between dashes or commas before the verb."""

from __future__ import annotations

from datetime import date

import pytest

from casus.doc import Doc
from casus.options import Options
from casus.pipeline import Pipeline
from coding_helpers import triples


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(Options(lang="es"))


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None]]:
    return triples(pipeline, text, lang="es", published=date(2001, 3, 2))


def _has(events, root: str, source: str | None, target: str | None) -> bool:
    return any(
        c.startswith(root)
        and (source is None or (s or "").startswith(source))
        and (target is None or (t or "").startswith(target))
        for c, s, t in events
    )


def test_slots_es_a_city_after_en_is_where_not_whom(pipeline):
    events = _events(
        pipeline, "Miles de estudiantes chilenos marcharon en Santiago contra el ministro de Educación."
    )
    assert _has(events, "14", "CHL", "CHL"), events
    events = _events(pipeline, "Cientos de campesinos reclamaron en Lima la renuncia del presidente peruano.")
    assert not any(t == "PER" for _, _, t in events), events  # not the capital as the target
    assert _has(events, "10", None, "PERGOV"), events


def test_slots_es_who_died_is_the_target_and_the_killer_the_source(pipeline):
    events = _events(pipeline, "Cuatro soldados colombianos murieron a manos de guerrilleros de las FARC.")
    assert _has(events, "18", "COLREB", "COLMIL"), events
    events = _events(pipeline, "Murieron dos policías peruanos en un ataque de Sendero Luminoso.")
    assert _has(events, "18", None, "PERCOP"), events
    assert not any(s and s.startswith("PERCOP") for _, s, _ in events), events


def test_slots_es_members_of_a_group_are_the_agent_of_a_passive(pipeline):
    events = _events(
        pipeline, "Un comerciante fue secuestrado por integrantes del ELN en una carretera del Cesar."
    )
    assert _has(events, "18", "COLREB", None), events


def test_slots_es_a_clash_with_troops_has_the_troops_as_target(pipeline):
    events = _events(
        pipeline,
        "Guerrilleros del ELN sostuvieron en la madrugada , un combate con tropas del Ejército , ARAUCA , SARAVENA",
    )
    assert _has(events, "19", "COLREB", "COLMIL"), events


def test_slots_es_an_aside_between_dashes_is_not_the_subject(pipeline):
    events = _events(
        pipeline,
        "Centenares de venezolanos -en su mayoría estudiantes y jubilados- protestaron en Caracas contra el gobierno.",
    )
    assert _has(events, "14", "VEN", None), events
    assert not any(s == "---EDU" for _, s, _ in events), events


def test_slots_es_the_organiser_of_a_protest_is_its_source(pipeline):
    events = _events(pipeline, "La marcha fue organizada por la Central Obrera Boliviana.")
    assert _has(events, "14", "BOLLAB", None), events


def test_slots_es_the_head_of_a_genitive_chain_is_the_patient(pipeline):
    events = _events(
        pipeline,
        "Un convoy del Programa Mundial de Alimentos de la ONU fue atacado por guerrilleros de las FARC.",
    )
    assert _has(events, "18", "COLREB", "IGOUNOWFP"), events


def test_slots_es_a_headline_noun_that_is_the_verb_takes_its_object(pipeline):
    events = _events(pipeline, "GOBIERNO PERUANO DENUNCIA MANIOBRAS DE TROPAS ECUATORIANAS")
    assert _has(events, "11", "PER", "ECU"), events
    events = _events(pipeline, "El ejército serbio morteros de 120 mm cerca de la base de los cascos azules.")
    assert not any(t and t.startswith("IGO") for _, _, t in events), events  # no verb here


def test_slots_es_what_is_burned_belongs_to_the_target(pipeline):
    events = _events(
        pipeline, "Estudiantes iraníes quemaron una bandera estadounidense frente a la antigua embajada."
    )
    assert _has(events, "14", "IRN", "USA"), events


def test_slots_es_granada_is_no_country(pipeline):
    doc = pipeline.run(
        Doc(id="t", raw="Unos 3.000 estudiantes marcharon ayer por el centro de Granada.", lang_hint="es")
    )
    assert not any(m.code.startswith("GRD") for m in doc.mentions), doc.mentions


def test_slots_es_clashes_between_two_sides_as_a_verbs_object(pipeline):
    events = _events(
        pipeline,
        "El ejército peruano libró combates entre Ayacucho y Huanta contra columnas de Sendero Luminoso.",
    )
    assert not any(t == "PER" for _, _, t in events), events  # no places as the sides
    events = _events(
        pipeline,
        "Se registraron enfrentamientos entre guerrilleros del ELN y tropas del Ejército colombiano.",
    )
    assert _has(events, "19", "COLREB", "COLMIL"), events
    assert not any(c.startswith("145") for c, _, _ in events), events  # armed fighting, not a riot


def test_slots_es_a_members_agent_and_a_city_after_en_in_one_sentence(pipeline):
    events = _events(
        pipeline, "Un periodista fue secuestrado en Bogotá por miembros del Ejército de Liberación Nacional."
    )
    assert _has(events, "18", "COLREB", "COLMED"), events
