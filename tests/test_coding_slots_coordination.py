"""A second verb joined by a conjunction shares the first verb's subject: the first verb's object is not its
source (sentences written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from casus.options import Options
from casus.pipeline import Pipeline
from coding_helpers import triples


def _events(lang: str, text: str) -> list[tuple[str, str | None, str | None]]:
    return triples(Pipeline(Options(lang=lang)), text, lang=lang, published=date(2023, 6, 10))


@pytest.mark.parametrize(
    ("lang", "text", "root", "source", "target"),
    [
        (
            "it",
            "Zelensky ha ringraziato il governo italiano e ha invitato l'Italia a partecipare alla ricostruzione.",
            "02",
            "UKR",
            "ITA",
        ),
        (
            "es",
            "El gobierno de Irán protestó por la detención de sus diplomáticos y exigió explicaciones a Francia.",
            "10",
            "IRN",
            "FRA",
        ),
        (
            "en",
            "The Kenyan president praised the Ugandan government and then accused Tanzania of arming the rebels.",
            "11",
            "KEN",
            "TZA",
        ),
    ],
)
def test_coordinated_second_verb_takes_the_first_verbs_subject(lang, text, root, source, target):
    events = _events(lang, text)
    assert any(
        c.startswith(root) and (s or "").startswith(source) and (t or "").startswith(target)
        for c, s, t in events
    ), events


def test_actor_right_before_a_verb_without_a_conjunction_is_still_its_subject():
    # no conjunction: the nearest actor before the verb is the subject, as before
    events = _events("it", "Il governo italiano ha invitato l'Ucraina a partecipare alla conferenza di Roma.")
    assert any(
        c.startswith("02") and (s or "").startswith("ITA") and (t or "").startswith("UKR")
        for c, s, t in events
    ), events


def test_german_subject_before_a_date_and_place_set_off_by_commas_signs_with_its_partner():
    # commas around a date do not start a new clause; "in Warschau" is where, not who; signing is mutual
    events = _events(
        "de",
        "Deutschland und Polen haben am Dienstag, dem 5. März 2024, in Warschau ein Abkommen über "
        "die Stationierung einer Bundeswehr-Brigade unterzeichnet.",
    )
    pairs = {(s, t) for c, s, t in events if c.startswith("057")}
    assert ("DEU", "POL") in pairs and ("POL", "DEU") in pairs, events


def test_german_date_commas_also_before_a_plain_object():
    events = _events(
        "de",
        "Deutschland und Litauen haben am Montag, dem 18. Dezember 2023, in Vilnius einen Fahrplan für "
        "die Stationierung einer Bundeswehr-Brigade unterzeichnet.",
    )
    pairs = {(s, t) for c, s, t in events if c.startswith("057")}
    assert ("DEU", "LTU") in pairs and ("LTU", "DEU") in pairs, events


def test_a_symmetric_event_keeps_a_partner_named_with_a_preposition():
    events = _events("it", "Russia e Cina hanno firmato con l'Iran un accordo sul petrolio a Teheran.")
    assert any(c.startswith("057") and s == "RUS" and t == "IRN" for c, s, t in events), events


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "L'invasion de l'Ukraine par la Russie a commencé le 24 février 2022."),
        ("en", "The invasion of Ukraine by Russia began in February 2022."),
    ],
)
def test_an_event_noun_with_an_agent_takes_its_genitive_as_target(lang, text):
    events = _events(lang, text)
    assert any(c.startswith("19") and s == "RUS" and t == "UKR" for c, s, t in events), events
