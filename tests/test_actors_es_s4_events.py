"""Spanish events' actors: whose resignation is demanded is the target ("exigir la renuncia del gobernador").
Sentences written for these tests."""

from __future__ import annotations

import pytest

from coding_helpers import gazetteer_roles


def actors(text: str, prefix: str) -> list[tuple[str | None, str | None]]:
    return gazetteer_roles("es", text, prefix)


@pytest.mark.parametrize(
    ("text", "target"),
    [
        (
            "Cientos de campesinos marcharon a la capital para exigir la dimisión del gobernador de Chiapas.",
            "MEXGOV",
        ),
        ("Los manifestantes exigieron en La Paz la dimisión del presidente boliviano.", "BOLGOV"),
        ("La exigencia de renuncia del alcalde de Bogotá dividió al concejo.", "COLGOV"),
    ],
)
def test_es_demand_resignation_whose_is_the_target(text: str, target: str) -> None:
    found = actors(text, "1041")
    assert found and found[0][1] == target, found
    assert all(src != target for src, _ in found), found


def test_es_oas_full_name_without_article_is_the_accuser() -> None:
    text = "Un informe difundido por la Organización de Estados Americanos, que acusó a la Policía peruana de torturas."
    assert ("IGOOAS", "PERCOP") in actors(text, "112")


def test_es_forcing_an_intervention_is_no_coercion() -> None:
    text = (
        "La crisis entre Costa Rica y Panamá creó un clima de tensión que obligó a la intervención de la OEA."
    )
    assert not [t for _, t in actors(text, "17") if t == "IGOOAS"]


@pytest.mark.parametrize(
    ("text", "prefix", "source", "target"),
    [
        (
            "Protestaron ayer miles de campesinos bolivianos contra el gobierno de La Paz.",
            "14",
            "BOLAGR",
            None,
        ),
        ("Marcharon este lunes en Lima unos 5.000 estudiantes peruanos.", "14", "PEREDU", None),
        ("Bloquearon la carretera cientos de campesinos paraguayos.", "14", "PRYAGR", None),
    ],
)
def test_es_postposed_subject_acts(text: str, prefix: str, source: str, target: str | None) -> None:
    found = actors(text, prefix)
    assert found and found[0][0] == source, found


@pytest.mark.parametrize(
    "text",
    ["Detienen a 75 religiosos peruanos durante una marcha.", "Atacaron anoche la sede de la ONU en Bagdad."],
)
def test_es_object_after_a_verb_is_no_postposed_subject(text: str) -> None:
    assert all(src is None for src, _ in actors(text, "1")), actors(text, "1")


@pytest.mark.parametrize(
    "text",
    [
        "Los maestros marcharon contra el gobierno, según la policía.",
        "Según la policía, unos 3.000 mineros se manifestaron frente al Congreso.",
    ],
)
def test_es_police_named_as_source_do_not_undo_a_march(text: str) -> None:
    assert actors(text, "14"), text


def test_es_police_parade_is_no_protest() -> None:
    assert not actors("Cientos de policías desfilaron por la avenida principal en el aniversario.", "14")


@pytest.mark.parametrize(
    "text",
    [
        "Los mineros bloquearon la carretera y la policía los desalojó horas después.",
        "Los campesinos ocuparon la plaza y el ejército los dispersó con gases.",
    ],
)
def test_es_subject_of_a_second_clause_is_no_target(text: str) -> None:
    found = actors(text, "144")
    assert found and found[0][1] is None, found
