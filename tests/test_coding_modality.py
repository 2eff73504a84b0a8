"""Modality and negation cues, scoped to the trigger's clause, in it/en/fr/es/de."""

from __future__ import annotations

import pytest

from casus.coding import modality
from casus.doc import Doc, Sentence


def detect(text: str, trigger: str, lang: str, attributed: bool = False) -> modality.ModalityResult:
    doc = Doc(id="t", text=text, lang=lang)
    sent = Sentence(index=0, start=0, end=len(text), paragraph=0)
    start = text.index(trigger)
    return modality.detect(doc, sent, start, start + len(trigger), lang, attributed=attributed)


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "expected"),
    [
        # in the style of the model input
        (
            "Crisi nel Sahel: l’invio di truppe ciadiane a sostegno del Niger segnerebbe "
            "“una svolta pericolosa”, secondo l’Unione africana",
            "invio",
            "it",
            "hypothetical",
        ),
        (
            "Secondo i servizi segreti francesi, il Ciad ha deciso di inviare "
            "fino a 3.000 soldati per aiutare il Niger.",
            "inviare",
            "it",
            "intended",
        ),
        (
            "Interpellato giovedì sulla questione, il portavoce Omar Diallo ha indicato che l’Unione non può "
            "confermare “al momento” lo spiegamento di truppe da parte del Ciad in Niger.",
            "spiegamento",
            "it",
            "unconfirmed",
        ),
        ("Il Cremlino ha smentito l’invio di soldati russi in Bielorussia.", "invio", "it", "denied"),
        ("Se Mosca attaccasse la Moldavia, la NATO interverrebbe.", "attaccasse", "it", "hypothetical"),
        ("Il governo invierà altri aiuti a Kiev.", "aiuti", "it", "intended"),
        ("L’esercito avrebbe bombardato un ospedale a Gaza.", "bombardato", "it", "reported"),
        ("La Russia invierà truppe in Bielorussia?", "truppe", "it", "question"),
        # English
        ("If North Korea sends troops, the alliance will respond.", "sends", "en", "hypothetical"),
        ("The strike could trigger a wider war.", "strike", "en", "hypothetical"),
        ("Pyongyang has decided to send troops to Russia.", "send", "en", "intended"),
        ("The government plans to impose new sanctions on Iran.", "impose", "en", "intended"),
        ("Officials cannot confirm the deployment of troops.", "deployment", "en", "unconfirmed"),
        ("Moscow denied sending soldiers into Ukraine.", "sending", "en", "denied"),
        ("Rebels reportedly seized the airport.", "seized", "en", "reported"),
        ("Did Russia send troops to Belarus?", "send", "en", "question"),
        ("Police arrested 20 protesters in Lagos.", "arrested", "en", "asserted"),
        # French
        ("La France enverrait des troupes en Roumanie.", "enverrait", "fr", "hypothetical"),
        ("Le retrait des troupes a commencé lundi.", "retrait", "fr", "asserted"),
        ("Le Kremlin a démenti l'envoi de soldats.", "envoi", "fr", "denied"),
        (
            "L'Otan ne peut pas confirmer le déploiement de soldats nord-coréens.",
            "déploiement",
            "fr",
            "unconfirmed",
        ),
        ("Paris a décidé de livrer des chars à Kiev.", "livrer", "fr", "intended"),
        # Spanish
        ("Corea del Norte enviaría tropas a Rusia.", "enviaría", "es", "hypothetical"),
        ("La policía detuvo a veinte manifestantes.", "detuvo", "es", "asserted"),
        ("El gobierno negó haber enviado tropas a la frontera.", "enviado", "es", "denied"),
        ("El ejército decidió retirar sus tropas de la zona.", "retirar", "es", "intended"),
        ("La OTAN no puede confirmar el despliegue de tropas.", "despliegue", "es", "unconfirmed"),
        # German
        ("Nordkorea würde Truppen schicken.", "schicken", "de", "hypothetical"),
        ("Die Regierung beschloss, Truppen zu entsenden.", "entsenden", "de", "intended"),
        (
            "Die NATO kann den Einsatz nordkoreanischer Truppen nicht bestätigen.",
            "Einsatz",
            "de",
            "unconfirmed",
        ),
        ("Moskau dementierte die Entsendung von Soldaten.", "Entsendung", "de", "denied"),
        ("Die Armee soll ein Krankenhaus bombardiert haben.", "bombardiert", "de", "reported"),
    ],
)
def test_coding_modality_cues(text, trigger, lang, expected):
    assert detect(text, trigger, lang).modality == expected


def test_coding_modality_conditional_in_other_clause_does_not_leak():
    text = "La Russia ha inviato truppe in Bielorussia, mentre la Cina potrebbe inviare aiuti."
    assert detect(text, "inviato", "it").modality == "asserted"
    assert detect(text, "inviare", "it").modality == "hypothetical"


def test_coding_modality_coordinated_conditional_does_not_leak():
    text = (
        "Circa 800 soldati delle forze speciali ciadiane sono già in Niger per addestrarsi e "
        "dovrebbero presto raggiungere il confine, secondo la stessa fonte."
    )
    assert detect(text, "sono già", "it").modality == "asserted"


@pytest.mark.parametrize(
    ("text", "trigger", "lang"),
    [
        ("La Russia non ha inviato truppe.", "inviato", "it"),
        ("North Korea did not send troops to Russia.", "send", "en"),
        ("North Korea didn't send troops to Russia.", "send", "en"),
        ("La Russie n’a pas envoyé de troupes.", "envoyé", "fr"),
        ("Rusia no envió tropas a Bielorrusia.", "envió", "es"),
        ("Russland schickte keine Truppen.", "schickte", "de"),
        ("Russland hat die Truppen nicht abgezogen.", "abgezogen", "de"),
    ],
)
def test_coding_modality_negation(text, trigger, lang):
    result = detect(text, trigger, lang)
    assert result.negated
    assert any(c["kind"] == "negation" for c in result.cues)


def test_coding_modality_negation_inside_cue_is_not_negation():
    result = detect("L’Alleanza non può confermare lo spiegamento di truppe.", "spiegamento", "it")
    assert result.modality == "unconfirmed"
    assert not result.negated


def test_coding_modality_not_only_is_not_negation():
    assert not detect("Russia not only sent troops but also weapons.", "sent", "en").negated


def test_coding_modality_far_negation_does_not_apply():
    text = "Il ministro non ha escluso che il governo abbia già firmato e ratificato il trattato."
    assert not detect(text, "ratificato", "it").negated


def test_coding_modality_attributed_is_reported_unless_stronger_cue():
    assert (
        detect("La Corea del Nord ha inviato truppe.", "inviato", "it", attributed=True).modality
        == "reported"
    )
    text = "La Corea del Nord ha deciso di inviare truppe."
    assert detect(text, "inviare", "it", attributed=True).modality == "intended"


def test_coding_modality_cues_carry_doc_offsets():
    text = "Prima frase. La Francia enverrait des troupes."
    doc = Doc(id="t", text=text, lang="fr")
    sent = Sentence(index=1, start=13, end=len(text), paragraph=0)
    start = text.index("troupes")
    result = modality.detect(doc, sent, start, start + 7, "fr")
    cue = result.cues[0]
    assert text[cue["start"] : cue["end"]] == "enverrait"


def test_coding_modality_clause_span_inside_sentence():
    text = "Secondo la NATO, la Russia ha attaccato Kiev, ha affermato il portavoce."
    doc = Doc(id="t", text=text)
    sent = Sentence(index=0, start=0, end=len(text), paragraph=0)
    start = text.index("attaccato")
    c0, c1 = modality.clause_span(doc, sent, start, start + 9, "it")
    assert "attaccato" in text[c0:c1]
    assert "affermato" not in text[c0:c1]


def test_coding_modality_unknown_language_falls_back_to_english():
    assert detect("Russia would send troops.", "send", "xx").modality == "hypothetical"


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "expected"),
    [
        ("Putin visited Pyongyang in May and signed a treaty.", "signed", "en", "asserted"),
        ("The strike broke the will of the rebels.", "strike", "en", "asserted"),
        ("Le ministre va à Kiev pour rencontrer Zelensky.", "rencontrer", "fr", "asserted"),
        ("Le ministre va rencontrer Zelensky à Kiev.", "rencontrer", "fr", "intended"),
        ("Le bilan est si lourd que l'armée a retiré ses troupes.", "retiré", "fr", "asserted"),
        ("El ministro va a Kiev para reunirse con Zelensky.", "reunirse", "es", "asserted"),
        ("El ministro va a viajar a Kiev.", "viajar", "es", "intended"),
        ("Der Oppositionsführer wird in Moskau festgenommen.", "festgenommen", "de", "asserted"),
        ("Die Regierung wird Truppen an die Grenze schicken.", "schicken", "de", "intended"),
    ],
)
def test_coding_modality_cue_lookalikes(text, trigger, lang, expected):
    assert detect(text, trigger, lang).modality == expected


@pytest.mark.parametrize("lang", modality.LANGS)
def test_coding_modality_lexicon_values_are_words(lang):
    """YAML reads bare on/no/yes as booleans: every cue must stay a string (quote it)."""

    def walk(node, path):
        if isinstance(node, dict):
            for key, value in node.items():
                assert isinstance(key, str), f"{lang}: {path}: key {key!r}"
                walk(value, f"{path}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{path}[{i}]")
        else:
            assert isinstance(node, (str, int, float)) and not isinstance(node, bool), (
                f"{lang}: {path}: {node!r}"
            )

    walk(modality.qualifier_data(lang), "")


@pytest.mark.parametrize(
    ("text", "trigger", "expected"),
    [
        ("Die Lage an der Grenze wird nach dem Angriff schwieriger.", "Angriff", "asserted"),
        ("Die Armee soll ein Krankenhaus bombardiert haben.", "bombardiert", "reported"),
        ("Die Steuer soll nach dem Beschluss der Regierung sinken.", "Beschluss", "asserted"),
    ],
)
def test_coding_modality_german_werden_and_sollen(text, trigger, expected):
    assert detect(text, trigger, "de").modality == expected


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "expected"),
    [
        ("L'armée livrait des armes aux rebelles et se retirait de la ville.", "livrait", "fr", "asserted"),
        (
            "Le président inaugurait le pont lorsque la police a arrêté dix manifestants.",
            "arrêté",
            "fr",
            "asserted",
        ),
        ("Le Kremlin enverrait des troupes en Biélorussie.", "troupes", "fr", "hypothetical"),
        ("Moscou permettrait l'accès des inspecteurs.", "accès", "fr", "hypothetical"),
        ("Lo que ocurría en la frontera preocupaba al gobierno.", "frontera", "es", "asserted"),
        ("La policía quería detener a los manifestantes.", "detener", "es", "asserted"),
    ],
)
def test_coding_modality_imperfect_is_not_conditional(text, trigger, lang, expected):
    assert detect(text, trigger, lang).modality == expected


@pytest.mark.parametrize(
    ("text", "trigger", "lang", "expected"),
    [
        ("Si la Russie attaque la Moldavie, l'Otan interviendra.", "attaque", "fr", "hypothetical"),
        ("Si Rusia ataca Moldavia, la OTAN intervendrá.", "ataca", "es", "hypothetical"),
        ("Wenn Russland Moldau angreift, greift die NATO ein.", "angreift", "de", "hypothetical"),
        ("La Russie a-t-elle envoyé des troupes en Biélorussie ?", "envoyé", "fr", "question"),
        ("¿Enviará Rusia tropas a Bielorrusia?", "tropas", "es", "question"),
        ("Hat Russland Truppen nach Belarus geschickt?", "geschickt", "de", "question"),
        ("L'armée aurait bombardé un hôpital à Gaza.", "bombardé", "fr", "reported"),
        ("El ejército presuntamente bombardeó un hospital.", "bombardeó", "es", "reported"),
        ("Il ministro ha minacciato di espellere l’ambasciatore.", "espellere", "it", "intended"),
        ("Mosca ha negato di aver inviato soldati.", "inviato", "it", "denied"),
    ],
)
def test_coding_modality_more_cues_by_language(text, trigger, lang, expected):
    assert detect(text, trigger, lang).modality == expected


@pytest.mark.parametrize(
    ("text", "trigger", "lang"),
    [
        ("Il ministro non ha escluso che il governo invii truppe in Niger.", "invii", "it"),
        ("The minister did not rule out sending troops to Niger.", "sending", "en"),
        ("Le ministre n'exclut pas d'envoyer des troupes au Niger.", "envoyer", "fr"),
        ("El ministro no descartó enviar tropas a Níger.", "enviar", "es"),
        ("Der Minister schloss eine Entsendung von Truppen nicht aus.", "Entsendung", "de"),
    ],
)
def test_coding_modality_not_ruling_out_is_hypothetical(text, trigger, lang):
    result = detect(text, trigger, lang)
    assert result.modality == "hypothetical" and not result.negated
