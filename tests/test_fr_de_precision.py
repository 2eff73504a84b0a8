"""French and German precision: word senses, nouns and moods the lexicon coder must not read as events.

The cases come from a hand audit of coded events in the unlabelled French Wikinews and German news corpus
(docs/audit.md, "French" and "German"); every sentence here is written for this test, none is corpus text.
Each false-event case has a true-event twin, so a fix that only deletes a trigger fails.
"""

from __future__ import annotations

import re

import pytest

from casus.coding.lexicon import LexiconCoder
from casus.doc import Doc, Mention
from casus.options import Options
from casus.pipeline import Pipeline


@pytest.fixture(scope="module")
def segmenters() -> dict[str, Pipeline]:
    return {lang: Pipeline(Options(lang=lang), until="segment") for lang in ("fr", "de")}


def _coded(segmenters, lang: str, text: str, actors: dict[str, str] | None = None) -> list:
    """Events of one text: the real tokenizer and lemmas, actor mentions given by the test."""
    doc = segmenters[lang].run(Doc(id="t", raw=text))
    doc.lang = lang
    doc.mentions = []
    for surface, code in (actors or {}).items():
        for m in re.finditer(re.escape(surface), doc.text):
            sent = next(s.index for s in doc.sentences if s.start <= m.start() < s.end)
            doc.mentions.append(Mention(m.start(), m.end(), surface, code, sent))
    doc.mentions.sort(key=lambda m: m.start)
    return LexiconCoder(Options(lang=lang)).code(doc)


def _asserted(events, code: str) -> bool:
    """An asserted, unnegated event whose CAMEO code starts with `code` (a root "11" or a code "111")."""
    return any(e.cameo.startswith(code) for e in events if e.modality == "asserted" and not e.negated)


# --------------------------------------------------------------------------------------------- French
FR_NOT_EVENTS = [
    # the noun "demande" is no appeal; "appelé X" names
    ("Madrid a officialisé sa demande d'aide financière auprès de la zone euro.", {"Madrid": "ESP"}, "02"),
    ("À la demande de sa famille, le corps du chanteur a été rapatrié au Sénégal.", {"Sénégal": "SEN"}, "02"),
    ("Cette particule est communément appelée boson de Higgs par les physiciens.", None, "02"),
    # participles used as nouns name the people an earlier event touched
    ("Les blessés ont été transportés à l'hôpital de Cayenne par hélicoptère.", None, "18"),
    ("D'anciens détenus ont décrit les centres de détention du régime.", None, "17"),
    # "signe" the noun; "marche" the verb "to work"; "menacés" the adjective; "accuser une baisse"
    ("Les observateurs y voient un signe de détermination du nouveau gouvernement.", None, "05"),
    ("Selon le navigateur, le système de détection marche très bien.", None, "14"),
    ("Le syndicat estime à 5 000 le nombre d'emplois menacés par la fermeture.", None, "13"),
    ("Le groupe informatique accuse une baisse de 3 % de son chiffre d'affaires.", None, "112"),
    # a court's order to pay is no criticism; a postponed departure is no rejection; stars encircle no one
    ("Le constructeur a été condamné à verser un milliard de dollars à son rival.", None, "111"),
    ("Après l'avarie, le skipper doit repousser son départ de deux jours.", None, "12"),
    ("La planète est encerclée par deux autres étoiles.", None, "19"),
    # a practice named as a topic, or abolished, is no act of it
    ("La Birmanie a officiellement aboli la censure de la presse.", {"Birmanie": "MMR"}, "17"),
    ("Des centaines de manifestations culturelles, expositions et conférences sont prévues.", None, "14"),
    # a formal charge ("mis en examen") is no arrest; a stampede's victims are no violence
    ("Les deux entreprises sont mises en examen pour homicide involontaire.", None, "17"),
    ("Trois femmes sont mortes piétinées et deux ont été blessées lors d'une bousculade.", None, "18"),
]

FR_EVENTS = [
    ("Le suspect a été placé en garde à vue à Lille.", None, "17"),
    ("Le ministre demande au gouvernement de suspendre la réforme des retraites.", None, "02"),
    ("L'ONU a appelé les deux camps à la retenue.", {"L'ONU": "IGOUNO"}, "02"),
    ("L'explosion a fait trois blessés près de la gare de Lyon.", None, "18"),
    ("La police a interpellé trois suspects à Marseille.", {"La police": "FRACOP"}, "17"),
    (
        "Le gouvernement signe un accord de coopération avec le Mali.",
        {"Le gouvernement": "FRAGOV", "Mali": "MLI"},
        "05",
    ),
    ("Le tribunal a condamné l'ancien maire à trois ans de prison.", None, "11"),
    ("Des milliers de personnes ont participé à une marche blanche à Toulouse.", None, "14"),
    ("Le chef rebelle a menacé de frapper la capitale.", {"Le chef rebelle": "---REB"}, "13"),
    ("Paris a vivement condamné l'attaque contre l'ambassade.", {"Paris": "FRA"}, "11"),
]


@pytest.mark.parametrize("text,actors,root", FR_NOT_EVENTS)  # root: a CAMEO root or code
def test_fr_precision_no_false_event(segmenters, text, actors, root):
    assert not _asserted(_coded(segmenters, "fr", text, actors), root)


@pytest.mark.parametrize("text,actors,root", FR_EVENTS)
def test_fr_precision_true_event_kept(segmenters, text, actors, root):
    found = {e.cameo[:2] for e in _coded(segmenters, "fr", text, actors)}
    assert root in found


def test_fr_court_order_to_pay_is_a_legal_finding(segmenters):
    events = _coded(
        segmenters, "fr", "La société a été condamnée à verser un million d'euros à son concurrent."
    )
    assert [e.cameo for e in events] == ["116"]


def test_fr_simple_future_is_intended(segmenters):
    events = _coded(
        segmenters,
        "fr",
        "Le président se rendra à Berlin jeudi.",
        {"Le président": "FRAGOV", "Berlin": "DEU"},
    )
    assert events and all(e.modality == "intended" for e in events)


def test_fr_possible_attack_is_hypothetical(segmenters):
    events = _coded(segmenters, "fr", "Les services redoutent une possible attaque contre la base.")
    assert "asserted" not in {e.modality for e in events if e.cameo.startswith("19")}


# --------------------------------------------------------------------------------------------- German
DE_NOT_EVENTS = [
    # "die Verhandlung" is a court hearing; cooperation named without partners is a topic
    ("Der Abgeordnete erschien nicht zu der Verhandlung am Landesgericht.", None, "04"),
    ("Die Zusammenarbeit der Parteien im Gemeinderat funktioniert gut.", None, "06"),
    # "gefordert": lives claimed; "besucht": school attended; "ermittelt": a figure determined
    ("Die Anschlagsserie hat nach offiziellen Angaben 129 Tote gefordert.", None, "10"),
    ("Rund 30.000 Schüler haben im vergangenen Jahr muttersprachlichen Unterricht besucht.", None, "04"),
    ("Das Institut ermittelte 55 Prozent für den Verbleib in der Union.", None, "09"),
    # a court's sentence is no condemnation; stones thrown before a building are no accusation
    ("Ein Blogger wurde in Riad zu zehn Jahren Haft verurteilt.", None, "111"),
    ("Die Demonstranten warfen Steine und Flaschen vor das Parlament.", None, "112"),
    # verbal and metaphorical "attacks" and "warning shots"
    ("Die Kandidaten verpflichten sich, persönliche Angriffe im Wahlkampf zu unterlassen.", None, "19"),
    ("Das Wahlergebnis ist ein Warnschuss für die Regierungsparteien.", None, "13"),
    ("Die Präsidentin kämpft nach der Affäre um ihr Amt.", None, "19"),
    ("Gleichgeschlechtliche Partnerschaften sind ein Thema der Synode.", None, "06"),
    # attributive participles recall an earlier arrest; "getroffen" is also "hit"; "festgehalten" also "recorded"
    ("Die Nationalität der Festgenommenen wurde nicht bekannt gegeben.", None, "17"),
    ("Der Polizist wurde am Arm getroffen, konnte das Feuer aber erwidern.", None, "04"),
    ("Die Erhöhung der Pensionen wurde in der Vereinbarung festgehalten.", None, "17"),
    # a vow is no praise; campaigning for a release is no release; "demonstrieren" also "to show"
    ("Die Mandatare haben ihrer Partei vorerst Treue gelobt.", None, "05"),
    ("Das Hilfswerk setzte sich immer wieder für die Freilassung des Priesters ein.", None, "08"),
    ("Ich demonstriere damit unser Engagement für die Bewohner der Region.", None, "14"),
    ("Das lässt sich am freien Markt nicht so leicht verdienen.", None, "08"),
    ("Die Aufträge für den Umbau sollen im Herbst vergeben werden.", None, "05"),
    ("Der Blogger war wegen Beleidigung des Islams verurteilt worden.", None, "111"),
    ("Die Namen der getöteten Soldaten wurden inzwischen veröffentlicht.", None, "18"),
]

DE_EVENTS = [
    ("Die Rebellen ließen am Montag zwölf Geiseln frei.", {"Die Rebellen": "---REB"}, "08"),
    ("Die Grünen haben die Verordnung des Ministers begrüßt.", {"Die Grünen": "AUTPTY"}, "05"),
    ("Tausende Menschen demonstrierten in Wien gegen die Regierung.", {"Wien": "AUT"}, "14"),
    ("Die Polizei hat in Berlin drei Verdächtige festgenommen.", {"Die Polizei": "DEUCOP"}, "17"),
    ("Kerry traf am Montag die Vertreter der FARC.", {"Kerry": "USAGOV", "FARC": "COLREB"}, "04"),
    (
        "Nordkorea und Südkorea nahmen am Montag Verhandlungen auf.",
        {"Nordkorea": "PRK", "Südkorea": "KOR"},
        "04",
    ),
    ("Die Opposition hat den Rücktritt des Ministers gefordert.", {"Die Opposition": "---OPP"}, "10"),
    (
        "Die Bundesregierung verurteilte den Anschlag auf die Synagoge scharf.",
        {"Die Bundesregierung": "DEUGOV"},
        "11",
    ),
    ("Indien wirft Pakistan vor, Rebellen zu unterstützen.", {"Indien": "IND", "Pakistan": "PAK"}, "11"),
    ("Regierungstruppen kämpfen im Osten gegen die Separatisten.", {"Regierungstruppen": "UKRMIL"}, "19"),
    (
        "Die Türkei und Russland vereinbarten eine engere Zusammenarbeit.",
        {"Die Türkei": "TUR", "Russland": "RUS"},
        "06",
    ),
]


@pytest.mark.parametrize("text,actors,root", DE_NOT_EVENTS)
def test_de_precision_no_false_event(segmenters, text, actors, root):
    assert not _asserted(_coded(segmenters, "de", text, actors), root)


@pytest.mark.parametrize("text,actors,root", DE_EVENTS)
def test_de_precision_true_event_kept(segmenters, text, actors, root):
    found = {e.cameo[:2] for e in _coded(segmenters, "de", text, actors)}
    assert root in found


def test_de_court_sentence_is_a_legal_finding(segmenters):
    events = _coded(
        segmenters, "de", "Ein US-Student ist in Nordkorea zu 15 Jahren Arbeitslager verurteilt worden."
    )
    assert [e.cameo for e in events] == ["116"]


def test_de_declared_readiness_is_intended(segmenters):
    text = "Moskau hat sich bereiterklärt, in Syrien eng mit den USA zu kooperieren."
    events = _coded(segmenters, "de", text, {"Moskau": "RUS", "USA": "USA"})
    assert events and all(e.modality == "intended" for e in events)


def test_de_possible_violation_is_not_asserted(segmenters):
    events = _coded(
        segmenters,
        "de",
        "Mögliche Verstöße der Regierung soll ein Schiedsgericht prüfen.",
        {"der Regierung": "AUTGOV"},
    )
    assert "asserted" not in {e.modality for e in events if e.cameo.startswith("12")}
