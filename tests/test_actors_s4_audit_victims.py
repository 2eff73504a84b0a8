"""Victims are no sources (session-4 audits): in Italian and French, the people a casualty participle follows
("sono rimasti feriti durante", "ont été blessés lors de") were hit by the attack the noun after it names
(coding/slots.py CASUALTY_VERBS). Sentences written for this test."""

from __future__ import annotations

import pytest

from coding_helpers import gazetteer_roles


@pytest.mark.parametrize(
    "lang, text, root",
    [
        ("it", "Altri dodici agenti di polizia sono rimasti feriti durante l'attacco.", "19"),
        ("it", "Due carabinieri sono stati feriti nell'attentato di ieri sera.", "18"),
        ("fr", "Quatre policiers ont été blessés lors de l'attaque des manifestants.", "19"),
    ],
)
def test_actors_s4_casualties_are_targets_not_sources(lang, text, root):
    roles = gazetteer_roles(lang, text, root)
    assert roles, "the attack is coded"
    assert all(src is None or not src.endswith("COP") for src, _ in roles), roles
    assert any(tgt is not None and tgt.endswith("COP") for _, tgt in roles), roles


def test_actors_s4_attackers_before_the_attack_stay_sources():
    roles = gazetteer_roles("it", "I ribelli hanno lanciato un attacco contro la caserma.", "19")
    assert any(src == "---REB" for src, _ in roles), roles
