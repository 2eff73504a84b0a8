"""Italian surnames that are demonyms ("Gabriele Russo", "Maria Greco") are people's names, not countries;
the lower-case adjective and a title-cased role word keep the country."""

from __future__ import annotations

import pytest

from casus.actors.stage import ActorFinder
from test_actors import find


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder.from_options(None)


@pytest.mark.parametrize(
    "text",
    [
        "Tra i feriti ci sono Luca Bianchi, 40 anni, e Gabriele Russo, 34 anni, di Messina.",
        "Lo ha spiegato ai giornalisti l'assessore Maria Greco durante la conferenza.",
        "All'incontro era presente anche il consigliere comunale Paolo Tedesco.",
    ],
)
def test_actors_surnames_are_no_demonyms(finder, text):
    codes = [m.code for m in find(finder, text, "it")]
    assert not any(c[:3] in ("RUS", "GRC", "DEU") for c in codes), codes


@pytest.mark.parametrize(
    "text, code",
    [
        ("Ieri il Presidente Russo ha parlato alla nazione.", "RUSGOV"),
        ("Il ministro degli Esteri russo ha incontrato il collega greco.", "RUSGOV"),
        ("Russo di nascita, vive a Roma da vent'anni.", "RUS"),
    ],
)
def test_actors_surnames_demonyms_stay_where_they_are_adjectives(finder, text, code):
    assert code in [m.code for m in find(finder, text, "it")]
