"""Italian, French and German precision, session 4 audit: word senses, places and modality the lexicon coder
must not read as events or actors (docs/audit.md, the dated section of session 4).

Every sentence here is written for this test, none is corpus text. Each false-event case has a true-event twin,
so a fix that only deletes a trigger fails.
"""

from __future__ import annotations

import pytest

from coding_helpers import actor_codes, asserted, code_with_gazetteer


# ------------------------------------------------------------------------------- a place is where, not whom
def test_de_city_after_in_is_no_protest_target():
    events = code_with_gazetteer(
        "de", "Tausende Rentner protestierten in Berlin gegen die Kürzungen der Regierung."
    )
    protests = asserted(events, "14")
    assert protests and all(actor_codes(e)[1] != "DEU" for e in protests)


def test_de_invasion_and_travel_keep_their_in_target():
    events = code_with_gazetteer("de", "Russische Truppen marschierten in Kiew ein.")
    assert any(actor_codes(e) == ("RUSMIL", "UKR") for e in asserted(events, "19"))
    events = code_with_gazetteer("de", "Der Kanzler traf am Abend in Paris ein.")
    assert any(actor_codes(e)[1] == "FRA" for e in asserted(events, "042"))


# ------------------------------------------------------------------------ "fordern" claims lives, not demands
@pytest.mark.parametrize(
    "text",
    [
        "Der Anschlag auf den Markt forderte mindestens drei Tote.",
        "Die Explosion forderte nach Angaben der Behörden mehrere Verletzte.",
        "Das Erdbeben forderte mehr als 200 Todesopfer.",
    ],
)
def test_de_claimed_casualties_are_no_demand(text):
    assert not asserted(code_with_gazetteer("de", text), "10")


def test_de_a_demand_is_still_a_demand():
    events = code_with_gazetteer("de", "Die Angehörigen der Toten forderten eine unabhängige Untersuchung.")
    assert asserted(events, "10")


# ---------------------------------------------------------------- word senses: (lang, not an event, root, twin)
SENSES = [
    # a court's sentence is no criticism; a government's condemnation is
    (
        "it",
        "Un giudice di Bari ha condannato il costruttore, residente a Milano, a due anni di detenzione.",
        "111",
        "Il governo italiano ha condannato con fermezza l'attacco contro i caschi blu.",
    ),
    # "manifestare" solidarity or apologies is to express it
    (
        "it",
        "Il sindaco ha manifestato la propria solidarietà ai lavoratori della fabbrica.",
        "14",
        "Migliaia di lavoratori hanno manifestato contro il governo.",
    ),
    # a figure of speech and a foiled plot are no bombing
    (
        "it",
        "Il leader della Lega ha definito la legge un attentato alla democrazia.",
        "18",
        "Un attentato ha colpito un mercato di Baghdad.",
    ),
    (
        "it",
        "La polizia ha sventato un attentato contro la sinagoga.",
        "18",
        "Un attentato ha colpito la sinagoga.",
    ),
    # a football formation is no attack
    (
        "it",
        "Nel modulo scelto dal tecnico, il centrocampista gioca in attacco.",
        "19",
        "L'attacco dei ribelli contro la base è durato tutta la notte.",
    ),
    # a player's contract is no political agreement
    (
        "it",
        "Il Milan ha firmato un contratto triennale con il giovane difensore.",
        "05",
        "L'Italia e la Francia hanno firmato un accordo sulla difesa.",
    ),
    # charges in a trial and contested accusations are no accusation made
    (
        "it",
        "Il processo contro l'imprenditore si è chiuso con le accuse di frode fiscale.",
        "112",
        "Il ministro ha lanciato pesanti accuse contro l'opposizione.",
    ),
    # a cancelled rally did not take place
    (
        "it",
        "La manifestazione contro la riforma è stata annullata per la pioggia.",
        "14",
        "La manifestazione contro la riforma ha riunito migliaia di persone.",
    ),
    # French: a requirement, a refusal with no one refusing, a protected computer, disaster and animal deaths
    (
        "fr",
        "La maîtrise de l'informatique est une exigence pour ce poste.",
        "10",
        "Les syndicats ont présenté leurs exigences au gouvernement.",
    ),
    (
        "fr",
        "Il évoquait aussi des refus répétés de lui accorder des congés.",
        "12",
        "Le gouvernement iranien a opposé un refus catégorique à la proposition.",
    ),
    (
        "fr",
        "Il est essentiel d'avoir un ordinateur protégé par un antivirus à jour.",
        "07",
        "Des soldats ont protégé le convoi humanitaire de l'ONU.",
    ),
    (
        "fr",
        "On compte au moins dix morts et d'importants dégâts matériels.",
        "18",
        "Des militants ont tué dix soldats nigérians.",
    ),
    (
        "fr",
        "Dans cette étude, les rats nourris au maïs transgénique sont morts plus tôt.",
        "18",
        "Des hommes armés ont tué trois policiers à Kidal.",
    ),
    # a death sentence is a conviction; an exam sat, fish caught, a fit of delirium, phone companies
    (
        "it",
        "Il dittatore è stato condannato a morte dal tribunale speciale.",
        "111",
        "Il governo ha condannato la repressione.",
    ),
    (
        "it",
        "Gli studenti hanno sostenuto ieri il test di ammissione.",
        "05",
        "Il governo ha sostenuto la proposta francese.",
    ),
    (
        "it",
        "Gran parte del pesce catturato nel lago finisce sui mercati esteri.",
        "17",
        "La polizia ha catturato il latitante.",
    ),
    (
        "it",
        "In preda a un attacco di delirio, l'uomo è stato portato in ospedale.",
        "19",
        "L'attacco dei ribelli è durato ore.",
    ),
    (
        "it",
        "Il decreto fa un regalo alle compagnie telefoniche.",
        "04",
        "Il ministro ha avuto una telefonata con il collega francese.",
    ),
    # German: broken promises recalled, a demand named as a label, supporters of a withdrawal
    (
        "de",
        "Das Misstrauen wurde durch nicht gehaltene Versprechen der Regierung verstärkt.",
        "03",
        "Der Minister versprach den Bauern rasche Entschädigungen.",
    ),
    (
        "de",
        "Eine links-grüne Forderung!",
        "10",
        "Die Gewerkschaft erneuerte ihre Forderung nach höheren Löhnen.",
    ),
    (
        "de",
        "Befürworter eines Austritts Ungarns aus der EU feierten.",
        "16",
        "Großbritannien hat den Austritt aus der EU vollzogen.",
    ),
]


@pytest.mark.parametrize("lang,text,root,twin", SENSES)
def test_word_sense_is_no_event_and_its_twin_is(lang, text, root, twin):
    assert not asserted(code_with_gazetteer(lang, text), root), text
    assert asserted(code_with_gazetteer(lang, twin), root), twin


def test_de_withdrawal_from_the_eu_targets_the_eu():
    events = asserted(
        code_with_gazetteer("de", "Großbritannien hat den Austritt aus der EU vollzogen."), "16"
    )
    assert any(actor_codes(e) == ("GBR", "IGOEUREEC") for e in events)


# ------------------------------------------------- German verb-second: the subject after a fronted phrase or clause
@pytest.mark.parametrize(
    "text,code,pair",
    [
        ("Im Übrigen forderte die Opposition die Regierung zum Rücktritt auf.", "10", ("---OPP", "---GOV")),
        ("Am Dienstag verurteilte die EU den Anschlag auf die Botschaft scharf.", "111", ("IGOEUREEC", None)),
        ("Bei seinem Besuch in Kairo verteidigte Kerry das Abkommen mit dem Iran.", "052", ("USAGOV", "IRN")),
        (
            "Israel müsse sich an das Völkerrecht halten, forderte der türkische Außenminister.",
            "10",
            None,
        ),
    ],
)
def test_de_subject_after_the_verb_is_the_source(text, code, pair):
    events = asserted(code_with_gazetteer("de", text), code)
    assert events
    if pair is None:  # a speech verb closing the sentence: its speaker acts on the clause before
        assert any(actor_codes(e) == ("TURGOV", "ISR") for e in events), [actor_codes(e) for e in events]
    else:
        assert any(
            actor_codes(e)[0] == pair[0] and (pair[1] is None or actor_codes(e)[1] == pair[1]) for e in events
        )


def test_de_subject_before_the_verb_keeps_its_object():
    # the clause opens with its subject (no fronted phrase): the actor after the verb is the object
    events = asserted(code_with_gazetteer("de", "Die Grünen kritisierten die Regierung scharf."), "111")
    assert events and all(actor_codes(e)[0] != "---GOV" for e in events)
    events = asserted(code_with_gazetteer("de", "Der Abgeordnete warf dem Weißen Haus Versagen vor."), "112")
    assert events and all(actor_codes(e)[0] != "USAGOV" for e in events)


@pytest.mark.parametrize(
    "text,root,twin",
    [
        (
            "Das Ministerium hat die Ausfuhr von Granaten nach Riad untersagt.",
            "19",
            "Russland feuerte Granaten auf Charkiw.",
        ),
        (
            "Künftig würden alle Telefonate sechs Monate lang gespeichert.",
            "04",
            "Merkel führte ein Telefonat mit Putin.",
        ),
        (
            "Die Landesbank soll Kredite an Gemeinden vergeben.",
            "056",
            "Der Präsident hat den Oppositionellen begnadigt.",
        ),
        (
            "Der Blogger war wegen des Vorwurfs der Volksverhetzung zu Haft verurteilt worden.",
            "112",
            "Die Opposition erhob schwere Vorwürfe gegen die Regierung.",
        ),
    ],
)
def test_de_word_sense_is_no_event_and_its_twin_is(text, root, twin):
    assert not asserted(code_with_gazetteer("de", text), root), text
    assert asserted(code_with_gazetteer("de", twin), root), twin
