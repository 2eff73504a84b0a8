"""Who did what to whom in hostile events (session-4 audits): a victim named by a participle clause or a German
relative clause is the target, never the attacker; a German passive's "von" actor is the source and the one
before the auxiliary the target; a city after an attack noun says where, not who (coding/slots.py).
Sentences written for this test."""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer, gazetteer_roles


@pytest.mark.parametrize(
    "lang, text, victim",
    [
        (
            "it",
            "Il giornalista, ucciso in un agguato lo scorso anno, scriveva per un quotidiano locale.",
            "---MED",
        ),
        ("it", "Il giovane poliziotto rimasto ucciso durante la sparatoria aveva 28 anni.", "---COP"),
        ("en", "The reporter, killed in an air strike last month, had covered the war since 2014.", "---MED"),
        ("en", "Two soldiers killed in the ambush were buried in their home town.", "---MIL"),
        ("fr", "Le policier, blessé lors de la fusillade, a été transporté à l'hôpital.", "---COP"),
        (
            "de",
            "Der Reporter, der bei dem Bombenanschlag getötet wurde, arbeitete für einen Radiosender.",
            "---MED",
        ),
        ("de", "Der bei dem Überfall getötete Polizist hinterlässt zwei Kinder.", "---COP"),
        ("de", "Die Soldaten, die bei dem Angriff verletzt wurden, kamen in ein Krankenhaus.", "---MIL"),
    ],
)
def test_roles_s4_victim_of_a_participle_clause_is_the_target(lang, text, victim):
    roles = gazetteer_roles(lang, text, "1")
    assert roles, "the killing or attack is coded"
    assert all(src != victim for src, _ in roles), roles
    assert any(tgt == victim for _, tgt in roles), roles


def test_roles_s4_active_verb_keeps_its_subject():
    assert ("---REB", "---MIL") in gazetteer_roles(
        "en", "Rebels killed at least twelve soldiers in the ambush.", "18"
    )
    assert any(
        src == "---REB" for src, _ in gazetteer_roles("it", "I ribelli hanno ucciso tre soldati.", "18")
    )


def test_roles_s4_participle_agent_is_the_source():
    roles = gazetteer_roles(
        "it", "Il giornalista, rimasto ucciso da un colpo sparato da un poliziotto, aveva trent'anni.", "18"
    )
    assert ("---COP", "---MED") in roles, roles


@pytest.mark.parametrize(
    "text",
    [
        "Mehrere Aktivisten wurden von der Polizei in Gewahrsam genommen.",
        "Die Demonstranten wurden am Abend von der Polizei festgenommen.",
    ],
)
def test_roles_s4_german_passive_agent_is_the_source(text):
    roles = gazetteer_roles("de", text, "17")
    assert roles, "the arrest is coded"
    assert all(src == "---COP" for src, _ in roles), roles
    assert all(tgt is not None and tgt != "---COP" for _, tgt in roles), roles


@pytest.mark.parametrize(
    "lang, text",
    [
        ("de", "Die Terroranschläge von Madrid veränderten die spanische Politik."),
        ("fr", "Les attentats de Madrid ont changé la politique espagnole en 2004."),
        ("en", "The Madrid bombings changed Spanish politics."),
        ("it", "Gli attentati di Madrid hanno cambiato la politica spagnola."),
    ],
)
def test_roles_s4_city_after_an_attack_noun_is_where(lang, text):
    assert all(src != "ESP" and tgt != "ESP" for src, tgt in gazetteer_roles(lang, text, "1")), (
        gazetteer_roles(lang, text, "1")
    )


def test_roles_s4_group_after_an_attack_noun_stays_the_source():
    assert any(
        src == "PSEREBHMS"
        for src, _ in gazetteer_roles("it", "Gli attacchi di Hamas contro Israele continuano.", "19")
    )


def test_coding_roles_single_german_protester_is_an_actor():
    # the singular "Demonstrant" names a civilian as the plural does: the arrested one is the target
    got = [
        (e.cameo, e.source.code if e.source else None, e.target.code if e.target else None)
        for e in code_with_gazetteer("de", "Ein Demonstrant wurde von der Polizei in Gewahrsam genommen.")
    ]
    assert ("173", "---COP", "---CVL") in got
