"""A trigger may name words that cancel it right after its last word (`not_next`): French "arrêter de" +
infinitive is to stop doing, not to arrest (sentences written for these tests)."""

from __future__ import annotations

import pytest

from casus.coding.triggers import load_lexicon
from coding_helpers import code_with_gazetteer


def _arrests(text: str) -> list[str]:
    return [e.rule for e in code_with_gazetteer("fr", text) if e.cameo.startswith("173")]


@pytest.mark.parametrize(
    "text",
    [
        "Le ministre a arrêté de fumer il y a dix ans.",
        "Les autorités m'ont arrêtée d'écrire sur la corruption, a-t-elle dit.",
    ],
)
def test_coding_not_next_stop_doing_is_no_arrest(text):
    assert not _arrests(text)


def test_coding_not_next_a_real_arrest_stays():
    assert _arrests("La police française a arrêté dimanche trois militants à Bayonne.") == ["fr.arrest"]


def test_coding_not_next_is_read_from_the_lexicon(tmp_path):
    path = tmp_path / "xx.yaml"
    path.write_text(
        'lang: xx\ntriggers:\n  - {id: xx.stop, cameo: "173", pos: verb, pattern: "halt", not_next: ["De"]}\n',
        encoding="utf-8",
    )
    (trigger,) = load_lexicon(path).triggers
    assert trigger.not_next == frozenset({"de"})
