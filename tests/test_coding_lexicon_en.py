"""English constructions: demands and their content, deployments with and without a recipient, reporting
verbs with a pronoun subject, passives with 'by'."""

from __future__ import annotations

from casus.coding.lexicon import LexiconCoder
from casus.options import Options
from test_coding_lexicon import build_doc, triples


def _codes(text: str, actors: dict[str, str]) -> set[str]:
    return {e.cameo for e in LexiconCoder(Options()).code(build_doc([("body", text)], "en", actors))}


def test_coding_lexicon_en_what_a_demand_asks_is_not_an_event():
    codes = _codes(
        "The Kenyan opposition urged the government to withdraw its troops from Somalia.",
        {"The Kenyan opposition": "KENOPP", "the government": "KENGOV", "Somalia": "SOM"},
    )
    assert any(c.startswith("02") or c.startswith("10") for c in codes)
    assert not any(c.startswith("08") for c in codes)


def test_coding_lexicon_en_troops_sent_to_a_country_are_aid():
    got = triples(
        build_doc(
            [("body", "Rwanda sent 1,000 soldiers to Mozambique last month.")],
            "en",
            {"Rwanda": "RWA", "Mozambique": "MOZ"},
        )
    )
    assert ("RWA", "074", "MOZ") in got


def test_coding_lexicon_en_troops_deployed_with_no_recipient_are_a_posture():
    codes = _codes("The Indian army deployed extra troops along the border.", {"The Indian army": "INDMIL"})
    assert "154" in codes


def test_coding_lexicon_en_passive_with_by_agent():
    got = triples(
        build_doc(
            [("body", "Two villages were shelled by Azerbaijani forces overnight.")],
            "en",
            {"Two villages": "---CVL", "Azerbaijani forces": "AZEMIL"},
        )
    )
    assert any(s == "AZEMIL" and c.startswith("19") for s, c, _ in got)


def test_coding_lexicon_en_clause_relative_background_is_not_the_main_event():
    events = LexiconCoder(Options()).code(
        build_doc(
            [("body", "Protesters marched in Lima on Sunday against the new mining law.")],
            "en",
            {"Protesters": "---CVL", "Lima": "PER"},
        )
    )
    assert [e.cameo[:2] for e in events] == ["14"]


def test_coding_lexicon_en_mediation_between_two_parties_is_the_mediators_act():
    got = triples(
        build_doc(
            [("body", "Norway launched a mediation between Colombia and the ELN rebels on Monday.")],
            "en",
            {"Norway": "NOR", "Colombia": "COL", "the ELN rebels": "COLREB"},
        )
    )
    assert any(s == "NOR" and c.startswith("04") and t == "COL" for s, c, t in got), got


def test_coding_lexicon_en_a_city_a_meeting_is_held_in_is_where_not_whom():
    from casus.doc import Doc
    from casus.pipeline import Pipeline

    pipe = Pipeline(Options(lang="en"))

    def got(text: str) -> set[tuple]:
        doc = pipe.run(Doc(id="t", raw=text))
        return {(e.source and e.source.code, e.cameo, e.target and e.target.code) for e in doc.events}

    met = got("German and French ministers held a meeting in Berlin on Friday.")
    assert ("DEUGOV", "040", "FRAGOV") in met and ("FRAGOV", "040", "DEUGOV") in met
    assert not any(t == "DEU" for _, _, t in met)
    assert not any(
        t == "VEN" for _, _, t in got("Opposition leaders meeting in Caracas on Monday chose a candidate.")
    )
