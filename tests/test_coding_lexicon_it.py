"""Italian constructions the lexicon coder must handle: nominal events with their owner and destination,
"i due paesi" as a compound, the reporter is not the source, intent codes, chained purpose verbs."""

from __future__ import annotations

from casus.coding.lexicon import LexiconCoder
from casus.options import Options
from test_coding_lexicon import build_doc, triples


def _events(lines, actors):
    return LexiconCoder(Options()).code(build_doc(lines, "it", actors))


def test_coding_lexicon_it_nominal_event_with_demonym_owner_and_destination():
    got = triples(
        build_doc(
            [("body", "Il governo teme l’invio di truppe bielorusse a sostegno della Serbia.")],
            "it",
            {"truppe bielorusse": "BLRMIL", "Serbia": "SRB"},
        )
    )
    assert ("BLRMIL", "072", "SRB") in got


def test_coding_lexicon_it_agent_of_nominal_event():
    got = triples(
        build_doc(
            [("body", "Si parla dello spiegamento di soldati da parte dell’Ungheria in Slovacchia.")],
            "it",
            {"Ungheria": "HUN", "Slovacchia": "SVK"},
        )
    )
    assert ("HUN", "072", "SVK") in got


def test_coding_lexicon_it_two_countries_sign_both_directions():
    got = triples(
        build_doc(
            [
                (
                    "body",
                    "Il premier indiano Modi ha visitato Tokyo, dove i due paesi hanno firmato un accordo.",
                )
            ],
            "it",
            {"Il premier indiano Modi": "INDGOV", "Tokyo": "JPN", "i due paesi": "---"},
        )
    )
    assert ("INDGOV", "042", "JPN") in got
    assert ("INDGOV", "057", "JPN") in got and ("JPN", "057", "INDGOV") in got


def test_coding_lexicon_it_reporter_is_not_the_source():
    events = _events(
        [("body", "Secondo l’esercito ucraino, la Russia ha attaccato la Moldavia.")],
        {"l’esercito ucraino": "UKRMIL", "la Russia": "RUS", "la Moldavia": "MDA"},
    )
    assert any(e.source and e.source.code == "RUS" and e.target and e.target.code == "MDA" for e in events)
    assert not any(e.source and e.source.code == "UKRMIL" for e in events)


def test_coding_lexicon_it_decided_to_send_is_an_intent():
    events = _events(
        [("body", "Il Ciad ha deciso di inviare 800 soldati in Niger.")],
        {"Il Ciad": "TCD", "Niger": "NER"},
    )
    assert any(e.cameo == "0332" and e.modality == "intended" for e in events)


def test_coding_lexicon_it_relations_between_two_actors():
    got = triples(
        build_doc(
            [("body", "Il deterioramento delle relazioni tra Algeria e Marocco preoccupa l’Europa.")],
            "it",
            {"Algeria": "DZA", "Marocco": "MAR"},
        )
    )
    assert ("DZA", "160", "MAR") in got


def test_coding_lexicon_it_coreference_members_give_both_directions():
    doc = build_doc(
        [("body", "Dopo mesi di trattative, i due paesi hanno firmato un accordo commerciale.")],
        "it",
        {"i due paesi": "CHL"},
    )
    doc.mentions[0].members = ["CHL", "ARG"]
    got = triples(doc)
    assert ("CHL", "057", "ARG") in got and ("ARG", "057", "CHL") in got


def test_coding_lexicon_it_speaker_calls_it_an_escalation():
    events = _events(
        [
            (
                "body",
                "L’invio di soldati bielorussi in Serbia costituirebbe una escalation, ha affermato il "
                "ministro degli esteri polacco.",
            )
        ],
        {"soldati bielorussi": "BLRMIL", "Serbia": "SRB", "il ministro degli esteri polacco": "POLGOV"},
    )
    crit = [e for e in events if e.cameo.startswith("11")]
    assert crit and crit[0].source.code == "POLGOV" and crit[0].target.code == "BLRMIL"
    assert crit[0].modality == "asserted"
    aid = [e for e in events if e.cameo.startswith("07")]
    assert aid and aid[0].source.code == "BLRMIL" and aid[0].attribution is not None


def test_coding_lexicon_it_coordinated_verbs_share_the_subject():
    got = triples(
        build_doc(
            [("body", "I ribelli hanno rapito tre medici francesi e attaccato la caserma dell’esercito.")],
            "it",
            {"I ribelli": "---REB", "tre medici francesi": "FRAHLH", "esercito": "---MIL"},
        )
    )
    assert any(s == "---REB" and c.startswith("19") for s, c, _ in got), got


def test_coding_lexicon_it_protest_target_is_what_is_protested_not_the_city():
    got = triples(
        build_doc(
            [("body", "Migliaia di studenti hanno manifestato a Madrid contro il governo spagnolo.")],
            "it",
            {"Migliaia di studenti": "---EDU", "Madrid": "ESP", "il governo spagnolo": "ESPGOV"},
        )
    )
    assert ("---EDU", "141", "ESPGOV") in got, got


def test_coding_lexicon_it_a_name_is_not_a_passive_auxiliary():
    got = triples(
        build_doc(
            [("body", "Gli Stati Uniti hanno inviato aiuti umanitari in Sudan.")],
            "it",
            {"Stati Uniti": "USA", "Sudan": "SDN"},
        )
    )
    assert ("USA", "073", "SDN") in got, got
