"""A feared, risked or warned-of event is hypothetical, not something that happened; the cue counts only
before the event ("die Annexion ... hat die Sorge vor ... verstärkt": the annexion happened). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer


def _modality(lang: str, text: str, root: str) -> list[str]:
    return [e.modality for e in code_with_gazetteer(lang, text) if e.cameo.startswith(root)]


@pytest.mark.parametrize(
    ("lang", "text", "root"),
    [
        ("en", "NATO fears a Russian invasion of Ukraine.", "19"),
        ("it", "La NATO e gli Stati Uniti temono un'invasione russa dell'Ucraina.", "19"),
        ("fr", "Les Lituaniens craignent une invasion russe de leur pays.", "19"),
        (
            "de",
            "Die Opposition befürchtet die Festnahme ihrer Abgeordneten durch die türkische Polizei.",
            "17",
        ),
        ("es", "Los vecinos temen nuevos ataques de la guerrilla contra el cuartel de la policía.", "18"),
    ],
)
def test_coding_modality_fear_before_the_event_makes_it_hypothetical(lang, text, root):
    found = _modality(lang, text, root)
    assert found and set(found) == {"hypothetical"}


def test_coding_modality_fear_after_the_event_does_not():
    text = (
        "Die Annexion der Krim durch Russland hat in den baltischen Staaten die Sorge vor einer "
        "russischen Expansion verstärkt."
    )
    assert "asserted" in _modality("de", text, "19")
