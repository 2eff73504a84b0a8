"""Role words that are adjectives of a noun ("aiuti militari e civili", "military and civilian aid") name no
actor; the same words after a function word, a numeral or a verb stay people."""

from __future__ import annotations

import pytest

from casus.actors.stage import ActorFinder
from casus.doc import Doc
from casus.pipeline import Pipeline
from test_actors import find


@pytest.fixture(scope="module")
def finder() -> ActorFinder:
    return ActorFinder.from_options(None)


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def texts(finder: ActorFinder, text: str, lang: str) -> list[str]:
    return [m.text for m in find(finder, text, lang)]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Il governo ha stanziato nuovi aiuti militari e civili per la ricostruzione.", "it"),
        ("I missili hanno colpito obiettivi civili e militari nella regione di Odessa.", "it"),
        ("Il Pentagono ha annunciato military and civilian aid for the region.", "en"),
        ("Washington will send more military and civilian aid this year.", "en"),
        ("Les frappes ont détruit des infrastructures militaires et civiles près du port.", "fr"),
        ("El bombardeo dañó instalaciones militares y civiles en la frontera.", "es"),
    ],
)
def test_actors_adjectival_pair_after_a_noun_is_no_actor(finder, text, lang):
    found = texts(finder, text, lang)
    assert not any(w in t.lower() for t in found for w in ("civil", "militar", "military"))


def test_actors_adjectival_noun_phrase_keeps_its_head(finder):
    # "vittime civili" is one actor; the "e militari" that continues its adjective is none
    found = texts(finder, "Le vittime civili e militari dei bombardamenti sono decine.", "it")
    assert found == ["Le vittime civili"]


def test_actors_adjectival_demonym_after_the_pair_stays(finder):
    mentions = find(finder, "La Germania prepara aiuti militari e civili ucraini e polacchi.", "it")
    assert "---MIL" not in [m.code for m in mentions]
    assert [m.code for m in mentions if m.kind == "demonym"][:1] == ["UKR"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Tra militari e civili, i feriti sono più di cento.", "it"),
        ("Nell'esplosione sono morti militari e civili.", "it"),
        ("Decine di militari e civili sono stati evacuati.", "it"),
        ("I droni colpiscono militari e civili senza distinzione.", "it"),
        ("Among the dead were military and civilian, officials said.", "en"),
    ],
)
def test_actors_adjectival_people_stay_actors(finder, text, lang):
    found = [t.lower() for t in texts(finder, text, lang)]
    assert "civili" in found or "civilian" in found


def test_actors_adjectival_aid_goes_to_kiev(pipeline):
    text = "La premier Giorgia Meloni ha promesso nuovi aiuti militari e civili a Kiev."
    doc = pipeline.run(Doc(id="t", text=text))
    aid = [e for e in doc.events if e.cameo.startswith("03")]
    assert aid and aid[0].target is not None and aid[0].target.code == "UKR"
    assert aid[0].source is not None and aid[0].source.code.startswith("ITA")


@pytest.mark.parametrize(
    "text, lang, gone, kept",
    [
        ("La guerra civile del Congo ha provocato milioni di morti.", "it", "civile", "COG"),
        ("Amnesty ha denunciato attacchi contro abitazioni civili a Gaza.", "it", "civili", "NGOHRIAMN"),
        ("Secondo fonti militari israeliane, i razzi sono caduti a Sderot.", "it", "militari", "ISR"),
    ],
)
def test_actors_adjectival_single_adjective_after_a_noun(finder, text, lang, gone, kept):
    mentions = find(finder, text, lang)
    assert not any(gone in m.text for m in mentions)
    assert kept in [m.code for m in mentions]


@pytest.mark.parametrize(
    "text",
    [
        "Il tribunale ha condannato due civili.",
        "Più civili sono stati uccisi nel villaggio.",
        "I civili fuggono.",
    ],
)
def test_actors_adjectival_numerals_and_articles_keep_people(finder, text):
    assert any("civili" in m.text for m in find(finder, text, "it"))
