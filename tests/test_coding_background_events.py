"""Background events the lexicon coder must not report as news of the sentence.

- An event noun right after "nach dem", "seit dem", "après les", "dopo l'", "after the" (markers.yaml
  time_reference) names an earlier event the clause takes as its time reference: no event of its own.

Every sentence is written for this test (none is corpus or gold text); each case has a twin where the same
event is the news.
"""

from __future__ import annotations

import pytest

from coding_helpers import code_with_gazetteer

_coded = code_with_gazetteer


def _roots(events) -> set[str]:
    return {e.cameo[:2] for e in events}


@pytest.mark.parametrize(
    ("lang", "background", "news", "root"),
    [
        (
            "de",
            "Nach dem gestrigen Anschlag nahm die Polizei zwei Verdächtige fest.",
            "Bei einem Anschlag in Kabul wurden am Montag zwölf Menschen getötet.",
            "18",
        ),
        (
            "de",
            "Seit dem Putsch im Juli sitzen Tausende Richter in Haft.",
            "Die Armee hat am Sonntag geputscht.",
            None,
        ),
        (
            "fr",
            "Après l'attentat de lundi, la police a bouclé la place.",
            "Un attentat a frappé lundi la place du marché.",
            "18",
        ),
        (
            "it",
            "Dopo l'attentato di ieri la polizia ha chiuso la piazza.",
            "Un attentato ha colpito la piazza del mercato.",
            "18",
        ),
        (
            "en",
            "After the bombing of the station, the mayor closed the schools.",
            "A bombing hit the station on Monday.",
            "19",
        ),
    ],
)
def test_event_noun_after_time_reference_is_background(lang, background, news, root):
    events = _coded(lang, background)
    assert not {"18", "19"} & _roots(events), [(e.cameo, e.rule) for e in events]
    if root:
        assert root in _roots(_coded(lang, news))


def test_time_reference_keeps_the_clause_event():
    events = _coded("de", "Nach dem Anschlag nahm die Polizei zwei Verdächtige fest.")
    assert "17" in _roots(events)
    assert "18" not in _roots(events)


# A named period of the past after a preposition of time (qualifiers dates.past_periods) places the event in
# history the report recalls; statements about it made now, and events of the same kind today, stay.
@pytest.mark.parametrize(
    ("lang", "history", "news"),
    [
        (
            "es",
            "Miles de familias fueron deportadas durante la Segunda Guerra Mundial.",
            "Miles de familias fueron deportadas el lunes por las autoridades.",
        ),
        (
            "es",
            "Su abuelo fue fusilado en la guerra civil de 1936 junto a su hermano.",
            "Los rebeldes bombardearon la ciudad durante la noche.",
        ),
        (
            "de",
            "Im Zweiten Weltkrieg wurden Tausende Familien aus der Stadt deportiert.",
            "Am Montag wurden Tausende Familien aus der Stadt deportiert.",
        ),
        (
            "it",
            "Migliaia di famiglie furono deportate durante la seconda guerra mondiale.",
            "Migliaia di famiglie sono state deportate lunedì dalle autorità.",
        ),
    ],
)
def test_event_in_a_named_past_period_is_background(lang, history, news):
    assert not _coded(lang, history), [(e.cameo, e.rule) for e in _coded(lang, history)]
    assert _coded(lang, news)


def test_statement_about_a_past_period_is_news():
    events = _coded("de", "Der Präsident entschuldigte sich für die Verbrechen im Zweiten Weltkrieg.")
    assert "05" in _roots(events)
    events = _coded(
        "es", "Alemania pidió perdón por los crímenes cometidos durante la Segunda Guerra Mundial."
    )
    assert "05" in _roots(events)
