"""What a protest is against is no event of the sentence, also with a place or date phrase between the protest
word and its reason ("protestierten in Berlin gegen die Angriffe", markers.yaml `setting`).

Every sentence is written for this test (none is corpus or gold text); each case has a twin where the
attack is the news.
"""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer

_coded = code_with_gazetteer


def _roots(events) -> set[str]:
    return {e.cameo[:2] for e in events}


@pytest.mark.parametrize(
    ("lang", "protest", "attack"),
    [
        (
            "de",
            "Tausende Studenten protestierten in Berlin gegen die israelischen Angriffe auf Gaza.",
            "Die israelische Armee flog am Montag Angriffe auf Gaza.",
        ),
        (
            "de",
            "Tausende Studenten protestierten am Samstag in der Berliner Innenstadt gegen die israelischen "
            "Angriffe auf Gaza.",
            "Die israelische Armee flog am Montag Angriffe auf Gaza.",
        ),
        (
            "es",
            "Miles de estudiantes protestaron en Madrid contra los ataques israelíes en Gaza.",
            "Los ataques israelíes en Gaza dejaron decenas de muertos.",
        ),
        (
            "en",
            "Thousands of students protested in London against the Israeli air strikes on Gaza.",
            "Israeli jets carried out air strikes on Gaza.",
        ),
    ],
)
def test_protest_reason_after_a_place_phrase_is_no_event(lang, protest, attack):
    events = _coded(lang, protest)
    assert "14" in _roots(events)
    assert not {"18", "19"} & _roots(events), [(e.cameo, e.rule) for e in events]
    assert {"18", "19"} & _roots(_coded(lang, attack))


def test_protest_reason_needs_the_reason_word_after_the_phrase():
    # "in Berlin" with no "gegen" after it: the attack told in its own clause stays an event
    events = _coded(
        "de", "Studenten protestierten in Berlin, während israelische Jets Angriffe auf Gaza flogen."
    )
    assert {"14", "19"} <= _roots(events)
