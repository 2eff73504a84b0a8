"""Italian and German precision, session 4 audit round 2: talk and modal statements, word senses and inverted
speakers the lexicon coder must not read as asserted events or wrong actors (docs/audit.md, session 4, round 2).

Every sentence here is written for this test, none is corpus text. Each false-event case has a true-event twin,
so a fix that only deletes a trigger fails.
"""

from __future__ import annotations

from coding_helpers import actor_codes, asserted, code_with_gazetteer


# ------------------------------------------------------------- a threat to strike is a threat, not the strike
def test_it_threat_to_strike_is_a_threat():
    events = code_with_gazetteer("it", "La Corea del Nord minaccia di colpire gli Stati Uniti.")
    assert not asserted(events, "19")
    assert any(actor_codes(e) == ("PRK", "USA") for e in asserted(events, "138"))
    events = code_with_gazetteer("it", "Il presidente russo ha minacciato di bombardare l'Ucraina.")
    assert any(actor_codes(e) == ("RUSGOV", "UKR") for e in asserted(events, "138"))
    events = code_with_gazetteer("it", "I soldati russi hanno bombardato l'Ucraina.")
    assert any(actor_codes(e)[1] == "UKR" for e in asserted(events, "1"))


# ------------------------------------------------------------------- ready, willing, obliged: not asserted
def test_it_ready_to_attack_is_intended():
    events = code_with_gazetteer("it", "La Russia è pronta ad attaccare l'Ucraina.")
    assert not asserted(events, "19")
    assert any(e.cameo.startswith("19") and e.modality == "intended" for e in events)
    events = code_with_gazetteer("it", "Le truppe russe hanno attaccato l'Ucraina.")
    assert asserted(events, "19")


def test_it_willing_needs_being_or_saying():
    events = code_with_gazetteer("it", "Il giudice ha disposto a carico della Russia il sequestro dei beni.")
    assert not [e for e in events if e.cameo == "030"]
    events = code_with_gazetteer(
        "it", "Il governo italiano si è detto disposto a collaborare con la Francia."
    )
    assert any(actor_codes(e) == ("ITAGOV", "FRA") for e in events if e.cameo == "030")


def test_it_must_withdraw_is_no_withdrawal_and_the_demand_is_the_speakers():
    events = code_with_gazetteer(
        "it", "Gli Stati Uniti devono ritirare le truppe, ha chiesto il governo iracheno."
    )
    assert not asserted(events, "08")
    demands = asserted(events, "10")
    assert demands and all(actor_codes(e) == ("IRQGOV", "USA") for e in demands)


def test_it_inverted_speaker_after_quote():
    events = code_with_gazetteer(
        "it", "«Israele deve fermare i bombardamenti», ha chiesto il presidente francese."
    )
    assert any(actor_codes(e) == ("FRAGOV", "ISR") for e in events if e.cameo.startswith("10"))
    events = code_with_gazetteer(
        "it", "La polizia ha arrestato i manifestanti, ha denunciato l'opposizione bielorussa."
    )
    assert any(actor_codes(e) == ("BLROPP", "BLRCOP") for e in asserted(events, "11"))


# ---------------------------------------------------------- "denunciare" a crime to the police is no criticism
def test_it_reporting_a_crime_is_no_criticism():
    for text in (
        "La famiglia ha denunciato la scomparsa del ragazzo ai carabinieri.",
        "Il negoziante ha denunciato il furto alla polizia.",
        "Un ultrà è stato denunciato dalla Digos per rissa.",
        "Il giovane è stato denunciato a piede libero dalla polizia.",
    ):
        assert not [e for e in code_with_gazetteer("it", text) if e.cameo.startswith("11")], text
    events = code_with_gazetteer(
        "it", "Amnesty International ha denunciato le violenze della polizia egiziana."
    )
    assert any(actor_codes(e)[1] == "EGYCOP" for e in asserted(events, "111"))


# ------------------------------------------------------------------------- German: vows, demands, inversion
def test_de_vow_is_no_praise():
    events = code_with_gazetteer("de", "Bei der Finanzierung des Wahlkampfs gelobt der Kandidat Transparenz.")
    assert not [e for e in events if e.cameo.startswith("05")]
    events = code_with_gazetteer(
        "de", "Die Kanzlerin hat die Regierung Frankreichs für ihre Reformen gelobt."
    )
    assert [e for e in events if e.cameo.startswith("051")]


def test_de_inverted_speaker_wins_over_coordination():
    events = code_with_gazetteer(
        "de", "Israel habe den Waffenstillstand verletzt, warf die Hamas der Regierung vor."
    )
    accusations = [e for e in events if e.cameo.startswith("112")]
    assert accusations and all(actor_codes(e)[0] != "ISR" for e in accusations)


def test_de_demanded_withdrawal_is_not_asserted():
    events = code_with_gazetteer(
        "de", "Russland müsse seine Truppen aus der Ukraine abziehen, forderte der französische Präsident."
    )
    assert not asserted(events, "08")
    assert any(actor_codes(e) == ("FRAGOV", "RUS") for e in asserted(events, "10"))


# ----------------------------------------------------- recurring errors of the fresh samples (it seed 8, de seed 6)
def test_it_acquitted_accusation_is_background():
    events = code_with_gazetteer(
        "it", "Il sindaco è stato accusato di corruzione, poi prosciolto dal giudice."
    )
    assert not [e for e in events if e.cameo.startswith("112")]
    events = code_with_gazetteer("it", "Il sindaco è stato accusato di corruzione dall'opposizione.")
    assert [e for e in events if e.cameo.startswith("112")]


def test_it_months_of_arrest_are_a_sentence():
    events = code_with_gazetteer("it", "I due imprenditori sono stati condannati a tre mesi di arresto.")
    assert not [e for e in events if e.cameo == "173"]
    assert [e for e in events if e.cameo == "116"]
    events = code_with_gazetteer("it", "La polizia ha arrestato due imprenditori.")
    assert [e for e in events if e.cameo == "173"]


def test_it_player_sent_off_is_no_expulsion():
    events = code_with_gazetteer(
        "it", "Nel recupero del primo tempo due giocatori si fanno espellere dall'arbitro."
    )
    assert not [e for e in events if e.cameo.startswith("174")]
    events = code_with_gazetteer("it", "L'Italia ha espulso due diplomatici russi.")
    assert any(actor_codes(e) == ("ITA", "RUSGOV") for e in events if e.cameo.startswith("174"))


def test_it_surveys_and_titles_are_no_investigation():
    for text in (
        "L'ISTAT ha pubblicato una indagine statistica sui redditi delle famiglie.",
        "La commissione d'inchiesta ha consegnato la relazione finale.",
    ):
        assert not [e for e in code_with_gazetteer("it", text) if e.cameo.startswith("09")], text
    events = code_with_gazetteer("it", "La procura di Milano ha aperto un'inchiesta sul crollo del ponte.")
    assert [e for e in events if e.cameo.startswith("09")]


def test_it_expression_of_interest_is_no_demonstration():
    events = code_with_gazetteer(
        "it", "È stato pubblicato il bando per la manifestazione d'interesse per la nomina."
    )
    assert not [e for e in events if e.cameo.startswith("14")]
    events = code_with_gazetteer(
        "it", "Migliaia di studenti hanno partecipato alla manifestazione contro il governo."
    )
    assert [e for e in events if e.cameo.startswith("14")]


def test_de_recognised_government_is_a_status():
    events = code_with_gazetteer(
        "de", "Die international anerkannte jemenitische Regierung bat Riad um Unterstützung."
    )
    assert not [e for e in events if e.cameo.startswith("054")]
    events = code_with_gazetteer("de", "Russland erkannte die Unabhängigkeit Abchasiens an.")
    assert [e for e in events if e.cameo.startswith("054")]


def test_de_withdrawing_from_a_race_is_no_retreat():
    events = code_with_gazetteer("de", "Der Senator zog sich nach der Niederlage in Florida zurück.")
    assert not [e for e in events if e.cameo.startswith("087")]
    events = code_with_gazetteer("de", "Russland zog seine Soldaten aus Syrien zurück.")
    assert [e for e in events if e.cameo.startswith("087")]


# ------------------------------------------------ recurring errors of the after samples (it seed 9, de seed 7)
def test_it_announced_wish_to_meet_is_intended():
    events = code_with_gazetteer("it", "Il premier ha annunciato di volere incontrare i diplomatici indiani.")
    assert not asserted(events, "04")
    assert [e for e in events if e.cameo.startswith("04") and e.modality == "intended"]


def test_it_surname_violante_is_no_violation():
    events = code_with_gazetteer("it", "Rossi ha detto che le frasi di Violante sono una grave offesa.")
    assert not [e for e in events if e.cameo.startswith("128")]
    events = code_with_gazetteer("it", "La Russia ha violato lo spazio aereo della Turchia.")
    assert any(actor_codes(e) == ("RUS", "TUR") for e in events if e.cameo.startswith("128"))


def test_it_disease_kills_no_one_and_a_court_sentence_is_no_criticism():
    events = code_with_gazetteer("it", "La stessa malformazione cardiaca avrebbe ucciso suo fratello.")
    assert not [e for e in events if e.cameo.startswith("18")]
    events = code_with_gazetteer(
        "it", "La corte d'appello ha ordinato ai tribunali di applicare la condanna a morte."
    )
    assert not [e for e in events if e.cameo.startswith("111")]


def test_it_notifying_someone_is_no_warning():
    events = code_with_gazetteer("it", "I vicini hanno avvertito subito il proprietario della casa.")
    assert not [e for e in events if e.cameo == "012"]
    events = code_with_gazetteer("it", "Il governo ha avvertito la Russia di gravi conseguenze.")
    assert any(actor_codes(e)[1] == "RUS" for e in events if e.cameo == "012")


def test_de_warning_of_a_danger_is_a_pessimistic_comment_not_a_plan():
    events = code_with_gazetteer("de", "China hat vor einer steigenden Gefahr von Cyberangriffen gewarnt.")
    assert not [e for e in events if e.cameo.startswith("13")]
    assert any(e.cameo == "012" and e.modality == "asserted" for e in events)
    events = code_with_gazetteer("de", "Russland hat vor, seine Soldaten aus Syrien abzuziehen.")
    assert any(e.cameo.startswith("087") and e.modality == "intended" for e in events)


def test_de_prosecutor_asking_for_prison_is_no_demand():
    events = code_with_gazetteer(
        "de", "Die Anklage hat am Montag fünf Jahre Haft für den Ex-Bürgermeister gefordert."
    )
    assert not [e for e in events if e.cameo.startswith("10")]
    events = code_with_gazetteer("de", "Die Opposition hat den Rücktritt des Ministers gefordert.")
    assert [e for e in events if e.cameo.startswith("10")]


# --------------------------------------------------- recurring errors of the last samples (it seed 10, de seed 8)
def test_it_threats_of_nature_goods_seized_and_snowball_fights_are_no_events():
    for text, root in (
        ("L'incendio minaccia di raggiungere i villaggi della valle.", "13"),
        ("Il furgone è sequestrato in dogana.", "18"),
        ("I giovani improvvisarono battaglie con le palle di neve.", "19"),
    ):
        assert not [e for e in code_with_gazetteer("it", text) if e.cameo.startswith(root)], text
    events = code_with_gazetteer("it", "I ribelli hanno rapito due giornalisti italiani.")
    assert [e for e in events if e.cameo.startswith("181")]


def test_it_possibility_is_hypothetical():
    events = code_with_gazetteer(
        "it", "È concreta la possibilità che la conferenza sia ospitata dal Kazakistan."
    )
    assert not asserted(events, "04")


def test_de_rejecting_an_accusation_denies_it():
    events = code_with_gazetteer("de", "Die Kommission hat einen französischen Pressebericht zurückgewiesen.")
    assert [e for e in events if e.cameo == "016"] and not [e for e in events if e.cameo.startswith("12")]
    events = code_with_gazetteer("de", "Die Regierung wies den Vorschlag der Opposition zurück.")
    assert [e for e in events if e.cameo.startswith("12")]
