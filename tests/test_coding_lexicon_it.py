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


def _city(doc, *names):
    for m in doc.mentions:
        if m.text in names:
            m.kind = "capital"
    return doc


def test_coding_lexicon_it_arrival_in_a_capital_is_a_visit_by_the_subject():
    # "è giunto a Madrid": the city after the travel verb is the visited target, not where it happened, and the
    # compound tense with "essere" is no passive
    doc = _city(
        build_doc(
            [
                (
                    "body",
                    "Il ministro degli Esteri turco è giunto ieri sera a Madrid per due giorni di colloqui.",
                )
            ],
            "it",
            {"Il ministro degli Esteri turco": "TURGOV", "Madrid": "ESP"},
        ),
        "Madrid",
    )
    got = triples(doc)
    assert ("TURGOV", "042", "ESP") in got
    assert not any(s == "ESP" for s, _, _ in got)


def test_coding_lexicon_it_arrival_present_tense_and_trip_to_a_capital():
    doc = _city(
        build_doc(
            [
                ("body", "Il cancelliere austriaco arriva domani in Polonia."),
                ("body", "La premier danese si è recata a Vilnius martedì."),
            ],
            "it",
            {
                "Il cancelliere austriaco": "AUTGOV",
                "Polonia": "POL",
                "La premier danese": "DNKGOV",
                "Vilnius": "LTU",
            },
        ),
        "Vilnius",
    )
    got = triples(doc)
    assert ("AUTGOV", "042", "POL") in got
    assert ("DNKGOV", "042", "LTU") in got


def test_coding_lexicon_it_reaching_an_agreement_is_no_visit():
    got = triples(
        build_doc(
            [("body", "Il governo greco e quello turco sono giunti a un accordo sui migranti.")],
            "it",
            {"Il governo greco": "GRCGOV", "quello turco": "TURGOV"},
        )
    )
    assert not any(c == "042" for _, c, _ in got)


def test_coding_lexicon_it_noun_appoggio_is_not_the_verb_appoggiare():
    # the lemmatizer gives "appoggiare" for the noun "appoggio": no subject is looked for before a noun
    got = triples(
        build_doc(
            [
                (
                    "body",
                    "Il ministro ha annunciato fondi agricoli e militari, oltre all'appoggio di Madrid al piano di Lisbona.",
                )
            ],
            "it",
            {"militari": "---MIL", "Madrid": "ESP", "Lisbona": "PRT"},
        )
    )
    assert not any(s == "---MIL" and c == "051" for s, c, _ in got)
    verb = triples(
        build_doc(
            [("body", "Il governo belga appoggia la candidatura della Moldavia.")],
            "it",
            {"Il governo belga": "BELGOV", "Moldavia": "MDA"},
        )
    )
    assert ("BELGOV", "051", "MDA") in verb


def test_coding_lexicon_it_war_noun_in_a_genitive_is_background():
    got = triples(
        build_doc(
            [
                ("body", "Il vescovo ha pregato per i profughi della guerra in Siria durante la messa."),
                ("body", "I negoziatori hanno discusso della fine della guerra."),
            ],
            "it",
            {"Il vescovo": "---REL", "i profughi": "---REF", "Siria": "SYR", "I negoziatori": "---GOV"},
        )
    )
    assert not any(c == "190" for _, c, _ in got)
    fight = triples(
        build_doc(
            [("body", "L'Azerbaigian ha rilanciato la guerra contro l'Armenia.")],
            "it",
            {"L'Azerbaigian": "AZE", "l'Armenia": "ARM"},
        )
    )
    assert ("AZE", "190", "ARM") in fight


def test_coding_lexicon_it_motorcade_is_no_protest():
    got = triples(
        build_doc(
            [
                ("body", "Centinaia di poliziotti presidiavano le strade lungo il percorso del corteo."),
                ("body", "Il corteo presidenziale ha attraversato il centro di Parigi."),
            ],
            "it",
            {},
        )
    )
    assert not any(c[:2] == "14" for _, c, _ in got)
    protest = triples(
        build_doc(
            [("body", "Il corteo dei sindacati ha sfilato contro la riforma delle pensioni.")],
            "it",
            {"sindacati": "---LAB"},
        )
    )
    assert any(s == "---LAB" and c == "141" for s, c, _ in protest)
