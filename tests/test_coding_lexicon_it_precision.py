"""Italian triggers on whole sentences through the full pipeline: visa and entry bans are sanctions on their
foreign target (163), exit bans on one's own people administrative sanctions (172); and the everyday senses of
Italian event words ("si tratta di", "occuparsi di", "la critica", "rimasti feriti", "segnale d'allarme") code
nothing. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from casus.doc import Doc
from casus.pipeline import Pipeline


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def coded(pipeline: Pipeline, text: str) -> list[tuple]:
    doc = pipeline.run(Doc(id="t", text=text, lang_hint="it"))
    assert doc.lang == "it"
    return [
        (e.source.code if e.source else None, e.cameo, e.target.code if e.target else None, e.rule)
        for e in doc.events
    ]


@pytest.mark.parametrize(
    "text, source, target",
    [
        (
            "Gli Stati Uniti hanno imposto restrizioni sui visti ai funzionari georgiani coinvolti.",
            "USA",
            "GEOGOV",
        ),
        (
            "Il Dipartimento di Stato ha annunciato restrizioni dei visti per i funzionari nicaraguensi.",
            "USAGOV",
            "NICGOV",
        ),
        ("Washington ha deciso lo stop ai visti per i dirigenti del regime bielorusso.", "USA", "BLRGOV"),
        ("La Lituania ha sospeso il rilascio dei visti ai cittadini russi.", "LTU", "RUSCVL"),
        (
            "L'Unione europea ha imposto un divieto di ingresso a venti funzionari iraniani.",
            "IGOEUREEC",
            "IRNGOV",
        ),
        ("L'UE ha adottato nuove sanzioni nei confronti della Russia.", "IGOEUREEC", "RUS"),
        ("Il Canada ha annunciato sanzioni contro la Corea del Nord.", "CAN", "PRK"),
    ],
)
def test_coding_lexicon_it_visa_and_entry_bans_are_sanctions_on_the_target(pipeline, text, source, target):
    got = coded(pipeline, text)
    assert any(s == source and c == "163" and t == target for s, c, t, _ in got), got


def test_coding_lexicon_it_exit_ban_on_own_people_is_administrative(pipeline):
    got = coded(pipeline, "Il governo ucraino ha vietato l'espatrio agli uomini tra 18 e 60 anni.")
    assert [(s, c) for s, c, _, _ in got] == [("UKRGOV", "172")]
    got = coded(pipeline, "Il regime iraniano ha ritirato il passaporto a due giornalisti dell'opposizione.")
    assert ("IRNGOV", "172") in [(s, c) for s, c, _, _ in got]


@pytest.mark.parametrize(
    "text",
    [
        "Il governo ha annunciato nuove restrizioni.",
        "Le restrizioni alle esportazioni di grano pesano sull'economia indiana.",
        "La Cina ha imposto restrizioni commerciali sui microchip.",
        "Per chi non rispetta l'obbligo è prevista una sanzione da 500 euro.",
    ],
)
def test_coding_lexicon_it_bare_or_economic_restrictions_code_nothing(pipeline, text):
    assert not [r for r in coded(pipeline, text) if r[1] in ("163", "172")]


@pytest.mark.parametrize(
    "text",
    [
        "Si tratta di un risultato storico per il partito di maggioranza.",
        "Da domani la tratta ferroviaria tra Milano e Bergamo sarà di nuovo attiva.",
        "Il comune si occuperà dell'accoglienza delle famiglie sfollate.",
        "Il regista è stato premiato dalla critica internazionale al festival.",
        "Le persone rimaste ferite nell'incidente sono state portate in ospedale.",
        "Il cesio rilevato è considerato un segnale d'allarme dagli esperti.",
        "Un boato è stato avvertito verso mezzanotte in tutto il quartiere.",
        "La squadra ha giocato 30 incontri internazionali nella stagione.",
        "Il calciatore ha scelto d'interrompere la relazione con la fidanzata.",
        "Il tasso di disoccupazione è rimasto fermo al 7 per cento.",
        "La manifestazione sportiva ha visto la partecipazione di 60 equipaggi da mezza Italia.",
        "Il legale ha spiegato che il suo assistito è soltanto andato in Libano.",
        "L'avvocato presenterà ricorso alla Corte d'appello di Milano.",
        "La statua ricordava la strage sul lavoro di Molfetta.",
        "Le raccomandazioni sono rivolte soprattutto agli abitanti della costa.",
        "Il ciclista belga ha accusato un forte dolore al ginocchio durante la tappa.",
        "Il consolato ci ha rilasciato il visto in 24 ore.",
        "I lavori proseguono e la visita della cripta non è ancora consentita.",
        "Il ragazzo si era ucciso impiccandosi nella sua stanza.",
        "Durante l'incontro il pugile ha condotto l'attacco dal centro del quadrato.",
        "Dopo cena l'uomo ha avvertito un senso di nausea ed è stato portato in ospedale.",
        "Era un autore del teatro impegnato degli anni Settanta.",
        "Quando i poliziotti si sono recati sul luogo hanno trovato la vittima.",
        "Per gli esperti l'accordo non rappresenterebbe una minaccia per Amazon.",
        "La Guardia Nazionale è giunta in una ventina di contee.",
        "Molti giornalisti sono stati uccisi per le loro inchieste.",
        "Il campione di pallavolo è morto per un arresto cardiaco a 40 anni.",
        "Il giudice ha disposto l'esecuzione delle misure cautelari chieste dal pm.",
        "L'uomo è rimasto ucciso dalla caduta di un cartellone stradale.",
        "I Blues vincono lo scontro al vertice contro il Tottenham con tre reti.",
        "Dall'opposizione arrivano duri attacchi al presidente del Consiglio.",
        "Il giudice ha accolto le richieste dell'accusa, sostenuta dal pm.",
        "Le due persone rimaste ferite ieri hanno riportato lievi contusioni.",
        "Le case vengono liberate dal fango dai volontari.",
        "Non si conosce la specie dell'uccello coinvolto nello scontro con il velivolo.",
    ],
)
def test_coding_lexicon_it_everyday_senses_code_nothing(pipeline, text):
    assert coded(pipeline, text) == []


@pytest.mark.parametrize(
    "text, cameo",
    [
        ("Il governo afghano ha accettato di trattare con i talebani.", "046"),
        ("La polizia ha convalidato il fermo di tre sospetti a Palermo.", "173"),
        ("Le forze russe hanno occupato la città di Cherson.", "192"),
        ("L'esercito sudcoreano è in stato di allerta dopo il lancio nordcoreano.", "152"),
        ("Il ministro ha rassegnato le dimissioni dopo lo scandalo.", "0831"),
        ("Il Papa ha lanciato un appello alla pace in Ucraina.", "020"),
        ("La rivolta popolare contro il regime è scoppiata a Daraa.", "145"),
        ("Il ministro ha negato ogni accusa di corruzione.", "016"),
        ("Il premier indiano si è recato a Mosca per due giorni.", "042"),
        ("Il governo si è impegnato a ritirare le truppe entro giugno.", "030"),
        ("La polizia ha sequestrato due tonnellate di droga nel porto.", "171"),
        ("Un gruppo armato ha sequestrato un imprenditore italiano in Nigeria.", "181"),
        ("Uno scontro a fuoco tra esercito e ribelli ha fatto dieci morti.", "190"),
    ],
)
def test_coding_lexicon_it_narrowed_triggers_still_fire(pipeline, text, cameo):
    assert cameo in [c for _, c, _, _ in coded(pipeline, text)]
